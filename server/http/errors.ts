/** The single place where any error becomes the JSON body `{ error: { code, message } }` and its HTTP status. */
import { AppError, ioErrorOf, type ErrorStatus } from "../core/errors.ts";
import { message } from "../i18n/messages.ts";

export function toErrorBody(err: unknown): { status: ErrorStatus; body: { error: { code: string; message: string } } } {
  const io = ioErrorOf(err);
  if (io) return { status: io.status, body: { error: { code: io.code, message: io.message } } };
  if (err instanceof AppError) return { status: err.status, body: { error: { code: err.code, message: err.message } } };
  return {
    status: 500,
    body: { error: { code: "internal_error", message: message("http.internal") } },
  };
}
