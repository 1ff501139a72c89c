/**
 * The structured data of each document: the placeholder values of its templates, the data block shown to the
 * model, and the texts the figure check accepts as sources. Every number here comes from the user's inputs or is
 * computed from them (shares of a saved analysis, calendar dates): nothing is invented, and all of it is listed
 * in `facts` so the figure check knows where each figure came from.
 */
import { frenchDate } from "../core/text.ts";
import { message } from "../i18n/messages.ts";
import { calendarStart } from "./calendar.ts";
import { fill, type DocumentStructure } from "./structure.ts";
import type { AuditPlanInputs, BriefingInputs, LetterInputs, RoadmapInputs } from "./inputs.ts";
import { exposureLabel } from "../corpus/catalog.ts";
import { planRoadmap, type LocalEvent, type RoadmapLine, type RoadmapPhase, type RoadmapPlan } from "./roadmap-plan.ts";
import type { AnalysisItem, DraftType, InventoryAnalysis } from "./types.ts";

export interface DraftContext {
  /** Title of the document (title block, file name). */
  title: string;
  collectivite: string;
  /** Placeholder values shared by all sections. */
  vars: Record<string, string>;
  /** The data block given to the model, one fact a line. */
  data: string;
  /** Texts the figure check accepts as sources, besides the passages. */
  facts: string[];
  tone: string;
}

// ---------- French formatting ----------

const NBSP = "\u00a0";
const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

/** 103164 → « 103 164 » (non-breaking space, as French typography and the figure check expect). */
export const formatInt = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);

/** 78.4 → « 78 % »; below 10, one decimal (« 4,5 % »). */
export function formatPercent(n: number): string {
  const rounded = n < 10 && n > 0 && !Number.isInteger(n) ? Math.round(n * 10) / 10 : Math.round(n);
  return `${String(rounded).replace(".", ",")}${NBSP}%`;
}

export { frenchDate };

