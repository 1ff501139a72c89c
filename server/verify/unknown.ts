/**
 * What the cited passages say is not known (« Les sources réunies ici ne précisent pas si une collectivité peut
 * utiliser le service Visio ») stated as known (« Visio est ouvert à toutes les collectivités »): the claim shares at
 * least two words with the point left open (two fifths of its own), is not itself a denial, and what it says beyond that point is in no other
 * cited sentence that shares the point's words (« Son code … peut être installé par une collectivité » is said).
 * Formulas: `server/i18n/fr/unknown.txt`.
 */
import { escapeRegExp, fold } from "../core/text.ts";
import { DENIAL_BEFORE } from "./contradiction.ts";
import type { Source } from "./source-sentences.ts";
import { bagOf, contentWords, inBag, wordLines } from "./words.ts";

/** Words the claim must share with the point left open, and the share of its content words they must be. */
export const UNKNOWN_MIN_SHARED = 2;
export const UNKNOWN_MIN_SHARE = 0.4;

const UNKNOWN = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${wordLines("unknown.txt")
    .map((f) => escapeRegExp(fold(f)).replace(/\s+/g, "\\s+").replace(/'/g, "['’]"))
    .join("|")})(?![\\p{L}\\p{N}])`,
  "iu",
);

/** The cited sentence that says the claim's point is not known, quoted; or null. */
export function unknownAsKnown(claim: string, pool: Source[]): string | null {
  const folded = fold(claim);
  if (UNKNOWN.test(folded) || DENIAL_BEFORE.test(folded)) return null;
  const mine = [...new Set(contentWords(claim))];
  if (mine.length < UNKNOWN_MIN_SHARED) return null;
  const sentences = pool.flatMap((s) => s.sentences.filter((ss) => !ss.inHeading));
  for (const ss of sentences) {
    const m = UNKNOWN.exec(fold(ss.text));
    if (!m) continue;
    // The point ends at a colon: what follows is what the passage says itself (« : elle est à demander à Déclic »).
    const [open = "", ...answered] = ss.text.slice(m.index + m[0].length).split(/\s:\s/);
    const point = bagOf(open);
    const shared = mine.filter((w) => inBag(w, point));
    if (shared.length < UNKNOWN_MIN_SHARED || shared.length / mine.length < UNKNOWN_MIN_SHARE - 1e-9) continue;
    const rest = mine.filter((w) => !inBag(w, point));
    // What the claim says beyond the open point, said by another cited sentence on the same thing.
    const said = sentences.some(
      (o) =>
        o !== ss &&
        !UNKNOWN.test(fold(o.text)) &&
        rest.every((w) => inBag(w, o.said)) &&
        shared.some((w) => inBag(w, o.said) || inBag(w, o.own)),
    );
    if (said && rest.length > 0) continue;
    // What the claim says beyond the open point, said by the passage's own answer after it.
    if (rest.length > 0 && answered.length > 0 && rest.every((w) => inBag(w, bagOf(answered.join(" : "))))) continue;
    const quote = ss.text.trim();
    return quote.length > 160 ? `${quote.slice(0, 157)}…` : quote;
  }
  return null;
}
