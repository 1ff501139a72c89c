/**
 * A decision turned into its refusal without a negation word (trial15 A13): « La DINUM a renoncé à passer ses postes
 * sous Linux » where the cited passage says she leaves Windows for Linux, « Le conseil municipal a refusé en 2017 le
 * retour à Windows » where it voted it, « Elle garde Windows » where she leaves it. The refusal is read as the negation
 * it stands for (`server/i18n/fr/refusal-verbs.txt`, data: « a renoncé à » → « n'a pas ») and the sentence so read is
 * compared with the cited passages as a negating sentence is (`contradicted`). Nothing is said when a cited passage
 * writes the refusal verb itself, or when the sentence already negates.
 */
import { escapeRegExp, foldApostrophes } from "../core/text.ts";
import { stem } from "../retrieval/french.ts";
import { contradicted } from "./contradiction.ts";
import { NEGATION } from "./negation.ts";
import type { Source } from "./source-sentences.ts";
import { wordLines, words } from "./words.ts";

/** Each refusal expression (folded, as a pattern between word limits), the negation read in its place, its verb's stem. */
const REFUSALS = wordLines("refusal-verbs.txt")
  .filter((l) => l.includes("|"))
  .map((l) => {
    const [expression, negation] = l.split("|").map((x) => foldApostrophes(x.trim())) as [string, string];
    const verb = words(expression).find((w) => w.length > 2 && w !== "ont")!;
    return {
      pattern: new RegExp(
        `(?<![\\p{L}'])${escapeRegExp(expression).replace(/'/g, "['’]").replace(/\s+/g, "\\s+")}(?!\\p{L})`,
        "u",
      ),
      negation,
      verb: stem(verb),
    };
  });

/** The cited clause a refusal of the sentence, read as a negation, contradicts: a short quote of it, or null. */
export function refusalAgainst(stated: string, pool: Source[]): string | null {
  if (NEGATION.test(stated)) return null;
  const folded = foldApostrophes(stated);
  const cited = pool.flatMap((src) => src.sentences.flatMap((ss) => words(ss.text).map(stem)));
  for (const { pattern, negation, verb } of REFUSALS) {
    if (!pattern.test(folded) || cited.includes(verb)) continue;
    const quote = contradicted(folded.replace(pattern, negation), pool);
    if (quote) return quote;
  }
  return null;
}
