/**
 * The port for the passage store: what indexing and retrieval need, nothing more. LanceDB implements it
 * (`lancedb.ts`); a region could back it with a shared server or object storage instead.
 */
import type { Source } from "../core/source.ts";

export interface StoredDocument {
  id: string;
  title: string;
  kind: string;
  date: string | null;
  url: string | null;
  sources: Source[];
  hash: string;
  /** Words that say what the document is about (its tags): searchable in every passage, never shown as text. */
  keywords?: string[];
}

export interface StoredChunk {
  id: string;
  docId: string;
  ordinal: number;
  section: string;
  text: string;
  document: StoredDocument;
}

export interface ScoredId {
  id: string;
  score: number;
}

/** A search hit: the passage id, its document (for the per-document cap) and, when asked for, the passage itself. */
export interface ScoredHit extends ScoredId {
  docId: string;
  chunk?: StoredChunk;
}

/** Restricts a search to documents of these kinds (the case studies a letter cites as peers, say). */
export interface SearchFilter {
  kinds?: string[];
}

/** One embedding space: a model and a dimension. Vectors of different spaces never share a table. */
export interface VectorSpace {
  model: string;
  dimension: number;
}

export interface ChunkStore {
  /** Document id → content hash of what is indexed. */
  documentHashes(): Promise<Map<string, string>>;
  /**
   * Replaces all chunks of each given document (one commit per document: a document is never half written).
   * Indexes are not touched: call `commit()` once after the last write.
   */
  replaceDocuments(entries: { document: StoredDocument; chunks: Omit<StoredChunk, "document">[] }[]): Promise<void>;
  deleteDocuments(docIds: string[]): Promise<void>;
  /**
   * Makes the writes searchable: builds the indexes once over the whole table, compacts it, removes old versions and
   * records that the indexes match the table. Does nothing when they already do.
   */
  commit(): Promise<void>;
  /**
   * Full-text search on accent-folded text; scores are BM25. `withChunks` also returns the passages (from the store's
   * cache of passages read lately, emptied by every write, or read through the index on `id`).
   */
  searchText(
    foldedQuery: string,
    k: number,
    filter?: SearchFilter,
    options?: { withChunks?: boolean },
  ): Promise<ScoredHit[]>;
  /**
   * Reads every passage into the store's cache of passages when the whole table fits in it (the first searches after
   * a start then read nothing more) and returns them; returns none when the table is larger than the cache.
   */
  warmPassages(): Promise<StoredChunk[]>;
  /** Passages by id, in the order asked (ids not found are left out). */
  getChunks(ids: string[]): Promise<StoredChunk[]>;
  /** Chunks of documents whose vectors are missing or stale in `space`. */
  chunksNeedingVectors(space: VectorSpace): Promise<StoredChunk[]>;
  /** Writes vectors; `append` says none of these passages has a vector in the table yet (written without a merge). */
  upsertVectors(
    space: VectorSpace,
    rows: { chunkId: string; docId: string; docHash: string; vector: number[] }[],
    options?: { append?: boolean },
  ): Promise<void>;
  /** Compacts a vector table after writes, and gives it a vector index past a documented size. */
  compactVectors(space: VectorSpace): Promise<void>;
  /** Drops vectors of documents that are no longer indexed, or whose content changed. */
  pruneVectors(space: VectorSpace): Promise<void>;
  vectorCount(space: VectorSpace): Promise<number>;
  /** Nearest chunks by cosine distance; the score is 1 - distance. */
  searchVector(space: VectorSpace, vector: number[], k: number, filter?: SearchFilter): Promise<ScoredHit[]>;
  stats(): Promise<{ documents: number; chunks: number }>;
  /** Removes every passage and vector (a full re-index follows). */
  clear(): Promise<void>;
  close(): Promise<void>;
}
