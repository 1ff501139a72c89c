/** The map as a whole: summary by category with shares, risks, main dependencies, quick wins and the explained dependency score. */

import { categoryLabel, countryName, fitLabel } from "../core/labels.ts";
import { formatDecimal, formatInt, percentText, roundPercent } from "../core/text.ts";
import { exposureLabel } from "../corpus/catalog.ts";
import { CATEGORIES, type Category } from "../corpus/schema.ts";
import { countText, message } from "../i18n/messages.ts";
import { countByCategory, productKeyOf } from "./category-counts.ts";
import { round } from "./classify.ts";
import type { MatchIndex } from "./match.ts";
import { bestAlternative, isExposed, isQuickWin, measureItems, measureWeights } from "./measure.ts";
import { formatDay } from "./risks.ts";
import type {
  CategorySummary,
  CountrySummary,
  DependencyScore,
  InventoryItem,
  InventorySummary,
  QuickWin,
  RiskKind,
  ScoreComponent,
  ShareFigure,
} from "./types.ts";

/** The exact ratio: rounded once, where it is shown (`roundPercent`), never here (0.7947 must not become 0.795 → 80 %). */
export const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export const RISK_KINDS: RiskKind[] = [
  "end-of-support",
  "end-of-support-soon",
  "legal-exposure",
  "price-increase",
  "lock-in",
  "closed-format",
];

