/**
 * « L'essentiel » of a briefing note without a model (trial8 B11): the sentences of the passages found that answer
 * the question itself — its subject words and its year — ranked by how directly they answer, each a whole sentence
 * an élue can read aloud; and what the question asks that none of them says (« d'ici 2028 »), said as such.
 */
import { fold } from "../core/text.ts";
import { stem } from "../retrieval/french.ts";
import { needsPrevious, pieces } from "../retrieval/passages.ts";
import { questionTerms } from "../retrieval/question-terms.ts";
import type { SearchResult } from "../retrieval/search.ts";

/** A sentence of a passage that answers the question, and how directly (the weight of the question's words it holds). */
export interface AnswerPoint {
  r: SearchResult;
  sentence: string;
  score: number;
}

/** A year the question asks about, with the words that frame it (« d'ici 2028 », « avant 2030 », « en 2027 »). */
export interface AskedYear {
  year: string;
  text: string;
}

const YEAR_FRAME =
  /(?:(?:d['’]ici|avant|après|en|pour|dès|depuis|jusqu['’]en|à partir de|au plus tard en)\s+(?:la fin de\s+|l['’]année\s+|fin\s+)?)?\b((?:19|20)\d{2})\b/giu;

/** The years a question asks about, each with its framing words as the question writes them. */
export function askedYears(question: string): AskedYear[] {
  return [...question.matchAll(YEAR_FRAME)].map((m) => ({ year: m[1]!, text: m[0].trim() }));
}

/** Words of a folded text, each stemmed. */
const stemsOf = (text: string) =>
  new Set(
    fold(text)
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
      .map(stem),
  );

/** The question's subject words (years apart), each as the stems of its variants. */
function subjectTerms(question: string): { stems: string[]; name: boolean }[] {
  const cleaned = question.replace(/\bd['’]ici\b/giu, " ");
  return questionTerms(cleaned)
    .filter((t) => !t.date && !/^\d{4}$/.test(t.word))
    .map((t) => ({ stems: [...new Set(t.variants.flatMap((v) => fold(v).split(/\s+/).map(stem)))], name: t.name }));
}

/** A sentence a reader can take alone: a capital first, a full stop last, long enough, no reference to what precedes. */
const readable = (s: string) =>
  /^[\p{Lu}«"]/u.test(s) && /[.!?»)]$/.test(s) && s.length >= 40 && s.length <= 420 && !needsPrevious(s);

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
  const named = stemsOf(question);
  const answering = passages.filter(
    (r) =>
      r.document.kind !== "catalog" ||
      fold(r.document.title.replace(/^[^:]*:\s*/, ""))
        .split(/[^a-z0-9]+/)
        .filter((w) => w.length >= 3)
        .slice(0, 1)
        .every((w) => named.has(stem(w))),
  );
  const clean = (text: string) =>
    text
      .replace(/[*_`#>]/g, "")
      .replace(/\s+/g, " ")
      .trim();
  const candidates = answering.flatMap((r, rank) => {
    const kept = pieces(r.text).filter((p) => p.list < 0 && !p.fragment);
    // A sentence that refers back (« Il modifie … ») is read with the one before it in its paragraph, when that one
    // stands alone: the pair is one point, as a quotation would take it.
    return (
      kept
        .map((p, i) => {
          const text = clean(p.text);
          const before = i > 0 && kept[i - 1]!.block === p.block ? clean(kept[i - 1]!.text) : "";
          const pair = needsPrevious(text) && before && !needsPrevious(before);
          return { shown: pair ? `${before} ${text}` : text, own: text };
        })
        .filter((c) => readable(c.shown))
        // A pair weighs what its referring sentence says: the one before it is a candidate of its own.
        .map(({ shown, own }) => {
          const stems = stemsOf(own);
          return {
            r,
            rank,
            sentence: shown,
            held: terms.map((t) => t.stems.some((v) => stems.has(v))),
            year: years.some((y) => own.includes(y)),
          };
        })
    );
  });
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
    .sort((a, b) => b.score - a.score || a.rank - b.rank);
  const out: AnswerPoint[] = [];
  for (const c of scored) {
    if (out.length >= max) break;
    if (out.some((p) => p.r.id === c.r.id)) continue;
    out.push({ r: c.r, sentence: c.sentence, score: c.score });
  }
  return out;
}

/** The years the question asks about that none of the points says. */
export const unsaidYears = (question: string, points: { sentence: string }[]) =>
  askedYears(question).filter((y) => !points.some((p) => p.sentence.includes(y.year)));
