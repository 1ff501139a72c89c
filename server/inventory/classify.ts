/** One item of the map: its catalog match or manual classification, and the French sentences that explain it. */
import { categoryWord, countryName } from "../core/labels.ts";
import { frenchDate } from "../core/text.ts";
import { exposureLabel, lawsFor } from "../corpus/catalog.ts";
import type { Category } from "../corpus/schema.ts";
import { message } from "../i18n/messages.ts";
import type { Group } from "./analyze.ts";
import { productNameFor } from "./channel.ts";
import {
  type CatalogEntry,
  controllingCountry,
  exposureOf,
  isEuropean,
  type MatchIndex,
  type MatchResult,
  matchName,
  publisherInCatalog,
  type VendorInfo,
} from "./match.ts";
import { isComponent, isDistributionPackage, isHelperLine, looseKey, nameKey } from "./normalize.ts";
import type { InventoryItem, ManualClassification, MatchMethod } from "./types.ts";

export const WEAK_METHODS = new Set<MatchMethod>(["prefix", "contains", "near"]);

export const vendorView = (v: VendorInfo): InventoryItem["vendor"] => ({
  name: v.name,
  country: v.country,
  parent: v.parent,
  ...(v.ownershipVerified === false ? { ownershipVerified: false as const } : {}),
});

/**
 * Classifies one distinct name: manual classification first, then the catalog, else unknown with a reason. The
 * model of an inventoried computer (« OptiPlex 7090 » from GLPI Agent's BIOS line) is hardware, not software: it
 * keeps what is known of its maker but is set aside like a system component, out of the map and the measures.
 */
export function classifyInventoryItem(
  group: Group,
  index: MatchIndex,
  classifications: Map<string, ManualClassification>,
): InventoryItem {
  const item = classifyGroup(group, index, classifications);
  if (!group.host || item.component) return item;
  return {
    ...item,
    component: true,
    reason: [message("inventory.reason.hostModel"), item.reason].filter(Boolean).join(" "),
  };
}

