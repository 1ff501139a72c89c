/**
 * The roadmap planner: a pure function from a saved inventory analysis (and options) to phases, the two measures
 * they leave (`server/inventory/measure.ts`: raw share and weighted measure), what a target requires product by
 * product, and the dated events of the local context. No I/O and no French text here: `context.ts` turns the plan
 * into the document.
 */

import { deadlineWords, findDeadlines } from "../core/deadlines.ts";
import { localDay, MONTHS as MONTH_NAMES } from "../core/text.ts";
import { wordAlternation, wordListLines, wordListSections } from "../i18n/word-lists.ts";
import { countByCategory } from "../inventory/category-counts.ts";
import { withAlternativesInPlace } from "../inventory/in-place.ts";
import { SURE_CONFIDENCE } from "../inventory/match-index.ts";
import {
  alternativeExposure,
  bestAlternative,
  exposureFactor,
  isExposed,
  isQuickWin,
  lawsOf,
  type Measure,
  measureItems,
  phaseOf,
  productName,
  type Role,
  roleOf,
} from "../inventory/measure.ts";
import { fold } from "../inventory/normalize.ts";
import { forSomePostes, keepUnderSystem, type SystemBound, systemBound } from "./system-bound.ts";
import type { AnalysisAlternative, AnalysisItem, InventoryAnalysis } from "./types.ts";

export type RoadmapPhase = "quick" | "guided" | "deep";
export const PHASES: RoadmapPhase[] = ["quick", "guided", "deep"];

export interface RoadmapLine {
  item: AnalysisItem;
  /** The alternative the plan proposes (best fit, then least exposed); null when the catalog has none. */
  alternative: AnalysisAlternative | null;
  bestFit: string | null;
  phase: RoadmapPhase;
  role: Role;
  laws: string[];
  /** Exposure of one installation now, and once replaced (the same when there is no alternative). */
  exposure: number;
  residual: number;
  /** Points of the weighted measure the replacement removes. */
  points: number;
  /** Installations that leave the raw share (none when the alternative is itself extra-European). */
  rawRemoved: number;
  /** Needed to reach the target, in the plan's order. */
  required: boolean;
  /**
   * The alternative is itself under an extra-European jurisdiction (Edge → Firefox ESR, open source of a US
   * foundation): the replacement lowers the exposure only in part, and is said so, never as a way out.
   */
  limited: boolean;
  /**
   * A consumer app on a few computers with no alternative in the catalog (a video editor, a personal messenger, a
   * game: `isConsumerRemoval`): to uninstall in the quick phase, not a deep project (trial 9).
   */
  removal: boolean;
  /**
   * The removal is a maker's or a cleaning utility (`isUtilityRemoval`: « Lenovo Vantage », « CCleaner Free »), on
   * however many computers (trial 14, B4).
   */
  utility?: boolean;
  /**
   * The map gives the line only « à vérifier »: a vendor recognised without its product, or a product matched without
   * certainty (confidence under the map's « sure » threshold). The roadmap says so rather than treat it as sure.
   */
  unsure?: boolean;
  /**
   * The vendor's end of support of the line's editions (ISO days, earliest first), past at the analysis or within a
   * year of it (`inventory/lifecycle.ts`): without security fixes, the line goes first in its phase, and from the
   * groundwork into the guided replacements, within the objective, whatever its weight (trial16 C8: Office
   * 2016/2019/2021 on 283 postes was left « au-delà de l'objectif »).
   */
  unsupported?: string[];
  /**
   * The inventory names this line counts: one product (one catalog card) found under several names (« Zoom Workplace »
   * and « Zoom ») is one line, its installations and points summed, its item named after the card (trial 10).
   */
  inventoryNames: string[];
  /**
   * Postes kept under the line's system because software the context names runs only under it (« notre logiciel de
   * paie ne fonctionne que sous Windows »: `system-bound.ts`, trial20 N-H4): out of its points and raw removal.
   */
  keptBySystem?: number;
  /** The system they stay under, as the context writes it (« Windows »). */
  keptSystem?: string;
}

/** At most this many installations for a consumer app to be a removal rather than a project (`isConsumerRemoval`). */
export const REMOVAL_MAX_INSTALLATIONS = 5;

let consumer: { vendors: Set<string>; words: RegExp; utilities: RegExp } | null = null;

const wordsPattern = (words: string[]) =>
  new RegExp(`(?<![\\p{L}\\d])(?:${wordAlternation(words.map((w) => fold(w)))})(?![\\p{L}\\d])`, "u");

function consumerLists() {
  if (!consumer) {
    const sections = wordListSections("consumer-apps.txt");
    consumer = {
      vendors: new Set((sections.get("éditeurs") ?? []).map((v) => fold(v))),
      words: wordsPattern(sections.get("mots") ?? []),
      utilities: wordsPattern(sections.get("utilitaires") ?? []),
    };
  }
  return consumer;
}

/**
 * A maker's or a cleaning utility of the workstation (`consumer-apps.txt`, [utilitaires]: « Lenovo Vantage Service »,
 * « Huawei PC Manager », « CCleaner Free »), not filed as business software: to uninstall, on however many computers —
 * never a deep project « alternative à rechercher » (trial 14, B4).
 */
