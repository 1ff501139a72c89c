/**
 * From inventory rows to the dependency map: one item per distinct name (installations summed), classified
 * against the catalog or by hand, then a summary by category with shares, risks, quick wins and an explained
 * dependency score. No I/O here: the caller brings the rows, the match index and the manual classifications.
 */
import { categoryLabel, categoryWord, countryName, fitLabel } from "../core/labels.ts";
import { exposureLabel, lawsFor } from "../corpus/catalog.ts";
import { CATEGORIES, type Category } from "../corpus/schema.ts";
import { message } from "../i18n/messages.ts";
import { controllingCountry, exposureOf, isEuropean, matchName, type CatalogEntry, type MatchIndex, type MatchResult, type VendorInfo } from "./match.ts";
import { countByCategory, productKeyOf } from "./category-counts.ts";
import { bestAlternative, isExposed, isQuickWin, measureItems, measureWeights } from "./measure.ts";
import { displayName, isComponent, looseKey, nameKey, nameTokens } from "./normalize.ts";
import type {
  AnalysisResult,
  CategorySummary,
  DependencyScore,
  InventoryItem,
  InventoryRow,
  InventorySummary,
  ManualClassification,
  MatchMethod,
  QuickWin,
  RiskKind,
  RowKind,
  ScoreComponent,
  ShareFigure,
  UnknownItem,
} from "./types.ts";

export interface AnalyzeOptions {
  /** Manual classifications by `nameKey` of the name. */
  classifications?: Map<string, ManualClassification>;
  /** Quick wins listed (10 by default). */
  quickWins?: number;
}

interface Group {
  name: string;
  publishers: Map<string, number>;
  versions: Set<string>;
  installations: number;
  kind: RowKind;
  hint: Category | null;
}

/**
 * Classifies every distinct name of the rows and summarises the map.
 * @example
 * const { rows } = parseInventoryFiles(files);
 * const { items, summary, unknown } = analyzeRows(rows, await loadMatchIndex(corpusDir));
 */
export function analyzeRows(rows: InventoryRow[], index: MatchIndex, options: AnalyzeOptions = {}): AnalysisResult {
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const name = displayName(row.name);
    if (!name) continue;
    let g = groups.get(name);
    if (!g) {
      g = { name, publishers: new Map(), versions: new Set(), installations: 0, kind: row.kind, hint: row.hint };
      groups.set(name, g);
    }
    g.installations += row.installations;
    if (row.publisher) g.publishers.set(row.publisher, (g.publishers.get(row.publisher) ?? 0) + row.installations + 1);
    for (const v of row.versions) if (g.versions.size < 10) g.versions.add(v);
    if (row.kind === "hardware") g.kind = "hardware";
    g.hint ??= row.hint;
  }
  const classifications = new Map(options.classifications ?? []);
  // A classification made for "Outil 2023" also serves "Outil 2024": the loose key is the fallback.
  for (const c of options.classifications?.values() ?? []) {
    const loose = `~${looseKey(c.name)}`;
    if (!classifications.has(loose)) classifications.set(loose, c);
  }
  const items = mergeVersions([...groups.values()].map((g) => classifyInventoryItem(g, index, classifications)));
  items.sort((a, b) => b.installations - a.installations || a.name.localeCompare(b.name, "fr"));
  const unknown: UnknownItem[] = items
    .filter((i) => !i.product && !i.component && i.match !== "manual")
    .map((i) => ({
      name: i.name,
      publisher: i.publisher,
      installations: i.installations,
      kind: i.kind,
      vendor: i.vendor,
      extraEuropean: i.extraEuropean,
      reason: i.reason,
      ...(i.suggestion ? { suggestion: i.suggestion } : {}),
    }));
  const review = unknown.filter((u) => u.suggestion);
  return { items, summary: summarize(items, index, options.quickWins ?? 10), unknown, review };
}

/**
 * One line per product: names that differ only by their bare numbers and were classified alike ("Firefox 128",
 * "Firefox 127") become one line, installations summed, versions and names kept. Names the catalog tells apart
 * by number ("Windows 10", "Windows 11") are different products and stay apart.
 */
