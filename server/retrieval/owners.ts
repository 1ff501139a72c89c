/**
 * The places a question asks a figure or a fact of, typed in lower case (a dictated or phoned question: « combien
 * amiens depense en licences microsoft », « et a amiens », « amiens a t elle un plan ») — the word in the place where
 * a town goes. `relevance.ts` reads one the corpus never uses, nor one letter off a word it uses, as an absent place.
 */
import { fold } from "../core/text.ts";
import { FIGURE_ASKED } from "./asked-kinds.ts";

/** « combien amiens dépense », « combien beauvais a payé »: the word right after « combien », before a verb. */
const COMBIEN_OWNER = /(?<![\p{L}])combien\s+(?:(?:saint|sainte|st|ste)[\s-]+)?(\p{Ll}[\p{Ll}-]{2,})\s+\p{L}/gu;
/** « … et a amiens », « les licences à beauvais »: the word after « à » (written with its accent or not). */
const AT_PLACE = /(?<![\p{L}'’])(à|a)\s+(\p{Ll}[\p{Ll}-]{2,})(?![\p{L}'’-])/gu;
/**
 * « amiens a-t-elle … », « beauvais a t il … » (dictated): the subject, opening the question or a clause, of a verb its
 * pronoun takes up — not an adjective after its noun (« la capitale alsacienne a-t-elle »).
 */
const TAKEN_UP =
  /(?:^|[,;:]\s*|(?<![\p{L}])(?:et|mais)\s+)(\p{Ll}[\p{Ll}-]{2,})\s+\p{Ll}+(?:-t-|\s+t\s+|-)(?:elle|il)(?![\p{L}])/gu;
/** What a question may apply to any collectivité (« s'applique à », « concerne », « ouvert à »): not its owner. */
const APPLIES_TO =
  /(?:appliqu\p{L}*|ouverte?s?|destin\p{L}+|reserv\p{L}+|oblig\p{L}+|passer|passe|passes|passent|migrer|basculer|revenir|revenue?s?|retour)\s+$/u;
/** Endings of a conjugated verb (« galèrent », « donnez », « avons »), folded: no place's. */
const VERB_ENDING = /(?:ez|ons|erent|aient)$/;
/** Endings of a past participle after « a » without its accent (« a migré »): a verb, not a place. */
const PARTICIPLE = /(?:e|ee|es|ees|i|is|it|u|us)$/;

/**
 * The lower-case words of a question in the place where a town goes, folded, when the question asks a figure or a
 * fact of it: after « combien » (a figure), after « à » in a question that asks a figure, before « a-t-elle ».
 */
export function ownerWords(question: string): string[] {
  const text = question.replace(/[’]/g, "'");
  const folded = fold(text);
  const asksFigure = FIGURE_ASKED.test(folded);
  const out: string[] = [];
  for (const m of text.matchAll(COMBIEN_OWNER)) out.push(m[1]!);
  if (asksFigure)
    for (const m of text.matchAll(AT_PLACE)) {
      const word = fold(m[2]!);
      if (APPLIES_TO.test(fold(text.slice(0, m.index)))) continue;
      if (m[1] === "a" && PARTICIPLE.test(word)) continue;
      out.push(m[2]!);
    }
  for (const m of text.matchAll(TAKEN_UP)) out.push(m[1]!);
  return [...new Set(out.map(fold))].filter((w) => !VERB_ENDING.test(w));
}

/** The words one letter off a word (one left out, added, changed, or two swapped), folded letters a–z. */
export function oneLetterOff(word: string): string[] {
  const letters = "abcdefghijklmnopqrstuvwxyz";
  const out = new Set<string>();
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
  for (let i = 0; i <= word.length; i++) for (const c of letters) out.add(word.slice(0, i) + c + word.slice(i));
  for (let i = 0; i < word.length; i++)
    for (const c of letters) if (c !== word[i]) out.add(word.slice(0, i) + c + word.slice(i + 1));
  for (let i = 0; i + 1 < word.length; i++) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  out.delete(word);
  return [...out].filter((w) => w.length >= 3);
}
