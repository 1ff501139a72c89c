/**
 * Editorial rules of the corpus that its schema cannot express (see `corpus/README.md`): no source from a blocked
 * domain (aggregators, mirrors, feed readers, forums), no note addressed to the assistant hidden in the text, no
 * repository path where a reader expects a document title.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Corpus, CorpusDocument } from "../../server/corpus/documents.ts";

/** Domains listed between the `blocked-domains` markers of `corpus/README.md` (each in backquotes). */
export async function blockedDomains(corpusDir: string): Promise<string[]> {
  const readme = await readFile(path.join(corpusDir, "README.md"), "utf8");
  const block = /<!-- blocked-domains:start -->([\s\S]*?)<!-- blocked-domains:end -->/.exec(readme)?.[1] ?? "";
  return [...block.matchAll(/`([a-z0-9.-]+\.[a-z]{2,})`/g)].map((m) => m[1]!);
}

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return "";
  }
};

/** « host is the domain or one of its subdomains » */
const onDomain = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/** Every URL of a document (its own, its sources', those in its text) that sits on a blocked domain. */
export function blockedUrls(doc: Pick<CorpusDocument, "url" | "sources" | "body">, domains: string[]): string[] {
  const urls = [
    doc.url,
    ...doc.sources.map((s) => s.url),
    ...(doc.body.match(/https?:\/\/[^\s)>\]"']+/g) ?? []),
  ].filter((u): u is string => !!u);
  return urls.filter((u) => domains.some((d) => onDomain(hostOf(u), d)));
}

/**
 * Sentences that tell the assistant how to answer or what to cite, rather than telling the reader a fact: the
 * shape of a prompt injection, which would also reach users verbatim in extractive answers and letters.
 */
const ASSISTANT_NOTES: RegExp[] = [
  /pour r[ée]pondre [àa] (?:la|cette|une|ces) questions?/iu,
  /il (?:faut|convient|faudra)(?: donc)? (?:de )?(?:citer|mentionner|r[ée]pondre|pr[ée]senter (?:le|la|les|ce|cette|ces)\b)/iu,
  /[ée]vite[rz]? de (?:reprendre|citer|mentionner)/iu,
  /(?:[àa]|de) ne (?:pas|jamais) (?:reprendre|citer|mentionner)/iu,
  /ne (?:doit|doivent) pas [êe]tre (?:pr[ée]sent[ée]e?s?|cit[ée]e?s?|reprise?s?) comme/iu,
  /\b(?:l['’]assistant|le mod[èe]le|le chatbot|l['’]IA)\b(?: (?:de Cap Libre|conversationnel))? (?:doit|devra|ne doit|peut r[ée]pondre)/iu,
  /\b(?:r[ée]ponds|r[ée]pondez|citez|ne citez|mentionnez|ignorez|ignore les)\b/iu,
  /\b(?:ta|votre|sa) r[ée]ponse\b/iu,
  /\b(?:consigne|instruction)s? (?:pour|[àa]|au) (?:l['’]assistant|le mod[èe]le)\b/iu,
];

/** Lines of a document's text that read as an instruction to the assistant. */
export function assistantNotes(body: string): string[] {
  return body
    .split(/(?<=[.!?])\s+|\n{2,}/)
    .map((s) => s.replace(/\s+/g, " ").trim())
    .filter((s) => ASSISTANT_NOTES.some((re) => re.test(s)));
}

/** Repository paths (`guidance/sept-categories-…`) written in a document's text, where a reader expects a title. */
export function repositoryPaths(body: string): string[] {
  return [...body.matchAll(/\b(?:guidance|case-studies|ecosystem|catalog)\/[a-z0-9][a-z0-9-]*/g)].map((m) => m[0]);
}

/** A source as cited somewhere in the corpus: where, and with which date (none when undated). */
export interface CitedSourceDate {
  where: string;
  url: string;
  date: string | null;
}

/** Every dated or undated citation of a source with an address, in documents and catalog records. */
export function citedSourceDates(corpus: Corpus): CitedSourceDate[] {
  const c = corpus.catalog;
  const records: [string, readonly { url?: string | null; date?: string | null }[]][] = [
    ...corpus.documents.filter((d) => d.kind !== "catalog").map((d) => [d.id, d.sources] as [string, typeof d.sources]),
    ...[...c.vendors.values()].map((r) => [`vendor ${r.id}`, r.sources] as [string, typeof r.sources]),
    ...[...c.products.values()].map((r) => [`product ${r.id}`, r.sources] as [string, typeof r.sources]),
    ...[...c.alternatives.values()].map(
      (r) => [`alternative ${r.id}`, [...r.sources, ...(r.audienceSources ?? [])]] as [string, typeof r.sources],
    ),
    ...c.mappings.map(
      (m) => [`mapping ${m.product} → ${m.alternative}`, m.sources ?? []] as [string, typeof m.sources & {}],
    ),
  ];
  return records.flatMap(([where, sources]) =>
    sources.filter((s) => s.url).map((s) => ({ where, url: normalUrl(s.url!), date: s.date ?? null })),
  );
}

/** One address however it is written (trailing slash, http or https, www.). */
const normalUrl = (url: string) =>
  url
    .replace(/^http:/, "https:")
    .replace(/^(https:\/\/)www\./, "$1")
    .replace(/\/+$/, "");

/** Addresses cited with more than one date (an undated citation counts as a date of its own), with each citation. */
export function conflictingDates(cited: CitedSourceDate[]): Map<string, CitedSourceDate[]> {
  const byUrl = new Map<string, CitedSourceDate[]>();
  for (const c of cited) byUrl.set(normalUrl(c.url), [...(byUrl.get(normalUrl(c.url)) ?? []), c]);
  return new Map([...byUrl].filter(([, all]) => new Set(all.map((c) => c.date)).size > 1));
}

/** Compares two ISO dates of different precisions on their common part (« 2026 » matches « 2026-04-08 »). */
const compareDates = (a: string, b: string) => {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n).localeCompare(b.slice(0, n));
};

/** The newest date among a document's sources (the most precise of equals), or null when none is dated. */
export function newestSourceDate(sources: readonly { date?: string | null }[]): string | null {
  let newest: string | null = null;
  for (const d of sources.map((s) => s.date).filter((d): d is string => !!d)) {
    const c = newest === null ? 1 : compareDates(d, newest);
    if (c > 0 || (c === 0 && d.length > newest!.length)) newest = d;
  }
  return newest;
}

/** A document dated before the newest of its sources: its date (that of its newest facts) understates its content. */
export function datedBeforeItsSources(doc: { date: string | null; sources: readonly { date?: string | null }[] }) {
  const newest = newestSourceDate(doc.sources);
  return newest && (!doc.date || compareDates(doc.date, newest) < 0) ? newest : null;
}
