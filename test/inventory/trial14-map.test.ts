/**
 * Trial 14 (6 December 2026, DSI of a département), against the real catalog.
 * - B1: a publisher one typing slip from a catalogue vendor (« Microsft Corporation ») is that vendor: « Microsft Visio
 *   Professional 2019 » is Microsoft Visio, never DINUM's Visio (French, free) counted as a European tool in place.
 *   Tested on other vendors than the trial's too (Gogle, Adobee, Oracel).
 * - B3: in an export that counts per name (OCS « Tous les logiciels », a GLPI software list), the Debian packages of
 *   one product from one file (libreoffice-core, -writer, -calc…, firefox-esr-l10n-fr) count the product once per
 *   computer, not once per package; across files (two perimeters) counts still add up.
 * - B2: « Check Point Endpoint Security », installed on the workstations, is Check Point's endpoint protection, with
 *   endpoint alternatives — not its firewall with a firewall for alternative; its VPN client stays with the firewall.
 * - B5: two analyses of other files, or whose installations jump by more than a tenth, are said to differ in perimeter.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { loadMatchIndex, type MatchIndex, matchName, vendorForPublisher } from "../../server/inventory/match.ts";
import { parseInventoryFiles } from "../../server/inventory/parse.ts";
import { perimeterNotice } from "../../server/inventory/perimeter.ts";
import { vendorSlip } from "../../server/inventory/typo.ts";
import { INVENTORY_FIXTURES, inventoryRow } from "./fixtures.ts";

let index: MatchIndex;
const NOW = "2026-12-06T08:00:00Z";
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
});

describe("a publisher one typing slip from a catalogue vendor (B1)", () => {
  it("reads the publisher as that vendor and matches its product, not another vendor's of the same name", () => {
    for (const [name, publisher, id, vendor] of [
      ["Microsft Visio Professional 2019", "Microsft Corporation", "microsoft-visio", "microsoft"],
      ["Visio Professional 2019", "Microsft Corporation", "microsoft-visio", "microsoft"],
      ["Teams", "Micrsoft Corporation", "microsoft-teams", "microsoft"],
      ["Gogle Chrome", "Gogle LLC", "google-chrome", "google"],
      ["Acrobat Reader DC", "Adobee Systems Incorporated", "adobe-acrobat-reader", "adobe"],
      ["Oracel VirtualBox", "Oracel Corporation", "virtualbox", "oracle"],
    ] as const) {
      const r = matchName(index, name, publisher);
      expect(r.entry?.id, name).toBe(id);
      expect(r.vendor?.id, name).toBe(vendor);
      expect(r.review, name).toBe(false);
    }
  });

  it("never counts Microsoft Visio typed with a slip as a European tool in place", () => {
    const analysis = analyzeRows(
      [
        inventoryRow("Microsoft Teams", "Microsoft Corporation", 300),
        inventoryRow("Microsft Visio Professional 2019", "Microsft Corporation", 40),
      ],
      index,
      { now: NOW },
    );
    const visio = analysis.items.find((i) => i.name.includes("Visio"))!;
    expect(visio.product?.id).toBe("microsoft-visio");
    expect(visio.extraEuropean).toBe(true);
    expect(visio.openSource).toBe(false);
    const teams = analysis.items.find((i) => i.product?.id === "microsoft-teams")!;
    expect(teams.alternatives.find((a) => a.id === "visio-dinum")?.inPlace ?? 0).toBe(0);
    expect(analysis.summary.extraEuropean.installations).toBe(340);
  });

  it("keeps the slip narrow: not the first letter, not a short word, not two vendors", () => {
    expect(vendorSlip("microsft", "microsoft")).toBe(true);
    expect(vendorSlip("oracel", "oracle")).toBe(true);
    expect(vendorSlip("adobee", "adobe")).toBe(true);
    expect(vendorSlip("adobi", "adobe")).toBe(false); // last letter changed: maybe another name
    expect(vendorSlip("nicrosoft", "microsoft")).toBe(false); // first letter
    expect(vendorSlip("avst", "avast")).toBe(false); // too short
    expect(vendorSlip("microsoft", "microsoft")).toBe(false);
    // A publisher the catalogue does not know, and far from every vendor, stays unknown.
    expect(vendorForPublisher(index, "Mairie de Nîmes")).toBeNull();
    expect(vendorForPublisher(index, "Microsft Corporation")?.id).toBe("microsoft");
  });
});

const trialFile = (name: string) => ({
  name,
  bytes: new Uint8Array(readFileSync(path.join(INVENTORY_FIXTURES, "trial14", name))),
});
const analyzeFiles = (...names: string[]) =>
  analyzeRows(parseInventoryFiles(names.map(trialFile)).rows, index, { now: NOW });
const onMap = (items: { component: boolean; installations: number }[]) =>
  items.filter((i) => !i.component).reduce((n, i) => n + i.installations, 0);
const productCount = (
  items: { component: boolean; installations: number; product: { id: string } | null }[],
  id: string,
) => items.filter((i) => !i.component && i.product?.id === id).reduce((n, i) => n + i.installations, 0);

describe("the packages of one product in one count export (B3)", () => {
  it("counts 100 Debian computers as 100 installations of LibreOffice, Firefox ESR and Thunderbird", () => {
    const { items, summary } = analyzeFiles("ocs-debian-paquets.csv");
    // 200 computers, 6 products: 100 Debian + 100 Windows; LibreOffice, Firefox, Thunderbird on the Debian ones.
    expect(onMap(items)).toBe(600);
    expect(productCount(items, "libreoffice")).toBe(100);
    expect(productCount(items, "firefox")).toBe(100);
    expect(productCount(items, "thunderbird")).toBe(100);
    // Windows, Office, Firefox ESR and Thunderbird are extra-European: 4 products of 6.
    expect(summary.extraEuropean.share).toBeCloseTo(4 / 6, 2);
    expect(summary.openSource.share).toBeCloseTo(4 / 6, 2);
    // The packages beyond the first are kept in the list, set aside and said to be counted with it.
    const writer = items.find((i) => i.name === "libreoffice-writer")!;
    expect(writer.component).toBe(true);
    expect(writer.partOf).toBe("libreoffice");
    expect(writer.reason).toMatch(/une installation par poste, pas une par paquet/);
    // The roadmap's « déjà en place » follows.
    const office = items.find((i) => i.product?.id === "microsoft-office")!;
    expect(office.alternatives.find((a) => a.id === "libreoffice")?.inPlace).toBe(100);
  });

  it("adds up the counts of two files (two perimeters), each counted once per computer", () => {
    const { items } = analyzeFiles("ocs-debian-paquets.csv", "glpi-colleges-paquets.csv");
    // 100 Debian computers of the first file, 40 of the second (writer and calc on the same ones), 30 Windows.
    expect(productCount(items, "libreoffice")).toBe(170);
    const office = items.find((i) => i.product?.id === "microsoft-office" && !i.component)!;
    expect(office.installations).toBe(130);
    expect(office.alternatives.find((a) => a.id === "libreoffice")?.inPlace).toBe(170);
  });

  it("still adds up names of one product that are not packages of it (Windows and Debian lines)", () => {
    const { items } = analyzeRows(
      [
        { ...inventoryRow("LibreOffice 7.6.7.2", "The Document Foundation", 30), file: "a.csv" },
        { ...inventoryRow("libreoffice-writer", "Debian", 40), file: "a.csv" },
        { ...inventoryRow("libreoffice-calc", "Debian", 40), file: "a.csv" },
      ],
      index,
      { now: NOW },
    );
    expect(productCount(items, "libreoffice")).toBe(70);
  });
});

describe("Check Point's endpoint protection is not its firewall (B2)", () => {
  const item = (name: string) =>
    analyzeRows([inventoryRow(name, "Check Point Software Technologies Ltd.", 40)], index, { now: NOW }).items[0]!;

  it("files « Check Point Endpoint Security » under antivirus and security, with endpoint alternatives", () => {
    const endpoint = item("Check Point Endpoint Security");
    expect(endpoint.product?.id).toBe("check-point-harmony-endpoint");
    expect(endpoint.category).toBe("security");
    const alternatives = endpoint.alternatives.map((a) => a.id);
    expect(alternatives).toContain("eset-protect");
    expect(alternatives).not.toContain("stormshield");
    expect(alternatives).not.toContain("opnsense");
    expect(endpoint.extraEuropean).toBe(true);
  });

  it("keeps the firewall's and the VPN client's names with the firewall", () => {
    for (const name of ["Check Point SmartConsole R81.20", "Check Point Endpoint Security VPN E86.10"]) {
      const firewall = item(name);
      expect(firewall.product?.id, name).toBe("check-point-firewall");
      expect(firewall.category, name).toBe("network");
      expect(
        firewall.alternatives.map((a) => a.id),
        name,
      ).toContain("stormshield");
    }
  });
});

describe("a comparison whose perimeter changed (B5)", () => {
  const glpi = (name: string) => ({ name, format: "glpi-csv-11" });
  it("says so when files were added or the installations jump by more than a tenth", () => {
    const june = { files: [glpi("glpi-gard-juin.csv")], installations: 13_400 };
    const december = {
      files: [glpi("glpi-gard.csv"), { name: "ocs-colleges.csv", format: "ocs-csv" }],
      installations: 15_730,
    };
    expect(perimeterNotice(june, december)).toMatch(
      /^Attention : le périmètre a changé, les fichiers importés ne sont pas les mêmes \(« glpi-gard-juin\.csv » au départ, « glpi-gard\.csv », « ocs-colleges\.csv » ensuite\)\. Une partie des écarts vient de ce changement/,
    );
    const jump = perimeterNotice(june, { files: [glpi("glpi-gard-dec.csv")], installations: 15_000 });
    expect(jump).toMatch(/le nombre d'installations passe de 13\u00a0400 à 15\u00a0000 \(\+12\u00a0%\)/);
  });

  it("says which entities a later export of the same files lacks (trial18 F6)", () => {
    const root = "Entité racine > CC du Val";
    const side = (sites: string[], installations: number) => ({
      files: [{ ...glpi("glpi.csv"), entities: sites.map((s) => `${root} > ${s}`) }],
      installations,
    });
    expect(perimeterNotice(side(["Siège", "Piscine", "École"], 2_000), side(["Siège"], 1_900))).toMatch(
      /^Attention : le périmètre a changé, 2 entités n'y figurent plus \(« École », « Piscine »\)\. Une partie des écarts/,
    );
    expect(perimeterNotice(side(["Siège", "Piscine"], 2_000), side(["Siège", "Piscine"], 1_950))).toBeNull();
  });

  it("says nothing for the same kind of files renamed, installations within a tenth", () => {
    expect(
      perimeterNotice(
        { files: [glpi("glpi-gard-juin.csv")], installations: 13_400 },
        { files: [glpi("glpi-gard-decembre.csv")], installations: 12_900 },
      ),
    ).toBeNull();
  });
});

describe("a category's extra-European share, on the installations of known origin as the global share (B15)", () => {
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

  it("divides by the known installations and says how many are known and unknown", () => {
    const { summary } = result();
    const unclassified = summary.categories.find((c) => c.category === "unclassified")!;
    // 6 known (all extra-European), 90 of unknown origin: « 100 % des 6 d'origine connue », never 6 / 96.
    expect(unclassified.extraEuropean).toMatchObject({ installations: 6, known: 6, unknown: 90, share: 1 });
    // The global share is counted the same way: known extra-European over known origin.
    expect(summary.extraEuropean.share).toBeCloseTo(106 / 106, 5);
    const workstation = summary.categories.find((c) => c.category === "workstation")!;
    expect(workstation.extraEuropean).toMatchObject({ share: 1, known: 100, unknown: 0 });
  });

  it("a category with no known origin has no share", () => {
    const { summary } = analyzeRows([inventoryRow("Gestion Cimetière (application maison)", "", 50)], index, {
      now: NOW,
    });
    expect(summary.categories[0]!.extraEuropean).toMatchObject({
      installations: 0,
      known: 0,
      unknown: 50,
      share: null,
    });
  });
});
