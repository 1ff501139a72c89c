/**
 * Wires the parts together from a Config: store, model provider, vector sync, retriever. The server and the
 * CLI both start from here, so they run the same code.
 */

import { mkdir, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { forgetCorpusCaches } from "./answers/answer.ts";
import type { Config } from "./config.ts";
import { AppError, ioErrorOf } from "./core/errors.ts";
import { type IndexReport, indexCorpus } from "./corpus/indexer.ts";
import { message, pluralMessage } from "./i18n/messages.ts";
import { createOllamaProvider } from "./llm/ollama.ts";
import { createOpenAIProvider } from "./llm/openai.ts";
import { createModelQueue, type ModelQueue, queuedProvider } from "./llm/queue.ts";
import type { ModelProvider } from "./llm/types.ts";
import { createRetriever, type WarmRetriever } from "./retrieval/search.ts";
import { createVectorSync, type VectorSync } from "./retrieval/vector-sync.ts";
import { openLanceStore } from "./store/lancedb.ts";
import { acquireDataLock } from "./store/lock.ts";
import { openRecordDatabase } from "./store/open-records.ts";
import { isRunning, type RecordStore } from "./store/records.ts";
import { backendOf, type RecordDatabase } from "./store/sql-records.ts";
import type { ChunkStore } from "./store/types.ts";
import { scopedRecords } from "./store/workspace-scope.ts";

export interface Engine {
  config: Config;
  store: ChunkStore;
  models: ModelProvider;
  /** The admission queue of the chat model (every generation goes through it). */
  modelQueue: ModelQueue;
  vectors: VectorSync;
  retriever: WarmRetriever;
  /** A collection of saved records (analyses, classifications, drafts, plans) in the database (SQLite or PostgreSQL). */
  records<T>(collection: string): RecordStore<T>;
  /** The database behind `records` (the audit log and the team routes use its tables). */
  database: RecordDatabase;
  /** Re-indexes what changed in the corpus; `rebuild` starts from an empty index. */
  index(options?: { rebuild?: boolean; onProgress?: (done: number, total: number) => void }): Promise<IndexReport>;
  close(): Promise<void>;
}

/** The model server the configuration names: Ollama (default) or an OpenAI-compatible server. */
export function createModelProvider(config: Config): ModelProvider {
  const common = {
    llmModel: config.llmModel,
    embeddingModel: config.embeddingModel,
    temperature: config.temperature,
    statusTtlMs: config.statusTtlMs,
    timeoutMs: config.timeoutMs,
    idleTimeoutMs: config.idleTimeoutMs,
  };
  if (config.llmProvider === "openai") {
    return createOpenAIProvider({
      ...common,
      baseUrl: config.openaiBaseUrl!,
      apiKey: config.openaiApiKey,
      contextTokens: config.numCtx,
    });
  }
  return createOllamaProvider({ ...common, baseUrl: config.ollamaBaseUrl });
}

/**
 * Removes the `*.tmp` files an atomic write leaves when its process is killed between writing and renaming.
 * Called with the data-folder lock held, so no other process is writing them. LanceDB's folder is left to LanceDB
 * (its unreferenced files are removed by the store's cleanup), except our own index record.
 */
export async function cleanOrphanTempFiles(dataDir: string): Promise<number> {
  let count = 0;
  const entries = await readdir(dataDir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith(".tmp")) continue;
    // A file named after a process still running (`<name>.<pid>.<random>.tmp`) is another program's write in progress.
    const pid = /\.(\d+)\.[0-9a-f]+\.tmp$/.exec(entry.name);
    if (pid && Number(pid[1]) !== process.pid && isRunning(Number(pid[1]))) continue;
    const dir = entry.parentPath;
    const relative = path.relative(dataDir, dir).split(path.sep);
    if (relative[0] === "lancedb" && (relative.length > 1 || !/^(index|corpus)-state/.test(entry.name))) continue;
    await rm(path.join(dir, entry.name), { force: true });
    count++;
  }
  return count;
}

export async function createEngine(config: Config, log: (line: string) => void = () => {}): Promise<Engine> {
  const lanceDir = path.join(config.dataDir, "lancedb");
  await storeStep(config.dataDir, () => mkdir(config.dataDir, { recursive: true }));
  const lock = await acquireDataLock(config.dataDir);
  let store: Awaited<ReturnType<typeof openLanceStore>>;
  try {
    const cleaned = lock.first ? await cleanOrphanTempFiles(config.dataDir) : 0;
    if (cleaned) log(pluralMessage("tmp.cleaned", cleaned, { count: cleaned }));
    store = await storeStep(lanceDir, () => openLanceStore(lanceDir));
    if (store.repaired) log(message("index.repaired"));
  } catch (err) {
    await lock.release();
    throw err;
  }
  const modelQueue = createModelQueue({ concurrency: config.llmMaxConcurrent, maxWaiting: config.llmMaxQueue });
  const upstream = createModelProvider(config);
  const models = queuedProvider(upstream, modelQueue);
  const db = await openRecordDatabase(config, log).catch(async (err) => {
    await store.close();
    await lock.release();
    throw err;
  });
  // PostgreSQL: while this engine runs, a restore is refused (server/cli/team.ts); SQLite has the data-folder lock.
  const inUse = await backendOf(db)
    .useLock?.("shared")
    .catch(() => null);
  const vectors = createVectorSync(store, models, log);
  const retriever = createRetriever(store, models, vectors);
  return {
    config,
    store,
    models,
    modelQueue,
    vectors,
    retriever,
    // Each collection follows the workspace of the request (server/store/workspace-scope.ts).
    records: <T>(collection: string) => scopedRecords((name) => db.store<T>(name), collection),
    database: db,
    async index(options = {}) {
      if (options.rebuild) await store.clear();
      const report = await storeStep(lanceDir, () =>
        indexCorpus({
          corpusDir: config.corpusDir,
          store,
          onProgress: options.onProgress,
          statePath: path.join(lanceDir, "corpus-state.json"),
        }),
      );
      if (report.changed || report.removed || options.rebuild) {
        vectors.invalidate();
        forgetCorpusCaches(store);
      }
      return report;
    },
    async close() {
      try {
        await store.close();
        await inUse?.();
        await db.close();
      } finally {
        await lock.release();
      }
    },
  };
}

/**
 * Opening and writing the index: a storage failure (disk full, read-only folder) or any LanceDB error becomes a
 * French message naming the folder, never LanceDB's English text with Rust source paths.
 */
async function storeStep<T>(folder: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    const io = ioErrorOf(err, folder);
    if (io) throw io;
    if (err instanceof Error && /lance ?error|lance-|\.rs:\d+/i.test(err.message)) {
      console.error(message("io.storeDetail", { detail: err.message.split("\n")[0]!.slice(0, 300) }));
      throw new AppError("store_unavailable", message("io.storeOpen", { folder }), 503);
    }
    throw err;
  }
}
