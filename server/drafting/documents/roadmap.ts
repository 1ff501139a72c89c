/** The roadmap: phases from the planner (`roadmap-plan.ts`), a numeric target, a calendar, and its data block. */

import { categoryWord, countryName } from "../../core/labels.ts";
import { formatInt, formatPercent, frenchDate } from "../../core/text.ts";
import { countText, message } from "../../i18n/messages.ts";
import { partialAlternativesText } from "../../inventory/alternative-text.ts";
import { analysisDay } from "../../inventory/inventory-date.ts";
import { alternativeExposure, bestAlternative } from "../../inventory/measure.ts";
import { calendarStart } from "../calendar.ts";
import { calendarConcerns } from "../calendar-check.ts";
import type { RoadmapInputs } from "../inputs.ts";
import { otherBodies } from "../other-body.ts";
import { roadmapOwnData } from "../own-data.ts";
import { lineEnd, measureAt, type RoadmapCalendar, roadmapCalendar } from "../roadmap-calendar.ts";
import {
  contractEnd,
  type LocalEvent,
  localDeadline,
  planRoadmap,
  REMOVAL_MAX_INSTALLATIONS,
  type RoadmapLine,
  type RoadmapPhase,
  type RoadmapPlan,
  supportToCheck,
} from "../roadmap-plan.ts";
import { type DocumentStructure, fill } from "../structure.ts";
import type { DraftContext, InventoryAnalysis } from "../types.ts";
import {
  alternativesText,
  analysisLabel,
  baseVars,
  catalogNotice,
  categoryLabel,
  computationNote,
  dataBlock,
  describeCollectivite,
  finish,
  fitLabel,
  formatPoints,
  installationWord,
  lawsText,
  MAX_LISTED,
  markdownTable,
  measureSentences,
  ownContext,
  ownItemNames,
  percentOrDash,
  productLabel,
  sentence,
  texts,
  vendorText,
} from "./common.ts";

/**
 * The month a roadmap starts: the one given when it is the document's own month or later (a roadmap written on
 * 5 December may start in December: the month is not past, trial 2026-12-05), else the month after the document.
 */
export function roadmapStart(startDate: string | undefined, now: string): string {
  // The calendars' own rule (`calendarStart`), at month precision.
  return calendarStart(startDate?.slice(0, 7), now).start;
}

/**
 * A replacement whose alternative stays under an extra-European jurisdiction (Edge → Firefox ESR), said plainly:
 * open source or not, still under that country's law, a limited gain, never a way out.
 */
function limitedText(structure: DocumentStructure, l: RoadmapLine, where: "phase" | "target" = "phase"): string {
  const said = texts(structure, `${where}.${l.alternative?.openSource ? "limitedOpen" : "limited"}`, {
    country: countryName(l.alternative?.country ?? null),
    points: formatPoints(l.points),
  });
  // A European alternative the catalog also lists (Vivaldi for Edge), even of a lesser fit: named as the way out.
  const european = bestAlternative((l.item.alternatives ?? []).filter((a) => alternativeExposure(a) === 0));
  return european && where === "phase"
    ? `${said} ${texts(structure, "phase.europeanOption", { alternative: european.name, fit: fitLabel(european.fit) })}`
    : said;
}

/**
 * No alternative for the whole product: what exists module by module (« openElec (listes électorales seulement) »),
 * or « alternative à rechercher » when the catalog has nothing at all.
 */
function partialOnly(structure: DocumentStructure, l: RoadmapLine): string {
  const partial = partialAlternativesText(l.item.alternatives);
  return partial
    ? texts(structure, "phase.partialOnly", { alternatives: partial })
    : (structure.texts["phase.noAlternative"] ?? "");
}

/** Why a free software is replaced all the same (barely maintained), with the source the catalog gives. */
function unmaintainedText(structure: DocumentStructure, l: RoadmapLine): string {
  const u = l.item.unmaintained;
  if (!u) return "";
  const source = u.source ? `${u.source.title}${u.source.date ? `, ${frenchDate(u.source.date)}` : ""}` : "";
  return ` — ${texts(structure, "phase.unmaintained", { note: u.note.replace(/[.\s]+$/, ""), source })}`;
}

/** The last day a date allows: « 2027 » → 2027-12-31, « 2027-08 » → 2027-08-31, a day as it is. */
const lastDayOf = (date: string) => {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length > 7) return date.slice(0, 10);
  const [y, m] = date.split("-").map(Number);
  return new Date(Date.UTC(y!, m!, 0)).toISOString().slice(0, 10);
};

/**
 * The local deadline of a line, as the document says it: on its own when the calendar meets it; with what it asks
 * when it falls before the end of the line's phase (the replacement goes first in its phase) or before the roadmap
 * even starts (it cannot be met by this calendar: said, never silently moved).
 */
function deadlineText(structure: DocumentStructure, date: string, phaseEnd: string | null, start: string): string {
  const day = lastDayOf(date);
  if (day < `${start.slice(0, 7)}-01`)
    return texts(structure, "phase.localDeadlineBeforeStart", { date: frenchDate(date), start: frenchDate(start) });
  if (phaseEnd && day < lastDayOf(phaseEnd))
    return texts(structure, "phase.localDeadlineEarlier", { date: frenchDate(date), end: frenchDate(phaseEnd) });
  return texts(structure, "phase.localDeadline", { date: frenchDate(date) });
}

