/**
 * The single place where any error becomes the JSON body `{ error: { code, message } }` and its HTTP status; a
 * validation error also lists its fields (`fields: [{ path, message }]`) for a form to show under each one.
 */
import { AppError, type ErrorStatus, type FieldError, ioErrorOf } from "../core/errors.ts";
import { message } from "../i18n/messages.ts";

export function toErrorBody(err: unknown): {
  status: ErrorStatus;
  body: { error: { code: string; message: string; fields?: FieldError[]; current?: unknown } };
} {
  const io = ioErrorOf(err);
  if (io) return { status: io.status, body: { error: { code: io.code, message: io.message } } };
  if (err instanceof AppError) {
    const error = {
      code: err.code,
      message: err.message,
      ...(err.fields?.length ? { fields: err.fields } : {}),
      ...(err.current !== undefined ? { current: err.current } : {}),
    };
    return { status: err.status, body: { error } };
  }
  return {
    status: 500,
    body: { error: { code: "internal_error", message: message("http.internal") } },
  };
}
