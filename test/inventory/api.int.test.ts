/**
 * The real server (fixture corpus, temporary DATA_DIR, no Ollama): uploads in multipart and raw, size limit,
 * files that are not inventories, saved analyses, and a manual classification reused by the next analysis.
 */
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
    expect(body.items.find((i: any) => i.name === "Google Chrome")).toMatchObject({ installations: 59, product: { id: "google-chrome" }, extraEuropean: true });
    expect(body.summary.score.value).toBeGreaterThan(0);
    expect(body.summary.quickWins.length).toBeGreaterThan(0);
    expect(body.unknown.map((u: any) => u.name)).toContain("Civil Net RH");
    firstId = body.id;
  });

  it("accepts a raw body, named by ?name=", async () => {
    const res = await analyze(readInventory("ocs-nombre.csv").bytes as Uint8Array<ArrayBuffer>, { headers: { "content-type": "text/csv" } }, "?name=export.csv");
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.files[0]).toMatchObject({ name: "export.csv", format: "ocs-count-csv" });
    expect(body.summary.items).toBe(5);
  });

  it("refuses uploads over the size limit with a French 413, with or without Content-Length", async () => {
    const big = new Uint8Array(MAX + 10).fill(0x41);
    const res = await analyze(form({ name: "gros.csv", bytes: big }));
    expect(res.status).toBe(413);
    expect((await res.json()).error).toEqual({ code: "payload_too_large", message: expect.stringContaining("trop volumineux (64 Ko au maximum)") });
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

  it("lists saved analyses and returns one, 404 in French for an unknown id", async () => {
    const list = await (await fetch(`${server.url}/api/inventory/analyses`)).json();
    const entry = list.analyses.find((a: any) => a.id === firstId);
    expect(entry).toMatchObject({ files: ["glpi10-mairie.csv", "glpi-agent-pc-accueil-01.json"], counts: { unknown: expect.any(Number), score: expect.any(Number) } });
    expect(entry.counts.items).toBeGreaterThan(20);
    const one = await fetch(`${server.url}/api/inventory/analyses/${firstId}`);
    expect(one.status).toBe(200);
    expect((await one.json()).id).toBe(firstId);
    // Saved where drafting reads analyses.
    expect(await server.engine.records("analyses").get(firstId)).toMatchObject({ id: firstId });
    const missing = await fetch(`${server.url}/api/inventory/analyses/2026-01-01-inconnue`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toContain("Aucune analyse d'inventaire ne porte l'identifiant « 2026-01-01-inconnue »");
  });
});

describe("PUT /api/inventory/classifications", () => {
  const put = (body: unknown) => fetch(`${server.url}/api/inventory/classifications`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  it("validates the classification, naming the field in French", async () => {
    const bad = await put({ name: "Civil Net RH", vendorCountry: "Fr4nce" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toBe("Classification invalide : vendorCountry : code pays ISO 3166-1 alpha-2 attendu (FR, US…)");
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
    const res = await put({ name: "Civil Net RH", vendorName: "Ciril GROUP", vendorCountry: "fr", category: "business", openSource: false });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ name: "Civil Net RH", vendorCountry: "FR", category: "business" });
    const edge = await put({ name: "Microsoft Edge", productId: "google-chrome" });
    expect(edge.status).toBe(200);
    const list = await (await fetch(`${server.url}/api/inventory/classifications`)).json();
    expect(list.classifications.map((c: any) => c.name).sort()).toEqual(["Civil Net RH", "Microsoft Edge"]);

    const body = await (await analyze(form(readInventory("glpi10-mairie.csv")))).json();
    expect(body.items.find((i: any) => i.name === "Civil Net RH")).toMatchObject({ match: "manual", extraEuropean: false, category: "business", vendor: { country: "FR" } });
    expect(body.unknown.map((u: any) => u.name)).not.toContain("Civil Net RH");
    expect(body.items.find((i: any) => i.name === "Microsoft Edge")).toMatchObject({ match: "manual", product: { id: "google-chrome" } });
  });
});
