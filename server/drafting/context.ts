/**
 * The structured data of each document: the placeholder values of its templates, the data block shown to the
 * model, and the texts the figure check accepts as sources. Every number here comes from the user's inputs or is
 * computed from them (shares of a saved analysis, calendar dates): nothing is invented, and all of it is listed
 * in `facts` so the figure check knows where each figure came from.
 */
import { message } from "../i18n/messages.ts";
import { calendarStart } from "./calendar.ts";
import { fill, type DocumentStructure } from "./structure.ts";
import type { AuditPlanInputs, BriefingInputs, LetterInputs, RoadmapInputs } from "./inputs.ts";
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

/** « 2026-04-20 » → « 20 avril 2026 »; « 2026-04 » → « avril 2026 ». */
export function frenchDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  const month = MONTHS[(m ?? 1) - 1] ?? "";
  if (d) return `${d === 1 ? "1er" : d} ${month} ${y}`;
  if (m) return `${month} ${y}`;
  return String(y);
}

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

async function letterContext(inputs: LetterInputs, structure: DocumentStructure, now: string): Promise<DraftContext> {
  const c = inputs.collectivite;
  const vars: Record<string, string> = { ...baseVars(c) };
  vars.salutation = salutationFor(inputs.recipient);
  vars.recipient_name = inputs.recipient.name;
  vars.recipient_role = inputs.recipient.role;
  vars.sender = inputs.sender.name;
  vars.subject = inputs.subject ?? (await texts(structure, "subject.default", vars));
  vars.sender_intro = await texts(structure, "sender_intro", { sender: inputs.sender.name, sender_description: inputs.sender.description ? `, ${inputs.sender.description},` : "" });
  vars.local_context = inputs.context ? `${sentence(inputs.context)} ` : "";
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

/** Categories where a change touches every agent or the infrastructure: never a quick win. */
/** Software listed by name in tables and in the model's data; the rest is counted (large inventories). */
const MAX_LISTED = 40;
const HEAVY = new Set(["workstation", "business", "database", "virtualization", "network", "hosting"]);
const FIT_RANK: Record<string, number> = { "drop-in": 0, partial: 1, "different-approach": 2 };

export type RoadmapPhase = "quick" | "guided" | "deep";

export interface RoadmapLine {
  item: AnalysisItem;
  bestFit: string | null;
  phase: RoadmapPhase;
}

export interface RoadmapPlan {
  total: number;
  extra: number;
  unknown: number;
  products: number;
  baselineShare: number;
  lines: RoadmapLine[];
  /** Share of extra-European installations left after each phase, in order quick, guided, deep. */
  shareAfter: Record<RoadmapPhase, number>;
  byCategory: { category: string; products: number; installations: number; extra: number }[];
}

/**
 * Orders the extra-European software of an analysis into phases: quick wins (a drop-in alternative, outside
 * the categories that touch every agent or the infrastructure), guided replacements (partial fit, or drop-in in
 * a heavy category), then deep work (different approach, no alternative, or heavy and partial).
 * Open-source software of an extra-European publisher (Firefox, Thunderbird) counts in the baseline, but is not
 * planned for replacement: installed here from its free code, it is itself the kind of alternative a roadmap
 * recommends.
 */
export function planRoadmap(analysis: InventoryAnalysis): RoadmapPlan {
  const items = analysis.items;
  const total = items.reduce((n, i) => n + i.installations, 0);
  const extraItems = items.filter((i) => i.extraEuropean === true);
  const extra = extraItems.reduce((n, i) => n + i.installations, 0);
  const unknown = items.filter((i) => i.extraEuropean === null || i.extraEuropean === undefined).reduce((n, i) => n + i.installations, 0);
  const lines: RoadmapLine[] = extraItems
    .filter((item) => item.openSource !== true)
    .map((item) => {
      const fits = (item.alternatives ?? []).map((a) => a.fit).sort((a, b) => (FIT_RANK[a] ?? 3) - (FIT_RANK[b] ?? 3));
      const bestFit = fits[0] ?? null;
      const heavy = HEAVY.has(item.category ?? "other");
      const phase: RoadmapPhase =
        bestFit === "drop-in" && !heavy ? "quick" : (bestFit === "partial" && !heavy) || (bestFit === "drop-in" && heavy) ? "guided" : "deep";
      return { item, bestFit, phase };
    })
    .sort((a, b) => ["quick", "guided", "deep"].indexOf(a.phase) - ["quick", "guided", "deep"].indexOf(b.phase) || b.item.installations - a.item.installations);
  const removed = (phases: RoadmapPhase[]) => lines.filter((l) => phases.includes(l.phase)).reduce((n, l) => n + l.item.installations, 0);
  const share = (n: number) => (total ? (n / total) * 100 : 0);
  const categories = new Map<string, { category: string; products: number; installations: number; extra: number }>();
  for (const i of items) {
    const key = i.category ?? "unknown";
    const row = categories.get(key) ?? { category: key, products: 0, installations: 0, extra: 0 };
    row.products++;
    row.installations += i.installations;
    if (i.extraEuropean === true) row.extra += i.installations;
    categories.set(key, row);
  }
  return {
    total,
    extra,
    unknown,
    products: items.length,
    baselineShare: share(extra),
    lines,
    shareAfter: { quick: share(extra - removed(["quick"])), guided: share(extra - removed(["quick", "guided"])), deep: share(extra - removed(["quick", "guided", "deep"])) },
    byCategory: [...categories.values()].sort((a, b) => b.installations - a.installations),
  };
}

const vendorText = (i: AnalysisItem) => (i.vendor ? `${i.vendor.name}${i.vendor.country ? ` (${i.vendor.country})` : ""}` : (i.publisher ?? "?"));
const alternativesText = (i: AnalysisItem) =>
  (i.alternatives ?? []).length ? (i.alternatives ?? []).map((a) => `${a.name}${a.country ? ` (${a.country})` : ""} — ${fitLabel(a.fit)}`).join(" ; ") : "—";

async function roadmapContext(inputs: RoadmapInputs, analysis: InventoryAnalysis, structure: DocumentStructure, now: string): Promise<DraftContext> {
  const c = inputs.collectivite;
  const vars: Record<string, string> = { ...baseVars(c) };
  const plan = planRoadmap(analysis);
  const targetShare = inputs.targetShare ?? plan.shareAfter.guided;
  const startShift = calendarStart(inputs.startDate?.slice(0, 7), now);
  const start = startShift.start.slice(0, 7);
  vars.computation_note = computationNote(analysis);
  const baseline = formatPercent(plan.baselineShare);
  const target = formatPercent(targetShare);
  vars.baseline_share = baseline;
  vars.target_share = target;
  vars.target_sentence = await texts(structure, inputs.targetDate ? "target.withDate" : "target.noDate", {
    baseline,
    target,
    date: inputs.targetDate ? frenchDate(inputs.targetDate) : "",
    start: frenchDate(start),
    collectivite: c.name,
  });
  vars.baseline_sentence = await texts(structure, "baseline.sentence", {
    analysis: analysis.id,
    total: formatInt(plan.total),
    products: formatInt(plan.products),
    extra: formatInt(plan.extra),
    share: baseline,
    unknown: plan.unknown ? await texts(structure, "baseline.unknown", { unknown: formatInt(plan.unknown) }) : "",
  });
  vars.baseline_table = markdownTable(
    [await texts(structure, "baseline.header.category"), await texts(structure, "baseline.header.products"), await texts(structure, "baseline.header.installations"), await texts(structure, "baseline.header.extra"), await texts(structure, "baseline.header.share")],
    plan.byCategory.map((r) => [categoryLabel(r.category), formatInt(r.products), formatInt(r.installations), formatInt(r.extra), r.installations ? formatPercent((r.extra / r.installations) * 100) : "—"]),
  );

  const phaseOrder: RoadmapPhase[] = ["quick", "guided", "deep"];
  // Share aimed at the end of each phase: what its replacements remove, never below the target; the last phase
  // (studies and deep work) carries the target itself.
  const phaseShare: Record<RoadmapPhase, number> = {
    quick: Math.min(plan.baselineShare, Math.max(plan.shareAfter.quick, targetShare)),
    guided: Math.min(plan.baselineShare, Math.max(plan.shareAfter.guided, targetShare)),
    deep: targetShare,
  };
  const detail: string[] = [];
  for (const phase of phaseOrder) {
    const lines = plan.lines.filter((l) => l.phase === phase);
    detail.push(`### ${await texts(structure, `phase.${phase}.name`)}`);
    detail.push(await texts(structure, `phase.${phase}.description`));
    if (lines.length === 0) {
      detail.push(await texts(structure, "phase.empty"));
      continue;
    }
    const shown = lines.slice(0, MAX_LISTED);
    const more = lines.length - shown.length;
    detail.push(shown.map((l) => `- **${l.item.name}** (${formatInt(l.item.installations)} ${installationWord(l.item.installations)}) → ${(l.item.alternatives ?? []).slice(0, 2).map((a) => a.name).join(" ou ") || (structure.texts["phase.noAlternative"] ?? "")}`).join("\n") + (more > 0 ? `\n- ${await texts(structure, "more", { count: formatInt(more) })}` : ""));
    detail.push(await texts(structure, phase === "deep" ? "phase.shareTarget" : "phase.shareAfter", { share: formatPercent(phaseShare[phase]) }));
  }
  vars.phases_detail = detail.join("\n\n");
  vars.alternatives_table = markdownTable(
    [await texts(structure, "alternatives.header.software"), await texts(structure, "alternatives.header.vendor"), await texts(structure, "alternatives.header.installations"), await texts(structure, "alternatives.header.alternatives"), await texts(structure, "alternatives.header.phase")],
    await Promise.all(plan.lines.slice(0, MAX_LISTED).map(async (l) => [l.item.name, vendorText(l.item), formatInt(l.item.installations), alternativesText(l.item), await texts(structure, `phase.${l.phase}.name`)])),
  );
  if (plan.lines.length > MAX_LISTED) vars.alternatives_table += `\n\n${sentence(await texts(structure, "more", { count: formatInt(plan.lines.length - MAX_LISTED) }))}`;
  vars.alternative_names = [...new Set(plan.lines.flatMap((l) => (l.item.alternatives ?? []).map((a) => a.name)))].slice(0, 6).join(" ");

  // Milestones: the phases share the time to the target date (a quarter, then about six tenths, then the rest).
  const milestones: string[][] = [[await texts(structure, "milestone.start"), frenchDate(start), baseline]];
  const span = inputs.targetDate ? Math.max(3, monthsBetween(start, inputs.targetDate.slice(0, 7))) : null;
  const ends = span ? [Math.max(1, Math.round(span * 0.25)), Math.max(2, Math.round(span * 0.6)), span] : null;
  for (const [i, phase] of phaseOrder.entries()) {
    const when = ends ? frenchDate(addMonths(start, ends[i]!)) : message("drafts.toSet");
    milestones.push([await texts(structure, `milestone.${phase}`), when, formatPercent(phaseShare[phase])]);
  }
  vars.calendar_table = markdownTable([await texts(structure, "milestone.header.name"), await texts(structure, "milestone.header.date"), await texts(structure, "milestone.header.share")], milestones);
  vars.calendar_intro = await texts(structure, inputs.targetDate ? "calendar.introDated" : "calendar.introToSet", { date: inputs.targetDate ? frenchDate(inputs.targetDate) : "" });
  if (startShift.shifted) vars.calendar_intro = `${message("drafts.calendar.shifted", { requested: frenchDate(inputs.startDate!.slice(0, 7)), start: frenchDate(start) })} ${vars.calendar_intro}`;

  const data = dataBlock([
    ["Collectivité", describeCollectivite(c)],
    ["Cartographie", `analyse « ${analysis.id} » : ${formatInt(plan.total)} installations de ${formatInt(plan.products)} logiciels`],
    ["Installations de logiciels d'éditeurs extra-européens", `${formatInt(plan.extra)} (${baseline} des installations)`],
    ["Installations dont l'origine n'a pas pu être établie", plan.unknown ? formatInt(plan.unknown) : undefined],
    ["Objectif", `passer de ${baseline} à ${target} d'installations extra-européennes${inputs.targetDate ? ` d'ici ${frenchDate(inputs.targetDate)}` : " (échéance à fixer)"}`],
    ["Début de la feuille de route", frenchDate(start)],
    ["Jalons (jalon — échéance — part visée)", milestones.map((m) => m.join(" — "))],
    [
      "Logiciels d'éditeurs extra-européens, par phase (nom — éditeur — installations — alternatives)",
      await Promise.all(plan.lines.slice(0, MAX_LISTED).map(async (l) => `${await texts(structure, `phase.${l.phase}.name`)} : ${l.item.name} — ${vendorText(l.item)} — ${formatInt(l.item.installations)} — ${alternativesText(l.item)}`)),
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
  const plan = analysis ? planRoadmap(analysis) : null;
  vars.question_sentence = inputs.question ? sentence(inputs.question) : await texts(structure, "question.analysis", vars);
  vars.question_query = inputs.question ?? (await texts(structure, "query.analysis"));
  const top = plan ? [...plan.lines].sort((a, b) => b.item.installations - a.item.installations).slice(0, 3) : [];
  if (plan) {
    vars.essentials_data = [
      `- ${await texts(structure, "essentials.share", { extra: formatInt(plan.extra), total: formatInt(plan.total), share: formatPercent(plan.baselineShare) })}`,
      top.length ? `- ${await texts(structure, "essentials.top", { products: top.map((l) => `${l.item.name} (${formatInt(l.item.installations)})`).join(", ") })}` : "",
      `- ${await texts(structure, "essentials.quick", { share: formatPercent(plan.shareAfter.quick) })}`,
    ].filter(Boolean).join("\n");
    vars.for_us_sentence = await texts(structure, "forUs.analysis", { collectivite: c.name, guided: formatPercent(plan.shareAfter.guided) });
  } else {
    vars.essentials_data = await texts(structure, "essentials.fromSources");
    vars.for_us_sentence = await texts(structure, "forUs.question", vars);
  }
  vars.proposal_list = await texts(structure, plan ? "proposal.analysis" : "proposal.question", vars);
  vars.computation_note = analysis ? computationNote(analysis) : "";
  const data = dataBlock([
    ["Collectivité", describeCollectivite(c)],
    ["Destinataire", inputs.recipient ? `${inputs.recipient.name}${inputs.recipient.role ? `, ${inputs.recipient.role}` : ""}` : undefined],
    ["Question posée", inputs.question],
    ["Cartographie", plan ? `${formatInt(plan.total)} installations, dont ${formatInt(plan.extra)} de logiciels d'éditeurs extra-européens (${formatPercent(plan.baselineShare)})` : undefined],
    ["Logiciels extra-européens les plus installés", top.map((l) => `${l.item.name} — ${vendorText(l.item)} — ${formatInt(l.item.installations)} installations — ${alternativesText(l.item)}`)],
    ["Part extra-européenne après les gains rapides", plan ? formatPercent(plan.shareAfter.quick) : undefined],
    ["Part extra-européenne après les remplacements accompagnés", plan ? formatPercent(plan.shareAfter.guided) : undefined],
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
      return letterContext(inputs as LetterInputs, structure, now);
    case "audit-plan":
      return auditPlanContext(inputs as AuditPlanInputs, structure, now);
    case "roadmap":
      if (!analysis) throw new Error("roadmap without analysis");
      return roadmapContext(inputs as RoadmapInputs, analysis, structure, now);
    case "briefing":
      return briefingContext(inputs as BriefingInputs, analysis, structure, now);
  }
}
