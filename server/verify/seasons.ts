/**
 * A part of a year swapped for another of the same year (trial13 A8): « d'ici l'été 2026 » where the cited passage
 * says « d'ici l'automne 2026 ». The figure checks read « 2026 » alone, which the passage writes; the season is what
 * the sentence changed. The seasons and parts of a year are those of the deadlines (`server/i18n/fr/deadlines.yaml`).
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { escapeRegExp, fold } from "../core/text.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";

/** The seasons and named parts of a year (« le premier semestre »), folded, longest first. */
const PARTS: string[] = (() => {
  const w = parse(readFileSync(new URL("../i18n/fr/deadlines.yaml", import.meta.url), "utf8")) as {
    seasons: Record<string, unknown>;
    periods: Record<string, unknown>;
  };
  return [...Object.keys(w.seasons), ...Object.keys(w.periods)].map((p) => fold(p)).sort((a, b) => b.length - a.length);
})();

/** A part of a year and its year: « l'été 2026 », « automne de 2027 », « le premier semestre 2025 ». */
const PART_YEAR = new RegExp(
  `(?<!\\p{L})(${PARTS.map((p) => escapeRegExp(p).replace(/\s+/g, "\\s+")).join("|")})\\s+(?:de\\s+|d['’])?((?:19|20)\\d{2})(?!\\d)`,
  "gu",
);

/** The parts of a year a text writes: folded, and as written (folding keeps the length of accented letters). */
const partsOf = (text: string) => {
  const folded = fold(text);
  const same = folded.length === text.length;
  return [...folded.matchAll(PART_YEAR)].map((m) => ({
    part: m[1]!.replace(/\s+/g, " "),
    year: m[2]!,
    raw: (same ? text.slice(m.index, m.index + m[0].length) : m[0]).replace(/\s+/g, " "),
  }));
};

/**
 * The first part of a year the sentence writes that the cited passages never write with that year, where they write
 * another part of the same year: what the sentence says, and what the passages say; else null.
 */
export function seasonSwapped(stated: string, pool: Source[]): { stated: string; other: string } | null {
  const mine = partsOf(withoutReferences(stated));
  if (mine.length === 0) return null;
  const theirs = pool.flatMap((src) => src.sentences.flatMap((ss) => partsOf(ss.text)));
  for (const p of mine) {
    const sameYear = theirs.filter((t) => t.year === p.year);
    if (sameYear.length === 0 || sameYear.some((t) => t.part === p.part)) continue;
    return { stated: p.raw, other: sameYear[0]!.raw };
  }
  return null;
}
