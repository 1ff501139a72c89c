/**
 * Cap Libre as an OpenAI-compatible server, for the chat front ends collectivités already run (Open WebUI,
 * LibreChat) and any program speaking the OpenAI chat API:
 * - `GET /v1/models`: one model per assistant mode (`cap-libre`: grounded answers);
 * - `POST /v1/chat/completions`: the same use case as `/api/chat` (`rag/answer.ts`: retrieval, abstention,
 *   citations, fallback to extractive mode), streamed as `data:` chunks ending with `data: [DONE]` or as one body.
 *   Sources are appended to the answer as numbered references in Markdown (what these clients display), and given
 *   structured in the extra field `cap_libre`, which clients ignore.
 * Errors have OpenAI's shape `{ error: { message, type, param, code } }`, in French. Keys: `Authorization: Bearer`
 * (see `api-keys.ts`); none is needed for a request from this machine to a loopback address (single-user mode).
 */

import { getConnInfo } from "@hono/node-server/conninfo";
import { type Context, Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { z } from "zod";
import { type AnswerEvent, type AnswerSource, answer, type ConversationMessage } from "../../answers/answer.ts";
import { API_KEYS_COLLECTION, type ApiKeyRecord, createApiKeys } from "../../auth/api-keys.ts";
import { keyWorkspace } from "../../auth/workspace-keys.ts";
import { AppError, validationError } from "../../core/errors.ts";
import { asOfText } from "../../core/text.ts";
import type { Engine } from "../../engine.ts";
import { withSentenceMarks } from "../../export/model.ts";
import { message, pluralMessage } from "../../i18n/messages.ts";
import { type Admission, QueueFullError, withAdmission } from "../../llm/queue.ts";
import { kindLabel, passageLabel } from "../../retrieval/passages.ts";
import { MAX_QUERY_CHARS } from "../../retrieval/query.ts";
import { inWorkspace } from "../../store/workspace-scope.ts";
import { toErrorBody } from "../errors.ts";
import { limitBody, readJson } from "../helpers.ts";

/** The assistant modes offered as models, named so a user recognises them in a client's model list. */
export const OPENAI_MODELS = [{ id: "cap-libre", name: () => message("v1.modelName") }] as const;

/** Front ends send the whole conversation each time: older turns are dropped, not refused. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;
const MAX_TURNS = 40;

/** Starts the sources block appended to answers; removed from earlier answers sent back as history. */
const SOURCES_RULE = "\n\n---\n\n";

const contentSchema = z.union(
  [z.string(), z.array(z.looseObject({ type: z.string(), text: z.string().optional() })), z.null()],
  { error: () => message("v1.contentInvalid") },
);
const requestSchema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(z.looseObject({ role: z.string().min(1), content: contentSchema.optional() })).min(1),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().nullish() }).nullish(),
});

type OpenAIErrorType = "invalid_request_error" | "authentication_error" | "server_error";

export function openAIErrorBody(status: number, messageText: string, code: string | null, type?: OpenAIErrorType) {
  return {
    error: {
      message: messageText,
      type: type ?? (status >= 500 ? "server_error" : "invalid_request_error"),
      param: null,
      code,
    },
  };
}

function toOpenAIError(err: unknown) {
  const { status, body } = toErrorBody(err);
  return { status, body: openAIErrorBody(status, body.error.message, body.error.code) };
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);
const isLoopbackAddress = (address: string | undefined) =>
  !!address && (address === "::1" || /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(address));
/** "127.0.0.1:3000" → "127.0.0.1", "[::1]:3000" → "[::1]". */
const hostName = (host: string) => host.toLowerCase().replace(/:\d+$/, "");

/** Headers a reverse proxy adds: the request then comes from elsewhere, even through a loopback connection. */
const PROXY_HEADERS = ["forwarded", "x-forwarded-for", "x-forwarded-host", "x-real-ip"];

