/**
 * trial22 T-M10: « Pas de budget pour changer les postes avant 2028 » in the context put Windows 10 « pas avant 2028 »
 * in the calendar, while the same roadmap says Windows 10 has had no security fixes since 14 October 2025 and is « à
 * mener en premier » — side by side, no remark: a DSI reading the calendar keeps an unpatched system until 2028. An
 * earliest date after a system's end of support is said to leave those postes without fixes until then, and that the
 * system can change on the postes already there.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { roadmapContext } from "../../server/drafting/documents/roadmap.ts";
import { parseInputs, type RoadmapInputs } from "../../server/drafting/inputs.ts";
import { loadStructure } from "../../server/drafting/structure.ts";
import type { InventoryAnalysis } from "../../server/drafting/types.ts";
import { loadMatchIndex, type MatchIndex } from "../../server/inventory/match.ts";
import { analysedRows, inventoryRow, microsoftRow } from "../inventory/fixtures.ts";

const NOW = "2026-12-07T08:00:00.000Z";
let index: MatchIndex;
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
}, 120_000);
const analysis = (): InventoryAnalysis => ({
  ...analysedRows(
    [
      microsoftRow("Microsoft Windows 10 Professionnel", 99, ["10.0.19045"]),
      microsoftRow("Microsoft Windows 11 Professionnel", 40),
      inventoryRow("Kaspersky Endpoint Security for Windows", "AO Kaspersky Lab", 139),
    ],
    index,
    NOW,
  ),
  id: "sarzeine-notarget",
  name: "Inventaire",
});
const INPUTS = {
  collectivite: { name: "Communauté de communes du Val de Sarzeine", kind: "communauté de communes" },
  analysisId: "sarzeine-notarget",
  startDate: "2027-01",
  context: "Pas de budget pour changer les postes avant 2028.",
};
const warnings = (inputs: Record<string, unknown>) =>
  roadmapContext(parseInputs("roadmap", inputs) as RoadmapInputs, analysis(), loadStructure("roadmap"), NOW).vars
    .calendar_warnings ?? "";

describe("an earliest date after a system's end of support (trial22 T-M10)", () => {
  it("says those postes stay without security fixes until then, with or without a target", () => {
    for (const inputs of [INPUTS, { ...INPUTS, targetDate: "2029-06", targetShare: 40 }]) {
      const w = warnings(inputs);
      expect(w).toMatch(/« Pas de budget pour changer les postes avant 2028 »/);
      expect(w).toMatch(/Microsoft Windows 10 Professionnel[^.]*correctifs de sécurité depuis le 14 octobre 2025/);
      expect(w).toMatch(/matériel existant/);
      expect(w).toMatch(/Attendre 2028,/);
    }
  });

  it("says nothing of it for a system still supported at that date", () => {
    expect(warnings({ ...INPUTS, context: "Pas de budget pour changer les postes avant 2028." })).not.toMatch(
      /Windows 11 Professionnel[^.]*correctifs de sécurité depuis/,
    );
  });
});
