/**
 * When the passage table is compacted (server/store/lancedb.ts, `commit()`): not after large appends alone (a first
 * ingest writes fragments of thousands of rows, which search as fast as one), always after documents were replaced
 * or deleted, so that their old copies leave the disk.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import * as lancedb from "@lancedb/lancedb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openLanceStore } from "../../server/store/lancedb.ts";
import type { StoredDocument } from "../../server/store/types.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "cap-libre-compaction-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const doc = (id: string, hash: string): StoredDocument => ({
  id,
  title: `Dossier ${id}`,
  kind: "guidance",
  date: null,
  url: null,
  sources: [{ title: "Source", url: null }],
  hash,
});
const entry = (id: string, hash: string, passages: number) => ({
  document: doc(id, hash),
  chunks: Array.from({ length: passages }, (_, i) => ({
    id: `${id}#${i}`,
    docId: id,
    ordinal: i,
    section: `Partie ${i}`,
    text: `Passage ${i} du dossier ${id}, version ${hash} : la messagerie de la commune.`,
  })),
});

async function fragments(): Promise<{ fragments: number; rows: number }> {
  const db = await lancedb.connect(path.join(dir, "lancedb"));
  const table = await db.openTable("chunks");
  try {
    const stats = await table.stats();
    return { fragments: stats.fragmentStats.numFragments, rows: stats.numRows };
  } finally {
    table.close();
    db.close();
  }
}

describe("compaction of the passage table", () => {
  it("keeps large appends as written, and compacts once documents were replaced", async () => {
    const store = await openLanceStore(path.join(dir, "lancedb"));
    try {
      // Two appends of 1,500 passages each (two documents of 1,500 passages: one commit each).
      await store.replaceDocuments([entry("a", "h1", 1500)]);
      await store.replaceDocuments([entry("b", "h1", 1500)]);
      await store.commit();
      expect(await fragments()).toEqual({ fragments: 2, rows: 3000 });
      expect(await store.searchText("messagerie", 3)).toHaveLength(3);

      // A changed document: its old rows are gone from the table and the table is rewritten in one piece.
      await store.replaceDocuments([entry("a", "h2", 10)]);
      await store.commit();
      expect(await fragments()).toEqual({ fragments: 1, rows: 1510 });
      const [hit] = await store.searchText("version h2", 1, undefined, { withChunks: true });
      expect(hit!.chunk!.text).toContain("version h2");
    } finally {
      await store.close();
    }
  });
});