/** A request from this machine to a loopback name, not relayed by a proxy: the single user of a local install. */
function fromLoopback(c: Context): boolean {
  if (PROXY_HEADERS.some((name) => c.req.header(name) !== undefined)) return false;
  let address: string | undefined;
  try {
    address = getConnInfo(c).remote.address;
  } catch {
    return false;
  }
  const host = c.req.header("host");
  return (
    isLoopbackAddress(address) &&
    !!host &&
    (LOOPBACK_HOSTS.has(hostName(host)) || /^127\.\d+\.\d+\.\d+$/.test(hostName(host)))
  );
}

const bearer = (header: string | undefined) => /^Bearer\s+(\S+)\s*$/i.exec(header ?? "")?.[1] ?? null;

/** The text of a message: a string, or the text parts of a multi-part content (images are not read). */
function textOf(content: z.infer<typeof contentSchema> | undefined): string {
  if (typeof content === "string") return content;
  if (!content) return "";
  return content
    .filter((p) => p.type === "text" && typeof p.text === "string")
    .map((p) => p.text)
    .join("\n");
}

/**
 * The conversation as the chat use case takes it: user and assistant turns with text (the client's system prompt
 * is not used: Cap Libre's own instructions govern its answers), the sources block of earlier answers removed.
 */
export function toConversation(
  messages: { role: string; content?: z.infer<typeof contentSchema> }[],
): ConversationMessage[] {
  const turns: ConversationMessage[] = [];
  for (const m of messages) {
    if (m.role !== "user" && m.role !== "assistant") continue;
    let text = textOf(m.content);
    if (m.role === "assistant") {
      const cut = text.lastIndexOf(SOURCES_RULE);
      if (cut >= 0) text = text.slice(0, cut);
      text = text.split(unverifiedMark()).join("");
    }
    text = text.trim();
    if (text) turns.push({ role: m.role, content: text });
  }
  return turns.slice(-MAX_TURNS);
}

const escapeLinkText = (text: string) => text.replace(/([[\]\\])/g, "\\$1");
const link = (text: string, url: string | null | undefined) => (url ? `[${escapeLinkText(text)}](<${url}>)` : text);

/** Numbers `[n]` the answer cites, in the order of the passages. */
function citedNumbers(text: string, count: number): number[] {
  const cited = new Set(
    [...text.matchAll(/\[(\d+)(?:\s*[,;]\s*(\d+))*\]/g)].flatMap((m) => m[0].match(/\d+/g)!.map(Number)),
  );
  const numbers = [...cited].filter((n) => n >= 1 && n <= count).sort((a, b) => a - b);
  return numbers.length ? numbers : Array.from({ length: count }, (_, i) => i + 1);
}

/** Sources of a corpus page listed in a reference credited to the page as a whole. */
const PAGE_SOURCES_SHOWN = 4;

/**
 * One reference: `[n] Document — Section (kind, date) — source: [title](url), date`; a passage credited to the corpus
 * page as a whole (some statement of it names no source) says so and lists the page's sources.
 */
function reference(n: number, r: AnswerSource): string {
  const meta = [kindLabel(r.document.kind), r.document.date].filter(Boolean).join(", ");
  const head = `[${n}] ${link(passageLabel(r), r.document.url)}${meta ? ` (${meta})` : ""}`;
  const cited = (s: { title: string; url?: string | null; date?: string | null }) =>
    [link(s.title, s.url), s.date].filter(Boolean).join(", ");
  const credit = r.credit ?? { basis: r.source ? "named" : "page", sources: r.source ? [r.source] : [] };
  if (credit.sources.length === 0) return head;
  // The sources the passage does name, said so (« AWS … », « Wikipédia … » under the CLOUD Act guide).
  const named = credit.basis === "page" && "named" in credit ? (credit.named ?? []) : [];
  if (named.length) return `${head} — ${message("v1.creditPageNamed", { sources: named.map(cited).join(" ; ") })}`;
  if (credit.basis === "page") {
    // The page's sources, those the passage names first; a long list is cut (`cap_libre.sources` gives all).
    const more = credit.sources.length - PAGE_SOURCES_SHOWN;
    const listed =
      credit.sources.slice(0, PAGE_SOURCES_SHOWN).map(cited).join(" ; ") +
      (more > 0 ? ` ${pluralMessage("v1.creditPageMore", more, { count: more })}` : "");
    return `${head} — ${message("v1.creditPage", { sources: listed })}`;
  }
  return `${head} — source : ${credit.sources.map(cited).join(" ; ")}`;
}

