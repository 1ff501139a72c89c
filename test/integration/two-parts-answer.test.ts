/**
 * A question in two parts whose first part the corpus answers and second not (held-out-22 diagnosis, product decision
 * of 6 December 2026): answered for the first part, the answer opening on what the corpus does not give for the
 * second, without a model (« En bref ») and with one (the statement before the model's words, the model told in its
 * prompt). Real corpus, real server over HTTP; a fake model server for the generated answer.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config.ts";
import { createEngine, type Engine } from "../../server/engine.ts";
import { type FakeOllama, startFakeOllama } from "../helpers/fake-ollama.ts";
import {
  askHttp,
  askOne,
  REAL_CORPUS,
  realCorpusDataDir,
  startTestServer,
  type TestServer,
  withTestProvider,
} from "../helpers/server.ts";

const QUESTION = "La Gendarmerie a adopté GendBuntu : quel intégrateur a fait le déploiement ?";
const STATEMENT =
  "Le corpus ne répond pas à cette partie de la question : « quel intégrateur a fait le déploiement ? »";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    CORPUS_DIR: REAL_CORPUS,
    DATA_DIR: await realCorpusDataDir("cap-libre-two-parts-"),
  });
}, 240_000);
afterAll(async () => {
  await server?.stop();
});

const ask = (question: string) => askHttp(server.url, question);

describe("a question in two parts, the corpus answering the first only", () => {
  it("answers the first part without a model, saying first what the corpus does not give", async () => {
    const { text, done } = await ask(QUESTION);
    expect(done.abstention).toBeNull();
    expect(done.mode).toBe("extractive");
    expect(done.partial).toMatchObject({ kind: "partial", missing: "quel intégrateur a fait le déploiement ?" });
    expect(text.startsWith(STATEMENT)).toBe(true);
    expect(done.partial.statement).toContain("« intégrateur »");
    expect(done.partial.statement).toContain("« La Gendarmerie a adopté GendBuntu »");
    // The statement is part of « En bref », then the passages on the first part.
    expect(done.brief.chars).toBeGreaterThan(done.partial.statement.length);
    expect(text).toContain("GendBuntu");
  });

  it("answers in part a question whose second part names a subject the corpus never names (held-out-23)", async () => {
    const { done } = await ask("la gendarmerie est sous gendbuntu, et la sncf elle a des postes linux ?");
    expect(done.abstention).toBeNull();
    expect(done.partial).toMatchObject({ kind: "partial", missing: "la sncf elle a des postes linux ?" });
    expect(done.partial.statement).toContain("« sncf »");
    expect(done.partial.statement).toContain("« la gendarmerie est sous gendbuntu »");
    // A second subject the corpus names is left to the decision: no partial answer.
    const known = await ask("la gendarmerie est sous gendbuntu, et la dinum elle a des postes linux ?");
    expect(known.done.partial).toBeUndefined();
  });

  it("answers in part a second subject the corpus names elsewhere but no passage found speaks of (held-out-24)", async () => {
    // « Suède » is in the corpus (another page), not in the passages found for the Gendarmerie; typed without « ? ».
    const { done } = await ask("la gendarmerie est sous gendbuntu, et la suede elle est sous quoi");
    expect(done.abstention).toBeNull();
    expect(done.partial).toMatchObject({ kind: "partial", missing: "la suede elle est sous quoi" });
    expect(done.partial.statement).toContain("« suede »");
    // A second subject the corpus has a page on, which the first part's passages (Munich) do not hold: the second part
    // searched on its own answers it.
    const other = await ask("munich est revenu a windows, et le schleswig-holstein il fait quoi");
    expect(other.done.partial).toBeUndefined();
    expect(JSON.stringify(other.sources)).toContain("Schleswig-Holstein");
  });

  it("answers as before a two-part question whose passages answer both parts", async () => {
    const { done } = await ask("La Gendarmerie est passée à Linux, mais combien de postes ?");
    expect(done.abstention).toBeNull();
    expect(done.partial).toBeUndefined();
  });
});

describe("with a model", () => {
  let fake: FakeOllama;
  let engine: Engine;
  let dataDir: string;
  beforeAll(async () => {
    fake = await startFakeOllama({ models: ["ministral-3:8b"], reply: "GendBuntu équipe les postes [1]." });
    dataDir = await realCorpusDataDir("cap-libre-two-parts-model-");
    engine = await createEngine({
      ...loadConfig(withTestProvider({ OLLAMA_STATUS_TTL_MS: "60000", OLLAMA_BASE_URL: fake.url })),
      corpusDir: path.resolve("corpus"),
      dataDir,
    });
    await engine.index();
  }, 120_000);
  afterAll(async () => {
    await engine?.close();
    await fake?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("shows the statement before the model's answer and tells the model the part is not covered", async () => {
    const { text, done } = await askOne(engine, QUESTION);
    expect(done.mode).toBe("generated");
    expect(done.partial?.missing).toBe("quel intégrateur a fait le déploiement ?");
    expect(text.startsWith(STATEMENT)).toBe(true);
    expect(text).toContain("GendBuntu équipe les postes [1].");
    const prompt = fake.chats.at(-1)!.messages.at(-1)!.content;
    expect(prompt).toContain(
      "le corpus ne répond pas à cette partie de la question : « quel intégrateur a fait le déploiement ? »",
    );
    expect(prompt).toContain("Réponds seulement à « La Gendarmerie a adopté GendBuntu »");
  });
});
