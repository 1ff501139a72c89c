/**
 * Following a reduction plan over time: the plan a collectivité adopted (measure, target, milestones, products to
 * replace), the checkpoints taken from successive inventory analyses, and the progress they show — measured vs
 * planned value, products replaced, new dependencies, late milestones. Pure functions, no I/O: `service.ts` saves
 * plans, `public-page.ts` and `progress-note.ts` present them.
 */
import { localDay, roundPercent } from "../core/text.ts";
import { isExposed, isSetAside, type MeasurableItem } from "../inventory/measure.ts";
import { fold as foldText } from "../inventory/normalize.ts";

/** Which figure of an analysis the plan follows, in percent (lower is better). */
export type MeasureKind = "weighted" | "raw";

export interface Milestone {
  /** `YYYY-MM-DD` */
  date: string;
  /** Value of the measure planned at that date, in percent. */
  value: number;
  label: string;
}

export interface PlannedProduct {
  name: string;
  productId: string | null;
  /** The replacement planned, as the roadmap names it. */
  by: string | null;
  dueDate: string | null;
}

/** One exposed dependency as a checkpoint keeps it (enough to compare checkpoints without the analyses). */
export interface Dependency {
  key: string;
  name: string;
  productId: string | null;
  category: string | null;
  installations: number;
}

export interface Checkpoint {
  analysisId: string;
  /** Day the inventory describes (`YYYY-MM-DD`). */
  date: string;
  /** The plan's measure, in percent (null when the analysis could not establish it). */
  value: number | null;
  /** Both measures, in percent, so a reader sees the raw share beside the weighted one. */
  weighted: number | null;
  raw: number | null;
  installations: number;
  dependencies: Dependency[];
  /**
   * The catalog products of the inventory that are not exposed dependencies (Bitdefender, LibreOffice): how a planned
   * replacement is seen to be in place (absent from checkpoints taken before).
   */
  others?: { name: string; installations: number }[];
  recordedAt: string;
  /** When the analysis was imported: of two inventories of one day, the later import is the later state. */
  importedAt?: string;
}

export interface PlanEvent {
  id: string;
  date: string;
  text: string;
  recordedAt: string;
}

export interface Publication {
  at: string;
  licence: "etalab-2.0" | "odbl";
  /** Product names replaced by their category on the public page. */
  groupProducts: boolean;
  snapshot: PublicSnapshot;
}

export interface LogEntry {
  at: string;
  action: "adopted" | "checkpoint" | "event" | "published" | "unpublished" | "edited";
  detail: string;
}

/** The saved roadmap draft a plan was adopted from: which draft, and which of its versions. */
export interface PlanSource {
  kind: "roadmap-draft";
  draftId: string;
  version: number;
  title: string;
}

export interface Plan {
  id: string;
  /** Address of the public page: `/public/<slug>`. */
  slug: string;
  collectivite: { name: string; kind: string | null };
  title: string;
  measure: MeasureKind;
  adoptedAt: string;
  target: { value: number; date: string };
  milestones: Milestone[];
  products: PlannedProduct[];
  /** The first is the baseline (the analysis the plan was adopted on), then in date order. */
  checkpoints: Checkpoint[];
  events: PlanEvent[];
  publication: Publication | null;
  log: LogEntry[];
  /** Set when the plan was adopted from a saved roadmap draft (absent on plans typed by hand). */
  source?: PlanSource;
  /** Incremented at each change: an edit carrying an older version is refused. */
  version: number;
}

/** What an analysis gives a checkpoint: a saved analysis's summary and items, any version. */
export interface MeasurableAnalysis {
  id: string;
  createdAt: string;
  /** The day the inventory describes, when given on import or read from the export. */
  inventoryDate?: string | null;
  summary: { installations: number; extraEuropean: { share: number | null }; score: { value: number | null } };
  items: (MeasurableItem & { product?: { id: string; name: string } | null })[];
}

/**
 * One decimal: the precision plans keep their computed points at (planned values, gaps). A milestone is a percentage
 * the plan commits to and shows: it is kept as shown (`roundPercent`, once), never round1 then rounded again.
 */
export const round1 = (x: number) => Math.round(x * 10) / 10;

export const dependencyKey = (name: string, productId: string | null | undefined) =>
  productId ? `p:${productId}` : `n:${foldText(name)}`;

