import { beforeAll, describe, expect, it } from "vitest";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { loadMatchIndex, type MatchIndex } from "../../server/inventory/match.ts";
import { exposureFactor, measureItems } from "../../server/inventory/measure.ts";
import { nameKey } from "../../server/inventory/normalize.ts";
import { parseInventoryFiles } from "../../server/inventory/parse.ts";
import type { AnalysisResult, ManualClassification } from "../../server/inventory/types.ts";
import { allInventories, evaluate, handChecked, INVENTORY_CORPUS, readInventory } from "./fixtures.ts";

let index: MatchIndex;
let all: AnalysisResult;
beforeAll(async () => {
  index = await loadMatchIndex(INVENTORY_CORPUS);
  all = analyzeRows(parseInventoryFiles(allInventories()).rows, index);
});
const item = (r: AnalysisResult, name: string) => r.items.find((i) => i.name === name || i.names?.includes(name))!;
const analyze = (...names: string[]) => analyzeRows(parseInventoryFiles(names.map(readInventory)).rows, index);

describe("classification of the test inventories", () => {
  it("classifies every hand-checked name as expected with the fixture catalog", () => {
    const expected = handChecked();
    const e = evaluate(all.items, expected);
    expect(e.absent).toEqual([]);
    expect(e.wrong).toEqual([]);
    // Status right but product unknown: only the names whose vendor alone is in the fixture catalog.
    const partly = e.partly.map((p) => p.replace(/ \(openSource.*$/, ""));
    expect(partly.sort()).toEqual([
      "Adobe Acrobat (64-bit)",
      "Cisco Secure Client - AnyConnect VPN",
      "Microsoft Edge",
      "Microsoft Visio Professional 2019",
      "OptiPlex 7090",
      "PowerEdge R740",
      "SN210",
    ]);
    expect(partly.every((n) => item(all, n).match === "vendor")).toBe(true);
    expect(e.correct).toBe(e.classified - partly.length);
    expect(e.components).toEqual([5, 5]);
    expect(e.unknownKept).toEqual([3, 3]);
    for (const x of expected) {
      const i = item(all, x.name);
      if (x.fixture === "component") expect(i.component, x.name).toBe(true);
      else expect(i.product?.id ?? null, x.name).toBe(x.fixture);
    }
    // Names absent from the fixture catalog but whose vendor is known are classified through the vendor.
    expect(e.classified).toBe(e.total - e.missed.length);
    expect(e.missed.sort()).toEqual([
      "7-Zip 23.01 (x64)",
      "AP-505",
      "ArcGIS Pro",
      "Civil Net RH",
      "Dropbox",
      "Gestion des Œuvres – Médiathèque",
      "Logiciel état civil « Élise »",
    ]);
  });

  it("gives every item the documented shape, a confidence and a French reason", () => {
    for (const i of all.items) {
      expect(Object.keys(i)).toEqual(
        expect.arrayContaining([
          "name",
          "publisher",
          "installations",
          "product",
          "vendor",
          "extraEuropean",
          "openSource",
          "category",
          "alternatives",
          "confidence",
          "reason",
        ]),
      );
      expect(i.confidence).toBeGreaterThanOrEqual(0);
      expect(i.confidence).toBeLessThanOrEqual(1);
      expect(i.reason.length).toBeGreaterThan(20);
      if (i.vendor?.country) expect(i.vendor.country).toMatch(/^[A-Z]{2}$/);
    }
    const chrome = item(all, "Google Chrome");
    expect(chrome).toMatchObject({
      product: { id: "google-chrome", name: "Google Chrome" },
      vendor: { name: "Google", country: "US" },
      extraEuropean: true,
      openSource: false,
      category: "workstation",
      alternatives: [{ id: "firefox", name: "Firefox", fit: "drop-in", country: "US", openSource: true }],
    });
    expect(chrome.reason).toContain("siège hors d'Europe");
  });

  it("counts a machine once when a product's console agent is installed beside it (Kaspersky Network Agent)", () => {
    // glpi10-mairie.csv: 104 Kaspersky Endpoint Security and 104 of its Network Agent, on the same 104 machines.
    const r = analyze("glpi10-mairie.csv");
    const agent = item(r, "Kaspersky Security Center Network Agent");
    expect(agent).toMatchObject({
      product: { id: "kaspersky-endpoint-security" },
      component: true,
      partOf: "kaspersky-endpoint-security",
      extraEuropean: true,
    });
    expect(agent.reason).toContain("compté avec ce produit, pas une seconde fois");
    const measured = measureItems(r.items).measured.filter((m) => m.item.product?.id === "kaspersky-endpoint-security");
    expect(measured.map((m) => m.item.installations)).toEqual([104]);
    expect(r.summary.categories.find((c) => c.category === "security")?.installations).toBe(
      r.items.filter((i) => i.category === "security" && !i.component).reduce((s, i) => s + i.installations, 0),
    );
    // The agent alone (the endpoint product absent from this export) stands for the product on the map.
    const alone = analyzeRows(
      [
        {
          name: "Kaspersky Security Center Network Agent",
          publisher: "AO Kaspersky Lab",
          versions: [],
          installations: 12,
          kind: "software",
          hint: null,
          file: "x",
        },
      ],
      index,
    ).items[0]!;
    expect(alone).toMatchObject({ component: false, product: { id: "kaspersky-endpoint-security" } });
    expect(alone.partOf).toBeUndefined();
    expect(alone.reason).toContain("n'a pas de ligne à lui dans cet inventaire");
    expect(alone.reason).not.toContain("pas une seconde fois");
  });

  it("explains the controlling entity, Russian exposure and community projects in the reason", () => {
    expect(item(all, "Sophos Endpoint Agent").reason).toContain("contrôlé par Thoma Bravo (États-Unis)");
    expect(item(all, "Sophos Endpoint Agent").exposure).toEqual({ controllingCountry: "US", laws: ["us-cloud-act"] });
    // Russia is outside the EU, the EEA, the United Kingdom and Switzerland: Kaspersky is extra-European.
    const kaspersky = item(all, "Kaspersky Endpoint Security for Windows");
    expect(kaspersky).toMatchObject({ extraEuropean: true, exposure: { controllingCountry: "RU", laws: ["ru-sorm"] } });
    expect(kaspersky.reason).toContain("siège hors d'Europe");
    expect(kaspersky.reason).toContain("lois russes de surveillance (SORM)");
    expect(item(all, "PostgreSQL 16").reason).toContain("Projet communautaire");
    expect(item(all, "LibreOffice 7.6.5.2").reason).toContain("Logiciel libre reconnu : LibreOffice (licence MPL-2.0)");
  });

  it("sets the inventoried computer's own model aside (GLPI Agent's BIOS line): hardware, not software", () => {
    const r = analyze("glpi-agent-pc-accueil-01.json");
    const pc = item(r, "OptiPlex 7090");
    expect(pc).toMatchObject({ kind: "hardware", component: true, installations: 1 });
    expect(pc.vendor?.name).toBe("Dell");
    expect(pc.reason).toMatch(
      /^Modèle de l'ordinateur inventorié \(du matériel, pas un logiciel\) : gardé dans la liste/,
    );
    expect(r.summary.components.hardware).toEqual({ items: 1, installations: 1 });
    // Out of the map's installations and the raw share: only software counts.
    const software = r.items.filter((i) => !i.component);
    expect(software.every((i) => i.kind === "software")).toBe(true);
    expect(r.summary.installations).toBe(software.reduce((s, i) => s + i.installations, 0));
    expect(r.unknown.map((u) => u.name)).not.toContain("OptiPlex 7090");
    // A list of equipment, imported as such, is still mapped: its lines are what the DSI asked about.
    const list = analyze("materiel-reseau.csv");
    expect(item(list, "OptiPlex 7090")).toMatchObject({ kind: "hardware", component: false });
    expect(list.summary.components.hardware).toBeUndefined();
  });

  it("sums installations per distinct name and keeps the most frequent publisher", () => {
    const glpi = analyze("glpi10-mairie.csv");
    expect(item(glpi, "Mozilla Firefox (x64 fr)").installations).toBe(66);
    expect(item(glpi, "Microsoft Teams").installations).toBe(85);
    expect(item(analyze("excel-windows-1252.csv"), "Chrome").installations).toBe(80);
    expect(item(analyze("liste-collee.txt"), "Microsoft Office Professionnel Plus 2016").installations).toBe(2);
    expect(item(glpi, "Adobe Acrobat Reader DC - Français").versions).toEqual(["23.008.20470", "24.002.20736"]);
  });

  it("lists unknown items for manual classification, never components", () => {
    const names = all.unknown.map((u) => u.name);
    expect(names).toContain("Civil Net RH");
    expect(names).toContain("Microsoft Edge"); // vendor known, product not: still to classify
    expect(names).not.toContain("Intel(R) Graphics Driver");
    expect(all.unknown.find((u) => u.name === "Microsoft Edge")).toMatchObject({
      vendor: { name: "Microsoft" },
      extraEuropean: true,
    });
    expect(all.unknown.find((u) => u.name === "Civil Net RH")!.reason).toContain("à classer à la main");
    const installs = all.unknown.map((u) => u.installations);
    expect(installs).toEqual([...installs].sort((a, b) => b - a));
  });
});

describe("the map", () => {
  it("summarises by category with shares of installations", () => {
    const s = analyze("glpi10-mairie.csv").summary;
    const workstation = s.categories.find((c) => c.category === "workstation")!;
    const glpi = analyze("glpi10-mairie.csv");
    const ws = glpi.items.filter((i) => i.category === "workstation" && !i.component);
    const known = ws.filter((i) => i.extraEuropean !== null).reduce((t, i) => t + i.installations, 0);
    const extra = ws.filter((i) => i.extraEuropean).reduce((t, i) => t + i.installations, 0);
    expect(workstation.installations).toBe(ws.reduce((t, i) => t + i.installations, 0));
    expect(workstation.extraEuropean.share).toBeCloseTo(extra / known, 3);
    expect(workstation.label).toBe("Poste de travail");
    // Three system components, the Kaspersky Network Agent and the Teams Machine-Wide Installer, each counted with
    // its product (Kaspersky Endpoint Security, Teams) rather than as more installations of it.
    expect(s.components.items).toBe(5);
    expect(s.items + s.components.items).toBe(glpi.items.length);
    expect(s.categories.map((c) => c.category)).toEqual(
      expect.arrayContaining([
        "workstation",
        "collaboration",
        "security",
        "virtualization",
        "database",
        "network",
        "business",
        "other",
        "unclassified",
      ]),
    );
  });

  it("lists the main risks: legal exposure, price increases, closed formats, lock-in", () => {
    const s = analyze("glpi10-mairie.csv").summary;
    const labels = s.risks.map((r) => r.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        "CLOUD Act (États-Unis)",
        "lois russes de surveillance (SORM)",
        "Hausses de prix récentes",
        "Formats fermés",
        "Enfermement (pas d'alternative directe)",
      ]),
    );
    expect(s.risks.find((r) => r.kind === "price-increase")!.products).toEqual(["VMware vSphere"]);
    expect(s.risks.find((r) => r.kind === "closed-format")!.products).toEqual(["AutoCAD"]);
    const virtualization = s.categories.find((c) => c.category === "virtualization")!;
    expect(virtualization.risks.map((r) => r.kind)).toContain("price-increase");
    // Free software carries no risk in the map.
    expect(s.risks.flatMap((r) => r.products)).not.toContain("Firefox");
  });

  it("puts widely installed extra-European products with a drop-in alternative first among quick wins", () => {
    const wins = analyze("glpi10-mairie.csv").summary.quickWins;
    // Chrome is not one: its drop-in alternative, Firefox, is itself American (exposure barely drops).
    expect(wins.map((w) => w.product.id)).toEqual([
      "microsoft-onedrive",
      "kaspersky-endpoint-security",
      "adobe-acrobat-reader",
      "zoom-workplace",
      "cisco-webex",
      "sophos-endpoint",
    ]);
    // 104 machines, not 208: the Network Agent beside Kaspersky Endpoint Security is not a second installation.
    expect(wins[1]).toMatchObject({ installations: 104, alternative: { id: "eset-endpoint", fit: "drop-in" } });
    expect(wins.every((w) => w.alternative.fit === "drop-in")).toBe(true);
    expect(wins[0]!.reason).toMatch(
      /^Microsoft OneDrive.* : \d+ installations, remplacement direct par .*Le produit remplacé relève de : CLOUD Act \(États-Unis\), FISA section 702 \(États-Unis\)\.$/,
    );
    expect(wins[1]!.laws).toEqual(["ru-sorm"]);
  });

  it("gives the weighted measure as the score: formula, weights and per-category points that add up", () => {
    const { items, summary } = analyze("glpi10-mairie.csv");
    const { score } = summary;
    expect(score.value).toBe(Math.round(measureItems(items).weighted.value!));
    const sum = score.components.reduce((t, c) => t + c.points, 0);
    expect(Math.abs(sum - score.value!)).toBeLessThanOrEqual(1);
    expect(score.formula).toContain("Σ(installations × poids du rôle × exposition)");
    expect(score.formula).toContain("système d'exploitation des postes 10");
    expect(score.explanation).toContain("CLOUD Act");
    expect(score.explanation).toMatch(/reposent sur \d+\u00a0%/);
    for (const c of score.components) expect(c.explanation).toContain(`${c.label} : exposition de`);
    expect(score.components.find((c) => c.category === "virtualization")!.dependency).toBe(1);
  });

  it("weighs exposure, extra-European seat and open source as documented", () => {
    expect(
      exposureFactor({ name: "x", installations: 1, extraEuropean: true, exposure: ["cloud-act"], openSource: false }),
    ).toBe(1);
    expect(
      exposureFactor({
        name: "x",
        installations: 1,
        extraEuropean: false,
        exposure: ["russia-sorm"],
        openSource: false,
      }),
    ).toBe(1);
    expect(
      exposureFactor({
        name: "x",
        installations: 1,
        extraEuropean: true,
        exposure: { controllingCountry: "RU", laws: ["ru-sorm"] },
        openSource: false,
      }),
    ).toBe(1);
    expect(exposureFactor({ name: "x", installations: 1, extraEuropean: true, exposure: [], openSource: false })).toBe(
      0.8,
    );
    expect(
      exposureFactor({ name: "x", installations: 1, extraEuropean: true, exposure: ["cloud-act"], openSource: true }),
    ).toBe(0.7);
    expect(exposureFactor({ name: "x", installations: 1, extraEuropean: false, exposure: [], openSource: true })).toBe(
      0,
    );
    expect(exposureFactor({ name: "x", installations: 1, extraEuropean: null })).toBeNull();
  });

  it("gives a score of 0 to a fully European and free inventory, and none to an unknown one", () => {
    const free = analyzeRows(
      ["LibreOffice 7.6", "VLC media player", "PostgreSQL 16"].map((name) => ({
        name,
        publisher: null,
        versions: [],
        installations: 3,
        kind: "software" as const,
        hint: null,
        file: "x",
      })),
      index,
    );
    expect(free.summary.score.value).toBe(0);
    expect(free.summary.openSource.share).toBe(1);
    const unknown = analyzeRows(
      [
        {
          name: "Logiciel maison",
          publisher: null,
          versions: [],
          installations: 1,
          kind: "software",
          hint: null,
          file: "x",
        },
      ],
      index,
    );
    expect(unknown.summary.score).toMatchObject({ value: null, coverage: 0 });
    expect(unknown.unknown).toHaveLength(1);
  });
});

