/**
 * What the fake Ollama and the fake OpenAI-compatible server share: the scripted behaviour (tokens, stalls, cuts,
 * delays), the counters tests read, and the handle they get. Each fake keeps its own wire format.
 */
import type http from "node:http";
import type { AddressInfo } from "node:net";
import type { ChatRequestLog, FakeOllama, FakeOllamaOptions } from "./fake-ollama.ts";

export interface FakeState {
  chats: ChatRequestLog[];
  embedCalls: number;
  abortedChats: number;
  abandonedStalls: number;
}

export const newFakeState = (): FakeState => ({ chats: [], embedCalls: 0, abortedChats: 0, abandonedStalls: 0 });

/** Keeps a request open without answering; counts the client giving up. */
export function stall(res: http.ServerResponse, state: FakeState): void {
  res.on("close", () => {
    if (!res.writableFinished) state.abandonedStalls++;
  });
}

/** The tokens of the scripted reply to one chat request (words with their trailing space). */
export function replyTokens(opts: FakeOllamaOptions, log: ChatRequestLog): { reply: string; tokens: string[] } {
  const reply = typeof opts.reply === "function" ? opts.reply(log) : opts.reply!;
  return { reply, tokens: reply.match(/\S+\s*|\s+/g) ?? [] };
}

/**
 * Writes the tokens one by one as the options script it (delay, stall after N, cut after N); resolves true when
 * every token was written and the client is still there.
 */
export async function streamTokens(
  res: http.ServerResponse,
  state: FakeState,
  opts: FakeOllamaOptions,
  tokens: string[],
  write: (token: string) => void,
): Promise<boolean> {
  let closed = false;
  res.on("close", () => {
    if (!res.writableFinished) {
      closed = true;
      state.abortedChats++;
    }
  });
  for (let i = 0; i < tokens.length; i++) {
    if (closed) return false;
    if (typeof opts.stallChat === "object" && i === opts.stallChat.afterTokens) {
      stall(res, state);
      return false;
    }
    if (opts.failAfterTokens !== undefined && i === opts.failAfterTokens) {
      res.socket?.destroy();
      return false;
    }
    write(tokens[i]!);
    if (opts.tokenDelayMs) await new Promise((r) => setTimeout(r, opts.tokenDelayMs));
  }
  return !closed;
}

/** Listens on a free loopback port and returns the handle tests use (`path` is appended to the address). */
export async function listenFake<O>(
  server: http.Server,
  state: FakeState,
  set: (options: Partial<O>) => void,
  path = "",
): Promise<FakeOllama> {
  // Idle connections stay open longer than any test: with Node's 5 s default, a client reusing a kept-alive socket
  // on a loaded machine can meet the server closing it (« Connection error » with no retry, as the providers are set).
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    get chats() {
      return state.chats;
    },
    get embedCalls() {
      return state.embedCalls;
    },
    get abortedChats() {
      return state.abortedChats;
    },
    get abandonedStalls() {
      return state.abandonedStalls;
    },
    set: set as FakeOllama["set"],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
