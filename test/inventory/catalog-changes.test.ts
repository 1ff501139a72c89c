/**
 * An analysis saved before the catalog changed (Zoom → Visio, then the catalog said otherwise): it keeps its
 * figures as published, the map and the documents built from it say what changed, and the same inventory is
 * analysed again with today's catalog without importing it again (a new analysis; the old one kept). On the real
 * server with a writable copy of the fixture catalog.
 */
import { rm } from "node:fs/promises";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { alternativeDiff, catalogChangesOf } from "../../server/inventory/catalog-changes.ts";
import { encodeTable } from "../../server/inventory/compact.ts";
import { keptRows, rowsOfSaved } from "../../server/inventory/job.ts";
import { loadMatchIndex } from "../../server/inventory/match.ts";
import { parseInventoryFiles } from "../../server/inventory/parse.ts";
import type { AnalysisResult } from "../../server/inventory/types.ts";
import { replaceMapping } from "../helpers/catalog.ts";
import { copyCorpus, postJson, readSse, startTestServer, type TestServer } from "../helpers/server.ts";
import { allInventories, INVENTORY_CORPUS, readInventory } from "./fixtures.ts";

/** What must not change when an analysis is computed again from what was kept of its inventory. */
const shape = (a: AnalysisResult) => ({
  items: a.summary.items,
  installations: a.summary.installations,
  components: a.summary.components,
  products: a.summary.products,
  score: a.summary.score.value,
  lines: a.items.map((i) => [i.name, i.product?.id ?? null, i.installations, i.category, i.extraEuropean]).sort(),
});

describe("the rows kept with an analysis", () => {
  it("give the same map as the parsed files, for every test inventory", async () => {
    const index = await loadMatchIndex(INVENTORY_CORPUS);
    for (const file of allInventories()) {
      const { rows } = parseInventoryFiles([file]);
      const kept = keptRows(rows);
      expect(kept.length, file.name).toBeLessThanOrEqual(rows.length);
      expect(shape(analyzeRows(kept, index)), file.name).toEqual(shape(analyzeRows(rows, index)));
    }
  });

  it("are rebuilt from the map's lines for an analysis saved before rows were kept", async () => {
    const index = await loadMatchIndex(INVENTORY_CORPUS);
    const { rows } = parseInventoryFiles([readInventory("glpi10-mairie.csv")]);
    const before = analyzeRows(rows, index);
    const again = analyzeRows(rowsOfSaved({ items: encodeTable(before.items) }), index);
    expect(again.summary.installations).toBe(before.summary.installations);
    expect(again.summary.components).toEqual(before.summary.components);
    expect(again.summary.score.value).toBe(before.summary.score.value);
    const products = (a: AnalysisResult) => a.items.map((i) => `${i.product?.id}:${i.installations}`).sort();
    expect(products(again)).toEqual(products(before));
  });
});

describe("what changed in a product's alternatives", () => {
  const alt = (id: string, fit: "drop-in" | "partial", more: object = {}) =>
    ({ id, name: id, fit, country: "FR", openSource: true, ...more }) as const;
  it("says a fit or a caveat that changed, an alternative added and one removed", () => {
    expect(
      alternativeDiff(
        [alt("Pexip", "drop-in"), alt("Visio", "drop-in"), alt("Jitsi", "drop-in")],
        [alt("Pexip", "partial"), alt("Visio", "partial", { audience: "state" }), alt("Tixeo", "drop-in")],
      ),
    ).toEqual([
      "Pexip : remplacement direct → désormais remplacement partiel",
      "Visio : remplacement direct → désormais remplacement partiel, service réservé aux agents de l'État",
      "ajoutée : Tixeo (remplacement direct)",
      "retirée : Jitsi",
    ]);
  });
});

