/**
 * A smaller run of `npm run eval`'s abstention and faithfulness suites, on the real corpus with a real LanceDB and
 * the fake Ollama server, so that a regression of the checks fails the test suite.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AnswerSource, answer, retrieveForAnswer } from "../../server/answers/answer.ts";
import { loadConfig } from "../../server/config.ts";
import { createEngine, type Engine } from "../../server/engine.ts";
import { type EvalQuestion, loadQuestions } from "../eval/evaluate.ts";
import {
  evaluateChatFaithfulness,
  evaluateDraftFaithfulness,
  type FaithReport,
  type Scenario,
} from "../eval/faithfulness.ts";
import { REALISTIC } from "../eval/realistic-answers.ts";
import { type FakeOllama, startFakeOllama } from "../helpers/fake-ollama.ts";
import {
  parseSse,
  postJson,
  realCorpusDataDir,
  startTestServer,
  type TestServer,
  withTestProvider,
} from "../helpers/server.ts";

let engine: Engine;
let fake: FakeOllama;
let dataDir: string;
let questions: EvalQuestion[];

beforeAll(async () => {
  fake = await startFakeOllama({ models: ["ministral-3:8b"] });
  dataDir = await realCorpusDataDir("cap-libre-faith-");
  engine = await createEngine({
    ...loadConfig(
      // The fake model never goes away: its status is asked once a minute, not before each of some 250 answers.
      withTestProvider({ OLLAMA_STATUS_TTL_MS: "60000", OLLAMA_BASE_URL: fake.url, LLM_MODEL: "ministral-3:8b" }),
    ),
    corpusDir: path.resolve("corpus"),
    dataDir,
  });
  await engine.index();
  questions = (await loadQuestions()).questions;
}, 120_000);

afterAll(async () => {
  await engine?.close();
  await fake?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe("abstention before any model call (real corpus)", () => {
  const abstains = async (q: string) =>
    !(await retrieveForAnswer([{ role: "user", content: q }], engine)).decision.answerable;

  // Some 40 questions through the whole retrieval: on a machine loaded to 30, more than Vitest's default 30 s.
  it("abstains on off-topic, absent and nonsense questions of the eval set, and answers the answerable ones", async () => {
    // The diagnostic probes (questions/probes-*.yaml) hold known, documented misses (test/eval/README.md).
    const unanswerable = questions.filter((q) => q.kind && !q.file.startsWith("probes-")).filter((_, i) => i % 4 === 0);
    const answerable = questions.filter((q) => !q.kind && !q.file.startsWith("probes-")).filter((_, i) => i % 6 === 0);
    const missed = [];
    for (const q of unanswerable) if (!(await abstains(q.question))) missed.push(q.id);
    const wrong = [];
    for (const q of answerable) if (await abstains(q.question)) wrong.push(q.id);
    expect(missed.length).toBeLessThanOrEqual(1);
    expect(wrong.length, wrong.join(", ")).toBeLessThanOrEqual(1);
  }, 120_000);

  it("abstains on the questions of the issue without calling the model", async () => {
    for (const q of [
      "Combien de places en crèche faut-il prévoir pour une commune de 5 000 habitants ?",
      "Quel est le prix d'un ticket de métro parisien ?",
      "La ville de Dortmund a-t-elle migré ses postes vers Linux ?",
    ]) {
      expect(await abstains(q), q).toBe(true);
    }
    expect(await abstains("Qu'est-ce que le CLOUD Act change pour notre mairie ?")).toBe(false);
  });

  it("abstains when a part that asks names what the corpus never uses, not when a part giving context does", async () => {
    // « Je voudrais le contacter. » alone matches a passage on contacting: the question is still about Trifouilly.
    expect(await abstains("Comment s'appelle le DSI de la ville de Trifouilly ? Je voudrais le contacter.")).toBe(true);
    expect(
      await abstains(
        "Notre commune s'appelle Trifouilly-les-Oies. Qu'est-ce que le CLOUD Act change pour notre mairie ?",
      ),
    ).toBe(false);
  });
});

describe("attribution of chat sources (real corpus)", () => {
  it("credits « Ce que le CLOUD Act ne change pas … SREN » to its corpus page, not to the RGPD named by a later sentence", async () => {
    let sources: AnswerSource[] = [];
    const options = { numCtx: 8192, maxAnswerTokens: 300, idleTimeoutMs: 30_000 };
    for await (const e of answer(
      [{ role: "user", content: "Qu'est-ce que le CLOUD Act ne change pas pour une commune ?" }],
      engine,
      options,
      new AbortController().signal,
    )) {
      if (e.type === "sources") {
        sources = e.sources;
        break;
      }
    }
    const sren = sources.find((s) => s.text.includes("Ce que le CLOUD Act ne change pas"));
    expect(sren, sources.map((s) => s.id).join(", ")).toBeDefined();
    expect(sren!.credit.basis).toBe("page");
    expect(sren!.source).toBeNull();
    expect(sren!.credit.sources.length).toBe(sren!.sources.length);
  });
});

describe("attribution of a generated chat answer (real corpus, scripted model)", () => {
  const QUESTION = "Qu'est-ce que le CLOUD Act ne change pas pour une commune ?";
  const lists = async (reply: string) => {
    fake.set({ reply });
    const out: AnswerSource[][] = [];
    const options = { numCtx: 8192, maxAnswerTokens: 300, idleTimeoutMs: 30_000 };
    for await (const e of answer([{ role: "user", content: QUESTION }], engine, options, new AbortController().signal))
      if (e.type === "sources") out.push(e.sources);
    return out;
  };
  const sren = (list: AnswerSource[]) => list.find((s) => s.text.includes("Ce que le CLOUD Act ne change pas"))!;

  it("credits the RGPD on EUR-Lex for a sentence restating the RGPD statement of the passage, once the answer is written", async () => {
    const first = await lists("x");
    const n = first[0]!.indexOf(sren(first[0]!)) + 1;
    const [before, after] = await lists(
      `Le RGPD rend la collectivité responsable des données personnelles qu'elle confie à un prestataire [${n}].`,
    );
    expect(sren(before!).credit.basis).toBe("page");
    expect(sren(after!).credit).toMatchObject({
      basis: "named",
      sources: [{ url: "https://eur-lex.europa.eu/eli/reg/2016/679/oj" }],
    });
    expect(sren(after!).source?.url).toBe("https://eur-lex.europa.eu/eli/reg/2016/679/oj");
  });

  it("never credits the RGPD for a sentence restating the SREN statement: the corpus page is credited", async () => {
    const first = await lists("x");
    const n = first[0]!.indexOf(sren(first[0]!)) + 1;
    const [, after] = await lists(
      `Aucune loi française n'interdit aujourd'hui à une collectivité d'héberger ses données chez un fournisseur américain [${n}].`,
    );
    expect(sren(after!).credit.basis).toBe("page");
    expect(sren(after!).source).toBeNull();
  });
});

/** The kinds of chat cases the tests below assert on. */
const ASSERTED: readonly Scenario[] = [
  "correct",
  "invented-figure",
  "bad-citation",
  "unsupported-claim",
  "swapped-figure",
  ...REALISTIC,
];

