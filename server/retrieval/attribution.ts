/**
 * Attribution: which sources carry a statement taken from a corpus passage. Corpus texts name the source of each
 * fact in parentheses after it (« (Cybernews, 8 octobre 2025 ; Heise, novembre 2025) »), so the sources of a quoted
 * statement are the document's sources named in the statement itself — not the first source of the section or of
 * the document. A statement that names none is Cap Libre's own analysis and is credited as such, never to an
 * unrelated source of the same page. Catalog records carry their sources as data: all of them apply.
 */

import { fold } from "../core/text.ts";
import type { Source } from "../corpus/schema.ts";
import { BASE_STOPWORDS } from "../i18n/word-lists.ts";

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

/**
 * Words that do not name a source: the base stop-words, and the prepositions and indefinite articles of a source's
 * title or of the words that introduce it (« selon », « via », « par »), in English too (« The … of … »).
 */
const STOPWORDS = new Set([
  ...BASE_STOPWORDS,
  "a",
  "au",
  "aux",
  "un",
  "une",
  "pour",
  "par",
  "sur",
  "via",
  "dans",
  "selon",
  "the",
  "of",
]);
const MONTHS = "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre";

const words = (s: string) =>
  new Set(
    fold(s)
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 0 && !STOPWORDS.has(w) && !/^\d+$/.test(w)),
  );
const subset = (a: Set<string>, b: Set<string>) => a.size > 0 && [...a].every((w) => b.has(w));

/** The name a source goes by: its title up to the first comma, quotation or parenthesis (« Cybernews », « Wikipedia »). */
const shortName = (title: string) => title.split(/,|\s«|\s\(|\s:\s/)[0]!.trim();

/** A reference ends with a date (« 2025 », « avril 2026 », « s. d. », « non daté »). */
const DATED = new RegExp(
  String.raw`(?:\b\d{4}\b|\bs\.\s?d\.?|non dat[ée]e?|sans date|(?:${MONTHS})\s+\d{4})\s*$`,
  "iu",
);

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
      const before = text
        .slice(Math.max(0, m.index! - 80), m.index)
        .split(/\s+/)
        .filter(Boolean)
        .slice(-6)
        .join(" ");
      return [{ text: `${before}, ${inner}`, beforeDate: true }];
    }
    return inner
      .split(/\s*;\s*/)
      .map((s) => s.trim())
      .filter((s) => s.length > 2 && !/^(?:voir|cf\.|la fiche|le document)\b/iu.test(s))
      .map((s) => ({ text: s, beforeDate: false }));
  });
}

/** Each source with the words of the name it goes by, computed once per list of sources. */
const shortNames = new WeakMap<Source[], { s: Source; short: Set<string>; title: Set<string> }[]>();
function shortNamesOf(sources: Source[]) {
  let all = shortNames.get(sources);
  if (!all)
    shortNames.set(
      sources,
      (all = sources.map((s) => ({ s, short: words(shortName(s.title)), title: words(s.title) }))),
    );
  return all;
}

/** Sources of `sources` a reference names; the most specific when one name contains another. */
function sourcesNamedBy(reference: string, sources: Source[]): Source[] {
  const name = reference.split(",")[0]!;
  const refWords = words(reference);
  // The proper nouns of the name (« la même présentation de Millau Grands Causses » → Millau Grands Causses).
  const proper = name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .join(" ");
  const nameWords = words(proper || name);
  const dated = DATED.test(fold(reference));
  const all = shortNamesOf(sources);
  // The reference spells the source's name (« Cybernews »); failing that, its proper nouns appear in a dated source's
  // title (« Millau Grands Causses, 2026 » for « Communauté de communes Millau Grands Causses, présentation… »).
  let found = all.filter(({ short }) => subset(short, refWords));
  if (found.length === 0 && dated) {
    found = all.filter(({ title }) => subset(nameWords, title));
    // Several pages of one publisher (« courriel de Linux Quimper, avril 2026 »): those of the date given.
    const best = Math.max(0, ...found.map(({ s }) => dateScore(reference, s.date)));
    if (best > 0) found = found.filter(({ s }) => dateScore(reference, s.date) === best);
  }
  const specific = found.filter(
    (a) => !found.some((b) => b !== a && b.short.size > a.short.size && subset(a.short, b.short)),
  );
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
    else if (
      !beforeDate &&
      DATED.test(fold(reference)) &&
      /^\p{Lu}[^,]*,/u.test(reference) &&
      !/^(?:À|A|En|Au|Aux|Selon|Dont|Depuis|Avant|Après)\s/u.test(reference) &&
      !BARE_DATE.test(fold(reference.split(",")[0]!.trim()))
    )
      add({ title: reference, url: null, date: null });
  }
  return out;
}

