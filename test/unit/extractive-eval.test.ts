/**
 * The extractive fact rate of `npm run eval` (`evaluateExtractive`): the share of expected facts an answer without a
 * model quotes, each missing fact traced to its cause. On the fixture corpus, with a real store and no model.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config.ts";
import { createEngine, type Engine } from "../../server/engine.ts";
import { type EvalQuestion, evaluateExtractive } from "../eval/evaluate.ts";
import { copyCorpus, NO_OLLAMA, withTestProvider } from "../helpers/server.ts";

let engine: Engine;
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "cap-libre-extractive-"));
  engine = await createEngine(
    loadConfig(withTestProvider({ CORPUS_DIR: await copyCorpus(), DATA_DIR: dataDir, OLLAMA_BASE_URL: NO_OLLAMA })),
  );
  await engine.index();
});
afterAll(async () => {
  await engine?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const question = (id: string, text: string, facts: string[]): EvalQuestion => ({
  id,
  user: "elu",
  question: text,
  expected: ["case-studies/gendarmerie"],
  facts,
  file: "test.yaml",
});

describe("the extractive fact rate", () => {
  it("counts the facts quoted, and tells a fact no passage holds from one the answer left out", async () => {
    const report = await evaluateExtractive(engine, [
      question("economies", "Combien la Gendarmerie économise-t-elle avec Linux ?", ["12 millions", "99 licornes"]),
      question("creche", "Combien de places en crèche à Dortmund ?", ["Dortmund"]),
      { ...question("off", "Quelle question sans réponse ?", []), kind: "off-topic" },
    ]);
    expect(report.count).toBe(2);
    expect(report.factsTotal).toBe(3);
    expect(report.factsFound).toBe(1);
    expect(report.questionsMissing).toBe(2);
    const cause = Object.fromEntries(report.misses.map((m) => [m.fact, m.cause]));
    expect(cause).toEqual({ "99 licornes": "not-in-corpus", Dortmund: "abstention" });
  });
});
