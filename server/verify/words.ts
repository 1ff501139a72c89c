/** The words of a text and whether a source has them: bags of folded words, synonyms, acronyms, place adjectives. */
import { readFileSync } from "node:fs";
import { escapeRegExp, fold } from "../core/text.ts";
import { BASE_STOPWORDS } from "../i18n/word-lists.ts";
import { stem } from "../retrieval/french.ts";
import { keywords } from "../retrieval/relevance.ts";
import { type Bag, bagOf, inBag, unligature, words } from "../retrieval/word-bag.ts";

export { type Bag, bagOf, inBag, words };

/** One-word-per-line (or space-separated) list of `server/i18n/fr/`, comments (« # ») left out. */
export const wordList = (file: string) =>
  readFileSync(new URL(`../i18n/fr/${file}`, import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"))
    .flatMap((l) => l.trim().split(/\s+/));

/** Lines of a list of `server/i18n/fr/` (one entry of several words a line), comments (« # ») left out. */
export const wordLines = (file: string) =>
  readFileSync(new URL(`../i18n/fr/${file}`, import.meta.url), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));

/** Words that say nothing checkable (besides stopwords): framing, connectives, verbs of saying (« À en croire … »). */
export const WEAK = new Set([
  ..."selon indique precise souligne rappelle note explique ainsi egalement notamment aussi donc cependant toutefois en effet part plus moins tres deja encore environ pres partir depuis lors cadre fin debut ensemble permet permettre objectif important enjeu question reponse passage passages source sources corpus document documents croire".split(
    " ",
  ),
  // Connectives a sentence adds (« en revanche »), as data.
  ...wordList("claim-connectives.txt").flatMap((w) => words(w)),
  // Verbs announcing a product's use (« sert à »), as data.
  ...wordList("purpose-verbs.txt").flatMap((w) => words(w)),
]);

export const contentWords = (text: string) =>
  keywords(unligature(text).replace(/\[\d+\]/g, " ")).filter((w) => !/^\d/.test(w) && !WEAK.has(w) && w.length > 2);

/**
 * Words a model puts in the place of what a figure counts, meaning kept (`server/i18n/fr/figure-synonyms.txt`, data): stem →
 * the stems of its group.
 */
const COUNTED_SYNONYMS: Map<string, string[]> = (() => {
  const out = new Map<string, string[]>();
  const lines = readFileSync(new URL("../i18n/fr/figure-synonyms.txt", import.meta.url), "utf8").split("\n");
  for (const line of lines.filter((l) => l.trim() && !l.startsWith("#"))) {
    const group = line.split(",").map((w) => words(w).map(stem).join(" "));
    for (const w of group) out.set(w, [...(out.get(w) ?? []), ...group.filter((x) => x !== w)]);
  }
  return out;
})();

/**
 * A place and the adjectives that name it (`server/i18n/fr/adjectives-of-places.txt`, data): folded place → folded
 * adjectives. « en Europe » is named by a passage on a « filiale européenne ».
 */
const PLACE_ADJECTIVES: Map<string, string[]> = (() => {
  const out = new Map<string, string[]>();
  const lines = readFileSync(new URL("../i18n/fr/adjectives-of-places.txt", import.meta.url), "utf8").split("\n");
  for (const line of lines.filter((l) => l.includes(":") && !l.startsWith("#"))) {
    const [place, adjectives] = line.split(":") as [string, string];
    out.set(
      words(place).join(" "),
      adjectives
        .split(",")
        .map((a) => words(a).join(" "))
        .filter(Boolean),
    );
  }
  return out;
})();

/** Whether a name (folded words) is in a bag, as written or, for a place, by one of its adjectives. */
export function nameIn(folded: string, bag: Bag): boolean {
  return inBag(folded, bag) || (PLACE_ADJECTIVES.get(folded) ?? []).some((a) => inBag(a, bag, false));
}

/** Folded adjective → the folded places it names (« allemande » → « allemagne »), from the same list. */
export const ADJECTIVE_PLACES: Map<string, string[]> = (() => {
  const out = new Map<string, string[]>();
  for (const [place, adjectives] of PLACE_ADJECTIVES)
    for (const a of adjectives) out.set(a, [...(out.get(a) ?? []), place]);
  return out;
})();

/** A content word of a claim found in a bag: itself, or the place an adjective names (« d'origine allemande », « Allemagne »). */
export const wordIn = (folded: string, bag: Bag) =>
  nameIn(folded, bag) || (ADJECTIVE_PLACES.get(folded) ?? []).some((p) => inBag(p, bag, false));

/**
 * Words an acronym skips in the name it stands for (« Cour pénale internationale » → CPI): the base stop-words, and
 * the short prepositions a name holds (« Agence nationale pour … », « Conseil supérieur de l'audiovisuel »).
 */
export const ACRONYM_SKIPS = new Set([...BASE_STOPWORDS, "pour", "a", "aux", "au"]);

/** Whether an acronym (« CPI », folded « cpi ») is given by a name written in full in a bag (« cour penale internationale »). */
export function acronymIn(acronym: string, bag: Bag): boolean {
  if (acronym.length < 2 || acronym.length > 6) return false;
  const list = bag.list;
  for (let i = 0; i < list.length; i++) {
    if (list[i]![0] !== acronym[0]) continue;
    let k = 0;
    for (let j = i; j < list.length && k < acronym.length; j++) {
      if (k > 0 && ACRONYM_SKIPS.has(list[j]!)) continue;
      if (list[j]![0] !== acronym[k] || /^\d/.test(list[j]!)) break;
      k++;
    }
    if (k === acronym.length) return true;
  }
  return false;
}

/** A word in a bag, or one of the words a model puts in its place for what a figure counts. */
export function sameThing(word: string, bag: Bag): boolean {
  if (inBag(word, bag)) return true;
  return (COUNTED_SYNONYMS.get(stem(word)) ?? []).some((s) =>
    s.includes(" ") ? bag.joined.includes(` ${s} `) || s.split(" ").every((x) => bag.stems.has(x)) : bag.stems.has(s),
  );
}

/**
 * Word-list entries as one pattern on folded text: each the start of a word, or a phrase of whole words (an
 * apostrophe may be followed by a space, any run of blanks matches one): the phrases of a ban or an obligation.
 */
export const phrasePattern = (entries: string[]) =>
  new RegExp(
    `(?<!\\p{L})(?:${entries
      .map((e) => escapeRegExp(fold(e)).replace(/['’]/g, "['’]\\s*").replace(/\s+/g, "\\s+"))
      .join("|")})`,
    "iu",
  );
