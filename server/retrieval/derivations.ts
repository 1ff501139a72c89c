/**
 * Words of one family written as another part of speech (faithful-blind-9, faithful-blind-8): « sert à créer,
 * modifier » where a card writes « Création, modification de PDF », « les connexions passent par » for « passage
 * par », « le remplacent partiellement » for « remplacement partiel ». Endings and families are data
 * (`server/i18n/fr/derivations.txt`); `server/verify/index.ts` counts such a word as found in the coverage check
 * (« l'essentiel de la phrase ») only.
 */
import { wordListLines, wordListSections } from "../i18n/word-lists.ts";
import { fold } from "./french.ts";
import { type Bag, inBag } from "./word-bag.ts";

const SECTIONS = wordListSections("derivations.txt");
const byLength = (list: string[]) => [...list].sort((a, b) => b.length - a.length);
const VERB_ENDINGS = byLength(SECTIONS.get("verb-endings") ?? []);
const NOUN_SUFFIXES = byLength(SECTIONS.get("noun-suffixes") ?? []);
const ADVERBS = (SECTIONS.get("adverbs") ?? []).map((l) => {
  const [from = "", to = ""] = l.split(">").map((x) => x.trim());
  return { from, to };
});
/** Folded word → the other words of its family (one family a line of the section « families »). */
const FAMILY = new Map<string, string[]>();
{
  let inFamilies = false;
  for (const line of wordListLines("derivations.txt")) {
    if (/^\[.+\]$/.test(line)) inFamilies = line === "[families]";
    else if (inFamilies) {
      const family = line
        .split(",")
        .map((w) => fold(w.trim()))
        .filter(Boolean);
      for (const w of family) FAMILY.set(w, [...(FAMILY.get(w) ?? []), ...family.filter((x) => x !== w)]);
    }
  }
}

/** Least letters of a root two words share (« cre » of « créer », « création »). */
export const MIN_ROOT = 3;

/** The roots a word leaves once one of `endings` is taken off it. */
const rootsOf = (word: string, endings: string[]) =>
  endings
    .filter((e) => word.endsWith(e) && word.length - e.length >= MIN_ROOT)
    .map((e) => word.slice(0, -e.length))
    // A doubled consonant before the ending (« fusionner », « fusion »).
    .flatMap((r) => (/(\p{L})\1$/u.test(r) ? [r, r.slice(0, -1)] : [r]));

/** Roots of a bag's words read as nouns (« remplacement » → « remplac »), once per bag. */
const nounRoots = new WeakMap<Bag, Set<string>>();
/** Roots of a bag's words read as verbs (« remplacer » → « remplac »), once per bag. */
const verbRoots = new WeakMap<Bag, Set<string>>();
const rootsOfBag = (bag: Bag, cache: WeakMap<Bag, Set<string>>, endings: string[], whole: boolean) => {
  let roots = cache.get(bag);
  if (!roots) {
    roots = new Set(bag.list.flatMap((w) => [...rootsOf(w, endings), ...(whole && w.length > MIN_ROOT ? [w] : [])]));
    cache.set(bag, roots);
  }
  return roots;
};

/**
 * Whether two folded words may be forms of one verb: once a verb ending is off (« tranchent », « tranchées » →
 * « tranch »), they share a root; or they are the same word. « publics » is no form of « publié » (« public », « publi »).
 */
export function sameVerbRoot(a: string, b: string): boolean {
  if (a === b) return true;
  const roots = new Set(rootsOf(a, VERB_ENDINGS));
  return rootsOf(b, VERB_ENDINGS).some((r) => roots.has(r));
}

/**
 * Whether a folded word of a sentence is in a bag as a word of its family: a verb for the bag's noun or the other way
 * round (same root once their endings are off), an adverb for the bag's adjective, a word of a family of the list, or
 * the same word in the plural.
 */
export function derivedIn(word: string, bag: Bag): boolean {
  const w = fold(word);
  for (const other of FAMILY.get(w) ?? []) if (inBag(other, bag, false)) return true;
  // The same noun in the plural (the stemmer reads « métier » and « métiers » apart: « meti », « metier »).
  if (w.length > MIN_ROOT && !w.endsWith("s") && bag.list.includes(`${w}s`)) return true;
  for (const { from, to } of ADVERBS)
    if (w.endsWith(from) && w.length - from.length >= MIN_ROOT + 1 && inBag(w.slice(0, -from.length) + to, bag, false))
      return true;
  const asVerb = rootsOf(w, VERB_ENDINGS);
  const nouns = rootsOfBag(bag, nounRoots, NOUN_SUFFIXES, true);
  if (asVerb.some((r) => nouns.has(r))) return true;
  const asNoun = rootsOf(w, NOUN_SUFFIXES);
  const verbs = rootsOfBag(bag, verbRoots, VERB_ENDINGS, false);
  return asNoun.some((r) => verbs.has(r));
}
