/**
 * Wires the parts together from a Config: store, model provider, vector sync, retriever. The server and the
 * CLI both start from here, so they run the same code.
 */
import path from "node:path";
import { mkdir } from "node:fs/promises";
import { indexCorpus, type IndexReport } from "../ingest/indexer.ts";
import type { Config } from "./config.ts";
import { createOllamaProvider } from "./llm/ollama.ts";
import type { ModelProvider } from "./llm/types.ts";
import { createRetriever, type Retriever } from "./retrieval/search.ts";
import { createVectorSync, type VectorSync } from "./retrieval/vector-sync.ts";
import { openLanceStore } from "./store/lancedb.ts";
import type { ChunkStore } from "./store/types.ts";
import { openRecordDatabase } from "./store/open-records.ts";
import type { RecordStore } from "./store/records.ts";

export interface Engine {
  config: Config;
  store: ChunkStore;
  models: ModelProvider;
  vectors: VectorSync;
  retriever: Retriever;
  /** A collection of saved records (analyses, classifications, drafts, plans) in the database (SQLite or PostgreSQL). */
  records<T>(collection: string): RecordStore<T>;
  /** Re-indexes what changed in the corpus; `rebuild` starts from an empty index. */
  index(options?: { rebuild?: boolean; onProgress?: (done: number, total: number) => void }): Promise<IndexReport>;
  close(): Promise<void>;
}

export async function createEngine(config: Config, log: (line: string) => void = () => {}): Promise<Engine> {
  await mkdir(config.dataDir, { recursive: true });
  const store = await openLanceStore(path.join(config.dataDir, "lancedb"));
  const models = createOllamaProvider({
    baseUrl: config.ollamaBaseUrl,
    llmModel: config.llmModel,
    embeddingModel: config.embeddingModel,
    temperature: config.temperature,
    statusTtlMs: config.statusTtlMs,
  });
  const db = await openRecordDatabase(config, log).catch(async (err) => {
    await store.close();
    throw err;
  });
  const vectors = createVectorSync(store, models, log);
  const retriever = createRetriever(store, models, vectors);
  return {
    config,
    store,
    models,
    vectors,
    retriever,
    records: <T>(collection: string) => db.store<T>(collection),
    async index(options = {}) {
      if (options.rebuild) await store.clear();
      const report = await indexCorpus({ corpusDir: config.corpusDir, store, onProgress: options.onProgress });
      if (report.changed || report.removed || options.rebuild) vectors.invalidate();
      return report;
    },
    async close() {
      await store.close();
      await db.close();
    },
  };
}
