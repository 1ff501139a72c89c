/**
 * A saved draft's files are built once per version and format, in SQLite and in PostgreSQL: a second export of the
 * same version is answered from the cache (the build counter does not move), also after another version was saved;
 * an edit (by another server of the team, on the same database) is exported with its new content; a deleted draft
 * is a 404, never its old file.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { filesBuilt } from "../../server/export/cache.ts";
import { createTestDatabase, postgresAvailable } from "../helpers/postgres.ts";
import { postJson, readSse, startTestServer, type TestServer } from "../helpers/server.ts";

const letter = JSON.parse(readFileSync("test/fixtures/drafting/letter.json", "utf8"));
const EDIT = "Notre association de Plougastel compte 31 adhérents, agents et élus de la communauté.";

async function exported(s: TestServer, id: string, query: string): Promise<{ status: number; bytes: Uint8Array }> {
  const res = await fetch(`${s.url}/api/drafts/${id}/export?${query}`);
  return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** Exports, edits on `editor` (the same server or another one on the same database), exports again. */
async function exportsOncePerVersion(author: TestServer, editor: TestServer) {
  const events = await readSse(await postJson(`${author.url}/api/drafts`, { type: "letter", inputs: letter }));
  const { id } = events.at(-1)!.data as { id: string };

  let builds = filesBuilt();
  const first = await exported(author, id, "format=odt");
  expect(first.status).toBe(200);
  expect(filesBuilt()).toBe(builds + 1);
  // The same version again, by its number or as the latest: the same file, not built again.
  expect((await exported(author, id, "format=odt")).bytes).toEqual(first.bytes);
  expect((await exported(author, id, "format=odt&version=1")).bytes).toEqual(first.bytes);
  expect(filesBuilt()).toBe(builds + 1);

  const res = await fetch(`${editor.url}/api/drafts/${id}/sections/local`, {
    method: "PATCH",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text: EDIT }),
  });
  expect(res.status).toBe(200);

  // The latest version is the edited one, whichever server exports it.
  builds = filesBuilt();
  const edited = await exported(author, id, "format=md");
  expect(new TextDecoder().decode(edited.bytes)).toContain("adhérents, agents et élus de la communauté");
  const latest = await exported(author, id, "format=odt");
  expect(latest.bytes).not.toEqual(first.bytes);
  expect(filesBuilt()).toBe(builds + 2);
  // The first version is unchanged: its file comes from the cache, as does the edited one asked again.
  expect((await exported(editor, id, "format=odt&version=1")).bytes).toEqual(first.bytes);
  expect((await exported(editor, id, "format=odt&version=2")).bytes).toEqual(latest.bytes);
  expect(filesBuilt()).toBe(builds + 2);

  // Deleted: a 404, never the file kept for its content.
  expect(await author.engine.records("drafts").delete(id)).toBe(true);
  for (const s of [author, editor]) expect((await exported(s, id, "format=odt")).status).toBe(404);
  expect(filesBuilt()).toBe(builds + 2);
}

describe("draft exports cached per version, SQLite", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it("builds each version's file once and exports an edit with its new content", () =>
    exportsOncePerVersion(server, server));
});

describe.skipIf(!postgresAvailable)("draft exports cached per version, PostgreSQL shared by two servers", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    database = await createTestDatabase();
    a = await startTestServer({ DATABASE_URL: database.url });
    b = await startTestServer({ DATABASE_URL: database.url });
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await database?.drop();
  });

  it("builds each version's file once and exports the other server's edit with its new content", () =>
    exportsOncePerVersion(a, b));
});
