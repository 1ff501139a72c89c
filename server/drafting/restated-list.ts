/**
 * A model's prose that restates a fixed list placed after it (a letter's requests, typed by the sender: « Nous vous
 * demandons d'engager une étude …, de nommer un élu référent … et d'informer les habitants … » followed by the same
 * requests as a list, trial21 T-M6): the list says them, the sentence saying them again is dropped. A sentence restates
 * the list when it says two of its items at least (each by most of its first content words), or its only item.
 */

import { escapeRegExp, fold } from "../core/text.ts";
import { wordListLines } from "../i18n/word-lists.ts";
import { stem } from "../retrieval/french.ts";
import { splitSentences } from "../retrieval/passages.ts";
import { keywords } from "../retrieval/relevance.ts";

/** The first content words of an item that say what it asks (« nommer », « élu », « référent »). */
const ITEM_WORDS = 3;

/** The item's first content words, as stems. */
const itemStems = (item: string) =>
  keywords(item.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, ""))
    .slice(0, ITEM_WORDS)
    .map(stem);

/** Whether a sentence says an item: most of its first content words. */
function says(sentence: Set<string>, item: string[]): boolean {
  const held = item.filter((s) => sentence.has(s)).length;
  return item.length > 0 && held >= Math.min(2, item.length);
}

/** `paragraphs` without the sentences that restate the list (`list`: its items, one a line). */
export function withoutRestatedList(paragraphs: string[], list: string): string[] {
  const items = list
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map(itemStems);
  if (items.length === 0) return paragraphs;
  const needed = Math.min(2, items.length);
  return paragraphs
    .map((p) => {
      const sentences = splitSentences(p);
      const kept = sentences.filter((s) => {
        const stems = new Set(keywords(s).map(stem));
        return items.filter((i) => says(stems, i)).length < needed;
      });
      // (A paragraph restating nothing is kept as written, its line breaks with it.)
      return kept.length === sentences.length ? p : kept.join(" ").trim();
    })
    .filter(Boolean);
}

/** « Nous vous demandons de … », « Nous vous proposons que … » (folded): a sentence that makes a request. */
const REQUEST = new RegExp(
  `^(?:${wordListLines("request-leads.txt")
    .map((l) => escapeRegExp(fold(l)).replace(/ /g, "\\s+"))
    .join("|")})\\s+(?:de\\s|d['’]|que\\s|qu['’])`,
  "u",
);

/**
 * `paragraphs` without the model's own requests (trial24 T-M5): in a letter's requests, the sender's list says what
 * the letter asks; a sentence of the model asking something else (« Nous vous demandons de quitter Google Drive avant
 * le 1er septembre 2026 … »: another request, a deadline the sender never set) would make two lists of requests, the
 * model's unchecked for passed deadlines. A sentence ending with « : » introduces the list and is kept. Each sentence
 * removed is pushed on `removed`: the section says a sentence was removed (trial26 T-M6), never silently.
 */
export function withoutOwnRequests(paragraphs: string[], removed: string[] = []): string[] {
  return paragraphs
    .map((p) => {
      const sentences = splitSentences(p);
      const kept: string[] = [];
      let dropped = false;
      for (const s of sentences) {
        if (/:\s*$/.test(s) || !REQUEST.test(fold(s.trim()))) {
          // « Nous vous proposons aussi … » after the request removed: no « aussi » left to follow (trial26 T-M6).
          kept.push(dropped ? s.replace(/^(\s*Nous\s+vous\s+\p{L}+)\s+aussi(?=\s)/u, "$1") : s);
          dropped = false;
        } else {
          removed.push(s.trim());
          dropped = true;
        }
      }
      return kept.length === sentences.length ? p : kept.join(" ").trim();
    })
    .filter(Boolean);
}
