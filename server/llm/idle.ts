/**
 * A model's answer as a stream of tokens that gives up when the model stays silent for too long (`idleTimeoutMs`
 * between two tokens): drafts and the plan's progress note use it, the chat has its own bounded stream.
 */
import type { ChatTurn, ModelProvider } from "./types.ts";

/** The model went silent for longer than allowed. */
export class ModelIdleError extends Error {
  override name = "ModelIdleError";
}

export async function* tokensWithin(
  models: ModelProvider,
  turns: ChatTurn[],
  options: { numCtx: number; maxTokens: number; idleTimeoutMs: number },
  signal: AbortSignal,
): AsyncGenerator<string> {
  const idle = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const rearm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => idle.abort(), options.idleTimeoutMs);
  };
  try {
    rearm();
    const stream = models.chat().stream(turns, {
      signal: AbortSignal.any([signal, idle.signal]),
      numCtx: options.numCtx,
      maxTokens: options.maxTokens,
    });
    for await (const event of stream) {
      if (idle.signal.aborted) throw new ModelIdleError("model idle timeout");
      rearm();
      if (event.type === "token") yield event.text;
    }
    if (idle.signal.aborted) throw new ModelIdleError("model idle timeout");
  } catch (err) {
    // The stream was cut because the model went silent: say so, whatever error the client raised.
    if (idle.signal.aborted && !(err instanceof ModelIdleError)) throw new ModelIdleError("model idle timeout");
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
