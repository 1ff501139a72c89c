/**
 * An OpenAI-compatible inference server (vLLM, the Albert API, LocalAI, a llama.cpp server…) behind the
 * ModelProvider port, with the same guarantees as Ollama: availability from `GET /models` (which also says whether
 * the configured context length fits the served model, when the server reports it, as vLLM does with
 * `max_model_len`), chat streamed through LangChain's ChatOpenAI (one instance per request, aborted by the
 * request's signal), embeddings through OpenAIEmbeddings. The API key goes only in the Authorization header of
 * calls to that server: it is never logged nor put in a message.
 */

import { AppError } from "../core/errors.ts";
import { message } from "../i18n/messages.ts";
import { providerBase, streamChat } from "./langchain.ts";
import { modelTimeout } from "./ollama.ts";
import type { ChatModel, Embedder, ModelProvider, ModelStatus } from "./types.ts";

export interface OpenAIProviderOptions {
  /** Up to and including `/v1`, without a trailing slash. */
  baseUrl: string;
  apiKey: string | null;
  llmModel: string;
  embeddingModel: string;
  /** The context length configured for the chat model (LLM_CONTEXT_TOKENS). */
  contextTokens: number;
  temperature: number;
  statusTtlMs: number;
  /** How long an availability check may take before the server counts as absent. */
  checkTimeoutMs?: number;
  /** Upper bound of one embedding call (per 8 texts); chat streams are bounded by `idleTimeoutMs` instead. */
  timeoutMs?: number;
  /** How long a chat stream may stay silent (waiting for the first token, then between tokens). */
  idleTimeoutMs?: number;
}

/** The OpenAI client refuses to start without a key; servers run without one (vLLM's default) ignore it. */
const NO_KEY = "no-key";

interface ServedModel {
  id: string;
  max_model_len?: unknown;
}

export function createOpenAIProvider(options: OpenAIProviderOptions): ModelProvider {
  const apiKey = options.apiKey ?? NO_KEY;
  const configuration = { baseURL: options.baseUrl };
  const absent = (notice: string): ModelStatus => ({
    reachable: false,
    llmAvailable: false,
    embeddingsAvailable: false,
    notice,
  });

  async function check(): Promise<ModelStatus> {
    let response: Response;
    try {
      response = await fetch(`${options.baseUrl}/models`, {
        headers: { authorization: `Bearer ${apiKey}`, accept: "application/json" },
        signal: AbortSignal.timeout(options.checkTimeoutMs ?? 3000),
      });
    } catch {
      return absent(message("openai.unreachable", { baseUrl: options.baseUrl }));
    }
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      return {
        ...absent(message("openai.unauthorized", { baseUrl: options.baseUrl, status: response.status })),
        reachable: true,
      };
    }
    if (!response.ok) {
      await response.body?.cancel();
      // It answers, but not with the model list: most often the address is wrong (« /v1 » twice, or missing).
      return {
        ...absent(
          message("openai.wrongAddress", {
            baseUrl: options.baseUrl,
            url: `${options.baseUrl}/models`,
            status: response.status,
          }),
        ),
        reachable: true,
      };
    }
    let models: ServedModel[];
    try {
      const body = (await response.json()) as { data?: unknown };
      models = Array.isArray(body.data) ? body.data.filter((m): m is ServedModel => typeof m?.id === "string") : [];
    } catch {
      return absent(message("openai.unreachable", { baseUrl: options.baseUrl }));
    }
    const chatModel = models.find((m) => m.id === options.llmModel);
    const embeddingsAvailable = models.some((m) => m.id === options.embeddingModel);
    const served = typeof chatModel?.max_model_len === "number" ? chatModel.max_model_len : null;
    if (chatModel && served !== null && served < options.contextTokens) {
      return {
        reachable: true,
        llmAvailable: false,
        embeddingsAvailable,
        notice: message("openai.contextTooLarge", {
          configured: options.contextTokens,
          model: options.llmModel,
          served,
        }),
      };
    }
    const missing = [!chatModel && options.llmModel, !embeddingsAvailable && options.embeddingModel].filter(
      Boolean,
    ) as string[];
    return {
      reachable: true,
      llmAvailable: Boolean(chatModel),
      embeddingsAvailable,
      notice: missing.length
        ? message("openai.modelsMissing", {
            baseUrl: options.baseUrl,
            missing: missing.join(", "),
            available: models.map((m) => m.id).join(", ") || "aucun",
          })
        : null,
    };
  }

  const { base, cache } = providerBase(options, check, (seconds) => message("openai.embedTimeout", { seconds }));

  return {
    ...base,

    failureNotice: describeFailure,

    chat(): ChatModel {
      return {
        model: options.llmModel,
        async *stream(turns, { signal, maxTokens }) {
          // LangChain is loaded on the first model call, not at every start.
          const { ChatOpenAI } = await import("@langchain/openai");
          // The context length is the server's (LLM_CONTEXT_TOKENS): the caller budgets the prompt to fit it, and
          // only the answer's length is sent.
          const model = new ChatOpenAI({
            model: options.llmModel,
            apiKey,
            configuration,
            temperature: options.temperature,
            maxTokens,
            maxRetries: 0,
            streaming: true,
            streamUsage: true,
          });
          // Silence (queueing on the server, then between chunks) is bounded: the stream is cancelled, the caller
          // falls back.
          yield* streamChat(model, turns, {
            signal,
            idleMs: options.idleTimeoutMs ?? 120_000,
            timeoutError: modelTimeout,
          });
        },
      };
    },

    embedder(): Embedder {
      // One call per batch, no retry: a stalled server costs at most the bound (per 8 texts), then search is
      // full-text. LangChain is loaded on the first call, not at every start.
      const embeddings = import("@langchain/openai").then(({ OpenAIEmbeddings }) => OpenAIEmbeddings);
      return {
        model: options.embeddingModel,
        embed: async (texts) => {
          const bound = (options.timeoutMs ?? 30_000) * Math.max(1, Math.ceil(texts.length / 8));
          const OpenAIEmbeddings = await embeddings;
          const client = new OpenAIEmbeddings({
            model: options.embeddingModel,
            apiKey,
            configuration,
            maxRetries: 0,
            timeout: bound,
            // Plain floats: every compatible server speaks them (base64 is the official client's default).
            encodingFormat: "float",
            batchSize: 64,
          });
          try {
            return await client.embedDocuments(texts);
          } catch (err) {
            if ((err as Error)?.name === "TimeoutError") {
              cache.embedTimedOut();
              throw modelTimeout(bound);
            }
            throw err;
          }
        },
      };
    },
  };
}

/** A French notice for a failed chat call, from the HTTP status the server answered (none: it went away). */
function describeFailure(error: unknown): string {
  // Cap Libre's own errors (e.g. the model queue) are not answers of the server.
  if (error instanceof AppError) return message("openai.failedMidStream");
  const e = error as {
    status?: unknown;
    headers?: { get?(name: string): string | null } | Record<string, string>;
    name?: string;
  } | null;
  const status = typeof e?.status === "number" ? e.status : null;
  if (status === 429) {
    const header =
      typeof e?.headers?.get === "function"
        ? e.headers.get("retry-after")
        : (e?.headers as Record<string, string> | undefined)?.["retry-after"];
    const seconds = header && /^\d+$/.test(header.trim()) ? Number(header) : null;
    return message("openai.rateLimited", { retry: seconds !== null ? message("openai.retryAfter", { seconds }) : "" });
  }
  if (status !== null && status >= 400) return message("openai.rejected", { status });
  return message("openai.failedMidStream");
}
