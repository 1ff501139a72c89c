/**
 * The real server (fixture corpus, temporary DATA_DIR, no Ollama): uploads in multipart and raw, size limit,
 * files that are not inventories, saved analyses (summaries, pages, rename, delete, CSV/ODS export, comparison,
 * re-uploads), a manual classification reused by the next analysis, and the hostile uploads of issue 18.
 */
import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS, readInventory } from "./fixtures.ts";

const MAX = 64 * 1024;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ CORPUS_DIR: INVENTORY_CORPUS, MAX_UPLOAD_BYTES: String(MAX) });
});
afterAll(() => server?.stop());

const form = (...files: { name: string; bytes: Uint8Array }[]) => {
  const body = new FormData();
  for (const f of files) body.append("file", new Blob([f.bytes as Uint8Array<ArrayBuffer>]), f.name);
  return body;
};
const analyze = (body: BodyInit, init: RequestInit = {}, query = "") =>
  fetch(`${server.url}/api/inventory/analyze${query}`, { method: "POST", body, ...init });

describe("POST /api/inventory/analyze", () => {
  let firstId = "";

  it("analyses several files sent as multipart and saves the analysis", async () => {
    const res = await analyze(form(readInventory("glpi10-mairie.csv"), readInventory("glpi-agent-pc-accueil-01.json")));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(res.headers.get("location")).toBe(`/api/inventory/analyses/${body.id}`);
    expect(body.files.map((f: any) => [f.name, f.format])).toEqual([
      ["glpi10-mairie.csv", "glpi-csv-10"],
      ["glpi-agent-pc-accueil-01.json", "glpi-json"],
    ]);
    expect(body.items.find((i: any) => i.name === "Google Chrome")).toMatchObject({
      installations: 59,
      product: { id: "google-chrome" },
      extraEuropean: true,
    });
    expect(body.summary.score.value).toBeGreaterThan(0);
    expect(body.summary.quickWins.length).toBeGreaterThan(0);
    expect(body.unknown.map((u: any) => u.name)).toContain("Civil Net RH");
    firstId = body.id;
  });

  it("accepts a raw body, named by ?name=", async () => {
    const res = await analyze(
      readInventory("ocs-nombre.csv").bytes as Uint8Array<ArrayBuffer>,
      { headers: { "content-type": "text/csv" } },
      "?name=export.csv",
    );
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.files[0]).toMatchObject({ name: "export.csv", format: "ocs-count-csv" });
    expect(body.summary.items).toBe(5);
  });

  it("refuses uploads over the size limit with a French 413, with or without Content-Length", async () => {
    const big = new Uint8Array(MAX + 10).fill(0x41);
    const res = await analyze(form({ name: "gros.csv", bytes: big }));
    expect(res.status).toBe(413);
    expect((await res.json()).error).toEqual({
      code: "payload_too_large",
      message: expect.stringContaining("trop volumineux (64\u00a0ko au maximum)"),
    });
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 3; i++) controller.enqueue(new Uint8Array(MAX / 2).fill(0x41));
        controller.close();
      },
    });
    const chunked = await analyze(stream, { duplex: "half" } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it("answers 400 with what was expected for a PNG, an empty file, or no file", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const res = await analyze(form({ name: "logo.png", bytes: png }));
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("not_an_inventory");
    expect(error.message).toContain("« logo.png » n'est pas un inventaire reconnu");
    expect(error.message).toContain("Attendu : un export CSV de GLPI");
    const empty = await analyze(form({ name: "vide.csv", bytes: new Uint8Array() }));
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.message).toContain("est vide");
    const none = new FormData();
    none.append("commentaire", "rien");
    const noFile = await analyze(none);
    expect(noFile.status).toBe(400);
    expect((await noFile.json()).error.code).toBe("no_file");
  });

  // Trial 13 (B6): the page's import had no collectivité field, so analyses were saved « non précisée ».
  it("records the collectivité given on import, in a multipart field or the query; refuses one too long", async () => {
    const named = form(readInventory("glpi10-mairie.csv"));
    named.append("collectivite", "  Communauté   de communes du Val Test ");
    const res = await analyze(named);
    expect(res.status).toBe(201);
    expect((await res.json()).collectivite).toBe("Communauté de communes du Val Test");
    const long = form({ name: "long.csv", bytes: new TextEncoder().encode("Nom\nVLC\n") });
    long.append("collectivite", "x".repeat(201));
    const refused = await analyze(long);
    expect(refused.status).toBe(400);
    const error = (await refused.json()).error;
    expect(error.code).toBe("invalid_collectivite");
    expect(error.message).toContain("au plus 200 caractères");
    const query = await analyze("Nom\nVLC\n", {}, `?name=q.csv&collectivite=${"y".repeat(201)}`);
    expect(query.status).toBe(400);
    expect((await query.json()).error.code).toBe("invalid_collectivite");
  });

  it("lists saved analyses and returns one, 404 in French for an unknown id", async () => {
    const list = await (await fetch(`${server.url}/api/inventory/analyses`)).json();
    const entry = list.analyses.find((a: any) => a.id === firstId);
    expect(entry).toMatchObject({
      files: ["glpi10-mairie.csv", "glpi-agent-pc-accueil-01.json"],
      counts: { unknown: expect.any(Number), score: expect.any(Number) },
    });
    expect(entry.counts.items).toBeGreaterThan(20);
    // Summaries only: no items, no unknown list, no map.
    for (const a of list.analyses)
      expect(Object.keys(a).sort()).toEqual([
        "collectivite",
        "counts",
        "createdAt",
        "files",
        "id",
        "inventoryDate",
        "inventoryDateFrom",
        "name",
        "updatedAt",
      ]);
    const one = await fetch(`${server.url}/api/inventory/analyses/${firstId}`);
    expect(one.status).toBe(200);
    expect((await one.json()).id).toBe(firstId);
    // Saved where drafting reads analyses: a small record, the items in a compact table beside it.
    expect(await server.engine.records("analyses").get(firstId)).toMatchObject({ id: firstId, storage: "compact-v1" });
    const missing = await fetch(`${server.url}/api/inventory/analyses/2026-01-01-inconnue`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toContain(
      "Aucune analyse d'inventaire ne porte l'identifiant « 2026-01-01-inconnue »",
    );
  });
});

