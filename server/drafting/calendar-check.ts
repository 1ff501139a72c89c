/**
 * Whether a roadmap's calendar is credible for what its target requires (trial19 M4: 91 % → 5 % in six months —
 * Windows 11 ×76, Microsoft 365 Apps ×77, the servers —, the DSI's own later constraints listed after the objective,
 * and not a word). Three rules, each said with its reason, in the document (after the objective) and in the plan
 * proposal (`tracking/from-draft.ts`, `calendarWarnings`):
 * - short: fewer than `SHORT_CALENDAR_MONTHS` from the start to the target for accompanied replacements or deeper
 *   projects of `SHORT_CALENDAR_INSTALLATIONS` installations or more in all (summed: trial19's 76 + 77 + … were each
 *   under the old per-product threshold);
 * - together: the target requires changing the postes' operating system and their office suite, mail or online suite
 *   in fewer than `TOGETHER_MONTHS`: the peers the corpus describes (Gendarmerie, Schleswig-Holstein) changed the
 *   applications first and the system after, over years — their observed paces are quoted (corpus guide
 *   « objectif-chiffre-et-calendrier »);
 * - after the target: a sentence of the DSI's context sets, for software the target requires, an earliest date
 *   (« ne peuvent pas changer de système avant 2028 »), a contract's end or a deadline after the target's date: the
 *   calendar cannot be kept as written, or a licence is paid beyond the replacement.
 * - an earliest date after an end of support: the postes wait unpatched (`unpatchedConcerns`).
 * The texts are the roadmap structure's (`prompts/fr/drafts/roadmap.yaml`, `calendar.*`).
 */
import { formatInt, frenchDate } from "../core/text.ts";
import { monthsBetween } from "./calendar.ts";
import { installationWord } from "./documents/common.ts";
import type { LocalEvent, RoadmapLine, RoadmapPlan } from "./roadmap-plan.ts";

/** Fewer months than this to the target, for accompanied replacements of many postes, is too short a calendar. */
export const SHORT_CALENDAR_MONTHS = 12;
/** From this many installations in all, replacing them means pilots, training and an evaluation at each step. */
export const SHORT_CALENDAR_INSTALLATIONS = 100;
/** The postes' system and their applications changed within fewer months than this: more than peers ever did. */
export const TOGETHER_MONTHS = 24;

export type CalendarConcernKind =
  | "short"
  | "together"
  | "not-before"
  | "not-before-unsupported"
  | "contract-after"
  | "deadline-after"
  | "system-bound";

export interface CalendarConcern {
  kind: CalendarConcernKind;
  /** The French sentence, as the document and the plan proposal print it. */
  text: string;
}

type Say = (key: string, vars?: Record<string, string>) => string;

const named = (lines: RoadmapLine[], inner = false) =>
  [...lines]
    .sort((a, b) => changing(b) - changing(a))
    .slice(0, 3)
    .map((l) => {
      const count = `${formatInt(changing(l))} ${installationWord(changing(l))}`;
      // Inside a parenthesis already: « (Windows 10 : 126 installations ; Windows 11 : 76 installations) ».
      return inner ? `${l.item.name} : ${count}` : `${l.item.name} (${count})`;
    })
    .join(inner ? " ; " : ", ");

/** The installations a line changes: the postes kept under their system are not (`system-bound.ts`). */
const changing = (l: RoadmapLine) => l.item.installations - (l.keptBySystem ?? 0);

/** The month an event's date stands for: an earliest year is its January, a deadline's or contract's year its December. */
function eventMonth(e: LocalEvent): string {
  if (e.date.length === 4) return e.notBefore ? `${e.date}-01` : `${e.date}-12`;
  return e.date.slice(0, 7);
}

/** The concerns, in order: the calendar's length, what it changes together, then each later constraint of the context. */
export function calendarConcerns(
  plan: Pick<RoadmapPlan, "target" | "lines" | "events"> & Partial<Pick<RoadmapPlan, "systemBound">>,
  start: string,
  targetDate: string | undefined,
  say: Say,
): CalendarConcern[] {
  return [
    ...datedConcerns(plan, start, targetDate, say),
    ...unpatchedConcerns(plan, say),
    ...systemConcerns(plan, say),
  ];
}

/**
 * An earliest date of the context (« Pas de budget pour changer les postes avant 2028 ») after the end of support of
 * software it holds back: those postes stay without security fixes until then — said, with or without a target, and
 * that the system may change on the postes already there (trial22 T-M10: Windows 10 « pas avant 2028 » beside « sans
 * correctifs de sécurité depuis le 14 octobre 2025 … à mener en premier », no remark).
 */
