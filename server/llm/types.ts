/**
 * Ports for the language model and the embedder. Ollama implements both (`ollama.ts`); a region could point
 * the same code at a shared inference server by providing another implementation.
 */
export interface ChatTurn {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface Usage {
  promptTokens: number;
  completionTokens: number;
}

export type ChatEvent = { type: "token"; text: string } | { type: "usage"; usage: Usage };

export interface ChatModel {
  readonly model: string;
  /** Streams the answer; aborting `signal` stops the model call. */
  stream(
    turns: ChatTurn[],
    options: { signal: AbortSignal; numCtx: number; maxTokens: number },
  ): AsyncIterable<ChatEvent>;
}

export interface Embedder {
  readonly model: string;
  embed(texts: string[]): Promise<number[][]>;
}

export interface ModelStatus {
  reachable: boolean;
  llmAvailable: boolean;
  embeddingsAvailable: boolean;
  /** French explanation when something is missing, with the commands that fix it. */
  notice: string | null;
}

export interface ModelProvider {
  readonly baseUrl: string;
  readonly llmModel: string;
  readonly embeddingModel: string;
  /** Cached availability; `refresh` forces a new check. */
  status(refresh?: boolean): Promise<ModelStatus>;
  /** Called when a call failed: the next status check goes to the server again. */
  markUnreachable(): void;
  /** The French notice shown when a chat call failed with `error` (the caller has a generic one otherwise). */
  failureNotice?(error: unknown): string;
  chat(): ChatModel;
  embedder(): Embedder;
}
