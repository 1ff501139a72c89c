/**
 * trial22 T-M8, on the real corpus, without a model: « quels risques si on garde windows 10 sur nos postes » got the
 * own-facts preface and no end of support (« En bref : Éditeur : Microsoft … Exposition … » without « sur nos
 * postes »), while the Windows 10 card says its support ended on 14 October 2025. A risk asked of a product whose card
 * says its support has ended: that end first, then who controls it. A product still supported keeps its vendor line.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../server/engine.ts";
import { message } from "../../server/i18n/messages.ts";
import { askConversation, realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-trial22-risk-");
}, 120_000);
afterAll(async () => real?.close());

async function ask(question: string) {
  const { text, done } = await askConversation(real.engine, question);
  expect(done.abstention).toBeNull();
  return { brief: text.split("\n").find((l) => l.startsWith("En bref")) ?? "", text };
}

describe("the risk of keeping a product whose support has ended (trial22 T-M8)", () => {
  it.each(["quels risques si on garde windows 10 sur nos postes", "quels risques si on garde windows 10"])(
    "« %s » is answered by the end of support, without the own-facts preface",
    async (q) => {
      const { brief, text } = await ask(q);
      expect(brief).toContain("Fin du support des éditions courantes : le 14 octobre 2025");
      expect(text).not.toContain(message("answer.notGiven.ownRecord"));
    },
  );

  it("a risk asked of a product without an end of support keeps its vendor's line", async () => {
    const { brief } = await ask("kaspersky c'est risqué pour nous ?");
    expect(brief).toMatch(/Éditeur|Exposition|Kaspersky/);
    expect(brief).not.toContain("Fin du support");
  });
});
