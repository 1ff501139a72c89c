/**
 * Ollama behind the ModelProvider port: availability from `/api/tags`, chat through LangChain's ChatOllama
 * (one instance per request: aborting one instance aborts all its streams), embeddings through OllamaEmbeddings.
 */
import { Ollama } from "ollama";
import { message } from "../i18n/messages.ts";
import { ModelTimeoutError, providerBase, streamChat } from "./langchain.ts";
import type { ChatModel, Embedder, ModelProvider, ModelStatus } from "./types.ts";

export interface OllamaOptions {
  baseUrl: string;
  llmModel: string;
  embeddingModel: string;
  temperature: number;
  statusTtlMs: number;
  /** How long an availability check may take before Ollama counts as absent. */
  checkTimeoutMs?: number;
  /** Upper bound of one embedding call (per 8 texts); chat streams are bounded by `idleTimeoutMs` instead. */
  timeoutMs?: number;
  /** A chat stream silent for this long is cancelled. */
  idleTimeoutMs?: number;
}

export { ModelTimeoutError };

/** The timeout error of a model call, with its French message. */
export const modelTimeout = (ms: number) =>
  new ModelTimeoutError(ms, message("ollama.callTimeout", { seconds: Math.round(ms / 100) / 10 }));

/** `fetch` whose every request is cancelled after `ms` (the caller's own signal still applies). */
function fetchWithin(ms: () => number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(ms());
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(input, { ...init, signal }).catch((err: unknown) => {
      throw timeout.aborted ? modelTimeout(ms()) : err;
    });
  };
}

/** Ollama names "mistral" and "mistral:latest" alike: compare with the tag made explicit. */
const withTag = (name: string) => (name.includes(":") ? name : `${name}:latest`);

export function createOllamaProvider(options: OllamaOptions): ModelProvider {
  async function check(): Promise<ModelStatus> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.checkTimeoutMs ?? 1500);
    try {
      const client = new Ollama({
        host: options.baseUrl,
        fetch: (input, init) => fetch(input, { ...init, signal: controller.signal }),
      });
      const { models } = await client.list();
      const names = new Set(models.flatMap((m) => [withTag(m.name), withTag(m.model)]));
      const llmAvailable = names.has(withTag(options.llmModel));
      const embeddingsAvailable = names.has(withTag(options.embeddingModel));
      const missing = [!llmAvailable && options.llmModel, !embeddingsAvailable && options.embeddingModel].filter(
        Boolean,
      ) as string[];
      return {
        reachable: true,
        llmAvailable,
        embeddingsAvailable,
        notice: missing.length
          ? message("ollama.modelsMissing", { commands: missing.map((m) => `ollama pull ${m}`).join(" && ") })
          : null,
      };
    } catch {
      return {
        reachable: false,
        llmAvailable: false,
        embeddingsAvailable: false,
        notice: message("ollama.unreachable", {
          baseUrl: options.baseUrl,
          commands: `ollama pull ${options.llmModel} && ollama pull ${options.embeddingModel}`,
        }),
      };
    } finally {
      clearTimeout(timer);
    }
  }

  const { base, cache } = providerBase(options, check, (seconds) => message("ollama.embedTimeout", { seconds }));

  return {
    ...base,

    chat(): ChatModel {
      return {
        model: options.llmModel,
        async *stream(turns, { signal, numCtx, maxTokens }) {
          // LangChain is loaded on the first model call, not at every start.
          const { ChatOllama } = await import("@langchain/ollama");
          const model = new ChatOllama({
            baseUrl: options.baseUrl,
            model: options.llmModel,
            temperature: options.temperature,
            numCtx,
            numPredict: maxTokens,
            maxRetries: 0,
          });
          // Silence (loading, then between lines) is bounded: the stream is cancelled and the caller falls back.
          yield* streamChat(model, turns, {
            signal,
            idleMs: options.idleTimeoutMs ?? 120_000,
            timeoutError: modelTimeout,
          });
        },
      };
    },

    embedder(): Embedder {
      // One call per batch, no retry: a stalled Ollama costs at most the bound, then search is full-text.
      // LangChain is loaded on the first call, not at every start.
      let bound = options.timeoutMs ?? 30_000;
      const embeddings = import("@langchain/ollama").then(
        ({ OllamaEmbeddings }) =>
          new OllamaEmbeddings({
            baseUrl: options.baseUrl,
            model: options.embeddingModel,
            maxRetries: 0,
            fetch: fetchWithin(() => bound),
          }),
      );
      return {
        model: options.embeddingModel,
        embed: async (texts) => {
          bound = (options.timeoutMs ?? 30_000) * Math.max(1, Math.ceil(texts.length / 8));
          try {
            return await (await embeddings).embedDocuments(texts);
          } catch (err) {
            if (err instanceof ModelTimeoutError) cache.embedTimedOut();
            throw err;
          }
        },
      };
    },
  };
}
