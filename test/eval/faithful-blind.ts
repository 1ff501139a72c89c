/**
 * Blind faithfulness measure: answers written by hand as a local Mistral writes them (paraphrases, syntheses of two
 * passages, figures in words or rounded, lists, hedges, bold), labelled sentence by sentence by their author
 * BEFORE any measure, then sent once through the real answer path with a fake Ollama that replies with the
 * hand-written text. Reported: false flags on sentences labelled `supported` (by kind of writing) and recall on
 * sentences labelled `unsupported` (by kind of error).
 *
 * `node test/eval/faithful-blind.ts --passages "<question>" ["<question>"…]` prints the passages [1]..[n] the model is given for a
 * question (to write an answer from); `node test/eval/faithful-blind.ts` runs the measure on
 * `test/eval/faithful-blind/*.yaml` (`--set=faithful-blind-2` on the second set, `--set=… --check` only checks that set's
 * files are well formed and its passages pinned, `--set=… --pin` pins its passages once, at the commit its answers are
 * written for); `--all-pinned` verifies every set's answers on their pinned passages only (no index, no model: about a
 * minute) and prints one tab-separated line per labelled sentence (set, file, case, index, label, kind, FLAG or -,
 * start of the sentence, reasons) then the totals — diff its first seven columns before and after a verifier change;
 * sets named in `EVAL_SKIP` are left out, `--only=<set>/<case>,<set>` keeps those only (draft cases are verified with
 * their data block's date and typed context, as a document is); `--draft-passages "<question>"…` prints, for a briefing note on each question (the
 * draft that `test/eval/faithfulness.ts` writes), the data and passages each generated section is given (for the
 * commune `--collectivite=Name/Department/Region`, Kervallon by default; a draft case names its own with
 * `collectivite`; `--document=letter` or `--document=audit` prints a letter's or an audit plan's sections instead, as
 * `--pin` writes them for a draft case of that `document`). Both index the corpus in a fresh directory without embeddings (the fake
 * server knows no embedding model: full-text retrieval, deterministic), so the passages are the same in both.
 *
 * Case format (YAML list): `id`, `question`, for drafts `section` (the title of the briefing's section the answer
 * is written for; other sections get a reply that leaves them to their template; optionally `collectivite`, the commune
 * the note is written for), `answer` (the full reply), `sentences`: one entry per sentence of the
 * answer, in order, `{ text: <the start of the sentence, as written in the answer>, label: supported|unsupported,
 * kind }`. A labelled sentence runs from its start to the start of the next one; it is flagged when any sentence
 * of the verification that starts inside it is marked `unsupported` or `invalid-citation`. A sentence shown as the
 * model's deduction (`inference`, a conclusion drawn for the commune: `server/verify/inference.ts`) is not flagged; the
 * deductions are counted apart, and a wrong sentence among them is listed (a miss).
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { answer, askedContext } from "../../server/answers/answer.ts";
import { loadConfig } from "../../server/config.ts";
import { MONTHS } from "../../server/core/text.ts";
import { createDraft, prepareDraft } from "../../server/drafting/drafts.ts";
import { createEngine, type Engine } from "../../server/engine.ts";
import { verifyAgainstPlan } from "../../server/tracking/progress-note-model.ts";
import { contextContradictions } from "../../server/verify/context-contradiction.ts";
import { documentVerdicts } from "../../server/verify/document-verdicts.ts";
import { verifyText } from "../../server/verify/index.ts";
import { type ChatRequestLog, type FakeOllama, startFakeOllama } from "../helpers/fake-ollama.ts";

/** A passage as the model was given it when an answer was written (`passages.json`). */
interface PinnedPassage {
  n: number;
  /** « title — kind, date », as the prompt's `Document :` line. */
  document: string;
  section: string;
  text: string;
}

interface Pinned {
  passages: PinnedPassage[];
  /** Drafts only: the data block the section was given. */
  data?: string;
}

/** The prompt body of a pinned passage (what `promptPassages` reads), to compare with today's. */
const pinnedBody = (p: PinnedPassage) => `Document : ${p.document}\nSection : ${p.section}\n${p.text}`;

/** Title and date of a pinned passage's document (« title — kind, date »). */
function documentParts(p: PinnedPassage): { title: string; date: string } {
  const cut = p.document.lastIndexOf(" — ");
  const title = cut >= 0 ? p.document.slice(0, cut) : p.document;
  const date =
    cut >= 0
      ? (p.document
          .slice(cut + 3)
          .split(", ")
          .pop() ?? "")
      : "";
  return { title, date: date === "date inconnue" ? "" : date };
}