export function mergeVersions(items: InventoryItem[]): InventoryItem[] {
  const byKey = new Map<string, InventoryItem[]>();
  const out: InventoryItem[] = [];
  for (const item of items) {
    const tokens = nameTokens(item.name).filter((t) => !/^v?\d+$/.test(t));
    if (!tokens.length || item.match === "manual") {
      out.push(item);
      continue;
    }
    const key = [tokens.join(" "), item.product?.id ?? "", item.vendor?.name ?? "", item.component, item.kind, item.extraEuropean, item.openSource, item.category].join("|");
    const list = byKey.get(key);
    if (list) list.push(item);
    else byKey.set(key, [item]);
  }
  for (const list of byKey.values()) {
    if (list.length === 1) {
      out.push(list[0]!);
      continue;
    }
    list.sort((a, b) => b.installations - a.installations || a.name.localeCompare(b.name, "fr"));
    const top = list[0]!;
    const versions = new Set<string>();
    for (const i of list) {
      for (const v of i.versions) versions.add(v);
      // The number that told the names apart is a version too ("128" of "Firefox 128") when the export gave none.
      if (!i.versions.length) for (const n of nameTokens(i.name).filter((t) => /^v?\d+$/.test(t))) versions.add(n);
    }
    out.push({
      ...top,
      name: commonName(list.map((i) => i.name)) ?? top.name,
      names: list.map((i) => i.name),
      installations: list.reduce((n, i) => n + i.installations, 0),
      versions: [...versions].slice(0, 20),
      confidence: Math.min(...list.map((i) => i.confidence)),
    });
  }
  return out;
}

/** "Firefox 128" and "Firefox 127" → "Firefox"; null when the shared part is not a name. */
function commonName(names: string[]): string | null {
  let prefix = names[0]!;
  for (const n of names.slice(1)) {
    let i = 0;
    while (i < prefix.length && i < n.length && prefix[i] === n[i]) i++;
    prefix = prefix.slice(0, i);
  }
  const trimmed = prefix.replace(/[\s\d.,_()\-–—]*$/, "").replace(/\s+v$/i, "").trim();
  return /[a-z]{2}/i.test(trimmed) ? trimmed : null;
}

function mostFrequent(map: Map<string, number>): string | null {
  let best: string | null = null;
  let n = -1;
  for (const [k, v] of map) if (v > n) [best, n] = [k, v];
  return best;
}

// --------------------------------------------------------------------------------------------------------
// One item

const WEAK_METHODS = new Set<MatchMethod>(["prefix", "contains", "near"]);

const vendorView = (v: VendorInfo): InventoryItem["vendor"] => ({
  name: v.name,
  country: v.country,
  parent: v.parent,
  ...(v.ownershipVerified === false ? { ownershipVerified: false as const } : {}),
});

