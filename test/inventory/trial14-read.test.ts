/**
 * Trial 14 (6 December 2026), what the inventory reads of a Debian parc and of a computer list.
 * - B12: a GLPI computer list (« Ordinateurs », with its « Système d'exploitation - Nom » column) lost the operating
 *   systems: Windows 11 and Debian were missing from the map and from the weighted measure, where the OS weighs most.
 *   The column is now one more software of each computer, counted once per computer.
 * - B11: an OCS « Tous les logiciels » export of a Debian parc lists every package; its base packages (libc6, systemd,
 *   apt, bash, linux-image, gnome-shell…) landed « à classer » and only 15 % of installations were identified. They
 *   are now components of the distribution (a word list), set aside like drivers; the applications stay products.
 * - B7: an OCS agent's XML of one poste (`<REQUEST><CONTENT><SOFTWARES>`) was refused with a message about GLPI: it is
 *   now read like a GLPI Agent inventory (the poste, its OS, its software), and another XML's error names OCS's export.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { loadMatchIndex, type MatchIndex } from "../../server/inventory/match.ts";
import { isDistributionPackage } from "../../server/inventory/normalize.ts";
import { parseInventoryFile, parseInventoryFiles } from "../../server/inventory/parse.ts";

let index: MatchIndex;
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
});

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const analyze = (files: { name: string; bytes: Uint8Array }[]) => {
  const parsed = parseInventoryFiles(files);
  return { parsed, result: analyzeRows(parsed.rows, index) };
};
const installations = (items: ReturnType<typeof analyzeRows>["items"], productId: string) =>
  items.filter((i) => i.product?.id === productId && !i.component).reduce((s, i) => s + i.installations, 0);

describe("a GLPI computer list's operating system column (trial14 B12)", () => {
  it("counts each computer's OS: 2 Debian, 1 Windows 11, beside their software", async () => {
    const bytes = await readFile("test/fixtures/inventory/trial/glpi-postes-os.csv");
    const { parsed, result } = analyze([{ name: "glpi-postes.csv", bytes }]);
    expect(parsed.files[0]!.columns.computer).toBe("Nom");
    const os = result.items.filter((i) => /Windows 11|Debian/.test(i.name));
    expect(os.map((i) => [i.name, i.installations]).sort()).toEqual([
      ["Debian GNU/Linux 12", 2],
      ["Microsoft Windows 11 Professionnel", 1],
    ]);
    expect(os.every((i) => i.product && !i.component)).toBe(true);
    expect(installations(result.items, "libreoffice")).toBe(2);
  });

  it("counts an OS once per computer in a list of one line per computer and software", () => {
    const text = [
      "Ordinateur;Logiciel;Système d'exploitation - Nom",
      "PC-01;Mozilla Firefox (x64 fr);Microsoft Windows 10 Professionnel",
      "PC-01;Microsoft Office Professionnel Plus 2019;Microsoft Windows 10 Professionnel",
      "PC-02;Mozilla Firefox (x64 fr);Microsoft Windows 10 Professionnel",
    ].join("\n");
    const { result } = analyze([file("postes.csv", text)]);
    expect(result.items.find((i) => i.name === "Microsoft Windows 10 Professionnel")?.installations).toBe(2);
  });

  it("leaves a software list's « Versions - Système d'exploitation » (a version's platform) alone", () => {
    const text = [
      '"Nom";"Éditeur";"Versions - Nom";"Versions - Système d\'exploitation";"Nombre d\'installations"',
      '"Mozilla Firefox (x64 fr)";"Mozilla";"128.5";"Windows";"40"',
    ].join("\n");
    const { result } = analyze([file("logiciels.csv", text)]);
    expect(result.items.map((i) => i.name)).toEqual(["Mozilla Firefox (x64 fr)"]);
  });
});

describe("a Debian parc's base packages (trial14 B11)", () => {
  it("sets them aside as components; the distribution and the applications stay on the map, all identified", async () => {
    const bytes = await readFile("test/fixtures/inventory/trial/ocs-debian-paquets.csv");
    const { result } = analyze([{ name: "ocs-debian.csv", bytes }]);
    const onMap = result.items.filter((i) => !i.component);
    expect(onMap.map((i) => i.product?.id).sort()).toEqual(["debian", "firefox", "libreoffice"]);
    for (const name of ["libc6", "systemd", "apt", "bash", "linux-image", "gnome-shell", "python3", "tzdata"])
      expect(result.items.find((i) => i.name.startsWith(name))?.component, name).toBe(true);
    expect(result.summary.identified?.share).toBe(1);
  });

  it("only takes a package name: lower case, no space, not an application's package", () => {
    expect(isDistributionPackage("libssl3")).toBe(true);
    expect(isDistributionPackage("firmware-realtek")).toBe(true);
    expect(isDistributionPackage("libreoffice-writer")).toBe(false);
    expect(isDistributionPackage("firefox-esr")).toBe(false);
    expect(isDistributionPackage("Git Bash")).toBe(false);
    expect(isDistributionPackage("Python 3.12.1 (64-bit)")).toBe(false);
    expect(isDistributionPackage("Perl")).toBe(false);
  });
});

describe("an OCS agent's XML of one poste (trial14 B7)", () => {
  it("reads the poste's software and OS, one installation each, dated by its last inventory", async () => {
    const bytes = await readFile("test/fixtures/inventory/trial/ocs-poste.xml");
    const { parsed, result } = analyze([{ name: "ocs-poste.xml", bytes }]);
    expect(parsed.files[0]).toMatchObject({ format: "ocs-xml", inventoryDate: "2026-11-28" });
    expect(result.items.map((i) => [i.product?.id, i.installations]).sort()).toEqual([
      ["firefox", 1],
      ["kaspersky-endpoint-security", 1],
      ["microsoft-office", 1],
      ["windows-11", 1],
    ]);
  });

  it("tells what to export from OCS when an XML is not an agent's inventory", () => {
    const html = file("page.xml", "<?xml version='1.0'?><html><body>Tous les logiciels</body></html>");
    expect(() => parseInventoryFile(html)).toThrow(/pour OCS Inventory, l'export CSV « Tous les logiciels »/);
  });
});