describe("PUT /api/inventory/classifications", () => {
  const put = (body: unknown) =>
    fetch(`${server.url}/api/inventory/classifications`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  it("validates the classification, naming the field in French", async () => {
    const bad = await put({ name: "Civil Net RH", vendorCountry: "Fr4nce" });
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.error.message).toBe(
      "Classification invalide : vendorCountry : code pays ISO 3166-1 alpha-2 attendu (FR, US…)",
    );
    // The same, by field, for a form to show under the field (web/forms.js).
    expect(body.error.fields).toEqual([
      { path: "vendorCountry", message: "code pays ISO 3166-1 alpha-2 attendu (FR, US…)" },
    ]);
    const nothing = await put({ name: "Civil Net RH" });
    expect((await nothing.json()).error.message).toContain("indiquez au moins un des champs productId");
    const unknownProduct = await put({ name: "Civil Net RH", productId: "n-existe-pas" });
    expect(unknownProduct.status).toBe(400);
    expect((await unknownProduct.json()).error.message).toContain("« n-existe-pas »");
    const extra = await put({ name: "X", category: "business", couleur: "bleu" });
    expect((await extra.json()).error.message).toContain("clés inconnues : couleur");
    const noName = await put({ category: "business" });
    expect((await noName.json()).error.message).toContain("name : champ obligatoire manquant");
  });

  it("saves a classification that the next analysis reuses", async () => {
    const res = await put({
      name: "Civil Net RH",
      vendorName: "Ciril GROUP",
      vendorCountry: "fr",
      category: "business",
      openSource: false,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ name: "Civil Net RH", vendorCountry: "FR", category: "business" });
    const edge = await put({ name: "Microsoft Edge", productId: "google-chrome" });
    expect(edge.status).toBe(200);
    const list = await (await fetch(`${server.url}/api/inventory/classifications`)).json();
    expect(list.classifications.map((c: any) => c.name).sort()).toEqual(["Civil Net RH", "Microsoft Edge"]);

    const body = await (await analyze(form(readInventory("glpi10-mairie.csv")))).json();
    expect(body.items.find((i: any) => i.name === "Civil Net RH")).toMatchObject({
      match: "manual",
      extraEuropean: false,
      category: "business",
      vendor: { country: "FR" },
    });
    expect(body.unknown.map((u: any) => u.name)).not.toContain("Civil Net RH");
    expect(body.items.find((i: any) => i.name === "Microsoft Edge")).toMatchObject({
      match: "manual",
      product: { id: "google-chrome" },
    });
  });
});

