/**
 * `node test/eval/trace.ts [--held-out | --held-out-2] [--wrong] [id|question …]`: prints, for each question, the abstention
 * decision and why — its terms (name, date), their corpus frequency, which of them each of the best passages
 * holds — to find the cause of a wrong decision instead of moving a threshold.
 *
 * `--file=probes-everyday.yaml` keeps the questions of one file of the set; every run ends with its counts (answerable
 * questions abstained on, unanswerable ones answered).
 *
 * `node test/eval/trace.ts --summary`: the abstention counts of the tuning set (per file) and of each burned held-out
 * set, with every wrong decision, in one run (the part of `npm run eval` a change of the rules moves).
 *
 * `node test/eval/trace.ts --modes`: each question of the tuning set and of the burned held-out sets decided in both
 * modes — full-text, and hybrid with the test's fake embedding server (`test/helpers/fake-ollama.ts`: a bag of words,
 * no real model) — with the questions decided differently; a question answered without a model should not be
 * refused with one.
 *
 * `node test/eval/trace.ts --perturb [--show]`: a robustness probe of the rules, on the tuning set and the burned
 * held-out sets only (never a blind one): each question is asked again inside the context users add (a preamble
 * before a colon, « Pour …, », a sentence after it, « Bonjour, je suis élue… . » before it), and the decisions that
 * change are counted — a rule that only fits the wording of the sets it was written on shows here.
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
import { startFakeOllamaServer } from "../helpers/fake-ollama.ts";
import { BURNED_HELD_OUT, HELD_OUT_DIR, heldOutDirs, loadQuestions, outcomeOf, QUESTIONS_DIR } from "./evaluate.ts";

const args = process.argv.slice(2);
if (args.includes("--summary")) {
  await summary();
  process.exit(0);
}
if (args.includes("--modes")) {
  await modes();
  process.exit(0);
}
if (args.includes("--perturb")) {
  await perturb(args.includes("--show"));
  process.exit(0);
}
// « --held-out », « --held-out-2 » or « --probe-absent »: that folder of test/eval/ instead of the tuning set.
const heldOut = args.find((a) => /^--(held-out|probe-)/.test(a))?.slice(2);
const onlyWrong = args.includes("--wrong");
const wanted = args.filter((a) => !a.startsWith("--"));
const onlyFile = args.find((a) => a.startsWith("--file="))?.slice("--file=".length);
const { questions: loaded } = await loadQuestions(heldOut ? path.join(path.dirname(HELD_OUT_DIR), heldOut) : undefined);
const questions = onlyFile ? loaded.filter((q) => q.file === onlyFile) : loaded;
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
  const counts = { answerable: 0, abstained: 0, unanswerable: 0, answered: 0 };
  for (const q of picked) {
    const retrieved = await retrieveForAnswer([{ role: "user", content: q.question }], engine);
    const { results, decision } = retrieved;
    const { abstained, partial, own } = outcomeOf(q.question, retrieved);
    if (q.kind) counts.unanswerable++;
    else counts.answerable++;
    if (q.kind && !abstained) counts.answered++;
    if (!q.kind && abstained) counts.abstained++;
    if (onlyWrong && Boolean(q.kind) === abstained) continue;
    console.log(`\n[${q.id}] ${q.question}  (${q.kind ?? "answerable"})`);
    console.log(
      `  → ${partial ? "répond en partie" : own ? "répond « votre collectivité »" : abstained ? "abstient" : "répond"} : ${decision.reason} ${decision.missing.join(", ")} couverture ${decision.coverage.toFixed(2)} passages ${decision.relevant.join(",")}`,
    );
    if (partial)
      console.log(`  partie sans réponse : « ${retrieved.partial?.part} » (${retrieved.partial?.words.join(", ")})`);
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
  console.log(
    `\navec réponse abstenues à tort ${counts.abstained}/${counts.answerable}, sans réponse répondues ${counts.answered}/${counts.unanswerable}`,
  );
  await engine.close();
} finally {
  await rm(dataDir, { recursive: true, force: true });
}

/** The contexts users add around a question (a function: `perturb` runs before the module's constants are set). */
function perturbations(): [string, (q: string) => string][] {
  // The first word of a question, when a common word that loses its capital inside a sentence (not a name).
  const OPENER =
    /^(Quel|Quelle|Quels|Quelles|Combien|Comment|Pourquoi|Qui|Que|Qu'|Quand|Où|Est-ce|Existe|Faut|Peut|Le|La|Les|L'|Un|Une|Des|Du|En|À|Au|Aux|Pour|Dans|Notre|Nos|On|Ça|C'est|Y|Il|Elle|Si|Sur|Par|Avec|Depuis|Entre|Selon|Est|Sont|Doit|Ce|Cette|Ces|Mon|Ma|Mes|Je|J'|Nous|Vous|Après|Avant|Chez|Parmi|De|D')(?=[\s'’-]|$)/;
  const inSentence = (q: string) => (OPENER.test(q) ? q.charAt(0).toLowerCase() + q.slice(1) : q);

  return [
    ["telle quelle", (q) => q],
    ["préambule :", (q) => `On en discute au conseil municipal la semaine prochaine : ${inSentence(q)}`],
    ["« Pour …, »", (q) => `Pour préparer la réunion avec nos agents, ${inSentence(q)}`],
    ["phrase après", (q) => `${q} Je dois en parler à nos secrétaires de mairie.`],
    ["phrase avant", (q) => `Bonjour, je suis élue dans une petite commune rurale. ${q}`],
  ];
}

