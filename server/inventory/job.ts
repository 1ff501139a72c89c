/**
 * The heavy part of an inventory analysis, without I/O but the catalog: parse, classify, summarise, then encode
 * the items compactly. Runs in the inventory worker (`worker.ts`) for uploads, in-process for the CLI. What it
 * returns is small (a summary and the first pages) plus one compressed blob, so that handing it back to the main
 * thread costs nothing.
 */
import { createHash } from "node:crypto";
import { AppError } from "../core/errors.ts";
import { corpusFingerprint } from "../corpus/source.ts";
import { message } from "../i18n/messages.ts";
import { analyzeRows } from "./analyze.ts";
import { checkCollectivite, isOwnPublisher } from "./collectivite.ts";
import { type CompactTables, encodeTable, packTables, tableRows, unpackTables } from "./compact.ts";
import { checkInventoryDate } from "./inventory-date.ts";
import { loadMatchIndex } from "./match.ts";
import { fold } from "./normalize.ts";
import { type InventoryFile, type InventoryLimits, parseInventoryFiles } from "./parse.ts";
import type {
  InventoryItem,
  InventoryRow,
  InventorySummary,
  ManualClassification,
  ParsedFile,
  UnknownItem,
} from "./types.ts";

/** A multipart body as received: parsed here, off the main thread (a 20 MB form takes hundreds of ms to parse). */
export interface MultipartBody {
  bytes: Uint8Array;
  contentType: string;
}

export interface AnalysisJob {
  /** The files, or the multipart body that holds them (fields `file`, and `collectivite`). */
  files?: InventoryFile[];
  multipart?: MultipartBody;
  /** Fingerprints of the analyses already saved: an identical upload stops before the analysis. */
  known?: string[];
  corpusDir: string;
  classifications: [string, ManualClassification][];
  limits?: Partial<InventoryLimits>;
  /** Rows of each table returned as a first page. */
  firstPage: number;
  /** Also return every item and unknown item (the CLI's JSON document). */
  full?: boolean;
  /**
   * A saved analysis to analyse again with today's catalog and classifications, instead of files: its stored tables
   * (the inventory's rows, or its items for an analysis saved before rows were kept) and its files' description.
   */
  source?: { id: string; blob: Uint8Array; files: ParsedFile[] };
  /**
   * The collectivité typed in the query or known for the saved analysis (the multipart field wins): a line it
   * publishes itself is its own application (`analyze.ts`, `ownApplication`).
   */
  collectivite?: string | null;
}

/** An upload identical to a saved analysis. */
export interface ReusedOutput {
  reused: true;
  fingerprint: string;
  /** The multipart form's `inventoryDate` field, when given. */
  inventoryDate?: string | null;
  /** The multipart form's `collectivite` field, when given: the saved analysis takes it if it has none. */
  collectivite?: string | null;
}

export interface AnalysisOutput {
  reused?: false;
  fingerprint: string;
  /** From the multipart form's `collectivite` field. */
  collectivite: string | null;
  /** From the multipart form's `inventoryDate` field (checked: a real day, not after today). */
  inventoryDate?: string | null;
  files: ParsedFile[];
  ms: number;
  summary: InventorySummary;
  counts: { items: number; unknown: number };
  firstItems: InventoryItem[];
  firstUnknown: UnknownItem[];
  /** `{ items, unknown }` compact tables, gzipped (`compact.ts`). */
  blob: Uint8Array;
  items?: InventoryItem[];
  unknown?: UnknownItem[];
}

/** Files and fields of a multipart body, or a French 400. */
export async function readMultipart(
  body: MultipartBody,
): Promise<{ files: InventoryFile[]; collectivite: string | null; inventoryDate: string | null }> {
  let form: FormData;
  try {
    form = await new Response(body.bytes as Uint8Array<ArrayBuffer>, {
      headers: { "content-type": body.contentType },
    }).formData();
  } catch {
    throw new AppError("invalid_upload", message("inventory.error.multipart"), 400);
  }
  const files: InventoryFile[] = [];
  let collectivite: string | null = null;
  let inventoryDate: string | null = null;
  for (const [key, value] of form.entries()) {
    if (typeof value === "string") {
      if (key === "collectivite") collectivite = checkCollectivite(value);
      else if (key === "inventoryDate") inventoryDate = checkInventoryDate(value);
    } else
      files.push({
        name: value.name || message("inventory.defaultFileName"),
        bytes: new Uint8Array(await value.arrayBuffer()),
      });
  }
  if (!files.length) throw new AppError("no_file", message("inventory.error.noFile"), 400);
  return { files, collectivite, inventoryDate };
}

/** Same files (whatever their names and order), same catalog, same manual classifications → same fingerprint. */
export async function uploadFingerprint(
  files: InventoryFile[],
  corpusDir: string,
  classifications: unknown,
): Promise<string> {
  const hash = createHash("sha256");
  const digests = files.map((f) => createHash("sha256").update(f.bytes).digest("hex")).sort();
  for (const d of digests) hash.update(d).update("\0");
  hash.update((await corpusFingerprint(corpusDir)) ?? "empty").update("\0");
  hash.update(JSON.stringify(classifications));
  return hash.digest("hex").slice(0, 32);
}

