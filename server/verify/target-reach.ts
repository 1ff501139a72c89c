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
/**
 * The whole plan said done (« Le plan est achevé », « La feuille de route a été menée à terme », « La migration a
 * abouti »: trial24 T-H7): its subject opening the clause, one word at most after it (not « la migration de la
 * messagerie », a part), then « est », « a été » or « a » and a word of [plan achevé].
 */
const PLAN_DONE = new RegExp(
  `(?<![\\p{L}])(?:le|la|l'|notre|votre|ce|cette)\\s*(?:${sectionAlternation(LISTS, "plan", fold)})(?:\\s+\\p{L}+)?\\s+((?:est|a\\s+ete|a|sera\\s+deja)\\s+(?:(?:deja|desormais|maintenant|donc|bien|entierement|totalement)\\s+)*(?:${sectionAlternation(LISTS, "plan achevé", fold)}))(?![\\p{L}\\p{N}])`,
  "iu",
);

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
    [PLAN_DONE, reach.now <= reach.target + 1e-9],
  ] as const) {
    const m = re.exec(folded);
    if (!m || holds) continue;
    if (NEGATED.test(folded.slice(Math.max(0, m.index - 24), m.index))) continue;
    // The plan's state: the words that say it done (« est achevé »), not its subject.
    const from = re === PLAN_DONE ? m.index + m[0].length - m[1]!.length : m.index;
    return [reason(sentence.slice(from, m.index + m[0].length))];
  }
  return [];
}