describe("two people classifying the same name (trial15 B2)", () => {
  const put = (body: unknown) =>
    fetch(`${server.url}/api/inventory/classifications`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  it("refuses in French a classification made on what was replaced meanwhile, naming the colleague's choice", async () => {
    // Both saw « UltraVNC » unclassified (`previous: null`); the first is saved, the second refused.
    const alice = await put({ name: "UltraVNC", category: "workstation", vendorCountry: "FR", previous: null });
    expect(alice.status).toBe(200);
    const saved = await alice.json();
    const bruno = await put({ name: "UltraVNC 1.4", category: "network", vendorCountry: "US", previous: null });
    expect(bruno.status).toBe(409);
    const { error } = await bruno.json();
    expect(error.code).toBe("classification_conflict");
    expect(error.message).toMatch(/^« UltraVNC » a été classé entre-temps \(le .+\) : catégorie Poste de travail, /);
    expect(error.message).toContain("éditeur (France)");
    expect(error.message).toContain("Votre classement n'a pas été enregistré");
    expect(error.current).toMatchObject({ id: saved.id, category: "workstation", updatedAt: saved.updatedAt });
    let list = (await (await fetch(`${server.url}/api/inventory/classifications`)).json()).classifications;
    expect(list.find((c: any) => c.id === saved.id)).toMatchObject({ category: "workstation" });
    // Made again on what is now saved, it goes through; without `previous` (scripts, CLI), as before.
    const again = await put({ name: "UltraVNC", category: "network", previous: saved.updatedAt });
    expect(again.status).toBe(200);
    expect((await put({ name: "UltraVNC", category: "security" })).status).toBe(200);
    list = (await (await fetch(`${server.url}/api/inventory/classifications`)).json()).classifications;
    expect(list.find((c: any) => c.id === saved.id)).toMatchObject({ category: "security" });
    // Ten at once on the same view: exactly one.
    const statuses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        put({ name: "Segilog Melodie", vendorName: `Éditeur ${i}`, previous: null }),
      ),
    ).then((rs) => rs.map((r) => r.status).sort());
    expect(statuses).toEqual([200, ...Array(9).fill(409)]);
  });
});

