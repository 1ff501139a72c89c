/**
 * The collectivité's own figures in a document (`verify/own-figures.ts`): what the roadmap planner computed from the
 * map — the points each replacement removes, the weighted and raw shares at the start, after each phase and at the
 * target — so a sentence about them, written by the model or by the user editing a section (« Le remplacement de
 * Kaspersky par ESET supprimera à lui seul 12 points » where the roadmap computes 8,5, trial7 A6), is checked against
 * them and flagged with what the document computes.
 */
import { frenchDate } from "../core/text.ts";
import { message } from "../i18n/messages.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import type { Verification } from "../verify/index.ts";
import { checkOwn, type OwnData, type OwnFigure } from "../verify/own-figures.ts";
import { formatPoints, percentOrDash, productLabel } from "./documents/common.ts";
import { roadmapCalendar, targetSplit } from "./roadmap-calendar.ts";
import type { RoadmapPlan } from "./roadmap-plan.ts";
import type { FigureFlag } from "./types.ts";

/**
 * The figures of a map and its roadmap a document states, with what they are said of; the target only in the
 * roadmap that sets it (`target`): a letter asking for « un objectif de 50 % » asks, it does not misstate one.
 */
export function roadmapOwnData(
  plan: RoadmapPlan,
  target?: {
    date?: string;
    start?: string /** False for a document that reads the calendar, not sets it. */;
    sets?: boolean;
  },
): OwnData {
  const t = (key: string, params: Record<string, string> = {}) => message(`drafts.own.${key}`, params);
  const figures: OwnFigure[] = [];
  for (const l of plan.lines) {
    if (!l.alternative || l.points <= 0) continue;
    const names = [...new Set([l.item.name, productLabel(l.item), l.alternative.name])];
    figures.push({
      kind: "points",
      value: Math.round(l.points * 10) / 10,
      names,
      says: t("line", { name: l.item.name, alternative: l.alternative.name, points: formatPoints(l.points) }),
    });
  }
  const weighted = t("weightedName");
  const raw = t("rawName");
  const share = (name: string, value: number | null, says: string) => {
    if (value !== null) figures.push({ kind: "percent", value, names: [name], says });
  };
  share(weighted, plan.baseline.weighted, t("weighted", { value: percentOrDash(plan.baseline.weighted) }));
  share(raw, plan.baseline.raw, t("raw", { value: percentOrDash(plan.baseline.raw) }));
  // A phase the calendar dates is said at its month (`measureAt`, below): its undated figure, the phase alone, is
  // printed nowhere then and would confirm « après les gains rapides, 75 % » beside « mars 2028 : 32 % » (dated28).
  const dated = new Set(
    target?.start
      ? roadmapCalendar(plan, target.start, target.date)
          .phases.filter((m) => m.month)
          .map((m) => m.phase)
      : [],
  );
  for (const phase of plan.phases) {
    if (!phase.lines.length || dated.has(phase.phase)) continue;
    share(weighted, phase.weighted, t("weightedAfter", { value: percentOrDash(phase.weighted) }));
    share(raw, phase.raw, t("rawAfter", { value: percentOrDash(phase.raw) }));
  }
  // The phase that meets the target, with only what the target needs: the calendar's value at its date (trial 13, B4).
  const split = targetSplit(plan);
  if (split) {
    share(weighted, split.weighted, t("weightedNeeded", { value: percentOrDash(split.weighted) }));
    share(raw, split.raw, t("rawNeeded", { value: percentOrDash(split.raw) }));
  }
  // The roadmap's calendar, when it has one: the measure at each dated row, every replacement due by then counted
  // (`measureAt`: the quick wins' end with the software out of support due before it, round 28).
  if (target?.start) {
    const calendar = roadmapCalendar(plan, target.start, target.date);
    const dated = [
      ...calendar.unsupported,
      ...calendar.phases.flatMap((m) => (m.month ? [{ ...m, month: m.month }] : [])),
    ];
    for (const m of dated) {
      const date = frenchDate(m.month);
      share(weighted, m.weighted, t("weightedAt", { date, value: percentOrDash(m.weighted) }));
      share(raw, m.raw, t("rawAt", { date, value: percentOrDash(m.raw) }));
    }
    const whole = calendar.splitWhole;
    if (whole) {
      share(weighted, whole.weighted, t("weightedAfter", { value: percentOrDash(whole.weighted) }));
      share(raw, whole.raw, t("rawAfter", { value: percentOrDash(whole.raw) }));
    }
  }
  figures.push(...groupShares(plan));
  if (!target || target.sets === false) return { figures };
  const says = t("target", { value: percentOrDash(plan.target.value) });
  share(weighted, plan.target.value, says);
  figures.push({
    kind: "percent",
    value: plan.target.value,
    names: [t("targetName")],
    end: true,
    ...(target.date && /^\d{4}-\d{2}/.test(target.date) ? { dates: [target.date] } : {}),
    says,
  });
  return { figures };
}

