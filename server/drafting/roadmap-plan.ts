/**
 * The roadmap planner: a pure function from a saved inventory analysis (and options) to phases and the shares
 * they leave. No I/O and no French text here: `context.ts` turns the plan into the document.
 */
import type { AnalysisItem, InventoryAnalysis } from "./types.ts";

/** Categories where a change touches every agent or the infrastructure: never a quick win. */
const HEAVY = new Set(["workstation", "business", "database", "virtualization", "network", "hosting"]);
const FIT_RANK: Record<string, number> = { "drop-in": 0, partial: 1, "different-approach": 2 };

export type RoadmapPhase = "quick" | "guided" | "deep";

export interface RoadmapLine {
  item: AnalysisItem;
  bestFit: string | null;
  phase: RoadmapPhase;
}

export interface RoadmapPlan {
  total: number;
  extra: number;
  unknown: number;
  products: number;
  baselineShare: number;
  lines: RoadmapLine[];
  /** Share of extra-European installations left after each phase, in order quick, guided, deep. */
  shareAfter: Record<RoadmapPhase, number>;
  byCategory: { category: string; products: number; installations: number; extra: number }[];
}

/**
 * Orders the extra-European software of an analysis into phases: quick wins (a drop-in alternative, outside
 * the categories that touch every agent or the infrastructure), guided replacements (partial fit, or drop-in in
 * a heavy category), then deep work (different approach, no alternative, or heavy and partial).
 * Open-source software of an extra-European publisher (Firefox, Thunderbird) counts in the baseline, but is not
 * planned for replacement: installed here from its free code, it is itself the kind of alternative a roadmap
 * recommends.
 */
export function planRoadmap(analysis: InventoryAnalysis): RoadmapPlan {
  const items = analysis.items;
  const total = items.reduce((n, i) => n + i.installations, 0);
  const extraItems = items.filter((i) => i.extraEuropean === true);
  const extra = extraItems.reduce((n, i) => n + i.installations, 0);
  const unknown = items.filter((i) => i.extraEuropean === null || i.extraEuropean === undefined).reduce((n, i) => n + i.installations, 0);
  const lines: RoadmapLine[] = extraItems
    .filter((item) => item.openSource !== true)
    .map((item) => {
      const fits = (item.alternatives ?? []).map((a) => a.fit).sort((a, b) => (FIT_RANK[a] ?? 3) - (FIT_RANK[b] ?? 3));
      const bestFit = fits[0] ?? null;
      const heavy = HEAVY.has(item.category ?? "other");
      const phase: RoadmapPhase =
        bestFit === "drop-in" && !heavy ? "quick" : (bestFit === "partial" && !heavy) || (bestFit === "drop-in" && heavy) ? "guided" : "deep";
      return { item, bestFit, phase };
    })
    .sort((a, b) => ["quick", "guided", "deep"].indexOf(a.phase) - ["quick", "guided", "deep"].indexOf(b.phase) || b.item.installations - a.item.installations);
  const removed = (phases: RoadmapPhase[]) => lines.filter((l) => phases.includes(l.phase)).reduce((n, l) => n + l.item.installations, 0);
  const share = (n: number) => (total ? (n / total) * 100 : 0);
  const categories = new Map<string, { category: string; products: number; installations: number; extra: number }>();
  for (const i of items) {
    const key = i.category ?? "unknown";
    const row = categories.get(key) ?? { category: key, products: 0, installations: 0, extra: 0 };
    row.products++;
    row.installations += i.installations;
    if (i.extraEuropean === true) row.extra += i.installations;
    categories.set(key, row);
  }
  return {
    total,
    extra,
    unknown,
    products: items.length,
    baselineShare: share(extra),
    lines,
    shareAfter: { quick: share(extra - removed(["quick"])), guided: share(extra - removed(["quick", "guided"])), deep: share(extra - removed(["quick", "guided", "deep"])) },
    byCategory: [...categories.values()].sort((a, b) => b.installations - a.installations),
  };
}

