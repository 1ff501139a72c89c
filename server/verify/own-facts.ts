/**
 * What a document says of a product or a vendor of the collectivité's own map, or of an alternative the catalog
 * proposes — its country, the law that reaches it, whether it is free software, how many workstations have it — is
 * known exactly: the map and the catalog the document was built from say it (its tables print it). A sentence about
 * one of them is checked against that, whoever wrote it (the model, the user editing a section, the user's context):
 * « ESET PROTECT est un logiciel libre édité en France », « Nextcloud Hub est édité par une entreprise américaine »,
 * « Lenovo relève de la loi russe » while the roadmap's own table says « non libre, Slovaquie », « Allemagne », « loi
 * chinoise » (trial8 A0), and « Kaspersky est installé sur 290 postes » where the inventory counts 4. What the data
 * carry is supported in turn: a product they name is named (« WeChat » in the inventory, trial8 A3), a count they give
 * is given (« WeChat est installé sur 6 postes »). Word lists: `i18n/fr/own-facts.txt`.
 */
import { escapeRegExp, fold, foldApostrophes } from "../core/text.ts";
import { isEuropean, LAWS_BY_COUNTRY, normalizeLaw } from "../corpus/catalog.ts";
import { message } from "../i18n/messages.ts";
import { wordAlternation, wordListSections } from "../i18n/word-lists.ts";
import { extractFigures } from "./figures.ts";
import { type SentenceCheck, type Verification, verificationOf } from "./index.ts";
import { statusAfter } from "./inference.ts";
import { type PlannedReplacement, plannedReasons } from "./own-plan.ts";
import { CLAUSE_BREAK, clauseAround } from "./sentences.ts";
import { ADJECTIVE_PLACES, words } from "./words.ts";

/** A product, vendor or alternative of the document's own data, and what the data say of it. */
export interface OwnProduct {
  /** The names it is written by (« Nextcloud Hub », « Nextcloud »; an inventory's own spelling). */
  names: string[];
  /** ISO codes of the countries of its vendor and of whoever controls it; empty when the data do not say. */
  countries: string[];
  /** Laws that reach it (law ids of `corpus/catalog.ts`); empty for a European vendor. */
  laws: string[];
  /** Free software or not; null when the data do not say (a vendor makes both). */
  openSource: boolean | null;
  /** Installations the inventory counts (each of its lines, and their sum); absent for what it does not hold. */
  installations?: number[];
  /**
   * Installations in the later of the two inventories a progress note compares (0: gone from the workstations); absent
   * where no later inventory is compared (a map's product).
   */
  remaining?: number;
  /** Installations in the first of the two inventories a progress note compares; absent where none is compared. */
  before?: number;
  /** The replacement a plan gives it: its names, and whether the inventories show it (gone, the replacement grown). */
  replacement?: { names: string[]; shown: boolean };
  /** How the data say it, quoted in the reason (« ESET PROTECT : ESET (Slovaquie), logiciel non libre »). */
  says: string;
  /** The replacement a roadmap plans for it (`own-plan.ts`). */
  planned?: PlannedReplacement;
}

