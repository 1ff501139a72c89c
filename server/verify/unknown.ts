/**
 * What the cited passages say is not known (« Les sources réunies ici ne précisent pas si une collectivité peut
 * utiliser le service Visio ») stated as known (« Visio est ouvert à toutes les collectivités »): the claim shares at
 * least two words with the point left open (two fifths of its own), is not itself a denial, and what it says beyond that point is in no other
 * cited sentence that shares the point's words (« Son code … peut être installé par une collectivité » is said).
 * Formulas: `server/i18n/fr/unknown.txt`.
 */
import { escapeRegExp, fold } from "../core/text.ts";
import { derivedIn } from "../retrieval/derivations.ts";
import { DENIAL_BEFORE } from "./contradiction.ts";
import type { Source } from "./source-sentences.ts";
import { type Bag, bagOf, contentWords, inBag, wordLines } from "./words.ts";

/** Words the claim must share with the point left open, and the share of its content words they must be. */
export const UNKNOWN_MIN_SHARED = 2;
export const UNKNOWN_MIN_SHARE = 0.4;

const UNKNOWN = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${wordLines("unknown.txt")
    .map((f) => escapeRegExp(fold(f)).replace(/\s+/g, "\\s+").replace(/'/g, "['’]"))
    .join("|")})(?![\\p{L}\\p{N}])`,
  "iu",
);

/** Formulas after the point they leave open (« … de la loi n'a pas pu être vérifiée »): `unknown-trailing.txt`. */
const UNKNOWN_AFTER = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${wordLines("unknown-trailing.txt")
    .map((f) => escapeRegExp(fold(f)).replace(/\s+/g, "\\s+").replace(/'/g, "['’]"))
    .join("|")})(?![\\p{L}\\p{N}])(?!\\s*qu['’e])`,
  "iu",
);

/** Where the clause before a trailing formula starts: after a colon, a semicolon or a full stop. */
const POINT_START = /[:;.]\s/g;

/**
 * The point a cited sentence leaves open, as a bag, and what the passage answers after it: after a formula of
 * `unknown.txt` (« ne précisent pas si … »), up to a colon; before one of `unknown-trailing.txt`, from the start of
 * its clause. Null when the sentence has neither.
 */
function openPoint(text: string): { open: string; answered: string[] } | null {
  const folded = fold(text);
  const m = UNKNOWN.exec(folded);
  if (m) {
    const [open = "", ...answered] = text.slice(m.index + m[0].length).split(/\s:\s/);
    return { open, answered };
  }
  const after = UNKNOWN_AFTER.exec(folded);
  if (!after) return null;
  const before = text.slice(0, after.index);
  const start = Math.max(0, ...[...before.matchAll(POINT_START)].map((x) => x.index! + x[0].length));
  return { open: before.slice(start), answered: [] };
}

/** Whether a sentence says something is not known, by a formula before or after the point. */
const saysUnknown = (text: string) => UNKNOWN.test(fold(text)) || UNKNOWN_AFTER.test(fold(text));

/**
 * A claim that says itself something was not verified or is not known (« Ni la citation ni l'information n'ont pu être
 * vérifiées »): a negation and a word of verifying or knowing.
 */
const OWN_RESERVE =
  /^(?=.*(?<![\p{L}])(?:ne|n['’]|ni|aucun|aucune)(?![\p{L}]))(?=.*(?:verifi|confirm|connu|etabli|precis)).*/isu;

/** Least letters two words of one family share at their start (« promulguée », « promulgation »). */
const STEM_MIN = 7;

/**
 * Whether a bag writes a word of the family of `word` that derivations do not give (« promulgation » for
 * « promulguée »): a word sharing with it a start of seven letters at least, all but its last three letters.
 */
function sameStem(word: string, point: Bag): boolean {
  return point.list.some((x) => {
    let k = 0;
    while (k < x.length && k < word.length && x[k] === word[k]) k++;
    return k >= STEM_MIN && k >= Math.min(x.length, word.length) - 3;
  });
}

/** The cited sentence that says the claim's point is not known, quoted; or null. */
export function unknownAsKnown(claim: string, pool: Source[]): string | null {
  const folded = fold(claim);
  if (saysUnknown(claim) || DENIAL_BEFORE.test(folded) || OWN_RESERVE.test(folded)) return null;
  const mine = [...new Set(contentWords(claim))];
  if (mine.length < UNKNOWN_MIN_SHARED) return null;
  const sentences = pool.flatMap((s) => s.sentences.filter((ss) => !ss.inHeading));
  for (const ss of sentences) {
    // The point ends at a colon: what follows is what the passage says itself (« : elle est à demander à Déclic »).
    const found = openPoint(ss.text);
    if (!found) continue;
    const { open, answered } = found;
    const point = bagOf(open);
    const shared = mine.filter((w) => inBag(w, point) || derivedIn(w, point) || sameStem(w, point));
    if (shared.length < UNKNOWN_MIN_SHARED || shared.length / mine.length < UNKNOWN_MIN_SHARE - 1e-9) continue;
    const rest = mine.filter((w) => !shared.includes(w));
    // What the claim says beyond the open point, said by another cited sentence on the same thing.
    const said = sentences.some(
      (o) =>
        o !== ss &&
        !saysUnknown(o.text) &&
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