/** A recomputation of a saved analysis: same source, same catalog, same classifications → same fingerprint. */
async function sourceFingerprint(sourceId: string, corpusDir: string, classifications: unknown): Promise<string> {
  const hash = createHash("sha256").update(`recompute\0${sourceId}\0`);
  hash.update((await corpusFingerprint(corpusDir)) ?? "empty").update("\0");
  hash.update(JSON.stringify(classifications));
  return hash.digest("hex").slice(0, 32);
}

/**
 * The rows an analysis is made from, as kept with it: one per name, publisher, kind, hint and computer (installations
 * summed, versions merged), which `analyzeRows` groups exactly as it grouped the parsed lines — a GLPI computer list's
 * rows kept one per name counted each line once when analysed again (trial22 T-H8).
 */
export function keptRows(rows: readonly InventoryRow[]): InventoryRow[] {
  const out = new Map<string, InventoryRow>();
  for (const r of rows) {
    const key = `${r.name}\0${r.publisher ?? ""}\0${r.kind}\0${r.hint ?? ""}\0${r.machine ?? ""}`;
    const kept = out.get(key);
    if (!kept) {
      out.set(key, { ...r, versions: r.versions.slice(0, 10), file: "" });
      continue;
    }
    kept.installations += r.installations;
    for (const v of r.versions) if (kept.versions.length < 10 && !kept.versions.includes(v)) kept.versions.push(v);
  }
  return [...out.values()];
}

/**
 * The rows of a saved analysis: those kept with it, or, for an analysis saved before rows were kept, one per map
 * line (the most installed of its names, its publisher, versions and installations; the category the export gave
 * a line the catalog did not know).
 */
export function rowsOfSaved(tables: CompactTables): InventoryRow[] {
  if (tables.rows) return tableRows<InventoryRow>(tables.rows);
  return tableRows<InventoryItem>(tables.items!).map((i) => ({
    name: i.names?.[0] ?? i.name,
    publisher: i.publisher,
    versions: i.versions ?? [],
    installations: i.installations,
    kind: i.kind,
    hint: i.product || i.match === "vendor" ? null : (i.category ?? null),
    file: "",
  }));
}

async function inputOf(job: AnalysisJob) {
  if (job.source) {
    const fingerprint = await sourceFingerprint(job.source.id, job.corpusDir, job.classifications);
    if (job.known?.includes(fingerprint)) return { reused: true as const, fingerprint };
    const rows = rowsOfSaved(await unpackTables(job.source.blob));
    return { fingerprint, collectivite: null, inventoryDate: null, rows, files: job.source.files };
  }
  const upload = job.multipart
    ? await readMultipart(job.multipart)
    : { files: job.files ?? [], collectivite: null, inventoryDate: null };
  const bare = await uploadFingerprint(upload.files, job.corpusDir, job.classifications);
  // The collectivité's name changes the analysis when a line's publisher is the collectivité itself (its own
  // application, `ownApplication`): then it is part of the fingerprint, and the same files named this time are not
  // answered with an analysis made without the name (trial23 T-M7). Otherwise an analysis saved without the name is
  // reused and takes it.
  const named = upload.collectivite ?? job.collectivite ?? null;
  if (!named && job.known?.includes(bare))
    return { reused: true as const, fingerprint: bare, inventoryDate: upload.inventoryDate, collectivite: null };
  const parsed = parseInventoryFiles(upload.files, job.limits);
  const fingerprint =
    named && parsed.rows.some((r) => isOwnPublisher(r.publisher, named))
      ? createHash("sha256")
          .update(`${bare}\0own\0${fold(named)}`)
          .digest("hex")
          .slice(0, 32)
      : bare;
  if (job.known?.includes(fingerprint))
    return {
      reused: true as const,
      fingerprint,
      inventoryDate: upload.inventoryDate,
      collectivite: upload.collectivite,
    };
  return {
    fingerprint,
    collectivite: upload.collectivite,
    inventoryDate: upload.inventoryDate,
    rows: parsed.rows,
    files: parsed.files,
  };
}

export async function runAnalysisJob(job: AnalysisJob): Promise<AnalysisOutput | ReusedOutput> {
  const started = performance.now();
  const input = await inputOf(job);
  if ("reused" in input)
    return {
      reused: true,
      fingerprint: input.fingerprint,
      inventoryDate: input.inventoryDate,
      collectivite: input.collectivite,
    };
  const { fingerprint } = input;
  const index = await loadMatchIndex(job.corpusDir);
  const result = analyzeRows(input.rows, index, {
    classifications: new Map(job.classifications),
    collectivite: input.collectivite ?? job.collectivite ?? null,
  });
  const items = encodeTable(result.items);
  const unknown = encodeTable(result.unknown);
  // The inventory's rows are kept with the analysis: it can be recomputed with a later catalog without the files.
  const blob = packTables({ items, unknown, rows: encodeTable(keptRows(input.rows)) });
  return {
    fingerprint,
    collectivite: input.collectivite,
    inventoryDate: input.inventoryDate,
    files: input.files,
    ms: Math.round(performance.now() - started),
    summary: result.summary,
    counts: { items: result.items.length, unknown: result.unknown.length },
    firstItems: tableRows<InventoryItem>(items, 0, job.firstPage),
    firstUnknown: tableRows<UnknownItem>(unknown, 0, job.firstPage),
    blob,
    ...(job.full ? { items: result.items, unknown: result.unknown } : {}),
  };
}
