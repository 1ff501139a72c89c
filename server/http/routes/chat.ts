import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { streamSSE } from "hono/streaming";
import { z } from "zod";
import type { Engine } from "../../engine.ts";
import { AppError, toErrorBody, validationError } from "../../core/errors.ts";
import { message } from "../../i18n/messages.ts";
import { withAdmission } from "../../llm/queue.ts";
import { answer } from "../../answers/answer.ts";
import { MAX_QUERY_CHARS } from "./search.ts";

const chatSchema = z.object({
  messages: z
    .array(
      z.object({
        role: z.enum(["user", "assistant"]),
        content: z.string().trim().min(1).max(8000),
      }),
    )
    .min(1)
    .max(40),
});

/** A conversation of 40 messages of 8,000 characters fits well under this. */
const MAX_CHAT_BYTES = 512 * 1024;

export async function readJson(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new AppError("invalid_json", message("http.invalidJson"));
  }
}

/**
 * `POST /api/chat` → Server-Sent Events: `sources`, `token`…, `done` (or `error`). Closing the connection
 * aborts the model call.
 */
export function chatRoutes(engine: Engine) {
  const limit = bodyLimit({
    maxSize: MAX_CHAT_BYTES,
    onError: () => {
      throw new AppError("payload_too_large", message("chat.tooLarge", { max: MAX_CHAT_BYTES / 1024 }), 413);
    },
  });
  return new Hono().post("/chat", limit, async (c) => {
    const body = await readJson(c.req.raw);
    const parsed = chatSchema.safeParse(body);
    if (!parsed.success) throw validationError(parsed.error, body, message("chat.invalid"));
    const messages = parsed.data.messages;
    const last = messages.at(-1)!;
    if (last.role !== "user") throw new AppError("invalid_input", message("chat.lastNotUser"));
    if (last.content.length > MAX_QUERY_CHARS) {
      throw new AppError("invalid_query", message("search.queryTooLong", { length: last.content.length, max: MAX_QUERY_CHARS }));
    }
    // Admission control: when the model will write the answer, the request takes its place in the model's queue now,
    // so a full queue is a 503 (with Retry-After) before anything streams.
    const controller = new AbortController();
    let position = 0;
    let onPosition = (p: number) => void (position = p);
    const admission = (await engine.models.status()).llmAvailable
      ? engine.modelQueue.acquire({ signal: controller.signal, onPosition: (p) => onPosition(p) })
      : null;
    admission?.catch(() => {});
    return streamSSE(c, async (stream) => {
      stream.onAbort(() => controller.abort());
      try {
        // While the request waits for the model, `queue` events tell the user their place (1 = next).
        onPosition = (p: number) => void stream.writeSSE({ event: "queue", data: JSON.stringify({ position: p }) }).catch(() => {});
        if (position) onPosition(position);
        const run = async () => {
          const events = answer(messages, engine, { numCtx: engine.config.numCtx, maxAnswerTokens: engine.config.maxAnswerTokens, idleTimeoutMs: engine.config.idleTimeoutMs, verifyWithModel: engine.config.verifyWithModel }, controller.signal);
          for await (const event of events) {
            if (controller.signal.aborted) break;
            const { type, ...data } = event;
            await stream.writeSSE({ event: type, data: JSON.stringify(data) });
          }
        };
        await (admission ? withAdmission(admission, run) : run());
      } catch (err) {
        if (!controller.signal.aborted) {
          console.error(err);
          await stream.writeSSE({ event: "error", data: JSON.stringify(toErrorBody(err).body.error) });
        }
      } finally {
        controller.abort();
        void admission?.then((a) => a.release(), () => {});
      }
    });
  });
}
