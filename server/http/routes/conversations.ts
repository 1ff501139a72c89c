/**
 * Conversations kept on the server, each person's own in the current workspace (server/store/conversations.ts):
 * - `GET /api/conversations`: the list, most recent first;
 * - `POST /api/conversations` `{ title?, exchanges }`: keeps a new one (201, `Location`);
 * - `GET /api/conversations/:id`, `PATCH /api/conversations/:id` `{ title }`, `DELETE /api/conversations/:id`;
 * - `POST /api/conversations/:id/exchanges` `{ exchange }`: one more question and its answer, as the `done`
 *   event of `POST /api/chat` left them (sources and verification included);
 * - `GET /api/conversations/:id/export?format=md|pdf`: the file, through the export layer;
 * - `POST /api/conversations/export?format=md|pdf` `{ title, exchanges }`: the same file for a conversation the
 *   browser keeps (without sign-in), nothing stored.
 * Another person's conversation, or one of another workspace, is « introuvable » (404): its existence is not told.
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import { AppError, validationError } from "../../core/errors.ts";
import type { Engine } from "../../engine.ts";
import { CONVERSATION_FORMATS, type ConversationFormat, exportConversation } from "../../export/conversation.ts";
import { message } from "../../i18n/messages.ts";
import {
  CONVERSATION_LIMITS,
  ConversationLimitError,
  type ConversationScope,
  conversationStore,
  type Exchange,
} from "../../store/conversations.ts";
import { accessOfRequest } from "../access.ts";
import { limitBody, readJson } from "../helpers.ts";

const exchangeSchema = z.object({
  at: z.iso.datetime({ offset: true }).optional(),
  question: z.string().trim().min(1).max(8000),
  answer: z.string().max(60_000),
  sources: z.array(z.record(z.string(), z.unknown())).max(40),
  done: z.record(z.string(), z.unknown()).nullable(),
});
const titleSchema = z.string().trim().min(1).max(200);
const createSchema = z.object({
  title: titleSchema.optional(),
  exchanges: z.array(exchangeSchema).max(CONVERSATION_LIMITS.exchanges),
});
const exportSchema = z.object({
  title: titleSchema,
  exchanges: z.array(exchangeSchema).min(1).max(CONVERSATION_LIMITS.exchanges),
});

/** One exchange with its sources and verification fits well under this; a whole conversation under the second. */
const MAX_EXCHANGE_BYTES = 512 * 1024;
const MAX_CONVERSATION_BYTES = 8 * 1024 * 1024;

const tooLarge = (max: number) => limitBody(max, () => message("conversations.tooLarge", { max: max / 1024 }));

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error, body, message("conversations.invalid"));
  return parsed.data;
}

const exchangeOf = (e: z.infer<typeof exchangeSchema>): Exchange => ({
  at: e.at ?? new Date().toISOString(),
  question: e.question,
  answer: e.answer,
  sources: e.sources,
  done: e.done,
});

/** A title from the first question: its first 120 characters, cut at a word. */
const titleFrom = (question: string) =>
  question.length <= 120 ? question : `${question.slice(0, 120).replace(/\s+\S*$/, "")}…`;

function formatOf(raw: string | undefined): ConversationFormat {
  const format = (raw ?? "").toLowerCase();
  if (!(CONVERSATION_FORMATS as readonly string[]).includes(format))
    throw new AppError("invalid_format", message("conversations.formatInvalid", { format: (raw ?? "").slice(0, 20) }));
  return format as ConversationFormat;
}

/** Whose conversations: the person signed in (issuer and subject), or `local` without sign-in. */
function scopeOf(c: Context): ConversationScope {
  const access = accessOfRequest(c.req.raw);
  if (!access?.workspace)
    throw new AppError("no_workspace", message("team.access.noWorkspace", { who: access?.actor ?? "" }), 403);
  const owner = access.person ? `${access.person.issuer}#${access.person.subject}` : "local";
  return { workspace: access.workspace, owner };
}

const notFound = () => new AppError("not_found", message("conversations.notFound"), 404);

async function limited<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ConversationLimitError)
      throw new AppError(
        "conflict",
        message(`conversations.limit.${err.limit}`, { max: CONVERSATION_LIMITS[err.limit] }),
        409,
      );
    throw err;
  }
}

async function sendFile(
  c: Context,
  conversation: { title: string; exchanges: Exchange[] },
  format: ConversationFormat,
) {
  const file = await exportConversation(conversation, format);
  return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
    "content-type": file.contentType,
    "content-disposition": `attachment; filename="${file.filename}"`,
    "content-length": String(file.bytes.byteLength),
  });
}

export function conversationRoutes(engine: Engine) {
  const store = conversationStore(engine.database);
  return new Hono()
    .get("/conversations", async (c) => c.json({ conversations: await store.list(scopeOf(c)) }))
    .post("/conversations", tooLarge(MAX_CONVERSATION_BYTES), async (c) => {
      const scope = scopeOf(c);
      const body = parse(createSchema, await readJson(c.req.raw));
      const exchanges = body.exchanges.map(exchangeOf);
      const title =
        body.title ?? (exchanges[0] ? titleFrom(exchanges[0].question) : message("conversations.export.subtitle"));
      const created = await limited(() => store.create(scope, title, exchanges));
      c.header("location", `/api/conversations/${created.id}`);
      return c.json(created, 201);
    })
    .post("/conversations/export", tooLarge(MAX_CONVERSATION_BYTES), async (c) => {
      const format = formatOf(c.req.query("format"));
      const body = parse(exportSchema, await readJson(c.req.raw));
      return sendFile(c, { title: body.title, exchanges: body.exchanges.map(exchangeOf) }, format);
    })
    .get("/conversations/:id", async (c) => {
      const found = await store.get(scopeOf(c), c.req.param("id"));
      if (!found) throw notFound();
      return c.json(found);
    })
    .patch("/conversations/:id", tooLarge(4096), async (c) => {
      const scope = scopeOf(c);
      const { title } = parse(z.object({ title: titleSchema }), await readJson(c.req.raw));
      const renamed = await store.rename(scope, c.req.param("id"), title);
      if (!renamed) throw notFound();
      return c.json(renamed);
    })
    .delete("/conversations/:id", async (c) => {
      if (!(await store.delete(scopeOf(c), c.req.param("id")))) throw notFound();
      return c.json({ deleted: c.req.param("id") });
    })
    .post("/conversations/:id/exchanges", tooLarge(MAX_EXCHANGE_BYTES), async (c) => {
      const scope = scopeOf(c);
      const { exchange } = parse(z.object({ exchange: exchangeSchema }), await readJson(c.req.raw));
      const updated = await limited(() => store.append(scope, c.req.param("id"), exchangeOf(exchange)));
      if (!updated) throw notFound();
      return c.json(updated);
    })
    .get("/conversations/:id/export", async (c) => {
      const format = formatOf(c.req.query("format"));
      const found = await store.get(scopeOf(c), c.req.param("id"));
      if (!found) throw notFound();
      return sendFile(c, found, format);
    });
}
