/**
 * Admission control for model calls: at most `concurrency` generations run at once per model, at most `maxWaiting`
 * wait their turn, and a request beyond that is refused at once (503 with Retry-After and a French message) rather
 * than accepted and left to time out. Searches never go through here: they do not wait behind generations.
 *
 * A waiting caller learns its position (1 = next) through `onPosition`. A request (a chat) takes its slot before
 * it starts, so a full queue is a 503 before anything streams; the model calls it makes run under `withAdmission`.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { AppError } from "../core/errors.ts";
import { message } from "../i18n/messages.ts";
import type { ChatEvent, ChatModel, ModelProvider } from "./types.ts";

export interface QueueOptions {
  /** Generations run at the same time (Ollama's OLLAMA_NUM_PARALLEL should match). */
  concurrency: number;
  /** Requests allowed to wait for a slot; one more is refused. */
  maxWaiting: number;
}

export interface Admission {
  release(): void;
}

export interface ModelQueue {
  readonly active: number;
  readonly waiting: number;
  /** True when a new request would be refused. */
  isFull(): boolean;
  /** Seconds after which a refused request is worth retrying (from the recent generation times). */
  retryAfterSeconds(): number;
  /**
   * Takes a slot, or a place in line (the promise resolves when the slot comes). The capacity check is synchronous:
   * when full, it throws a 503 `QueueFullError` at once; aborting `signal` while waiting rejects with its reason.
   */
  acquire(options?: { signal?: AbortSignal; onPosition?: (position: number) => void }): Promise<Admission>;
}

export class QueueFullError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(waiting: number, retryAfterSeconds: number) {
    super("model_busy", message("queue.full", { waiting, seconds: retryAfterSeconds }), 503);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

interface Waiter {
  grant(): void;
  onPosition?: (position: number) => void;
}

export function createModelQueue(options: QueueOptions): ModelQueue {
  const concurrency = Math.max(1, options.concurrency);
  const maxWaiting = Math.max(0, options.maxWaiting);
  const waiters: Waiter[] = [];
  let active = 0;
  /** Moving average of how long a generation holds its slot, in ms (a first guess until one has finished). */
  let averageHoldMs = 15_000;

  const announce = () => waiters.forEach((w, i) => w.onPosition?.(i + 1));

  const admission = (): Admission => {
    const started = performance.now();
    let released = false;
    return {
      release() {
        if (released) return;
        released = true;
        averageHoldMs = 0.8 * averageHoldMs + 0.2 * (performance.now() - started);
        const next = waiters.shift();
        if (next) {
          next.grant();
          announce();
        } else {
          active--;
        }
      },
    };
  };

  const queue: ModelQueue = {
    get active() {
      return active;
    },
    get waiting() {
      return waiters.length;
    },
    isFull: () => active >= concurrency && waiters.length >= maxWaiting,
    retryAfterSeconds: () =>
      Math.min(600, Math.max(1, Math.ceil(((waiters.length + 1) * averageHoldMs) / concurrency / 1000))),
    acquire({ signal, onPosition } = {}) {
      signal?.throwIfAborted();
      if (active < concurrency) {
        active++;
        return Promise.resolve(admission());
      }
      if (waiters.length >= maxWaiting) throw new QueueFullError(waiters.length, queue.retryAfterSeconds());
      return new Promise<Admission>((resolve, reject) => {
        const waiter: Waiter = {
          // The slot passes from the releaser to this waiter: `active` is unchanged.
          grant: () => {
            signal?.removeEventListener("abort", abort);
            resolve(admission());
          },
          onPosition,
        };
        const abort = () => {
          const i = waiters.indexOf(waiter);
          if (i >= 0) waiters.splice(i, 1);
          announce();
          reject(signal!.reason);
        };
        signal?.addEventListener("abort", abort, { once: true });
        waiters.push(waiter);
        onPosition?.(waiters.length);
      });
    },
  };
  return queue;
}

/** A slot taken by a request before its model calls (the chat route), for the calls made while it runs. */
const held = new AsyncLocalStorage<Promise<Admission>>();

/**
 * Runs `fn` with `admission` held: model calls made inside use that slot instead of queuing again (one request,
 * one slot, however many model calls it makes). The caller releases it.
 */
export function withAdmission<T>(admission: Promise<Admission>, fn: () => T): T {
  return held.run(admission, fn);
}

/** The provider with every chat call going through `queue` (embeddings are not queued: searches need them). */
export function queuedProvider(models: ModelProvider, queue: ModelQueue): ModelProvider {
  // Everything else is the provider's own (whatever it adds): only `chat` is wrapped.
  const queued: ModelProvider = Object.create(models);
  queued.chat = (): ChatModel => {
    const inner = models.chat();
    return {
      model: inner.model,
      stream: (turns, options) => ({
        // A plain iterator rather than a generator around the model's: `return()` (the consumer stopping) reaches
        // the model's stream at once, even while a `next()` is pending, and the slot is released exactly once.
        [Symbol.asyncIterator](): AsyncIterator<ChatEvent> {
          let slot: Admission | null = null;
          let source: AsyncIterator<ChatEvent> | null = null;
          let finished = false;
          const finish = () => {
            finished = true;
            slot?.release();
            slot = null;
          };
          const ticket = held.getStore();
          return {
            async next() {
              if (finished) return { done: true, value: undefined };
              try {
                if (!source) {
                  // Within a request that holds a slot, wait for that one (its owner releases it); else take one.
                  if (ticket) await ticket;
                  else slot = await queue.acquire({ signal: options.signal });
                  source = inner.stream(turns, options)[Symbol.asyncIterator]();
                }
                const result = await source.next();
                if (result.done) finish();
                return result;
              } catch (err) {
                finish();
                throw err;
              }
            },
            async return(value?: unknown) {
              try {
                await source?.return?.(value);
              } finally {
                finish();
              }
              return { done: true, value: undefined };
            },
          };
        },
      }),
    };
  };
  return queued;
}
