/**
 * Trial 6 (5 December 2026, a DSI with a 55-line GLPI export), against the real catalog:
 * - A7, B11, B10 (below). A7: a vendor's console, guest tools or launcher goes with that vendor's product in the inventory — counted and
 *   replaced with it — instead of staying behind as a « chantier de fond » with « alternative à rechercher ». Tested
 *   on other vendors than the trial's (Trend Micro, Citrix, Esri); the trial's own export is checked last.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import type { AppError } from "../../server/core/errors.ts";
import { planRoadmap } from "../../server/drafting/roadmap-plan.ts";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { loadMatchIndex, type MatchIndex } from "../../server/inventory/match.ts";
import { bestAlternative } from "../../server/inventory/measure.ts";
import { parseInventoryFiles } from "../../server/inventory/parse.ts";
import type { InventoryRow } from "../../server/inventory/types.ts";
import { asAnalysis, INVENTORY_FIXTURES, inventoryRow, lineOf } from "./fixtures.ts";

let index: MatchIndex;
const NOW = "2026-12-05T08:00:00Z";
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
});

const analyze = (rows: InventoryRow[]) => analyzeRows(rows, index, { now: NOW });

describe("a vendor's console, guest tools and launcher go with its product (A7)", () => {
  it("counts an antivirus console the catalog does not know with the antivirus, not as a project of its own", () => {
    const r = analyze([
      inventoryRow("Trend Micro Apex One Security Agent", "Trend Micro Inc.", 300),
      inventoryRow("Trend Micro Apex Central Management Console", "Trend Micro Inc.", 1),
      inventoryRow("LibreOffice 24.8", "The Document Foundation", 300),
    ]);
    const console_ = lineOf(r, "Trend Micro Apex Central Management Console");
    expect(console_).toMatchObject({ component: true, partOf: "trend-micro-apex-one" });
    expect(console_.reason).toContain("Trend Micro Apex One / Vision One");
    expect(console_.reason).not.toContain("classez-le à la main");
    // Not « à classer », not a line of the plan with « alternative à rechercher ».
    expect(r.unknown.map((u) => u.name)).not.toContain(console_.name);
    const plan = planRoadmap(asAnalysis(r, NOW), { now: NOW });
    expect(plan.lines.map((l) => l.item.name)).not.toContain(console_.name);
    expect(plan.lines.find((l) => l.item.name === "Trend Micro Apex One Security Agent")?.alternative).toBeTruthy();
  });

  it("counts a hypervisor's guest tools with the hypervisor", () => {
    const r = analyze([
      inventoryRow("Citrix Hypervisor", "Citrix Systems, Inc.", 3),
      inventoryRow("Citrix VM Tools", "Citrix Systems, Inc.", 40),
    ]);
    expect(lineOf(r, "Citrix VM Tools")).toMatchObject({ component: true, partOf: "citrix-hypervisor" });
  });

  it("counts a vendor's launcher with the vendor's product, whose category it shares", () => {
    const r = analyze([
      inventoryRow("ArcGIS Pro", "Esri", 7),
      inventoryRow("ArcGIS Desktop 10.8", "Esri", 5),
      inventoryRow("Esri Desktop App", "Esri", 12),
    ]);
    expect(lineOf(r, "Esri Desktop App")).toMatchObject({ component: true, partOf: "arcgis-pro" });
  });

  it("leaves a module alone when its vendor's product is not in the inventory, or when the choice is ambiguous", () => {
    const alone = analyze([inventoryRow("Trend Micro Apex Central Management Console", "Trend Micro Inc.", 1)]);
    expect(lineOf(alone, "Trend Micro Apex Central Management Console").component).toBe(false);
    // Two products of the vendor in two categories (virtualization, network) and a launcher with no category:
    // no guess.
    const two = analyze([
      inventoryRow("Citrix Hypervisor", "Citrix Systems, Inc.", 3),
      inventoryRow("Citrix ADC", "Citrix Systems, Inc.", 2),
      inventoryRow("Citrix Desktop App", "Citrix Systems, Inc.", 5),
    ]);
    expect(lineOf(two, "Citrix Hypervisor").category).not.toBe(lineOf(two, "Citrix ADC").category);
    expect(lineOf(two, "Citrix Desktop App").component).toBe(false);
  });

  it("on the trial's export: the Kaspersky console, VMware Tools and the Autodesk launcher leave the plan", () => {
    const file = path.join(INVENTORY_FIXTURES, "trial/glpi-ca-val-de-sevre.csv");
    const bytes = new Uint8Array(readFileSync(file));
    const { rows } = parseInventoryFiles([{ name: "ca.csv", bytes }]);
    const r = analyze(rows);
    expect(lineOf(r, "Kaspersky Security Center 14 Administration Server").partOf).toBe("kaspersky-endpoint-security");
    expect(lineOf(r, "VMware Tools").partOf).toBe("vmware-vsphere");
    expect(lineOf(r, "Autodesk Desktop App").partOf).toBe("autocad");
    const plan = planRoadmap(asAnalysis(r, NOW), { now: NOW });
    expect(plan.lines.filter((l) => !l.alternative).map((l) => l.item.name)).not.toContain(
      "Kaspersky Security Center 14 Administration Server",
    );
  });
});

/**
 * B11. The order of alternatives: a replacement that leaves extra-European jurisdiction comes before one that stays
 * under it, whether it replaces the product directly or covers its main uses (partial); an extra-European
 * replacement still comes before a European « autre approche », which is no replacement. Tested on Okta, GitLab and
 * Outlook (the trial saw it on Edge, Chrome and Project).
 */
