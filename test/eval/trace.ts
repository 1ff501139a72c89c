/**
 * `node test/eval/trace.ts [--held-out | --held-out-2] [--wrong] [id|question …]`: prints, for each question, the abstention
 * decision and why — its terms (name, date), their corpus frequency, which of them each of the best passages
 * holds — to find the cause of a wrong decision instead of moving a threshold.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { retrieveForAnswer } from "../../server/answers/answer.ts";
import { loadConfig } from "../../server/config.ts";
import { createEngine } from "../../server/engine.ts";
import {
  frequencyFrom,
  namesFrom,
  occurs,
  passageWords,
  questionTerms,
  resolveNames,
} from "../../server/retrieval/relevance.ts";
import { HELD_OUT_DIR, loadQuestions } from "./evaluate.ts";

const args = process.argv.slice(2);
// « --held-out » or « --held-out-2 »: that folder of test/eval/ instead of the tuning set.
const heldOut = args.find((a) => a.startsWith("--held-out"))?.slice(2);
const onlyWrong = args.includes("--wrong");
const wanted = args.filter((a) => !a.startsWith("--"));
const { questions } = await loadQuestions(heldOut ? path.join(path.dirname(HELD_OUT_DIR), heldOut) : undefined);
const picked = wanted.length
  ? wanted.map(
      (w) => questions.find((q) => q.id === w) ?? { id: "-", question: w, kind: undefined as string | undefined },
    )
  : questions;
const dataDir = await mkdtemp(path.join(tmpdir(), "cap-libre-trace-"));
try {
  const engine = await createEngine({ ...loadConfig(), dataDir, ollamaBaseUrl: "http://127.0.0.1:9" });
  await engine.index();
  const frequency = frequencyFrom((q, k) => engine.store.searchText(q, k));
  const names = namesFrom((q, k, f, o) => engine.store.searchText(q, k, f, o));
  for (const q of picked) {
    const { results, decision, relevant } = await retrieveForAnswer([{ role: "user", content: q.question }], engine);
    const abstained = !decision.answerable || relevant.length === 0;
    if (onlyWrong && Boolean(q.kind) === abstained) continue;
    console.log(`\n[${q.id}] ${q.question}  (${q.kind ?? "answerable"})`);
    console.log(
      `  → ${abstained ? "abstient" : "répond"} : ${decision.reason} ${decision.missing.join(", ")} couverture ${decision.coverage.toFixed(2)} passages ${decision.relevant.join(",")}`,
    );
    const terms = await resolveNames(questionTerms(q.question), frequency, names);
    const freq = await Promise.all(terms.map((t) => frequency(t.word.split(" ")[0]!)));
    console.log(
      `  termes : ${terms.map((t, i) => `${t.word}${t.name ? "(N)" : ""}${t.date ? "(D)" : ""}:${freq[i]}`).join("  ")}`,
    );
    results.slice(0, 6).forEach((r, i) => {
      const p = passageWords(`${r.document.title} ${r.section} ${r.text}`);
      const found = terms.filter((t) => t.variants.some((v) => occurs(v, p))).map((t) => t.word);
      console.log(`  ${i} ${r.document.id} § ${r.section.slice(0, 50)} — ${found.join(", ")}`);
    });
  }
  await engine.close();
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
