/**
 * Attribution: which sources carry a statement taken from a corpus passage. Corpus texts name the source of each
 * fact in parentheses after it (« (Cybernews, 8 octobre 2025 ; Heise, novembre 2025) »), so the sources of a quoted
 * statement are the document's sources named in the statement itself — not the first source of the section or of
 * the document. A statement that names none is Cap Libre's own analysis and is credited as such, never to an
 * unrelated source of the same page. Catalog records carry their sources as data: all of them apply.
 */
import type { Source } from "../corpus/schema.ts";
import { fold } from "../core/text.ts";

/** A source as a note prints it. */
export interface CitedSource {
  title: string;
  url: string | null;
  date: string | null;
}

/** What a passage gives attribution: its text, its document's kind and the document's sources. */
export interface AttributablePassage {
  text: string;
  document: { kind: string };
  sources: Source[];
}

const STOPWORDS = new Set(["de", "du", "des", "la", "le", "les", "l", "d", "et", "en", "a", "au", "aux", "un", "une", "pour", "par", "sur", "via", "dans", "selon", "the", "of"]);
const MONTHS = "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre";

const words = (s: string) => new Set(fold(s).split(/[^a-z0-9]+/).filter((w) => w.length > 0 && !STOPWORDS.has(w) && !/^\d+$/.test(w)));
const subset = (a: Set<string>, b: Set<string>) => a.size > 0 && [...a].every((w) => b.has(w));

/** The name a source goes by: its title up to the first comma, quotation or parenthesis (« Cybernews », « Wikipedia »). */
const shortName = (title: string) => title.split(/,|\s«|\s\(|\s:\s/)[0]!.trim();

/** A reference ends with a date (« 2025 », « avril 2026 », « s. d. », « non daté »). */
const DATED = new RegExp(String.raw`(?:\b\d{4}\b|\bs\.\s?d\.?|non dat[ée]e?|sans date|(?:${MONTHS})\s+\d{4})\s*$`, "iu");

const BARE_DATE = new RegExp(String.raw`^(?:(?:1er|\d{1,2}) )?(?:(?:${MONTHS}) )?\d{4}$|^s\.\s?d\.?$`, "u");

/** The references of a text: each item of each parenthesis, « Heise, novembre 2025 ». */
export function sourceReferences(text: string): string[] {
  return references(text).map((r) => r.text);
}

/** References, each marked when it was read from the words before a bare date (then it must name a listed source). */
function references(text: string): { text: string; beforeDate: boolean }[] {
  return [...text.matchAll(/\(([^()]{3,400})\)/g)].flatMap((m): { text: string; beforeDate: boolean }[] => {
    const inner = m[1]!.replace(/\s+/g, " ").trim();
    // « la présentation de Millau Grands Causses (2026) »: a bare date, the source is named just before it.
    if (BARE_DATE.test(fold(inner))) {
      const before = text.slice(Math.max(0, m.index! - 80), m.index).split(/\s+/).filter(Boolean).slice(-6).join(" ");
      return [{ text: `${before}, ${inner}`, beforeDate: true }];
    }
    return inner
      .split(/\s*;\s*/)
      .map((s) => s.trim())
      .filter((s) => s.length > 2 && !/^(?:voir|cf\.|la fiche|le document)\b/iu.test(s))
      .map((s) => ({ text: s, beforeDate: false }));
  });
}

/** Sources of `sources` a reference names; the most specific when one name contains another. */
function sourcesNamedBy(reference: string, sources: Source[]): Source[] {
  const name = reference.split(",")[0]!;
  const refWords = words(reference);
  // The proper nouns of the name (« la même présentation de Millau Grands Causses » → Millau Grands Causses).
  const proper = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).join(" ");
  const nameWords = words(proper || name);
  const dated = DATED.test(fold(reference));
  const all = sources.map((s) => ({ s, short: words(shortName(s.title)) }));
  // The reference spells the source's name (« Cybernews »); failing that, its proper nouns appear in a dated source's
  // title (« Millau Grands Causses, 2026 » for « Communauté de communes Millau Grands Causses, présentation… »).
  let found = all.filter(({ short }) => subset(short, refWords));
  if (found.length === 0 && dated) {
    found = all.filter(({ s }) => subset(nameWords, words(s.title)));
    // Several pages of one publisher (« courriel de Linux Quimper, avril 2026 »): those of the date given.
    const best = Math.max(0, ...found.map(({ s }) => dateScore(reference, s.date)));
    if (best > 0) found = found.filter(({ s }) => dateScore(reference, s.date) === best);
  }
  const specific = found.filter((a) => !found.some((b) => b !== a && b.short.size > a.short.size && subset(a.short, b.short)));
  // Two articles of one publisher (« Heise, septembre 2025 »): the one whose date the reference gives.
  const score = (s: Source) => dateScore(reference, s.date);
  return specific
    .filter((a) => !specific.some((b) => b !== a && sameWords(a.short, b.short) && score(b.s) > score(a.s)))
    .map((f) => f.s);
}

