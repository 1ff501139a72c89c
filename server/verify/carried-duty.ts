/**
 * A sentence that takes up, by a demonstrative (« Ce plan », « Cette obligation »), what an earlier sentence of its
 * paragraph gives to the wrong holder, and goes on with the duty: « Chaque commune doit formaliser … son propre plan de
 * réduction des dépendances [1]. … Ce plan doit couvrir sept catégories … [1]. » where the passage says « Chaque
 * ministère … doit formaliser … son propre plan … Ces plans doivent couvrir sept catégories » (trial16 C18). On its own
 * the second sentence is the passage's; « Ce plan » is the commune's. Its holder is that of the sentence it takes up.
 */
import { fold, stem } from "../retrieval/french.ts";
import { type CitedSentence, DUTY, dutyHolderReplaced } from "./overstated.ts";
import { sentenceSpans, withoutNotes, withoutReferences } from "./sentences.ts";
import { words } from "./words.ts";

/** A demonstrative and its noun opening the sentence (« Ce plan », « Cette obligation »). */
const DEMONSTRATIVE = /^\s*(?:Ce|Cet|Cette|Ces)\s+(\p{L}{3,})/u;

/** Most sentences back, in the same paragraph, in which the taken-up sentence is looked for. */
export const CARRIED_REACH = 3;

export interface CarriedDuty {
  /** The demonstrative and its noun (« Ce plan »). */
  taken: string;
  /** The holder the earlier sentence gives the duty to (« Chaque commune »). */
  claimed: string;
  /** The passage's sentence stating the duty of another holder. */
  quote: string;
}

/**
 * The earlier sentence's holder when `stated` opens with a demonstrative whose noun that sentence writes after a duty
 * given to a holder the passages do not give it to, and `stated` states a duty too; else null.
 */
export function carriedDuty(stated: string, earlier: string, passages: CitedSentence[][]): CarriedDuty | null {
  const text = withoutReferences(stated);
  const m = DEMONSTRATIVE.exec(text);
  if (!m || !words(text).some((w) => DUTY.has(w))) return null;
  const noun = stem(fold(m[1]!));
  const paragraph = earlier.split(/\n\s*\n/).at(-1) ?? "";
  const before = sentenceSpans(paragraph).slice(-CARRIED_REACH).reverse();
  for (const span of before) {
    const sentence = withoutReferences(withoutNotes(span.text));
    const list = words(sentence);
    const at = list.findIndex((w) => DUTY.has(w));
    if (at < 0 || !list.slice(at + 1).some((w) => stem(w) === noun)) continue;
    const duty = dutyHolderReplaced(sentence, passages);
    if (duty) return { taken: m[0].trim(), ...duty };
  }
  return null;
}
