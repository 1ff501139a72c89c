/**
 * Plans as the routes and the CLI use them: adopt a plan on an analysis, add a checkpoint from a later analysis,
 * record an event, publish or unpublish the public page. One record per plan, written atomically, and one change
 * at a time per plan (a lock, plus the plan's version for edits that come from a page that may be out of date).
 */
import { z } from "zod";
import { AppError, validationError } from "../core/errors.ts";
import { ownedKeyedLock } from "../core/keyed-lock.ts";
import { categoryWord } from "../core/labels.ts";
import {
  formatInt,
  fractionVars,
  frenchDate,
  frenchDateTime,
  isFraction,
  localDay,
  percentText,
  slugify,
} from "../core/text.ts";
import { countText, message } from "../i18n/messages.ts";
import { replacementCaveats } from "../inventory/alternative-text.ts";
import { sameCollectivite } from "../inventory/collectivite.ts";
import { analysisDay, checkInventoryDate, todayIso } from "../inventory/inventory-date.ts";
import { entityNames, missingEntities } from "../inventory/perimeter.ts";
import { type AnalysisListEntry, getAnalysis, type InventoryContext, renameAnalysis } from "../inventory/service.ts";
import { newRecordId, updateOnRevision } from "../store/records.ts";
import {
  type Checkpoint,
  checkpointOf,
  goneProducts,
  type MeasurableAnalysis,
  narrowerCheckpoint,
  type Plan,
  type PlanSource,
  type Progress,
  type PublicSnapshot,
  sides as perimeterSides,
  perimeterText,
  plannedValue,
  progressOf,
  snapshotOf,
} from "./plan.ts";

/**
 * What the plan functions need from the engine; `by`, who makes the change (the signed-in person's name, else their
 * e-mail), written in the plan's log (trial17 D15: entries had no author). Absent without sign-in.
 */
export type TrackingContext = InventoryContext & { by?: string | null };

/** The log entry's author, when the context names one. */
const author = (ctx: TrackingContext) => (ctx.by ? { by: ctx.by } : {});

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "date attendue au format AAAA-MM-JJ")
  .refine((d) => !Number.isNaN(Date.parse(d)), "date inexistante");
const percent = z.number().min(0, "pourcentage entre 0 et 100").max(100, "pourcentage entre 0 et 100");
const text = (max: number) => z.string().trim().min(1, "texte manquant").max(max, `${max} caractères au plus`);

export const adoptInput = z.strictObject({
  collectivite: z.strictObject({ name: text(200), kind: text(100).nullish() }),
  title: text(200).optional(),
  analysisId: text(128),
  /** Day the baseline inventory describes; the analysis's day by default. */
  date: isoDay.optional(),
  measure: z.enum(["weighted", "raw"]).default("weighted"),
  target: z.strictObject({ value: percent, date: isoDay }),
  milestones: z
    .array(z.strictObject({ date: isoDay, value: percent, label: text(200).optional() }))
    .max(40)
    .optional(),
  products: z
    .array(
      z.strictObject({
        name: text(200),
        productId: text(128).nullish(),
        by: text(200).nullish(),
        dueDate: isoDay.nullish(),
        /** Beyond what the objective needs (« au-delà de l'objectif, à programmer »): only without a due date. */
        beyondTarget: z.boolean().optional(),
        /** The editions the row commits (inventory names), when the roadmap planned them apart. */
        lines: z.array(text(200)).max(50).optional(),
        /** Postes kept under their system (software that runs only under it), and the words saying so. */
        kept: z.number().int().min(0).optional(),
        keptNote: text(400).optional(),
      }),
    )
    .max(200)
    .default([]),
});

