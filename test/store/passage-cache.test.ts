/**
 * The store keeps the passages it has read for later searches: a write (a changed, removed or re-indexed document)
 * must never leave a search returning the old text, on the real LanceDB table.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenedStore, openLanceStore } from "../../server/store/lancedb.ts";
import type { StoredDocument } from "../../server/store/types.ts";

let dir: string;
let store: OpenedStore;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "cap-libre-passages-"));
  store = await openLanceStore(dir);
});
afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const doc = (id: string, hash: string): StoredDocument => ({
  id,
  title: `Fiche ${id}`,
  kind: "guidance",
  date: "2026-01-01",
  url: null,
  sources: [{ title: `Source ${hash}`, url: null, date: null }],
  hash,
});

async function write(id: string, hash: string, text: string) {
  await store.replaceDocuments([
    { document: doc(id, hash), chunks: [{ id: `${id}#0`, docId: id, ordinal: 0, section: "Partie", text }] },
  ]);
  await store.commit();
}

const texts = async (query: string) =>
  (await store.searchText(query, 5, undefined, { withChunks: true })).map((h) => h.chunk!.text);

describe("passages remembered between searches", () => {
  it("returns the new text and sources once a document has changed", async () => {
    await write("a", "h1", "La messagerie de la mairie est hébergée en France.");
    await write("b", "h1", "Le tableur libre remplace le tableur propriétaire.");
    expect(await texts("messagerie")).toEqual(["La messagerie de la mairie est hébergée en France."]);
    expect(await texts("messagerie")).toEqual(["La messagerie de la mairie est hébergée en France."]);

    await write("a", "h2", "La messagerie de la mairie a quitté le nuage américain.");
    const after = await store.searchText("messagerie", 5, undefined, { withChunks: true });
    expect(after.map((h) => h.chunk!.text)).toEqual(["La messagerie de la mairie a quitté le nuage américain."]);
    expect(after[0]!.chunk!.document.sources[0]!.title).toBe("Source h2");
    expect((await store.getChunks(["a#0"]))[0]!.text).toBe("La messagerie de la mairie a quitté le nuage américain.");
  });

  it("forgets a removed document and everything after a full re-index", async () => {
    expect(await texts("tableur")).toHaveLength(1);
    await store.deleteDocuments(["b"]);
    await store.commit();
    expect(await texts("tableur")).toEqual([]);
    expect(await store.getChunks(["b#0"])).toEqual([]);

    await store.clear();
    await write("c", "h1", "Une autre messagerie, libre celle-ci.");
    expect(await texts("messagerie")).toEqual(["Une autre messagerie, libre celle-ci."]);
  });
});
