/**
 * A ban stated where the cited passages state none (trial10 A2): « L'État a interdit Teams à toutes les collectivités
 * territoriales [1] » where [1] says « Visio (DINUM) remplacera Teams … dans tous ses services ». The words of a ban,
 * in a sentence and in a passage, are data (`server/i18n/fr/bans.txt`).
 */
import { fold } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { NEGATION, polarityClauses } from "./negation.ts";
import type { Source } from "./source-sentences.ts";
import { bagOf, contentWords, inBag, phrasePattern, words } from "./words.ts";

const SECTIONS = wordListSections("bans.txt");
const STATED = phrasePattern(SECTIONS.get("phrase") ?? []);
const GIVEN = phrasePattern(SECTIONS.get("passage") ?? []);
/** Ban words of a passage that a negation before them in their clause denies (« Aucune loi n'interdit … »). */
const DENIABLE = phrasePattern(SECTIONS.get("passage nié") ?? []);

/**
 * Whether a passage's sentence states a ban: one of its clauses holds a ban phrase that no negation before it in the
 * clause denies (« Aucune loi française n'interdit aujourd'hui à une collectivité d'héberger ses données chez un
 * fournisseur américain » states none: trial24 T-H4); a limit said by a negation (« ne peuvent plus ») stays one.
 */
const statesBan = (sentence: string) =>
  polarityClauses(sentence).some((clause) => {
    const folded = fold(clause);
    const m = GIVEN.exec(folded);
    if (!m) return false;
    if (!DENIABLE.test(m[0])) return true;
    const before = folded.slice(0, m.index);
    return !NEGATION.test(before) && !/(?<!\p{L})(?:ne|n['’])\s*$/u.test(before);
  });

/** Words of what is banned that do not tell what (the public it is banned to, « utiliser »), folded. */
const NOT_OBJECT = new Set((SECTIONS.get("not object") ?? []).flatMap((e) => words(e)));

/**
 * Whether a cited passage states a ban of what the sentence bans: a sentence of it (or the one before, which an
 * anaphora takes up: « ces frais sont interdits ») says a ban and holds a word of what follows the sentence's ban
 * phrase up to its clause's end (« … interdit aux communes d'utiliser des services américains » where the passage
 * bans only exit fees: trial14 A3). A ban phrase with no such word after it (« … que l'État a interdit ») is held by
 * any ban of the passage, as before.
 */
function banGiven(folded: string, m: RegExpExecArray, pool: Source[]): boolean {
  const rest = folded.slice(m.index + m[0].length).split(/[.;:!?]/u)[0] ?? "";
  const object = contentWords(rest).filter((w) => !NOT_OBJECT.has(w));
  return pool.some((src) =>
    src.sentences.some((ss, i) => {
      if (!statesBan(ss.text)) return false;
      if (object.length === 0) return true;
      const bag = bagOf(`${src.sentences[i - 1]?.text ?? ""} ${ss.text}`);
      return object.some((w) => inBag(w, bag));
    }),
  );
}

/** The phrase by which a sentence states a ban none of its cited passages states, as written; or null. */
export function banUnstated(stated: string, pool: Source[]): string | null {
  const folded = fold(stated);
  const m = STATED.exec(folded);
  if (!m || NEGATION.test(stated)) return null;
  if (banGiven(folded, m, pool)) return null;
  // The phrase as written, to its word's end (folding keeps the length of a text written with composed letters).
  const end = m.index + m[0].length + (/^[\p{L}-]*/u.exec(folded.slice(m.index + m[0].length))?.[0].length ?? 0);
  return folded.length === stated.length ? stated.slice(m.index, end) : folded.slice(m.index, end);
}
