/**
 * A question asking a fact or a figure of the asker's own collectivité (« notre conseil a voté la délibération sur le
 * libre à quelle date ? », « combien de postes on a ? »), answered with a model: the answer opens on the same honest
 * sentence as without one (`notGiven` in `brief.ts`: « Le corpus ne donne pas et ne peut pas donner … de votre
 * collectivité … »), and the model is told (`prompts/fr/own.md`) that the passages speak of other bodies, so that it
 * reads none of their dates, votes or figures as the asker's.
 */
import { readPrompt } from "../llm/prompts.ts";
import type { Asked } from "../retrieval/rank.ts";
import { notGiven, OWN_STATEMENTS } from "./brief.ts";

/** What the model is told beside the question when it asks the asker's own collectivité. */
const OWN_PROMPT = readPrompt("own");

/**
 * The opening statement and the note for the model when the question asks a fact of the asker's own collectivité
 * that no passage can give (`texts`: the passages the model reads); null otherwise.
 */
export function ownOpening(
  question: string,
  texts: string[],
  asked: Asked[],
): { statement: string; prompt: string } | null {
  const said = notGiven(question, texts, asked);
  return said && OWN_STATEMENTS.has(said) ? { statement: said, prompt: OWN_PROMPT } : null;
}
