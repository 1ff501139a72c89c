/**
 * trial20 N-H1: when Cap Libre writes its own opening before the model's text (« Les passages cités ne parlent pas de
 * « rochebrune » en particulier : … »), every sentence the verification reports lies at its offsets in the whole answer
 * — the page and the exports put « non vérifié » there. They were the model text's offsets: the mark landed inside a
 * true sentence, and the false one read unmarked.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../server/engine.ts";
import { type FakeOllama, startFakeOllama } from "../helpers/fake-ollama.ts";
import { askConversation, realCorpusEngine, withTestProvider } from "../helpers/server.ts";

const REPLY =
  "Le seuil discuté pour les collectivités est de 30 000 habitants [1]. Rochebrune-sur-Vaize n'est donc soumise à aucune règle de cybersécurité [1].";

describe("the verification of an answer opening on Cap Libre's own words (trial20 N-H1)", () => {
  let engine: Engine;
  let close: () => Promise<void>;
  let ollama: FakeOllama;
  beforeAll(async () => {
    ollama = await startFakeOllama({ reply: REPLY });
    ({ engine, close } = await realCorpusEngine("cap-libre-marks-opening-", (env) =>
      withTestProvider({ ...env, OLLAMA_BASE_URL: ollama.url }),
    ));
  }, 180_000);
  afterAll(async () => {
    await close?.();
    await ollama?.close();
  });

  it("gives each sentence's offsets in the whole answer, the opening included", async () => {
    const { text, done } = await askConversation(
      engine,
      "a rochebrune on se demande si nis2 s applique aux communes de 1900 habitants",
    );
    expect(done.mode).toBe("generated");
    expect(text).toMatch(/^Les passages cités ne parlent pas de « rochebrune/i);
    const sentences = done.verification!.sentences;
    expect(sentences.length).toBeGreaterThan(1);
    for (const s of sentences) expect(text.slice(s.start, s.end), s.text).toBe(s.text);
    const flagged = sentences.filter((s) => s.status === "unsupported");
    expect(flagged.map((s) => text.slice(s.start, s.end)).join(" ")).toContain("aucune règle de cybersécurité");
  }, 120_000);
});
