/**
 * Who holds a role today, not who held it (« qui est le directeur de la DINUM ? »): a passage naming someone with the
 * role « de l'époque », « alors », « ancien » (« le directeur de la DINUM de l'époque, Nadi Bou Hanna », 2021) names a
 * former holder. When every sentence read that names a holder says so, the holder is searched again with the role's
 * words (`answer.ts`), and « En bref » reads a sentence without those words first (`brief.ts`).
 * Words as data: `i18n/fr/person-question.txt`, [rôle passé].
 */
import { wordListSections } from "../i18n/word-lists.ts";
import { words } from "./french.ts";
import { roleAsked, roleNamedBy, roleVerbAsked } from "./names-places.ts";
import { SENTENCE, withoutReferences } from "./passage-words.ts";

const PAST = (wordListSections("person-question.txt").get("rôle passé") ?? [])
  .map((e) => words(e).join(" "))
  .filter(Boolean);

/** A first name and a surname, capitalised (« Stéphanie Schaer », « Nadi Bou Hanna »). */
const PERSON = /(?<![\p{L}'’])\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+\p{Lu}[\p{Ll}'’]+/u;

const spaced = (text: string) => ` ${words(text).join(" ")} `;

/** Whether a sentence says the holder it names held the role before (« de l'époque », « ancien », « alors »). */
export const pastMarked = (sentence: string): boolean => {
  const s = spaced(sentence);
  return PAST.some((p) => s.includes(` ${p} `));
};

/** The words naming the role a question asks who holds (its noun or verb, the other gender, the verb), folded. */
export function roleNames(question: string): string[] {
  const verb = roleVerbAsked(question);
  if (verb) return [verb.verb, ...verb.named];
  const role = roleAsked(question);
  return role ? roleNamedBy(role) : [];
}

/**
 * The sentences of a text that name the role (one of `names`), someone by a first name and a surname, and each word
 * of the role's subject (`subject`, folded: « dinum »), when one is given.
 */
export function holderSentences(text: string, names: string[], subject: string[] = []): string[] {
  return text.split(SENTENCE).filter((s) => {
    const w = spaced(s);
    return names.some((n) => w.includes(` ${n} `)) && PERSON.test(s) && subject.every((n) => w.includes(` ${n} `));
  });
}

/** Whether some of the texts name a holder of the role, and every one of them a former holder. */
export function onlyPastHolders(texts: string[], names: string[], subject: string[] = []): boolean {
  const found = texts.flatMap((t) => holderSentences(t, names, subject));
  return found.length > 0 && found.every(pastMarked);
}

/** The years a text writes (« 2021 », « en septembre 2022 »), as numbers, in order. */
export const yearsIn = (text: string): number[] => [...text.matchAll(/(?<!\d)(?:19|20)\d\d(?!\d)/g)].map((m) => +m[0]);

/**
 * The latest year a sentence naming a present holder of the role writes itself, not in its references (0 for one that
 * writes none), of all the texts; -1 when none names one (every holder named a former one, or none named).
 */
export function latestHolder(texts: string[], names: string[], subject: string[] = []): number {
  const present = texts.flatMap((t) => holderSentences(t, names, subject)).filter((s) => !pastMarked(s));
  return present.length
    ? Math.max(...present.map((s) => Math.max(0, ...yearsIn(withoutReferences(s).replace(/\([^)]*$/, " ")))))
    : -1;
}

/** Whether a question asks who holds a role now: not who held it (« qui était … », « l'ancien … », « en 2021 »). */
export const asksPresentHolder = (question: string): boolean =>
  roleNames(question).length > 0 &&
  !pastMarked(question) &&
  yearsIn(question).length === 0 &&
  !/\b(?:etait|a ete|fut|avait)\b/.test(spaced(question));
