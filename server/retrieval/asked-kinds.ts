/** What kind of answer a question asks (a count, a sum, a date, an hour, a card field) and whether a text gives it. */
import { NUMBER_WORD_PATTERN } from "../core/number-words.ts";
import { fold } from "../core/text.ts";
import { outsideContext } from "./asker/index.ts";
import { stem as frStem, readSections, words } from "./french.ts";
import { ligatures, type QuestionTerm, wordList } from "./lexicon.ts";
import { SENTENCE } from "./passage-words.ts";
import { holdsCount } from "./rank.ts";

/** What a catalog card says by its fields (country, city, publisher, owner, licence), folded stems, from a data file. */
const CARD_FIELDS = new Set(wordList("../i18n/fr/card-fields.txt").map(frStem));
export const asksCardField = (t: QuestionTerm) => !t.name && t.word.split(" ").every((w) => CARD_FIELDS.has(frStem(w)));

/**
 * A question asking a figure by its interrogative (« combien », « quel est le montant », « quelle part », « c'est quoi le
 * budget »), not by a noun of what it asks about (« un budget participatif »).
 */
export const FIGURE_ASKED =
  /\b(combien|(?:quel(?:le)?s?|quoi)\s+(?:(?:est|sont|etait|etaient|sera|seront)\s+)?(?:(?:le|la|les|l')\s*)?(?:montant|budget|somme|nombre|prix|cout|tarif|pourcentage|part|taux|hausse|effectifs?|chiffre))\b/;

/** A number written out in words before the noun it counts (« dix groupements », « trois communes »), folded. */
export const SPELLED_COUNT = new RegExp(`\\b(?:${NUMBER_WORD_PATTERN})\\s+([a-z]{2,}[sx])\\b`, "g");
/**
 * « Il en existe plus de 500 », « on en compte une quarantaine »: a figure counting, by the pronoun « en », what the
 * sentence before names (folded; the figure in the same clause).
 */
const PRONOUN_COUNT = /\b(?:il|elle|on|ils|elles)\s+(?:y\s+)?en\s+[a-z]+(?:\s+[a-z']+){0,3}\s+\d/;

/** Whether a text counts one of `counted` by « en » in a sentence right after one that names it (see `PRONOUN_COUNT`). */
export function countsByPronoun(text: string, counted: Set<string>): boolean {
  const sentences = text.split(SENTENCE).map((t) => fold(t).replace(/[’]/g, "'"));
  return sentences.some(
    (t, k) =>
      k > 0 &&
      PRONOUN_COUNT.test(t.split(/[;:]/)[0]!) &&
      !/^(?:19|20)\d\d\b/.test(t.slice(t.search(PRONOUN_COUNT)).replace(/^\D+/, "")) &&
      words(sentences[k - 1]!).some((w) => counted.has(frStem(w))),
  );
}

/**
 * What a question asking « combien de … », « quel nombre de … » counts (folded): the noun, also after a possessive
 * (« combien de leurs salariés » counts salariés).
 */
export const COUNTED = /\b(?:combien|nombre)\s+d(?:e\s+|')(?:(?:leurs?|ses|nos|vos|ces|mes|tes)\s+)?([a-z]{3,})/;

/** The clause (between commas, colons, semicolons) of a folded question that holds a word. */
export function askingClause(question: string, word: string): string {
  return question.split(/[,;:]/).find((c) => c.includes(word)) ?? question;
}

/** A number that is part of a name (« Microsoft 365 E3 », « GPL-3.0 »), not a figure. */
export const NAMED_NUMBER = /(\p{Lu}[\p{L}]*-)\d+(?:\.\d+)*\b|(\p{Lu}[\p{L}]*\s)\d+(?=\s\p{Lu}|[,.;:)](?:\s|$)|$)/gu;

/** Sections of `asked-slots.txt`: what a question asking a figure or a date asks (« [argent] », « [date] »…), folded word lists. */
const SLOTS = readSections("asked-slots.txt", ligatures);
export const slot = (name: string) => SLOTS.get(name) ?? [];
/** Whether folded words hold one of the expressions (their words in a row). */
export const holdsPhrase = (list: string[], phrases: string[][]) =>
  phrases.some((e) => list.some((_, i) => e.every((w, j) => list[i + j] === w)));
/** Words that, right after a number, make it a sum of money (« 25 000 euros »), as stems. */
const MONEY_STEMS = new Set(slot("montant").flat().map(frStem));
/** What « combien de … » counts without the number written right before it (« combien de temps »), as stems. */
export const FREE_COUNTS = new Set(slot("compte libre").flat().map(frStem));
/**
 * « quelques dizaines de participants », « des milliers d'agents »: an order of magnitude (`asked-slots.txt`, [ordre de
 * grandeur]) before « de » and the noun it counts (group 1), folded.
 */
const MAGNITUDE_COUNT = new RegExp(
  `\\b(?:${slot("ordre de grandeur")
    .map((e) => e.join(" "))
    .join("|")})\\s+d(?:e\\s+|')([a-z]{2,})`,
  "g",
);
/** Whether a text gives an order of magnitude of what a question counts (stems), « quelques dizaines de participants ». */
export const countsByMagnitude = (text: string, counted: Set<string>) =>
  [...fold(text).matchAll(MAGNITUDE_COUNT)].some((m) => counted.has(frStem(m[1]!)));
/** Nouns that count the same kind of thing (people, organisations, devices, durations), as stems, by noun. */
const COUNT_CLASSES: Set<string>[] = [...SLOTS]
  .filter(([name]) => name.startsWith("compte ") && name !== "compte libre")
  .map(([, list]) => new Set(list.flat().map(frStem)));
/**
 * Nouns that count one precise kind of people (« salariés », « habitants », « adhérents »), as stems, by group: a count
 * of another kind (« 300 membres », « 80 000 agents ») does not answer them.
 */
const PRECISE_COUNTS: Set<string>[] = [...SLOTS]
  .filter(([name]) => name.startsWith("effectif "))
  .map(([, list]) => new Set(list.flat().map(frStem)));
/**
 * What a question asking « combien de … » counts, with the nouns of its kind (« personnes » → agents, utilisateurs…);
 * a precise noun only with those of its own group (« salariés » → employés, effectif).
 */
export const countedKind = (counted: Set<string>) => {
  const precise = PRECISE_COUNTS.filter((c) => [...counted].some((s) => c.has(s)));
  if (precise.length) return new Set([...counted, ...precise.flatMap((c) => [...c])]);
  return new Set([
    ...counted,
    ...COUNT_CLASSES.filter((c) => [...counted].some((s) => c.has(s))).flatMap((c) => [...c]),
  ]);
};
/** What a sum of money measures, by kind (« budget », « chiffre d'affaires », « contrat »): folded expressions. */
const SUM_KINDS: string[][][] = [...SLOTS].filter(([name]) => name.startsWith("somme ")).map(([, list]) => list);
/**
 * The kinds of sum a question's asking clause names (« Quel est le budget annuel de la DSI … ? » → the budget group):
 * the sentence that gives the sum must name one of them too.
 */
export const sumKindsAsked = (clauseWords: string[]) => SUM_KINDS.filter((kind) => holdsPhrase(clauseWords, kind));
/** Whether a sentence names the kind of sum asked (a word of its group, or one sharing its stem). */
export const namesSumKind = (sentence: string, kinds: string[][][]) => {
  const list = words(sentence);
  const stems = new Set(list.map(frStem));
  return kinds.some((kind) =>
    kind.some((e) => (e.length > 1 ? holdsPhrase(list, [e]) : stems.has(frStem(e[0]!)) || list.includes(e[0]!))),
  );
};
/** A number with a currency symbol (« 25 000 € », « 11,7 M€ », « $30 »). */
const MONEY_SYMBOL = /\d\s?(?:k|M|Md|G)?€|€\s?\d|\$\s?\d|\d\s?\$/;
/** Whether a text gives a sum of money, or says something is free (an answer to « combien coûte … ? »). */
export const moneyIn = (text: string) =>
  holdsCount(text, MONEY_STEMS) || MONEY_SYMBOL.test(text) || holdsPhrase(words(text), slot("gratuit"));
/** Interrogatives other than those asking a date (folded, apostrophes straight). */
const OTHER_INTERROGATIVE =
  /\b(?:qui|quoi|comment|pourquoi|combien|quel|quelle|quels|quelles|lequel|laquelle|lesquels|lesquelles|ou|qu'est-ce)\b/;

/**
 * Whether a question asks only a date (« Quand… ? », « En quelle année… ? »): a date phrase of `asked-slots.txt` in
 * what it asks, no other interrogative beside it, and not a yes-or-no question.
 */
export function asksOnlyDate(question: string): boolean {
  const asking = outsideContext(question);
  if (polar(question)) return false;
  const list = words(asking);
  // « quand » asks a date where it opens a clause or ends the question (« … a duré jusqu'à quand ? »), not as a
  // conjunction (« Que prévoit l'article 48 quand une autorité exige… ? »).
  const clauses = fold(asking)
    .replace(/[’]/g, "'")
    .split(/[,;:.!]|\?(?=.)/)
    .map((c) => words(c));
  const opensOrEnds = (e: string[]) =>
    clauses.some((c) => e.every((w, j) => c[j] === w) || e.every((w, j) => c[c.length - e.length + j] === w));
  const phrases = slot("date").filter((e) => (e.includes("quand") ? opensOrEnds(e) : holdsPhrase(list, [e])));
  if (!phrases.length) return false;
  // « quand peut-on changer de constructeur ? » asks when it becomes possible, not a date (`asked-slots.txt`).
  if (phrases.every((e) => e.includes("quand")) && holdsPhrase(list, slot("condition"))) return false;
  let rest = ` ${list.join(" ")} `;
  for (const e of phrases) rest = rest.replaceAll(` ${e.join(" ")} `, " ");
  return !OTHER_INTERROGATIVE.test(rest);
}

/** « à quelle heure », « quelle heure » asked, and a time of day in a passage (« 14 h », « 9h30 », « 14:30 »). */
export const HOUR_ASKED = /\bquelle heure\b/;
export const HOUR = /\b\d{1,2}\s?(?:h|heures?)(?:\s?\d{2})?\b|\b\d{1,2}:\d{2}\b/i;

/**
 * The setting (« en mairie », « sur une vingtaine de postes ») and the judgement asked (« un problème », « acceptable »)
 * of a question about a thing that has its own card or page: that card or page need not hold them (a data file).
 */
const ENTITY_FRAME = new Set(wordList("../i18n/fr/entity-frame.txt").map(frStem));
export const isEntityFrame = (t: QuestionTerm) =>
  !t.name && t.word.split(" ").every((w) => ENTITY_FRAME.has(frStem(w)));

/** A question asking yes or no: no interrogative word (« qui », « quel », « combien », « comment »…), ending with « ? ». */
export function polar(question: string): boolean {
  return /\?\s*$/.test(fold(question)) && !asksByInterrogative(question);
}

/** Whether a question holds an interrogative word (« qui », « quel », « combien », « comment »…), « est-ce que » aside. */
export function asksByInterrogative(question: string): boolean {
  return /\b(?:qui|que|qu'|quoi|quel|quelle|quels|quelles|lequel|laquelle|lesquels|lesquelles|combien|comment|pourquoi|ou|quand|d'ou)\b/.test(
    fold(question)
      .replace(/[’]/g, "'")
      .replace(/\best-ce qu(?:e|')/g, ""),
  );
}
