/**
 * « En bref » read aloud in council, what the twenty-first new-user trial (/work/notes/trial21-FINDINGS.md) and the
 * lead's élu probes of 7 December 2026 found wrong, on the real corpus, without a model.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../server/engine.ts";
import { askConversation, realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-trial21-");
}, 120_000);
afterAll(async () => real?.close());

/** The answer to one question: its whole text, its « En bref » line (empty when there is none) and its abstention. */
async function ask(question: string) {
  const { text, docs, done } = await askConversation(real.engine, question);
  return { text, brief: text.split("\n").find((l) => l.startsWith("En bref")) ?? "", docs, done };
}

describe("a definition asked (« c'est quoi … »)", () => {
  it("reads what the law allows with the day it was enacted, the next sentence referring back to it", async () => {
    const { brief } = await ask("c'est quoi le cloud act");
    expect(brief).toContain("promulgué le 23 mars 2018");
    expect(brief).toContain("Il modifie le Stored Communications Act");
  });

  it("keeps a sentence that says what the thing does by itself", async () => {
    const { brief } = await ask("c'est quoi la section 702 du fisa");
    expect(brief).toContain("autorise une surveillance sans mandat individuel");
    expect(brief).not.toContain("Data Privacy Framework");
  });
});
