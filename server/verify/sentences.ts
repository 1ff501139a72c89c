/** Sentences, statements and clauses of a text: where each ends, its `[n]` citations, notes and restated questions. */

import { MONTH_NAMES } from "./proper-nouns.ts";

/**
 * Sentences of a text with their offsets: a sentence ends at `.`, `!` or `?` followed by a space and a capital, a
 * digit, a quote or a bracket, or at a line break (list items, table rows, headings stay apart).
 */
export function sentenceSpans(text: string): { text: string; start: number; end: number }[] {
  const spans: { text: string; start: number; end: number }[] = [];
  const re = /[^\n]+/g;
  for (const line of text.matchAll(re)) {
    const base = line.index!;
    // A citation after the full stop (« … en 2018. [1] ») stays with its sentence; an initial does not end one
    // (« l'article L. 123-4-1 »).
    // A list number (« 1. La DINUM… », « … matériel. 4. Prévoir… ») is not a sentence of its own: it stays with its
    // item. A date note written after a sentence (« … [2]. *(« depuis 2019 » : … .)* ») ends it with its sentence.
    // A sentence may open with bold or italics (« … [2]. **En résumé**, … »), or with a name whose first capital
    // is its second letter (« eXo Platform »), or, after a citation and its full stop, with a name written in lower case
    // (« … [1]. draw.io Desktop couvre … »).
    const parts = line[0].split(
      /(?<=[.!?»](?:\s*\[\d+\])*|[.!?…]\)\*)(?<!(?:^\s*(?:[-*•]\s+)?|[.!?…:;»]\s+)\d{1,2}[.)])(?<!(?<![\p{L}\p{N}])\p{Lu}\.)\s+(?=[\p{Lu}\p{N}«"“(]|\p{Ll}\p{Lu}|(?<=\][.!?]\s+)\p{Ll}|(?:\*\*|__|\*)[\p{Lu}\p{N}«]|\[(?!\d+\]))/u,
    );
    let offset = 0;
    for (const part of parts) {
      const at = line[0].indexOf(part, offset);
      offset = at + part.length;
      const trimmed = part.trim();
      if (!trimmed) continue;
      const start = base + at + part.indexOf(trimmed);
      spans.push({ text: trimmed, start, end: start + trimmed.length });
    }
  }
  return spans;
}

/** Sentences of a text, nothing lost (see `sentenceSpans`). */
export function splitSentences(text: string): string[] {
  return sentenceSpans(text).map((s) => s.text);
}

/** Citation numbers of a text, `[1]`, `[1, 2]`, `[1][3]` alike, in order of appearance, without repeats. */
export function citationNumbers(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/\[(\d+(?:\s*[,;]\s*\d+)*)\]/g))
    for (const n of m[1]!.split(/\s*[,;]\s*/)) if (!out.includes(Number(n))) out.push(Number(n));
  return out;
}

/** Paragraphs of a corpus text on one line each (the corpus wraps its lines; lists, tables and headings stay apart). */
export const unwrap = (text: string) => text.replace(/([^\n])\n(?!\n|\s*(?:[#|>]|[-*•]\s|\d+[.)]\s))/g, "$1 ");

/** Statements of a sentence as a qualifier bears on them: apart at « ; ». */
export const statementsOf = (sentence: string) => withoutReferences(sentence).split(/\s*;\s*/);

/** Where a clause ends: what is said on one side of it is not said of a figure on the other side. */
export const CLAUSE_BREAK =
  /[;:()]|\s[—–]\s|,\s(?:et|mais|or|puis|tandis que?|alors que?|pendant que?|de même|par ailleurs)(?=[\s'’])/g;

/**
 * Where what is said of a figure ends for its year and the names beside it: a semicolon or a dash, not a colon or a
 * parenthesis (« Utilisateurs : CNAM (80 000 agents, annoncé en avril 2026) » gives the 80 000 agents to the CNAM).
 */
export const STATEMENT_BREAK =
  /;|\s[—–]\s|,\s(?:et|mais|or|puis|tandis que?|alors que?|pendant que?|de même|par ailleurs)(?=[\s'’])/g;

/** Offsets of the clause around `at`. */
export function clauseAround(text: string, at: number, end = at, breaks = CLAUSE_BREAK): [number, number] {
  let start = 0;
  let stop = text.length;
  for (const m of text.matchAll(breaks)) {
    if (m.index! < at) start = m.index! + m[0].length;
    else if (m.index! >= end) {
      stop = m.index!;
      break;
    }
  }
  return [start, stop];
}

/**
 * A question, or the question restated (« Vous demandez : « … ? » », « Votre question porte sur … »): it asks, it
 * states nothing the passages must support (what the answer then says is checked).
 */
const RESTATED =
  /^(?:vous (?:me )?demandez|vous vous demandez|vous souhaitez savoir|votre question (?:porte|concerne|est)|la question (?:posée |est de savoir|porte)|question posée)\b/i;
export const asksOnly = (bare: string) => /\?\s*[»"”)]?\s*$/.test(bare) || RESTATED.test(bare);

/**
 * Cap Libre's own notes in italics after a sentence (« *(« Depuis 2009 » : situation décrite par une source du 9
 * octobre 2020 …)* », added to a draft for freshness): they say how old the source is, they are not the claim.
 */
export const withoutNotes = (sentence: string) => sentence.replace(/(?<!\s)\s*\*\((?:[^()]|\([^()]*\))*\)\*/g, " ");

/**
 * A count of something in parentheses (« (GendBuntu, environ 80 000 postes en 2021) », « (DINUM, 10 000 agents,
 * octobre 2025) »): what the name before it counts, not a source reference (whose numbers are days of a date).
 */
export const countsSomething = (inner: string) =>
  [...inner.matchAll(/\d[\d\s\u202f]*\s+(\p{L}{3,})/gu)].some((m) => !MONTH_NAMES.test(m[1]!));

/**
 * A sentence without its source references (« (Wikipedia, « LiMux », 2025) », « (Heise, novembre 2025 ; AWS, s. d.) »):
 * the date of a reference says when a source wrote, it is not a figure the sentence states. `keep` keeps the
 * parentheses it is true of.
 */
export function withoutReferences(sentence: string, keep: (inner: string) => boolean = () => false): string {
  return sentence.replace(/\(([^()]{3,400})\)/g, (whole, inner: string) => {
    if (keep(inner)) return whole;
    const items = inner.split(/\s*;\s*/).map((i) => i.trim());
    const reference = (i: string) =>
      /^\p{Lu}[^,]*,.*(?:\b\d{4}|\bs\.\s?d\.?)$/u.test(i) &&
      !countsSomething(i) &&
      !/^(?:À|A|En|Au|Aux|Selon|Dont|Depuis|Avant|Après|Soit|Hors)\s/u.test(i);
    return items.length > 0 && items.every(reference) ? " " : whole;
  });
}

/**
 * A short sentence stating a passive act done (« Ce bilan a été audité », « Tous ses chiffres ont été confirmés par
 * d'autres sources », faithful-blind-23): a subject, an auxiliary, « été » and a participle, with two content words at
 * least. It asserts something a passage can deny, though it holds fewer than three content words.
 */
const PASSIVE_DONE =
  /^[\s>*_#•-]*(?:\p{L}['’])?\p{L}+(?:\s+[\p{L}'’-]+){0,3}?\s+(?:a|ont|avait|avaient)\s+(?:(?:déjà|bien|toujours|jamais)\s+)?été\s+\p{L}+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|t|te|ts|tes)(?![\p{L}])/iu;
export const statesPassive = (bare: string) => PASSIVE_DONE.test(bare);
