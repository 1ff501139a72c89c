/**
 * What a sentence of a progress note says of how near the plan's target is (« l'objectif de 60 % est donc presque
 * atteint » at 77 % from 90 %: 13 points done of 30), against the way done from the baseline: « presque » takes three
 * quarters of it, « atteint » the target itself. Words: `server/i18n/fr/target-reach.txt`.
 */
import { fold, formatDecimal, percentText } from "../core/text.ts";
import { message } from "../i18n/messages.ts";
import { sectionAlternation, wordListSections } from "../i18n/word-lists.ts";

/** Share of the way from the baseline to the target that « presque atteint » takes. */
export const REACH_NEAR = 0.75;

/** The measure at the baseline, now, and the target (a reduction: the target is below the baseline). */
export interface Reach {
  start: number;
  now: number;
  target: number;
}

const LISTS = wordListSections("target-reach.txt");
const phrases = (section: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${sectionAlternation(LISTS, section, fold)})(?![\\p{L}\\p{N}])`, "iu");
const NEAR = phrases("presque");
const REACHED = phrases("atteint");
const NEGATED = /(?<![\p{L}])(?:pas|jamais|loin|guere|nullement|plus)(?:\s+\S+)?\s*$/u;

/** Why a sentence's word for the target's nearness is not what the figures say (empty when it is, or says none). */
export function reachReasons(sentence: string, reach: Reach | undefined, where: string): string[] {
  if (!reach || reach.start <= reach.target) return [];
  const folded = fold(sentence);
  const total = reach.start - reach.target;
  const done = reach.start - reach.now;
  const reason = (said: string) =>
    message("verify.reachOverstated", {
      said,
      where,
      start: percentText(reach.start),
      now: percentText(reach.now),
      target: percentText(reach.target),
      done: formatDecimal(Math.max(0, done)),
      total: formatDecimal(total),
    });
  for (const [re, holds] of [
    [NEAR, done / total >= REACH_NEAR - 1e-9],
    [REACHED, reach.now <= reach.target + 1e-9],
  ] as const) {
    const m = re.exec(folded);
    if (!m || holds) continue;
    if (NEGATED.test(folded.slice(Math.max(0, m.index - 24), m.index))) continue;
    return [reason(sentence.slice(m.index, m.index + m[0].length))];
  }
  return [];
}
