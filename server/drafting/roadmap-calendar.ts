/**
 * The calendar of a roadmap, as data: when each phase ends and the weighted measure it leaves. The roadmap document
 * prints it (`documents/roadmap.ts`), and adopting a saved roadmap as the collectivité's plan (`server/tracking/from-draft.ts`)
 * turns the same months into milestones, so the plan follows exactly the calendar the document showed.
 */
import { roundPercent } from "../core/text.ts";
import { addMonths, monthsBetween } from "./calendar.ts";
import type { RoadmapLine, RoadmapPhase, RoadmapPlan } from "./roadmap-plan.ts";

/** Where each phase ends, as a share of the time to the target date, by the number of phases that share it. */
const SHARES: Record<number, number[]> = { 1: [1], 2: [0.4, 1], 3: [0.25, 0.6, 1] };

/**
 * Month at which each phase of the plan ends (same order as `plan.phases`). The phases the target needs share the
 * time from the start to the target date (with three: a quarter, about six tenths, the rest), so the target is met
 * on its date; a phase beyond the one that meets it has no date (null): it goes further than the commitment and is
 * programmed later. Without a target date the whole calendar is null (« à fixer »). Phases without software take
 * no time.
 */
export function phaseEnds(
  start: string,
  targetDate: string | undefined,
  plan: Pick<RoadmapPlan, "phases" | "target">,
): (string | null)[] | null {
  if (!targetDate) return null;
  const span = monthsBetween(start, targetDate.slice(0, 7));
  if (!(span > 0)) return null;
  // The phases until the one that meets the target; all of them when it is already met or cannot be met.
  const cut =
    plan.target.reachable && plan.target.required.length > 0 && plan.target.reachedAfter
      ? plan.phases.findIndex((p) => p.phase === plan.target.reachedAfter)
      : plan.phases.length - 1;
  const needed = plan.phases.map((p, i) => p.lines.length > 0 && i <= cut);
  const shares = SHARES[needed.filter(Boolean).length] ?? [];
  let k = 0;
  let previous = 0;
  return plan.phases.map((phase, i) => {
    if (!needed[i]) return null;
    const months = Math.min(span, Math.max(previous, 1, Math.round(span * shares[k++]!)));
    previous = months;
    const end = addMonths(start, months);
    // A phase holding only software out of the vendor's support has nothing left to do once it is replaced, six
    // months in (`unsupportedEnd`): it ends then, not on the target's date (dated28: a guided phase of Office 2019
    // and Windows 10 alone ran to December 2029 while the quick wins' end, in March 2028, already met the target).
    const dues = phase.lines.map((l) =>
      l.unsupported?.length ? unsupportedEnd(start, targetDate, l.unsupported) : null,
    );
    if (dues.every((d) => d !== null)) {
      const last = (dues as string[]).sort().at(-1)!;
      if (last < end) return last;
    }
    return end;
  });
}

/**
 * The phase that meets the target, split where the target is met: what the replacements the target needs leave (the
 * phase's milestone, on the target's date) and the phase's other replacements, which go further than the commitment
 * and are programmed later, like a phase beyond it. A DSI reads one story: the calendar reaches the objective on its
 * date (trial 13, B4: « Fin des chantiers de fond | décembre 2028 | 1,1 % » beside « Objectif … 50 % au plus »).
 * Null when the target is not met by a phase, or when the phase does nothing beyond what the target needs.
 */
export interface TargetSplit {
  phase: RoadmapPhase;
  /** Both measures once the needed replacements of the phase are done (percent). */
  weighted: number | null;
  raw: number | null;
  /** The phase's replacements the target does not need. */
  beyond: RoadmapLine[];
}

