/**
 * Faithfulness evaluation: a scripted fake model (`test/helpers/fake-ollama.ts`, real Ollama HTTP API) answers
 * chat questions and writes draft sections from the passages it is given, lying on purpose in known ways — an
 * invented figure, a citation to no passage, a claim found in no passage, a true figure attached to the wrong
 * thing — or answering correctly. The verification (`server/verify/`) must flag the scripted sentence, and only
 * it: detection recall per kind of lie, and false flags on correct answers.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { answer } from "../../server/answers/answer.ts";
import { type Config, loadConfig } from "../../server/config.ts";
import { createDraft, prepareDraft } from "../../server/drafting/drafts.ts";
import { createEngine, type Engine } from "../../server/engine.ts";
import { extractFigures } from "../../server/verify/figures.ts";
import { splitSentences, unwrap, type Verification } from "../../server/verify/index.ts";
import { type ChatRequestLog, type FakeOllama, startFakeOllama } from "../helpers/fake-ollama.ts";
import { type EvalQuestion, loadQuestions } from "./evaluate.ts";

export const SCENARIOS = ["correct", "invented-figure", "bad-citation", "unsupported-claim", "swapped-figure"] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface FaithCase {
  scenario: Scenario;
  /** The scripted sentence the check must flag (for `correct`: no sentence may be flagged). */
  target: string;
  flagged: boolean;
  /** Sentences flagged besides the target. */
  otherFlags: number;
  reasons: string[];
}

export interface FaithReport {
  cases: FaithCase[];
  /** Per scenario: cases, detected (target flagged; for `correct`: any flag, a false flag). */
  byScenario: Record<Scenario, { count: number; flagged: number; rate: number }>;
}

/** Passages as the model received them, parsed from the prompt: number → body (heading lines dropped). */
export function promptPassages(req: ChatRequestLog): Map<number, string> {
  const prompt = req.messages.map((m) => m.content).join("\n");
  const out = new Map<number, string>();
  for (const m of prompt.matchAll(/^<<<PASSAGE[^\n]*?\[(\d+)\][^\n]*\n([\s\S]*?)\nFIN DU PASSAGE[^\n]*?\[\1\]/gm)) {
    const body = m[2]!
      .split("\n")
      .filter((l) => !/^(Document|Section) :/.test(l))
      .join("\n");
    out.set(Number(m[1]), body);
  }
  return out;
}

