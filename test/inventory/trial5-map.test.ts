/**
 * Trial 5 (findings 7, 8, 9 and the minor items 17–18), against the real catalog and the trial's own 47-line GLPI
 * export (« Belval-sur-Orne », 6 200 habitants, 95 postes):
 * - quick wins start from what the commune already runs: Kaspersky on 2 PCs is replaced by ESET, already on 92, not
 *   by Bitdefender; Zoom is not replaced first by an enterprise video infrastructure (Pexip);
 * - the roadmap's « Éditeur (pays) » column gives the vendor's own country and, apart, who controls it: « Cegid
 *   (France ; contrôlé par Silver Lake et KKR…, États-Unis) », never « Cegid (US) »;
 * - Windows 10 Entreprise LTSC (LTSC 2019, build 17763, supported until January 2029) is not given the end of support
 *   of Windows 10 Famille/Professionnel (October 2025); each LTSC/LTSB edition has its own date, with its source;
 * - Adobe Photoshop is a workstation application, not « Logiciels métiers »; a quick win of one installation says
 *   « 1 installation »; a local-context sentence ends without the « ; » that separated it from the next.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { buildContext } from "../../server/drafting/context.ts";
import { vendorText } from "../../server/drafting/documents/common.ts";
import { parseInputs } from "../../server/drafting/inputs.ts";
import { planRoadmap } from "../../server/drafting/roadmap-plan.ts";
import { loadStructure } from "../../server/drafting/structure.ts";
import type { InventoryAnalysis } from "../../server/drafting/types.ts";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { loadMatchIndex, type MatchIndex } from "../../server/inventory/match.ts";
import { bestAlternative } from "../../server/inventory/measure.ts";
import { parseInventoryFiles } from "../../server/inventory/parse.ts";
import type { AnalysisResult } from "../../server/inventory/types.ts";
import { INVENTORY_FIXTURES, inventoryRow } from "./fixtures.ts";

let index: MatchIndex;
let belval: AnalysisResult;
const NOW = "2026-12-05T08:00:00Z";
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
  const file = path.join(INVENTORY_FIXTURES, "trial/glpi-mairie-belval.csv");
  const { rows } = parseInventoryFiles([{ name: path.basename(file), bytes: new Uint8Array(readFileSync(file)) }]);
  belval = analyzeRows(rows, index, { now: NOW });
});
const line = (name: string) => belval.items.find((i) => i.name === name || i.names?.includes(name))!;
const analysis = () => ({ id: "belval", name: "Belval", createdAt: NOW, ...belval }) as unknown as InventoryAnalysis;

async function roadmapVars(context = "") {
  const inputs = parseInputs("roadmap", {
    collectivite: { name: "Belval-sur-Orne", kind: "commune", population: 6200, workstations: 95 },
    analysis: analysis(),
    startDate: "2026-12",
    targetDate: "2029-06",
    targetShare: 30,
    ...(context ? { context } : {}),
  });
  return (await buildContext("roadmap", inputs, analysis(), loadStructure("roadmap"), NOW)).vars;
}

describe("quick wins start from what the commune already runs (finding 7)", () => {
  it("replaces Kaspersky by ESET, already on 92 machines, and says so", () => {
    const kaspersky = line("Kaspersky Endpoint Security for Windows");
    expect(bestAlternative(kaspersky.alternatives)?.id).toBe("eset-protect");
    expect(kaspersky.alternatives[0]).toMatchObject({ id: "eset-protect", inPlace: 92 });
    const win = belval.summary.quickWins.find((w) => w.product.id === "kaspersky-endpoint-security")!;
    expect(win.alternative.id).toBe("eset-protect");
    expect(win.reason).toMatch(/ESET PROTECT[^.]*déjà en place : 92 installations/);
    // The roadmap, the plan and the public page read the same choice.
    const plan = planRoadmap(analysis(), { now: NOW });
    expect(plan.lines.find((l) => l.item.name === kaspersky.name)?.alternative?.id).toBe("eset-protect");
  });

  it("says in the roadmap why ESET is the one proposed", async () => {
    const vars = await roadmapVars();
    const line = vars
      .phases_detail!.split("\n")
      .find((l) => l.includes("**Kaspersky Endpoint Security for Windows**"))!;
    expect(line).toContain("→ ESET PROTECT (remplacement direct, déjà en place : 92 installations)");
  });

  it("does not make an enterprise video infrastructure the first choice for a commune's Zoom", () => {
    const zoom = line("Zoom Workplace");
    expect(bestAlternative(zoom.alternatives)?.id).not.toBe("pexip");
    const win = belval.summary.quickWins.find((w) => w.product.id === "zoom");
    if (win) expect(win.alternative.id).not.toBe("pexip");
    // Pexip stays listed, after what suits a collectivité.
    const ids = zoom.alternatives.map((a) => a.id);
    expect(ids).toContain("pexip");
    expect(ids.indexOf("tixeo")).toBeLessThan(ids.indexOf("pexip"));
  });

  it("knows an alternative installed only by the catalog products its card names (`installedAs`)", () => {
    const catalog = (file: string) => parseYaml(readFileSync(path.resolve("corpus/catalog", `${file}.yaml`), "utf8"));
    const products = new Set(catalog("products").products.map((p: any) => p.id));
    const named = catalog("alternatives").alternatives.flatMap((a: any) => a.installedAs ?? []);
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((id: string) => !products.has(id))).toEqual([]);
    // Hexagon's GeoMedia does not put BricsCAD (also Hexagon's) « in place » for AutoCAD: same vendor, another product.
    const cad = analyzeRows(
      [inventoryRow("AutoCAD 2023", "Autodesk", 4), inventoryRow("GeoMedia Desktop", "Hexagon", 2)],
      index,
    );
    const autocad = cad.items.find((i) => i.product?.id === "autocad")!;
    expect(autocad.alternatives.map((a) => a.id)).toContain("bricscad");
    expect(autocad.alternatives.filter((a) => a.inPlace)).toEqual([]);
  });

  it("marks nothing in place when the inventory runs none of the alternatives", () => {
    const alone = analyzeRows([inventoryRow("Kaspersky Endpoint Security 12", "AO Kaspersky Lab", 5)], index);
    expect(alone.items[0]!.alternatives.some((a) => a.inPlace)).toBe(false);
  });
});

describe("the vendor's own country, and who controls it, each in its own words (finding 8)", () => {
  it("prints « Cegid (France ; contrôlé par …, États-Unis) », never « Cegid (US) »", async () => {
    expect(vendorText(line("Cegid Loop") as never)).toBe(
      "Cegid (France ; contrôlé par Silver Lake et KKR (fonds d'investissement), États-Unis)",
    );
    expect(vendorText(line("Foxit PDF Reader") as never)).toMatch(/^Foxit \(États-Unis ; contrôlé par .*, Chine\)$/);
    expect(vendorText(line("Zoom Workplace") as never)).toBe("Zoom (États-Unis)");
    const vars = await roadmapVars();
    expect(vars.alternatives_table).toContain("| Cegid Loop | Cegid (France ; contrôlé par");
    expect(vars.alternatives_table).not.toContain("Cegid (US)");
    expect(vars.alternatives_table).not.toContain("Foxit (CN)");
  });
});

describe("Windows 10 LTSC/LTSB editions have their own end of support (finding 9)", () => {
  const eos = (i: { risks: { kind: string; label: string }[] }) => i.risks.filter((r) => r.kind === "end-of-support");

  it("gives LTSC 2019 (build 17763) no end of support before January 2029", () => {
    const ltsc = line("Microsoft Windows 10 Entreprise LTSC");
    expect(ltsc.product?.id).toBe("windows-10");
    expect(ltsc.extraEuropean).toBe(true);
    expect(eos(ltsc)).toEqual([]);
    // Still a workstation OS with Linux alternatives.
    expect(ltsc.alternatives.map((a) => a.id)).toEqual(expect.arrayContaining(["debian", "linux-ubuntu"]));
    // Windows 10 Professionnel keeps its own date.
    const pro = analyzeRows([inventoryRow("Microsoft Windows 10 Professionnel", "Microsoft Corporation", 3)], index, {
      now: NOW,
    }).items[0]!;
    expect(
      eos(pro)
        .map((r) => r.label)
        .join(),
    ).toContain("14 octobre 2025");
  });

  it("dates each edition from its build, and says « à vérifier » when the version does not tell", () => {
    const row = (versions: string[], name = "Microsoft Windows 10 Entreprise LTSB") => ({
      ...inventoryRow(name, "Microsoft Corporation", 4),
      versions,
    });
    const at = (versions: string[], name?: string) =>
      eos(analyzeRows([row(versions, name)], index, { now: NOW }).items[0]!).map((r) => r.label);
    expect(at(["10.0.14393"]).join()).toMatch(/LTSB 2016[^,]*13 octobre 2026/);
    expect(at(["10.0.10240"]).join()).toMatch(/LTSB 2015[^,]*14 octobre 2025/);
    expect(at(["10.0.17763"])).toEqual([]);
    // LTSC 2021 ends in January 2027, its IoT edition in 2032: neither has ended on 5 December 2026.
    expect(at(["10.0.19044"], "Windows 10 Enterprise LTSC 2021")).toEqual([]);
    expect(
      eos(analyzeRows([row(["10.0.19044"], "Windows 10 Enterprise LTSC 2021")], index, { now: "2027-03-01" }).items[0]!)
        .map((r) => r.label)
        .join(),
    ).toMatch(/LTSC 2021[^,]*12 janvier 2027/);
    expect(at([], "Microsoft Windows 10 Entreprise LTSC").join()).toMatch(/à vérifier/);
  });

  it("keeps each edition's date with its Microsoft lifecycle source in the catalog", () => {
    const products: any[] = parseYaml(readFileSync(path.resolve("corpus/catalog/products.yaml"), "utf8")).products;
    const windows10 = products.find((p) => p.id === "windows-10");
    expect(windows10.lifecycle.length).toBeGreaterThanOrEqual(4);
    for (const e of windows10.lifecycle) {
      expect(e.edition).toMatch(/^(IoT )?LTS[BC] \d{4}$/);
      expect(e.build).toMatch(/^\d{5}$/);
      expect(String(e.endOfSupport)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(e.source.url).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    }
  });
});

describe("minor items", () => {
  it("classes Adobe Photoshop as a workstation application (finding 18)", () => {
    expect(line("Adobe Photoshop 2024").category).toBe("workstation");
  });

  it("says « 1 installation » in a quick win of one installation (finding 18, CLI)", () => {
    const wps = belval.summary.quickWins.find((w) => w.product.id === "wps-office")!;
    expect(wps.reason).toMatch(/^WPS Office : 1 installation,/);
  });

  it("ends a local-context milestone without the « ; » that separated it from the next sentence (finding 17)", async () => {
    const vars = await roadmapVars(
      "Contrat Microsoft 365 à renouveler en septembre 2027 ; départ à la retraite du technicien en 2028",
    );
    const row = vars.calendar_table!.split("\n").find((l) => l.includes("Contrat Microsoft 365"))!;
    expect(row).toContain("« Contrat Microsoft 365 à renouveler en septembre 2027 » |");
    expect(row).not.toMatch(/2027\s*;\s*\|/);
  });
});
