/**
 * The one error type of the application: a stable code, an HTTP status and a French message a user can act on.
 * `toErrorBody` is the single place where errors become `{ error: { code, message } }`.
 */
import type { ZodError } from "zod";
import { formatIssues } from "../ingest/schema.ts";

export type ErrorStatus = 400 | 404 | 409 | 413 | 415 | 422 | 500 | 502 | 503 | 504;

export class AppError extends Error {
  readonly code: string;
  readonly status: ErrorStatus;
  constructor(code: string, message: string, status: ErrorStatus = 400) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.status = status;
  }
}

/** A 400 naming the first offending field of a zod validation error. */
export function validationError(error: ZodError, input: unknown, what = "Requête invalide"): AppError {
  return new AppError("invalid_input", `${what} : ${formatIssues(error, input).join(" ; ")}`, 400);
}

export function toErrorBody(err: unknown): { status: ErrorStatus; body: { error: { code: string; message: string } } } {
  if (err instanceof AppError) return { status: err.status, body: { error: { code: err.code, message: err.message } } };
  return {
    status: 500,
    body: { error: { code: "internal_error", message: "Erreur interne du serveur. Le détail est dans le journal du serveur." } },
  };
}
