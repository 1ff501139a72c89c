/**
 * A person of the cited passage given what it attaches to another person (trial14 A17): « L'Observatoire de la
 * souveraineté numérique a été présenté par Olivier Sichel » where the passage lists « un Observatoire …, porté par
 * Clément Beaune » and « un Indice de résilience numérique, présenté par Olivier Sichel ». Both names are in the
 * passage, so the name check passes; here what the sentence says is done « par » the person (its words before the
 * participle) must be in the person's own sentence or list item, not in another one that names someone else.
 */

import { escapeRegExp } from "../core/text.ts";
import { persons } from "./roles.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { bagOf, contentWords, inBag, wordIn, words } from "./words.ts";

/** Least words of what is done that another item of the passage writes and the person's own does not. */
export const ITEM_MIN_WORDS = 2;

/**
 * The person a sentence gives a done thing to (« … a été présenté par Olivier Sichel »), and the person of the passage's
 * item that holds that thing (« porté par Clément Beaune »), when the first's own item holds less than half of its words
 * and the other at least `ITEM_MIN_WORDS` that the first's lacks; else null.
 */
export function personItemSwapped(stated: string, pool: Source[]): { name: string; other: string } | null {
  const text = withoutReferences(stated).replace(/\[\d+\]/g, " ");
  for (const p of persons(text)) {
    const by = new RegExp(`(\\p{L}+)\\s+par\\s+${escapeRegExp(p.name)}(?!\\p{L})`, "u").exec(text);
    if (!by) continue;
    const own = new Set(words(p.name));
    // What is done, in the participle's own part of the sentence (« …, et un Indice … présenté par Olivier Sichel »).
    const before = text.slice(0, by.index);
    const part = before.slice(before.search(/(?:[,;:]|\s(?:et|puis)\s)(?:(?![,;:]|\s(?:et|puis)\s).)*$/u) + 1);
    const thing = [...new Set(contentWords(part))].filter((w) => !own.has(w));
    if (thing.length < ITEM_MIN_WORDS) continue;
    for (const src of pool) {
      const items = src.sentences.filter((ss) => !ss.inHeading).map((ss) => withoutReferences(ss.text));
      const mine = items.filter((t) => inBag(p.folded, bagOf(t)));
      if (mine.length === 0) continue;
      const held = (t: string) => thing.filter((w) => wordIn(w, bagOf(t)));
      const best = Math.max(...mine.map((t) => held(t).length));
      if (best * 2 >= thing.length) continue;
      const mineWords = new Set(mine.flatMap(held));
      for (const t of items) {
        if (mine.includes(t)) continue;
        const other = persons(t).find((o) => o.folded !== p.folded);
        if (!other) continue;
        const extra = held(t).filter((w) => !mineWords.has(w));
        if (extra.length >= ITEM_MIN_WORDS && held(t).length > best) return { name: p.name, other: other.name };
      }
    }
  }
  return null;
}
