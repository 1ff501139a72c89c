/**
 * The GLPI connector against a fake GLPI that speaks the documented REST API: a pull gives the same analysis as
 * the equivalent CSV upload, pages are followed, sessions are closed, tokens are never saved, and every failure
 * of GLPI is a French message.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { categoryLabel } from "../../server/core/labels.ts";
import { pullGlpiSoftware, toGlpiExport } from "../../server/inventory/glpi.ts";
import { parseInventoryFile } from "../../server/inventory/parse.ts";
import { type FakeGlpi, type FakeSoftware, startFakeGlpi } from "../helpers/fake-glpi.ts";
import { postJson, startTestServer, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS, readInventory } from "./fixtures.ts";

const USER_TOKEN = "user-secret-4f1c9a";
const APP_TOKEN = "app-secret-77be02";

// The software list of the GLPI 10 export fixture, as GLPI itself holds it, plus one software in GLPI's trash.
const fixture = readInventory("glpi10-mairie.csv");
const software: FakeSoftware[] = parseInventoryFile(fixture).rows.map((r) => ({
  name: r.name,
  publisher: r.publisher,
  // The export's « Catégorie » as GLPI holds it: the map's own label of the category it gave (the same hint).
  category: r.hint ? categoryLabel(r.hint) : null,
  versions: r.versions,
  installations: r.installations,
}));
software.push({
  name: "Logiciel supprimé",
  publisher: "Éditeur disparu",
  versions: ["1.0"],
  installations: 3,
  deleted: true,
});

let glpi: FakeGlpi;
let server: TestServer;
beforeAll(async () => {
  glpi = await startFakeGlpi({ software, userToken: USER_TOKEN, appToken: APP_TOKEN, maxPage: 7 });
  server = await startTestServer({
    CORPUS_DIR: INVENTORY_CORPUS,
    GLPI_URL: glpi.url,
    GLPI_USER_TOKEN: USER_TOKEN,
    GLPI_APP_TOKEN: APP_TOKEN,
  });
});
afterAll(async () => {
  await server?.stop();
  await glpi?.close();
});

const comparable = (items: any[]) =>
  items
    .map((i) => ({
      name: i.name,
      publisher: i.publisher,
      installations: i.installations,
      product: i.product?.id ?? null,
      extraEuropean: i.extraEuropean,
      category: i.category,
      versions: [...i.versions].sort(),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));

describe("GLPI connector", () => {
  it("reads every page of the three collections and counts installations per asset", async () => {
    glpi.requests.length = 0;
    const pulled = await pullGlpiSoftware({ url: glpi.url, userToken: USER_TOKEN, appToken: APP_TOKEN });
    expect(pulled).toHaveLength(software.length - 1);
    expect(pulled.map((s) => s.name)).not.toContain("Logiciel supprimé");
    expect(pulled).toEqual(
      software
        .filter((x) => !x.deleted)
        .map((s) => ({
          name: s.name,
          publisher: s.publisher ?? "",
          category: s.category ?? "",
          installations: s.installations,
          versions: [...s.versions].sort(),
        })),
    );
    const softwarePages = glpi.requests.filter((r) => r.startsWith("GET /glpi/apirest.php/Software/"));
    expect(softwarePages.length).toBe(Math.ceil((software.length - 1) / 7));
    expect(glpi.requests.at(-1)).toContain("killSession");
    expect(glpi.openSessions()).toBe(0);
  });

  it("imports through the API with the same analysis as the equivalent CSV upload", async () => {
    const pull = await fetch(`${server.url}/api/inventory/glpi/import`, { method: "POST" });
    expect(pull.status).toBe(201);
    const pulled = await pull.json();
    expect(pulled.files[0]).toMatchObject({ format: "glpi-csv-10" });
    expect(pulled.files[0].name).toMatch(/^GLPI 127\.0\.0\.1:\d+\/glpi \(\d{4}-\d{2}-\d{2}\)$/);

    const upload = await fetch(`${server.url}/api/inventory/analyze?name=glpi.csv`, {
      method: "POST",
      body: fixture.bytes as Uint8Array<ArrayBuffer>,
    });
    expect(upload.status).toBe(201);
    const uploaded = await upload.json();
    expect(comparable(pulled.items)).toEqual(comparable(uploaded.items));
    expect(pulled.summary).toEqual(uploaded.summary);
    expect(glpi.openSessions()).toBe(0);

    const saved = await fetch(`${server.url}/api/inventory/analyses/${pulled.id}`);
    expect(saved.status).toBe(200);
    const status = await (await fetch(`${server.url}/api/inventory/glpi`)).json();
    expect(status).toMatchObject({
      configured: true,
      tokenConfigured: true,
      last: { analysisId: pulled.id, error: null },
    });
  });

  it("never saves nor returns the tokens", async () => {
    // Every file of DATA_DIR, the database included.
    const files: string[] = [];
    const walk = async (dir: string) => {
      for (const e of await readdir(dir, { withFileTypes: true })) {
        if (e.isDirectory()) await walk(path.join(dir, e.name));
        else files.push(path.join(dir, e.name));
      }
    };
    await walk(server.dataDir);
    expect(files.some((f) => f.endsWith(".sqlite"))).toBe(true);
    for (const f of files) {
      const bytes = await readFile(f);
      expect(bytes.includes(USER_TOKEN)).toBe(false);
      expect(bytes.includes(APP_TOKEN)).toBe(false);
    }
    const status = await (await fetch(`${server.url}/api/inventory/glpi`)).text();
    expect(status).not.toContain(USER_TOKEN);
  });

  it("says in French when GLPI refuses the tokens, without repeating them", async () => {
    const res = await postJson(`${server.url}/api/inventory/glpi/import`, { userToken: "mauvais-jeton-123" });
    expect(res.status).toBe(502);
    const { error } = await res.json();
    expect(error.code).toBe("glpi_refused");
    expect(error.message).toContain("a refusé la connexion");
    expect(error.message).not.toContain("mauvais-jeton-123");

    await expect(pullGlpiSoftware({ url: glpi.url, userToken: USER_TOKEN, appToken: "faux" })).rejects.toMatchObject({
      code: "glpi_refused",
    });
    expect(glpi.openSessions()).toBe(0);
  });

  it("refuses unknown fields and says what to configure when no GLPI is set", async () => {
    const bad = await postJson(`${server.url}/api/inventory/glpi/import`, { url: "http://169.254.169.254/" });
    expect(bad.status).toBe(400);
    const other = await startTestServer({ CORPUS_DIR: INVENTORY_CORPUS });
    try {
      const res = await fetch(`${other.url}/api/inventory/glpi/import`, { method: "POST" });
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatchObject({
        code: "glpi_not_configured",
        message: expect.stringContaining("GLPI_URL"),
      });
      expect(await (await fetch(`${other.url}/api/inventory/glpi`)).json()).toMatchObject({
        configured: false,
        host: null,
      });
    } finally {
      await other.stop();
    }
  });

  it("gives up on a stalled or absent GLPI with a French message", async () => {
    const stalled = await startFakeGlpi({ software, userToken: USER_TOKEN, stall: true });
    try {
      await expect(pullGlpiSoftware({ url: stalled.url, userToken: USER_TOKEN, timeoutMs: 300 })).rejects.toMatchObject(
        {
          code: "glpi_timeout",
          message: expect.stringContaining("n'a pas répondu"),
        },
      );
    } finally {
      await stalled.close();
    }
    await expect(
      pullGlpiSoftware({ url: "http://127.0.0.1:9/apirest.php", userToken: USER_TOKEN }),
    ).rejects.toMatchObject({ code: "glpi_unreachable" });
    await expect(pullGlpiSoftware({ url: "ftp://glpi", userToken: USER_TOKEN })).rejects.toMatchObject({
      code: "glpi_invalid_url",
    });
  });

  it("reads an empty GLPI and writes an export GLPI's own parser reads back", async () => {
    const empty = await startFakeGlpi({ software: [], userToken: USER_TOKEN });
    try {
      expect(await pullGlpiSoftware({ url: empty.url.replace(/\/apirest\.php$/, "/"), userToken: USER_TOKEN })).toEqual(
        [],
      );
    } finally {
      await empty.close();
    }
    const csv = toGlpiExport([
      { name: 'Outil "maison"; v2', publisher: "Mairie", versions: ["1", "2"], installations: 4 },
    ]);
    const { file, rows } = parseInventoryFile({ name: "x.csv", bytes: new TextEncoder().encode(csv) });
    expect(file.format).toBe("glpi-csv-10");
    expect(rows).toEqual([
      expect.objectContaining({
        name: 'Outil "maison"; v2',
        publisher: "Mairie",
        versions: ["1", "2"],
        installations: 4,
      }),
    ]);
  });
});
