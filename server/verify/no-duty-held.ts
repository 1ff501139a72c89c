/**
 * « Votre commune n'a donc aucune obligation à ce titre aujourd'hui [2] » where [2] says « l'obligation de protection
 * de l'article 31 de la loi SREN ne vise pour l'instant que l'État, ses opérateurs et certains GIP » (trial22 T-M5): a
 * conclusion that the reader's collectivité is bound to nothing, drawn from a cited sentence that reserves the
 * obligation to others (none of them a collectivité), is the model's deduction, not a rule it made up
 * (`inference.ts`'s `sweepingConclusion` would flag it: no passage writes « aucune obligation »). A passage that puts
 * the obligation on communes, or reserves it to some of them, does not hold it. Words:
 * `server/i18n/fr/no-duty-held.txt`.
 */
import { fold } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { NEGATION } from "./negation.ts";
import { phrasePattern } from "./words.ts";

const SECTIONS = wordListSections("no-duty-held.txt");
const whole = (key: string) => new RegExp(`${phrasePattern(SECTIONS.get(key) ?? []).source}(?!\\p{L})`, "iu");
const SUBJECT = whole("sujet");
const OBLIGATION = phrasePattern(SECTIONS.get("obligation") ?? []);
const RESERVE = whole("réserve");
const COLLECTIVITIES = whole("collectivités");

/**
 * Whether a sentence denies any obligation of the reader's collectivité (its subject, before the obligation) and a
 * cited text reserves an obligation to others: one of its clauses writes an obligation, then what reserves it (« ne
 * vise que »), then those it binds, none a collectivité.
 */
export function dutyHeldByOthers(sentence: string, cited: string[]): boolean {
  const text = fold(sentence.replace(/\[\d+\]/g, " "));
  const duty = OBLIGATION.exec(text);
  const subject = SUBJECT.exec(text);
  if (!duty || !subject || subject.index > duty.index || !NEGATION.test(text.slice(subject.index))) return false;
  return cited.some((t) =>
    fold(t)
      .split(/(?<=[.!?;])\s+/u)
      .some((clause) => {
        const reserve = RESERVE.exec(clause);
        if (!reserve || !OBLIGATION.test(clause.slice(0, reserve.index))) return false;
        const bound = clause.slice(reserve.index + reserve[0].length).split(/[.;(]/u)[0] ?? "";
        return !COLLECTIVITIES.test(bound);
      }),
  );
}