/**
 * Why a line is in the first phase whatever its weight: the vendor's end of support, past (« sans correctifs de
 * sécurité depuis le 14 octobre 2025 ») or coming (« à partir du 12 janvier 2027 »), one day or several by edition.
 */
export function unsupportedText(structure: DocumentStructure, days: string[], today: string): string {
  const past = days.filter((d) => d <= today);
  const coming = days.filter((d) => d > today);
  const list = (ds: string[], one: string, more: string) =>
    ds.map((d, i) => texts(structure, i ? more : one, { date: frenchDate(d) })).join("");
  const when = [
    past.length ? list(past, "phase.unsupportedSince", "phase.unsupportedSinceMore") : "",
    coming.length ? list(coming, "phase.unsupportedFrom", "phase.unsupportedFromMore") : "",
  ]
    .filter(Boolean)
    .join(texts(structure, "phase.unsupportedOr"));
  return texts(structure, days.length > 1 ? "phase.unsupportedByEdition" : "phase.unsupported", { when });
}

/** The inventory names a line counts, when it counts several (one product under two names: trial 10). */
function inventoryNamesText(structure: DocumentStructure, l: RoadmapLine): string | null {
  return l.inventoryNames.length > 1
    ? texts(structure, "line.inventoryNames", { names: l.inventoryNames.join(", ") })
    : null;
}

/** A line of a phase: name, installations, role, law; alternative and the points it removes; a local deadline. */
function phaseLine(
  structure: DocumentStructure,
  l: RoadmapLine,
  events: LocalEvent[],
  phaseEnd: string | null,
  start: string,
  today: string,
  targetDate: string | undefined,
): string {
  const facts = [
    `${formatInt(l.item.installations)} ${installationWord(l.item.installations)}`,
    l.role.label,
    l.laws.length ? lawsText(l.laws) : null,
    inventoryNamesText(structure, l),
    keptText(structure, l),
    l.unsure ? texts(structure, "line.unsure") : null,
  ]
    .filter(Boolean)
    .join(", ");
  // Already installed (ESET for Kaspersky): said beside it, the reason it is the one proposed (trial 2026-12-05).
  const inPlace = l.alternative?.inPlace
    ? `, ${message("inventory.quickWin.inPlace", { installations: countText("installation", l.alternative.inPlace, formatInt(l.alternative.inPlace)) })}`
    : "";
  const forUse = l.removal ? bestAlternative(l.item.alternatives) : null;
  const alt = l.removal
    ? `${texts(structure, l.utility ? "phase.removalUtility" : "phase.removal")}${forUse ? ` ; ${texts(structure, "phase.removalAlternative", { alternative: forUse.name })}` : ""} — ${texts(structure, "phase.points", { points: formatPoints(l.points) })}`
    : l.alternative
      ? `${l.alternative.name} (${fitLabel(l.alternative.fit)}${inPlace})${l.limited ? ` — ${limitedText(structure, l)}` : l.points > 0 ? ` — ${texts(structure, "phase.points", { points: formatPoints(l.points) })}` : l.item.unmaintained ? "" : ` — ${texts(structure, "phase.noGain")}`}${unmaintainedText(structure, l)}`
      : partialOnly(structure, l);
  const deadline = localDeadline(events, l)?.date;
  // A date the context gives for one of the line's editions only (« Windows 10 LTSC 2021 »): said, not the line's.
  const part = deadline
    ? undefined
    : events.find((e) => !e.supportEnd && !e.contractEnd && !e.notBefore && e.partial?.includes(l));
  // A contract's end is a decision to take, not the replacement's deadline (trial18 F4).
  const contract = contractEnd(events, l);
  // Software out of support: « à mener en premier », with the month it is due by when that comes before its phase's end.
  const by = lineEnd(l, phaseEnd, start, targetDate);
  // An end of support the map could not date (an edition the catalogue has no vendor page for: « SQL Server 2014
  // Express ») is said « à vérifier », never left silent (trial19 D1).
  const unsupported = l.unsupported?.length
    ? ` ; ${unsupportedText(structure, l.unsupported, today)}${by && by !== phaseEnd ? texts(structure, "phase.unsupportedBy", { date: frenchDate(by) }) : ""}`
    : supportToCheck(l.item)
      ? ` ; ${texts(structure, "phase.supportToCheck")}`
      : "";
  const local = deadline
    ? ` ; ${deadlineText(structure, deadline, phaseEnd, start)}`
    : part
      ? ` ; ${texts(structure, "phase.localDeadlinePart", { date: frenchDate(part.date) })}`
      : contract
        ? ` ; ${texts(structure, "phase.contractEnd", { date: frenchDate(contract.date) })}`
        : "";
  return `- **${l.item.name}** (${facts}) → ${alt}${unsupported}${local}`;
}

/**
 * A line's name in the calendar: its product's (« Windows Server »), or its own (« Microsoft Windows Server 2012 R2
 * Standard ») when another line plans other editions of that product — the row dates this edition, not the others
 * (trial20).
 */
export function lineLabel(l: RoadmapLine, lines: RoadmapLine[]): string {
  const id = (x: RoadmapLine) =>
    typeof x.item.product === "object" && x.item.product ? x.item.product.id : (x.item.product ?? null);
  const own = id(l);
  return own && lines.some((x) => x !== l && id(x) === own) ? l.item.name : productLabel(l.item);
}