export function isUtilityRemoval(item: AnalysisItem): boolean {
  if (!(item.installations > 0) || item.category === "business") return false;
  return consumerLists().utilities.test(fold(item.name));
}
/**
 * A consumer app (`consumer-apps.txt`: its publisher, or a word of its name) installed on a few computers and not filed
 * as business software: agents installed it, it is to be uninstalled — whether or not the catalog names an alternative
 * (trial 10: WeChat on two computers was a « remplacement accompagné » by Element), which the roadmap gives for a
 * service that would use it (`removalAlternative`).
 */
export function isConsumerRemoval(item: AnalysisItem): boolean {
  if (!(item.installations > 0) || item.installations > REMOVAL_MAX_INSTALLATIONS) return false;
  if (item.category === "business") return false;
  const lists = consumerLists();
  const vendor = item.vendor?.name ? fold(item.vendor.name) : "";
  return lists.vendors.has(vendor) || lists.words.test(fold(item.name));
}

/**
 * The map gives the item only « à vérifier »: its confidence is under the map's « sure » threshold (a vendor recognised
 * without its product, a name close to a catalogue product). A hand-written analysis without confidence is sure.
 */
export function isUnsure(item: AnalysisItem): boolean {
  const c = typeof item.confidence === "string" ? Number(item.confidence) : item.confidence;
  return typeof c === "number" && Number.isFinite(c) && c < SURE_CONFIDENCE;
}

export interface PhasePlan {
  phase: RoadmapPhase;
  lines: RoadmapLine[];
  /** Both measures once the phase is done (percent), null when nothing is known. */
  raw: number | null;
  weighted: number | null;
  /** Points of the weighted measure the phase removes. */
  points: number;
}

export interface LocalEvent {
  /** The sentence of the local context, as written. */
  text: string;
  /** `YYYY-MM`, `YYYY` when only a year is given, `YYYY-MM-DD` when a deadline falls before its month's end. */
  date: string;
  /** Lines of the plan the sentence names, in full. */
  lines: RoadmapLine[];
  /**
   * Lines the sentence names only in part: one of their editions (« Windows 10 LTSC 2021 » of a line that also counts
   * Windows 10 Professionnel). Its date is no deadline for the whole line (trial17 D4).
   */
  partial?: RoadmapLine[];
  /**
   * The sentence gives the vendor's end of support (« … perdent leur support le 12 janvier 2027 »), not a deadline
   * the collectivité set: it orders (the line goes first in its phase), it does not date the replacement (trial17 D4).
   */
  supportEnd?: true;
  /**
   * The sentence gives the end of a contract (« Le contrat Microsoft 365 arrive à échéance le 30 juin 2027 »), not a
   * deadline the collectivité set: a decision to take — renew it or not —, said as such, never a due date (trial18 F4).
   */
  contractEnd?: true;
  /**
   * The sentence says the replacement cannot happen before the date (« … ne peuvent pas changer de système avant
   * 2028 »): an earliest date, never a deadline (trial19 H4).
   */
  notBefore?: true;
}

/**
 * The deadline the local context sets for a line, if any: a sentence naming it in full, neither an end of support nor
 * a contract's end.
 */
export function localDeadline(events: LocalEvent[], line: RoadmapLine): LocalEvent | undefined {
  return events.find((e) => !e.supportEnd && !e.contractEnd && !e.notBefore && e.lines.includes(line));
}

/** The contract's end the local context gives for a line, if any (`LocalEvent.contractEnd`). */
export function contractEnd(events: LocalEvent[], line: RoadmapLine): LocalEvent | undefined {
  return events.find((e) => e.contractEnd && e.lines.includes(line));
}

export interface RoadmapPlan {
  measure: Measure<AnalysisItem>;
  baseline: { raw: number | null; weighted: number | null };
  lines: RoadmapLine[];
  phases: PhasePlan[];
  /** Open source of an extra-European publisher (Firefox, Thunderbird): counted, not replaced. */
  kept: AnalysisItem[];
  target: {
    /** Weighted measure aimed at, in percent. */
    value: number;
    given: boolean;
    reachable: boolean;
    /** The phase at whose end the plan meets the target, when it does. */
    reachedAfter: RoadmapPhase | null;
    /** The replacements that meet the target in the plan's order, or all that help when it cannot be met. */
    required: RoadmapLine[];
    /** The weighted measure once every phase is done. */
    floor: number | null;
  };
  /** By category: lines, installations, exposed installations and installations whose origin is known. */
  byCategory: { category: string; products: number; installations: number; extra: number; known: number }[];
  events: LocalEvent[];
  /**
   * The collectivité's decisions to keep software (« on garde ArcGIS Pro pour le service urbanisme »): each sentence as
   * written and the exposed software it names, taken out of the replacements (still counted in the measure); a
   * decision that names nothing of the inventory has no items, and the document says it was not applied.
   */
  decided: { text: string; items: AnalysisItem[] }[];
  /** The context's software bound to a system, and the postes kept under it (`system-bound.ts`). */
  systemBound: SystemBound[];
}