export function collectRisks(items: InventoryItem[]) {
  const byKey = new Map<string, { kind: RiskKind; label: string; products: Set<string>; installations: number }>();
  for (const item of items) {
    // Risks that matter to the map are those of what the collectivity depends on, not of its free software.
    if (item.openSource) continue;
    for (const r of item.risks) {
      // A coming end of support is said with its day and the time left, one entry per day.
      const soon = r.kind === "end-of-support-soon" && r.date;
      const key = r.kind === "legal-exposure" ? `${r.kind}:${r.label}` : soon ? `${r.kind}:${r.date}` : r.kind;
      const label =
        r.kind === "legal-exposure"
          ? r.label
          : message(`inventory.riskKind.${r.kind}`, soon ? { date: formatDay(r.date!), delay: r.timeLeft ?? "" } : {});
      const entry = byKey.get(key) ?? { kind: r.kind, label, products: new Set<string>(), installations: 0 };
      entry.products.add(item.product?.name ?? item.name);
      entry.installations += item.installations;
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()]
    .sort((a, b) => RISK_KINDS.indexOf(a.kind) - RISK_KINDS.indexOf(b.kind) || b.installations - a.installations)
    .map((r) => ({
      kind: r.kind,
      label: r.label,
      products: [...r.products].slice(0, 12),
      installations: r.installations,
    }));
}

export const productKey = (i: InventoryItem) => productKeyOf(i);

/**
 * Identified: matched to a catalog entry, or classified by hand. The rest of the map's lines are the unknown list,
 * « à classer » (analyze.ts), even when their vendor is known (Ciril GROUP, product not in the catalog).
 */
export const isIdentified = (i: InventoryItem) => !!i.product || i.match === "manual";

export function shareFigure(items: InventoryItem[], pick: (i: InventoryItem) => boolean | null): ShareFigure {
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

export function mainDependencies(items: InventoryItem[]) {
  const byProduct = new Map<
    string,
    { name: string; installations: number; vendor: string | null; country: string | null; laws: string[] }
  >();
  for (const i of items) {
    if (!(i.extraEuropean || i.exposure.laws.length) || i.openSource) continue;
    const key = productKey(i);
    const e = byProduct.get(key) ?? {
      name: i.product?.name ?? i.name,
      installations: 0,
      vendor: i.vendor?.name ?? null,
      country: i.vendor?.parent?.country ?? i.vendor?.country ?? null,
      laws: i.exposure.laws,
    };
    e.installations += i.installations;
    byProduct.set(key, e);
  }
  return [...byProduct.values()].sort((a, b) => b.installations - a.installations).slice(0, 5);
}

/** The computers' own models among the set-aside lines (GLPI Agent's BIOS lines), when there are any. */
function hardwareSetAside(components: InventoryItem[]) {
  const hardware = components.filter((i) => i.kind === "hardware");
  if (!hardware.length) return {};
  return { hardware: { items: hardware.length, installations: hardware.reduce((s, i) => s + i.installations, 0) } };
}

/**
 * A category's extra-European figure, counted as the global share (`shareFigure`): the installations known to be so,
 * over the category's installations of known origin (`known`), and those of unknown origin said apart — never counted
 * either way (trial 9: « 100 % » alone for 7 known of 134; trial 14 B15: « 1,6 % » for 6 of 6 known among 370). The
 * page, the roadmap and the export say « des N d'origine connue » whenever some are unknown.
 */
export function categoryExtraEuropean(count: {
  installations: number;
  exposed: number;
  known: number;
}): CategorySummary["extraEuropean"] {
  return {
    installations: count.exposed,
    share: count.known ? share(count.exposed, count.known) : null,
    known: count.known,
    unknown: count.installations - count.known,
  };
}

export function summarize(all: InventoryItem[], index: MatchIndex, quickWinCount: number): InventorySummary {
  const items = all.filter((i) => !i.component);
  const components = all.filter((i) => i.component);
  const classified = items.filter((i) => i.extraEuropean !== null || i.exposure.laws.length > 0);
  const installations = items.reduce((s, i) => s + i.installations, 0);
  const classifiedInstallations = classified.reduce((s, i) => s + i.installations, 0);
  // « À classer » is the unknown list (analyze.ts): a vendor recognised without its product is not identified.
  const identified = items.filter(isIdentified);
  const identifiedInstallations = identified.reduce((s, i) => s + i.installations, 0);

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
        extraEuropean: categoryExtraEuropean(count),
        openSource: shareFigure(list, (i) => i.openSource),
        mainDependencies: mainDependencies(list),
        risks: collectRisks(list),
      };
    });

  return {
    items: items.length,
    installations,
    components: {
      items: components.length,
      installations: components.reduce((s, i) => s + i.installations, 0),
      ...hardwareSetAside(components),
    },
    classified: {
      items: classified.length,
      installations: classifiedInstallations,
      share: share(classifiedInstallations, installations),
    },
    identified: {
      items: identified.length,
      installations: identifiedInstallations,
      // Never « 100 % » while installations are left to classify (shown without decimals, 99.7 % would read 100 %).
      share:
        identifiedInstallations < installations
          ? Math.min(0.99, share(identifiedInstallations, installations) ?? 0)
          : share(identifiedInstallations, installations),
    },
    toClassify: {
      items: items.length - identified.length,
      installations: installations - identifiedInstallations,
    },
    products: new Set(identified.map(productKey)).size,
    extraEuropean: shareFigure(items, isExposed),
    openSource: shareFigure(items, (i) => i.openSource),
    categories,
    countries: countryCounts(items),
    risks: collectRisks(items),
    quickWins: quickWins(items, quickWinCount),
    score: dependencyScore(items),
    catalog: { ...index.counts, fingerprint: index.fingerprint },
  };
}

/** Installations by the controlling entity's country (the map's « par pays » chart), most installed first, unknown last. */
const COMMUNITY = "\u0000community";

export function countryCounts(items: InventoryItem[]): CountrySummary[] {
  const by = new Map<string | null, CountrySummary>();
  for (const i of items) {
    const country = i.exposure?.controllingCountry ?? i.vendor?.parent?.country ?? i.vendor?.country ?? null;
    // A known community project (7-Zip, GIMP, Notepad++) has no country of control: not an unknown one.
    const community = country === null && !!i.vendor && i.vendor.country === null && !i.vendor.parent;
    const key = community ? COMMUNITY : country;
    const row =
      by.get(key) ??
      (community
        ? { country, community: true as const, items: 0, installations: 0, exposed: 0 }
        : { country, items: 0, installations: 0, exposed: 0 });
    row.items++;
    row.installations += i.installations;
    if (isExposed(i)) row.exposed += i.installations;
    by.set(key, row);
  }
  return [...by.values()].sort(
    (a, b) =>
      Number(a.country === null) - Number(b.country === null) ||
      Number(!a.community) - Number(!b.community) ||
      b.installations - a.installations ||
      (a.country ?? "").localeCompare(b.country ?? ""),
  );
}

