/**
 * What a drafted document's sentence says against its own data, in three forms (clean-clone trial25 T-H4, a model
 * roadmap of the Coteaux de l'Auzonne): a date given to a thing the context dates otherwise (« Le marché Kaspersky se
 * termine en 2029 » for « Le marche Kaspersky se termine le 31 mars 2027 »); a thing said still supported that the
 * context, the data or a passage say is not (« Les 2 serveurs Windows Server 2012 R2 sont à jour » for « … ne sont plus
 * mis a jour » and the map's « sans correctifs de sécurité depuis le 10 octobre 2023 »); the objective said reached
 * before the date the document gives it (« Il sera atteint dès 2027. » for an objective of December 2029). Words:
 * `server/i18n/fr/document-verdicts.txt`.
 */
import { clausesOf, sentencesOf } from "../core/first-person.ts";
import { fold } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { stem } from "../retrieval/french.ts";
import { extractFigures } from "./figures.ts";
import { NEGATION, polarityClauses, short } from "./negation.ts";
import { splitSentences, withoutNotes, withoutReferences } from "./sentences.ts";
import { contentWords, phrasePattern } from "./words.ts";

const SECTIONS = wordListSections("document-verdicts.txt");
const pattern = (section: string) => phrasePattern(SECTIONS.get(section) ?? []);
const UP_TO_DATE = pattern("à jour");
const UNSUPPORTED = pattern("sans support");
const REACHED_AT = pattern("atteint à une date");
const OBJECTIVE = pattern("objectif");

/** Content words shared with the context's clause a sentence's clause needs to speak of the same thing (and half). */
const SAME_THING_WORDS = 3;

const dated = (text: string) =>
  extractFigures(text).filter((f) => (f.kind === "month" || f.kind === "date" || f.kind === "year") && f.year);

const MONTHS = /^(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)$/u;

/** Content words of a text as stems, without dates, numbers and month names. */
const thingWords = (text: string) =>
  [...new Set(contentWords(text).filter((w) => !/\d/.test(w) && !MONTHS.test(fold(w))))].map((w) => stem(w));

/** The context's clause that dates the same thing otherwise than the sentence, shortened; or null. */
export function datedOtherwise(sentence: string, context: string | undefined): string | null {
  if (!context?.trim()) return null;
  const stated = withoutReferences(withoutNotes(sentence));
  const clauses = sentencesOf(context).flatMap(clausesOf);
  for (const clause of clauses) {
    const years = dated(clause).map((f) => f.year!);
    if (!years.length) continue;
    const own = thingWords(clause);
    if (own.length < SAME_THING_WORDS) continue;
    for (const part of polarityClauses(stated)) {
      const said = dated(part);
      if (!said.length || said.some((f) => years.includes(f.year!))) continue;
      const words = new Set(thingWords(part));
      const shared = own.filter((w) => words.has(w)).length;
      if (shared >= SAME_THING_WORDS && shared * 2 >= own.length) return short(clause);
    }
  }
  return null;
}

/** The tokens that name a thing: capitalised, or holding a digit (« Windows », « Server », « 2012 », « R2 »). */
const namedTokens = (text: string) =>
  [
    ...new Set(
      text
        .split(/[^\p{L}\p{N}.+-]+/u)
        .map((t) => t.replace(/^[.+-]+|[.+-]+$/gu, ""))
        .filter((t, i) => t && (/\d/.test(t) || (/^\p{Lu}/u.test(t) && i > 0))),
    ),
  ].map((t) => t.toLowerCase());

/** The sentence of `texts` that says the thing the sentence says supported is not, shortened; or null. */
export function supportDenied(sentence: string, texts: string[]): string | null {
  const stated = withoutReferences(withoutNotes(sentence));
  const part = polarityClauses(stated).find((c) => UP_TO_DATE.test(fold(c)) && !NEGATION.test(c));
  if (!part) return null;
  const named = namedTokens(part).filter((t) => !/^\d{1,2}$/.test(t));
  if (!named.length) return null;
  const need = Math.min(3, named.length);
  // Each item of a list line on its own (« … : à mener en premier - Windows Server … »), its « — » note kept with it.
  for (const text of texts)
    for (const line of text
      .split(/\n+/u)
      .flatMap((l) => splitSentences(l))
      .flatMap((l) => l.split(/(?<=[.!?])\s+(?=\p{Lu})|\s+;\s+|\s+-\s+/u))) {
      if (!UNSUPPORTED.test(fold(line))) continue;
      const theirs = new Set(namedTokens(` ${line}`));
      if (named.filter((t) => theirs.has(t)).length < need) continue;
      // A map line's note after « — » says it (« … → Debian … — sans correctifs de sécurité depuis … »): its name, then it.
      const note = line.split(/\s+[—–]\s+/u).find((p, i) => i > 0 && UNSUPPORTED.test(fold(p)));
      return note ? `${short(line.split(/\s+[(—–]/u)[0]!.replace(/^[-*•]\s+/u, ""))} … ${short(note)}` : short(line);
    }
  return null;
}

/**
 * The date the document gives its objective (a data line naming the objective, its latest year), when the sentence
 * (or, opening on a pronoun, the sentence before) says the objective reached at an earlier year: the date as the data
 * write it; or null.
 */
export function reachedEarly(sentence: string, earlier: string, facts: string[]): string | null {
  const stated = fold(withoutReferences(withoutNotes(sentence)));
  if (!REACHED_AT.test(stated) || NEGATION.test(stated)) return null;
  if (!OBJECTIVE.test(stated) && !(/^\s*(?:il|elle)\s/u.test(stated) && OBJECTIVE.test(fold(earlier)))) return null;
  const said = dated(sentence).map((f) => f.year!);
  if (!said.length) return null;
  let target: { year: number; raw: string } | null = null;
  for (const line of facts.flatMap((f) => f.split(/\n+/u)))
    if (OBJECTIVE.test(fold(line)))
      for (const f of dated(line)) if (!target || f.year! > target.year) target = { year: f.year!, raw: f.raw };
  return target && said.every((y) => y < target.year) ? target.raw : null;
}
