/** A person named in lower case whom the corpus never names (« qu'a dit jean-marc dupont sur le libre ? »). */
import { fold } from "../core/text.ts";
import type { CorpusFrequency } from "./corpus-names.ts";
import { STOPWORDS, wordList } from "./lexicon.ts";
import type { passageWords } from "./passage-words.ts";

/** Common first names (`first-names.txt`), folded; a compound one (« Jean-Marc ») is read part by part. */
const FIRST_NAMES = new Set(wordList("../i18n/fr/first-names.txt"));
/** Whether a folded word is a common first name (`first-names.txt`), a compound one read part by part. */
export const isFirstName = (word: string) => word.split("-").every((p) => FIRST_NAMES.has(p));

/** Whether a question types a common first name (« matthieu faure »), in any case. */
export const typesFirstName = (question: string) =>
  fold(question)
    .split(/[^a-z]+/)
    .some(isFirstName);

/** Shortest surname read after a first name: shorter words meet real words by chance. */
const MIN_SURNAME = 3;

/**
 * The surnames a question types in lower case right after a first name (`first-names.txt`: « jean-marc dupont »,
 * « la sénatrice claire bernard », « linus torvalds ») that the corpus never uses and no passage read holds: a person
 * the corpus does not name, whom no passage can speak of. A name typed with its capitals is the unknown names' own
 * rule; a surname the corpus writes (« bertrand maes ») is left to the rules on what is asked of a person.
 */
export async function unknownPersons(
  question: string,
  frequency: CorpusFrequency,
  passages: ReturnType<typeof passageWords>[],
): Promise<string[]> {
  const tokens = fold(question.replace(/[’]/g, "'"))
    .split(/[^a-z-]+/)
    .map((t) => t.replace(/^-+|-+$/g, ""))
    .filter(Boolean);
  const unknown: string[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const first = tokens[i]!.split("-");
    const surname = tokens[i + 1]!;
    if (!first.every((p) => FIRST_NAMES.has(p))) continue;
    const parts = surname.split("-");
    if (surname.length < MIN_SURNAME || parts.some((p) => STOPWORDS.has(p))) continue;
    if (passages.some((p) => parts.some((w) => p.list.includes(w)))) continue;
    if ((await Promise.all(parts.map(frequency))).every((n) => n === 0)) unknown.push(surname);
  }
  return unknown;
}
