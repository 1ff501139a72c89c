/**
 * The command line's tables (`npm run cli -- inventory`), trial12 B4: each rule as wide as its column looks on a
 * terminal — a vendor written in Chinese characters (two columns each) or a name with a combining accent (none)
 * counted by display width, so that the rules and the columns line up.
 */
import { describe, expect, it } from "vitest";
import { displayWidth, terminalTable } from "../../server/cli/inventory.ts";

describe("the command line's tables", () => {
  it("measures what a terminal shows: wide characters count two columns, combining accents none", () => {
    expect(displayWidth("Foxit (福昕软件)")).toBe(16);
    expect(displayWidth("Exte\u0301rieur")).toBe(9);
    expect(displayWidth("8\u202f887")).toBe(5);
  });

  it("draws each rule as wide as its column, and lines the columns up", () => {
    const text = terminalTable(
      ["Éditeur", "Installations", "Principaux risques"],
      [
        ["Fujian Foxit (福昕软件, Fuzhou)", "40", "loi chinoise sur le renseignement"],
        ["Microsoft", "8\u202f887", "CLOUD Act"],
      ],
      ["l", "r", "l"],
    );
    const [header, rule, ...rows] = text.split("\n");
    const segments = [...rule!.matchAll(/─+/g)].map((m) => m[0].length);
    expect(segments).toEqual([displayWidth("Fujian Foxit (福昕软件, Fuzhou)"), 13, 33]);
    // Each column starts at the same display column on every line.
    const starts = (line: string, cells: string[]) => cells.map((c) => displayWidth(line.slice(0, line.indexOf(c))));
    const columns = [0, segments[0]! + 2, segments[0]! + 2 + 13 + 2];
    expect(starts(header!, ["Éditeur", "Installations", "Principaux risques"])).toEqual(columns);
    expect(starts(rows[0]!, ["Fujian", "40", "loi chinoise"]).at(-1)).toBe(columns[2]);
    expect(starts(rows[1]!, ["Microsoft", "8\u202f887", "CLOUD Act"]).at(-1)).toBe(columns[2]);
  });
});
