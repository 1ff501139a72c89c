/**
 * Indexing: loads the corpus, compares content hashes with what the store holds and rewrites only the
 * documents that changed; removed documents are deleted. Embedding is separate (`vectors.ts`) because it
 * needs Ollama and can happen later, in the background.
 */
import { readFile, rename, writeFile } from "node:fs/promises";
import type { ChunkStore, StoredDocument } from "../store/types.ts";
import { chunkDocument } from "./chunk.ts";
import type { CorpusDocument, CorpusProblem } from "./documents.ts";
import { corpusFingerprint, currentCorpus } from "./source.ts";

export interface IndexReport {
  documents: number;
  chunks: number;
  changed: number;
  removed: number;
  problems: CorpusProblem[];
  ms: number;
  /** Of `ms`, the time spent writing to the store and building its indexes (the rest: reading and chunking). */
  storeMs?: number;
}

export interface IndexOptions {
  corpusDir: string;
  store: ChunkStore;
  /** Called with (done, total) while changed documents are written. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Where the corpus fingerprint of the last complete run is kept. When the corpus files (names, sizes, dates) and
   * the index are as that run left them, the corpus is not read again: an unchanged restart costs a directory walk.
   */
  statePath?: string;
}

interface CorpusState {
  fingerprint: string;
  documents: number;
  chunks: number;
  problems: CorpusProblem[];
}

async function readCorpusState(file: string): Promise<CorpusState | null> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as CorpusState;
  } catch {
    return null;
  }
}

/** Documents chunked at a time (chunking is CPU work: the batch bounds memory, not the write size). */
const BATCH = 100;
/** Passages per write: large appends keep the table in few fragments (each write is one commit, one fragment). */
const WRITE_ROWS = 5_000;

export async function indexCorpus({ corpusDir, store, onProgress, statePath }: IndexOptions): Promise<IndexReport> {
  const started = performance.now();
  const fingerprint = statePath ? await corpusFingerprint(corpusDir) : null;
  if (statePath && fingerprint) {
    const last = await readCorpusState(statePath);
    if (last?.fingerprint === fingerprint) {
      // Nothing changed on disk: check the index is the one that run left (and repair it if it was interrupted).
      await store.commit();
      const stats = await store.stats();
      if (stats.documents === last.documents && stats.chunks === last.chunks) {
        return {
          ...stats,
          changed: 0,
          removed: 0,
          problems: last.problems,
          ms: Math.round(performance.now() - started),
        };
      }
    }
  }
  const { corpus } = await currentCorpus(corpusDir);
  const indexed = await store.documentHashes();
  const changed = corpus.documents.filter((d) => indexed.get(d.id) !== d.hash);
  const present = new Set(corpus.documents.map((d) => d.id));
  // A corpus folder that cannot be found removes nothing from the index: a typo must not empty it.
  const removed = corpus.missing ? [] : [...indexed.keys()].filter((id) => !present.has(id));

  let pending: Awaited<ReturnType<typeof prepare>>[] = [];
  let pendingRows = 0;
  let storeMs = 0;
  const timed = async (fn: () => Promise<void>) => {
    const t = performance.now();
    await fn();
    storeMs += performance.now() - t;
  };
  // One write in flight while the next documents are read and chunked: LanceDB writes on its own threads, so the
  // JavaScript work of the next batch overlaps it (at most two batches in memory). Writes stay in order.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    await writing;
    if (pending.length) {
      const entries = pending;
      writing = timed(() => store.replaceDocuments(entries));
      // Seen by the next `await writing`; not left unhandled meanwhile.
      writing.catch(() => {});
    }
    pending = [];
    pendingRows = 0;
  };
  for (let i = 0; i < changed.length; i += BATCH) {
    const batch = await Promise.all(changed.slice(i, i + BATCH).map(prepare));
    for (const entry of batch) {
      pending.push(entry);
      pendingRows += entry.chunks.length;
      if (pendingRows >= WRITE_ROWS) await flush();
    }
    onProgress?.(Math.min(i + BATCH, changed.length), changed.length);
  }
  await flush();
  await writing;
  await timed(() => store.deleteDocuments(removed));
  // Indexes are built once, over everything written (and rebuilt if a previous run was interrupted before this).
  await timed(() => store.commit());
  const stats = await store.stats();
  if (statePath && fingerprint && !corpus.missing) {
    const state: CorpusState = { fingerprint, ...stats, problems: corpus.problems };
    const tmp = `${statePath}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(state));
    await rename(tmp, statePath);
  }
  return {
    ...stats,
    changed: changed.length,
    removed: removed.length,
    problems: corpus.problems,
    ms: Math.round(performance.now() - started),
    storeMs: Math.round(storeMs),
  };
}

async function prepare(doc: CorpusDocument) {
  const document: StoredDocument = {
    id: doc.id,
    title: doc.title,
    kind: doc.kind,
    date: doc.date,
    url: doc.url,
    sources: doc.sources,
    hash: doc.hash,
    keywords: doc.tags,
  };
  const chunks = (await chunkDocument(doc)).map(({ id, docId, ordinal, section, text }) => ({
    id,
    docId,
    ordinal,
    section,
    text,
  }));
  return { document, chunks };
}
