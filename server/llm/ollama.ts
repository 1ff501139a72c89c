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

  return {
    baseUrl: options.baseUrl,
    llmModel: options.llmModel,
    embeddingModel: options.embeddingModel,

    async status(refresh = false) {
      if (!refresh && cached && Date.now() - cached.at < options.statusTtlMs) return cached.status;
      pending ??= check().finally(() => (pending = null));
      const status = await pending;
      cached = { at: Date.now(), status };
      return status;
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
          const model = new ChatOllama({
            baseUrl: options.baseUrl,
            model: options.llmModel,
            temperature: options.temperature,
            numCtx,
            numPredict: maxTokens,
            maxRetries: 0,
          });
          const stream = await model.stream(turns.map(toLangChain), { signal });
          for await (const chunk of stream) {
            const text = typeof chunk.content === "string" ? chunk.content : "";
            if (text) yield { type: "token", text };
            if (chunk.usage_metadata && (chunk.usage_metadata.input_tokens || chunk.usage_metadata.output_tokens)) {
              yield {
                type: "usage",
                usage: { promptTokens: chunk.usage_metadata.input_tokens, completionTokens: chunk.usage_metadata.output_tokens },
              };
            }
          }
        },
      };
    },

    embedder(): Embedder {
      const embeddings = import("@langchain/ollama").then(
        ({ OllamaEmbeddings }) => new OllamaEmbeddings({ baseUrl: options.baseUrl, model: options.embeddingModel, maxRetries: 1 }),
      );
      return {
        model: options.embeddingModel,
        embed: async (texts) => (await embeddings).embedDocuments(texts),
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
