/**
 * Writing one section: retrieve passages for its query, then either stream it from the local model (passages
 * budgeted to the context window, inside delimited blocks of the user turn, never the system role) or, without a
 * model or when it fails, fill the section's French template with the structured data and quoted passages,
 * marked « Brouillon à compléter ». Either way the figure check runs on the result.
 */

import { qualificationNote, qualifiedFigures } from "../answers/qualified.ts";
import { findDeadlines, findSince, olderThanAYear, pastDeadlines } from "../core/deadlines.ts";
import { withArticle } from "../core/labels.ts";
import { asOfText, escapeRegExp, fold, localDay } from "../core/text.ts";
import { message, pluralMessage } from "../i18n/messages.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { ModelIdleError, tokensWithin } from "../llm/idle.ts";
import { templateOf } from "../llm/prompts.ts";
import type { ChatTurn, ModelProvider } from "../llm/types.ts";
import { type CitedSource, paragraphBefore, quotedStatement, statementSources } from "../retrieval/attribution.ts";
import {
  delimiterTag,
  estimateTokens,
  excerpt,
  fitPassages,
  needsPrevious,
  neutralize,
  splitSentences,
} from "../retrieval/passages.ts";
import { coverage, keywords } from "../retrieval/relevance.ts";
import type { Retriever, SearchResult } from "../retrieval/search.ts";
import { contextContradictions } from "../verify/context-contradiction.ts";
import { documentVerdicts } from "../verify/document-verdicts.ts";
import { QUALIFIER_CLAIM, SELF_REPORTED_WORD } from "../verify/figure-match.ts";
import { checkFigures, extractFigures, namedNumbers } from "../verify/figures.ts";
import {
  citationNumbers,
  QUALIFIER_SOURCE,
  type SentenceCheck,
  sentenceSpans,
  type Verification,
  verificationOf,
  verifyText,
} from "../verify/index.ts";
import type { OwnProduct } from "../verify/own-facts.ts";
import type { OwnData } from "../verify/own-figures.ts";
import {
  type AnswerPoint,
  answerPoints,
  askedYears,
  asksDuty,
  asksOwnFigure,
  dutyDeniedPoint,
  pointSubject,
  unsaidYears,
} from "./answer-points.ts";
import { type ClaimChecks, checkClaims, DATE_KINDS, withQuotations } from "./claims.ts";
import type { DraftContext } from "./context.ts";
import { softwareCostQuote } from "./cost-clauses.ts";
import { CATALOG_MAPPING_LINE, draftCredit } from "./credit.ts";
import { checkOwnFigures } from "./own-data.ts";
import { checkOwnProducts } from "./own-facts.ts";
import { productCards, productFirst } from "./product-cards.ts";
import { withoutOwnRequests, withoutRestatedList } from "./restated-list.ts";
import { fill, readDraftPrompt, type SectionStructure } from "./structure.ts";
import type { Citation, DraftEvent, DraftSection, FigureFlag } from "./types.ts";

export interface GenerateOptions {
  numCtx: number;
  maxAnswerTokens: number;
  /** The model call is abandoned (and the section falls back to its template) after this long without a token. */
  idleTimeoutMs: number;
}

export interface GenerateDeps {
  retriever: Retriever;
  models: ModelProvider;
}

/** Shared by the sections of one generation: once the model failed, the next sections do not wait for it again. */
export interface GenerationState {
  llm: boolean;
  notice: string | null;
  /** Passages already quoted by a template section, so the next sections quote others. */
  quoted: Set<string>;
  /** Claims of the user's context already checked against the corpus (`checkClaims`), for the next sections. */
  claims?: ClaimChecks;
}

/** Share of a query's keywords a passage must hold to be used (queries are long lists of terms). */
const MIN_COVERAGE = 0.2;

const systemPrompt = readDraftPrompt("system");
const sectionTemplate = templateOf(readDraftPrompt("section"));

/** The text a passage gives the model, and the figure check: title, date, section and body. */
export const passageSource = (r: Pick<SearchResult, "text" | "section" | "document">) =>
  `${r.document.title} (${r.document.date ?? ""}) — ${r.section}\n${r.text}`;

const hasMoneyOrShare = (text: string) => extractFigures(text).some((f) => f.kind === "amount" || f.kind === "percent");

