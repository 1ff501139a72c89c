/**
 * « L'essentiel » of the progress note, written by the local model from the plan's figures only (`noteFacts`), then
 * checked by the same verification as drafts (`server/verify/`): every figure must be among the facts; a sentence
 * that is not is kept and marked « non vérifié ». Without a model, or when it fails or stays silent, the note says
 * so and keeps its template (`progress-note.ts`), whose figures are all computed. The note is exported in Markdown,
 * ODT and PDF through the drafting exporters, so it looks and reads like the other documents.
 */

import type { Draft, DraftSection } from "../drafting/types.ts";
import { message } from "../i18n/messages.ts";
import { tokensWithin } from "../llm/idle.ts";
import { formatTemplate, readPrompt } from "../llm/prompts.ts";
import type { ChatTurn, ModelProvider } from "../llm/types.ts";
import { delimiterTag, neutralize } from "../retrieval/passages.ts";
import { documentVerdicts } from "../verify/document-verdicts.ts";
import { type Verification, verificationOf, verifyText } from "../verify/index.ts";
import { statusAfter } from "../verify/inference.ts";
import { checkMoves, type MoveTarget } from "../verify/moves.ts";
import { checkOwnFacts } from "../verify/own-facts.ts";
import { checkOwnData, type OwnData } from "../verify/own-figures.ts";
import { reactionUnsaid } from "../verify/reactions.ts";
import type { Plan, Progress } from "./plan.ts";
import { noteFacts, noteOwnData, noteTitle, progressNoteSections, templateSummary } from "./progress-note.ts";

const PROMPT = readPrompt("tracking/progress-note");

/** Words « L'essentiel » may take (the answer is cut at about 2.5 tokens a word). */
export const SUMMARY_WORDS = 110;

export interface ProgressNote {
  planId: string;
  /** The plan's version the note was written on: a later change makes it stale. */
  planVersion: number;
  /** Day the note describes (`YYYY-MM-DD`). */
  today: string;
  at: string;
  mode: "generated" | "template";
  /** Why there is no model-written summary, in French; null when the model wrote it. */
  notice: string | null;
  summary: { text: string; verification: Verification | null };
}

export interface NoteOptions {
  numCtx: number;
  maxAnswerTokens: number;
  /** The model call is abandoned (and the note keeps its template) after this long without a token. */
  idleTimeoutMs: number;
}

const templateNote = (plan: Plan, progress: Progress, today: string, notice: string, now: Date): ProgressNote => ({
  planId: plan.id,
  planVersion: plan.version,
  today,
  at: now.toISOString(),
  mode: "template",
  notice,
  summary: { text: templateSummary(plan, progress, today), verification: null },
});

