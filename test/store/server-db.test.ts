/**
 * The real server keeps saved work in its database: SQLite in DATA_DIR by default (JSON records of an older
 * version imported at start), PostgreSQL with DATABASE_URL — and finds it again after a restart.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, postgresAvailable } from "../helpers/postgres.ts";
import { startTestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS, readInventory } from "../inventory/fixtures.ts";

async function analyzeAndAdopt(url: string) {
  const res = await fetch(`${url}/api/inventory/analyze?name=glpi.csv`, {
    method: "POST",
    body: readInventory("glpi10-mairie.csv").bytes as Uint8Array<ArrayBuffer>,
  });
  expect(res.status).toBe(201);
  const analysis = await res.json();
  const plan = await fetch(`${url}/api/plans`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      collectivite: { name: "Commune de Kervallon" },
      analysisId: analysis.id,
      target: { value: 20, date: "2030-12-31" },
    }),
  });
  expect(plan.status).toBe(201);
  return { analysisId: analysis.id as string, planId: (await plan.json()).plan.id as string };
}

async function expectSaved(url: string, ids: { analysisId: string; planId: string }) {
  const list = await (await fetch(`${url}/api/inventory/analyses`)).json();
  expect(list.analyses.map((a: any) => a.id)).toContain(ids.analysisId);
  expect((await fetch(`${url}/api/inventory/analyses/${ids.analysisId}`)).status).toBe(200);
  expect((await fetch(`${url}/api/plans/${ids.planId}`)).status).toBe(200);
}

describe("saved work in SQLite (default)", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "cap-libre-db-"));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it("imports the records of an older version, and keeps new work across a restart", async () => {
    const old = path.join(dataDir, "records", "classifications");
    await mkdir(old, { recursive: true });
    await writeFile(
      path.join(old, "civil-net-rh.json"),
      JSON.stringify({
        id: "civil-net-rh",
        name: "Civil Net RH",
        key: "civil net rh",
        productId: null,
        category: "business",
        vendorName: "Ciril GROUP",
        vendorCountry: "FR",
        extraEuropean: false,
        openSource: false,
        updatedAt: "2026-01-01T00:00:00.000Z",
      }),
    );
    let server = await startTestServer({ CORPUS_DIR: INVENTORY_CORPUS, DATA_DIR: dataDir });
    const ids = await analyzeAndAdopt(server.url);
    const classifications = await (await fetch(`${server.url}/api/inventory/classifications`)).json();
    expect(classifications.classifications.map((c: any) => c.name)).toContain("Civil Net RH");
    await server.stop();
    expect(await readdir(dataDir)).toContain("cap-libre.sqlite");
    expect(await readdir(dataDir)).not.toContain("records");

    server = await startTestServer({ CORPUS_DIR: INVENTORY_CORPUS, DATA_DIR: dataDir });
    try {
      await expectSaved(server.url, ids);
    } finally {
      await server.stop();
    }
  });
});

describe.skipIf(!postgresAvailable)("saved work in PostgreSQL (DATABASE_URL)", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());

  it("keeps work in PostgreSQL, shared by two servers and across a restart", async () => {
    const a = await startTestServer({ CORPUS_DIR: INVENTORY_CORPUS, DATABASE_URL: database.url });
    const b = await startTestServer({ CORPUS_DIR: INVENTORY_CORPUS, DATABASE_URL: database.url });
    try {
      const ids = await analyzeAndAdopt(a.url);
      await expectSaved(b.url, ids);
      // Two people on two servers classify the same name from the same view: the second is told (trial15 B2).
      const classify = (url: string, category: string) =>
        fetch(`${url}/api/inventory/classifications`, {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ name: "UltraVNC", category, previous: null }),
        });
      expect((await classify(a.url, "workstation")).status).toBe(200);
      const refused = await classify(b.url, "network");
      expect(refused.status).toBe(409);
      expect((await refused.json()).error.current.category).toBe("workstation");
      await a.stop();
      const c = await startTestServer({ CORPUS_DIR: INVENTORY_CORPUS, DATABASE_URL: database.url });
      try {
        await expectSaved(c.url, ids);
      } finally {
        await c.stop();
      }
    } finally {
      await b.stop();
    }
  });
});
