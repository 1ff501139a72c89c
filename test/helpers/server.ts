/**
 * Starts the real server on an ephemeral port with a temporary DATA_DIR (a real LanceDB), and reads SSE streams.
 */
import { rmSync } from "node:fs";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, inject } from "vitest";
import { type AnswerEvent, answer } from "../../server/answers/answer.ts";
import { loadConfig } from "../../server/config.ts";
import { createEngine, type Engine } from "../../server/engine.ts";
import { type RunningServer, startServer } from "../../server/server.ts";
import { conversationOf } from "./conversation.ts";
import { type FakeOllama, type FakeOllamaOptions, startFakeOllamaServer } from "./fake-ollama.ts";
import { startFakeOpenAI } from "./fake-openai.ts";

export const FIXTURE_CORPUS = path.resolve("test/fixtures/corpus");

export interface TestServer extends RunningServer {
  dataDir: string;
  stop(): Promise<void>;
}

/** An address where nothing listens: Ollama "absent". */
export const NO_OLLAMA = "http://127.0.0.1:9";

/**
 * The model server the tests talk to: `TEST_LLM_PROVIDER=openai npm test` runs the whole suite against the fake
 * OpenAI-compatible server instead of the fake Ollama (`startFakeOllama` then starts that one).
 */
export const TEST_LLM_PROVIDER: "ollama" | "openai" = process.env.TEST_LLM_PROVIDER === "openai" ? "openai" : "ollama";

/**
 * The environment for `provider`, from one written for Ollama: a fake model server's address in
 * `OLLAMA_BASE_URL` and `LLM_NUM_CTX` become `OPENAI_BASE_URL` and `LLM_CONTEXT_TOKENS`, with the default model
 * names. Without a model server (NO_OLLAMA), the configuration stays the product's default.
 */
export function withTestProvider<T extends Record<string, string | undefined>>(
  env: T,
  provider = TEST_LLM_PROVIDER,
): T {
  if (provider === "ollama" || env.LLM_PROVIDER || !env.OLLAMA_BASE_URL || env.OLLAMA_BASE_URL === NO_OLLAMA)
    return env;
  const { OLLAMA_BASE_URL, LLM_NUM_CTX, ...rest } = env;
  const base = OLLAMA_BASE_URL;
  return {
    LLM_MODEL: "ministral-3:8b",
    EMBEDDING_MODEL: "bge-m3",
    ...rest,
    LLM_PROVIDER: "openai",
    OPENAI_BASE_URL: base.endsWith("/v1") ? base : `${base}/v1`,
    LLM_CONTEXT_TOKENS: LLM_NUM_CTX ?? "8192",
  } as unknown as T;
}

/** A fake model server for `provider`, whatever TEST_LLM_PROVIDER says (tests that run against both). */
export const startFakeModelServer = (
  provider: "ollama" | "openai",
  options: FakeOllamaOptions = {},
): Promise<FakeOllama> => (provider === "openai" ? startFakeOpenAI(options) : startFakeOllamaServer(options));

export async function startTestServer(
  env: Record<string, string> = {},
  provider = TEST_LLM_PROVIDER,
): Promise<TestServer> {
  const dataDir = env.DATA_DIR ?? (await mkdtemp(path.join(tmpdir(), "cap-libre-test-")));
  const config = loadConfig(
    withTestProvider(
      {
        CORPUS_DIR: FIXTURE_CORPUS,
        OLLAMA_BASE_URL: NO_OLLAMA,
        OLLAMA_STATUS_TTL_MS: "0",
        PORT: "0",
        ...env,
        DATA_DIR: dataDir,
      },
      provider,
    ),
  );
  const running = await startServer(config);
  return {
    ...running,
    dataDir,
    async stop() {
      await running.close();
      if (!env.DATA_DIR) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A writable copy of a corpus directory, for tests that edit it. */
export async function copyCorpus(from = FIXTURE_CORPUS): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "cap-libre-corpus-"));
  await cp(from, dir, { recursive: true });
  return dir;
}

export interface SseEvent {
  event: string;
  data: any;
}

export async function readSse(response: Response): Promise<SseEvent[]> {
  const text = await response.text();
  return parseSse(text);
}

export function parseSse(text: string): SseEvent[] {
  return text
    .split(/\n\n/)
    .filter((b) => b.trim())
    .map((block) => {
      let event = "message";
      const data: string[] = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) event = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
      }
      return { event, data: JSON.parse(data.join("\n")) };
    });
}

export const postJson = (url: string, body: unknown, init: RequestInit = {}) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), ...init });

