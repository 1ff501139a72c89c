/**
 * Following a reduction plan over time: the plan a collectivité adopted (measure, target, milestones, products to
 * replace), the checkpoints taken from successive inventory analyses, and the progress they show — measured vs
 * planned value, products replaced, new dependencies, late milestones. Pure functions, no I/O: `service.ts` saves
 * plans, `public-page.ts` and `progress-note.ts` present them.
 */
import { formatInt, localDay, roundPercent } from "../core/text.ts";
import { countText, message } from "../i18n/messages.ts";
import { isExposed, isSetAside, type MeasurableItem, roleOf } from "../inventory/measure.ts";
import { fold as foldText } from "../inventory/normalize.ts";
import { filesDiffer, narrowerPerimeter, type PerimeterSide, perimeterNotice } from "../inventory/perimeter.ts";
import { type Line, lineOf, namedLike, rebased, reclassifiedLines } from "./lines.ts";
import { productStatus } from "./product-status.ts";
import { shareGrowth } from "./shared-growth.ts";

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
  /**
   * Beyond what the objective needs (a roadmap's « au-delà de l'objectif, à programmer »): no due date, and the pages
   * and open data say so instead of a bare « — » (absent from plans adopted before round 17, and from typed plans).
   */
  beyondTarget?: true;
  /**
   * The inventory names (editions) the row commits, when the roadmap planned the product's editions apart (Windows
   * Server 2012 R2, out of support, early; 2019 beyond the objective): the row counts only these (trial20). Absent:
   * every installation of the product.
   */
  lines?: string[];
  /**
   * Postes kept under their system because software runs only under it (« notre logiciel de paie ne fonctionne que
   * sous Windows », trial20 N-H4): not committed, not counted as left to replace. `keptNote` says it, as the roadmap.
   */
  kept?: number;
  keptNote?: string;
}

/** One exposed dependency as a checkpoint keeps it (enough to compare checkpoints without the analyses). */
export interface Dependency {
  key: string;
  name: string;
  productId: string | null;
  category: string | null;
  installations: number;
  /**
   * What tells, between two checkpoints, where its installations went (absent from checkpoints recorded before trial
   * 11): its role in the weighted measure when the weights name one (`workstation-os`, `browser`; null when only its
   * category gives one), whoever controls its vendor, and the alternatives the catalog gives for it.
   */
  role?: string | null;
  vendor?: string | null;
  alternatives?: string[];
  /** The map lines it counts (absent from checkpoints recorded before trial 12): `lines.ts`. */
  lines?: Line[];
  /**
   * Free software (open source, counted in part when its publisher is not European): a catalog alternative, never a
   * « nouvelle dépendance » when it appears (trial 13, B3: « Jitsi Meet » of 8x8). Absent before trial 13.
   */
  openSource?: true;
}

/** A catalog product of the inventory that is not an exposed dependency, with its role and vendor (`Dependency`). */
export interface OtherProduct {
  name: string;
  installations: number;
  role?: string | null;
  vendor?: string | null;
  lines?: Line[];
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
  others?: OtherProduct[];
  /** Lines of no catalog product that are not exposed either (a publisher in Europe, or unknown): `lines.ts`. */
  unclassified?: Line[];
  recordedAt: string;
  /** When the analysis was imported: of two inventories of one day, the later import is the later state. */
  importedAt?: string;
  /**
   * The files the inventory was imported from, with their format: a checkpoint of other files than the previous one
   * measures another perimeter (`checkpointPerimeter`). Absent from checkpoints taken before.
   */
  files?: { name: string; format?: string; entities?: string[] }[];
  /**
   * It covers sharply less of the parc than the checkpoint before it (`narrowerCheckpoint`), and the DSI confirmed it
   * is the perimeter to follow — or it follows such a checkpoint and still covers less than the baseline
   * (`addCheckpoint`, trial16 C4). The products it lacks are « absents de ce périmètre », not gone.
   */
  narrower?: true;
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
  action: "adopted" | "checkpoint" | "checkpoint-removed" | "event" | "published" | "unpublished" | "edited";
  detail: string;
  /** Who made the change: the signed-in person's name, else their e-mail (absent without sign-in, trial17 D15). */
  by?: string;
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
  /** The collectivité named on import, when one was. */
  collectivite?: string | null;
  /** The files imported (`ParsedFile`): name and format. */
  files?: { name: string; format?: string; entities?: string[] }[];
  summary: { installations: number; extraEuropean: { share: number | null }; score: { value: number | null } };
  items: (MeasurableItem & {
    product?: { id: string; name: string } | null;
    vendor?: { name: string; parent?: { name: string } | null } | null;
    alternatives?: { name: string }[];
  })[];
}

