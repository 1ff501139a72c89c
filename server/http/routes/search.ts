import { Hono } from "hono";
import type { Engine } from "../../engine.ts";
import { checkQuery, parseK } from "../../retrieval/query.ts";

/** `GET /api/search?q=…&k=5` */
export function searchRoutes(engine: Engine) {
  return new Hono().get("/search", async (c) => {
    const query = checkQuery(c.req.query("q"));
    const k = parseK(c.req.query("k"));
    const { mode, results } = await engine.retriever.search(query, k);
    return c.json({ query, mode, results });
  });
}
