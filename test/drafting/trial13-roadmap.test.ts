/**
 * Trial 13 (6 December 2026), B4, against the real catalog, on other products than the trial's: the roadmap's
 * calendar and its objective tell one story. The phase that reaches the objective is dated, at the objective's date,
 * with what the replacements the objective needs leave (never with what the whole phase would leave: « Fin des
 * chantiers de fond | décembre 2028 | 1,1 % » beside « Objectif | décembre 2028 | 50 % au plus »); the rest of that
 * phase goes beyond the objective: listed « au-delà de l'objectif, à programmer », with no deadline in the plan.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildContext } from "../../server/drafting/context.ts";
import { parseInputs } from "../../server/drafting/inputs.ts";
import { roadmapOwnData } from "../../server/drafting/own-data.ts";
import { phaseMilestones, targetSplit } from "../../server/drafting/roadmap-calendar.ts";
import { planRoadmap } from "../../server/drafting/roadmap-plan.ts";
import { loadStructure } from "../../server/drafting/structure.ts";
import { loadMatchIndex, type MatchIndex } from "../../server/inventory/match.ts";
import { analysedRows, inventoryRow } from "../inventory/fixtures.ts";

let index: MatchIndex;
const NOW = "2026-12-05T08:00:00.000Z";
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
});
const analysis = () =>
  analysedRows(
    [
      inventoryRow("Microsoft Windows 10 Professionnel", "Microsoft Corporation", 400),
      inventoryRow("Microsoft Windows 11 Entreprise", "Microsoft Corporation", 300),
      inventoryRow("Microsoft 365 Apps for enterprise", "Microsoft Corporation", 300),
      inventoryRow("Google Chrome", "Google LLC", 300),
      inventoryRow("Zoom Workplace", "Zoom Video Communications, Inc.", 40),
      inventoryRow("Microsoft SQL Server 2019 Express", "Microsoft Corporation", 8),
      inventoryRow("Oracle Database 19c", "Oracle Corporation", 2),
      inventoryRow("FortiClient VPN", "Fortinet Technologies Inc", 150),
      inventoryRow("LibreOffice 24.8.2.1", "The Document Foundation", 200),
    ],
    index,
    NOW,
  );
const percent = (cell: string) => Number(cell.replace(/[^\d,]/g, "").replace(",", "."));

describe("the calendar reaches the objective on its date, no further (B4)", () => {
  it("dates the reaching phase with what the replacements the objective needs leave", () => {
    const plan = planRoadmap(analysis(), { target: 50, now: NOW });
    const split = targetSplit(plan)!;
    expect(split.phase).toBe("deep");
    expect(split.weighted!).toBeLessThanOrEqual(50);
    expect(split.weighted!).toBeGreaterThan((plan.target.floor ?? 0) + 5);
    expect(split.beyond.map((l) => l.item.name)).toContain("FortiClient VPN");
    const deep = phaseMilestones(plan, "2027-01", "2028-12").find((m) => m.phase === "deep")!;
    expect(deep.month).toBe("2028-12");
    expect(deep.weighted).toBeCloseTo(split.weighted!, 6);
    // The document's own figures know it: a sentence stating it is not « non vérifié ».
    const own = roadmapOwnData(plan, { date: "2028-12" }).figures.map((f) => f.value);
    expect(own).toContain(split.weighted);
  });

  it("prints one value at the objective's date and the rest of the phase beyond it", () => {
    const ctx = buildContext(
      "roadmap",
      parseInputs("roadmap", {
        collectivite: { name: "Communauté de communes du Pays de Landerneau-Daoulas" },
        analysisId: "t",
        targetShare: 50,
        startDate: "2027-01",
        targetDate: "2028-12",
      }),
      analysis(),
      loadStructure("roadmap"),
      NOW,
    );
    const rows = ctx.vars
      .calendar_table!.split("\n")
      .slice(2)
      .map((r) =>
        r
          .split("|")
          .map((c) => c.trim())
          .filter(Boolean),
      );
    const atTarget = rows.filter((r) => r[1] === "décembre 2028");
    // The objective and the phase that meets it: the phase's value is within the objective, not far below it.
    for (const r of atTarget) if (/%/.test(r[2]!)) expect(percent(r[2]!)).toBeGreaterThan(20);
    const beyond = rows.find((r) => r[1] === "au-delà de l'objectif, à programmer");
    expect(beyond?.[0]).toMatch(/Chantiers de fond/i);
    expect(percent(beyond![2]!)).toBeLessThan(5);
    expect(ctx.vars.calendar_intro).toMatch(/à programmer/);
  });
});
