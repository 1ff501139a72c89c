/**
 * Ollama behind the ModelProvider port: availability from `/api/tags`, chat through LangChain's ChatOllama
 * (one instance per request: aborting one instance aborts all its streams), embeddings through OllamaEmbeddings.
 */
import { Ollama } from "ollama";
import type { ChatModel, ChatTurn, Embedder, ModelProvider, ModelStatus } from "./types.ts";
import { message } from "../i18n/messages.ts";

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

/** A model call that took longer than its bound; the call itself was cancelled. */
export class ModelTimeoutError extends Error {
  readonly ms: number;
  constructor(ms: number) {
    super(message("ollama.callTimeout", { seconds: Math.round(ms / 100) / 10 }));
    this.name = "ModelTimeoutError";
    this.ms = ms;
  }
}

/** `fetch` whose every request is cancelled after `ms` (the caller's own signal still applies). */
function fetchWithin(ms: () => number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(ms());
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(input, { ...init, signal }).catch((err: unknown) => {
      throw timeout.aborted ? new ModelTimeoutError(ms()) : err;
    });
  };
}

/** Ollama names "mistral" and "mistral:latest" alike: compare with the tag made explicit. */
const withTag = (name: string) => (name.includes(":") ? name : `${name}:latest`);

export function createOllamaProvider(options: OllamaOptions): ModelProvider {
  let cached: { at: number; status: ModelStatus } | null = null;
  let pending: Promise<ModelStatus> | null = null;

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
      const missing = [!llmAvailable && options.llmModel, !embeddingsAvailable && options.embeddingModel].filter(Boolean) as string[];
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

  // After an embedding call that timed out, searches stay full-text for a while instead of each waiting the bound.
  let embedBackoffUntil = 0;
  const backoffMs = () => Math.max(60_000, 2 * (options.timeoutMs ?? 30_000));
  const withBackoff = (status: ModelStatus): ModelStatus =>
    status.embeddingsAvailable && Date.now() < embedBackoffUntil
      ? { ...status, embeddingsAvailable: false, notice: status.notice ?? message("ollama.embedTimeout", { seconds: Math.round(backoffMs() / 1000) }) }
      : status;

  return {
    baseUrl: options.baseUrl,
    llmModel: options.llmModel,
    embeddingModel: options.embeddingModel,

    async status(refresh = false) {
      if (!refresh && cached && Date.now() - cached.at < options.statusTtlMs) return withBackoff(cached.status);
      pending ??= check().finally(() => (pending = null));
      const status = await pending;
      cached = { at: Date.now(), status };
      return withBackoff(status);
    },

    markUnreachable() {
      cached = null;
    },

    chat(): ChatModel {
      return {
        model: options.llmModel,
        async *stream(turns, { signal, numCtx, maxTokens }) {
          // LangChain is loaded on the first model call, not at every start.
          const [{ ChatOllama }, { toLangChain }] = await Promise.all([import("@langchain/ollama"), langChainMessages()]);
          // Silence (loading, then between lines) is bounded: the stream is cancelled and the caller falls back.
          const idleMs = options.idleTimeoutMs ?? 120_000;
          const idle = new AbortController();
          let timer: NodeJS.Timeout | undefined;
          const rearm = () => {
            clearTimeout(timer);
            timer = setTimeout(() => idle.abort(new ModelTimeoutError(idleMs)), idleMs);
          };
          const model = new ChatOllama({
            baseUrl: options.baseUrl,
            model: options.llmModel,
            temperature: options.temperature,
            numCtx,
            numPredict: maxTokens,
            maxRetries: 0,
          });
          rearm();
          try {
            const stream = await model.stream(turns.map(toLangChain), { signal: AbortSignal.any([signal, idle.signal]) });
            for await (const chunk of stream) {
              rearm();
              const text = typeof chunk.content === "string" ? chunk.content : "";
              if (text) yield { type: "token", text };
              if (chunk.usage_metadata && (chunk.usage_metadata.input_tokens || chunk.usage_metadata.output_tokens)) {
                yield {
                  type: "usage",
                  usage: { promptTokens: chunk.usage_metadata.input_tokens, completionTokens: chunk.usage_metadata.output_tokens },
                };
              }
            }
          } catch (err) {
            throw idle.signal.aborted && !signal.aborted ? new ModelTimeoutError(idleMs) : err;
          } finally {
            clearTimeout(timer);
          }
          if (idle.signal.aborted && !signal.aborted) throw new ModelTimeoutError(idleMs);
        },
      };
    },

    embedder(): Embedder {
      // One call per batch, no retry: a stalled Ollama costs at most the bound, then search is full-text.
      // LangChain is loaded on the first call, not at every start.
      let bound = options.timeoutMs ?? 30_000;
      const embeddings = import("@langchain/ollama").then(
        ({ OllamaEmbeddings }) =>
          new OllamaEmbeddings({ baseUrl: options.baseUrl, model: options.embeddingModel, maxRetries: 0, fetch: fetchWithin(() => bound) }),
      );
      return {
        model: options.embeddingModel,
        embed: async (texts) => {
          bound = (options.timeoutMs ?? 30_000) * Math.max(1, Math.ceil(texts.length / 8));
          try {
            return await (await embeddings).embedDocuments(texts);
          } catch (err) {
            if (err instanceof ModelTimeoutError) embedBackoffUntil = Date.now() + backoffMs();
            throw err;
          }
        },
      };
    },
  };
}

const langChainMessages = () =>
  import("@langchain/core/messages").then(({ AIMessage, HumanMessage, SystemMessage }) => ({
    toLangChain(turn: ChatTurn) {
      if (turn.role === "system") return new SystemMessage(turn.content);
      if (turn.role === "assistant") return new AIMessage(turn.content);
      return new HumanMessage(turn.content);
    },
  }));