/** Correct answers written as a real model does (paraphrases, figures written otherwise, syntheses, lists…) flagged. */
const realisticFlags = (report: FaithReport) => {
  const cases = report.cases.filter((c) => (REALISTIC as readonly string[]).includes(c.scenario));
  const flagged = cases.filter((c) => c.flagged || c.otherFlags > 0);
  return { count: cases.length, flagged: flagged.map((c) => `${c.scenario}/${c.variant}: ${c.target} — ${c.reasons}`) };
};

describe("faithfulness against a scripted lying model", () => {
  it("flags invented figures, bad citations and unsupported claims in chat answers, and rarely a correct answer", async () => {
    const report = await evaluateChatFaithfulness(
      engine,
      fake,
      questions.filter((q) => !q.kind),
      4,
      // The kinds asserted below only (a quarter fewer answers): the four others (contradiction, opposite,
      // swapped-names, moved-year) come last and have no target yet; `npm run eval` reports them. The cases of these
      // kinds are the same as in a run of every kind: a kind only takes sentences no earlier kind took. Two cases of
      // each of the twelve realistic kinds rather than four (a third fewer answers, every kind still asked): `npm run
      // eval` checks forty of each (FAITH_CASES), and the lies asked before them keep their four cases each.
      { judge: () => "", off: true, scenarios: ASSERTED, perRealistic: 2 },
    );
    expect(report.byScenario["invented-figure"].count).toBeGreaterThanOrEqual(3);
    expect(report.byScenario["invented-figure"].rate).toBeGreaterThanOrEqual(0.75);
    expect(report.byScenario["bad-citation"].rate).toBe(1);
    expect(report.byScenario["unsupported-claim"].rate).toBeGreaterThanOrEqual(0.75);
    // A true figure attached to the wrong thing (another figure's words, noun, year or organisation).
    expect(report.byScenario["swapped-figure"].count).toBeGreaterThanOrEqual(3);
    expect(report.byScenario["swapped-figure"].rate).toBeGreaterThanOrEqual(0.5);
    expect(report.byScenario.correct.rate).toBeLessThanOrEqual(0.25);
    // A true sentence marked « non vérifié » costs the marks their credit: at most one realistic answer in ten.
    const realistic = realisticFlags(report);
    expect(realistic.count).toBeGreaterThanOrEqual(20);
    expect(realistic.flagged.length, realistic.flagged.join("\n")).toBeLessThanOrEqual(
      Math.floor(realistic.count / 10),
    );
  }, 300_000);

  it("does the same on draft sections", async () => {
    const report = await evaluateDraftFaithfulness(
      engine,
      fake,
      ["note-cloud-act", "plan-audit-kervallon", "courrier-linux-quimper", "feuille-de-route-kervallon"].map((f) =>
        path.resolve(`docs/examples/inputs/${f}.json`),
      ),
      2,
      8,
    );
    expect(report.byScenario["bad-citation"].count).toBeGreaterThanOrEqual(1);
    expect(report.byScenario["bad-citation"].rate).toBe(1);
    expect(report.byScenario["invented-figure"].count).toBeGreaterThanOrEqual(1);
    expect(report.byScenario["invented-figure"].rate).toBeGreaterThanOrEqual(0.5);
    const realistic = realisticFlags(report);
    expect(realistic.count).toBeGreaterThanOrEqual(7);
    expect(realistic.flagged.length, realistic.flagged.join("\n")).toBeLessThanOrEqual(
      Math.max(1, Math.floor(realistic.count / 10)),
    );
  }, 300_000);
});

