/**
 * What an answer says first when the question is in two parts and the corpus answers only the first (`two-parts.ts`):
 * « Le corpus ne répond pas à cette partie de la question : « quel intégrateur … ? » (les passages trouvés ne disent
 * rien de « intégrateur », « version »). Ce qui suit ne répond qu'à : « Munich est revenue à Windows ». », before the
 * « En bref » or the model's answer, which speak of the first part only.
 */
import { fold } from "../core/text.ts";
import { message } from "../i18n/messages.ts";
import { readPrompt } from "../llm/prompts.ts";
import type { MissingPart } from "../retrieval/two-parts.ts";

/** The words a missing part asks, as the question writes them (« intégrateur »), folded when it does not. */
function written(question: string, word: string): string {
  const tokens = question.match(/[\p{L}\p{N}'’-]+/gu) ?? [];
  return tokens.find((t) => fold(t) === word) ?? word;
}

/** The statement: the part the corpus does not answer, what it asks, and the part answered. */
export function partialStatement(partial: MissingPart, question = ""): string {
  const words = partial.words.map((w) =>
    w === "prix" ? message("answer.partial.price") : `de « ${written(question, w)} »`,
  );
  return message("answer.partial", {
    part: partial.part,
    words: words.join(", "),
    first: partial.first,
  });
}

/** What the model is told beside the question (`prompts/fr/partial.md`): the part the corpus does not cover. */
const PARTIAL_PROMPT = readPrompt("partial");

/** The note the model reads after the question: that part is not covered, say so and answer the rest. */
export function partialPrompt(partial: MissingPart): string {
  return PARTIAL_PROMPT.replace("{part}", () => partial.part).replace("{first}", () => partial.first);
}