describe("the products whose catalog record changed", () => {
  it("says a status revised, a product gone, and leaves hand classifications, components and an unchanged catalog alone", async () => {
    const index = await loadMatchIndex(INVENTORY_CORPUS);
    const { rows } = parseInventoryFiles([readInventory("glpi10-mairie.csv")]);
    const items = analyzeRows(rows, index).items;
    expect(catalogChangesOf(items, index, index.fingerprint)).toBeNull();
    expect(catalogChangesOf(items, index, "another catalog")).toBeNull();
    const zoom = items.find((i) => i.product?.id === "zoom-workplace")!;
    const changed = [
      // Saved when the catalog had Zoom as European: its status was revised since.
      { ...zoom, extraEuropean: false, installations: 9 },
      { ...zoom, product: { id: "retire", name: "Produit retiré" }, installations: 3 },
      { ...zoom, product: { id: "retire-2", name: "Classé à la main" }, match: "manual" as const },
      { ...zoom, product: { id: "retire-3", name: "Composant" }, component: true },
    ];
    const changes = catalogChangesOf(changed, index, "another catalog")!;
    expect(changes.products).toBe(2);
    expect(changes.changes.map((c) => [c.product, c.kind])).toEqual([
      ["Zoom Workplace", "status"],
      ["Produit retiré", "gone"],
    ]);
    expect(changes.notice).toContain(
      "pour 2 produits de la cartographie : Zoom Workplace (éditeur, pays de contrôle, licence ou catégorie revus au catalogue) ; Produit retiré (retiré du catalogue)",
    );
  });
});

