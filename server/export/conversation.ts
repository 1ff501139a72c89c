/**
 * A conversation as a document: each question as a heading, its answer with `[n]` turned into numbered notes
 * naming the cited source, sentences the verification did not support marked « [non vérifié] », then every source
 * the answer listed (title, kind, date, address). Rendered by the same exporters as the drafts (PDF, Markdown), so
 * a printed conversation says what the page showed.
 */
import { kindLabel } from "../core/labels.ts";
import { asOfText, frenchDate, localDay, slugify } from "../core/text.ts";
import type { Citation } from "../drafting/types.ts";
import { countText, message } from "../i18n/messages.ts";
import type { Exchange } from "../store/conversation-types.ts";
import { toMarkdown } from "./markdown.ts";
import {
  type Block,
  countInferenceMarks,
  countUnverifiedMarks,
  type DocumentModel,
  type Inline,
  inferenceSummary,
  markUnverified,
  type Note,
  noteOf,
  parseBlocks,
} from "./model.ts";

export const CONVERSATION_FORMATS = ["md", "pdf"] as const;
export type ConversationFormat = (typeof CONVERSATION_FORMATS)[number];

interface SourceView {
  title: string;
  section: string | null;
  kind: string | null;
  date: string | null;
  url: string | null;
  /** What the passage is credited to (the sources its statements name, or the page's list). */
  credited: { title: string; url: string | null; date: string | null }[];
  page: boolean;
}

const str = (v: unknown) => (typeof v === "string" && v.trim() ? v : null);

/** A listed passage read defensively (a conversation kept in a browser is sent back by it). */
function sourceOf(raw: unknown): SourceView {
  const s = (raw ?? {}) as Record<string, any>;
  const doc = (s.document ?? {}) as Record<string, unknown>;
  const credit = s.credit as { basis?: unknown; sources?: unknown } | undefined;
  const cited = (list: unknown) =>
    (Array.isArray(list) ? list : [])
      .map((x) => x as Record<string, unknown>)
      .filter((x) => str(x?.title))
      .map((x) => ({ title: str(x.title)!, url: str(x.url), date: str(x.date) }));
  const page = credit?.basis === "page";
  const credited = credit ? cited(credit.sources) : s.source ? cited([s.source]) : cited(s.sources);
  // The one source that backs the passage, when there is one, gives the link (as the page does).
  const url = !page && credited.length === 1 ? credited[0]!.url : null;
  return {
    title: str(doc.title) ?? "?",
    section: str(s.section),
    kind: str(doc.kind),
    date: str(doc.date),
    url: url && /^https?:\/\//i.test(url) ? url : null,
    credited,
    page,
  };
}

const kindText = (kind: string | null) => (kind ? kindLabel(kind) : null);

/** A file name's part from a title: at most 40 characters, cut between words. */
function shortSlug(title: string): string {
  const full = slugify(title, 200, "conversation");
  if (full.length <= 40) return full;
  const cut = full.slice(0, 41);
  return cut.slice(0, cut.lastIndexOf("-") > 0 ? cut.lastIndexOf("-") : 40);
}

const plain = (text: string, extra: Partial<Extract<Inline, { kind: "text" }>> = {}): Inline[] => [
  { kind: "text", text, ...extra },
];

/** The verification of an exchange as `markUnverified` reads it. */
function verificationOf(done: Record<string, unknown> | null) {
  const v = done?.verification as { sentences?: unknown } | null | undefined;
  if (!v || !Array.isArray(v.sentences)) return null;
  const sentences = v.sentences
    .map((s) => s as Record<string, unknown>)
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && typeof s.status === "string")
    .map((s) => ({
      ...s,
      reasons: Array.isArray(s.reasons) ? s.reasons : [],
      invalidCitations: Array.isArray(s.invalidCitations) ? s.invalidCitations : [],
    }));
  return { sentences } as never;
}

/** Sentences whose only mark is their wrong citation (« [7 : citation invalide] »): nothing else found against them. */
function wronglyCitedOnly(verification: ReturnType<typeof verificationOf>): number {
  const sentences = (
    verification as { sentences: { status: string; reasons: unknown[]; invalidCitations: unknown[] }[] } | null
  )?.sentences;
  return (sentences ?? []).filter(
    (s) => s.status === "invalid-citation" && s.reasons.length <= s.invalidCitations.length,
  ).length;
}

/**
 * What a generated answer none of whose sentences the sources confirm says first (`done.unconfirmed`, trial26 T-M4):
 * the warning, and the extractive « En bref » for the question when there is one.
 */
function unconfirmedOf(done: Record<string, unknown> | null): { notice: string; brief: string | null } | null {
  const u = done?.unconfirmed as { notice?: unknown; brief?: { text?: unknown } | null } | undefined;
  const notice = str(u?.notice);
  return notice ? { notice, brief: str(u?.brief?.text) } : null;
}