/** A page about French local government (its title names a commune, an intercommunalité, a région…): a peer. */
const COLLECTIVITE_TITLE =
  /(?<!\p{L})(?:communes?|communauté (?:de communes|d'agglomération|urbaine)|agglomération|intercommunalités?|métropole|départements?|régions?|collectivités?|ville de)(?!\p{L})/iu;
const isAboutCollectivites = (r: SearchResult) => COLLECTIVITE_TITLE.test(r.document.title);

/**
 * The collectivité a case study is about, by the head of its page's title (« Échirolles », « Ville de Lyon »,
 * « Région Occitanie » before « : »), or null: not a case study of a French collectivité, or a title that names none
 * (« Autres collectivités françaises : … »).
 */
export function peerName(r: Pick<SearchResult, "document">): string | null {
  if (r.document.kind !== "case-study" || !COLLECTIVITE_TITLE.test(r.document.title)) return null;
  const head = /^([^:]{2,60}?) : /.exec(r.document.title)?.[1]?.trim();
  if (!head || !/^\p{Lu}/u.test(head) || /(?<!\p{L})collectivités(?!\p{L})/iu.test(head)) return null;
  return head;
}

/** Words that say a collectivité's kind (« Ville », « Région »…), not its name (`collectivity-kinds.txt`). */
const KIND_WORDS = new Set(
  ["commune", "intercommunalité", "département", "région"].flatMap((k) =>
    (wordListSections("collectivity-kinds.txt").get(k) ?? []).flatMap((e) => fold(e).split(/\s+/)),
  ),
);

/**
 * The peer a quotation names: its case study's collectivité (`peerName`) when the quoted words name it (« Lyon » for
 * « Ville de Lyon »), else null — a quotation about an event held there does not show what the collectivité did.
 */
export function quotedPeer(r: Pick<SearchResult, "document">, quote: string): string | null {
  const name = peerName(r);
  if (!name) return null;
  const words = fold(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 2 && !KIND_WORDS.has(w));
  const quoted = ` ${fold(quote).replace(/[^\p{L}\p{N}]+/gu, " ")} `;
  return words.length && words.some((w) => quoted.includes(` ${w} `)) ? name : null;
}

/** Whether a passage's page title or heading holds a phrase the section avoids (`avoid`). */
function avoided(section: SectionStructure, r: Pick<SearchResult, "document" | "section">): boolean {
  if (!section.avoid?.length) return false;
  const where = ` ${fold(`${r.document.title} ${r.section}`).replace(/[^\p{L}\p{N}]+/gu, " ")} `;
  return section.avoid.some((a) =>
    where.includes(
      ` ${fold(a)
        .replace(/[^\p{L}\p{N}]+/gu, " ")
        .trim()} `,
    ),
  );
}

/** Passages for a section: relevant to its query, of the kinds it asks for, those with figures first if asked. */
export async function retrievePassages(
  section: SectionStructure,
  vars: Record<string, string>,
  retriever: Retriever,
): Promise<{ query: string; passages: SearchResult[] }> {
  if (!section.query || section.maxPassages === 0) return { query: "", passages: [] };
  const own = await focusPassages(section, vars, retriever);
  const asked = fill(section.query, vars);
  const query = [...own.queries, asked].join(" ");
  // The retriever already keeps at most two passages of one document.
  const { results } = await retriever.search(asked, 16, section.kinds ? { kinds: section.kinds } : undefined);
  const terms = keywords(asked);
  const scope = section.catalogScope ? new Set((vars.catalog_scope ?? "").split(" ")) : null;
  let kept = results.filter(
    (r) =>
      !avoided(section, r) &&
      coverage(terms, `${r.document.title} ${r.section} ${r.text}`) >= MIN_COVERAGE &&
      (!scope || !r.document.id.startsWith("catalog/") || scope.has(r.document.id.slice("catalog/".length))),
  );
  // A passage whose title and heading share no word of the query names the section's subject in passing (« L'authen-
  // tification ne figure pas parmi les sept catégories », under « ProConnect … »): it is about something else. A
  // catalog record is about its product, whatever the section asks.
  const onTopic = kept.filter(
    (r) => r.document.kind === "catalog" || coverage(terms, `${r.document.title} ${r.section}`) > 0,
  );
  if (onTopic.length) kept = onTopic;
  // Stable ranks: peers before others, then passages with figures before those without (when the section asks).
  const rank = (r: SearchResult) =>
    (section.peersFirst && !isAboutCollectivites(r) ? 2 : 0) +
    (section.preferFigures && !hasMoneyOrShare(r.text) ? 1 : 0);
  kept = kept
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)
    .map(({ r }) => r);
  // A section about named things (a roadmap's alternatives) quotes only passages that name one of them.
  const names = sectionNames(section, vars);
  if (names.length) kept = kept.filter((r) => names.some((n) => n.test(r.text)));
  // The user's own subject first; the section's query fills the rest. The terms of both choose each excerpt.
  const seen = new Set(own.passages.map((r) => r.id));
  kept = [...own.passages, ...kept.filter((r) => !seen.has(r.id))];
  // A question on a product: its card first, then the passages naming it, no card of another product.
  const products =
    section.product && (!section.kinds || section.kinds.includes("catalog"))
      ? await productCards(fill(section.product, vars), retriever)
      : null;
  if (products) kept = productFirst(products, kept, asked.includes(fill(section.product!, vars).trim()));
  return { query, passages: kept.slice(0, Math.max(section.maxPassages, 1) + 2) };
}

/**
 * A section that speaks of peers (`peerCases`), without a model: makes sure its quotations hold a case study of a
 * French collectivité — the first of its passages, else of a search of the case studies for its query, quoted after
 * the others — and returns the sentence naming the peers quoted, each with
 * the number of its quotation (« comme Échirolles [2] »), or "" when the corpus gives none. `quoted` is changed.
 */
async function withPeerCase(
  section: SectionStructure,
  query: string,
  quoted: { r: SearchResult; q: string }[],
  passages: SearchResult[],
  quoteOf: (r: SearchResult) => string,
  deps: { retriever: Retriever },
  state: { quoted: Set<string> },
): Promise<string> {
  if (!quoted.some(({ r, q }) => quotedPeer(r, q))) {
    const free = (r: SearchResult) =>
      !avoided(section, r) &&
      !state.quoted.has(r.id) &&
      !quoted.some((x) => x.r.id === r.id) &&
      isQuotable(quoteOf(r)) &&
      !!quotedPeer(r, quoteOf(r));
    const found =
      passages.find(free) ??
      (await deps.retriever.search(query, 16, { kinds: ["case-study"] })).results.find(free) ??
      null;
    // After the quotations of the sender's own subject (trial 3), never in place of one.
    if (found) quoted.push({ r: found, q: quoteOf(found) });
  }
  const named = new Map<string, number[]>();
  quoted.forEach(({ r, q }, i) => {
    const name = quotedPeer(r, q);
    if (name) named.set(name, [...(named.get(name) ?? []), i + 1]);
  });
  if (!named.size) return "";
  const names = [...named].map(([name, ns]) => `${withArticle(name)} ${ns.map((n) => `[${n}]`).join("")}`);
  const list =
    names.length > 1 ? `${names.slice(0, -1).join(", ")} ${message("drafts.and")} ${names.at(-1)}` : names[0]!;
  return `${fill(section.peerCases!, { names: list })} `;
}

/** Share of the user's own words (a letter's context) a passage must hold to come first. */
const FOCUS_COVERAGE = 0.25;

/** Passages found for the user's own words (`focus`), each query in turn, at most `maxPassages` in all. */
async function focusPassages(
  section: SectionStructure,
  vars: Record<string, string>,
  retriever: Retriever,
): Promise<{ queries: string[]; passages: SearchResult[] }> {
  const queries: string[] = [];
  const passages: SearchResult[] = [];
  for (const template of section.focus ?? []) {
    const query = fill(template, vars).trim();
    const terms = keywords(query);
    if (terms.length < 2) continue;
    queries.push(query);
    if (passages.length >= section.maxPassages) continue;
    const { results } = await retriever.search(query, 8);
    for (const r of results) {
      if (passages.length >= section.maxPassages) break;
      if (r.document.id.startsWith("catalog/") || passages.some((p) => p.id === r.id)) continue;
      if (coverage(terms, `${r.document.title} ${r.section} ${r.text}`) >= FOCUS_COVERAGE) passages.push(r);
    }
  }
  return { queries, passages };
}

/**
 * The note of a passage cited for `statement` (the quoted excerpt, or the whole passage when the model cites it):
 * the sources the statement itself names, with their dates; none named means Cap Libre's own analysis — credited
 * as such, never to another source of the page — unless the document has a single source.
 * With `claims` (the model's sentences citing the passage), the sources of the passage's statements they restate
 * (`draftCredit`): never the corpus page's whole list of sources.
 */
export const toCitation = (r: SearchResult, n: number, statement: string = r.text, claims?: string[]): Citation => {
  let sources: CitedSource[];
  let page = false;
  let unrestated = false;
  if (claims) {
    const credit = draftCredit(claims, r);
    sources = credit.sources;
    page = credit.basis === "page";
    unrestated = !!credit.unrestated;
  } else {
    sources = statementSources(statement, r, paragraphBefore(statement, r.text));
    if (sources.length === 0 && r.sources.length === 1)
      sources = statementSources("", { ...r, document: { kind: "catalog" } });
  }
  const first = sources[0];
  return {
    n,
    title: r.document.title,
    section: r.section || undefined,
    date: r.document.date,
    url: page ? null : (first?.url ?? null),
    ...(first && !page ? { source: first.title } : {}),
    sources,
    analysis: sources.length === 0 && !unrestated,
    ...(page ? { page: true } : {}),
    ...(unrestated ? { unrestated: true } : {}),
    ...(r.document.kind === "catalog" ? { catalog: true } : {}),
  };
};

/** « « Boé » n'est pas nommé dans … », « le chiffre « 95 % » ne figure pas dans … »: what the passage does not carry. */
const ABSENT = ["verify.nameNotFound", "verify.figureNotFound"].map(
  (key) => new RegExp(`^${escapeRegExp(message(key, {})).replace(/\\\{\w+\\\}|\{\w+\}/g, ".+?")}$`, "su"),
);

/**
 * The note of passage `n` cited by the model: credited for the sentences citing it that the verification supports.
 * Cited only by sentences it marked unsupported (or wrongly cited), it names no source: « aucune source n'est nommée ».
 */
export function generatedCitation(
  r: SearchResult,
  n: number,
  sentences: Pick<SentenceCheck, "text" | "status" | "citations">[],
): Citation {
  const citing = sentences.filter((x) => citationNumbers(x.text).includes(n));
  // A sentence the check supports only by the document's data (the user's context, the map), whose names or figures
  // the passage does not carry (« Boé … 95 % … [2] » on a page that never names Boé, trial8 A8), credits no source.
  const carried = (x: Pick<SentenceCheck, "text">) =>
    !verifyText(
      x.text.replace(/\[(\d+)\]/g, (_, k) => (Number(k) === n ? "[1]" : "")),
      [{ n: 1, text: passageSource(r) }],
    ).sentences.some((v) => v.reasons.some((reason) => ABSENT.some((re) => re.test(reason))));
  // A conclusion drawn from the passage (`inference`) rests on its facts: it credits it as a supported sentence does.
  const checked = citing.filter(
    (x) => x.status === "no-claim" || ((x.status === "supported" || x.status === "inference") && carried(x)),
  );
  if (citing.length > 0 && checked.length === 0) {
    return {
      n,
      title: r.document.title,
      section: r.section || undefined,
      date: r.document.date,
      url: null,
      sources: [],
      analysis: false,
      unrestated: true,
      ...(r.document.kind === "catalog" ? { catalog: true } : {}),
    };
  }
  return toCitation(
    r,
    n,
    r.text,
    checked.map((x) => x.text),
  );
}

/**
 * The newest date of the sources the notes of a model's sentence will name (`generatedCitation`): the date a note
 * beside it (« la source citée date du … ») may quote. A sentence its passages do not support names no source, and
 * its note then dates it by the corpus page its footnote shows, never by a source the footnote does not name
 * (trial8 B6: « date du 13 décembre 2017 » beside a footnote « à jour au 17 février 2026 »).
 */
export function creditedSourceDate(sentence: string, passages: SearchResult[], facts: string[]): string | null {
  const { sentences } = verifySection(sentence, passages, facts);
  return newest(
    citationNumbers(sentence)
      .filter((n) => passages[n - 1])
      .flatMap((n) => (generatedCitation(passages[n - 1]!, n, sentences).sources ?? []).map((x) => x.date)),
  );
}

/** Markers `[n]` of a text, as numbers. */
export function citedNumbers(text: string): number[] {
  return [...new Set([...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
}

/**
 * Cleans what the model wrote: no heading or repeated title at the top, `[1, 2]` written `[1][2]`, `[^1]` written `[1]`. A marker that
 * points to no passage is kept as written: the verification reports it, the page and exports show it as invalid
 * (deleting it would leave its claim uncited and unnoticed).
 */
export function cleanGenerated(text: string, title: string, _passageCount?: number): string {
  let t = text.trim();
  t = t.replace(/^(#+\s.*|\*\*[^*\n]+\*\*\s*:?)\n+/, (line) =>
    /^#/.test(line) || line.toLowerCase().includes(title.toLowerCase()) ? "" : line,
  );
  // A footnote call the model wrote (« Microsoft[^1] ») cites its passage: read and printed as `[1]`, never a figure
  // « 1 » (trial25 T-L1, T-M3: its flag landed in the user's « 1er mars 2027 »).
  t = t.replace(/\[\^(\d+)\]/g, "[$1]");
  t = t.replace(/\[(\d+(?:\s*[,;]\s*\d+)+)\]/g, (_, list: string) =>
    list
      .split(/\s*[,;]\s*/)
      .map((n) => `[${n}]`)
      .join(""),
  );
  return t.replace(/\n{3,}/g, "\n\n").trim();
}

/**
 * A section's fixed list (a letter's requests, from the user's input) in what the model wrote: the model's own list
 * lines are dropped, the list goes after the first paragraph ending with « : », or after the whole prose, introduced
 * by `intro`. What the user asked for is in the letter whatever the model wrote.
 */
export function withFixedList(text: string, list: string, intro: string): string {
  const isItem = (line: string) => /^\s*(?:[-*•]|\d+[.)])\s+/.test(line);
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) =>
      p
        .split("\n")
        .filter((line) => !isItem(line))
        .join("\n")
        .trim(),
    )
    .filter(Boolean);
  // (The model's prose saying the items again, the list said after it, is dropped: trial21 T-M6.)
  const removed: string[] = [];
  paragraphs.splice(0, paragraphs.length, ...withoutOwnRequests(withoutRestatedList(paragraphs, list), removed));
  const at = paragraphs.findIndex((p) => /:\s*$/.test(p));
  if (at >= 0) paragraphs.splice(at + 1, 0, list);
  else paragraphs.push(...[intro, list].filter(Boolean));
  // A request of the model's own, removed, is said removed (trial26 T-M6): never a sentence gone without a word.
  if (removed.length)
    paragraphs.push(`*(${pluralMessage("drafts.removedRequest", removed.length, { n: removed.length })})*`);
  return paragraphs.join("\n\n");
}

/** Trailing spaces and extra blank lines out: how a written section is kept (and compared again, `drafts.ts`). */
export const tidy = (text: string) =>
  text
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();

/**
 * A passage's text as its readers can take it: without cross-references to other corpus pages (« (voir la fiche
 * …) », « La fiche « … » explique … »), which mean nothing in a letter or a note.
 */
export function readerText(text: string): string {
  return text
    .replace(/\s*\((?:voir|cf\.)\s[^()]*\)/giu, "")
    .replace(/\s*;\s*voir (?:la|les) fiches?\s[^()]*(?=\))/giu, "")
    .split(/(?<=[.!?])\s+(?=\p{Lu})/u)
    .filter(
      (sentence) =>
        !/\b(?:la|cette|les|une) fiches? (?:«|consacrée|dédiée|sur)\b|\bla fiche «|\bvoir (?:aussi )?(?:la|les) fiches?\b/iu.test(
          sentence,
        ),
    )
    .join(" ");
}

/** A passage as a short quotation a template can hold: one line, no Markdown of its own. */
function quotation(r: SearchResult, terms: string[], maxChars: number, names: RegExp[] = []): string {
  const text = r.document.kind === "catalog" ? r.text.replace(CATALOG_MAPPING_LINE, "") : r.text;
  let quote = excerpt(readerText(text).replace(/\bs\. d\./g, "s.d."), terms, maxChars)
    .replace(/(^|\s)[-*]\s+/g, "$1")
    // Numbers of a numbered list kept by the excerpt (« 4. … 5. … ») are list markers, not figures.
    .replace(/(^|…\s)\d{1,2}\.\s+/gu, "$1")
    .replace(/…(\s*…)+/g, "…")
    .replace(/[*_`|#>]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  // A sentence cut inside a parenthesis (« (AWS, s. d.) » read as two sentences): end before it.
  if ((quote.match(/\(/g) ?? []).length > (quote.match(/\)/g) ?? []).length)
    quote = `${quote.slice(0, quote.lastIndexOf("(")).trimEnd()} …`;
  // Cut at the length limit inside a word: end on the last whole word.
  else if (!/[.!?…»)]$/.test(quote)) quote = `${quote.slice(0, quote.lastIndexOf(" ")).trimEnd()} …`;
  // A catalog record of one of the names is about it from its first line to its last.
  const own = r.document.kind === "catalog" && names.some((n) => n.test(r.document.title));
  return withQualification(aboutNames(withoutDanglingOpening(quote), own ? [] : names), text, r.section);
}

const flat = (s: string) =>
  s
    .replace(/[*_`|#>]/g, "")
    .replace(/\s+/g, " ")
    .trim();

/**
 * A quotation that quotes a figure its passage qualifies (« … qu'elle a économisé 534 millions d'euros depuis 2004. »
 * where the passage goes on « En revanche, … 534 millions d'euros sont non confirmés ») goes on to the passage's
 * sentences that qualify it: a quotation never cuts a figure away from its qualification. A qualification in the
 * heading alone is said beside the quotation (`qualificationNote`).
 */
export function withQualification(quote: string, text: string, heading = ""): string {
  if (!quote || !qualificationNote(quote, text, heading)) return quote;
  const sentences = splitSentences(flat(readerText(text)));
  let out = quote;
  for (const s of sentences) {
    if (!QUALIFIER_SOURCE.test(s) || flat(out).includes(s)) continue;
    const before = out.replace(/\s*…\s*$/, "");
    const last = splitSentences(before).at(-1) ?? before;
    // Right after what is quoted: continued; further on: after a gap.
    const next = flat(text).includes(`${last} ${s}`) ? `${before} ${s}` : `${before} … ${s}`;
    const lost = qualificationNote(out, text, heading);
    if (qualificationNote(next, text, heading) !== lost) out = next;
    if (qualificationNote(out, text, heading) === null) break;
  }
  return out;
}

/**
 * A quotation never opens on a sentence whose pronoun stands for something it does not quote (« Il », « Selon
 * lui », « … y a souligné » whose antecedent was cut): such opening sentences are left out, and a quotation left
 * with none that stands alone is empty (another passage is quoted instead).
 */
export function withoutDanglingOpening(quote: string): string {
  let rest = quote;
  for (;;) {
    const m = /^(.+?[.!?])\s+(?:…\s+)?(?=\S)/u.exec(rest);
    const first = m ? m[1]! : rest;
    if (!needsPrevious(first)) return rest;
    if (!m) return "";
    rest = rest.slice(m[0].length);
  }
}

/**
 * What a quotation is credited for: itself when it names its own sources, else with the rest of the sentence it cut
 * (whose reference usually closes it). A quotation cut after « (Heise, septembre 2025) ; … » is not credited to the
 * source of the clause it left out (« la Corée du Sud … (FOSS Linux, 2020) »), whose date would reach the banner.
 */
export function statementOf(quote: string, r: SearchResult): string {
  if (r.document.kind !== "catalog" && statementSources(quote.replace(/\s*…\s*$/, ""), r).length) return quote;
  return quotedStatement(quote, r.text);
}

/** Sentences of a quotation: split after a full stop before a capital, a quotation mark or a gap (« … »). */
const quoteSentences = (quote: string) => quote.split(/(?<=[.!?])\s+(?=[\p{Lu}«…])|(?<=…)\s+(?=\p{Lu})/u);

/**
 * A name's pattern as a sentence would write it: its first words up to four letters (« ESET » for « ESET PROTECT »,
 * « G DATA » for « G DATA Endpoint Protection »), without what its parentheses add.
 */
export function namePattern(name: string): RegExp | null {
  const words = name
    .replace(/\s*\([^)]*\)/g, "")
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const taken: string[] = [];
  for (const w of words) {
    taken.push(w);
    if (taken.join("").replace(/[^\p{L}\p{N}]/gu, "").length >= 4) break;
  }
  if (!taken.length) return null;
  const escaped = taken.map(escapeRegExp).join("\\s+");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "u");
}

/**
 * A quotation given for named things (a roadmap's alternatives): the sentences at its start and end that name none
 * are left out (« La panne CrowdStrike de 2024 … » before « Il existe des éditeurs européens : ESET… »); none
 * naming one leaves it empty, and another passage is quoted. Without names, the quotation as it is.
 */
export function aboutNames(quote: string, names: RegExp[]): string {
  if (!names.length || !quote) return quote;
  const names_ = (s: string) => names.some((n) => n.test(s));
  const sentences = quoteSentences(quote);
  let from = 0;
  let to = sentences.length - 1;
  while (from <= to && !names_(sentences[from]!)) from++;
  while (to >= from && !names_(sentences[to]!)) to--;
  if (from > to) return "";
  let kept = sentences
    .slice(from, to + 1)
    .join(" ")
    .replace(/^…\s*/, "");
  // Sentences left out after it: the quotation says it goes on.
  if (to < sentences.length - 1 && !/…$/.test(kept)) kept = `${kept} …`;
  return withoutDanglingOpening(kept);
}

/** The names a section's quotations must be about (`names`, separated by « | » once filled). */
function sectionNames(section: SectionStructure, vars: Record<string, string>): RegExp[] {
  if (!section.names) return [];
  return fill(section.names, vars)
    .split("|")
    .map((n) => namePattern(n.trim()))
    .filter((n): n is RegExp => n !== null);
}

/** « du 3 mars 2023 », « d'avril 2023 », « de 2022 »: a source's date after « une source ». */
const sourceDateText = (d: string) => asOfText(d).replace(/^au /, "du ");

const isoDate = (d: string | null | undefined): d is string => !!d && /^\d{4}(?:-\d{2}){0,2}$/.test(d);
const newest = (dates: (string | null | undefined)[]) => dates.filter(isoDate).sort().at(-1) ?? null;

/**
 * What a reader must know beside a quoted statement on the document's date `docDate`: a deadline it sets that is
 * now past (« d'ici l'automne 2026 » quoted in December 2026) and the corpus page (`pageDate`) does not say was
 * kept; a « depuis septembre 2022 » from a source (`sourceDate`) more than a year old. Null when nothing to say.
 */
export function freshnessNote(
  statement: string,
  docDate: string,
  pageDate: string | null | undefined,
  sourceDate: string | null | undefined,
  carriedBy?: string[],
): string | null {
  const notes: string[] = [];
  // A model's sentence: only a deadline its passages set too (the same last day), never a date it changed (trial13 A8).
  const carried = carriedBy ? new Set(carriedBy.flatMap((t) => findDeadlines(t).map((d) => d.date))) : null;
  const past = pastDeadlines(statement, docDate, isoDate(pageDate) ? pageDate : null).filter(
    (d) => !carried || carried.has(d.date),
  );
  if (past.length) {
    const deadlines = [...new Set(past.map((d) => `« ${d.text} »`))].join(", ");
    notes.push(
      isoDate(pageDate)
        ? message("drafts.deadline.past", { deadlines, asOf: asOfText(pageDate) })
        : message("drafts.deadline.pastNoDate", { deadlines }),
    );
  }
  const dated = isoDate(sourceDate) ? sourceDate : isoDate(pageDate) ? pageDate : null;
  const since = findSince(statement)[0];
  // A « depuis 2024 » on a source of 2017 is not a situation the source describes: it began after it was written
  // (trial7 B10); said so, never « situation décrite par une source du … ».
  // Compared at the precision both dates have: a source dated « 2025 » may postdate « depuis le 1er avril 2025 ».
  const precision = since && dated ? Math.min(since.date.length, dated.length) : 0;
  if (since && dated && since.date.slice(0, precision) > dated.slice(0, precision))
    notes.push(message("drafts.since.afterSource", { since: since.text, date: sourceDateText(dated) }));
  else if (since && dated && olderThanAYear(dated, docDate))
    notes.push(message("drafts.since.old", { since: since.text, date: sourceDateText(dated) }));
  return notes.length ? notes.join(" ") : null;
}

/**
 * A generated text with the note of `freshnessNote` after each sentence that sets a deadline now past or says
 * « depuis » on an old source: `datesOf` gives a sentence's corpus page date and source date (from the passages it
 * cites), and the texts of those passages (a deadline is noted only when they set it too), or a fixed page date for
 * every sentence.
 */
export function annotateDeadlines(
  text: string,
  docDate: string,
  datesOf:
    | string
    | null
    | ((sentence: string) => { pageDate: string | null; sourceDate: string | null; passages?: string[] }),
): { text: string; notes: string[] } {
  const notes: string[] = [];
  let out = text;
  const spans = sentenceSpans(text).sort((a, b) => b.end - a.end);
  for (const span of spans) {
    const dates = typeof datesOf === "function" ? datesOf(span.text) : { pageDate: datesOf, sourceDate: null };
    const note = freshnessNote(
      span.text,
      docDate,
      dates.pageDate,
      dates.sourceDate,
      "passages" in dates ? dates.passages : undefined,
    );
    if (!note) continue;
    notes.push(note);
    out = `${out.slice(0, span.end)} *(${note})*${out.slice(span.end)}`;
  }
  return { text: out, notes: notes.reverse() };
}

/**
 * Notes beside sentences as data for the checks: their own dates (« une source du 13 décembre 2017 ») are Cap
 * Libre's, but the dated words they quote from the sentence (« « depuis 2024 » ») are the sentence's, and never back it
 * (trial7 B10: the note's « depuis 2024 » made the sentence's own 2024 « supported » in one section only). A quoted
 * qualifier (« non confirmé ») is the corpus's and stays.
 */
export const notesAsFacts = (notes: string[]) => notes.map((n) => n.replace(/«[^«»]*\d[^«»]*»/g, " "));

/** A quotation worth showing: at least four words (not « … » left by a passage cut inside a parenthesis). */
export const isQuotable = (quote: string) => (quote.match(/\p{L}{2,}/gu) ?? []).length >= 4;

/**
 * Writes one section, streaming `section`, `token` and `flags` events; returns the finished section.
 * `sectionTitles` is the outline of the whole document, given to the model so it writes only its part.
 */
export async function* writeSection(
  section: SectionStructure,
  ctx: DraftContext,
  sectionTitles: string[],
  deps: GenerateDeps,
  state: GenerationState,
  options: GenerateOptions & { quoteChars?: number },
  signal: AbortSignal,
): AsyncGenerator<DraftEvent, DraftSection> {
  const title = fill(section.title, ctx.vars);
  yield { type: "section", key: section.key, title };
  const { query, passages } = await retrievePassages(section, ctx.vars, deps.retriever);
  const terms = keywords(query);
  const names = sectionNames(section, ctx.vars);
  const appended = section.append ? fill(section.append, ctx.vars) : "";

  let text: string | null = null;
  /** What the model wrote, before the notes, list and appended text Cap Libre adds. */
  let modelText = "";
  let used: SearchResult[] = [];
  const docDate = ctx.date ?? localDay();
  /** Notes beside quoted statements (past deadlines, old « depuis »): their dates are checked as data. */
  const freshnessNotes: string[] = [];
  /** What each used passage is cited for: its quoted excerpt (template), or the whole passage (model). */
  let statements: string[] = [];
  /** The template's quotations of its passages, as quoted. */
  let quotations: { r: SearchResult; quote: string }[] = [];
  if (section.generate && state.llm) {
    const generated = yield* generateText(
      section,
      title,
      ctx,
      sectionTitles,
      passages.slice(0, Math.max(section.maxPassages, 1) + 2),
      deps,
      state,
      options,
      signal,
    );
    if (generated) {
      used = generated.used;
      text = cleanGenerated(generated.text, title, used.length);
      modelText = text;
      const generatedFrom = used;
      const annotated = annotateDeadlines(text, docDate, (sentence) => {
        // The passages the sentence cites (all those given, when it cites none) date what it restates.
        const cited = citationNumbers(sentence)
          .map((n) => generatedFrom[n - 1])
          .filter((r): r is SearchResult => !!r);
        return {
          pageDate: newest((cited.length ? cited : generatedFrom).map((r) => r.document.date)),
          // Sources are looked up only for a sentence that says « depuis ».
          sourceDate:
            cited.length && findSince(sentence).length ? creditedSourceDate(sentence, generatedFrom, ctx.facts) : null,
          passages: (cited.length ? cited : generatedFrom).map((r) => `${r.section}\n${r.text}`),
        };
      });
      text = annotated.text;
      freshnessNotes.push(...annotated.notes);
      if (section.list) {
        const list = fill(section.list, ctx.vars);
        const fixed = withFixedList(text, list, section.listIntro ? fill(section.listIntro, ctx.vars) : "");
        // The stream shows the list too; the saved text (what the page then shows) has it in its place.
        yield { type: "token", key: section.key, text: `\n\n${list}` };
        text = fixed;
      }
      if (appended) {
        yield { type: "token", key: section.key, text: `\n\n${appended}` };
        text = `${text}\n\n${appended}`;
      }
    }
  }
  const mode = text !== null ? "generated" : "template";
  /** What the question asks that no point says (« d'ici 2028 »): Cap Libre's own sentence, its years data. */
  let unsaidNote = "";
  /** The peers quoted, named (`peerCases`), or empty. */
  let peerCases = "";
  if (text === null) {
    // A quotation left with no real sentence (a passage cut inside a parenthesis: « … ») is not quoted at all.
    // A note's « L'essentiel » answers the question asked: the sentences that answer it, the most direct first.
    const asked = section.points && section.answers ? fill(section.answers, ctx.vars).trim() : "";
    const answering = asked ? await answeringPoints(asked, passages, deps.retriever, state, section.maxPassages) : [];
    const quoteOf = (r: SearchResult) => quotation(r, terms, options.quoteChars ?? 420, names);
    const quoted = answering.length
      ? answering.map((p) => ({ r: p.r, q: p.sentence }))
      : passages
          .filter((r) => !state.quoted.has(r.id))
          .map((r) => ({ r, q: quoteOf(r) }))
          // A costs section quotes costs of software, not any sum its passages give (trial 13, B4).
          .map(({ r, q }) => ({ r, q: section.softwareCosts ? softwareCostQuote(q) : q }))
          .filter(({ q }) => isQuotable(q))
          .slice(0, section.maxPassages);
    if (section.peerCases) peerCases = await withPeerCase(section, query, quoted, passages, quoteOf, deps, state);
    const unsaid = answering.length ? unsaidYears(asked, answering) : asked ? askedYears(asked) : [];
    if (unsaid.length)
      unsaidNote = message("drafts.unsaidYears", { asked: unsaid.map((y) => `« ${y.text} »`).join(", ") });
    // « … et combien la ville économiserait-elle ? »: no passage gives the collectivité's own figure; said so.
    if (asked && section.points && asksOwnFigure(asked, ctx.vars.collectivite ?? "", ctx.vars.collectivite_kind ?? ""))
      unsaidNote = [
        unsaidNote,
        message("drafts.ownFigure", { collectivite: ctx.vars.collectivite || "la collectivité" }),
      ]
        .filter(Boolean)
        .join(" ");
    used = quoted.map(({ r }) => r);
    for (const r of used) state.quoted.add(r.id);
    const excerpts = quoted.map(({ q }) => q);
    quotations = quoted.map(({ r, q }) => ({ r, quote: q }));
    statements = excerpts.map((q, i) => statementOf(q, used[i]!));
    // A past deadline or an old « depuis » is said beside the quotation that states it.
    const notes = excerpts.map((q, i) => {
      const r = used[i]!;
      const sources = toCitation(r, i + 1, statements[i] ?? r.text).sources ?? [];
      const fresh = freshnessNote(q, docDate, r.document.date, newest(sources.map((x) => x.date)));
      // A qualification the quotation could not carry (its passage's heading alone gives it) is said beside it.
      const qualified = qualificationNote(q, r.text, r.section)?.replace(/^\(|\)$/g, "") ?? null;
      return [fresh, qualified].filter(Boolean).join(" ") || null;
    });
    freshnessNotes.push(...notes.filter((n): n is string => !!n));
    const noted = (i: number) => (notes[i] ? ` *(${notes[i]})*` : "");
    // Key points: the passages' sentences that answer, as a list (a note's « L'essentiel »); else quotations.
    const listed = !used.length
      ? ""
      : section.points
        ? excerpts
            .map((q, i) => {
              const point = q.replace(/^[«"]\s*|\s*[»"]$/g, "");
              // What the point is about, when its sentence does not say (« l'objectif est de … » of Visio's page).
              const subject = answering.length ? pointSubject(used[i]!, point) : null;
              const said = subject ? message("drafts.pointSubject", { subject, point }) : point;
              return `- ${said} [${i + 1}]${noted(i)}`;
            })
            .join("\n")
        : `${message("drafts.quotesIntro")}\n\n${excerpts.map((q, i) => `> « ${q} » [${i + 1}]${noted(i)}`).join("\n\n")}`;
    const quotes = [listed, unsaidNote].filter(Boolean).join("\n\n");
    const mark = section.generate ? message("drafts.draftMark") : "";
    text = tidy(fill(section.template, { ...ctx.vars, quotes, draft_mark: mark, peer_cases: peerCases }));
    // The mark before a list, a table or a quotation stands as its own paragraph: glued to « - … » it would turn
    // the first item into plain text (the briefing's « L'essentiel »).
    if (mark && text.startsWith(mark) && /^(?:[-*>|] |\d+[.)] )/.test(text.slice(mark.length)))
      text = `${mark.trimEnd()}

${text.slice(mark.length)}`;
    if (appended) text = `${text}\n\n${appended}`;
    yield { type: "token", key: section.key, text };
  }
  text = tidy(text);
  // Checked sentence by sentence, whoever wrote it: the model, or the template from passages and data.
  const check = (checkedText: string) =>
    checkedSection(checkedText, used, {
      facts: [...ctx.facts, ...notesAsFacts(freshnessNotes), ...(unsaidNote ? [unsaidNote] : [])],
      quotations: quotations.map((q) => ({ quote: q.quote, passage: q.r.text })),
      claims: ctx.claims,
      own: ctx.own,
      products: ctx.products,
      retriever: deps.retriever,
      checked: (state.claims ??= new Map()),
      modelText,
      today: localDay(docDate),
      context: ctx.userContext,
    });
  let { verification, flags } = await check(text);
  // The facts the user gave (their context, the map's counts) that the template would have written here and the model
  // left out or said otherwise are given back, as the template writes them, and said so (trial26 T-H4).
  if (mode === "generated") {
    const dropped = droppedFacts(section.template, ctx.vars, verification.sentences, ctx.claims);
    if (dropped.length) {
      const restored = `${dropped.join(" ")} *(${message("drafts.restoredFacts")})*`;
      yield { type: "token", key: section.key, text: `\n\n${restored}` };
      text = `${restored}\n\n${text}`;
      ({ verification, flags } = await check(text));
    }
  }
  const cited = new Set(citedNumbers(text));
  if (flags.length) yield { type: "flags", key: section.key, flags };
  // A template cites each passage for its quotation; the model, for the sentences it wrote citing it that the check
  // supports: a sentence marked « non vérifié » credits no source (its note says none is named for it).
  const citations = used
    .map((r, i) =>
      mode === "generated"
        ? generatedCitation(r, i + 1, verification.sentences)
        : toCitation(r, i + 1, statements[i] ?? r.text),
    )
    .filter((c) => cited.has(c.n));
  yield { type: "verification", key: section.key, verification };
  return {
    key: section.key,
    title,
    text,
    citations,
    flags,
    mode,
    heading: section.heading,
    toComplete: mode === "template" && section.generate,
    passageIds: used.map((r) => r.id),
    verification,
  };
}

/** The parts of a section's template that write the user's own facts: their context, the map's counts. */
const GIVEN_FACTS = ["local_context", "analysis_sentence"];

/**
 * The sentences of the user's own facts the section's template writes (`GIVEN_FACTS`) that no sentence of the text
 * carries unflagged — one holding all of its figures and names, « supported » or holding no claim (trial26 T-H4: the
 * model's « 58 agents » for « 85 agents », its « a abandonné Google Classroom » for « utilise Google Classroom »,
 * the audit plan's contract end left out). A sentence with neither figure nor name is never said dropped, nor one
 * that says something of others (checked against the corpus, it is no fact of the user's own).
 */
export function droppedFacts(
  template: string,
  vars: Record<string, string>,
  sentences: SentenceCheck[],
  /** What the context says of others (`DraftContext.claims`): a sentence holding one is not the user's own fact. */
  claims: string[] = [],
): string[] {
  const given = GIVEN_FACTS.filter((k) => template.includes(`{${k}}`))
    .map((k) => vars[k] ?? "")
    .join(" ")
    .trim();
  if (!given) return [];
  const kept = sentences.filter((s) => s.status === "supported" || s.status === "no-claim").map((s) => s.text);
  return sentenceSpans(given)
    .map((s) => s.text.trim())
    .filter((fact) => {
      if (claims.some((c) => fold(fact).includes(fold(c)))) return false;
      const said = withoutNotesText(fact);
      const keys = [
        ...extractFigures(said).map((f) => f.raw),
        ...said
          .split(/[^\p{L}\d.+-]+/u)
          .filter(Boolean)
          .slice(1)
          .filter((t) => /^\p{Lu}/u.test(t) && t.length > 1),
      ];
      return keys.length > 0 && !kept.some((k) => keys.every((key) => k.includes(key)));
    });
}

/** A text without its notes in « *( … )* » nor its attribution in parentheses. */
const withoutNotesText = (text: string) => text.replace(/\*\([^*]*\)\*/gu, " ").replace(/\([^()]*\)/gu, " ");

/**
 * The sentences that answer a note's question (`answerPoints`), from the section's passages and those the question
 * alone finds, none a section already quoted.
 */
async function answeringPoints(
  asked: string,
  passages: SearchResult[],
  retriever: Retriever,
  state: GenerationState,
  max: number,
): Promise<AnswerPoint[]> {
  const { results } = await retriever.search(asked, 16);
  const poolOf = (found: SearchResult[]) => {
    const seen = new Set<string>();
    return [...found, ...passages].filter((r) => {
      if (seen.has(r.id) || state.quoted.has(r.id)) return false;
      seen.add(r.id);
      return true;
    });
  };
  // Asked whether something obliges or bans (« Le CLOUD Act nous oblige-t-il à quitter Microsoft 365 … ? »): the passage
  // saying there is no such duty is searched too, and its sentence opens « L'essentiel » (trial21 T-H6).
  const denial = asksDuty(asked)
    ? dutyDeniedPoint(
        asked,
        poolOf([...results, ...(await retriever.search(`${asked} ${DUTY_DENIAL_SEARCHED}`, 8)).results]),
      )
    : null;
  const withDenial = (found: AnswerPoint[]) =>
    denial
      ? [denial, ...found.filter((p) => p.r.id !== denial.r.id || p.sentence !== denial.sentence)].slice(
          0,
          Math.max(max, 1),
        )
      : found;
  const points = answerPoints(asked, poolOf(results), max);
  // A year asked that no point says (« … avant la hausse de prix de 2027, et combien … ? »): the clause asking it is
  // searched alone, for the passage saying what the corpus knows of that year (« 2027 : … non confirmé ») (trial14 A13).
  const more: SearchResult[] = [];
  for (const year of unsaidYears(asked, points)) {
    const clause = asked.split(/[,;?]|\s+et\s+/u).find((c) => c.includes(year.year));
    if (!clause || clause.trim() === asked.trim()) continue;
    const found = await retriever.search(clause, 8);
    more.push(...found.results.filter((r) => r.text.includes(year.year)));
  }
  return withDenial(more.length ? answerPoints(asked, poolOf([...results, ...more]), max) : points);
}

/** Words searched with a question asking whether something obliges or bans: those of a passage saying none does. */
const DUTY_DENIAL_SEARCHED = "aucune loi n'oblige n'interdit illégal obligation";

/**
 * The figures of a section a reader must check: those found neither in its passages nor in its data
 * (`checkFigures`), and those its passages qualify (« non confirmé ») stated in a paragraph that does not say so —
 * whoever wrote it: the model, or the sender whose context the template quotes.
 */
export function sectionFlags(
  text: string,
  used: Pick<SearchResult, "text" | "section" | "document">[],
  facts: string[],
): FigureFlag[] {
  const flags: FigureFlag[] = checkFigures(text, [...used.map(passageSource), ...facts]);
  const qualified = used.flatMap((r) => qualifiedFigures(r.text, r.section));
  if (!qualified.length) return flags;
  const same = (a: { kind: string; value: number }, b: { kind: string; value: number }) =>
    a.kind === b.kind && Math.abs(a.value - b.value) < 1e-9;
  for (const paragraph of text.split(/\n{2,}/)) {
    const said = qualifiedFigures(paragraph.replace(/^>\s?/gm, ""));
    for (const f of extractFigures(paragraph)) {
      const q = qualified.find((x) => same(x.figure, f));
      if (!q || said.some((x) => same(x.figure, f)) || flags.some((x) => x.figure === f.raw)) continue;
      // A figure its source only reports (« communiqué par la municipalité elle-même ») keeps its reserve in a
      // sentence that says who reports it (« la ville a fait état de 11,7 millions d'euros »).
      if (SELF_REPORTED_WORD.test(q.qualifier) && QUALIFIER_CLAIM.test(sentenceWith(paragraph, f.raw))) continue;
      const qualifier = q.qualifier || "non confirmé";
      flags.push({ figure: f.raw, reason: message("drafts.figureQualified", { qualifier }), qualifier });
    }
  }
  return flags;
}

/** The sentence of a paragraph that holds `raw`, or the paragraph when none does alone. */
function sentenceWith(paragraph: string, raw: string): string {
  return splitSentences(paragraph).find((s) => s.includes(raw)) ?? paragraph;
}

/** Verification of a section against the passages it was written from (numbered as the model saw them) and the data. */
export function verifySection(
  text: string,
  used: Pick<SearchResult, "text" | "section" | "document">[],
  facts: string[],
  /** The part of `text` the model wrote (`VerifyOptions.modelText`). */
  modelText?: string,
  /** The document's date (`VerifyOptions.today`). */
  today?: string,
) {
  return verifyText(
    text,
    used.map((r, i) => ({ n: i + 1, text: passageSource(r) })),
    { facts, modelText, today },
  );
}
/** What a section's text is checked with, besides the passages it was written from. */
export interface SectionChecks {
  /** The structured data (the draft's inputs, computed figures, notes the section adds). */
  facts: string[];
  /** The quotations of passages the text holds, each with its passage's text (its own words, never a claim). */
  quotations: { quote: string; passage: string }[];
  /** What the user's context says of others (`DraftContext.claims`), checked where the text states it. */
  claims?: string[];
  /** The collectivité's own figures the document computed (`DraftContext.own`), checked where the text states them. */
  own?: OwnData;
  /** What the map and the catalog say of its products (`DraftContext.products`), checked where the text names them. */
  products?: OwnProduct[];
  retriever: Retriever;
  /** Claims already checked in this generation, shared by its sections. */
  checked?: ClaimChecks;
  /** What the model wrote of the text, before its list and appended parts: its uncited sentences are checked too. */
  modelText?: string;
  /** The document's date (`YYYY-MM-DD`): an act said already done after it is flagged. */
  today?: string;
  /** The context the user typed (`DraftContext.userContext`): a sentence saying its contrary is flagged. */
  context?: string;
}

/**
 * A section's flags and verification, as it is written or edited: its figures against its passages and data
 * (`sectionFlags`), each sentence against the passages it cites (`verifySection`), a quotation taken as its passage's
 * text (`withQuotations`), what it says of the collectivité's own computed figures against them (`checkOwnFigures`),
 * and the claims of the user's context it states against what the corpus says of them
 * (`checkClaims`).
 */
export async function checkedSection(
  text: string,
  used: Pick<SearchResult, "text" | "section" | "document">[],
  { facts, quotations, claims, own, products, retriever, checked, modelText, today, context }: SectionChecks,
): Promise<{ verification: Verification; flags: FigureFlag[] }> {
  // What it says of the collectivité's own figures (a replacement's points, a share, the target), and of the products
  // and vendors of its map (country, law, licence, installations), against them.
  const figures = checkOwnFigures(
    documentVerdicts(
      contextContradictions(
        withQuotations(verifySection(text, used, facts, modelText, today), text, quotations),
        context,
        today,
        claims,
      ),
      used.map(passageSource),
      facts,
      modelText,
      context,
    ),
    sectionFlags(text, used, facts),
    own,
  );
  const { verification, flags } = checkOwnProducts(figures.verification, figures.flags, products);
  // A sentence whose figures are the document's own computed ones (« passer de 86 % à 45 % d'exposition pondérée »,
  // a user's edit restating the baseline and target) speaks of the collectivité, not of others.
  const ownClaim = (claim: string) => {
    const stated = extractFigures(claim).filter((f) => !DATE_KINDS.has(f.kind));
    return stated.length > 0 && stated.every((f) => figures.confirmed.includes(f.raw));
  };
  const others = claims?.filter((c) => !ownClaim(c));
  const names = products?.flatMap((p) => p.names) ?? [];
  if (!others?.length) return withoutNamedNumbers(text, names, { verification, flags });
  return withoutNamedNumbers(
    text,
    names,
    await checkClaims(text, others, verification, flags, retriever, passageSource, checked),
  );
}

/**
 * A number that stands only inside a name the document's data carry (« 360 Total Security », « 7-Zip » of its
 * inventory) is part of that name: neither flagged as a figure nor a reason its sentence is unverified.
 */
function withoutNamedNumbers(
  text: string,
  names: string[],
  checked: { verification: Verification; flags: FigureFlag[] },
): { verification: Verification; flags: FigureFlag[] } {
  const named = namedNumbers(text, names);
  if (!named.length) return checked;
  const about = (reason: string, figure: string) =>
    reason.startsWith(`« ${figure} » :`) ||
    reason.startsWith(message("verify.figureNotFound", { figure, where: "\u0000" }).split("\u0000")[0]!);
  const sentences = checked.verification.sentences.map((s) => {
    const reasons = s.reasons.filter((r) => !named.some((f) => about(r, f)));
    if (reasons.length === s.reasons.length) return s;
    return { ...s, reasons, status: s.status === "unsupported" && !reasons.length ? ("supported" as const) : s.status };
  });
  return {
    verification: verificationOf(sentences),
    flags: checked.flags.filter((f) => !named.includes(f.figure)),
  };
}

/** What an instruction says instead of a name typed by the user (the name itself is in the data block). */
const dataReferences = () => ({
  collectivite: message("drafts.prompt.collectivite"),
  recipient_name: message("drafts.prompt.recipient"),
  recipient_role: message("drafts.prompt.recipientRole"),
  sender: message("drafts.prompt.sender"),
});

/** Streams the model's text for a section; returns null (and updates `state`) when the model is absent or fails. */
async function* generateText(
  section: SectionStructure,
  title: string,
  ctx: DraftContext,
  sectionTitles: string[],
  passages: SearchResult[],
  deps: GenerateDeps,
  state: GenerationState,
  options: GenerateOptions,
  signal: AbortSignal,
): AsyncGenerator<DraftEvent, { text: string; used: SearchResult[] } | null> {
  const status = await deps.models.status();
  if (!status.llmAvailable) {
    state.llm = false;
    state.notice = status.notice;
    return null;
  }
  // Names and other user fields reach the model only inside the data block, whose delimiters are drawn for this
  // call; the instruction refers to them instead of quoting them.
  const tag = delimiterTag();
  const base = {
    tag,
    document: neutralize(ctx.title),
    collectivite: neutralize(ctx.collectivite),
    outline: neutralize(sectionTitles.join(" ; ")),
    data: neutralize(ctx.data || message("drafts.noData")),
    section: neutralize(title),
    instruction: fill(section.instruction ?? "", { ...ctx.vars, ...dataReferences() }),
    tone: ctx.tone,
    words: String(section.words),
  };
  const maxTokens = Math.min(options.maxAnswerTokens, Math.ceil(section.words * 2.5) + 64);
  const fixed =
    estimateTokens(systemPrompt) + estimateTokens(await sectionTemplate.format({ ...base, passages: "" })) + 32;
  const { used, text: blocks } = await fitPassages(passages, options.numCtx - maxTokens - fixed, tag);
  const turns: ChatTurn[] = [
    { role: "system", content: systemPrompt },
    {
      role: "user",
      content: await sectionTemplate.format({ ...base, passages: blocks || message("drafts.noPassage") }),
    },
  ];

  let text = "";
  try {
    for await (const token of tokensWithin(
      deps.models,
      turns,
      { numCtx: options.numCtx, maxTokens, idleTimeoutMs: options.idleTimeoutMs },
      signal,
    )) {
      text += token;
      yield { type: "token", key: section.key, text: token };
    }
  } catch (err) {
    if (signal.aborted) return null;
    deps.models.markUnreachable();
    state.llm = false;
    state.notice =
      err instanceof ModelIdleError || (err as Error)?.name === "ModelTimeoutError"
        ? message("drafts.timeout", { seconds: Math.round(options.idleTimeoutMs / 1000) })
        : message("drafts.failedMidStream");
    yield { type: "notice", text: state.notice };
    if (text) yield { type: "token", key: section.key, text: "\n\n" };
    return null;
  }
  // An empty answer is not a failure of the model: this section alone falls back to its template, and says so.
  if (!text.trim() && !signal.aborted) yield { type: "notice", text: message("drafts.emptyReply", { section: title }) };
  return text.trim() ? { text, used } : null;
}
