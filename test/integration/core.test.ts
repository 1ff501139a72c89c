import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeOllama, startFakeOllama } from "../helpers/fake-ollama.ts";
import { postJson, readSse, startTestServer, TEST_LLM_PROVIDER, type TestServer } from "../helpers/server.ts";

const ask = (s: TestServer, content: string, init: RequestInit = {}) =>
  postJson(`${s.url}/api/chat`, { messages: [{ role: "user", content }] }, init);

describe("without Ollama", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it("indexes the corpus on start and reports the malformed file", async () => {
    expect(server.report.documents).toBe(5);
    const broken = server.report.problems.find((p) => p.path === "guidance/broken.md");
    expect(broken?.reasons.join(" ")).toContain("kind");
    expect(server.report.problems.some((p) => p.record?.includes("inconnue"))).toBe(true);
  });

  it("health says generation is unavailable and gives the ollama pull command", async () => {
    const health = await (await fetch(`${server.url}/api/health`)).json();
    expect(health).toMatchObject({
      status: "ok",
      llm: { available: false, model: "ministral-3:8b" },
      embeddings: { available: false, model: "bge-m3" },
      index: { documents: 5, mode: "fulltext" },
    });
    expect(health.index.chunks).toBeGreaterThanOrEqual(7);
    expect(health.notice).toContain("ollama pull ministral-3:8b");
  });

  it("searches in full text with stemming and folded accents", async () => {
    const res = await fetch(`${server.url}/api/search?q=${encodeURIComponent("economise GENDARMERIE")}&k=3`);
    const body = await res.json();
    expect(body.mode).toBe("fulltext");
    expect(body.results[0].document).toMatchObject({
      id: "case-studies/gendarmerie",
      kind: "case-study",
      date: "2021",
    });
    expect(body.results[0].text).toContain("12 millions");
    expect(body.results.length).toBeLessThanOrEqual(3);
  });

  it("finds catalog records by what they are", async () => {
    const body = await (
      await fetch(`${server.url}/api/search?q=${encodeURIComponent("alternative à Teams")}&k=5`)
    ).json();
    expect(body.results.map((r: any) => r.document.id)).toContain("catalog/product/microsoft-teams");
  });

  it.each([
    ["", "vide"],
    ["x".repeat(501), "trop longue"],
  ])("rejects the query %#", async (q, expected) => {
    const res = await fetch(`${server.url}/api/search?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("invalid_query");
    expect(body.error.message).toContain(expected);
  });

  it.each(["0", "51", "abc", "2.5"])("rejects k=%s", async (k) => {
    const res = await fetch(`${server.url}/api/search?q=linux&k=${k}`);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toContain("entre 1 et 50");
  });

  it("answers in extractive mode, quoting sources, with the notice", async () => {
    const res = await ask(server, "Combien la Gendarmerie a-t-elle économisé avec Linux ?");
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const events = await readSse(res);
    expect(events[0]!.event).toBe("sources");
    expect(events[0]!.data.sources[0].document.title).toContain("Gendarmerie");
    const text = events
      .filter((e) => e.event === "token")
      .map((e) => e.data.text)
      .join("");
    expect(text).toContain("12 millions d'euros");
    expect(text).toMatch(/\[1\]/);
    const done = events.at(-1)!;
    expect(done.event).toBe("done");
    expect(done.data.mode).toBe("extractive");
    expect(done.data.notice).toContain("ollama pull");
  });

  it("says it does not know when nothing relevant is found", async () => {
    const events = await readSse(await ask(server, "Quelle est la recette de la tarte Tatin ?"));
    expect(events[0]!.data.sources).toEqual([]);
    const text = events
      .filter((e) => e.event === "token")
      .map((e) => e.data.text)
      .join("");
    expect(text).toContain("Je ne sais pas");
  });

  it.each([
    [{}, "messages"],
    [{ messages: [] }, "messages"],
    [{ messages: [{ role: "system", content: "x" }] }, "messages.0.role"],
    [
      {
        messages: [
          { role: "user", content: "ok" },
          { role: "assistant", content: "ok" },
        ],
      },
      "utilisateur",
    ],
  ])("rejects an invalid conversation %#", async (body, field) => {
    const res = await postJson(`${server.url}/api/chat`, body);
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json.error.message).toContain(field);
  });

  it("refuses an oversized conversation with a French 413", async () => {
    const res = await postJson(`${server.url}/api/chat`, {
      messages: [{ role: "user", content: "x".repeat(600 * 1024) }],
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toContain("trop volumineuse");
  });

  it("answers unknown API paths with a French 404", async () => {
    const res = await fetch(`${server.url}/api/nope`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toContain("Adresse inconnue");
  });
});

describe("with Ollama (fake server speaking its HTTP API)", () => {
  let ollama: FakeOllama;
  let server: TestServer;
  beforeAll(async () => {
    ollama = await startFakeOllama({ reply: "La Gendarmerie économise 12 millions d'euros par an [1]." });
    server = await startTestServer({ OLLAMA_BASE_URL: ollama.url, LLM_NUM_CTX: "4096" });
    await server.engine.vectors.run();
  });
  afterAll(async () => {
    await server.stop();
    await ollama.close();
  });

  it("reports both models available and hybrid search", async () => {
    const health = await (await fetch(`${server.url}/api/health`)).json();
    expect(health.llm.available).toBe(true);
    expect(health.embeddings.available).toBe(true);
    expect(health.index.mode).toBe("hybrid");
    const search = await (await fetch(`${server.url}/api/search?q=gendarmerie`)).json();
    expect(search.mode).toBe("hybrid");
    expect(search.results[0].document.id).toBe("case-studies/gendarmerie");
  });

  it("streams a generated answer token by token with its sources", async () => {
    ollama.chats.length = 0;
    const events = await readSse(await ask(server, "Combien la Gendarmerie a-t-elle économisé avec Linux ?"));
    expect(events[0]!.event).toBe("sources");
    const tokens = events.filter((e) => e.event === "token");
    expect(tokens.length).toBeGreaterThan(3);
    expect(tokens.map((t) => t.data.text).join("")).toBe("La Gendarmerie économise 12 millions d'euros par an [1].");
    expect(events.at(-1)).toMatchObject({ event: "done", data: { mode: "generated" } });
    expect(events.at(-1)!.data.usage.completionTokens).toBeGreaterThan(0);
  });

  it("sets num_ctx, keeps passages out of the system role and within the budget", async () => {
    ollama.chats.length = 0;
    await readSse(await ask(server, "Combien la Gendarmerie a-t-elle économisé avec Linux ?"));
    const chat = ollama.chats[0]!;
    // Ollama takes the context window per request; an OpenAI-compatible server has its own (LLM_CONTEXT_TOKENS).
    if (TEST_LLM_PROVIDER === "ollama") expect(chat.options.num_ctx).toBe(4096);
    else expect(chat.options.max_tokens).toBe(server.engine.config.maxAnswerTokens);
    const system = chat.messages.find((m) => m.role === "system")!;
    expect(system.content).not.toContain("12 millions");
    const user = chat.messages.at(-1)!;
    expect(user.role).toBe("user");
    expect(user.content).toMatch(/<<<PASSAGE-[0-9a-f]{8} \[1\]/);
    expect(user.content).toContain("12 millions");
    const chars = chat.messages.reduce((n, m) => n + m.content.length, 0);
    expect(chars / 3).toBeLessThan(4096);
  });

  it("falls back to extractive mode when the model fails mid-stream", async () => {
    ollama.set({ failAfterTokens: 2 });
    try {
      const events = await readSse(await ask(server, "Combien la Gendarmerie a-t-elle économisé avec Linux ?"));
      const text = events
        .filter((e) => e.event === "token")
        .map((e) => e.data.text)
        .join("");
      expect(text).toContain("12 millions d'euros par an");
      const done = events.at(-1)!;
      expect(done.event).toBe("done");
      expect(done.data.mode).toBe("extractive");
      expect(done.data.notice).toContain("interrompue");
    } finally {
      ollama.set({ failAfterTokens: undefined });
    }
  });

  it("stops the model call when the client closes the connection", async () => {
    ollama.set({ tokenDelayMs: 50, reply: "mot ".repeat(200) });
    try {
      const before = ollama.abortedChats;
      const controller = new AbortController();
      const res = await ask(server, "Combien la Gendarmerie a-t-elle économisé ?", { signal: controller.signal });
      const reader = res.body!.getReader();
      await reader.read();
      controller.abort();
      await expect.poll(() => ollama.abortedChats, { timeout: 15_000 }).toBeGreaterThan(before);
      // The server is still healthy afterwards.
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    } finally {
      ollama.set({ tokenDelayMs: 0, reply: "Réponse [1]." });
    }
  });
});

describe("a model that stays silent", () => {
  it("falls back to extractive mode after the idle timeout", async () => {
    const ollama = await startFakeOllama({ tokenDelayMs: 2000, reply: "lent lent lent" });
    const server = await startTestServer({ OLLAMA_BASE_URL: ollama.url, LLM_IDLE_TIMEOUT_MS: "300" });
    try {
      const events = await readSse(await ask(server, "économies de la Gendarmerie"));
      const done = events.at(-1)!;
      expect(done.data.mode).toBe("extractive");
      expect(done.data.notice).toContain("rien produit");
      expect(
        events
          .filter((e) => e.event === "token")
          .map((e) => e.data.text)
          .join(""),
      ).toContain("12 millions");
    } finally {
      await server.stop();
      await ollama.close();
    }
  });
});

describe("Ollama reachable without the models pulled", () => {
  it("stays extractive and names the missing models", async () => {
    const ollama = await startFakeOllama({ models: [] });
    const server = await startTestServer({ OLLAMA_BASE_URL: ollama.url });
    try {
      const health = await (await fetch(`${server.url}/api/health`)).json();
      expect(health.llm.available).toBe(false);
      expect(health.notice).toContain(
        TEST_LLM_PROVIDER === "ollama"
          ? "ollama pull ministral-3:8b && ollama pull bge-m3"
          : "ne propose pas ministral-3:8b, bge-m3",
      );
      const events = await readSse(await ask(server, "économies de la Gendarmerie"));
      expect(events.at(-1)!.data.mode).toBe("extractive");
    } finally {
      await server.stop();
      await ollama.close();
    }
  });
});

describe("Ollama going away", () => {
  it("falls back to full text and extractive answers without crashing", async () => {
    const ollama = await startFakeOllama();
    const server = await startTestServer({ OLLAMA_BASE_URL: ollama.url });
    try {
      await server.engine.vectors.run();
      expect((await (await fetch(`${server.url}/api/search?q=gendarmerie`)).json()).mode).toBe("hybrid");
      await ollama.close();
      const search = await (await fetch(`${server.url}/api/search?q=gendarmerie`)).json();
      expect(search.mode).toBe("fulltext");
      expect(search.results.length).toBeGreaterThan(0);
      const events = await readSse(await ask(server, "économies de la Gendarmerie"));
      expect(events.at(-1)!.data.mode).toBe("extractive");
    } finally {
      await server.stop();
    }
  });
});
