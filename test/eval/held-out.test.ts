/**
 * The held-out sets (« jeux réservés ») are well formed: ids unique across all sets, every answerable question's
 * expected documents exist and hold its facts, every unanswerable one has a kind. (Their abstention rates are
 * measured by `npm run eval`, not asserted here: a test would invite tuning the thresholds to them.)
 * `held-out-2/`, `held-out-3/` and `held-out-4/` were written blind (without reading the abstention code) to measure the abstention work
 * afterwards.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fold as foldText } from "../../server/core/text.ts";
import { loadCorpus } from "../../server/corpus/documents.ts";
import { HELD_OUT_DIR, loadQuestions } from "./evaluate.ts";

/** Each held-out set in the order written, with the minimum count of answerable and of unanswerable questions. */
const WRITTEN: [name: string, min: number][] = [
  ["held-out", 40],
  ["held-out-2", 60],
  ["held-out-3", 60],
  ["held-out-4", 40],
  ["held-out-5", 60],
  ["held-out-6", 60],
  ["held-out-7", 100],
  ["held-out-8", 80],
  ["held-out-9", 100],
  ["held-out-10", 60],
  ["held-out-11", 70],
  ["held-out-12", 70],
  ["held-out-13", 100],
  ["held-out-14", 100],
  ["held-out-15", 100],
  ["held-out-16", 100],
  ["held-out-17", 100],
  ["held-out-18", 100],
  ["held-out-19", 100],
  ["held-out-20", 100],
  ["held-out-21", 100],
  ["held-out-22", 100],
  ["held-out-23", 100],
  ["held-out-24", 100],
  ["held-out-25", 100],
  ["held-out-26", 100],
  ["held-out-27", 100],
  ["held-out-28", 100],
  ["held-out-29", 100],
  ["held-out-30", 100],
  ["held-out-31", 100],
  ["held-out-32", 100],
  ["held-out-33", 100],
];
const dirOf = (name: string) => (name === "held-out" ? HELD_OUT_DIR : path.resolve(`test/eval/${name}`));
/** Each set and the sets written before it (ids and texts must not repeat theirs). */
const SETS = WRITTEN.map(([name, min], i) => ({
  name,
  dir: dirOf(name),
  min,
  earlier: WRITTEN.slice(0, i).map(([earlier]) => dirOf(earlier)),
}));

/** The targeted probes (`test/eval/probe-absent` and the like): reported apart like the held-out sets, checked the same way. */
SETS.push({ name: "probe-absent", dir: path.resolve("test/eval/probe-absent"), min: 40, earlier: [] });
SETS.push({ name: "probe-answerable", dir: path.resolve("test/eval/probe-answerable"), min: 10, earlier: [] });

/** Each folder's questions and the corpus texts, read once for the whole file (every set checks against the sets before it). */
const questionsOf = new Map<string | undefined, ReturnType<typeof loadQuestions>>();
const questionsIn = (dir?: string) => {
  if (!questionsOf.has(dir)) questionsOf.set(dir, loadQuestions(dir));
  return questionsOf.get(dir)!;
};
let texts: Promise<{ catalog: string; body: Map<string, string> }> | undefined;
const corpusTexts = () => {
  texts ??= (async () => {
    const corpus = await loadCorpus(path.resolve("corpus"));
    // Folded with their white space collapsed once, as each fact is looked for (not once per fact).
    const collapsed = (text: string) => foldText(text).replace(/\s+/g, " ");
    const catalog = collapsed(
      (
        await Promise.all(
          ["products", "alternatives", "vendors"].map((f) => readFile(`corpus/catalog/${f}.yaml`, "utf8")),
        )
      ).join("\n"),
    );
    const body = new Map(corpus.documents.map((d) => [d.id, collapsed(`${d.title} ${d.summary ?? ""} ${d.body}`)]));
    return { catalog, body };
  })();
  return texts;
};

describe("held-out evaluation set", () => {
  it.each(SETS)(
    "$name has at least $min questions of each kind, with ids and texts not shared with earlier sets",
    async ({ dir, min, earlier }) => {
      const held = await questionsIn(dir);
      const others = [(await questionsIn()).questions];
      for (const d of earlier) others.push((await questionsIn(d)).questions);
      expect(held.problems).toEqual([]);
      expect(held.questions.filter((q) => q.kind).length).toBeGreaterThanOrEqual(min);
      expect(held.questions.filter((q) => !q.kind).length).toBeGreaterThanOrEqual(min);
      const ids = new Set(others.flat().map((q) => q.id));
      expect(held.questions.filter((q) => ids.has(q.id)).map((q) => q.id)).toEqual([]);
      const texts = new Set(others.flat().map((q) => foldText(q.question)));
      expect(held.questions.filter((q) => texts.has(foldText(q.question))).map((q) => q.id)).toEqual([]);
    },
  );

  it.each(SETS)("$name names existing documents that hold each expected fact", async ({ dir }) => {
    const { questions } = await questionsIn(dir);
    const { catalog, body } = await corpusTexts();
    const missing: string[] = [];
    for (const q of questions.filter((q) => !q.kind)) {
      const texts = q.expected.map((id) => (id.startsWith("catalog/") ? catalog : body.get(id)));
      if (texts.some((t) => t === undefined)) missing.push(`${q.id}: document inconnu ${q.expected.join(", ")}`);
      for (const fact of q.facts) if (!texts.some((t) => t?.includes(foldText(fact)))) missing.push(`${q.id}: ${fact}`);
    }
    expect(missing).toEqual([]);
  });
});
