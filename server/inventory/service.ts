/**
 * Saved inventory analyses: analyse (in the worker for uploads, in-process for the CLI), save compactly, list
 * summaries, read one page of items at a time, rename, delete, export as CSV/ODS, compare two analyses.
 *
 * Storage: `records("analyses")/<id>.json` holds the small part (name, files, summary, counts, fingerprint) —
 * what lists read; `records("analysis-tables")/<id>.bin` holds the items and unknown items as compact tables
 * (`compact.ts`). Records of older versions (the whole analysis in one JSON) are still read.
 */
import { AppError } from "../core/errors.ts";
import { fold, frenchDate, frenchDateTime, slugify, timeZone } from "../core/text.ts";
import { message } from "../i18n/messages.ts";
import { newRecordId, updateOnRevision } from "../store/records.ts";
import { catalogChangesOf } from "./catalog-changes.ts";
import { countByCategory, productKeyOf } from "./category-counts.ts";
import { type InventoryContext, loadClassifications } from "./classifications.ts";
import { checkCollectivite, oneLine, sameCollectivite } from "./collectivite.ts";
import {
  type CompactTable,
  type CompactTables,
  column,
  encodeTable,
  packTables,
  tableRows,
  unpackTables,
} from "./compact.ts";
import { type ExportedFile, type ExportFormat, exportMap } from "./export.ts";
import { analysisDay, checkInventoryDate, newestDay } from "./inventory-date.ts";
import { type AnalysisJob, type AnalysisOutput, type MultipartBody, type ReusedOutput, runAnalysisJob } from "./job.ts";
import { loadMatchIndex } from "./match.ts";
import type { InventoryFile, InventoryLimits } from "./parse.ts";
import { perimeterNotice } from "./perimeter.ts";
import type { InventoryWorkerPool } from "./pool.ts";
import { categoryExtraEuropean, countryCounts } from "./summary.ts";
import type {
  CatalogChanges,
  InventoryItem,
  InventorySummary,
  ParsedFile,
  SavedAnalysis,
  UnknownItem,
} from "./types.ts";

export type { InventoryContext };

/** The small part of a saved analysis. */
export interface AnalysisRecord {
  id: string;
  /** Given by the DSI (rename); the file names by default. */
  name: string;
  /** The collectivité the inventory is of, when given: comparisons are between analyses of one collectivité. */
  collectivite: string | null;
  createdAt: string;
  updatedAt: string;
  /**
   * The day the inventory describes (`YYYY-MM-DD`): given on import (`given`) or read from the export (`export`);
   * absent or null: the import day (`analysisDay`). Plans date their checkpoints with it.
   */
  inventoryDate?: string | null;
  inventoryDateFrom?: "given" | "export" | null;
  files: ParsedFile[];
  ms: number;
  summary: InventorySummary;
  /** Rows of the stored tables (items include system components). */
  tables: { items: number; unknown: number };
  /** Same files, same catalog, same manual classifications → same fingerprint: a re-upload reuses the analysis. */
  fingerprint: string;
  storage: "compact-v1";
}

export interface AnalysisListEntry {
  id: string;
  name: string;
  collectivite: string | null;
  createdAt: string;
  updatedAt: string;
  inventoryDate: string | null;
  inventoryDateFrom: "given" | "export" | null;
  files: string[];
  /**
   * Asked with a collectivité's name (`?collectivite=`, the plan page): whether this analysis may measure it — the
   * server's one rule (`sameCollectivite`), true for an analysis that names none. Absent otherwise.
   */
  sameCollectivite?: boolean;
  counts: {
    items: number;
    installations: number;
    unknown: number;
    extraEuropeanShare: number | null;
    score: number | null;
  };
}

export interface Page {
  offset: number;
  limit: number;
  /** Rows matching the filters. */
  total: number;
}

/** An analysis as the API returns it: the summary and the first page of items and of unknown items. */
export interface AnalysisView extends Omit<AnalysisRecord, "fingerprint" | "storage"> {
  items: InventoryItem[];
  unknown: UnknownItem[];
  pages: { items: Page; unknown: Page };
  /** Set when an identical upload was answered with the analysis already saved. */
  reused?: boolean;
  notice?: string;
  /** What the catalog says differently today of the map's products (null when nothing changed). */
  catalogChanges: CatalogChanges | null;
  /** Set on a recomputed analysis: the analysis it was recomputed from. */
  recomputedFrom?: { id: string; name: string };
}

export const PAGE_DEFAULT = 100;
export const PAGE_MAX = 500;

const analyses = (ctx: InventoryContext) =>
  ctx.records<AnalysisRecord | (SavedAnalysis & { name?: string })>("analyses");
const tablesStore = (ctx: InventoryContext) => ctx.records<never>("analysis-tables");

// ---------------------------------------------------------------------------------------------------------
// Analysing

export interface UploadOptions {
  pool?: InventoryWorkerPool;
  timeoutMs?: number;
  limits?: Partial<InventoryLimits>;
  collectivite?: string | null;
}

