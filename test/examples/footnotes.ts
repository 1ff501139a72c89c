/**
 * Checks that every note of a draft points to a source that carries its statement, independently of the code that
 * wrote the note: for each citation, the quoted text must be found in the cited passage; the publishers the note
 * names must be the ones the statement's own references in the passage name (« (Cybernews, 8 octobre 2025) »), or,
 * for a sentence that continues a sourced paragraph, the paragraph's; a note that says « Analyse de Cap Libre »
 * must come from a paragraph that names no source of the page; the address a note prints must belong to a source it
 * names. Used by `make-examples.ts` (report) and `footnotes.test.ts` (assertion).
 */

import type { Draft } from "../../server/drafting/types.ts";
import { BASE_STOPWORDS } from "../../server/i18n/word-lists.ts";
import type { StoredChunk } from "../../server/store/types.ts";

export interface FootnoteProblem {
  section: string;
  n: number;
  problem: string;
}

export interface FootnoteReport {
  checked: number;
  analysis: number;
  problems: FootnoteProblem[];
}

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
const plain = (s: string) =>
  fold(s)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
/** Publisher part of a source title: « Heise », « Communauté de communes Millau Grands Causses ». */
const publisher = (title: string) => plain(title.split(/,|\s«|\s\(|\s:\s|\s—\s/)[0]!);
/**
 * Words of a publisher's name that do not tell it from another: the base stop-words, and the words of a page's kind
 * or of an intercommunality's name (« Site officiel de … », « Communauté de communes … »).
 */
const NOISE = new Set([...BASE_STOPWORDS, "communaute", "communes", "site", "officiel", "page"]);
const nameWords = (title: string) =>
  publisher(title)
    .split(" ")
    .filter((w) => w.length > 1 && !NOISE.has(w));

/** Parenthesised text of a passage span, plus the few words before a bare « (2026) ». */
function references(span: string): string {
  return [...span.matchAll(/\(([^()]*)\)/g)]
    .map((m) =>
      /^\s*(?:\d{1,2} )?(?:\p{L}+ )?\d{4}\s*$/u.test(m[1]!)
        ? `${span.slice(Math.max(0, m.index! - 60), m.index)} ${m[1]}`
        : m[1]!,
    )
    .map(plain)
    .join(" | ");
}

/**
 * The quoted text of citation `n` in a section: the quotation or point carrying the marker — not a sentence of the
 * template that names what the quotation is about (a letter's « comme la Ville de Lyon [2] », trial14 B13).
 */
function quoteOf(text: string, n: number): string | null {
  const lines = text.split("\n").filter((l) => l.includes(`[${n}]`));
  const line = lines.find((l) => /^\s*(?:>|-)\s/.test(l)) ?? lines[0];
  if (!line) return null;
  return (
    line
      .replace(/^\s*(?:>|-)\s*/, "")
      // What a point is about, said by Cap Libre before it (« **Google** : … »): not the quotation.
      .replace(/^\*\*[^*]+\*\*\s*:\s*/, "")
      .replace(/\[\d+\]/g, "")
      .replace(/^«\s*|\s*»\s*$/g, "")
      .trim()
  );
}

/** Where each fragment of a quotation sits in the passage: the span from its start to the end of its sentence. */
function spansOf(quote: string, passage: string): { spans: string[]; missing: string[] } {
  const spans: string[] = [];
  const missing: string[] = [];
  // As a quotation reads it: list markers and Markdown emphasis dropped, one line.
  const flat = passage
    .replace(/(^|\s)[-*]\s+/g, "$1")
    .replace(/[*_`|#>]/g, "")
    .replace(/\s+/g, " ")
    .replace(/\bs\. d\./g, "s.d.");
  const foldedFlat = fold(flat);
  for (const fragment of quote
    .split(/\s*…\s*/)
    .map((f) => f.trim())
    .filter((f) => f.length > 12)) {
    const probe = fold(fragment).slice(0, 50);
    const at = foldedFlat.indexOf(probe);
    if (at < 0) {
      missing.push(fragment.slice(0, 60));
      continue;
    }
    let end = at + fold(fragment).length - 1;
    let depth = 0;
    for (; end < flat.length; end++) {
      const c = flat[end]!;
      if (c === "(") depth++;
      else if (c === ")") depth--;
      else if (depth <= 0 && c === "." && !/s\.\s?d$/i.test(flat.slice(end - 4, end + 1))) break;
    }
    spans.push(flat.slice(at, end + 1));
  }
  return { spans, missing };
}

/** The text of the span's paragraph before the span: what a continuing sentence (« Il propose… ») rests on. */
function paragraphBefore(span: string, passage: string): string {
  for (const p of passage.split(/\n\s*\n/)) {
    const flat = p
      .replace(/(^|\s)[-*]\s+/g, "$1")
      .replace(/[*_`|#>]/g, "")
      .replace(/\s+/g, " ");
    const at = flat.indexOf(span.slice(0, 40));
    if (at >= 0) return flat.slice(0, at);
  }
  return "";
}

/** Checks the citations of every section of the draft's last version against the passages they cite. */
export async function checkFootnotes(
  draft: Draft,
  getChunks: (ids: string[]) => Promise<StoredChunk[]>,
): Promise<FootnoteReport> {
  const report: FootnoteReport = { checked: 0, analysis: 0, problems: [] };
  for (const section of draft.versions.at(-1)!.sections) {
    const chunks = new Map((await getChunks(section.passageIds)).map((c) => [c.id, c]));
    for (const c of section.citations) {
      report.checked++;
      const problem = (p: string) => report.problems.push({ section: section.key, n: c.n, problem: p });
      const chunk = chunks.get(section.passageIds[c.n - 1] ?? "");
      if (!chunk) {
        problem("passage introuvable");
        continue;
      }
      if (chunk.document.title !== c.title)
        problem(`la note nomme la fiche « ${c.title} », le passage vient de « ${chunk.document.title} »`);
      const quote = section.mode === "template" ? quoteOf(section.text, c.n) : null;
      const { spans, missing } = quote ? spansOf(quote, chunk.text) : { spans: [chunk.text], missing: [] };
      for (const m of missing) problem(`citation absente du passage : « ${m}… »`);
      const own = references(spans.join(" "));
      const context = references(spans.map((s) => paragraphBefore(s, chunk.text)).join(" "));
      const isCatalog = chunk.document.kind === "catalog";
      const sources = c.sources ?? [];
      const urls = new Set(sources.map((s) => s.url).filter(Boolean));
      if (c.url && !urls.has(c.url)) problem(`adresse ${c.url} d'aucune source nommée`);
      if (sources.length === 0) {
        report.analysis++;
        const named = chunk.document.sources.filter(
          (s) => nameWords(s.title).length && nameWords(s.title).every((w) => `${own} | ${context}`.includes(w)),
        );
        if (named.length && !isCatalog)
          problem(
            `« analyse de Cap Libre » alors que le paragraphe cite ${named.map((s) => publisher(s.title)).join(", ")}`,
          );
        continue;
      }
      for (const s of sources) {
        const listed = chunk.document.sources.some((d) => d.title === s.title && (d.url ?? null) === s.url);
        if (isCatalog) {
          if (!listed) problem(`source « ${s.title} » absente de la fiche du catalogue`);
          continue;
        }
        const words = nameWords(s.title);
        const inRefs = (refs: string) => words.length > 0 && words.every((w) => refs.includes(w));
        if (!listed && !inRefs(own) && !inRefs(context))
          problem(`source « ${s.title} » ni dans la fiche ni dans les références du passage`);
        else if (listed && !inRefs(own) && !inRefs(context))
          problem(`source « ${s.title} » : le passage cité ne la nomme pas`);
      }
    }
  }
  return report;
}

/** One line per problem, for a report. */
export const problemLines = (report: FootnoteReport) =>
  report.problems.map((p) => `  [${p.section} ${p.n}] ${p.problem}`);
