/**
 * No edit is ever lost: concurrent PATCHes of one draft are serialised (each becomes its own version), and an
 * edit made on an older version is refused with a French 409 when the client says which version it edited.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postJson, readSse, startTestServer, type TestServer } from "../helpers/server.ts";

const letter = JSON.parse(readFileSync("test/fixtures/drafting/letter.json", "utf8"));

describe("concurrent edits of a draft", { timeout: 120_000 }, () => {
  let server: TestServer;
  let id: string;
  let keys: string[];
  const patch = (key: string, body: unknown) =>
    fetch(`${server.url}/api/drafts/${id}/sections/${key}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const current = async () => (await fetch(`${server.url}/api/drafts/${id}`)).json();

  beforeAll(async () => {
    server = await startTestServer();
    const events = await readSse(await postJson(`${server.url}/api/drafts`, { type: "letter", inputs: letter }));
    id = events.at(-1)!.data.id;
    keys = (await current()).versions[0].sections.map((s: { key: string }) => s.key);
  }, 120_000);
  afterAll(() => server?.stop());

  it("keeps every one of 20 concurrent edits of one section as its own version", async () => {
    const before = (await current()).versions.length;
    const texts = Array.from({ length: 20 }, (_, i) => `Texte concurrent numéro ${i} de la même section.`);
    const responses = await Promise.all(texts.map((text) => patch(keys[0]!, { text })));
    expect(responses.map((r) => r.status)).toEqual(texts.map(() => 200));
    const draft = await current();
    expect(draft.versions.length).toBe(before + 20);
    const kept = new Set(
      draft.versions
        .slice(before)
        .map((v: { sections: { key: string; text: string }[] }) => v.sections.find((s) => s.key === keys[0])!.text),
    );
    expect([...kept].sort()).toEqual([...texts].sort());
  });

  it("keeps edits of six different sections made at the same time, all in the last version", async () => {
    expect(keys.length).toBeGreaterThanOrEqual(6);
    const targets = keys.slice(0, 6);
    const before = (await current()).versions.length;
    const responses = await Promise.all(
      targets.map((key) => patch(key, { text: `Nouvelle rédaction de la section ${key}.` })),
    );
    expect(responses.map((r) => r.status)).toEqual(targets.map(() => 200));
    const draft = await current();
    expect(draft.versions.length).toBe(before + targets.length);
    const last = draft.versions.at(-1).sections as { key: string; text: string }[];
    for (const key of targets)
      expect(last.find((s) => s.key === key)!.text).toBe(`Nouvelle rédaction de la section ${key}.`);
  });

  it("keeps edits made while a section is regenerated", async () => {
    const before = (await current()).versions.length;
    const regenerate = fetch(`${server.url}/api/drafts/${id}/sections/${keys[5]}/regenerate`, {
      method: "POST",
      headers: { accept: "application/json" },
    });
    const edits = keys.slice(0, 5).map((key) => patch(key, { text: `Pendant la régénération : ${key}.` }));
    const responses = await Promise.all([regenerate, ...edits]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const draft = await current();
    expect(draft.versions.length).toBe(before + 6);
    const last = draft.versions.at(-1).sections as { key: string; text: string }[];
    for (const key of keys.slice(0, 5))
      expect(last.find((s) => s.key === key)!.text).toBe(`Pendant la régénération : ${key}.`);
  });

  it("refuses with a French 409 an edit made on a version that is no longer the latest, and accepts it on the latest", async () => {
    const latest = (await current()).versions.length;
    const stale = await patch(keys[1]!, { text: "Modification sur une version ancienne.", version: latest - 1 });
    expect(stale.status).toBe(409);
    const { error } = await stale.json();
    expect(error.code).toBe("version_conflict");
    expect(error.message).toMatch(/version \d+ .*Rechargez le brouillon/);
    const ok = await patch(keys[1]!, { text: "Modification sur la dernière version.", version: latest });
    expect(ok.status).toBe(200);
    expect((await ok.json()).versions.length).toBe(latest + 1);
  });

  it("refuses with the same French 409 a regeneration asked on an older version: a colleague's edit is kept (trial15 B5)", async () => {
    const regenerate = (key: string, body?: unknown) =>
      fetch(`${server.url}/api/drafts/${id}/sections/${key}/regenerate`, {
        method: "POST",
        headers: { accept: "application/json", ...(body ? { "content-type": "application/json" } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    const seen = (await current()).versions.length;
    const corrected = "Texte relu et corrigé à la main par un collègue.";
    expect((await patch(keys[3]!, { text: corrected, version: seen })).status).toBe(200);
    // JSON and SSE alike: a plain 409 before any model call, nothing saved.
    for (const accept of ["application/json", "text/event-stream"]) {
      const stale = await fetch(`${server.url}/api/drafts/${id}/sections/${keys[3]}/regenerate`, {
        method: "POST",
        headers: { accept, "content-type": "application/json" },
        body: JSON.stringify({ version: seen }),
      });
      expect(stale.status).toBe(409);
      const { error } = await stale.json();
      expect(error.code).toBe("version_conflict");
      expect(error.message).toContain(`elle porte sur la version ${seen} du brouillon, mais la version ${seen + 1}`);
    }
    const draft = await current();
    expect(draft.versions.length).toBe(seen + 1);
    expect(draft.versions.at(-1).sections.find((s: { key: string }) => s.key === keys[3]).text).toBe(corrected);
    expect((await regenerate(keys[3]!, { version: 0 })).status).toBe(400);
    const ok = await regenerate(keys[3]!, { version: seen + 1 });
    expect(ok.status).toBe(200);
    expect((await ok.json()).versions.length).toBe(seen + 2);
  });

  it("lets exactly one of 10 concurrent edits naming the same version through", async () => {
    const latest = (await current()).versions.length;
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => patch(keys[2]!, { text: `Édition rivale ${i}.`, version: latest })),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    expect((await current()).versions.length).toBe(latest + 1);
  });
});
