/**
 * A question asking only a date (« Quand Mobilix sera-t-il disponible ? ») meets the section about that date
 * (« La date de mars 2027 pour Mobilix : non confirmée »): the words that say what is dated (« disponible »,
 * « sortira ») are what the section's heading calls a date. They count as held by a section whose heading names a
 * date and a name of the question (`server/i18n/fr/dated-sections.txt`); the date itself must still be in it
 * (`dateAsked` in `relevance.ts`).
 */

import { wordListSections } from "../i18n/word-lists.ts";
import { asksOnlyDate } from "./asked-kinds.ts";
import { stem, words } from "./french.ts";
import type { QuestionTerm } from "./lexicon.ts";
import { holds, passageWords } from "./passage-words.ts";

const SECTIONS = wordListSections("dated-sections.txt");
const stemsOf = (name: string) => new Set((SECTIONS.get(name) ?? []).flatMap((e) => words(e)).map(stem));
/** Stems of the nouns by which a heading says that its section is about a date. */
const DATE_NOUNS = stemsOf("titre");
/** Stems of the words by which a question says what it asks the date of. */
const EVENTS = stemsOf("événement");

/** Whether a term of the question says what is dated (« disponible »), not what it is about. */
const isEvent = (t: QuestionTerm) => !t.name && !t.date && !t.word.includes(" ") && EVENTS.has(stem(t.word));

/**
 * The terms of the question a section holds by its heading: the words saying what is dated, when the question asks
 * only a date and the section's heading names a date and one of the question's names; none otherwise.
 */
export function datedByHeading(question: string, terms: QuestionTerm[], section: string): QuestionTerm[] {
  const events = terms.filter(isEvent);
  if (events.length === 0 || !section) return [];
  const heading = passageWords(section);
  if (!heading.list.some((w) => DATE_NOUNS.has(stem(w)))) return [];
  if (!terms.some((t) => t.name && !t.date && !isEvent(t) && holds(t, heading))) return [];
  return asksOnlyDate(question) ? events : [];
}
