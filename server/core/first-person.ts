/**
 * What a user writes of themselves: the first person of a text (« notre commune de 12 000 habitants », « nous avons 80
 * agents »). Drafting reads a sender's context with it (their own information, not claims about others) and chat reads
 * a question with it (its figures and names are the asker's context, not claims to check against passages).
 */

/** A text's clauses (parts between « ; ») of one sentence, without final punctuation. */
export const clausesOf = (sentence: string) =>
  sentence
    .split(/\s*;\s*/u)
    .map((c) => c.trim().replace(/[.!?]+$/u, ""))
    .filter((c) => c.length > 0 && /\p{L}{3}/u.test(c));

/** A text's sentences. */
export const sentencesOf = (context: string) => context.split(/(?<=[.!?])\s+/u).filter((s) => s.trim());

/**
 * First person: the sender speaking of themselves (« nous souhaitons », « notre association », « j'ai encore 3 postes
 * sous windows 7 »: « j' » is followed by its verb's letters, trial21 T-M5).
 */
export const FIRST_PERSON = /(?<!\p{L})(?:(?:nous|notre|nos|je|mon|ma|mes)(?!\p{L})|j['’](?=\p{L}))/iu;

/**
 * What a text says in the first person: its clauses that the sender writes of themselves. In chat, the user's own
 * context (`askedContext`); « la ville de Vernay » is someone else there.
 */
export function firstPersonClauses(text: string): string[] {
  return sentencesOf(text)
    .flatMap(clausesOf)
    .filter((c) => FIRST_PERSON.test(c));
}
