/**
 * What a catalog card says of each of the alternatives it lists (« Alternatives : Tasko (remplacement partiel,
 * Allemagne, libre GPL-3.0-only) ; Ganttor (remplacement direct, …) ») or of what it replaces (« Remplace : … »), given
 * to another item, part of a sentence by part (faithful24): « OpenProject en est un remplacement direct et ProjectLibre
 * un remplacement partiel » where the card gives the degrees the other way round, « PMB est sous licence GPL et Koha
 * sous CeCILL » where it gives the licences the other way round; and « il remplace tous les outils de … » where the
 * card names what it replaces. Also (faithful27) a degree carried along an enumeration (« remplace directement A, B, C
 * et D »), and the country a card gives one alternative given to several (« Koha et PMB, deux logiciels libres
 * français ») or to another (« Grist … publié en Allemagne »). Degrees and their expressions are data
 * (`server/i18n/fr/replacement-degrees.txt`), so are the words of origin (`server/i18n/fr/origin-cues.txt`).
 * `server/verify/index.ts` turns what they find into reasons.
 */
import { escapeRegExp, fold } from "../core/text.ts";
import { words } from "../retrieval/french.ts";
import { NEGATED } from "./overstated.ts";
import { cardListItems, DEGREES, itemNames, namesItem } from "./replacement.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { ADJECTIVE_PLACES, wordList } from "./words.ts";

/** An item of a card's list, with the degree (folded), the licence and the country (folded) the card gives it. */
interface CardItem {
  name: string;
  degree: string | null;
  licence: string | null;
  country: string | null;
}

/** A card's own licence line (« Tasko (gestion de projet) : logiciel libre sous licence GPL-3.0-only »). */
const OWN_LICENCE = /(?:^|\n)\s*([^\n(]+?)\s*\([^()\n]*\)\s*:\s*logiciel libre sous licence\s+([\w.+-]+)/gu;

/** The items of the cited cards' lists, and each card's own licence as an item. */
function cardItems(pool: Source[]): CardItem[] {
  const out: CardItem[] = [];
  for (const item of cardListItems(pool)) {
    const fields = item.fields.split(/\s*,\s*/);
    const degree = DEGREES.find((d) => fields.some((f) => fold(f).startsWith(d.degree)))?.degree ?? null;
    const licence = fields.map((f) => /^libre\s+([\w.+-]+)$/u.exec(f)?.[1]).find(Boolean) ?? null;
    const country = fields.map((f) => words(f).join(" ")).find((f) => PLACE_NAMES.has(f)) ?? null;
    out.push({ name: item.name, degree, licence, country });
  }
  for (const src of pool) {
    const text = src.sentences.map((ss) => ss.text).join("\n");
    for (const m of text.matchAll(OWN_LICENCE))
      out.push({ name: m[1]!.trim(), degree: null, licence: m[2]!, country: null });
  }
  return out;
}

/** Folded places the adjectives of `server/i18n/fr/adjectives-of-places.txt` name. */
const PLACE_NAMES = new Set([...ADJECTIVE_PLACES.values()].flat());

/** The items a text names, an item inside a longer one named left out (« AutoCAD » in « AutoCAD LT »). */
function namedItems(text: string, items: CardItem[]): string[] {
  const named = [...new Set(items.filter((i) => namesItem(text, i.name)).map((i) => i.name))];
  return named.filter((n) => !named.some((o) => o !== n && o.includes(n)));
}

/** Whether a licence as a sentence writes it (« GPL », « CeCILL », « AGPL-3.0-only ») names a card's licence. */
function licenceIs(written: string, licence: string): boolean {
  const card = fold(licence);
  return card === written || (card.startsWith(written) && /^[-\s]/.test(card.slice(written.length)));
}

/** Words that may stand with an item's name in an enumeration (« et le module X »). */
const ITEM_DETERMINERS = new Set(["le", "la", "les", "l", "un", "une", "des", "du", "de", "d"]);

/** A sentence's parts: between commas, semicolons, « et », « tandis que », « mais ». */
const parts = (text: string) =>
  text.split(/\s*(?:[,;]|(?<!\p{L})(?:et|tandis que|mais|alors que)(?!\p{L}))\s*/u).filter((p) => /\p{L}/u.test(p));

/**
 * A part of the sentence that names one item of the cited cards and gives it a degree of replacement, or a licence,
 * that no card gives it (for a licence: one another item has): the item and what the card gives it; else null.
 */
export function itemAttributeSwapped(
  stated: string,
  pool: Source[],
): { name: string; degree: string } | { name: string; licence: string } | null {
  const text = withoutReferences(stated);
  if (NEGATED.test(text)) return null;
  const items = cardItems(pool);
  if (items.length < 2) return null;
  /** The degree a part said of its one item, carried along the enumeration that follows it (« remplace directement
   * A, B, C et D »): a part that only names one item (nothing but its name and a determiner) takes it. */
  let carried: string | null = null;
  for (const part of parts(text)) {
    const named = namedItems(part, items);
    if (named.length !== 1) {
      carried = null;
      continue;
    }
    const own = items.filter((i) => i.name === named[0]);
    const said = DEGREES.filter((d) => d.says.test(fold(part)));
    const degrees = own.map((i) => i.degree).filter((d): d is string => d !== null);
    if (said.length === 1 && degrees.length > 0 && !degrees.includes(said[0]!.degree))
      return { name: named[0]!, degree: degrees[0]! };
    const bare = words(itemNames(named[0]!).reduce((rest, n) => rest.replace(n, " "), part)).every((w) =>
      ITEM_DETERMINERS.has(w),
    );
    if (said.length === 1) carried = said[0]!.degree;
    else if (!bare) carried = null;
    else if (carried && degrees.length > 0 && !degrees.includes(carried))
      return { name: named[0]!, degree: degrees[0]! };
    const licences = own.map((i) => i.licence).filter((l): l is string => l !== null);
    if (licences.length === 0) continue;
    for (const m of part.matchAll(/(?<![\p{L}\p{N}-])[A-Za-z][\w.+-]*/gu)) {
      const written = fold(m[0]).replace(/[.-]+$/, "");
      if (written.length < 3 || licences.some((l) => licenceIs(written, l))) continue;
      if (items.some((i) => i.name !== named[0] && i.licence && licenceIs(written, i.licence)))
        return { name: named[0]!, licence: licences[0]! };
    }
  }
  return null;
}

/** « remplace (directement) tous les … », « remplacent toutes les … »: the words from « tous » on. */
const REPLACES_ALL =
  /(?<!\p{L})remplac\p{L}*\s+(?:\p{L}+\s+){0,2}?((?:tous|toutes|tout|toute)\s+(?:les|la|le|l['’]|ses|sa|son|leurs)\s*((?:[\p{L}'’-]+\s*){1,4}))/iu;