/** Widely installed extra-European (or exposed) products with a drop-in alternative: where a DSI can start. */
export function quickWins(items: InventoryItem[], count: number): QuickWin[] {
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
      reason:
        message("inventory.quickWin.reason", {
          product: w.product.name,
          installations: countText("installation", w.installations, formatInt(w.installations)),
          alternative: w.alternative.name,
          fit: fitLabel(w.alternative.fit),
          details: [
            message(w.alternative.openSource ? "inventory.quickWin.openSource" : "inventory.quickWin.proprietary"),
            w.alternative.country ? countryName(w.alternative.country) : message("inventory.quickWin.community"),
            // Why this one: the collectivité already runs it (trial 2026-12-05).
            ...(w.alternative.inPlace
              ? [
                  message("inventory.quickWin.inPlace", {
                    installations: countText("installation", w.alternative.inPlace, formatInt(w.alternative.inPlace)),
                  }),
                ]
              : []),
          ].join(", "),
        }) +
        (w.laws?.length
          ? ` ${message("inventory.quickWin.laws", { laws: w.laws.map(exposureLabel).join(", ") })}`
          : ""),
    }));
}

/** A 0–1 share as « 72 % » (`roundPercent`), with core/text's non-breaking space. */
const sharePercent = (x: number) => percentText(x * 100);

export function scoreLevel(value: number | null): string {
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
export function dependencyScore(items: InventoryItem[]): DependencyScore {
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
        dependency,
        points: round(points, 1),
        explanation: message("inventory.score.component", {
          label,
          dependency: sharePercent(dependency),
          weight: formatDecimal(weight),
          // « 0,5 point », « 2 points »: the one plural rule (`countText`), on the figure as shown.
          points: countText("point", round(points, 1), formatDecimal(points)),
        }),
      };
    });
  components.sort((a, b) => b.points - a.points);
  const value = measure.weighted.value === null ? null : roundPercent(measure.weighted.value);
  const coverage = share(measure.raw.known, measure.installations);
  // The base of both measures beside the map's « Installations identifiées »: two close figures, so the gap is named
  // (installations of a recognised vendor whose product is not identified; trial 4: « 97 % » beside « 98 % »).
  const vendorOnly = measure.measured
    .filter((m) => m.exposure !== null && !isIdentified(m.item))
    .reduce((s, m) => s + m.item.installations, 0);
  const base = vendorOnly
    ? message("inventory.score.base.withVendors", {
        installations: countText("installation", vendorOnly, formatInt(vendorOnly)),
      })
    : message("inventory.score.base.identified");
  return {
    value,
    level: scoreLevel(value),
    formula: scoreFormula(),
    explanation: message("inventory.score.explanation", {
      base,
      coverage: sharePercent(coverage ?? 0),
      value: value === null ? "—" : String(value),
      level: scoreLevel(value),
      raw: percentText(measure.raw.share),
    }),
    coverage,
    components,
  };
}

/** The formula in French, its figures read from the weights file. */
export function scoreFormula(): string {
  const w = measureWeights();
  const n = (x: number) => formatDecimal(x);
  return message("inventory.score.formula", {
    law: n(w.exposure.law),
    extra: n(w.exposure.extraEuropean),
    openSourceExtra: n(w.exposure.openSourceExtraEuropean),
    european: n(w.exposure.european),
    weights: w.roles.map((r) => `${r.label} ${n(r.weight)}`).join(", "),
  });
}
