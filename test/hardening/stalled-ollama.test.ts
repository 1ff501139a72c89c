/**
 * An Ollama that accepts requests and never answers (embedding or chat), or answers nothing: every model call is
 * bounded (LLM_TIMEOUT_MS, LLM_IDLE_TIMEOUT_MS) and cancelled, and the user gets full-text search, quoted passages
 * or template sections, with a notice saying why. Without the bounds these tests would wait Node's fetch timeout
 * (about ten minutes) and fail on vitest's timeout: the timeout itself is the assertion, no clock is read.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeOllama, startFakeOllama } from "../helpers/fake-ollama.ts";
import { postJson, readSse, type SseEvent, startTestServer, type TestServer } from "../helpers/server.ts";

const letter = JSON.parse(readFileSync("test/fixtures/drafting/letter.json", "utf8"));
const QUESTION = "Combien la Gendarmerie a-t-elle économisé avec Linux ?";
const ask = (server: TestServer, content: string) =>
  postJson(`${server.url}/api/chat`, { messages: [{ role: "user", content }] });
const tokens = (events: SseEvent[]) =>
  events
    .filter((e) => e.event === "token")
    .map((e) => e.data.text)
    .join("");

describe("a stalled Ollama", { timeout: 60_000 }, () => {
  let ollama: FakeOllama;
  let server: TestServer;
  beforeAll(async () => {
    ollama = await startFakeOllama();
    server = await startTestServer({ OLLAMA_BASE_URL: ollama.url, LLM_TIMEOUT_MS: "400", LLM_IDLE_TIMEOUT_MS: "600" });
    await server.engine.vectors.run();
    expect((await (await fetch(`${server.url}/api/search?q=Gendarmerie`)).json()).mode).toBe("hybrid");
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await ollama?.close();
  });

  it("search falls back to full-text when the embedding endpoint never answers, and the call is cancelled", async () => {
    ollama.set({ stallEmbed: true });
    try {
      const before = ollama.abandonedStalls;
      const res = await fetch(`${server.url}/api/search?q=${encodeURIComponent("économies Gendarmerie Linux")}`);
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.mode).toBe("fulltext");
      expect(body.results.length).toBeGreaterThan(0);
      await expect.poll(() => ollama.abandonedStalls, { timeout: 30_000 }).toBeGreaterThan(before);
      // The next searches do not wait for the hung endpoint again: full-text at once, and the health says why.
      const calls = ollama.embedCalls;
      const again = await (await fetch(`${server.url}/api/search?q=${encodeURIComponent("CLOUD Act")}`)).json();
      expect(again.mode).toBe("fulltext");
      expect(ollama.embedCalls).toBe(calls);
      expect((await (await fetch(`${server.url}/api/health`)).json()).notice).toContain("plein texte");
      // Chat still answers (its retrieval is full-text, the model itself answers).
      const done = (await readSse(await ask(server, QUESTION))).at(-1)!;
      expect(done.event).toBe("done");
    } finally {
      ollama.set({ stallEmbed: false });
    }
  });

  it("chat quotes the passages and says so when the model never starts answering", async () => {
    ollama.set({ stallChat: "headers" });
    try {
      const events = await readSse(await ask(server, QUESTION));
      const done = events.at(-1)!;
      expect(done.event).toBe("done");
      expect(done.data.mode).toBe("extractive");
      expect(done.data.notice).toMatch(/rien produit|secondes/);
      expect(tokens(events)).toContain("12 millions");
    } finally {
      ollama.set({ stallChat: false });
    }
  });

  it("chat keeps what was written and quotes the passages when the model stops mid-answer", async () => {
    ollama.set({ stallChat: { afterTokens: 2 }, reply: "La Gendarmerie a économisé beaucoup [1]." });
    try {
      const events = await readSse(await ask(server, QUESTION));
      const done = events.at(-1)!;
      expect(done.data.mode).toBe("extractive");
      expect(tokens(events)).toMatch(/^La Gendarmerie/);
      expect(tokens(events)).toContain("12 millions");
    } finally {
      ollama.set({ stallChat: false, reply: "Réponse de test [1]." });
    }
  });

  it("an empty model reply ends with quoted passages and a notice, not an empty 'generated' answer", async () => {
    ollama.set({ reply: "" });
    try {
      const events = await readSse(await ask(server, QUESTION));
      const done = events.at(-1)!;
      expect(done.data.mode).toBe("extractive");
      expect(done.data.notice).toContain("rien répondu");
      expect(tokens(events).trim()).not.toBe("");
    } finally {
      ollama.set({ reply: "Réponse de test [1]." });
    }
  });

  it("a draft is finished from templates, with a notice, when the model stalls", async () => {
    ollama.set({ stallChat: "headers" });
    try {
      const events = await readSse(await postJson(`${server.url}/api/drafts`, { type: "letter", inputs: letter }));
      const done = events.at(-1)!;
      expect(done.event).toBe("done");
      expect(["template", "mixed"]).toContain(done.data.mode);
      expect(events.some((e) => e.event === "notice" && /secondes/.test(e.data.text))).toBe(true);
    } finally {
      ollama.set({ stallChat: false });
    }
  });

  it("an empty model reply for a section falls back to its template and says so", async () => {
    ollama.set({ reply: "  " });
    try {
      const events = await readSse(await postJson(`${server.url}/api/drafts`, { type: "letter", inputs: letter }));
      expect(events.at(-1)!.event).toBe("done");
      expect(events.some((e) => e.event === "notice" && e.data.text.includes("rien écrit"))).toBe(true);
    } finally {
      ollama.set({ reply: "Réponse de test [1]." });
    }
  });
});

describe("a server started while Ollama's embedding endpoint hangs", { timeout: 60_000 }, () => {
  it("starts, gives up computing vectors (the call is cancelled), and searches in full text", async () => {
    const ollama = await startFakeOllama({ stallEmbed: true });
    const server = await startTestServer({ OLLAMA_BASE_URL: ollama.url, LLM_TIMEOUT_MS: "300" });
    try {
      await server.engine.vectors.run();
      expect(server.engine.vectors.isComplete()).toBe(false);
      const res = await fetch(`${server.url}/api/search?q=${encodeURIComponent("économies Gendarmerie")}`);
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.mode).toBe("fulltext");
      expect(body.results.length).toBeGreaterThan(0);
      await expect.poll(() => ollama.abandonedStalls, { timeout: 30_000 }).toBeGreaterThan(0);
    } finally {
      await server.stop();
      await ollama.close();
    }
  });
});
