/**
 * A version or a model a catalog card lists only among the names it appears under in inventories (« SharePoint
 * Server 2019 », « SN3100 »): the card says nothing of it beyond its name, so it answers a question on that version
 * only where it holds what is asked of it (the product's exposure, its country), not its end of support or its
 * capacity.
 */
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

/** Share of what is asked a card must hold outside its names line to answer a question on a version it only lists. */
export const MIN_LISTED_COVERAGE = 0.5;

/**
 * Whether a catalog card answers nothing the question asks of a version it lists only among its names: the card
 * holds the version only in its names line, and less than half of the rest of what is asked (the words that are
 * neither the product's names nor verbs nor common words; another name, « CLOUD Act », counts) outside it.
 * `missing` lists the question's words the card does not hold (card fields counted as held).
 */
export function listedOnly(
  card: { text: string; document: { title: string } },
  terms: QuestionTerm[],
  missing: string[],
  light: (t: QuestionTerm) => boolean,
): QuestionTerm[] {
  const parts = cardParts(card);
  if (!parts) return [];
  const versions = versionTerms(terms).filter((v) => holds(v, parts.listed) && !holds(v, parts.rest));
  if (!versions.length) return [];
  // The product's own names (its title, its names line) say what the question is about, not what it asks.
  const title = passageWords(card.document.title);
  const ownName = (t: QuestionTerm) => t.name && (holds(t, title) || holds(t, parts.listed));
  const asked = terms.filter(
    (t) => !versions.includes(t) && !t.date && !t.verb && !t.modifier && !light(t) && !ownName(t),
  );
  if (!asked.length) return [];
  const held = asked.filter((t) => !missing.includes(t.word)).length;
  return held / asked.length < MIN_LISTED_COVERAGE - 1e-9 ? versions : [];
}
