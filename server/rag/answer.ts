/**
 * Grounded answers: retrieve, keep the passages that really match, then either stream a generated answer from
 * the local model (passages budgeted to fit its context window, inside delimited blocks of the user turn) or,
 * without a model, quote the passages (extractive mode). Failures of the model fall back to extractive mode.
 */
import { randomBytes } from "node:crypto";
import { message } from "../i18n/messages.ts";
import type { ChatTurn, ModelProvider, Usage } from "../llm/types.ts";
import { isRelevant, keywords } from "../retrieval/relevance.ts";
import type { Retriever, SearchResult } from "../retrieval/search.ts";
import { loadTemplate, readPrompt } from "./prompts.ts";

export interface ConversationMessage {
  role: "user" | "assistant";
  content: string;
}

export type AnswerEvent =
  | { type: "sources"; sources: SearchResult[] }
  | { type: "token"; text: string }
  | { type: "done"; mode: "generated" | "extractive"; usage: Usage | null; notice: string | null };

export interface AnswerOptions {
  numCtx: number;
  maxAnswerTokens: number;
  /** Passages retrieved before the relevance filter and the budget. */
  retrieve?: number;
  /** The model call is abandoned (and the answer falls back) after this long without a token. */
  idleTimeoutMs?: number;
}

/** Conservative estimate for French with Mistral's tokenizer (about 3.5–4 characters per token). */
export const estimateTokens = (text: string) => Math.ceil(text.length / 3);

const systemPrompt = readPrompt("system");
const answerTemplate = loadTemplate("answer");
const passageTemplate = loadTemplate("passage");

export function kindLabel(kind: string): string {
  try {
    return message(`kind.${kind}`);
  } catch {
    return kind;
  }
}

/** "Document — Section", or the document title alone for a passage before any heading. */
export const passageLabel = (r: { section: string; document: { title: string } }) =>
  r.section ? `${r.document.title} — ${r.section}` : r.document.title;

/** The retrieval query: the last question, with the previous one when the last is a short follow-up. */
export function retrievalQuery(messages: ConversationMessage[]): string {
  const users = messages.filter((m) => m.role === "user").map((m) => m.content);
  const last = users.at(-1) ?? "";
  return keywords(last).length < 3 && users.length > 1 ? `${users.at(-2)} ${last}` : last;
}

export async function* answer(
  messages: ConversationMessage[],
  deps: { retriever: Retriever; models: ModelProvider },
  options: AnswerOptions,
  signal: AbortSignal,
): AsyncGenerator<AnswerEvent> {
  const question = messages.at(-1)!.content;
  const query = retrievalQuery(messages);
  const { results } = await deps.retriever.search(query, options.retrieve ?? 8);
  const terms = keywords(query);
  const relevant = results.filter((r) => isRelevant(terms, `${r.document.title} ${r.section} ${r.text}`));
  const status = await deps.models.status();

  if (relevant.length === 0) {
    yield { type: "sources", sources: [] };
    yield { type: "token", text: message("answer.noResult") };
    yield { type: "done", mode: status.llmAvailable ? "generated" : "extractive", usage: null, notice: status.llmAvailable ? null : status.notice };
    return;
  }

  if (!status.llmAvailable) {
    const used = relevant.slice(0, 4);
    yield { type: "sources", sources: used };
    yield* extractive(used, terms, status.notice);
    return;
  }

  const history = budgetHistory(messages.slice(0, -1), options);
  // Delimiters drawn for this request: a question cannot close a passage block or open a forged one.
  const tag = delimiterTag();
  const passages = await budgetPassages(relevant, neutralize(question), history, options, tag);
  yield { type: "sources", sources: passages.used };
  const turns: ChatTurn[] = [
    { role: "system", content: systemPrompt },
    ...history,
    { role: "user", content: await answerTemplate.format({ passages: passages.text, question: neutralize(question), tag }) },
  ];
  let usage: Usage | null = null;
  let produced = false;
  const idle = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const rearm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => idle.abort(), options.idleTimeoutMs ?? 120_000);
  };
  try {
    rearm();
    const modelSignal = AbortSignal.any([signal, idle.signal]);
    for await (const event of deps.models.chat().stream(turns, { signal: modelSignal, numCtx: options.numCtx, maxTokens: options.maxAnswerTokens })) {
      if (idle.signal.aborted) throw new Error("model idle timeout");
      rearm();
      if (event.type === "token") {
        produced = true;
        yield event;
      } else {
        usage = event.usage;
      }
    }
    if (idle.signal.aborted) throw new Error("model idle timeout");
  } catch (err) {
    if (signal.aborted) return;
    deps.models.markUnreachable();
    if (produced) yield { type: "token", text: "\n\n" };
    const notice = idle.signal.aborted || (err as Error)?.name === "ModelTimeoutError" ? message("ollama.timeout", { seconds: Math.round((options.idleTimeoutMs ?? 120_000) / 1000) }) : message("ollama.failedMidStream");
    yield* extractive(passages.used.slice(0, 4), terms, notice);
    return;
  } finally {
    clearTimeout(timer);
  }
  if (signal.aborted) return;
  // An empty reply is not an answer: the passages are quoted instead, and the user is told why.
  if (!produced) return yield* extractive(passages.used.slice(0, 4), terms, message("ollama.emptyReply"));
  yield { type: "done", mode: "generated", usage, notice: null };
}

