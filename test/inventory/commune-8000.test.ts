/**
 * What a new-user trial found with the GLPI export of a commune of 8,000 inhabitants, against the real catalog:
 * GLPI's (and OCS's) software « Catégorie » read as a hint for software the catalog lacks; no lock-in risk for a
 * European product only because the catalog lists no alternative to it; no school-only distribution offered for a
 * town hall's Windows; an alternative published from outside Europe (Firefox ESR) said to be a limited gain.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { categoryLabel } from "../../server/core/labels.ts";
import { loadCatalog } from "../../server/corpus/catalog.ts";
import { CATEGORIES } from "../../server/corpus/schema.ts";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { softwareCategoryHint } from "../../server/inventory/category-hints.ts";
import { loadMatchIndex, type MatchIndex } from "../../server/inventory/match.ts";
import { parseInventoryFiles } from "../../server/inventory/parse.ts";
import type { AnalysisResult, InventoryItem } from "../../server/inventory/types.ts";
import { inventoryRow } from "./fixtures.ts";

let index: MatchIndex;
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
});

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const analyzeText = (name: string, text: string): AnalysisResult =>
  analyzeRows(parseInventoryFiles([file(name, text)]).rows, index);
const byName = (r: AnalysisResult, name: string): InventoryItem => {
  const found = r.items.find((i) => i.name === name);
  if (!found) throw new Error(`${name} absent de la cartographie`);
  return found;
};
const row = inventoryRow;

/** A GLPI 10 « Logiciels » list with the « Catégorie » column a DSI adds: BOM, every cell quoted, trailing « ; ». */
const GLPI10 = [
  '\ufeff"Nom";"Entité";"Éditeur";"Catégorie";"Versions - Nom";"Nombre d\'installations";',
  '"Ciril GROUP - Civil Net RH";"Entité racine > Mairie";"Ciril GROUP";"Métier - RH";"5.2";"6";',
  '"Berger-Levrault BL.enfance";"Entité racine > Mairie";"Berger-Levrault";"Métier - Enfance";"3.1";"4";',
  '"Logitud Siecle";"Entité racine > Mairie";"Logitud Solutions";"Métier - Police municipale";"2.0";"3";',
  '"iXBus";"Entité racine > Mairie";"SRCI";"Métier > Parapheur";"4.1";"5";',
  '"Cart@DS";"Entité racine > Mairie";"Géomap-Imagis";"SIG";"8";"3";',
  '"PDFCreator";"Entité racine > Mairie";"pdfforge GmbH";"Bureautique";"5.2";"30";',
  '"Outil maison";"Entité racine > Mairie";"Mairie";"Default";"1";"2";',
  '"Mozilla Firefox (x64 fr)";"Entité racine > Mairie";"Mozilla";"Métier";"128.5.0";"61";',
  '"Stormshield SN";"Entité racine > Mairie";"Stormshield";"Sécurité";"4";"1";',
  '"ESET Endpoint Security";"Entité racine > Mairie";"ESET, spol. s r.o.";"Sécurité";"10";"60";',
  "",
].join("\n");

describe("the software category of a GLPI or OCS export is a hint for software the catalog lacks", () => {
  it("reads GLPI's « Catégorie » column and maps its names to the map's categories, French and English", () => {
    const parsed = parseInventoryFiles([file("glpi.csv", GLPI10)]);
    expect(parsed.files[0]!.columns).toMatchObject({ category: "Catégorie", name: "Nom" });
    expect(parsed.rows.find((r) => r.name === "iXBus")!.hint).toBe("business");
    for (const [label, category] of [
      ["Métier - RH", "business"],
      ["Logiciels > Métier > Finances", "business"],
      ["Business - HR", "business"],
      ["SIG", "business"],
      ["Parapheur électronique", "business"],
      ["Sécurité", "security"],
      ["Antivirus", "security"],
      ["Bureautique", "workstation"],
      ["Navigateurs", "workstation"],
      ["Messagerie", "collaboration"],
      ["Bases de données", "database"],
      ["Default", null],
      ["Non classé", null],
      ["Autres", null],
      ["", null],
    ] as const)
      expect(softwareCategoryHint(label), label).toBe(category);
    // A DSI who files software under the map's own labels gets the same categories back.
    for (const c of CATEGORIES.filter((c) => c !== "other")) expect(softwareCategoryHint(categoryLabel(c)), c).toBe(c);
  });

  it("files French business software under « Logiciels métiers », whether the vendor is known or not", () => {
    const r = analyzeText("glpi.csv", GLPI10);
    // Known vendors: the product (Civil Net), or the vendor's range and the export's category.
    expect(byName(r, "Ciril GROUP - Civil Net RH")).toMatchObject({ category: "business", extraEuropean: false });
    expect(byName(r, "Berger-Levrault BL.enfance")).toMatchObject({ category: "business", extraEuropean: false });
    const siecle = byName(r, "Logitud Siecle");
    expect(siecle).toMatchObject({ category: "business", extraEuropean: false, openSource: false });
    expect(siecle.vendor?.country).toBe("FR");
    // Vendors the catalog lacks: the category is the export's, the origin stays unknown (never guessed).
    for (const name of ["iXBus", "Cart@DS"]) {
      const item = byName(r, name);
      expect(item.category, name).toBe("business");
      expect(item.extraEuropean, name).toBeNull();
      expect(item.reason, name).toContain("catégorie de logiciel indiquée dans l'inventaire");
    }
    expect(byName(r, "PDFCreator").category).toBe("workstation");
    expect(byName(r, "Outil maison").category).toBeNull();
    // A catalog product keeps the catalog's category whatever the export says.
    expect(byName(r, "Mozilla Firefox (x64 fr)").category).toBe("workstation");
    const business = r.summary.categories.find((c) => c.category === "business")!;
    expect(business.items).toBeGreaterThanOrEqual(5);
    expect(r.summary.categories.find((c) => c.category === "unclassified")?.items ?? 0).toBe(1);
  });

  it("reads OCS's « Catégorie » too, and ignores « Default »", () => {
    const ocs = [
      "Editeur;name;Version;Version standardisée;Catégorie;nbre;",
      '"Cosoluce";"Coloris Finances";"3";"3";"Métier";"4";',
      '"Inconnu SARL";"Gestion des salles";"1";"1";"Métier";"2";',
      '"Inconnu SARL";"Utilitaire X";"1";"1";"Default";"2";',
      "",
    ].join("\r\n");
    const r = analyzeText("export.csv", ocs);
    expect(byName(r, "Gestion des salles").category).toBe("business");
    expect(byName(r, "Utilitaire X").category).toBeNull();
  });
});