/** The checkpoint an analysis gives: both measures and its exposed dependencies (system components set aside). */
export function checkpointOf(
  analysis: MeasurableAnalysis,
  measure: MeasureKind,
  date: string,
  now = new Date(),
): Checkpoint {
  const weighted = analysis.summary.score?.value ?? null;
  const share = analysis.summary.extraEuropean?.share ?? null;
  // Stored as shown (`roundPercent`): the plan, the public page and its open data give the map's figure.
  const raw = share === null ? null : roundPercent(share * 100);
  const byKey = new Map<string, Dependency>();
  const others = new Map<string, number>();
  for (const item of analysis.items) {
    // The map's own rules: components set aside, exposed = controlled outside Europe or under a foreign law.
    if (!(item.installations > 0) || isSetAside(item)) continue;
    if (isExposed(item) !== true) {
      if (item.product?.name) others.set(item.product.name, (others.get(item.product.name) ?? 0) + item.installations);
      continue;
    }
    const productId = item.product?.id ?? null;
    const key = dependencyKey(item.name, productId);
    const existing = byKey.get(key);
    if (existing) existing.installations += item.installations;
    else
      byKey.set(key, {
        key,
        name: item.product?.name ?? item.name,
        productId,
        category: item.category ?? null,
        installations: item.installations,
      });
  }
  return {
    analysisId: analysis.id,
    date,
    value: measure === "weighted" ? weighted : raw,
    weighted,
    raw,
    installations: analysis.summary.installations,
    dependencies: [...byKey.values()].sort(
      (a, b) => b.installations - a.installations || a.name.localeCompare(b.name, "fr"),
    ),
    others: [...others].map(([name, installations]) => ({ name, installations })),
    recordedAt: now.toISOString(),
    ...(analysis.createdAt ? { importedAt: analysis.createdAt } : {}),
  };
}

const day = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);

type Dated = Pick<Plan, "checkpoints" | "milestones"> & Partial<Pick<Plan, "adoptedAt">>;
/** What `planStartDay` reads: a plan, or the public snapshot of one. */
type Calendar = { milestones: { date: string }[]; adoptedAt?: string };

/**
 * The day from which the plan holds the collectivité to a trajectory: the day it was adopted (in the collectivité's
 * time zone), or null — the baseline's day — when it has no adoption day or when its own calendar has milestones
 * on or before that day (a plan recorded after the fact, already running: its calendar says so).
 */
export function planStartDay(plan: Calendar): string | null {
  if (!plan.adoptedAt) return null;
  const adopted = localDay(plan.adoptedAt);
  return plan.milestones.some((m) => m.date <= adopted) ? null : adopted;
}

/**
 * The inventory the plan starts from: the last checkpoint describing a day before the adoption (an inventory taken
 * between the baseline and the vote, trial 9), else the baseline (`planStartDay`). An inventory of the adoption's own
 * day added after the baseline is a change since the adoption (trial 5: two inventories of one day told apart).
 */
export function startingCheckpoint<C extends { date: string }>(plan: Calendar & { checkpoints: C[] }): C | undefined {
  const start = planStartDay(plan);
  if (!start) return plan.checkpoints[0];
  return plan.checkpoints.filter((c) => c.date < start).at(-1) ?? plan.checkpoints[0];
}

/**
 * The value the plan expects at `date`: straight lines from the inventory it starts from (`startingCheckpoint`)
 * through each later milestone, flat after the last. Nothing for a day before the adoption: no plan existed
 * then to be ahead of or behind (trial 9: « en avance » against a value « prévu » for a day before the vote).
 */
export function plannedValue(plan: Dated, date: string): number | null {
  const start = planStartDay(plan);
  if (start && date.slice(0, 10) < start) return null;
  const baseline = startingCheckpoint(plan);
  if (!baseline || baseline.value === null) return null;
  const points = [
    { t: day(baseline.date), v: baseline.value },
    ...plan.milestones.filter((m) => m.date > baseline.date).map((m) => ({ t: day(m.date), v: m.value })),
  ].sort((a, b) => a.t - b.t);
  const t = day(date);
  if (t <= points[0]!.t) return points[0]!.v;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (t <= b.t) return round1(b.t === a.t ? b.v : a.v + ((b.v - a.v) * (t - a.t)) / (b.t - a.t));
  }
  return points.at(-1)!.v;
}

/**
 * Milestones on a straight line from the baseline to the target, when the roadmap gave none: each quarter over
 * two years or less, each half-year up to four years, each year beyond. None on or before `adoptedOn` (the day the
 * plan is adopted): a baseline inventory months old gives no milestone already past when the plan is voted (trial 8).
 */
