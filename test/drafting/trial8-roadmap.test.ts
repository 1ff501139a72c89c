/**
 * Trial 8 (5 December 2026), the roadmap and the context the DSI wrote, against the real catalog:
 * - B1: « on garde X pour … » is a decision: X is not planned for replacement (it stays counted), and the document
 *   says so; a decision that names nothing of the inventory is said not taken into account. The trial saw « on garde
 *   ArcGIS Pro pour le service urbanisme » ignored; tested on AutoCAD and on « nous conservons Zoom ».
 * - B2: a dated sentence that names a product by its vendor only (« le contrat Sophos se termine en mars 2027 ») is
 *   that product's local deadline when the plan has one product of that vendor: the replacement is due before the
 *   contract ends. Tested on « le contrat Cisco » (Webex).
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildContext } from "../../server/drafting/context.ts";
import { parseInputs } from "../../server/drafting/inputs.ts";
import { planRoadmap } from "../../server/drafting/roadmap-plan.ts";
import { loadStructure } from "../../server/drafting/structure.ts";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { loadMatchIndex, type MatchIndex } from "../../server/inventory/match.ts";
import { analysedRows, asAnalysis, inventoryRow } from "../inventory/fixtures.ts";

let index: MatchIndex;
const NOW = "2026-12-05T08:00:00.000Z";
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
});
const analysis = () =>
  analysedRows(
    [
      inventoryRow("Microsoft Windows 10 Professionnel", "Microsoft Corporation", 100),
      inventoryRow("Microsoft Office Professionnel Plus 2019", "Microsoft Corporation", 100),
      inventoryRow("AutoCAD LT 2024 - Français (French)", "Autodesk", 6),
      inventoryRow("Zoom Workplace", "Zoom Video Communications, Inc.", 30),
      inventoryRow("Dropbox", "Dropbox, Inc.", 12),
      inventoryRow("Cisco Webex Meetings", "Cisco Webex LLC", 25),
    ],
    index,
    NOW,
  );
const names = (lines: { item: { name: string } }[]) => lines.map((l) => l.item.name);

describe("a decision to keep a product (B1)", () => {
  it("takes AutoCAD out of the replacements, and the plan says why", () => {
    const a = analysis();
    const before = planRoadmap(a, { now: NOW });
    expect(names(before.lines)).toContain("AutoCAD LT 2024 - Français (French)");
    const plan = planRoadmap(a, {
      now: NOW,
      context: "On garde AutoCAD pour le bureau d'études. Nous conservons Zoom.",
    });
    expect(names(plan.lines)).not.toContain("AutoCAD LT 2024 - Français (French)");
    expect(names(plan.lines)).not.toContain("Zoom Workplace");
    expect(plan.decided.flatMap((d) => d.items.map((i) => i.name))).toEqual([
      "AutoCAD LT 2024 - Français (French)",
      "Zoom Workplace",
    ]);
    expect(names(plan.lines)).toContain("Dropbox");
  });

  it("does not take a negated or conditional sentence as a decision", () => {
    const plan = planRoadmap(analysis(), { now: NOW, context: "On ne garde pas AutoCAD. Faut-il garder Zoom ?" });
    expect(names(plan.lines)).toContain("AutoCAD LT 2024 - Français (French)");
    expect(names(plan.lines)).toContain("Zoom Workplace");
  });

  it("the document says the decision, and one it could not apply", () => {
    const ctx = buildContext(
      "roadmap",
      parseInputs("roadmap", {
        collectivite: { name: "Commune de Plouzané" },
        analysisId: "t",
        targetDate: "2029-12-31",
        context: "On garde AutoCAD pour le bureau d'études. On garde Chorus Pro pour les factures.",
      }),
      analysis(),
      loadStructure("roadmap"),
      NOW,
    );
    const all = Object.values(ctx.vars).join("\n");
    expect(all).toMatch(/AutoCAD LT 2024[^\n]*gardé[^\n]*« On garde AutoCAD pour le bureau d'études »/);
    expect(all).toMatch(/« On garde Chorus Pro pour les factures »[^\n]*aucun logiciel de l'inventaire/);
    expect(ctx.vars.phases ?? all).not.toMatch(/\*\*AutoCAD/);
  });
});

describe("a contract end named by the vendor only (B2)", () => {
  it("is the local deadline of that vendor's one product", () => {
    const plan = planRoadmap(analysis(), {
      now: NOW,
      context: "Le contrat Cisco se termine en mars 2027 ; le contrat Microsoft court jusqu'en 2030.",
    });
    const cisco = plan.events.find((e) => e.text.includes("Cisco"))!;
    expect(names(cisco.lines)).toEqual(["Cisco Webex Meetings"]);
    // Two Microsoft products: the vendor alone names neither.
    const microsoft = plan.events.find((e) => e.text.includes("Microsoft"));
    expect(microsoft ? names(microsoft.lines) : []).toEqual([]);
  });
});

/**
 * B3 (related): the antivirus built into Windows (« Windows Defender », « Microsoft Defender Antivirus ») goes with
 * Windows — counted and replaced with it — and is not a « gain rapide » of its own beside the antivirus the
 * collectivité already runs. Tested with Windows 10 and Trellix/Bitdefender rather than the trial's Windows 11/Sophos.
 */
describe("the antivirus built into Windows (B3)", () => {
  it("is counted with Windows, not proposed as a replacement of its own", () => {
    const r = analyzeRows(
      [
        inventoryRow("Microsoft Windows 10 Professionnel", "Microsoft Corporation", 80),
        inventoryRow("Microsoft Defender Antivirus", "Microsoft Corporation", 80),
        inventoryRow("Bitdefender Endpoint Security Tools", "Bitdefender", 75),
      ],
      index,
      { now: NOW },
    );
    expect(r.items.find((i) => i.name === "Microsoft Defender Antivirus")).toMatchObject({
      component: true,
      partOf: "windows-10",
    });
    const plan = planRoadmap(asAnalysis(r, NOW), { now: NOW });
    expect(names(plan.lines)).not.toContain("Microsoft Defender Antivirus");
  });
});
