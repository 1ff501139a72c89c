/**
 * trial19 LOW: `OurcelleTarifs (application interne)`, publisher « CC Coteaux de l'Ourcelle » — the collectivité
 * itself — was « Ni ce nom ni l'éditeur … ne figurent au catalogue : statut inconnu, à classer à la main ». It is the
 * collectivité's own application, under its own control: said so, and not counted as of unknown origin. A company
 * whose name only contains the collectivité's (« Saint-Pierre Informatique » for the Commune de Saint-Pierre) is not
 * it. Through the real HTTP server, the collectivité typed in the upload form.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { isOwnPublisher } from "../../server/inventory/collectivite.ts";
import { loadMatchIndex } from "../../server/inventory/match.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS, inventoryRow } from "./fixtures.ts";

const OURCELLE = "Communauté de communes des Coteaux de l'Ourcelle";

describe("the collectivité's own application (trial19 LOW)", () => {
  it("tells the collectivité as publisher from a company bearing its town's name", () => {
    expect(isOwnPublisher("CC Coteaux de l'Ourcelle", OURCELLE)).toBe(true);
    expect(isOwnPublisher("Communauté de communes des Coteaux de l'Ourcelle", OURCELLE)).toBe(true);
    expect(isOwnPublisher("Mairie de Vaudrenay-le-Haut", "Vaudrenay-le-Haut")).toBe(true);
    expect(isOwnPublisher("Ville de Saint-Pierre", "Commune de Saint-Pierre")).toBe(true);
    expect(isOwnPublisher("Saint-Pierre Informatique", "Commune de Saint-Pierre")).toBe(false);
    expect(isOwnPublisher("Coteaux Logiciels SARL", OURCELLE)).toBe(false);
    // Two kinds are two collectivités: the town is not the métropole.
    expect(isOwnPublisher("Ville de Lyon", "Métropole de Lyon")).toBe(false);
    expect(isOwnPublisher(null, OURCELLE)).toBe(false);
  });

  it("says so on the map, and counts it as under the collectivité's control", async () => {
    const index = await loadMatchIndex(path.resolve("corpus"));
    const rows = [
      inventoryRow("OurcelleTarifs (application interne)", "CC Coteaux de l'Ourcelle", 12),
      inventoryRow("Gestion Cantine Coteaux", "Coteaux Logiciels SARL", 4),
    ];
    const own = analyzeRows(rows, index, { collectivite: OURCELLE });
    const app = own.items.find((i) => i.name.startsWith("OurcelleTarifs"))!;
    expect(app.reason).toMatch(/est la collectivité elle-même : application interne, sous son propre contrôle/);
    expect(app.reason).not.toMatch(/statut inconnu/);
    expect(app.extraEuropean).toBe(false);
    const other = own.items.find((i) => i.name.startsWith("Gestion Cantine"))!;
    expect(other.reason).toMatch(/statut inconnu/);
    // Without the collectivité's name, nothing is assumed.
    const unnamed = analyzeRows(rows, index, {}).items.find((i) => i.name.startsWith("OurcelleTarifs"))!;
    expect(unnamed.reason).toMatch(/statut inconnu/);
  });
});

describe("the collectivité typed on upload (real HTTP server)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ CORPUS_DIR: INVENTORY_CORPUS });
  }, 120_000);
  afterAll(() => server?.stop());

  it("reads its own application as such", async () => {
    const csv = `\uFEFF"Nom";"Éditeur";"Nombre d'installations";\n"OurcelleTarifs (application interne)";"CC Coteaux de l'Ourcelle";"12";\n"Mozilla Firefox";"Mozilla";"40";\n`;
    const form = new FormData();
    form.append("file", new Blob([csv]), "glpi.csv");
    form.append("collectivite", OURCELLE);
    const res = await fetch(`${server.url}/api/inventory/analyze`, { method: "POST", body: form });
    expect(res.status, await res.clone().text()).toBe(201);
    const body = await res.json();
    const listed = [...(body.items?.rows ?? body.items ?? []), ...(body.unknown?.rows ?? body.unknown ?? [])];
    const app = listed.find((i: { name: string }) => i.name.startsWith("OurcelleTarifs"));
    expect(app?.reason).toMatch(/est la collectivité elle-même/);
  });
});