/** Adds months to an ISO month or date, keeping month precision: (« 2026-04 », 3) → « 2026-07 ». */
export function addMonths(iso: string, months: number): string {
  const [y, m] = iso.split("-").map(Number);
  const index = (y ?? 2000) * 12 + ((m ?? 1) - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

const monthsBetween = (from: string, to: string) => {
  const [y1, m1] = from.split("-").map(Number);
  const [y2, m2] = to.split("-").map(Number);
  return (y2! - y1!) * 12 + (m2! - m1!);
};

/** A Markdown pipe table; `|` inside cells is escaped. */
export function markdownTable(headers: string[], rows: string[][]): string {
  const cell = (s: string) => s.replaceAll("|", "\\|").replace(/\n/g, " ");
  return [headers, headers.map(() => "---"), ...rows].map((r) => `| ${r.map(cell).join(" | ")} |`).join("\n");
}

const sentence = (s: string) => (/[.!?;:…]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);
const categoryLabel = (c: string | null | undefined) => {
  try {
    return message(`drafts.category.${c ?? "unknown"}`);
  } catch {
    return c ?? message("drafts.category.unknown");
  }
};
const fitLabel = (fit: string) => {
  try {
    return message(`drafts.fit.${fit}`);
  } catch {
    return fit;
  }
};

/** The data block: one « label : value » a line, lists as indented dashes; empty values left out. */
function dataBlock(entries: [string, string | string[] | undefined][]): string {
  const lines: string[] = [];
  for (const [label, value] of entries) {
    if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) continue;
    if (Array.isArray(value)) lines.push(`${label} :`, ...value.map((v) => `- ${v}`));
    else lines.push(`${label} : ${value}`);
  }
  return lines.join("\n").replaceAll("<<<", "«").replaceAll(">>>", "»");
}

type Collectivite = LetterInputs["collectivite"];

function describeCollectivite(c: Collectivite): string {
  const parts = [c.kind, c.department, c.region, c.population ? `${formatInt(c.population)} habitants` : undefined, c.agents ? `${formatInt(c.agents)} agents` : undefined, c.workstations ? `${formatInt(c.workstations)} postes de travail` : undefined].filter(Boolean);
  return parts.length ? `${c.name} (${parts.join(" ; ")})` : c.name;
}

function baseVars(c: Collectivite): Record<string, string> {
  return {
    collectivite: c.name,
    collectivite_kind: c.kind ?? "collectivité",
    collectivite_region: c.region ?? c.department ?? "",
  };
}

const texts = async (structure: DocumentStructure, key: string, vars: Record<string, string> = {}) => {
  const t = structure.texts[key];
  if (t === undefined) throw new Error(`prompts: texte « ${key} » manquant`);
  return fill(t, vars);
};

const finish = (title: string, collectivite: string, vars: Record<string, string>, data: string, tone: string): DraftContext => ({
  title,
  collectivite,
  vars,
  data,
  facts: [data, ...Object.values(vars)],
  tone,
});

// ---------- Letter ----------

/** « Madame » + « Présidente de QBO » → « Madame la Présidente »; without civility « Madame, Monsieur ». */
export function salutationFor(recipient: LetterInputs["recipient"]): string {
  if (recipient.salutation) return recipient.salutation;
  if (!recipient.civility) return "Madame, Monsieur";
  const role = recipient.role.trim().split(/\s+(?:de|du|des|d'|chargée?|en)\b/i)[0]!.trim();
  const capitalized = role.charAt(0).toUpperCase() + role.slice(1);
  return `${recipient.civility} ${recipient.civility === "Madame" ? "la" : "le"} ${capitalized}`;
}

async function letterContext(inputs: LetterInputs, analysis: InventoryAnalysis | null, structure: DocumentStructure, now: string): Promise<DraftContext> {
  const c = inputs.collectivite;
  const vars: Record<string, string> = { ...baseVars(c) };
  vars.salutation = salutationFor(inputs.recipient);
  vars.recipient_name = inputs.recipient.name;
  vars.recipient_role = inputs.recipient.role;
  vars.sender = inputs.sender.name;
  vars.subject = inputs.subject ?? (await texts(structure, "subject.default", vars));
  vars.sender_intro = await texts(structure, "sender_intro", { sender: inputs.sender.name, sender_description: inputs.sender.description ? `, ${inputs.sender.description}` : "" });
  vars.local_context = inputs.context ? `${sentence(inputs.context)} ` : "";
  // The counts of a map the sender was given: the same sentence parts as the roadmap and the briefing.
  const plan = analysis ? planRoadmap(analysis, { now }) : null;
  const counts = plan ? await measureSentences(structure, plan) : null;
  vars.analysis_sentence = counts ? `${await texts(structure, "analysis.sentence", { ...counts, collectivite: c.name })} ` : "";
  const requests: string[] = [];
  for (const r of inputs.requests) requests.push(structure.texts[`request.${r}`] !== undefined ? await texts(structure, `request.${r}`, vars) : sentence(r));
  vars.requests_list = requests.map((r) => `- ${r}`).join("\n");
  vars.closing_formula = await texts(structure, `closing.${inputs.tone}`, vars);
  vars.signature = [`${await texts(structure, "signature.for", { sender: inputs.sender.name })}`, inputs.sender.signatory, inputs.sender.url, inputs.sender.contact].filter(Boolean).join("\n");
  const date = inputs.date ?? now.slice(0, 10);
  vars.date = frenchDate(date);
  const data = dataBlock([
    ["Collectivité", describeCollectivite(c)],
    ["Destinataire", `${inputs.recipient.name}, ${inputs.recipient.role} (appel : « ${vars.salutation} »)`],
    ["Expéditeur", inputs.sender.description ? `${inputs.sender.name}, ${inputs.sender.description}` : inputs.sender.name],
    ["Contexte local", inputs.context],
    ["Cartographie de la collectivité", vars.analysis_sentence.trim() || undefined],
    ["Demandes de l'expéditeur, dans l'ordre", requests],
    ["Date du courrier", vars.date],
  ]);
  const title = await fill(structure.title, vars);
  return finish(title, c.name, vars, data, structure.tones?.[inputs.tone] ?? structure.tone);
}

// ---------- Audit plan ----------

const AUDIT_CATEGORIES = ["workstation", "collaboration", "security", "ai", "database", "virtualization", "network", "business", "hosting"];
const AUDIT_PHASES = [
  { key: "framing", weight: 1 },
  { key: "inventory", weight: 2 },
  { key: "interviews", weight: 1.5 },
  { key: "analysis", weight: 1.5 },
  { key: "report", weight: 1 },
];

/** Splits `total` months across weighted phases, each at least one month, summing to `total` when possible. */
export function splitMonths(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  let previous = 0;
  return weights.map((w) => {
    cumulative += w;
    const end = Math.max(previous + 1, Math.round((cumulative / sum) * total));
    const months = end - previous;
    previous = end;
    return months;
  });
}

async function auditPlanContext(inputs: AuditPlanInputs, structure: DocumentStructure, now: string): Promise<DraftContext> {
  const c = inputs.collectivite;
  const vars: Record<string, string> = { ...baseVars(c) };
  vars.local_context = inputs.context ? `${sentence(inputs.context)} ` : "";
  vars.services_phrase = inputs.services?.length
    ? await texts(structure, "services.list", { services: inputs.services.join(", ") })
    : await texts(structure, "services.all", vars);
  const business = inputs.businessSoftware?.length ? ` ${await texts(structure, "scope.businessExamples", { software: inputs.businessSoftware.join(", ") })}` : "";
  const scopeRows: string[][] = [];
  for (const cat of AUDIT_CATEGORIES) scopeRows.push([categoryLabel(cat), `${await texts(structure, `category.${cat}`)}${cat === "business" ? business : ""}`]);
  vars.scope_table = markdownTable([await texts(structure, "scope.header.category"), await texts(structure, "scope.header.content")], scopeRows);
  const criteriaRows: string[][] = [];
  for (const key of ["legal", "cost", "formats", "reversibility", "criticality"]) {
    criteriaRows.push([await texts(structure, `criterion.${key}.name`), await texts(structure, `criterion.${key}.question`)]);
  }
  vars.criteria_table = markdownTable([await texts(structure, "criteria.header.name"), await texts(structure, "criteria.header.question")], criteriaRows);

  const calendarRows: string[][] = [];
  const toSet = message("drafts.toSet");
  // A start already past when the plan is written moves to the next month (the plan says so).
  const startShift = inputs.startDate ? calendarStart(inputs.startDate, now) : null;
  const startDate = startShift?.start;
  const durations = inputs.durationMonths ? splitMonths(inputs.durationMonths, AUDIT_PHASES.map((p) => p.weight)) : null;
  let offset = 0;
  for (const [i, phase] of AUDIT_PHASES.entries()) {
    let period = toSet;
    if (durations) {
      const months = durations[i]!;
      if (startDate) {
        const from = addMonths(startDate, offset);
        const to = addMonths(startDate, offset + months - 1);
        period = from === to ? frenchDate(from) : `${frenchDate(from)} – ${frenchDate(to)}`;
      } else {
        period = await texts(structure, "calendar.months", { months: String(months) });
      }
      offset += months;
    }
    calendarRows.push([await texts(structure, `phase.${phase.key}.name`), period, await texts(structure, `phase.${phase.key}.content`)]);
  }
  vars.calendar_table = markdownTable(
    [await texts(structure, "calendar.header.phase"), await texts(structure, "calendar.header.period"), await texts(structure, "calendar.header.content")],
    calendarRows,
  );
  vars.calendar_intro = inputs.durationMonths
    ? await texts(structure, startDate ? "calendar.introDated" : "calendar.introDuration", {
        months: String(inputs.durationMonths),
        start: startDate ? frenchDate(startDate) : "",
      })
    : await texts(structure, "calendar.introToSet");
  if (startShift?.shifted) vars.calendar_intro = `${message("drafts.calendar.shifted", { requested: frenchDate(inputs.startDate!), start: frenchDate(startShift.start) })} ${vars.calendar_intro}`;

  const team = [
    [await texts(structure, "team.sponsor"), inputs.sponsor ?? (await texts(structure, "team.toAppoint"))],
    [await texts(structure, "team.lead"), inputs.lead ?? (await texts(structure, "team.toAppoint"))],
    ...(inputs.team?.length ? [[await texts(structure, "team.members"), inputs.team.join(", ")]] : []),
  ];
  vars.team_list = team.map(([k, v]) => `- **${k}** : ${v}`).join("\n");

  const data = dataBlock([
    ["Collectivité", describeCollectivite(c)],
    ["Services concernés", inputs.services?.join(", ")],
    ["Logiciels métiers connus", inputs.businessSoftware?.join(", ")],
    ["Début de l'étude", startDate ? frenchDate(startDate) : undefined],
    ["Durée de l'étude", inputs.durationMonths ? `${inputs.durationMonths} mois` : undefined],
    ["Élu référent", inputs.sponsor],
    ["Chef de projet", inputs.lead],
    ["Équipe", inputs.team?.join(", ")],
    ["Contexte local", inputs.context],
    ["Auteur du plan", inputs.author],
    ["Date du document", frenchDate(now.slice(0, 10))],
  ]);
  return finish(await fill(structure.title, vars), c.name, vars, data, structure.tone);
}

// ---------- Roadmap ----------

/** Software listed by name in tables and in the model's data; the rest is counted (large inventories). */
const MAX_LISTED = 40;

const vendorText = (i: AnalysisItem) => {
  const country = i.vendor?.parent?.country ?? i.vendor?.country;
  return i.vendor ? `${i.vendor.name}${country ? ` (${country})` : ""}` : (i.publisher ?? "?");
};
const alternativesText = (i: AnalysisItem) =>
  (i.alternatives ?? []).length ? (i.alternatives ?? []).map((a) => `${a.name}${a.country ? ` (${a.country})` : ""} — ${fitLabel(a.fit)}`).join(" ; ") : "—";
const lawsText = (laws: string[]) => laws.map(exposureLabel).join(", ");
/** « 12,5 points » → one decimal, French comma. */
const formatPoints = (n: number) => `${String(Math.round(n * 10) / 10).replace(".", ",")}${NBSP}point${Math.round(n * 10) / 10 >= 2 ? "s" : ""}`;
const percentOrDash = (n: number | null) => (n === null ? "—" : formatPercent(n));
const productLabel = (i: AnalysisItem) => (typeof i.product === "object" && i.product ? i.product.name : i.name);

/** The month a roadmap starts: the one given, but never before the month after the document is generated. */
export function roadmapStart(startDate: string | undefined, now: string): string {
  const next = addMonths(now.slice(0, 7), 1);
  const given = startDate?.slice(0, 7);
  return given && given > next ? given : next;
}

/** The sentences every document uses for the counts of an analysis: one wording, one set of numbers. */
async function measureSentences(structure: DocumentStructure, plan: RoadmapPlan) {
  const m = plan.measure;
  return {
    total: formatInt(m.installations),
    products: formatInt(m.items),
    extra: formatInt(m.raw.exposed),
    raw: percentOrDash(plan.baseline.raw),
    weighted: percentOrDash(plan.baseline.weighted),
    components: m.components.items
      ? await texts(structure, "measure.components", { components: formatInt(m.components.items), installations: formatInt(m.components.installations) })
      : "",
  };
}

/** A line of a phase: name, installations, role, law; alternative and the points it removes; a local deadline. */
async function phaseLine(structure: DocumentStructure, l: RoadmapLine, events: LocalEvent[]): Promise<string> {
  const facts = [`${formatInt(l.item.installations)} ${installationWord(l.item.installations)}`, l.role.label, l.laws.length ? lawsText(l.laws) : null].filter(Boolean).join(", ");
  const alt = l.alternative
    ? `${l.alternative.name} (${fitLabel(l.alternative.fit)})${l.points > 0 ? ` — ${await texts(structure, "phase.points", { points: formatPoints(l.points) })}` : ` — ${await texts(structure, "phase.noGain")}`}`
    : (structure.texts["phase.noAlternative"] ?? "");
  const deadline = events.filter((e) => e.lines.includes(l)).map((e) => frenchDate(e.date))[0];
  return `- **${l.item.name}** (${facts}) → ${alt}${deadline ? ` ; ${await texts(structure, "phase.localDeadline", { date: deadline })}` : ""}`;
}

async function roadmapContext(inputs: RoadmapInputs, analysis: InventoryAnalysis, structure: DocumentStructure, now: string): Promise<DraftContext> {
  const c = inputs.collectivite;
  const vars: Record<string, string> = { ...baseVars(c) };
  const plan = planRoadmap(analysis, { target: inputs.targetShare, context: inputs.context, now });
  const counts = await measureSentences(structure, plan);
  const start = roadmapStart(inputs.startDate, now);
  const baseline = counts.weighted;
  const target = formatPercent(plan.target.value);
  // A target date that does not lie after the start cannot carry a calendar: it is to be set again, and said so.
  const targetDate = inputs.targetDate && inputs.targetDate.slice(0, 7) > start ? inputs.targetDate : undefined;
  vars.computation_note = computationNote(analysis);
  vars.baseline_share = baseline;
  vars.target_share = target;
  vars.target_sentence = await texts(structure, targetDate ? "target.withDate" : "target.noDate", {
    baseline,
    target,
    raw: counts.raw,
    date: targetDate ? frenchDate(targetDate) : "",
    start: frenchDate(start),
    collectivite: c.name,
  });
  if (inputs.targetDate && !targetDate) vars.target_sentence += ` ${await texts(structure, "target.pastDate", { date: frenchDate(inputs.targetDate), start: frenchDate(start) })}`;

  // What the target requires, product by product.
  const requirement = async (l: RoadmapLine) =>
    `- ${await texts(structure, "target.requiredLine", {
      name: l.item.name,
      installations: `${formatInt(l.item.installations)} ${installationWord(l.item.installations)}`,
      role: l.role.label ?? categoryLabel(l.item.category),
      alternative: l.alternative?.name ?? "",
      points: formatPoints(l.points),
      phase: await texts(structure, `phase.${l.phase}.name`),
    })}`;
  const requirements: string[] = [];
  if (plan.target.reachable && plan.target.required.length === 0) {
    requirements.push(await texts(structure, "target.alreadyMet", { target, baseline }));
  } else if (plan.target.reachable) {
    requirements.push(await texts(structure, "target.requires", { target }));
    for (const l of plan.target.required.slice(0, MAX_LISTED)) requirements.push(await requirement(l));
    if (plan.target.reachedAfter) {
      const last = plan.target.reachedAfter === "deep";
      requirements.push("", await texts(structure, last ? "target.reachedLast" : "target.reachedAfter", { phase: await texts(structure, `phase.${plan.target.reachedAfter}.name`) }));
    }
  } else {
    requirements.push(await texts(structure, "target.unreachable", { target, floor: percentOrDash(plan.target.floor) }));
    for (const l of plan.target.required.slice(0, MAX_LISTED)) requirements.push(await requirement(l));
    const without = plan.lines.filter((l) => l.points <= 0).slice(0, 8);
    if (without.length) requirements.push("", await texts(structure, "target.beyondCatalog", { products: without.map((l) => `${l.item.name} (${formatInt(l.item.installations)})`).join(", ") }));
  }
  if (plan.kept.length) {
    requirements.push("", await texts(structure, "target.kept", { products: plan.kept.slice(0, 6).map((i) => i.name).join(", ") }));
  }
  vars.target_requirements = requirements.join("\n");

  vars.baseline_sentence = await texts(structure, "baseline.sentence", {
    analysis: analysis.id,
    ...counts,
    share: counts.raw,
    unknown: plan.measure.unknown.installations ? await texts(structure, "baseline.unknown", { unknown: formatInt(plan.measure.unknown.installations) }) : "",
  });
  vars.baseline_table = markdownTable(
    [await texts(structure, "baseline.header.category"), await texts(structure, "baseline.header.products"), await texts(structure, "baseline.header.installations"), await texts(structure, "baseline.header.extra"), await texts(structure, "baseline.header.share")],
    plan.byCategory.map((r) => [categoryLabel(r.category), formatInt(r.products), formatInt(r.installations), formatInt(r.extra), r.known ? formatPercent((r.extra / r.known) * 100) : "—"]),
  );

  const detail: string[] = [];
  let previous = plan.baseline.weighted;
  const phaseValue = new Map<RoadmapPhase, string>();
  for (const phase of plan.phases) {
    detail.push(`### ${await texts(structure, `phase.${phase.phase}.name`)}`);
    detail.push(await texts(structure, `phase.${phase.phase}.description`));
    if (phase.lines.length === 0) {
      detail.push(await texts(structure, "phase.empty"));
      continue;
    }
    const shown = phase.lines.slice(0, MAX_LISTED);
    const more = phase.lines.length - shown.length;
    const rows = await Promise.all(shown.map((l) => phaseLine(structure, l, plan.events)));
    detail.push(rows.join("\n") + (more > 0 ? `\n- ${await texts(structure, "more", { count: formatInt(more) })}` : ""));
    // A phase that lowers neither measure says so, rather than « from X % to X % ».
    const lowers = phase.weighted !== null && previous !== null && phase.weighted < previous && formatPercent(phase.weighted) !== formatPercent(previous);
    const value = lowers ? await texts(structure, "phase.shareAfter", { weighted: formatPercent(phase.weighted!), raw: percentOrDash(phase.raw) }) : await texts(structure, "phase.noChange");
    phaseValue.set(phase.phase, lowers ? formatPercent(phase.weighted!) : await texts(structure, "milestone.noChange"));
    detail.push(value);
    if (lowers) previous = phase.weighted;
  }
  vars.phases_detail = detail.join("\n\n");
  vars.alternatives_table = markdownTable(
    [await texts(structure, "alternatives.header.software"), await texts(structure, "alternatives.header.vendor"), await texts(structure, "alternatives.header.installations"), await texts(structure, "alternatives.header.laws"), await texts(structure, "alternatives.header.alternatives"), await texts(structure, "alternatives.header.phase")],
    await Promise.all(plan.lines.slice(0, MAX_LISTED).map(async (l) => [l.item.name, vendorText(l.item), formatInt(l.item.installations), l.laws.length ? lawsText(l.laws) : "—", alternativesText(l.item), await texts(structure, `phase.${l.phase}.name`)])),
  );
  if (plan.lines.length > MAX_LISTED) vars.alternatives_table += `\n\n${sentence(await texts(structure, "more", { count: formatInt(plan.lines.length - MAX_LISTED) }))}`;
  vars.alternative_names = [...new Set(plan.lines.flatMap((l) => (l.item.alternatives ?? []).map((a) => a.name)))].slice(0, 6).join(" ");

  // Milestones: the phases that have software share the time to the target date (a quarter, about six tenths, the
  // rest); dated sentences of the local context take their place in the calendar.
  const milestones: { sort: string; row: string[] }[] = [{ sort: start, row: [await texts(structure, "milestone.start"), frenchDate(start), baseline, counts.raw] }];
  const span = targetDate ? monthsBetween(start, targetDate.slice(0, 7)) : null;
  const quarter = span ? Math.max(1, Math.round(span * 0.25)) : 0;
  const ends = span ? [quarter, Math.max(quarter, Math.round(span * 0.6)), span] : null;
  for (const [i, phase] of plan.phases.entries()) {
    if (phase.lines.length === 0) continue;
    const month = ends ? addMonths(start, ends[i]!) : null;
    const lowered = phaseValue.get(phase.phase)!;
    milestones.push({
      sort: month ?? `9999-${i}`,
      row: [await texts(structure, `milestone.${phase.phase}`), month ? frenchDate(month) : message("drafts.toSet"), lowered, lowered.endsWith("%") ? percentOrDash(phase.raw) : "—"],
    });
  }
  for (const e of plan.events) {
    const names = e.lines.map((l) => productLabel(l.item));
    milestones.push({
      sort: e.date.length === 4 ? `${e.date}-12` : e.date,
      row: [await texts(structure, names.length ? "milestone.localWith" : "milestone.local", { text: e.text, products: [...new Set(names)].join(", ") }), frenchDate(e.date), "—", "—"],
    });
  }
  milestones.sort((a, b) => a.sort.localeCompare(b.sort));
  vars.calendar_table = markdownTable(
    [await texts(structure, "milestone.header.name"), await texts(structure, "milestone.header.date"), await texts(structure, "milestone.header.share"), await texts(structure, "milestone.header.raw")],
    milestones.map((m) => m.row),
  );
  vars.calendar_intro = await texts(structure, targetDate ? "calendar.introDated" : "calendar.introToSet", { date: targetDate ? frenchDate(targetDate) : "", start: frenchDate(start) });
  // A requested start already past when the roadmap is written moves after that day: the document says so.
  if (inputs.startDate && inputs.startDate.slice(0, 7) !== start) vars.calendar_intro = `${message("drafts.calendar.shifted", { requested: frenchDate(inputs.startDate.slice(0, 7)), start: frenchDate(start) })} ${vars.calendar_intro}`;

  const data = dataBlock([
    ["Collectivité", describeCollectivite(c)],
    ["Cartographie", `analyse « ${analysis.id} » : ${counts.total} installations de ${counts.products} logiciels${plan.measure.components.items ? `, hors ${formatInt(plan.measure.components.items)} composants système mis de côté` : ""}`],
    ["Installations de logiciels d'éditeurs extra-européens ou exposés", `${counts.extra} (${counts.raw} des installations dont l'origine est connue)`],
    ["Exposition pondérée (rôle de chaque logiciel × exposition)", counts.weighted],
    ["Installations dont l'origine n'a pas pu être établie", plan.measure.unknown.installations ? formatInt(plan.measure.unknown.installations) : undefined],
    ["Objectif", `faire passer l'exposition pondérée de ${baseline} à ${target}${targetDate ? ` d'ici ${frenchDate(targetDate)}` : " (échéance à fixer)"}`],
    ["Ce que l'objectif demande", requirements.filter(Boolean).map((r) => r.replace(/^- /, ""))],
    ["Début de la feuille de route", frenchDate(start)],
    ["Jalons (jalon — échéance — exposition pondérée visée — part extra-européenne)", milestones.map((m) => m.row.join(" — "))],
    [
      "Logiciels d'éditeurs extra-européens ou exposés, par phase (nom — éditeur — installations — lois — alternatives)",
      await Promise.all(plan.lines.slice(0, MAX_LISTED).map(async (l) => `${await texts(structure, `phase.${l.phase}.name`)} : ${l.item.name} — ${vendorText(l.item)} — ${formatInt(l.item.installations)} — ${l.laws.length ? lawsText(l.laws) : "—"} — ${alternativesText(l.item)}`)),
    ],
    ["Contexte local", inputs.context],
  ]);
  return finish(await fill(structure.title, vars), c.name, vars, data, structure.tone);
}

const installationWord = (n: number) => (n > 1 ? "installations" : "installation");

/** « *Source : calcul Cap Libre, inventaire du 15 juin 2026 (cartographie « … »).* »: figures computed here say so. */
export function computationNote(analysis: InventoryAnalysis): string {
  const date = analysis.createdAt && /^\d{4}-\d{2}-\d{2}/.test(analysis.createdAt) ? analysis.createdAt.slice(0, 10) : null;
  const inventory = date
    ? message("drafts.computation.inventory", { date: frenchDate(date), id: analysis.id })
    : message("drafts.computation.inventoryNoDate", { id: analysis.id });
  return message("drafts.computation", { inventory });
}

// ---------- Briefing ----------

async function briefingContext(inputs: BriefingInputs, analysis: InventoryAnalysis | null, structure: DocumentStructure, now: string): Promise<DraftContext> {
  const c = inputs.collectivite;
  const vars: Record<string, string> = { ...baseVars(c) };
  vars.recipient_name = inputs.recipient?.name ?? (await texts(structure, "recipient.default"));
  const plan = analysis ? planRoadmap(analysis, { now }) : null;
  vars.question_sentence = inputs.question ? sentence(inputs.question) : await texts(structure, "question.analysis", vars);
  vars.question_query = inputs.question ?? (await texts(structure, "query.analysis"));
  const top = plan ? [...plan.lines].sort((a, b) => b.item.installations - a.item.installations).slice(0, 3) : [];
  const quick = plan?.phases[0];
  const guided = plan?.phases[1];
  if (plan) {
    const counts = await measureSentences(structure, plan);
    vars.essentials_data = [
      `- ${await texts(structure, "essentials.share", { ...counts, share: counts.raw })}`,
      top.length ? `- ${await texts(structure, "essentials.top", { products: top.map((l) => `${l.item.name} (${formatInt(l.item.installations)})`).join(", ") })}` : "",
      `- ${await texts(structure, "essentials.quick", { weighted: percentOrDash(quick!.weighted), raw: percentOrDash(quick!.raw) })}`,
    ].filter(Boolean).join("\n");
    vars.for_us_sentence = await texts(structure, "forUs.analysis", { collectivite: c.name, guided: percentOrDash(guided!.weighted), raw: percentOrDash(guided!.raw) });
  } else {
    vars.essentials_data = await texts(structure, "essentials.fromSources");
    vars.for_us_sentence = await texts(structure, "forUs.question", vars);
  }
  vars.proposal_list = await texts(structure, plan ? "proposal.analysis" : "proposal.question", vars);
  vars.computation_note = analysis ? computationNote(analysis) : "";
  const m = plan?.measure;
  const data = dataBlock([
    ["Collectivité", describeCollectivite(c)],
    ["Destinataire", inputs.recipient ? `${inputs.recipient.name}${inputs.recipient.role ? `, ${inputs.recipient.role}` : ""}` : undefined],
    ["Question posée", inputs.question],
    ["Cartographie", m ? `${formatInt(m.installations)} installations de ${formatInt(m.items)} logiciels${m.components.items ? ` (hors ${formatInt(m.components.items)} composants système)` : ""}, dont ${formatInt(m.raw.exposed)} de logiciels d'éditeurs extra-européens ou exposés (${percentOrDash(plan!.baseline.raw)})` : undefined],
    ["Exposition pondérée (rôle de chaque logiciel × exposition)", plan ? percentOrDash(plan.baseline.weighted) : undefined],
    ["Logiciels extra-européens les plus installés", top.map((l) => `${l.item.name} — ${vendorText(l.item)} — ${formatInt(l.item.installations)} installations — ${alternativesText(l.item)}`)],
    ["Après les gains rapides (exposition pondérée ; part extra-européenne)", quick ? `${percentOrDash(quick.weighted)} ; ${percentOrDash(quick.raw)}` : undefined],
    ["Après les remplacements accompagnés (exposition pondérée ; part extra-européenne)", guided ? `${percentOrDash(guided.weighted)} ; ${percentOrDash(guided.raw)}` : undefined],
    ["Auteur de la note", inputs.author],
    ["Date de la note", frenchDate((inputs.date ?? now).slice(0, 10))],
  ]);
  return finish(await fill(structure.title, vars), c.name, vars, data, structure.tone);
}

/** Builds the context of a document from its validated inputs (and the analysis a roadmap or briefing uses). */
export async function buildContext(
  type: DraftType,
  inputs: LetterInputs | AuditPlanInputs | RoadmapInputs | BriefingInputs,
  analysis: InventoryAnalysis | null,
  structure: DocumentStructure,
  now: string,
): Promise<DraftContext> {
  switch (type) {
    case "letter":
      return letterContext(inputs as LetterInputs, analysis, structure, now);
    case "audit-plan":
      return auditPlanContext(inputs as AuditPlanInputs, structure, now);
    case "roadmap":
      if (!analysis) throw new Error("roadmap without analysis");
      return roadmapContext(inputs as RoadmapInputs, analysis, structure, now);
    case "briefing":
      return briefingContext(inputs as BriefingInputs, analysis, structure, now);
  }
}