const defaultName = (files: { name: string }[]) =>
  cut(files.map((f) => f.name).join(", "), 200) || message("inventory.defaultFileName");
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function newRecord(
  output: AnalysisOutput,
  fingerprint: string,
  collectivite: string | null,
  given: string | null = null,
): AnalysisRecord {
  const now = new Date().toISOString();
  // The date typed on import wins; else the newest date the export itself carries; else none (the import day).
  const chosen = given ?? output.inventoryDate ?? null;
  const read = chosen ? null : newestDay(output.files.map((f) => f.inventoryDate ?? null));
  return {
    id: newRecordId(),
    name: defaultName(output.files),
    collectivite,
    createdAt: now,
    updatedAt: now,
    inventoryDate: chosen ?? read,
    inventoryDateFrom: chosen ? "given" : read ? "export" : null,
    files: output.files,
    ms: output.ms,
    summary: output.summary,
    tables: output.counts,
    fingerprint,
    storage: "compact-v1",
  };
}

async function save(ctx: InventoryContext, record: AnalysisRecord, blob: Uint8Array) {
  // The tables first: a record never points to missing items.
  await tablesStore(ctx).putBytes(record.id, blob);
  await analyses(ctx).put(record.id, record);
  known(ctx).set(record.id, record);
}

/** What was uploaded: the files, or the multipart body that holds them (parsed in the worker). */
export interface Upload {
  files?: InventoryFile[];
  multipart?: MultipartBody;
  collectivite?: string | null;
  /** The day the export describes, as the DSI gave it (query `inventoryDate`); checked here. */
  inventoryDate?: string | null;
}

/**
 * An uploaded inventory: parsed and analysed in the worker, saved compactly; an identical upload (same files,
 * catalog and classifications) returns the analysis already saved, marked `reused`.
 */
export async function analyzeUpload(
  ctx: InventoryContext,
  upload: Upload,
  options: UploadOptions = {},
): Promise<AnalysisView> {
  if (!upload.multipart && !upload.files?.length) throw new AppError("no_file", message("inventory.error.noFile"));
  const given = checkInventoryDate(upload.inventoryDate);
  const typed = checkCollectivite(upload.collectivite);
  const classifications = [...(await loadClassifications(ctx)).entries()];
  const saved = await savedRecords(ctx);
  const job: AnalysisJob = {
    files: upload.files,
    multipart: upload.multipart,
    known: saved.map((r) => r.fingerprint).filter(Boolean),
    corpusDir: ctx.config.corpusDir,
    classifications,
    limits: options.limits,
    firstPage: PAGE_DEFAULT,
    collectivite: typed,
  };
  const transfer = upload.multipart
    ? ownBuffers([upload.multipart.bytes])
    : ownBuffers((upload.files ?? []).map((f) => f.bytes));
  const output = await runJob(job, options, transfer);
  // Typed in the query, or in the multipart form (read by the worker, for an identical upload too).
  const collectivite = typed ?? oneLine(output.collectivite);
  return keep(
    ctx,
    output,
    saved,
    (record) => ({ ...record, collectivite }),
    given ?? output.inventoryDate ?? null,
    collectivite,
  );
}

function runJob(job: AnalysisJob, options: UploadOptions, transfer: ArrayBuffer[]) {
  return options.pool
    ? options.pool.run<AnalysisOutput | ReusedOutput>({ kind: "analyze", job }, options.timeoutMs ?? 120_000, transfer)
    : runAnalysisJob(job);
}

/** Saves a new analysis (named by `name`), or answers with the saved one an identical job found. */
async function keep(
  ctx: InventoryContext,
  output: AnalysisOutput | ReusedOutput,
  saved: AnalysisRecord[],
  shape: (record: AnalysisRecord) => AnalysisRecord,
  given: string | null = null,
  typed: string | null = null,
): Promise<AnalysisView> {
  if (output.reused) {
    let existing = saved.find((r) => r.fingerprint === output.fingerprint);
    // The same files sent again with the date of their export: the saved analysis, undated, takes that date (no
    // duplicate). One already dated keeps its date — a plan may measure it on that day — and the notice says how to
    // change it (trial18 F18: re-sent with another date, it was re-dated without a word of its former date).
    const redated = !!existing && !!given && !existing.inventoryDate;
    const keptDate = !!existing?.inventoryDate && !!given && given !== existing.inventoryDate;
    // … or with the collectivité typed this time: an analysis saved without one takes it; one saved under another
    // name keeps its own (a plan may follow it), and the notice says so (round 17: the name was silently lost).
    const named = !!existing && !!typed && !existing.collectivite;
    const other = !!existing && !!typed && !!existing.collectivite && !sameCollectivite(existing.collectivite, typed);
    if (existing && (redated || named))
      existing = await updateRecord(ctx, existing.id, {
        ...(redated ? { inventoryDate: given, inventoryDateFrom: "given" as const } : {}),
        ...(named ? { collectivite: typed } : {}),
      });
    if (existing) {
      const view = await viewOf(ctx, existing, PAGE_DEFAULT);
      const date = frenchDateTime(existing.createdAt);
      const said = named
        ? message("inventory.reused.named", { collectivite: typed! })
        : other
          ? message("inventory.reused.otherCollectivite", { collectivite: existing.collectivite!, typed: typed! })
          : null;
      const notice = redated
        ? message("inventory.inventoryDate.updated", {
            date,
            name: existing.name,
            inventoryDate: frenchDate(given!),
          })
        : keptDate
          ? message("inventory.inventoryDate.kept", {
              date,
              name: existing.name,
              inventoryDate: frenchDate(existing.inventoryDate!),
              given: frenchDate(given!),
            })
          : message("inventory.reused", { date, name: existing.name });
      return { ...view, reused: true, notice: said ? `${notice} ${said}` : notice };
    }
    // Deleted between the check and now (the files went to the worker: they cannot be analysed again here).
    throw new AppError("analysis_gone", message("inventory.error.reusedGone"), 409);
  }
  const record = shape(newRecord(output, output.fingerprint, null, given));
  await save(ctx, record, output.blob);
  return {
    ...publicPart(record),
    items: output.firstItems,
    unknown: output.firstUnknown,
    pages: {
      items: { offset: 0, limit: PAGE_DEFAULT, total: output.counts.items },
      unknown: { offset: 0, limit: PAGE_DEFAULT, total: output.counts.unknown },
    },
    catalogChanges: null,
  };
}

