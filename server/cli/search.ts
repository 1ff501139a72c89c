/** `npm run cli -- search` and `ask`: the same retrieval and answers as the page, printed with their sources. */

import { type AnswerEvent, type AnswerSource, answer } from "../answers/answer.ts";
import { AppError } from "../core/errors.ts";
import { frenchDate } from "../core/text.ts";
import { createEngine } from "../engine.ts";
import { withSentenceMarks } from "../export/model.ts";
import { message, pluralMessage } from "../i18n/messages.ts";
import { kindLabel, passageLabel } from "../retrieval/passages.ts";
import { checkQuery, parseK } from "../retrieval/query.ts";
import type { SearchResult } from "../retrieval/search.ts";
import { printIndexReport } from "../server.ts";
import { runningServerUrl } from "../store/lock.ts";
import type { CommandContext } from "./main.ts";
import { terminalWriter } from "./terminal-text.ts";

/**
 * A Cap Libre server already running on this data folder (it holds the folder's lock): the CLI asks it over
 * HTTP rather than being refused. Null when none runs, or when it asks for a sign-in the CLI does not have.
 */
async function runningServer(dataDir: string): Promise<string | null> {
  const url = await runningServerUrl(dataDir);
  if (!url) return null;
  const health = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) }).catch(() => null);
  return health?.ok ? url : null;
}