export interface PlanOptions {
  /** Weighted measure aimed at, in percent; by default what the guided phase reaches. */
  target?: number;
  /** Local context written by the user: its dated sentences become calendar events. */
  context?: string;
  /** The day the document is generated (ISO): only later events are kept. */
  now?: string;
}

const EPSILON = 1e-9;

/**
 * Orders the exposed software of an analysis into phases (quick wins, guided replacements, deep work: `phaseOf`),
 * computes both measures after each phase, and what the target requires. System components are set aside; open
 * source of an extra-European publisher stays in the baseline (its exposure counts 0.7, measure-weights.yaml) but is not planned for replacement:
 * installed from its free code, it is itself the kind of alternative a roadmap recommends.
 */
export function planRoadmap(analysis: InventoryAnalysis, options: PlanOptions = {}): RoadmapPlan {
  // What the collectivité already runs is preferred (`inventory/in-place.ts`), for analyses saved before it too.
  const measure = measureItems(withAlternativesInPlace(analysis.items));
  const { raw, weighted } = measure;
  const kept: AnalysisItem[] = [];
  const lines: RoadmapLine[] = [];
  for (const m of measure.measured) {
    const item = m.item;
    // Free software its project barely maintains (Apache OpenOffice) is proposed for replacement, exposed or not;
    // its exposure counts as it is, no more (none at all when its publisher is European).
    const unmaintained = !!item.unmaintained && (item.alternatives?.length ?? 0) > 0;
    if (!(item.installations > 0) || (isExposed(item) !== true && !unmaintained)) continue;
    if (item.openSource === true && !unmaintained) {
      kept.push(item);
      continue;
    }
    // A consumer app on a few computers is uninstalled: its exposure goes, with nothing in its place.
    const utility = isUtilityRemoval(item);
    const removal = utility || isConsumerRemoval(item);
    const alternative = removal ? null : bestAlternative(item.alternatives);
    const exposure = exposureFactor(item) ?? 0;
    const residual = removal ? 0 : alternative ? Math.min(exposure, alternativeExposure(alternative)) : exposure;
    // The quick phase is the map's quick wins, by the same rule (`isQuickWin`): a drop-in swap that leaves the
    // software under an extra-European jurisdiction is no quick win; it goes with the guided replacements.
    const phase = phaseOf(item, alternative);
    lines.push({
      item,
      alternative,
      bestFit: alternative?.fit ?? null,
      phase: removal ? "quick" : phase === "quick" && !isQuickWin(item) ? "guided" : phase,
      role: m.role,
      laws: lawsOf(item),
      exposure,
      residual,
      points: weighted.known ? (100 * m.weighted * (exposure - residual)) / weighted.known : 0,
      rawRemoved: (alternative || removal) && residual === 0 && isExposed(item) === true ? item.installations : 0,
      required: false,
      limited: !!alternative && residual > 0 && residual < exposure,
      removal,
      ...(utility ? { utility } : {}),
      ...(isUnsure(item) ? { unsure: true } : {}),
      inventoryNames: [item.name],
    });
    // No security fixes any more, or soon none: first in its phase, and never left to the groundwork beyond the
    // objective — but not among the quick wins either when its replacement changes the agents' work (an operating
    // system, the office suite: a roadmap listing Windows 10 → Debian as a quick win is one a DSI cannot sign).
    const unsupported = endOfSupportDays(item);
    if (unsupported.length) {
      const line = lines.at(-1)!;
      Object.assign(line, { phase: line.phase === "deep" ? "guided" : line.phase, unsupported });
    }
  }
  lines.splice(0, lines.length, ...oneLinePerProduct(lines));
  // What the collectivité decided to keep is not planned: out of the replacements before phases and target are
  // computed, so that no phase counts on it (trial 8: « on garde ArcGIS Pro » ignored, ArcGIS → QGIS planned).
  const parts = partNames(analysis.items);
  const decisions = options.context ? keptByDecision(options.context, lines, parts) : [];
  // A decision to keep the postes' system on some postes only keeps those postes, not the line (`forSomePostes`).
  const someOnly = decisions.flatMap((d) => forSomePostes(d, lines, analysis.items) ?? []);
  const decided = decisions.filter((d) => !someOnly.some((s) => s.text === d.text));
  const keptLines = new Set(decided.flatMap((d) => d.lines));
  if (keptLines.size) lines.splice(0, lines.length, ...lines.filter((l) => !keptLines.has(l)));
  const events = options.context ? localEvents(options.context, lines, options.now, parts) : [];
  // An end of support the context gives for software the catalogue has none for orders it like the catalogue's
  // would (first in its phase, out of the groundwork), when it is past or within a year; it dates nothing.
  for (const e of events) {
    if (!e.supportEnd) continue;
    const day = supportDay(e);
    if (!day || day > yearAfter(options.now)) continue;
    for (const l of e.lines)
      if (!l.unsupported?.length)
        Object.assign(l, { phase: l.phase === "deep" ? "guided" : l.phase, unsupported: [day] });
  }
  lines.sort(
    (a, b) =>
      PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase) ||
      Number(!a.unsupported) - Number(!b.unsupported) ||
      b.points - a.points ||
      b.item.installations - a.item.installations,
  );
  // Software that runs only under the postes' system keeps its postes under it: out of the replacement, in the
  // plan's order, before phases and target are computed (trial20 N-H4).
  const bound = options.context ? systemBound(options.context, lines, analysis.items, someOnly) : [];
  const allKept = keepUnderSystem(bound);
  if (allKept.size) lines.splice(0, lines.length, ...lines.filter((l) => !allKept.has(l)));

  const baseline = { raw: raw.share, weighted: weighted.value };
  let rawLeft = raw.exposed;
  let weightedLeft = weighted.value ?? 0;
  const phases: PhasePlan[] = PHASES.map((phase) => {
    const own = lines.filter((l) => l.phase === phase);
    const points = own.reduce((s, l) => s + l.points, 0);
    rawLeft -= own.reduce((s, l) => s + l.rawRemoved, 0);
    weightedLeft -= points;
    return {
      phase,
      lines: own,
      raw: raw.known ? (100 * rawLeft) / raw.known : null,
      weighted: weighted.value === null ? null : Math.max(0, weightedLeft),
      points,
    };
  });

  const floor = phases.at(-1)!.weighted;
  const byDefault =
    [phases[1]!.weighted, floor].find(
      (v) => v !== null && baseline.weighted !== null && v < baseline.weighted - EPSILON,
    ) ??
    baseline.weighted ??
    0;
  const value = options.target ?? byDefault;
  // What the target requires: the replacements in the plan's order (phase, then largest gain), until it is met.
  let left = baseline.weighted ?? 0;
  const required: RoadmapLine[] = [];
  for (const line of lines) {
    // Software out of the vendor's support is required whatever the target: « à mener en premier » and « au-delà
    // de l'objectif, à programmer » cannot both be said of it (trial17 D4).
    if ((left <= value + EPSILON && !line.unsupported?.length) || line.points <= 0) continue;
    line.required = true;
    required.push(line);
    left -= line.points;
  }
  const reachable = left <= value + EPSILON;
  const reachedAfter = reachable
    ? (phases.find((p) => p.weighted !== null && p.weighted <= value + EPSILON)?.phase ??
      (required.length ? null : PHASES[0]!))
    : null;

  return {
    measure,
    baseline,
    lines,
    phases,
    kept,
    target: { value, given: options.target !== undefined, reachable, reachedAfter, required, floor },
    byCategory: categories(measure),
    events,
    decided: decided.map((d) => ({ text: d.text, items: d.lines.map((l) => l.item) })),
    systemBound: bound,
  };
}

