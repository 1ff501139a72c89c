/**
 * A ban a question takes for granted (« puisque le rgpd interdit microsoft 365 dans les mairies, on a combien de temps
 * pour changer ? ») and a sentence of the corpus saying there is none (« Aucune loi française n'interdit aujourd'hui à
 * une collectivité … », « il ne rend pas illégal … »): the correction answers the question, rather than « Je ne sais
 * pas », which leaves the premise standing (trial21 T-H11). Words as data: `i18n/fr/brief.txt`, [interdiction dite]
 * and [interdiction niée], which « En bref » reads too.
 */
import { wordListSections } from "../i18n/word-lists.ts";
import { words } from "./french.ts";
import { SENTENCE } from "./passage-words.ts";

const BRIEF = wordListSections("brief.txt");
/** Words of a text, « n' » kept as « ne » (`words` drops an elided article, and « n'interdit » is no « interdit »). */
export const negationWords = (text: string) => words(text.replace(/\b[nN]['’]/g, "ne "));
/** The expressions of a section of `brief.txt`, as `holdsPhrase` reads them (« n'oblige pas » → « ne oblige pas »). */
export const briefPhrases = (section: string): string[] =>
  (BRIEF.get(section) ?? []).map((e) => ` ${negationWords(e).join(" ")} `).filter((p) => p.trim());
/** Whether a text holds one of `briefPhrases`' expressions, on whole words, « n' » kept as a negation. */
export const holdsPhrase = (text: string, list: string[]): boolean => {
  const t = ` ${negationWords(text).join(" ")} `;
  return list.some((p) => t.includes(p));
};
const CLAIMED = briefPhrases("interdiction dite");
const DENIED = briefPhrases("interdiction niée");

/** What opens a premise the question takes for granted (« puisque », « depuis que », « vu que », « comme »). */
const PREMISE = /^(?:puisque|depuis que|vu que|comme|etant donne que|maintenant que|des lors que)\b/;

/**
 * Whether a question takes a ban for granted, in a clause opening its premise (« puisque le rgpd interdit … »), and
 * does not itself say there is none — not one asking whether something is or should be banned (« faut il interdire
 * les cles usb ? »), which asks of a rule the corpus may not speak of.
 */
export const claimsBan = (question: string): boolean =>
  question
    .split(/[,;:?!.]/)
    .some((c) => PREMISE.test(negationWords(c).join(" ")) && holdsPhrase(c, CLAIMED) && !holdsPhrase(c, DENIED));

/** Whether a text holds a sentence saying that no law bans (« aucune loi … n'interdit », « ne rend pas illégal »). */
export const deniesBan = (text: string): boolean =>
  text
    .split(SENTENCE)
    .some((s) => holdsPhrase(s, DENIED) && /\baucune\b|\bne rend pas\b/.test(negationWords(s).join(" ")));

/** Whether a word is one of those saying a ban (« interdit », « illégal »): not what the ban is about. */
export const banWord = (word: string): boolean => CLAIMED.some((p) => p === ` ${negationWords(word).join(" ")} `);
