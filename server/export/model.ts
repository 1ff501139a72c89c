/**
 * The document as every exporter sees it: a title block (with the collectivité's name), an optional « brouillon à
 * compléter » banner and list of figures to check, then blocks (headings, paragraphs, lists, tables, quotes)
 * parsed from the sections' Markdown subset, with `[n]` markers turned into numbered notes carrying the source's
 * title, date and URL. ODT, DOCX, PDF and Markdown render this one model, so they say the same thing.
 */
import { qualifiedFigures } from "../answers/qualified.ts";
import { asOfText, fold, frenchDate, localDay, slugify } from "../core/text.ts";
import { notAttestable } from "../drafting/attestations.ts";
import { loadStructure } from "../drafting/structure.ts";
import type { Citation, Draft, DraftSection, DraftVersion, FigureFlag } from "../drafting/types.ts";
import { countText, message, pluralMessage } from "../i18n/messages.ts";
import { analysisDay } from "../inventory/inventory-date.ts";
import { wholeNumberPattern } from "../verify/figures.ts";

import type {
  Block,
  BlockJson,
  DocumentJson,
  DocumentModel,
  Inline,
  InlineJson,
  Note,
  NotePart,
  SectionOf,
  TextCheck,
} from "./types.ts";

export type { Block, BlockStyle, DocumentJson, DocumentModel, Inline, Note, NotePart } from "./types.ts";

const slug = (s: string) => slugify(s, 60, "document");

const dateText = (d: string | null | undefined) =>
  !d ? message("drafts.note.noDate") : /^\d{4}-\d{2}/.test(d) ? frenchDate(d) : d;

/** « au 10 avril 2026 », « d'avril 2026 », « de mars 2026 », « de 2025 »: a date as « à jour … » takes it. */

/**
 * The text and trailing address of a note made of parts: every address but the last is printed after its part
 * (`Titre, avril 2026 <https://…>`), the last one after the note — or inline too when `inline` (a page's list).
 */
function joinParts(parts: NotePart[], inline = false): { text: string; url: string | null } {
  const last = inline ? -1 : parts.findLastIndex((p) => p.url);
  const text = parts.map((p, i) => (p.url && i !== last ? `${p.text} <${p.url}>` : p.text)).join("");
  return { text, url: last >= 0 ? parts[last]!.url : null };
}

/** A message with `{sources}` in it, as the text before and after the list. */
function around(key: string, params: Record<string, string>): [string, string] {
  const [before = "", after = ""] = message(key, { ...params, sources: "\u0000" }).split("\u0000");
  return [before, after];
}

/**
 * A note: the corpus page and its date, then the sources the cited statement names, each with its date and, but
 * for the last (whose address the exporters print after the note), its address — so every address follows the
 * source it belongs to. A statement that names no source is Cap Libre's own analysis and says so.
 */