export const checkpointInput = z.strictObject({
  analysisId: text(128),
  date: isoDay.optional(),
  /** The DSI confirmed that an analysis naming another collectivité than the plan's measures this plan. */
  otherCollectivite: z.boolean().optional(),
  /**
   * The DSI confirmed that an inventory covering sharply less of the parc than the previous one or the baseline
   * (`narrowerCheckpoint`: fewer files, or fewer than half the installations) is the perimeter to follow.
   */
  narrowerPerimeter: z.boolean().optional(),
  version: z.number().int().positive().optional(),
});
export const removeCheckpointInput = z.strictObject({
  date: isoDay,
  version: z.number().int().positive().optional(),
});
export const eventInput = z.strictObject({
  date: isoDay,
  text: text(500),
  version: z.number().int().positive().optional(),
});
export const publishInput = z.strictObject({
  licence: z.enum(["etalab-2.0", "odbl"]).default("etalab-2.0"),
  groupProducts: z.boolean().default(false),
  version: z.number().int().positive().optional(),
  /** The publisher confirmed having reviewed the figures (the page's review step); the page says so only then. */
  reviewed: z.boolean().default(false),
});

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) throw validationError(parsed.error, input, message("tracking.error.invalid"));
  return parsed.data;
}

const plans = (ctx: TrackingContext) => ctx.records<Plan>("plans");

export const slugOf = (name: string) => slugify(name, 80, "collectivite");

const categoryText = (category: string | null) =>
  category ? categoryWord(category) : message("tracking.category.other");

/** One change at a time per plan in this engine (the database tells two servers apart: `change`). */
const withLock = ownedKeyedLock();

async function load(ctx: TrackingContext, id: string): Promise<Plan> {
  const plan = await plans(ctx).get(id);
  if (!plan) throw new AppError("plan_not_found", message("tracking.error.notFound", { id }), 404);
  return plan;
}

/**
 * Applies a change to a saved plan under its lock; refuses a change made on an older version. The plan is saved on
 * the revision read, so a change another server sharing the database saved meanwhile is never written over: the
 * plan is read again, and the change is refused as made on an older version (with `version`) or applied again on
 * top of the other one (without). A save refused means another was written: each turn follows someone's progress.
 */
async function change(
  ctx: TrackingContext,
  id: string,
  version: number | undefined,
  apply: (plan: Plan) => Promise<void> | void,
): Promise<Plan> {
  return withLock(ctx, id, () =>
    updateOnRevision(plans(ctx), id, async (plan) => {
      if (!plan) throw new AppError("plan_not_found", message("tracking.error.notFound", { id }), 404);
      if (version !== undefined && version !== plan.version) {
        // Who made the last change and when, as its log entry says (trial18 F14: the 409 named nobody).
        const last = plan.log.at(-1);
        const key = last?.by ? "conflictBy" : last?.at ? "conflictAt" : "conflict";
        throw new AppError(
          "plan_conflict",
          message(`tracking.error.${key}`, {
            version: plan.version,
            by: last?.by ?? "",
            at: last?.at ? frenchDateTime(last.at) : "",
          }),
          409,
        );
      }
      await apply(plan);
      plan.version += 1;
      return plan;
    }),
  );
}

async function analysisFor(ctx: TrackingContext, id: string): Promise<MeasurableAnalysis> {
  return (await getAnalysis(ctx, id)) as unknown as MeasurableAnalysis;
}

export async function listPlans(ctx: TrackingContext): Promise<Plan[]> {
  const store = plans(ctx);
  const all = await Promise.all((await store.list()).map((id) => store.get(id).catch(() => null)));
  return all.filter((p): p is Plan => !!p && Array.isArray(p.checkpoints));
}

export async function getPlan(
  ctx: TrackingContext,
  id: string,
  today = new Date(),
): Promise<{ plan: Plan; progress: Progress }> {
  const plan = await load(ctx, id);
  return { plan, progress: progressOf(plan, localDay(today)) };
}

/**
 * Adopts a plan on a saved analysis (its baseline). One plan per collectivité. `from` carries what adopting a saved
 * roadmap draft adds: the analysis the draft kept (when the saved one is gone) and the link to the draft.
 */
