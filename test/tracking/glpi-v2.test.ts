/**
 * The GLPI connector through GLPI 11's high-level API (`GLPI_API=v2`), against the fake GLPI speaking the routes
 * GLPI's sources define (OAuth2 token, `/api.php/v2/Assets/…`, `start`/`limit` paging): the pull gives the same
 * analysis as the equivalent CSV upload and as `apirest.php`, the OAuth2 secret is never saved nor repeated, an
 * expired token is renewed, and a GLPI whose API cannot give installations (2.0) gets a French way out.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { categoryLabel } from "../../server/core/labels.ts";
import { pullGlpiSoftware } from "../../server/inventory/glpi.ts";
import { pullGlpiV2Software } from "../../server/inventory/glpi-v2.ts";
import { parseInventoryFile } from "../../server/inventory/parse.ts";
import { type FakeGlpi, type FakeSoftware, startFakeGlpi } from "../helpers/fake-glpi.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS, readInventory } from "../inventory/fixtures.ts";

const USER_TOKEN = "user-secret-4f1c9a";
const CLIENT = { clientId: "cap-libre-client-1f2e", clientSecret: "client-secret-9d8c7b6a" };
const USER = { username: "cap-libre", password: "mot-de-passe-5e4d" };

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
const expected = software
  .filter((x) => !x.deleted)
  .map((s) => ({
    name: s.name,
    publisher: s.publisher ?? "",
    category: s.category ?? "",
    installations: s.installations,
    versions: [...s.versions].sort(),
  }));

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

let glpi: FakeGlpi;
let server: TestServer;
const root = () => glpi.url.replace(/\/apirest\.php$/, "");

beforeAll(async () => {
  glpi = await startFakeGlpi({ software, userToken: USER_TOKEN, maxPage: 7, oauth: { ...CLIENT, ...USER } });
  server = await startTestServer({
    CORPUS_DIR: INVENTORY_CORPUS,
    GLPI_URL: root(),
    GLPI_API: "v2",
    GLPI_CLIENT_ID: CLIENT.clientId,
    GLPI_CLIENT_SECRET: CLIENT.clientSecret,
    GLPI_USERNAME: USER.username,
    GLPI_PASSWORD: USER.password,
  });
});
afterAll(async () => {
  await server?.stop();
  await glpi?.close();
});

describe("GLPI 11 high-level API", () => {
  // Hundreds of calls to the fake GLPI (each computer's installations, seven rows a page), twice: a second on a quiet
  // machine, over Vitest's 30 s beside a loaded machine's other work (it failed so once).
  it("reads every page with a bearer token and counts installations per computer, as apirest.php does", {
    timeout: 120_000,
  }, async () => {
    glpi.requests.length = 0;
    glpi.headers.length = 0;
    glpi.tokenRequests.length = 0;
    const pulled = await pullGlpiV2Software({ url: root(), ...CLIENT, ...USER });
    expect(pulled).toEqual(expected);
    // The password grant, with the client and the scope, on /api.php/token.
    expect(glpi.tokenRequests).toEqual([
      {
        grant_type: "password",
        client_id: CLIENT.clientId,
        client_secret: CLIENT.clientSecret,
        username: USER.username,
        password: USER.password,
        scope: "api",
      },
    ]);
    // Paged by start/limit: the software list in ceil(n / 7) pages.
    const softwarePages = glpi.requests.filter((r) => r.startsWith("GET /glpi/api.php/v2/Assets/Software?"));
    expect(softwarePages.length).toBe(Math.ceil(software.length / 7));
    expect(softwarePages[1]).toContain("start=7");
    expect(glpi.requests.some((r) => /\/Assets\/Computer\/\d+\/SoftwareInstallation/.test(r))).toBe(true);
    // Every resource call carries the bearer token; only the token request does not.
    const bearer = glpi.headers.filter((h) => h.authorization?.toString().startsWith("Bearer "));
    expect(bearer.length).toBe(glpi.requests.length - 1);
    // The same list as through apirest.php.
    expect(pulled).toEqual(await pullGlpiSoftware({ url: glpi.url, userToken: USER_TOKEN }));
  });

  it("imports through the API with the same analysis as the equivalent CSV upload, and saves no secret", async () => {
    const pull = await fetch(`${server.url}/api/inventory/glpi/import`, { method: "POST" });
    expect(pull.status).toBe(201);
    const pulled = await pull.json();
    expect(pulled.files[0].name).toMatch(/^GLPI 127\.0\.0\.1:\d+\/glpi \(\d{4}-\d{2}-\d{2}\)$/);
    const upload = await fetch(`${server.url}/api/inventory/analyze?name=glpi.csv`, {
      method: "POST",
      body: fixture.bytes as Uint8Array<ArrayBuffer>,
    });
    const uploaded = await upload.json();
    expect(comparable(pulled.items)).toEqual(comparable(uploaded.items));
    expect(pulled.summary).toEqual(uploaded.summary);
    const status = await (await fetch(`${server.url}/api/inventory/glpi`)).json();
    expect(status).toMatchObject({
      configured: true,
      api: "v2",
      tokenConfigured: true,
      last: { analysisId: pulled.id, error: null },
    });

    const files: string[] = [];
    const walk = async (dir: string) => {
      for (const e of await readdir(dir, { withFileTypes: true })) {
        if (e.isDirectory()) await walk(path.join(dir, e.name));
        else files.push(path.join(dir, e.name));
      }
    };
    await walk(server.dataDir);
    for (const f of files) {
      const bytes = await readFile(f);
      for (const secret of [CLIENT.clientSecret, USER.password]) expect(bytes.includes(secret), f).toBe(false);
    }
    expect(JSON.stringify(status)).not.toContain(CLIENT.clientSecret);
  });

  it("uses the client credentials grant without a user, and renews a token that expires during the pull", async () => {
    const few = software.slice(0, 6);
    const other = await startFakeGlpi({
      software: few,
      userToken: USER_TOKEN,
      maxPage: 50,
      oauth: CLIENT,
      tokenMaxUses: 5,
    });
    try {
      const pulled = await pullGlpiV2Software({
        url: `${other.url.replace(/\/apirest\.php$/, "")}/api.php`,
        ...CLIENT,
      });
      expect(pulled).toEqual(
        few
          .filter((x) => !x.deleted)
          .map((s) => ({
            name: s.name,
            publisher: s.publisher ?? "",
            category: s.category ?? "",
            installations: s.installations,
            versions: [...s.versions].sort(),
          })),
      );
      expect(other.tokenRequests.length).toBeGreaterThan(1);
      expect(other.tokenRequests.every((r) => r.grant_type === "client_credentials" && !("username" in r))).toBe(true);
    } finally {
      await other.close();
    }
  });

  it("says in French when GLPI refuses the client, without repeating the secret", async () => {
    const wrong = pullGlpiV2Software({
      url: root(),
      clientId: CLIENT.clientId,
      clientSecret: "faux-secret-000",
      ...USER,
    });
    await expect(wrong).rejects.toMatchObject({
      code: "glpi_refused",
      message: expect.stringContaining("Clients OAuth"),
    });
    await wrong.catch((err) => expect(err.message).not.toContain("faux-secret-000"));
    await expect(pullGlpiV2Software({ url: root(), clientId: "", clientSecret: "" })).rejects.toMatchObject({
      code: "glpi_no_token",
      message: expect.stringContaining("GLPI_CLIENT_ID"),
    });
  });

  it("points to apirest.php when the GLPI's API cannot list installations (API 2.0)", async () => {
    const old = await startFakeGlpi({ software, userToken: USER_TOKEN, oauth: CLIENT, hlApiVersion: "2.0" });
    try {
      await expect(
        pullGlpiV2Software({ url: old.url.replace(/\/apirest\.php$/, ""), ...CLIENT }),
      ).rejects.toMatchObject({
        code: "glpi_v2_unsupported",
        message: expect.stringContaining("GLPI_API=apirest"),
      });
    } finally {
      await old.close();
    }
  });

  it("says it is not GLPI's high-level API when the address answers something else", async () => {
    // apirest.php only: /api.php answers with the legacy API's error, not an OAuth token.
    const legacy = await startFakeGlpi({ software, userToken: USER_TOKEN });
    try {
      await expect(pullGlpiV2Software({ url: legacy.url, ...CLIENT })).rejects.toMatchObject({ code: "glpi_refused" });
    } finally {
      await legacy.close();
    }
  });
});