/** Classifies one distinct name: manual classification first, then the catalog, else unknown with a reason. */
export function classifyInventoryItem(group: Group, index: MatchIndex, classifications: Map<string, ManualClassification>): InventoryItem {
  const publisher = mostFrequent(group.publishers);
  const base = {
    name: group.name,
    publisher,
    installations: group.installations,
    kind: group.kind,
    versions: [...group.versions],
  };
  let match = matchName(index, group.name, publisher, group.kind);
  const manual = classifications.get(nameKey(group.name)) ?? classifications.get(`~${looseKey(group.name)}`);
  if (manual) return applyManual(base, manual, match, index);
  const component = isComponent(group.name);
  // "Security update for Microsoft Office (KB…)" contains a product name but is not the product.
  if (component && match.entry && WEAK_METHODS.has(match.method)) match = { ...match, entry: null, method: match.vendor ? "vendor" : "none", confidence: match.vendor ? 0.5 : 0 };

  // Too uncertain to assert ("Mozila Firefx", one word of a longer name): the entry is a suggestion to review.
  let suggestion: InventoryItem["suggestion"] = null;
  if (match.entry && match.review) {
    suggestion = { id: match.entry.id, name: match.entry.name, confidence: round(match.confidence, 2), method: match.method };
    match = { ...match, entry: null, method: match.vendor ? "vendor" : "none", confidence: match.vendor ? 0.5 : 0 };
  }

  if (match.entry) {
    const e = match.entry;
    // The catalog may list a component itself ("Microsoft Visual C++ Redistributable", "…WebView2 Runtime"):
    // the item keeps what the catalog says of it but stays out of the map.
    const catalogComponent = component && (isComponent(match.label ?? "") || isComponent(e.name));
    return {
      ...base,
      product: { id: e.id, name: e.name },
      vendor: vendorView(e.vendor),
      extraEuropean: e.extraEuropean,
      openSource: e.openSource,
      category: e.category,
      alternatives: e.alternatives,
      confidence: round(match.confidence, 2),
      reason: [matchSentence(match, group.name), provenanceSentence(e.vendor, e), exposureSentence(e.vendor), catalogComponent ? message("inventory.reason.catalogComponent") : ""]
        .filter(Boolean)
        .join(" "),
      match: match.method,
      exposure: exposureOf(e.vendor),
      risks: e.risks,
      component: catalogComponent,
    };
  }
  const reviewSentence = suggestion ? message("inventory.reason.review", { product: suggestion.name }) : "";
  let category = component ? null : group.hint;
  if (match.vendor) {
    const v = match.vendor;
    const extraEuropean = controlledOutsideEurope(v);
    // A device of a known maker whose model the catalog lacks: the maker's kind of equipment, proprietary.
    const device = group.kind === "hardware" && !component && !!v.hardware;
    if (device) category ??= v.hardware!;
    return {
      ...base,
      product: null,
      vendor: vendorView(v),
      extraEuropean,
      openSource: device ? false : null,
      category,
      alternatives: [],
      confidence: match.confidence,
      reason: [
        message(component ? "inventory.reason.componentVendor" : "inventory.reason.vendorOnly", { vendor: v.name }),
        provenanceSentence(v, null),
        exposureSentence(v),
        component
          ? ""
          : device && !group.hint
            ? message("inventory.reason.categoryFromVendor", { category: categoryWord(category), vendor: v.name })
            : categorySentence(category),
        reviewSentence,
      ].filter(Boolean).join(" "),
      match: "vendor",
      suggestion,
      exposure: exposureOf(v),
      risks: v.exposure.map((e) => ({ kind: "legal-exposure" as const, label: exposureLabel(e) })),
      component,
    };
  }
  return {
    ...base,
    product: null,
    vendor: null,
    extraEuropean: null,
    openSource: null,
    category,
    alternatives: [],
    confidence: 0,
    reason: component
      ? message("inventory.reason.component")
      : [
          reviewSentence || message(publisher ? "inventory.reason.unknownWithPublisher" : "inventory.reason.unknown", { publisher: publisher ?? "" }),
          categorySentence(category),
        ].filter(Boolean).join(" "),
    match: "none",
    suggestion,
    exposure: { controllingCountry: null, laws: [] },
    risks: [],
    component,
  };
}

function controlledOutsideEurope(v: VendorInfo): boolean | null {
  const c = controllingCountry(v);
  return c === null ? null : !isEuropean(c);
}

function categorySentence(category: Category | null): string {
  return category ? message("inventory.reason.categoryFromExport", { category: categoryWord(category) }) : "";
}

function matchSentence(match: MatchResult, name: string): string {
  const e = match.entry!;
  const what = e.kind === "product" ? message("inventory.reason.product", { product: e.name }) : openSourceSentence(e);
  const how = message(`inventory.match.${match.method}`, { label: match.label ?? e.name, name });
  return `${what} ${how}${match.publisherMismatch ? ` ${message("inventory.reason.publisherMismatch")}` : ""}`;
}

function openSourceSentence(e: CatalogEntry): string {
  return e.openSource
    ? message("inventory.reason.openSource", { product: e.name, licence: e.licence ?? "" })
    : message("inventory.reason.proprietaryAlternative", { product: e.name });
}

/** Where the controlling entity is, in French: the vendor, or its parent group, and what that makes the item. */
function provenanceSentence(v: VendorInfo, entry: CatalogEntry | null): string {
  const sentence = locationSentence(v, entry);
  // Who controls the vendor today is not confirmed (a sale announced, a restructuring): said, not asserted.
  return v.ownershipVerified === false ? `${sentence} ${message("inventory.reason.ownershipUnverified", { vendor: v.name })}` : sentence;
}