/**
 * « Il remplace directement tous les outils de signature » where the cited cards list what it replaces (« Remplace :
 * Acme Sign (remplacement direct) ; … ») and the words after « tous les » name none of those items, nor does a cited
 * sentence write « tous les » and the word after it as the sentence does: the words, else null.
 */
export function allReplacedUnstated(stated: string, pool: Source[]): string | null {
  const text = withoutReferences(stated);
  if (NEGATED.test(text)) return null;
  const m = REPLACES_ALL.exec(text);
  if (!m) return null;
  const items = cardItems(pool).filter((i) => i.degree !== null);
  if (items.length === 0) return null;
  // A cited sentence writing the same words (« prévoyait de remplacer toutes ses licences Zoom »): said, not widened.
  const phrase = ` ${words(m[1]!).slice(0, 3).join(" ")} `;
  if (pool.some((src) => src.sentences.some((ss) => ` ${words(ss.text).join(" ")} `.includes(phrase)))) return null;
  const after = new Set(words(m[2]!));
  const itemWords = items.flatMap((i) => itemNames(i.name).flatMap((n) => words(n)));
  if (itemWords.some((w) => after.has(w))) return null;
  return m[1]!.trim();
}

/** Words by which a clause gives what follows to all the items it names (« deux logiciels libres français »). */
const ALL_OF = /(?<!\p{L})(?:deux|trois|quatre|tous|toutes|sont|ensemble)(?!\p{L})/iu;

/**
 * A clause naming two items or more of the cited cards' lists together (« Koha et PMB, deux logiciels libres
 * français ») and giving them all a country by its adjective, where the cards give that country to some of them and
 * not to another (no country, or another one): that item and the adjective; else null.
 */
