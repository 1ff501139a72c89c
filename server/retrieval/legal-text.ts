/**
 * A legal text a question is about (« L'ordonnance 2026 … impose Linux ? », « le règlement IA européen oblige … ? »):
 * the noun of its kind, after an article, is the subject of a verb saying what it imposes (`legal-text-kinds.txt`). A
 * passage that answers writes the noun itself, not only the text's subject (the digital policy of the communes).
 */
import { fold } from "../core/text.ts";
import { readSections } from "./french.ts";
import type { QuestionTerm } from "./lexicon.ts";

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