/** The SSE events of `POST /api/chat`, as the answer use case yields them. */
async function* remoteAnswer(url: string, question: string, signal: AbortSignal): AsyncGenerator<AnswerEvent> {
  const response = await fetch(`${url}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ messages: [{ role: "user", content: question }] }),
    signal,
  });
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new AppError("server_refused", body?.error?.message ?? `HTTP ${response.status}`);
  }
  let buffer = "";
  for await (const chunk of response.body.pipeThrough(new TextDecoderStream())) {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const type = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (!type || data === undefined) continue;
      if (type === "error") throw new AppError("server_error", (JSON.parse(data) as { message: string }).message);
      yield { type, ...JSON.parse(data) } as AnswerEvent;
    }
  }
}

export async function search({ config, term, out, values, positionals }: CommandContext): Promise<number> {
  const query = checkQuery(positionals.join(" "));
  const k = parseK(values.k);
  const url = await runningServer(config.dataDir);
  const engine = url ? null : await createEngine(config);
  try {
    let result: { mode: string; results: SearchResult[] };
    if (url) {
      const response = await fetch(`${url}/api/search?q=${encodeURIComponent(query)}&k=${k}`);
      if (!response.ok)
        throw new AppError("server_refused", ((await response.json()) as { error: { message: string } }).error.message);
      result = (await response.json()) as typeof result;
    } else {
      if ((await engine!.store.stats()).chunks === 0) printIndexReport(await engine!.index(), term);
      const status = await engine!.models.status();
      if (status.embeddingsAvailable) await engine!.vectors.run();
      result = await engine!.retriever.search(query, k);
    }
    if (values.json) {
      out(`${JSON.stringify({ query, ...result }, null, 2)}\n`);
    } else {
      out(
        `${message(result.mode === "hybrid" ? "cli.search.hybrid" : "cli.search.fullText", { count: result.results.length })}\n\n`,
      );
      result.results.forEach((r, i) => {
        out(
          `${i + 1}. ${passageLabel(r)}\n   ${kindLabel(r.document.kind)}${r.document.date ? `, ${r.document.date}` : ""}${r.source?.url ? ` — ${r.source.url}` : ""}\n   ${r.text.replace(/\s+/g, " ").slice(0, 240)}…\n\n`,
        );
      });
    }
    return 0;
  } finally {
    await engine?.close();
  }
}

export async function ask({ config, term, out, ansi, positionals }: CommandContext): Promise<number> {
  const question = checkQuery(positionals.join(" "));
  const url = await runningServer(config.dataDir);
  const engine = url ? null : await createEngine(config);
  const controller = new AbortController();
  const abort = () => controller.abort();
  process.once("SIGINT", abort);
  try {
    let events: AsyncGenerator<AnswerEvent>;
    if (engine) {
      if ((await engine.store.stats()).chunks === 0) printIndexReport(await engine.index(), term);
      const status = await engine.models.status();
      if (status.embeddingsAvailable) await engine.vectors.run();
      events = answer(
        [{ role: "user", content: question }],
        engine,
        { numCtx: config.numCtx, maxAnswerTokens: config.maxAnswerTokens, idleTimeoutMs: config.idleTimeoutMs },
        controller.signal,
      );
    } else {
      events = remoteAnswer(url!, question, controller.signal);
    }
    let sources: AnswerSource[] = [];
    let cited: number[] | undefined;
    // Bold as the terminal's bold on a terminal that takes colours; plain text in a file or a pipe.
    const text = terminalWriter(out, ansi);
    // The answer is printed whole once checked, each sentence its sources do not carry marked « [non vérifié] » in
    // place, as the page and the exports mark it (trial21 T-L9: a user copying the answer from the terminal copied
    // unmarked claims, listed only after it).
    let written = "";
    for await (const event of events) {
      if (event.type === "sources") sources = event.sources;
      else if (event.type === "token") written += event.text;
      else if (event.type === "done") {
        cited = event.cited;
        text.write(
          withSentenceMarks(written, event.verification?.sentences ?? [], {
            unverified: ` ${message("verify.unverifiedInline")}`,
            inference: ` ${message("v1.inferenceMark")}`,
          }),
        );
        text.end();
        out("\n");
        if (event.notice) term.line(`\n${event.notice}`);
        for (const s of event.verification?.sentences ?? [])
          if (s.status === "unsupported" || s.status === "invalid-citation")
            out(`\n${message("cli.unverified", { text: s.text, reasons: s.reasons.join(" ; ") })}\n`);
          else if (s.status === "inference") out(`\n${message("cli.inference", { text: s.text })}\n`);
        if (event.factsAsOf)
          out(
            `\n${message(event.factsOld ? "cli.factsAsOfOld" : "cli.factsAsOf", { date: frenchDate(event.factsAsOf) })}\n`,
          );
      }
    }
    const list = (title: string, numbers: number[]) => {
      if (numbers.length === 0) return;
      out(`\n${message(title)}\n`);
      for (const n of numbers) {
        const s = sources[n - 1]!;
        out(
          `[${n}] ${passageLabel(s)} (${kindLabel(s.document.kind)}${s.document.date ? `, ${s.document.date}` : ""})\n${creditLines(s)}`,
        );
      }
    };
    const all = sources.map((_, i) => i + 1);
    // A generated answer's sources: those it cites, then apart the passages the model was given and did not cite.
    if (cited) {
      list("cli.sourcesCited", cited);
      list(
        "cli.sourcesOther",
        all.filter((n) => !cited.includes(n)),
      );
    } else list("cli.sources", all);
    return 0;
  } finally {
    process.off("SIGINT", abort);
    await engine?.close();
  }
}

/** Sources of a corpus page printed under a passage credited to the page as a whole. */
const PAGE_SOURCES_SHOWN = 4;

/** What a listed passage is credited to: its sources, each with its address, or the corpus page and the page's sources. */
function creditLines(s: AnswerSource): string {
  // A server of an older version sends no credit: its one source, if any.
  const credit = s.credit ?? {
    basis: s.source ? "named" : "page",
    sources: s.source ? [{ title: s.source.title, url: s.source.url ?? null, date: s.source.date ?? null }] : [],
  };
  const line = (c: AnswerSource["credit"]["sources"][number], indent: string) =>
    `${indent}${c.title}${c.date ? `, ${c.date}` : ""}${c.url ? `\n${indent}  ${c.url}` : ""}\n`;
  if (credit.basis !== "page") return credit.sources.map((c) => line(c, "    ")).join("");
  if (credit.sources.length === 0) return "";
  // The sources the passage does name, first and said so (« AWS … », « Wikipédia … » under the CLOUD Act guide).
  const named = "named" in credit ? (credit.named ?? []) : [];
  if (named.length)
    return `    ${message("cli.creditPageNamed")}\n${named.map((c) => line(c, "      ")).join("")}    ${message("cli.creditPageRest")}\n`;
  // The page's sources, those the passage names first; a long list is cut (the page and /api/chat give all).
  const shown = credit.sources.slice(0, PAGE_SOURCES_SHOWN);
  const more = credit.sources.length - shown.length;
  return `    ${message("cli.creditPage")}\n${shown.map((c) => line(c, "      ")).join("")}${more > 0 ? `      ${pluralMessage("cli.creditPageMore", more, { count: more })}\n` : ""}`;
}
