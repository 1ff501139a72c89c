/**
 * The OpenAI-compatible upstream (vLLM, Albert API…) through the real @langchain/openai client against a fake
 * server speaking the real HTTP API: availability, streaming, embeddings, and every failure the brief lists.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../../server/config.ts";
import { createOpenAIProvider } from "../../server/llm/openai.ts";
import type { ChatEvent } from "../../server/llm/types.ts";
import { type FakeOpenAI, startFakeOpenAI } from "../helpers/fake-openai.ts";
import { postJson, readSse, startTestServer, type TestServer } from "../helpers/server.ts";

const KEY = "sk-test-7f3a9c1e5b2d";

describe("the OpenAI-compatible provider", () => {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI({ apiKey: KEY, reply: "Réponse rédigée [1]." });
  });
  afterAll(() => fake.close());

  const provider = (overrides: Partial<Parameters<typeof createOpenAIProvider>[0]> = {}) =>
    createOpenAIProvider({
      baseUrl: fake.url,
      apiKey: KEY,
      llmModel: "ministral-3:8b",
      embeddingModel: "bge-m3",
      contextTokens: 8192,
      temperature: 0.2,
      statusTtlMs: 0,
      ...overrides,
    });

  async function collect(events: AsyncIterable<ChatEvent>) {
    const out: ChatEvent[] = [];
    for await (const e of events) out.push(e);
    return out;
  }

  it("reports both models available, streams tokens and usage, and sends the key only as a Bearer header", async () => {
    const models = provider();
    expect(await models.status()).toMatchObject({
      reachable: true,
      llmAvailable: true,
      embeddingsAvailable: true,
      notice: null,
    });
    fake.chats.length = 0;
    const events = await collect(
      models.chat().stream([{ role: "user", content: "Bonjour" }], {
        signal: new AbortController().signal,
        numCtx: 8192,
        maxTokens: 300,
      }),
    );
    const tokens = events.filter((e) => e.type === "token");
    expect(tokens.length).toBeGreaterThan(1);
    expect(tokens.map((t) => (t as { text: string }).text).join("")).toBe("Réponse rédigée [1].");
    expect(events.find((e) => e.type === "usage")).toMatchObject({ usage: { completionTokens: 3 } });
    expect(fake.chats[0]!.stream).toBe(true);
    expect(fake.chats[0]!.options.max_tokens).toBe(300);
    expect(fake.requests.every((r) => r.authorization === `Bearer ${KEY}`)).toBe(true);
  });

  it("embeds texts as vectors", async () => {
    const vectors = await provider().embedder().embed(["logiciel libre", "CLOUD Act"]);
    expect(vectors).toHaveLength(2);
    expect(vectors[0]).toHaveLength(64);
    expect(vectors[0]![0]).toBeTypeOf("number");
  });

  it("says the key is refused (401) without ever showing it", async () => {
    const status = await provider({ apiKey: "sk-wrong-key-123456" }).status();
    expect(status.llmAvailable).toBe(false);
    expect(status.notice).toContain("OPENAI_API_KEY");
    expect(status.notice).not.toContain("sk-wrong-key-123456");
  });

  it("names the missing models and what the server offers", async () => {
    const status = await provider({ llmModel: "mistral-large" }).status();
    expect(status).toMatchObject({ llmAvailable: false, embeddingsAvailable: true });
    expect(status.notice).toContain("mistral-large");
    expect(status.notice).toContain("ministral-3:8b");
  });

  it("refuses a context length larger than the served model's (never truncated silently)", async () => {
    fake.set({ maxModelLen: 4096 });
    try {
      const status = await provider({ contextTokens: 8192 }).status();
      expect(status.llmAvailable).toBe(false);
      expect(status.notice).toContain("LLM_CONTEXT_TOKENS=4096");
      expect((await provider({ contextTokens: 4096 }).status()).llmAvailable).toBe(true);
    } finally {
      fake.set({ maxModelLen: undefined });
    }
  });

  it("counts an unreachable server as absent", async () => {
    const status = await provider({ baseUrl: "http://127.0.0.1:9/v1" }).status();
    expect(status).toMatchObject({ reachable: false, llmAvailable: false });
    expect(status.notice).toContain("ne répond pas");
  });

  it("says a server that answers with an error is not reachable at that address, not silent (trial12 B5)", async () => {
    // The most common mistake: « /v1 » written twice (the README says « jusqu'à /v1 inclus »).
    const status = await provider({ baseUrl: `${fake.url}/v1` }).status();
    expect(status).toMatchObject({ llmAvailable: false });
    expect(status.notice).not.toContain("ne répond pas");
    expect(status.notice).toContain(`${fake.url}/v1/models`);
    expect(status.notice).toMatch(/404/);
    expect(status.notice).toContain("/v1 une seule fois");
  });

  it("turns 429 (with Retry-After), 500 and a cut stream into failures with a French notice", async () => {
    const models = provider();
    const run = () =>
      collect(
        models.chat().stream([{ role: "user", content: "Bonjour" }], {
          signal: new AbortController().signal,
          numCtx: 8192,
          maxTokens: 100,
        }),
      );
    fake.set({ failChat: { status: 429, retryAfterSeconds: 7 } });
    const rateLimited = await run().catch((e: unknown) => e);
    expect(models.failureNotice!(rateLimited)).toContain("saturé");
    expect(models.failureNotice!(rateLimited)).toContain("7 s");
    fake.set({ failChat: { status: 500 } });
    const failed = await run().catch((e: unknown) => e);
    expect(models.failureNotice!(failed)).toContain("500");
    fake.set({ failChat: undefined, failAfterTokens: 2 });
    const cut = await run().catch((e: unknown) => e);
    expect(cut).toBeInstanceOf(Error);
    expect(models.failureNotice!(cut)).toContain("interrompue");
    fake.set({ failAfterTokens: undefined });
  });
});

describe("a stalled OpenAI-compatible server", () => {
  it("gives up a silent chat stream and a hung embedding call at their bounds, closing the connections", async () => {
    const fake = await startFakeOpenAI({ stallChat: "headers", stallEmbed: true });
    try {
      const models = createOpenAIProvider({
        baseUrl: fake.url,
        apiKey: null,
        llmModel: "ministral-3:8b",
        embeddingModel: "bge-m3",
        contextTokens: 8192,
        temperature: 0.2,
        statusTtlMs: 60_000,
        timeoutMs: 300,
        idleTimeoutMs: 300,
      });
      const chat = async () => {
        for await (const _ of models.chat().stream([{ role: "user", content: "Bonjour" }], {
          signal: new AbortController().signal,
          numCtx: 8192,
          maxTokens: 100,
        }));
      };
      expect(await chat().catch((e: unknown) => e)).toMatchObject({ name: "ModelTimeoutError" });
      expect(
        await models
          .embedder()
          .embed(["CLOUD Act"])
          .catch((e: unknown) => e),
      ).toMatchObject({ name: "ModelTimeoutError" });
      await expect.poll(() => fake.abandonedStalls, { timeout: 15_000 }).toBe(2);
      // Searches then stay full-text for a while rather than each waiting the bound.
      expect(await models.status()).toMatchObject({
        llmAvailable: true,
        embeddingsAvailable: false,
        notice: expect.stringContaining("plein texte"),
      });
    } finally {
      await fake.close();
    }
  });
});

describe("configuration of the OpenAI-compatible upstream", () => {
  it("asks for the server, the model names and the context length rather than guessing them", () => {
    expect(() => loadConfig({ LLM_PROVIDER: "openai" })).toThrow(
      /OPENAI_BASE_URL, LLM_MODEL, EMBEDDING_MODEL, LLM_CONTEXT_TOKENS/,
    );
    const config = loadConfig({
      LLM_PROVIDER: "openai",
      OPENAI_BASE_URL: "http://gpu.region.local:8000/v1/",
      LLM_MODEL: "mistral-small",
      EMBEDDING_MODEL: "bge-m3",
      LLM_CONTEXT_TOKENS: "32768",
      OPENAI_API_KEY: "secret",
    });
    expect(config).toMatchObject({
      llmProvider: "openai",
      openaiBaseUrl: "http://gpu.region.local:8000/v1",
      numCtx: 32768,
      openaiApiKey: "secret",
    });
  });
});

describe("Cap Libre on an OpenAI-compatible upstream", () => {
  let fake: FakeOpenAI;
  let server: TestServer;
  beforeAll(async () => {
    fake = await startFakeOpenAI({ apiKey: KEY, reply: "La Gendarmerie économise 12 millions d'euros par an [1]." });
    server = await startTestServer(
      {
        LLM_PROVIDER: "openai",
        OPENAI_BASE_URL: fake.url,
        OPENAI_API_KEY: KEY,
        LLM_MODEL: "ministral-3:8b",
        EMBEDDING_MODEL: "bge-m3",
        LLM_CONTEXT_TOKENS: "4096",
      },
      "openai",
    );
    await server.engine.vectors.run();
  });
  afterAll(async () => {
    await server?.stop();
    await fake?.close();
  });

  it("reports which provider and model answer, without the key", async () => {
    const res = await fetch(`${server.url}/api/health`);
    const text = await res.text();
    expect(text).not.toContain(KEY);
    const health = JSON.parse(text);
    expect(health.llm).toMatchObject({
      available: true,
      provider: "openai",
      model: "ministral-3:8b",
      baseUrl: fake.url,
    });
    expect(health.index.mode).toBe("hybrid");
  });

  it("answers /api/chat with the model, and falls back to extractive mode on 429 saying when to retry", async () => {
    const ask = () =>
      postJson(`${server.url}/api/chat`, {
        messages: [{ role: "user", content: "Combien la Gendarmerie a-t-elle économisé avec Linux ?" }],
      });
    const events = await readSse(await ask());
    expect(
      events
        .filter((e) => e.event === "token")
        .map((e) => e.data.text)
        .join(""),
    ).toBe("La Gendarmerie économise 12 millions d'euros par an [1].");
    expect(events.at(-1)).toMatchObject({ event: "done", data: { mode: "generated" } });
    fake.set({ failChat: { status: 429, retryAfterSeconds: 30 } });
    try {
      const fallback = await readSse(await ask());
      const done = fallback.at(-1)!;
      expect(done.data.mode).toBe("extractive");
      expect(done.data.notice).toContain("30 s");
      expect(
        fallback
          .filter((e) => e.event === "token")
          .map((e) => e.data.text)
          .join(""),
      ).toContain("12 millions");
    } finally {
      fake.set({ failChat: undefined });
    }
  });
});

describe("the upstream's API key", () => {
  it("never appears in what Cap Libre logs or answers, even when the server refuses it or fails", async () => {
    const secret = "sk-never-log-me-0123456789";
    const fake = await startFakeOpenAI({ apiKey: "sk-the-right-one" });
    const written: string[] = [];
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((name) =>
      vi
        .spyOn(console, name)
        .mockImplementation(
          (...args: unknown[]) =>
            void written.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))).join(" ")),
        ),
    );
    const stderr = vi
      .spyOn(process.stderr, "write")
      .mockImplementation((chunk: unknown) => (written.push(String(chunk)), true));
    const server = await startTestServer(
      {
        LLM_PROVIDER: "openai",
        OPENAI_BASE_URL: fake.url,
        OPENAI_API_KEY: secret,
        LLM_MODEL: "ministral-3:8b",
        EMBEDDING_MODEL: "bge-m3",
        LLM_CONTEXT_TOKENS: "8192",
      },
      "openai",
    );
    try {
      const seen: string[] = [await (await fetch(`${server.url}/api/health`)).text()];
      seen.push(
        await (
          await postJson(`${server.url}/api/chat`, {
            messages: [{ role: "user", content: "économies de la Gendarmerie" }],
          })
        ).text(),
      );
      // The server then accepts the key but fails: the model call is logged nowhere with it either.
      fake.set({ apiKey: secret, failChat: { status: 500 } });
      await server.engine.models.status(true);
      await server.engine.vectors.run();
      seen.push(
        await (
          await postJson(`${server.url}/api/chat`, {
            messages: [{ role: "user", content: "économies de la Gendarmerie" }],
          })
        ).text(),
      );
      expect(seen[0]).toContain("OPENAI_API_KEY");
      expect(seen[2]).toContain("500");
      expect([...seen, ...written].join("\n")).not.toContain(secret);
      expect(fake.requests.some((r) => r.authorization === `Bearer ${secret}`)).toBe(true);
    } finally {
      for (const spy of [...spies, stderr]) spy.mockRestore();
      await server.stop();
      await fake.close();
    }
  });
});
