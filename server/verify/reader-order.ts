/**
 * An order given to the reader, whatever the sentence's length (trial22 T-H1): « Vous devez donc le désinstaller
 * immédiatement [1] », « Il faut donc l'enlever tout de suite [1] », « Désinstallez-le immédiatement [1] » on the
 * Kaspersky card, which says « (sans désinstallation sans solution de remplacement) », were no claim at all (fewer than
 * three content words) and shown unmarked. The order's action (the infinitive after the obligation, or the imperative
 * opening the sentence) is read by the form of the sentence; a cited sentence that sets that action aside (« sans
 * désinstallation ») contradicts it; a sentence that is only an order, whose action no cited sentence speaks of, is not
 * checked by anything else and is flagged. Words are data (`server/i18n/fr/reader-order.txt`); `server/verify/index.ts`
 * turns what is found into a reason.
 */
import { fold } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { stem } from "../retrieval/french.ts";
import { NEGATION } from "./negation.ts";
import type { Source } from "./source-sentences.ts";
import { bagOf, inBag } from "./words.ts";

const SECTIONS = wordListSections("reader-order.txt");
/** Folded word tokens, an elided article or pronoun kept as its own token (« l'enlever » → « l' », « enlever »). */
const tokens = (text: string) =>
  [...fold(text).matchAll(/\p{L}+(?:['’](?=\p{L}|$))?/gu)].map((m) => ({
    word: m[0].replace(/’/g, "'"),
    at: m.index,
  }));
/** A section's entries as sequences of tokens, longest first. */
const sequences = (section: string) =>
  (SECTIONS.get(section) ?? []).map((e) => tokens(e).map((t) => t.word)).sort((a, b) => b.length - a.length);
const OBLIGATION = sequences("obligation");
const BETWEEN = sequences("entre");
const AFTER_IMPERATIVE = sequences("après l'impératif");
const NOT_VERBS = new Set((SECTIONS.get("pas un impératif") ?? []).map(fold));
const AGAINST = sequences("contre");
const GIVEN = sequences("ordre donné");
const BEFORE_NOUN = sequences("avant le nom");

type Token = { word: string; at: number };
/** The length of the sequence of `list` that starts at `i`, or 0. */
const startsWith = (list: string[][], words: Token[], i: number) =>
  list.find((seq) => seq.every((w, j) => words[i + j]?.word === w))?.length ?? 0;
/** Words the passage may write the action with: the infinitive, or an imperative read as one. */
const INFINITIVE = /\p{L}{2,}(?:er|ir|re|oir)$/u;

/** A token as the text writes it (accents kept), when folding kept the text's length. */
const written = (text: string, t: Token) =>
  fold(text).length === text.length ? text.slice(t.at, t.at + t.word.length) : t.word;

/** The action a sentence orders the reader to do (its verb, as written), or null when it orders nothing. */
export function orderedAction(sentence: string): string | null {
  const bare = sentence
    .replace(/\[\d+\]/g, " ")
    .replace(/\*\*|__/g, "")
    .replace(/^\s*(?:[-*•]|\d{1,2}[.)])\s+/u, "")
    .trim();
  if (/\?\s*$/u.test(bare) || NEGATION.test(bare)) return null;
  const words = tokens(bare);
  if (words.length === 0) return null;
  // An imperative opening the sentence (« Désinstallez-le », « Remplacez vos postes »), after connectives.
  let i = 0;
  for (let n = startsWith(BETWEEN, words, i); n > 0; n = startsWith(BETWEEN, words, i)) i += n;
  const first = words[i];
  // « Vous devez … » has a subject: no imperative.
  const subject = words.slice(0, i).some((t) => t.word === "vous" || t.word === "nous");
  if (first && !subject && /ez$/u.test(first.word) && first.word.length >= 5 && !NOT_VERBS.has(first.word)) {
    const next = words[i + 1];
    const hyphened = /^-/u.test(bare.slice(first.at + first.word.length));
    if (hyphened || !next || startsWith(AFTER_IMPERATIVE, words, i + 1) > 0) return written(bare, first);
  }
  // An order someone gave (« L'ANSSI a ordonné sa désinstallation », « … a exigé de le désinstaller », trial24 T-H1):
  // its action, the infinitive after « de » or the noun after a determiner.
  for (let k = 0; k < words.length; k++) {
    const n = startsWith(GIVEN, words, k);
    if (!n) continue;
    let j = k + n;
    const de = words[j]?.word === "de" || words[j]?.word === "d'";
    if (de) j++;
    for (let m = startsWith(BETWEEN, words, j); m > 0; m = startsWith(BETWEEN, words, j)) j += m;
    if (!de) j += startsWith(BEFORE_NOUN, words, j);
    const action = words[j];
    if (action && action.word.length >= 5 && (!de || INFINITIVE.test(action.word))) return written(bare, action);
    return null;
  }
  // An obligation followed by an infinitive (« Il faut donc l'enlever », « Vous devez le désinstaller »).
  for (let k = 0; k < words.length; k++) {
    const n = startsWith(OBLIGATION, words, k);
    if (!n) continue;
    let j = k + n;
    for (let m = startsWith(BETWEEN, words, j); m > 0; m = startsWith(BETWEEN, words, j)) j += m;
    const verb = words[j];
    if (verb && INFINITIVE.test(verb.word)) return written(bare, verb);
    return null;
  }
  return null;
}

/** Words that may stand between what sets an action aside and the action (« ne pas le désinstaller »). */
const SMALL = new Set(sequences("petits mots").flat());
/**
 * Whether two folded words are the same action: same stem, or one stem the start of the other, five letters at least
 * (« diversifiez », « diversification »).
 */
const sameRoot = (a: string, b: string) => {
  const [x, y] = [stem(a), stem(b)];
  if (x === y || inBag(a, bagOf(b), false)) return true;
  return Math.min(x.length, y.length) >= 5 && (x.startsWith(y) || y.startsWith(x));
};

/** Most words between what sets the action aside and the action in a cited sentence (« sans désinstallation »). */
export const ORDER_AGAINST_GAP = 2;

/**
 * What the cited passages say of the action a sentence orders: `against`, the words of a cited sentence that set it
 * aside (from the setting-aside word to the end of its clause); `unsaid` when no cited sentence speaks of it; null when
 * the sentence orders nothing or a cited sentence speaks of its action without setting it aside.
 */
export function orderHeld(sentence: string, pool: Source[]): { verb: string; against: string | null } | null {
  const verb = orderedAction(sentence);
  if (!verb) return null;
  let spoken = false;
  for (const src of pool)
    for (const ss of src.sentences) {
      if (ss.inHeading) continue;
      const words = tokens(ss.text);
      const folded = fold(ss.text);
      for (const [i, t] of words.entries()) {
        if (t.word.length < 4 || !sameRoot(fold(verb), t.word)) continue;
        spoken = true;
        for (let k = Math.max(0, i - ORDER_AGAINST_GAP - 1); k < i; k++) {
          const n = startsWith(AGAINST, words, k);
          // Only small words between (« plutôt que de désinstaller »), not a noun (« sans solution de remplacement »).
          if (!n || !words.slice(k + n, i).every((x) => SMALL.has(x.word))) continue;
          const from = words[k]!.at;
          const end = folded.slice(from).search(/[;:.()]/u);
          const quoteOf = folded.length === ss.text.length ? ss.text : folded;
          return { verb, against: quoteOf.slice(from, end < 0 ? undefined : from + end).trim() };
        }
      }
    }
  return spoken ? null : { verb, against: null };
}
