/**
 * French number words and the number each spells (« deux » → 2 … « mille » → 1000), from `i18n/fr/number-words.txt`:
 * one list for the figure check (`server/verify/`) and for retrieval's counted nouns and loose idioms.
 */
import { wordListLines } from "../i18n/word-lists.ts";

/** Folded number word → its value, in the file's order. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = Object.fromEntries(
  wordListLines("number-words.txt").map((line) => {
    const [word, value] = line.split(/\s+/);
    return [word!, Number(value)];
  }),
);

/**
 * The number words as a regular-expression alternation (« deux|trois|…|mille »), to write inside a group.
 * @example new RegExp(`\\b(?:${NUMBER_WORD_PATTERN})\\s+ans\\b`).test("trois ans") // true
 */
export const NUMBER_WORD_PATTERN = Object.keys(NUMBER_WORDS).join("|");
