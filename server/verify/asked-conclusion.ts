/**
 * A figure taken from the question, in a sentence that concludes from it (trial11 A2): « Votre commune de 20 000
 * habitants est donc concernée par NIS2 [1] » where [1] says the threshold discussed is 30 000 habitants. The user's
 * own figure repeated is context, not a claim (`VerifyOptions.asked`); but a sentence that says a rule applies, or not,
 * because of it (`server/i18n/fr/asked-conclusion.txt`) rests on it, and the cited passages count the same thing
 * otherwise: what they say is not what the sentence concludes.
 */
import { fold } from "../core/text.ts";
import { wordListLines, wordListSections } from "../i18n/word-lists.ts";
import { stem } from "../retrieval/french.ts";
import type { Figure } from "./figures.ts";
import { NEGATION } from "./negation.ts";
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

const THRESHOLDS = wordListSections("asked-threshold.txt");
/** Words just before a passage's figure that make it a threshold, folded, ending the text before it. */
const thresholdBefore = (section: string) =>
  new RegExp(
    `(?<!\\p{L})(?:${(THRESHOLDS.get(section) ?? []).map((w) => fold(w).replace(/['’]/g, "['’]")).join("|")})\\s*$`,
    "u",
  );
const ABOVE = thresholdBefore("au-dessus");
const BELOW = thresholdBefore("en dessous");

/** Words of a sentence saying which side of a threshold its figure is on, folded, anywhere in it. */
const sideSaid = (section: string) =>
  new RegExp(
    `(?<!\\p{L})(?:${(THRESHOLDS.get(section) ?? []).map((w) => fold(w).replace(/['’]/g, "['’]").replace(/\s+/g, "\\s+")).join("|")})(?!\\p{L})`,
    "u",
  );
const SAID_ABOVE = sideSaid("dit au-dessus");
const SAID_BELOW = sideSaid("dit en dessous");

/**
 * The figure of the cited passages counting what the question's figure counts (« 30 000 » habitants for « 20 000
 * habitants »), where the sentence concludes from the question's figure; or null.
 */
export function askedFigureConcluded(stated: string, f: Figure, at: number, pool: Source[]): string | null {
  for (const { other, sentence, counted } of countedAlike(stated, f, at, pool)) {
    // « plus de 20 000 habitants » for a commune of 35 000: on the side of the threshold where the rule applies.
    const before = fold(sentence.slice(0, Math.max(0, sentence.indexOf(other.raw))));
    if ((ABOVE.test(before) && f.value >= other.value) || (BELOW.test(before) && f.value <= other.value)) continue;
    // A comparison the sentence states rightly is the model's deduction (`askedFigureCompared`).
    if (comparedRightly(stated, f, other)) continue;
    return counted;
  }
  return null;
}

/**
 * The other figures of the cited passages counting what the question's figure counts in a sentence that concludes
 * from it (« 30 000 habitants » for « Une commune de 3 000 habitants est donc … »), each with its sentence and as the
 * reason names it (« 30 000 habitants »). None for a negated conclusion (« … n'est donc pas concernée »), left to the
 * other checks.
 */
function* countedAlike(
  stated: string,
  f: Figure,
  at: number,
  pool: Source[],
): Generator<{ other: Figure; sentence: string; counted: string }> {
  if (f.kind !== "number" || !concludes(stated) || NEGATION.test(stated)) return;
  const counted = countedThing(stated, f, at)[0];
  if (!counted) return;
  for (const src of pool)
    for (const ss of src.sentences)
      for (const other of ss.figures) {
        if (other.kind !== "number" || Math.abs(other.value - f.value) < 1e-9) continue;
        const theirs = countedThing(ss.text, other)[0];
        if (theirs && stem(theirs.word) === stem(counted.word))
          yield { other, sentence: ss.text, counted: `${other.raw} ${theirs.word}` };
      }
}

/**
 * Whether the sentence says itself which side of a passage's figure the question's figure is on, rightly (« Une commune
 * de 3 000 habitants est donc en dessous du seuil discuté » for « Le seuil discuté … est de 30 000 habitants »).
 */
function comparedRightly(stated: string, f: Figure, other: Figure): boolean {
  const said = fold(stated);
  return (SAID_BELOW.test(said) && f.value < other.value) || (SAID_ABOVE.test(said) && f.value > other.value);
}

/**
 * The figure of the cited passages (« 30 000 habitants ») the sentence rightly compares the question's figure with
 * (trial21 T-M5: « Une commune de 3 000 habitants est donc en dessous du seuil discuté » after « une commune de 3000
 * habitants »): a conclusion the model draws, shown as its deduction (`inference.ts`), not as a figure the passage
 * lacks; or null.
 */
export function askedFigureCompared(stated: string, f: Figure, at: number, pool: Source[]): string | null {
  for (const { other, counted } of countedAlike(stated, f, at, pool))
    if (comparedRightly(stated, f, other)) return counted;
  return null;
}
