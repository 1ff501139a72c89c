/**
 * Section headings and document titles weigh in the ranking: a passage whose heading names what the question asks
 * (« Première décision du 8 avril 2026 » for « qu'a-t-on décidé le 8 avril ? ») is moved up. The full-text index
 * already holds headings and titles once in each passage's text; this adds weight to them, with the question's
 * synonyms (`server/i18n/fr/synonyms.txt`). Scores are multiplied, so it works on BM25 and fused ranks alike.
 */

import { boundedMemo } from "../core/bounded.ts";
import type { ScoredId } from "../store/types.ts";
import { stem, synonymsOf, words } from "./french.ts";
import { keywords } from "./relevance.ts";
import { asksWhatIsSaid, REPORTED } from "./saying.ts";

/** Score factor per question word found in a passage's heading, and (half of it) in its document's title. */
export const HEADING_WEIGHT = 0.3;

/** Longer queries are lists of search terms, not questions: headings do not re-rank them. */
const MAX_QUESTION_WORDS = 10;

let lastQuery: string | null = null;
let lastStems: readonly (readonly string[])[] = [];

/**
 * Stems of each content word of the question (the word and its synonyms, without repeats), one list per word. The
 * ranking steps of one search all ask for the same question's stems: the last question's are remembered.
 * (A synonym written in several words gives each of its words, « de » of « gagner de l'argent » too: most headings
 * hold it. Keeping only their content words was tried and left, test/eval/README.md, « retrieval6 ».)
 */
export function questionStems(query: string): readonly (readonly string[])[] {
  if (query !== lastQuery) {
    lastStems = keywords(query)
      .filter((w) => !/^\d{1,3}$/.test(w))
      .map((w) => [...new Set([w, ...synonymsOf(w)].flatMap((x) => x.split(" ")).map(stem))]);
    lastQuery = query;
  }
  return lastStems;
}

/**
 * The stems a heading may hold for each word of the question, with, for a question on what someone says
 * (« Combien le Land dit-il économiser ? », `saying-questions.txt`), the words of a heading that reports it.
 */
function headingQuestionStems(query: string): readonly (readonly string[])[] {
  const stems = questionStems(query);
  return asksWhatIsSaid(query) ? [...stems, REPORTED] : stems;
}

/** Stems of the headings and titles already seen (the same few thousand recur from one search to the next). */
const headingStems = boundedMemo((text: string) => new Set(words(text).map(stem)), 20_000);

/** Which question words (index of the stem sets) a text holds. */
const matched = (stems: readonly (readonly string[])[], text: string) => {
  const own = headingStems(text);
  return stems.map((list) => list.some((s) => own.has(s)));
};

/**
 * `ranked` scores adjusted for headings and titles, re-sorted (best first). A question word weighs by how few of
 * the candidates' headings hold it: « séminaire du 8 avril 2026 » heads every section of that page and tells them
 * apart no more than « décision » does.
 */
export function weighHeadings<
  T extends { id: string; section: string; document: { title: string } },
  R extends ScoredId,
>(query: string, chunks: T[], ranked: R[]): R[];
export function weighHeadings<
  T extends { id: string; section: string; document: { title: string } },
  R extends ScoredId,
>(query: string, chunks: T[], ranked: R[], reorder: T[]): T[];
export function weighHeadings<
  T extends { id: string; section: string; document: { title: string } },
  R extends ScoredId,
>(query: string, chunks: T[], ranked: R[], reorder?: T[]): R[] | T[] {
  const scored = weighScores(query, chunks, ranked);
  if (!reorder) return scored;
  const order = new Map(scored.map((r, i) => [r.id, i]));
  return [...reorder].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

function weighScores<T extends { id: string; section: string; document: { title: string } }, R extends ScoredId>(
  query: string,
  chunks: T[],
  ranked: R[],
): R[] {
  // A question's words in a heading say what it asks; a long list of search terms (a draft section's query)
  // matches some heading whatever it is about.
  const own = questionStems(query).length;
  if (own === 0 || own > MAX_QUESTION_WORDS || chunks.length === 0) return ranked;
  const stems = headingQuestionStems(query);
  const inHeading = new Map(chunks.map((c) => [c.id, matched(stems, c.section)]));
  const inTitle = new Map(chunks.map((c) => [c.id, matched(stems, c.document.title)]));
  // A word in the headings or titles of many candidates (« logiciel libre ») tells them apart less than a rarer one.
  const rarity = stems.map(
    (_, i) => 1 - chunks.filter((c) => inHeading.get(c.id)![i] || inTitle.get(c.id)![i]).length / chunks.length,
  );
  return ranked
    .map((r) => {
      const h = inHeading.get(r.id);
      const t = inTitle.get(r.id);
      if (!h || !t) return r;
      const bonus = stems.reduce((n, _, i) => n + rarity[i]! * ((h[i] ? 1 : 0) + (t[i] ? 0.5 : 0)), 0);
      return { ...r, score: r.score * (1 + HEADING_WEIGHT * bonus) };
    })
    .sort((a, b) => b.score - a.score);
}