/** The role the measure's weights name for an item, or null when only its category gives it one. */
const namedRole = (item: MeasurableItem) => {
  const id = roleOf(item).id;
  return id.startsWith("category:") ? null : id;
};
/** Whoever controls an item's vendor: its parent group, else the vendor. */
const controllerOf = (item: MeasurableAnalysis["items"][number]) =>
  item.vendor ? (item.vendor.parent?.name ?? item.vendor.name) : null;

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
  const others = new Map<string, OtherProduct>();
  const unclassified: Line[] = [];
  for (const item of analysis.items) {
    // The map's own rules: components set aside, exposed = controlled outside Europe or under a foreign law.
    if (!(item.installations > 0) || isSetAside(item)) continue;
    const line = lineOf(item);
    if (isExposed(item) !== true) {
      const name = item.product?.name;
      if (!name) {
        unclassified.push(line);
        continue;
      }
      const other = others.get(name);
      if (other) {
        other.installations += item.installations;
        other.lines!.push(line);
      } else
        others.set(name, {
          name,
          installations: item.installations,
          role: namedRole(item),
          vendor: controllerOf(item),
          lines: [line],
        });
      continue;
    }
    const productId = item.product?.id ?? null;
    const key = dependencyKey(item.name, productId);
    const existing = byKey.get(key);
    if (existing) {
      existing.installations += item.installations;
      existing.lines!.push(line);
    } else
      byKey.set(key, {
        key,
        name: item.product?.name ?? item.name,
        productId,
        category: item.category ?? null,
        installations: item.installations,
        role: namedRole(item),
        vendor: controllerOf(item),
        alternatives: (item.alternatives ?? []).map((a) => a.name),
        lines: [line],
        ...(item.openSource === true ? { openSource: true as const } : {}),
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
    others: [...others.values()],
    unclassified,
    recordedAt: now.toISOString(),
    ...(analysis.createdAt ? { importedAt: analysis.createdAt } : {}),
    ...(analysis.files?.length
      ? {
          files: analysis.files.map((f) => ({
            name: f.name,
            ...(f.format ? { format: f.format } : {}),
            ...(f.entities?.length ? { entities: f.entities } : {}),
          })),
        }
      : {}),
  };
}

/** Two checkpoints as the perimeter rules compare them: their files only when both kept theirs (older ones did not). */
export function sides(a: Checkpoint, b: Checkpoint): [PerimeterSide, PerimeterSide] {
  const filesKnown = !!a.files?.length && !!b.files?.length;
  const side = (c: Checkpoint) => ({ files: filesKnown ? c.files! : [], installations: c.installations });
  return [side(a), side(b)];
}

/**
 * The compare's notice (`perimeterNotice`) between a checkpoint and the previous one, or null: other files, or
 * installations jumping by more than a tenth — part of the change is the perimeter's, not progress (trial14 B5).
 * Checkpoints taken before their files were kept are compared on their installations only. `previousIsBaseline`:
 * the previous one is the plan's first inventory, its files said « au départ » (else « à l'inventaire précédent »,
 * trial16 C17).
 */
export function checkpointPerimeter(
  previous: Checkpoint | undefined,
  checkpoint: Checkpoint,
  previousIsBaseline = true,
): string | null {
  if (!previous) return null;
  return perimeterNotice(...sides(previous, checkpoint), { from: previousIsBaseline ? "start" : "previous" });
}

/**
 * A checkpoint's perimeter against an earlier one when it covers sharply less of the parc (`narrowerPerimeter`:
 * fewer files, fewer than half the installations, or under seven tenths with whole products gone), else null:
 * `addCheckpoint` asks the DSI to confirm it.
 */
export function narrowerCheckpoint(
  reference: Checkpoint,
  checkpoint: Checkpoint,
): "files" | "installations" | "entities" | "products" | null {
  return narrowerPerimeter(...sides(reference, checkpoint), goneProducts(reference, checkpoint).length);
}

/** The exposed products of `reference` that `checkpoint` does not count at all (classified since: not gone). */
export function goneProducts(reference: Checkpoint, checkpoint: Checkpoint): Dependency[] {
  return diff(reference, checkpoint).removed.filter((d) => d.installations > 0);
}

/** « 11 installations dans 2 fichiers » (the files only when the checkpoint kept them). */
export function perimeterText(c: Checkpoint): string {
  const installations = countText("installation", c.installations, formatInt(c.installations));
  return c.files?.length
    ? message("tracking.perimeter.side", {
        installations,
        files: countText("file", c.files.length, formatInt(c.files.length)),
      })
    : installations;
}

/**
 * The latest checkpoint against the baseline, when it does not measure the baseline's perimeter: confirmed narrower
 * (`Checkpoint.narrower`), or made of other files (`filesDiffer`). The caveat the plan's headline and the note carry
 * (trial16 C4: « 85 % … le plan est en retard » measured on 2 of 4 files), and whether it is narrower (`narrowed`) —
 * then a planned product it does not count is « absent de ce périmètre », not gone. Installations alone changing by
 * more than a tenth are said under the table only (`checkpointPerimeter`): removing a product lowers them too.
 */
export function perimeterSinceStart(
  baseline: Checkpoint | undefined,
  latest: Checkpoint | undefined,
): { caveat: string; narrowed: boolean } | null {
  if (!baseline || !latest || latest === baseline) return null;
  const [from, to] = sides(baseline, latest);
  const narrowed = latest.narrower === true;
  if (!narrowed && !(from.files.length && filesDiffer(from, to))) return null;
  return {
    caveat: message("tracking.perimeter.sinceStart", {
      now: perimeterText(latest),
      before: perimeterText(baseline),
    }),
    narrowed,
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

/** How a checkpoint stands against the plan: within half a point of the planned value counts as on track. */
/**
 * « narrower »: the checkpoint covers part of the parc only (confirmed), no standing is judged of it; « start »: an
 * inventory of the adoption's own day, after the baseline — nothing can be ahead or late on day 0 (trial18 F6: « le
 * plan est en retard » the day it was adopted, the planned value being the last inventory before the vote).
 */
export type Standing = "ahead" | "on-track" | "late" | "unknown" | "narrower" | "start";
const TOLERANCE = 0.5;

export function standing(measured: number | null, planned: number | null): Standing {
  if (measured === null || planned === null) return "unknown";
  if (measured <= planned - TOLERANCE) return "ahead";
  if (measured <= planned + TOLERANCE) return "on-track";
  return "late";
}

/**
 * What grew while a planned product went down, and so tells where its installations went: its planned replacement;
 * another alternative out of reach of foreign laws (« alternative »: one the catalog gives for it, or of its role);
 * a product of the same role and vendor (« same-vendor »: Windows 10 → Windows 11); another of the same role still
 * exposed (« same-role »: Chrome → Firefox ESR). Counts at the baseline and at the latest checkpoint.
 */
export interface Grown {
  name: string;
  kind: "planned" | "alternative" | "same-vendor" | "same-role";
  before: number;
  now: number;
}

export interface ProductProgress {
  product: PlannedProduct;
  /** Installations at the baseline and at the latest checkpoint. */
  before: number;
  now: number;
  /**
   * in-progress: fewer installations AND the planned replacement (or another alternative, `grown`) grew, or the plan
   * only removes it; fewer: fewer installations, nothing planned in their place seen to grow (trial 11: Windows 10
   * → Debian « en cours » while the workstations went to Windows 11); grew: more installations than at the baseline;
   * outside-perimeter: not in the latest inventory, which covers less of the parc than the baseline
   * (`perimeterSinceStart`): « absent de ce périmètre », not gone (trial16 C4); in-perimeter: in that narrower
   * inventory with fewer installations than at the baseline — the perimeter's doing, not a replacement (trial17 D16).
   */
  state:
    | "replaced"
    | "in-progress"
    | "fewer"
    | "not-started"
    | "grew"
    | "absent"
    | "outside-perimeter"
    | "in-perimeter";
  /** Installations of the planned replacement in the baseline and the latest inventory (0 when it is not seen there). */
  byBefore: number;
  byNow: number;
  /**
   * The data show the replacement: the product is gone AND its planned replacement grew since the baseline. A product
   * just uninstalled while the replacement stayed where it was is only « gone » (trial 8: « Yandex Browser → remplacé
   * par Firefox ESR » with Firefox at 120 before and after). The one test of « remplacé par » everywhere.
   */
  replacedBy: boolean;
  /** What grew while it went down (`Grown`); null when it did not go down or nothing of its role grew. */
  grown: Grown | null;
  /** The planned product whose line says the growth this one cites too, said there once (`shareGrowth`). */
  sharedWith?: string;
  /** The plan removes it without a replacement (« à désinstaller »): fewer installations is the progress itself. */
  removal: boolean;
  late: boolean;
  /** Lines the map did not recognise that carry the planned replacement's name: said, not counted (`unrecognisedLike`). */
  unrecognised?: Unrecognised;
  /** Where it stands, in the words the note and the public page use too (`productStatus`). */
  status: string;
}

export interface CheckpointProgress {
  checkpoint: Checkpoint;
  planned: number | null;
  standing: Standing;
  /** Change of the measure since the previous checkpoint, in points. */
  change: number | null;
  /** Exposed dependencies that were not in the previous checkpoint. */
  appeared: Dependency[];
  /** Exposed dependencies of the previous checkpoint that are gone (none said of a narrower checkpoint). */
  removed: Dependency[];
  /** The perimeter changed since the previous checkpoint: the French notice (`checkpointPerimeter`), else null. */
  perimeter: string | null;
  /** The previous checkpoint's installations (absent for the first). */
  previousInstallations?: number;
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
  /**
   * Lines of the baseline the latest inventory counts under another product (classified by hand since): the starting
   * counts per product follow, the starting percentage is that of its day — the plan's page says so.
   */
  reclassified?: string[];
  /**
   * The latest inventory does not cover the baseline's perimeter (`perimeterSinceStart`): the French caveat the plan's
   * headline and the progress note carry beside its figure and standing (absent otherwise).
   */
  perimeter?: string;
}

function diff(previous: Checkpoint | undefined, current: Checkpoint) {
  if (!previous) return { appeared: [], removed: [] };
  // A line classified since (« Mozila Firefox ESR » as Firefox, an unknown line as Zoom) is counted where the current
  // checkpoint counts it: not a dependency gone and another appeared (trial 12, A5).
  const before = new Set(rebased(previous, current).dependencies.map((d) => d.key));
  const after = new Set(current.dependencies.map((d) => d.key));
  return {
    // Free software that appears is an alternative taken up, not a new dependency (trial 13, B3).
    appeared: current.dependencies.filter((d) => !before.has(d.key) && !d.openSource),
    removed: previous.dependencies.filter((d) => !after.has(d.key) && !movedAway(d, current)),
  };
}

/** Every line of `d` is still in `current`, counted under another product (or none) since a classification. */
function movedAway(d: Dependency, current: Checkpoint): boolean {
  if (!d.lines?.length) return false;
  const names = new Set(
    [...current.dependencies, ...(current.others ?? []), { lines: current.unclassified ?? [] }]
      .flatMap((x) => x.lines ?? [])
      .flatMap((l) => l.names),
  );
  return d.lines.every((l) => l.names.some((n) => names.has(n)));
}

function installationsOf(checkpoint: Checkpoint | undefined, product: PlannedProduct): number {
  if (!checkpoint) return 0;
  const key = dependencyKey(product.name, product.productId);
  const folded = foldText(product.name);
  // A row of some editions counts their lines only (a checkpoint kept without its lines counts the product whole).
  const own = product.lines?.length ? new Set(product.lines.map(foldText)) : null;
  const counted = (d: Dependency) =>
    own && d.lines
      ? d.lines.filter((l) => l.names.some((n) => own.has(n))).reduce((s, l) => s + l.installations, 0)
      : d.installations;
  const all = checkpoint.dependencies
    .filter((d) => d.key === key || (!product.productId && foldText(d.name) === folded))
    .reduce((s, d) => s + counted(d), 0);
  // The postes kept under their system are no installations left to replace.
  return Math.max(0, all - (product.kept ?? 0));
}

const words = (name: string) =>
  new Set(
    foldText(name)
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
  );

/**
 * Whether a name as the roadmap or the catalog gives it and one of an inventory's lines name one product: the words
 * of one contain those of the other (« ESET PROTECT » installed as « ESET Endpoint Security / PROTECT », « Element
 * (protocole Matrix) » as « Element »).
 */
function sameProduct(a: string, b: string): boolean {
  const x = words(a);
  const y = words(b);
  const [small, large] = x.size < y.size ? [x, y] : [y, x];
  return small.size > 0 && [...small].every((w) => large.has(w));
}

/**
 * Installations of a planned replacement in a checkpoint, by its name as the roadmap gives it (`sameProduct`): only
 * lines the map recognised as a product — the plan counts what the map counts (trial 13, B2: « Debian est passé de 0 à
 * 120 » while the map said the line was only « à vérifier »). A line the map did not recognise is `unrecognisedLike`.
 */
function replacementInstallations(checkpoint: Checkpoint | undefined, by: string | null): number {
  if (!checkpoint || !by) return 0;
  return [...checkpoint.dependencies, ...(checkpoint.others ?? [])]
    .filter((d) => (d as Dependency).productId !== null && sameProduct(d.name, by))
    .reduce((s, d) => s + d.installations, 0);
}

/**
 * Lines the map did not recognise whose name starts with the planned replacement's (« Libre Office 7.6 », « Debian
 * GNU/Linux 12 » while the map said « à vérifier »): not counted, but said — the replacement may be there under a
 * name to classify, so its growth is no « sans que l'alternative prévue progresse » (trial 12, A5).
 */
function unrecognisedLike(checkpoint: Checkpoint | undefined, by: string | null): Unrecognised | null {
  if (!checkpoint || !by) return null;
  const lines = [
    ...checkpoint.dependencies.filter((d) => d.productId === null && namedLike(d.name, by)),
    ...(checkpoint.unclassified ?? [])
      .filter((l) => l.names.some((n) => namedLike(n, by)))
      .map((l) => ({ name: l.label ?? l.names[0]!, installations: l.installations })),
  ];
  if (!lines.length) return null;
  return {
    names: [...new Set(lines.map((l) => l.name))],
    installations: lines.reduce((s, l) => s + l.installations, 0),
  };
}

/** Lines of the latest inventory the map did not recognise that carry the planned replacement's name. */
export interface Unrecognised {
  names: string[];
  installations: number;
}

/** Every product a checkpoint counts, exposed or not, by folded name. */
function productsIn(checkpoint: Checkpoint | undefined) {
  const out = new Map<string, OtherProduct & { exposed: boolean }>();
  for (const [list, exposed] of [
    [checkpoint?.dependencies ?? [], true],
    [checkpoint?.others ?? [], false],
  ] as const)
    for (const d of list) {
      const key = foldText(d.name);
      const seen = out.get(key);
      if (seen) seen.installations += d.installations;
      else out.set(key, { name: d.name, installations: d.installations, role: d.role, vendor: d.vendor, exposed });
    }
  return out;
}

/** The word a roadmap puts in place of a replacement for a product to uninstall (`from-draft.ts`). */
const isRemoval = (by: string | null) => !!by && foldText(by) === foldText(message("tracking.fromDraft.removal"));

/**
 * What grew between the baseline and the latest checkpoint while `product` went down (`Grown`): its planned
 * replacement first, then an alternative out of reach of foreign laws, then a product of its role and vendor, then
 * another of its role; of several, the one that grew most. Roles, vendors and alternatives are those the checkpoints
 * kept (none on checkpoints recorded before them: only the planned replacement is then looked for).
 */
function grownInstead(
  product: PlannedProduct,
  baseline: Checkpoint | undefined,
  last: Checkpoint | undefined,
  planned: PlannedProduct[] = [],
): Grown | null {
  if (!isRemoval(product.by)) {
    const byBefore = replacementInstallations(baseline, product.by);
    const byNow = replacementInstallations(last, product.by);
    if (product.by && byNow > byBefore) return { name: product.by, kind: "planned", before: byBefore, now: byNow };
  }
  const key = dependencyKey(product.name, product.productId);
  const own = [...(baseline?.dependencies ?? []), ...(last?.dependencies ?? [])].find(
    (d) => d.key === key || (!product.productId && foldText(d.name) === foldText(product.name)),
  );
  const role = own?.role ?? null;
  const vendor = own?.vendor ? foldText(own.vendor) : null;
  const alternatives = own?.alternatives ?? [];
  const before = productsIn(baseline);
  const grown = [...productsIn(last)]
    .map(([k, p]) => ({ ...p, before: before.get(k)?.installations ?? 0 }))
    .filter((p) => p.installations > p.before && foldText(p.name) !== foldText(own?.name ?? product.name))
    .sort((a, b) => b.installations - b.before - (a.installations - a.before));
  const sameRole = (p: (typeof grown)[number]) => !!role && p.role === role;
  // The planned replacement of another product of the plan grew for that product (the plan's own mapping), not as
  // « autre alternative » of this one (trial 13, B3: Nextcloud for OneDrive, not for Teams).
  // … unless that product did not go down and is of another role than this one, of which the grown product is an
  // alternative (its role, or the catalog's alternatives):
  // Debian planned for the Windows Servers that did not move is Windows 10's other alternative when 21 postes left
  // Windows 10 (trial22 T-M7); BigBlueButton planned for GoToMeeting stays GoToMeeting's beside Webex (same role).
  const othersPlanned = planned.filter((x) => x !== product && x.by && !isRemoval(x.by));
  const roleOf = (x: PlannedProduct) => {
    const k = dependencyKey(x.name, x.productId);
    return [...(baseline?.dependencies ?? []), ...(last?.dependencies ?? [])].find((d) => d.key === k)?.role ?? null;
  };
  const ownRoleOnly = (x: PlannedProduct, p: (typeof grown)[number]) =>
    installationsOf(last, x) >= installationsOf(baseline, x) &&
    !!role &&
    !!roleOf(x) &&
    roleOf(x) !== role &&
    (sameRole(p) || alternatives.some((a) => sameProduct(a, p.name)));
  const plannedForAnother = (p: (typeof grown)[number]) =>
    othersPlanned.some((x) => sameProduct(x.by!, p.name) && !ownRoleOnly(x, p)) &&
    !(product.by && sameProduct(product.by, p.name));
  const pick = (kind: Grown["kind"], test: (p: (typeof grown)[number]) => boolean): Grown | null => {
    const p = grown.find(test);
    return p ? { name: p.name, kind, before: p.before, now: p.installations } : null;
  };
  return (
    pick(
      "alternative",
      (p) => !p.exposed && !plannedForAnother(p) && (sameRole(p) || alternatives.some((a) => sameProduct(a, p.name))),
    ) ??
    pick("same-vendor", (p) => sameRole(p) && !!vendor && !!p.vendor && foldText(p.vendor) === vendor) ??
    pick("same-role", (p) => sameRole(p) && p.exposed)
  );
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
    // Editions planned apart stay apart (`lines`).
    const key = `${dependencyKey(p.name, p.productId)}${p.lines?.length ? JSON.stringify([...p.lines].sort()) : ""}`;
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, p);
    else if (p.dueDate && (!seen.dueDate || p.dueDate < seen.dueDate)) {
      // A date, from either name, wins over « au-delà de l'objectif ».
      const { beyondTarget: _, ...dated } = seen;
      byKey.set(key, { ...dated, dueDate: p.dueDate });
    }
  }
  return [...byKey.values()];
}

/**
 * Whether a dependency a checkpoint no longer counts is absent from its perimeter rather than gone: the perimeter
 * changed since the inventory before (`perimeter`: fewer installations by more than a tenth, other files) and nothing
 * of the dependency's category is left in it (trial21 T-M14: the first page of a GLPI list, −28 %, had Java SE,
 * FortiClient, Dropbox, Veeam … « qui ont disparu »). A replacement leaves the category counted (its alternative, or
 * another product of it).
 */
function outsidePerimeter(d: Dependency, c: CheckpointProgress): boolean {
  const fewer = c.checkpoint.installations < (c.previousInstallations ?? Number.POSITIVE_INFINITY);
  return !!c.perimeter && fewer && !!d.category && !c.checkpoint.dependencies.some((x) => x.category === d.category);
}

/** Progress of a plan at `today` (`YYYY-MM-DD`). */
export function progressOf(plan: Plan, today: string): Progress {
  const start = planStartDay(plan);
  const checkpoints = plan.checkpoints.map((checkpoint, i) => {
    const previous = plan.checkpoints[i - 1];
    const planned = plannedValue(plan, checkpoint.date);
    // No change computed across two perimeters: from the whole parc to part of it, or back (trial17 D9: « +11
    // points » between 2 406 installations and 11).
    const samePerimeter = !!previous && !!previous.narrower === !!checkpoint.narrower;
    const change =
      previous && samePerimeter && previous.value !== null && checkpoint.value !== null
        ? round1(checkpoint.value - previous.value)
        : null;
    // An inventory of part of the parc (trial16 C4) lacks what its files do not cover: nothing is said gone from it.
    // Back on the whole parc, what it lacked is no « nouvelle dépendance »: compared with the last whole inventory.
    const compared = checkpoint.narrower
      ? previous
      : (plan.checkpoints.slice(0, i).findLast((c) => !c.narrower) ?? previous);
    const { appeared, removed } = diff(compared, checkpoint);
    return {
      checkpoint,
      planned,
      // Part of the parc measures no standing against a value planned for all of it (trial17 D9: « le plan est en
      // retard » of a 2-file inventory confirmed as such).
      standing: checkpoint.narrower
        ? ("narrower" as const)
        : i > 0 && checkpoint.date === start
          ? ("start" as const)
          : standing(checkpoint.value, planned),
      change,
      appeared,
      removed: checkpoint.narrower ? [] : removed,
      perimeter: checkpointPerimeter(previous, checkpoint, i === 1),
      ...(previous ? { previousInstallations: previous.installations } : {}),
    };
  });
  const latest = checkpoints.at(-1) ?? null;
  const milestones = plan.milestones.map((milestone): MilestoneProgress => {
    // An inventory of part of the parc judges no milestone (trial16 C4: 2 of 4 files could read « atteint »).
    const after = plan.checkpoints.find((c) => c.date >= milestone.date && c.value !== null && !c.narrower);
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
  const last = plan.checkpoints.at(-1);
  // The starting counts follow the latest classification: a line classified by hand since the adoption is counted,
  // at the start too, under the product it was classified as (trial 12: LibreOffice from 390, not 240).
  const baseline = plan.checkpoints[0] ? rebased(plan.checkpoints[0], last) : undefined;
  const planned = plannedProducts(plan.products);
  const sinceStart = perimeterSinceStart(plan.checkpoints[0], last);
  const products = shareGrowth(
    planned.map((product): ProductProgress => {
      const before = installationsOf(baseline, product);
      const now = installationsOf(last, product);
      const removal = isRemoval(product.by);
      const byBefore = removal ? 0 : replacementInstallations(baseline, product.by);
      const byNow = removal ? 0 : replacementInstallations(last, product.by);
      // The planned replacement that grew while the product stayed where it was is said beside it (trial 13, B3:
      // « OneDrive : pas encore commencé » while Nextcloud, its planned replacement, went from 0 to 400).
      // (Not when another product of the plan that went down is credited with that growth: trial22 T-M7.)
      const creditedElsewhere = (name: string) =>
        planned.some(
          (other) =>
            other !== product &&
            installationsOf(last, other) < installationsOf(baseline, other) &&
            sameProduct(name, grownInstead(other, baseline, last, planned)?.name ?? ""),
        );
      const grown =
        before > 0 && now < before
          ? grownInstead(product, baseline, last, planned)
          : before > 0 && now === before && product.by && byNow > byBefore && !creditedElsewhere(product.by)
            ? { name: product.by, kind: "planned" as const, before: byBefore, now: byNow }
            : null;
      // « En cours » only where the data show the move: the planned replacement (or another alternative) grew, or the
      // plan only removes the product.
      const moving = removal || grown?.kind === "planned" || grown?.kind === "alternative";
      const state: ProductProgress["state"] =
        before === 0
          ? "absent"
          : now === 0
            ? sinceStart?.narrowed
              ? "outside-perimeter"
              : "replaced"
            : now < before
              ? // Fewer in an inventory of part of the parc: the perimeter's doing, not a replacement's (trial17 D16:
                // Kaspersky 182 → 1 « moins d'installations, sans que l'alternative prévue apparaisse »).
                sinceStart?.narrowed
                ? "in-perimeter"
                : moving
                  ? "in-progress"
                  : "fewer"
              : now > before
                ? "grew"
                : "not-started";
      // Outside the latest inventory's perimeter: whether it is still installed is not known, so not « late » either.
      const late =
        state !== "replaced" &&
        state !== "absent" &&
        state !== "outside-perimeter" &&
        state !== "in-perimeter" &&
        product.dueDate !== null &&
        product.dueDate < today;
      const replacedBy = state === "replaced" && byNow > byBefore;
      const unrecognised = removal ? null : unrecognisedLike(last, product.by);
      const facts = {
        state,
        by: product.by,
        byNow,
        replacedBy,
        grown,
        removal,
        before,
        now,
        ...(unrecognised ? { unrecognised } : {}),
      };
      return {
        product,
        before,
        now,
        state,
        byBefore,
        byNow,
        replacedBy,
        grown,
        removal,
        late,
        ...(unrecognised ? { unrecognised } : {}),
        status: productStatus(facts),
      };
    }),
  );
  const targetMet =
    !!latest &&
    !latest.checkpoint.narrower &&
    latest.checkpoint.value !== null &&
    latest.checkpoint.value <= plan.target.value + TOLERANCE / 10;
  const reclassified = plan.checkpoints[0] ? reclassifiedLines(plan.checkpoints[0], last) : [];
  return {
    latest,
    checkpoints,
    milestones,
    products,
    targetMet,
    ...(reclassified.length ? { reclassified } : {}),
    ...(sinceStart ? { perimeter: sinceStart.caveat } : {}),
  };
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
    /** Its perimeter differs from the previous checkpoint's: the notice the page shows (absent when not, or before). */
    perimeter?: string;
    /** It covers part of the parc only, confirmed by the DSI: its figure is compared with nothing planned. */
    narrower?: true;
  }[];
  /** Since the previous publication (or the baseline): what changed, in plain words built by the page. */
  changes: {
    replaced: string[];
    /**
     * Products of the previous inventory that a checkpoint of another perimeter (its notice says so) counts nothing of,
     * nor of their category: absent from the part of the parc it covers, not gone (trial21 T-M14).
     */
    outside?: string[];
    appeared: string[];
    events: { date: string; text: string }[];
    /** What the changes are counted from: the previous publication, or the plan's adoption for a first one. */
    since?: "publication" | "adoption";
    /** Since the adoption: the day of the inventory compared with, when a later one than the baseline preceded the vote. */
    from?: string;
    /**
     * What changed between the baseline and that inventory (`from`), before the plan existed: the measure at both and
     * the dependencies gone — said plainly above « Aucune depuis l'adoption » (trial12 B3: a citizen read « nothing
     * changed » under a table going from 90 % to 77 %).
     */
    beforeAdoption?: { from: string; to: string; fromValue: number | null; toValue: number | null; replaced: string[] };
  };
  /** `byNote`: what a reader must know of the replacement (« toujours sous juridiction extra-européenne : gain limité »). */
  products: {
    name: string;
    by: string | null;
    byNote?: string | null;
    state: ProductProgress["state"];
    /** Replaced, and the planned replacement is in the latest inventory: « remplacé par … ». */
    byInInventory?: boolean;
    /**
     * Installations of the planned replacement in the latest inventory, and what grew while the product went down
     * (`Grown`; its name left out when products are grouped by category): what the page's words say (`productStatus`).
     * Absent from snapshots published before trial 11.
     */
    byNow?: number;
    grown?: (Omit<Grown, "name"> & { name: string | null }) | null;
    removal?: boolean;
    /** Its installations at the baseline and at the latest inventory (absent from snapshots before trial 12). */
    before?: number;
    now?: number;
    /** Lines the map did not recognise that carry the planned replacement's name (absent before trial 13). */
    unrecognised?: Unrecognised;
    /** The line that says the growth this one cites too (`shareGrowth`; absent before trial23). */
    sharedWith?: string;
    dueDate: string | null;
    /** Beyond what the objective needs, to be scheduled (`PlannedProduct`; absent before round 17). */
    beyondTarget?: true;
  }[];
  events: { date: string; text: string }[];
  publishedAt: string;
  licence: Publication["licence"];
  /** The publisher ticked « J'ai relu les chiffres… » before publishing: only then does the page say so. */
  reviewed?: boolean;
  /**
   * The latest inventory does not cover the baseline's perimeter (`Progress.perimeter`): the caveat said beside its
   * figure (absent otherwise, and from snapshots before round 20).
   */
  perimeter?: string;
  /**
   * How the plan was made: adopted from a saved roadmap (« inscrit dans sa feuille de route ») or typed directly
   * (« a adopté un plan »; trial12 A8). Absent from snapshots before trial 12: the words true of both are used.
   */
  origin?: "roadmap" | "direct";
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
  // A product gone whose vendor has another of the same category in that inventory (Windows 7 gone, Windows 11
  // there): the dependency stays, and the citizen reads it (trial20 N-D1).
  // (Only a product that appeared or grew since the inventory before: Firefox there all along, with the same count,
  // replaced nothing of Thunderbird — trial21 T-H12.)
  const goneLabel = (d: Dependency, c: CheckpointProgress) => {
    const prior = progress.checkpoints[progress.checkpoints.indexOf(c) - 1]?.checkpoint.dependencies ?? [];
    const successor = options.groupProducts ? undefined : sameVendorSuccessor(d, c.checkpoint.dependencies, prior);
    return successor
      ? message("tracking.public.sameVendorSuccessor", { name: label(d), successor: successor.name })
      : label(d);
  };
  const categoryOfProduct = (p: PlannedProduct) =>
    plan.checkpoints[0]?.dependencies.find((d) => d.key === dependencyKey(p.name, p.productId))?.category ?? null;
  // The line a shared growth is said on, as the page names it.
  const sharedName = (name: string) => {
    if (!options.groupProducts) return name;
    const owner = progress.products.find((x) => x.product.name === name);
    return options.categoryLabel(owner ? categoryOfProduct(owner.product) : null);
  };
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
      ...(c.perimeter ? { perimeter: c.perimeter } : {}),
      ...(c.checkpoint.narrower ? { narrower: true as const } : {}),
    })),
    changes: {
      // A product gone whose vendor has another of the same category in that inventory (Windows 7 gone, Windows 11
      // there): the dependency stays, and the citizen reads it (trial20 N-D1).
      replaced: unique(
        changedCheckpoints.flatMap((c) => c.removed.filter((d) => !outsidePerimeter(d, c)).map((d) => goneLabel(d, c))),
      ),
      // (What an inventory of another perimeter counts nothing of in its category: absent from it, not gone.)
      outside: unique(changedCheckpoints.flatMap((c) => c.removed.filter((d) => outsidePerimeter(d, c)).map(label))),
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
      // The inventory a first publication counts from, when it is not the baseline (taken between it and the vote),
      // and what changed before it.
      ...(!previous && start && start !== plan.checkpoints[0]
        ? { from: start.date, beforeAdoption: beforeAdoption(plan, progress, start, goneLabel) }
        : {}),
    },
    products: progress.products.map((p) => ({
      name: options.groupProducts ? options.categoryLabel(categoryOfProduct(p.product)) : p.product.name,
      by: p.product.by,
      // The postes kept under their system are said beside the replacement (trial20 N-H4).
      byNote:
        [options.replacementNote?.(p.product.productId, p.product.by), p.product.keptNote]
          .filter(Boolean)
          .join(" ; ") || null,
      state: p.state,
      ...(p.replacedBy ? { byInInventory: true } : {}),
      byNow: p.byNow,
      // The planned replacement is on the page anyway; another product is named only where products are.
      grown: p.grown && options.groupProducts && p.grown.kind !== "planned" ? { ...p.grown, name: null } : p.grown,
      removal: p.removal,
      before: p.before,
      now: p.now,
      ...(p.unrecognised && !options.groupProducts ? { unrecognised: p.unrecognised } : {}),
      ...(p.sharedWith ? { sharedWith: sharedName(p.sharedWith) } : {}),
      dueDate: p.product.dueDate,
      ...(p.product.beyondTarget && !p.product.dueDate ? { beyondTarget: true as const } : {}),
    })),
    events: plan.events.map((e) => ({ date: e.date, text: e.text })),
    publishedAt: options.now.toISOString(),
    licence: options.licence,
    reviewed: options.reviewed ?? false,
    origin: plan.source ? "roadmap" : "direct",
    ...(progress.perimeter ? { perimeter: progress.perimeter } : {}),
  };
}