export function targetSplit(plan: Pick<RoadmapPlan, "phases" | "target" | "baseline" | "measure">): TargetSplit | null {
  const { target } = plan;
  if (!target.reachable || !target.reachedAfter || target.required.length === 0) return null;
  const i = plan.phases.findIndex((p) => p.phase === target.reachedAfter);
  const phase = plan.phases[i];
  if (!phase) return null;
  const beyond = phase.lines.filter((l) => !l.required && l.points > 0);
  if (!beyond.length) return null;
  const needed = phase.lines.filter((l) => l.required);
  const previous = i > 0 ? plan.phases[i - 1]! : null;
  const weightedBefore = previous ? previous.weighted : plan.baseline.weighted;
  const rawBefore = previous ? previous.raw : plan.baseline.raw;
  const known = plan.measure.raw.known;
  return {
    phase: phase.phase,
    weighted: weightedBefore === null ? null : Math.max(0, weightedBefore - needed.reduce((s, l) => s + l.points, 0)),
    raw:
      rawBefore === null || !known
        ? null
        : Math.max(0, rawBefore - (100 * needed.reduce((s, l) => s + l.rawRemoved, 0)) / known),
    beyond,
  };
}

/** Both measures, in percent (null when the map cannot give one). */
export interface Measures {
  weighted: number | null;
  raw: number | null;
}

/**
 * The month each replacement of the plan is due by (`lineEnd`): the end of its phase, earlier for software out of the
 * vendor's support; null without a calendar, in a phase beyond the objective, or for a replacement the objective does
 * not need in the phase that meets it (`targetSplit`: « au-delà de l'objectif, à programmer »). Every line once.
 */
export function lineDues(
  plan: Pick<RoadmapPlan, "phases" | "target" | "baseline" | "measure" | "lines">,
  start: string,
  targetDate: string | undefined,
): Map<RoadmapLine, string | null> {
  const ends = phaseEnds(start, targetDate, plan);
  const beyond = new Set(ends ? (targetSplit(plan)?.beyond ?? []) : []);
  return new Map(
    plan.lines.map((l) => {
      const end = ends?.[plan.phases.findIndex((p) => p.phase === l.phase)] ?? null;
      return [l, beyond.has(l) ? null : lineEnd(l, end, start, targetDate)];
    }),
  );
}

/** Both measures once the replacements `done` are: the baseline less what they remove, each counted once. */
function measuresWithout(plan: Pick<RoadmapPlan, "baseline" | "measure">, done: Iterable<RoadmapLine>): Measures {
  let points = 0;
  let removed = 0;
  for (const l of new Set(done)) {
    points += l.points;
    removed += l.rawRemoved;
  }
  const { raw } = plan.measure;
  return {
    weighted: plan.baseline.weighted === null ? null : Math.max(0, plan.baseline.weighted - points),
    raw: raw.known ? (100 * (raw.exposed - removed)) / raw.known : null,
  };
}

/**
 * Both measures at the end of `month` (`YYYY-MM`): every replacement due by then (`lineDues`) is done, whatever its
 * phase, and each is counted once. The one figure the roadmap prints for a date — a phase's end, the row of the
 * software out of support, the « À l'issue de la phase » sentence — and the plan adopted from it holds the
 * collectivité to: Office and Windows 10, due six months in, are subtracted from the quick wins' end already
 * (round 28: Kervallon's « Fin des gains rapides, mars 2028 : 75 % » left out their 42,9 points due by July 2027).
 */
export function measureAt(
  plan: Pick<RoadmapPlan, "baseline" | "measure">,
  dues: ReadonlyMap<RoadmapLine, string | null>,
  month: string,
): Measures {
  return measuresWithout(
    plan,
    [...dues].filter(([, due]) => due !== null && due <= month.slice(0, 7)).map(([l]) => l),
  );
}

export interface PhaseMilestone {
  phase: RoadmapPhase;
  /** `YYYY-MM`; null when the roadmap has no target date, or for a phase beyond the one that meets the target. */
  month: string | null;
  /**
   * Both measures the calendar prints for the phase's end (percent), or null when it shows no lowering there: at
   * its month, every replacement due by then (`measureAt`); without a month, once the phase and those before it are
   * done.
   */
  weighted: number | null;
  raw: number | null;
  /** Whether the phase's own replacements lower the measure (« sans changement » otherwise). */
  lowers: boolean;
  /** Replacements of later phases due by the phase's month (software out of support), counted in its figures. */
  early: RoadmapLine[];
}

/** A month software out of the vendor's support is due by, before its phase ends, and the measures then. */
export interface UnsupportedMilestone extends Measures {
  month: string;
  lines: RoadmapLine[];
}

