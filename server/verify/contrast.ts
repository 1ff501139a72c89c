/** Whether a claim turns around what its sources rule out or contrast (« et non », « ni … ni »). */
import { readFileSync } from "node:fs";
import { escapeRegExp } from "../core/text.ts";
import { NEGATION, negatedAmong, POLARITY_MIN_SHARED, polarityClauses, short } from "./negation.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { bagOf, contentWords, inBag, WEAK, wordList } from "./words.ts";

/** A subject pronoun opening a clause (« elles ne s'imposent pas … », « celui-ci reste … »). */
export const SUBJECT_PRONOUN = /^(?:il|elle|ils|elles|celui-ci|celle-ci|ceux-ci|celles-ci)(?!\p{L})/iu;

/** Words that close the subject of a clause (`server/i18n/fr/subject-ends.txt`, data): « s' », « ne », « est », « qui ». */
const SUBJECT_END = new RegExp(
  `\\s(?:${wordList("subject-ends.txt")
    .map((w) => (/['’]$/.test(w) ? `${escapeRegExp(w.slice(0, -1))}['’]` : `${escapeRegExp(w)}(?=\\s)`))
    .join("|")})|,`,
  "iu",
);

/** Most words a subject lent to a pronoun has: past them, what was read as a subject is a predicate too. */
const SUBJECT_MAX_WORDS = 3;

/**
 * The subject of a clause: its words before the first word that closes it (« La doctrine et ses circulaires »), at
 * most three (« Les nombres d'élèves cités varient selon les dates » lends « Les nombres d'élèves », not what they do).
 */
function clauseSubject(clause: string): string {
  const end = clause.search(SUBJECT_END);
  const subject = end > 0 ? clause.slice(0, end) : clause;
  // Quotation marks are no words (« La doctrine « Cloud au centre » » lends « La doctrine Cloud »).
  return subject
    .split(/\s+/)
    .filter((t) => /\p{L}/u.test(t))
    .slice(0, SUBJECT_MAX_WORDS)
    .join(" ");
}

/**
 * Clauses of a passage, in order, each opening with a subject pronoun preceded by the subject of the clause before it
 * (« La doctrine et ses circulaires elles ne s'imposent pas aux collectivités »): what the clause is about, for the
 * words it shares with a sentence.
 */
export function withPronounSubjects(clauses: string[]): string[] {
  const out: string[] = [];
  clauses.forEach((c, i) => {
    out.push(i > 0 && SUBJECT_PRONOUN.test(c) ? `${clauseSubject(out[i - 1]!)} ${c}` : c);
  });
  return out;
}

/** A clause without the part it rules out itself (« …, et non par la seule Ville »): its own polarity is the rest. */
export const withoutRuledOut = (clause: string) => clause.replace(/,?\s+(?:et|mais)\s+non\s+[^,;:.]*/giu, " ");

/** Phrases that set what a passage says against what it rules out (`server/i18n/fr/contrast-negations.txt`, data). */
const CONTRAST = new RegExp(
  // A phrase opens a word (« et non »), or on its comma (« , non une »).
  `(?:(?<!\\p{L})(?=\\p{L})|(?=,))(?:${readFileSync(
    new URL("../i18n/fr/contrast-negations.txt", import.meta.url),
    "utf8",
  )
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"))
    .map((l) => escapeRegExp(l.trim()).replace(/\s+/g, "\\s+"))
    .join("|")})(?!\\p{L})`,
  "giu",
);

/**
 * What a text rules out with « et non », « mais pas »…: the part before the phrase, the phrase, the part after it (to
 * the next comma or parenthesis), and the content words of that part the part before does not have.
 */
export function ruledOut(text: string): { kept: string; marker: string; part: string; own: string[] }[] {
  return [...text.matchAll(CONTRAST)].map((m) => {
    const kept = text.slice(0, m.index!);
    const part = text.slice(m.index! + m[0].length).split(/[,;:(]/)[0]!;
    const keptBag = bagOf(kept);
    const own = [...new Set(contentWords(part))].filter((w) => !inBag(w, keptBag, false));
    return { kept, marker: m[0], part, own };
  });
}

/** Least words of its own the part a source rules out must have for a sentence stating it to contradict the source. */
export const CONTRAST_MIN_WORDS = 2;
/**
 * Share of its content words a clause that states every word of the ruled-out part must share with the statement:
 * less than for two clauses compared for polarity (`POLARITY_MIN_SHARE`), since the ruled-out words already tie them.
 */
export const CONTRAST_MIN_SHARE = 0.6;

/**
 * The source statement whose ruled-out part a clause of the sentence states (« Cette décision porte sur l'ensemble des
 * ordinateurs de l'État » against « la décision porte sur le seul parc de la DINUM, et non sur l'ensemble des
 * ordinateurs de l'État »): the clause has every word of that part that its kept part does not have (at least two),
 * does not negate them, and shares most of its content words (at least three) with the statement. A short quote, or null.
 */
export function contrasted(stated: string, pool: Source[]): string | null {
  const statements = pool.flatMap((src) =>
    src.sentences.flatMap((ss) => withoutReferences(ss.text).split(/\s?[;:]\s|[.!?]\s+/u)),
  );
  // The sentence rules the same words out too (« hors UE mais non soumis au droit américain »).
  const alsoRuledOut = ruledOut(stated).map((r) => bagOf(r.part));
  for (const st of statements) {
    for (const { marker, kept, part: ruled, own } of ruledOut(st)) {
      if (own.length < CONTRAST_MIN_WORDS) continue;
      if (alsoRuledOut.some((b) => own.every((w) => inBag(w, b)))) continue;
      const whole = bagOf(`${kept} ${ruled}`);
      const ruledBag = bagOf(ruled);
      for (const clause of polarityClauses(stated)) {
        const mine = bagOf(clause);
        if (!own.every((w) => inBag(w, mine))) continue;
        if (negatedAmong(clause, ruledBag) || clause.search(CONTRAST) >= 0) continue;
        const content = [...new Set(contentWords(clause))];
        const need = Math.max(POLARITY_MIN_SHARED, Math.ceil(content.length * CONTRAST_MIN_SHARE));
        if (content.filter((w) => inBag(w, whole)).length >= need) return short(`${kept}${marker}${ruled}`.trim());
      }
    }
  }
  return null;
}

/** « ne V ni X ni Y »: the verb and the two things it is denied of. */
const NEITHER_NOR = /(?<!\p{L})(?:ne|n['’])\s*((?:\S+\s+)?\S+?)\s+ni\s+([^,;:.]+?)\s+ni\s+([^,;:.]+)/giu;

/**
 * The source statement denying, with « ne … ni … ni … », what a clause of the sentence affirms (« Il s'agissait d'une
 * attaque informatique » against « Il ne s'agissait ni d'une attaque ni d'une décision politique »): the clause has the
 * verb and one of the two things, and no negation. A short quote, or null.
 */
export function neitherNor(stated: string, pool: Source[]): string | null {
  const clauses = polarityClauses(stated).filter((c) => !NEGATION.test(c));
  if (clauses.length === 0) return null;
  for (const src of pool)
    for (const ss of src.sentences)
      for (const m of withoutReferences(ss.text).matchAll(NEITHER_NOR)) {
        const verb = contentWords(m[1]!);
        if (verb.length === 0) continue;
        for (const item of [m[2]!, m[3]!]) {
          const things = contentWords(item).filter((w) => !WEAK.has(w));
          if (things.length === 0) continue;
          const both = [...verb, ...things];
          if (clauses.some((c) => both.every((w) => inBag(w, bagOf(c))))) return short(m[0]);
        }
      }
  return null;
}
