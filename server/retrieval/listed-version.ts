/**
 * A version or a model a catalog card lists only among the names it appears under in inventories (« SharePoint
 * Server 2019 », « SN3100 »): the card says nothing of it beyond its name, so it answers a question on that version
 * only where it holds what is asked of it (the product's exposure, its country), not its end of support or its
 * capacity.
 */
import { readFileSync } from "node:fs";
import { stem as frStem, words } from "./french.ts";
import type { QuestionTerm } from "./lexicon.ts";
import { holds, passageWords } from "./passage-words.ts";

/** The line of a catalog card listing its names (`server/corpus/catalog.ts`: « Apparaît … sous les noms : … »). */
const NAMES_LINE = /^[^\n]*sous les noms\s*:[^\n]*$/imu;

/** A version or a model the question names: a year after a name (« SharePoint 2019 »), a code (« SN3100 »). */
export function versionTerms(terms: QuestionTerm[]): QuestionTerm[] {
  return terms.filter((t) => (t.date && !!t.yearOf) || (t.name && /\d/.test(t.word) && /[a-z]/.test(t.word)));
}

/**
 * The card's text split into its names line and the rest (title included), as words; null when it lists no names.
 */
export function cardParts(card: { text: string; document: { title: string } }) {
  const line = NAMES_LINE.exec(card.text)?.[0];
  if (!line) return null;
  return {
    listed: passageWords(line),
    rest: passageWords(`${card.document.title}\n${card.text.replace(line, " ")}`),
  };
}

/** What a question asks of a version that a card listing it only among its names does not say, as stems. */
const VERSION_ASKED = new Set(
  readFileSync(new URL("../i18n/fr/version-asked.txt", import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"))
    .flatMap((l) => l.split(",").flatMap((w) => words(w)))
    .map(frStem),
);

/**
 * The versions a catalog card lists only among its names (it holds them nowhere else), when the question asks of them
 * what a version is asked (its support, its capacity, its price: `version-asked.txt`) and the card does not write it
 * outside that list: the card answers nothing of that version. What it says of the whole product (its country, the
 * CLOUD Act, « souverain ») still answers.
 */
export function listedOnly(card: { text: string; document: { title: string } }, terms: QuestionTerm[]): QuestionTerm[] {
  const parts = cardParts(card);
  if (!parts) return [];
  const versions = versionTerms(terms).filter((v) => holds(v, parts.listed) && !holds(v, parts.rest));
  if (!versions.length) return [];
  const asked = terms.filter((t) => !t.name && !t.date && VERSION_ASKED.has(frStem(t.word)));
  return asked.some((t) => !holds(t, parts.rest)) ? versions : [];
}
