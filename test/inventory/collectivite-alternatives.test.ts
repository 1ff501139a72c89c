/**
 * What a commune can credibly adopt (new-user trial as a commune's DSI, 5 December 2026), against the real catalog:
 * a State service reserved to State agents (Visio, Tchap) is never a direct replacement, a quick win nor the
 * roadmap's choice, is listed after what a collectivité can adopt and is said to be reserved; an alternative that
 * covers only part of a product (openElec for the whole Horizon Villages suite) says which part and is never the
 * plan's replacement; a replacement still under an extra-European jurisdiction (Edge → Firefox ESR) keeps its
 * caveat on the public page.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { formatInventoryReport } from "../../server/cli/inventory.ts";
import { catalogPassages, loadCatalog } from "../../server/corpus/catalog.ts";
import type { CorpusProblem } from "../../server/corpus/documents.ts";
import { alternativesText } from "../../server/drafting/documents/common.ts";
import { planRoadmap } from "../../server/drafting/roadmap-plan.ts";
import type { InventoryAnalysis } from "../../server/drafting/types.ts";
import { replacementCaveats } from "../../server/inventory/alternative-text.ts";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { encodeTable } from "../../server/inventory/compact.ts";
import { mapToCsv } from "../../server/inventory/export.ts";
import { loadMatchIndex, type MatchIndex } from "../../server/inventory/match.ts";
import { bestAlternative, isQuickWin } from "../../server/inventory/measure.ts";
import type { SavedAnalysis } from "../../server/inventory/types.ts";
import { progressOf, snapshotOf } from "../../server/tracking/plan.ts";
import { renderPublicPage } from "../../server/tracking/public-page.ts";
import { planOf } from "../helpers/plan.ts";
import { inventoryRow } from "./fixtures.ts";

const CORPUS = path.resolve("corpus");
let index: MatchIndex;
beforeAll(async () => {
  index = await loadMatchIndex(CORPUS);
});

const analyze = (lines: [string, string, number][]) =>
  analyzeRows(
    lines.map(([n, p, c]) => inventoryRow(n, p, c)),
    index,
  );
const itemOf = (a: ReturnType<typeof analyze>, product: string) => a.items.find((i) => i.product?.id === product)!;

const COMMUNE: [string, string, number][] = [
  ["Zoom Workplace", "Zoom Video Communications, Inc.", 25],
  ["Microsoft Teams", "Microsoft Corporation", 40],
  ["Google Meet", "Google LLC", 5],
  ["Horizon Villages", "JVS-Mairistem", 4],
  ["Microsoft Edge", "Microsoft Corporation", 60],
];

describe("State services reserved to State agents", () => {
  it("marks Visio, Tchap, Docs, Fichiers and Resana as reserved, each with a sourced condition", async () => {
    const raw = YAML.parse(await readFile(path.join(CORPUS, "catalog/alternatives.yaml"), "utf8")).alternatives as {
      id: string;
      hosting?: string[];
      audience?: string;
      audienceNote?: string;
      audienceSources?: unknown[];
    }[];
    const reserved = raw.filter((a) => a.audience === "state").map((a) => a.id);
    expect(reserved).toEqual(
      expect.arrayContaining(["visio-dinum", "tchap", "docs-lasuite", "fichiers-lasuite", "resana"]),
    );
    // A service the State alone operates (no self-hosting, no European SaaS) says who may use it.
    for (const a of raw.filter((x) => x.hosting?.length && x.hosting.every((h) => h === "state-service")))
      expect(a.audience ?? "all", a.id).not.toBe("all");
    for (const a of raw.filter((x) => x.audience && x.audience !== "all")) {
      expect(a.audienceNote, a.id).toMatch(/collectivit/);
      expect(a.audienceSources?.length, a.id).toBeGreaterThan(0);
    }
  });

  it("never offers Visio or Tchap first, as a direct replacement, a quick win or the roadmap's choice", () => {
    const a = analyze(COMMUNE);
    for (const id of ["zoom", "microsoft-teams", "google-meet"]) {
      const item = itemOf(a, id);
      const alts = item.alternatives;
      const reserved = alts.filter((x) => x.audience === "state");
      expect(reserved.length, id).toBeGreaterThan(0);
      // What a collectivité can adopt comes first; the reserved services last, never « remplacement direct ».
      expect(alts[0]!.audience, id).toBeUndefined();
      const firstReserved = alts.findIndex((x) => x.audience === "state");
      expect(
        alts.slice(firstReserved).every((x) => x.audience === "state"),
        id,
      ).toBe(true);
      for (const r of reserved) {
        expect(r.fit, `${id} → ${r.id}`).not.toBe("drop-in");
        expect(r.condition, r.id).toMatch(/collectivit/);
      }
      expect(bestAlternative(alts)?.audience, id).toBeUndefined();
    }
    const names = a.summary.quickWins.map((w) => w.alternative.name).join(" ");
    expect(names).not.toMatch(/Visio|Tchap/);
    expect(a.summary.quickWins.map((w) => w.product.id)).toContain("zoom");
    const roadmap = planRoadmap(a as unknown as InventoryAnalysis, { target: 30, now: "2026-12-05" });
    for (const l of roadmap.lines) expect(l.alternative?.name ?? "", l.item.name).not.toMatch(/Visio|Tchap/);
  });

  it("says « réservé aux agents de l'État » wherever it is named: CLI, CSV, roadmap tables, catalog cards", async () => {
    const a = analyze(COMMUNE);
    const teams = itemOf(a, "microsoft-teams");
    expect(alternativesText(teams as never)).toMatch(
      /Tchap \(FR\) — remplacement partiel, service réservé aux agents de l'État/,
    );
    const csv = new TextDecoder().decode(mapToCsv(encodeTable(a.items)));
    expect(csv).toMatch(/Visio \(La Suite numérique\) \(remplacement partiel ; service réservé aux agents de l'État\)/);
    const report = formatInventoryReport({ ...a, id: "x", createdAt: "2026-12-05", files: [], ms: 0 } as SavedAnalysis);
    expect(report).not.toMatch(/Visio \(La Suite numérique\)(?! \(service réservé)/);
    const passages = catalogPassages(await loadCatalog(CORPUS, []));
    const zoom = passages.find((p) => p.id === "product:zoom" || p.title === "Produit : Zoom")!;
    expect(zoom.text).toMatch(
      /Visio \(La Suite numérique\) \(remplacement partiel, France, libre MIT, service réservé aux agents de l'État\)/,
    );
    // The card a chat answer quotes names first what a collectivité can adopt.
    expect(zoom.text.indexOf("Jitsi Meet")).toBeLessThan(zoom.text.indexOf("Visio (La Suite numérique)"));
    const visio = passages.find((p) => p.title === "Alternative : Visio (La Suite numérique)")!;
    expect(visio.text).toContain("Service de l'État réservé à ses agents.");
    expect(visio.text).toMatch(/Pour une collectivité : .*installer le code \(licence MIT\)/);
  });

  it("refuses at load a direct replacement by a reserved State service, and a reserved service without its source", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "caplibre-audience-"));
    try {
      await mkdir(path.join(dir, "catalog"));
      const source = { title: "Test", url: "https://example.org/", date: "2026-12" };
      const alt = (id: string, extra: object) => ({
        id,
        name: id,
        publisher: "DINUM",
        country: "FR",
        category: "collaboration",
        maturity: "mature",
        sources: [source],
        ...extra,
      });
      await writeFile(
        path.join(dir, "catalog", "c.yaml"),
        YAML.stringify({
          vendors: [{ id: "acme", name: "Acme", country: "US", sources: [source] }],
          products: [
            {
              id: "acme-meet",
              name: "Acme Meet",
              vendor: "acme",
              category: "collaboration",
              usage: "Visio",
              sources: [source],
            },
          ],
          alternatives: [
            alt("etat-visio", {
              audience: "state",
              audienceNote: "Réservé aux agents de l'État.",
              audienceSources: [source],
            }),
            alt("etat-sans-source", { audience: "state", audienceNote: "Réservé aux agents de l'État." }),
            alt("libre", {}),
          ],
          mappings: [
            { product: "acme-meet", alternative: "etat-visio", fit: "drop-in" },
            { product: "acme-meet", alternative: "libre", fit: "drop-in" },
          ],
        }),
      );
      const problems: CorpusProblem[] = [];
      const catalog = await loadCatalog(dir, problems);
      expect(catalog.mappings.map((m) => m.alternative)).toEqual(["libre"]);
      expect(catalog.alternatives.has("etat-sans-source")).toBe(false);
      const reasons = problems.flatMap((p) => p.reasons).join("\n");
      expect(reasons).toContain("etat-visio est réservé aux agents de l'État : pas un remplacement direct");
      expect(reasons).toContain("audienceSources");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("alternatives that cover only part of a product", () => {
  it("says openElec covers only the electoral lists of Horizon Villages, and never plans it as its replacement", () => {
    const a = analyze(COMMUNE);
    const horizon = itemOf(a, "jvs-horizon");
    const openelec = horizon.alternatives.find((x) => x.id === "openelec")!;
    expect(openelec.fit).not.toBe("drop-in");
    expect(openelec.covers).toMatch(/listes électorales seulement/);
    expect(bestAlternative(horizon.alternatives)).toBeNull();
    expect(isQuickWin(horizon)).toBe(false);
    expect(alternativesText(horizon as never)).toMatch(
      /openElec \(FR\) — remplacement partiel, ne couvre qu'une partie du produit : listes électorales seulement/,
    );
  });

  it("refuses at load a mapping that leaves some of the product's domains uncovered without saying so", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "caplibre-covers-"));
    try {
      await mkdir(path.join(dir, "catalog"));
      const source = { title: "Test", url: "https://example.org/", date: "2026-12" };
      const alt = (id: string) => ({
        id,
        name: id,
        domains: ["elections"],
        publisher: "X",
        country: "FR",
        category: "business",
        maturity: "mature",
        sources: [source],
      });
      await writeFile(
        path.join(dir, "catalog", "c.yaml"),
        YAML.stringify({
          vendors: [{ id: "acme", name: "Acme", country: "FR", sources: [source] }],
          products: [
            {
              id: "suite",
              name: "Suite",
              domains: ["finance", "elections"],
              vendor: "acme",
              category: "business",
              usage: "Gestion communale",
              sources: [source],
            },
          ],
          alternatives: [alt("a1"), alt("a2"), alt("a3")],
          mappings: [
            { product: "suite", alternative: "a1", fit: "partial" },
            { product: "suite", alternative: "a2", fit: "drop-in", covers: "listes électorales seulement" },
            { product: "suite", alternative: "a3", fit: "partial", covers: "listes électorales seulement" },
          ],
        }),
      );
      const problems: CorpusProblem[] = [];
      const catalog = await loadCatalog(dir, problems);
      expect(catalog.mappings.map((m) => m.alternative)).toEqual(["a3"]);
      const reasons = problems.flatMap((p) => p.reasons).join("\n");
      expect(reasons).toContain("couverture partielle non dite (covers) : finance");
      expect(reasons).toContain("pas un remplacement direct");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("keeps the part covered for suites replaced module by module (e.magnus, Logitud, Adobe Creative Cloud)", async () => {
    const catalog = await loadCatalog(CORPUS, []);
    const covers = (p: string, a: string) =>
      catalog.mappings.find((m) => m.product === p && m.alternative === a)?.covers;
    expect(covers("berger-levrault-e-magnus-citoyen", "openelec")).toMatch(/listes électorales/);
    expect(covers("logitud", "opencimetiere")).toMatch(/cimetières/);
    expect(covers("adobe-creative-cloud", "gimp")).toMatch(/retouche/);
    expect(covers("microsoft-teams", "tchap")).toMatch(/messagerie/);
    expect(covers("microsoft-365", "nextcloud")).toMatch(/ni suite d'édition ni messagerie/);
    expect(covers("vmware-cloud-foundation", "proxmox-ve")).toMatch(/virtualisation seulement/);
    for (const m of catalog.mappings)
      if (m.covers) expect(m.fit, `${m.product} → ${m.alternative}`).not.toBe("drop-in");
  });
});

describe("a replacement still under an extra-European jurisdiction", () => {
  it("keeps « gain limité » beside Firefox ESR on the public page, and « réservé » beside a State service", async () => {
    const note = await replacementCaveats(CORPUS);
    expect(note("microsoft-edge", "Firefox ESR")).toBe("toujours sous juridiction extra-européenne : gain limité");
    expect(note("zoom", "Visio (La Suite numérique)")).toMatch(/réservé aux agents de l'État/);
    expect(note("microsoft-office", "LibreOffice")).toBeNull();
    const day = "2026-12-05";
    const plan = planOf(day, {
      products: [
        { name: "Microsoft Edge", productId: "microsoft-edge", by: "Firefox ESR", dueDate: null },
        { name: "Microsoft Office", productId: "microsoft-office", by: "LibreOffice", dueDate: null },
      ],
      checkpoints: [
        {
          analysisId: "a",
          date: day,
          value: 60,
          weighted: 60,
          raw: 70,
          installations: 100,
          dependencies: [],
          recordedAt: day,
        },
      ],
    });
    const snapshot = snapshotOf(plan, progressOf(plan, day), {
      licence: "etalab-2.0",
      groupProducts: false,
      now: new Date(`${day}T12:00:00Z`),
      categoryLabel: (c) => c ?? "",
      replacementNote: note,
    });
    const html = renderPublicPage(snapshot, { cssHref: "p.css", dataHref: "d.json", csvHref: "d.csv" });
    expect(html).toContain("<td>Firefox ESR (toujours sous juridiction extra-européenne : gain limité)</td>");
    expect(html).toContain("<td>LibreOffice</td>");
  });
});

describe("the map's headline counts agree with « à classer »", () => {
  it("does not count a vendor recognised without its product as identified, in the summary and the CLI", () => {
    const a = analyze([...COMMUNE, ["Civil Net RH", "Ciril GROUP", 2], ["Ciril Gestion des Salles", "Ciril GROUP", 1]]);
    const s = a.summary;
    expect(a.unknown.map((u) => u.name)).toEqual(["Ciril Gestion des Salles"]);
    expect(s.toClassify).toEqual({ items: 1, installations: 1 });
    expect(s.identified!.items + s.toClassify!.items).toBe(s.items);
    expect(s.products).toBe(new Set(a.items.filter((i) => i.product).map((i) => i.product!.id)).size);
    expect(s.identified!.share).toBeLessThan(1);
    // The measure still counts the vendor's origin (French): known origin is not « identified ».
    expect(s.classified.items).toBe(s.items);
    const report = formatInventoryReport({ ...a, id: "x", createdAt: "2026-12-05", files: [], ms: 0 } as SavedAnalysis);
    expect(report).toContain(
      `Identifiés : 99\u00a0% des installations (${s.products} produits) ; à classer : 1 logiciel`,
    );
    expect(report).toContain("À classer à la main (1) :");
    // The category table counts distinct software (« Logiciels »), identified or not: here one line each.
    expect(report).toMatch(/Catégorie +Logiciels +Installations/);
    expect(s.categories.reduce((n, c) => n + c.products, 0)).toBe(s.items);
  });

  it("never reads 100 % identified while installations are left to classify", () => {
    const a = analyze([
      ["Microsoft Edge", "Microsoft Corporation", 5000],
      ["Outil maison introuvable", "Régie municipale", 1],
    ]);
    expect(a.summary.toClassify).toEqual({ items: 1, installations: 1 });
    expect(a.summary.identified!.share).toBe(0.99);
    const complete = analyze([["Microsoft Edge", "Microsoft Corporation", 10]]);
    expect(complete.summary.identified).toEqual({ items: 1, installations: 10, share: 1 });
    expect(complete.summary.toClassify).toEqual({ items: 0, installations: 0 });
  });
});
