/**
 * Adopting a saved roadmap draft as the collectivité's plan, without typing it again: the draft keeps its
 * structured inputs (collectivité, target, target date, start, local context) and the analysis it was written on,
 * so the roadmap planner (`server/drafting/roadmap-plan.ts`) gives back the same phases, target and calendar the
 * document printed. The plan keeps the link: draft id and version.
 */
import { z } from "zod";
import { AppError, validationError } from "../core/errors.ts";
import { formatInt, frenchDate, localDay, roundPercent } from "../core/text.ts";
import { calendarConcerns } from "../drafting/calendar-check.ts";
import { ownContext, texts } from "../drafting/documents/common.ts";
import { lineLabel, roadmapStart } from "../drafting/documents/roadmap.ts";
import { roadmapCalendar } from "../drafting/roadmap-calendar.ts";
import { localDeadline, planRoadmap, type RoadmapLine } from "../drafting/roadmap-plan.ts";
import { loadStructure } from "../drafting/structure.ts";
import type { Draft, InventoryAnalysis } from "../drafting/types.ts";
import { countText, message } from "../i18n/messages.ts";
import { analysisDay } from "../inventory/inventory-date.ts";
import { measureItems } from "../inventory/measure.ts";
import { getAnalysis } from "../inventory/service.ts";
import { type MeasurableAnalysis, type Plan, type PlanSource, plannedProducts } from "./plan.ts";
import { adoptPlan, type TrackingContext } from "./service.ts";

const isoDay = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, "date attendue au format AAAA-MM-JJ ou AAAA-MM");