/**
 * A saved analysis analysed again from the same inventory (the rows kept with it, or its lines for an analysis saved
 * before rows were kept) with today's catalog and classifications, saved as a new analysis of the same collectivité:
 * the one recomputed keeps its figures as published, and the two can be compared. Recomputing twice with nothing
 * changed answers with the first recomputation.
 */
export async function recomputeAnalysis(
  ctx: InventoryContext,
  id: string,
  options: UploadOptions = {},
): Promise<AnalysisView> {
  const source = await readRecord(ctx, id);
  let blob = await tablesStore(ctx).getBytes(id);
  if (!blob) blob = packTables(await loadTables(ctx, id));
  // The bytes move to the worker: a view over a larger buffer is copied first.
  const own = blob.byteOffset === 0 && blob.byteLength === blob.buffer.byteLength ? blob : blob.slice();
  const classifications = [...(await loadClassifications(ctx)).entries()];
  const saved = await savedRecords(ctx);
  const job: AnalysisJob = {
    source: { id, blob: own, files: source.files },
    known: saved.map((r) => r.fingerprint).filter(Boolean),
    corpusDir: ctx.config.corpusDir,
    classifications,
    firstPage: PAGE_DEFAULT,
    collectivite: source.collectivite ?? null,
  };
  const output = await runJob(job, options, options.pool ? [own.buffer as ArrayBuffer] : []);
  const view = await keep(ctx, output, saved, (record) => ({
    ...record,
    name: cut(message("inventory.recomputed.name", { name: source.name, date: frenchDay(record.createdAt) }), 200),
    collectivite: source.collectivite,
    // The same inventory with today's catalog: it still describes the day the recomputed one did.
    inventoryDate: analysisDay(source),
    inventoryDateFrom: source.inventoryDateFrom ?? "given",
  }));
  return { ...view, recomputedFrom: { id: source.id, name: source.name } };
}

/** Buffers that move to the worker rather than being copied: only those a view covers whole. */
function ownBuffers(views: Uint8Array[]): ArrayBuffer[] {
  const seen = new Set<ArrayBuffer>();
  for (const v of views) {
    const b = v.buffer as ArrayBuffer;
    if (v.byteOffset === 0 && b.byteLength === v.byteLength) seen.add(b);
  }
  return [...seen];
}

/**
 * The whole analysis, in-process (the CLI and the benchmark): parses, classifies and maps, then saves it compactly
 * (unless `save` is false).
 * @example
 * const analysis = await analyzeInventory(engine, [{ name: "glpi.csv", bytes }]);
 * analysis.summary.score.value; // 0 to 100
 */
export async function analyzeInventory(
  ctx: InventoryContext,
  files: InventoryFile[],
  options: { save?: boolean; limits?: Partial<InventoryLimits>; inventoryDate?: string | null } = {},
): Promise<SavedAnalysis> {
  const given = checkInventoryDate(options.inventoryDate);
  const classifications = [...(await loadClassifications(ctx)).entries()];
  const output = (await runAnalysisJob({
    files,
    corpusDir: ctx.config.corpusDir,
    classifications,
    limits: options.limits,
    firstPage: 0,
    full: true,
  })) as AnalysisOutput;
  const record = newRecord(output, output.fingerprint, null, given);
  if (options.save !== false) await save(ctx, record, output.blob);
  return {
    id: record.id,
    createdAt: record.createdAt,
    inventoryDate: record.inventoryDate ?? null,
    files: record.files,
    ms: record.ms,
    items: output.items!,
    summary: output.summary,
    unknown: output.unknown!,
  };
}