export function defaultMilestones(
  baseline: { date: string; value: number },
  target: { date: string; value: number },
  label: (date: string) => string,
  adoptedOn?: string,
): Milestone[] {
  const start = new Date(day(baseline.date));
  const end = new Date(day(target.date));
  const milestones: Milestone[] = [];
  const span = end.getTime() - start.getTime();
  const years = span / (365.25 * 86_400_000);
  const step = years <= 2 ? 3 : years <= 4 ? 6 : 12;
  const cursor = new Date(
    Date.UTC(start.getUTCFullYear(), step === 12 ? 12 : start.getUTCMonth() - (start.getUTCMonth() % step) + step, 1),
  );
  while (cursor < end && milestones.length < 40) {
    const date = cursor.toISOString().slice(0, 10);
    if (adoptedOn && date <= adoptedOn) {
      cursor.setUTCMonth(cursor.getUTCMonth() + step);
      continue;
    }
    // As shown (`roundPercent`, once, from the exact line): 59.49 is « 59 % », not 59.5 shown « 60 % ».
    const value = roundPercent(
      baseline.value + ((target.value - baseline.value) * (cursor.getTime() - start.getTime())) / span,
    );
    milestones.push({ date, value, label: label(date) });
    cursor.setUTCMonth(cursor.getUTCMonth() + step);
  }
  milestones.push({ date: target.date, value: target.value, label: label(target.date) });
  return milestones;
}

/** How a checkpoint stands against the plan: within half a point of the planned value counts as on track. */
export type Standing = "ahead" | "on-track" | "late" | "unknown";
const TOLERANCE = 0.5;

export function standing(measured: number | null, planned: number | null): Standing {
  if (measured === null || planned === null) return "unknown";
  if (measured <= planned - TOLERANCE) return "ahead";
  if (measured <= planned + TOLERANCE) return "on-track";
  return "late";
}

export interface ProductProgress {
  product: PlannedProduct;
  /** Installations at the baseline and at the latest checkpoint. */
  before: number;
  now: number;
  state: "replaced" | "in-progress" | "not-started" | "absent";
  /** Installations of the planned replacement in the latest inventory (0 when it is not seen there). */
  byNow: number;
  /**
   * The data show the replacement: the product is gone AND its planned replacement grew since the baseline. A product
   * just uninstalled while the replacement stayed where it was is only « gone » (trial 8: « Yandex Browser → remplacé
   * par Firefox ESR » with Firefox at 120 before and after). The one test of « remplacé par » everywhere.
   */
  replacedBy: boolean;
  late: boolean;
}

export interface CheckpointProgress {
  checkpoint: Checkpoint;
  planned: number | null;
  standing: Standing;
  /** Change of the measure since the previous checkpoint, in points. */
  change: number | null;
  /** Exposed dependencies that were not in the previous checkpoint. */
  appeared: Dependency[];
  /** Exposed dependencies of the previous checkpoint that are gone. */
  removed: Dependency[];
}

export interface MilestoneProgress {
  milestone: Milestone;
  /** The first checkpoint on or after the milestone's date, within `MEASURE_WINDOW_DAYS`, if any. */
  measured: number | null;
  measuredOn: string | null;
  /** late: the date is past and no inventory since; unmeasured: the first inventory after it came too late to judge it. */
  state: "met" | "missed" | "late" | "unmeasured" | "upcoming";
}

/** A milestone is judged on an inventory taken at most this long after its date (a quarter and a month). */
export const MEASURE_WINDOW_DAYS = 120;

export interface Progress {
  latest: CheckpointProgress | null;
  checkpoints: CheckpointProgress[];
  milestones: MilestoneProgress[];
  products: ProductProgress[];
  /** Target met at the latest checkpoint. */
  targetMet: boolean;
}

function diff(previous: Checkpoint | undefined, current: Checkpoint) {
  if (!previous) return { appeared: [], removed: [] };
  const before = new Set(previous.dependencies.map((d) => d.key));
  const after = new Set(current.dependencies.map((d) => d.key));
  return {
    appeared: current.dependencies.filter((d) => !before.has(d.key)),
    removed: previous.dependencies.filter((d) => !after.has(d.key)),
  };
}

function installationsOf(checkpoint: Checkpoint | undefined, product: PlannedProduct): number {
  if (!checkpoint) return 0;
  const key = dependencyKey(product.name, product.productId);
  const folded = foldText(product.name);
  return checkpoint.dependencies
    .filter((d) => d.key === key || (!product.productId && foldText(d.name) === folded))
    .reduce((s, d) => s + d.installations, 0);
}

const words = (name: string) =>
  new Set(
    foldText(name)
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
  );

/**
 * Installations of a planned replacement in a checkpoint, by its name as the roadmap gives it: the catalog names one
 * product in words that the line's own name contains, or the other way round (« ESET PROTECT » installed as « ESET
 * Endpoint Security / PROTECT », « Element (protocole Matrix) » as « Element »).
 */
