/**
 * The compact storage of an analysis's items (column dictionaries, gzip) gives back exactly what was stored, and
 * the CSV export defuses cells a spreadsheet would run as formulas.
 */
import { describe, expect, it } from "vitest";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { encodeTable, packTables, tableRow, tableRows, unpackTables } from "../../server/inventory/compact.ts";
import { mapToCsv } from "../../server/inventory/export.ts";
import { loadMatchIndex } from "../../server/inventory/match.ts";
import { parseInventoryFiles } from "../../server/inventory/parse.ts";
import { allInventories, INVENTORY_CORPUS } from "./fixtures.ts";

describe("compact tables", () => {
  it("round-trips every item of the test inventories, fields absent, null and nested included", async () => {
    const { rows } = parseInventoryFiles(allInventories());
    const { items, unknown } = analyzeRows(rows, await loadMatchIndex(INVENTORY_CORPUS));
    const blob = packTables({ items: encodeTable(items), unknown: encodeTable(unknown) });
    const back = await unpackTables(blob);
    expect(tableRows(back.items!)).toEqual(JSON.parse(JSON.stringify(items)));
    expect(tableRows(back.unknown!)).toEqual(JSON.parse(JSON.stringify(unknown)));
    // Repeated values are stored once: far smaller than the JSON.
    expect(blob.byteLength).toBeLessThan(JSON.stringify(items).length / 4);

    const odd = [{ a: 1, b: null }, { a: "1" }, { b: { x: [1, 2] }, c: undefined }, { a: 1, b: { x: [1, 2] } }];
    const table = await unpackTables(packTables({ t: encodeTable(odd) }));
    expect(tableRows(table.t!)).toEqual([
      { a: 1, b: null },
      { a: "1" },
      { b: { x: [1, 2] } },
      { a: 1, b: { x: [1, 2] } },
    ]);
    expect(tableRow(table.t!, 1)).not.toHaveProperty("b");
  });
});

describe("CSV export", () => {
  it("quotes separators and defuses formulas", async () => {
    const { rows } = parseInventoryFiles([
      {
        name: "x.csv",
        bytes: new TextEncoder().encode('Nom;Éditeur\n"=HYPERLINK(""http://x"")";Acme\n"Outil; ""pro""";-Régie\n'),
      },
    ]);
    const { items } = analyzeRows(rows, await loadMatchIndex(INVENTORY_CORPUS));
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(mapToCsv(encodeTable(items)));
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text.trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.includes("HYPERLINK"))).toMatch(/^"'=HYPERLINK\(""http:\/\/x""\)";Acme;/);
    expect(lines.find((l) => l.includes("Outil"))).toMatch(/^"Outil; ""pro""";'-Régie;/);
  });
});
