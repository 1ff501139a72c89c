/**
 * `npm run eval`: retrieval quality on the public question set, in full-text mode, and in hybrid mode plus
 * answer checks when Ollama answers at OLLAMA_BASE_URL with the configured models.
 * Exits with 1 when full-text recall@5 is under the target.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig } from "../../server/config.ts";
import { loadCatalog } from "../../server/corpus/catalog.ts";
import { createEngine, type Engine } from "../../server/engine.ts";
import { cardProbeQuestions, corpusText, evaluateCardProbe, printCardProbe } from "./card-probe.ts";
import {
  type AbstentionReport,
  BURNED_HELD_OUT,
  type ExtractiveReport,
  evaluateAbstention,
  evaluateAnswers,
  evaluateExtractive,
  evaluateRetrieval,
  heldOutDirs,
  loadQuestions,
  type RetrievalReport,
} from "./evaluate.ts";
import { EXAMPLE_INPUTS, evaluateTemplateSections, runFaithfulness } from "./faithfulness.ts";

const TARGET_RECALL = 0.95;
const TARGET_ABSTENTION = 0.95;
const TARGET_FALSE_ABSTENTION = 0.03;
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
/** The questions answered in part (counted above as abstained: see `outcomeOf`), apart so the figures stay readable. */
function printPartial(report: AbstentionReport) {
  const { answerable, unanswerable } = report.partial;
  if (answerable + unanswerable)
    console.log(
      `  dont réponses partielles (question en deux parties, la seconde sans réponse dite d'abord) : ${unanswerable} sans réponse, ${answerable} avec réponse (comptées abstenues à tort)`,
    );
}
/** The questions told the corpus cannot know the asker's own collectivité (counted above as abstained: `outcomeOf`). */
function printOwn(report: AbstentionReport) {
  const { answerable, unanswerable } = report.own;
  if (answerable + unanswerable)
    console.log(
      `  dont réponses « votre collectivité » (le corpus ne peut pas connaître la collectivité de celui qui demande) : ${unanswerable} sans réponse, ${answerable} avec réponse (comptées abstenues à tort)`,
    );
}
function printWrong(report: AbstentionReport) {
  for (const w of report.wrong)
    console.log(
      `  ${w.answerable ? "abstention à tort" : "répond à tort"} : [${w.id}] ${w.question}${w.answerable ? ` (${w.reason} : ${w.missing.join(", ")})` : ""}`,
    );
}

/** French names of the causes of a fact missing from an extractive answer. */
const CAUSES: Record<ExtractiveReport["misses"][number]["cause"], string> = {
  abstention: "abstention",
  excerpt: "extrait (passage cité, fait coupé)",
  ranking: "classement (passage d'un document attendu non cité)",
  "other-document": "autre document seulement",
  "not-in-corpus": "absent du corpus (question à vérifier)",
};

/** The extractive fact rate of one set (what a commune without a model reads), with every miss and its cause. */
function printExtractive(name: string, report: ExtractiveReport) {
  console.log(
    `\nRéponses sans modèle (extraits cités) — ${name} : faits attendus présents ${pct(report.factRate)} (${report.factsFound}/${report.factsTotal}), ${report.questionsMissing}/${report.count} questions en manquent`,
  );
  console.log(
    `  causes : ${Object.entries(report.byCause)
      .map(([cause, n]) => `${CAUSES[cause as keyof typeof CAUSES]} ${n}`)
      .join(", ")}`,
  );
  for (const m of report.misses)
    console.log(
      `  manque « ${m.fact} » — ${CAUSES[m.cause]} : [${m.id}] ${m.question}${m.cause === "abstention" ? "" : `\n    cités ${m.quoted.join(", ")}`}`,
    );
}