function replacementInstallations(checkpoint: Checkpoint | undefined, by: string | null): number {
  if (!checkpoint || !by) return 0;
  const wanted = words(by);
  const same = (name: string) => {
    const own = words(name);
    const [small, large] = own.size < wanted.size ? [own, wanted] : [wanted, own];
    return small.size > 0 && [...small].every((w) => large.has(w));
  };
  return [...checkpoint.dependencies, ...(checkpoint.others ?? [])]
    .filter((d) => same(d.name))
    .reduce((s, d) => s + d.installations, 0);
}

/**
 * The plan's products, one per product (`dependencyKey`): a plan adopted from a roadmap that listed one catalog product
 * under two inventory names (trial 10: « Zoom Workplace » and « Zoom ») holds it twice, and every installation of it
 * is counted under each. Kept once, with the earliest due date: the one grouping the note, the public page, its open
 * data and the plan's page read (through `progressOf`).
 */
export function plannedProducts(products: PlannedProduct[]): PlannedProduct[] {
  const byKey = new Map<string, PlannedProduct>();
  for (const p of products) {
    const key = dependencyKey(p.name, p.productId);
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, p);
    else if (p.dueDate && (!seen.dueDate || p.dueDate < seen.dueDate)) byKey.set(key, { ...seen, dueDate: p.dueDate });
  }
  return [...byKey.values()];
}

/** Progress of a plan at `today` (`YYYY-MM-DD`). */
export function progressOf(plan: Plan, today: string): Progress {
  const checkpoints = plan.checkpoints.map((checkpoint, i) => {
    const previous = plan.checkpoints[i - 1];
    const planned = plannedValue(plan, checkpoint.date);
    const change =
      previous && previous.value !== null && checkpoint.value !== null
        ? round1(checkpoint.value - previous.value)
        : null;
    return {
      checkpoint,
      planned,
      standing: standing(checkpoint.value, planned),
      change,
      ...diff(previous, checkpoint),
    };
  });
  const latest = checkpoints.at(-1) ?? null;
  const milestones = plan.milestones.map((milestone): MilestoneProgress => {
    const after = plan.checkpoints.find((c) => c.date >= milestone.date && c.value !== null);
    if (after && (day(after.date) - day(milestone.date)) / 86_400_000 <= MEASURE_WINDOW_DAYS) {
      return {
        milestone,
        measured: after.value,
        measuredOn: after.date,
        state: after.value! <= milestone.value + TOLERANCE ? "met" : "missed",
      };
    }
    if (after) return { milestone, measured: null, measuredOn: null, state: "unmeasured" };
    return { milestone, measured: null, measuredOn: null, state: milestone.date < today ? "late" : "upcoming" };
  });
  const baseline = plan.checkpoints[0];
  const last = plan.checkpoints.at(-1);
  const products = plannedProducts(plan.products).map((product): ProductProgress => {
    const before = installationsOf(baseline, product);
    const now = installationsOf(last, product);
    const state = before === 0 ? "absent" : now === 0 ? "replaced" : now < before ? "in-progress" : "not-started";
    const late = state !== "replaced" && state !== "absent" && product.dueDate !== null && product.dueDate < today;
    const byNow = replacementInstallations(last, product.by);
    const replacedBy = state === "replaced" && byNow > replacementInstallations(baseline, product.by);
    return { product, before, now, state, byNow, replacedBy, late };
  });
  const targetMet =
    !!latest && latest.checkpoint.value !== null && latest.checkpoint.value <= plan.target.value + TOLERANCE / 10;
  return { latest, checkpoints, milestones, products, targetMet };
}

/**
 * What the public page shows, frozen when the DSI publishes: only the figures, milestones, events and (possibly
 * grouped) products the DSI reviewed, each figure with the analysis and date it comes from.
 */
export interface PublicSnapshot {
  collectivite: { name: string; kind: string | null };
  slug: string;
  title: string;
  measure: MeasureKind;
  adoptedAt: string;
  target: { value: number; date: string };
  milestones: {
    date: string;
    value: number;
    label: string;
    state: MilestoneProgress["state"];
    measured: number | null;
  }[];
  checkpoints: {
    date: string;
    analysisId: string;
    value: number | null;
    planned: number | null;
    weighted: number | null;
    raw: number | null;
    installations: number;
  }[];
  /** Since the previous publication (or the baseline): what changed, in plain words built by the page. */
  changes: {
    replaced: string[];
    appeared: string[];
    events: { date: string; text: string }[];
    /** What the changes are counted from: the previous publication, or the plan's adoption for a first one. */
    since?: "publication" | "adoption";
    /** Since the adoption: the day of the inventory compared with, when a later one than the baseline preceded the vote. */
    from?: string;
  };
  /** `byNote`: what a reader must know of the replacement (« toujours sous juridiction extra-européenne : gain limité »). */
  products: {
    name: string;
    by: string | null;
    byNote?: string | null;
    state: ProductProgress["state"];
    /** Replaced, and the planned replacement is in the latest inventory: « remplacé par … ». */
    byInInventory?: boolean;
    dueDate: string | null;
  }[];
  events: { date: string; text: string }[];
  publishedAt: string;
  licence: Publication["licence"];
  /** The publisher ticked « J'ai relu les chiffres… » before publishing: only then does the page say so. */
  reviewed?: boolean;
}