describe("lock-in means dependence on extra-European software", () => {
  it("does not flag a European product for lock-in only because the catalog lists no alternative to it", () => {
    const r = analyzeText("glpi.csv", GLPI10);
    for (const name of ["Stormshield SN", "ESET Endpoint Security", "Ciril GROUP - Civil Net RH"]) {
      const item = byName(r, name);
      expect(item.extraEuropean, name).toBe(false);
      expect(
        item.risks.filter((x) => x.kind === "lock-in"),
        name,
      ).toEqual([]);
    }
    expect(r.summary.risks.filter((x) => x.kind === "lock-in")).toEqual([]);
    for (const c of r.summary.categories)
      expect(
        c.risks.filter((x) => x.kind === "lock-in"),
        c.label,
      ).toEqual([]);
  });

  it("still flags an extra-European product with no alternative, and no European catalog product at all", () => {
    for (const e of index.entries.values()) {
      if (e.kind !== "product" || !e.risks.some((x) => x.kind === "lock-in")) continue;
      expect(e.extraEuropean || e.vendor.exposure.length > 0, e.id).toBe(true);
    }
    const extra = [...index.entries.values()].filter(
      (e) =>
        e.kind === "product" &&
        e.extraEuropean === true &&
        !e.alternatives.some((a) => a.fit !== "different-approach") &&
        !e.risks.some((x) => x.kind === "lock-in"),
    );
    expect(extra.map((e) => e.id)).toEqual([]);
  });
});

describe("workstation systems get alternatives for a town hall's fleet", () => {
  it("offers neither Windows 10 nor Windows 11 a school-only distribution, and offers both the same Linux", async () => {
    const ids = (name: string) => analyzeRows([row(name, "Microsoft Corporation", 30)], index).items[0]!.alternatives;
    const w10 = ids("Microsoft Windows 10 Professionnel");
    const w11 = ids("Microsoft Windows 11 Professionnel");
    expect(w10.map((a) => a.id)).not.toContain("primtux");
    expect(w11.map((a) => a.id)).not.toContain("primtux");
    const general = (list: typeof w10) =>
      list
        .filter((a) => a.fit !== "different-approach")
        .map((a) => a.id)
        .sort();
    expect(general(w10)).toEqual(general(w11));
    // The rule, for every record: an alternative meant for schools (domain « education ») only replaces school software.
    const catalog = await loadCatalog(path.resolve("corpus"), []);
    const wrong = catalog.mappings.filter((m) => {
      const a = catalog.alternatives.get(m.alternative)!;
      const p = catalog.products.get(m.product)!;
      return a.domains.includes("education") && !p.domains.includes("education");
    });
    expect(wrong.map((m) => `${m.product} → ${m.alternative}`)).toEqual([]);
    // PrimTux is still known when it is installed: free software already in place.
    expect(analyzeRows([row("PrimTux", null, 12)], index).items[0]).toMatchObject({
      openSource: true,
      extraEuropean: false,
    });
  });
});

describe("an alternative published from outside Europe is marked as such", () => {
  it("marks Firefox ESR, alternative to Edge and Chrome, as extra-European, and keeps both out of the quick wins", () => {
    const r = analyzeRows(
      [row("Microsoft Edge", "Microsoft Corporation", 60), row("Google Chrome", "Google LLC", 40)],
      index,
    );
    for (const item of r.items) {
      const firefox = item.alternatives.find((a) => /firefox/.test(a.id));
      expect(firefox, item.name).toBeDefined();
      expect(firefox!.extraEuropean, item.name).toBe(true);
    }
    expect(r.summary.quickWins.map((w) => w.name)).toEqual([]);
    // And a European one, of a lesser fit: Vivaldi (Norway), proprietary, on the Chromium engine.
    for (const item of r.items)
      expect(item.alternatives, item.name).toContainEqual({
        id: "vivaldi-browser",
        name: "Vivaldi",
        fit: "partial",
        country: "NO",
        openSource: false,
      });
  });
});
