/** The audit plan: scope by category, phases split over the months given, and its data block. */
import { fold, frenchDate, localDay } from "../../core/text.ts";
import { CATEGORIES } from "../../corpus/schema.ts";
import { message } from "../../i18n/messages.ts";
import { wordListEntries } from "../../i18n/word-lists.ts";
import { addMonths, calendarStart } from "../calendar.ts";
import type { AuditPlanInputs } from "../inputs.ts";
import { roadmapOwnData } from "../own-data.ts";
import { planRoadmap } from "../roadmap-plan.ts";
import { type DocumentStructure, fill } from "../structure.ts";
import type { DraftContext, InventoryAnalysis } from "../types.ts";
import {
  analysisSentence,
  attributedContext,
  baseVars,
  catalogNotice,
  categoryLabel,
  dataBlock,
  describeCollectivite,
  finish,
  markdownTable,
  ownItemNames,
  productLabel,
  texts,
} from "./common.ts";

/** « la … », « l'adjointe … », « Mme … » (`feminine-titles.txt`): a person said in the feminine. */
const FEMININE_TITLE = new RegExp(
  `^\\s*(?:la\\s|(?:l['’]\\s*)?(?:${wordListEntries("feminine-titles.txt")
    .map((w) => fold(w).replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|")})(?!\\p{L}))`,
  "iu",
);

/** Every category of the catalog but « other »: the audit covers each in turn. */
const AUDIT_CATEGORIES = CATEGORIES.filter((c) => c !== "other");
const AUDIT_PHASES = [
  { key: "framing", weight: 1 },
  { key: "inventory", weight: 2 },
  { key: "interviews", weight: 1.5 },
  { key: "analysis", weight: 1.5 },
  { key: "report", weight: 1 },
];

/**
 * Spreads weighted phases over exactly `total` months: each phase gets its share of the time (in months, possibly
 * fractional) and the calendar months it touches, counted from 0; when there are more phases than months, two
 * phases share a month rather than the study growing longer than asked.
 * @example phaseSpans(4, [1, 1]) // [{ from: 0, to: 1, months: 2 }, { from: 2, to: 3, months: 2 }]
 */
export function phaseSpans(total: number, weights: number[]): { from: number; to: number; months: number }[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  return weights.map((w) => {
    const start = (cumulative / sum) * total;
    cumulative += w;
    const end = (cumulative / sum) * total;
    const from = Math.floor(start + 1e-9);
    return { from, to: Math.max(from, Math.ceil(end - 1e-9) - 1), months: end - start };
  });
}

/** A phase's length in words: « 2 mois », or in weeks below a month and a half (« 3 semaines »). */
function lengthText(structure: DocumentStructure, months: number): string {
  if (months >= 1.5) return texts(structure, "calendar.months", { months: String(Math.round(months)) });
  return texts(structure, "calendar.weeks", { weeks: String(Math.max(1, Math.round(months * 4.35))) });
}

/**
 * A software name as a reader compares two: case, accents, spacing and punctuation left out (« Ciril Civil Net »,
 * « CIRIL  civil net », « Logiciel de l’État civil » and « logiciel de l'etat civil » are one name).
 */
const sameName = (name: string) => fold(name).replace(/[^\p{L}\p{N}]+/gu, "");

/**
 * Business software of a map, most installed first, each name once (two modules of one product, « Civil Net
 * Finances » and « Civil Net RH », are one catalog product — trial7 B7): what the study's « logiciels métiers »
 * starts from.
 */
function businessOf(analysis: InventoryAnalysis | null): string[] {
  if (!analysis) return [];
  const seen = new Set<string>();
  return [...analysis.items]
    .filter((i) => i.category === "business" && i.installations > 0)
    .sort((a, b) => b.installations - a.installations)
    .map((i) => productLabel(i))
    .filter((name) => !seen.has(sameName(name)) && !!seen.add(sameName(name)));
}

