/** A question typed by a user, checked before any search: a French 400 the user can act on. */
import { AppError } from "../core/errors.ts";
import { message } from "../i18n/messages.ts";

export const MAX_QUERY_CHARS = 500;

/**
 * Checks a question typed by a user; throws a French 400 the user can act on. `from` says where it was typed: the
 * chat and the CLI say « La question est vide », the search API names its parameter `q`.
 */
export function checkQuery(raw: string | undefined, from: "question" | "api" = "question"): string {
  const q = (raw ?? "").trim();
  if (!q) throw new AppError("invalid_query", message(from === "api" ? "search.queryEmpty" : "question.empty"));
  if (q.length > MAX_QUERY_CHARS)
    throw new AppError("invalid_query", message("search.queryTooLong", { length: q.length, max: MAX_QUERY_CHARS }));
  return q;
}

export function parseK(raw: string | undefined, fallback = 5): number {
  if (raw === undefined || raw === "") return fallback;
  const k = Number(raw);
  if (!Number.isInteger(k) || k < 1 || k > 50) throw new AppError("invalid_k", message("search.kInvalid"));
  return k;
}