export async function adoptPlan(
  ctx: TrackingContext,
  input: unknown,
  now = new Date(),
  from: { analysis?: MeasurableAnalysis; source?: PlanSource } = {},
): Promise<Plan> {
  const data = parse(adoptInput, input);
  const slug = slugOf(data.collectivite.name);
  return withLock(ctx, `slug:${slug}`, async () => {
    const exists = (id: string) =>
      new AppError("plan_exists", message("tracking.error.exists", { name: data.collectivite.name, id }), 409);
    const existing = (await listPlans(ctx)).find((p) => p.slug === slug);
    if (existing) throw exists(existing.id);
    const analysis = from.analysis ?? (await analysisFor(ctx, data.analysisId));
    // The day the inventory describes (its export date when given), else its import day; without either, today.
    const date = data.date ?? analysisDay(analysis) ?? localDay(now);
    if (data.target.date <= date)
      throw new AppError("invalid_input", message("tracking.error.targetDate", { date: frenchDate(date) }), 400);
    const baseline = checkpointOf(analysis, data.measure, date, now);
    if (baseline.value === null) throw new AppError("plan_unmeasurable", message("tracking.error.unmeasurable"), 422);
    // A value between 0 and 1 whose percentage reading lies below the baseline is a fraction written for a
    // percentage (trial18 F13: 0.5 for 50 %); a plan of a parc already at 2 % may aim at 0.5 %.
    const fraction = [data.target.value, ...(data.milestones ?? []).map((m) => m.value)].find(
      (v) => isFraction(v) && v * 100 <= baseline.value!,
    );
    if (fraction !== undefined)
      throw new AppError(
        "invalid_input",
        message("tracking.error.fractionPercent", { ...fractionVars(fraction), baseline: percentText(baseline.value) }),
        400,
      );
    const milestoneLabel = (d: string) => message("tracking.milestone.default", { date: frenchDate(d) });
    // Only what the collectivité set: the milestones it gave, else its target alone. Milestones computed on a
    // straight line were published as its « jalons » (trial12 A8: « 80 % au 1er janvier 2027 », a figure nobody
    // voted); the planned values between follow the same straight line, said to be Cap Libre's on the public page.
    const milestones = data.milestones?.length
      ? data.milestones
          .map((m) => ({ date: m.date, value: m.value, label: m.label ?? milestoneLabel(m.date) }))
          .sort((a, b) => a.date.localeCompare(b.date))
      : [
          {
            date: data.target.date,
            value: data.target.value,
            label: message("tracking.milestone.target", { date: frenchDate(data.target.date) }),
          },
        ];
    if (milestones.some((m) => m.date <= date))
      throw new AppError("invalid_input", message("tracking.error.milestoneDate", { date: frenchDate(date) }), 400);
    const plan: Plan = {
      id: newRecordId(),
      slug,
      collectivite: { name: data.collectivite.name, kind: data.collectivite.kind ?? null },
      title: data.title ?? message("tracking.defaultTitle", { name: data.collectivite.name }),
      measure: data.measure,
      adoptedAt: now.toISOString(),
      target: data.target,
      milestones,
      products: data.products.map((p) => ({
        name: p.name,
        productId: p.productId ?? null,
        by: p.by ?? null,
        dueDate: p.dueDate ?? null,
        ...(p.beyondTarget && !p.dueDate ? { beyondTarget: true as const } : {}),
        ...(p.lines?.length ? { lines: p.lines } : {}),
        ...(p.kept ? { kept: p.kept, ...(p.keptNote ? { keptNote: p.keptNote } : {}) } : {}),
      })),
      checkpoints: [baseline],
      events: [],
      publication: null,
      log: [
        {
          ...author(ctx),
          at: now.toISOString(),
          action: "adopted",
          detail: from.source
            ? message("tracking.log.adoptedFromDraft", {
                analysis: analysis.id,
                draft: from.source.draftId,
                version: from.source.version,
              })
            : message("tracking.log.adopted", { analysis: analysis.id }),
        },
      ],
      ...(from.source ? { source: from.source } : {}),
      version: 1,
    };
    // Another server sharing the database may be adopting a plan for the same collectivité right now: the first to
    // claim its slug adopts it, the other gets the same 409 as on one server.
    const winner = await claimSlug(ctx, slug, plan.id);
    if (winner !== plan.id) throw exists(winner);
    await plans(ctx).put(plan.id, plan, { expected: null });
    return plan;
  });
}