describe("a European replacement comes before one still under extra-European jurisdiction (B11)", () => {
  it("proposes first, in the map and in the plan, the European partial replacement over the US drop-in", () => {
    const r = analyze([
      inventoryRow("Okta Verify", "Okta, Inc.", 80),
      inventoryRow("GitLab Premium", "GitLab Inc.", 4),
      inventoryRow("Thunderbird", "Mozilla", 10),
    ]);
    for (const name of ["Okta Verify", "GitLab Premium"]) {
      const item = lineOf(r, name);
      // Both kinds are in the catalog: a US drop-in (Keycloak, GitLab CE) and a European partial replacement.
      expect(item.alternatives.some((a) => a.extraEuropean && a.fit === "drop-in")).toBe(true);
      expect(item.alternatives[0]!.extraEuropean).toBeFalsy();
      expect(bestAlternative(item.alternatives)?.extraEuropean).toBeFalsy();
      const plan = planRoadmap(asAnalysis(r, NOW), { now: NOW });
      expect(plan.lines.find((l) => l.item.name === name)?.alternative?.extraEuropean).toBeFalsy();
    }
  });

  it("keeps an extra-European replacement before a European « autre approche »", () => {
    const r = analyze([inventoryRow("Microsoft Outlook 2019", "Microsoft Corporation", 50)]);
    const outlook = lineOf(r, "Microsoft Outlook 2019");
    expect(outlook.alternatives.some((a) => !a.extraEuropean && a.fit === "different-approach")).toBe(true);
    expect(bestAlternative(outlook.alternatives)?.fit).not.toBe("different-approach");
    expect(outlook.alternatives[0]!.fit).not.toBe("different-approach");
  });
});

/**
 * B10. Upload messages say what the file is: a word-processing document or a presentation is not « un classeur ou
 * une archive »; a ZIP archive is told apart from a spreadsheet; a text of long random letter-and-digit strings is
 * « pas des noms de logiciels », not an inventory too big to analyse.
 */
describe("an upload that is not an inventory is named for what it is (B10)", () => {
  const rejection = (name: string, bytes: Uint8Array) => {
    try {
      parseInventoryFiles([{ name, bytes }]);
    } catch (err) {
      return err as AppError;
    }
    throw new Error("accepted");
  };
  const odf = (type: string) =>
    zipSync({
      mimetype: [strToU8(`application/vnd.oasis.opendocument.${type}`), { level: 0 }],
      "content.xml": strToU8("<x/>"),
    });
  const ooxml = (part: string) => zipSync({ "[Content_Types].xml": strToU8("<Types/>"), [part]: strToU8("<x/>") });

  it("calls a .docx or .odt a text document, whatever its name, and a spreadsheet a spreadsheet", () => {
    for (const [name, bytes] of [
      ["note.docx", ooxml("word/document.xml")],
      ["note.odt", odf("text")],
      ["inventaire", ooxml("word/document.xml")],
    ] as const) {
      const err = rejection(name, bytes);
      expect(err.code, name).toBe("not_an_inventory");
      expect(err.message, name).toContain("document de traitement de texte");
      expect(err.message, name).not.toContain("classeur");
    }
    expect(rejection("presentation.odp", odf("presentation")).message).toContain("présentation");
    for (const [name, bytes] of [
      ["parc.ods", odf("spreadsheet")],
      ["parc", ooxml("xl/workbook.xml")],
    ] as const) {
      const message = rejection(name, bytes).message;
      expect(message, name).toContain("classeur");
      expect(message, name).not.toContain("archive");
    }
    const archive = rejection("export.zip", zipSync({ "glpi.csv": strToU8("Nom\nFirefox\n") })).message;
    expect(archive).toContain("archive");
    expect(archive).not.toContain("classeur");
  });

  it("says a text of random letter-and-digit strings is not an inventory, before counting its names", () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 48271) % 2147483647;
      return seed;
    };
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const lines = Array.from({ length: 3000 }, () => Array.from({ length: 76 }, () => alphabet[next() % 64]).join(""));
    const err = rejection("donnees.csv", strToU8(`${lines.join("\n")}\n`));
    expect(err.code).toBe("not_an_inventory");
    expect(err.message).toContain("pas des noms de logiciels");
    // With a lower limit of distinct names, the same: what the file is comes before how big it is.
    try {
      parseInventoryFiles([{ name: "donnees.csv", bytes: strToU8(lines.join("\n")) }], { maxDistinctNames: 100 });
    } catch (e) {
      expect((e as AppError).code).toBe("not_an_inventory");
    }
    // A list of real names, some without a space, is still read.
    const list = "Mozilla Firefox\nMicrosoft.VCLibs.140.00.UWPDesktop\nlibreoffice-writer\nNotepad++\n7-Zip 23.01\n";
    expect(parseInventoryFiles([{ name: "liste.txt", bytes: strToU8(list) }]).rows).toHaveLength(5);
  });
});