/** The calendar of a roadmap: its phases' months, every line's month, and the dated rows with their measures. */
export interface RoadmapCalendar {
  ends: (string | null)[] | null;
  split: TargetSplit | null;
  dues: Map<RoadmapLine, string | null>;
  /** One per phase that has software. */
  phases: PhaseMilestone[];
  /** Earliest first. */
  unsupported: UnsupportedMilestone[];
  /**
   * The whole of the phase that meets the target (`split`), its replacements beyond the objective done too, with every
   * dated one: the calendar's « Suite des … » row. Null without a split.
   */
  splitWhole: Measures | null;
}

/** A measure lower than the last one shown, as the document prints them (45,2 % then 44,9 % is no lowering). */
const lowered = (value: number | null, before: number | null) =>
  value !== null && before !== null && value < before && roundPercent(value) !== roundPercent(before);

/**
 * The dated rows of a roadmap's calendar, every figure from `measureAt`: the months software out of the vendor's
 * support is due by, and each phase's end — « lowers » as the document prints it (a phase from 45,2 % to 44,9 %
 * shows « sans changement »); the document (`documents/roadmap.ts`) prints them, a plan adopted from it
 * (`tracking/from-draft.ts`) turns them into milestones, its own figures (`own-data.ts`) check sentences against them.
 */
export function roadmapCalendar(
  plan: Pick<RoadmapPlan, "phases" | "target" | "baseline" | "measure" | "lines">,
  start: string,
  targetDate: string | undefined,
): RoadmapCalendar {
  const ends = phaseEnds(start, targetDate, plan);
  const split = ends ? targetSplit(plan) : null;
  const dues = lineDues(plan, start, targetDate);
  const phaseOf = (l: RoadmapLine) => plan.phases.findIndex((p) => p.phase === l.phase);
  // A phase without a month, on a calendar: its replacements and those before it, with every dated one (software out
  // of support of a later phase, due six months in, is counted there already).
  const through = (i: number): Measures =>
    measuresWithout(
      plan,
      plan.lines.filter((l) => phaseOf(l) <= i || (dues.get(l) ?? null) !== null),
    );
  const early = new Map<string, RoadmapLine[]>();
  for (const l of plan.lines) {
    const end = ends?.[phaseOf(l)] ?? null;
    const due = dues.get(l) ?? null;
    if (l.unsupported?.length && due && due !== end) early.set(due, [...(early.get(due) ?? []), l]);
  }
  const unsupported = [...early]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, lines]) => ({ month, lines, ...measureAt(plan, dues, month) }));
  const phases: PhaseMilestone[] = [];
  // The phases' own lowering (the undated values), and the last figure the calendar showed before a row.
  let previous = plan.baseline.weighted;
  let shown = plan.baseline.weighted;
  let next = 0;
  for (const [i, phase] of plan.phases.entries()) {
    if (phase.lines.length === 0) continue;
    const month = ends ? ends[i]! : null;
    // The rows of software out of support before this one (on the phase's own month, they come after it).
    while (next < unsupported.length && (month === null || unsupported[next]!.month < month))
      shown = unsupported[next++]!.weighted;
    // The phase that meets the target ends, on the target's date, with what the target needs (`targetSplit`).
    const own = split?.phase === phase.phase ? split : phase;
    const lowers = lowered(own.weighted, previous);
    if (lowers) previous = own.weighted;
    let value: Measures;
    let shows: boolean;
    if (month) {
      value = measureAt(plan, dues, month);
      shows = lowers || lowered(value.weighted, shown) || (split?.phase === phase.phase && value.weighted !== null);
    } else {
      value = ends ? through(i) : own;
      shows = lowers;
    }
    if (shows) shown = value.weighted;
    phases.push({
      phase: phase.phase,
      month,
      weighted: shows ? value.weighted : null,
      raw: shows ? value.raw : null,
      lowers,
      early: month ? plan.lines.filter((l) => phaseOf(l) > i && (dues.get(l) ?? "9999") <= month) : [],
    });
  }
  const splitWhole = split ? through(plan.phases.findIndex((p) => p.phase === split.phase)) : null;
  return { ends, split, dues, phases, unsupported, splitWhole };
}