interface Outcome {
  text: string;
  sources: AnswerSource[];
  done: Extract<AnswerEvent, { type: "done" }> | null;
}

/** The inline mark of a sentence its sources do not carry, as the page prints it. */
const unverifiedMark = () => ` **${message("v1.unverifiedMark")}**`;

/** The inline mark of a conclusion the model draws from its sources (`inference`): neutral, in italics. */
const inferenceMark = () => ` _${message("v1.inferenceMark")}_`;

/** The conclusions the model draws from the sources it cites (`inference`), each where it is in the text. */
function inferredSentences(outcome: Outcome) {
  return (outcome.done?.verification?.sentences ?? []).filter(
    (s) => s.status === "inference" && outcome.text.slice(s.start, s.end) === s.text,
  );
}

/** The sentences the verification did not support (or that cite a passage not given), each where it is in the text. */
function unverifiedSentences(outcome: Outcome) {
  return (outcome.done?.verification?.sentences ?? []).filter(
    (s) =>
      (s.status === "unsupported" || s.status === "invalid-citation") && outcome.text.slice(s.start, s.end) === s.text,
  );
}

/**
 * The answer with each sentence its sources do not carry marked « [non vérifié] » before its final point, as on the
 * page: Open WebUI and LibreChat show `content` only (trial12 A10). A streamed answer is already sent: its list after
 * the answer says which sentences.
 */
function markedText(outcome: Outcome): string {
  return withSentenceMarks(outcome.text, outcome.done?.verification?.sentences ?? [], {
    unverified: unverifiedMark(),
    inference: inferenceMark(),
  });
}

/**
 * A written answer that cites none of the passages given to the model (trial15 A19): they are not its sources, and the
 * reader is told so first.
 */
const citesNothing = (outcome: Outcome) =>
  outcome.done?.mode === "generated" && !outcome.done.grounded && outcome.sources.length > 0;

/** The warning opening an answer that cites nothing, as a Markdown quote. */
const noCitationWarning = () => `> ${message("v1.noCitationWarning")}`;

/**
 * What is appended to the answer: the notice (why it is extractive), the verification warning, the references. A
 * streamed answer citing nothing gets its warning here (its text is already sent); otherwise it opens the answer.
 */
function footer(outcome: Outcome, streamed = false): string {
  const parts: string[] = [];
  const done = outcome.done;
  if (streamed && citesNothing(outcome)) parts.push(noCitationWarning());
  if (done?.notice) parts.push(`> ${done.notice}`);
  const counts = done?.verification?.counts;
  const unsupported = counts ? counts.unsupported + counts.invalidCitation : 0;
  if (unsupported > 0) {
    const listed = unverifiedSentences(outcome).map(
      // Every reason, as the page lists them (trial13 A11: the first alone may not be the error).
      (s) => `> - « ${s.text.trim()} »${s.reasons.length ? ` — ${s.reasons.join(" ; ")}` : ""}`,
    );
    parts.push(
      [`> ${pluralMessage("v1.verificationWarning", unsupported, { count: unsupported })}`, ...listed].join("\n"),
    );
  }
  // What the inline mark of a conclusion means, and which sentences carry it (as the unverified ones are listed).
  const inferred = counts?.inferred ?? 0;
  if (inferred > 0)
    parts.push(
      [
        `> ${pluralMessage("v1.inferenceNote", inferred, { count: inferred, mark: message("v1.inferenceMark") })}`,
        ...inferredSentences(outcome).map((s) => `> - « ${s.text.trim()} »`),
      ].join("\n"),
    );
  if (outcome.sources.length) {
    const numbers = citedNumbers(outcome.text, outcome.sources.length);
    parts.push(
      `**${message(citesNothing(outcome) ? "v1.passagesHeading" : "v1.sourcesHeading")}**\n\n${numbers.map((n) => `- ${reference(n, outcome.sources[n - 1]!)}`).join("\n")}`,
    );
  }
  if (done?.factsAsOf && outcome.sources.length)
    parts.push(message("v1.factsAsOf", { date: asOfText(done.factsAsOf) }));
  if (!parts.length) return "";
  return `${outcome.text.endsWith("\n") ? "\n" : "\n\n"}${parts.join("\n\n")}`.replace(/^\n*/, SOURCES_RULE);
}

