/**
 * A thing opened to a public the cited passage does not give it to (faithful24): « Ce marché est ouvert aux
 * collectivités » where the passage says « Ce marché s'adresse aux services de l'État », « Les agents des collectivités
 * peuvent utiliser le service » where the card says « Service de l'État réservé à ses agents ». The words are data
 * (`server/i18n/fr/audience.txt`); `server/verify/index.ts` turns what it finds into a reason.
 */
import { escapeRegExp, fold, foldApostrophes } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { NEGATION, short } from "./negation.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { bagOf, contentWords, inBag, words } from "./words.ts";

const SECTIONS = wordListSections("audience.txt");
/** An alternation of a section's entries, folded, longest first, either apostrophe. */
const alternation = (name: string) =>
  (SECTIONS.get(name) ?? [])
    .map((e) => escapeRegExp(foldApostrophes(e)).replace(/'/g, "['’]"))
    .sort((a, b) => b.length - a.length)
    .join("|");
/** What follows « à », « aux », « au », « pour » up to the end of the clause. */
const TO = "\\s*(?:a|aux|au|pour)\\s+([^.;:()]{1,80})";
const RESERVED = new RegExp(`(?<!\\p{L})(?:${alternation("reserved")})${TO}`, "gu");
const OPEN = new RegExp(`(?<!\\p{L})(?:${alternation("open")})${TO}`, "gu");
const USE = new RegExp(`((?:[\\p{L}'’-]+\\s+){1,4})(?:peut|peuvent)\\s+(?:${alternation("use")})(?!\\p{L})`, "gu");
/** The publics, folded (« collectivites », « etat »). */
const PUBLICS = new Set((SECTIONS.get("publics") ?? []).map((e) => fold(e)));
/** Words that name who acts for a public rather than the thing opened (« les agents des communes »). */
const FOR_PUBLIC = new Set(["agents", "agent", "services", "service", "personnels"]);

const publicsOf = (text: string) => words(text).filter((w) => PUBLICS.has(w));

/** The publics a sentence opens something to, folded: after an expression of [open], or before « peuvent utiliser ». */
function openedTo(folded: string): string[] {
  const out = new Set<string>();
  for (const m of folded.matchAll(OPEN)) for (const w of publicsOf(m[1]!)) out.add(w);
  for (const m of folded.matchAll(USE)) for (const w of publicsOf(m[1]!)) out.add(w);
  return [...out];
}

/**
 * A sentence, without negation nor reserve of its own, opening something to a public that a cited passage's sentence
 * sharing its subject reserves to others, without naming that public (nor any cited sentence opening it to them): the
 * public as the sentence writes it and the passage's sentence, or null.
 */
export function audienceUnstated(stated: string, pool: Source[]): { public: string; quote: string } | null {
  const text = withoutReferences(stated);
  const folded = foldApostrophes(text);
  if (NEGATION.test(text) || new RegExp(RESERVED.source, "u").test(folded)) return null;
  const cited = pool.flatMap((src) => src.sentences.filter((ss) => !ss.inHeading));
  const reserves = (t: string) => new RegExp(RESERVED.source, "u").test(t);
  // A public a cited sentence opens it to itself (« … est ouvert aux communes depuis 2024 ») is not in question.
  const openedThere = new Set(
    cited.flatMap((ss) => {
      const t = foldApostrophes(ss.text);
      return reserves(t) ? [] : openedTo(t);
    }),
  );
  const opened = openedTo(folded).filter((w) => !openedThere.has(w));
  if (opened.length === 0) return null;
  const subject = [...new Set(contentWords(text))].filter((w) => !PUBLICS.has(w) && !FOR_PUBLIC.has(w));
  for (const ss of cited) {
    const theirs = foldApostrophes(ss.text);
    if (!reserves(theirs)) continue;
    const named = new Set(words(theirs));
    const missing = opened.filter((w) => !named.has(w));
    if (missing.length === 0) continue;
    const bag = bagOf(ss.text);
    if (!subject.some((w) => inBag(w, bag, false))) continue;
    const raw = (text.match(/[\p{L}’'-]+/gu) ?? []).find((t) => fold(t) === missing[0]) ?? missing[0]!;
    return { public: raw, quote: short(ss.text) };
  }
  return null;
}

/** Words between a thing and its public that do not tell which public (« de tous les »), folded. */
const LINKS = new Set((SECTIONS.get("links") ?? []).map((e) => fold(e)));
/** Each public's family (publics that overlap: « communes » for « collectivités »), by folded word. */
const FAMILY = new Map<string, number>(
  (SECTIONS.get("groups") ?? []).flatMap((line, i) => line.split(/\s+/).map((w) => [fold(w), i] as [string, number])),
);
const sameFamily = (a: string, b: string) => a === b || (FAMILY.has(a) && FAMILY.get(a) === FAMILY.get(b));
/** How many full words before a public name the thing it is said of. */
const THING = 3;

/**
 * A thing given to another public than the cited passage gives it to (trial14 A4): « Visio deviendra l'outil unique de
 * visioconférence de toutes les collectivités » where the passage says « l'outil unique de visioconférence de tous
 * les services de l'État ». The thing is the three full words before the public in the sentence; the passage's
 * sentence writes them in the same order (links apart) and the first full word after them, agents and services
 * apart, is a public of another family; that sentence does not name the sentence's public. The public as the sentence
 * writes it, the passage's, and the passage's sentence, or null.
 */
export function publicSwapped(stated: string, pool: Source[]): { public: string; other: string; quote: string } | null {
  const text = withoutReferences(stated);
  if (NEGATION.test(text)) return null;
  const toks = words(text);
  if (!toks.some((w) => PUBLICS.has(w))) return null;
  // Each cited sentence's words, and its full words (links apart), read once for every public of the sentence.
  const cited = pool
    .flatMap((src) => src.sentences.filter((ss) => !ss.inHeading))
    .map((ss) => {
      const theirs = words(ss.text);
      return { ss, theirs, full: theirs.filter((w) => !LINKS.has(w)) };
    });
  for (let i = 0; i < toks.length; i++) {
    const mine = toks[i]!;
    if (!PUBLICS.has(mine)) continue;
    const thing: string[] = [];
    for (let k = i - 1; k >= 0 && thing.length < THING; k--) if (!LINKS.has(toks[k]!)) thing.unshift(toks[k]!);
    if (thing.length < THING || thing.some((w) => PUBLICS.has(w) || FOR_PUBLIC.has(w))) continue;
    for (const { ss, theirs, full } of cited) {
      if (theirs.some((w) => sameFamily(w, mine))) continue;
      for (let j = 0; j + THING < full.length; j++) {
        if (!thing.every((w, n) => full[j + n] === w)) continue;
        const next = full.slice(j + THING).find((w) => !FOR_PUBLIC.has(w));
        if (!next || !PUBLICS.has(next) || sameFamily(next, mine)) continue;
        const raw = (text.match(/[\p{L}-]+/gu) ?? []).find((t) => fold(t) === mine) ?? mine;
        const other = (ss.text.match(/[\p{L}-]+/gu) ?? []).find((t) => fold(t) === next) ?? next;
        // The passage's clause that gives the thing to its public, not its whole sentence.
        const clause =
          ss.text.split(/[,;:()]/u).find((c) => {
            const own = words(c);
            return own.includes(next) && own.includes(thing.at(-1)!);
          }) ?? ss.text;
        return { public: raw, other, quote: short(clause.trim()) };
      }
    }
  }
  return null;
}