/** The phases of `roadmapCalendar`. */
export function phaseMilestones(
  plan: Pick<RoadmapPlan, "phases" | "target" | "baseline" | "measure" | "lines">,
  start: string,
  targetDate: string | undefined,
): PhaseMilestone[] {
  return roadmapCalendar(plan, start, targetDate).phases;
}

/**
 * Share of the time to the target date by which software out of the vendor's support is replaced at the latest: « à
 * mener en premier » said with a month — the end of the first of two phases —, not the end of its phase, which for
 * the office suite is often the target date itself (trial17 D4: Office 2016, Skype Entreprise 2016 due « 31 décembre
 * 2029 » in the plan, the latest date possible).
 */
export const UNSUPPORTED_SHARE = 0.4;

/**
 * Months after the roadmap's start by which software already without security fixes (or losing them before then) is
 * replaced at the latest: its own urgency, not the calendar's share (trial24 T-M7: Windows 10, without fixes since
 * October 2025, and Windows Server 2016, from January 2027, were both due « d'ici mars 2028 », fifteen months in).
 */
export const UNSUPPORTED_MONTHS = 6;

/**
 * The month by which a line is to be replaced: the end of its phase, or earlier for software out of the vendor's
 * support (`unsupportedEnd`) — also in a phase beyond a target the quick wins meet, which has no month: « à mener en
 * premier » is never « à programmer » (round 28; trial17 D4). Null when the phase has no month otherwise.
 */
export function lineEnd(
  line: Pick<RoadmapLine, "unsupported">,
  phaseEnd: string | null,
  start: string,
  targetDate: string | undefined,
): string | null {
  const early = line.unsupported?.length ? unsupportedEnd(start, targetDate, line.unsupported) : null;
  return early && (!phaseEnd || early < phaseEnd) ? early : phaseEnd;
}

/**
 * The month software out of the vendor's support is replaced by, null without a calendar: `UNSUPPORTED_MONTHS` after
 * the start, or the month its support ends (`ends`, ISO days, earliest first) when that comes later; never later than
 * `UNSUPPORTED_SHARE` of the time to the target.
 * @example unsupportedEnd("2027-01", "2029-12-31", ["2025-10-14"]) // "2027-07"
 */
export function unsupportedEnd(
  start: string,
  targetDate: string | undefined,
  ends: readonly string[] = [],
): string | null {
  if (!targetDate) return null;
  const span = monthsBetween(start, targetDate.slice(0, 7));
  if (!(span > 0)) return null;
  const share = addMonths(start, Math.min(span, Math.max(1, Math.round(span * UNSUPPORTED_SHARE))));
  const urgent = addMonths(start, Math.min(span, UNSUPPORTED_MONTHS));
  const supportEnd = ends[0]?.slice(0, 7);
  const due = supportEnd && supportEnd > urgent ? supportEnd : urgent;
  // The earlier of the two months (`YYYY-MM` strings sort as dates).
  return [due, share].sort()[0]!;
}

/**
 * The figure a document other than the roadmap says for a phase's end — the briefing note's « fin des gains rapides »
 * — with its month: the roadmap's own (`measureAt` at the phase's month), so a note and the roadmap of the same map
 * and dates give an elected official one figure for one step (dated28: « après les gains rapides : 75 % » in the
 * note, « Fin des gains rapides, mars 2028 : 32 % » in the roadmap). Without a month (no target date, or a phase
 * beyond the objective), the phase's undated figure, as the roadmap prints it then. Null for a phase without software.
 */
export function phaseFigure(
  plan: Pick<RoadmapPlan, "phases" | "target" | "baseline" | "measure" | "lines">,
  calendar: RoadmapCalendar,
  phase: RoadmapPhase,
): (Measures & { month: string | null }) | null {
  const milestone = calendar.phases.find((m) => m.phase === phase);
  const own = plan.phases.find((p) => p.phase === phase);
  if (!milestone || !own) return null;
  if (milestone.month) return { month: milestone.month, ...measureAt(plan, calendar.dues, milestone.month) };
  return {
    month: null,
    weighted: milestone.weighted ?? own.weighted,
    raw: milestone.weighted !== null ? milestone.raw : own.raw,
  };
}