function locationSentence(v: VendorInfo, entry: CatalogEntry | null): string {
  if (v.country === null) return message("inventory.reason.community", { vendor: v.name });
  if (v.parent && v.parent.country !== v.country) {
    return message(isEuropean(v.parent.country) ? "inventory.reason.parentEuropean" : "inventory.reason.parentExtra", {
      vendor: v.name,
      country: countryName(v.country),
      parent: v.parent.name,
      parentCountry: countryName(v.parent.country),
    });
  }
  const key = isEuropean(v.country) ? "inventory.reason.vendorEuropean" : "inventory.reason.vendorExtra";
  return message(key, { vendor: v.name, country: countryName(v.country), role: message(entry?.kind === "alternative" ? "inventory.reason.rolePublisher" : "inventory.reason.roleVendor") });
}

function exposureSentence(v: VendorInfo): string {
  if (!v.exposure.length) return "";
  return message("inventory.reason.exposure", { laws: v.exposure.map(exposureLabel).join(", ") });
}

function applyManual(
  base: Pick<InventoryItem, "name" | "publisher" | "installations" | "kind" | "versions">,
  manual: ManualClassification,
  match: MatchResult,
  index: MatchIndex,
): InventoryItem {
  const entry = manual.productId ? (index.entries.get(manual.productId) ?? null) : match.entry;
  let vendor: InventoryItem["vendor"] = entry ? vendorView(entry.vendor) : match.vendor ? vendorView(match.vendor) : null;
  if (manual.vendorCountry || manual.vendorName) {
    vendor = { name: manual.vendorName ?? vendor?.name ?? base.publisher ?? "?", country: manual.vendorCountry ?? vendor?.country ?? null, parent: null };
  }
  const vendorInfo = entry?.vendor ?? match.vendor;
  const derived =
    vendor && (manual.vendorCountry || manual.vendorName)
      ? vendor.country === null
        ? null
        : !isEuropean(vendor.country)
      : entry
        ? entry.extraEuropean
        : vendorInfo
          ? controlledOutsideEurope(vendorInfo)
          : null;
  const details: string[] = [];
  if (manual.productId) details.push(entry ? message("inventory.manual.product", { product: entry.name }) : message("inventory.manual.productGone", { id: manual.productId }));
  if (manual.category) details.push(message("inventory.manual.category", { category: categoryWord(manual.category) }));
  if (manual.vendorCountry) details.push(message("inventory.manual.country", { country: countryName(manual.vendorCountry) }));
  if (manual.extraEuropean !== null) details.push(message(manual.extraEuropean ? "inventory.manual.extra" : "inventory.manual.european"));
  if (manual.openSource !== null) details.push(message(manual.openSource ? "inventory.manual.openSource" : "inventory.manual.proprietary"));
  const keepExposure = !!entry || (!!match.vendor && !manual.vendorCountry && !manual.vendorName);
  const laws = keepExposure && vendorInfo ? vendorInfo.exposure : lawsFor([], manual.vendorCountry ?? null);
  const exposure = { controllingCountry: keepExposure && vendorInfo ? controllingCountry(vendorInfo) : (vendor?.country ?? null), laws };
  return {
    ...base,
    product: entry ? { id: entry.id, name: entry.name } : null,
    vendor,
    extraEuropean: manual.extraEuropean ?? derived,
    openSource: manual.openSource ?? entry?.openSource ?? null,
    category: manual.category ?? entry?.category ?? null,
    alternatives: entry?.alternatives ?? [],
    confidence: 1,
    reason: message("inventory.reason.manual", { date: manual.updatedAt.slice(0, 10), details: details.join(", ") }),
    match: "manual",
    exposure,
    risks: entry ? entry.risks : laws.map((e) => ({ kind: "legal-exposure" as const, label: exposureLabel(e) })),
    component: false,
  };
}

// --------------------------------------------------------------------------------------------------------
// The map

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
const share = (part: number, whole: number): number | null => (whole > 0 ? round(part / whole) : null);

const RISK_KINDS: RiskKind[] = ["legal-exposure", "price-increase", "lock-in", "closed-format"];

