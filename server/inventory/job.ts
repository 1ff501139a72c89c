/**
 * The heavy part of an inventory analysis, without I/O but the catalog: parse, classify, summarise, then encode
 * the items compactly. Runs in the inventory worker (`worker.ts`) for uploads, in-process for the CLI. What it
 * returns is small (a summary and the first pages) plus one compressed blob, so that handing it back to the main
 * thread costs nothing.
 */
import { analyzeRows } from "./analyze.ts";
import { encodeTable, packTables, tableRows } from "./compact.ts";
import { loadMatchIndex } from "./match.ts";
import { parseInventoryFiles, type InventoryFile, type InventoryLimits } from "./parse.ts";
import type { InventoryItem, ManualClassification, ParsedFile, InventorySummary, UnknownItem } from "./types.ts";

export interface AnalysisJob {
  files: InventoryFile[];
  corpusDir: string;
  classifications: [string, ManualClassification][];
  limits?: Partial<InventoryLimits>;
  /** Rows of each table returned as a first page. */
  firstPage: number;
  /** Also return every item and unknown item (the CLI's JSON document). */
  full?: boolean;
}

export interface AnalysisOutput {
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

export async function runAnalysisJob(job: AnalysisJob): Promise<AnalysisOutput> {
  const started = performance.now();
  const parsed = parseInventoryFiles(job.files, job.limits);
  const index = await loadMatchIndex(job.corpusDir);
  const result = analyzeRows(parsed.rows, index, { classifications: new Map(job.classifications) });
  const items = encodeTable(result.items);
  const unknown = encodeTable(result.unknown);
  const blob = packTables({ items, unknown });
  return {
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
