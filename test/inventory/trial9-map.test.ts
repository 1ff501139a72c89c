/**
 * Trial 9 (6 December 2026), the map's count by category, against the real catalog:
 * - B3: « Non classé | 134 installations | 100 % extra-européenne » when 7 of the 134 were known to be extra-European
 *   and the rest of unknown origin. The unknown are never counted as extra-European, and the share is always said
 *   with how many are known and unknown (since trial 14 B15 the share is, like the global one, over the installations
 *   of known origin: « 100 % des 6 d'origine connue (90 d'origine inconnue) », never « 100 % » alone nor « 6,3 % »).
 *   Tested with a home-made application, an unknown publisher and one Adobe tool the catalog lacks, in the map's
 *   summary, the roadmap's « État des lieux » and the ODS export.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildContext } from "../../server/drafting/context.ts";
import { parseInputs } from "../../server/drafting/inputs.ts";
import { loadStructure } from "../../server/drafting/structure.ts";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { categoryRows } from "../../server/inventory/export.ts";
import { loadMatchIndex, type MatchIndex } from "../../server/inventory/match.ts";
import { asAnalysis, inventoryRow } from "./fixtures.ts";

let index: MatchIndex;
const NOW = "2026-12-05T08:00:00.000Z";
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
});
const result = () =>
  analyzeRows(
    [
      inventoryRow("Microsoft Windows 10 Professionnel", "Microsoft Corporation", 100),
      inventoryRow("Adobe Digital Editions 4.5", "Adobe Inc.", 6),
      inventoryRow("Gestion Cimetière (application maison)", "", 50),
      inventoryRow("Régie Eau Facturation", "Aquasoft Informatique", 40),
    ],
    index,
    { now: NOW },
  );

describe("a category whose origin is mostly unknown (B3)", () => {
  it("counts on the map only what is known to be extra-European, and says the rest unknown", () => {
    const unclassified = result().summary.categories.find((c) => c.category === "unclassified")!;
    expect(unclassified.installations).toBe(96);
    expect(unclassified.extraEuropean.installations).toBe(6);
    expect(unclassified.extraEuropean.share).toBe(1);
    expect(unclassified.extraEuropean.known).toBe(6);
    expect(unclassified.extraEuropean.unknown).toBe(90);
    // A category fully known keeps its share and has no unknown.
    const workstation = result().summary.categories.find((c) => c.category === "workstation")!;
    expect(workstation.extraEuropean).toMatchObject({ share: 1, unknown: 0 });
  });

  it("the ODS export gives the same share with the known and unknown installations beside it", () => {
    const rows = [...categoryRows(result().summary)];
    const unclassified = rows.find((r) => String(r[0]).toLowerCase() === "non classé")!;
    expect(unclassified.slice(3, 7)).toEqual([96, 100, 6, 90]);
  });

  it("the roadmap's « État des lieux » never reads 100 % alone for it", () => {
    const ctx = buildContext(
      "roadmap",
      parseInputs("roadmap", {
        collectivite: { name: "Commune de Saint-Pierre-des-Corps" },
        analysisId: "t",
        targetDate: "2029-12",
      }),
      asAnalysis(result(), NOW),
      loadStructure("roadmap"),
      NOW,
    );
    const row = ctx.vars.baseline_table!.split("\n").find((l) => l.startsWith("| Non classé"))!;
    expect(row).toMatch(/\| 96 \| 6 \| 100\s% des 6 d'origine connue \(90 d'origine inconnue\) \|$/);
  });
});