function unpatchedConcerns(plan: Pick<RoadmapPlan, "events">, say: Say): CalendarConcern[] {
  return plan.events
    .filter((e) => e.notBefore)
    .flatMap((e) =>
      // (Not a line only some postes of which the sentence holds back — « les 18 postes Windows 10 LTSC 2021 … »: their
      // edition's end of support is not the line's.)
      e.lines
        .filter((l) => l.unsupported?.length && l.unsupported[0]!.slice(0, 7) < eventMonth(e))
        .map((l) => ({
          kind: "not-before-unsupported" as const,
          text: say("calendar.not-before-unsupported", {
            text: e.text.replace(/[\s;,:.]+$/u, ""),
            product: `${l.item.name} (${formatInt(changing(l))} ${installationWord(changing(l))})`,
            since: frenchDate(l.unsupported![0]!),
            date: frenchDate(e.date),
          }),
        })),
    );
}

/**
 * Software the context says runs only under the postes' system, on postes neither the sentence nor the inventory
 * counts: the roadmap still changes all of them, and says the count is to give (trial20 N-H4), with or without a date.
 */
function systemConcerns(plan: Partial<Pick<RoadmapPlan, "systemBound">>, say: Say): CalendarConcern[] {
  return (plan.systemBound ?? [])
    .filter((b) => b.installations === null)
    .map((b) => ({
      kind: "system-bound" as const,
      text: say("calendar.system-bound", {
        text: b.text.replace(/[\s;,:.]+$/u, ""),
        system: b.system,
        products: named(b.lines, true),
      }),
    }));
}

function datedConcerns(
  plan: Pick<RoadmapPlan, "target" | "lines" | "events">,
  start: string,
  targetDate: string | undefined,
  say: Say,
): CalendarConcern[] {
  if (!targetDate) return [];
  const months = monthsBetween(start.slice(0, 7), targetDate.slice(0, 7));
  if (!(months > 0)) return [];
  const concerns: CalendarConcern[] = [];
  const required = plan.target.required.length ? plan.target.required : plan.lines;
  const changed = required.filter((l) => (l.phase !== "quick" || l.unsupported?.length) && !l.removal);
  const total = changed.reduce((s, l) => s + changing(l), 0);
  if (months < SHORT_CALENDAR_MONTHS && total >= SHORT_CALENDAR_INSTALLATIONS)
    concerns.push({
      kind: "short",
      text: say("target.shortCalendar", {
        months: formatInt(months),
        products: named(changed),
        total: formatInt(total),
        minimum: formatInt(SHORT_CALENDAR_MONTHS),
      }),
    });
  // The postes' system and their applications in one stretch: the peers did one, then the other, over years.
  const role = (ids: string[]) => plan.target.required.filter((l) => !l.removal && ids.includes(l.role.id));
  const system = role(["workstation-os"]);
  const apps = role(["office-suite", "messaging", "cloud-suite"]);
  if (months < TOGETHER_MONTHS && system.length && apps.length)
    concerns.push({
      kind: "together",
      text: say("calendar.together", {
        months: formatInt(months),
        system: named(system, true),
        apps: named(apps, true),
        minimum: formatInt(TOGETHER_MONTHS),
      }),
    });
  // The DSI's own constraints dated after the objective, on software the objective requires.
  const needed = new Set(plan.target.required);
  const target = targetDate.slice(0, 7);
  // An earliest date after the objective first: it makes the calendar impossible, the others make it costly.
  const events = [...plan.events].sort((a, b) => Number(!a.notBefore) - Number(!b.notBefore));
  for (const e of events) {
    if (e.supportEnd || eventMonth(e) <= target) continue;
    const lines = [...e.lines, ...(e.partial ?? [])].filter((l) => needed.has(l));
    if (!lines.length) continue;
    const vars = {
      text: e.text.replace(/[\s;,:.]+$/u, ""),
      date: frenchDate(e.date),
      target: frenchDate(targetDate),
      products: [...new Set(lines.map((l) => l.item.name))].join(", "),
    };
    const kind: CalendarConcernKind = e.notBefore ? "not-before" : e.contractEnd ? "contract-after" : "deadline-after";
    concerns.push({ kind, text: say(`calendar.${kind}`, vars) });
  }
  return concerns;
}
