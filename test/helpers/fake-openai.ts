/**
 * A fake OpenAI-compatible *server* (as vLLM, the Albert API or LocalAI expose) speaking the real HTTP API:
 * `GET /v1/models`, `POST /v1/chat/completions` (Server-Sent Events `data:` chunks ending with `data: [DONE]`, or
 * one JSON body), `POST /v1/embeddings` (floats or base64), errors in OpenAI's shape (401 without the right key,
 * 429 with Retry-After, 500), and a stream cut mid-way. Tests thus exercise the production @langchain/openai
 * client code. It takes the same options as the fake Ollama, so the whole suite can run against either.
 */
import http from "node:http";
import { listenFake, newFakeState, replyTokens, stall, streamTokens } from "./fake-model-server.ts";
import { type ChatRequestLog, type FakeOllama, type FakeOllamaOptions, fakeEmbedding } from "./fake-ollama.ts";

export interface FakeOpenAIOptions extends FakeOllamaOptions {
  /** When set, every request must carry `Authorization: Bearer <apiKey>`, else 401. */
  apiKey?: string;
  /** Answer every chat request with this error status (429 carries `Retry-After: retryAfterSeconds`). */
  failChat?: { status: 429 | 500 | 400; retryAfterSeconds?: number };
  /** Context length reported in `/v1/models` as `max_model_len` (vLLM does). */
  maxModelLen?: number;
}

export interface FakeOpenAI extends FakeOllama {
  /** Requests seen, with their Authorization header (to check what the client sends). */
  requests: { method: string; url: string; authorization: string | undefined }[];
  set(options: Partial<FakeOpenAIOptions>): void;
}

/** OpenAI names models exactly; the shared options use Ollama's tags, where "bge-m3:latest" is "bge-m3". */
const untag = (name: string) => name.replace(/:latest$/, "");

export async function startFakeOpenAI(initial: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  let opts: FakeOpenAIOptions = {
    models: ["ministral-3:8b", "bge-m3"],
    dimension: 64,
    reply: "Réponse de test [1].",
    tokenDelayMs: 0,
    ...initial,
  };
  const state = { ...newFakeState(), requests: [] as FakeOpenAI["requests"] };
  let counter = 0;

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    let body: any = {};
    try {
      body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {};
    } catch {
      return error(400, "invalid_request_error", "We could not parse the JSON body of your request.");
    }
    const url = (req.url ?? "/").split("?")[0]!;
    state.requests.push({ method: req.method ?? "", url, authorization: req.headers.authorization });
    function json(status: number, data: unknown, headers: Record<string, string> = {}) {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(data));
    }
    function error(
      status: number,
      type: string,
      message: string,
      code: string | null = null,
      headers: Record<string, string> = {},
    ) {
      json(status, { error: { message, type, param: null, code } }, headers);
    }
    const served = opts.models!.map(untag);
    const known = (name: unknown) => typeof name === "string" && served.includes(name);

    if (opts.apiKey !== undefined && req.headers.authorization !== `Bearer ${opts.apiKey}`) {
      return error(401, "invalid_request_error", "Incorrect API key provided.", "invalid_api_key");
    }
    if (req.method === "GET" && url === "/v1/models") {
      return json(200, {
        object: "list",
        data: served.map((id) => ({
          id,
          object: "model",
          created: 1_700_000_000,
          owned_by: "vllm",
          ...(opts.maxModelLen ? { max_model_len: opts.maxModelLen } : {}),
        })),
      });
    }
    if (req.method === "POST" && url === "/v1/embeddings") {
      state.embedCalls++;
      if (opts.stallEmbed) return stall(res, state);
      if (opts.failEmbed) return error(500, "server_error", "The server had an error while processing your request.");
      if (!known(body.model))
        return error(404, "invalid_request_error", `The model \`${body.model}\` does not exist.`, "model_not_found");
      const input: string[] = Array.isArray(body.input) ? body.input : [body.input];
      const base64 = body.encoding_format === "base64";
      return json(200, {
        object: "list",
        model: body.model,
        data: input.map((text, index) => {
          const vector = fakeEmbedding(text, opts.dimension!);
          return {
            object: "embedding",
            index,
            embedding: base64 ? Buffer.from(new Float32Array(vector).buffer).toString("base64") : vector,
          };
        }),
        usage: { prompt_tokens: input.length, total_tokens: input.length },
      });
    }
    if (req.method === "POST" && url === "/v1/chat/completions") {
      const { model, messages, stream, ...options } = body;
      const log: ChatRequestLog = { model, messages, options, stream: stream === true };
      state.chats.push(log);
      if (!known(model))
        return error(404, "invalid_request_error", `The model \`${model}\` does not exist.`, "model_not_found");
      if (opts.failChat?.status === 429) {
        const retry = opts.failChat.retryAfterSeconds;
        return error(
          429,
          "rate_limit_error",
          "Rate limit reached for requests.",
          "rate_limit_exceeded",
          retry !== undefined ? { "retry-after": String(retry) } : {},
        );
      }
      if (opts.stallChat === "headers") return stall(res, state);
      if (opts.failChat)
        return error(
          opts.failChat.status,
          opts.failChat.status === 500 ? "server_error" : "invalid_request_error",
          "The server had an error while processing your request.",
        );
      const { reply, tokens } = replyTokens(opts, log);
      const promptTokens = Math.ceil(
        (messages as { content: string }[]).reduce((n, m) => n + String(m.content).length, 0) / 4,
      );
      const usage = {
        prompt_tokens: promptTokens,
        completion_tokens: tokens.length,
        total_tokens: promptTokens + tokens.length,
      };
      const id = `chatcmpl-fake${++counter}`;
      const created = Math.floor(Date.now() / 1000);
      if (!stream) {
        return json(200, {
          id,
          object: "chat.completion",
          created,
          model,
          choices: [
            { index: 0, message: { role: "assistant", content: reply }, finish_reason: "stop", logprobs: null },
          ],
          usage,
        });
      }
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      const chunk = (delta: object, finish: string | null) =>
        `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }] })}\n\n`;
      res.write(chunk({ role: "assistant", content: "" }, null));
      if (!(await streamTokens(res, state, opts, tokens, (token) => res.write(chunk({ content: token }, null)))))
        return;
      res.write(chunk({}, "stop"));
      if (body.stream_options?.include_usage) {
        res.write(
          `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: [], usage })}\n\n`,
        );
      }
      res.end("data: [DONE]\n\n");
      return;
    }
    error(404, "invalid_request_error", `Unknown request URL: ${req.method} ${url}.`, "unknown_url");
  });
  const handle = await listenFake<FakeOpenAIOptions>(
    server,
    state,
    (options) => {
      opts = { ...opts, ...options };
    },
    "/v1",
  );
  return Object.defineProperty(handle, "requests", { get: () => state.requests, enumerable: true }) as FakeOpenAI;
}