export const fromDraftInput = z.strictObject({
  draftId: z.string().trim().min(1).max(128),
  /** The target date, when the roadmap left it « à fixer » (or to move it). */
  targetDate: isoDay.optional(),
  title: z.string().trim().min(1).max(200).optional(),
  /** Day the baseline inventory describes, when it is not the day the analysis was saved. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "date attendue au format AAAA-MM-JJ")
    .optional(),
});

/** The plan a roadmap draft gives, before it is adopted: what the page shows for review. */
export interface DraftPlanProposal {
  source: PlanSource;
  collectivite: { name: string; kind: string | null };
  title: string;
  analysisId: string;
  /** Day of the baseline inventory. */
  date: string;
  measure: "weighted";
  baseline: number | null;
  target: { value: number; date: string | null };
  milestones: { date: string; value: number; label: string }[];
  products: {
    name: string;
    productId: string | null;
    by: string | null;
    dueDate: string | null;
    beyondTarget?: true;
    /** The editions the row commits, when the roadmap planned the product's editions apart (trial20). */
    lines?: string[];
    /** Postes kept under their system (`RoadmapLine.keptBySystem`, trial20 N-H4), said in `keptNote`. */
    kept?: number;
    keptNote?: string;
  }[];
  /** Sections of the saved version edited by hand: the plan follows the computed calendar, not the edited text. */
  editedSections: string[];
  /**
   * Why the calendar may not be kept (`drafting/calendar-check.ts`), as the roadmap said it after its objective: too
   * short, the postes' system and applications together, the context's own constraints after the target (trial19 M4).
   * Empty when none; the plan can be adopted all the same — it is the DSI's call, said before it is made.
   */
  calendarWarnings: { kind: string; text: string }[];
}

const roadmapStructure = () => loadStructure("roadmap");

/** The last day of an ISO month (« 2027-06 » → « 2027-06-30 »); a full date is kept. */
export function endOfMonth(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const [y, m] = iso.split("-").map(Number);
  return new Date(Date.UTC(y!, m!, 0)).toISOString().slice(0, 10);
}

const productId = (l: RoadmapLine) =>
  typeof l.item.product === "object" && l.item.product
    ? l.item.product.id
    : typeof l.item.product === "string"
      ? l.item.product
      : null;
const productName = (l: RoadmapLine) =>
  typeof l.item.product === "object" && l.item.product ? l.item.product.name : l.item.name;

/**
 * A row's name, and the editions it commits when it does not commit the whole product: the roadmap planned the
 * product's editions on several lines (Windows Server 2012 R2, out of support, early; 2019 beyond the objective), or
 * left some of them out (kept by decision). One row per roadmap line, each with its own date and its own count
 * (trial20: « Windows Server » was one row with 2012 R2's date, Office 2013 beyond the objective was committed with
 * Office 2016).
 */
function rowName(
  l: RoadmapLine,
  planned: RoadmapLine[],
  analysis: InventoryAnalysis,
): { name: string; lines?: string[] } {
  const id = productId(l);
  const name = productName(l);
  if (!id) return { name };
  const own = new Set(l.inventoryNames);
  const others = analysis.items.some(
    (i) =>
      i.installations > 0 &&
      !own.has(i.name) &&
      (typeof i.product === "object" && i.product ? i.product.id : i.product) === id,
  );
  if (!others) return { name };
  const several = planned.filter((x) => productId(x) === id).length > 1;
  return {
    name: several ? message("tracking.fromDraft.edition", { name, editions: l.inventoryNames.join(", ") }) : name,
    lines: l.inventoryNames,
  };
}

/** A milestone's label within the plan's 200 characters: as many product names as fit, then « … ». */
function unsupportedLabel(names: string[]): string {
  const unique = [...new Set(names)];
  for (let n = unique.length; n > 0; n--) {
    const products = unique.slice(0, n).join(", ") + (n < unique.length ? ", …" : "");
    const text = message("tracking.fromDraft.milestone.unsupported", { products });
    if (text.length <= 200) return text;
  }
  return message("tracking.fromDraft.milestone.unsupported", { products: "…" });
}

async function loadDraft(ctx: TrackingContext, id: string): Promise<Draft> {
  const draft = await ctx.records<Draft>("drafts").get(id);
  if (!draft) throw new AppError("draft_not_found", message("tracking.fromDraft.notFound", { id }), 404);
  if (draft.type !== "roadmap")
    throw new AppError("invalid_input", message("tracking.fromDraft.notRoadmap", { id }), 400);
  return draft;
}

/** The analysis the plan starts from: the saved one if it is still there, else the copy the draft kept. */
async function baselineAnalysis(
  ctx: TrackingContext,
  draft: Draft,
): Promise<{ id: string; analysis: InventoryAnalysis; measurable: MeasurableAnalysis }> {
  const inputs = draft.inputs as { analysisId?: string; analysis?: InventoryAnalysis };
  if (inputs.analysisId) {
    const saved = await getAnalysis(ctx, inputs.analysisId).catch(() => null);
    if (saved)
      return {
        id: saved.id,
        analysis: saved as unknown as InventoryAnalysis,
        measurable: saved as unknown as MeasurableAnalysis,
      };
  }
  const kept = inputs.analysis;
  if (!kept?.items?.length)
    throw new AppError("analysis_not_found", message("tracking.fromDraft.noAnalysis", { id: draft.id }), 422);
  // A copy given inline may lack the summary: the same measure the roadmap printed is computed from its items.
  const summary = kept.summary as MeasurableAnalysis["summary"] | undefined;
  let measurable = kept as unknown as MeasurableAnalysis;
  if (!summary?.score || !summary.extraEuropean) {
    const m = measureItems(kept.items);
    measurable = {
      ...measurable,
      summary: {
        installations: m.installations,
        extraEuropean: { share: m.raw.share === null ? null : m.raw.share / 100 },
        // The map's score rule (`dependencyScore`): the measure as shown, rounded once.
        score: { value: m.weighted.value === null ? null : roundPercent(m.weighted.value) },
      },
    };
  }
  return { id: kept.id, analysis: kept, measurable: { ...measurable, createdAt: kept.createdAt ?? draft.createdAt } };
}

/** What adopting the draft would give: target, measure, milestones (the roadmap's calendar) and products. */
export async function proposalFromDraft(
  ctx: TrackingContext,
  input: unknown,
): Promise<{ proposal: DraftPlanProposal; measurable: MeasurableAnalysis }> {
  const parsed = fromDraftInput.safeParse(input ?? {});
  if (!parsed.success) throw validationError(parsed.error, input, message("tracking.error.invalid"));
  const data = parsed.data;
  const draft = await loadDraft(ctx, data.draftId);
  const inputs = draft.inputs as {
    collectivite?: { name?: string; kind?: string };
    targetShare?: number;
    targetDate?: string;
    startDate?: string;
    context?: string;
  };
  const { id, analysis, measurable } = await baselineAnalysis(ctx, draft);
  // The roadmap as it was written: same options, same day, and the same context — what the user says of their own
  // collectivité; a dated claim about others (« La Gendarmerie abandonne Kaspersky en juin 2027 ») is no deadline here.
  const now = draft.createdAt;
  const context = ownContext(inputs.context, inputs.collectivite?.name ?? draft.collectivite);
  const roadmap = planRoadmap(analysis, { target: inputs.targetShare, context, now });
  const start = roadmapStart(inputs.startDate, now);
  const drafted = inputs.targetDate && inputs.targetDate.slice(0, 7) > start ? inputs.targetDate : undefined;
  const targetDate = data.targetDate ?? drafted;
  const baselineDay = data.date ?? analysisDay(measurable) ?? localDay(draft.createdAt);

  const label = (key: string, date = "") => message(`tracking.fromDraft.milestone.${key}`, { date });
  // The calendar the document printed (`roadmapCalendar`): each phase's end and each month software out of the
  // vendor's support is due by, with the measure every replacement due by then leaves (round 28).
  const calendar = roadmapCalendar(roadmap, start, targetDate);
  const phases = calendar.phases;
  const rows = [
    ...phases.flatMap((p) => (p.month ? [{ month: p.month, weighted: p.weighted, label: label(p.phase) }] : [])),
    ...calendar.unsupported.map((u) => ({
      month: u.month,
      weighted: u.weighted,
      label: unsupportedLabel(u.lines.map((l) => lineLabel(l, roadmap.lines))),
    })),
  ]
    // A phase's end before a due month of the same month, as the document orders them (one milestone a month).
    .sort((a, b) => a.month.localeCompare(b.month));
  // Each value as the document printed it (`roundPercent`, once, from the exact measure): 75.46 was kept as 75.5 and
  // shown « 76 % » on the plan and the public page beside the roadmap's « 75 % » (trial 2026-12-05).
  let previous = roadmap.baseline.weighted === null ? null : roundPercent(roadmap.baseline.weighted);
  const milestones: DraftPlanProposal["milestones"] = [];
  for (const r of rows) {
    const date = endOfMonth(r.month);
    if (milestones.some((m) => m.date === date)) continue;
    const value = r.weighted === null ? previous : roundPercent(r.weighted);
    if (value === null) continue;
    milestones.push({ date, value, label: r.label });
    previous = value;
  }
  // The target closes the calendar, as in the document's « Objectif de la feuille de route » row: a phase ending on
  // or after its date gives way to it (the plan commits to the target, not to what a phase is projected to reach).
  // The target too, as the document printed it: a default target of 59.46 is its « 59 % », not 59.5 shown « 60 % ».
  const target = { value: roundPercent(roadmap.target.value), date: targetDate ? endOfMonth(targetDate) : null };
  if (target.date) {
    const before = milestones.filter((m) => m.date < target.date!);
    milestones.splice(0, milestones.length, ...before, {
      date: target.date,
      value: target.value,
      label: label("target", frenchDate(target.date)),
    });
  }
  // With a calendar (a target date after the start), a phase without a month lies beyond the objective too.
  const calendared = phases.some((p) => p.month !== null);
  /** The due date, or why there is none: beyond the objective (« à programmer »), or no calendar at all. */
  const deadline = (l: RoadmapLine): { dueDate: string | null; beyondTarget?: true } => {
    // A deadline the context sets for the line as a whole; an end of support it gives, or a date for one of the
    // line's editions, is none (trial17 D4: « Windows 10 LTSC 2021 … perdent leur support le 12 janvier 2027 » dated
    // all of Windows 10 « 31 janvier 2027 »).
    const local = localDeadline(roadmap.events, l)?.date;
    if (local) return { dueDate: endOfMonth(local.length === 4 ? `${local}-12` : local) };
    // Software out of the vendor's support is due early in its phase, as the document says (`lineEnd`); the
    // replacements beyond what the objective needs, in the phase that meets it, are « à programmer », like the
    // document says, with no deadline (trial 13, B4).
    const month = calendar.dues.get(l) ?? null;
    if (month) return { dueDate: endOfMonth(month) };
    // Said as the document says it, on the review page, the plan, the public page and its open data.
    return calendared ? { dueDate: null, beyondTarget: true } : { dueDate: null };
  };
  // A consumer app to uninstall (`removal`) is in the plan too, « à désinstaller » where a replacement is named.
  const planned = roadmap.lines.filter((l) => l.alternative || l.removal).slice(0, 200);
  const products = plannedProducts(
    planned.map((l) => ({
      ...rowName(l, planned, analysis),
      productId: productId(l),
      by: l.alternative ? l.alternative.name : message("tracking.fromDraft.removal"),
      ...deadline(l),
      ...(l.keptBySystem
        ? {
            kept: l.keptBySystem,
            keptNote: message("tracking.fromDraft.kept", {
              count: countText("computer", l.keptBySystem, formatInt(l.keptBySystem)),
              system: l.keptSystem ?? "",
            }),
          }
        : {}),
    })),
  );
  const latest = draft.versions.at(-1);
  const proposal: DraftPlanProposal = {
    source: { kind: "roadmap-draft", draftId: draft.id, version: draft.versions.length, title: draft.title },
    collectivite: { name: inputs.collectivite?.name ?? draft.collectivite, kind: inputs.collectivite?.kind ?? null },
    // The plan is the collectivité's: its public page is titled with its name (the document's title stays in `source`).
    title: data.title ?? message("tracking.defaultTitle", { name: inputs.collectivite?.name ?? draft.collectivite }),
    analysisId: id,
    date: baselineDay,
    measure: "weighted",
    baseline: measurable.summary.score?.value ?? null,
    target,
    milestones,
    products,
    editedSections: (latest?.sections ?? []).filter((s) => s.editedAt).map((s) => s.title),
    calendarWarnings: calendarConcerns(roadmap, start, targetDate, (key, v) => texts(roadmapStructure(), key, v)),
  };
  return { proposal, measurable };
}

/** Adopts the roadmap draft as the plan; a roadmap without a target date needs one (`targetDate`). */
export async function adoptFromDraft(ctx: TrackingContext, input: unknown, now = new Date()): Promise<Plan> {
  const { proposal, measurable } = await proposalFromDraft(ctx, input);
  if (!proposal.target.date) throw new AppError("invalid_input", message("tracking.fromDraft.noTargetDate"), 400);
  return adoptPlan(
    ctx,
    {
      collectivite: {
        name: proposal.collectivite.name,
        ...(proposal.collectivite.kind ? { kind: proposal.collectivite.kind } : {}),
      },
      title: proposal.title,
      analysisId: proposal.analysisId,
      date: proposal.date,
      measure: proposal.measure,
      target: proposal.target,
      milestones: proposal.milestones,
      products: proposal.products,
    },
    now,
    { analysis: measurable, source: proposal.source },
  );
}
