/**
 * What the collectivité's own people think of the démarche, stated as a fact in a document (a letter, an audit plan, a
 * roadmap: « Les élus du conseil municipal soutiennent tous ce projet. », « Les agents ont déjà bien accepté ce
 * principe [1] », trial18 F2) that neither the document's data nor any of its passages write: `reactionUnsaid`
 * (`reactions.ts`, the progress note's check) on the sentence, when the people come before their reaction in one clause
 * and no word of an intention or a forecast stands between them (« les agents seront formés » is a plan;
 * `[prévision]` of `server/i18n/fr/reactions.txt`).
 */
import { foldApostrophes } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { stem } from "../retrieval/french.ts";
import { NEGATION } from "./negation.ts";
import { opensOnPeople, reactionUnsaid } from "./reactions.ts";
import { words } from "./words.ts";

const FORECAST = new Set((wordListSections("reactions.txt").get("prévision") ?? []).flatMap((e) => words(e)));

/** The words from the people to their reaction, stated as a fact no source writes; or null. */
export function ownPeopleUnsaid(sentence: string, sources: string[]): string | null {
  const said = reactionUnsaid(sentence, sources);
  if (!said || /[,;:()]/u.test(said)) return null;
  const folded = foldApostrophes(said);
  // The reaction after the people it is said of (« limite les difficultés pour les services » is no one's reaction).
  if (!opensOnPeople(said)) return null;
  if (words(folded).some((w) => FORECAST.has(w))) return null;
  return said;
}

/** Letters of a result word's stem a source word must open on to write the same result in another form. */
const RESULT_PREFIX = 6;
const RESULTS = wordListSections("own-results.txt");
const ALREADY = new Set((RESULTS.get("déjà") ?? []).flatMap((e) => words(e)));
const RESULT_WORDS = new Set((RESULTS.get("résultats") ?? []).flatMap((e) => words(e)));

/**
 * A result the collectivité would already have obtained (« Cet objectif est déjà à moitié atteint grâce au
 * remplacement de Sophos. », trial18 F3: a roadmap is written before any replacement), said without a source in a
 * document: « déjà » and a word of a result no text of `sources` (the data, the passages) writes in any form. The result's
 * word, or null.
 */
export function ownResultUnsaid(sentence: string, sources: string[]): string | null {
  const mine = words(foldApostrophes(sentence));
  if (!mine.some((w) => ALREADY.has(w)) || NEGATION.test(sentence)) return null;
  const result = mine.find((w) => RESULT_WORDS.has(w));
  if (!result) return null;
  // Written in any form (« atteindre », « remplacement »): a source word opening on the result's first letters.
  const key = stem(result).slice(0, RESULT_PREFIX);
  if (sources.some((s) => words(s).some((w) => w.startsWith(key)))) return null;
  return sentence.match(/[\p{L}-]+/gu)?.find((t) => words(t)[0] === result) ?? result;
}
