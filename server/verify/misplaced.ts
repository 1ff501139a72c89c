/**
 * A sentence cited to the wrong passage (trial11 A3): « Lyon est ainsi l'une des premières grandes villes françaises à
 * annoncer une sortie de Microsoft à l'échelle de ses services [2] » where [2] only lists « Ville de Lyon » among
 * cases and [3] holds every word of it. The words check (`MIN_CLAIM_COVERAGE`) lets a sentence pass on 60 % of its
 * words; when several of the rest are missing from what it cites and another passage given with it holds them all, the
 * sentence is that passage's, not the cited one's.
 */
import { derivedIn } from "../retrieval/derivations.ts";
import type { Source } from "./source-sentences.ts";
import { contentWords, wordIn } from "./words.ts";

/** Least content words a sentence must have for its citation to be judged so. */
export const MISPLACED_MIN_WORDS = 6;
/** Least words missing from the cited passages (and all found in the other one). */
export const MISPLACED_MIN_MISSING = 3;

/** The passage that holds every content word of a sentence its cited passages lack several of, and those words; or null. */
export function misplacedCitation(
  stated: string,
  cited: number[],
  sources: Source[],
): { n: number; missing: string[] } | null {
  const mine = [...new Set(contentWords(stated))];
  if (cited.length === 0 || mine.length < MISPLACED_MIN_WORDS) return null;
  const has = (s: Source) => (w: string) => wordIn(w, s.bag) || derivedIn(w, s.bag);
  const pool = sources.filter((s) => s.n !== null && cited.includes(s.n));
  if (pool.length === 0) return null;
  const missing = mine.filter((w) => !pool.some((s) => has(s)(w)));
  if (missing.length < MISPLACED_MIN_MISSING) return null;
  const other = sources.find((s) => s.n !== null && !cited.includes(s.n) && mine.every(has(s)));
  return other ? { n: other.n!, missing } : null;
}