/** The small records already read, per context: a list or an upload reads only records it has not seen. */
const recordCache = new WeakMap<object, Map<string, AnalysisRecord | null>>();
const known = (ctx: InventoryContext) => {
  let m = recordCache.get(ctx);
  if (!m) recordCache.set(ctx, (m = new Map()));
  return m;
};

/** Every saved analysis that can be read, in no order. */
async function allRecords(ctx: InventoryContext): Promise<AnalysisRecord[]> {
  const ids = await analyses(ctx).ids();
  const cached = known(ctx);
  const present = new Set(ids);
  for (const id of cached.keys()) if (!present.has(id)) cached.delete(id);
  // The collection may also hold analyses saved by hand or by older versions: what cannot be read is skipped.
  await Promise.all(
    ids.filter((id) => !cached.has(id)).map(async (id) => cached.set(id, await readRecord(ctx, id).catch(() => null))),
  );
  return ids.map((id) => cached.get(id)).filter((r): r is AnalysisRecord => !!r && !!r.summary);
}

/** Saved analyses of this version (with a fingerprint). */
async function savedRecords(ctx: InventoryContext): Promise<AnalysisRecord[]> {
  return (await allRecords(ctx)).filter((r) => !!r.fingerprint);
}

// ---------------------------------------------------------------------------------------------------------
// Reading

const notFound = (id: string) => new AppError("analysis_not_found", message("inventory.error.notFound", { id }), 404);

function publicPart(r: AnalysisRecord): Omit<AnalysisRecord, "fingerprint" | "storage"> {
  const { fingerprint: _f, storage: _s, ...rest } = r;
  return rest;
}

async function readRecord(ctx: InventoryContext, id: string): Promise<AnalysisRecord> {
  const raw = await analyses(ctx).get(id);
  if (!raw || typeof raw !== "object") throw notFound(id);
  if ((raw as AnalysisRecord).storage === "compact-v1") return withCountries(ctx, raw as AnalysisRecord);
  // An analysis saved whole by an older version.
  const legacy = raw as SavedAnalysis & { name?: string };
  if (!Array.isArray(legacy.items)) throw notFound(id);
  const record: AnalysisRecord = {
    id: legacy.id ?? id,
    name: legacy.name ?? defaultName(legacy.files ?? []),
    collectivite: (legacy as { collectivite?: string }).collectivite ?? null,
    createdAt: legacy.createdAt ?? "",
    updatedAt: legacy.createdAt ?? "",
    files: legacy.files ?? [],
    ms: legacy.ms ?? 0,
    summary: legacy.summary,
    tables: { items: legacy.items.length, unknown: Array.isArray(legacy.unknown) ? legacy.unknown.length : 0 },
    fingerprint: "",
    storage: "compact-v1",
  };
  if (record.summary && !upToDate(record.summary)) record.summary = withDerived(record.summary, legacy.items);
  // Stored compactly from now on, once: lists never read the whole analysis again.
  if (record.id === id && legacy.summary && Array.isArray(legacy.files)) {
    const unknown = Array.isArray(legacy.unknown) ? legacy.unknown : [];
    await save(ctx, record, packTables({ items: encodeTable(legacy.items), unknown: encodeTable(unknown) })).catch(
      (err) => console.error(`Analysis ${id} kept in its old form:`, err),
    );
  }
  return record;
}

/** Decoded tables of the last analyses read, per context (paging through a large map reads them once). */
const cache = new WeakMap<object, Map<string, Promise<CompactTables>>>();
const CACHED = 3;

function loadTables(ctx: InventoryContext, id: string): Promise<CompactTables> {
  let perCtx = cache.get(ctx);
  if (!perCtx) cache.set(ctx, (perCtx = new Map()));
  const hit = perCtx.get(id);
  if (hit) {
    perCtx.delete(id);
    perCtx.set(id, hit);
    return hit;
  }
  const loading = (async () => {
    const bytes = await tablesStore(ctx).getBytes(id);
    if (bytes) return unpackTables(bytes);
    const raw = (await analyses(ctx).get(id)) as SavedAnalysis | null;
    if (raw && Array.isArray(raw.items))
      return { items: encodeTable(raw.items), unknown: encodeTable(Array.isArray(raw.unknown) ? raw.unknown : []) };
    throw notFound(id);
  })();
  perCtx.set(id, loading);
  loading.catch(() => perCtx.delete(id));
  while (perCtx.size > CACHED) perCtx.delete(perCtx.keys().next().value!);
  return loading;
}

const forget = (ctx: InventoryContext, id: string) => cache.get(ctx)?.delete(id);

async function viewOf(ctx: InventoryContext, record: AnalysisRecord, limit: number): Promise<AnalysisView> {
  const tables = await loadTables(ctx, record.id);
  return {
    ...publicPart(record),
    items: tableRows<InventoryItem>(tables.items!, 0, limit),
    unknown: tableRows<UnknownItem>(tables.unknown!, 0, limit),
    pages: {
      items: { offset: 0, limit, total: tables.items!.length },
      unknown: { offset: 0, limit, total: tables.unknown!.length },
    },
    catalogChanges: await changesOf(ctx, record, tables.items!),
  };
}