/**
 * The share of the map's installations of each group a sentence may name (`group-shares.txt`: « les logiciels
 * russes », « les éditeurs extra-européens »), over all its installations and over those whose origin is known: a
 * share said of the group must be one of them (trial26 T-H3: « Les logiciels russes représentent 40 % des
 * installations », 40 % the target, 143 of 1 611 installations on the map). A group the map lacks has 0 %.
 */
export function groupShares(plan: RoadmapPlan): OwnFigure[] {
  const sections = wordListSections("group-shares.txt");
  const nouns = sections.get("noms") ?? [];
  const measured = plan.measure.measured;
  const all = plan.measure.installations;
  const known = all - plan.measure.unknown.installations;
  const out: OwnFigure[] = [];
  for (const [name, adjectives] of sections) {
    const country = /^pays\s+(\w+)$/u.exec(name)?.[1];
    if (!country && name !== "extra-européens") continue;
    const inGroup = measured.filter(({ item }) => {
      if (!country) return item.extraEuropean === true;
      const c = item.vendor?.parent?.country ?? item.vendor?.country ?? null;
      return c?.toUpperCase() === country.toUpperCase();
    });
    const count = inGroup.reduce((s, m) => s + Math.max(0, m.item.installations), 0);
    const names = nouns.flatMap((n) => adjectives.map((a) => `${n} ${a}`));
    for (const total of [...new Set([all, known])].filter((t) => t > 0)) {
      const value = (count / total) * 100;
      out.push({
        kind: "percent",
        value,
        names,
        says: message("drafts.own.groupShare", { group: adjectives[0]!, value: percentOrDash(value) }),
      });
    }
  }
  return out;
}

/**
 * A section's verification and flags with its sentences checked against the document's own figures: a figure said
 * of a replacement, a share or the target that is not the computed one makes its sentence « non vérifié » and is
 * flagged « à vérifier », with what the document computes.
 */
export function checkOwnFigures(
  verification: Verification,
  flags: FigureFlag[],
  own: OwnData | undefined,
): { verification: Verification; flags: FigureFlag[]; confirmed: string[] } {
  if (!own) return { verification, flags, confirmed: [] };
  const checked = checkOwn(verification, own, message("drafts.own.where"));
  // A figure the document computed (the baseline a user's edit restates) is no figure to check, unless a sentence
  // still doubts it.
  const stillSaid = (figure: string) =>
    checked.verification.sentences.some((s) => s.reasons.some((r) => r.includes(`« ${figure} »`)));
  const kept = flags.filter((f) => f.qualifier || !checked.confirmed.includes(f.figure) || stillSaid(f.figure));
  const added = checked.mismatched.filter((m) => !kept.some((f) => f.figure === m.figure));
  return { verification: checked.verification, flags: [...kept, ...added], confirmed: checked.confirmed };
}
