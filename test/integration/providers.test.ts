/**
 * The key chat and drafting scenarios against both model servers Cap Libre speaks to, in every `npm test`:
 * Ollama and an OpenAI-compatible server (vLLM, Albert API…), each a fake speaking its real HTTP API. The whole
 * suite can also run against the second: `TEST_LLM_PROVIDER=openai npm test`.
 */
import { readFileSync } from "node:fs";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeOllama } from "../helpers/fake-ollama.ts";
import {
  postJson,
  readSse,
  type SseEvent,
  startFakeModelServer,
  startTestServer,
  type TestServer,
} from "../helpers/server.ts";

const QUESTION = "Combien la Gendarmerie a-t-elle économisé avec Linux ?";
const REPLY = "La Gendarmerie économise 12 millions d'euros par an [1].";
const letter = JSON.parse(readFileSync("test/fixtures/drafting/letter.json", "utf8"));
const BRIEFING = {
  type: "briefing",
  inputs: { collectivite: letter.collectivite, question: QUESTION, recipient: { name: "M. Le Bihan", role: "maire" } },
};

const ask = (server: TestServer, init: RequestInit = {}) =>
  postJson(`${server.url}/api/chat`, { messages: [{ role: "user", content: QUESTION }] }, init);
const tokens = (events: SseEvent[]) =>
  events
    .filter((e) => e.event === "token")
    .map((e) => e.data.text)
    .join("");

describe.each(["ollama", "openai"] as const)("with %s as the model server", (provider) => {
  let model: FakeOllama;
  let server: TestServer;
  beforeAll(async () => {
    model = await startFakeModelServer(provider, { reply: REPLY });
    server = await startTestServer({ OLLAMA_BASE_URL: model.url, LLM_NUM_CTX: "4096" }, provider);
    await server.engine.vectors.run();
  });
  afterAll(async () => {
    await server.stop();
    await model.close();
  });

  it("reports which provider and model answer, and searches with vectors", async () => {
    const health = await (await fetch(`${server.url}/api/health`)).json();
    expect(health.llm).toMatchObject({ available: true, provider, model: "ministral-3:8b" });
    expect(health.embeddings.available).toBe(true);
    expect(health.index.mode).toBe("hybrid");
  });

  it("streams a generated answer with its sources, the passages within the context budget", async () => {
    model.chats.length = 0;
    const events = await readSse(await ask(server));
    expect(events[0]!.event).toBe("sources");
    expect(events[0]!.data.sources[0].document.id).toBe("case-studies/gendarmerie");
    expect(tokens(events)).toBe(REPLY);
    expect(events.at(-1)).toMatchObject({ event: "done", data: { mode: "generated" } });
    const chat = model.chats[0]!;
    expect(chat.messages.at(-1)!.content).toMatch(/<<<PASSAGE-[0-9a-f]{8} \[1\]/);
    expect(chat.messages.reduce((n, m) => n + m.content.length, 0) / 3).toBeLessThan(4096);
  });

  it("falls back to extractive mode when the model stream is cut mid-way", async () => {
    model.set({ failAfterTokens: 2 });
    try {
      const events = await readSse(await ask(server));
      expect(events.at(-1)!.data).toMatchObject({ mode: "extractive", notice: expect.stringContaining("interrompue") });
      expect(tokens(events)).toContain("12 millions d'euros par an");
    } finally {
      model.set({ failAfterTokens: undefined });
    }
  });

  it("stops the model call when the client closes the connection", async () => {
    model.set({ tokenDelayMs: 50, reply: "mot ".repeat(200) });
    try {
      const before = model.abortedChats;
      const controller = new AbortController();
      const res = await ask(server, { signal: controller.signal });
      const reader = res.body!.getReader();
      let seen = "";
      while (!seen.includes("event: token")) seen += new TextDecoder().decode((await reader.read()).value);
      controller.abort();
      await expect.poll(() => model.abortedChats, { timeout: 15_000 }).toBeGreaterThan(before);
    } finally {
      model.set({ tokenDelayMs: 0, reply: REPLY });
    }
  });

  it("drafts a briefing with the model, and falls back to templates when it fails", async () => {
    const generated = await readSse(await postJson(`${server.url}/api/drafts`, BRIEFING));
    expect(generated.at(-1)).toMatchObject({ event: "done", data: { mode: "generated" } });
    expect(tokens(generated)).toContain("12 millions");
    model.set({ failAfterTokens: 1 });
    try {
      const fallback = await readSse(await postJson(`${server.url}/api/drafts`, BRIEFING));
      expect(fallback.find((e) => e.event === "notice")!.data.text).toContain("interrompue");
      expect(fallback.at(-1)).toMatchObject({ event: "done", data: { mode: "template" } });
    } finally {
      model.set({ failAfterTokens: undefined });
    }
  });

  it("answers the OpenAI-compatible API with the same answer and its references", async () => {
    const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: "sans-cle", maxRetries: 0 });
    const stream = await client.chat.completions.create({
      model: "cap-libre",
      messages: [{ role: "user", content: QUESTION }],
      stream: true,
    });
    let content = "";
    for await (const chunk of stream) content += chunk.choices[0]?.delta.content ?? "";
    expect(content).toMatch(
      new RegExp(`^${REPLY.replace(/[.[\]]/g, "\\$&")}\\n\\n---\\n\\n\\*\\*Sources\\*\\*\\n\\n- \\[1\\] .*Gendarmerie`),
    );
  });
});

describe.each(["ollama", "openai"] as const)("with %s staying silent", (provider) => {
  it("falls back to extractive mode after the idle timeout", async () => {
    const model = await startFakeModelServer(provider, { tokenDelayMs: 2000, reply: "lent lent lent" });
    const server = await startTestServer({ OLLAMA_BASE_URL: model.url, LLM_IDLE_TIMEOUT_MS: "300" }, provider);
    try {
      const events = await readSse(await ask(server));
      expect(events.at(-1)!.data).toMatchObject({
        mode: "extractive",
        notice: expect.stringContaining("rien produit"),
      });
      expect(tokens(events)).toContain("12 millions");
    } finally {
      await server.stop();
      await model.close();
    }
  });
});
