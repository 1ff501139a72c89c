import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { z } from "zod";
import { answer } from "../../answers/answer.ts";
import { AppError, validationError } from "../../core/errors.ts";
import type { Engine } from "../../engine.ts";
import { message } from "../../i18n/messages.ts";
import { withAdmission } from "../../llm/queue.ts";
import { checkQuery, MAX_QUERY_CHARS } from "../../retrieval/query.ts";
import { limitBody, readJson, writeError, writeEvents } from "../helpers.ts";

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

/**
 * `POST /api/chat` → Server-Sent Events: `sources`, `token`…, `done` (or `error`). Closing the connection
 * aborts the model call.
 */
export function chatRoutes(engine: Engine) {
  const limit = limitBody(MAX_CHAT_BYTES, () => message("chat.tooLarge", { max: MAX_CHAT_BYTES / 1024 }));
  return new Hono().post("/chat", limit, async (c) => {
    const body = await readJson(c.req.raw);
    // A blank last question is told as such (« La question est vide »), not as an invalid conversation.
    const sent = (body as { messages?: unknown } | null)?.messages;
    const lastSent = Array.isArray(sent)
      ? (sent.at(-1) as { role?: unknown; content?: unknown } | undefined)
      : undefined;
    if (lastSent?.role === "user" && typeof lastSent.content === "string") checkQuery(lastSent.content);
    const parsed = chatSchema.safeParse(body);
    if (!parsed.success) throw validationError(parsed.error, body, message("chat.invalid"));
    const messages = parsed.data.messages;
    const last = messages.at(-1)!;
    if (last.role !== "user") throw new AppError("invalid_input", message("chat.lastNotUser"));
    if (last.content.length > MAX_QUERY_CHARS) {
      throw new AppError(
        "invalid_query",
        message("search.queryTooLong", { length: last.content.length, max: MAX_QUERY_CHARS }),
      );
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
        onPosition = (p: number) =>
          void stream.writeSSE({ event: "queue", data: JSON.stringify({ position: p }) }).catch(() => {});
        if (position) onPosition(position);
        const run = () => {
          const events = answer(
            messages,
            engine,
            {
              numCtx: engine.config.numCtx,
              maxAnswerTokens: engine.config.maxAnswerTokens,
              idleTimeoutMs: engine.config.idleTimeoutMs,
              verifyWithModel: engine.config.verifyWithModel,
            },
            controller.signal,
          );
          return writeEvents(stream, events, controller.signal);
        };
        await (admission ? withAdmission(admission, run) : run());
      } catch (err) {
        await writeError(stream, err, controller.signal);
      } finally {
        controller.abort();
        void admission?.then(
          (a) => a.release(),
          () => {},
        );
      }
    });
  });
}