/** « dont 10 postes restent sous Windows (contexte local) »: the postes a line keeps under its system, if any. */
function keptText(structure: DocumentStructure, l: RoadmapLine): string | null {
  if (!l.keptBySystem) return null;
  return texts(structure, "line.keptBySystem", {
    count: countText("computer", l.keptBySystem, formatInt(l.keptBySystem)),
    stay: texts(structure, `keptVerb.${l.keptBySystem === 1 ? "one" : "other"}`),
    system: l.keptSystem ?? "",
  });
}

/**
 * The replacement the roadmap plans for each product it lists — the alternative its phase gives, and the month that
 * phase ends (or the deadline the DSI set for it) — which a sentence about it is checked against (`verify/own-plan.ts`).
 */
function plannedReplacements(
  structure: DocumentStructure,
  plan: ReturnType<typeof planRoadmap>,
  ends: (string | null)[] | null,
  start: string,
  targetDate: string | undefined,
): NonNullable<DraftContext["planned"]> {
  return plan.lines
    .filter((l) => l.alternative && !l.removal)
    .map((l) => {
      const end = lineEnd(l, ends?.[plan.phases.findIndex((p) => p.phase === l.phase)] ?? null, start, targetDate);
      const deadline = localDeadline(plan.events, l)?.date ?? null;
      const by = [end, deadline].filter((d): d is string => !!d);
      const alternative = l.alternative!.name;
      return {
        names: [l.item.name, ...l.inventoryNames],
        replacement: {
          names: [alternative, alternative.replace(/\s*\([^)]*\)\s*/g, " ").trim()],
          by,
          says: message("drafts.ownFacts.planned", {
            name: l.item.name,
            alternative,
            phase: texts(structure, `phase.${l.phase}.name`),
            date: by.length ? message("drafts.ownFacts.plannedBy", { date: frenchDate(by.at(-1)!) }) : "",
          }),
        },
      };
    });
}

