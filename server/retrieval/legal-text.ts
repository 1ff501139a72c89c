/**
 * A legal text a question is about (« L'ordonnance 2026 … impose Linux ? », « le règlement IA européen oblige … ? »):
 * the noun of its kind, after an article, is the subject of a verb saying what it imposes (`legal-text-kinds.txt`). A
 * passage that answers writes the noun itself, not only the text's subject (the digital policy of the communes).
 */
import { fold } from "../core/text.ts";
import { readSections } from "./french.ts";
import type { QuestionTerm } from "./lexicon.ts";
import { SENTENCE, withoutReferences } from "./passage-words.ts";

const SECTIONS = readSections("legal-text-kinds.txt");
/** The kinds of legal texts and the verbs of what they impose, folded. */
const KINDS = new Set((SECTIONS.get("textes") ?? []).map((e) => e.join(" ")));
const IMPOSES = new Set((SECTIONS.get("verbes") ?? []).map((e) => e.join(" ")));

/** The terms of a question that name the kind of legal text it asks about. */
export function legalTextTerms(question: string, terms: QuestionTerm[]): QuestionTerm[] {
  const list = fold(question)
    .replace(/[’]/g, "'")
    .split(/[^a-z0-9']+/)
    .filter(Boolean);
  const verb = list.findIndex((w) => IMPOSES.has(w.replace(/^(?:[cdjlmnst]|qu)'/, "")));
  if (verb < 0) return [];
  const subjects = new Set<string>();
  list.slice(0, verb).forEach((w, k) => {
    const elided = /^l'(.+)$/.exec(w)?.[1];
    const noun = elided ?? w;
    const article = !!elided || /^(?:le|la|les|un|une|ce|cette|ces)$/.test(list[k - 1] ?? "");
    if (article && KINDS.has(noun)) subjects.add(noun);
  });
  return terms.filter((t) => !t.name && subjects.has(t.word));
}

/** The kinds of legal texts a question may name by their year (« la loi de 2027 »), folded. */
const BY_YEAR = new Set((SECTIONS.get("nommés par l'année") ?? []).map((e) => e.join(" ")));
/** A kind's noun, « de » or « du », a year (groups 1 and 2), folded. */
const NAMED_BY_YEAR = /(?<![a-z])([a-z]+) (?:de|du) ((?:19|20)\d{2})(?![0-9])/g;
/** Most words between a text's noun and its year in a sentence that names it (« décret n° 2023-… du 25 octobre 2023 »). */
const YEAR_REACH = 8;

/** The legal texts a question names by their year (« la loi de 2027 »: { noun: « loi », year: « 2027 » }). */
export function yearNamedTexts(question: string): { noun: string; year: string }[] {
  const folded = fold(question).replace(/[’]/g, "'");
  return [...folded.matchAll(NAMED_BY_YEAR)]
    .filter((m) => BY_YEAR.has(m[1]!))
    .map((m) => ({ noun: m[1]!, year: m[2]! }));
}

/**
 * Whether a passage names a legal text by its noun and its year: in one sentence (its sources' references aside), the
 * year at most `YEAR_REACH` words from the noun, or its title or heading holding both.
 */
export function namesYearText(
  text: { noun: string; year: string },
  r: { text: string; section: string; document: { title: string } },
): boolean {
  const stem = text.noun.replace(/s$/, "");
  const near = (sentence: string) => {
    const list = fold(sentence)
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    const nouns = list.flatMap((w, i) => (w === stem || w === `${stem}s` ? [i] : []));
    return list.some((w, i) => w === text.year && nouns.some((j) => Math.abs(i - j) <= YEAR_REACH));
  };
  return near(`${r.document.title} ${r.section}`) || withoutReferences(r.text).split(SENTENCE).some(near);
}