function print(report: RetrievalReport) {
  console.log(`\nMode ${report.mode} — ${report.count} questions`);
  console.log(
    `  recall@5 : ${report.recallAt5.toFixed(3)}   MRR : ${report.mrr.toFixed(3)}   ${report.msPerQuery.toFixed(1)} ms/question`,
  );
  for (const [user, r] of Object.entries(report.byUser))
    console.log(`  ${user.padEnd(12)} ${String(r.count).padStart(3)} questions, recall@5 ${r.recallAt5.toFixed(3)}`);
  for (const m of report.misses)
    console.log(
      `  manquée : [${m.question.id}] ${m.question.question}\n    attendu ${m.question.expected.join(", ")} ; trouvé ${m.top.join(", ")}`,
    );
}

/** Abstention and retrieval on one held-out folder, reported on their own (never part of the exit code). */
async function reportHeldOut(engine: Engine, dir: string) {
  const name = path.basename(dir);
  const burned = BURNED_HELD_OUT.has(name);
  const heldOut = await loadQuestions(dir);
  for (const p of heldOut.problems) console.log(`Question ignorée (${name}) : ${p}`);
  const reserved = await evaluateAbstention(engine, heldOut.questions);
  console.log(
    `\nAbstention — ${name.startsWith("probe-") ? `${name} : sonde ciblée sur une seule catégorie difficile (rapportée à part : sa proportion n'est pas celle de l'usage réel ; sert au réglage, voir test/eval/README.md)` : burned ? `${name} : jeu réservé brûlé (sert au diagnostic depuis le 5 décembre 2026, ne mesure plus la généralisation ; voir test/eval/README.md)` : `${name} : jeu réservé (écrit après le réglage des règles, jamais utilisé pour les régler)`} — ${reserved.unanswerable} questions sans réponse, ${reserved.answerable} avec`,
  );
  console.log(`  sans réponse : abstention ${pct(reserved.abstention)} (objectif ≥ ${pct(TARGET_ABSTENTION)})`);
  console.log(
    `  avec réponse : abstention à tort ${pct(reserved.falseAbstention)} (objectif ≤ ${pct(TARGET_FALSE_ABSTENTION)})`,
  );
  for (const [kind, k] of Object.entries(reserved.byKind))
    console.log(`  ${kind.padEnd(12)} ${String(k.count).padStart(3)} questions, ${k.abstained} abstentions`);
  printPartial(reserved);
  printOwn(reserved);
  printWrong(reserved);
  const retrieval = await evaluateRetrieval(engine, heldOut.questions);
  console.log(
    `  recherche (${name}, ${retrieval.count} questions avec réponse) : recall@5 ${retrieval.recallAt5.toFixed(3)}, MRR ${retrieval.mrr.toFixed(3)}`,
  );
  for (const m of retrieval.misses)
    console.log(
      `  manquée (${name}) : [${m.question.id}] ${m.question.question}\n    attendu ${m.question.expected.join(", ")} ; trouvé ${m.top.join(", ")}`,
    );
  printExtractive(name, await evaluateExtractive(engine, heldOut.questions));
  if (reserved.abstention < TARGET_ABSTENTION || reserved.falseAbstention > TARGET_FALSE_ABSTENTION)
    console.log(
      `${name} : objectifs d'abstention non atteints (signalé, sans effet sur le code de sortie ; voir test/eval/README.md)`,
    );
}