export function buildConversationDocument(
  conversation: { title: string; exchanges: Exchange[] },
  now = new Date(),
): DocumentModel {
  const notes: Note[] = [];
  const body: Block[] = [];
  let unverified = 0;
  let inferred = 0;
  /** Sentences marked only « [n : citation invalide] »: to check as well (the page lists them among « Phrases à vérifier »). */
  let wronglyCited = 0;
  for (const exchange of conversation.exchanges) {
    const sources = exchange.sources.map(sourceOf);
    const citations = new Map<number, Citation>(
      sources.map((s, i) => [
        i + 1,
        {
          n: i + 1,
          title: s.title,
          section: s.section ?? undefined,
          date: s.date,
          url: s.url,
          sources: s.credited,
          page: s.page || undefined,
        },
      ]),
    );
    const byNumber = new Map<number, Note>();
    const ctx = {
      citations,
      flagged: [],
      note(c: Citation): Note {
        let note = byNumber.get(c.n);
        if (!note) {
          note = { n: notes.length + 1, ...noteOf(c) };
          byNumber.set(c.n, note);
          notes.push(note);
        }
        return note;
      },
    };
    body.push({ kind: "heading", level: 1, inlines: plain(exchange.question) });
    const done = exchange.done;
    const verification = verificationOf(done);
    // Nothing of the answer confirmed: said before it, as the page says it, with what the passages say in brief.
    const unconfirmed = unconfirmedOf(done);
    if (unconfirmed) {
      body.push({
        kind: "paragraph",
        style: "banner",
        inlines: plain(unconfirmed.notice, { bold: true, flagged: true }),
      });
      if (unconfirmed.brief)
        body.push(
          {
            kind: "paragraph",
            style: "body",
            inlines: plain(message("conversations.export.unconfirmedBrief"), { italic: true }),
          },
          ...parseBlocks(unconfirmed.brief, ctx),
        );
    }
    const marked = markUnverified({ text: exchange.answer, verification });
    const blocks = exchange.answer.trim() ? parseBlocks(marked, ctx) : [];
    // The sentences the reader sees marked « [non vérifié] » (one wrongly cited shows its « [n : citation invalide] »).
    unverified += countUnverifiedMarks(blocks);
    wronglyCited += blocks.length ? wronglyCitedOnly(verification) : 0;
    inferred += countInferenceMarks(blocks);
    body.push(...blocks);
    const about: string[] = [];
    if (!done) about.push(message("conversations.export.noAnswer"));
    else if (done.abstention) about.push(message("conversations.export.abstained"));
    else
      about.push(
        message(done.mode === "generated" ? "conversations.export.generated" : "conversations.export.extractive"),
      );
    const factsAsOf = str(done?.factsAsOf);
    if (factsAsOf && /^\d{4}(-\d{2}){0,2}$/.test(factsAsOf) && !unconfirmed)
      about.push(message("conversations.export.factsAsOf", { date: asOfText(factsAsOf) }));
    body.push({ kind: "paragraph", style: "meta", inlines: plain(about.join(" ")) });
    if (sources.length) {
      body.push({
        kind: "paragraph",
        style: "body",
        inlines: plain(message("conversations.export.sources"), { bold: true }),
      });
      // Not numbered: the answer's marks are the document's notes, renumbered across the conversation; a second
      // numbering beside them made « [1] » look like the first passage listed (trial11 B7). A cited passage says its note.
      body.push({
        kind: "list",
        ordered: false,
        items: sources.map((s, i) => {
          const title = s.section ? `${s.title} — ${s.section}` : s.title;
          const meta = [kindText(s.kind), s.date].filter(Boolean).join(", ");
          const note = byNumber.get(i + 1);
          const cited = note ? ` ${message("conversations.export.sourceNote", { n: note.n })}` : "";
          return plain(`${title}${meta ? ` (${meta})` : ""}${s.url ? ` — ${s.url}` : ""}${cited}`);
        }),
      });
    }
  }
  const dates = conversation.exchanges
    .map((e) => localDay(e.at))
    .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))
    .sort();
  const front: Block[] = [
    { kind: "paragraph", style: "title", inlines: plain(conversation.title) },
    { kind: "paragraph", style: "subtitle", inlines: plain(message("conversations.export.subtitle")) },
  ];
  const count = countText("question", conversation.exchanges.length);
  if (dates.length)
    front.push({
      kind: "paragraph",
      style: "meta",
      inlines: plain(
        dates[0] === dates.at(-1)
          ? message("conversations.export.metaDay", { count, day: frenchDate(dates[0]!) })
          : message("conversations.export.meta", { count, from: frenchDate(dates[0]!), to: frenchDate(dates.at(-1)!) }),
      ),
    });
  const toCheck = unverified + wronglyCited;
  if (toCheck)
    front.push({
      kind: "paragraph",
      style: "banner",
      inlines: plain(
        wronglyCited
          ? message(`conversations.export.toCheck.${toCheck < 2 ? "one" : "other"}`, {
              count: toCheck,
              unverified,
              invalid: wronglyCited,
            })
          : message(`conversations.export.unverified.${unverified < 2 ? "one" : "other"}`, { count: unverified }),
        { bold: true, flagged: true },
      ),
    });
  if (inferred) front.push(inferenceSummary(inferred));
  return {
    title: conversation.title,
    collectivite: message("conversations.export.subtitle"),
    filename: `${message("conversations.export.filename")}-${shortSlug(conversation.title)}`,
    front,
    body,
    notes,
    footer: message("conversations.export.footer", { date: frenchDate(localDay(now)) }),
    createdAt: now.toISOString(),
  };
}

const CONTENT_TYPES: Record<ConversationFormat, string> = {
  pdf: "application/pdf",
  md: "text/markdown; charset=utf-8",
};

/** The conversation as a PDF or Markdown file. */
export async function exportConversation(
  conversation: { title: string; exchanges: Exchange[] },
  format: ConversationFormat,
): Promise<{ bytes: Uint8Array; contentType: string; filename: string }> {
  const doc = buildConversationDocument(conversation);
  const bytes =
    format === "pdf" ? await (await import("./pdf.ts")).toPdf(doc) : new TextEncoder().encode(toMarkdown(doc));
  return { bytes, contentType: CONTENT_TYPES[format], filename: `${doc.filename}.${format}` };
}
