/**
 * The inventory capability as the route and the CLI call it: analyse uploaded files (parse, classify, map),
 * save the analysis, list and fetch saved analyses.
 */
import { AppError } from "../errors.ts";
import { message } from "../i18n/messages.ts";
import { newRecordId } from "../store/records.ts";
import { analyzeRows } from "./analyze.ts";
import { loadClassifications, type InventoryContext } from "./classifications.ts";
import { loadMatchIndex } from "./match.ts";
import { parseInventoryFiles, type InventoryFile } from "./parse.ts";
import type { SavedAnalysis } from "./types.ts";

export type { InventoryContext };

export interface AnalysisListEntry {
  id: string;
  createdAt: string;
  files: string[];
  counts: { items: number; installations: number; unknown: number; extraEuropeanShare: number | null; score: number | null };
}

const analyses = (ctx: InventoryContext) => ctx.records<SavedAnalysis>("analyses");

/**
 * Parses, classifies and maps inventory files, then saves the analysis (unless `save` is false).
 * @example
 * const analysis = await analyzeInventory(engine, [{ name: "glpi.csv", bytes }]);
 * analysis.summary.score.value; // 0 to 100
 */
export async function analyzeInventory(ctx: InventoryContext, files: InventoryFile[], options: { save?: boolean } = {}): Promise<SavedAnalysis> {
  const started = performance.now();
  const parsed = parseInventoryFiles(files);
  const [index, classifications] = await Promise.all([loadMatchIndex(ctx.config.corpusDir), loadClassifications(ctx)]);
  const result = analyzeRows(parsed.rows, index, { classifications });
  const analysis: SavedAnalysis = {
    id: newRecordId(),
    createdAt: new Date().toISOString(),
    files: parsed.files,
    ms: Math.round(performance.now() - started),
    ...result,
  };
  if (options.save !== false) await analyses(ctx).put(analysis.id, analysis);
  return analysis;
}

export async function getAnalysis(ctx: InventoryContext, id: string): Promise<SavedAnalysis> {
  const analysis = await analyses(ctx).get(id);
  if (!analysis) throw new AppError("analysis_not_found", message("inventory.error.notFound", { id }), 404);
  return analysis;
}

/** Saved analyses, most recent first (at most `limit`), without their items. */
export async function listAnalyses(ctx: InventoryContext, limit = 100): Promise<AnalysisListEntry[]> {
  const store = analyses(ctx);
  const ids = (await store.list()).slice(0, limit);
  const entries = await Promise.all(
    ids.map(async (id) => {
      const a = await store.get(id).catch(() => null);
      // The collection may also hold analyses saved by hand or by older versions: list what can be read.
      if (!a || !Array.isArray(a.items)) return null;
      return {
        id,
        createdAt: a.createdAt ?? "",
        files: Array.isArray(a.files) ? a.files.map((f) => f.name) : [],
        counts: {
          items: a.summary?.items ?? a.items.length,
          installations: a.summary?.installations ?? a.items.reduce((s, i) => s + (i.installations ?? 0), 0),
          unknown: Array.isArray(a.unknown) ? a.unknown.length : 0,
          extraEuropeanShare: a.summary?.extraEuropean?.share ?? null,
          score: a.summary?.score?.value ?? null,
        },
      } satisfies AnalysisListEntry;
    }),
  );
  return entries.filter((e): e is AnalysisListEntry => e !== null);
}
