/**
 * Embedding of indexed passages with the configured embedding model. Each (model, dimension) pair has its own
 * vector table, so switching models re-embeds cleanly and vectors of different sizes never mix.
 */
import type { Embedder } from "../server/llm/types.ts";
import type { ChunkStore, VectorSpace } from "../server/store/types.ts";

const BATCH = 16;

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
  const todo = await store.chunksNeedingVectors(space);
  for (let i = 0; i < todo.length; i += BATCH) {
    const batch = todo.slice(i, i + BATCH);
    const vectors = await embedder.embed(batch.map((c) => `${c.document.title} — ${c.section}\n${c.text}`));
    if (vectors.some((v) => v.length !== space.dimension)) {
      throw new Error(`Embedding model ${embedder.model} changed dimension during indexing`);
    }
    await store.upsertVectors(
      space,
      batch.map((c, j) => ({ chunkId: c.id, docId: c.docId, docHash: c.document.hash, vector: vectors[j]! })),
    );
    onProgress?.(Math.min(i + BATCH, todo.length), todo.length);
  }
  return todo.length;
}
