/**
 * Keeps the vector table of the configured embedding model in step with the passages, in the background:
 * started when Ollama is seen with the embedding model, so search upgrades to hybrid with no other setup.
 */
import { embedMissing, probeSpace } from "../corpus/vectors.ts";
import type { ModelProvider } from "../llm/types.ts";
import type { ChunkStore, VectorSpace } from "../store/types.ts";

export interface VectorSync {
  /** Starts a background pass if none runs and the index may be incomplete. */
  kick(): void;
  /** Runs a pass now and waits for it (CLI, tests). */
  run(onProgress?: (done: number, total: number) => void): Promise<void>;
  /** Marks the vectors stale (after the passages changed). */
  invalidate(): void;
  isComplete(): boolean;
  space(): VectorSpace | null;
}

export function createVectorSync(
  store: ChunkStore,
  models: ModelProvider,
  log: (line: string) => void = () => {},
): VectorSync {
  let space: VectorSpace | null = null;
  let complete = false;
  let running: Promise<void> | null = null;

  async function pass(onProgress?: (done: number, total: number) => void) {
    const status = await models.status();
    if (!status.embeddingsAvailable) return;
    const embedder = models.embedder();
    try {
      space ??= await probeSpace(embedder);
      const embedded = await embedMissing(store, embedder, space, onProgress);
      complete = true;
      if (embedded)
        log(`Vecteurs à jour (${embedder.model}, ${space.dimension} dimensions) : ${embedded} passages calculés.`);
    } catch (err) {
      models.markUnreachable();
      log(`Calcul des vecteurs interrompu : ${(err as Error).message}`);
    }
  }

  const sync: VectorSync = {
    kick() {
      if (complete || running) return;
      running = pass().finally(() => (running = null));
    },
    async run(onProgress) {
      if (running) await running;
      complete = false;
      running = pass(onProgress).finally(() => (running = null));
      await running;
    },
    invalidate() {
      complete = false;
    },
    isComplete: () => complete,
    space: () => space,
  };
  return sync;
}
