/**
 * What the collectivité's own people think of the démarche, stated as a fact in a document (a letter, an audit plan, a
 * roadmap: « Les élus du conseil municipal soutiennent tous ce projet. », « Les agents ont déjà bien accepté ce
 * principe [1] », trial18 F2) that neither the document's data nor any of its passages write: `reactionUnsaid`
 * (`reactions.ts`, the progress note's check) on the sentence, when the people come before their reaction in one clause
 * and no word of an intention or a forecast stands between them (« les agents seront formés » is a plan;
 * `[prévision]` of `server/i18n/fr/reactions.txt`).
 */
import { foldApostrophes } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { opensOnPeople, reactionUnsaid } from "./reactions.ts";
import { words } from "./words.ts";

const FORECAST = new Set((wordListSections("reactions.txt").get("prévision") ?? []).flatMap((e) => words(e)));

/** The words from the people to their reaction, stated as a fact no source writes; or null. */
export function ownPeopleUnsaid(sentence: string, sources: string[]): string | null {
  const said = reactionUnsaid(sentence, sources);
  if (!said || /[,;:()]/u.test(said)) return null;
  const folded = foldApostrophes(said);
  // The reaction after the people it is said of (« limite les difficultés pour les services » is no one's reaction).
  if (!opensOnPeople(said)) return null;
  if (words(folded).some((w) => FORECAST.has(w))) return null;
  return said;
}
