/**
 * The real corpus: it validates, the catalog is complete enough to be useful, every record has a source, and
 * full-text retrieval meets its target on the public evaluation set.
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

  it("covers the three kinds of documents", () => {
    const count = (kind: string) => corpus.documents.filter((d) => d.kind === kind).length;
    expect(count("guidance")).toBeGreaterThanOrEqual(10);
    expect(count("case-study")).toBeGreaterThanOrEqual(15);
    expect(count("ecosystem")).toBeGreaterThanOrEqual(5);
  });

  it("has a catalog of the promised size, with every product mapped to its vendor", () => {
    const c = corpus.catalog;
    expect(c.products.size).toBeGreaterThanOrEqual(200);
    expect(c.vendors.size).toBeGreaterThanOrEqual(150);
    expect(c.alternatives.size).toBeGreaterThanOrEqual(150);
    expect(c.mappings.length).toBeGreaterThanOrEqual(200);
    for (const category of ["workstation", "collaboration", "security", "ai", "database", "virtualization", "network", "business", "hosting"]) {
      expect([...c.products.values()].some((p) => p.category === category), `products in ${category}`).toBe(true);
      expect([...c.alternatives.values()].some((a) => a.category === category), `alternatives in ${category}`).toBe(true);
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

  it("has at least 80 questions from the three kinds of users, each pointing to existing documents", async () => {
    expect(questions.length).toBeGreaterThanOrEqual(80);
    for (const user of ["elu", "dsi", "association"]) expect(questions.filter((q) => q.user === user).length).toBeGreaterThanOrEqual(10);
    const ids = new Set((await loadCorpus(CORPUS)).documents.map((d) => d.id));
    expect(questions.flatMap((q) => q.expected.filter((e) => !ids.has(e)).map((e) => `${q.id} → ${e}`))).toEqual([]);
  });

  it("full-text recall@5 reaches 0.95", async () => {
    const report = await evaluateRetrieval(engine, questions);
    const misses = report.misses.map((m) => `${m.question.id}: ${m.question.question}`);
    expect(report.recallAt5, misses.join("\n")).toBeGreaterThanOrEqual(0.95);
  }, 60_000);
});