describe("saved analyses: pages, rename, delete, export, comparison, re-uploads", () => {
  const api = (p: string, init?: RequestInit) => fetch(`${server.url}/api/inventory${p}`, init);
  const json = (method: string, body: unknown): RequestInit => ({
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  let id = "";
  let total = 0;

  beforeAll(async () => {
    const body = await (
      await analyze(form(readInventory("glpi10-mairie.csv"), readInventory("ocs-tous-les-logiciels.csv")))
    ).json();
    id = body.id;
    total = body.pages.items.total;
  });

  it("returns items a page at a time, filtered like the page filters them", async () => {
    expect(total).toBeGreaterThan(30);
    const first = await (await api(`/analyses/${id}/items?offset=0&limit=10&components=1`)).json();
    expect(first).toMatchObject({ offset: 0, limit: 10, total });
    expect(first.items).toHaveLength(10);
    const second = await (await api(`/analyses/${id}/items?offset=10&limit=10&components=1`)).json();
    expect(second.items[0].name).not.toBe(first.items[0].name);
    // Sorted by installations, pages follow on.
    expect(first.items[9].installations).toBeGreaterThanOrEqual(second.items[0].installations);
    const chrome = await (await api(`/analyses/${id}/items?q=${encodeURIComponent("google CHROME")}`)).json();
    expect(chrome.items.map((i: any) => i.name)).toContain("Google Chrome");
    expect(chrome.total).toBeLessThan(5);
    const extra = await (await api(`/analyses/${id}/items?which=extra&limit=500`)).json();
    expect(extra.items.every((i: any) => i.extraEuropean === true && !i.component)).toBe(true);
    // What the plan form offers to replace: exposed and installed, never open source (Firefox, Thunderbird are
    // themselves alternatives, even from an American foundation).
    expect(extra.items.some((i: any) => i.openSource === true)).toBe(true);
    const replace = await (await api(`/analyses/${id}/items?which=replace&limit=500`)).json();
    expect(replace.total).toBeGreaterThan(0);
    expect(replace.items.some((i: any) => i.name === "Google Chrome")).toBe(true);
    expect(replace.items.every((i: any) => i.openSource !== true && !i.component && i.installations > 0)).toBe(true);
    const unknown = await (await api(`/analyses/${id}/unknown?limit=1`)).json();
    expect(unknown.unknown).toHaveLength(1);
    expect(unknown.total).toBeGreaterThan(1);
    const bad = await api(`/analyses/${id}/items?offset=-3`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toContain("« offset » doit être un nombre entier positif");
    const view = await (await api(`/analyses/${id}?limit=5`)).json();
    expect(view.items).toHaveLength(5);
    expect(view.pages.items).toEqual({ offset: 0, limit: 5, total });
  });

  it("answers an identical re-upload with the analysis already saved, not a duplicate", async () => {
    const before = (await (await api("/analyses")).json()).analyses.length;
    const again = await analyze(form(readInventory("ocs-tous-les-logiciels.csv"), readInventory("glpi10-mairie.csv")));
    expect(again.status).toBe(200);
    const body = await again.json();
    expect(body).toMatchObject({ id, reused: true });
    expect(body.notice).toContain("déjà été analysés");
    expect((await (await api("/analyses")).json()).analyses).toHaveLength(before);
  });

  // Round 17: the same files sent again with the « Collectivité » field filled kept the analysis unnamed.
  it("keeps the collectivité typed with an identical re-upload, and says so when the analysis has another", async () => {
    const bytes = () => new TextEncoder().encode("Nom;Éditeur;Nombre\nGoogle Chrome;Google LLC;4\nVLC;VideoLAN;2\n");
    const first = await (await analyze(bytes(), {}, "?name=lanveoc.csv")).json();
    expect(first.collectivite).toBeNull();
    // The page sends the field in its multipart form (read by the worker); the query does as well.
    const sent = form({ name: "lanveoc.csv", bytes: bytes() });
    sent.append("collectivite", " Commune de  Lanvéoc");
    const named = await analyze(sent);
    expect(named.status).toBe(200);
    const body = await named.json();
    expect(body).toMatchObject({ id: first.id, reused: true, collectivite: "Commune de Lanvéoc" });
    expect(body.notice).toContain("déjà été analysés");
    expect(body.notice).toContain("désormais rattachée à la collectivité « Commune de Lanvéoc »");
    const list = (await (await api("/analyses")).json()).analyses;
    expect(list.find((a: any) => a.id === first.id).collectivite).toBe("Commune de Lanvéoc");
    // Another name: the saved analysis keeps its own (a plan may follow it), and the notice says how to change it.
    const other = await (await analyze(bytes(), {}, "?name=lanveoc.csv&collectivite=Crozon")).json();
    expect(other).toMatchObject({ id: first.id, reused: true, collectivite: "Commune de Lanvéoc" });
    expect(other.notice).toContain("reste rattachée à la collectivité « Commune de Lanvéoc », pas à « Crozon »");
    // The same name written otherwise, or none: nothing more to say.
    for (const query of ["&collectivite=commune%20de%20lanveoc", ""]) {
      const same = await (await analyze(bytes(), {}, `?name=lanveoc.csv${query}`)).json();
      expect(same).toMatchObject({ id: first.id, reused: true, collectivite: "Commune de Lanvéoc" });
      expect(same.notice).not.toMatch(/rattachée/);
    }
    await api(`/analyses/${first.id}`, { method: "DELETE" });
  });

  it("renames an analysis and records its collectivité, refusing bad names in French", async () => {
    const res = await api(
      `/analyses/${id}`,
      json("PATCH", { name: "Mairie de Plouzané — mars 2026", collectivite: "Plouzané" }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id, name: "Mairie de Plouzané — mars 2026", collectivite: "Plouzané" });
    const list = (await (await api("/analyses")).json()).analyses;
    expect(list.find((a: any) => a.id === id).name).toBe("Mairie de Plouzané — mars 2026");
    const empty = await api(`/analyses/${id}`, json("PATCH", { name: "   " }));
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.message).toContain("de 1 à 200 caractères");
    const other = await api(`/analyses/${id}`, json("PATCH", { name: "x", items: [] }));
    expect((await other.json()).error.message).toContain("Champs inconnus : items");
    const missing = await api("/analyses/2026-01-01-inconnue", json("PATCH", { name: "x" }));
    expect(missing.status).toBe(404);
  });

  it("exports the map as CSV: one line per item, semicolons, BOM, formulas defused", async () => {
    const res = await api(`/analyses/${id}/export?format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="mairie-de-plouzane-mars-2026.csv"');
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith("\uFEFFNom dans l'inventaire;Éditeur indiqué;Installations")).toBe(true);
    const lines = text.trim().split("\r\n");
    expect(lines).toHaveLength(total + 1);
    expect(lines.find((l) => l.startsWith("Google Chrome;"))).toContain(";oui;");
    const bad = await api(`/analyses/${id}/export?format=xlsx`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toContain("Formats possibles : csv, ods");
  });

  it("exports the map as ODS: an OpenDocument spreadsheet, mimetype first and stored", async () => {
    const res = await api(`/analyses/${id}/export?format=ods`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.oasis.opendocument.spreadsheet");
    const bytes = new Uint8Array(await res.arrayBuffer());
    // The first entry's name, at offset 30 of the zip, is "mimetype", stored (method 0).
    expect(strFromU8(bytes.subarray(30, 38))).toBe("mimetype");
    expect(bytes[8]).toBe(0);
    const files = unzipSync(bytes);
    expect(strFromU8(files.mimetype!)).toBe("application/vnd.oasis.opendocument.spreadsheet");
    const content = strFromU8(files["content.xml"]!);
    expect(content).toContain('table:name="Cartographie"');
    expect(content).toContain("<text:p>Google Chrome</text:p>");
  });

  const hasCalc =
    spawnSync("soffice", ["--version"], { stdio: "ignore" }).status === 0 &&
    spawnSync("test", ["-e", "/usr/lib/libreoffice/program/libsclo.so"]).status === 0;
  it.skipIf(!hasCalc)(
    "LibreOffice opens the ODS: converted back to CSV, it has every item",
    async () => {
      const dir = await mkdtemp(path.join(tmpdir(), "cap-libre-ods-"));
      try {
        const input = path.join(dir, "carte.ods");
        await writeFile(input, new Uint8Array(await (await api(`/analyses/${id}/export?format=ods`)).arrayBuffer()));
        const profile = pathToFileURL(path.join(dir, "profile")).href;
        await promisify(execFile)(
          "soffice",
          [
            `-env:UserInstallation=${profile}`,
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):59,34,76,1",
            "--outdir",
            path.join(dir, "out"),
            input,
          ],
          { timeout: 120_000 },
        );
        const csv = await readFile(path.join(dir, "out", "carte.csv"), "utf8");
        const rows = csv.trim().split(/\r?\n(?=")/);
        expect(rows[0]).toContain('"Nom dans l\'inventaire";"Éditeur indiqué";"Installations"');
        expect(rows).toHaveLength(total + 1);
        // Numbers stay numbers.
        expect(rows.find((r) => r.startsWith('"Google Chrome"'))).toMatch(/^"Google Chrome";"[^"]*";\d+;/);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    150_000,
  );

  it("compares two analyses: lines removed and added, installations changed, the measures' change", async () => {
    const later =
      "Nom;Éditeur;Nombre\nGoogle Chrome;Google LLC;10\nLibreOffice;The Document Foundation;80\nNouveau logiciel maison;Régie;3\n";
    const second = await (
      await analyze(
        new TextEncoder().encode(later) as Uint8Array<ArrayBuffer>,
        { headers: { "content-type": "text/csv" } },
        "?name=avril.csv&collectivite=Plouzan%C3%A9",
      )
    ).json();
    const res = await api(`/compare?from=${id}&to=${second.id}`);
    expect(res.status).toBe(200);
    const cmp = await res.json();
    expect(cmp.from.id).toBe(id);
    expect(cmp.to).toMatchObject({ id: second.id, collectivite: "Plouzané" });
    // A much smaller later inventory (3 lines against the first's dozens): the perimeter changed, said (trial 14, B5).
    expect(cmp.notice).toMatch(/Attention : le périmètre a (?:peut-être )?changé/);
    expect(cmp.added.lines.map((l: any) => l.name)).toContain("Nouveau logiciel maison");
    expect(cmp.removed.lines.map((l: any) => l.name)).toContain("Microsoft OneDrive");
    expect(cmp.removed.total).toBeGreaterThan(10);
    const chrome = cmp.changed.lines.find((l: any) => l.name === "Google Chrome");
    expect(chrome).toMatchObject({ installations: 10, change: 10 - chrome.before });
    // The same name as on the map, the roadmap and the public page.
    const score = cmp.measures.find((m: any) => m.label === "Exposition pondérée");
    expect(score).toMatchObject({ unit: "percent" });
    expect(score.change).toBe(score.to - score.from);
    expect(JSON.stringify(cmp.measures)).not.toMatch(/[Ss]core/);
    expect(
      cmp.measures.find((m: any) => m.label.startsWith("Part des installations extra-européennes")).from,
    ).toBeGreaterThan(0);
    const missing = await api(`/compare?from=${id}`);
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.message).toContain("Indiquez les deux analyses");
    await api(`/analyses/${second.id}`, json("PATCH", { collectivite: "Brest" }));
    expect((await (await api(`/compare?from=${id}&to=${second.id}`)).json()).notice).toContain(
      "pas sur la même collectivité",
    );
  });

  it("deletes an analysis, its record and its table; 404 afterwards", async () => {
    const res = await api(`/analyses/${id}`, { method: "DELETE" });
    expect(res.status).toBe(204);
    expect((await api(`/analyses/${id}`)).status).toBe(404);
    expect((await api(`/analyses/${id}/items`)).status).toBe(404);
    expect((await api(`/analyses/${id}`, { method: "DELETE" })).status).toBe(404);
    expect(await server.engine.records("analyses").get(id)).toBeNull();
    expect(await server.engine.records("analysis-tables").getBytes(id)).toBeNull();
    expect((await (await api("/analyses")).json()).analyses.map((a: any) => a.id)).not.toContain(id);
  });
});

describe("analyses saved whole by an older version", () => {
  it("are listed, paged and exported, and stored compactly from the first read on", async () => {
    const body = await (await analyze(form(readInventory("glpi10-mairie.csv")), {}, "?collectivite=Ancienne")).json();
    const full = await server.engine.records<any>("analyses").get(body.id);
    // What an older version saved: the whole analysis in one record, no table beside it.
    const items = (
      await (await fetch(`${server.url}/api/inventory/analyses/${body.id}/items?limit=500&components=1`)).json()
    ).items;
    const legacy = {
      id: "2025-12-01-ancienne",
      createdAt: "2025-12-01T10:00:00.000Z",
      files: full.files,
      ms: 12,
      // Saved before the summary counted installations by country.
      summary: { ...full.summary, countries: undefined },
      items,
      unknown: [],
    };
    await server.engine.records("analyses").put(legacy.id, legacy);
    const list = (await (await fetch(`${server.url}/api/inventory/analyses`)).json()).analyses;
    expect(list.find((a: any) => a.id === legacy.id)).toMatchObject({
      name: "glpi10-mairie.csv",
      counts: { items: full.summary.items },
    });
    expect(await server.engine.records("analyses").get(legacy.id)).toMatchObject({
      storage: "compact-v1",
      tables: { items: items.length },
    });
    expect(await server.engine.records("analysis-tables").getBytes(legacy.id)).not.toBeNull();
    const page = await (await fetch(`${server.url}/api/inventory/analyses/${legacy.id}/items?limit=3`)).json();
    expect(page.items.map((i: any) => i.name)).toEqual(
      items
        .filter((i: any) => !i.component)
        .slice(0, 3)
        .map((i: any) => i.name),
    );
    expect((await fetch(`${server.url}/api/inventory/analyses/${legacy.id}/export?format=csv`)).status).toBe(200);
    // The server counts its installations by country (the page never computes them itself).
    const view = await (await fetch(`${server.url}/api/inventory/analyses/${legacy.id}`)).json();
    expect(view.summary.countries).toEqual(full.summary.countries);
  });
});

describe("hostile uploads (issue 18): refused at once, in French, naming the limit", () => {
  let big: TestServer;
  beforeAll(async () => {
    big = await startTestServer({ CORPUS_DIR: INVENTORY_CORPUS });
  });
  afterAll(() => big?.stop());
  const post = (bytes: Uint8Array, name = "long.csv") =>
    fetch(`${big.url}/api/inventory/analyze?name=${name}`, {
      method: "POST",
      body: bytes as Uint8Array<ArrayBuffer>,
      headers: { "content-type": "text/csv" },
      signal: AbortSignal.timeout(30_000),
    });
  const enc = (s: string) => new TextEncoder().encode(s);
  const refusal = async (res: Response, status: number, code: string) => {
    expect(res.status).toBe(status);
    const { error } = await res.json();
    expect(error.code).toBe(code);
    return error.message.replace(/[\u202f\u00a0]/g, " ") as string;
  };

  it("a single 160,000-character name (python3 -c … > long.csv)", async () => {
    const message = await refusal(
      await post(enc("Nom;Editeur\n" + "A".repeat(160_000) + ";X\n")),
      400,
      "cell_too_long",
    );
    expect(message).toContain("pour 100 000 au maximum");
    // The server answers other requests as before.
    expect((await fetch(`${big.url}/api/inventory/analyses`)).status).toBe(200);
  });

  it("a 15 MB name", async () => {
    expect(
      await refusal(await post(enc("Nom;Editeur\n" + "A".repeat(15_000_000) + ";X\n")), 400, "line_too_long"),
    ).toContain("1 000 000 caractères");
  });

  it("a million columns", async () => {
    expect(
      await refusal(await post(enc("Nom;Editeur\nZoom" + ";".repeat(999_990) + "\n")), 400, "too_many_columns"),
    ).toContain("1 000 au maximum");
  });

  it("1,000 names of 10,000 characters", async () => {
    const rows = Array.from({ length: 1_000 }, (_, i) => `${"B".repeat(10_000)}${i};X`).join("\n");
    expect(await refusal(await post(enc("Nom;Editeur\n" + rows)), 400, "name_too_long")).toContain("500 au maximum");
  });

  it("200,000 names in one <br> cell", async () => {
    const cell = Array.from({ length: 200_000 }, (_, i) => `n${i}`).join("<br>");
    expect((await post(enc("Nom;Editeur\n" + cell + ";X\n"))).status).toBe(400);
  });

  it("a 1,000,000-line list: a 413, not a 500 after a minute", async () => {
    const list = "Nom\n" + Array.from({ length: 1_000_000 }, (_, i) => `Logiciel ${i}`).join("\n");
    expect(await refusal(await post(enc(list)), 413, "too_many_lines")).toContain("plus de 250 000 lignes");
  });

  it("invalid JSON: a French message, no excerpt of the file", async () => {
    const res = await post(
      enc('{"content": {"softwares": [{"name": "Logiciel confidentiel du cabinet du maire"},]}}'),
      "inventaire.json",
    );
    const message = await refusal(res, 400, "not_an_inventory");
    expect(message).toContain("le JSON est illisible (ligne 1, colonne 82)");
    expect(message).not.toMatch(/confidentiel|Unexpected|token|JSON at position|is not valid/);
  });

  it("more distinct names than the cap: a 413 that says how to split the inventory", async () => {
    const many = "Nom\n" + Array.from({ length: 151_000 }, (_, i) => `L${i}`).join("\n");
    expect(await refusal(await post(enc(many)), 413, "too_many_names")).toContain(
      "plus de 150 000 noms de logiciels distincts",
    );
  });
});

describe("an analysis past its deadline", () => {
  let slow: TestServer;
  beforeAll(async () => {
    slow = await startTestServer({ CORPUS_DIR: INVENTORY_CORPUS, INVENTORY_TIMEOUT_MS: "1" });
  });
  afterAll(() => slow?.stop());

  it("is stopped with a French 503, and the server goes on answering", async () => {
    const list = "Nom\n" + Array.from({ length: 20_000 }, (_, i) => `Logiciel ${i}`).join("\n");
    const res = await fetch(`${slow.url}/api/inventory/analyze`, {
      method: "POST",
      body: list,
      headers: { "content-type": "text/csv" },
    });
    expect(res.status).toBe(503);
    expect((await res.json()).error).toMatchObject({
      code: "analysis_timeout",
      message: expect.stringContaining("découpez l'inventaire"),
    });
    expect((await fetch(`${slow.url}/api/inventory/analyses`)).status).toBe(200);
  });
});
