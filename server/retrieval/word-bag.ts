/**
 * Bags of a text's folded words and whether a word is in one (same stem, a near prefix, or a synonym): what the
 * verifier compares a sentence with, and what a catalog card's description is read as (`need-form.ts`).
 */
import { boundedMemo } from "../core/bounded.ts";
import { words as foldedWords, stem, synonymsOf } from "./french.ts";

/**
 * « cœurs », « œuvre », « ex æquo » written out (« coeurs »): folding drops the accents, not the ligatures, and a word
 * with « œ » fell apart in two (« c », « urs »).
 */
export const unligature = (text: string) =>
  /[œæŒÆ]/.test(text) ? text.replace(/œ/g, "oe").replace(/Œ/g, "Oe").replace(/æ/g, "ae").replace(/Æ/g, "Ae") : text;

/** Folded words of a text, ligatures written out. */
export const words = (text: string) => foldedWords(unligature(text));

export interface Bag {
  list: string[];
  stems: Set<string>;
  joined: string;
}

/**
 * A text's bag of words. Remembered by the text itself (the checks read the same cited sentences, and the same pool
 * of them, for every claim of every answer citing them): a bag is shared, never to be changed. Long texts (a whole
 * pool of passages) are kept fewer, which bounds the memory either way.
 */
export function bagOf(text: string): Bag {
  return text.length <= LONG_TEXT ? shortBags(text) : longBags(text);
}

function readBag(text: string): Bag {
  const list = words(text);
  return { list, stems: new Set(list.map(stem)), joined: ` ${list.join(" ")} ` };
}

/** Characters past which a text is a long one (several sentences or passages). */
const LONG_TEXT = 1_000;
const shortBags = boundedMemo(readBag, 10_000);
const longBags = boundedMemo(readBag, 200);

/** A folded word or phrase in a bag of words: same stem, a near prefix, or a synonym. */
export function inBag(word: string, bag: Bag, withSynonyms = true): boolean {
  const check = (w: string) => {
    if (w.includes(" ")) return bag.joined.includes(` ${w} `);
    const s = stem(w);
    if (bag.stems.has(s)) return true;
    return s.length >= 5 && bag.list.some((x) => x.startsWith(s) && x.length - s.length <= 3);
  };
  return check(word) || (withSynonyms && synonymsOf(word).some(check));
}