function classifyGroup(
  group: Group,
  index: MatchIndex,
  classifications: Map<string, ManualClassification>,
): InventoryItem {
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
  const component = isComponent(group.name) || isDistributionPackage(group.name);
  // "Security update for Microsoft Office (KB…)" contains a product name but is not the product.
  if (component && match.entry && WEAK_METHODS.has(match.method))
    match = { ...match, entry: null, method: match.vendor ? "vendor" : "none", confidence: match.vendor ? 0.5 : 0 };

  // Too uncertain to assert ("Mozila Firefx", one word of a longer name): the entry is a suggestion to review.
  let suggestion: InventoryItem["suggestion"] = null;
  if (match.entry && match.review) {
    suggestion = {
      id: match.entry.id,
      name: match.entry.name,
      confidence: round(match.confidence, 2),
      method: match.method,
    };
    match = { ...match, entry: null, method: match.vendor ? "vendor" : "none", confidence: match.vendor ? 0.5 : 0 };
  }

  if (match.entry) {
    const e = match.entry;
    // The catalog may list a component itself ("Microsoft Visual C++ Redistributable", "…WebView2 Runtime"):
    // the item keeps what the catalog says of it but stays out of the map.
    // So is a distribution's base package the catalog names (« python3 » on a Debian poste: trial14 B11).
    const catalogComponent =
      component && (isComponent(match.label ?? "") || isComponent(e.name) || isDistributionPackage(group.name));
    // The agent of a product's console sits beside the product on the same machine: one machine counts once. So
    // does its installer, updater or add-in, named in the catalog's parts or not (« Java Auto Updater »).
    const catalogPart = !catalogComponent && !!match.label && !!e.parts?.includes(match.label);
    const helper = !catalogComponent && !catalogPart && isHelperLine(group.name) && !isHelperLine(e.name);
    const part = catalogPart || helper;
    // « Mozilla Firefox » matched to the card « Firefox ESR » is Firefox, not its ESR channel (`channel.ts`).
    const shown = productNameFor(e.name, group.name);
    return {
      ...base,
      product: { id: e.id, name: shown },
      vendor: vendorView(e.vendor),
      extraEuropean: e.extraEuropean,
      openSource: e.openSource,
      category: e.category,
      alternatives: e.alternatives,
      confidence: round(match.confidence, 2),
      reason: [
        matchSentence(shown === e.name ? match : { ...match, entry: { ...e, name: shown } }, group.name),
        provenanceSentence(e.vendor, e),
        exposureSentence(e.vendor),
        // Free software of an American foundation (Firefox, Thunderbird): open source AND under that jurisdiction.
        e.openSource && e.extraEuropean && !e.unmaintained
          ? message("inventory.reason.openSourceExposed", { country: countryName(controllingCountry(e.vendor) ?? "") })
          : "",
        // Free but barely maintained (Apache OpenOffice): to replace all the same, and why.
        e.unmaintained
          ? message("inventory.reason.unmaintained", {
              note: e.unmaintained.note,
              replacement: e.alternatives[0]?.name ?? "",
              source: sourceText(e.unmaintained.source),
            })
          : "",
        catalogComponent ? message("inventory.reason.catalogComponent") : "",
        part
          ? message("inventory.reason.partOf", { part: catalogPart ? match.label! : group.name, product: e.name })
          : "",
      ]
        .filter(Boolean)
        .join(" "),
      match: match.method,
      exposure: exposureOf(e.vendor),
      risks: e.risks,
      component: catalogComponent || part,
      ...(part ? { partOf: e.id } : {}),
      ...(e.unmaintained ? { unmaintained: e.unmaintained } : {}),
    };
  }
  // A consumer edition of a product proposed as an alternative: said as such, not as a name merely close (B1).
  const reviewSentence = suggestion
    ? match.consumer
      ? message("inventory.reason.consumerEdition", {
          name: group.name,
          edition: match.consumer,
          product: suggestion.name,
        })
      : message("inventory.reason.review", { product: suggestion.name })
    : "";
  let category = component ? null : group.hint;
  if (match.vendor) {
    const v = match.vendor;
    const extraEuropean = controlledOutsideEurope(v);
    // A device of a known maker whose model the catalog lacks: the maker's kind of equipment, proprietary.
    const device = group.kind === "hardware" && !component && !!v.hardware;
    if (device) category ??= v.hardware!;
    // Software of a vendor whose whole range is one kind (Libriciel: free business software): its kind.
    const range = group.kind !== "hardware" && !component && v.software ? v.software : null;
    if (range) category ??= range.category;
    return {
      ...base,
      product: null,
      vendor: vendorView(v),
      extraEuropean,
      openSource: device ? false : (range?.openSource ?? null),
      category,
      alternatives: [],
      confidence: match.confidence,
      reason: [
        // A consumer edition says first what it is (« édition grand public, pas … »), not « produit absent ».
        match.consumer && reviewSentence
          ? reviewSentence
          : message(component ? "inventory.reason.componentVendor" : "inventory.reason.vendorOnly", { vendor: v.name }),
        provenanceSentence(v, null),
        exposureSentence(v),
        component
          ? ""
          : device && !group.hint
            ? message("inventory.reason.categoryFromVendor", { category: categoryWord(category), vendor: v.name })
            : range && category === range.category
              ? message(
                  range.openSource === true
                    ? "inventory.reason.rangeOpen"
                    : range.openSource === false
                      ? "inventory.reason.rangeProprietary"
                      : "inventory.reason.range",
                  { category: categoryWord(range.category), vendor: v.name },
                )
              : categorySentence(category, group.kind),
        match.consumer ? "" : reviewSentence,
      ]
        .filter(Boolean)
        .join(" "),
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
      : [reviewSentence || unknownSentence(index, publisher), categorySentence(category, group.kind)]
          .filter(Boolean)
          .join(" "),
    match: "none",
    suggestion,
    exposure: { controllingCountry: null, laws: [] },
    risks: [],
    component,
  };
}

/**
 * Why a line is unknown: neither its name nor its publisher in the catalogue — or its publisher field names a catalog
 * product or vendor that the name is not (« Linux Mint » published as « Debian »), which is said rather than denied.
 */
function unknownSentence(index: MatchIndex, publisher: string | null): string {
  if (!publisher) return message("inventory.reason.unknown");
  const known = publisherInCatalog(index, publisher);
  return known
    ? message("inventory.reason.unknownPublisherInCatalog", { publisher, known })
    : message("inventory.reason.unknownWithPublisher", { publisher });
}

export function controlledOutsideEurope(v: VendorInfo): boolean | null {
  const c = controllingCountry(v);
  return c === null ? null : !isEuropean(c);
}

export function categorySentence(category: Category | null, kind: InventoryItem["kind"] = "hardware"): string {
  if (!category) return "";
  // Software: the export's software category (GLPI, OCS); hardware: the type of equipment.
  const key =
    kind === "software" ? "inventory.reason.categoryFromSoftwareExport" : "inventory.reason.categoryFromExport";
  return message(key, { category: categoryWord(category) });
}

export function matchSentence(match: MatchResult, name: string): string {
  const e = match.entry!;
  const what = e.kind === "product" ? message("inventory.reason.product", { product: e.name }) : openSourceSentence(e);
  const key = match.editionOf === "product" ? "inventory.match.edition-product" : `inventory.match.${match.method}`;
  const how = message(key, {
    label: match.label ?? e.name,
    name,
    edition: match.edition ?? "",
  });
  return `${what} ${how}${match.publisherMismatch ? ` ${message("inventory.reason.publisherMismatch")}` : ""}`;
}

export function openSourceSentence(e: CatalogEntry): string {
  return e.openSource
    ? message("inventory.reason.openSource", { product: e.name, licence: e.licence ?? "" })
    : message("inventory.reason.proprietaryAlternative", { product: e.name });
}

/** Where the controlling entity is, in French: the vendor, or its parent group, and what that makes the item. */
export function provenanceSentence(v: VendorInfo, entry: CatalogEntry | null): string {
  const sentence = locationSentence(v, entry);
  // Who controls the vendor today is not confirmed (a sale announced, a restructuring): said, not asserted.
  return v.ownershipVerified === false
    ? `${sentence} ${message("inventory.reason.ownershipUnverified", { vendor: v.name })}`
    : sentence;
}

export function locationSentence(v: VendorInfo, entry: CatalogEntry | null): string {
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
  return message(key, {
    vendor: v.name,
    country: countryName(v.country),
    role: message(entry?.kind === "alternative" ? "inventory.reason.rolePublisher" : "inventory.reason.roleVendor"),
  });
}

export function exposureSentence(v: VendorInfo): string {
  if (!v.exposure.length) return "";
  return message("inventory.reason.exposure", { laws: v.exposure.map(exposureLabel).join(", ") });
}

export function applyManual(
  base: Pick<InventoryItem, "name" | "publisher" | "installations" | "kind" | "versions">,
  manual: ManualClassification,
  match: MatchResult,
  index: MatchIndex,
): InventoryItem {
  const entry = manual.productId ? (index.entries.get(manual.productId) ?? null) : match.entry;
  let vendor: InventoryItem["vendor"] = entry
    ? vendorView(entry.vendor)
    : match.vendor
      ? vendorView(match.vendor)
      : null;
  if (manual.vendorCountry || manual.vendorName) {
    vendor = {
      name: manual.vendorName ?? vendor?.name ?? base.publisher ?? "?",
      country: manual.vendorCountry ?? vendor?.country ?? null,
      parent: null,
    };
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
  if (manual.productId)
    details.push(
      entry
        ? message("inventory.manual.product", { product: entry.name })
        : message("inventory.manual.productGone", { id: manual.productId }),
    );
  if (manual.category) details.push(message("inventory.manual.category", { category: categoryWord(manual.category) }));
  if (manual.vendorCountry)
    details.push(message("inventory.manual.country", { country: countryName(manual.vendorCountry) }));
  if (manual.extraEuropean !== null)
    details.push(message(manual.extraEuropean ? "inventory.manual.extra" : "inventory.manual.european"));
  if (manual.openSource !== null)
    details.push(message(manual.openSource ? "inventory.manual.openSource" : "inventory.manual.proprietary"));
  const keepExposure = !!entry || (!!match.vendor && !manual.vendorCountry && !manual.vendorName);
  const laws = keepExposure && vendorInfo ? vendorInfo.exposure : lawsFor([], manual.vendorCountry ?? null);
  const exposure = {
    controllingCountry: keepExposure && vendorInfo ? controllingCountry(vendorInfo) : (vendor?.country ?? null),
    laws,
  };
  return {
    ...base,
    product: entry ? { id: entry.id, name: entry.name } : null,
    vendor,
    extraEuropean: manual.extraEuropean ?? derived,
    openSource: manual.openSource ?? entry?.openSource ?? null,
    category: manual.category ?? entry?.category ?? null,
    alternatives: entry?.alternatives ?? [],
    confidence: 1,
    reason: message("inventory.reason.manual", {
      date: frenchDate(manual.updatedAt.slice(0, 10)),
      details: details.join(", "),
    }),
    match: "manual",
    exposure,
    risks: entry ? entry.risks : laws.map((e) => ({ kind: "legal-exposure" as const, label: exposureLabel(e) })),
    component: false,
  };
}

export function mostFrequent(map: Map<string, number>): string | null {
  let best: string | null = null;
  let n = -1;
  for (const [k, v] of map) if (v > n) [best, n] = [k, v];
  return best;
}

/** Rounds to `digits` decimals (confidences, weights, shares). */
export const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/** « Ars Technica, « … », septembre 2016 »: the source of a catalog statement, as a reason cites it. */
function sourceText(source: { title: string; date: string | null }): string {
  return source.date ? `${source.title}, ${frenchDate(source.date)}` : source.title;
}
