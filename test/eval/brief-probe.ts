/**
 * The two verbatim summaries built without a model, printed for comparison across a change: « En bref » of the chat
 * answer to every tuning question (`test/eval/questions/*.yaml`), and « L'essentiel » of the example briefing note
 * (`docs/examples/inputs/note-cloud-act.json`) and of briefing notes on a sample of the tuning questions, in
 * full-text mode. Prints one JSON object (`{ briefs: {id: text}, essentials: {name: text} }`).
 *
 * `node test/eval/brief-probe.ts > before.json`, change the code, `… > after.json`, then compare the two;
 * `--only=id,id`: those questions' « En bref » alone.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { answer } from "../../server/answers/answer.ts";
import { loadConfig } from "../../server/config.ts";
import { createDraft, prepareDraft } from "../../server/drafting/drafts.ts";
import { createEngine } from "../../server/engine.ts";
import { loadQuestions } from "./evaluate.ts";
import { briefings } from "./faithfulness.ts";

const { questions } = await loadQuestions();
const dataDir = await mkdtemp(path.join(tmpdir(), "cap-libre-brief-probe-"));
try {
  const engine = await createEngine({ ...loadConfig(), dataDir, ollamaBaseUrl: "http://127.0.0.1:9" });
  await engine.index();
  const briefs: Record<string, string> = {};
  const only = process.argv
    .find((a) => a.startsWith("--only="))
    ?.slice(7)
    .split(",");
  for (const q of questions.filter((x) => !x.kind && (!only || only.includes(x.id)))) {
    let text = "";
    for await (const e of answer(
      [{ role: "user", content: q.question }],
      engine,
      { numCtx: engine.config.numCtx, maxAnswerTokens: engine.config.maxAnswerTokens },
      new AbortController().signal,
    ))
      if (e.type === "token") text += e.text;
    briefs[q.id] = text.split("\n").find((l) => l.startsWith("En bref")) ?? "";
  }
  const essentials: Record<string, string> = {};
  const example = JSON.parse(await readFile("docs/examples/inputs/note-cloud-act.json", "utf8"));
  const notes: [string, object][] = only
    ? []
    : [
        ["note-cloud-act", example],
        ...briefings(
          questions.filter((x) => !x.kind),
          30,
        ).map((b, i) => [`briefing-${i}`, b] as [string, object]),
      ];
  for (const [name, body] of notes) {
    const prepared = await prepareDraft(engine, body as never);
    const texts = new Map<string, string>();
    const titles = new Map<string, string>();
    for await (const e of createDraft(engine, prepared, new AbortController().signal)) {
      if (e.type === "section") titles.set(e.key, e.title);
      if (e.type === "token") texts.set(e.key, (texts.get(e.key) ?? "") + e.text);
    }
    const key = [...titles].find(([, t]) => t.includes("essentiel"))?.[0];
    essentials[name] = key ? (texts.get(key) ?? "") : "";
  }
  console.log(JSON.stringify({ briefs, essentials }, null, 1));
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