function collectRisks(items: InventoryItem[]) {
  const byKey = new Map<string, { kind: RiskKind; label: string; products: Set<string>; installations: number }>();
  for (const item of items) {
    // Risks that matter to the map are those of what the collectivity depends on, not of its free software.
    if (item.openSource) continue;
    for (const r of item.risks) {
      const key = r.kind === "legal-exposure" ? `${r.kind}:${r.label}` : r.kind;
      const label = r.kind === "legal-exposure" ? r.label : message(`inventory.riskKind.${r.kind}`);
      const entry = byKey.get(key) ?? { kind: r.kind, label, products: new Set<string>(), installations: 0 };
      entry.products.add(item.product?.name ?? item.name);
      entry.installations += item.installations;
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()]
    .sort((a, b) => RISK_KINDS.indexOf(a.kind) - RISK_KINDS.indexOf(b.kind) || b.installations - a.installations)
    .map((r) => ({ kind: r.kind, label: r.label, products: [...r.products].slice(0, 12), installations: r.installations }));
}

const productKey = (i: InventoryItem) => productKeyOf(i);

function shareFigure(items: InventoryItem[], pick: (i: InventoryItem) => boolean | null): ShareFigure {
  let yes = 0;
  let known = 0;
  for (const i of items) {
    const v = pick(i);
    if (v === null) continue;
    known += i.installations;
    if (v) yes += i.installations;
  }
  return { installations: yes, share: share(yes, known) };
}

function mainDependencies(items: InventoryItem[]) {
  const byProduct = new Map<string, { name: string; installations: number; vendor: string | null; country: string | null; laws: string[] }>();
  for (const i of items) {
    if (!(i.extraEuropean || i.exposure.laws.length) || i.openSource) continue;
    const key = productKey(i);
    const e = byProduct.get(key) ?? { name: i.product?.name ?? i.name, installations: 0, vendor: i.vendor?.name ?? null, country: i.vendor?.parent?.country ?? i.vendor?.country ?? null, laws: i.exposure.laws };
    e.installations += i.installations;
    byProduct.set(key, e);
  }
  return [...byProduct.values()].sort((a, b) => b.installations - a.installations).slice(0, 5);
}

function summarize(all: InventoryItem[], index: MatchIndex, quickWinCount: number): InventorySummary {
  const items = all.filter((i) => !i.component);
  const components = all.filter((i) => i.component);
  const classified = items.filter((i) => i.extraEuropean !== null || i.exposure.laws.length > 0);
  const installations = items.reduce((s, i) => s + i.installations, 0);
  const classifiedInstallations = classified.reduce((s, i) => s + i.installations, 0);

  // The same counting as the roadmap's « État des lieux » (category-counts.ts): one definition, one set of numbers.
  const byCategory = new Map(countByCategory(all).map((c) => [c.category, c]));
  const order = [...CATEGORIES, "unclassified"] as const;
  const categories: CategorySummary[] = order
    .filter((c) => byCategory.has(c))
    .map((c) => {
      const count = byCategory.get(c)!;
      const list = count.lines;
      return {
        category: c,
        label: c === "unclassified" ? message("inventory.category.unclassified") : categoryLabel(c),
        products: count.products,
        items: count.items,
        installations: count.installations,
        extraEuropean: { installations: count.exposed, share: share(count.exposed, count.known) },
        openSource: shareFigure(list, (i) => i.openSource),
        mainDependencies: mainDependencies(list),
        risks: collectRisks(list),
      };
    });

  return {
    items: items.length,
    installations,
    components: { items: components.length, installations: components.reduce((s, i) => s + i.installations, 0) },
    classified: { items: classified.length, installations: classifiedInstallations, share: share(classifiedInstallations, installations) },
    products: new Set(classified.map(productKey)).size,
    extraEuropean: shareFigure(items, isExposed),
    openSource: shareFigure(items, (i) => i.openSource),
    categories,
    risks: collectRisks(items),
    quickWins: quickWins(items, quickWinCount),
    score: dependencyScore(items),
    catalog: { ...index.counts, fingerprint: index.fingerprint },
  };
}

/** Widely installed extra-European (or exposed) products with a drop-in alternative: where a DSI can start. */
function quickWins(items: InventoryItem[], count: number): QuickWin[] {
  const byProduct = new Map<string, QuickWin & { top: number }>();
  for (const i of items) {
    // Installed, exposed (extra-European or subject to a foreign law: Kaspersky), with a drop-in alternative, and
    // not software every agent works in nor server software (Exchange Server): the rule the roadmap uses too.
    if (!i.product || !i.category || !isQuickWin(i)) continue;
    const alternative = bestAlternative(i.alternatives)!;
    const existing = byProduct.get(i.product.id);
    if (existing) {
      existing.installations += i.installations;
      if (i.installations > existing.top) [existing.name, existing.top] = [i.name, i.installations];
      continue;
    }
    byProduct.set(i.product.id, {
      name: i.name,
      top: i.installations,
      product: i.product,
      category: i.category,
      installations: i.installations,
      vendor: i.vendor ? { name: i.vendor.name, country: i.vendor.parent?.country ?? i.vendor.country } : null,
      alternative,
      laws: i.exposure.laws,
      reason: "",
    });
  }
  return [...byProduct.values()]
    .sort((a, b) => b.installations - a.installations)
    .slice(0, count)
    .map(({ top: _top, ...w }) => ({
      ...w,
      reason: message("inventory.quickWin.reason", {
        product: w.product.name,
        installations: formatInt(w.installations),
        alternative: w.alternative.name,
        fit: fitLabel(w.alternative.fit),
        details: [
          message(w.alternative.openSource ? "inventory.quickWin.openSource" : "inventory.quickWin.proprietary"),
          w.alternative.country ? countryName(w.alternative.country) : message("inventory.quickWin.community"),
        ].join(", "),
      }) + (w.laws?.length ? ` ${message("inventory.quickWin.laws", { laws: w.laws.map(exposureLabel).join(", ") })}` : ""),
    }));
}

const formatInt = (n: number) => new Intl.NumberFormat("fr-FR").format(n);
const formatPercent = (x: number) => `${new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 }).format(x * 100)} %`;
const formatPoints = (x: number) => new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 }).format(x);