/**
 * Verification of an answer against its pinned passages, as the answer path and the draft path build the checked
 * text of a passage (`verifiable` in server/answers/answer.ts, `passageSource` in server/drafting/generate.ts).
 */
function verifyPinned(c: BlindCase, pinned: Pinned): CheckedSentence[] {
  const section = (p: PinnedPassage) => (p.section === "(introduction)" ? "" : p.section);
  const passages = pinned.passages.map((p) => {
    const { title, date } = documentParts(p);
    const head = c.section ? `${title} (${date}) — ${section(p)}` : `${title} — ${section(p)}`;
    return { n: p.n, text: `${head}\n${p.text}` };
  });
  if (c.document === "progress")
    return verifyAgainstPlan(
      c.answer,
      pinned.passages.map((p) => p.text),
    ).sentences;
  const facts = c.section ? (pinned.data ?? "").split("\n").filter(Boolean) : [];
  // A draft's answer is all the model's text: its uncited sentences are checked too (`VerifyOptions.modelText`); as
  // `checkedSection` does, with the document's date and the context the user typed when the data block gives them.
  const { today, context } = c.section ? dataDateAndContext(facts) : {};
  // A chat answer as `checkAnswer` verifies it: what the user wrote of their own collectivité in the question may be
  // repeated (`askedContext`), a sentence citing nothing is checked against every passage, and the question is read
  // (a short answer's pronoun, what the asker says they did: `VerifyOptions.question`).
  if (!c.section)
    return verifyText(c.answer, passages, {
      asked: askedContext([{ role: "user", content: c.question }]),
      checkUncited: true,
      question: c.question,
    }).sentences;
  return documentVerdicts(
    contextContradictions(verifyText(c.answer, passages, { facts, modelText: c.answer, today }), context),
    passages.map((p) => p.text),
    facts,
    c.answer,
    context,
  ).sentences;
}

/**
 * The document's date (`YYYY-MM-DD`) and the user's context a draft's data block gives: « Date de la note : 2 décembre
 * 2026 » (also « Date du courrier », « Date du document », « Date »), « Contexte local : … » (a set's author may write
 * « Contexte donné par l'expéditeur : … »).
 */