/** Plain, quotable sentences of a passage (no Markdown line, 40–260 characters). */
function quotable(text: string): string[] {
  return unwrap(text)
    .split("\n")
    .filter((l) => l.trim() && !/^\s*([#|>]|[-*•]\s|\d+[.)]\s)/.test(l))
    .flatMap((l) => splitSentences(l))
    .map((s) => s.replace(/\*\*|__|`/g, "").trim())
    .filter((s) => s.length >= 40 && s.length <= 260 && /[.!?»)]$/.test(s) && !/\[\d+\]/.test(s));
}

const hasQuantity = (s: string) =>
  extractFigures(s).some((f) => f.kind === "amount" || f.kind === "percent" || f.kind === "number");

/** A deterministic pick. */
const pick = <T>(list: T[], seed: number): T | undefined => (list.length ? list[seed % list.length] : undefined);

/** The sentence with its first quantity changed to a value found nowhere (« 12 millions » → « 43 millions »). */
function invent(sentence: string): string | null {
  const f = extractFigures(sentence).find((x) => x.kind === "amount" || x.kind === "percent" || x.kind === "number");
  if (!f) return null;
  const digits = /\d[\d  ,.]*/.exec(f.raw)?.[0]?.trim();
  if (!digits) return null;
  const value = Number(digits.replace(/[  ]/g, "").replace(",", "."));
  const changed = String(Math.round(value * 3 + 7));
  return sentence.replace(f.raw, f.raw.replace(digits, changed));
}

/** The sentence with its first quantity replaced by another quantity of the same kind from another passage sentence. */
function swap(sentence: string, others: string[]): string | null {
  const f = extractFigures(sentence).find((x) => x.kind === "amount" || x.kind === "percent");
  if (!f) return null;
  for (const o of others) {
    const g = extractFigures(o).find(
      (x) => x.kind === f.kind && Math.abs(x.value - f.value) > 1e-9 && !sentence.includes(x.raw),
    );
    if (g) return sentence.replace(f.raw, g.raw);
  }
  return null;
}

/**
 * The scripted reply for one scenario, built from the passages of the request; `target` is the sentence to flag.
 * `pool` holds sentences of other documents (claims true elsewhere, absent from these passages).
 */
export function scriptedReply(
  scenario: Scenario,
  passages: Map<number, string>,
  seed: number,
  pool: string[],
): { reply: string; target: string } | null {
  const numbers = [...passages.keys()];
  if (numbers.length === 0) return null;
  const first = passages.get(numbers[0]!)!;
  const sentencesOf = (n: number) => quotable(passages.get(n) ?? "");
  const all = numbers.flatMap((n) => sentencesOf(n).map((s) => ({ n, s })));
  const leadFirst = pick(sentencesOf(numbers[0]!), seed);
  const leadAny = leadFirst ? { n: numbers[0]!, s: leadFirst } : pick(all, seed);
  if (!leadAny) return null;
  const lead = leadAny.s;
  const intro = `${lead} [${leadAny.n}]`;
  switch (scenario) {
    case "correct": {
      const second = pick(
        all.filter((x) => x.s !== lead),
        seed + 1,
      );
      // Every other correct answer rephrases its opening, as a model does (« D'après le corpus, … »).
      const rephrase = (t: string) =>
        seed % 2
          ? `D'après le corpus, ${/^\p{Lu}\p{Ll}/u.test(t) && !/^\p{Lu}\p{Ll}+\s\p{Lu}/u.test(t) ? t[0]!.toLowerCase() + t.slice(1) : t}`
          : t;
      const target = second ? `${rephrase(second.s)} [${second.n}]` : intro;
      return { reply: second ? `${intro} ${target}` : intro, target };
    }
    case "bad-citation": {
      const target = `${pick(all, seed + 2)!.s} [${Math.max(...numbers) + 3 + (seed % 5)}]`;
      return { reply: `${intro} ${target}`, target };
    }
    case "invented-figure": {
      const withFigure = all.filter((x) => hasQuantity(x.s));
      const chosen = pick(withFigure, seed);
      const changed = chosen ? invent(chosen.s) : null;
      if (!chosen || !changed) return null;
      const target = `${changed} [${chosen.n}]`;
      return { reply: `${intro} ${target}`, target };
    }
    case "swapped-figure": {
      const withFigure = all.filter((x) =>
        extractFigures(x.s).some((f) => f.kind === "amount" || f.kind === "percent"),
      );
      for (let i = 0; i < withFigure.length; i++) {
        const chosen = withFigure[(seed + i) % withFigure.length]!;
        const changed = swap(
          chosen.s,
          all.map((x) => x.s).filter((s) => s !== chosen.s),
        );
        if (changed) return { reply: `${intro} ${changed} [${chosen.n}]`, target: `${changed} [${chosen.n}]` };
      }
      return null;
    }
    case "unsupported-claim": {
      const folded = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
      const here = folded(Array.from(passages.values()).join(" "));
      const foreign = pool.filter((s) => !hasQuantity(s) && !here.includes(folded(s).slice(0, 40)));
      const claim = pick(foreign, seed * 7 + first.length);
      if (!claim) return null;
      const target = `${claim} [${numbers[seed % numbers.length]}]`;
      return { reply: `${intro} ${target}`, target };
    }
  }
}

/** Whether the verification flags a sentence (by its text). */
function flaggedSentence(
  v: Verification | null,
  target: string,
): { flagged: boolean; others: number; reasons: string[] } {
  const bad = (v?.sentences ?? []).filter((s) => s.status === "unsupported" || s.status === "invalid-citation");
  const norm = (s: string) => s.replace(/\s+/g, " ").trim();
  const hit = bad.filter((s) => norm(target).includes(norm(s.text)) || norm(s.text).includes(norm(target)));
  return {
    flagged: hit.length > 0,
    others: bad.length - hit.length,
    reasons: (hit.length ? hit : bad).flatMap((s) =>
      hit.length ? s.reasons : [`« ${s.text.slice(0, 200)} » (${s.citations})`, ...s.reasons],
    ),
  };
}

function report(cases: FaithCase[]): FaithReport {
  const byScenario = Object.fromEntries(
    SCENARIOS.map((s) => {
      const list = cases.filter((c) => c.scenario === s);
      const flagged = list.filter((c) => (s === "correct" ? c.flagged || c.otherFlags > 0 : c.flagged)).length;
      return [s, { count: list.length, flagged, rate: flagged / Math.max(1, list.length) }];
    }),
  ) as FaithReport["byScenario"];
  return { cases, byScenario };
}

/** Sentences of other documents, as claims absent from a given question's passages. */
async function claimPool(engine: Engine, questions: EvalQuestion[]): Promise<string[]> {
  const pool: string[] = [];
  for (const q of questions.slice(0, 40)) {
    const { results } = await engine.retriever.search(q.question, 2);
    for (const r of results) pool.push(...quotable(r.text).filter((s) => /\p{Lu}/u.test(s.slice(1))));
  }
  return [...new Set(pool)];
}

/** Chat: `perScenario` answered questions per scenario. */
export async function evaluateChatFaithfulness(
  engine: Engine,
  fake: FakeOllama,
  questions: EvalQuestion[],
  perScenario: number,
): Promise<FaithReport> {
  const pool = await claimPool(engine, [...questions].reverse());
  const cases: FaithCase[] = [];
  const options = {
    numCtx: engine.config.numCtx,
    maxAnswerTokens: engine.config.maxAnswerTokens,
    idleTimeoutMs: engine.config.idleTimeoutMs,
  };
  for (const [si, scenario] of SCENARIOS.entries()) {
    let done = 0;
    for (let qi = 0; qi < questions.length && done < perScenario; qi++) {
      const q = questions[(qi * 7 + si * 13) % questions.length]!;
      let target: string | null = null;
      fake.set({
        reply: (req) => {
          const scripted = scriptedReply(scenario, promptPassages(req), qi + si, pool);
          target = scripted?.target ?? null;
          return scripted?.reply ?? "Je ne sais pas.";
        },
      });
      let verification: Verification | null = null;
      for await (const e of answer(
        [{ role: "user", content: q.question }],
        engine,
        options,
        new AbortController().signal,
      )) {
        if (e.type === "done") verification = e.verification;
      }
      if (!target || !verification) continue;
      const f = flaggedSentence(verification, target);
      cases.push({ scenario, target, flagged: f.flagged, otherFlags: f.others, reasons: f.reasons });
      done++;
    }
  }
  return report(cases);
}

/** Drafts: each generated section of the example documents gets one scenario, in turn, until `perScenario` each. */
export async function evaluateDraftFaithfulness(
  engine: Engine,
  fake: FakeOllama,
  inputFiles: string[],
  perScenario: number,
  maxDrafts = 40,
): Promise<FaithReport> {
  const pool: string[] = [];
  for (const q of [
    "CLOUD Act mairie",
    "Gendarmerie Linux économies",
    "Munich LiMux retour Windows",
    "séminaire 8 avril 2026 décisions",
    "Lyon suite collaborative",
    "Schleswig-Holstein messagerie",
    "VMware Broadcom prix",
    "Échirolles label",
    "CNAM Tchap Visio",
    "Danemark ministère",
  ]) {
    const { results } = await engine.retriever.search(q, 3);
    for (const r of results) pool.push(...quotable(r.text));
  }
  const cases: FaithCase[] = [];
  const counts = new Map<Scenario, number>(SCENARIOS.map((s) => [s, 0]));
  let turn = 0;
  for (let round = 0; round < maxDrafts && [...counts.values()].some((n) => n < perScenario); round++) {
    const file = inputFiles[round % inputFiles.length]!;
    const body = JSON.parse(await readFile(file, "utf8"));
    const prepared = await prepareDraft(engine, body);
    // The model is asked while its section is being written: the section announced last. Template sections are
    // verified too, so verifications are matched to scripted replies by section key, not by order.
    const scripted: { key: string; scenario: Scenario; target: string }[] = [];
    let current = "";
    fake.set({
      reply: (req) => {
        const scenario = SCENARIOS[turn++ % SCENARIOS.length]!;
        const s = scriptedReply(scenario, promptPassages(req), turn + round, pool);
        scripted.push(
          s && (counts.get(scenario) ?? 0) < perScenario
            ? { key: current, scenario, target: s.target }
            : { key: current, scenario, target: "" },
        );
        return s?.reply ?? "Les passages fournis ne permettent pas de rédiger cette section.";
      },
    });
    const verifications = new Map<string, Verification>();
    for await (const e of createDraft(engine, prepared, new AbortController().signal)) {
      if (e.type === "section") current = e.key;
      if (e.type === "verification") verifications.set(e.key, e.verification);
    }
    scripted.forEach((s) => {
      const verification = verifications.get(s.key);
      if (!s.target || !verification) return;
      const f = flaggedSentence(verification, s.target);
      cases.push({
        scenario: s.scenario,
        target: s.target,
        flagged: f.flagged,
        otherFlags: f.others,
        reasons: f.reasons,
      });
      counts.set(s.scenario, (counts.get(s.scenario) ?? 0) + 1);
    });
  }
  return report(cases);
}

export interface TemplateReport {
  drafts: number;
  sections: number;
  sentences: number;
  /** Sentences citing a passage (quotations): each checked against the passage it quotes. */
  quotes: number;
  unsupported: { file: string; section: string; text: string; reasons: string[] }[];
}

/**
 * Drafts written without a model (templates: structured data and verbatim quotations): the same verification as
 * generated sections; every sentence it marks « non vérifié » is a false flag unless the corpus qualifies a figure
 * the quotation states without its qualification.
 */
export async function evaluateTemplateSections(engine: Engine, inputFiles: string[]): Promise<TemplateReport> {
  const report: TemplateReport = { drafts: 0, sections: 0, sentences: 0, quotes: 0, unsupported: [] };
  for (const file of inputFiles) {
    const prepared = await prepareDraft(engine, JSON.parse(await readFile(file, "utf8")));
    const titles = new Map<string, string>();
    for await (const e of createDraft(engine, prepared, new AbortController().signal)) {
      if (e.type === "section") titles.set(e.key, e.title);
      if (e.type !== "verification") continue;
      report.sections++;
      report.sentences += e.verification.counts.sentences;
      report.quotes += e.verification.sentences.filter((s) => s.citations.length > 0).length;
      for (const s of e.verification.sentences.filter(
        (x) => x.status === "unsupported" || x.status === "invalid-citation",
      )) {
        report.unsupported.push({
          file: file.split("/").at(-1)!,
          section: titles.get(e.key) ?? e.key,
          text: s.text,
          reasons: s.reasons,
        });
      }
    }
    report.drafts++;
  }
  return report;
}

// ——— The suite on its own: `node test/eval/faithfulness.ts [cases per kind]` (also part of `npm run eval`) ———

/** Detection targets (share of scripted lies flagged; for correct answers, the most false flags). */
export const FAITH_TARGETS: Record<Scenario, number> = {
  "invented-figure": 0.9,
  "bad-citation": 0.9,
  "unsupported-claim": 0.8,
  "swapped-figure": 0.8,
  correct: 0.1,
};

/** Cases per kind of lie, for chat and for drafts (the issue asks for at least 40). */
export const FAITH_CASES = 40;

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** Prints a report in French; whether every target holds. */
export function printFaith(title: string, report: FaithReport, misses = 12): boolean {
  console.log(`\n${title} — ${report.cases.length} cas (faux modèle scripté)`);
  let ok = true;
  for (const s of SCENARIOS) {
    const r = report.byScenario[s];
    const target = FAITH_TARGETS[s];
    const pass = s === "correct" ? r.rate <= target : r.rate >= target;
    if (!pass) ok = false;
    const label =
      s === "correct"
        ? `faux signalements ${pct(r.rate)} (objectif ≤ ${pct(target)})`
        : `détection ${pct(r.rate)}${target ? ` (objectif ≥ ${pct(target)})` : ""}`;
    console.log(`  ${s.padEnd(18)} ${String(r.count).padStart(3)} cas, ${label}`);
  }
  for (const c of report.cases
    .filter((c) => (c.scenario === "correct" ? c.flagged || c.otherFlags : !c.flagged))
    .slice(0, misses)) {
    console.log(
      `    ${c.scenario === "correct" ? "signalé à tort" : "non détecté"} (${c.scenario}) : ${c.target.slice(0, 160)}${c.reasons.length ? ` — ${c.reasons.join(" ; ")}` : ""}`,
    );
  }
  return ok;
}

export const EXAMPLE_INPUTS = [
  "courrier-linux-quimper",
  "plan-audit-kervallon",
  "note-cloud-act",
  "feuille-de-route-kervallon",
].map((f) => path.resolve(`docs/examples/inputs/${f}.json`));

/** Chat and drafts against the scripted model, on an indexed data directory; whether every target holds. */
export async function runFaithfulness(
  base: Config,
  dataDir: string,
  answerable: EvalQuestion[],
  perScenario = FAITH_CASES,
  misses = 12,
): Promise<boolean> {
  const fake = await startFakeOllama({ models: [base.llmModel] });
  try {
    const scripted = await createEngine({ ...base, dataDir, ollamaBaseUrl: fake.url });
    try {
      await scripted.models.status(true);
      const chat = await evaluateChatFaithfulness(scripted, fake, answerable, perScenario);
      const drafts = await evaluateDraftFaithfulness(scripted, fake, EXAMPLE_INPUTS, perScenario, perScenario * 4);
      const okChat = printFaith("Fidélité des réponses (chat)", chat, misses);
      const okDrafts = printFaith("Fidélité des documents (sections rédigées)", drafts, misses);
      return okChat && okDrafts;
    } finally {
      await scripted.close();
    }
  } finally {
    await fake.close();
  }
}

if (import.meta.main) {
  const perScenario = Number(process.argv[2] ?? FAITH_CASES);
  const { questions } = await loadQuestions();
  const base = loadConfig();
  const dataDir = await mkdtemp(path.join(tmpdir(), "cap-libre-faith-"));
  try {
    const indexer = await createEngine({ ...base, dataDir, ollamaBaseUrl: "http://127.0.0.1:9" });
    await indexer.index();
    await indexer.close();
    const ok = await runFaithfulness(base, dataDir, questions.filter((q) => !q.kind), perScenario, 1000);
    if (!ok) {
      console.log("ÉCHEC : objectifs de fidélité non atteints");
      process.exitCode = 1;
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