/**
 * One line per catalog product: the lines of one product under several inventory names, planned alike (same
 * alternative, phase and exposure), become one — the card's name, installations and points summed, the inventory
 * names kept (largest first). Lines without a product stay as they are.
 */
function oneLinePerProduct(lines: RoadmapLine[]): RoadmapLine[] {
  const groups = new Map<string, RoadmapLine[]>();
  const out: (RoadmapLine | string)[] = [];
  for (const l of lines) {
    // Only a product the line carries with its card's name is grouped: a bare id (an analysis saved with an older
    // catalog) has no name to give the merged line, and one inventory name would then stand for all.
    const id = typeof l.item.product === "object" ? l.item.product?.id : null;
    if (!id || !productName(l.item)) {
      out.push(l);
      continue;
    }
    const key = JSON.stringify([
      id,
      l.alternative?.id ?? null,
      l.phase,
      l.removal,
      l.exposure,
      l.residual,
      !!l.unsupported,
      // An edition whose end of support is « à vérifier » stays its own line, said so (trial19 D1).
      supportToCheck(l.item),
    ]);
    const group = groups.get(key);
    if (group) group.push(l);
    else {
      groups.set(key, [l]);
      out.push(key);
    }
  }
  return out.map((x) => {
    if (typeof x !== "string") return x;
    const group = groups.get(x)!;
    if (group.length === 1) return group[0]!;
    group.sort((a, b) => b.item.installations - a.item.installations);
    const first = group[0]!;
    const sum = (f: (l: RoadmapLine) => number) => group.reduce((s, l) => s + f(l), 0);
    const { unsure: _, ...head } = first;
    return {
      ...head,
      // « à vérifier » only when every name of it is.
      ...(group.every((l) => l.unsure) ? { unsure: true } : {}),
      item: {
        ...first.item,
        name: productName(first.item)!,
        installations: sum((l) => l.item.installations),
      },
      points: sum((l) => l.points),
      rawRemoved: sum((l) => l.rawRemoved),
      ...(first.unsupported ? { unsupported: [...new Set(group.flatMap((l) => l.unsupported ?? []))].sort() } : {}),
      inventoryNames: group.flatMap((l) => l.inventoryNames),
    };
  });
}

const FRENCH_DAY = new RegExp(`\\ble (1er|\\d{1,2}) (${MONTH_NAMES.join("|")}) (\\d{4})\\b`);