/** Per items table, what the catalog of a given fingerprint says differently (computed once per catalog). */
const changesCache = new WeakMap<CompactTable, { fingerprint: string; value: CatalogChanges | null }>();

/**
 * What the catalog says differently today of an analysis's products: nothing read when the catalog is the one the
 * analysis was made with; null when no product of the map changed, or when the catalog cannot be read.
 */
async function changesOf(
  ctx: InventoryContext,
  record: Pick<AnalysisRecord, "summary">,
  table: CompactTable,
): Promise<CatalogChanges | null> {
  const index = await loadMatchIndex(ctx.config.corpusDir).catch(() => null);
  if (!index || index.fingerprint === "empty") return null;
  const fingerprint = record.summary?.catalog?.fingerprint;
  if (fingerprint && fingerprint === index.fingerprint) return null;
  const hit = changesCache.get(table);
  if (hit?.fingerprint === index.fingerprint) return hit.value;
  // Only the lines of a catalog product are compared: read whole, the others are skipped by their product column.
  const product = column(table, "product");
  const component = column(table, "component");
  const method = column(table, "match");
  const lines: InventoryItem[] = [];
  const seen = new Set<unknown>();
  for (let i = 0; i < table.length; i++) {
    const p = product(i);
    if (!p || component(i) === true || method(i) === "manual" || seen.has(p)) continue;
    seen.add(p);
    lines.push(tableRows<InventoryItem>(table, i, i + 1)[0]!);
  }
  const value = catalogChangesOf(lines, index, fingerprint);
  changesCache.set(table, { fingerprint: index.fingerprint, value });
  return value;
}

/** A summary that has every figure counted from the items since it was saved (countries, unknown by category). */
const upToDate = (summary: InventorySummary) =>
  !!summary.countries && (summary.categories ?? []).every((c) => c.extraEuropean?.known !== undefined);

/**
 * The figures added to a summary since it was saved, counted once from its items as `summarize` does: the
 * installations by country, and each category's extra-European figure with its installations of unknown origin
 * (a summary saved before read « Non classé, 100 % » for 7 known of 134). The page reads them from the server,
 * never computes them itself.
 */
function withDerived(summary: InventorySummary, all: InventoryItem[]): InventorySummary {
  const items = all.filter((i) => !i.component);
  const counts = new Map(countByCategory(all).map((c) => [c.category, c]));
  return {
    ...summary,
    countries: summary.countries ?? countryCounts(items),
    categories: (summary.categories ?? []).map((c) => {
      const count = counts.get(c.category);
      return count ? { ...c, extraEuropean: categoryExtraEuropean(count) } : c;
    }),
  };
}

async function withCountries(ctx: InventoryContext, record: AnalysisRecord): Promise<AnalysisRecord> {
  if (!record.summary || upToDate(record.summary)) return record;
  const items = tableRows<InventoryItem>((await loadTables(ctx, record.id)).items!);
  return { ...record, summary: withDerived(record.summary, items) };
}

/** The summary of an analysis with the first page of its items and unknown items. */
export async function getAnalysisView(ctx: InventoryContext, id: string, limit = PAGE_DEFAULT): Promise<AnalysisView> {
  return viewOf(ctx, await readRecord(ctx, id), clampLimit(limit));
}

const clampLimit = (n: number) => Math.min(PAGE_MAX, Math.max(1, Math.floor(n) || PAGE_DEFAULT));

/**
 * `extra`: exposed items (extra-European); `replace`: what a plan would replace — exposed (extra-European or under a
 * foreign law), installed, and not open source: Firefox or Thunderbird, free software of an American foundation, is
 * itself an alternative (its exposure stays counted in the measure), not a target to replace; free software its
 * project barely maintains (Apache OpenOffice, the catalog's `unmaintained`) is one all the same.
 */
export type ItemFilter = "all" | "extra" | "replace" | "unknown" | "alternatives";

export interface PageQuery {
  offset?: number;
  limit?: number;
  /** Words found in the name, the publisher or the vendor (case and accents ignored). */
  q?: string;
  which?: ItemFilter;
  /** System components are left out unless asked for. */
  components?: boolean;
}

/** One page of an analysis's items, filtered as the page filters them. */
export async function getItemsPage(
  ctx: InventoryContext,
  id: string,
  query: PageQuery = {},
): Promise<Page & { items: InventoryItem[] }> {
  await readRecord(ctx, id);
  const table = (await loadTables(ctx, id)).items!;
  const offset = Math.max(0, Math.floor(query.offset ?? 0) || 0);
  const limit = clampLimit(query.limit ?? PAGE_DEFAULT);
  const matches = itemMatcher(table, query);
  const items: InventoryItem[] = [];
  let total = 0;
  for (let i = 0; i < table.length; i++) {
    if (!matches(i)) continue;
    if (total >= offset && items.length < limit) items.push(tableRows<InventoryItem>(table, i, i + 1)[0]!);
    total++;
  }
  return { offset, limit, total, items };
}

