/**
 * trial22 T-H8: a GLPI computer list says on which postes the payroll software runs (PC-RH-01…04: Windows 11 and
 * « Berger Levrault BL.RH Paie »; PC-ACC-01…06: Windows 10 without it). With « La paie BL.RH ne fonctionne que sous
 * Windows » in the context, the roadmap kept 4 Windows 10 postes (the first line planned) and sent the 4 payroll
 * postes to Debian: followed, the plan breaks the payroll. Where the export names the computers, the postes kept are
 * those the software is installed on, on the system line they run.
 * The trial's own export (`test/fixtures/drafting/trial22-glpi-ordinateurs.csv`), the real catalogue.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildContext } from "../../server/drafting/context.ts";
import { parseInputs } from "../../server/drafting/inputs.ts";
import { planRoadmap } from "../../server/drafting/roadmap-plan.ts";
import { loadStructure } from "../../server/drafting/structure.ts";
import type { InventoryAnalysis } from "../../server/drafting/types.ts";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { keptRows } from "../../server/inventory/job.ts";
import { loadMatchIndex, type MatchIndex } from "../../server/inventory/match.ts";
import { parseInventoryFiles } from "../../server/inventory/parse.ts";

const NOW = "2026-12-07T08:00:00.000Z";
let index: MatchIndex;
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
}, 120_000);

const analysis = (): InventoryAnalysis => {
  const bytes = new Uint8Array(readFileSync("test/fixtures/drafting/trial22-glpi-ordinateurs.csv"));
  const { rows } = parseInventoryFiles([{ name: "glpi-ordinateurs.csv", bytes }]);
  const { items } = analyzeRows(rows, index, { now: NOW });
  return { id: "sarzeine-postes", name: "Postes du Val de Sarzeine", items };
};
const WIN10 = "Microsoft Windows 10 Professionnel";
const WIN11 = "Microsoft Windows 11 Professionnel";
const kept = (context: string) => {
  const plan = planRoadmap(analysis(), { context, now: NOW });
  // A line all of whose postes stay is set aside from the plan's lines; the sentence's lines still hold it.
  const lines = [...new Set([...plan.lines, ...plan.systemBound.flatMap((b) => b.lines)])];
  return Object.fromEntries(
    lines.filter((l) => l.item.name === WIN10 || l.item.name === WIN11).map((l) => [l.item.name, l.keptBySystem ?? 0]),
  );
};

describe("the postes kept under Windows are those the Windows-only software is on (trial22 T-H8)", () => {
  it("saves, for a computer list, which computers each line is on (no computer name)", () => {
    const items = analysis().items;
    const paie = items.find((i) => /BL\.RH/.test(i.name))!;
    const win11 = items.find((i) => i.name === WIN11)!;
    expect(paie.computers).toHaveLength(4);
    expect(win11.computers).toEqual(paie.computers);
    expect(JSON.stringify(items)).not.toMatch(/PC-RH/i);
  });

  it("an analysis made again from the rows kept with it counts and places the computers as the first", () => {
    const bytes = new Uint8Array(readFileSync("test/fixtures/drafting/trial22-glpi-ordinateurs.csv"));
    const { rows } = parseInventoryFiles([{ name: "glpi-ordinateurs.csv", bytes }]);
    const lines = (r: typeof rows) =>
      analyzeRows(r, index, { now: NOW })
        .items.map((i) => [i.name, i.installations, i.computers?.length])
        .sort();
    // Before: every line counted once (the rows kept one per name, with the first computer).
    expect(lines(keptRows(rows))).toEqual(lines(rows));
  });

  it.each([
    "La paie BL.RH ne fonctionne que sous Windows : les postes RH restent sous Windows.",
    "La paie et les carrieres tournent sous BL.RH (Berger-Levrault), qui n'existe qu'en client lourd Windows : les 4 postes du service RH doivent rester sous Windows.",
  ])("« %s » keeps the 4 Windows 11 payroll postes, not 4 of the 6 Windows 10 ones", (context) => {
    expect(kept(context)).toEqual({ [WIN10]: 0, [WIN11]: 4 });
  });

  it("the roadmap keeps the Windows 11 line, and plans the 6 Windows 10 postes whole", () => {
    const context = "La paie BL.RH ne fonctionne que sous Windows : les postes RH restent sous Windows.";
    const a = analysis();
    const inputs = parseInputs("roadmap", {
      collectivite: { name: "Communauté de communes du Val de Sarzeine", kind: "communauté de communes" },
      analysisId: a.id,
      startDate: "2027-01",
      targetDate: "2028-12",
      context,
    });
    const v = buildContext("roadmap", inputs, a, loadStructure("roadmap"), NOW).vars;
    expect(v.target_requirements).toMatch(
      /4 postes restent sous Windows \(Berger Levrault BL\.RH Paie, 4 installations\)[^\n]*\(Microsoft Windows 11 Professionnel\)/,
    );
    expect(v.phases_detail).not.toMatch(/\*\*Microsoft Windows 11 Professionnel\*\*/);
    expect(v.phases_detail).toMatch(/\*\*Microsoft Windows 10 Professionnel\*\* \(6 installations/);
    expect(v.phases_detail).not.toMatch(/\*\*Microsoft Windows 10 Professionnel\*\*[^\n]*restent sous Windows/);
  });

  it("without computers in the export (counts per software), the postes are taken in the plan's order as before", () => {
    const a = analysis();
    const bare = { ...a, items: a.items.map(({ computers: _, ...i }) => i) };
    const plan = planRoadmap(bare, {
      context: "La paie BL.RH ne fonctionne que sous Windows : les postes RH restent sous Windows.",
      now: NOW,
    });
    expect(plan.lines.find((l) => l.item.name === WIN10)!.keptBySystem).toBe(4);
  });
});