/**
 * The days an item's editions lose the vendor's support, past at the analysis or within a year of it (the map's
 * « Fin de support » and « Fin de support proche »): the risk's `date`, or the day its label says (« … le 14 octobre
 * 2025 … ») in an analysis saved before the date was kept. An end the map could not tie to an edition (« à
 * vérifier », several dates) gives none.
 */
export function endOfSupportDays(item: AnalysisItem): string[] {
  const days = new Set<string>();
  for (const r of item.risks ?? []) {
    if (r.kind !== "end-of-support" && r.kind !== "end-of-support-soon") continue;
    const said = r.date ? null : FRENCH_DAY.exec(r.label);
    const day =
      r.date ??
      (said
        ? `${said[3]}-${String(MONTH_NAMES.indexOf(said[2]!) + 1).padStart(2, "0")}-${(said[1] === "1er" ? "1" : said[1]!).padStart(2, "0")}`
        : null);
    if (day && /^\d{4}-\d{2}-\d{2}$/.test(day)) days.add(day);
  }
  return [...days].sort();
}

/**
 * The map says the item's end of support without a day: an edition the catalogue holds no vendor page for (« SQL
 * Server 2014 Express »: « sa date est à vérifier »), or a line whose edition cannot be told. The roadmap says « à
 * vérifier » rather than nothing (trial19 D1); it orders nothing by it.
 */
export function supportToCheck(item: AnalysisItem): boolean {
  return (
    !endOfSupportDays(item).length &&
    (item.risks ?? []).some((r) => r.kind === "end-of-support" || r.kind === "end-of-support-soon")
  );
}

/**
 * The names of what is counted and replaced with each product (its console, agent, client: `partOf`), by product id:
 * a deadline the context gives for « la console Kaspersky Security Center » is the product's.
 */
function partNames(items: AnalysisItem[]): (line: RoadmapLine) => string[] {
  const byProduct = new Map<string, string[]>();
  for (const i of items) {
    if (!i.component || !i.partOf) continue;
    const list = byProduct.get(i.partOf) ?? [];
    const own = productName(i);
    list.push(i.name, ...(own ? [own] : []));
    byProduct.set(i.partOf, list);
  }
  return (line) => {
    const p = line.item.product;
    const id = typeof p === "object" && p ? p.id : p;
    return id ? (byProduct.get(id) ?? []) : [];
  };
}

/** The map's own count by category (distinct products, components set aside), largest first. */
function categories(measure: Measure<AnalysisItem>) {
  return countByCategory(measure.measured.map((m) => m.item))
    .map((c) => ({
      category: c.category,
      products: c.products,
      installations: c.installations,
      extra: c.exposed,
      known: c.known,
    }))
    .sort((a, b) => b.installations - a.installations);
}

// ---------- Local context ----------