describe("manual classifications", () => {
  const manual = (c: Partial<ManualClassification> & { name: string }): [string, ManualClassification] => [
    nameKey(c.name),
    {
      id: "x",
      key: nameKey(c.name),
      productId: null,
      category: null,
      vendorName: null,
      vendorCountry: null,
      extraEuropean: null,
      openSource: null,
      updatedAt: "2026-03-01T10:00:00.000Z",
      ...c,
    },
  ];

  it("classifies an unknown name, and the same name with another version", () => {
    const classifications = new Map([
      manual({
        name: "Civil Net RH 2023",
        vendorName: "Ciril GROUP",
        vendorCountry: "FR",
        category: "business",
        openSource: false,
      }),
    ]);
    const r = analyzeRows(parseInventoryFiles([readInventory("glpi10-mairie.csv")]).rows, index, { classifications });
    expect(item(r, "Civil Net RH")).toMatchObject({
      vendor: { name: "Ciril GROUP", country: "FR" },
      extraEuropean: false,
      openSource: false,
      category: "business",
      confidence: 1,
      match: "manual",
    });
    expect(item(r, "Civil Net RH").reason).toBe(
      "Classé à la main le 1er mars 2026 : catégorie « logiciels métiers », éditeur établi en France, logiciel non libre.",
    );
    expect(r.unknown.map((u) => u.name)).not.toContain("Civil Net RH");
  });

  it("maps a name to a catalog product, or overrides the catalog", () => {
    const classifications = new Map([
      manual({ name: "Logiciel ''Élections'' v2", productId: "berger-levrault-emagnus" }),
      manual({ name: "Microsoft Edge", productId: "google-chrome" }),
      manual({ name: "Mozilla Firefox (x64 fr)", category: "other" }),
    ]);
    const r = analyzeRows(parseInventoryFiles([readInventory("glpi10-mairie.csv")]).rows, index, { classifications });
    expect(item(r, "Microsoft Edge")).toMatchObject({
      product: { id: "google-chrome" },
      extraEuropean: true,
      category: "workstation",
      match: "manual",
    });
    expect(item(r, "Mozilla Firefox (x64 fr)")).toMatchObject({
      product: { id: "firefox" },
      category: "other",
      openSource: true,
    });
  });
});