export function dataDateAndContext(lines: string[]): { today?: string; context?: string } {
  let today: string | undefined;
  let context: string | undefined;
  for (const line of lines) {
    const date = /^Date(?: d[eu] (?:la |l['’])?\p{L}+)? : (\d{1,2})(?:er)? (\p{L}+) (\d{4})\b/u.exec(line);
    const month = date ? MONTHS.indexOf(date[2]!.toLowerCase()) + 1 : 0;
    if (date && month && !today) today = `${date[3]}-${String(month).padStart(2, "0")}-${date[1]!.padStart(2, "0")}`;
    const typed = /^Contexte(?: local| donné par [^:]+)? : (.+)$/u.exec(line);
    if (typed) context = [context, typed[1]!].filter(Boolean).join(" ");
  }
  return { today, context };
}

/** Whether today's passages for a case are the pinned ones. */
const samePassages = (today: Map<number, string> | null, pinned: Pinned) =>
  !!today && today.size === pinned.passages.length && pinned.passages.every((p) => today.get(p.n) === pinnedBody(p));

interface LabelledSentence {
  text: string;
  label: "supported" | "unsupported";
  kind: string;
}

interface BlindCase {
  id: string;
  question: string;
  /** Drafts only: the title of the section the answer is written for (a briefing note on `question`). */
  section?: string;
  /** Drafts only: the commune the note is written for, when not Kervallon (faithful-blind-6 on). */
  collectivite?: Commune;
  /**
   * Drafts only (faithful-blind-18 on): the document the section belongs to, a briefing note when absent. A letter,
   * an audit plan or a roadmap section is verified as `verifySection` does, against its pinned passages and data; a
   * progress note's « L'essentiel » as `verifyAgainstPlan` does, its passages being the plan's facts (without the
   * checks that need the plan itself: its own figures by date, its products' installations).
   */
  document?: "briefing" | "letter" | "audit" | "roadmap" | "progress";
  /** Letters only (faithful-blind-25 on): the association that writes the letter, when not Chamblessac Libre. */
  sender?: string;
  answer: string;
  sentences: LabelledSentence[];
}

/** What this script reads of the verification object of `done` (its shape as the API returns it). */
interface CheckedSentence {
  text: string;
  status: string;
  reasons: string[];
  citations: unknown;
}

const FLAGGED = new Set(["unsupported", "invalid-citation"]);

/** Passages as the model received them, parsed from the prompt: number → body (heading lines kept). */
function promptPassages(req: ChatRequestLog): Map<number, string> {
  const prompt = req.messages.map((m) => m.content).join("\n");
  const out = new Map<number, string>();
  for (const m of prompt.matchAll(/^<<<PASSAGE[^\n]*?\[(\d+)\][^\n]*\n([\s\S]*?)\nFIN DU PASSAGE[^\n]*?\[\1\]/gm))
    out.set(Number(m[1]), m[2]!);
  return out;
}

/** Text compared across the answer and the verifier's sentences: no Markdown emphasis, single spaces. */
const canon = (s: string) =>
  s
    .replace(/\*\*|__/g, "")
    .replace(/[’]/g, "'")
    .replace(/\s+/g, " ")
    .trim();

async function indexedEngine(): Promise<{ engine: Engine; fake: FakeOllama; cleanup: () => Promise<void> }> {
  const base = loadConfig();
  const dataDir = await mkdtemp(path.join(tmpdir(), "cap-libre-blind-"));
  const indexer = await createEngine({ ...base, dataDir, ollamaBaseUrl: "http://127.0.0.1:9" });
  await indexer.index();
  await indexer.close();
  // The fake knows the generation model only: no embedding model, so retrieval stays full-text (deterministic).
  const fake = await startFakeOllama({ models: [base.llmModel] });
  const engine = await createEngine({ ...base, dataDir, ollamaBaseUrl: fake.url });
  await engine.models.status(true);
  return {
    engine,
    fake,
    cleanup: async () => {
      await engine.close();
      await fake.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Asks a question with the fake model replying `reply`; the passages it was given and the verification. */
async function ask(
  engine: Engine,
  fake: FakeOllama,
  question: string,
  reply: string,
): Promise<{ passages: Map<number, string> | null; sentences: CheckedSentence[] | null; abstained: boolean }> {
  let passages: Map<number, string> | null = null;
  fake.set({
    reply: (req) => {
      passages = promptPassages(req);
      return reply;
    },
  });
  let sentences: CheckedSentence[] | null = null;
  let abstained = false;
  const options = {
    numCtx: engine.config.numCtx,
    maxAnswerTokens: engine.config.maxAnswerTokens,
    idleTimeoutMs: engine.config.idleTimeoutMs,
    verifyWithModel: false,
  };
  for await (const e of answer([{ role: "user", content: question }], engine, options, new AbortController().signal)) {
    if (e.type !== "done") continue;
    abstained = e.abstention !== null;
    sentences = (e.verification?.sentences as CheckedSentence[] | undefined) ?? null;
  }
  return { passages, sentences, abstained };
}

async function loadCases(dir: string): Promise<{ file: string; cases: BlindCase[] }[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".yaml")).sort();
  return Promise.all(
    files.map(async (file) => ({ file, cases: parse(await readFile(path.join(dir, file), "utf8")) as BlindCase[] })),
  );
}

interface SentenceResult {
  id: string;
  text: string;
  label: LabelledSentence["label"];
  kind: string;
  flagged: boolean;
  /** Shown as the model's deduction (`inference`): not flagged; a wrong sentence so shown is a miss. */
  inferred: boolean;
  /** Drafts of faithful-blind-18 on: the document of the case. */
  document?: string;
  reasons: string[];
}

/**
 * Maps the verifier's sentences onto the labelled ones by position in the answer: each labelled sentence is the span
 * from its start to the next one's; a verifier sentence belongs to the span its start falls in.
 */
function matchSentences(c: BlindCase, checked: CheckedSentence[]): { results: SentenceResult[]; problems: string[] } {
  const answerText = canon(c.answer);
  const problems: string[] = [];
  const starts: number[] = [];
  let from = 0;
  for (const s of c.sentences) {
    const at = answerText.indexOf(canon(s.text), from);
    if (at < 0) problems.push(`${c.id} : phrase étiquetée introuvable dans la réponse : « ${s.text} »`);
    starts.push(at < 0 ? from : at);
    from = at < 0 ? from : at + 1;
  }
  const results: SentenceResult[] = c.sentences.map((s) => ({
    id: c.id,
    text: s.text,
    label: s.label,
    kind: s.kind,
    flagged: false,
    inferred: false,
    reasons: [],
  }));
  let cursor = 0;
  const covered = new Set<number>();
  /** The verifier's sentences placed in the answer: start, end (approximate: its own length) and verdict. */
  const placed: { at: number; end: number; v: CheckedSentence }[] = [];
  for (const v of checked) {
    // The verifier keeps a list item's dash (« - Ses obligations… »); a label may leave it out (faithful-blind-4):
    // placed at its dash, the item fell in the span of the labelled sentence before it.
    const t = canon(v.text).replace(/^(?:[-*•]|\d{1,2}[.)])\s+/u, "");
    let at = -1;
    for (const len of [60, 30, 15]) {
      at = answerText.indexOf(t.slice(0, len), cursor);
      if (at >= 0) break;
    }
    if (at < 0) {
      problems.push(`${c.id} : phrase vérifiée introuvable dans la réponse : « ${v.text.slice(0, 80)} » (${v.status})`);
      continue;
    }
    cursor = at;
    placed.push({ at, end: at + t.length, v });
    let k = 0;
    for (let i = 0; i < starts.length; i++) if (starts[i]! <= at) k = i;
    covered.add(k);
    if (FLAGGED.has(v.status)) {
      results[k]!.flagged = true;
      results[k]!.reasons.push(`${v.status}: ${v.reasons.join(" ; ")}`);
    } else if (v.status === "inference") results[k]!.inferred = true;
  }
  // A labelled sentence no verifier sentence starts in was merged into the one before it: it takes that sentence's verdict.
  results.forEach((r, k) => {
    if (covered.has(k)) return;
    const over = placed.filter((p) => p.at < starts[k]! && p.end > starts[k]!);
    problems.push(
      `${c.id} : phrase étiquetée sans phrase vérifiée propre (${over.length ? "fondue dans la précédente" : "non vérifiée"}) : « ${r.text} »`,
    );
    for (const p of over.filter((x) => FLAGGED.has(x.v.status))) {
      r.flagged = true;
      r.reasons.push(`${p.v.status}: ${p.v.reasons.join(" ; ")}`);
    }
  });
  return { results, problems };
}

const pct = (n: number, d: number) => (d ? `${((n / d) * 100).toFixed(1)} %` : "—");

function byKind(list: SentenceResult[]): [string, { n: number; flagged: number }][] {
  const m = new Map<string, { n: number; flagged: number }>();
  for (const r of list) {
    const e = m.get(r.kind) ?? { n: 0, flagged: 0 };
    e.n++;
    if (r.flagged) e.flagged++;
    m.set(r.kind, e);
  }
  return [...m.entries()].sort((a, b) => b[1].n - a[1].n);
}

/** The section a draft prompt asks to write (« Section à rédiger : « … » »), or null. */
function promptSection(req: ChatRequestLog): string | null {
  const prompt = req.messages.map((m) => m.content).join("\n");
  return /^Section à rédiger : « (.+) »$/m.exec(prompt)?.[1] ?? null;
}

/** The data block a draft prompt gives the model (between the DONNÉES markers). */
function promptData(req: ChatRequestLog): string {
  const prompt = req.messages.map((m) => m.content).join("\n");
  return /^<<<DONNÉES[^\n]*\n([\s\S]*?)\nFIN DES DONNÉES/m.exec(prompt)?.[1] ?? "";
}

/** The fictitious commune a briefing note is written for (a draft case's `collectivite`, Kervallon by default). */
interface Commune {
  name: string;
  department: string;
  region: string;
}

const KERVALLON: Commune = { name: "Kervallon", department: "Finistère", region: "Bretagne" };

/** A briefing note to the mayor of a fictitious commune on a question (as `test/eval/faithfulness.ts` builds them). */
const briefing = (question: string, commune: Commune = KERVALLON) => ({
  type: "briefing",
  inputs: {
    collectivite: { ...commune, kind: "commune" },
    recipient: { name: "Monsieur le Maire", role: `maire de ${commune.name}` },
    question,
    author: "Direction des systèmes d'information",
    date: "2026-05-04",
  },
});

/** A draft case's document (`BlindCase.document`): a briefing note when absent. */
type DocumentKind = NonNullable<BlindCase["document"]>;

/**
 * The association that writes a letter case (faithful-blind-23 on): a fictitious sender, the mayor as recipient;
 * Chamblessac Libre unless the case (faithful-blind-25 on) or `--sender=Name` names another.
 */
const letterSender = (name = "Chamblessac Libre") => ({
  name,
  description: "association locale d'utilisateurs de logiciels libres",
});

/**
 * The request of a draft on `question` for `commune`: a briefing note (as `test/eval/faithfulness.ts` builds them), a
 * letter of a local association to the mayor (its subject is the question) or an audit plan (its context is the
 * question), all dated 4 May 2026. A roadmap needs an inventory analysis: it is not built here.
 */
function draftRequest(
  question: string,
  commune: Commune = KERVALLON,
  document: DocumentKind = "briefing",
  sender?: string,
) {
  const collectivite = { ...commune, kind: "commune" };
  if (document === "briefing") return briefing(question, commune);
  if (document === "letter")
    return {
      type: "letter",
      inputs: {
        collectivite,
        sender: letterSender(sender),
        recipient: { name: "Monsieur le Maire", role: `maire de ${commune.name}`, civility: "Monsieur" },
        subject: question,
        date: "2026-05-04",
      },
    };
  if (document === "audit")
    return {
      type: "audit-plan",
      inputs: {
        collectivite,
        context: question,
        startDate: "2026-06-01",
        durationMonths: 4,
        author: "Direction des systèmes d'information",
      },
    };
  throw new Error(`document non figeable : ${document}`);
}

/** What the model replies to a section nobody wrote an answer for (the section then falls back to its template). */
const NO_SECTION = "Les passages fournis ne permettent pas de rédiger cette section.";

/**
 * Writes a briefing note on `question`; the fake model replies `reply(section)` to each generated section. Returns, per
 * section title, the passages and data it was given and its verification.
 */
async function draftBriefing(
  engine: Engine,
  fake: FakeOllama,
  question: string,
  reply: (section: string) => string,
  commune: Commune = KERVALLON,
  document: DocumentKind = "briefing",
  sender?: string,
): Promise<Map<string, { passages: Map<number, string>; data: string; sentences: CheckedSentence[] | null }>> {
  const out = new Map<string, { passages: Map<number, string>; data: string; sentences: CheckedSentence[] | null }>();
  const titleOf = new Map<string, string>();
  fake.set({
    reply: (req) => {
      const section = promptSection(req) ?? "";
      out.set(section, { passages: promptPassages(req), data: promptData(req), sentences: null });
      return reply(section);
    },
  });
  const prepared = await prepareDraft(engine, draftRequest(question, commune, document, sender));
  for await (const e of createDraft(engine, prepared, new AbortController().signal)) {
    if (e.type === "section") titleOf.set(e.key, e.title);
    if (e.type !== "verification") continue;
    const entry = out.get(titleOf.get(e.key) ?? "");
    if (entry) entry.sentences = e.verification.sentences as CheckedSentence[];
  }
  return out;
}

async function printDraftPassages(
  questions: string[],
  commune: Commune = KERVALLON,
  document: DocumentKind = "briefing",
  sender?: string,
): Promise<void> {
  const { engine, fake, cleanup } = await indexedEngine();
  try {
    for (const question of questions) {
      console.log(`\n===== ${question}`);
      const sections = await draftBriefing(engine, fake, question, () => NO_SECTION, commune, document, sender);
      for (const [title, { passages, data }] of sections) {
        console.log(`\n--- section « ${title} »\n${data}\n`);
        for (const [n, text] of passages) console.log(`[${n}] ${text}\n`);
      }
    }
  } finally {
    await cleanup();
  }
}

async function printPassages(questions: string[]): Promise<void> {
  const { engine, fake, cleanup } = await indexedEngine();
  try {
    for (const question of questions) {
      console.log(`\n===== ${question}\n`);
      const { passages, abstained } = await ask(engine, fake, question, "Je ne sais pas.");
      if (abstained || !passages) console.log("(abstention : aucun passage donné au modèle)");
      else for (const [n, text] of passages as Map<number, string>) console.log(`[${n}] ${text}\n`);
    }
  } finally {
    await cleanup();
  }
}

async function measure(dir: string, live: boolean): Promise<void> {
  const sets = await loadCases(dir);
  const pins = JSON.parse(await readFile(path.join(dir, "passages.json"), "utf8")).sets as Record<
    string,
    Record<string, Pinned>
  >;
  const { engine, fake, cleanup } = await indexedEngine();
  try {
    for (const { file, cases } of sets) {
      const all: SentenceResult[] = [];
      const problems: string[] = [];
      let abstentions = 0;
      /** Cases whose passages today differ from those the answer was written against. */
      const changes: string[] = [];
      for (const c of cases) {
        let sentences: CheckedSentence[] | null;
        let abstained = false;
        let today: Map<number, string> | null = null;
        const pinned = pins[file]?.[c.id];
        if (!pinned) {
          abstentions++;
          problems.push(`${c.id} : pas de passages figés (passages.json) — cas non mesuré`);
          continue;
        }
        if (c.document && c.document !== "briefing") {
          // Only a briefing note is written again here: another document's section is verified on its pinned passages.
          sentences = null;
          today = null;
        } else if (c.section) {
          const sections = await draftBriefing(
            engine,
            fake,
            c.question,
            (t) => (t === c.section ? c.answer : NO_SECTION),
            c.collectivite,
          );
          sentences = sections.get(c.section)?.sentences ?? null;
          today = sections.get(c.section)?.passages ?? null;
        } else ({ sentences, abstained, passages: today } = await ask(engine, fake, c.question, c.answer));
        const changed = !(c.document && c.document !== "briefing") && !samePassages(today, pinned);
        if (changed) changes.push(c.id);
        if (!live) sentences = verifyPinned(c, pinned);
        else if (abstained || !sentences || changed) {
          abstentions++;
          problems.push(
            `${c.id} : ${abstained ? "abstention" : !sentences ? "pas de vérification" : "passages changés depuis la rédaction"} — cas non mesuré`,
          );
          continue;
        }
        const m = matchSentences(c, sentences);
        for (const r of m.results) r.document = c.document;
        all.push(...m.results);
        problems.push(...m.problems);
      }
      const supported = all.filter((r) => r.label === "supported");
      const unsupported = all.filter((r) => r.label === "unsupported");
      const ff = supported.filter((r) => r.flagged);
      const hits = unsupported.filter((r) => r.flagged);
      console.log(
        `\n${file} — ${cases.length} cas (${abstentions} non mesurés), ${all.length} phrases étiquetées, vérifiées contre ${live ? "les passages donnés aujourd'hui" : "les passages figés à la rédaction"}`,
      );
      console.log(
        `  passages changés depuis la rédaction : ${changes.length} cas${changes.length ? ` (${changes.join(", ")})` : ""}`,
      );
      console.log(`  faux signalements : ${ff.length}/${supported.length} = ${pct(ff.length, supported.length)}`);
      for (const [k, e] of byKind(supported))
        console.log(`    ${k.padEnd(20)} ${e.flagged}/${e.n} = ${pct(e.flagged, e.n)}`);
      console.log(
        `  rappel (phrases fausses signalées) : ${hits.length}/${unsupported.length} = ${pct(hits.length, unsupported.length)}`,
      );
      for (const [k, e] of byKind(unsupported))
        console.log(`    ${k.padEnd(20)} ${e.flagged}/${e.n} = ${pct(e.flagged, e.n)}`);
      const documents = [...new Set(all.map((r) => r.document).filter((d): d is string => !!d))];
      for (const d of documents) {
        const of = all.filter((r) => r.document === d);
        const right = of.filter((r) => r.label === "supported");
        const wrong = of.filter((r) => r.label === "unsupported");
        console.log(
          `  document ${d} : faux signalements ${right.filter((r) => r.flagged).length}/${right.length}, rappel ${wrong.filter((r) => r.flagged).length}/${wrong.length}`,
        );
      }
      // A conclusion shown as the model's deduction is not flagged: counted apart, the wrong ones listed (a miss).
      const inferred = all.filter((r) => r.inferred && !r.flagged);
      const wrongInferred = inferred.filter((r) => r.label === "unsupported");
      console.log(
        `  déductions du modèle (non signalées) : ${inferred.length} (${inferred.length - wrongInferred.length} justes, ${wrongInferred.length} fausses)`,
      );
      for (const r of wrongInferred) console.log(`    fausse : [${r.id}/${r.kind}] ${r.text}`);
      console.log("  signalées à tort :");
      for (const r of ff) console.log(`    [${r.id}/${r.kind}] ${r.text} — ${r.reasons.join(" | ")}`);
      // The reasons of each detection, to see whether a wrong sentence is flagged for what is wrong in it.
      console.log("  détectées :");
      for (const r of hits) console.log(`    [${r.id}/${r.kind}] ${r.text} — ${r.reasons.join(" | ")}`);
      console.log("  non détectées :");
      for (const r of unsupported.filter((x) => !x.flagged)) console.log(`    [${r.id}/${r.kind}] ${r.text}`);
      if (problems.length) console.log(`  problèmes de correspondance :\n    ${problems.join("\n    ")}`);
    }
  } finally {
    await cleanup();
  }
}

/** A prompt passage's body (« Document : …\nSection : …\n<text> ») as a pinned passage. */
function pinOf(n: number, body: string): PinnedPassage {
  const [doc = "", sec = "", ...rest] = body.split("\n");
  return {
    n,
    document: doc.replace(/^Document : /, ""),
    section: sec.replace(/^Section : /, ""),
    text: rest.join("\n"),
  };
}

/**
 * Writes `passages.json` of a set from the passages each of its cases is given today (and, for drafts, the section's
 * data block). A set is pinned once, at the commit its answers are written for; the first set's pins are never rewritten.
 */
async function pin(dir: string, commit: string): Promise<void> {
  if (path.basename(dir) === "faithful-blind") throw new Error("the first set's passages stay pinned at 5b8e43c");
  const sets = await loadCases(dir);
  const { engine, fake, cleanup } = await indexedEngine();
  const out: Record<string, Record<string, Pinned>> = {};
  try {
    for (const { file, cases } of sets) {
      const pins: Record<string, Pinned> = {};
      for (const c of cases) {
        if (c.section) {
          const s = (
            await draftBriefing(
              engine,
              fake,
              c.question,
              () => NO_SECTION,
              c.collectivite,
              c.document ?? "briefing",
              c.sender,
            )
          ).get(c.section);
          if (!s) console.log(`${c.id} : pas de section « ${c.section} »`);
          else pins[c.id] = { passages: [...s.passages].map(([n, b]) => pinOf(n, b)), data: s.data };
        } else {
          const { passages, abstained } = await ask(engine, fake, c.question, "Je ne sais pas.");
          if (abstained || !passages) console.log(`${c.id} : abstention, rien à figer`);
          else pins[c.id] = { passages: [...(passages as Map<number, string>)].map(([n, b]) => pinOf(n, b)) };
        }
      }
      out[file] = pins;
    }
  } finally {
    await cleanup();
  }
  const note = `Passages (and, for drafts, the data block) the model was given for each case, pinned at ${commit} with \`node test/eval/faithful-blind.ts --set=${path.basename(dir)} --pin\`; the measure verifies each answer against these.`;
  await writeFile(path.join(dir, "passages.json"), `${JSON.stringify({ commit, note, sets: out }, null, 2)}\n`);
}

/** Kind of a wrong sentence whose [n] is meant to be out of the passages' range. */
export const OUT_OF_RANGE = "out-of-range-citation";

/**
 * What is wrong in a set's files without measuring anything: a case without pinned passages, a label or kind missing,
 * a labelled start not found in order in the answer, a citation [n] beyond the pinned passages outside a sentence of
 * kind `out-of-range-citation` (and such a sentence without one), a sentence labelled supported that cites nothing
 * (unless its kind is `summary`).
 */
export async function setProblems(dir: string): Promise<string[]> {
  const sets = await loadCases(dir);
  const pins = JSON.parse(await readFile(path.join(dir, "passages.json"), "utf8")).sets as Record<
    string,
    Record<string, Pinned>
  >;
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const { file, cases } of sets) {
    for (const c of cases) {
      const where = `${file}/${c.id}`;
      if (ids.has(c.id)) problems.push(`${where} : identifiant en double`);
      ids.add(c.id);
      if (!c.question || !c.answer || !Array.isArray(c.sentences) || !c.sentences.length) {
        problems.push(`${where} : question, réponse ou phrases manquantes`);
        continue;
      }
      const pinned = pins[file]?.[c.id];
      if (!pinned?.passages.length) problems.push(`${where} : pas de passages figés`);
      const count = pinned?.passages.length ?? 0;
      const text = canon(c.answer);
      const starts: number[] = [];
      let from = 0;
      for (const s of c.sentences) {
        if (s.label !== "supported" && s.label !== "unsupported") problems.push(`${where} : étiquette « ${s.label} »`);
        if (!s.kind) problems.push(`${where} : genre manquant pour « ${s.text} »`);
        const at = text.indexOf(canon(s.text), from);
        if (at < 0) problems.push(`${where} : phrase introuvable (dans l'ordre) : « ${s.text} »`);
        starts.push(at < 0 ? from : at);
        from = at < 0 ? from : at + 1;
      }
      c.sentences.forEach((s, k) => {
        const span = text.slice(starts[k], k + 1 < starts.length ? starts[k + 1] : undefined);
        const cited = [...span.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
        const outside = cited.filter((n) => n < 1 || n > count);
        if (s.kind === OUT_OF_RANGE) {
          if (!outside.length) problems.push(`${where} : « ${s.text} » devait citer hors des ${count} passages`);
        } else if (outside.length)
          problems.push(`${where} : [${outside.join("][")}] hors des ${count} passages : « ${s.text} »`);
        if (s.label === "supported" && !cited.length && s.kind !== "summary")
          problems.push(`${where} : phrase juste sans citation : « ${s.text} »`);
      });
    }
  }
  return problems;
}

/** Every set's labelled sentences verified on their pinned passages, one line each, then totals (`--all-pinned`). */
async function allPinned(): Promise<void> {
  const skip = new Set((process.env.EVAL_SKIP ?? "").split(",").map((x) => x.trim()));
  // `--only=faithful-blind-14/ciril-essentiel,faithful-blind-5`: those cases or sets only (a quick look at a few).
  const only = (process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length) ?? "")
    .split(",")
    .filter(Boolean);
  const root = path.resolve("test/eval");
  const names = (await readdir(root))
    .filter((d) => /^faithful-blind(-\d+)?$/.test(d) && !skip.has(d))
    .sort((a, b) => Number(a.split("-")[2] ?? 1) - Number(b.split("-")[2] ?? 1));
  let supported = 0;
  let falseFlags = 0;
  let wrong = 0;
  let caught = 0;
  for (const name of names) {
    const dir = path.join(root, name);
    const pins = JSON.parse(await readFile(path.join(dir, "passages.json"), "utf8").catch(() => '{"sets":{}}'))
      .sets as Record<string, Record<string, Pinned>>;
    for (const { file, cases } of await loadCases(dir))
      for (const c of cases) {
        const pinned = pins[file]?.[c.id];
        if (!pinned || (only.length && !only.some((o) => o === name || o === `${name}/${c.id}`))) continue;
        matchSentences(c, verifyPinned(c, pinned)).results.forEach((r, i) => {
          if (r.label === "supported") {
            supported++;
            if (r.flagged) falseFlags++;
          } else {
            wrong++;
            if (r.flagged) caught++;
          }
          const line = [name, file, c.id, i, r.label, r.kind, r.flagged ? "FLAG" : "-", r.text.slice(0, 50)];
          console.log([...line, r.reasons.join(" ; ").slice(0, 200)].join("\t"));
        });
      }
  }
  console.log(
    `# ${names.length} jeux : faux signalements ${falseFlags}/${supported}, erreurs relevées ${caught}/${wrong}`,
  );
}

/** The set a command line names (`--set=faithful-blind-2`), the first set by default. */
function setDir(): string {
  const name = process.argv.find((a) => a.startsWith("--set="))?.slice("--set=".length) ?? "faithful-blind";
  if (!/^faithful-blind(-\d+)?$/.test(name)) throw new Error(`jeu inconnu : ${name}`);
  return path.resolve("test/eval", name);
}

if (import.meta.main) {
  const i = process.argv.indexOf("--passages");
  const d = process.argv.indexOf("--draft-passages");
  if (i >= 0) await printPassages(process.argv.slice(i + 1));
  else if (d >= 0) {
    // `--collectivite=Name/Department/Region` writes the notes for another commune than Kervallon.
    const named = process.argv.find((a) => a.startsWith("--collectivite="))?.slice("--collectivite=".length);
    const [name = "", department = "", region = ""] = named?.split("/") ?? [];
    // `--document=letter` or `--document=audit` prints a letter's or an audit plan's sections instead of a note's.
    const document = (process.argv.find((a) => a.startsWith("--document="))?.slice("--document=".length) ??
      "briefing") as DocumentKind;
    // `--sender=Name` names the association that writes a letter (Chamblessac Libre by default).
    const sender = process.argv.find((a) => a.startsWith("--sender="))?.slice("--sender=".length);
    const questions = process.argv
      .slice(d + 1)
      .filter((a) => !a.startsWith("--collectivite=") && !a.startsWith("--document=") && !a.startsWith("--sender="));
    await printDraftPassages(questions, named ? { name, department, region } : KERVALLON, document, sender);
  } else if (process.argv.includes("--all-pinned")) await allPinned();
  else if (process.argv.includes("--pin")) {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    await pin(setDir(), commit);
  } else if (process.argv.includes("--check")) {
    const problems = await setProblems(setDir());
    console.log(problems.length ? problems.join("\n") : "jeu bien formé");
    if (problems.length) process.exitCode = 1;
  } else await measure(setDir(), process.argv.includes("--live"));
}
