import { Hono } from "hono";
import type { Engine } from "../../engine.ts";
import { MAX_QUERY_CHARS } from "../../retrieval/query.ts";

/** `GET /api/health`: what works right now, and what to do when generation is unavailable. */
export function healthRoutes(engine: Engine) {
  return new Hono().get("/health", async (c) => {
    const status = await engine.models.status(c.req.query("refresh") === "1");
    const [stats, mode] = await Promise.all([engine.store.stats(), engine.retriever.mode(status)]);
    return c.json({
      status: "ok",
      llm: {
        available: status.llmAvailable,
        provider: engine.config.llmProvider,
        model: engine.models.llmModel,
        baseUrl: engine.models.baseUrl,
      },
      embeddings: { available: status.embeddingsAvailable, model: engine.models.embeddingModel },
      index: { ...stats, mode },
      notice: status.notice,
      /** What the page says beside its upload box. */
      limits: { maxUploadBytes: engine.config.maxUploadBytes, maxQuestionChars: MAX_QUERY_CHARS },
    });
  });
}
