/**
 * Per-person limits on what costs (model calls, inventory imports), when sign-in is on: a fixed one-hour window
 * per person and kind, kept in memory (a restart starts new windows). One more call in a full window gets a 429
 * with Retry-After: the seconds until the window ends.
 */
export type CostKind = "model" | "upload";

const COSTS: { kind: CostKind; method: string; path: RegExp }[] = [
  { kind: "model", method: "POST", path: /^\/api\/chat$/ },
  { kind: "model", method: "POST", path: /^\/api\/drafts$/ },
  { kind: "model", method: "POST", path: /^\/api\/drafts\/[^/]+\/sections\/[^/]+\/regenerate$/ },
  { kind: "model", method: "POST", path: /^\/api\/plans\/[^/]+\/note$/ },
  { kind: "upload", method: "POST", path: /^\/api\/inventory\/analyze$/ },
  { kind: "upload", method: "POST", path: /^\/api\/inventory\/glpi\/import$/ },
];

export const costOf = (method: string, path: string): CostKind | null =>
  COSTS.find((c) => c.method === method && c.path.test(path))?.kind ?? null;

export interface Limiter {
  /** Counts one call; returns 0 when allowed, else the seconds to wait. */
  take(person: string, kind: CostKind): number;
}

export function createLimiter(perHour: Record<CostKind, number>, now: () => number = Date.now): Limiter {
  const windows = new Map<string, { start: number; count: number }>();
  const HOUR = 3600_000;
  return {
    take(person, kind) {
      const max = perHour[kind];
      if (!max) return 0;
      const t = now();
      const key = `${kind}\u0000${person}`;
      let w = windows.get(key);
      if (!w || t - w.start >= HOUR) {
        // Forget ended windows now and then, so the map stays the size of the people active this hour.
        if (windows.size > 10_000) for (const [k, v] of windows) if (t - v.start >= HOUR) windows.delete(k);
        w = { start: t, count: 0 };
        windows.set(key, w);
      }
      if (w.count >= max) return Math.max(1, Math.ceil((w.start + HOUR - t) / 1000));
      w.count++;
      return 0;
    },
  };
}
