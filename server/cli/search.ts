/** `npm run cli -- search` and `ask`: the same retrieval and answers as the page, printed with their sources. */
import { answer } from "../answers/answer.ts";
import { createEngine } from "../engine.ts";
import { message } from "../i18n/messages.ts";
import { kindLabel, passageLabel } from "../retrieval/passages.ts";
import { checkQuery, parseK } from "../retrieval/query.ts";
import type { SearchResult } from "../retrieval/search.ts";
import { printIndexReport } from "../server.ts";
import type { CommandContext } from "./main.ts";

export async function search({ config, term, out, values, positionals }: CommandContext): Promise<number> {
  const query = checkQuery(positionals.join(" "));
  const k = parseK(values.k);
  const engine = await createEngine(config);
  try {
    if ((await engine.store.stats()).chunks === 0) printIndexReport(await engine.index(), term);
    const status = await engine.models.status();
    if (status.embeddingsAvailable) await engine.vectors.run();
    const result = await engine.retriever.search(query, k);
    if (values.json) {
      out(`${JSON.stringify({ query, ...result }, null, 2)}\n`);
    } else {
      out(`${message(result.mode === "hybrid" ? "cli.search.hybrid" : "cli.search.fullText", { count: result.results.length })}\n\n`);
      result.results.forEach((r, i) => {
        out(`${i + 1}. ${passageLabel(r)}\n   ${kindLabel(r.document.kind)}${r.document.date ? `, ${r.document.date}` : ""}${sourceUrl(r) ? ` — ${sourceUrl(r)}` : ""}\n   ${r.text.replace(/\s+/g, " ").slice(0, 240)}…\n\n`);
      });
    }
    return 0;
  } finally {
    await engine.close();
  }
}

export async function ask({ config, term, out, positionals }: CommandContext): Promise<number> {
  const question = checkQuery(positionals.join(" "));
  const engine = await createEngine(config);
  const controller = new AbortController();
  const abort = () => controller.abort();
  process.once("SIGINT", abort);
  try {
    if ((await engine.store.stats()).chunks === 0) printIndexReport(await engine.index(), term);
    const status = await engine.models.status();
    if (status.embeddingsAvailable) await engine.vectors.run();
    let sources: SearchResult[] = [];
    for await (const event of answer([{ role: "user", content: question }], engine, { numCtx: config.numCtx, maxAnswerTokens: config.maxAnswerTokens, idleTimeoutMs: config.idleTimeoutMs }, controller.signal)) {
      if (event.type === "sources") sources = event.sources;
      else if (event.type === "token") out(event.text);
      else if (event.type === "done") {
        out("\n");
        if (event.notice) term.line(`\n${event.notice}`);
        for (const s of event.verification?.sentences ?? []) if (s.status === "unsupported" || s.status === "invalid-citation") out(`\n${message("cli.unverified", { text: s.text, reasons: s.reasons.join(" ; ") })}\n`);
        if (event.factsAsOf) out(`\n${message("cli.factsAsOf", { date: event.factsAsOf })}\n`);
      }
    }
    if (sources.length) {
      out(`\n${message("cli.sources")}\n`);
      sources.forEach((s, i) => out(`[${i + 1}] ${passageLabel(s)} (${kindLabel(s.document.kind)}${s.document.date ? `, ${s.document.date}` : ""})${s.source ? `\n    ${s.source.title}` : ""}${sourceUrl(s) ? `\n    ${sourceUrl(s)}` : ""}\n`));
    }
    return 0;
  } finally {
    process.off("SIGINT", abort);
    await engine.close();
  }
}

/** The address that backs a passage: its own source's, or its document's when the document has a single source. */
function sourceUrl(r: { source?: { url?: string | null } | null; sources?: { url?: string | null }[] }): string | null {
  if (r.source) return r.source.url ?? null;
  return r.sources?.length === 1 ? (r.sources[0]!.url ?? null) : null;
}
