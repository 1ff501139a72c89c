/**
 * The one error type of the application: a stable code, an HTTP status and a French message a user can act on.
 * `http/errors.ts` is the single place where errors become `{ error: { code, message } }`.
 */
import path from "node:path";
import type { ZodError } from "zod";
import { formatIssues } from "../core/validation.ts";
import { message } from "../i18n/messages.ts";

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 421 | 422 | 429 | 500 | 502 | 503 | 504 | 507;

/** One invalid field of a request: its path in the body (`inputs.recipient.name`) and a French message without it. */
export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: string;
  readonly status: ErrorStatus;
  /** The fields a validation error is about, so a form can show each message under its field. */
  fields?: FieldError[];
  /** What a conflict (409) is with: the record saved meanwhile, for a page to show it. */
  current?: unknown;
  constructor(code: string, message: string, status: ErrorStatus = 400) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.status = status;
  }
}

/** `formatIssues` lines (« path : message ») as field errors, the path given `prefix`. */
export function fieldErrors(lines: string[], prefix = ""): FieldError[] {
  return lines.map((line) => {
    const cut = line.indexOf(" : ");
    return cut < 0
      ? { path: "", message: line }
      : { path: `${prefix}${line.slice(0, cut)}`, message: line.slice(cut + 3) };
  });
}

/** A 400 naming the first offending field of a zod validation error. */
export function validationError(error: ZodError, input: unknown, what = "Requête invalide"): AppError {
  const lines = formatIssues(error, input);
  const err = new AppError("invalid_input", `${what} : ${lines.join(" ; ")}`, 400);
  err.fields = fieldErrors(lines);
  return err;
}

/** Errno codes (Node) and OS error numbers (LanceDB's Rust messages: « (os error 28) ») of storage failures. */
const IO_ERRORS: Record<string, { key: string; status: ErrorStatus; os: number[] }> = {
  ENOSPC: { key: "io.diskFull", status: 507, os: [28] },
  EDQUOT: { key: "io.diskFull", status: 507, os: [122] },
  EROFS: { key: "io.readOnly", status: 503, os: [30] },
  EACCES: { key: "io.denied", status: 503, os: [13] },
  EPERM: { key: "io.denied", status: 503, os: [1] },
  EMFILE: { key: "io.tooManyFiles", status: 503, os: [24] },
  ENFILE: { key: "io.tooManyFiles", status: 503, os: [23] },
};

/**
 * A storage failure (disk full, read-only or forbidden folder…) as a French AppError saying what to do, whether
 * it comes from Node (`err.code`, `err.path`) or from LanceDB (an English message with Rust source paths, which
 * never reaches the user); null for any other error.
 */
export function ioErrorOf(err: unknown, folder?: string): AppError | null {
  if (err instanceof AppError || !(err instanceof Error)) return null;
  const errno = (err as NodeJS.ErrnoException).code;
  const os = /\(os error (\d+)\)/.exec(err.message)?.[1];
  const found =
    (errno && IO_ERRORS[errno] ? [errno, IO_ERRORS[errno]] : null) ??
    (os ? Object.entries(IO_ERRORS).find(([, v]) => v.os.includes(Number(os))) : null) ??
    // SQLite (node:sqlite: errcode 13 SQLITE_FULL, 8 SQLITE_READONLY) and PostgreSQL (SQLSTATE 53100 disk_full).
    (/no space left on device|database or disk is full/i.test(err.message) ||
    (err as { errcode?: number }).errcode === 13 ||
    errno === "53100"
      ? ["ENOSPC", IO_ERRORS.ENOSPC!]
      : null) ??
    (/attempt to write a readonly database/i.test(err.message) || (err as { errcode?: number }).errcode === 8
      ? ["EROFS", IO_ERRORS.EROFS!]
      : null);
  if (!found) return null;
  const [code, info] = found as [string, (typeof IO_ERRORS)[string]];
  const where =
    folder ??
    ((err as NodeJS.ErrnoException).path
      ? path.dirname((err as NodeJS.ErrnoException).path!)
      : message("io.dataFolder"));
  return new AppError(`io_${code.toLowerCase()}`, message(info.key, { folder: where }), info.status);
}

/**
 * Where `JSON.parse(text)` failed, as « ligne L, colonne C », from V8's error (whose English text and excerpt of
 * the input never reach a user); an empty string when V8 gives no position.
 */
export function jsonErrorPlace(text: string, err: unknown): string {
  const at = /position (\d+)/.exec((err as Error)?.message ?? "");
  if (!at) return /end of JSON|Unexpected end/i.test((err as Error)?.message ?? "") ? message("json.atEnd") : "";
  const before = text.slice(0, Number(at[1]));
  return message("json.at", { line: before.split("\n").length, column: Number(at[1]) - before.lastIndexOf("\n") });
}
