/**
 * The held-out set (« jeu réservé ») is well formed: ids unique across both sets, every answerable question's
 * expected documents exist and hold its facts, every unanswerable one has a kind. (Its abstention rates are
 * measured by `npm run eval`, not asserted here: a test would invite tuning the thresholds to it.)
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fold as foldText } from "../../server/core/text.ts";
import { loadCorpus } from "../../server/corpus/documents.ts";
import { HELD_OUT_DIR, loadQuestions } from "./evaluate.ts";

describe("held-out evaluation set", () => {
  it("has at least 40 questions of each kind, with ids not shared with the tuning set", async () => {
    const held = await loadQuestions(HELD_OUT_DIR);
    const tuning = await loadQuestions();
    expect(held.problems).toEqual([]);
    expect(held.questions.filter((q) => q.kind).length).toBeGreaterThanOrEqual(40);
    expect(held.questions.filter((q) => !q.kind).length).toBeGreaterThanOrEqual(40);
    const ids = new Set(tuning.questions.map((q) => q.id));
    expect(held.questions.filter((q) => ids.has(q.id)).map((q) => q.id)).toEqual([]);
    const texts = new Set(tuning.questions.map((q) => foldText(q.question)));
    expect(held.questions.filter((q) => texts.has(foldText(q.question))).map((q) => q.id)).toEqual([]);
  });

  it("names existing documents that hold each expected fact", async () => {
    const { questions } = await loadQuestions(HELD_OUT_DIR);
    const corpus = await loadCorpus(path.resolve("corpus"));
    const catalog = foldText(
      (
        await Promise.all(
          ["products", "alternatives", "vendors"].map((f) => readFile(`corpus/catalog/${f}.yaml`, "utf8")),
        )
      ).join("\n"),
    );
    const body = new Map(corpus.documents.map((d) => [d.id, foldText(`${d.title} ${d.summary ?? ""} ${d.body}`)]));
    const missing: string[] = [];
    for (const q of questions.filter((q) => !q.kind)) {
      const texts = q.expected.map((id) => (id.startsWith("catalog/") ? catalog : body.get(id)));
      if (texts.some((t) => t === undefined)) missing.push(`${q.id}: document inconnu ${q.expected.join(", ")}`);
      for (const fact of q.facts)
        if (!texts.some((t) => t?.replace(/\s+/g, " ").includes(foldText(fact)))) missing.push(`${q.id}: ${fact}`);
    }
    expect(missing).toEqual([]);
  });
});
