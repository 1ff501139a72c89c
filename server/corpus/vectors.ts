/**
 * Embedding of indexed passages with the configured embedding model. Each (model, dimension) pair has its own
 * vector table, so switching models re-embeds cleanly and vectors of different sizes never mix.
 */
import type { Embedder } from "../llm/types.ts";
import type { ChunkStore, VectorSpace } from "../store/types.ts";

/** Texts per embedding request. */
const BATCH = 16;
/** Vectors per write: large writes keep the table in few fragments; it is compacted (and indexed) at the end. */
const WRITE_ROWS = 2_048;

/** Embeds one probe text to learn the model's dimension. */
export async function probeSpace(embedder: Embedder): Promise<VectorSpace> {
  const [vector] = await embedder.embed(["dimension"]);
  if (!vector?.length) throw new Error(`Embedding model ${embedder.model} returned no vector`);
  return { model: embedder.model, dimension: vector.length };
}

/** Embeds every passage that has no current vector in `space`; returns how many were embedded. */
export async function embedMissing(
  store: ChunkStore,
  embedder: Embedder,
  space: VectorSpace,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  await store.pruneVectors(space);
  // After the prune, every passage still lacking a current vector has no row at all in the table: plain appends.
  const todo = await store.chunksNeedingVectors(space);
  let pending: Parameters<ChunkStore["upsertVectors"]>[1] = [];
  for (let i = 0; i < todo.length; i += BATCH) {
    const batch = todo.slice(i, i + BATCH);
    const vectors = await embedder.embed(batch.map((c) => `${c.document.title} — ${c.section}\n${c.text}`));
    if (vectors.some((v) => v.length !== space.dimension)) {
      throw new Error(`Embedding model ${embedder.model} changed dimension during indexing`);
    }
    pending.push(
      ...batch.map((c, j) => ({ chunkId: c.id, docId: c.docId, docHash: c.document.hash, vector: vectors[j]! })),
    );
    if (pending.length >= WRITE_ROWS) {
      await store.upsertVectors(space, pending, { append: true });
      pending = [];
    }
    onProgress?.(Math.min(i + BATCH, todo.length), todo.length);
  }
  await store.upsertVectors(space, pending, { append: true });
  if (todo.length) await store.compactVectors(space);
  return todo.length;
}
