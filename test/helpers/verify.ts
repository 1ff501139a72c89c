/**
 * The verifier on one sentence and invented passages, numbered [1], [2]… in order: what the verify-*-causes test files
 * each defined the same way.
 */
import { verifyText } from "../../server/verify/index.ts";

/** The first sentence's verification against `passages`, with the document's `facts`. */
export const check = (sentence: string, passages: string[], facts: string[] = []) =>
  verifyText(
    sentence,
    passages.map((text, i) => ({ n: i + 1, text })),
    { facts },
  ).sentences[0]!;

/** The first sentence's status against the passages given. */
export const status = (sentence: string, ...passages: string[]) => check(sentence, passages).status;

/** The first sentence's reasons against the passages given, joined into one string. */
export const reasons = (sentence: string, ...passages: string[]) => check(sentence, passages).reasons.join(" ");
