/**
 * Trial 10 (6 December 2026), against the real catalog: a known product's name followed by an edition the catalog
 * does not list (« Éducation », « IoT Entreprise », « N », « Unilingue », « Pro for Workstations ») is that product,
 * sure, with its end of support — not a « nom proche » to check because the inventory writes the vendor's name before
 * a catalog name that does not carry it. Tested on other editions than the trial's; the « stripped label » guard
 * (« 360 Total Security » is not Kaspersky) and the « another product of the line » guard (« Cisco Secure Endpoint »
 * is not Cisco Secure Client) still hold.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { message } from "../../server/i18n/messages.ts";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { productNameFor } from "../../server/inventory/channel.ts";
import { loadMatchIndex, type MatchIndex, matchName, SURE_CONFIDENCE } from "../../server/inventory/match.ts";
import { inventoryRow } from "./fixtures.ts";

let index: MatchIndex;
const NOW = "2026-12-05T08:00:00Z";
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
});

describe("an edition of a known product (trial10 B2)", () => {
  it.each([
    ["Microsoft Windows 10 Pro Education", "Microsoft Corporation"],
    ["Windows 10 Éducation", "Microsoft Corporation"],
    ["Microsoft Windows 10 IoT Entreprise", "Microsoft Corporation"],
    ["Microsoft Windows 10 Entreprise N", "Microsoft Corporation"],
    ["Microsoft Windows 10 Famille Unilingue", "Microsoft Corporation"],
    ["Microsoft Windows 10 Pro for Workstations", "Microsoft Corporation"],
  ])("« %s » is Windows 10, sure", (name, publisher) => {
    const r = matchName(index, name, publisher);
    expect(r.entry?.id).toBe("windows-10");
    expect(r.confidence).toBeGreaterThanOrEqual(SURE_CONFIDENCE);
    expect(r.review).toBe(false);
  });

  it("gives the edition the product's end of support and its alternatives", () => {
    const item = analyzeRows([inventoryRow("Microsoft Windows 10 Pro Education", "Microsoft Corporation", 25)], index, {
      now: NOW,
    }).items[0]!;
    expect(item.product?.id).toBe("windows-10");
    expect(item.risks.map((r) => r.kind)).toContain("end-of-support");
    expect(item.alternatives.length).toBeGreaterThan(0);
  });

  it("keeps the guards: a name stripped of its vendor, another product of the same line", () => {
    expect(matchName(index, "360 Total Security", "Qihu 360 Technology Co. Ltd.").entry).toBeNull();
    const cisco = matchName(index, "Cisco Secure Endpoint", "Cisco Systems, Inc.");
    expect(cisco.entry?.id === "cisco-secure-client" && !cisco.review).toBe(false);
    // A Windows edition of another version is not Windows 10.
    expect(matchName(index, "Microsoft Windows 11 Education", "Microsoft Corporation").entry?.id).toBe("windows-11");
  });
});

describe("the README's OCS export steps (B5)", () => {
  it("names the OCS screen and the exports in the words of the import's error message", () => {
    const readme = readFileSync("README.md", "utf8");
    const section = readme.split("### Exporter l'inventaire d'OCS Inventory")[1]?.split("\n### ")[0] ?? "";
    const expected = message("inventory.expected");
    for (const words of ["« Tous les logiciels »", "Nombre;Logiciel"]) {
      expect(expected).toContain(words);
      expect(section).toContain(words);
    }
    // The columns the parser reads from the full export.
    for (const column of ["`Editeur`", "`name`", "`Version`", "`Catégorie`", "`nbre`"])
      expect(section).toContain(column);
  });
});

describe("a catalog card named after a release channel (B5)", () => {
  it("calls a line that names no channel by the card's name without it", () => {
    const r = analyzeRows(
      [
        inventoryRow("Mozilla Firefox 133.0 (x86 en-US)", "Mozilla", 30),
        inventoryRow("Mozilla Firefox 128.5.1 ESR (x64 fr)", "Mozilla", 12),
      ],
      index,
      { now: NOW },
    );
    const release = r.items.find((i) => i.name.startsWith("Mozilla Firefox 133"))!;
    expect(release.product).toMatchObject({ id: "firefox", name: "Firefox" });
    expect(release.reason).not.toContain("ESR");
    const esr = r.items.find((i) => i.name.includes("ESR"))!;
    expect(esr.product).toMatchObject({ id: "firefox", name: "Firefox ESR" });
    expect(productNameFor("Node.js LTS", "Node.js 23.1.0")).toBe("Node.js");
    expect(productNameFor("Node.js LTS", "Node.js 22.11.0 LTS")).toBe("Node.js LTS");
    expect(productNameFor("Windows 10", "Windows 10 Entreprise LTSC")).toBe("Windows 10");
  });
});