const MONTHS: Record<string, number> = {
  janvier: 1,
  fevrier: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  decembre: 12,
};
const MONTH_YEAR = new RegExp(`\\b(${Object.keys(MONTHS).join("|")})\\s+(20\\d{2})\\b`);
const NUMERIC = /\b(?:(\d{1,2})\/(20\d{2})|(20\d{2})-(\d{2}))\b/;
const YEAR = /\b(?:en|fin|debut|mi-|d'ici|avant|au|courant|pour)\s*(20\d{2})\b/;
/**
 * « au printemps 2028 », « à l'automne 2027 »: the month the season starts in (a date at the earliest for « ne …
 * pas avant la fin du chantier, au printemps 2028 », trial20 N-H4; a deadline « d'ici l'été » is read earlier by
 * `deadlines.ts`). The seasons and the day each starts are `deadlines.yaml`'s.
 */
const SEASON_MONTH = new Map(
  Object.entries(deadlineWords().seasons).map(([name, days]) => [fold(name), days.start.slice(0, 2)]),
);
const SEASON = new RegExp(`\\b(${[...SEASON_MONTH.keys()].join("|")})\\s+(20\\d{2})\\b`);

let contractYear: RegExp | null = null;
/**
 * A year after the words of a contract's end (`contract-dates.txt`: « fin de marché 2028 », « jusqu'au renouvellement
 * de 2028 », « licences : échéance 2029 »), a few small words between: a product's year (« Office 2019 ») is not one,
 * nor a count (« jusqu'à 2000 postes »).
 */
function contractYearPattern(): RegExp {
  if (contractYear) return contractYear;
  const counted = wordListLines("head-counts.txt").flatMap((l) => l.split(/\s+/).map((w) => fold(w)));
  const leads = wordAlternation(wordListLines("contract-dates.txt").map((w) => fold(w)));
  const small = "de|du|des|d['’]|en|le|la|l['’]|les|au|aux|a|prevue?s?|fixee?s?|pour|vers|son|sa|ses";
  contractYear = new RegExp(
    String.raw`(?<![\p{L}])(?:${leads})(?![\p{L}])(?:[\s:,–-]+(?:${small})(?![\p{L}]))*[\s:,–-]*(20\d{2})(?!\d)` +
      String.raw`(?!\s*(?:%|€|euros?\b|(?:${counted.join("|")})\b))`,
    "u",
  );
  return contractYear;
}

/** The first date a sentence gives, folded (« juin 2027 » → `2027-06`, « fin 2028 » → `2028`). */
export function sentenceDate(folded: string): string | null {
  const m = MONTH_YEAR.exec(folded);
  if (m) return `${m[2]}-${String(MONTHS[m[1]!]).padStart(2, "0")}`;
  const n = NUMERIC.exec(folded);
  if (n) {
    const [year, month] = n[1] ? [n[2]!, Number(n[1])] : [n[3]!, Number(n[4])];
    if (month >= 1 && month <= 12) return `${year}-${String(month).padStart(2, "0")}`;
  }
  const season = SEASON.exec(folded);
  if (season) return `${season[2]}-${SEASON_MONTH.get(season[1]!)}`;
  const y = YEAR.exec(folded) ?? contractYearPattern().exec(folded);
  return y ? y[1]! : null;
}

/**
 * The date of a dated sentence of the context: the month or year it names (`sentenceDate`), or the day a deadline
 * sets when it falls earlier — « avant l'été 2027 » is the 20 June 2027 (`deadlines.ts`), « avant juin 2027 » the
 * 31 May —, so that what the DSI asks « before » is planned before.
 */
export function eventDate(sentence: string): string | null {
  const month = sentenceDate(fold(sentence));
  const deadline = findDeadlines(sentence)[0]?.date;
  if (!deadline) return month;
  if (!month) return deadline;
  const lastOf = month.length === 4 ? `${month}-12-31` : `${month}-${lastDayOf(month)}`;
  return deadline < lastOf ? deadline : month;
}

const lastDayOf = (month: string) =>
  String(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate()).padStart(2, "0");

/** Lower case, no accents, words separated by single spaces and padded: « Microsoft 365 Apps » → « microsoft 365 apps ». */
const words = (text: string) =>
  ` ${fold(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim()} `;

const firstWord = (name: string) => fold(/^[^\s(]*/.exec(name.trimStart())![0]).replace(/[^a-z0-9]+/g, "");

/**
 * Words a sentence may name a product by: its catalog name, the two first words of it and of the item's name, and
 * the same for what is replaced with it (`parts`: its console, client, tools).
 */
function namesOf(line: RoadmapLine, parts: string[]): string[] {
  const out = new Set<string>();
  for (const name of [productName(line.item), line.item.name, ...line.inventoryNames, ...parts]) {
    if (!name) continue;
    const w = words(name).trim();
    out.add(w);
    const two = w.split(" ").slice(0, 2);
    if (two.length === 2) out.add(two.join(" "));
  }
  return [...out].filter((n) => n.length >= 4).map((n) => ` ${n} `);
}

/** The sentences of a local context, without the « ; » (or « , », « : ») that joined one to the next. */
export const contextSentences = (context: string) =>
  context
    .split(/(?<=[.!?;])\s+|\n+/)
    .map((s) => s.trim().replace(/\s*[;,:]$/, ""))
    .filter(Boolean);

/**
 * The lines a sentence names: by a name of the line (`namesOf`), else by one word that only one line has (« le
 * contrat Sophos se termine en mars 2027 » is the Sophos line's deadline; « le contrat Microsoft » names no line when
 * several are Microsoft's).
 */
export function linesNamed(
  sentence: string,
  lines: RoadmapLine[],
  partsOf: (line: RoadmapLine) => string[],
): { lines: RoadmapLine[]; partial: RoadmapLine[] } {
  const said = words(sentence);
  // Only lines whose name starts with a word of the sentence can be named by it: a cheap test first.
  const vocabulary = new Set(said.trim().split(" "));
  const candidate = (l: RoadmapLine) =>
    [productName(l.item), l.item.name, ...l.inventoryNames, ...partsOf(l)].some(
      (n) => n && vocabulary.has(firstWord(n)),
    );
  const named = lines.filter((l) => candidate(l) && namesOf(l, partsOf(l)).some((n) => said.includes(n)));
  if (named.length) return byEdition(said, named, partsOf);
  // Then by one word that names a single line: the product's own first word when it is not its vendor's (« AutoCAD »
  // of « AutoCAD LT »), or its vendor's name (« Sophos »); a word shared by two lines (« Windows », « Microsoft »)
  // names neither.
  const firstOf = (name: string | null | undefined) => (name ? (words(name).trim().split(" ")[0] ?? "") : "");
  const oneWord = new Map<string, Set<RoadmapLine>>();
  const add = (w: string, l: RoadmapLine) => {
    if (w.length < 3 || /\d/.test(w)) return;
    oneWord.set(w, (oneWord.get(w) ?? new Set()).add(l));
  };
  for (const l of lines) {
    const vendor = firstOf(l.item.vendor?.name);
    if (!vendor) continue;
    add(vendor, l);
    for (const name of [productName(l.item), l.item.name]) if (firstOf(name) !== vendor) add(firstOf(name), l);
  }
  const said1 = [...oneWord].filter(([w]) => said.includes(` ${w} `));
  const single = new Set(said1.filter(([, own]) => own.size === 1).flatMap(([, own]) => [...own]));
  if (single.size) return { lines: single.size === 1 ? [...single] : [], partial: [] };
  // A vendor's contract (« le marché Cisco se termine en juin 2027 ») covers its lines of one kind (Webex and Jabber,
  // both visioconference); lines of different kinds (Windows and Office) are bought apart: the name alone names none.
  const shared = new Set(said1.flatMap(([, own]) => [...own]));
  return { lines: new Set([...shared].map((l) => l.role.id)).size === 1 ? [...shared] : [], partial: [] };
}

/**
 * The lines a sentence names by a name followed by an edition (« Windows 10 LTSC 2021 », « Windows Server 2016 »):
 * the words right after the name that some inventory name of these lines carries (« ltsc », « 2021 »; not « 45 » of
 * « (45 postes) »). A line all of whose inventory names carry them is named; one some of whose names do, in part; one
 * none of whose names do, not at all (trial17 D4: a date for « Windows 10 LTSC 2021 » dated all of Windows 10, and
 * Windows Server 2019 with Server 2016).
 */
function byEdition(
  said: string,
  named: RoadmapLine[],
  partsOf: (line: RoadmapLine) => string[],
): { lines: RoadmapLine[]; partial: RoadmapLine[] } {
  const tokens = (name: string) => words(name).trim().split(" ");
  const known = new Set(named.flatMap((l) => l.inventoryNames.flatMap(tokens)));
  const full: RoadmapLine[] = [];
  const partial: RoadmapLine[] = [];
  for (const l of named) {
    // Each place the sentence names the line: the edition words after the name (none: named whole).
    const editions: string[][] = [];
    for (const n of namesOf(l, partsOf(l))) {
      for (let at = said.indexOf(n); at >= 0; at = said.indexOf(n, at + 1)) {
        const own = new Set(n.trim().split(" "));
        const after = said.slice(at + n.length).split(" ");
        const edition: string[] = [];
        for (const w of after.slice(0, 3)) {
          if (!w || own.has(w) || !known.has(w)) break;
          edition.push(w);
        }
        editions.push(edition);
      }
    }
    const carries = (edition: string[]) =>
      l.inventoryNames.filter((name) => edition.every((w) => tokens(name).includes(w)));
    if (editions.some((e) => carries(e).length === l.inventoryNames.length)) full.push(l);
    else if (editions.some((e) => carries(e).length > 0)) partial.push(l);
  }
  return { lines: full, partial };
}

let keepPattern: RegExp | null = null;
/** A decision to keep (`keep-decisions.txt`), not denied (« ne … pas ») unless the phrase is itself negative. */
function isKeepDecision(sentence: string): boolean {
  keepPattern ??= new RegExp(
    `(?<![\\p{L}])(?:${wordAlternation(wordListLines("keep-decisions.txt").map((w) => fold(w)))})(?![\\p{L}])`,
    "iu",
  );
  const f = fold(sentence);
  const m = keepPattern.exec(f);
  if (!m || /\?\s*$/.test(sentence)) return false;
  if (/\bne\b|\bn'/.test(m[0])) return true;
  return !/(?:\bne\b|\bn['’])[^.;]*\b(?:pas|plus|jamais)\b/.test(f);
}

/**
 * The sentences of the local context that decide to keep software (« on garde ArcGIS Pro pour le service
 * urbanisme »), with the lines they name.
 */
export function keptByDecision(
  context: string,
  lines: RoadmapLine[],
  partsOf: (line: RoadmapLine) => string[] = () => [],
): { text: string; lines: RoadmapLine[] }[] {
  return contextSentences(context)
    .filter(isKeepDecision)
    .map((text) => ({ text, lines: linesNamed(text, lines, partsOf).lines }));
}

/**
 * The dated sentences of the local context that lie after `now` (« le contrat Microsoft 365 arrive à échéance en
 * juin 2027 »), with the lines of the plan they name. No model needed: dates and names are read as written.
 */
export function localEvents(
  context: string,
  lines: RoadmapLine[],
  now?: string,
  partsOf: (line: RoadmapLine) => string[] = () => [],
): LocalEvent[] {
  const today = localDay(now ?? new Date());
  const events: LocalEvent[] = [];
  // Without the « ; » (or « , », « : ») that joined it to the next: « … septembre 2027 ; » read as a stray mark.
  for (const sentence of contextSentences(context)) {
    const date = eventDate(sentence);
    if (!date) continue;
    // A day or a month is ahead when it starts after today; a year when it is later than this one.
    if (date.length === 4 ? date <= today.slice(0, 4) : `${date}-01`.slice(0, 10) <= today) continue;
    const named = linesNamed(sentence, lines, partsOf);
    const notBefore = isNotBefore(sentence);
    // An earliest date for the postes that names no product (« Pas de changement de poste de travail avant septembre
    // 2027 », trial21 T-M10) is the postes' system's: their lines.
    const postes =
      notBefore && !named.lines.length && !named.partial.length && namesPostes(sentence)
        ? lines.filter((l) => l.role.id === "workstation-os")
        : named.lines;
    events.push({
      text: sentence,
      // « pas avant 2028 »: the year or month it names, not the day before it.
      date: notBefore ? (sentenceDate(fold(sentence)) ?? date) : date,
      lines: postes,
      ...(named.partial.length ? { partial: named.partial } : {}),
      ...(notBefore
        ? { notBefore: true as const }
        : isSupportEnd(sentence)
          ? { supportEnd: true as const }
          : isContractEnd(sentence)
            ? { contractEnd: true as const }
            : {}),
    });
  }
  return events.sort((a, b) => a.date.localeCompare(b.date));
}

let notBeforeWords: { earliest: RegExp; before: RegExp; noVerb: RegExp; postes: RegExp } | null = null;
/**
 * A sentence saying a replacement cannot happen before its date (`not-before.txt`: « pas avant 2028 », « au plus tôt
 * en 2028 », « ne peuvent pas changer de système avant 2028 »).
 */
export function isNotBefore(sentence: string): boolean {
  if (!notBeforeWords) {
    const sections = wordListSections("not-before.txt");
    const alt = (name: string) => wordAlternation((sections.get(name) ?? []).map((w) => fold(w)));
    notBeforeWords = {
      earliest: new RegExp(`(?<![\\p{L}])(?:${alt("au plus tôt")})(?![\\p{L}])`, "u"),
      before: new RegExp(
        `(?<![\\p{L}])(?:ne|n')\\s*[^.;:,!?]*?(?<![\\p{L}])(?:pas|jamais|plus)(?![\\p{L}])[^.;:,!?]*?(?<![\\p{L}])(?:${alt("avant")})(?![\\p{L}])`,
        "u",
      ),
      // « Pas de changement … avant septembre 2027 » opening the sentence or a clause.
      noVerb: new RegExp(
        `(?:^|[;:,(]\\s*)(?:${alt("sans verbe")})\\s*[^.;:,!?]*?(?<![\\p{L}])(?:${alt("avant")})(?![\\p{L}])`,
        "u",
      ),
      postes: new RegExp(`(?<![\\p{L}])(?:${alt("postes")})(?![\\p{L}])`, "u"),
    };
  }
  const f = fold(sentence).replace(/[’]/g, "'");
  return notBeforeWords.earliest.test(f) || notBeforeWords.before.test(f) || notBeforeWords.noVerb.test(f);
}

/** Whether an earliest date's sentence names the postes (`not-before.txt`, [postes]): « changement de poste de travail ». */
function namesPostes(sentence: string): boolean {
  isNotBefore(sentence);
  return notBeforeWords!.postes.test(fold(sentence).replace(/[’]/g, "'"));
}

let supportEndWords: { end: RegExp; deadline: RegExp } | null = null;
/**
 * A sentence that gives the vendor's end of support (`support-end.txt`, [fin de support]: « perdent leur support le 12
 * janvier 2027 ») without setting a deadline of the collectivité's own ([échéance]: « doit être migré avant … »).
 */
export function isSupportEnd(sentence: string): boolean {
  const words = supportWords();
  const f = fold(sentence).replace(/[’]/g, "'");
  return words.end.test(f) && !words.deadline.test(f);
}

/** The words of `support-end.txt`: an end of support, and what sets a deadline of the collectivité's own. */
function supportWords(): { end: RegExp; deadline: RegExp } {
  if (!supportEndWords) {
    const sections = wordListSections("support-end.txt");
    const pattern = (key: string) =>
      new RegExp(`(?<![\\p{L}])(?:${wordAlternation((sections.get(key) ?? []).map((w) => fold(w)))})(?![\\p{L}])`, "u");
    supportEndWords = { end: pattern("fin de support"), deadline: pattern("échéance") };
  }
  return supportEndWords;
}

let contractEndWords: RegExp | null = null;
/**
 * A sentence that gives a contract's end (`contract-end.txt`: « le contrat … arrive à échéance », « le marché … se
 * termine ») without setting a deadline of the collectivité's own (`support-end.txt` [échéance]: « doit être migré
 * avant », « d'ici »): a decision to take, not a due date (trial18 F4).
 */
export function isContractEnd(sentence: string): boolean {
  contractEndWords ??= new RegExp(
    `(?<![\\p{L}])(?:${wordAlternation(wordListLines("contract-end.txt").map((w) => fold(w)))})(?![\\p{L}])`,
    "u",
  );
  const f = fold(sentence).replace(/[’]/g, "'");
  return contractEndWords.test(f) && !isSupportEnd(sentence) && !supportWords().deadline.test(f);
}

/** The day an end-of-support sentence gives (« le 12 janvier 2027 »), else the first of its month or year. */
function supportDay(e: LocalEvent): string | null {
  const said = FRENCH_DAY.exec(e.text);
  if (said)
    return `${said[3]}-${String(MONTH_NAMES.indexOf(said[2]!) + 1).padStart(2, "0")}-${(said[1] === "1er" ? "1" : said[1]!).padStart(2, "0")}`;
  return e.date.length === 4 ? `${e.date}-01-01` : e.date.length === 7 ? `${e.date}-01` : e.date;
}

/** The day a year after `now` (ISO), the horizon of « le cessera d'ici un an ». */
function yearAfter(now?: string): string {
  const today = localDay(now ?? new Date());
  return `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
}

export { roleOf };
