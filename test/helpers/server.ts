/**
 * Starts the real server on an ephemeral port with a temporary DATA_DIR (a real LanceDB), and reads SSE streams.
 */
import { mkdtemp, rm, cp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig } from "../../server/config.ts";
import { startServer, type RunningServer } from "../../server/server.ts";

export const FIXTURE_CORPUS = path.resolve("test/fixtures/corpus");

export interface TestServer extends RunningServer {
  dataDir: string;
  stop(): Promise<void>;
}

/** An address where nothing listens: Ollama "absent". */
export const NO_OLLAMA = "http://127.0.0.1:9";

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = env.DATA_DIR ?? (await mkdtemp(path.join(tmpdir(), "cap-libre-test-")));
  const config = loadConfig({
    CORPUS_DIR: FIXTURE_CORPUS,
    OLLAMA_BASE_URL: NO_OLLAMA,
    OLLAMA_STATUS_TTL_MS: "0",
    PORT: "0",
    ...env,
    DATA_DIR: dataDir,
  });
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
