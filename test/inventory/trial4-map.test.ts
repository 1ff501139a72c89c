/**
 * Trial 4 (items 11 and 12), against the real catalog: a desktop application is matched to a desktop card, never to
 * the server product of the same brand (« ONLYOFFICE Desktop Editors 8.2.0 » was « OnlyOffice Docs », a server suite
 * of « Outils collaboratifs »), and a desktop product is not replaced by a server suite as if it were the same thing;
 * versions of one product get the same alternatives (Windows 10 lacked Sécurix, which Windows 11 had); the two close
 * figures of the map (« Installations identifiées 97 % », « Les deux reposent sur 98 % ») say what each counts; and
 * Apache OpenOffice, free but barely maintained, is proposed for LibreOffice with the reason and its source.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { buildContext } from "../../server/drafting/context.ts";
import { parseInputs } from "../../server/drafting/inputs.ts";
import { planRoadmap } from "../../server/drafting/roadmap-plan.ts";
import { loadStructure } from "../../server/drafting/structure.ts";
import type { InventoryAnalysis } from "../../server/drafting/types.ts";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { loadMatchIndex, type MatchIndex } from "../../server/inventory/match.ts";
import { measureItems } from "../../server/inventory/measure.ts";
import { parseInventoryFiles } from "../../server/inventory/parse.ts";
import type { AnalysisResult } from "../../server/inventory/types.ts";
import { INVENTORY_FIXTURES, inventoryRow } from "./fixtures.ts";

const catalog = (file: string) => parseYaml(readFileSync(path.resolve("corpus/catalog", `${file}.yaml`), "utf8"));
const products: any[] = catalog("products").products;
const alternatives: any[] = catalog("alternatives").alternatives;
const mappings: any[] = catalog("mappings").mappings;
const alternativeById = new Map(alternatives.map((a) => [a.id, a]));

let index: MatchIndex;
let saintAubin: AnalysisResult;
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
  const file = path.join(INVENTORY_FIXTURES, "trial/glpi-commune-saint-aubin.csv");
  const { rows } = parseInventoryFiles([{ name: path.basename(file), bytes: new Uint8Array(readFileSync(file)) }]);
  saintAubin = analyzeRows(rows, index);
});
const line = (name: string) => saintAubin.items.find((i) => i.name === name || i.names?.includes(name))!;

describe("desktop applications and server products of one brand", () => {
  it("matches ONLYOFFICE Desktop Editors to the desktop suite, the Document Server to the server suite", () => {
    expect(line("ONLYOFFICE Desktop Editors 8.2.0 (x64)")).toMatchObject({
      product: { id: "onlyoffice-desktop-editors" },
      category: "workstation",
      openSource: true,
    });
    const server = analyzeRows([inventoryRow("OnlyOffice Document Server", "Ascensio System SIA", 1)], index).items[0]!;
    expect(server).toMatchObject({ product: { id: "onlyoffice-docs" }, category: "collaboration" });
    // Microsoft Office (installed on each workstation) is offered the desktop suite, not the server one.
    const office = line("Microsoft Office Standard 2019").alternatives.map((a) => a.id);
    expect(office).toContain("onlyoffice-desktop-editors");
    expect(office).not.toContain("onlyoffice-docs");
  });

  it("never names a desktop application on a card that is not installed on the workstation", () => {
    const wrong = alternatives
      .filter((a) => [a.name, ...(a.aliases ?? [])].some((n: string) => /\bdesktop\b/i.test(n)))
      .filter((a) => !(a.hosting ?? []).includes("desktop"))
      .map((a) => a.id);
    expect(wrong).toEqual([]);
  });

  it("replaces a workstation product by a server-only suite only as « another approach »", () => {
    // Server tools that manage workstations (deployment, inventory) and web project or note tools are what they are.
    const managed = new Set(["wapt", "rudder", "ocs-inventory", "openproject", "docs-lasuite"]);
    const productById = new Map(products.map((p) => [p.id, p]));
    const wrong = mappings
      .filter((m) => productById.get(m.product)?.category === "workstation" && m.fit !== "different-approach")
      .filter((m) => {
        const a = alternativeById.get(m.alternative);
        return a && !(a.hosting ?? []).includes("desktop") && !managed.has(a.id);
      })
      .map((m) => `${m.product} → ${m.alternative} (${m.fit})`);
    expect(wrong).toEqual([]);
  });
});

describe("a database server's client library on a workstation", () => {
  it("is a system component, not a database server weighed as serving every agent", () => {
    const names: [string, string][] = [
      ["Microsoft SQL Server 2012 Native Client", "Microsoft Corporation"],
      ["Oracle Instant Client", "Oracle"],
      ["Oracle Client 19c", "Oracle Corporation"],
      ["IBM Data Server Client", "IBM"],
      ["SAP HANA Client", "SAP SE"],
    ];
    const r = analyzeRows(
      names.map(([n, p]) => inventoryRow(n, p, 40)),
      index,
    );
    for (const [n] of names) expect(r.items.find((i) => i.name === n)?.component, n).toBe(true);
    expect(r.summary.score.value).toBeNull();
    // The servers themselves are still database servers.
    const servers = analyzeRows(
      [inventoryRow("Microsoft SQL Server 2019 (64-bit)", "Microsoft Corporation", 2)],
      index,
    );
    expect(servers.items[0]).toMatchObject({ product: { id: "microsoft-sql-server" }, component: false });
  });
});

describe("versions of one product", () => {
  it("get the same alternatives (Windows 7, 10 and 11 all list Sécurix)", () => {
    const altsOf = (id: string) =>
      mappings
        .filter((m) => m.product === id)
        .map((m) => m.alternative)
        .sort();
    const family = new Map<string, string[]>();
    for (const p of products) {
      const key = `${p.vendor}|${fold(p.name.replace(/\b\d+(\.\d+)*\b/g, ""))}`;
      family.set(key, [...(family.get(key) ?? []), p.id]);
    }
    const differing = [...family.values()]
      .filter((ids) => ids.length > 1)
      .filter((ids) => new Set(ids.map((id) => altsOf(id).join(","))).size > 1);
    expect(differing).toEqual([]);
    expect(line("Microsoft Windows 10 Professionnel").alternatives.map((a) => a.id)).toContain("securix");
  });
});

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();

describe("the map's two close figures", () => {
  it("names the gap between « installations identifiées » and the base of the measures", () => {
    const s = saintAubin.summary;
    expect(s.identified!.share).toBeLessThan(s.score.coverage!);
    expect(s.score.explanation).toMatch(
      /Les deux reposent sur 98\s% des installations, celles dont l'origine est connue : les installations identifiées \(produit reconnu\), plus \d+ installations d'un éditeur reconnu dont le produit ne l'est pas — d'où l'écart avec la part des installations identifiées\./,
    );
  });
});

describe("free software its project barely maintains", () => {
  it("every such card names an alternative of the catalog and a source", () => {
    const cards = alternatives.filter((a) => a.unmaintained);
    expect(cards.map((a) => a.id)).toContain("apache-openoffice");
    for (const a of cards) {
      expect(alternativeById.has(a.unmaintained.replacedBy)).toBe(true);
      expect(a.unmaintained.sources[0]).toMatchObject({ url: expect.stringMatching(/^https:\/\//) });
    }
  });

  it("proposes LibreOffice for Apache OpenOffice in the roadmap, says why with the source, and counts nothing more", async () => {
    const openoffice = line("Apache OpenOffice 4.1.15");
    expect(openoffice.unmaintained).toMatchObject({ replacedBy: "libreoffice", source: { date: "2016-09" } });
    expect(openoffice.reason).toContain("Logiciel libre, mais peu maintenu");
    expect(openoffice.reason).not.toContain("Ce n'est pas une cible de remplacement");
    const plan = planRoadmap(saintAubin as unknown as InventoryAnalysis, { now: "2026-12-05" });
    expect(plan.kept.map((i) => i.name)).not.toContain("Apache OpenOffice 4.1.15");
    const planned = plan.lines.find((l) => l.item.name === "Apache OpenOffice 4.1.15")!;
    expect(planned.alternative?.id).toBe("libreoffice");

    // The document's line, on a small map: the reason and its source beside the replacement.
    const a = analyzeRows(
      [
        inventoryRow("Apache OpenOffice 4.1.15", "Apache Software Foundation", 12),
        inventoryRow("Microsoft Office Standard 2019", "Microsoft Corporation", 20),
      ],
      index,
    );
    const analysis = { id: "oo", name: "Bureautique", createdAt: "2026-12-05T08:00:00Z", ...a } as never;
    const inputs = parseInputs("roadmap", { collectivite: { name: "Saint-Aubin" }, analysis, targetDate: "2029-12" });
    const vars = (await buildContext("roadmap", inputs, analysis, loadStructure("roadmap"), "2026-12-05T08:00:00Z"))
      .vars;
    const text = vars.phases_detail!.split("\n").find((l) => l.includes("**Apache OpenOffice 4.1.15**"))!;
    expect(text).toContain("→ LibreOffice (");
    expect(text).toContain("logiciel libre, mais à remplacer car peu maintenu : en septembre 2016");
    expect(text).toContain(
      "(source : Ars Technica, « OpenOffice, after years of neglect, could shut down », septembre 2016)",
    );
    expect(vars.target_requirements).not.toMatch(/déjà des logiciels libres[^.]*OpenOffice/);
  });

  it("adds no extra-European dependence when the unmaintained software is European", () => {
    const base = analyzeRows(
      [inventoryRow("Microsoft Office Standard 2019", "Microsoft Corporation", 20)],
      index,
    ).items;
    const european = {
      ...line("Apache OpenOffice 4.1.15"),
      name: "Suite libre européenne abandonnée",
      extraEuropean: false,
      vendor: { name: "Projet européen", country: "DE" },
      exposure: { controllingCountry: "DE", laws: [] },
    };
    const items = [...base, european];
    const plan = planRoadmap({ id: "eu", items } as unknown as InventoryAnalysis, { now: "2026-12-05" });
    const planned = plan.lines.find((l) => l.item.name === european.name)!;
    expect(planned).toMatchObject({ points: 0, rawRemoved: 0 });
    // The measures are those of the map: the European line counts as European, proposed or not.
    const measured = measureItems(items as never);
    expect(plan.baseline.raw).toBe(measured.raw.share);
    expect(plan.baseline.weighted).toBe(measured.weighted.value);
    expect(measured.raw.exposed).toBe(20);
  });
});