export function roadmapContext(
  inputs: RoadmapInputs,
  analysis: InventoryAnalysis,
  structure: DocumentStructure,
  now: string,
): DraftContext {
  const c = inputs.collectivite;
  const vars: Record<string, string> = { ...baseVars(c) };
  // Dated events come from what the DSI says of the collectivité, never from a claim about others (`contextClaims`).
  const plan = planRoadmap(analysis, {
    target: inputs.targetShare,
    context: ownContext(inputs.context, c.name, ownItemNames(analysis)),
    now,
  });
  const today = now.slice(0, 10);
  const counts = measureSentences(structure, plan);
  const start = roadmapStart(inputs.startDate, now);
  const baseline = counts.weighted;
  const target = formatPercent(plan.target.value);
  // A target date that does not lie after the start cannot carry a calendar: it is to be set again, and said so.
  const targetDate = inputs.targetDate && inputs.targetDate.slice(0, 7) > start ? inputs.targetDate : undefined;
  vars.computation_note = computationNote(analysis);
  vars.baseline_share = baseline;
  vars.target_share = target;
  // « d'ici le 31 décembre 2029 », « d'ici décembre 2029 »: a day takes the article, a month does not.
  const byDate = targetDate ? `${/^\d{4}-\d{2}-\d{2}/.test(targetDate) ? "le " : ""}${frenchDate(targetDate)}` : "";
  vars.target_sentence = texts(structure, targetDate ? "target.withDate" : "target.noDate", {
    baseline,
    target,
    raw: counts.share,
    date: byDate,
    start: frenchDate(start),
    collectivite: vars.collectivite!,
  });
  // The calendar (`roadmap-calendar.ts`): one split, one measure at each month, also read by a plan adopted from
  // this roadmap.
  const calendar = roadmapCalendar(plan, start, targetDate);
  const { ends, split } = calendar;
  // No target typed: said that the one proposed is the default, and the nearer first step (trial21 T-M13), at the
  // figure the calendar gives the quick wins' end (the software out of support due before it counted, round 28).
  const quickEnd = calendar.phases.find((m) => m.phase === "quick" && m.month);
  const quick = quickEnd?.weighted ?? plan.phases[0]?.weighted;
  const reached = plan.phases.find((p) => p.weighted !== null && Math.abs(p.weighted - plan.target.value) < 1e-6);
  if (
    inputs.targetShare === undefined &&
    reached &&
    quick !== null &&
    quick !== undefined &&
    quick > plan.target.value + 0.05
  )
    vars.target_sentence += ` ${texts(structure, "target.defaulted", {
      quick: formatPercent(quick),
      phase: texts(structure, `phase.${reached.phase}.name`),
      quickPhase: texts(structure, "phase.quick.name"),
    })}`;
  else if (inputs.targetShare === undefined && reached && quickEnd?.month && quick !== null && quick !== undefined) {
    // The quick wins' end already meets the target: the software out of support, due before it, did the rest (a
    // guided phase holding only that software, dated28). The nearer first step is the month it is replaced by.
    const first = [
      ...calendar.unsupported,
      ...calendar.phases.flatMap((m) =>
        m.month && m.weighted !== null ? [{ month: m.month, weighted: m.weighted }] : [],
      ),
    ]
      .filter((m) => m.month < quickEnd.month! && m.weighted !== null && m.weighted > plan.target.value + 0.05)
      .sort((a, b) => a.month.localeCompare(b.month))[0];
    if (first)
      vars.target_sentence += ` ${texts(structure, "target.defaultedEarly", {
        phase: texts(structure, `phase.${reached.phase}.name`),
        month: frenchDate(first.month),
        value: formatPercent(first.weighted!),
        quickPhase: texts(structure, "phase.quick.name"),
        quickMonth: frenchDate(quickEnd.month),
      })}`;
  }
  // A date already past when the document is written is said so, not only « à fixer » (trial14 B9): after the
  // objective, in the paragraph the model never rewrites, so that a written objective never drops it (trial26 T-L5).
  const pastTarget =
    inputs.targetDate && !targetDate
      ? texts(structure, inputs.targetDate.slice(0, 7) < now.slice(0, 7) ? "target.pastDateGone" : "target.pastDate", {
          date: frenchDate(inputs.targetDate),
          start: frenchDate(start),
        })
      : null;
  // Whether the calendar can be kept for what the target requires: said right after the objective, in a paragraph
  // the model never rewrites (the section's `append`), generated or not (trial14 B9, trial19 M4).
  const concerns = calendarConcerns(plan, start, targetDate, (key, v) => texts(structure, key, v));
  // Postes another body equips or decides for (« Les écoles sont équipées par le département »): their replacements
  // are proposed to it, said after the objective and beside each line (trial24 T-L4, `other-body.ts`).
  const others = otherBodies(inputs.context, plan.lines, analysis.name ?? analysis.id);
  const decidedBy = new Map(others.flatMap((o) => o.lines.map((l) => [l, o.of] as const)));
  const otherTexts = others.map((o) =>
    texts(structure, "calendar.otherBody", {
      text: o.text,
      of: o.of,
      products: o.lines.map((l) => l.item.name).join(", "),
      collectivite: vars.collectivite!,
    }),
  );
  const warnings = [...(pastTarget ? [pastTarget] : []), ...concerns.map((c) => c.text), ...otherTexts];
  vars.calendar_warnings = warnings.length ? `${warnings.join("\n\n")}\n\n` : "";

  // What the target requires, product by product.
  const requirement = (l: RoadmapLine) => {
    // The postes kept under their system are not replaced: the line requires the others (trial20 N-H4).
    const moved = l.item.installations - (l.keptBySystem ?? 0);
    return `- ${texts(structure, "target.requiredLine", {
      name: l.item.name,
      installations: `${formatInt(moved)} ${installationWord(moved)}`,
      role: l.role.label ?? categoryWord(l.item.category),
      alternative: l.removal ? texts(structure, "target.removal") : (l.alternative?.name ?? ""),
      points: formatPoints(l.points),
      phase: texts(structure, `phase.${l.phase}.name`),
    })}${l.limited ? ` — ${limitedText(structure, l, "target")}` : ""}${l.unsupported?.length ? ` — ${unsupportedText(structure, l.unsupported, today)}` : ""}`;
  };
  const requirements: string[] = [];
  if (plan.target.reachable && plan.target.required.length === 0) {
    requirements.push(texts(structure, "target.alreadyMet", { target, baseline }));
  } else if (plan.target.reachable) {
    requirements.push(texts(structure, "target.requires", { target }));
    for (const l of plan.target.required.slice(0, MAX_LISTED)) requirements.push(requirement(l));
    if (plan.target.reachedAfter) {
      const last = plan.target.reachedAfter === "deep";
      requirements.push(
        "",
        texts(structure, last ? "target.reachedLast" : "target.reachedAfter", {
          phase: texts(structure, `phase.${plan.target.reachedAfter}.name`),
        }),
      );
    }
  } else {
    requirements.push(texts(structure, "target.unreachable", { target, floor: percentOrDash(plan.target.floor) }));
    for (const l of plan.target.required.slice(0, MAX_LISTED)) requirements.push(requirement(l));
    const without = plan.lines.filter((l) => l.points <= 0).slice(0, 8);
    if (without.length)
      requirements.push(
        "",
        texts(structure, "target.beyondCatalog", {
          products: without
            .map((l) => {
              const partial = partialAlternativesText(l.item.alternatives);
              return partial
                ? texts(structure, "target.beyondPartial", {
                    name: l.item.name,
                    installations: formatInt(l.item.installations),
                    alternatives: partial,
                  })
                : `${l.item.name} (${formatInt(l.item.installations)})`;
            })
            .join(", "),
        }),
      );
  }
  if (plan.kept.length) {
    requirements.push(
      "",
      texts(structure, "target.kept", {
        products: plan.kept
          .slice(0, 6)
          .map((i) => i.name)
          .join(", "),
      }),
    );
  }
  // The collectivité's decisions to keep software: said with the sentence, and those that named nothing, said too.
  for (const d of plan.decided)
    requirements.push(
      "",
      d.items.length
        ? texts(structure, "target.decided", {
            products: d.items.map((i) => i.name).join(", "),
            sentence: d.text.replace(/[.!…\s]+$/u, ""),
          })
        : texts(structure, "target.decidedUnmatched", { sentence: d.text.replace(/[.!…\s]+$/u, "") }),
    );
  // Software that runs only under the postes' system: the postes kept under it, with the sentence (trial20 N-H4).
  for (const b of plan.systemBound) {
    if (b.installations === null) continue;
    requirements.push(
      "",
      texts(structure, "target.systemBound", {
        count: countText("computer", b.installations, formatInt(b.installations)),
        stay: texts(structure, `keptVerb.${b.installations === 1 ? "one" : "other"}`),
        system: b.system,
        items: b.items.length
          ? texts(structure, "target.systemBoundItems", {
              items: b.items
                .map((i) => `${i.name}, ${formatInt(i.installations)} ${installationWord(i.installations)}`)
                .join(" ; "),
            })
          : "",
        sentence: b.text.replace(/[.!…\s]+$/u, ""),
        products: [...new Set(b.lines.filter((l) => l.keptBySystem).map((l) => l.item.name))].join(", "),
      }),
    );
  }
  // Postes kept under an edition without security fixes stay under the system, not under that edition: said once.
  for (const l of plan.lines.filter((x) => x.keptBySystem && x.unsupported?.length)) {
    const day = l.unsupported![0]!;
    requirements.push(
      "",
      texts(structure, "target.systemBoundUnsupported", {
        name: l.item.name,
        when: texts(structure, day <= today ? "phase.unsupportedSince" : "phase.unsupportedFrom", {
          date: frenchDate(day),
        }),
        system: l.keptSystem ?? "",
      }),
    );
  }
  vars.target_requirements = requirements.join("\n");

  vars.baseline_sentence = texts(structure, "baseline.sentence", {
    analysis: analysisLabel(analysis),
    ...counts,
    unknown: plan.measure.unknown.installations
      ? texts(structure, "baseline.unknown", { unknown: formatInt(plan.measure.unknown.installations) })
      : "",
  });
  // A catalog that changed since the analysis for its products: said where the analysis is described and where
  // its alternatives are listed (the figures stay those of the analysis).
  const changed = catalogNotice(analysis);
  if (changed) vars.baseline_sentence += ` ${changed}`;
  vars.baseline_table = markdownTable(
    [
      texts(structure, "baseline.header.category"),
      texts(structure, "baseline.header.products"),
      texts(structure, "baseline.header.installations"),
      texts(structure, "baseline.header.extra"),
      texts(structure, "baseline.header.share"),
    ],
    plan.byCategory.map((r) => [
      categoryLabel(r.category),
      formatInt(r.products),
      formatInt(r.installations),
      formatInt(r.extra),
      // As the global share, over the installations of known origin; when some are unknown, how many are known
      // and how many not is said with it (trial 9: « 100 % » alone for 7 known of 134; trial 14 B15: « 1,6 % » for
      // 6 of 6 known among 370).
      r.known
        ? r.known < r.installations
          ? texts(structure, "baseline.shareWithUnknown", {
              share: formatPercent((r.extra / r.known) * 100),
              known: formatInt(r.known),
              unknown: formatInt(r.installations - r.known),
            })
          : formatPercent((r.extra / r.known) * 100)
        : r.installations
          ? texts(structure, "baseline.allUnknown", { unknown: formatInt(r.installations) })
          : "—",
    ]),
  );

  // The phase that meets the objective is dated with what the objective needs; its other replacements go beyond
  // (`targetSplit`): one story for the calendar and the objective (trial 13, B4). Each phase's figures are those of
  // its end: every replacement due by then, software out of support of a later phase included (`measureAt`).
  const detail: string[] = [];
  const milestoneOf = new Map(calendar.phases.map((m) => [m.phase, m]));
  const phaseValue = new Map<RoadmapPhase, string>();
  for (const phase of plan.phases) {
    detail.push(`### ${texts(structure, `phase.${phase.phase}.name`)}`);
    detail.push(texts(structure, `phase.${phase.phase}.description`));
    if (phase.lines.length === 0) {
      detail.push(texts(structure, "phase.empty"));
      continue;
    }
    const shown = phase.lines.slice(0, MAX_LISTED);
    const more = phase.lines.length - shown.length;
    const end = ends?.[plan.phases.indexOf(phase)] ?? null;
    const rows = shown.map((l) => {
      const row = phaseLine(structure, l, plan.events, end, start, today, targetDate);
      const of = decidedBy.get(l);
      if (!of) return row;
      const [first, ...rest] = row.split("\n");
      return [`${first} — ${texts(structure, "phase.otherBody", { of })}`, ...rest].join("\n");
    });
    // Software out of the vendor's support is here whatever its weight: said once, before it is listed (trial16 C8).
    if (phase.lines.some((l) => l.unsupported?.length)) detail.push(texts(structure, "phase.unsupportedRule"));
    detail.push(rows.join("\n") + (more > 0 ? `\n- ${texts(structure, "more", { count: formatInt(more) })}` : ""));
    // The rule that put consumer apps here, said once where they are listed (trial 9).
    if (phase.lines.some((l) => l.removal && !l.utility))
      detail.push(texts(structure, "phase.removalRule", { max: formatInt(REMOVAL_MAX_INSTALLATIONS) }));
    if (phase.lines.some((l) => l.utility)) detail.push(texts(structure, "phase.utilityRule"));
    // A phase that lowers neither measure says so, rather than « from X % to X % ».
    const m = milestoneOf.get(phase.phase)!;
    const own = split?.phase === phase.phase && split.weighted !== null && end;
    // The whole of the phase that meets the objective is said first, as if done, then what the objective needs.
    const after = own && calendar.splitWhole ? calendar.splitWhole : m;
    // A phase ending before one listed above it (software out of support only, due six months in): its month said,
    // or its figure reads as a rise after the phase above (dated28).
    const before = m.month
      ? calendar.phases.find(
          (p) =>
            p.month &&
            p.month > m.month! &&
            plan.phases.findIndex((q) => q.phase === p.phase) < plan.phases.indexOf(phase),
        )
      : undefined;
    const value =
      m.lowers && after.weighted !== null
        ? texts(
            structure,
            before ? "phase.shareAfterDated" : own || !m.early.length ? "phase.shareAfter" : "phase.shareAfterEarly",
            {
              month: m.month ? frenchDate(m.month) : "",
              previous: before ? texts(structure, `phase.${before.phase}.name`) : "",
              weighted: formatPercent(after.weighted),
              raw: percentOrDash(after.raw),
              phases: [...new Set(m.early.map((l) => texts(structure, `phase.${l.phase}.name`)))].join(" », « "),
              date: frenchDate(
                m.early
                  .map((l) => calendar.dues.get(l)!)
                  .sort()
                  .at(-1) ?? "",
              ),
            },
          )
        : texts(structure, "phase.noChange");
    // The value the phase's milestone shows (for the phase that meets the objective, what the replacements the
    // objective needs leave).
    phaseValue.set(
      phase.phase,
      m.weighted !== null ? formatPercent(m.weighted) : texts(structure, "milestone.noChange"),
    );
    if (own)
      detail.push(
        `${value} ${texts(structure, "phase.splitAfter", {
          needed: formatPercent(m.weighted ?? split.weighted!),
          date: frenchDate(end),
          beyond: split.beyond.map((l) => l.item.name).join(", "),
        })}`,
      );
    else detail.push(value);
  }
  vars.phases_detail = detail.join("\n\n");
  vars.alternatives_table = markdownTable(
    [
      texts(structure, "alternatives.header.software"),
      texts(structure, "alternatives.header.vendor"),
      texts(structure, "alternatives.header.installations"),
      texts(structure, "alternatives.header.laws"),
      texts(structure, "alternatives.header.alternatives"),
      texts(structure, "alternatives.header.phase"),
    ],
    plan.lines
      .slice(0, MAX_LISTED)
      .map((l) => [
        l.inventoryNames.length > 1 ? `${l.item.name} (${inventoryNamesText(structure, l)})` : l.item.name,
        vendorText(l.item),
        `${formatInt(l.item.installations)}${l.keptBySystem ? ` (${keptText(structure, l)})` : ""}`,
        l.laws.length ? lawsText(l.laws) : "—",
        l.removal ? texts(structure, "alternatives.removal") : alternativesText(l.item),
        texts(structure, `phase.${l.phase}.name`),
      ]),
  );
  if (plan.lines.length > MAX_LISTED)
    vars.alternatives_table += `\n\n${sentence(texts(structure, "more", { count: formatInt(plan.lines.length - MAX_LISTED) }))}`;
  if (changed) vars.alternatives_table += `\n\n*${changed}*`;
  // The catalog records this roadmap may cite: its products and their alternatives (`catalogScope` sections).
  vars.catalog_scope = [
    ...new Set(
      analysis.items.flatMap((i) => [
        ...(typeof i.product === "object" && i.product
          ? [`product/${i.product.id}`]
          : typeof i.product === "string"
            ? [`product/${i.product}`]
            : []),
        ...(i.alternatives ?? []).map((a) => `alternative/${a.id}`),
      ]),
    ),
  ].join(" ");
  const alternativeNames = [...new Set(plan.lines.flatMap((l) => (l.item.alternatives ?? []).map((a) => a.name)))];
  vars.alternative_names = alternativeNames.slice(0, 6).join(" ");
  // What the « Alternatives » section's quotations must be about (`names`): any alternative of the table.
  vars.alternative_names_list = alternativeNames.join(" | ");

  // Milestones: the phases that have software share the time to the target date (a quarter, about six tenths, the
  // rest); dated sentences of the local context take their place in the calendar.
  // The starting point is the map, on its own date (« 5 décembre 2026 »); the roadmap's first month is its own row
  // (trial 2026-12-05: the map's figures were dated with the start typed in the form).
  const mapDay = analysisDay(analysis);
  const milestones: { sort: string; row: string[] }[] = [
    {
      sort: mapDay ?? "0000",
      row: [texts(structure, "milestone.start"), mapDay ? frenchDate(mapDay) : "—", baseline, counts.raw],
    },
    // A roadmap starting in the map's own month comes after the map's day (« 5 décembre 2026 », then « décembre 2026 »).
    {
      sort: mapDay?.startsWith(start) ? `${mapDay}!` : `${start}!`,
      row: [texts(structure, "milestone.roadmapStart"), frenchDate(start), "—", "—"],
    },
  ];
  const beyond = plan.phases.filter((p, i) => p.lines.length > 0 && ends !== null && ends[i] === null);
  for (const [i, phase] of plan.phases.entries()) {
    if (phase.lines.length === 0) continue;
    const month = ends ? ends[i]! : null;
    const lowered = phaseValue.get(phase.phase)!;
    const own = split?.phase === phase.phase && month;
    const m = milestoneOf.get(phase.phase)!;
    milestones.push({
      sort: month ?? `9999-${i}`,
      row: [
        texts(structure, own ? "milestone.needed" : `milestone.${phase.phase}`, {
          phase: texts(structure, `phase.${phase.phase}.name`).toLowerCase(),
        }),
        month ? frenchDate(month) : ends ? texts(structure, "milestone.beyondTarget") : message("drafts.toSet"),
        lowered,
        lowered.endsWith("%") ? percentOrDash(m.raw) : "—",
      ],
    });
    // The rest of that phase: beyond the objective, with what it would leave once done too (every dated replacement
    // counted, `splitWhole`).
    const whole = calendar.splitWhole;
    if (own && whole?.weighted != null)
      milestones.push({
        sort: `9999-${i}`,
        row: [
          texts(structure, "milestone.beyondPart", {
            phase: texts(structure, `phase.${phase.phase}.name`).toLowerCase(),
            count: formatInt(split.beyond.length),
          }),
          texts(structure, "milestone.beyondTarget"),
          formatPercent(whole.weighted),
          percentOrDash(whole.raw),
        ],
      });
  }
  // The commitment itself, on its date: the value a plan adopted from this roadmap holds the collectivité to (a
  // phase may be projected lower on the same date).
  if (targetDate)
    milestones.push({
      sort: `${targetDate.slice(0, 7)}~`,
      row: [
        texts(structure, "milestone.target"),
        frenchDate(targetDate.slice(0, 7)),
        texts(structure, "milestone.targetValue", { target }),
        "—",
      ],
    });
  // Software out of the vendor's support, due before its phase ends: one row per month they are due by, with the
  // measures then (every replacement due by that month, `measureAt`).
  for (const u of calendar.unsupported)
    milestones.push({
      sort: `${u.month}-`,
      row: [
        texts(structure, "milestone.unsupported", {
          products: [...new Set(u.lines.map((l) => lineLabel(l, plan.lines)))].join(", "),
        }),
        frenchDate(u.month),
        percentOrDash(u.weighted),
        percentOrDash(u.raw),
      ],
    });
  for (const e of plan.events) {
    // A line the sentence names by one of its editions only is said « en partie ».
    const names = [
      ...e.lines.map((l) => lineLabel(l, plan.lines)),
      ...(e.partial ?? []).map((l) => texts(structure, "milestone.localPart", { name: productLabel(l.item) })),
    ];
    milestones.push({
      sort: e.date.length === 4 ? `${e.date}-12` : e.date,
      row: [
        texts(
          structure,
          e.contractEnd
            ? names.length
              ? "milestone.contractWith"
              : "milestone.contract"
            : e.notBefore
              ? names.length
                ? "milestone.notBeforeWith"
                : "milestone.notBefore"
              : names.length
                ? "milestone.localWith"
                : "milestone.local",
          {
            text: e.text.replace(/[.!…\s]+$/u, ""),
            products: [...new Set(names)].join(", "),
          },
        ),
        frenchDate(e.date),
        "—",
        "—",
      ],
    });
  }
  milestones.sort((a, b) => a.sort.localeCompare(b.sort));
  vars.calendar_table = markdownTable(
    [
      texts(structure, "milestone.header.name"),
      texts(structure, "milestone.header.date"),
      texts(structure, "milestone.header.share"),
      texts(structure, "milestone.header.raw"),
    ],
    milestones.map((m) => m.row),
  );
  vars.calendar_intro = texts(
    structure,
    !targetDate
      ? "calendar.introToSet"
      : beyond.length
        ? "calendar.introDatedBeyond"
        : split
          ? "calendar.introDatedSplit"
          : "calendar.introDated",
    {
      phase: split ? texts(structure, `phase.${split.phase}.name`).toLowerCase() : "",
      count: split ? formatInt(split.beyond.length) : "",
      date: targetDate ? frenchDate(targetDate) : "",
      beyond: beyond.map((p) => texts(structure, `phase.${p.phase}.name`).toLowerCase()).join(", "),
      start: frenchDate(start),
      due: beyondDue(structure, plan, calendar, beyond),
      // Only when the local context gave dated events: they are then in the calendar.
      local: plan.events.length ? texts(structure, "calendar.local") : "",
      localToSet: plan.events.length ? texts(structure, "calendar.localToSet") : "",
    },
  );
  // The target met before its date (a phase of software out of support only, due six months in): said so.
  vars.calendar_intro += metEarly(structure, plan, calendar, targetDate);
  // A requested start already past when the roadmap is written moves after that day: the document says so.
  if (inputs.startDate && inputs.startDate.slice(0, 7) !== start)
    vars.calendar_intro = `${message("drafts.calendar.shifted", { requested: frenchDate(inputs.startDate.slice(0, 7)), start: frenchDate(start) })} ${vars.calendar_intro}`;

  const data = dataBlock([
    [texts(structure, "data.collectivite"), describeCollectivite(c)],
    [
      texts(structure, "data.cartographie"),
      `analyse « ${analysisLabel(analysis)} » : ${counts.total} installations de ${counts.products} logiciels${plan.measure.components.items ? `, hors ${countText("component", plan.measure.components.items, formatInt(plan.measure.components.items))} mis de côté` : ""}`,
    ],
    [
      texts(structure, "data.installationsDeLogicielsD"),
      `${counts.extra} (${counts.raw} des installations dont l'origine est connue)`,
    ],
    [texts(structure, "data.expositionPondereeRoleDe"), counts.weighted],
    [
      texts(structure, "data.installationsDontLOrigine"),
      plan.measure.unknown.installations ? formatInt(plan.measure.unknown.installations) : undefined,
    ],
    [
      texts(structure, "data.objectif"),
      texts(structure, targetDate ? "data.objectiveWithDate" : "data.objectiveNoDate", {
        baseline,
        target,
        date: byDate,
      }),
    ],
    [texts(structure, "data.ceQueLObjectif"), requirements.filter(Boolean).map((r) => r.replace(/^- /, ""))],
    [texts(structure, "data.debutDeLaFeuille"), frenchDate(start)],
    [texts(structure, "data.jalonsJalonEcheanceExposition"), milestones.map((m) => m.row.join(" — "))],
    [
      texts(structure, "data.phaseLines"),
      plan.lines
        .slice(0, MAX_LISTED)
        .map(
          (l) =>
            `${texts(structure, `phase.${l.phase}.name`)} : ${l.item.name} — ${vendorText(l.item)} — ${formatInt(l.item.installations)}${l.keptBySystem ? ` (${keptText(structure, l)})` : ""} — ${l.laws.length ? lawsText(l.laws) : "—"} — ${alternativesText(l.item)}`,
        ),
    ],
    [
      texts(structure, "data.unsupported"),
      plan.lines
        .filter((l) => l.unsupported?.length)
        .slice(0, MAX_LISTED)
        .map(
          (l) =>
            `${l.item.name} (${formatInt(l.item.installations)} ${installationWord(l.item.installations)}) : ${unsupportedText(structure, l.unsupported!, today)} (${texts(structure, `phase.${l.phase}.name`)})`,
        ),
    ],
    [texts(structure, "data.contexteLocal"), inputs.context],
    // The calendar's reserves, printed after the objective: data the model reads, and what the figure check accepts.
    [texts(structure, "data.calendar"), concerns.map((c) => c.text)],
  ]);
  // What the context says of others is checked against the corpus, not taken as data (`contextClaims`).
  return {
    ...finish(fill(structure.title, vars), c.name, vars, data, structure.tone, inputs.context, ownItemNames(analysis)),
    own: roadmapOwnData(plan, { date: targetDate, start }),
    planned: plannedReplacements(structure, plan, ends, start, targetDate),
  };
}

