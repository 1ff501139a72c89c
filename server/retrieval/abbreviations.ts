/** Abbreviations of everyday words typed in a chat (« 2000 hab », « dispo »), read as the words they stand for. */
import { fold } from "../core/text.ts";
import { wordListLines } from "../i18n/word-lists.ts";

/**
 * Folded abbreviation → the word in full (`abbreviations.txt`, data), and the SMS spellings of the words that ask
 * (`sms-spellings.txt`: « koi », « kel », « pk »).
 */
const ABBREVIATIONS: Map<string, string> = new Map(
  [...wordListLines("abbreviations.txt"), ...wordListLines("sms-spellings.txt")].map((l) => {
    const [short, full] = l.split(":") as [string, string];
    return [fold(short.trim()), full.trim()];
  }),
);

/** Folded abbreviation → the word in full, read so only before a number (`numbered-abbreviations.txt`: « art 31 »). */
const NUMBERED: Map<string, string> = new Map(
  wordListLines("numbered-abbreviations.txt").map((l) => {
    const [short, full] = l.split(":") as [string, string];
    return [fold(short.trim()), full.trim()];
  }),
);

/**
 * The question with each abbreviation of the list written in full (« une commune de 2000 hab » → « … 2000 habitants »,
 * « BlueMind est dispo ? » → « … disponible ? »): searched and judged as the corpus writes the word.
 */
export function withoutAbbreviations(question: string): string {
  // A word alone, or after an elided article or pronoun (« de l'ordi », « d'infos »), never inside another word.
  return question
    .replace(
      /(?<=^|[^\p{L}\p{N}'’-]|(?:^|[^\p{L}])(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’])\p{L}+(?![\p{L}\p{N}'’-])/giu,
      (w) => ABBREVIATIONS.get(fold(w)) ?? w,
    )
    .replace(
      // « sren art 31 », « l'art. 16 »: before a number only (`NUMBERED`).
      /(?<=^|[^\p{L}\p{N}'’-]|(?:^|[^\p{L}])[dl]['’])(\p{L}+)\.?(?=\s*\d)/giu,
      (w, word: string) => NUMBERED.get(fold(word)) ?? w,
    );
}