const { questions, problems } = await loadQuestions();
for (const p of problems) console.log(`Question ignorée : ${p}`);
const base = loadConfig();
const dataDir = await mkdtemp(path.join(tmpdir(), "cap-libre-eval-"));
let exitCode = 0;
try {
  const fulltext = await createEngine({ ...base, dataDir, ollamaBaseUrl: "http://127.0.0.1:9" });
  const index = await fulltext.index();
  console.log(`Corpus indexé : ${index.documents} documents, ${index.chunks} passages en ${index.ms} ms.`);
  const answerable = questions.filter((q) => !q.kind);
  const report = await evaluateRetrieval(fulltext, answerable);
  print(report);
  const abst = await evaluateAbstention(fulltext, questions);
  console.log(
    `\nAbstention (décidée avant tout appel au modèle) — ${abst.unanswerable} questions sans réponse, ${abst.answerable} avec`,
  );
  console.log(`  sans réponse : abstention ${pct(abst.abstention)} (objectif ≥ ${pct(TARGET_ABSTENTION)})`);
  console.log(
    `  avec réponse : abstention à tort ${pct(abst.falseAbstention)} (objectif ≤ ${pct(TARGET_FALSE_ABSTENTION)})`,
  );
  for (const [kind, k] of Object.entries(abst.byKind))
    console.log(`  ${kind.padEnd(12)} ${String(k.count).padStart(3)} questions, ${k.abstained} abstentions`);
  printPartial(abst);
  printOwn(abst);
  printWrong(abst);
  if (abst.abstention < TARGET_ABSTENTION || abst.falseAbstention > TARGET_FALSE_ABSTENTION) {
    console.log("ÉCHEC : objectifs d'abstention non atteints");
    exitCode = 1;
  }
  const files = Object.entries(abst.byFile).filter(([, f]) => f.unanswerable);
  for (const [file, f] of files)
    console.log(
      `  ${file.padEnd(28)} ${f.abstained}/${f.unanswerable} sans réponse abstenues, ${f.falselyAbstained}/${f.answerable} avec réponse abstenues à tort`,
    );
  printExtractive("réglage (questions/)", await evaluateExtractive(fulltext, answerable));
  // Held-out sets: written after the rules were tuned, each reported on its own. A miss in a blind set is reported
  // (and discussed), not fixed by moving thresholds: that would turn it into one more tuning set (see README.md).
  for (const dir of await heldOutDirs()) await reportHeldOut(fulltext, dir);
  // Questions about one catalog product, generated from a fixed-seed sample of the catalog (reported on their own).
  printCardProbe(
    await evaluateCardProbe(
      fulltext,
      cardProbeQuestions(await loadCatalog(path.resolve("corpus"), []), 13, await corpusText()),
    ),
  );
  // Drafts without a model: template sections go through the same verification; what it flags there is reported.
  const templates = await evaluateTemplateSections(fulltext, EXAMPLE_INPUTS);
  console.log(
    `\nDocuments sans modèle (sections remplies à partir des données et des passages cités) — ${templates.drafts} documents, ${templates.sections} sections vérifiées`,
  );
  console.log(
    `  ${templates.sentences} phrases, dont ${templates.quotes} citant un passage ; marquées « non vérifié » : ${templates.unsupported.length}`,
  );
  for (const u of templates.unsupported)
    console.log(`    ${u.file} — ${u.section} : ${u.text.slice(0, 160)} — ${u.reasons.join(" ; ")}`);
  await fulltext.close();
  if (report.recallAt5 < TARGET_RECALL) {
    console.log(`\nÉCHEC : recall@5 plein texte ${report.recallAt5.toFixed(3)} < objectif ${TARGET_RECALL}`);
    exitCode = 1;
  } else {
    console.log(`\nObjectif atteint : recall@5 plein texte ${report.recallAt5.toFixed(3)} ≥ ${TARGET_RECALL}`);
  }

  // Faithfulness: a scripted fake model (Ollama's HTTP API) lies on purpose; the verification must catch it.
  if (!(await runFaithfulness(base, dataDir, answerable))) {
    console.log("ÉCHEC : objectifs de fidélité non atteints");
    exitCode = 1;
  }

  const engine = await createEngine({ ...base, dataDir });
  const status = await engine.models.status(true);
  if (status.embeddingsAvailable) {
    await engine.vectors.run((done, total) => process.stderr.write(`\rVecteurs : ${done}/${total}`));
    print(await evaluateRetrieval(engine, answerable));
  } else {
    console.log(`\nMode hybride non évalué : ${status.notice}`);
  }
  if (status.llmAvailable) {
    const answers = await evaluateAnswers(engine, answerable);
    console.log(
      `\nRéponses générées (${base.llmModel}) : faits attendus présents ${pct(answers.factRate)}, réponses citant leurs sources ${pct(answers.citedRate)}`,
    );
    for (const f of answers.failures)
      console.log(`  [${f.id}] manque : ${f.missing.join(" ; ") || "—"}${f.cited ? "" : " ; aucune citation"}`);
  }
  await engine.close();
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
process.exitCode = exitCode;