export function auditPlanContext(
  inputs: AuditPlanInputs,
  analysis: InventoryAnalysis | null,
  structure: DocumentStructure,
  now: string,
): DraftContext {
  const c = inputs.collectivite;
  const vars: Record<string, string> = { ...baseVars(c) };
  // What the DSI says of the collectivité is their information (attributed); what they say of others is checked.
  vars.local_context = inputs.context
    ? `${attributedContext(inputs.context, c.name, texts(structure, "context.own"), undefined, ownItemNames(analysis))} `
    : "";
  // A first map, when the DSI has one: the study starts from its counts (the same sentence as the other documents).
  vars.analysis_sentence = analysisSentence(structure, analysis, now, vars);
  if (catalogNotice(analysis)) vars.analysis_sentence += `${catalogNotice(analysis)} `;
  vars.services_phrase = inputs.services?.length
    ? texts(structure, "services.list", { services: inputs.services.join(", ") })
    : texts(structure, "services.all", vars);
  // What the DSI typed (« paie », « SIG ») and what the map found (product names) are two lists, never one.
  const known = inputs.businessSoftware ?? [];
  const mapped = businessOf(analysis)
    .filter((n) => !known.some((k) => sameName(k) === sameName(n)))
    .slice(0, Math.max(0, 12 - known.length));
  const businessSoftware = [...known, ...mapped];
  const business = [
    known.length ? texts(structure, "scope.businessExamples", { software: known.join(", ") }) : "",
    mapped.length ? texts(structure, "scope.businessFromMap", { software: mapped.join(", ") }) : "",
  ]
    .filter(Boolean)
    .map((t) => ` ${t}`)
    .join("");
  const scopeRows: string[][] = [];
  for (const cat of AUDIT_CATEGORIES)
    scopeRows.push([categoryLabel(cat), `${texts(structure, `category.${cat}`)}${cat === "business" ? business : ""}`]);
  vars.scope_table = markdownTable(
    [texts(structure, "scope.header.category"), texts(structure, "scope.header.content")],
    scopeRows,
  );
  const criteriaRows: string[][] = [];
  for (const key of ["legal", "cost", "formats", "reversibility", "criticality"]) {
    criteriaRows.push([texts(structure, `criterion.${key}.name`), texts(structure, `criterion.${key}.question`)]);
  }
  vars.criteria_table = markdownTable(
    [texts(structure, "criteria.header.name"), texts(structure, "criteria.header.question")],
    criteriaRows,
  );

  const calendarRows: string[][] = [];
  const toSet = message("drafts.toSet");
  // A start already past when the plan is written moves to the next month (the plan says so).
  const startShift = inputs.startDate ? calendarStart(inputs.startDate, now) : null;
  const startDate = startShift?.start;
  const spans = inputs.durationMonths
    ? phaseSpans(
        inputs.durationMonths,
        AUDIT_PHASES.map((p) => p.weight),
      )
    : null;
  for (const [i, phase] of AUDIT_PHASES.entries()) {
    let period = toSet;
    const span = spans?.[i];
    if (span) {
      if (startDate) {
        const from = addMonths(startDate, span.from);
        const to = addMonths(startDate, span.to);
        period = from === to ? frenchDate(from) : `${frenchDate(from)} – ${frenchDate(to)}`;
      } else {
        period = lengthText(structure, span.months);
      }
    }
    // A plan written from a map starts from its inventory: the step completes it rather than extracting it again.
    const content =
      analysis && structure.texts[`phase.${phase.key}.contentFromMap`] !== undefined ? "contentFromMap" : "content";
    calendarRows.push([
      texts(structure, `phase.${phase.key}.name`),
      period,
      texts(structure, `phase.${phase.key}.${content}`),
    ]);
  }
  vars.calendar_table = markdownTable(
    [
      texts(structure, "calendar.header.phase"),
      texts(structure, "calendar.header.period"),
      texts(structure, "calendar.header.content"),
    ],
    calendarRows,
  );
  vars.calendar_intro = inputs.durationMonths
    ? texts(structure, startDate ? "calendar.introDated" : "calendar.introDuration", {
        months: String(inputs.durationMonths),
        start: startDate ? frenchDate(startDate) : "",
      })
    : texts(structure, "calendar.introToSet");
  if (startShift?.shifted)
    vars.calendar_intro = `${message("drafts.calendar.shifted", { requested: frenchDate(inputs.startDate!), start: frenchDate(startShift.start) })} ${vars.calendar_intro}`;

  // The sponsor said « l'adjointe au maire … »: « Élue référente », « présidé par l'élue référente » (trial26 T-L1).
  const feminine = inputs.sponsor ? FEMININE_TITLE.test(fold(inputs.sponsor)) : false;
  const sponsorKey = (key: string) => (feminine ? `${key}.feminine` : key);
  vars.sponsor_ref = texts(structure, sponsorKey("team.sponsorRef"));
  const team = [
    [texts(structure, sponsorKey("team.sponsor")), inputs.sponsor ?? texts(structure, "team.toAppoint")],
    [texts(structure, "team.lead"), inputs.lead ?? texts(structure, "team.toAppoint")],
    ...(inputs.team?.length ? [[texts(structure, "team.members"), inputs.team.join(", ")]] : []),
  ];
  vars.team_list = team.map(([k, v]) => `- **${k}** : ${v}`).join("\n");

  const data = dataBlock([
    [texts(structure, "data.collectivite"), describeCollectivite(c)],
    [texts(structure, "data.servicesConcernes"), inputs.services?.join(", ")],
    [texts(structure, "data.logicielsMetiersConnus"), businessSoftware.join(", ") || undefined],
    [texts(structure, "data.cartographie"), vars.analysis_sentence?.trim() || undefined],
    [texts(structure, "data.debutDeLEtude"), startDate ? frenchDate(startDate) : undefined],
    [texts(structure, "data.dureeDeLEtude"), inputs.durationMonths ? `${inputs.durationMonths} mois` : undefined],
    [texts(structure, "data.eluReferent"), inputs.sponsor],
    [texts(structure, "data.chefDeProjet"), inputs.lead],
    [texts(structure, "data.equipe"), inputs.team?.join(", ")],
    [texts(structure, "data.contexteLocal"), inputs.context],
    [texts(structure, "data.auteurDuPlan"), inputs.author],
    [texts(structure, "data.dateDuDocument"), frenchDate(localDay(now))],
  ]);
  // What the context says of others is checked against the corpus, not taken as data (`contextClaims`).
  return {
    ...finish(fill(structure.title, vars), c.name, vars, data, structure.tone, inputs.context, ownItemNames(analysis)),
    ...(analysis ? { own: roadmapOwnData(planRoadmap(analysis, { now })) } : {}),
  };
}
