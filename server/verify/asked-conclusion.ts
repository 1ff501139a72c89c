/**
 * A figure taken from the question, in a sentence that concludes from it (trial11 A2): « Votre commune de 20 000
 * habitants est donc concernée par NIS2 [1] » where [1] says the threshold discussed is 30 000 habitants. The user's
 * own figure repeated is context, not a claim (`VerifyOptions.asked`); but a sentence that says a rule applies, or not,
 * because of it (`server/i18n/fr/asked-conclusion.txt`) rests on it, and the cited passages count the same thing
 * otherwise: what they say is not what the sentence concludes.
 */
import { fold } from "../core/text.ts";
import { wordListLines } from "../i18n/word-lists.ts";
import { stem } from "../retrieval/french.ts";
import type { Figure } from "./figures.ts";
import { countedThing, type Source } from "./source-sentences.ts";

let conclusion: RegExp | null = null;
/** The words of a conclusion on whether something applies, as whole-word starts on folded text. */
const concludes = (text: string) => {
  conclusion ??= new RegExp(
    `(?<!\\p{L})(?:${wordListLines("asked-conclusion.txt")
      .map((l) =>
        fold(l)
          .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
          .replace(/\s+/g, "\\s+"),
      )
      .join("|")})`,
    "u",
  );
  return conclusion.test(fold(text));
};

/**
 * The figure of the cited passages counting what the question's figure counts (« 30 000 » habitants for « 20 000
 * habitants »), where the sentence concludes from the question's figure; or null.
 */
export function askedFigureConcluded(stated: string, f: Figure, at: number, pool: Source[]): string | null {
  if (f.kind !== "number" || !concludes(stated)) return null;
  const counted = countedThing(stated, f, at)[0];
  if (!counted) return null;
  for (const src of pool)
    for (const ss of src.sentences)
      for (const other of ss.figures) {
        if (other.kind !== "number" || Math.abs(other.value - f.value) < 1e-9) continue;
        const theirs = countedThing(ss.text, other)[0];
        if (theirs && stem(theirs.word) === stem(counted.word)) return `${other.raw} ${theirs.word}`;
      }
  return null;
}