/** Which plan holds each collectivité's slug (`claimSlug`): the record's id is the slug. */
const slugClaims = (ctx: TrackingContext) => ctx.records<{ plan: string }>("plan-slugs");

/**
 * Claims `slug` for the plan `id` about to be written (compare-and-set on the claim: of two servers adopting a plan
 * for one collectivité at once, one wins); returns the id of the plan that holds it. A claim whose plan is gone (the
 * plan deleted, or never written after a crash) is taken over.
 */
async function claimSlug(ctx: TrackingContext, slug: string, id: string): Promise<string> {
  for (;;) {
    const found = await slugClaims(ctx).read(slug);
    if (found && found.value.plan !== id && (await plans(ctx).get(found.value.plan))) return found.value.plan;
    if (await slugClaims(ctx).put(slug, { plan: id }, { expected: found?.revision ?? null })) return id;
  }
}

/**
 * Adds a later inventory analysis as a checkpoint (replacing another checkpoint of the same day). « Later » is the
 * day the inventory describes (its export date, `inventoryDate`, else its import day); an inventory of the
 * baseline's own day counts as later when it was imported after the baseline's (a DSI importing last quarter's export
 * and today's on the same day, without dating the first: trial 4), never the baseline's own analysis.
 */
export async function addCheckpoint(ctx: TrackingContext, id: string, input: unknown, now = new Date()): Promise<Plan> {
  const data = parse(checkpointInput, input);
  const analysis = await analysisFor(ctx, data.analysisId);
  return change(ctx, id, data.version, (plan) => {
    const date = data.date ?? analysisDay(analysis) ?? todayIso(now);
    const baseline = plan.checkpoints[0]!;
    // An inventory is a fact of the past: one dated after today (Paris time, as the import day) would make the
    // public page speak of the future.
    if (date > todayIso(now))
      throw new AppError("invalid_input", message("tracking.error.futureDate", { date: frenchDate(date) }), 400);
    if (analysis.id === baseline.analysisId)
      throw new AppError("invalid_input", message("tracking.error.checkpointIsBaseline"), 400);
    // An analysis picked by mistake in the list (trial14 B16: the Hérault's inventory added to the Gard's plan, then
    // published as the Gard's progress): refused unless the DSI confirms it.
    // An analysis without a collectivité names none (older imports).
    if (
      !data.otherCollectivite &&
      analysis.collectivite?.trim() &&
      !sameCollectivite(analysis.collectivite, plan.collectivite.name)
    )
      throw new AppError(
        "other_collectivite",
        message("tracking.error.checkpointOtherCollectivite", {
          analysis: analysis.collectivite!,
          plan: plan.collectivite.name,
        }),
        409,
      );
    // Plans adopted before imports were kept on checkpoints: the baseline was imported before the plan was adopted.
    const baselineImport = baseline.importedAt ?? baseline.recordedAt;
    const laterImport = !!analysis.createdAt && analysis.createdAt > baselineImport;
    if (date < baseline.date || (date === baseline.date && !laterImport))
      throw new AppError(
        "invalid_input",
        message(date === baseline.date ? "tracking.error.checkpointSameDay" : "tracking.error.checkpointDate", {
          date: frenchDate(baseline.date),
        }),
        400,
      );
    const checkpoint = checkpointOf(analysis, plan.measure, date, now);
    // The baseline stays first; the others in the order of the days they describe, then of their imports.
    const others = plan.checkpoints.slice(1).filter((c) => c.date !== date);
    const checkpoints = [
      baseline,
      ...[...others, checkpoint].sort(
        (a, b) =>
          a.date.localeCompare(b.date) || (a.importedAt ?? a.recordedAt).localeCompare(b.importedAt ?? b.recordedAt),
      ),
    ];
    // Part of the parc imported by mistake (trial16 C4: 2 of 4 files, 11 installations against 3 787, read as 22
    // products « n'apparaît plus » and « le plan est en retard »): refused unless the DSI confirms it is the perimeter
    // to follow. Compared with the inventory it follows: a parc whose products are removed one by one loses
    // installations at every checkpoint, never half of them at once.
    const previous = checkpoints[checkpoints.indexOf(checkpoint) - 1]!;
    const why = narrowerCheckpoint(previous, checkpoint);
    const narrower = why
      ? {
          now: perimeterText(checkpoint),
          before: perimeterText(previous),
          reference: message(`tracking.perimeter.reference.${previous === baseline ? "start" : "previous"}`),
          date: frenchDate(previous.date),
        }
      : null;
    if (narrower && !data.narrowerPerimeter) {
      // Same files, a third of the installations and whole products gone (trial17 D8): the products are named.
      const gone = why === "products" ? goneProducts(previous, checkpoint) : [];
      // One GLPI entity exported by mistake (trial18 F6: « Siège » only, −23 %): the entities it lacks are named.
      const missing = why === "entities" ? missingEntities(...perimeterSides(previous, checkpoint)) : [];
      const entities = missing.length
        ? message(`tracking.error.checkpointNarrowerEntities.${missing.length === 1 ? "one" : "other"}`, {
            count: countText("entity", missing.length, formatInt(missing.length)),
            reference: narrower.reference,
            names: entityNames(missing, previous.files?.flatMap((f) => f.entities ?? []) ?? [])
              .slice(0, 5)
              .map((e) => `« ${e} »`)
              .join(", "),
            more: missing.length > 5 ? "…" : "",
          })
        : "";
      const products = gone.length
        ? message("tracking.error.checkpointNarrowerProducts", {
            count: gone.length,
            names: gone
              .slice(0, 5)
              .map((d) => `${d.name} (${formatInt(d.installations)})`)
              .join(", "),
            more: gone.length > 5 ? "…" : "",
          })
        : "";
      throw new AppError(
        "narrower_perimeter",
        message("tracking.error.checkpointNarrower", {
          ...narrower,
          products: [products, entities]
            .filter(Boolean)
            .map((t) => ` ${t}`)
            .join(""),
        }),
        409,
      );
    }
    // Confirmed; or the next inventory of the narrower perimeter confirmed before, still narrower than the baseline.
    if (narrower || (previous.narrower && narrowerCheckpoint(baseline, checkpoint))) checkpoint.narrower = true;
    plan.checkpoints = checkpoints;
    plan.log.push({
      ...author(ctx),
      at: now.toISOString(),
      action: "checkpoint",
      detail: narrower
        ? message("tracking.log.checkpointNarrower", { ...narrower, analysis: analysis.id, date: frenchDate(date) })
        : message("tracking.log.checkpoint", { analysis: analysis.id, date: frenchDate(date) }),
    });
  });
}

