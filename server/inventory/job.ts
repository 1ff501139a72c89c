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
import { encodeTable, packTables, tableRows } from "./compact.ts";
import { loadMatchIndex } from "./match.ts";
import { type InventoryFile, type InventoryLimits, parseInventoryFiles } from "./parse.ts";
import type { InventoryItem, InventorySummary, ManualClassification, ParsedFile, UnknownItem } from "./types.ts";

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
}

/** An upload identical to a saved analysis. */
export interface ReusedOutput {
  reused: true;
  fingerprint: string;
}

export interface AnalysisOutput {
  reused?: false;
  fingerprint: string;
  /** From the multipart form's `collectivite` field. */
  collectivite: string | null;
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
): Promise<{ files: InventoryFile[]; collectivite: string | null }> {
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
  for (const [key, value] of form.entries()) {
    if (typeof value === "string") {
      if (key === "collectivite") collectivite = value;
    } else
      files.push({
        name: value.name || message("inventory.defaultFileName"),
        bytes: new Uint8Array(await value.arrayBuffer()),
      });
  }
  if (!files.length) throw new AppError("no_file", message("inventory.error.noFile"), 400);
  return { files, collectivite };
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

export async function runAnalysisJob(job: AnalysisJob): Promise<AnalysisOutput | ReusedOutput> {
  const started = performance.now();
  const upload = job.multipart ? await readMultipart(job.multipart) : { files: job.files ?? [], collectivite: null };
  const fingerprint = await uploadFingerprint(upload.files, job.corpusDir, job.classifications);
  if (job.known?.includes(fingerprint)) return { reused: true, fingerprint };
  const parsed = parseInventoryFiles(upload.files, job.limits);
  const index = await loadMatchIndex(job.corpusDir);
  const result = analyzeRows(parsed.rows, index, { classifications: new Map(job.classifications) });
  const items = encodeTable(result.items);
  const unknown = encodeTable(result.unknown);
  const blob = packTables({ items, unknown });
  return {
    fingerprint,
    collectivite: upload.collectivite,
    files: parsed.files,
    ms: Math.round(performance.now() - started),
    summary: result.summary,
    counts: { items: result.items.length, unknown: result.unknown.length },
    firstItems: tableRows<InventoryItem>(items, 0, job.firstPage),
    firstUnknown: tableRows<UnknownItem>(unknown, 0, job.firstPage),
    blob,
    ...(job.full ? { items: result.items, unknown: result.unknown } : {}),
  };
}