describe("a saved analysis after a catalog change", () => {
  let server: TestServer;
  let corpus: string;
  let first: any;
  beforeAll(async () => {
    corpus = await copyCorpus(INVENTORY_CORPUS);
    server = await startTestServer({ CORPUS_DIR: corpus });
    const body = new FormData();
    const file = readInventory("glpi10-mairie.csv");
    body.append("file", new Blob([file.bytes as Uint8Array<ArrayBuffer>]), file.name);
    body.append("collectivite", "Saint-Exemple");
    const res = await fetch(`${server.url}/api/inventory/analyze`, { method: "POST", body });
    expect(res.status).toBe(201);
    first = await res.json();
  });
  afterAll(async () => {
    await server?.stop();
    if (corpus) await rm(corpus, { recursive: true, force: true });
  });

  const get = async (id: string) => (await fetch(`${server.url}/api/inventory/analyses/${id}?limit=500`)).json();
  const zoomOf = (a: any) => a.items.find((i: any) => i.product?.id === "zoom-workplace");

  it("says nothing while the catalog is the one the analysis was made with", async () => {
    expect(first.catalogChanges).toBeNull();
    expect((await get(first.id)).catalogChanges).toBeNull();
    expect(zoomOf(first).alternatives.map((a: any) => a.name)).toEqual(["Visio (La Suite numérique)"]);
  });

  it("keeps its figures, says which products' alternatives changed, and the roadmap built from it says so", async () => {
    // The catalog now offers Nextcloud and, for chat only, Tchap (a State service) for Zoom; Visio no longer.
    await replaceMapping(corpus, { product: "zoom-workplace", alternative: "visio", fit: "drop-in" }, [
      { product: "zoom-workplace", alternative: "nextcloud", fit: "partial" },
      { product: "zoom-workplace", alternative: "tchap", fit: "partial", covers: "messagerie instantanée seulement" },
    ]);
    const view = await get(first.id);
    expect(view.summary).toEqual(first.summary);
    expect(zoomOf(view).alternatives.map((a: any) => a.name)).toEqual(["Visio (La Suite numérique)"]);
    expect(view.catalogChanges).toMatchObject({
      products: 1,
      changes: [
        {
          productId: "zoom-workplace",
          kind: "alternatives",
          before: ["Visio (La Suite numérique)"],
          after: [
            "Nextcloud",
            "Tchap (service réservé aux agents de l'État ; ne couvre qu'une partie du produit : messagerie instantanée seulement)",
          ],
        },
      ],
    });
    expect(view.catalogChanges.notice).toBe(
      "Le catalogue a changé depuis cette analyse pour un produit de la cartographie : Zoom Workplace (alternatives : " +
        "ajoutée : Nextcloud (remplacement partiel) ; ajoutée : Tchap (remplacement partiel, service réservé aux agents " +
        "de l'État, ne couvre qu'une partie du produit : messagerie instantanée seulement) ; retirée : Visio (La Suite " +
        "numérique)). Les chiffres restent ceux de l'analyse ; recalculez-la à partir du même inventaire pour des " +
        "alternatives à jour.",
    );

    const events = await readSse(
      await postJson(`${server.url}/api/drafts`, {
        type: "roadmap",
        inputs: { collectivite: { name: "Saint-Exemple" }, analysisId: first.id, targetDate: "2029-12" },
      }),
    );
    const done = events.at(-1)!;
    expect(done.event, JSON.stringify(done.data)).toBe("done");
    const draft = await (await fetch(`${server.url}/api/drafts/${done.data.id}`)).json();
    const sections = draft.versions.at(-1).sections as { key: string; text: string }[];
    const section = (key: string) => sections.find((s) => s.key === key)!.text;
    expect(section("baseline")).toContain("Le catalogue a changé depuis cette analyse pour un produit");
    expect(section("alternatives")).toContain("retirée : Visio (La Suite numérique)");

    // So does the spreadsheet of the map, under its summary by category.
    const ods = new Uint8Array(
      await (await fetch(`${server.url}/api/inventory/analyses/${first.id}/export?format=ods`)).arrayBuffer(),
    );
    const content = strFromU8(unzipSync(ods)["content.xml"]!);
    expect(content).toContain("Le catalogue a changé depuis cette analyse pour un produit de la cartographie");

    // The audit plan that starts from this map says so too.
    const audit = await readSse(
      await postJson(`${server.url}/api/drafts`, {
        type: "audit-plan",
        inputs: { collectivite: { name: "Saint-Exemple" }, analysisId: first.id, durationMonths: 6 },
      }),
    );
    expect(audit.at(-1)!.event, JSON.stringify(audit.at(-1)!.data)).toBe("done");
    const plan = await (await fetch(`${server.url}/api/drafts/${audit.at(-1)!.data.id}`)).json();
    const context = (plan.versions.at(-1).sections as { key: string; text: string }[]).find(
      (s) => s.key === "context",
    )!;
    expect(context.text).toContain("Le catalogue a changé depuis cette analyse pour un produit de la cartographie");
  });

  it("is analysed again from the same inventory with today's catalog, as a new analysis; the old one is kept", async () => {
    const res = await fetch(`${server.url}/api/inventory/analyses/${first.id}/recompute`, { method: "POST" });
    expect(res.status).toBe(201);
    const next = await res.json();
    expect(next.id).not.toBe(first.id);
    expect(next.recomputedFrom).toEqual({ id: first.id, name: first.name });
    expect(next.name).toMatch(/^glpi10-mairie\.csv \(recalculée le \d{1,2} \S+ \d{4}\)$/);
    expect(next.collectivite).toBe("Saint-Exemple");
    expect(next.files).toEqual(first.files);
    expect(next.catalogChanges).toBeNull();
    expect(zoomOf(next).alternatives.map((a: any) => a.name)).toEqual(["Nextcloud", "Tchap"]);
    // The same inventory: the same lines and installations; only what the catalog says of them changed.
    for (const key of ["items", "installations", "components", "products"])
      expect(next.summary[key], key).toEqual(first.summary[key]);
    expect(next.summary.quickWins.map((w: any) => w.product.id)).not.toContain("zoom-workplace");
    expect(first.summary.quickWins.map((w: any) => w.product.id)).toContain("zoom-workplace");

    // The published one is unchanged, and still says the catalog changed.
    const old = await get(first.id);
    expect(old.summary).toEqual(first.summary);
    expect(old.catalogChanges.products).toBe(1);
    // Asked twice, the same recomputation answers.
    const again = await fetch(`${server.url}/api/inventory/analyses/${first.id}/recompute`, { method: "POST" });
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe(next.id);
    // The two compare like any two analyses of the collectivité.
    const cmp = await (await fetch(`${server.url}/api/inventory/compare?from=${first.id}&to=${next.id}`)).json();
    expect(cmp.removed.total).toBe(0);
    expect(cmp.added.total).toBe(0);
  });

  it("answers a French 404 for an analysis that does not exist", async () => {
    const res = await fetch(`${server.url}/api/inventory/analyses/inconnue/recompute`, { method: "POST" });
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toMatch(/analyse/i);
  });
});
