/**
 * A follow-up naming a new place (« et Échirolles ? » after « combien lyon a economise avec le libre », trial25 T-M5)
 * carries what the previous question asked, without its names. « libre », which the corpus writes both capitalised
 * (« Territoire Numérique Libre ») and as a plain word, is no name: it is carried, and the follow-up is answered as
 * the question asked alone is. On the real corpus.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConversationMessage, retrieveForAnswer } from "../../server/answers/answer.ts";
import type { Engine } from "../../server/engine.ts";
import { realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-follow-up-plain-");
}, 120_000);
afterAll(async () => real?.close());

const conversation = (...questions: string[]): ConversationMessage[] =>
  questions.flatMap((content, i) => [
    { role: "user" as const, content },
    ...(i < questions.length - 1 ? [{ role: "assistant" as const, content: "En bref : …" }] : []),
  ]);

describe("a follow-up on another place carries the previous question's plain words", () => {
  it.each(["et Échirolles ?", "et echirolles ?"])("« %s » after a question on Lyon's savings", async (last) => {
    const r = await retrieveForAnswer(conversation("combien lyon a economise avec le libre", last), real.engine);
    expect(r.query).toMatch(/libre/);
    expect(r.query).not.toMatch(/lyon/i);
    expect(r.decision.answerable).toBe(true);
    expect(r.relevant.some((p) => p.document.id === "case-studies/echirolles")).toBe(true);
  });
});