/** Per table, each row's name, publisher and vendor folded for search: computed once, on the first search. */
const searchTexts = new WeakMap<CompactTable, string[]>();
function searchText(table: CompactTable): string[] {
  let texts = searchTexts.get(table);
  if (!texts) {
    const name = column(table, "name");
    const publisher = column(table, "publisher");
    const vendor = column(table, "vendor");
    texts = Array.from({ length: table.length }, (_, i) =>
      fold(`${name(i) ?? ""} ${publisher(i) ?? ""} ${(vendor(i) as { name?: string } | null)?.name ?? ""}`),
    );
    searchTexts.set(table, texts);
  }
  return texts;
}

function itemMatcher(table: CompactTable, query: PageQuery): (i: number) => boolean {
  const component = column(table, "component");
  const extra = column(table, "extraEuropean");
  const alternatives = column(table, "alternatives");
  const openSource = column(table, "openSource");
  const installations = column(table, "installations");
  const exposure = column(table, "exposure");
  const unmaintained = column(table, "unmaintained");
  const exposed = (i: number) =>
    extra(i) === true || !!(exposure(i) as { laws?: unknown[] } | null | undefined)?.laws?.length;
  const words = fold(query.q ?? "")
    .split(/\s+/)
    .filter(Boolean);
  const which = query.which ?? "all";
  return (i) => {
    if (!query.components && component(i) === true) return false;
    if (which === "extra" && extra(i) !== true) return false;
    // Free software its project barely maintains (Apache OpenOffice) is to replace all the same, exposed or not.
    const toReplace = !!unmaintained(i) || (exposed(i) && openSource(i) !== true);
    if (which === "replace" && (!toReplace || !((installations(i) as number) > 0))) return false;
    if (which === "unknown" && extra(i) !== null && extra(i) !== undefined) return false;
    if (which === "alternatives" && !(Array.isArray(alternatives(i)) && (alternatives(i) as unknown[]).length))
      return false;
    if (!words.length) return true;
    const text = searchText(table)[i]!;
    return words.every((w) => text.includes(w));
  };
}

export async function getUnknownPage(
  ctx: InventoryContext,
  id: string,
  query: { offset?: number; limit?: number } = {},
): Promise<Page & { unknown: UnknownItem[] }> {
  await readRecord(ctx, id);
  const table = (await loadTables(ctx, id)).unknown!;
  const offset = Math.max(0, Math.floor(query.offset ?? 0) || 0);
  const limit = clampLimit(query.limit ?? PAGE_DEFAULT);
  return { offset, limit, total: table.length, unknown: tableRows<UnknownItem>(table, offset, offset + limit) };
}

/**
 * The whole analysis (items and unknown items rebuilt), as drafting reads it; null when there is none.
 * @example
 * const analysis = await loadFullAnalysis(engine, "2026-03-01-ab12cd34");
 */
export async function loadFullAnalysis(ctx: InventoryContext, id: string): Promise<SavedAnalysis | null> {
  const raw = await analyses(ctx)
    .get(id)
    .catch(() => null);
  if (!raw) return null;
  if ((raw as AnalysisRecord).storage !== "compact-v1") return raw as SavedAnalysis;
  const record = raw as AnalysisRecord;
  const tables = await loadTables(ctx, id);
  return {
    id: record.id,
    name: record.name,
    collectivite: record.collectivite ?? null,
    createdAt: record.createdAt,
    inventoryDate: record.inventoryDate ?? null,
    files: record.files,
    ms: record.ms,
    summary: record.summary,
    items: tableRows<InventoryItem>(tables.items!),
    unknown: tableRows<UnknownItem>(tables.unknown!),
    catalogChanges: await changesOf(ctx, record, tables.items!),
  } as SavedAnalysis;
}

/** The whole analysis, 404 in French when there is none. */
export async function getAnalysis(ctx: InventoryContext, id: string): Promise<SavedAnalysis> {
  const analysis = await loadFullAnalysis(ctx, id);
  if (!analysis) throw notFound(id);
  return analysis;
}

/** Saved analyses, most recent first (at most `limit`): summaries only, never the items. */
export async function listAnalyses(
  ctx: InventoryContext,
  limit = 100,
  collectivite?: string,
): Promise<AnalysisListEntry[]> {
  const fits = (r: AnalysisRecord) => !r.collectivite?.trim() || sameCollectivite(r.collectivite, collectivite!);
  return (await allRecords(ctx))
    .map((r) => (collectivite?.trim() ? { ...listEntry(r), sameCollectivite: fits(r) } : listEntry(r)))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, limit);
}

