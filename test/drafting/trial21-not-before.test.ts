/**
 * trial21 T-M10: a tight roadmap (5 % by March 2027) changes Windows 10 and 11 for Debian while the DSI's context says
 * « Pas de changement de poste de travail avant septembre 2027 » — a sentence naming the postes, no product — and the
 * roadmap listed it as a jalon after the objective, dated by the contract's end (« jusqu'à août 2027 »), without a word.
 * The roadmap now says the calendar cannot be kept as written, quoting the DSI's sentence, as it does for an earliest
 * date naming the products (trial19 M4).
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
const ms = microsoftRow;
const analysis = (): InventoryAnalysis => ({
  ...analysedRows(
    [
      ms("Microsoft Windows 10 Professionnel", 48, ["10.0.19045"]),
      ms("Microsoft Windows 11 Professionnel", 37),
      inventoryRow("Kaspersky Endpoint Security for Windows", "AO Kaspersky Lab", 85),
      inventoryRow("Sage Paie & RH", "Sage", 3),
    ],
    index,
    NOW,
  ),
  id: "trial21-tight",
  name: "Inventaire",
});
const CONTEXT =
  "Notre logiciel de paie (Sage Paie & RH) ne fonctionne que sous Windows. Pas de changement de poste de travail " +
  "avant septembre 2027 : le marché de renouvellement des PC court jusqu'à août 2027.";
const TIGHT = {
  collectivite: { name: "Commune de Lanvézennec", kind: "commune" },
  analysisId: "trial21-tight",
  startDate: "2027-01",
  targetDate: "2027-03",
  targetShare: 5,
  context: CONTEXT,
};
const warnings = (inputs: Record<string, unknown>) =>
  roadmapContext(parseInputs("roadmap", inputs) as RoadmapInputs, analysis(), loadStructure("roadmap"), NOW).vars
    .calendar_warnings ?? "";

describe("a roadmap whose target changes the postes before the DSI's earliest date (trial21 T-M10)", () => {
  it("says the calendar cannot be kept, quoting the DSI's sentence and naming the systems", () => {
    expect(warnings(TIGHT)).toMatch(
      /Calendrier intenable tel quel : le contexte local dit « Pas de changement de poste de travail avant septembre 2027[^»]*» ; or l'objectif [^.]*Windows/,
    );
  });

  it("says nothing of it when the target comes after that date", () => {
    // (Windows 10 waiting unpatched until then is another concern, said whatever the target: trial22 T-M10.)
    expect(warnings({ ...TIGHT, targetDate: "2029-06", targetShare: 40 })).not.toMatch(
      /Calendrier intenable[^\n]*Pas de changement de poste/,
    );
  });
});

describe("a roadmap with no target typed (trial21 T-M13)", () => {
  const sentence = (inputs: Record<string, unknown>) =>
    roadmapContext(parseInputs("roadmap", inputs) as RoadmapInputs, analysis(), loadStructure("roadmap"), NOW).vars
      .target_sentence ?? "";
  it("says the target proposed is Cap Libre's default, and the nearer first step", () => {
    const { targetShare: _, targetDate: __, ...none } = TIGHT;
    expect(sentence(none)).toMatch(
      /Aucun objectif chiffré n'a été saisi : celui-ci est la valeur par défaut de Cap Libre, la fin de la phase « [^»]+ »\. Une première étape plus proche, la fin de la phase « Gains rapides », ramènerait l'exposition pondérée à \d/,
    );
  });
  it("says nothing of it when a target is typed", () => {
    expect(sentence(TIGHT)).not.toMatch(/Aucun objectif chiffré/);
  });
});