export function snapshotOf(
  plan: Plan,
  progress: Progress,
  options: {
    licence: Publication["licence"];
    groupProducts: boolean;
    now: Date;
    categoryLabel: (category: string | null) => string;
    reviewed?: boolean;
    /** The caveat of a planned replacement, from the catalog (`inventory/alternative-text.ts`). */
    replacementNote?: (productId: string | null, by: string | null) => string | null;
  },
): PublicSnapshot {
  const previous = plan.publication?.snapshot ?? null;
  // The checkpoints the previous publication did not show (all but the baseline for a first one), told apart by
  // their analysis, not their day: two inventories of one day are two states (trial 2026-12-05: the page said
  // « Aucune » disparue while its own table showed Zoom and Kaspersky gone).
  // For a first publication, « depuis l'adoption » counts from the inventory at (or just before) the adoption: what
  // went between the baseline and the vote is not a change since the adoption (trial 9).
  const start = startingCheckpoint(plan);
  const before = plan.checkpoints.slice(0, start ? plan.checkpoints.indexOf(start) + 1 : 1);
  const shown = new Set((previous ? previous.checkpoints : before).map((c) => c.analysisId));
  const changedCheckpoints = progress.checkpoints.slice(1).filter((c) => !shown.has(c.checkpoint.analysisId));
  const label = (d: Dependency) => (options.groupProducts ? options.categoryLabel(d.category) : d.name);
  const unique = (xs: string[]) => [...new Set(xs)];
  const categoryOfProduct = (p: PlannedProduct) =>
    plan.checkpoints[0]?.dependencies.find((d) => d.key === dependencyKey(p.name, p.productId))?.category ?? null;
  return {
    collectivite: plan.collectivite,
    slug: plan.slug,
    title: plan.title,
    measure: plan.measure,
    adoptedAt: plan.adoptedAt,
    target: plan.target,
    milestones: progress.milestones.map((m) => ({ ...m.milestone, state: m.state, measured: m.measured })),
    checkpoints: progress.checkpoints.map((c) => ({
      date: c.checkpoint.date,
      analysisId: c.checkpoint.analysisId,
      value: c.checkpoint.value,
      planned: c.planned,
      weighted: c.checkpoint.weighted,
      raw: c.checkpoint.raw,
      installations: c.checkpoint.installations,
    })),
    changes: {
      replaced: unique(changedCheckpoints.flatMap((c) => c.removed.map(label))),
      appeared: unique(changedCheckpoints.flatMap((c) => c.appeared.map(label))),
      // Events recorded since the previous publication, or every event of the plan for a first one (an event dated
      // the day of the baseline inventory or of the adoption counts too).
      // For a first one, not those dated before the inventory it counts from (trial 9: a decision of October listed
      // « depuis l'adoption » of December).
      events: plan.events
        .filter((e) => (previous ? e.recordedAt > previous.publishedAt : !start || e.date >= start.date))
        .sort((a, b) => a.date.localeCompare(b.date))
        .map((e) => ({ date: e.date, text: e.text })),
      since: previous ? "publication" : "adoption",
      // The inventory a first publication counts from, when it is not the baseline (taken between it and the vote).
      ...(!previous && start && start !== plan.checkpoints[0] ? { from: start.date } : {}),
    },
    products: progress.products.map((p) => ({
      name: options.groupProducts ? options.categoryLabel(categoryOfProduct(p.product)) : p.product.name,
      by: p.product.by,
      byNote: options.replacementNote?.(p.product.productId, p.product.by) ?? null,
      state: p.state,
      ...(p.replacedBy ? { byInInventory: true } : {}),
      dueDate: p.product.dueDate,
    })),
    events: plan.events.map((e) => ({ date: e.date, text: e.text })),
    publishedAt: options.now.toISOString(),
    licence: options.licence,
    reviewed: options.reviewed ?? false,
  };
}
