/**
 * A source of evidence a sentence credits that its cited passage does not give (trial10 A5): « Munich a économisé
 * 11,7 millions d'euros …, selon un audit indépendant » where the passage says the figure was « communiqué par la
 * municipalité elle-même ». The credited source is what follows « selon » / « d'après » (`credited.ts`); it is checked
 * when its first word names a piece of evidence (`server/i18n/fr/credited-evidence.txt`, data: « audit », « étude »,
 * « bilan »): each of its words must be in the cited passages. A named source (« selon l'ANSSI ») is left to the
 * name checks.
 */
import { creditsOf } from "./credited.ts";
import type { Source } from "./source-sentences.ts";
import { inBag, wordList, words } from "./words.ts";

/** Folded nouns of evidence. */
const EVIDENCE = new Set(wordList("credited-evidence.txt").flatMap((w) => words(w)));

/** The credited piece of evidence, as written, that no cited passage gives with all its words; or null. */
export function creditUnsaid(stated: string, pool: Source[]): string | null {
  for (const credit of creditsOf(stated)) {
    if (!EVIDENCE.has(credit.words[0]!)) continue;
    // A name (« l'audit de la Cour des comptes ») is judged by the name checks.
    if (/\s\p{Lu}/u.test(credit.raw)) continue;
    if (!pool.some((src) => credit.words.every((w) => inBag(w, src.bag))))
      return credit.raw.replace(/(?:\s+(?:par|de|du|des|d['’]|la|le|les|l['’]|à|au|aux))+$/u, "");
  }
  return null;
}