const LISTS = wordListSections("own-facts.txt");
const list = (section: string) => LISTS.get(section) ?? [];
const longestFirst = (entries: string[]) => [...entries].sort((a, b) => b.length - a.length);
const alternation = (section: string) => wordAlternation(longestFirst(list(section)).map((e) => fold(e)));
const bounded = (inner: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${inner})(?![\\p{L}\\p{N}])`, "giu");

const WIDE_EUROPE = new Set(["europe", "union europeenne"]);
/**
 * Folded place (`adjectives-of-places.txt`) → ISO codes, by the French names of regions (an old code shares its
 * name: SU and RU are « Russie »); « europe » stands apart.
 */
const PLACE_CODES: Map<string, string[]> = (() => {
  const out = new Map<string, string[]>();
  const names = new Intl.DisplayNames(["fr"], { type: "region" });
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  for (const a of letters)
    for (const b of letters) {
      const code = a + b;
      let name: string | undefined;
      try {
        name = names.of(code);
      } catch {
        continue;
      }
      if (!name || name === code) continue;
      const key = words(name).join(" ");
      out.set(key, [...(out.get(key) ?? []), code]);
    }
  for (const wide of WIDE_EUROPE) out.delete(wide);
  return out;
})();
/**
 * Countries that contain others for what a sentence says (Hong Kong is China's: its law reaches it): « CN: HK, MO »,
 * which `wordListSections` reads as the entries « CN: HK » and « MO ».
 */
const CONTAINED: Map<string, string[]> = (() => {
  const out = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const e of list("pays comprenant")) {
    const m = /^([A-Z]{2}):\s*([A-Z]{2})$/.exec(e);
    if (m) out.set(m[1]!, (current = [m[2]!]));
    else if (current && /^[A-Z]{2}$/.test(e)) current.push(e);
  }
  return out;
})();

/** A country as a sentence may give it: itself, or what contains it (HK → CN). */
const widened = (codes: string[]) => {
  const out = new Set(codes.map((c) => c.toUpperCase()));
  for (const [wide, parts] of CONTAINED) if (parts.some((p) => out.has(p))) out.add(wide);
  return out;
};

/** The country a law id is of (`us-cloud-act` → US), by the laws each country's control brings. */
const lawCountry = (law: string): string | null => {
  const id = normalizeLaw(law);
  for (const [country, laws] of Object.entries(LAWS_BY_COUNTRY)) if (laws.includes(id)) return country;
  const prefix = /^([a-z]{2})-/.exec(id)?.[1];
  return prefix ? prefix.toUpperCase() : null;
};

/** A place a sentence gives: one country, or Europe as a whole. */
type Place = { codes: string[] } | { europe: true };
const placeOfAdjective = (adjective: string): Place | null => {
  const places = ADJECTIVE_PLACES.get(adjective) ?? [];
  if (places.some((p) => WIDE_EUROPE.has(p)) && !places.some((p) => PLACE_CODES.has(p))) return { europe: true };
  const codes = places.map((p) => PLACE_CODES.get(p)).find(Boolean);
  return codes ? { codes } : null;
};
const placeOfName = (folded: string): Place | null => {
  if (WIDE_EUROPE.has(folded)) return { europe: true };
  const codes = PLACE_CODES.get(folded);
  return codes ? { codes } : null;
};

const ADJECTIVES = longestFirst([...ADJECTIVE_PLACES.keys()]);
const ADJECTIVE = wordAlternation(ADJECTIVES);
/** Place names as a folded text writes them (« etats-unis », « royaume uni »). */
const PLACE_NAMES = wordAlternation(longestFirst([...new Set([...PLACE_CODES.keys(), ...WIDE_EUROPE])])).replace(
  / /g,
  "[\\s-]+",
);

/** « une entreprise américaine », « l'éditeur russe », « d'origine chinoise »: a bearer noun, then an adjective. */
const BEARER_ADJECTIVE = bounded(`(?:${alternation("porteurs")})(?:\\s+(?:[\\p{L}-]+\\s+)?)?\\s*(${ADJECTIVE})`);
/** « édité en France », « basé aux États-Unis ». */
const ORIGIN_PLACE = bounded(`(?:${alternation("origine")})\\s+(?:en|au|aux|a)\\s+(${PLACE_NAMES})`);
/** « la loi russe », « le droit américain », « les lois russes de surveillance ». */
const LAW_ADJECTIVE = bounded(`(?:${alternation("lois")})\\s+(${ADJECTIVE})`);
/** Named laws, by country. */
const NAMED_LAWS: { re: RegExp; code: string }[] = [...LISTS.keys()]
  .map((k) => /^loi nommée ([A-Z]{2})$/.exec(k))
  .filter((m): m is RegExpExecArray => !!m)
  .map((m) => ({ re: bounded(alternation(m[0]!)), code: m[1]! }));
const LAW_WORD = new RegExp(`^(?:${alternation("lois")})(?!\\p{L})`, "iu");
/** « contrôlé par une », « filiale d' » right before a bearer noun: what follows is said of the controlling owner. */
const CONTROL_BEFORE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${alternation("contrôle")})\\s*(?:(?:une|un|la|le|les|des|du|l'|d')\\s*)?$`,
  "iu",
);
const EXTRA = alternation("extra-européen");
/** « un logiciel extra-européen », « un éditeur resté extra-européen »: a bearer noun, then the word. */
const BEARER_EXTRA = bounded(`(?:${alternation("porteurs")})\\s+(?:[\\p{L}-]+\\s+)?(?:${EXTRA})`);
/** « une loi extra-européenne », « aucune législation extra-européenne ». */
const LAW_EXTRA = bounded(`(?:${alternation("lois")})\\s+(?:${EXTRA})`);
/** « a été remplacé », « n'apparaît plus », « Mattermost a remplacé Slack »: gone from the workstations. */
const REMOVED = bounded(alternation("retrait"));
/** « par Mattermost », « au profit de Mattermost »: what replaced it, right after. */
const REPLACED_BY = /^\s*(?:par|au profit d(?:e|u|es|')|pour)\s*(?:l'|le |la |les )?/u;
const FREE = bounded(alternation("libre"));
const PROPRIETARY = bounded(alternation("propriétaire"));
const COUNTED = bounded(alternation("postes"));
const PARTIAL = bounded(alternation("retrait partiel"));
/** « Teams a reculé », « Debian a progressé »: fewer or more installations than in the first inventory. */
const FELL = bounded(alternation("recul"));
const ROSE = bounded(alternation("hausse"));
/** « est passé de » right before a range of installations (« de 101 à 40 installations »). */
const CHANGE = new RegExp(`(?<![\\p{L}])(?:${alternation("évolution")})\\s*$`, "iu");
const SHIFT = bounded(alternation("changement de sujet"));
const PRESENCE = bounded(alternation("présence"));
/** « sans lien avec la Chine », « indépendant des États-Unis »: said of a product, none of its countries or laws. */
const UNLINKED_PLACE = bounded(
  `(?:${alternation("sans lien")})\\s+(?:avec|de|des|du|d'|a|au|aux)\\s*(?:(?:la|le|les|l')\\s*)?(${PLACE_NAMES})`,
);
/** « La migration vers LibreOffice est terminée », « le remplacement de Kaspersky est achevé »: said complete. */
const COMPLETED = bounded(alternation("achèvement"));
/** « presque terminée », « loin d'être achevée »: not (yet) complete, written before the word of completion. */
const NOT_YET = bounded(alternation("achèvement nuancé"));
/** « n'a rien d'américain ». */
const NOTHING_OF = bounded(`(?:${alternation("rien de")})\\s+d(?:e\\s+|')\\s*(${ADJECTIVE})`);
const INDEPENDENT = alternation("indépendant");
/** « société britannique indépendante », « un éditeur indépendant », « est resté indépendant »: owned by no one else. */
const BEARER_INDEPENDENT = bounded(
  `(?:(?:${alternation("porteurs")})(?:\\s+(?:${ADJECTIVE}))?|(?:est|sont|reste|restent|demeure|demeurent)(?:\\s+(?:un|une|des))?)\\s+(?:${INDEPENDENT})`,
);
/** An independence word right after what was matched (« société britannique| indépendante »). */
const INDEPENDENT_AFTER = new RegExp(`^\\s+(?:${INDEPENDENT})(?![\\p{L}\\p{N}])`, "iu");
/** A negation before what the clause says (« n'est pas libre », « ne relève d'aucune loi »). */
const NEGATION = /(?<!\p{L})(?:ne|n'|pas|jamais|aucun|aucune|ni|non)(?!\p{L})/u;

interface Named {
  product: OwnProduct;
  start: number;
  end: number;
}

/** Each product's names, folded, once per list of products. */
const FOLDED_NAMES = new WeakMap<OwnProduct[], { product: OwnProduct; name: string; folded: string }[]>();
function namesOf(products: OwnProduct[]) {
  let out = FOLDED_NAMES.get(products);
  if (!out) {
    out = products.flatMap((product) =>
      product.names.flatMap((name) => {
        const folded = foldApostrophes(name).trim();
        return folded.length < 3 ? [] : [{ product, name, folded }];
      }),
    );
    FOLDED_NAMES.set(products, out);
  }
  return out;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Where each product's names are written in a folded sentence (whole words): the longest name at a place wins. */
function namedIn(folded: string, original: string, products: OwnProduct[]): Named[] {
  const found: Named[] = [];
  for (const { product, name, folded: n } of namesOf(products)) {
    for (let at = folded.indexOf(n); at >= 0; at = folded.indexOf(n, at + 1)) {
      const end = at + n.length;
      if (WORD_CHAR.test(folded[at - 1] ?? "") || WORD_CHAR.test(folded[end] ?? "")) continue;
      // A name is written with its capital (« Element », not « élément »), unless the data write it in lower case.
      if (/^\p{Lu}/u.test(name) && !/\p{Lu}|\p{N}/u.test(original[at] ?? "")) continue;
      found.push({ product, start: at, end });
    }
  }
  // Longest first at a place; a shorter name inside a longer one is the longer one.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  let reach = -1;
  return found.filter((f) => {
    if (f.end <= reach) return false;
    reach = f.end;
    return true;
  });
}

/**
 * The product a statement at `at`…`end` is said of: the nearest named before it in its clause with nothing between
 * that moves to another subject (« remplacé par », « au profit de »), else the first named right after it in its clause
 * (« l'éditeur russe Kaspersky »). All the products named there, when several are written at that place.
 */
function subjectOf(sentence: string, folded: string, named: Named[], at: number, end: number): Named | null {
  const [start, stop] = clauseAround(sentence, at, end, CLAUSE_BREAK);
  const before = named.filter((n) => n.end <= at && n.start >= start).at(-1);
  if (before) {
    SHIFT.lastIndex = 0;
    if (!SHIFT.test(folded.slice(before.end, at))) return before;
  }
  const after = named.find((n) => n.start >= end && n.end <= stop);
  if (after && folded.slice(end, after.start).trim().split(/\s+/).length <= 3) return after;
  return null;
}

interface Statement {
  /** As written in the sentence (what the reason quotes). */
  said: string;
  at: number;
  end: number;
  /** Whether the product's data say it (true), say the contrary (false). */
  holds: (p: OwnProduct) => boolean;
  /** Whether a negated clause (« n'est pas libre ») says the contrary the data say. */
  negatable: boolean;
  /** Whether the data say anything of it for a product (a negated statement contradicts only what they say). */
  known?: (p: OwnProduct) => boolean;
}

/**
 * Whether a product is European as the map says it: whoever controls it is (its vendor's owner when the map gives
 * one, else its vendor), and no extra-European law reaches it — not the country of its vendor's seat alone.
 */
const europeanControlled = (p: OwnProduct) => p.countries.every((c) => isEuropean(c)) && !p.laws.length;
/** The country of whoever controls a product: its vendor's owner, else its vendor (the last of its countries). */
const controller = (p: OwnProduct) => p.countries.slice(-1);
const inCountries = (p: OwnProduct, place: Place, control = false) =>
  "europe" in place
    ? europeanControlled(p)
    : place.codes.some((c) => widened(control ? controller(p) : p.countries).has(c));
const lawCountries = (p: OwnProduct) => widened(p.laws.map(lawCountry).filter((c): c is string => !!c));

/** The statements of a sentence about a product's country, law or licence. */
export function statementsOf(folded: string, original: string): Statement[] {
  const out: Statement[] = [];
  const all = (re: RegExp) => [...folded.matchAll(re)];
  /** The statement a match makes, as written in the sentence, true of a product when `holds`. */
  const said = (m: RegExpMatchArray, holds: Statement["holds"]) =>
    out.push({
      said: original.slice(m.index!, m.index! + m[0].length),
      at: m.index!,
      end: m.index! + m[0].length,
      holds,
      negatable: true,
    });
  const countryStatement = (place: Place, m: RegExpMatchArray) => {
    // « contrôlé par une société chinoise », « une société britannique indépendante »: said of whoever controls it.
    const control =
      CONTROL_BEFORE.test(folded.slice(Math.max(0, m.index! - 60), m.index!)) ||
      INDEPENDENT_AFTER.test(folded.slice(m.index! + m[0].length));
    said(m, (p) => !p.countries.length || inCountries(p, place, control));
  };
  for (const m of all(BEARER_ADJECTIVE)) {
    const place = placeOfAdjective(m[1]!);
    // « la loi russe » is a law, not a country: said by LAW_ADJECTIVE.
    if (place && !LAW_WORD.test(m[0])) countryStatement(place, m);
  }
  for (const m of all(ORIGIN_PLACE)) {
    const place = placeOfName(words(m[1]!).join(" "));
    if (place) countryStatement(place, m);
  }
  const lawStatement = (codes: string[], m: RegExpMatchArray) => {
    // Every vendor working in Europe answers to European law: only an extra-European law says something of it.
    if (codes.some(isEuropean)) return;
    said(m, (p) => codes.some((c) => lawCountries(p).has(c)) || (!p.laws.length && !p.countries.length));
  };
  for (const m of all(LAW_ADJECTIVE)) {
    const place = placeOfAdjective(m[1]!);
    if (place && "codes" in place) lawStatement(place.codes, m);
  }
  for (const { re, code } of NAMED_LAWS) for (const m of all(re)) lawStatement([code], m);
  // « sans lien avec la Chine », « n'a rien d'américain »: no country of its vendor or owner, no law of it.
  const unlinked = (place: Place | null, m: RegExpMatchArray) => {
    if (!place || !("codes" in place)) return;
    out.push({
      said: original.slice(m.index!, m.index! + m[0].length),
      at: m.index!,
      end: m.index! + m[0].length,
      holds: (p) => !place.codes.some((c) => widened(p.countries).has(c) || lawCountries(p).has(c)),
      negatable: false,
    });
  };
  for (const m of all(UNLINKED_PLACE)) unlinked(placeOfName(words(m[1]!).join(" ")), m);
  for (const m of all(NOTHING_OF)) unlinked(placeOfAdjective(m[1]!), m);
  // « indépendant »: the map gives its vendor no controlling owner (a vendor and its owner are two countries).
  for (const m of all(BEARER_INDEPENDENT))
    out.push({
      said: original.slice(m.index!, m.index! + m[0].length),
      at: m.index!,
      end: m.index! + m[0].length,
      holds: (p) => p.countries.length < 2,
      negatable: false,
    });
  // « extra-européen »: whoever controls it is not European, or an extra-European law reaches it.
  for (const m of all(BEARER_EXTRA)) said(m, (p) => !p.countries.length || !europeanControlled(p));
  for (const m of all(LAW_EXTRA)) said(m, (p) => p.laws.length > 0 || (!p.countries.length && !p.laws.length));
  // « remplacé (par Mattermost) », « n'apparaît plus »: gone from the later inventory, the replacement shown; said of
  // a part only (« sur une partie des postes », or with the count that remains), fewer than at the start but not none.
  PARTIAL.lastIndex = 0;
  const partial = PARTIAL.test(folded);
  const counts = new Set(extractFigures(original).map((f) => f.value));
  for (const m of all(REMOVED)) {
    const end = m.index! + m[0].length;
    const by = REPLACED_BY.exec(folded.slice(end));
    const named = by ? folded.slice(end + by[0].length) : null;
    const byIt = (p: OwnProduct) => !!named && !!p.replacement?.names.some((n) => named.startsWith(foldApostrophes(n)));
    out.push({
      said: original.slice(m.index!, end),
      at: m.index!,
      end,
      holds: (p) =>
        p.remaining === undefined ||
        (p.remaining === 0 && (!byIt(p) || p.replacement!.shown)) ||
        ((partial || counts.has(p.remaining)) &&
          p.remaining > 0 &&
          p.remaining < Math.max(...(p.installations ?? [0]))),
      negatable: true,
      known: (p) => p.remaining !== undefined,
    });
  }
  // « a reculé », « a progressé »: fewer, more installations in the later inventory than in the first.
  const compared = (p: OwnProduct) => p.before !== undefined && p.remaining !== undefined;
  for (const [re, fell] of [
    [FELL, true],
    [ROSE, false],
  ] as const)
    for (const m of all(re))
      out.push({
        said: original.slice(m.index!, m.index! + m[0].length),
        at: m.index!,
        end: m.index! + m[0].length,
        holds: (p) => !compared(p) || (fell ? p.remaining! < p.before! : p.remaining! > p.before!),
        negatable: true,
        known: compared,
      });
  for (const [re, free] of [
    [FREE, true],
    [PROPRIETARY, false],
  ] as const)
    for (const m of all(re)) said(m, (p) => p.openSource === null || p.openSource === free);
  return out;
}

/** The reasons a sentence's statements about the data's products are not what the data say, with the statements. */
export function ownFactReasons(
  sentence: string,
  products: OwnProduct[],
  where: string,
): { reasons: string[]; wrong: { said: string; reason: string }[]; named: OwnProduct[]; confirmed: string[] } {
  const folded = foldApostrophes(sentence);
  const named = namedIn(folded, sentence, products);
  const reasons: string[] = [];
  const wrong: { said: string; reason: string }[] = [];
  const confirmed: string[] = [];
  // A migration said complete (« La migration vers LibreOffice est terminée ») while the later inventory still counts
  // the product it replaces (trial17 D20): the product may be named only by its replacement.
  for (const { said, says } of completionsOf(sentence, folded, named, products)) {
    const reason = message("verify.ownFact", { said, where, says });
    if (!reasons.includes(reason)) {
      reasons.push(reason);
      wrong.push({ said, reason });
    }
  }
  if (!named.length) return { reasons, wrong, named: [], confirmed };
  const flag = (said: string, p: OwnProduct) => {
    const reason = message("verify.ownFact", { said, where, says: p.says });
    if (!reasons.includes(reason)) {
      reasons.push(reason);
      wrong.push({ said, reason });
    }
  };
  // What is marked: the product and all that is wrongly said of it (« Lenovo relève de la loi russe »), when close
  // enough; else each statement as written.
  const bySubject = new Map<Named, Statement[]>();
  for (const s of statementsOf(folded, sentence)) {
    const subject = subjectOf(sentence, folded, named, s.at, s.end);
    if (!subject) continue;
    const [start] = clauseAround(sentence, s.at, s.end, CLAUSE_BREAK);
    const negated = NEGATION.test(folded.slice(Math.max(start, subject.end), s.at));
    const holds = s.holds(subject.product);
    if (negated ? holds && s.negatable && (s.known ?? isKnown)(subject.product) : !holds)
      bySubject.set(subject, [...(bySubject.get(subject) ?? []), s]);
  }
  for (const [subject, said] of bySubject) {
    const from = Math.min(subject.start, ...said.map((s) => s.at));
    const to = Math.max(subject.end, ...said.map((s) => s.end));
    if (to - from <= 100) flag(sentence.slice(from, to), subject.product);
    else for (const s of said) flag(s.said, subject.product);
  }
  // The replacement a roadmap plans for it, and its date (`own-plan.ts`).
  plannedReasons(
    sentence,
    folded,
    (at, end) => subjectOf(sentence, folded, named, at, end)?.product ?? null,
    (said, says) => {
      const reason = message("verify.ownFact", { said, where, says });
      if (!reasons.includes(reason)) {
        reasons.push(reason);
        wrong.push({ said, reason });
      }
    },
    (at, end) => clauseAround(sentence, at, end, CLAUSE_BREAK)[1],
  );
  // A count of workstations said of a product the inventory counts: one of its counts; two, from one inventory to the
  // next (« passé de 101 à 40 installations »): the first inventory's, then the last one's.
  const figures = extractFigures(sentence);
  for (const [i, f] of figures.entries()) {
    if (f.kind !== "number" || figures[i - 1]?.raw === f.raw) continue;
    const to = figures[i + 1]?.raw === f.raw ? figures[i + 1]!.value : null;
    const at = sentence.indexOf(f.raw);
    if (at < 0) continue;
    const after = folded.slice(at + f.raw.length);
    COUNTED.lastIndex = 0;
    const unit = COUNTED.exec(after);
    if (!unit || after.slice(0, unit.index).trim()) continue;
    const subject = subjectOf(sentence, folded, named, at, at + f.raw.length);
    const counts = subject?.product.installations;
    if (!subject || !counts?.length) continue;
    // Said of the product's presence on the workstations (« installé sur », « 6 postes ont »), or in parentheses
    // after its name (« WeChat (6 installations) »).
    const between = subject.end <= at ? folded.slice(subject.end, at) : folded.slice(at + f.raw.length, subject.start);
    if (to !== null) {
      if (subject.end > at || !CHANGE.test(between)) continue;
      const [first, last] = [counts[0], counts.at(-1)];
      if (counts.length === 2 && first === f.value && last === to) confirmed.push(f.raw);
      else {
        const reason = message("verify.ownFact", { said: f.raw, where, says: subject.product.says });
        if (!reasons.includes(reason)) {
          reasons.push(reason);
          wrong.push({ said: f.raw, reason });
        }
      }
      continue;
    }
    PRESENCE.lastIndex = 0;
    if (!PRESENCE.test(between) && !/^\s*\(\s*$/.test(between)) continue;
    if (counts.some((c) => Math.abs(c - f.value) < 1e-9)) confirmed.push(f.raw);
    else {
      const reason = message("verify.ownFact", { said: f.raw, where, says: subject.product.says });
      if (!reasons.includes(reason)) {
        reasons.push(reason);
        wrong.push({ said: f.raw, reason });
      }
    }
  }
  return { reasons, wrong, named: [...new Set(named.map((n) => n.product))], confirmed };
}

/**
 * A migration or a replacement a clause says complete (`[achèvement]`: « La migration vers LibreOffice est terminée »,
 * « Le remplacement de Kaspersky est achevé »), of the products it names — by their own names, else as the replacement
 * the plan gives them — where the later inventory a progress note compares still counts one of them: the words said
 * and what the data say of that product. A clause that says it is not (yet) complete (« n'est pas terminée », « presque
 * achevée »), or complete on a part only (« sur une partie des postes », a count), is not a claim of completion.
 */
function completionsOf(
  sentence: string,
  folded: string,
  named: Named[],
  products: OwnProduct[],
): { said: string; says: string }[] {
  const out: { said: string; says: string }[] = [];
  for (const m of folded.matchAll(COMPLETED)) {
    const end = m.index! + m[0].length;
    const [start, stop] = clauseAround(sentence, m.index!, end, CLAUSE_BREAK);
    const before = folded.slice(start, m.index!);
    const clause = folded.slice(start, stop);
    NOT_YET.lastIndex = 0;
    PARTIAL.lastIndex = 0;
    if (NEGATION.test(before) || NOT_YET.test(before) || PARTIAL.test(clause)) continue;
    if (extractFigures(sentence.slice(start, stop)).some((f) => f.kind === "number")) continue;
    const own = named.filter((n) => n.start >= start && n.end <= stop).map((n) => n.product);
    const written = (name: string) => {
      const n = foldApostrophes(name).trim();
      return n.length >= 3 && new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(n)}(?![\\p{L}\\p{N}])`, "u").test(clause);
    };
    const about = own.length ? own : products.filter((p) => p.replacement?.names.some(written));
    const open = about.find((p) => p.remaining !== undefined && p.remaining > 0);
    if (open) out.push({ said: sentence.slice(start, end).trim(), says: open.says });
  }
  return out;
}

/** A negated statement contradicts the data only where they say something (a known country, licence or law). */
const isKnown = (p: OwnProduct) => p.countries.length > 0 || p.openSource !== null;

/**
 * A reason of the verifier as a pattern: its first placeholder captured, the others any text (« « WeChat » n'est pas
 * nommé … » and « le chiffre « 6 » ne figure pas … »: the quoted name or figure).
 */
export function reasonPattern(key: string): RegExp {
  let first = true;
  const source = escapeRegExp(message(key, {})).replace(/\\\{\w+\\\}|\{\w+\}/g, () => {
    const group = first ? "(.+?)" : ".*";
    first = false;
    return group;
  });
  return new RegExp(`^${source}$`, "su");
}

/**
 * A verification where each sentence is also checked against what the document's own data say of the products and
 * vendors it names (`OwnProduct`): a country, a law, a licence or a count of workstations the data contradict makes
 * the sentence « non vérifié », with what they say; a name the data carry is named, and a count they give is found
 * (the reasons saying otherwise are dropped). A table row is the data's own.
 */
export function checkOwnFacts(
  verification: Verification,
  products: OwnProduct[] | undefined,
  where: string,
): { verification: Verification; mismatched: { figure: string; reason: string }[]; confirmed: string[] } {
  const mismatched: { figure: string; reason: string }[] = [];
  const confirmedAll: string[] = [];
  if (!products?.length) return { verification, mismatched, confirmed: confirmedAll };
  const notNamed = reasonPattern("verify.nameNotFound");
  const notFound = reasonPattern("verify.figureNotFound");
  // A figure the data give for the product it is said of is not « there, but for something else » either.
  const elsewhere = [reasonPattern("verify.figureContext"), reasonPattern("verify.figureSwapped")];
  let changed = false;
  const sentences: SentenceCheck[] = verification.sentences.map((s) => {
    if (/^\s*\|/.test(s.text)) return s;
    const { reasons, wrong, named, confirmed } = ownFactReasons(s.text, products, where);
    mismatched.push(...wrong.map((w) => ({ figure: w.said, reason: w.reason })));
    confirmedAll.push(...confirmed);
    const names = new Set(named.flatMap((p) => p.names.map((n) => fold(n))));
    const kept = s.reasons.filter((r) => {
      const name = notNamed.exec(r)?.[1];
      if (name && [...names].some((n) => n === fold(name) || n.startsWith(`${fold(name)} `))) return false;
      // A count the data give, or one they give otherwise (its own reason says what they give).
      const figure = notFound.exec(r)?.[1];
      if (figure && (confirmed.includes(figure) || wrong.some((w) => w.said === figure))) return false;
      const placed = elsewhere.map((re) => re.exec(r)?.[1]).find(Boolean);
      return !(placed && (confirmed.includes(placed) || wrong.some((w) => w.said === placed)));
    });
    const added = reasons.filter((r) => !s.reasons.includes(r));
    if (!added.length && kept.length === s.reasons.length) return s;
    changed = true;
    const all = [...kept, ...added];
    return {
      ...s,
      // An inference stays one while its reasons are its own (`inference.ts`).
      status: statusAfter(s, all),
      reasons: all,
    };
  });
  return { verification: changed ? verificationOf(sentences) : verification, mismatched, confirmed: confirmedAll };
}