/** The extra field clients ignore: the structured sources numbered as cited, and what `/api/chat` says in `done`. */
function extra(outcome: Outcome) {
  const { type: _type, ...done } = outcome.done ?? { type: "done" };
  return { ...done, sources: outcome.sources.map((s, i) => ({ number: i + 1, ...s })) };
}

const usageOf = (outcome: Outcome) => {
  const usage = outcome.done?.usage;
  return usage
    ? {
        prompt_tokens: usage.promptTokens,
        completion_tokens: usage.completionTokens,
        total_tokens: usage.promptTokens + usage.completionTokens,
      }
    : undefined;
};

export function openaiRoutes(engine: Engine) {
  const keys = createApiKeys(engine.records<ApiKeyRecord>(API_KEYS_COLLECTION));
  const created = Math.floor(Date.now() / 1000);
  const app = new Hono();

  app.onError((err, c) => {
    const { status, body } = toOpenAIError(err);
    if (err instanceof QueueFullError) c.header("Retry-After", String(err.retryAfterSeconds));
    if (status === 500) console.error(err);
    return c.json(body, status);
  });

  app.use("*", async (c, next) => {
    // Single-user mode (no sign-in): from this machine, whatever key a client insists on sending (the official
    // client requires one) is ignored. With accounts (AUTH=oidc), a key is always required.
    if (engine.config.auth.mode === "none" && fromLoopback(c)) return next();
    const key = bearer(c.req.header("authorization"));
    if (key === null) return c.json(openAIErrorBody(401, message("v1.keyMissing"), "missing_api_key"), 401);
    const found = await keys.verify(key);
    if (!found) return c.json(openAIErrorBody(401, message("v1.keyInvalid"), "invalid_api_key"), 401);
    // The key acts in its own workspace (server/auth/workspace-keys.ts).
    return inWorkspace(keyWorkspace(found), next);
  });

  const describe = (m: (typeof OPENAI_MODELS)[number]) => ({
    id: m.id,
    object: "model",
    created,
    owned_by: "cap-libre",
    name: m.name(),
  });
  const unknownModel = (model: string) =>
    new AppError(
      "model_not_found",
      message("v1.modelNotFound", { model, models: OPENAI_MODELS.map((m) => m.id).join(", ") }),
      404,
    );

  app.get("/models", (c) => c.json({ object: "list", data: OPENAI_MODELS.map(describe) }));
  app.get("/models/:id", (c) => {
    const model = OPENAI_MODELS.find((m) => m.id === c.req.param("id"));
    if (!model) throw unknownModel(c.req.param("id"));
    return c.json(describe(model));
  });

  const limit = limitBody(MAX_BODY_BYTES, () => message("v1.tooLarge", { max: MAX_BODY_BYTES / 1024 }));

  app.post("/chat/completions", limit, async (c) => {
    const body = await readJson(c.req.raw);
    const parsed = requestSchema.safeParse(body);
    if (!parsed.success) throw validationError(parsed.error, body, message("v1.invalid"));
    const request = parsed.data;
    const model = OPENAI_MODELS.find((m) => m.id === request.model);
    if (!model) throw unknownModel(request.model);
    const messages = toConversation(request.messages);
    if (!messages.some((m) => m.role === "user")) throw new AppError("invalid_input", message("v1.noUserMessage"));
    const last = messages.at(-1)!;
    if (last.role !== "user") throw new AppError("invalid_input", message("v1.lastNotUser"));
    if (last.content.length > MAX_QUERY_CHARS) {
      throw new AppError(
        "invalid_query",
        message("search.queryTooLong", { length: last.content.length, max: MAX_QUERY_CHARS }),
      );
    }
    const options = {
      numCtx: engine.config.numCtx,
      maxAnswerTokens: engine.config.maxAnswerTokens,
      idleTimeoutMs: engine.config.idleTimeoutMs,
    };
    const id = `chatcmpl-${crypto.randomUUID()}`;
    const head = { id, created: Math.floor(Date.now() / 1000), model: model.id };
    const outcome: Outcome = { text: "", sources: [], done: null };
    const record = (event: AnswerEvent) => {
      if (event.type === "sources") outcome.sources = event.sources;
      else if (event.type === "token") outcome.text += event.text;
      else outcome.done = event;
    };

    // Admission control, as for /api/chat: when the model will write the answer, the request takes its place in the
    // model's queue now, so a full queue is a 503 with Retry-After before anything streams.
    const controller = new AbortController();
    const admission = (await engine.models.status()).llmAvailable
      ? engine.modelQueue.acquire({ signal: controller.signal })
      : null;
    admission?.catch(() => {});
    const run = async (onEvent: (event: AnswerEvent) => Promise<void> | void) => {
      try {
        const produce = async () => {
          for await (const event of answer(messages, engine, options, controller.signal)) {
            if (controller.signal.aborted) return;
            record(event);
            await onEvent(event);
          }
        };
        await (admission ? withAdmission(admission, produce) : produce());
      } finally {
        controller.abort();
        void admission?.then(
          (a: Admission) => a.release(),
          () => {},
        );
      }
    };

    if (!request.stream) {
      c.req.raw.signal.addEventListener("abort", () => controller.abort(), { once: true });
      await run(() => {});
      const usage = usageOf(outcome);
      return c.json({
        ...head,
        object: "chat.completion",
        choices: [
          {
            index: 0,
            message: {
              role: "assistant",
              content: `${citesNothing(outcome) ? `${noCitationWarning()}\n\n` : ""}${markedText(outcome)}${footer(outcome)}`,
            },
            finish_reason: "stop",
            logprobs: null,
          },
        ],
        ...(usage ? { usage } : {}),
        cap_libre: extra(outcome),
      });
    }

    return streamSSE(c, async (stream) => {
      stream.onAbort(() => controller.abort());
      const chunk = (delta: object, finish: string | null, more: object = {}) =>
        stream.writeSSE({
          data: JSON.stringify({
            ...head,
            object: "chat.completion.chunk",
            choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
            ...more,
          }),
        });
      try {
        await chunk({ role: "assistant", content: "" }, null);
        await run(async (event) => {
          if (event.type === "token") await chunk({ content: event.text }, null);
        });
        if (stream.aborted || !outcome.done) return;
        const end = footer(outcome, true);
        if (end) await chunk({ content: end }, null);
        await chunk({}, "stop", { cap_libre: extra(outcome) });
        const usage = usageOf(outcome);
        if (request.stream_options?.include_usage) {
          await stream.writeSSE({
            data: JSON.stringify({ ...head, object: "chat.completion.chunk", choices: [], usage: usage ?? null }),
          });
        }
        await stream.writeSSE({ data: "[DONE]" });
      } catch (err) {
        if (stream.aborted) return;
        console.error(err);
        await stream.writeSSE({ data: JSON.stringify(toOpenAIError(err).body) });
      }
    });
  });

  app.all("*", (c) => {
    throw new AppError("not_found", message("http.notFound", { path: c.req.path }), 404);
  });
  return app;
}
