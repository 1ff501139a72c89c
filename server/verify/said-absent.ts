/**
 * A sentence that only says the passages do not give something (faithful54, faithful-blind-24 tuning half: « Les
 * passages retenus ici ne donnent pas le nombre total de postes concernés [2] », « Les passages ne donnent ni la durée
 * ni le coût d'une telle étude [1] »): the words it says this with (« retenus », « donnent ») are in no passage by
 * definition, so the words check flagged it. Read by its form (`server/i18n/fr/said-absent.txt`): the passages as
 * subject (a determiner, a noun of `[sujets]`, at most two words of `[après le sujet]`), « ne » and a verb of giving or
 * saying, then a negation (« pas », « ni », « aucun »). `index.ts` drops the words reason of such a sentence only when
 * it is its one reason: a name or a figure the passages lack, or a point another passage than the cited one writes,
 * stays flagged. `index.ts`'s `NOT_ABOUT` already set aside the short « Les passages ne parlent pas de X ».
 */
import { fold } from "../core/text.ts";
import { message } from "../i18n/messages.ts";
import { sectionAlternation, wordListSections } from "../i18n/word-lists.ts";
import { withoutReferences } from "./sentences.ts";

const LISTS = wordListSections("said-absent.txt");
const alt = (section: string) => sectionAlternation(LISTS, section, fold).replace(/ /g, "\\s+");
const WORD_END = "(?![\\p{L}'’])";

const SAID_ABSENT = new RegExp(
  `^(?:(?:${alt("connecteurs")})\\s*,?\\s*)?(?:${alt("déterminants")})\\s+(?:${alt("sujets")})${WORD_END}` +
    `(?:\\s+(?:${alt("après le sujet")})${WORD_END}){0,2}\\s+(?:ne\\s+|n['’]\\s*)(?:${alt("verbes")})${WORD_END}` +
    `\\s+(?:${alt("négations")})${WORD_END}`,
  "u",
);

/**
 * Whether the sentence says only that the passages do not give something, by its form.
 * @example saysPassagesSilent("Les passages retenus ici ne donnent pas le nombre total de postes [2].") // true
 * @example saysPassagesSilent("Les passages donnent le nombre total de postes [2].") // false
 */
export function saysPassagesSilent(sentence: string): boolean {
  const text = fold(withoutReferences(sentence))
    .replace(/\*\*|__/g, "")
    .replace(/^\s*(?:[-*•]|\d{1,2}[.)])\s+/u, "")
    .replace(/\s+/g, " ")
    .trim();
  return SAID_ABSENT.test(text);
}

/** Whether every reason is the words check's (`verify.wordsNotFound` for `where`, as the reason names it), and one is. */
export function onlyWordsMissing(reasons: string[], where: string): boolean {
  const full = message("verify.wordsNotFound", { where, words: "\u0000" });
  const prefix = full.slice(0, full.indexOf("\u0000"));
  return reasons.length > 0 && reasons.every((r) => r.startsWith(prefix));
}