/** What changed from the baseline to the inventory the plan starts from, taken before the adoption (`PublicSnapshot`). */
function beforeAdoption(
  plan: Plan,
  progress: Progress,
  start: Checkpoint,
  label: (d: Dependency, c: CheckpointProgress) => string,
): NonNullable<PublicSnapshot["changes"]["beforeAdoption"]> {
  const baseline = plan.checkpoints[0]!;
  const upTo = plan.checkpoints.indexOf(start);
  const replaced = progress.checkpoints.slice(1, upTo + 1).flatMap((c) => c.removed.map((d) => label(d, c)));
  return {
    from: baseline.date,
    to: start.date,
    fromValue: baseline.value,
    toValue: start.value,
    replaced: [...new Set(replaced)],
  };
}

/**
 * Another product of `d`'s vendor and category among `current` (« Windows 11 » for « Windows 7 »), if any, that
 * appeared or grew since the inventory before (`prior`): one there all along replaced nothing.
 */
function sameVendorSuccessor(d: Dependency, current: Dependency[], prior: Dependency[]): Dependency | undefined {
  if (!d.vendor || !d.category) return undefined;
  const before = (x: Dependency) => prior.find((p) => p.key === x.key)?.installations ?? 0;
  return current.find(
    (x) => x.key !== d.key && x.vendor === d.vendor && x.category === d.category && x.installations > before(x),
  );
}