/**
 * Removes the checkpoint of `date` (trial15 B4: another perimeter's or another collectivité's inventory added by
 * mistake could only be undone by deleting the whole plan, its decisions and its publication). The baseline stays:
 * it is what the plan measures from. A published page keeps its frozen figures until it is republished: the page
 * says so.
 */
export async function removeCheckpoint(ctx: TrackingContext, id: string, input: unknown, now = new Date()) {
  const data = parse(removeCheckpointInput, input);
  return change(ctx, id, data.version, (plan) => {
    const at = plan.checkpoints.findIndex((c, i) => i > 0 && c.date === data.date);
    if (at < 0)
      throw plan.checkpoints[0]?.date === data.date
        ? new AppError("invalid_input", message("tracking.error.removeBaseline"), 400)
        : new AppError("not_found", message("tracking.error.checkpointNotFound", { date: frenchDate(data.date) }), 404);
    const [removed] = plan.checkpoints.splice(at, 1);
    plan.log.push({
      ...author(ctx),
      at: now.toISOString(),
      action: "checkpoint-removed",
      detail: message("tracking.log.checkpointRemoved", { analysis: removed!.analysisId, date: frenchDate(data.date) }),
    });
  });
}

/**
 * A plan's checkpoints once the analysis `analysisId` describes `day` (its `inventoryDate` corrected): null when the
 * plan has no checkpoint of it on another day; refused when a checkpoint would come before the baseline, or the
 * baseline on or after a milestone or the target.
 */
