import { Hono } from "hono";
import type { Engine } from "../../engine.ts";
import { AppError } from "../../core/errors.ts";
import { message } from "../../i18n/messages.ts";

export const MAX_QUERY_CHARS = 500;

/** Checks a question typed by a user; throws a French 400 the user can act on. */
export function checkQuery(raw: string | undefined): string {
  const q = (raw ?? "").trim();
  if (!q) throw new AppError("invalid_query", message("search.queryEmpty"));
  if (q.length > MAX_QUERY_CHARS) throw new AppError("invalid_query", message("search.queryTooLong", { length: q.length, max: MAX_QUERY_CHARS }));
  return q;
}

export function parseK(raw: string | undefined, fallback = 5): number {
  if (raw === undefined || raw === "") return fallback;
  const k = Number(raw);
  if (!Number.isInteger(k) || k < 1 || k > 50) throw new AppError("invalid_k", message("search.kInvalid"));
  return k;
}

/** `GET /api/search?q=…&k=5` */
export function searchRoutes(engine: Engine) {
  return new Hono().get("/search", async (c) => {
    const query = checkQuery(c.req.query("q"));
    const k = parseK(c.req.query("k"));
    const { mode, results } = await engine.retriever.search(query, k);
    return c.json({ query, mode, results });
  });
}
