/** What every route shares: reading a JSON body, bounding its size, and streaming events as Server-Sent Events. */
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { SSEStreamingApi } from "hono/streaming";
import { AppError } from "../core/errors.ts";
import { message } from "../i18n/messages.ts";
import { toErrorBody } from "./errors.ts";

/** The request body as JSON, or a French 400. */
export async function readJson(req: Pick<Request, "json">): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new AppError("invalid_json", message("http.invalidJson"));
  }
}

/** A body-size limit answered by a French 413 (`tooLarge` says what to do; by default the limit in KB). */
export function limitBody(
  maxSize: number,
  tooLarge: () => string = () => message("http.tooLarge", { max: Math.round(maxSize / 1024) }),
) {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError("payload_too_large", tooLarge(), 413);
    },
  });
}

/**
 * Writes each `{ type, ...data }` event as an SSE event until the generator ends or the client goes; an error
 * becomes an `error` event with the French body (logged when it is a 500).
 */
export async function writeEvents(
  stream: SSEStreamingApi,
  events: AsyncIterable<{ type: string }>,
  signal: AbortSignal,
): Promise<void> {
  try {
    for await (const event of events) {
      if (signal.aborted) break;
      const { type, ...data } = event;
      await stream.writeSSE({ event: type, data: JSON.stringify(data) });
    }
  } catch (err) {
    await writeError(stream, err, signal);
  }
}

/** An error as an SSE `error` event with its French body (nothing once the client has gone; a 500 is logged). */
export async function writeError(stream: SSEStreamingApi, err: unknown, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return;
  const { status, body } = toErrorBody(err);
  if (status === 500) console.error(err);
  await stream.writeSSE({ event: "error", data: JSON.stringify(body.error) });
}

export type { Context };
