/**
 * A fake Ollama *server* speaking Ollama's real HTTP API (chat as NDJSON stream, embed, tags, show, version),
 * so tests exercise the production LangChain/ollama client code. Behaviour is scriptable per test.
 */
import http from "node:http";
import { listenFake, newFakeState, replyTokens, stall, streamTokens } from "./fake-model-server.ts";

export interface ChatRequestLog {
  model: string;
  messages: { role: string; content: string }[];
  options: Record<string, unknown>;
  stream: boolean;
}

export interface FakeOllamaOptions {
  models?: string[];
  dimension?: number;
  /** The answer streamed for every chat; a function gets the request. */
  reply?: string | ((req: ChatRequestLog) => string);
  /** Milliseconds between tokens. */
  tokenDelayMs?: number;
  /** Milliseconds before answering each chat request (a model's time to read the prompt and answer). */
  chatDelayMs?: number;
  /** Stream this many tokens then cut the connection. */
  failAfterTokens?: number;
  /** Answer every embed request with a 500. */
  failEmbed?: boolean;
  /** Never answer embed requests (the connection stays open, as with a hung Ollama). */
  stallEmbed?: boolean;
  /** Never answer chat requests ("headers": before any byte; "tokens": after the headers and this many tokens). */
  stallChat?: false | "headers" | { afterTokens: number };
}

export interface FakeOllama {
  url: string;
  chats: ChatRequestLog[];
  embedCalls: number;
  /** Chat streams whose client went away before the end. */
  abortedChats: number;
  /** Stalled requests whose client gave up (closed the connection). */
  abandonedStalls: number;
  set(options: Partial<FakeOllamaOptions>): void;
  close(): Promise<void>;
}

const now = () => new Date().toISOString();

/** Deterministic bag-of-words embedding: texts sharing words get close vectors. */
export function fakeEmbedding(text: string, dimension: number): number[] {
  const v = new Array<number>(dimension).fill(0);
  const words = text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 2);
  for (const w of words) {
    let h = 2166136261;
    for (const ch of w.slice(0, 6)) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
    v[Math.abs(h) % dimension]! += 1;
  }
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

/**
 * The fake model server of the run: Ollama, or with `TEST_LLM_PROVIDER=openai` the same scripted model behind
 * the OpenAI-compatible API (`fake-openai.ts`; `startTestServer` then configures that provider).
 */
export async function startFakeOllama(initial: FakeOllamaOptions = {}): Promise<FakeOllama> {
  if (process.env.TEST_LLM_PROVIDER === "openai") return (await import("./fake-openai.ts")).startFakeOpenAI(initial);
  return startFakeOllamaServer(initial);
}

/** A fake Ollama whatever TEST_LLM_PROVIDER says. */
export async function startFakeOllamaServer(initial: FakeOllamaOptions = {}): Promise<FakeOllama> {
  let opts: FakeOllamaOptions = {
    models: ["ministral-3:8b", "bge-m3:latest"],
    dimension: 64,
    reply: "Réponse de test [1].",
    tokenDelayMs: 0,
    ...initial,
  };
  const state = newFakeState();

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {};
    const json = (status: number, data: unknown) => {
      res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify(data));
    };
    const known = (name: string) => opts.models!.some((m) => m === name || m === `${name}:latest`);

    if (req.method === "GET" && req.url === "/api/version") return json(200, { version: "0.13.0" });
    if (req.method === "GET" && req.url === "/api/tags") {
      return json(200, {
        models: opts.models!.map((name) => ({
          name,
          model: name,
          modified_at: now(),
          size: 1000,
          digest: "0".repeat(64),
          details: { format: "gguf", family: "mistral", parameter_size: "8B", quantization_level: "Q4_K_M" },
        })),
      });
    }
    if (req.method === "POST" && req.url === "/api/show") {
      if (!known(body.model)) return json(404, { error: `model '${body.model}' not found` });
      return json(200, { details: { family: "mistral" }, model_info: {}, capabilities: ["completion"] });
    }
    if (req.method === "POST" && req.url === "/api/embed") {
      state.embedCalls++;
      if (opts.stallEmbed) return stall(res, state);
      if (opts.failEmbed) return json(500, { error: "embedding failed" });
      if (!known(body.model)) return json(404, { error: `model "${body.model}" not found, try pulling it first` });
      const input: string[] = Array.isArray(body.input) ? body.input : [body.input];
      return json(200, {
        model: body.model,
        embeddings: input.map((t) => fakeEmbedding(t, opts.dimension!)),
        total_duration: 1000,
        load_duration: 10,
        prompt_eval_count: input.length,
      });
    }
    if (req.method === "POST" && req.url === "/api/chat") {
      const log: ChatRequestLog = {
        model: body.model,
        messages: body.messages,
        options: body.options ?? {},
        stream: body.stream,
      };
      state.chats.push(log);
      if (!known(body.model)) return json(404, { error: `model "${body.model}" not found, try pulling it first` });
      if (opts.stallChat === "headers") return stall(res, state);
      if (opts.chatDelayMs) await new Promise((r) => setTimeout(r, opts.chatDelayMs));
      const { tokens } = replyTokens(opts, log);
      res.writeHead(200, { "content-type": "application/x-ndjson" });
      const complete = await streamTokens(res, state, opts, tokens, (token) =>
        res.write(
          `${JSON.stringify({ model: body.model, created_at: now(), message: { role: "assistant", content: token }, done: false })}\n`,
        ),
      );
      if (!complete) return;
      const promptChars = (body.messages as { content: string }[]).reduce((n, m) => n + m.content.length, 0);
      res.end(
        `${JSON.stringify({ model: body.model, created_at: now(), message: { role: "assistant", content: "" }, done: true, done_reason: "stop", total_duration: 5000, load_duration: 100, prompt_eval_count: Math.ceil(promptChars / 4), prompt_eval_duration: 1000, eval_count: tokens.length, eval_duration: 2000 })}\n`,
      );
      return;
    }
    json(404, { error: "not found" });
  });
  return listenFake<FakeOllamaOptions>(server, state, (options) => {
    opts = { ...opts, ...options };
  });
}
