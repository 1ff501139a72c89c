/**
 * The real corpus: it validates (schema, catalog references, sources), and full-text retrieval meets its target
 * on the public evaluation set.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCorpus, type Corpus } from "../../ingest/documents.ts";
import { loadConfig } from "../../server/config.ts";
import { createEngine, type Engine } from "../../server/engine.ts";
import { evaluateRetrieval, loadQuestions, type EvalQuestion } from "../eval/evaluate.ts";

const CORPUS = path.resolve("corpus");

describe("the corpus", () => {
  let corpus: Corpus;
  beforeAll(async () => {
    corpus = await loadCorpus(CORPUS);
  });

  it("has no malformed file, unknown reference or record without source", () => {
    expect(corpus.problems.map((p) => `${p.path} ${p.record ?? ""}: ${p.reasons.join("; ")}`)).toEqual([]);
  });

  it("has guidance and case studies, each with a dated source", () => {
    const kinds = new Set(corpus.documents.map((d) => d.kind));
    expect(kinds.has("guidance") && kinds.has("case-study")).toBe(true);
    for (const d of corpus.documents.filter((d) => d.kind !== "catalog")) {
      expect(d.sources.length, d.id).toBeGreaterThan(0);
      expect(d.sources.some((s) => s.date), `${d.id} has a dated source`).toBe(true);
    }
  });
});

describe("the evaluation set", () => {
  let questions: EvalQuestion[];
  let engine: Engine;
  let dataDir: string;
  beforeAll(async () => {
    const loaded = await loadQuestions();
    expect(loaded.problems).toEqual([]);
    questions = loaded.questions;
    dataDir = await mkdtemp(path.join(tmpdir(), "cap-libre-eval-test-"));
    engine = await createEngine(loadConfig({ CORPUS_DIR: CORPUS, DATA_DIR: dataDir, OLLAMA_BASE_URL: "http://127.0.0.1:9" }));
    await engine.index();
  }, 120_000);
  afterAll(async () => {
    await engine?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("has questions from the three kinds of users, each pointing to existing documents", async () => {
    for (const user of ["elu", "dsi", "association"]) expect(questions.filter((q) => q.user === user).length).toBeGreaterThanOrEqual(5);
    const ids = new Set((await loadCorpus(CORPUS)).documents.map((d) => d.id));
    expect(questions.flatMap((q) => q.expected.filter((e) => !ids.has(e)).map((e) => `${q.id} → ${e}`))).toEqual([]);
  });

  it("full-text recall@5 reaches 0.95", async () => {
    const report = await evaluateRetrieval(engine, questions);
    const misses = report.misses.map((m) => `${m.question.id}: ${m.question.question}`);
    expect(report.recallAt5, misses.join("\n")).toBeGreaterThanOrEqual(0.95);
  }, 60_000);
});