describe("the chat API says what it checked", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ OLLAMA_BASE_URL: fake.url, LLM_MODEL: "ministral-3:8b" });
  });
  afterAll(async () => server?.stop());

  it("puts the verification, its counts and the facts date in the done event; invalid citations stay", async () => {
    fake.set({ reply: "La Gendarmerie économise 95 millions d'euros par an [1]. Elle a migré vers Ubuntu [12]." });
    const res = await postJson(`${server.url}/api/chat`, {
      messages: [{ role: "user", content: "Combien la Gendarmerie a-t-elle économisé avec Linux ?" }],
    });
    const events = parseSse(await res.text());
    const text = events
      .filter((e) => e.event === "token")
      .map((e) => e.data.text)
      .join("");
    const done = events.find((e) => e.event === "done")!.data;
    expect(text).toContain("[12]");
    expect(done.mode).toBe("generated");
    expect(done.abstention).toBeNull();
    expect(done.verification.counts.invalidMarkers).toBe(1);
    expect(done.verification.sentences.map((s: { status: string }) => s.status)).toEqual([
      "unsupported",
      "invalid-citation",
    ]);
    expect(done.factsAsOf).toMatch(/^\d{4}/);
  });

  it("abstains in generated mode without calling the model, and says so", async () => {
    const before = fake.chats.length;
    const res = await postJson(`${server.url}/api/chat`, {
      messages: [{ role: "user", content: "Quelle est la recette de la tarte Tatin ?" }],
    });
    const events = parseSse(await res.text());
    const done = events.find((e) => e.event === "done")!.data;
    expect(fake.chats.length).toBe(before);
    expect(done.abstention.reason).toBeTruthy();
    expect(done.grounded).toBe(false);
    expect(
      events
        .filter((e) => e.event === "token")
        .map((e) => e.data.text)
        .join(""),
    ).toContain("Je ne sais pas");
  });
});
