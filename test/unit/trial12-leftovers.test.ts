/**
 * What the twelfth new-user trial (/work/wt/trial12-FINDINGS.md) left open, each case on other names than the trial's:
 * the word a refusal reports, a name typed one letter off, a town's own name given as context of a general question.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../server/engine.ts";
import { assessAnswerability } from "../../server/retrieval/relevance.ts";
import { lexicon, passage } from "../helpers/abstention.ts";
import { askConversation, realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-trial12-");
}, 120_000);
afterAll(async () => real?.close());
const ask = (...questions: string[]) => askConversation(real.engine, ...questions);

describe("a refusal reports words, not phrases (trial12 B4)", () => {
  it("reports the noun of « quel est le budget … » missing, not « quel est le budget »", async () => {
    const text = "L'association Adullact fédère des collectivités autour du logiciel libre depuis 2002, à Montpellier.";
    const { frequency, names } = lexicon([text, "Le budget de la commune.", "Une association."]);
    const decision = await assessAnswerability(
      "Quel est le budget de l'association Adullact ?",
      [passage("Adullact", text)],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: false, reason: "missing-figure", missing: ["budget"] });
  });
});

describe("a two-word name heard with one letter off (trial12 A7)", () => {
  it("reads « kloud act » as the CLOUD Act the corpus writes, not a one-word name it comes near", async () => {
    const heard = await ask("le kloud act ça vise aussi google ?");
    const read = await ask("le CLOUD Act ça vise aussi google ?");
    expect(heard.done.abstention).toBeNull();
    expect(heard.docs).toContain("guidance/cloud-act-fisa-702");
    expect(heard.docs).toEqual(read.docs);
    expect(heard.text).not.toMatch(/kloud/i);
  });
});
