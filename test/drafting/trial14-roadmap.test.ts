/**
 * Trial 14 (6 December 2026), B4: the roadmap put a maker's utility on 300 computers (« Lenovo Vantage Service »), a
 * cleaning utility (« CCleaner Free ») and « Huawei PC Manager » on 5 computers in « Chantiers de fond » with
 * « alternative à rechercher », and gave a line the map only has « à vérifier » as sure. Utilities are to uninstall
 * whatever their count; an unsure line says so. Tested on other utilities than the trial's (Dell SupportAssist).
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildContext } from "../../server/drafting/context.ts";
import { parseInputs } from "../../server/drafting/inputs.ts";
import { planRoadmap } from "../../server/drafting/roadmap-plan.ts";
import { loadStructure } from "../../server/drafting/structure.ts";
import { loadMatchIndex, type MatchIndex } from "../../server/inventory/match.ts";
import { analysedRows, inventoryRow } from "../inventory/fixtures.ts";

let index: MatchIndex;
const NOW = "2026-12-06T08:00:00.000Z";
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
});
const analysis = () =>
  analysedRows(
    [
      inventoryRow("Microsoft Windows 11 Professionnel", "Microsoft Corporation", 300),
      inventoryRow("Lenovo Vantage Service", "Lenovo Group Ltd.", 300),
      inventoryRow("CCleaner Free", "Piriform Software Ltd", 17),
      inventoryRow("Huawei PC Manager", "Huawei Device Co., Ltd.", 5),
      inventoryRow("Dell SupportAssist", "Dell Inc.", 40),
      inventoryRow("ArcGIS Pro", "Esri", 45),
    ],
    index,
    NOW,
  );

describe("utilities and unsure lines in the roadmap (B4)", () => {
  it("plans the makers' and cleaning utilities as quick removals, whatever their count", () => {
    const plan = planRoadmap(analysis(), { now: NOW });
    const line = (name: string) => plan.lines.find((l) => l.item.name === name);
    for (const name of ["Lenovo Vantage Service", "CCleaner Free", "Huawei PC Manager", "Dell SupportAssist"]) {
      if (!line(name)) continue; // not exposed: not planned at all
      expect(line(name), name).toMatchObject({ phase: "quick", removal: true, utility: true, alternative: null });
    }
    expect(line("Lenovo Vantage Service")).toBeDefined();
    expect(line("Huawei PC Manager")).toBeDefined();
    // Business software stays a project.
    expect(line("ArcGIS Pro")?.removal).toBe(false);
    // The map gives Huawei PC Manager only « à vérifier »: the roadmap says so.
    expect(line("Huawei PC Manager")?.unsure).toBe(true);
    expect(line("Lenovo Vantage Service")?.unsure ?? false).toBe(false);
  });

  it("says « à désinstaller » for them, never « alternative à rechercher » in the deep phase", () => {
    const ctx = buildContext(
      "roadmap",
      parseInputs("roadmap", { collectivite: { name: "Département du Gard" }, analysisId: "t", targetDate: "2029-12" }),
      analysis(),
      loadStructure("roadmap"),
      NOW,
    );
    const detail = ctx.vars.phases_detail!;
    const deep = detail.split("### Chantiers de fond")[1] ?? "";
    expect(deep).not.toMatch(/Lenovo Vantage|Huawei PC Manager|CCleaner/);
    const quick = detail.split("### Remplacements accompagnés")[0]!;
    expect(quick).toMatch(/\*\*Lenovo Vantage Service\*\* \([^\n]*\) → à désinstaller : utilitaire du constructeur/);
    expect(quick).toMatch(/\*\*Huawei PC Manager\*\* \([^\n]*à vérifier dans la cartographie[^\n]*\) → à désinstaller/);
    expect(quick).toMatch(/utilitaires des constructeurs et de nettoyage/);
  });
});
