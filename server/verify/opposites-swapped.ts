/**
 * Two opposite words exchanged between two things of a cited sentence (faithful24): « Son interface est libre, et son
 * moteur Chromium propriétaire » where the card says « fondé sur le moteur libre Chromium ; son interface est
 * propriétaire ». Each opposite goes with the content words next to it (two before, one after, within its clause); the
 * sentence is flagged when a cited sentence gives each of its two things the other's word and neither its own. The
 * opposites are data (`server/i18n/fr/antonyms.txt`, one-word entries); `server/verify/index.ts` turns what it finds into
 * a reason.
 */
import { fold } from "../core/text.ts";
import { wordListLines } from "../i18n/word-lists.ts";
import { short } from "./negation.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { contentWords } from "./words.ts";

/** Each one-word opposite, folded, with its entries and sides (« propriétaire » is opposed to « libre » and « ouvert »). */
const SIDES: Map<string, { entry: number; side: number }[]> = (() => {
  const out = new Map<string, { entry: number; side: number }[]>();
  wordListLines("antonyms.txt").forEach((line, entry) => {
    line.split("|").forEach((group, side) => {
      for (const w of group.split(",").map((x) => fold(x.trim())))
        if (w && !/\s|['’]/.test(w)) out.set(w, [...(out.get(w) ?? []), { entry, side }]);
    });
  });
  return out;
})();

/** Content words before an opposite, and after it, it goes with. */
const BEFORE = 2;
const AFTER = 1;

interface Pairing {
  entry: number;
  side: number;
  things: Set<string>;
}

/** The opposites of a text with the content words each goes with, clause by clause. */
function pairings(text: string): Pairing[] {
  const out: Pairing[] = [];
  for (const clause of withoutReferences(text).split(/[,;:.()!?]|\s[—–]\s/u)) {
    const tokens = (clause.match(/[\p{L}\p{N}'’-]+/gu) ?? []).map((t) => fold(t));
    tokens.forEach((t, i) => {
      const sides = SIDES.get(t);
      if (!sides) return;
      const near = (list: string[], n: number) =>
        list
          .filter((x) => !SIDES.has(x))
          .flatMap((x) => contentWords(x))
          .slice(0, n);
      const things = new Set([
        ...near(tokens.slice(Math.max(0, i - 4), i).reverse(), BEFORE),
        ...near(tokens.slice(i + 1, i + 3), AFTER),
      ]);
      if (things.size > 0) for (const side of sides) out.push({ ...side, things });
    });
  }
  return out;
}

const meets = (a: Set<string>, b: Set<string>) => [...a].some((x) => b.has(x));

/**
 * Two opposites of one entry that the sentence gives two things, where a cited sentence gives each thing the other
 * opposite and neither its own: the cited sentence, or null.
 */
export function oppositesSwapped(stated: string, pool: Source[]): string | null {
  const mine = pairings(stated);
  for (const a of mine)
    for (const b of mine) {
      if (a.entry !== b.entry || a.side >= b.side || meets(a.things, b.things)) continue;
      for (const src of pool)
        for (const ss of src.sentences.filter((x) => !x.inHeading)) {
          const theirs = pairings(ss.text).filter((p) => p.entry === a.entry);
          const gives = (things: Set<string>, side: number) =>
            theirs.some((p) => p.side === side && meets(things, p.things));
          if (
            gives(a.things, b.side) &&
            gives(b.things, a.side) &&
            !gives(a.things, a.side) &&
            !gives(b.things, b.side)
          )
            return short(ss.text);
        }
    }
  return null;
}