function scoreLevel(value: number | null): string {
  if (value === null) return message("inventory.score.level.none");
  if (value < 20) return message("inventory.score.level.low");
  if (value < 40) return message("inventory.score.level.moderate");
  if (value < 60) return message("inventory.score.level.high");
  return message("inventory.score.level.veryHigh");
}

/**
 * The weighted measure of exposure (`measure.ts`, weights in `measure-weights.yaml`), given as the map's score:
 * value = 100 × Σ(installations × role weight × exposure) ÷ Σ(installations × role weight), and per category the
 * points it adds to that value, which sum to it.
 */
function dependencyScore(items: InventoryItem[]): DependencyScore {
  const measure = measureItems(items);
  const perCategory = new Map<Category | "unclassified", { n: number; weighted: number; exposed: number }>();
  for (const m of measure.measured) {
    if (m.exposure === null) continue;
    const key = m.item.category ?? "unclassified";
    const c = perCategory.get(key) ?? { n: 0, weighted: 0, exposed: 0 };
    c.n += m.item.installations;
    c.weighted += m.weighted;
    c.exposed += m.weighted * m.exposure;
    perCategory.set(key, c);
  }
  const total = measure.weighted.known;
  const components: ScoreComponent[] = [...perCategory.entries()]
    .filter(([, c]) => c.weighted > 0)
    .map(([k, c]) => {
      const dependency = c.exposed / c.weighted;
      const points = total ? (100 * c.exposed) / total : 0;
      const weight = round(c.weighted / c.n, 1);
      const label = k === "unclassified" ? message("inventory.category.unclassified") : categoryLabel(k);
      return {
        category: k,
        label,
        weight,
        installations: c.n,
        dependency: round(dependency),
        points: round(points, 1),
        explanation: message("inventory.score.component", { label, dependency: formatPercent(dependency), weight: formatPoints(weight), points: formatPoints(points) }),
      };
    });
  components.sort((a, b) => b.points - a.points);
  const value = measure.weighted.value === null ? null : Math.round(measure.weighted.value);
  const coverage = share(measure.raw.known, measure.installations);
  return {
    value,
    level: scoreLevel(value),
    formula: scoreFormula(),
    explanation: message("inventory.score.explanation", {
      coverage: coverage === null ? "0 %" : formatPercent(coverage),
      value: value === null ? "—" : String(value),
      level: scoreLevel(value),
      raw: measure.raw.share === null ? "—" : formatPercent(measure.raw.share / 100),
    }),
    coverage,
    components,
  };
}

/** The formula in French, its figures read from the weights file. */
function scoreFormula(): string {
  const w = measureWeights();
  const n = (x: number) => formatPoints(x);
  return message("inventory.score.formula", {
    law: n(w.exposure.law),
    extra: n(w.exposure.extraEuropean),
    openSourceExtra: n(w.exposure.openSourceExtraEuropean),
    european: n(w.exposure.european),
    weights: w.roles.map((r) => `${r.label} ${n(r.weight)}`).join(", "),
  });
}