function listEntry(r: AnalysisRecord): AnalysisListEntry {
  return {
    id: r.id,
    name: r.name,
    collectivite: r.collectivite,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    inventoryDate: r.inventoryDate ?? null,
    inventoryDateFrom: r.inventoryDateFrom ?? null,
    files: r.files.map((f) => f.name),
    counts: {
      items: r.summary.items ?? r.tables.items,
      installations: r.summary.installations ?? 0,
      unknown: r.tables.unknown,
      extraEuropeanShare: r.summary.extraEuropean?.share ?? null,
      score: r.summary.score?.value ?? null,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Rename, delete, export

/** `{ name?, collectivite? }`: a new name (1 to 200 characters) and the collectivité (up to 200, or null). */
export async function renameAnalysis(ctx: InventoryContext, id: string, body: unknown): Promise<AnalysisListEntry> {
  const record = await readRecord(ctx, id);
  if (!body || typeof body !== "object" || Array.isArray(body))
    throw new AppError("invalid_input", message("inventory.rename.invalid"), 400);
  const { name, collectivite, inventoryDate, ...rest } = body as Record<string, unknown>;
  if (Object.keys(rest).length)
    throw new AppError(
      "invalid_input",
      message("inventory.rename.unknownKeys", { keys: Object.keys(rest).join(", ") }),
      400,
    );
  if (name === undefined && collectivite === undefined && inventoryDate === undefined)
    throw new AppError("invalid_input", message("inventory.rename.invalid"), 400);
  const day = inventoryDate === undefined ? undefined : checkInventoryDate(inventoryDate);
  if (name !== undefined && (typeof name !== "string" || !oneLine(name) || name.length > 200))
    throw new AppError("invalid_input", message("inventory.rename.name"), 400);
  if (
    collectivite !== undefined &&
    collectivite !== null &&
    (typeof collectivite !== "string" || collectivite.length > 200)
  ) {
    throw new AppError("invalid_input", message("inventory.rename.collectivite"), 400);
  }
  // On the revision read: another server's change of the other fields meanwhile is kept, not written over.
  await updateOnRevision(analyses(ctx), id, (raw) => ({
    ...raw!,
    ...(name !== undefined ? { name: oneLine(name as string)! } : {}),
    ...(collectivite !== undefined ? { collectivite: oneLine(collectivite as string | null) } : {}),
    ...(day !== undefined ? { inventoryDate: day, inventoryDateFrom: day ? ("given" as const) : null } : {}),
    updatedAt: new Date().toISOString(),
  }));
  known(ctx).delete(id);
  return listEntry(await readRecord(ctx, record.id));
}

/**
 * What the same files sent again add to the saved analysis: the day its inventory describes, the collectivité it
 * was saved without.
 */
async function updateRecord(
  ctx: InventoryContext,
  id: string,
  fields: Partial<Pick<AnalysisRecord, "inventoryDate" | "inventoryDateFrom" | "collectivite">>,
): Promise<AnalysisRecord> {
  const updated = (await updateOnRevision(analyses(ctx), id, (raw) => ({
    ...(raw as AnalysisRecord),
    ...fields,
    updatedAt: new Date().toISOString(),
  }))) as AnalysisRecord;
  known(ctx).set(id, updated);
  return readRecord(ctx, id);
}

export async function deleteAnalysis(ctx: InventoryContext, id: string): Promise<void> {
  await readRecord(ctx, id);
  forget(ctx, id);
  known(ctx).delete(id);
  await analyses(ctx).delete(id);
  await tablesStore(ctx).delete(id);
}

/** The map as a CSV or ODS file, built in the worker when there is one. */
export async function exportAnalysis(
  ctx: InventoryContext,
  id: string,
  format: ExportFormat,
  options: { pool?: InventoryWorkerPool; timeoutMs?: number } = {},
): Promise<ExportedFile & { filename: string }> {
  const record = await readRecord(ctx, id);
  const filename = `${slugify(record.name, 80, "cartographie")}.${format}`;
  const notice = (await changesOf(ctx, record, (await loadTables(ctx, id)).items!))?.notice;
  let blob = await tablesStore(ctx).getBytes(id);
  if (!blob) blob = packTables(await loadTables(ctx, id));
  if (!options.pool) {
    const tables = await unpackTables(blob);
    return { ...exportMap(format, tables.items!, record.summary, record.name, notice), filename };
  }
  // The bytes move to the worker: a view over a larger buffer is copied first.
  const own = blob.byteOffset === 0 && blob.byteLength === blob.buffer.byteLength ? blob : blob.slice();
  const file = await options.pool.run<ExportedFile>(
    { kind: "export", blob: own, format, summary: record.summary, title: record.name, notice },
    options.timeoutMs ?? 120_000,
    [own.buffer as ArrayBuffer],
  );
  return { ...file, bytes: new Uint8Array(file.bytes), filename };
}

const frenchDay = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso.slice(0, 10)
    : new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: timeZone() }).format(d);
};

// ---------------------------------------------------------------------------------------------------------
// Comparison

export interface ComparedLine {
  key: string;
  name: string;
  vendor: string | null;
  category: string | null;
  extraEuropean: boolean | null;
  installations: number;
}

