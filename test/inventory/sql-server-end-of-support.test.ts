/**
 * trial19 D1: « Microsoft SQL Server 2014 Express » (3) and « Microsoft SQL Server 2012 (64-bit) » (OCS, on the 2012
 * R2 server) had no end-of-support line at all on the map (risks: only « Hausses de prix ») and none in the roadmap,
 * whereas Windows Server 2012 R2 got its date: read quickly, the map said « supported ». The catalogue now dates the
 * SQL Server editions it holds a vendor page for (2012: Microsoft Learn's ESU page; 2016: Microsoft's SQL Server blog);
 * another edition (2014) is said « à vérifier auprès de l'éditeur », never left silent, never given a neighbour's date.
 * Windows Server 2019 keeps its own date beside a 2012 R2 line (edition matching, not the product's first date).
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildContext } from "../../server/drafting/context.ts";
import { parseInputs } from "../../server/drafting/inputs.ts";
import { loadStructure } from "../../server/drafting/structure.ts";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { loadMatchIndex, type MatchIndex } from "../../server/inventory/match.ts";
import { inventoryRow } from "./fixtures.ts";

let index: MatchIndex;
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
});
const NOW = "2026-12-07T08:00:00Z";
const row = (name: string, installations: number, versions: string[] = []) => ({
  ...inventoryRow(name, "Microsoft Corporation", installations),
  versions,
});
const rows = () => [
  row("Microsoft SQL Server 2014 Express", 3, ["12.0.6024.0"]),
  row("Microsoft SQL Server 2012 (64-bit)", 1, ["11.0.7001.0"]),
  row("Microsoft SQL Server 2016 Express", 2, ["13.0.6300.2"]),
  row("Microsoft Windows Server 2019 Datacenter", 9, ["10.0.17763"]),
  row("Microsoft Windows Server 2012 R2 Standard", 3, ["6.3.9600"]),
  row("Microsoft SQL Server 2019 (64-bit)", 4, ["15.0.2000.5"]),
  row("Microsoft Windows 11 Professionnel", 120),
];
const support = (item: { risks: { kind: string; label: string; date?: string }[] }) =>
  item.risks.filter((r) => r.kind.startsWith("end-of-support"));

describe("SQL Server editions carry their end of support on the map (trial19 D1)", () => {
  it("dates 2012 and 2016 from the vendor's pages, says 2014 « à vérifier », keeps Server 2019 apart", () => {
    const { items } = analyzeRows(rows(), index, { now: NOW });
    const byName = (n: string) => items.find((i) => i.name === n)!;
    const sql2012 = support(byName("Microsoft SQL Server 2012 (64-bit)"));
    expect(sql2012.map((r) => [r.kind, r.date])).toEqual([["end-of-support", "2022-07-12"]]);
    expect(sql2012[0]!.label).toMatch(/SQL Server 2012 .*le 12 juillet 2022 selon l'éditeur \(Microsoft Learn/);
    const sql2016 = support(byName("Microsoft SQL Server 2016 Express"));
    expect(sql2016.map((r) => [r.kind, r.date])).toEqual([["end-of-support", "2026-07-14"]]);
    const sql2014 = support(byName("Microsoft SQL Server 2014 Express"));
    expect(sql2014).toHaveLength(1);
    expect(sql2014[0]!.date).toBeUndefined();
    expect(sql2014[0]!.label).toMatch(/l'édition 2014 n'est pas dans le catalogue, sa date est à vérifier/);
    // No neighbour's date: neither 2012's nor 2016's.
    expect(sql2014[0]!.label).not.toMatch(/2022|2026/);
    // 2019, newer than every edition the catalogue dates: no end of support presumed, none said.
    expect(support(byName("Microsoft SQL Server 2019 (64-bit)"))).toEqual([]);
    // Windows Server 2019 runs until January 2029: no end of support yet, whatever the 2012 R2 line says.
    expect(support(byName("Microsoft Windows Server 2019 Datacenter"))).toEqual([]);
    expect(support(byName("Microsoft Windows Server 2012 R2 Standard")).map((r) => r.date)).toEqual(["2023-10-10"]);
  });

  it("puts the dated SQL Server editions first in the roadmap, and Server 2019 without 2012 R2's date", () => {
    const analysis = { ...analyzeRows(rows(), index, { now: NOW }), id: "sql-d1", name: "Inventaire" };
    const inputs = parseInputs("roadmap", {
      collectivite: { name: "Communauté de communes des Coteaux", kind: "communauté de communes" },
      analysisId: "sql-d1",
      startDate: "2027-01",
      targetDate: "2029-06",
      targetShare: 40,
    });
    const detail = buildContext("roadmap", inputs, analysis as never, loadStructure("roadmap"), NOW).vars
      .phases_detail!;
    const lines = detail.split("\n").filter((l) => l.startsWith("- **"));
    const sql = lines.filter((l) => /SQL Server/.test(l));
    expect(sql.join("\n")).toMatch(/12 juillet 2022/);
    expect(sql.join("\n")).toMatch(/14 juillet 2026/);
    // 2014, not dated by the catalogue: « à vérifier », not silence.
    expect(sql.find((l) => /2014 Express/.test(l))).toMatch(/fin du support de l'éditeur à vérifier/);
    const server2019 = lines.find((l) => /Windows Server 2019/.test(l))!;
    expect(server2019).not.toMatch(/10 octobre 2023|à vérifier/);
  });
});