/**
 * « Sauf les logiciels sans support de l'éditeur (…) : … d'ici juillet 2027 » after the intro's « restent à programmer »:
 * the phases beyond the objective (or the rest of the phase that meets it) whose software out of support is still
 * due six months in (`lineDues`), as the calendar's row says (dated28). Empty when none is.
 */
function beyondDue(
  structure: DocumentStructure,
  plan: RoadmapPlan,
  calendar: RoadmapCalendar,
  beyond: RoadmapPlan["phases"],
): string {
  const phases = new Set(beyond.map((p) => p.phase));
  const lines = plan.lines.filter(
    (l) =>
      l.unsupported?.length &&
      (phases.has(l.phase) || calendar.split?.phase === l.phase) &&
      (calendar.dues.get(l) ?? null) !== null &&
      (calendar.ends?.[plan.phases.findIndex((p) => p.phase === l.phase)] ?? null) === null,
  );
  if (!lines.length) return "";
  const last = lines
    .map((l) => calendar.dues.get(l)!)
    .sort()
    .at(-1)!;
  return texts(structure, "calendar.beyondUnsupported", {
    products: lines.map((l) => l.item.name).join(", "),
    date: frenchDate(last),
  });
}

/**
 * « À ce rythme, l'objectif est atteint dès mars 2028, avant l'échéance » when the calendar's measure meets the target
 * at a phase's end before the target's date: a phase holding only software out of support ends when it is due
 * (`phaseEnds`), and the quick wins' end then already meets the target (dated28). Empty otherwise.
 */
function metEarly(
  structure: DocumentStructure,
  plan: RoadmapPlan,
  calendar: RoadmapCalendar,
  targetDate: string | undefined,
): string {
  if (!targetDate || !plan.target.reachable || plan.target.required.length === 0) return "";
  const target = targetDate.slice(0, 7);
  const met = calendar.phases
    .filter((m) => m.month && m.month < target)
    .map((m) => ({ month: m.month!, at: measureAt(plan, calendar.dues, m.month!) }))
    .filter((m) => m.at.weighted !== null && m.at.weighted <= plan.target.value + 1e-6)
    .sort((a, b) => a.month.localeCompare(b.month))[0];
  if (!met) return "";
  const due = plan.lines
    .filter((l) => l.unsupported?.length && (calendar.dues.get(l) ?? "9999") <= met.month)
    .map((l) => calendar.dues.get(l)!)
    .sort()
    .at(-1);
  if (!due) return "";
  return texts(structure, "calendar.metEarly", { month: frenchDate(met.month), due: frenchDate(due) });
}