export function countryGivenToAll(stated: string, pool: Source[]): { name: string; adjective: string } | null {
  const text = withoutReferences(stated);
  if (NEGATED.test(text)) return null;
  const items = cardItems(pool).filter((i) => i.degree !== null);
  if (items.length < 2) return null;
  for (const clause of text.split(/\s*(?:[;:]|(?<!\p{L})(?:mais|tandis que|alors que)(?!\p{L}))\s*/u)) {
    const named = namedItems(clause, items);
    if (named.length < 2 || !ALL_OF.test(clause)) continue;
    // The items coordinated, nothing but « , », « et », « ou » between them (« Koha et PMB, deux … »): not each with
    // its own apposition (« OpenProject, allemand, et Wimi, français »).
    const spans = named
      .map((n) => {
        const m = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(n)}(?![\\p{L}\\p{N}])`, "u").exec(clause);
        return m ? [m.index, m.index + n.length] : null;
      })
      .filter((x): x is number[] => x !== null)
      .sort((a, b) => a[0]! - b[0]!);
    if (spans.length < 2) continue;
    const between = spans.slice(1).map((sp, k) => clause.slice(spans[k]![1], sp[0]));
    if (!between.every((b) => /^\s*(?:,|et|ou|,\s*et)?\s*$/u.test(b))) continue;
    const after = clause.slice(spans.at(-1)![1]);
    for (const written of after.match(/\p{L}+/gu) ?? []) {
      const places = ADJECTIVE_PLACES.get(fold(written));
      if (!places) continue;
      const given = (name: string) => items.some((i) => i.name === name && i.country && places.includes(i.country));
      const lacking = named.find((n) => !given(n));
      if (lacking && named.some(given)) return { name: lacking, adjective: written };
    }
  }
  return countryOfAnother(text, items);
}

/** Words that say where a thing comes from before a country's name (`server/i18n/fr/origin-cues.txt`), folded. */
const ORIGIN_CUES = new Set(wordList("origin-cues.txt").map((w) => fold(w)));

/**
 * A clause naming one item of the cited cards' lists and giving it, after its name and before any other name, the
 * country the cards give another item (« Grist est un logiciel libre publié en Allemagne » where the card says
 * « Grist (…, États-Unis, …) ; LibreOffice (…, Allemagne, …) »): by an adjective (« d'origine française »), or by the
 * country's name after a word of origin (« publié en »). The item and the word; else null.
 */
function countryOfAnother(text: string, items: CardItem[]): { name: string; adjective: string } | null {
  for (const clause of text.split(/\s*(?:[;:]|(?<!\p{L})(?:mais|tandis que|alors que)(?!\p{L}))\s*/u)) {
    const named = namedItems(clause, items);
    if (named.length !== 1) continue;
    const own = items.filter((i) => i.name === named[0]).map((i) => i.country);
    const licences = items.filter((i) => i.name === named[0] && i.licence).map((i) => fold(i.licence!));
    if (own.some((c) => c === null)) continue;
    const m = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(named[0]!)}(?![\\p{L}\\p{N}])`, "u").exec(clause);
    if (!m) continue;
    const tokens = clause.slice(m.index + named[0]!.length).match(/\p{L}+/gu) ?? [];
    for (let k = 0; k < tokens.length; k++) {
      const written = tokens[k]!;
      // Another name first: what follows is said of it (« remplace WhatsApp, américain »); not the item's licence.
      if (licences.some((l) => l.includes(fold(written)))) continue;
      if (/^\p{Lu}/u.test(written) && !PLACE_NAMES.has(fold(written))) break;
      const adjective = ADJECTIVE_PLACES.get(fold(written));
      const place =
        PLACE_NAMES.has(fold(written)) && tokens.slice(Math.max(0, k - 3), k).some((t) => ORIGIN_CUES.has(fold(t)));
      const places = adjective ?? (place ? [fold(written)] : null);
      if (!places) continue;
      if (own.some((c) => places.includes(c!))) break;
      if (items.some((i) => i.name !== named[0] && i.country && places.includes(i.country)))
        return { name: named[0]!, adjective: written };
      break;
    }
  }
  return null;
}