async function perturb(show: boolean): Promise<void> {
  const sets = [QUESTIONS_DIR, ...(await heldOutDirs()).filter((d) => BURNED_HELD_OUT.has(path.basename(d)))];
  const dir = await mkdtemp(path.join(tmpdir(), "cap-libre-perturb-"));
  try {
    const engine = await createEngine({ ...loadConfig(), dataDir: dir, ollamaBaseUrl: "http://127.0.0.1:9" });
    await engine.index();
    for (const set of sets) {
      const { questions } = await loadQuestions(set);
      for (const [name, wrap] of perturbations()) {
        const wrong: string[] = [];
        let answerable = 0;
        let abstainedWrongly = 0;
        let answeredWrongly = 0;
        for (const q of questions) {
          const { decision, relevant } = await retrieveForAnswer([{ role: "user", content: wrap(q.question) }], engine);
          const abstained = !decision.answerable || relevant.length === 0;
          if (!q.kind) answerable++;
          if (Boolean(q.kind) === abstained) continue;
          if (q.kind) answeredWrongly++;
          else abstainedWrongly++;
          wrong.push(`${q.kind ? "répond" : "abstient"} [${q.id}] ${decision.reason} ${decision.missing.join(", ")}`);
        }
        console.log(
          `${path.basename(set).padEnd(12)} ${name.padEnd(14)} avec réponse abstenues à tort ${abstainedWrongly}/${answerable}, sans réponse répondues ${answeredWrongly}/${questions.length - answerable}`,
        );
        if (show) for (const w of wrong) console.log(`    ${w}`);
      }
    }
    await engine.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Abstention counts per file of the tuning set and per burned held-out set, with the wrong decisions. */
async function summary(): Promise<void> {
  const sets = [QUESTIONS_DIR, ...(await heldOutDirs()).filter((d) => BURNED_HELD_OUT.has(path.basename(d)))];
  const dir = await mkdtemp(path.join(tmpdir(), "cap-libre-summary-"));
  try {
    const engine = await createEngine({ ...loadConfig(), dataDir: dir, ollamaBaseUrl: "http://127.0.0.1:9" });
    await engine.index();
    for (const set of sets) {
      const { questions } = await loadQuestions(set);
      const groups = new Map<string, typeof questions>();
      for (const q of questions) {
        const key = set === QUESTIONS_DIR ? q.file : path.basename(set);
        groups.set(key, [...(groups.get(key) ?? []), q]);
      }
      for (const [name, group] of groups) {
        const wrong: string[] = [];
        let abstainedWrongly = 0;
        let answeredWrongly = 0;
        const partials: string[] = [];
        for (const q of group) {
          const retrieved = await retrieveForAnswer([{ role: "user", content: q.question }], engine);
          const { decision } = retrieved;
          const { abstained, partial, own } = outcomeOf(q.question, retrieved);
          // (A partial outcome is listed apart: « en partie » on a question without answer, a wrong refusal on one with;
          // so is an answer saying the corpus cannot know the asker's own collectivité.)
          if (own)
            partials.push(`${q.kind ? "votre collectivité" : "votre collectivité, à tort"} [${q.id}] ${q.question}`);
          if (partial)
            partials.push(
              `${q.kind ? "en partie" : "en partie, à tort"} [${q.id}] ${q.question} — sans réponse : « ${retrieved.partial?.part} »`,
            );
          if (Boolean(q.kind) === abstained) continue;
          if (q.kind) answeredWrongly++;
          else abstainedWrongly++;
          if (!partial && !own)
            wrong.push(
              `${q.kind ? "répond" : "abstient"} [${q.id}] ${q.question} — ${decision.reason} ${decision.missing.join(", ")}`,
            );
        }
        const answerable = group.filter((q) => !q.kind).length;
        console.log(
          `${name.padEnd(32)} avec réponse abstenues à tort ${abstainedWrongly}/${answerable}, sans réponse répondues ${answeredWrongly}/${group.length - answerable}${partials.length ? ` (dont ${partials.length} réponses partielles ou « votre collectivité »)` : ""}`,
        );
        for (const p of partials) console.log(`    ${p}`);
        for (const w of wrong) console.log(`    ${w}`);
      }
    }
    await engine.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The decision of each question of the tuning set and the burned held-out sets in full-text mode and in hybrid mode
 * (fake embeddings), per set: how many each mode gets wrong, and every question the two modes decide differently.
 */
async function modes(): Promise<void> {
  const sets = [QUESTIONS_DIR, ...(await heldOutDirs()).filter((d) => BURNED_HELD_OUT.has(path.basename(d)))];
  const textDir = await mkdtemp(path.join(tmpdir(), "cap-libre-modes-text-"));
  const hybridDir = await mkdtemp(path.join(tmpdir(), "cap-libre-modes-hybrid-"));
  const fake = await startFakeOllamaServer();
  try {
    const text = await createEngine({ ...loadConfig(), dataDir: textDir, ollamaBaseUrl: "http://127.0.0.1:9" });
    const hybrid = await createEngine({ ...loadConfig(), dataDir: hybridDir, ollamaBaseUrl: fake.url, statusTtlMs: 0 });
    await Promise.all([text.index(), hybrid.index()]);
    await hybrid.vectors.run();
    if ((await hybrid.retriever.mode()) !== "hybrid") throw new Error("hybrid mode unavailable");
    for (const set of sets) {
      const { questions } = await loadQuestions(set);
      const counts = { text: 0, hybrid: 0, textOnly: 0, hybridOnly: 0 };
      const lines: string[] = [];
      for (const q of questions) {
        const [t, h] = await Promise.all(
          [text, hybrid].map(async (engine) => {
            const { decision, relevant, mode } = await retrieveForAnswer(
              [{ role: "user", content: q.question }],
              engine,
            );
            return { abstained: !decision.answerable || relevant.length === 0, decision, mode };
          }),
        );
        if (Boolean(q.kind) !== t!.abstained) counts.text++;
        if (Boolean(q.kind) !== h!.abstained) counts.hybrid++;
        if (t!.abstained === h!.abstained) continue;
        if (h!.abstained) counts.textOnly++;
        else counts.hybridOnly++;
        lines.push(
          `    ${h!.abstained ? "répond sans modèle seulement" : "répond avec modèle seulement"} [${q.id}] (${q.kind ?? "avec réponse"}) ${q.question} — ${(h!.abstained ? h! : t!).decision.reason} ${(h!.abstained ? h! : t!).decision.missing.join(", ")}`,
        );
      }
      console.log(
        `${path.basename(set).padEnd(12)} erreurs plein texte ${counts.text}, hybride ${counts.hybrid} ; répondues sans modèle seulement ${counts.textOnly}, avec modèle seulement ${counts.hybridOnly} (${questions.length} questions)`,
      );
      for (const l of lines) console.log(l);
    }
    await Promise.all([text.close(), hybrid.close()]);
  } finally {
    await fake.close();
    await Promise.all([textDir, hybridDir].map((d) => rm(d, { recursive: true, force: true })));
  }
}
