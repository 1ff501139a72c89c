/**
 * What the optional second pass of the verification (`VERIFY_WITH_MODEL=1`, `server/verify/model-check.ts`) adds to
 * the rules, and what it costs, on the chat cases of the faithfulness suite: a fake Ollama writes the scripted
 * answers and, asked « les passages soutiennent-ils cette phrase ? », answers as a scripted judge — a good one, a
 * lenient one (says yes too often, as a small model does) and a strict one (says no to paraphrases). A judge knows
 * which sentence is the scripted lie and errs at fixed rates (deterministic): the run measures what the pass changes
 * given such a judge — recall on lies the rules missed, false flags on the sentences the rules accepted — and its
 * cost: model calls and prompt tokens per answer, and time with a model that takes 300 ms per call.
 *
 * `node test/eval/second-pass.ts [cases per kind] [ms per call]` (40 and 300 by default).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig } from "../../server/config.ts";
import { createEngine } from "../../server/engine.ts";
import { startFakeOllamaServer } from "../helpers/fake-ollama.ts";
import { loadQuestions } from "./evaluate.ts";
import { evaluateChatFaithfulness, type FaithReport, isCorrect, SCENARIOS, type SecondPass } from "./faithfulness.ts";
import { REALISTIC } from "./realistic-answers.ts";

/** A deterministic draw in [0, 1) for a sentence and a judge. */
function draw(text: string, salt: string): number {
  let h = 2166136261;
  for (const ch of `${salt}\u0000${text}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0) / 2 ** 32;
}

/** A judge that says « non » to `catches` of the lies and to `refuses` of the true sentences it is asked about. */
export function scriptedJudge(name: string, catches: number, refuses: number): SecondPass["judge"] {
  return (sentence, lie) => {
    const no = draw(sentence, name) < (lie ? catches : refuses);
    return no
      ? JSON.stringify({ soutenue: false, raison: "le passage ne dit pas cela" })
      : JSON.stringify({ soutenue: true });
  };
}

export const JUDGES = [
  { name: "bon juge", catches: 0.9, refuses: 0.02 },
  { name: "juge complaisant", catches: 0.3, refuses: 0.01 },
  { name: "juge sévère", catches: 0.95, refuses: 0.15 },
] as const;

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

if (import.meta.main) {
  const perScenario = Number(process.argv[2] ?? 40);
  const msPerCall = Number(process.argv[3] ?? 300);
  const { questions } = await loadQuestions();
  const answerable = questions.filter((q) => !q.kind);
  const base = loadConfig();
  const dataDir = await mkdtemp(path.join(tmpdir(), "cap-libre-second-pass-"));
  const fake = await startFakeOllamaServer({ models: [base.llmModel] });
  try {
    const indexer = await createEngine({ ...base, dataDir, ollamaBaseUrl: "http://127.0.0.1:9" });
    await indexer.index();
    await indexer.close();
    const engine = await createEngine({ ...base, dataDir, ollamaBaseUrl: fake.url });
    await engine.models.status(true);
    try {
      const runs: { name: string; report: FaithReport }[] = [
        { name: "règles seules", report: await evaluateChatFaithfulness(engine, fake, answerable, perScenario) },
      ];
      for (const j of JUDGES)
        runs.push({
          name: j.name,
          report: await evaluateChatFaithfulness(engine, fake, answerable, perScenario, {
            judge: scriptedJudge(j.name, j.catches, j.refuses),
          }),
        });
      console.log(
        `\nSeconde vérification par le modèle (chat, ${perScenario} cas par type ; juges scriptés : ${JUDGES.map((j) => `${j.name} — repère ${pct(j.catches)} des mensonges, refuse ${pct(j.refuses)} des phrases justes`).join(" ; ")})`,
      );
      console.log(`  ${"type".padEnd(18)} ${runs.map((r) => r.name.padStart(17)).join(" ")}`);
      for (const s of SCENARIOS)
        console.log(
          `  ${`${s}${isCorrect(s) ? " (faux sign.)" : ""}`.padEnd(30)} ${runs.map((r) => pct(r.report.byScenario[s].rate).padStart(17)).join(" ")}`,
        );
      const correctKinds = SCENARIOS.filter(isCorrect);
      const rate = (r: FaithReport, kinds: readonly string[]) => {
        const list = r.cases.filter((c) => kinds.includes(c.scenario));
        return list.filter((c) => c.flagged || c.otherFlags > 0).length / Math.max(1, list.length);
      };
      console.log(
        `  ${"toutes réponses justes (faux sign.)".padEnd(30)} ${runs.map((r) => pct(rate(r.report, correctKinds)).padStart(17)).join(" ")}`,
      );
      for (const r of runs.slice(1)) {
        const c = r.report.cost!;
        console.log(
          `  ${r.name} : ${(c.judgeCalls / c.answers).toFixed(2)} appels au modèle de plus par réponse (${(c.sentences / c.answers).toFixed(2)} phrases par réponse), ${Math.round(c.judgePromptTokens / Math.max(1, c.judgeCalls))} jetons envoyés par appel (${Math.round(c.judgePromptTokens / c.answers)} par réponse)`,
        );
      }
      // Time, with a model that takes `msPerCall` per call (the answer and each check): the typical answers.
      fake.set({ chatDelayMs: msPerCall });
      const timed = { perScenario: Math.max(1, Math.round(perScenario / 8)), scenarios: ["correct", ...REALISTIC] };
      const judge = scriptedJudge(JUDGES[0].name, JUDGES[0].catches, JUDGES[0].refuses);
      const scenarios = timed.scenarios as SecondPass["scenarios"];
      const timeWith = (
        await evaluateChatFaithfulness(engine, fake, answerable, timed.perScenario, { judge, scenarios })
      ).cost!;
      // The same answers without the pass: the judge is never called.
      const timeWithout = (
        await evaluateChatFaithfulness(engine, fake, answerable, timed.perScenario, { judge, scenarios, off: true })
      ).cost!;
      console.log(
        `  Durée avec un modèle à ${msPerCall} ms par appel (${timeWith.answers} réponses) : ${(timeWithout.ms / timeWithout.answers / 1000).toFixed(2)} s par réponse sans seconde vérification, ${(timeWith.ms / timeWith.answers / 1000).toFixed(2)} s avec (${(timeWith.judgeCalls / timeWith.answers).toFixed(2)} appels de plus par réponse)`,
      );
    } finally {
      await engine.close();
    }
  } finally {
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