async function* extractive(used: SearchResult[], terms: string[], notice: string | null): AsyncGenerator<AnswerEvent> {
  const parts = [message("answer.extractiveIntro")];
  used.forEach((r, i) => {
    parts.push(`[${i + 1}] ${passageLabel(r)} (${kindLabel(r.document.kind)}${r.document.date ? `, ${r.document.date}` : ""}) :\n« ${excerpt(r.text, terms)} »`);
  });
  for (const part of parts) yield { type: "token", text: `${part}\n\n` };
  yield { type: "done", mode: "extractive", usage: null, notice };
}

/**
 * Sentences of a text, with nothing lost. A sentence ends at `.`, `!` or `?` followed by a space and then a capital,
 * a digit, an opening quote or bracket: so « lemondeinformatique.fr », « (s. d. ; Sorena) » and a question quoted
 * inside « … ? » do not cut a sentence in two.
 * @example splitSentences("Selon l'étude (s. d.), oui. Puis non.") // ["Selon l'étude (s. d.), oui.", "Puis non."]
 */
export function splitSentences(text: string): string[] {
  const parts = text.split(/(?<=[.!?])\s+(?=[\p{Lu}\p{N}«"“(\[])/u);
  return parts.map((s) => s.trim()).filter(Boolean);
}

/** The sentences of a passage that hold the most keywords, in their original order, about 500 characters. */
export function excerpt(text: string, terms: string[], maxChars = 500): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= maxChars) return clean;
  const sentences = splitSentences(clean);
  const scored = sentences.map((s, i) => ({ s: s.trim(), i, score: keywords(s).filter((w) => terms.some((t) => w.startsWith(t.slice(0, 5)))).length }));
  const picked = [...scored].sort((a, b) => b.score - a.score || a.i - b.i);
  const kept: typeof scored = [];
  let length = 0;
  for (const s of picked) {
    if (length + s.s.length > maxChars && kept.length) continue;
    kept.push(s);
    length += s.s.length + 1;
  }
  kept.sort((a, b) => a.i - b.i);
  return kept.map((s, j) => (j > 0 && s.i !== kept[j - 1]!.i + 1 ? `… ${s.s}` : s.s)).join(" ").slice(0, maxChars + 200);
}

/** Earlier turns, newest first, as long as they use at most a quarter of the context window. */
function budgetHistory(previous: ConversationMessage[], options: AnswerOptions): ChatTurn[] {
  const budget = Math.floor(options.numCtx / 4);
  const kept: ChatTurn[] = [];
  let used = 0;
  for (const m of [...previous].reverse().slice(0, 6)) {
    const cost = estimateTokens(m.content) + 4;
    if (used + cost > budget) break;
    kept.unshift({ role: m.role, content: m.content });
    used += cost;
  }
  return kept;
}

/** Numbered passage blocks, in rank order, as many as fit in what the context window leaves. */
async function budgetPassages(results: SearchResult[], question: string, history: ChatTurn[], options: AnswerOptions, tag: string) {
  const fixed =
    estimateTokens(systemPrompt) +
    estimateTokens(await answerTemplate.format({ passages: "", question, tag })) +
    history.reduce((n, t) => n + estimateTokens(t.content) + 4, 0) +
    32;
  return fitPassages(results, options.numCtx - options.maxAnswerTokens - fixed, tag);
}

/** Numbered passage blocks (`prompts/fr/passage.md`), in rank order, as many as fit in `budget` tokens. */
/** A random tag for the delimiters of one prompt (`<<<PASSAGE-3f9a0c2e [1]`), unknown to whoever wrote the question. */
export const delimiterTag = () => randomBytes(4).toString("hex");

/** Text from a user or a document inside a prompt: it cannot open or close a delimited block. */
export const neutralize = (text: string) => text.replaceAll("<<<", "«").replaceAll(">>>", "»");

export async function fitPassages(results: SearchResult[], budget: number, tag = delimiterTag()): Promise<{ used: SearchResult[]; text: string }> {
  const used: SearchResult[] = [];
  const blocks: string[] = [];
  for (const r of results) {
    const block = await passageTemplate.format({
      number: used.length + 1,
      tag,
      title: neutralize(r.document.title),
      kind: kindLabel(r.document.kind),
      date: r.document.date ?? "date inconnue",
      section: r.section || "(introduction)",
      text: neutralize(r.text),
    });
    const cost = estimateTokens(block);
    if (cost > budget) continue;
    budget -= cost;
    used.push(r);
    blocks.push(block);
  }
  return { used, text: blocks.join("\n\n") };
}