function redatedCheckpoints(plan: Plan, analysisId: string, day: string): Plan["checkpoints"] | null {
  if (!plan.checkpoints.some((c) => c.analysisId === analysisId && c.date !== day)) return null;
  const [baseline, ...others] = plan.checkpoints.map((c) => (c.analysisId === analysisId ? { ...c, date: day } : c));
  if (others.some((c) => c.date < baseline!.date))
    throw new AppError(
      "invalid_input",
      message("tracking.error.redateBeforeBaseline", { plan: plan.title, date: frenchDate(baseline!.date) }),
      400,
    );
  const first = [...plan.milestones.map((m) => m.date), plan.target.date].sort()[0]!;
  if (first <= baseline!.date)
    throw new AppError(
      "invalid_input",
      message("tracking.error.redateAfterMilestone", { plan: plan.title, date: frenchDate(first) }),
      400,
    );
  const order = (a: Checkpoint, b: Checkpoint) =>
    a.date.localeCompare(b.date) || (a.importedAt ?? a.recordedAt).localeCompare(b.importedAt ?? b.recordedAt);
  return [baseline!, ...others.sort(order)];
}

/**
 * Re-dating an inventory reaches the plans that measured it (trial 2026-12-05: a baseline re-dated to September kept
 * « 5 décembre 2026 (point de départ) » on the plan and its public page): `check` only tells whether every plan can
 * take the day (throws otherwise, before the analysis is changed); then each plan's checkpoints and published page
 * follow, the plan's log says so, and the French notice returned says it to the DSI (null: no plan concerned).
 */
export async function redatePlans(
  ctx: TrackingContext,
  analysisId: string,
  day: string,
  options: { check?: boolean; now?: Date } = {},
): Promise<string | null> {
  const concerned = (await listPlans(ctx)).filter((p) => redatedCheckpoints(p, analysisId, day) !== null);
  if (options.check || !concerned.length) return null;
  const now = options.now ?? new Date();
  const notices: string[] = [];
  for (const { id } of concerned) {
    const plan = await change(ctx, id, undefined, (p) => {
      const before = p.checkpoints.find((c) => c.analysisId === analysisId)?.date;
      const checkpoints = redatedCheckpoints(p, analysisId, day);
      if (!checkpoints || !before) return;
      p.checkpoints = checkpoints;
      const snapshot = p.publication?.snapshot;
      if (snapshot) {
        // The published figures stay those the DSI reviewed; only the day they describe is corrected.
        const [first, ...rest] = snapshot.checkpoints.map((c) =>
          c.analysisId === analysisId ? { ...c, date: day } : c,
        );
        snapshot.checkpoints = first
          ? [first, ...rest.sort((a, b) => a.date.localeCompare(b.date))].map((c) => ({
              ...c,
              planned: plannedValue(p, c.date),
            }))
          : [];
      }
      p.log.push({
        ...author(ctx),
        at: now.toISOString(),
        action: "edited",
        detail: message("tracking.log.redated", {
          analysis: analysisId,
          before: frenchDate(before),
          date: frenchDate(day),
        }),
      });
    });
    notices.push(
      message("tracking.redated.notice", {
        plan: plan.title,
        date: frenchDate(day),
        page: plan.publication ? message("tracking.redated.page") : "",
      }),
    );
  }
  return notices.join(" ");
}

/**
 * Edits a saved analysis (name, collectivité, inventory day: `renameAnalysis`) for the routes and any other caller: a
 * corrected inventory day reaches the plans that measured this inventory (`redatePlans`) — checked before the
 * analysis changes (a day no plan can take is refused and changes nothing), carried after, and said in `notice`.
 */
