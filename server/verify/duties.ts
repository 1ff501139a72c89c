/**
 * An obligation stated where the cited passages state none (trial14 A12): « Ces objectifs s'inscrivent dans la
 * circulaire du 8 avril 2026 qui s'impose aux départements [1] » where [1] is an email on why a figure helps. Like a
 * ban (`bans.ts`): the words of an obligation, in a sentence and in a passage, are data (`server/i18n/fr/duties.txt`);
 * who is obliged and to what is left to the other checks (`against.ts`, `audience.ts`).
 */
import { fold } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { NEGATION } from "./negation.ts";
import type { Source } from "./source-sentences.ts";
import { phrasePattern } from "./words.ts";

const SECTIONS = wordListSections("duties.txt");
const STATED = phrasePattern(SECTIONS.get("phrase") ?? []);
const GIVEN = phrasePattern(SECTIONS.get("passage") ?? []);

/** The phrase by which a sentence states an obligation none of its cited passages speaks of, as written; or null. */
export function dutyUnstated(stated: string, pool: Source[]): string | null {
  const folded = fold(stated);
  const m = STATED.exec(folded);
  if (!m || NEGATION.test(stated)) return null;
  if (pool.some((src) => src.sentences.some((ss) => GIVEN.test(fold(ss.text))))) return null;
  return folded.length === stated.length ? stated.slice(m.index, m.index + m[0].length) : m[0];
}

/** Whether a sentence, not negated, states that a text obliges a public (« NIS2 impose aux collectivités de … »). */
export const statesDuty = (stated: string) => STATED.test(fold(stated)) && !NEGATION.test(stated);
