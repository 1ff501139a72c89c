/**
 * The catalog's cards searched alone for a request typed as a need (`need-form.ts`) that the passages found do not
 * answer: the card of what the need names may rank below guides sharing its everyday words (« un wiki interne pour
 * documenter les procédures des services »: XWiki not among the first forty passages), and, among cards, below those
 * sharing its setting (« lire toutes les vidéos … » : the video platforms before VLC). The cards whose description
 * holds the need come first, then the others in their order.
 */
import type { CorpusFrequency, CorpusNames } from "./corpus-names.ts";
import { words } from "./french.ts";
import { cardsHoldingNeed } from "./need-form.ts";
import { questionTerms, resolveNames } from "./relevance.ts";

/**
 * The need searched among the cards, with the singular of its plurals: the full-text index's stemmer leaves a plural
 * after a vowel as typed (« vidéos » does not find the VLC card's « vidéo »).
 */
export function cardQuery(question: string): string {
  const singulars = words(question).flatMap((w) => (w.length > 4 && /[aeiou][sx]$/.test(w) ? [w.slice(0, -1)] : []));
  return singulars.length ? `${question} ${singulars.join(" ")}` : question;
}

/** Cards read per passage wanted: the card of the need may rank far below those sharing its setting's words. */
export const CARD_OVERFETCH = 4;

/**
 * `cards` with those whose description holds the need `question` is typed as first, `k` of them (`results`), and how
 * many hold it (`holding`: none, and the cards do not answer the need).
 */
export async function needCardsFirst<R extends { text: string; document: { title: string; kind?: string } }>(
  question: string,
  cards: R[],
  k: number,
  frequency?: CorpusFrequency,
  names?: CorpusNames,
): Promise<{ results: R[]; holding: number }> {
  const terms = await resolveNames(questionTerms(question), frequency, names);
  const first = await cardsHoldingNeed(question, terms, cards, frequency);
  const results = [...first.map((i) => cards[i]!), ...cards.filter((_, i) => !first.includes(i))].slice(0, k);
  return { results, holding: first.length };
}
