/**
 * Progress notes as saved work: the last note written for a plan is kept (`records("plan-notes")`, one per plan) so
 * that its Markdown, ODT and PDF downloads carry the same « L'essentiel » the DSI read, without another model call.
 * A note written before the plan changed is stale: downloads then fall back to the template until a new one is written.
 */

import { AppError } from "../core/errors.ts";
import { localDay } from "../core/text.ts";
import { message } from "../i18n/messages.ts";
import type { ModelProvider } from "../llm/types.ts";
import { updateOnRevision } from "../store/records.ts";
import type { Plan, Progress } from "./plan.ts";
import { templateSummary } from "./progress-note.ts";
import {
  exportProgressNote,
  type NoteFormat,
  type NoteOptions,
  type ProgressNote,
  writeProgressNote,
} from "./progress-note-model.ts";
import { getPlan, type TrackingContext } from "./service.ts";

export interface NoteContext extends TrackingContext {
  models: ModelProvider;
  config: TrackingContext["config"] & NoteOptions;
}

const notes = (ctx: TrackingContext) => ctx.records<ProgressNote>("plan-notes");
const isoDay = (d: Date) => localDay(d);

/** Writes the note of a plan (with the model when there is one) and keeps it. */
export async function generateNote(
  ctx: NoteContext,
  planId: string,
  signal: AbortSignal,
  now = new Date(),
): Promise<{ plan: Plan; progress: Progress; note: ProgressNote }> {
  const { plan, progress } = await getPlan(ctx, planId, now);
  const { numCtx, maxAnswerTokens, idleTimeoutMs } = ctx.config;
  const note = await writeProgressNote(
    ctx.models,
    plan,
    progress,
    isoDay(now),
    { numCtx, maxAnswerTokens, idleTimeoutMs },
    signal,
    now,
  );
  // A reader who left before the end gets nothing saved: the note kept before stays. Nor is a note written over one
  // of a newer version of the plan that another server (or request) kept while this one was being written.
  if (!signal.aborted)
    await updateOnRevision(notes(ctx), plan.id, (kept) => (kept && kept.planVersion > note.planVersion ? kept : note));
  return { plan, progress, note };
}

/** The kept note of a plan if it is still current (same plan version), else null. */
export async function currentNote(ctx: TrackingContext, plan: Plan): Promise<ProgressNote | null> {
  const note = await notes(ctx)
    .get(plan.id)
    .catch(() => null);
  return note && note.planVersion === plan.version ? note : null;
}

export const NOTE_FORMATS: NoteFormat[] = ["md", "odt", "docx", "pdf"];

export function parseNoteFormat(raw: string | undefined): NoteFormat {
  const format = (raw ?? "md").toLowerCase();
  if (!(NOTE_FORMATS as string[]).includes(format))
    throw new AppError("invalid_format", message("tracking.error.noteFormat", { format: raw ?? "" }), 400);
  return format as NoteFormat;
}

/** The kept note in a format; the template note when none is current. */
export async function exportNote(ctx: TrackingContext, planId: string, format: NoteFormat, now = new Date()) {
  const { plan, progress } = await getPlan(ctx, planId, now);
  const note: ProgressNote = (await currentNote(ctx, plan)) ?? {
    planId: plan.id,
    planVersion: plan.version,
    today: isoDay(now),
    at: now.toISOString(),
    mode: "template",
    notice: null,
    summary: { text: templateSummary(plan, progress, isoDay(now)), verification: null },
  };
  return { plan, progress, note, file: await exportProgressNote(note, plan, progress, format) };
}

/** Removes the kept note of a deleted plan. */
export const deleteNote = (ctx: TrackingContext, planId: string) =>
  notes(ctx)
    .delete(planId)
    .catch(() => undefined);
