/**
 * Admission control for model calls: a bounded queue per model, a 503 with Retry-After when it is full, the place
 * in line sent to the waiting user, and searches that never wait behind generations.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createModelQueue, QueueFullError } from "../../server/llm/queue.ts";
import { startFakeOllama } from "../helpers/fake-ollama.ts";
import { parseSse, postJson, startTestServer } from "../helpers/server.ts";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe("model queue", () => {
  it("runs `concurrency` at once, tells waiters their place, refuses beyond `maxWaiting`", async () => {
    const queue = createModelQueue({ concurrency: 1, maxWaiting: 2 });
    const first = await queue.acquire();
    const positions: number[][] = [[], []];
    const second = queue.acquire({ onPosition: (p) => positions[0]!.push(p) });
    const third = queue.acquire({ onPosition: (p) => positions[1]!.push(p) });
    expect(queue.isFull()).toBe(true);
    // Refused at once (synchronously), so a route can answer 503 before it streams anything.
    let refused: any;
    try {
      void queue.acquire();
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(QueueFullError);
    expect(refused.status).toBe(503);
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.message).toMatch(/Réessayez dans \d+ secondes/);

    first.release();
    const s = await second;
    expect(positions).toEqual([[1], [2, 1]]);
    s.release();
    (await third).release();
    expect(queue.active).toBe(0);
    expect(queue.waiting).toBe(0);
  });

  it("a waiter that gives up leaves the line and the next one moves up", async () => {
    const queue = createModelQueue({ concurrency: 1, maxWaiting: 5 });
    const first = await queue.acquire();
    const controller = new AbortController();
    const gaveUp = queue.acquire({ signal: controller.signal });
    const positions: number[] = [];
    const next = queue.acquire({ onPosition: (p) => positions.push(p) });
    controller.abort();
    await expect(gaveUp).rejects.toBeDefined();
    expect(positions).toEqual([2, 1]);
    first.release();
    (await next).release();
    expect(queue.active).toBe(0);
  });
});

describe("POST /api/chat under load", () => {
  it("queues, then refuses with 503 and Retry-After; searches answer meanwhile", async () => {
    const ollama = await startFakeOllama({
      reply: "Un mot puis un autre puis encore un autre [1].",
      tokenDelayMs: 150,
    });
    cleanups.push(() => ollama.close());
    const server = await startTestServer({
      OLLAMA_BASE_URL: ollama.url,
      OLLAMA_STATUS_TTL_MS: "60000",
      LLM_MAX_CONCURRENT: "1",
      LLM_MAX_QUEUE: "1",
    });
    cleanups.push(() => server.stop());
    const ask = () =>
      postJson(`${server.url}/api/chat`, {
        messages: [{ role: "user", content: "Combien la Gendarmerie a-t-elle économisé ?" }],
      });

    const running = await ask();
    expect(running.status).toBe(200);
    const runningText = running.text();
    // Wait until the first generation holds the model, then queue a second one.
    while (server.engine.modelQueue.active === 0) await new Promise((r) => setTimeout(r, 20));
    const waiting = await ask();
    expect(waiting.status).toBe(200);
    while (server.engine.modelQueue.waiting === 0) await new Promise((r) => setTimeout(r, 20));

    const refused = await ask();
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await refused.json()).error).toMatchObject({
      code: "model_busy",
      message: expect.stringContaining("Réessayez"),
    });

    // A search is served while both chats hold or wait for the model.
    const search = await fetch(`${server.url}/api/search?q=gendarmerie`);
    expect(search.status).toBe(200);

    const events = parseSse(await waiting.text());
    const types = events.map((e) => e.event);
    expect(types).toContain("queue");
    expect(events.find((e) => e.event === "queue")!.data).toEqual({ position: 1 });
    expect(types.indexOf("queue")).toBeLessThan(types.indexOf("token"));
    expect(events.at(-1)!.event).toBe("done");
    expect(events.at(-1)!.data.mode).toBe("generated");
    await runningText;
  });
});