export async function editAnalysis(
  ctx: TrackingContext,
  id: string,
  body: unknown,
): Promise<AnalysisListEntry & { notice?: string }> {
  const redate = async (check: boolean, entry: { inventoryDate?: string | null; createdAt?: string }) => {
    const day = analysisDay(entry);
    return day ? redatePlans(ctx, id, day, { check }) : null;
  };
  const given = (body as { inventoryDate?: unknown } | null)?.inventoryDate;
  if (typeof given === "string" && given.trim()) {
    checkInventoryDate(given);
    await redate(true, { inventoryDate: given.trim() });
  } else if (given === null || given === "") {
    // Cleared: the day falls back to the import day.
    await redate(true, { createdAt: (await getAnalysis(ctx, id)).createdAt });
  }
  const entry = await renameAnalysis(ctx, id, body);
  const notice = given === undefined ? null : await redate(false, entry);
  return notice ? { ...entry, notice } : entry;
}

export async function addEvent(ctx: TrackingContext, id: string, input: unknown, now = new Date()): Promise<Plan> {
  const data = parse(eventInput, input);
  if (data.date > localDay(now))
    throw new AppError("invalid_input", message("tracking.error.futureDate", { date: frenchDate(data.date) }), 400);
  return change(ctx, id, data.version, (plan) => {
    plan.events = [
      ...plan.events,
      { id: newRecordId(), date: data.date, text: data.text, recordedAt: now.toISOString() },
    ].sort((a, b) => a.date.localeCompare(b.date));
    plan.log.push({ at: now.toISOString(), action: "event", detail: data.text, ...author(ctx) });
  });
}

/** Freezes what the public page shows, as the DSI reviewed it; the previous publication stays until this one is saved. */
export async function publishPlan(ctx: TrackingContext, id: string, input: unknown, now = new Date()): Promise<Plan> {
  const data = parse(publishInput, input);
  const replacementNote = await replacementCaveats(ctx.config.corpusDir);
  return change(ctx, id, data.version, (plan) => {
    const progress = progressOf(plan, localDay(now));
    const snapshot = snapshotOf(plan, progress, {
      licence: data.licence,
      groupProducts: data.groupProducts,
      now,
      categoryLabel: categoryText,
      reviewed: data.reviewed,
      replacementNote,
    });
    plan.publication = { at: now.toISOString(), licence: data.licence, groupProducts: data.groupProducts, snapshot };
    plan.log.push({
      ...author(ctx),
      at: now.toISOString(),
      action: "published",
      detail: message("tracking.log.published", { licence: data.licence }),
    });
  });
}

export async function unpublishPlan(ctx: TrackingContext, id: string, now = new Date()): Promise<Plan> {
  return change(ctx, id, undefined, (plan) => {
    if (!plan.publication) return;
    plan.publication = null;
    plan.log.push({
      at: now.toISOString(),
      action: "unpublished",
      detail: message("tracking.log.unpublished"),
      ...author(ctx),
    });
  });
}

export async function deletePlan(ctx: TrackingContext, id: string): Promise<void> {
  await withLock(ctx, id, async () => {
    const plan = await load(ctx, id);
    await plans(ctx).delete(id);
    // Its collectivité may adopt a plan again (a claim left behind would be taken over all the same).
    const claim = await slugClaims(ctx).get(plan.slug);
    if (claim?.plan === id) await slugClaims(ctx).delete(plan.slug);
  });
}

/** The published snapshot of a collectivité, or a 404 that says nothing of unpublished plans. */
export async function publicSnapshot(ctx: TrackingContext, slug: string): Promise<PublicSnapshot> {
  const plan = (await listPlans(ctx)).find((p) => p.slug === slug && p.publication);
  if (!plan) throw new AppError("public_not_found", message("tracking.error.publicNotFound"), 404);
  return plan.publication!.snapshot;
}
