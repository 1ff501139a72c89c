/**
 * The chronology guide lists its dates in order, each under the section whose years it names: a reader scanning
 * « 2002-2016 » for 2013 must not find it after 2012's neighbour, nor 2017 under « 2018-2023 » (found by the writer of
 * held-out-18, 2026-12-06).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fold } from "../../server/core/text.ts";

const MONTHS = [
  "janvier",
  "fevrier",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "aout",
  "septembre",
  "octobre",
  "novembre",
  "decembre",
];
const SEASONS: Record<string, number> = { printemps: 3, ete: 6, automne: 9, fin: 12, hiver: 12, mi: 6 };

/** The first date a bullet opens on, as a sortable number (year, month, day; an unknown month or day sorts first). */
export function openingDate(bullet: string): number | null {
  const head = fold(bullet.slice(0, bullet.indexOf(" : ") + 1 || 60));
  const year = head.match(/\b(19|20)\d{2}\b/);
  if (!year) return null;
  const before = head.slice(0, year.index);
  const month = MONTHS.findIndex((m) => new RegExp(`\\b${m}\\b`).test(before)) + 1;
  const season = Object.entries(SEASONS).find(([w]) => new RegExp(`\\b${w}\\b`).test(before))?.[1] ?? 0;
  const day = Number(before.match(/^-?\s*(\d{1,2})(?:er)?\b/)?.[1] ?? 0);
  return Number(year[0]) * 10_000 + (month || season) * 100 + day;
}

describe("the chronology guide", () => {
  const text = readFileSync("corpus/guidance/chronologie-souverainete-numerique.md", "utf8");
  const sections = text.split(/^## /m).filter((s) => s.startsWith("Chronologie"));

  it("reads a bullet's opening date", () => {
    expect(openingDate("- 1er novembre 2025 : Microsoft …")).toBe(20251101);
    expect(openingDate("- Mai 2003 : le conseil …")).toBe(20030500);
    expect(openingDate("- 2004-2008 : la Gendarmerie …")).toBe(20040000);
    expect(openingDate("- Automne 2026 : chaque ministère …")).toBe(20260900);
  });

  it("lists each section's dates in order, within the years its title names", () => {
    expect(sections.length).toBeGreaterThanOrEqual(5);
    for (const section of sections) {
      const title = section.slice(0, section.indexOf("\n"));
      const dates = section
        .split(/\n(?=- )/)
        .slice(1)
        .map(openingDate)
        .filter((d): d is number => d !== null);
      expect(dates.length, title).toBeGreaterThan(3);
      // A date given by its year only (or year and month) fits anywhere in that year (or month).
      const year = (d: number) => Math.floor(d / 10_000);
      const month = (d: number) => Math.floor(d / 100);
      const outOfOrder = dates.flatMap((d, i) => {
        const next = dates[i + 1];
        if (next === undefined) return [];
        const vague = d % 10_000 === 0 || next % 10_000 === 0;
        const monthOnly = d % 100 === 0 || next % 100 === 0;
        const ok = vague ? year(d) <= year(next) : monthOnly ? month(d) <= month(next) : d <= next;
        return ok ? [] : [`${d} before ${next}`];
      });
      expect(outOfOrder, title).toEqual([]);
      const span = title.match(/(\d{4})-(\d{4})/);
      if (span) {
        const [from, to] = [Number(span[1]), Number(span[2])];
        for (const d of dates) expect(Math.floor(d / 10_000), title).toBeGreaterThanOrEqual(from);
        for (const d of dates) expect(Math.floor(d / 10_000), title).toBeLessThanOrEqual(to);
      }
    }
  });
});
