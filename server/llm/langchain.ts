/**
 * What the two model adapters (Ollama, OpenAI-compatible) share: a chat stream through a LangChain chat model whose
 * silence is bounded, and the availability cache with its back-off after an embedding call that timed out.
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { ChatEvent, ChatTurn, ModelStatus } from "./types.ts";

/** A model call that took longer than its bound; the call itself was cancelled. */
export class ModelTimeoutError extends Error {
  readonly ms: number;
  constructor(ms: number, text: string) {
    super(text);
    this.name = "ModelTimeoutError";
    this.ms = ms;
  }
}

/**
 * Streams a LangChain chat model's answer as tokens and usage. Silence (loading, queueing, then between chunks) is
 * bounded by `idleMs`: the stream is cancelled and a `ModelTimeoutError` thrown, so the caller falls back.
 */
export async function* streamChat(
  model: Pick<BaseChatModel, "stream">,
  turns: ChatTurn[],
  {
    signal,
    idleMs,
    timeoutError,
  }: { signal: AbortSignal; idleMs: number; timeoutError: (ms: number) => ModelTimeoutError },
): AsyncGenerator<ChatEvent> {
  const { toLangChain } = await langChainMessages();
  const idle = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const rearm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => idle.abort(timeoutError(idleMs)), idleMs);
  };
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
          usage: {
            promptTokens: chunk.usage_metadata.input_tokens,
            completionTokens: chunk.usage_metadata.output_tokens,
          },
        };
      }
    }
  } catch (err) {
    throw idle.signal.aborted && !signal.aborted ? timeoutError(idleMs) : err;
  } finally {
    clearTimeout(timer);
  }
  if (idle.signal.aborted && !signal.aborted) throw timeoutError(idleMs);
}

/**
 * Availability checked at most every `ttlMs` (one check at a time); after an embedding call that timed out
 * (`embedTimedOut()`), embeddings count as unavailable for a while so searches stay full-text instead of each
 * waiting the bound.
 */
export function statusCache(options: {
  check: () => Promise<ModelStatus>;
  ttlMs: number;
  timeoutMs?: number;
  backoffNotice: (seconds: number) => string;
}) {
  let cached: { at: number; status: ModelStatus } | null = null;
  let pending: Promise<ModelStatus> | null = null;
  let embedBackoffUntil = 0;
  const backoffMs = () => Math.max(60_000, 2 * (options.timeoutMs ?? 30_000));
  const withBackoff = (status: ModelStatus): ModelStatus =>
    status.embeddingsAvailable && Date.now() < embedBackoffUntil
      ? {
          ...status,
          embeddingsAvailable: false,
          notice: status.notice ?? options.backoffNotice(Math.round(backoffMs() / 1000)),
        }
      : status;
  return {
    async status(refresh = false): Promise<ModelStatus> {
      if (!refresh && cached && Date.now() - cached.at < options.ttlMs) return withBackoff(cached.status);
      pending ??= options.check().finally(() => (pending = null));
      const status = await pending;
      cached = { at: Date.now(), status };
      return withBackoff(status);
    },
    markUnreachable() {
      cached = null;
    },
    embedTimedOut() {
      embedBackoffUntil = Date.now() + backoffMs();
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

/** What every model provider says of itself: where it is, which models, and its cached status. */
export function providerBase(
  options: { baseUrl: string; llmModel: string; embeddingModel: string; statusTtlMs: number; timeoutMs?: number },
  check: () => Promise<ModelStatus>,
  backoffNotice: (seconds: number) => string,
) {
  const cache = statusCache({ check, ttlMs: options.statusTtlMs, timeoutMs: options.timeoutMs, backoffNotice });
  const base = {
    baseUrl: options.baseUrl,
    llmModel: options.llmModel,
    embeddingModel: options.embeddingModel,
    status: cache.status,
    markUnreachable: cache.markUnreachable,
  };
  return { base, cache };
}
