/**
 * The calendar of a roadmap, as data: when each phase ends and the weighted measure it leaves. The roadmap document
 * prints it (`documents/roadmap.ts`), and adopting a saved roadmap as the collectivité's plan (`server/tracking/from-draft.ts`)
 * turns the same months into milestones, so the plan follows exactly the calendar the document showed.
 */
import { addMonths, monthsBetween } from "./calendar.ts";
import type { PhasePlan, RoadmapPhase } from "./roadmap-plan.ts";

/**
 * Month at which each of the three phases ends: the phases share the time from the start to the target date (a
 * quarter, about six tenths, the rest). Null without a target date (the calendar is then « à fixer »).
 */
export function phaseEnds(start: string, targetDate: string | undefined): [string, string, string] | null {
  if (!targetDate) return null;
  const span = monthsBetween(start, targetDate.slice(0, 7));
  if (!(span > 0)) return null;
  const quarter = Math.max(1, Math.round(span * 0.25));
  const ends = [quarter, Math.max(quarter, Math.round(span * 0.6)), span];
  return ends.map((e) => addMonths(start, e)) as [string, string, string];
}

export interface PhaseMilestone {
  phase: RoadmapPhase;
  /** `YYYY-MM`, or null when the roadmap has no target date. */
  month: string | null;
  /** Weighted measure once the phase is done (percent), or null when the phase lowers nothing. */
  weighted: number | null;
  raw: number | null;
}

/** A percentage as the document prints it: whole below 100 and above 10, one decimal under 10 (« 4,5 % »). */
const printed = (n: number) => (n < 10 && n > 0 && !Number.isInteger(n) ? Math.round(n * 10) / 10 : Math.round(n));

/**
 * The milestones of a roadmap: one per phase that has software, with the measure it leaves when it lowers it —
 * « lowers » as the document prints it (a phase from 45,2 % to 44,9 % shows « sans changement »).
 */
export function phaseMilestones(
  phases: PhasePlan[],
  baselineWeighted: number | null,
  start: string,
  targetDate: string | undefined,
): PhaseMilestone[] {
  const ends = phaseEnds(start, targetDate);
  const out: PhaseMilestone[] = [];
  let previous = baselineWeighted;
  for (const [i, phase] of phases.entries()) {
    if (phase.lines.length === 0) continue;
    const lowers =
      phase.weighted !== null &&
      previous !== null &&
      phase.weighted < previous &&
      printed(phase.weighted) !== printed(previous);
    out.push({
      phase: phase.phase,
      month: ends ? ends[i]! : null,
      weighted: lowers ? phase.weighted : null,
      raw: lowers ? phase.raw : null,
    });
    if (lowers) previous = phase.weighted;
  }
  return out;
}
