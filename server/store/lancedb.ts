/**
 * ChunkStore on an embedded LanceDB directory. Writes go through one queue: concurrent merge-inserts on the
 * same keys produce duplicate rows in LanceDB (see TECH-NOTES).
 *
 * Writes and indexes are separate steps, so an ingest stays linear in the corpus size: batches are appended (new
 * documents) or merged (changed ones) with no index work, then `commit()` compacts the table, builds the full-text
 * and `id` indexes once, removes old versions and records the table version the indexes were built on
 * (`index-state.json`). At open, a table whose version differs from that record (a process killed between the
 * last write and the end of `commit()`) has its indexes rebuilt: an interrupted ingest never leaves a stale index.
 */

import { readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import * as lancedb from "@lancedb/lancedb";
import { Field, FixedSizeList, Float32, Int32, Schema, Utf8 } from "apache-arrow";
import { boundedMemo } from "../core/bounded.ts";
import { fold } from "../core/text.ts";
import { pausePoint } from "./pause.ts";
import type { ChunkStore, ScoredHit, SearchFilter, StoredChunk, StoredDocument, VectorSpace } from "./types.ts";

process.env.LANCEDB_LOG ??= "error";

const CHUNKS = "chunks";

/**
 * Full-text columns and their weights: the passage with its document and section titles, and what the whole
 * document is about (title and tags), so a passage of the Gendarmerie case study ranks on "gendarmerie" even
 * where its own text does not repeat the word. (Weights other than equal were tried on the evaluation set: none did
 * better, and 3 for the tags did much worse.)
 */
/** The columns searched in full text, each with its own index (also read by the benchmark's raw floor). */
export const TEXT_COLUMNS = ["search_text", "doc_keys"];
/** The full-text index of those columns: French stemming and stop words, accents folded, no positions. */
export const ftsIndexOptions = () =>
  lancedb.Index.fts({ language: "French", stem: true, removeStopWords: true, asciiFolding: true, withPosition: false });

/** Where the table version the indexes were built on is recorded, in the LanceDB folder. */
const STATE_FILE = "index-state.json";

/**
 * Past this many vectors, a table gets an HNSW index (IVF-HNSW-SQ, cosine); below, a flat scan of a compacted table
 * is exact and already fast (about 3 ms for 100,000 vectors of 64 dimensions on 2 cores; measured in `npm run bench`).
 */
export const VECTOR_INDEX_MIN_ROWS = 50_000;

/** A table whose fragments hold fewer rows than this on average (many small writes) is compacted at the next commit. */
const SMALL_FRAGMENT_ROWS = 1_000;

/** Passages kept in memory by a store for searches (about 3 KB each). */
const PASSAGE_CACHE_SIZE = 5_000;

/** Columns a search result needs (everything but the folded search text). */
const PASSAGE_COLUMNS = [
  "id",
  "doc_id",
  "ordinal",
  "section",
  "text",
  "doc_title",
  "doc_kind",
  "doc_date",
  "doc_url",
  "doc_sources",
  "doc_hash",
];

const chunkSchema = new Schema([
  new Field("id", new Utf8(), false),
  new Field("doc_id", new Utf8(), false),
  new Field("ordinal", new Int32(), false),
  new Field("section", new Utf8(), false),
  new Field("text", new Utf8(), false),
  new Field("search_text", new Utf8(), false),
  new Field("doc_keys", new Utf8(), false),
  new Field("doc_title", new Utf8(), false),
  new Field("doc_kind", new Utf8(), false),
  new Field("doc_date", new Utf8(), true),
  new Field("doc_url", new Utf8(), true),
  new Field("doc_sources", new Utf8(), false),
  new Field("doc_hash", new Utf8(), false),
]);

const vectorSchema = (dimension: number) =>
  new Schema([
    new Field("chunk_id", new Utf8(), false),
    new Field("doc_id", new Utf8(), false),
    new Field("doc_hash", new Utf8(), false),
    new Field("vector", new FixedSizeList(dimension, new Field("item", new Float32(), true)), false),
  ]);

/** The SQL condition of a search filter, or null when it restricts nothing. */
function whereOf(filter: SearchFilter | undefined, kindColumn: string): string | null {
  return filter?.kinds?.length ? `${kindColumn} IN ${inList(filter.kinds)}` : null;
}

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;
const inList = (ids: string[]) => `(${ids.map(sqlString).join(", ")})`;

/**
 * The rows a query selects, as plain objects read column by column: `toArray()` builds a proxy per row whose every
 * field read goes through Arrow's visitors, about ten times the cost (70–110 µs of the 20 rows of a search).
 */
async function rowsOf(
  query: lancedb.Query | lancedb.VectorQuery,
  columns: readonly string[],
): Promise<Record<string, unknown>[]> {
  const table = await query.select([...columns]).toArrow();
  const vectors = columns.map((c) => table.getChild(c));
  const rows: Record<string, unknown>[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const row: Record<string, unknown> = {};
    for (let j = 0; j < columns.length; j++) row[columns[j]!] = vectors[j]?.get(i) ?? null;
    rows[i] = row;
  }
  return rows;
}

export function vectorTableName(space: VectorSpace): string {
  return `vectors_${space.model.toLowerCase().replace(/[^a-z0-9]+/g, "_")}_${space.dimension}`;
}

export interface OpenedStore extends ChunkStore {
  /** What opening found: true when the indexes did not match the table (interrupted ingest) and were rebuilt. */
  readonly repaired: boolean;
}

export async function openLanceStore(dir: string): Promise<OpenedStore> {
  const db = await lancedb.connect(dir, { readConsistencyInterval: 0 });
  const existing = new Set(await db.tableNames());
  let chunks = existing.has(CHUNKS) ? await db.openTable(CHUNKS) : await db.createEmptyTable(CHUNKS, chunkSchema);
  // An index written by an older version of Cap Libre: start it again (every document is then re-indexed).
  const columns = new Set((await chunks.schema()).fields.map((f) => f.name));
  if (chunkSchema.fields.some((f) => !columns.has(f.name))) {
    chunks.close();
    await db.dropTable(CHUNKS);
    chunks = await db.createEmptyTable(CHUNKS, chunkSchema);
  }
  const vectorTables = new Map<string, lancedb.Table>();
  // Reads in flight (searches, the background warm-up): `close()` waits for them, since closing a table a query
  // still borrows makes LanceDB throw (« cannot be borrowed mutably »).
  const reads = new Set<Promise<unknown>>();
  const track = <T>(read: Promise<T>): Promise<T> => {
    reads.add(read);
    read.then(
      () => reads.delete(read),
      () => reads.delete(read),
    );
    return read;
  };
  const readRows = (query: lancedb.Query | lancedb.VectorQuery, columns: readonly string[]) =>
    track(rowsOf(query, columns));
  const countChunks = (filter?: string) => track(chunks.countRows(filter));
  let queue: Promise<unknown> = Promise.resolve();
  const serialize = <T>(task: () => Promise<T>): Promise<T> => {
    // Every write empties the passage cache, before and after it runs (see `passages`).
    const write = () => {
      forgetPassages();
      return task().finally(forgetPassages);
    };
    const run = queue.then(write, write);
    queue = run.catch(() => undefined);
    return run;
  };

  /**
   * Passages read lately, by id: a search asks the full-text index for ids and scores only (the cheap part of the
   * query) and takes the passages from here, reading only those it lacks through the `id` index. Emptied by every
   * write; a read that began before a write (older generation) does not fill it.
   */
  const passages = new Map<string, StoredChunk>();
  let generation = 0;
  function forgetPassages() {
    generation++;
    passages.clear();
  }
  /** The passages of `ids` (those that exist), from the cache or, for the others, in one indexed read. */
  async function passagesOf(ids: string[]): Promise<Map<string, StoredChunk>> {
    const found = new Map<string, StoredChunk>();
    const missing: string[] = [];
    for (const id of ids) {
      const known = passages.get(id);
      if (known) found.set(id, known);
      else missing.push(id);
    }
    if (missing.length === 0) return found;
    const started = generation;
    // `id` has a scalar (B-tree) index: this reads only the rows asked for.
    const rows = await readRows(chunks.query().where(`id IN ${inList(missing)}`), PASSAGE_COLUMNS);
    for (const row of rows) {
      const chunk = toStored(row);
      found.set(chunk.id, chunk);
      if (started !== generation) continue;
      if (passages.size >= PASSAGE_CACHE_SIZE) passages.delete(passages.keys().next().value!);
      passages.set(chunk.id, chunk);
    }
    return found;
  }
  /** Documents present in the table (loaded on the first write): new ones are appended, not merged. */
  let knownDocs: Set<string> | null = null;
  /** True once the full-text indexes cover the table: searching an empty, unindexed table returns nothing. */
  let textReady = false;

  const statePath = path.join(dir, STATE_FILE);
  async function readState(): Promise<{ chunksVersion: number } | null> {
    try {
      return JSON.parse(await readFile(statePath, "utf8"));
    } catch {
      return null;
    }
  }
  async function writeState(state: { chunksVersion: number }) {
    const tmp = `${statePath}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(state));
    await rename(tmp, statePath);
  }

  async function vectorTable(space: VectorSpace, create: boolean): Promise<lancedb.Table | null> {
    const name = vectorTableName(space);
    const cached = vectorTables.get(name);
    if (cached) return cached;
    const names = await db.tableNames();
    if (!names.includes(name) && !create) return null;
    const table = names.includes(name)
      ? await db.openTable(name)
      : await db.createEmptyTable(name, vectorSchema(space.dimension));
    vectorTables.set(name, table);
    return table;
  }

  /** Versions older than this call, and files no version uses, are removed (the data-folder lock makes it safe). */
  const cleanup = (table: lancedb.Table) => table.optimize({ cleanupOlderThan: new Date(), deleteUnverified: true });

  /**
   * True while rows may have been replaced or deleted since the table was last compacted (their old copies still
   * take disk and are read around).
   */
  let rewritten = true;
  /**
   * Whether a commit compacts the table and prunes its old versions. LanceDB's `optimize()` does both at once (its
   * Node API has no pruning alone), so it is skipped when there is nothing to prune: large appends to a table that
   * had no index yet, as in a first ingest, leave fragments that search as fast as one, and rewriting them cost a
   * tenth of that ingest. Replaced or deleted rows, a replaced index, or many small fragments are compacted.
   */
  async function needsCompaction(): Promise<boolean> {
    if (rewritten || (await chunks.listIndices()).length > 0) return true;
    const { numFragments, lengths } = (await chunks.stats()).fragmentStats;
    return numFragments > 1 && lengths.mean < SMALL_FRAGMENT_ROWS;
  }

  /**
   * Compacts the passage table when needed, builds its indexes once over all rows, prunes old versions (with the
   * compaction), records the version.
   */
  async function buildIndexes() {
    textReady = false;
    const rows = await countChunks();
    if (rows > 0) {
      const compact = await needsCompaction();
      if (compact) await chunks.optimize({ cleanupOlderThan: new Date(), deleteUnverified: true });
      rewritten = false;
      for (const column of TEXT_COLUMNS) {
        await chunks.createIndex(column, {
          config: ftsIndexOptions(),
          replace: true,
        });
      }
      await pausePoint("after-text-index");
      await chunks.createIndex("id", { config: lancedb.Index.btree(), replace: true });
      // The indexes' old versions; after appends only there are none (and this would compact the table again).
      if (compact) await cleanup(chunks);
    }
    await writeState({ chunksVersion: await chunks.version() });
    textReady = rows > 0;
  }

  /** True when the indexes were built on the table as it is now. */
  async function indexesCurrent(): Promise<boolean> {
    const state = await readState();
    if (!state || state.chunksVersion !== (await chunks.version())) return false;
    if ((await countChunks()) === 0) return true;
    const names = new Set((await chunks.listIndices()).map((i) => i.columns.join(",")));
    return TEXT_COLUMNS.every((c) => names.has(c)) && names.has("id");
  }

  let repaired = false;
  if (await indexesCurrent()) {
    textReady = (await countChunks()) > 0;
    rewritten = false;
  } else if ((await countChunks()) === 0 && (await readState()) === null) {
    // A new, empty table: nothing to compact or index yet.
    rewritten = false;
    await buildIndexes();
  } else {
    repaired = (await countChunks()) > 0 || (await readState()) !== null;
    await buildIndexes();
  }

  // A document's sources are the same JSON in each of its passages, and the same documents come back search after
  // search: each version of a document (id and content hash) is parsed once. Frozen, since every reader shares them.
  const sourcesOf = boundedMemo(
    (row: Record<string, unknown>): StoredDocument["sources"] => {
      const sources = (JSON.parse(row.doc_sources as string) as StoredDocument["sources"]).map((source) =>
        Object.freeze(source),
      );
      Object.freeze(sources);
      return sources;
    },
    10_000,
    (row) => `${row.doc_id}\u0000${row.doc_hash}`,
  );

  const toStored = (row: Record<string, unknown>): StoredChunk => ({
    id: row.id as string,
    docId: row.doc_id as string,
    ordinal: row.ordinal as number,
    section: row.section as string,
    text: row.text as string,
    document: {
      id: row.doc_id as string,
      title: row.doc_title as string,
      kind: row.doc_kind as string,
      date: (row.doc_date as string | null) ?? null,
      url: (row.doc_url as string | null) ?? null,
      sources: sourcesOf(row),
      hash: row.doc_hash as string,
    },
  });

  async function loadKnownDocs(): Promise<Set<string>> {
    knownDocs ??= new Set(
      (await readRows(chunks.query().where("ordinal = 0"), ["doc_id"])).map((r) => r.doc_id as string),
    );
    return knownDocs;
  }

  const store: OpenedStore = {
    repaired,

    async documentHashes() {
      const rows = await readRows(chunks.query().where("ordinal = 0"), ["doc_id", "doc_hash"]);
      return new Map(rows.map((r) => [r.doc_id as string, r.doc_hash as string]));
    },

    replaceDocuments(entries) {
      return serialize(async () => {
        if (entries.length === 0) return;
        const known = await loadKnownDocs();
        const fresh = entries.filter((e) => !known.has(e.document.id));
        const changed = entries.filter((e) => known.has(e.document.id));
        const rowsOf = (list: typeof entries) =>
          list.flatMap(({ document, chunks: cs }) => cs.map((c) => chunkRow(document, c)));
        // New documents: one append (one commit, no scan of the table). All passages of a document are in the same
        // commit, so an interrupted ingest leaves each document either complete or absent (and re-indexed next time).
        if (fresh.length) {
          await chunks.add(lancedb.makeArrowTable(rowsOf(fresh), { schema: chunkSchema }));
          for (const e of fresh) known.add(e.document.id);
          await pausePoint("after-first-write");
        }
        // Changed documents: one commit upserts their rows and deletes their stale passages.
        if (changed.length) rewritten = true;
        for (let i = 0; i < changed.length; i += 500) {
          const part = changed.slice(i, i + 500);
          await chunks
            .mergeInsert("id")
            .whenMatchedUpdateAll()
            .whenNotMatchedInsertAll()
            .whenNotMatchedBySourceDelete({ where: `doc_id IN ${inList(part.map((e) => e.document.id))}` })
            .execute(lancedb.makeArrowTable(rowsOf(part), { schema: chunkSchema }));
        }
      });
    },

    deleteDocuments(docIds) {
      return serialize(async () => {
        if (docIds.length) rewritten = true;
        for (let i = 0; i < docIds.length; i += 500)
          await chunks.delete(`doc_id IN ${inList(docIds.slice(i, i + 500))}`);
        for (const id of docIds) knownDocs?.delete(id);
      });
    },

    commit() {
      return serialize(async () => {
        await pausePoint("before-commit");
        if (!(await indexesCurrent())) await buildIndexes();
      });
    },

    async searchText(foldedQuery, k, filter, options) {
      if (!foldedQuery.trim() || !textReady) return [];
      let query = chunks.query().fullTextSearch(new lancedb.MultiMatchQuery(foldedQuery, TEXT_COLUMNS));
      const where = whereOf(filter, "doc_kind");
      if (where) query = query.where(where);
      const rows = await readRows(query.limit(k), ["id", "doc_id", "_score"]);
      const hits: ScoredHit[] = rows.map((r) => ({
        id: r.id as string,
        docId: r.doc_id as string,
        score: r._score as number,
      }));
      if (!options?.withChunks) return hits;
      const found = await passagesOf(hits.map((h) => h.id));
      return hits.flatMap((h) => {
        const chunk = found.get(h.id);
        return chunk ? [{ ...h, chunk }] : [];
      });
    },

    async warmPassages() {
      if (!textReady || (await countChunks()) > PASSAGE_CACHE_SIZE) return [];
      const started = generation;
      const all = (await readRows(chunks.query(), PASSAGE_COLUMNS)).map(toStored);
      // A write since the read began: its passages may be stale, none is kept.
      if (started !== generation) return [];
      passages.clear();
      for (const chunk of all) passages.set(chunk.id, chunk);
      return all;
    },

    async getChunks(ids) {
      if (ids.length === 0) return [];
      const found = await passagesOf(ids);
      return ids.map((id) => found.get(id)).filter((c): c is StoredChunk => !!c);
    },

    async chunksNeedingVectors(space) {
      const table = await vectorTable(space, false);
      const have = new Set<string>();
      if (table) {
        for (const r of await readRows(table.query(), ["chunk_id", "doc_hash"]))
          have.add(`${r.chunk_id}|${r.doc_hash}`);
      }
      // Which passages lack a vector is decided on ids and hashes; only those passages are then read in full.
      const missing = (await readRows(chunks.query(), ["id", "doc_hash"]))
        .filter((r) => !have.has(`${r.id}|${r.doc_hash}`))
        .map((r) => r.id as string);
      if (missing.length === 0) return [];
      const all = await countChunks();
      if (missing.length > all / 4) {
        const wanted = new Set(missing);
        return (await readRows(chunks.query(), PASSAGE_COLUMNS)).map(toStored).filter((c) => wanted.has(c.id));
      }
      const out: StoredChunk[] = [];
      for (let i = 0; i < missing.length; i += 500) out.push(...(await store.getChunks(missing.slice(i, i + 500))));
      return out;
    },

    upsertVectors(space, rows, options) {
      return serialize(async () => {
        if (rows.length === 0) return;
        const table = (await vectorTable(space, true))!;
        const data = lancedb.makeArrowTable(
          rows.map((r) => ({ chunk_id: r.chunkId, doc_id: r.docId, doc_hash: r.docHash, vector: r.vector })),
          { schema: vectorSchema(space.dimension) },
        );
        // New passages (or a first embedding) are appended; otherwise rows are merged on the passage id.
        if (options?.append || (await table.countRows()) === 0) await table.add(data);
        else await table.mergeInsert("chunk_id").whenMatchedUpdateAll().whenNotMatchedInsertAll().execute(data);
      });
    },

    compactVectors(space) {
      return serialize(async () => {
        const table = await vectorTable(space, false);
        if (!table) return;
        await cleanup(table);
        const rows = await table.countRows();
        const indexed = (await table.listIndices()).some((i) => i.columns.includes("vector"));
        if (rows >= VECTOR_INDEX_MIN_ROWS && !indexed) {
          await table.createIndex("vector", {
            config: lancedb.Index.hnswSq({ distanceType: "cosine" }),
            replace: true,
          });
          await cleanup(table);
        } else if (indexed) {
          await cleanup(table);
        }
      });
    },

    pruneVectors(space) {
      return serialize(async () => {
        const table = await vectorTable(space, false);
        if (!table) return;
        const current = new Set(
          (await readRows(chunks.query(), ["id", "doc_hash"])).map((r) => `${r.id}|${r.doc_hash}`),
        );
        const stale = (await readRows(table.query(), ["chunk_id", "doc_hash"]))
          .filter((r) => !current.has(`${r.chunk_id}|${r.doc_hash}`))
          .map((r) => r.chunk_id as string);
        for (let i = 0; i < stale.length; i += 500)
          await table.delete(`chunk_id IN ${inList(stale.slice(i, i + 500))}`);
      });
    },

    async vectorCount(space) {
      const table = await vectorTable(space, false);
      return table ? table.countRows() : 0;
    },

    async searchVector(space, vector, k, filter) {
      const table = await vectorTable(space, false);
      if (!table) return [];
      let query = table.vectorSearch(vector).distanceType("cosine");
      if (filter?.kinds?.length) {
        // Vectors carry no kind: the document ids of those kinds come from the passage table.
        const ids = (await readRows(chunks.query().where(whereOf(filter, "doc_kind")!), ["doc_id"])).map(
          (r) => r.doc_id as string,
        );
        if (!ids.length) return [];
        query = query.where(`doc_id IN ${inList([...new Set(ids)])}`);
      }
      const rows = await readRows(query.limit(k), ["chunk_id", "doc_id", "_distance"]);
      return rows.map((r) => ({
        id: r.chunk_id as string,
        docId: r.doc_id as string,
        score: 1 - (r._distance as number),
      }));
    },

    async stats() {
      const documents = await countChunks("ordinal = 0");
      return { documents, chunks: await countChunks() };
    },

    clear() {
      return serialize(async () => {
        for (const t of vectorTables.values()) t.close();
        vectorTables.clear();
        chunks.close();
        for (const name of await db.tableNames()) await db.dropTable(name);
        chunks = await db.createEmptyTable(CHUNKS, chunkSchema);
        knownDocs = new Set();
        textReady = false;
        rewritten = false;
        await rm(statePath, { force: true });
      });
    },

    async close() {
      await queue;
      // Reads that started while waiting (a request still arriving as the server stops) are waited for too: closing
      // after a snapshot of the reads let one borrow a table being closed (fresh-clone CI under load).
      while (reads.size) await Promise.allSettled([...reads]);
      chunks.close();
      for (const t of vectorTables.values()) t.close();
      db.close();
    },
  };
  return store;
}

function chunkRow(document: StoredDocument, c: Omit<StoredChunk, "document">) {
  return {
    id: c.id,
    doc_id: document.id,
    ordinal: c.ordinal,
    section: c.section,
    text: c.text,
    search_text: fold(`${document.title}\n${c.section}\n${c.text}`),
    doc_keys: fold([document.title, ...(document.keywords ?? [])].join(", ")),
    doc_title: document.title,
    doc_kind: document.kind,
    doc_date: document.date,
    doc_url: document.url,
    doc_sources: JSON.stringify(document.sources),
    doc_hash: document.hash,
  };
}