const sameWords = (a: Set<string>, b: Set<string>) => a.size === b.size && subset(a, b);
const MONTH_LIST = MONTHS.split("|");

/** 2 when the reference gives the source's year and month, 1 for the year alone, else 0. */
function dateScore(reference: string, date: string | null | undefined): number {
  if (!date) return 0;
  const ref = fold(reference);
  const [year, month] = date.split("-");
  if (!year || !ref.includes(year)) return 0;
  const name = month ? MONTH_LIST[Number(month) - 1] : undefined;
  return name && new RegExp(`\\b${name}\\s+${year}`).test(ref) ? 2 : 1;
}

/**
 * The sources a statement of a passage rests on: the document's sources named in it, in order; a dated reference
 * that matches none is kept as written (its title is the reference itself); an empty list means the statement is
 * Cap Libre's own analysis. A catalog record's statements rest on all the record's sources.
 * @example statementSources("… achevée en octobre 2025 (Cybernews, 8 octobre 2025).", passage)
 * // → [{ title: "Cybernews, « German state migrates 40k mailboxes from Exchange »", url: "https://cybernews.com/…", date: "2025-10-08" }]
 */
export function statementSources(statement: string, passage: AttributablePassage, context?: string): CitedSource[] {
  const own = namedSources(statement, passage);
  // A sentence that continues a sourced paragraph (« Il propose que… ») rests on the paragraph's sources.
  return own.length || !context ? own : namedSources(context, passage);
}

function namedSources(statement: string, passage: AttributablePassage): CitedSource[] {
  const cited = (s: Source): CitedSource => ({ title: s.title, url: s.url ?? null, date: s.date ?? null });
  if (passage.document.kind === "catalog") return passage.sources.map(cited);
  const out: CitedSource[] = [];
  const seen = new Set<string>();
  const add = (c: CitedSource) => {
    const key = c.url ?? c.title;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(c);
  };
  for (const { text: reference, beforeDate } of references(statement)) {
    const named = sourcesNamedBy(reference, passage.sources);
    if (named.length) named.forEach((s) => add(cited(s)));
    // A named but unlisted source (« Le Soleil, 2008 ») is kept as written; a parenthesis that is not a reference
    // (« (frais de sortie interdits à partir du 12 janvier 2027) ») has no « name, date » shape and is left out.
    else if (!beforeDate && DATED.test(fold(reference)) && /^\p{Lu}[^,]*,/u.test(reference) && !/^(?:À|A|En|Au|Aux|Selon|Dont|Depuis|Avant|Après)\s/u.test(reference) && !BARE_DATE.test(fold(reference.split(",")[0]!.trim())))
      add({ title: reference, url: null, date: null });
  }
  return out;
}

/**
 * The statement a quotation stands for: the quotation, plus the rest of the passage's sentence when the quotation
 * was cut before it ended — its reference in parentheses usually closes the sentence, and the note needs it.
 */
export function quotedStatement(quote: string, passageText: string): string {
  const tokens = [...passageText.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ w: fold(m[0]), end: m.index! + m[0].length }));
  const tail = [...fold(quote.replace(/\s*…\s*$/, "")).matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0]).slice(-6);
  if (tail.length === 0) return quote;
  for (let i = tokens.length - tail.length; i >= 0; i--) {
    if (!tail.every((w, k) => tokens[i + k]!.w === w)) continue;
    let at = tokens[i + tail.length - 1]!.end;
    // Up to the end of the sentence, parentheses closed: « … stockées hors des États-Unis (AWS, s. d.). »
    let depth = (passageText.slice(0, at).match(/\(/g) ?? []).length - (passageText.slice(0, at).match(/\)/g) ?? []).length;
    const start = at;
    for (; at < passageText.length && at - start < 400; at++) {
      const c = passageText[at]!;
      if (c === "(") depth++;
      else if (c === ")") depth = Math.max(0, depth - 1);
      else if (depth === 0 && /[.!?]/.test(c) && !/\bs\.\s?d$/i.test(passageText.slice(Math.max(0, at - 4), at + 1))) break;
    }
    return `${quote} ${passageText.slice(start, at + 1)}`;
  }
  return quote;
}

/**
 * What precedes a quotation in its paragraph: a sentence that continues a sourced paragraph (« Il propose que… »
 * after « … (courriel de Linux Quimper, avril 2026). ») rests on the references before it, never on those after.
 */
export function paragraphBefore(quote: string, passageText: string): string {
  const head = [...fold(quote).matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0]).slice(0, 6);
  if (head.length === 0) return "";
  for (const paragraph of passageText.split(/\n\s*\n/)) {
    const tokens = [...paragraph.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ w: fold(m[0]), at: m.index! }));
    for (let i = 0; i + head.length <= tokens.length; i++) {
      if (head.every((w, k) => tokens[i + k]!.w === w)) return paragraph.slice(0, tokens[i]!.at);
    }
  }
  return "";
}