export interface ComparedMeasure {
  label: string;
  from: number | null;
  to: number | null;
  change: number | null;
  /** « percent »: a value out of 100 (the weighted exposure, shown « 77 % », its change in points). */
  unit?: "percent";
}

export interface Comparison {
  from: AnalysisListEntry;
  to: AnalysisListEntry;
  notice: string | null;
  removed: { total: number; installations: number; lines: ComparedLine[] };
  added: { total: number; installations: number; lines: ComparedLine[] };
  changed: { total: number; lines: (ComparedLine & { before: number; change: number })[] };
  measures: ComparedMeasure[];
}

const LISTED = 200;

/** Map lines (system components set aside) by product, or by name when not in the catalog. */
function linesOf(table: CompactTable): Map<string, ComparedLine> {
  const out = new Map<string, ComparedLine>();
  for (let i = 0; i < table.length; i++) {
    const item = tableRows<InventoryItem>(table, i, i + 1)[0]!;
    if (item.component) continue;
    const key = productKeyOf(item);
    const line = out.get(key);
    if (line) line.installations += item.installations;
    else
      out.set(key, {
        key,
        name: item.product?.name ?? item.name,
        vendor: item.vendor?.name ?? null,
        category: item.category ?? null,
        extraEuropean: item.extraEuropean ?? null,
        installations: item.installations,
      });
  }
  return out;
}

const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
const measure = (label: string, from: number | null | undefined, to: number | null | undefined): ComparedMeasure => ({
  label,
  from: from ?? null,
  to: to ?? null,
  change: typeof from === "number" && typeof to === "number" ? round(to - from) : null,
});

/** A numeric `value` in the summary under `key`, if the analysis has that measure. */
const valueAt = (summary: unknown, key: string): number | null => {
  const v = (summary as Record<string, unknown> | undefined)?.[key];
  if (typeof v === "number") return v;
  if (v && typeof v === "object" && typeof (v as { value?: unknown }).value === "number")
    return (v as { value: number }).value;
  return null;
};

/**
 * What changed from one analysis to a later one of the same collectivité: map lines removed and added, changes of
 * installations, and the change of the measures (score, shares).
 */
export async function compareAnalyses(ctx: InventoryContext, fromId: string, toId: string): Promise<Comparison> {
  if (!fromId || !toId) throw new AppError("invalid_input", message("inventory.compare.missing"), 400);
  const [from, to] = await Promise.all([readRecord(ctx, fromId), readRecord(ctx, toId)]);
  const [a, b] = await Promise.all([loadTables(ctx, fromId), loadTables(ctx, toId)]);
  const before = linesOf(a.items!);
  const after = linesOf(b.items!);
  const removed = [...before.values()]
    .filter((l) => !after.has(l.key))
    .sort((x, y) => y.installations - x.installations);
  const added = [...after.values()].filter((l) => !before.has(l.key)).sort((x, y) => y.installations - x.installations);
  const changed = [...after.values()]
    .filter((l) => before.has(l.key) && before.get(l.key)!.installations !== l.installations)
    .map((l) => ({
      ...l,
      before: before.get(l.key)!.installations,
      change: l.installations - before.get(l.key)!.installations,
    }))
    .sort((x, y) => Math.abs(y.change) - Math.abs(x.change));
  const sum = (ls: ComparedLine[]) => ls.reduce((s, l) => s + l.installations, 0);
  const fromEntry = listEntry(from);
  const toEntry = listEntry(to);
  const same = !from.collectivite || !to.collectivite || sameCollectivite(from.collectivite, to.collectivite);
  const measures = [
    {
      ...measure(message("inventory.compare.score"), from.summary.score?.value, to.summary.score?.value),
      unit: "percent" as const,
    },
    measure(message("inventory.compare.extra"), from.summary.extraEuropean?.share, to.summary.extraEuropean?.share),
    measure(message("inventory.compare.open"), from.summary.openSource?.share, to.summary.openSource?.share),
    measure(message("inventory.compare.installations"), from.summary.installations, to.summary.installations),
  ];
  // The weighted measure, when the analyses have it (`summary.measure`).
  const weightedFrom = valueAt(from.summary, "measure");
  const weightedTo = valueAt(to.summary, "measure");
  if (weightedFrom !== null || weightedTo !== null)
    measures.unshift(measure(message("inventory.compare.measure"), weightedFrom, weightedTo));
  return {
    from: fromEntry,
    to: toEntry,
    notice:
      [
        same
          ? null
          : message("inventory.compare.otherCollectivite", { from: from.collectivite!, to: to.collectivite! }),
        perimeterNotice(
          { files: from.files, installations: from.summary.installations },
          { files: to.files, installations: to.summary.installations },
        ),
      ]
        .filter(Boolean)
        .join(" ") || null,
    removed: { total: removed.length, installations: sum(removed), lines: removed.slice(0, LISTED) },
    added: { total: added.length, installations: sum(added), lines: added.slice(0, LISTED) },
    changed: { total: changed.length, lines: changed.slice(0, LISTED) },
    measures,
  };
}
