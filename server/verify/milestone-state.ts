/**
 * What a progress note says of a milestone of the plan — reached or not — against the state the plan gives it
 * (trial13 A14: « Le prochain jalon, 75 % au 31 juillet 2027, est donc déjà atteint » while the plan says « à venir »:
 * a milestone is judged at the first inventory after its date, not before). The milestone is the one the sentence
 * dates or gives the value of, else « le prochain jalon », « le premier » or « le dernier » (trial19 N1: « Le plan a
 * déjà atteint son premier jalon. »), else, when the plan measured none met, the first still to reach; « atteint » and its kin (`target-reach.txt`, section
 * « jalon atteint ») hold of it only when the plan measured it met. A negation just before (« n'est pas encore atteint »)
 * leaves the sentence to what it says.
 */
import { fold } from "../core/text.ts";
import { message } from "../i18n/messages.ts";
import { sectionAlternation, wordListSections } from "../i18n/word-lists.ts";
import { extractFigures } from "./figures.ts";

/** A milestone of the plan, as the note's data give it. */
export interface OwnMilestone {
  /** `YYYY-MM-DD`. */
  date: string;
  value: number;
  /** « met » when the plan measured it reached; anything else is not reached (to come, missed, not measured). */
  state: string;
  /** The next milestone to come (« le prochain jalon »). */
  next: boolean;
  /** How the plan says it, quoted in the reason (« 75 % au 31 juillet 2027 : à venir »). */
  says: string;
}

const LISTS = wordListSections("target-reach.txt");
const REACHED = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${sectionAlternation(LISTS, "jalon atteint", fold)})(?![\\p{L}\\p{N}])`,
  "iu",
);
const NEGATED = /(?<![\p{L}])(?:pas|jamais|loin|guere|nullement|plus)(?:\s+\S+)?\s*$/u;
/** « devra être atteint », « sera atteint »: what is to come, not what is. */
const TO_COME = /(?<![\p{L}])(?:etre|sera|seront|serait|seraient)\s+(?:\S+\s+)?$/u;
/** « jalon », « jalons »: the sentence speaks of a milestone, not (only) of the target. */
const MILESTONE = /(?<!\p{L})jalons?(?!\p{L})/u;
const NEXT = /(?<!\p{L})prochain\s+jalon(?!\p{L})/u;
/** « son premier jalon », « le dernier jalon »: the plan's first or last milestone by date. */
const FIRST = /(?<!\p{L})premier\s+jalon(?!\p{L})/u;
const LAST = /(?<!\p{L})dernier\s+jalon(?!\p{L})/u;

/** Whether a sentence speaks of a milestone of the plan (the target's nearness is then not what it says). */
export const speaksOfMilestone = (sentence: string) => MILESTONE.test(fold(sentence));

/** The milestone a sentence is about: the one it dates or gives the value of, else the next one when it says so. */
function milestoneOf(sentence: string, milestones: OwnMilestone[]): OwnMilestone | null {
  const figures = extractFigures(sentence);
  const dated = milestones.filter((m) =>
    figures.some(
      (f) =>
        (f.kind === "date" || f.kind === "month") &&
        f.year === Number(m.date.slice(0, 4)) &&
        f.month === Number(m.date.slice(5, 7)),
    ),
  );
  if (dated.length === 1) return dated[0]!;
  const valued = milestones.filter((m) =>
    figures.some((f) => f.kind === "percent" && Math.abs(f.value - m.value) < 0.05),
  );
  if (valued.length === 1) return valued[0]!;
  const folded = fold(sentence);
  if (NEXT.test(folded)) return milestones.find((m) => m.next) ?? null;
  const byDate = [...milestones].sort((a, b) => a.date.localeCompare(b.date));
  if (FIRST.test(folded)) return byDate[0] ?? null;
  if (LAST.test(folded)) return byDate.at(-1) ?? null;
  // A milestone said reached without saying which (« Le plan a déjà franchi un jalon »), where the plan measured none
  // met: the first one still to reach (trial19 N1).
  return milestones.some((m) => m.state === "met") ? null : (byDate.find((m) => m.state !== "met") ?? null);
}

/** Why a sentence saying a milestone is reached is not what the plan says (empty when it is, or says nothing of it). */
export function milestoneReasons(sentence: string, milestones: OwnMilestone[] | undefined, where: string): string[] {
  if (!milestones?.length || !speaksOfMilestone(sentence)) return [];
  const folded = fold(sentence);
  const m = REACHED.exec(folded);
  if (!m) return [];
  const before = folded.slice(Math.max(0, m.index - 24), m.index);
  if (NEGATED.test(before) || TO_COME.test(before)) return [];
  const milestone = milestoneOf(sentence, milestones);
  if (!milestone || milestone.state === "met") return [];
  return [
    message("verify.ownFact", { said: sentence.slice(m.index, m.index + m[0].length), where, says: milestone.says }),
  ];
}
