/**
 * Answerable questions refused for words that say when, asked as an alternative (held-out-32, refusals29): in
 * « échirolles s'est mise au libre récemment ou c'est ancien », « fnl a été officialisé au printemps 2025 ou dès
 * l'hiver », the words of time on either side of « ou » are the answers offered, not what the question is about: the
 * passage that dates the subject answers without writing them. And a word read as another (« télétravail » as
 * « travail », by its prefix) keeps its place in the question: the asker's use closing a request for a product. On the
 * real corpus, with the unanswerable questions these readings must not let through.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retrieveForAnswer } from "../../server/answers/answer.ts";
import type { Engine } from "../../server/engine.ts";
import { answerKindWords } from "../../server/retrieval/answer-kind.ts";
import { realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-refusals-r29-");
}, 120_000);
afterAll(async () => real?.close());
const decide = async (q: string) => (await retrieveForAnswer([{ role: "user", content: q }], real.engine)).decision;

describe("words of time offered as an alternative", () => {
  it("are the kind of answer asked, on either side of « ou », not elsewhere", () => {
    expect(answerKindWords("échirolles s'est mise au libre récemment ou c'est ancien")).toEqual(
      new Set(["recemment", "ancien"]),
    );
    expect(answerKindWords("fnl a été officialisé au printemps 2025 ou dès l'hiver")).toContain("hiver");
    expect(answerKindWords("fnl a été officialisé au printemps 2025 ou dès l'hiver")).toContain("printemps");
    // Not without « ou », nor « où », nor far from it.
    expect(answerKindWords("échirolles s'est mise au libre récemment ?").has("recemment")).toBe(false);
    expect(answerKindWords("où en est le libre à échirolles depuis l'hiver").has("hiver")).toBe(false);
    expect(
      answerKindWords("au printemps la mairie a changé de messagerie, tchap ou matrix c'est pareil").has("printemps"),
    ).toBe(false);
  });

  it("do not keep the passage that dates the subject from answering", async () => {
    for (const q of [
      "échirolles s'est mise au libre récemment ou c'est ancien",
      "fnl a été officialisé au printemps 2025 ou dès l'hiver",
      "l'annonce lyonnaise de sortie de microsoft, ça date du printemps ou de l'été 2025",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });

  it("leave refused a question whose year or subject the corpus lacks", async () => {
    for (const q of [
      "alposs 2031 aura lieu au printemps ou à l'automne ?",
      "la piscine municipale ouvre au printemps ou en été ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false });
  });
});

describe("a word read as another by its prefix", () => {
  it("keeps its place in the asker's use closing a request (« vpn libre pour le télétravail »)", async () => {
    expect(await decide("vpn libre pour le télétravail")).toMatchObject({ answerable: true });
  });
});

describe("the asker's own contract and its end date (lead's probe, trial26 round)", () => {
  it("reads « notre contrat … se termine le 30 juin 2026 » as the asker's situation, not a date asked", async () => {
    for (const q of [
      "notre contrat microsoft se termine le 30 juin 2026, que faire ?",
      "nos licences microsoft 365 expirent fin mars 2027, par quoi les remplacer ?",
      "notre abonnement office 365 arrive à échéance en septembre 2027, quelles alternatives ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });

  it("still asks a date that is the question's own (« le contrat … se termine en 2031 ? »)", async () => {
    for (const q of [
      "le contrat de l'état avec microsoft se termine-t-il en 2031 ?",
      "notre contrat avec la piscine municipale se termine le 30 juin 2027, que faire ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false });
  });
});