/**
 * The statement a quotation stands for: the quotation, plus the rest of the passage's sentence when the quotation
 * was cut before it ended — its reference in parentheses usually closes the sentence, and the note needs it.
 */
export function quotedStatement(quote: string, passageText: string): string {
  const tokens = [...passageText.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({
    w: fold(m[0]),
    end: m.index! + m[0].length,
  }));
  const tail = [...fold(quote.replace(/\s*…\s*$/, "")).matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0]).slice(-6);
  if (tail.length === 0) return quote;
  for (let i = tokens.length - tail.length; i >= 0; i--) {
    if (!tail.every((w, k) => tokens[i + k]!.w === w)) continue;
    let at = tokens[i + tail.length - 1]!.end;
    // Up to the end of the sentence, parentheses closed: « … stockées hors des États-Unis (AWS, s. d.). »
    let depth =
      (passageText.slice(0, at).match(/\(/g) ?? []).length - (passageText.slice(0, at).match(/\)/g) ?? []).length;
    const start = at;
    for (; at < passageText.length && at - start < 400; at++) {
      const c = passageText[at]!;
      if (c === "(") depth++;
      else if (c === ")") depth = Math.max(0, depth - 1);
      else if (depth === 0 && /[.!?]/.test(c) && !/\bs\.\s?d$/i.test(passageText.slice(Math.max(0, at - 4), at + 1)))
        break;
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

/**
 * What a passage (or the part of it shown) is credited to:
 * - `named`: every statement of it that needs a source rests on a source it names itself (« (Heise, novembre 2025) »
 *   after the statement, or earlier in the statement's own paragraph) — those sources;
 * - `single`: some statement names none, and its document has a single source, which carries the whole page;
 * - `page`: some statement names none and the document has several sources: the corpus page as a whole is credited,
 *   with its own list of sources — never a reference that stands for another statement or another paragraph.
 * A catalog record's statements rest on all the record's sources (`named`).
 */
export interface PassageCredit {
  basis: "named" | "single" | "page";
  sources: CitedSource[];
  /**
   * For a page credit, the sources that statements of the passage (or of the excerpt shown) do name: a reader is
   * told them, and that the rest of the passage names none (« AWS … ; Wikipédia … », under the CLOUD Act guide).
   */
  named?: CitedSource[];
}

/** One statement of a passage and the sources it rests on (none: it names none, nor does its paragraph before it). */
export interface PassageStatement {
  text: string;
  sources: CitedSource[];
  /** Whether it states something that needs a source (not « Sont donc exposés : », not a bare heading). */
  claim: boolean;
}

const cite = (s: Source): CitedSource => ({ title: s.title, url: s.url ?? null, date: s.date ?? null });

/** A sentence that introduces a list or states too little to need a source of its own. */
const isClaim = (sentence: string) => !/:\s*$/.test(sentence) && /(?:\p{L}{2,}[^\p{L}]+){3}\p{L}{2,}/u.test(sentence);

/**
 * The statements of a passage, paragraph by paragraph, each with the sources it names or, failing that, those named
 * earlier in its own paragraph (a continuing sentence, « Il propose que… »). Never those of a later sentence or of
 * another paragraph: « Ce que le CLOUD Act ne change pas : … SREN … En revanche, le RGPD … (RGPD, 2016) » credits
 * the RGPD for the RGPD sentence only.
 */
export function passageStatements(passage: AttributablePassage): PassageStatement[] {
  const out: PassageStatement[] = [];
  // Paragraphs, and list items apart: a list item does not continue the item above it.
  const paragraphs = passage.text.split(/\n\s*\n|\n(?=\s*(?:[-*•]|\d{1,2}[.)])\s)/);
  for (const paragraph of paragraphs) {
    const flat = paragraph
      .replace(/^\s*(?:[-*•]|\d{1,2}[.)])\s+/, "")
      .replace(/\s+/g, " ")
      .trim();
    if (!flat) continue;
    // The sources named so far in the paragraph, in order (each sentence's references read once).
    const before: CitedSource[] = [];
    for (const sentence of flat.split(/(?<=[.!?])\s+(?=[\p{Lu}\p{N}«"“])/u)) {
      const own = sentence.includes("(") ? namedSources(sentence, passage) : [];
      out.push({ text: sentence, sources: own.length ? own : [...before], claim: isClaim(sentence) });
      for (const c of own) if (!before.some((b) => (b.url ?? b.title) === (c.url ?? c.title))) before.push(c);
    }
  }
  return out;
}

/**
 * The credit of a passage, or of the part of it a reader is shown (`shown`: an excerpt of its sentences, « … »
 * between them). See `PassageCredit`.
 * @example passageCredit({ text: "Aucune loi n'interdit X. En revanche, le RGPD dit Y (RGPD, 2016).", document: { kind: "guidance" }, sources: [rgpd, aws] })
 * // → { basis: "page", sources: [rgpd, aws] } — the first sentence names no source
 */
export function passageCredit(passage: AttributablePassage, shown?: string): PassageCredit {
  if (passage.document.kind === "catalog") return { basis: "named", sources: passage.sources.map(cite) };
  // No parenthesis, no reference: no statement names a source of its own.
  if (!passage.text.includes("("))
    return passage.sources.length === 1
      ? { basis: "single", sources: passage.sources.map(cite) }
      : { basis: "page", sources: passage.sources.map(cite) };
  let statements = passageStatements(passage);
  if (shown !== undefined) {
    const key = (s: string) =>
      fold(s)
        .replace(/[^a-z0-9]+/g, " ")
        .trim();
    const parts = shown
      .split(/\s*…\s*/)
      .map(key)
      .filter((p) => p.length > 0);
    statements = statements.filter((s) => {
      const k = key(s.text);
      // A sentence cut at the excerpt's length limit is matched by its beginning.
      return k.length > 0 && parts.some((p) => p.includes(k.slice(0, 60)));
    });
  }
  const claims = statements.filter((s) => s.claim);
  const named: CitedSource[] = [];
  for (const s of claims)
    for (const c of s.sources) if (!named.some((n) => (n.url ?? n.title) === (c.url ?? c.title))) named.push(c);
  if (claims.length > 0 && claims.every((s) => s.sources.length > 0)) return { basis: "named", sources: named };
  if (passage.sources.length === 1) return { basis: "single", sources: passage.sources.map(cite) };
  // The page's list, those its statements here name first (they are where a reader looks first).
  const here = (src: Source) => named.some((n) => n.title === src.title);
  return {
    basis: "page",
    sources: [...passage.sources.filter(here), ...passage.sources.filter((src) => !here(src))].map(cite),
    ...(named.length ? { named } : {}),
  };
}

/** The one listed source a credit rests on (a link can back the passage), or null. */
export function creditedSource(credit: PassageCredit, sources: Source[]): Source | null {
  if (credit.basis === "page" || credit.sources.length !== 1) return null;
  const only = credit.sources[0]!;
  return sources.find((s) => s.title === only.title && (s.url ?? null) === only.url) ?? null;
}

/** Content words of a sentence, cut to a 5-letter stem (« économisé » meets « économies »). */
const stems = (s: string) =>
  [...words(s.replace(/\[\d+\]/g, " "))].filter((w) => w.length >= 4).map((w) => w.slice(0, 5));

/** Share of a claim's content words a statement of the passage must hold to be the statement it restates. */
export const MIN_RESTATEMENT = 0.5;

/**
 * The credit of what a writer (the model) says citing a passage: each sentence citing it (`claims`) is matched to
 * the statement of the passage it restates (the one holding most of its content words); credited are the sources
 * those statements name. When every matched statement names none, the claims are the page's own analysis (`named`
 * with no source) — or its document's single source. A claim that restates no statement, or claims resting partly
 * on named sources and partly on none, fall back to the credit of the whole passage (`passageCredit`).
 */
export function claimsCredit(claims: string[], passage: AttributablePassage): PassageCredit {
  if (passage.document.kind === "catalog" || claims.length === 0) return passageCredit(passage);
  const statements = passageStatements(passage).map((s) => ({ ...s, stems: new Set(stems(s.text)) }));
  const matched: PassageStatement[] = [];
  for (const claim of claims) {
    const own = [...new Set(stems(claim))];
    if (own.length === 0) continue;
    let best: (typeof statements)[number] | null = null;
    let score = 0;
    for (const s of statements) {
      const share = own.filter((w) => s.stems.has(w)).length / own.length;
      if (share > score) [best, score] = [s, share];
    }
    if (!best || score < MIN_RESTATEMENT - 1e-9) return passageCredit(passage);
    matched.push(best);
  }
  if (matched.length === 0) return passageCredit(passage);
  const named: CitedSource[] = [];
  for (const s of matched)
    for (const c of s.sources) if (!named.some((n) => (n.url ?? n.title) === (c.url ?? c.title))) named.push(c);
  if (matched.every((s) => s.sources.length > 0)) return { basis: "named", sources: named };
  if (matched.every((s) => s.sources.length === 0))
    return passage.sources.length === 1
      ? { basis: "single", sources: passage.sources.map(cite) }
      : { basis: "named", sources: [] };
  return passageCredit(passage);
}
