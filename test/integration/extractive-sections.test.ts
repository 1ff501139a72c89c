/**
 * The section of a document that answers, in both retrieval modes, on the real corpus (extractive answers, no model):
 * a quantity question quotes the section holding the count it asks for, a « Quand… ? » on the health data quotes
 * the decision with its deadline, a question on a vendor's town quotes the vendor's card, whether the search is full-text or hybrid (the embedding model of a fake Ollama
 * server speaking its real API; no chat model, so the answer quotes passages).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../server/engine.ts";
import { type FakeOllama, startFakeOllamaServer } from "../helpers/fake-ollama.ts";
import { askConversation, realCorpusEngine } from "../helpers/server.ts";

let fulltext: Engine;
let hybrid: Engine;
let ollama: FakeOllama;
const closing: (() => Promise<void>)[] = [];
beforeAll(async () => {
  ollama = await startFakeOllamaServer({ models: ["bge-m3:latest"] });
  const a = await realCorpusEngine("cap-libre-sections-ft-");
  const b = await realCorpusEngine("cap-libre-sections-hy-", (env) => ({
    ...env,
    OLLAMA_BASE_URL: ollama.url,
    EMBEDDING_MODEL: "bge-m3",
  }));
  fulltext = a.engine;
  hybrid = b.engine;
  closing.push(a.close, b.close);
  await hybrid.models.status(true);
  await hybrid.vectors.run(() => {});
}, 240_000);
afterAll(async () => {
  for (const close of closing) await close();
  await ollama?.close();
});

describe.each([
  ["full-text", () => fulltext],
  ["hybrid", () => hybrid],
])("extractive answers in %s mode", (mode, engine) => {
  it("are in that mode", async () => {
    expect(await engine().retriever.mode()).toBe(mode === "hybrid" ? "hybrid" : "fulltext");
  });

  it("quote the section holding the count a question asks for (« Combien de collectivités… NIS2 ? »)", async () => {
    const { text } = await askConversation(
      engine(),
      "Combien de collectivités vont devoir appliquer la directive NIS2 ?",
    );
    expect(text).toContain("1 500 collectivités");
  });

  it("quote the decision and its deadline for « Quand les données de santé… quitter Microsoft ? »", async () => {
    const { text } = await askConversation(
      engine(),
      "Quand les données de santé du Health Data Hub doivent-elles quitter Microsoft ?",
    );
    expect(text).toContain("Health Data Hub : la décision du 5 février 2026");
    expect(text).toContain("d'ici fin 2026");
  });

  it.each([
    ["Doodle, pour nos sondages de dates, c'est une boîte de quelle ville ?", "catalog/vendor/doodle", "Zurich"],
    ["Nos portables ThinkPad : le constructeur vient d'où ?", "catalog/vendor/lenovo", "Pékin"],
    [
      "Le logiciel Syracuse de la médiathèque : l'éditeur a son siège dans quelle ville ?",
      "catalog/vendor/archimed",
      "lillois",
    ],
  ])("quote the vendor's card for a question on its town or origin: %s", async (question, vendor, town) => {
    const { docs, text } = await askConversation(engine(), question);
    expect(docs).toContain(vendor);
    expect(text).toContain(town);
  });

  // A question naming one product of the catalog, asking what it is, who owns it, where it is based, whether it is
  // European, opens on its card (its vendor's after it for the owner or the seat), though the search ranked a case
  // study or a guide naming it higher; the case studies follow.
  it.each([
    ["Microsoft Teams, c'est quoi ?", ["catalog/product/microsoft-teams"]],
    ["Microsoft 365 est-il européen ?", ["catalog/product/microsoft-365", "catalog/vendor/microsoft"]],
    ["Qui contrôle Sopra Steria ?", ["catalog/vendor/sopra-steria"]],
    // Microsoft's card is one of a hundred that say « Microsoft »: it is looked up by the name written.
    [
      "On a l'outil de Microsoft pour l'assistance à la programmation par IA : c'est lequel ?",
      ["catalog/product/github-copilot"],
    ],
  ])("open on the card of the one catalog product the question names: %s", async (question, cards) => {
    const { docs } = await askConversation(engine(), question);
    expect(docs.slice(0, cards.length)).toEqual(cards);
  });

  it("open on what the name written designates (« Visio, l'outil de l'État » is the State's, not Microsoft Visio)", async () => {
    const { docs, text } = await askConversation(engine(), "Visio, l'outil de l'État, remplace quels logiciels ?");
    expect(["guidance/visio-visioconference-etat", "catalog/alternative/visio-dinum"]).toContain(docs[0]);
    // (In hybrid mode, the fake server's embeddings rank the State's Visio card before its page, which lists fewer.)
    if (mode === "full-text") expect(text).toContain("GoTo Meeting");
  });
});

describe("the decision to answer, the same in both modes (trial10 A7)", () => {
  // With the fake embeddings, the fused list of this question (the top 32 of both lists) lacks the passage the
  // full-text ranking keeps: before 6 December 2026 the hybrid mode refused it (« names-apart »: no passage read names
  // « Google Drive » with the rest), the full-text mode answered.
  it.each(["Est-ce que Google Drive c'est risqué pour les délibérations du conseil municipal ?"])(
    "answers « %s » in hybrid mode as in full-text mode",
    async (question) => {
      for (const engine of [fulltext, hybrid]) {
        const { done } = await askConversation(engine, question);
        expect(done.abstention, `${await engine.retriever.mode()}: ${question}`).toBeNull();
      }
    },
  );

  it("says first, in both modes, that the answer is about communes in general when the town given is never named", async () => {
    for (const engine of [fulltext, hybrid]) {
      const { text, done } = await askConversation(engine, "Que change le RGPD pour une commune comme Espalion ?");
      expect(done.abstention).toBeNull();
      expect(text.startsWith("Les passages cités ne parlent pas de « Espalion » en particulier")).toBe(true);
    }
  });
});