/** One question asked over HTTP (`POST /api/chat`, a 200 expected): its streamed text, its sources and `done`. */
export async function askHttp(url: string, question: string) {
  const response = await postJson(`${url}/api/chat`, { messages: [{ role: "user", content: question }] });
  expect(response.status).toBe(200);
  const events = parseSse(await response.text());
  const text = events.flatMap((e) => (e.event === "token" ? [e.data.text as string] : [])).join("");
  const sources = events.flatMap((e) => (e.event === "sources" ? e.data.sources : []));
  const done = events.find((e) => e.event === "done")!.data;
  return { text, sources, done };
}

export const REAL_CORPUS = path.resolve("corpus");

/**
 * The index of the real corpus, built once per test process (Vitest runs file after file in one worker process):
 * its `lancedb` folder, which `realCorpusDataDir` copies into each data folder. Indexing the corpus costs about a
 * second of CPU; a copy, whose index then finds the corpus unchanged, a tenth of that.
 */
let realIndex: Promise<string> | undefined;

/**
 * A new folder for what this process keeps from file to file: in the run's folder (test/global-setup.ts), removed at
 * the end of the run; outside Vitest (a benchmark run by node), in the temporary directory until the process exits.
 */
async function processScratch(prefix: string): Promise<string> {
  let runDir: string | undefined;
  try {
    runDir = inject("runDir");
  } catch {
    // Not in a Vitest worker.
  }
  const dir = await mkdtemp(path.join(runDir ?? tmpdir(), prefix));
  if (!runDir) process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function realCorpusIndex(): Promise<string> {
  realIndex ??= (async () => {
    const dir = await processScratch("real-index-");
    const engine = await createEngine(
      loadConfig({ CORPUS_DIR: REAL_CORPUS, DATA_DIR: dir, OLLAMA_BASE_URL: NO_OLLAMA, OLLAMA_STATUS_TTL_MS: "0" }),
    );
    try {
      await engine.index();
    } finally {
      await engine.close();
    }
    return path.join(dir, "lancedb");
  })();
  // A failed build is tried again by the next caller rather than failing every later file of the process.
  realIndex.catch(() => (realIndex = undefined));
  return realIndex;
}

/**
 * A new data folder (`prefix` in the temporary directory) holding a copy of the real corpus's index: an engine on
 * the real corpus started there finds its index up to date (`engine.index()` reports nothing changed) and writes
 * only to its own copy (vectors of its model, records).
 */
export async function realCorpusDataDir(prefix: string): Promise<string> {
  const [index, dataDir] = await Promise.all([realCorpusIndex(), mkdtemp(path.join(tmpdir(), prefix))]);
  await cp(index, path.join(dataDir, "lancedb"), { recursive: true });
  return dataDir;
}

/**
 * An engine on the project's real corpus, indexed, in a data folder of its own, without a model (`wrap` may add the
 * test's model provider); `close()` stops it and removes the folder.
 */
export async function realCorpusEngine(
  prefix: string,
  wrap: (env: Record<string, string>) => Record<string, string | undefined> = (env) => env,
): Promise<{ engine: Engine; close(): Promise<void> }> {
  const dataDir = await realCorpusDataDir(prefix);
  const engine = await createEngine(
    loadConfig(
      wrap({
        CORPUS_DIR: REAL_CORPUS,
        DATA_DIR: dataDir,
        OLLAMA_BASE_URL: NO_OLLAMA,
        OLLAMA_STATUS_TTL_MS: "0",
      }),
    ),
  );
  await engine.index();
  return {
    engine,
    async close() {
      await engine.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The answer to a conversation of questions (earlier turns answered « … »), as its events gathered: its text, the
 * passages it quotes, their documents and the final event.
 */
export async function askConversation(engine: Engine, ...questions: string[]) {
  const events: AnswerEvent[] = [];
  for await (const e of answer(
    conversationOf(...questions),
    engine,
    { numCtx: 4096, maxAnswerTokens: 512 },
    new AbortController().signal,
  ))
    events.push(e);
  const sources = events.flatMap((e) => (e.type === "sources" ? e.sources : []));
  const text = events.flatMap((e) => (e.type === "token" ? [e.text] : [])).join("");
  const done = events.find((e) => e.type === "done") as Extract<AnswerEvent, { type: "done" }>;
  return { sources, docs: sources.map((s) => s.document.id), text, done };
}

/**
 * The answer to one question: its text, the passage ids of its last « sources » event (a generated answer sends them
 * again once written) and its final event.
 */
export async function askOne(engine: Engine, question: string) {
  let text = "";
  let sources: string[] = [];
  let done: Extract<AnswerEvent, { type: "done" }> | null = null;
  for await (const e of answer(
    [{ role: "user", content: question }],
    engine,
    { numCtx: 8192, maxAnswerTokens: 512 },
    new AbortController().signal,
  )) {
    if (e.type === "token") text += e.text;
    else if (e.type === "sources") sources = e.sources.map((s) => s.id);
    else if (e.type === "done") done = e;
  }
  return { text, sources, done: done! };
}
