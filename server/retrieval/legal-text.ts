/**
 * The kind of legal text a question asks about (« l'ordonnance 2026 », « le règlement IA européen »,
 * `legal-text-kinds.txt`): a passage that answers writes the word itself, not only the text's subject.
 */
import { readFileSync } from "node:fs";
import { stem as frStem, words } from "./french.ts";
import type { QuestionTerm } from "./lexicon.ts";

/** The kinds of legal texts, as stems. */
const KINDS = new Set(
  readFileSync(new URL("../i18n/fr/legal-text-kinds.txt", import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"))
    .flatMap((l) => l.split(",").flatMap((w) => words(w)))
    .map(frStem),
);

/** The terms of a question that name a kind of legal text, outside its context. */
export function legalTextTerms(terms: QuestionTerm[]): QuestionTerm[] {
  return terms.filter((t) => !t.context && !t.name && KINDS.has(frStem(t.word)));
}
