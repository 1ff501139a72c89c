/**
 * trial23 T-M7: the same two files sent first without the collectivité, then with its name, answered `reused: true`
 * with the first analysis — its « Gestion Cantine Arvèze » (published by « CC des Coteaux de l'Arvèze ») still « statut
 * inconnu », its figures those of an analysis that did not know whose parc it was (86 % against 85 % for the same
 * files named on the first upload). The name changes what is recognised only when a line's publisher is the
 * collectivité itself: then the files are analysed again with it; otherwise the saved analysis is reused and takes the
 * name, as before (round 17). Real HTTP server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS } from "./fixtures.ts";

const ARVEZE = "Communauté de communes des Coteaux de l'Arvèze";
const head = `\uFEFF"Nom";"Éditeur";"Nombre d'installations";\n`;
const withOwn = `${head}"Gestion Cantine Arvèze";"CC des Coteaux de l'Arvèze";"3";\n"Mozilla Firefox";"Mozilla";"40";\n"Google Chrome";"Google LLC";"60";\n`;
const withoutOwn = `${head}"Mozilla Firefox";"Mozilla";"41";\n"Google Chrome";"Google LLC";"61";\n`;

type View = {
  id: string;
  reused?: boolean;
  collectivite: string | null;
  summary: { score: { value: number } };
  items?: { rows?: { name: string; reason?: string }[] } | { name: string; reason?: string }[];
  unknown?: { rows?: { name: string; reason?: string }[] } | { name: string; reason?: string }[];
};
const rows = (x: View["items"]) => (Array.isArray(x) ? x : (x?.rows ?? []));

describe("the same files sent again with the collectivité's name (trial23 T-M7, real HTTP server)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ CORPUS_DIR: INVENTORY_CORPUS });
  }, 120_000);
  afterAll(() => server?.stop());
  const upload = async (csv: string, collectivite?: string) => {
    const form = new FormData();
    form.append("file", new Blob([csv]), "glpi.csv");
    if (collectivite) form.append("collectivite", collectivite);
    const res = await fetch(`${server.url}/api/inventory/analyze`, { method: "POST", body: form });
    expect([200, 201], await res.clone().text()).toContain(res.status);
    return (await res.json()) as View;
  };
  const cantine = (v: View) => [...rows(v.items), ...rows(v.unknown)].find((i) => i.name === "Gestion Cantine Arvèze");

  it("are analysed again when the name makes a line the collectivité's own application", async () => {
    const first = await upload(withOwn);
    expect(cantine(first)?.reason).toMatch(/statut inconnu/);
    const named = await upload(withOwn, ARVEZE);
    expect(named.reused ?? false).toBe(false);
    expect(named.id).not.toBe(first.id);
    expect(named.collectivite).toBe(ARVEZE);
    expect(cantine(named)?.reason).toMatch(/est la collectivité elle-même/);
    // The same score as the same files named on their first upload; sent a third time with the name, reused.
    const again = await upload(withOwn, ARVEZE);
    expect(again).toMatchObject({ id: named.id, reused: true });
    expect(again.summary.score.value).toBe(named.summary.score.value);
  });

  it("reuse the saved analysis, which takes the name, when no line is the collectivité's own", async () => {
    const first = await upload(withoutOwn);
    const named = await upload(withoutOwn, ARVEZE);
    expect(named).toMatchObject({ id: first.id, reused: true, collectivite: ARVEZE });
  });
});
