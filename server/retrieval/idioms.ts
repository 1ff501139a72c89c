/** French idioms in a question (« casser sa pipe »): their words are not asked one by one. */
import { readFileSync } from "node:fs";
import { NUMBER_WORD_PATTERN } from "../core/number-words.ts";
import { fold } from "../core/text.ts";
import { stem as frStem, words } from "./french.ts";
import { ligatures, STOPWORDS } from "./lexicon.ts";

/** The idioms of the data file: their words, and what they mean when it is a topic of the domain (« coûter un bras »: prix). */
const IDIOM_LINES = readFileSync(new URL("../i18n/fr/idioms.txt", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.trim() && !l.startsWith("#"))
  .map((l) => {
    const [expression, meanings = ""] = l.split(":") as [string, string?];
    return {
      words: words(ligatures(expression)),
      meanings: meanings
        .split(",")
        .map((m) => words(m).join(" "))
        .filter(Boolean),
    };
  });
const IDIOMS: string[][] = IDIOM_LINES.map((idiom) => idiom.words.map(frStem));

/**
 * The same idioms by their content words only, when they have two or more: « on ne met pas tous nos œufs dans le
 * même panier », « a soufflé ses vingt bougies » hold them in order, with only small words or numbers between.
 */
const LOOSE_IDIOMS: string[][] = IDIOM_LINES.map((idiom) =>
  idiom.words.filter((w) => !STOPWORDS.has(w) && w.length >= 3).map(frStem),
);
/** Most words between two content words of a loose idiom. */
const IDIOM_GAP = 3;
/** Words that may stand between two content words of a loose idiom: small words and numbers (« ses vingt bougies »). */
const NUMBER_WORD = new RegExp(`^(\\d+|un|une|cents|${NUMBER_WORD_PATTERN})$`);

/** Equal stems, or one the start of the other (« tire » from « tiré », « tir » from « tirer »). */
const sameStem = (a: string, b: string) =>
  a === b || (Math.min(a.length, b.length) >= 3 && (a.startsWith(b) || b.startsWith(a)));

/** The idioms a question's tokens (folded, elision dropped) hold: each with its tokens' indexes and its meanings. */
export function idiomMatches(tokens: string[]): { tokens: number[]; phrase: string; meanings: string[] }[] {
  const folded = tokens.map((t) => fold(ligatures(t)));
  const stems = folded.map(frStem);
  const out: { tokens: number[]; phrase: string; meanings: string[] }[] = [];
  const add = (n: number, from: number, to: number) => {
    const span = Array.from({ length: to - from + 1 }, (_, k) => from + k);
    out.push({ tokens: span, phrase: IDIOM_LINES[n]!.words.join(" "), meanings: IDIOM_LINES[n]!.meanings });
  };
  IDIOMS.forEach((idiom, n) => {
    for (let i = 0; i + idiom.length <= stems.length; i++)
      if (idiom.every((s, j) => sameStem(stems[i + j]!, s))) add(n, i, i + idiom.length - 1);
  });
  LOOSE_IDIOMS.forEach((idiom, n) => {
    if (idiom.length < 2) return;
    for (let i = 0; i < stems.length; i++) {
      if (!sameStem(stems[i]!, idiom[0]!)) continue;
      let at = i;
      for (const s of idiom.slice(1)) {
        let k = at + 1;
        while (k < stems.length && k <= at + 1 + IDIOM_GAP && !sameStem(stems[k]!, s)) {
          if (!STOPWORDS.has(folded[k]!) && !NUMBER_WORD.test(folded[k]!)) k = stems.length;
          else k++;
        }
        at = k < stems.length && k <= at + 1 + IDIOM_GAP ? k : -1;
        if (at < 0) break;
      }
      if (at > i) add(n, i, at);
    }
  });
  return out;
}

/** Indexes of the tokens (folded, elision dropped) that belong to an idiom. */
export function idiomTokens(tokens: string[]): Set<number> {
  return new Set(idiomMatches(tokens).flatMap((m) => m.tokens));
}
