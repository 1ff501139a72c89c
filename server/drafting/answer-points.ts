/**
 * « L'essentiel » of a briefing note without a model (trial8 B11): the sentences of the passages found that answer
 * the question itself — its subject words and its year — ranked by how directly they answer, each a whole sentence
 * an élue can read aloud; and what the question asks that none of them says (« d'ici 2028 »), said as such.
 */
import {
  askedYears,
  holdsStem,
  namesTitlePlace,
  pickVerbatim,
  quotableSentences,
  stemsOf,
  wordStem,
} from "../answers/verbatim.ts";
import { fold } from "../core/text.ts";
import { questionTerms } from "../retrieval/question-terms.ts";
import type { SearchResult } from "../retrieval/search.ts";

export { type AskedYear, askedYears } from "../answers/verbatim.ts";

/** A sentence of a passage that answers the question, and how directly (the weight of the question's words it holds). */
export interface AnswerPoint {
  r: SearchResult;
  sentence: string;
  score: number;
}

/** The question's subject words (years apart), each as the stems of its variants. */
function subjectTerms(question: string): { stems: string[]; name: boolean }[] {
  const cleaned = question.replace(/\bd['’]ici\b/giu, " ");
  return questionTerms(cleaned)
    .filter((t) => !t.date && !/^\d{4}$/.test(t.word))
    .map((t) => ({ stems: [...new Set(t.variants.flatMap((v) => fold(v).split(/\s+/).map(wordStem)))], name: t.name }));
}

/** Longest sentence of « L'essentiel » (a pair of sentences included). */
const MAX_SENTENCE = 420;

/**
 * The sentences of `passages` that answer `question`, at most one a passage and `max` in all, the most direct first:
 * each weighs the question's subject words it holds, a word found in few of the candidates weighing more (« état
 * civil » says more than « Microsoft »), and the year asked when it holds it. A sentence must hold two of the words
 * (one, for a question of one or two) or a name the question asks about.
 */
export function answerPoints(question: string, passages: SearchResult[], max: number): AnswerPoint[] {
  const terms = subjectTerms(question);
  const years = askedYears(question).map((y) => y.year);
  if (!terms.length) return [];
  // A catalog card answers about its own product, when the question names it (« Google Workspace »), not because its
  // product's description shares a word of the question (« État civil » of a business software).
  const named = new Set(stemsOf(question));
  const answering = passages.filter(
    (r) =>
      r.document.kind !== "catalog" ||
      fold(r.document.title.replace(/^[^:]*:\s*/, ""))
        .split(/[^a-z0-9]+/)
        .filter((w) => w.length >= 3)
        .slice(0, 1)
        .every((w) => named.has(wordStem(w))),
  );
  // A sentence that refers back (« Il modifie … ») is read with the one before it: the pair is one point.
  const candidates = answering.flatMap((r, rank) =>
    quotableSentences(r.text, {
      max: MAX_SENTENCE,
      question,
      placeNamed: namesTitlePlace(question, r.document.title),
    }).map(({ text, own }) => {
      // A pair weighs what its referring sentence says: the one before it is a candidate of its own.
      const stems = stemsOf(own);
      return {
        r,
        rank,
        text,
        held: terms.map((t) => t.stems.some((v) => holdsStem(stems, v))),
        year: years.some((y) => own.includes(y)),
      };
    }),
  );
  if (!candidates.length) return [];
  const weight = terms.map((_, i) => {
    const df = candidates.filter((c) => c.held[i]).length;
    return Math.log(1 + candidates.length / (1 + df));
  });
  const needed = terms.length <= 2 ? 1 : 2;
  const scored = candidates
    .map((c) => {
      const count = c.held.filter(Boolean).length;
      const score = c.held.reduce((sum, h, i) => sum + (h ? weight[i]! : 0), 0) + (c.year ? Math.max(...weight) : 0);
      return { ...c, count, score, named: c.held.some((h, i) => h && terms[i]!.name) };
    })
    // Two of the question's words, or a name it asks about (« Kaspersky »).
    .filter((c) => c.count >= needed || c.named)
    .map((c) => ({ ...c, passage: c.r.id, doc: c.r.document.id }))
    .sort((a, b) => b.score - a.score || a.rank - b.rank);
  return pickVerbatim(scored, { max, perPassage: 1 }).map((c) => ({ r: c.r, sentence: c.text, score: c.score }));
}

/** The years the question asks about that none of the points says. */
export const unsaidYears = (question: string, points: { sentence: string }[]) =>
  askedYears(question).filter((y) => !points.some((p) => p.sentence.includes(y.year)));