export function noteOf(c: Citation): { text: string; url: string | null; parts: NotePart[] } {
  if (!c.sources) {
    // Saved before statements were attributed one by one.
    const date = c.date ? `, ${dateText(c.date)}` : "";
    const text = `${c.title}${c.section ? ` — ${c.section}` : ""}${date}.${c.source ? ` Source : ${c.source}.` : ""}`;
    return { text, url: c.url, parts: [{ text, url: c.url }] };
  }
  // A catalog card is dated by its newest source (« à jour d'octobre 2015 » would read as a stale card): said so.
  const fiche =
    c.catalog && c.date && /^\d{4}/.test(c.date)
      ? message("drafts.note.catalog", {
          title: c.title,
          section: c.section ? ` — ${c.section}` : "",
          date: /^\d{4}-\d{2}-\d{2}/.test(c.date) ? `au ${frenchDate(c.date)}` : `en ${frenchDate(c.date)}`,
        })
      : message("drafts.note.fiche", {
          title: c.title,
          section: c.section ? ` — ${c.section}` : "",
          date: c.date && /^\d{4}/.test(c.date) ? asOfText(c.date) : dateText(c.date),
        });
  if (c.sources.length === 0) {
    const text = `${fiche} ${message(c.unrestated ? "drafts.note.unrestated" : "drafts.note.analysis")}`;
    return { text, url: null, parts: [{ text, url: null }] };
  }
  const [before, after] = around(
    c.page ? "drafts.note.page" : c.sources.length > 1 ? "drafts.note.sources" : "drafts.note.source",
    {},
  );
  const parts: NotePart[] = [{ text: `${fiche} ${before}`, url: null }];
  c.sources.forEach((s, i) => {
    const title = s.title.replace(/\s*\((?:adresse d'origine non conservée|document source du projet)\)\s*$/u, "");
    const named = /,\s*(?:\d{4}|s\.\s?d\.)/u.test(title) && !s.date ? title : `${title}, ${dateText(s.date)}`;
    parts.push(...(i ? [{ text: " ; ", url: null }] : []), { text: named, url: s.url ?? null });
  });
  // « s. d. » then the sentence's own full stop: one full stop, when nothing is printed between them.
  const end = parts.at(-1)!;
  const endPrinted = c.page && end.url ? `<${end.url}>` : end.text;
  parts.push({ text: endPrinted.endsWith(".") && after.startsWith(".") ? after.slice(1) : after, url: null });
  // A page's list backs the page, not the sentence: no address is printed as if it were the sentence's source. An
  // address goes after the note only when it is the last source's: after « Génération NT, 2008 ; Millau, 2026. » it
  // would read as Millau's.
  return { ...joinParts(parts, c.page || !c.sources.at(-1)?.url), parts };
}

/** The text of a note, without the address printed after it. */
export function noteText(c: Citation): string {
  return noteOf(c).text;
}

const isoMonthOrDay = (d: string | null | undefined): d is string => !!d && /^\d{4}(?:-\d{2}){0,2}$/.test(d);

/**
 * How fresh a document's facts are: the most recent date of the corpus pages it cites, the date of the inventory it
 * is computed from, and the oldest dated fact it cites when that is more than a year before the document.
 */
export function freshness(
  draft: Draft,
  version: DraftVersion,
): { asOf: string | null; inventory: string | null; oldest: string | null; old: number; sources: number } {
  const citations = version.sections.flatMap((s) => s.citations);
  const pages = citations
    .map((c) => c.date)
    .filter(isoMonthOrDay)
    .sort();
  // Each source once (cited in several notes, it is one source), with the date of what it says.
  const dates = new Map<string, string>();
  for (const c of citations)
    for (const s of c.sources?.length ? c.sources : [{ title: c.title, date: c.date }]) {
      const date = s.date ?? c.date;
      if (isoMonthOrDay(date)) dates.set(`${s.title}|${date}`, date);
    }
  const facts = [...dates.values()].sort();
  // The day the inventory describes (`analysisDay`: its inventory date, else its import day), the date the document's
  // tables give it: one date per inventory (trial 9: « cartographie du 6 décembre » over « inventaire du 15 juin »).
  const analysis = (draft.inputs as { analysis?: { createdAt?: unknown; inventoryDate?: unknown } }).analysis;
  const day = analysis
    ? analysisDay({
        createdAt: typeof analysis.createdAt === "string" ? analysis.createdAt : null,
        inventoryDate: typeof analysis.inventoryDate === "string" ? analysis.inventoryDate : null,
      })
    : null;
  const inventory = day && isoMonthOrDay(day) ? day : null;
  // Older than a year before the document's own date (a letter's date, else the day it was written).
  const dated = String((draft.inputs as { date?: unknown }).date ?? version.at);
  const yearBefore = `${Number(dated.slice(0, 4)) - 1}${dated.slice(4, 10)}`;
  const isOld = (d: string) => d < yearBefore.slice(0, d.length);
  const oldest = facts[0] && isOld(facts[0]) ? facts[0] : null;
  return { asOf: pages.at(-1) ?? null, inventory, oldest, old: facts.filter(isOld).length, sources: facts.length };
}

/**
 * Marks placed by `markUnverified` around a sentence the verification could not support: where it starts, and where
 * its « [non vérifié] » goes. Inside, a flagged figure is highlighted without a mark of its own and a wrong citation
 * (« [6 : citation invalide] ») is the sentence's mark: one sentence, one mark (its reasons stay in the verification).
 */
const UNVERIFIED_START = "\u0002";
const UNVERIFIED = "\u0001";
/** The end of an unverified sentence's span (its note included): a figure before it is highlighted, never marked. */
const UNVERIFIED_END = "\u0003";
/** Before a flagged figure that the mark of another figure of its sentence covers: highlighted, without a mark. */
const SILENT = "\u0004";
/** Where « [déduction du modèle] » goes: a conclusion the model draws from what it cites (`inference`), not flagged. */
const INFERENCE = "\u0005";
/**
 * Around the label of a sentence attested as a local fact (« [fait local, attesté par Alice le 7 décembre 2026] »,
 * `drafting/attestations.ts`): neither « [non vérifié] » nor sourced; the label is written between the two.
 */
const ATTESTED = "\u0006";
const ATTESTED_END = "\u0007";
/** Before a flagged figure of an attested sentence: the attestation covers it, printed as text. */
const PLAIN = "\u0008";
/**
 * Where « [non vérifié] » goes in a sentence wrongly cited whose content the verification found unsupported too (« … 95
 * millions d'euros en 2031 … [1] [7] », trial26 T-H5): its wrong citation's mark says only that the citation is wrong,
 * while its valid note made the invented figure look sourced; both marks are printed.
 */
const UNVERIFIED_ALSO = "\u000e";
const MARKS = /[\u0001-\u0008\u000e]/g;
const MARK = /[\u0001-\u0006\u0008\u000e]/;

/**
 * Where a flagged figure stands as a number, never inside another (« 5 » in « 75 % » or « 350 », « 360 » in the
 * « 2 360 » of a total), nor as the number of an ordinal (« 1 » in the « 1er mars 2027 » of a user's request, trial25
 * T-M3): a mark never splits a number or a word.
 */
const figurePattern = (raws: string[]) => {
  const whole = wholeNumberPattern(raws);
  return new RegExp(`${whole.source}(?!(?<=\\d)[A-Za-zÀ-ÖØ-öø-ÿ])`, "g");
};

/**
 * The end of a sentence: its final punctuation (« . », « ? », « … », after a closing bracket or quote), then its
 * citations (« … en 2018. [1] ») and a note written after it (« *(« depuis 2020 » : situation décrite …)* »).
 */
const SENTENCE_END = /\s*([.!?…]+)(\*{0,2}[»”"]?\*{0,2}(?:\s*\[\d+\])*(?:\s+\*\([\s\S]*\)\*)?\s*)$/u;

/**
 * Where a sentence's mark goes: before its final punctuation (« … en 2031 [non vérifié]. »), so that in a document
 * without highlighting it reads as this sentence's, not as the label of the next (trial7 B6); at its end when it
 * has none (a list item).
 */
export function markAt(text: string, start: number, end: number): number {
  const m = SENTENCE_END.exec(text.slice(start, end));
  return m ? start + m.index : end;
}

/**
 * A plain answer with each sentence its sources do not carry (or citing a passage not given) followed by `marks`'
 * `unverified`, and each conclusion the model draws by its `inference`, before the sentence's final point (`markAt`):
 * what the OpenAI-compatible API and the CLI print in place, each in its own writing of the marks.
 */
export function withSentenceMarks(
  text: string,
  sentences: { status: string; start: number; end: number; text: string }[],
  marks: { unverified: string; inference: string },
): string {
  const placed = sentences
    .filter((s) => text.slice(s.start, s.end) === s.text)
    .flatMap((s) =>
      s.status === "unsupported" || s.status === "invalid-citation"
        ? [{ at: markAt(text, s.start, s.end), mark: marks.unverified }]
        : s.status === "inference"
          ? [{ at: markAt(text, s.start, s.end), mark: marks.inference }]
          : [],
    )
    .sort((a, b) => b.at - a.at);
  for (const { at, mark } of placed) text = `${text.slice(0, at)}${mark}${text.slice(at)}`;
  return text;
}

/**
 * The section text with each sentence the verification found unsupported or wrongly cited between its marks, and each
 * conclusion the model draws from what it cites followed by « [déduction du modèle] » (`INFERENCE`). One
 * mark a sentence (trial8 B6): in another sentence, of its flagged figures only the last before its end is followed
 * by « [à vérifier] »; the others, and those of the note written after it (« *(« depuis 2024 » : …)* »), are
 * highlighted without a mark of their own.
 */
export function markUnverified(
  section: Pick<DraftSection, "text" | "verification"> & { flags?: FigureFlag[] },
): string {
  let text = section.text;
  const marks = new Map<number, string>();
  const add = (at: number, mark: string, before = false) =>
    marks.set(at, before ? mark + (marks.get(at) ?? "") : (marks.get(at) ?? "") + mark);
  const figures = section.flags?.length ? figurePattern(section.flags.map((f) => f.figure)) : null;
  // The label of each attested sentence, written after the marks at its place.
  const labels = new Map<number, string>();
  for (const s of section.verification?.sentences ?? []) {
    if (s.end > text.length) continue;
    const start = Math.max(0, s.start);
    const at = markAt(text, start, s.end);
    if (s.status === "attested" && s.attestation) {
      labels.set(at, attestedLabel(s.attestation));
      if (figures) for (const m of text.slice(start, s.end).matchAll(figures)) add(start + m.index!, PLAIN);
      continue;
    }
    if (s.status === "inference") add(at, INFERENCE);
    if (s.status !== "unsupported" && s.status !== "invalid-citation") {
      if (!figures) continue;
      const found = [...text.slice(start, s.end).matchAll(figures)].map((m) => start + m.index!);
      const marked = found.filter((i) => i < at).at(-1);
      for (const i of found) if (i !== marked) add(i, SILENT);
      continue;
    }
    // After a quote's, a list's, a heading's or a table row's opening, so that the line is still read as one.
    const opening = /^\s*(?:>\s?)?(?:#{1,6}\s+|(?:[-*•]|\d+[.)])\s+|\|)?/.exec(text.slice(start, s.end))![0].length;
    add(start + opening, UNVERIFIED_START);
    // (A wrong citation's reason comes first, one per citation; any other reason is about what the sentence says.)
    const unsupportedToo = s.status === "invalid-citation" && s.reasons.length > s.invalidCitations.length;
    add(at, unsupportedToo ? UNVERIFIED_ALSO : UNVERIFIED, true);
    add(s.end, UNVERIFIED_END, true);
  }
  for (const at of [...new Set([...marks.keys(), ...labels.keys()])].sort((a, b) => b - a)) {
    const label = labels.has(at) ? `${ATTESTED}${labels.get(at)}${ATTESTED_END}` : "";
    text = `${text.slice(0, at)}${[...new Set(marks.get(at) ?? "")].join("")}${label}${text.slice(at)}`;
  }
  return text;
}

/**
 * « [fait local, attesté par Alice le 7 décembre 2026] »: the name kept to what the text's inline syntax reads as
 * words (no emphasis, brackets or control characters).
 */
export const attestedLabel = (a: { by: string; at: string }) =>
  message("drafts.attest.inline", {
    by: a.by
      .replace(/[*_|[\]\u0000-\u001f]+/g, " ")
      .replace(/\s+/g, " ")
      .trim(),
    date: frenchDate(localDay(a.at)),
  });

/** What the text marks, with the mark it prints: an unverified sentence, or a figure « [à vérifier] ». */
export interface TextMark {
  /** The sentence as printed (its flagged figures highlighted, its note calls left out), or the figure. */
  inlines: Inline[];
  /** « [non vérifié] », « [à vérifier] », « [6 : citation invalide] ». */
  mark: string;
}

interface InlineContext {
  /** Receives each mark printed, in the order of the text (the « Chiffres à vérifier » box lists them). */
  marks?: TextMark[];
  citations: Map<number, Citation>;
  flagged: string[];
  /** Flagged figures the corpus qualifies: not marked in a paragraph that gives their qualification. */
  qualified?: string[];
  /** Gives the global note of a section citation (the same number each time it is cited). */
  note(c: Citation): Note;
}

/**
 * Inline Markdown: `**bold**`, `*italic*`, `[n]` citations; flagged figures are marked and followed by « [à vérifier] »,
 * the end of an unverified sentence by « [non vérifié] » — one mark a sentence (`markUnverified`).
 */
export function parseInline(text: string, ctx: InlineContext): Inline[] {
  const out: Inline[] = [];
  const pattern = /\*\*(.+?)\*\*|\*(?!\s)(.+?)\*|\[(\d+)\]|\n/g;
  let last = 0;
  // Inside an unverified sentence (between its marks), and whether it already carries a mark (a wrong citation).
  let inside = false;
  let marked = false;
  // A flagged figure that another's mark covers (`SILENT` before it).
  let silent = false;
  // A flagged figure an attestation covers (`PLAIN` before it): printed as text.
  let plain = false;
  // Where the unverified sentence being read starts in `out`.
  let from = 0;
  /** A mark printed: what it marks goes to `ctx.marks`, as printed (without note calls). */
  const record = (mark: string, what: Inline[]) => {
    if (!ctx.marks) return;
    const inlines = what.filter((i) => i.kind === "text").map((i) => ({ ...i }));
    const [first, last] = [inlines[0], inlines.at(-1)];
    if (first?.kind === "text") first.text = first.text.trimStart();
    if (last?.kind === "text") last.text = last.text.trimEnd();
    ctx.marks.push({ mark, inlines: inlines.filter((i) => i.kind !== "text" || i.text) });
  };
  const pushText = (t: string, bold?: boolean, italic?: boolean): void => {
    if (!t) return;
    const mark = MARK.exec(t);
    if (mark) {
      pushText(t.slice(0, mark.index), bold, italic);
      if (mark[0] === UNVERIFIED_START) {
        inside = true;
        marked = false;
        from = out.length;
      } else if (mark[0] === UNVERIFIED || mark[0] === UNVERIFIED_ALSO) {
        if (!marked || mark[0] === UNVERIFIED_ALSO) {
          // (Listed once among what to check: with its wrong citation's mark when that one came first.)
          if (!marked) record(message("verify.unverifiedInline"), out.slice(from));
          out.push({ kind: "text", text: ` ${message("verify.unverifiedInline")}`, bold: true, flagged: true });
        }
        // Until the end of its span (its note), the sentence has its mark.
        marked = true;
      } else if (mark[0] === UNVERIFIED_END) {
        inside = false;
        marked = false;
      } else if (mark[0] === ATTESTED) {
        // Neither « vérifié » nor « non vérifié »: in italics, not highlighted, not listed among what to check.
        const end = t.indexOf(ATTESTED_END, mark.index);
        out.push({ kind: "text", text: ` ${t.slice(mark.index + 1, end)}`, italic: true, attested: true });
        pushText(t.slice(end + 1), bold, italic);
        return;
      } else if (mark[0] === PLAIN) plain = true;
      else if (mark[0] === INFERENCE) {
        // Neutral: in italics, neither bold nor highlighted, and not listed among what to check.
        out.push({ kind: "text", text: ` ${message("verify.inferenceInline")}`, italic: true, inference: true });
      } else silent = true;
      pushText(t.slice(mark.index + 1), bold, italic);
      return;
    }
    if (ctx.flagged.length === 0) return void out.push({ kind: "text", text: t, bold, italic });
    const parts = t.split(figurePattern(ctx.flagged));
    for (const [i, part] of parts.entries()) {
      if (!part) continue;
      if (ctx.flagged.includes(part) && plain) {
        plain = false;
        out.push({ kind: "text", text: part, bold, italic });
      } else if (ctx.flagged.includes(part)) {
        out.push({ kind: "text", text: part, bold: true, italic, flagged: true });
        // In an unverified sentence, its « [non vérifié] » is the mark; another figure's may cover this one.
        if (inside || silent) {
          silent = false;
          continue;
        }
        // The mark never glues to the word after it (a flag saved as « 2,5 millions d' » before « ordinateurs »).
        const glued = /^[\p{L}\p{N}]/u.test(parts.slice(i + 1).find(Boolean) ?? "");
        record(message("drafts.flagInline"), [out.at(-1)!]);
        out.push({
          kind: "text",
          text: ` ${message("drafts.flagInline")}${glued ? " " : ""}`,
          bold: true,
          flagged: true,
        });
      } else out.push({ kind: "text", text: part, bold, italic });
    }
  };
  for (const m of text.matchAll(pattern)) {
    pushText(text.slice(last, m.index));
    if (m[1] !== undefined) pushText(m[1], true);
    else if (m[2] !== undefined) pushText(m[2], false, true);
    else if (m[3] !== undefined) {
      const citation = ctx.citations.get(Number(m[3]));
      if (citation) {
        // A note call sits against the word it follows: « catégories¹ », not « catégories ¹ ».
        const previous = out.at(-1);
        if (previous?.kind === "text" && !previous.flagged) previous.text = previous.text.replace(/\s+$/, "");
        out.push({ kind: "note", note: ctx.note(citation) });
      }
      // A marker to no passage given to the model: shown as invalid, never dropped nor re-linked; in an unverified
      // sentence, it is the sentence's mark.
      else {
        if (inside && !marked) record(message("verify.invalidInline", { n: m[3] }), out.slice(from));
        out.push({ kind: "text", text: message("verify.invalidInline", { n: m[3] }), bold: true, flagged: true });
        if (inside) marked = true;
      }
    } else out.push({ kind: "break" });
    last = m.index! + m[0].length;
  }
  pushText(text.slice(last));
  return out;
}

const splitRow = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, "")
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replaceAll("\\|", "|"));

/** Block Markdown of a section: `###` sub-headings, paragraphs (single newlines are line breaks), lists, tables, quotes. */
export function parseBlocks(text: string, ctx: InlineContext): Block[] {
  const blocks: Block[] = [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let i = 0;
  // « … 534 millions d'euros … sont non confirmés » says what « [à vérifier] » would: the figure is left unmarked there.
  const inline = (t: string) => {
    const said = ctx.qualified?.length ? qualifiedFigures(t.replace(MARKS, "")).map((q) => q.figure.raw) : [];
    const kept = said.length
      ? ctx.flagged.filter((f) => !ctx.qualified!.includes(f) || !said.includes(f))
      : ctx.flagged;
    return parseInline(t, kept === ctx.flagged ? ctx : { ...ctx, flagged: kept });
  };
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.trim()) {
      i++;
      continue;
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      blocks.push({ kind: "heading", level: 2, inlines: inline(heading[1]!.trim()) });
      i++;
      continue;
    }
    if (/^\s*\|/.test(line)) {
      const rows: string[][] = [];
      while (i < lines.length && /^\s*\|/.test(lines[i]!)) {
        const cells = splitRow(lines[i]!);
        if (!cells.every((c) => /^:?-{2,}:?$/.test(c))) rows.push(cells);
        i++;
      }
      const [header = [], ...body] = rows;
      blocks.push({
        kind: "table",
        header: header.map(inline),
        rows: body.map((r) => header.map((_, k) => inline(r[k] ?? ""))),
      });
      continue;
    }
    const listItem = /^\s*(?:([-*•])|(\d+)[.)])\s+(.*)$/;
    if (listItem.test(line)) {
      const ordered = listItem.exec(line)![2] !== undefined;
      const items: string[] = [];
      while (i < lines.length) {
        const m = listItem.exec(lines[i]!);
        if (m && (m[2] !== undefined) === ordered) items.push(m[3]!);
        else if (m || !lines[i]!.trim() || !/^\s{2,}/.test(lines[i]!)) break;
        else items[items.length - 1] += ` ${lines[i]!.trim()}`;
        i++;
      }
      blocks.push({ kind: "list", ordered, items: items.map(inline) });
      continue;
    }
    const quote = /^>\s?/.test(line);
    const para: string[] = [];
    while (
      i < lines.length &&
      lines[i]!.trim() &&
      /^>\s?/.test(lines[i]!) === quote &&
      !/^#{1,6}\s|^\s*\||^\s*(?:[-*•]|\d+[.)])\s/.test(quote ? lines[i]!.replace(/^>\s?/, "") : lines[i]!)
    ) {
      para.push(quote ? lines[i]!.replace(/^>\s?/, "") : lines[i]!);
      i++;
    }
    if (para.length === 0) {
      // A quoted list or heading line: keep its text as a quote paragraph.
      para.push(line.replace(/^>\s?/, ""));
      i++;
    }
    blocks.push({ kind: "paragraph", style: quote ? "quote" : "body", inlines: inline(para.join("\n")) });
  }
  return blocks;
}

const plain = (text: string): Inline[] => [{ kind: "text", text }];
const lines = (...texts: (string | undefined | null)[]): Inline[] =>
  texts.filter((t): t is string => !!t).flatMap((t, i) => (i ? [{ kind: "break" } as Inline, ...plain(t)] : plain(t)));

/** The recipient's name with the civility entered (« Monsieur Yann Le Gall »), unless the name already has one. */
export function recipientLine(recipient: { name?: unknown; civility?: unknown }): string | undefined {
  const name = typeof recipient.name === "string" ? recipient.name.trim() : "";
  const civility = typeof recipient.civility === "string" ? recipient.civility : "";
  if (!name) return undefined;
  if (!civility || /^(?:madame|monsieur|mme|m\.|mlle)(?![\p{L}])/iu.test(name)) return name;
  return `${civility} ${name}`;
}

/** The title block of each document type, always with the collectivité's name. */
function titleBlock(draft: Draft): Block[] {
  const inputs = draft.inputs as Record<string, any>;
  const date = frenchDate(localDay(String(inputs.date ?? draft.createdAt)));
  if (draft.type === "letter") {
    const sender = inputs.sender ?? {};
    const recipient = inputs.recipient ?? {};
    return [
      {
        kind: "paragraph",
        style: "sender",
        inlines: [
          { kind: "text", text: sender.name ?? "", bold: true },
          ...(sender.address || sender.url || sender.contact
            ? [{ kind: "break" } as Inline, ...lines(sender.address, sender.url, sender.contact)]
            : []),
        ],
      },
      {
        kind: "paragraph",
        style: "right",
        // « Présidente de Lannion-Trégor Communauté » already names it: the collectivité is not repeated below.
        // « Monsieur Yann Le Gall » as entered (civility, then name), then the role, the collectivité and the
        // postal address when one was given, one line each.
        inlines: lines(
          recipientLine(recipient),
          recipient.role,
          fold(String(recipient.role ?? "")).includes(fold(draft.collectivite)) ? undefined : draft.collectivite,
          ...String(recipient.address ?? "")
            .split(/\r?\n/)
            .map((l) => l.trim()),
        ),
      },
      {
        kind: "paragraph",
        style: "right",
        inlines: plain(inputs.place ? `${inputs.place}, le ${date}` : `Le ${date}`),
      },
    ];
  }
  const meta: string[] = [];
  if (draft.type === "briefing" && inputs.recipient?.name)
    meta.push(`À l'attention de ${inputs.recipient.name}${inputs.recipient.role ? `, ${inputs.recipient.role}` : ""}`);
  meta.push([inputs.author ? `${inputs.author}` : null, date].filter(Boolean).join(" — "));
  return [
    { kind: "paragraph", style: "title", inlines: plain(draft.title) },
    { kind: "paragraph", style: "subtitle", inlines: plain(draft.collectivite) },
    { kind: "paragraph", style: "meta", inlines: lines(...meta) },
  ];
}

const sourceKey = (s: { title: string; url: string | null }) =>
  s.url ?? fold(s.title.replace(/,\s*s\.\s?d\.\s*$/u, "")).replace(/[^a-z0-9]+/g, " ");
const precision = (d: string | null | undefined) => (isoMonthOrDay(d) ? d.length : 0);

/**
 * A version whose notes give each source one date (the most precise, then the most recent, its pages give): the
 * same article is not « s. d. » in one note and « 2016 » in the next because two corpus pages date it differently.
 */
export function oneDatePerSource(version: DraftVersion): DraftVersion {
  const best = new Map<string, string>();
  for (const c of version.sections.flatMap((s) => s.citations))
    for (const s of c.sources ?? []) {
      const key = sourceKey(s);
      const known = best.get(key);
      if (!isoMonthOrDay(s.date)) continue;
      if (!known || precision(s.date) > precision(known) || (precision(s.date) === precision(known) && s.date > known))
        best.set(key, s.date);
    }
  const dated = (s: NonNullable<Citation["sources"]>[number]) => {
    const date = best.get(sourceKey(s));
    return !date || date === s.date ? s : { ...s, title: s.title.replace(/,\s*s\.\s?d\.\s*$/u, ""), date };
  };
  return {
    ...version,
    sections: version.sections.map((section) => ({
      ...section,
      citations: section.citations.map((c) => (c.sources ? { ...c, sources: c.sources.map(dated) } : c)),
    })),
  };
}

/** « 2 des 9 sources citées datent de plus d'un an (la plus ancienne : mars 2008) »: how many, and the oldest. */
const oldSourcesText = (old: number, total: number, oldest: string) =>
  message(`drafts.freshness.old.${old === total ? (total < 2 ? "only" : "all") : old < 2 ? "one" : "other"}`, {
    count: old,
    total,
    date: frenchDate(oldest),
  });

/** « 2 phrases non vérifiées et 1 citation invalide : à relire … », a count of zero left out. */
const verificationSummary = (unsupported: number, invalid: number) =>
  message("verify.summary", {
    what: [
      unsupported ? countText("unverifiedSentence", unsupported) : "",
      invalid ? countText("invalidCitation", invalid) : "",
    ]
      .filter(Boolean)
      .join(" et "),
  });

/** Builds the document model of a draft version (the latest by default, `version` counts from 1). */
export function buildDocument(draft: Draft, version?: number): DocumentModel {
  const chosen: DraftVersion = oneDatePerSource(version ? draft.versions[version - 1]! : draft.versions.at(-1)!);
  const notes: Note[] = [];
  const sections: SectionOf<Block>[] = [];
  const marks: (TextMark & { section: DraftSection })[] = [];
  for (const section of chosen.sections) {
    const byKey = new Map<number, Note>();
    const ctx: InlineContext = {
      marks: [],
      citations: new Map(section.citations.map((c) => [c.n, c])),
      flagged: section.flags.map((f) => f.figure),
      qualified: section.flags.filter((f) => f.qualifier).map((f) => f.figure),
      note(c) {
        let note = byKey.get(c.n);
        if (!note) {
          note = { n: notes.length + 1, ...noteOf(c) };
          byKey.set(c.n, note);
          notes.push(note);
        }
        return note;
      },
    };
    sections.push({
      key: section.key,
      title: section.title,
      heading: section.heading,
      blocks: parseBlocks(markUnverified(section), ctx),
    });
    marks.push(...ctx.marks!.map((m) => ({ ...m, section })));
  }
  const body = sections.flatMap((s): Block[] =>
    s.heading ? [{ kind: "heading", level: 1, inlines: plain(s.title) }, ...s.blocks] : s.blocks,
  );

  const front: Block[] = titleBlock(draft);
  const fresh = freshness(draft, chosen);
  const asOf = [
    fresh.asOf ? message("drafts.freshness.asOf", { date: asOfText(fresh.asOf) }) : null,
    fresh.inventory
      ? message(
          (draft.inputs as { latestInventory?: boolean }).latestInventory
            ? "drafts.freshness.latestInventory"
            : "drafts.freshness.inventory",
          { date: frenchDate(fresh.inventory) },
        )
      : null,
  ]
    .filter(Boolean)
    .join(" ; ");
  if (asOf && draft.type !== "letter") front.push({ kind: "paragraph", style: "meta", inlines: plain(asOf) });
  if (fresh.oldest)
    front.push({
      kind: "paragraph",
      style: "banner",
      inlines: [{ kind: "text", text: oldSourcesText(fresh.old, fresh.sources, fresh.oldest), bold: true }],
    });
  const toComplete = chosen.sections.filter((s: DraftSection) => s.toComplete).length;
  if (toComplete)
    front.push({
      kind: "paragraph",
      style: "banner",
      inlines: [
        {
          kind: "text",
          text: message(`drafts.banner.${toComplete < 2 ? "one" : "other"}`, { count: toComplete }),
          bold: true,
        },
      ],
    });
  // The box lists what the text marks, with the same mark, in the text's order (trial8 A8: never a true date alone
  // while its sentence is the one to check). A figure the corpus qualifies says so (« chiffre que le corpus dit « non
  // confirmés » … »), a claim it contradicts says what it says instead.
  const checks: TextCheck[] = [];
  if (marks.length) {
    front.push({
      kind: "paragraph",
      style: "banner",
      inlines: [
        { kind: "text", text: `${message("drafts.flagsTitle")} — `, bold: true },
        ...plain(message("drafts.flagsIntro")),
      ],
    });
    // One line per thing to check, with why (the reason the verification gives: a reader must tell a true date
    // wrongly cited from a false obligation, trial11 B5); the same sentence marked in several sections is one line
    // naming them all.
    const lines = new Map<string, { inlines: Inline[]; mark: string; why: string[]; sections: string[] }>();
    for (const { inlines, mark, section } of marks) {
      const said = new Set(
        inlines.filter((i) => i.kind === "text" && i.flagged).map((i) => (i as { text: string }).text),
      );
      const reasons = [
        ...new Set(section.flags.filter((f) => (f.qualifier || f.claim) && said.has(f.figure)).map((f) => f.reason)),
      ];
      const text = inlineText(inlines).trim();
      const reason =
        mark === message("drafts.flagInline")
          ? (section.flags.find((f) => said.has(f.figure))?.reason ?? "")
          : (reasons[0] ?? sentenceReason(section, inlineText(inlines)));
      checks.push({ section: section.key, text, mark, reason });
      // What the corpus says of a qualified figure or a contradicted claim, all of it; else the one reason.
      const why = reasons.length ? reasons : [reason].filter(Boolean);
      const key = JSON.stringify([fold(text), mark, why]);
      const line = lines.get(key);
      if (line) {
        if (!line.sections.includes(section.title)) line.sections.push(section.title);
      } else lines.set(key, { inlines, mark, why, sections: [section.title] });
    }
    front.push({
      kind: "list",
      ordered: false,
      items: [...lines.values()].map(({ inlines, mark, why, sections }) => [
        ...inlines.map((i) => (i.kind === "text" && !i.flagged ? { ...i, bold: false, italic: false } : i)),
        { kind: "text" as const, text: ` ${mark}`, bold: true, flagged: true },
        ...plain(` (${[sections.join(" ; "), ...why].join(" — ")})`),
      ]),
    });
  }
  const unsupported = chosen.sections.reduce((n, s) => n + (s.verification?.counts.unsupported ?? 0), 0);
  const invalid = chosen.sections.reduce((n, s) => n + (s.verification?.counts.invalidMarkers ?? 0), 0);
  if (unsupported + invalid)
    front.push({
      kind: "paragraph",
      style: "banner",
      inlines: [{ kind: "text", text: verificationSummary(unsupported, invalid), bold: true, flagged: true }],
    });
  const inferred = chosen.sections.reduce((n, s) => n + (s.verification?.counts.inferred ?? 0), 0);
  if (inferred) front.push(inferenceSummary(inferred));
  const attested = chosen.sections.reduce((n, s) => n + (s.verification?.counts.attested ?? 0), 0);
  if (attested)
    front.push({
      kind: "paragraph",
      style: "meta",
      inlines: [
        { kind: "text", text: pluralMessage("drafts.attest.summary", attested, { count: attested }), italic: true },
      ],
    });
  const structure = loadStructure(draft.type);
  return {
    title: draft.title,
    collectivite: draft.collectivite,
    filename: `${structure.filename}-${slug(draft.collectivite)}`,
    front,
    body,
    sections,
    notes,
    asOf: asOf || null,
    footer: [message("drafts.generatedBy", { date: frenchDate(localDay(chosen.at)) }), asOf]
      .filter(Boolean)
      .join(" — "),
    createdAt: draft.createdAt,
    checks,
  };
}

/** Why a sentence is marked « [non vérifié] »: the first reason its verification gives, found by its printed text. */
function sentenceReason(section: DraftSection, printed: string): string {
  const key = (t: string) =>
    fold(t.replace(/\[\d+\]|[*_]/g, ""))
      .replace(/[^a-z0-9]+/g, " ")
      .trim()
      .slice(0, 60);
  const wanted = key(printed);
  return (
    section.verification?.sentences.find((x) => x.status !== "supported" && key(x.text).startsWith(wanted.slice(0, 40)))
      ?.reasons[0] ?? ""
  );
}

/** How many « [déduction du modèle, à apprécier] » labels blocks print. */
export function countInferenceMarks(blocks: Block[]): number {
  return inlinesOf(blocks).filter((i) => i.kind === "text" && i.inference).length;
}

/**
 * The front line saying what « [déduction du modèle, à apprécier] » means, when blocks print it `count` times: neutral
 * (not a banner), the reader is not asked to check a fact but to judge a conclusion.
 */
export const inferenceSummary = (count: number): Block => ({
  kind: "paragraph",
  style: "meta",
  inlines: [
    {
      kind: "text",
      text: pluralMessage("verify.inferenceSummary", count, { count, mark: message("verify.inferenceInline") }),
      italic: true,
    },
  ],
});

const inlinesOf = (blocks: Block[]) =>
  blocks.flatMap((b) =>
    b.kind === "list" ? b.items.flat() : b.kind === "table" ? [...b.header, ...b.rows.flat()].flat() : b.inlines,
  );

/** How many « [non vérifié] » marks blocks print. */
export function countUnverifiedMarks(blocks: Block[]): number {
  const mark = ` ${message("verify.unverifiedInline")}`;
  const inlines = blocks.flatMap((b) =>
    b.kind === "list" ? b.items.flat() : b.kind === "table" ? [...b.header, ...b.rows.flat()].flat() : b.inlines,
  );
  return inlines.filter((i) => i.kind === "text" && i.flagged && i.text === mark).length;
}

/** Inline content as plain text (notes as `[n]`), for table cells in PDF and for checks. */
export function inlineText(inlines: Inline[], breaks = " "): string {
  return inlines.map((i) => (i.kind === "text" ? i.text : i.kind === "note" ? `[${i.note.n}]` : breaks)).join("");
}

const inlineJson = (inlines: Inline[]): InlineJson[] =>
  inlines.map((i) => (i.kind === "note" ? { kind: "note", n: i.note.n } : i));

function blockJson(b: Block): BlockJson {
  switch (b.kind) {
    case "list":
      return { ...b, items: b.items.map(inlineJson) };
    case "table":
      return { ...b, header: b.header.map(inlineJson), rows: b.rows.map((r) => r.map(inlineJson)) };
    default:
      return { ...b, inlines: inlineJson(b.inlines) };
  }
}

const callsOf = (b: BlockJson): InlineJson[] =>
  b.kind === "list" ? b.items.flat() : b.kind === "table" ? [...b.header, ...b.rows.flat()].flat() : b.inlines;

/**
 * The model of one version as the page renders it (`model` beside a draft in the draft routes): each section's
 * blocks, note calls by number, and under each section the notes first called in it — the numbers the ODT,
 * DOCX, PDF and Markdown exports print.
 */
export function documentJson(draft: Draft, version = draft.versions.length): DocumentJson {
  const doc = buildDocument(draft, version);
  const drafted = new Map(draft.versions[version - 1]?.sections.map((s) => [s.key, s]) ?? []);
  // The flagged sentences a person may attest as local facts (`drafting/attestations.ts`), for the page's buttons.
  const attestable = (key: string) => {
    const section = drafted.get(key);
    return (section?.verification?.sentences ?? [])
      .filter((s) => s.status === "unsupported" && !notAttestable(s, section!.flags))
      .map((s) => s.text);
  };
  const byNumber = new Map(doc.notes.map((n) => [n.n, n]));
  const listed = new Set<number>();
  return {
    version,
    asOf: doc.asOf ?? null,
    checks: doc.checks ?? [],
    sections: (doc.sections ?? []).map((s) => {
      const blocks = s.blocks.map(blockJson);
      const notes: Note[] = [];
      for (const i of blocks.flatMap(callsOf))
        if (i.kind === "note" && !listed.has(i.n)) {
          listed.add(i.n);
          notes.push(byNumber.get(i.n)!);
        }
      return { ...s, blocks, notes, attestable: attestable(s.key) };
    }),
  };
}