/** Removes what a model adds around a paragraph: a heading, a repeated title, list markers. */
function clean(text: string): string {
  return text
    .trim()
    .replace(/^#+\s.*\n+/, "")
    .replace(/^\s*(?:[-*•]|\d+[.)])\s+/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Writes « L'essentiel » with the model when there is one; the template note otherwise. Never throws for the model. */
export async function writeProgressNote(
  models: ModelProvider,
  plan: Plan,
  progress: Progress,
  today: string,
  options: NoteOptions,
  signal: AbortSignal,
  now = new Date(),
): Promise<ProgressNote> {
  const status = await models.status();
  if (!status.llmAvailable) return templateNote(plan, progress, today, message("tracking.note.noModel"), now);
  const facts = noteFacts(plan, progress, today);
  const tag = delimiterTag();
  const prompt = formatTemplate(PROMPT, {
    tag,
    collectivite: neutralize(plan.collectivite.name),
    facts: neutralize(facts.join("\n")),
    words: String(SUMMARY_WORDS),
  });
  const turns: ChatTurn[] = [
    { role: "system", content: readPrompt("drafts/system") },
    { role: "user", content: prompt },
  ];
  let text = "";
  try {
    const maxTokens = Math.min(options.maxAnswerTokens, Math.ceil(SUMMARY_WORDS * 2.5) + 64);
    for await (const token of tokensWithin(
      models,
      turns,
      { numCtx: options.numCtx, maxTokens, idleTimeoutMs: options.idleTimeoutMs },
      signal,
    )) {
      text += token;
    }
  } catch {
    if (!signal.aborted) models.markUnreachable();
    return templateNote(plan, progress, today, message("tracking.note.modelFailed"), now);
  }
  const summary = clean(text);
  if (!summary) return templateNote(plan, progress, today, message("tracking.note.modelFailed"), now);
  const verification = verifyAgainstPlan(summary, facts, noteOwnData(plan, progress), today);
  return {
    planId: plan.id,
    planVersion: plan.version,
    today,
    at: now.toISOString(),
    mode: "generated",
    notice: null,
    summary: { text: summary, verification },
  };
}

/**
 * The verification of drafts, with the plan's facts as the only sources: each fact line is a source of its own, so
 * a figure must be found with what it measures (« objectif … 35 % », not the 70,2 % of the last inventory), and the
 * reasons name the plan's figures rather than corpus passages. With `own` (`noteOwnData`), a figure said of a date or
 * of the next milestone, and a word for the plan's standing, must be what the plan gives for it.
 */
export function verifyAgainstPlan(
  text: string,
  facts: string[],
  own?: OwnData & { moves?: MoveTarget[] },
  /** The note's day (`YYYY-MM-DD`): an act it says already done after it is flagged (`VerifyOptions.today`). */
  today?: string,
): Verification {
  // Each fact is a passage without a heading (an empty first line): read as a heading, a one-line fact's figures would
  // be the heading's, which dates and names nothing (« 27 % » not given for « 31 mars 2028 », faithful-blind-18).
  const verification = verifyText(
    text,
    facts.map((fact, i) => ({ n: i + 1, text: `\n${fact}` })),
    { today },
  );
  const where = message("verify.wherePassages");
  const plan = message("tracking.note.wherePlan");
  for (const s of verification.sentences) s.reasons = s.reasons.map((r) => r.replaceAll(where, plan));
  // What people think of the change (« Les agents ont bien accepté le changement »): the plan's figures never say it
  // (trial17 D20; `verify/reactions.ts`).
  for (const s of verification.sentences) {
    const said = s.status === "no-claim" ? null : reactionUnsaid(s.text, facts);
    if (!said) continue;
    s.reasons = [...s.reasons, message("verify.reactionUnsaid", { said, where: plan })];
    s.status = statusAfter(s, s.reasons);
  }
  // A verdict without a figure (« Aucune dépense n'a été engagée. », « C'est sans risque. ») that no fact of the plan
  // writes (trial25 T-M8; `verify/document-verdicts.ts`).
  const judged = documentVerdicts(verificationOf(verification.sentences), [], facts, text);
  const checked = checkOwnData(judged, own, plan);
  // What it says of the planned products (replaced, gone, counted), against the two inventories compared; a move it
  // claims to a product (« migré vers Debian »), against that product's installations in them.
  const ownChecked = own?.products?.length ? checkOwnFacts(checked, own.products, plan).verification : checked;
  return checkMoves(ownChecked, own?.moves);
}

/** Sentences of « L'essentiel » the verification did not support. */
export const unverifiedCount = (note: ProgressNote) => note.summary.verification?.counts.unsupported ?? 0;

/**
 * The note as a document the drafting exporters render: « L'essentiel » (the model's text with its verification,
 * or the template's sentence), then the computed sections. Not a saved draft: it lives with the plan.
 */
export function noteDocument(note: ProgressNote, plan: Plan, progress: Progress): Draft {
  const section = (
    key: string,
    title: string,
    text: string,
    mode: DraftSection["mode"],
    verification: Verification | null = null,
  ): DraftSection => ({
    key,
    title,
    text,
    citations: [],
    flags: [],
    mode,
    toComplete: false,
    heading: true,
    passageIds: [],
    verification,
  });
  const sections = [
    section("summary", message("tracking.note.summaryTitle"), note.summary.text, note.mode, note.summary.verification),
    ...progressNoteSections(plan, progress, note.today).map((s) => section(s.key, s.title, s.text, "template")),
  ];
  const latest = plan.checkpoints.at(-1)!;
  return {
    id: `note-${plan.id}`,
    type: "briefing",
    title: noteTitle(plan),
    collectivite: plan.collectivite.name,
    // The date printed under the title, and the inventory the figures come from: the plan's latest, said so
    // (« dernier inventaire du … », as the note's « Au dernier inventaire (…) »), not a roadmap's « cartographie ».
    inputs: { date: note.today, analysis: { createdAt: latest.date }, latestInventory: true },
    createdAt: note.at,
    versions: [{ at: note.at, cause: "generate", sections }],
  };
}

export type NoteFormat = "md" | "odt" | "docx" | "pdf";

const CONTENT_TYPES: Record<NoteFormat, string> = {
  md: "text/markdown; charset=utf-8",
  odt: "application/vnd.oasis.opendocument.text",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

/** The note in one format, through the drafting exporters (loaded on first use, as for drafts). */
export async function exportProgressNote(
  note: ProgressNote,
  plan: Plan,
  progress: Progress,
  format: NoteFormat,
): Promise<{ bytes: Uint8Array; contentType: string; filename: string }> {
  const { buildDocument } = await import("../export/model.ts");
  const { cachedFile } = await import("../export/cache.ts");
  const draft = noteDocument(note, plan, progress);
  // Built once per content, as a draft's export: the page's size request (HEAD) and its download share one build.
  return cachedFile({ kind: "progress-note", draft, slug: plan.slug, format }, async () => {
    const doc = buildDocument(draft);
    doc.filename = `note-avancement-${plan.slug}`;
    const bytes =
      format === "odt"
        ? (await import("../export/odt.ts")).toOdt(doc)
        : format === "docx"
          ? await (await import("../export/docx.ts")).toDocx(doc)
          : format === "pdf"
            ? await (await import("../export/pdf.ts")).toPdf(doc)
            : new TextEncoder().encode((await import("../export/markdown.ts")).toMarkdown(doc));
    return { bytes, contentType: CONTENT_TYPES[format], filename: `${doc.filename}.${format}` };
  });
}
