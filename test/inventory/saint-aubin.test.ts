/**
 * A commune's GLPI export written for the map's trial of 5 December 2026 (test/fixtures/inventory/trial/: 90 lines
 * mixing names with versions and editions, vendor name variants, system components, in-house tools, French
 * business software and names absent from the catalog), against the real catalog. Each line's product, vendor,
 * controlling country and exposure was checked by hand against the catalog; the traps of matching by substring
 * (« Office » in « LibreOffice », « Teams » in « TeamViewer », « Zoom » in « ZoomIt », « Visio » the Microsoft
 * product vs the State's service) are asserted, and so are the lines that must stay out of the map.
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
import { loadMatchIndex, type MatchIndex } from "../../server/inventory/match.ts";
import { roleOf } from "../../server/inventory/measure.ts";
import { parseInventoryFiles } from "../../server/inventory/parse.ts";
import type { AnalysisResult, InventoryItem } from "../../server/inventory/types.ts";
import { INVENTORY_FIXTURES, inventoryRow } from "./fixtures.ts";

const FILE = path.join(INVENTORY_FIXTURES, "trial/glpi-commune-saint-aubin.csv");
let analysis: AnalysisResult;
let index: MatchIndex;
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
  const { rows } = parseInventoryFiles([{ name: path.basename(FILE), bytes: new Uint8Array(readFileSync(FILE)) }]);
  analysis = analyzeRows(rows, index);
});
const item = (name: string): InventoryItem => {
  const found = analysis.items.find((i) => i.name === name || i.names?.includes(name));
  if (!found) throw new Error(`pas de ligne « ${name} »`);
  return found;
};

describe("the Saint-Aubin inventory, line by line", () => {
  // name → product id (null: not in the catalog), controlling country (null: community or unknown), extra-European.
  const expected: [string, string | null, string | null, boolean | null][] = [
    ["Microsoft Windows 10 Professionnel", "windows-10", "US", true],
    ["Microsoft Windows 11 Professionnel", "windows-11", "US", true],
    ["Microsoft Office Standard 2019", "microsoft-office", "US", true],
    ["Microsoft Office Famille et Petite Entreprise 2021 - fr-fr", "microsoft-office", "US", true],
    ["Microsoft 365 Apps pour les entreprises - fr-fr", "microsoft-365-apps", "US", true],
    ["Microsoft Visio Professionnel 2019 - fr-fr", "microsoft-visio", "US", true],
    ["Microsoft Teams (work or school)", "microsoft-teams", "US", true],
    ["LibreOffice 24.2.7.2", "libreoffice", "DE", false],
    ["LibreOffice 7.6.7.2", "libreoffice", "DE", false],
    ["Apache OpenOffice 4.1.15", "apache-openoffice", "US", true],
    ["TeamViewer 15", "teamviewer", "DE", false],
    ["AnyDesk", "anydesk", "DE", false],
    ["Zoom Workplace (64-bit)", "zoom", "US", true],
    ["ZoomIt", null, null, null],
    ["ZoomText 2024", null, null, null],
    ["Foxit PDF Reader", "foxit-pdf-reader", "CN", true],
    ["Kaspersky Endpoint Security for Windows", "kaspersky-endpoint-security", "RU", true],
    ["Stormshield SSL VPN Client", "stormshield-sns", "FR", false],
    ["FortiClient VPN", "forticlient", "US", true],
    ["Veeam Backup & Replication", "veeam-backup", "US", true],
    ["Sage 100 Comptabilité", "sage-100", "GB", false],
    ["e.magnus Gestion Financière", "berger-levrault-e-magnus", "FR", false],
    ["Civil Net RH", "ciril-civil-net", "FR", false],
    ["Horizon Villages Cloud - Elections", "jvs-horizon", "FR", false],
    ["i-Parapheur", "iparapheur", "FR", false],
    ["QGIS 3.34.12 'Prizren'", "qgis", "CH", false],
    ["Zabbix Agent 2 (64-bit)", "zabbix", "LV", false],
    ["Cegid Loop", "cegid-logiciels", "US", true],
    ["Outil réservation salles (développement interne)", null, null, null],
    ["Antidote 11", null, null, null],
  ];
  for (const [name, product, country, extra] of expected) {
    it(`${name} → ${product ?? "inconnu"} (${country ?? "—"})`, () => {
      const i = item(name);
      expect(i.product?.id ?? null).toBe(product);
      expect(i.exposure.controllingCountry).toBe(country);
      expect(i.extraEuropean).toBe(extra);
      expect(i.component).toBe(false);
    });
  }

  it("keeps versions of one product on one line, with their names", () => {
    const libre = item("LibreOffice 24.2.7.2");
    expect(libre.names).toEqual(["LibreOffice 24.2.7.2", "LibreOffice 7.6.7.2"]);
    expect(libre.installations).toBe(47);
  });

  it("sets a component of Office, a chipset's engine, a printer's driver package and Access's data engine aside", () => {
    for (const name of [
      "Office 16 Click-to-Run Extensibility Component",
      "Intel(R) Management Engine Components",
      "HP LaserJet Pro MFP M428f-M429f Basic Device Software",
      "Microsoft Access database engine 2016 (French)",
      "Realtek High Definition Audio Driver",
      "Microsoft Visual C++ 2015-2022 Redistributable (x64) - 14.40.33810",
    ])
      expect(item(name).component, name).toBe(true);
  });

  it("counts Teams once: its machine-wide installer sits beside it on the same machines", () => {
    const installer = item("Teams Machine-Wide Installer");
    expect(installer).toMatchObject({ component: true, partOf: "microsoft-teams" });
    const teams = analysis.summary.categories
      .flatMap((c) => c.mainDependencies)
      .filter((d) => /Teams/.test(d.name))
      .map((d) => d.installations);
    expect(teams).toEqual([70]);
  });

  it("counts community projects apart from unknown origins, by country of control", () => {
    const countries = analysis.summary.countries!;
    const community = countries.find((c) => c.community)!;
    const unknown = countries.find((c) => c.country === null && !c.community)!;
    // 7-Zip, Notepad++, GIMP, Inkscape, PDFsam, PuTTY, WinSCP, FileZilla, pgAdmin, PostgreSQL: 139 installations.
    expect(community).toMatchObject({ items: 10, installations: 139, exposed: 0 });
    // What no source tells: the in-house tools, Antidote, DBeaver, ZoomIt, ZoomText, Dragon, Gescime.
    expect(unknown).toMatchObject({ items: 9, installations: 33 });
    expect(countries.at(-1)).toBe(unknown);
    expect(countries.reduce((n, c) => n + c.installations, 0)).toBe(analysis.summary.installations);
    expect(countries.find((c) => c.country === "RU")).toMatchObject({ installations: 98, exposed: 98 });
  });

  it("agrees with itself: lines identified plus lines to classify are the map's lines", () => {
    const s = analysis.summary;
    expect(s.identified!.items + s.toClassify!.items).toBe(s.items);
    const mapped = analysis.items.filter((i) => !i.component);
    expect(mapped.length).toBe(s.items);
    expect(mapped.reduce((n, i) => n + i.installations, 0)).toBe(s.installations);
    expect(s.components.items).toBe(analysis.items.length - mapped.length);
    expect(analysis.unknown.map((u) => u.name).sort()).toEqual(
      mapped
        .filter((i) => !i.product && i.match !== "manual")
        .map((i) => i.name)
        .sort(),
    );
  });
});

describe("updaters and services installed beside a product", () => {
  it("are set aside, never counted as the product (Windows 10, Java, iTunes, Creative Cloud twice)", () => {
    const a = analyzeRows(
      [
        ["Microsoft Windows 10 Professionnel", "Microsoft Corporation", 40],
        ["Windows 10 Update Assistant", "Microsoft Corporation", 40],
        ["Java 8 Update 401", "Oracle Corporation", 10],
        ["Java Auto Updater", "Oracle Corporation", 10],
        ["Bonjour", "Apple Inc.", 12],
        ["Apple Mobile Device Support", "Apple Inc.", 3],
        ["Apple Software Update", "Apple Inc.", 3],
        ["Adobe Acrobat Reader DC - Français", "Adobe Systems Incorporated", 30],
        ["Adobe Genuine Service", "Adobe Inc.", 30],
        ["Adobe Refresh Manager", "Adobe Inc.", 30],
        ["Microsoft Edge", "Microsoft Corporation", 30],
        ["Microsoft Edge Update", "Microsoft Corporation", 30],
        ["Microsoft Office Professionnel Plus 2016", "Microsoft Corporation", 20],
        ["Microsoft Office 2007 Primary Interop Assemblies", "Microsoft Corporation", 20],
        ["Microsoft Office File Validation Add-In", "Microsoft Corporation", 20],
        ["Outil de vérification linguistique 2016 de Microsoft Office - Français", "Microsoft Corporation", 20],
        ["Microsoft SQL Server 2012 Express LocalDB", "Microsoft Corporation", 5],
      ].map(([n, p, c]) => inventoryRow(n as string, p as string, c as number)),
      index,
    );
    const mapped = a.items.filter((i) => !i.component).map((i) => `${i.product?.id}:${i.installations}`);
    expect(mapped.sort()).toEqual([
      "adobe-acrobat-reader:30",
      "microsoft-edge:30",
      "microsoft-office:20",
      "oracle-java-se:10",
      "windows-10:40",
    ]);
    expect(a.summary.installations).toBe(130);
  });

  it("counts a Zoom add-in once with Zoom, and lets it stand for Zoom when Zoom has no line", () => {
    const both = analyzeRows(
      [
        inventoryRow("Zoom Workplace (64-bit)", "Zoom Video Communications, Inc.", 15),
        inventoryRow("Zoom Outlook Plugin", "Zoom Video Communications, Inc.", 15),
      ],
      index,
    );
    expect(both.summary.installations).toBe(15);
    const alone = analyzeRows([inventoryRow("Zoom Outlook Plugin", "Zoom Video Communications, Inc.", 15)], index);
    expect(alone.items[0]).toMatchObject({ product: { id: "zoom" }, component: false });
  });
});

describe("names that contain another product's name", () => {
  const cases: [string, string | null, string | null][] = [
    ["Berger-Levrault Gestion des Cimetières", null, null],
    ["TeamSpeak 3 Client", "TeamSpeak Systems GmbH", null],
    ["ZoomBrowser EX", "Canon Inc.", null],
    ["Office Timeline", null, null],
    ["OfficeSuite", "MobiSystems", null],
    ["Visio Viewer 2016", "Microsoft Corporation", "microsoft-visio"],
    ["Stormshield SES Evolution Agent", "Stormshield", "stormshield-ses"],
    // The State's service under its catalog name is not Microsoft's « Visio » (the brackets told them apart).
    ["Visio (La Suite numérique)", null, "visio-dinum"],
    ["Visio", "DINUM", "visio-dinum"],
    ["Microsoft Visio (x64)", null, "microsoft-visio"],
    ["Skype Entreprise Basic 2016 - fr-fr", "Microsoft Corporation", "skype-for-business"],
  ];
  for (const [name, publisher, product] of cases)
    it(`${name} → ${product ?? "pas de produit affirmé"}`, () => {
      const i = analyzeRows([inventoryRow(name, publisher, 3)], index).items[0]!;
      expect(i.product?.id ?? null).toBe(product);
    });
});

describe("a product the catalog replaces only module by module, in the roadmap", () => {
  it("names what exists for each part (Creative Cloud → GIMP, Inkscape, Scribus) instead of « alternative à rechercher »", async () => {
    const a = analyzeRows([inventoryRow("Adobe Creative Cloud", "Adobe Inc.", 6)], index);
    const analysis = { id: "cc", name: "Graphisme", createdAt: "2026-12-05T08:00:00Z", ...a } as never;
    const inputs = parseInputs("roadmap", { collectivite: { name: "Saint-Aubin" }, analysis, targetDate: "2029-12" });
    const vars = (await buildContext("roadmap", inputs, analysis, loadStructure("roadmap"), "2026-12-05T08:00:00Z"))
      .vars;
    const line = vars.phases_detail!.split("\n").find((l) => l.includes("**Adobe Creative Cloud**"))!;
    expect(line).toContain(
      "ce qui existe, module par module : GIMP (retouche d'image seulement — Photoshop), Inkscape (dessin vectoriel seulement — Illustrator), Scribus (mise en page seulement — InDesign)",
    );
    expect(line).not.toContain("alternative à rechercher");
  });
});

describe("the OneDrive client, installed with Windows and Microsoft 365", () => {
  it("weighs little in the measure, and its replacement never reaches a target on paper", () => {
    const onedrive = item("Microsoft OneDrive");
    expect(roleOf(onedrive)).toMatchObject({ weight: 2, heavy: true });
    const plan = planRoadmap(analysis as unknown as InventoryAnalysis, { now: "2026-12-05" });
    const points = (name: string) => plan.lines.find((l) => l.item.name === name)!.points;
    // Less than Teams on fewer machines, far less than Windows 10 on fewer machines; never a quick win.
    expect(points("Microsoft OneDrive")).toBeLessThan(points("Microsoft Teams (work or school)"));
    expect(points("Microsoft OneDrive")).toBeLessThan(points("Microsoft Windows 10 Professionnel") / 2);
    expect(plan.lines.find((l) => l.item.name === "Microsoft OneDrive")!.phase).not.toBe("quick");
  });
});
