/**
 * The match index: built once from the catalog (products and their aliases, open-source alternatives, vendors)
 * of the one loaded copy of the corpus, and rebuilt with it when a corpus file changes.
 */

import { compareCatalogRank } from "../corpus/alternative-order.ts";
import { type Catalog, exposureLabel, isEuropean, lawsFor } from "../corpus/catalog.ts";
import type { Corpus, CorpusDocument } from "../corpus/documents.ts";
import type { Alternative, Category, Vendor } from "../corpus/schema.ts";
import { currentCorpus } from "../corpus/source.ts";
import { wordListEntries } from "../i18n/word-lists.ts";
import { fold, looseTokens, nameTokens, publisherKey } from "./normalize.ts";
import { PRICE_INCREASE, productRisks } from "./risks.ts";
import type { ItemAlternative, ItemExposure, ItemRisk, MatchMethod, Unmaintained } from "./types.ts";

export { EUROPEAN_COUNTRIES, isEuropean } from "../corpus/catalog.ts";

export interface VendorInfo {
  id: string | null;
  name: string;
  country: string | null;
  parent: { name: string; country: string } | null;
  exposure: string[];
  /** The category of the equipment the vendor makes, for a hardware line whose model the catalog does not know. */
  hardware?: Category | null;
  /** false when no source confirms who controls the vendor today: the map says « propriétaire non vérifié ». */
  ownershipVerified?: boolean;
  /** The vendor's whole software range (category, and open source or not), for software the catalog lacks. */
  software?: { category: Category; openSource: boolean | null } | null;
}

/** A product or an alternative of the catalog, with everything an inventory item needs from it. */
export interface CatalogEntry {
  kind: "product" | "alternative";
  id: string;
  name: string;
  category: Category;
  vendor: VendorInfo;
  openSource: boolean;
  licence: string | null;
  /** null only when nothing is known of the controlling entity. */
  extraEuropean: boolean | null;
  alternatives: ItemAlternative[];
  risks: ItemRisk[];
  /** "community" or "enterprise" when the entry's name says which edition it is. */
  edition: Edition | null;
  /** Catalog names of the product's parts installed beside it (its console's agent): set aside, counted once. */
  parts?: string[];
  /** Catalog products of its family replaced with it (its console, client, tools): `attachModules`, analyze.ts. */
  components?: string[];
  /** Free software its project barely maintains: why, and the alternative that replaces it. */
  unmaintained?: Unmaintained;
  /** Editions with their own end of support, told apart by build (Windows 10 LTSC/LTSB): `inventory/lifecycle.ts`. */
  lifecycle?: LifecycleEdition[];
}

export interface LifecycleEdition {
  edition: string;
  build?: string;
  iot: boolean;
  endOfSupport: string;
  source: { title: string; url?: string | null; date?: unknown };
}

export type Edition = "community" | "enterprise";

export interface Label {
  entry: CatalogEntry;
  /** The catalog text the key comes from (a name or an alias), quoted in the reason. */
  label: string;
  /** Single-token keys derived by removing the vendor's name ("teams" from "Microsoft Teams") are weak. */
  weak: boolean;
  /**
   * The key is the catalog text without its vendor's name (« total security » from « Kaspersky Total Security »):
   * other vendors sell the same words, so it stands only when the publisher agrees or, without a publisher, when one
   * vendor alone uses it.
   */
  stripped?: boolean;
  /** The key is the whole name, nothing dropped ("postgresql" from "PostgreSQL", not "microsoft" from "Microsoft 365"). */
  full: boolean;
  /** Bare numbers of the catalog text ("11" of "Windows 11 Pro"). */
  numbers: string[];
  /** The edition the catalog text states (« MySQL Enterprise Edition »). */
  edition: Edition | null;
  /**
   * The catalog text is the vendor's bare name with a scope in brackets (« Huawei (réseau d'entreprise) »): it
   * stands for that part of the vendor's range only, so a longer name that merely starts with the vendor's name
   * (« Huawei eSpace », a communications client) is not asserted to be it.
   */
  scoped?: boolean;
}

export interface MatchIndex {
  fingerprint: string;
  counts: { vendors: number; products: number; alternatives: number };
  entries: Map<string, CatalogEntry>;
  exact: Map<string, Label[]>;
  loose: Map<string, Label[]>;
  near: Map<string, Label[]>;
  vendors: Map<string, VendorInfo>;
  /** Vendors by the first word of their key, when that word names one vendor only. */
  vendorFirstWord: Map<string, VendorInfo>;
  /** Vendors by the first word of their multi-word name, for a publisher given as that word alone. */
  vendorShortName: Map<string, VendorInfo>;
  /**
   * The vendors of `vendorFirstWord` and `vendorShortName` by their word and by that word with one letter less: a
   * publisher one typing slip from a vendor's word (« Microsft Corporation ») is read as that vendor (`vendorSlip`).
   */
  vendorNear?: Map<string, { word: string; vendor: VendorInfo }[]>;
  /**
   * Entries the catalog knows as split into distribution packages « <stem>-<part> » (« libreoffice-writer »), by
   * stem: another package of the stem (« libreoffice-draw ») is the same software.
   */
  packageStems?: Map<string, Set<string>>;
  /**
   * Catalog names and aliases whose brackets tell entries apart (« Visio (La Suite numérique) » beside Microsoft's
   * « Visio »), by their whole text folded (`literalKey`): matched before the brackets are dropped.
   */
  literal?: Map<string, Label[]>;
  /** The catalog's product cards (not alternatives) by vendor id: `vendorEdition` (match.ts) reads them. */
  vendorProducts?: Map<string, CatalogEntry[]>;
  /**
   * Ids of the entries the catalog proposes as an alternative, or as the installed form of one (ESET PROTECT installed
   * as « ESET Endpoint Security »): a line counted as one of them is that alternative « déjà en place »
   * (`consumerEdition`, match.ts).
   */
  proposed?: Set<string>;
}

/** A name as written, brackets kept: case, accents and spacing aside. */
export const literalKey = (name: string) => fold(name).replace(/\s+/g, " ").trim();

export interface MatchResult {
  entry: CatalogEntry | null;
  /** The vendor the publisher names, if it is in the catalog. */
  vendor: VendorInfo | null;
  method: MatchMethod;
  confidence: number;
  /** The catalog name or alias that matched. */
  label: string | null;
  /** The publisher named another catalog vendor than the product's. */
  publisherMismatch: boolean;
  /** The words of the name that state an edition of the product (« Free » of « Kaspersky Free »; method `edition`). */
  edition?: string;
  /** `product`: the edition's words follow the product's name (« CCleaner Free »), not the vendor's. */
  editionOf?: "product";
  /**
   * The words of the name that state a consumer edition (« Total Security »), when the entry is a proposed
   * alternative that the name is then not sure to be (`consumerEdition`, match.ts): the match is only to review.
   */
  consumer?: string;
  /** Too uncertain to assert: the entry is shown as a suggestion to review, not as the item's product. */
  review: boolean;
}

/**
 * The "sure" threshold: a match is asserted from this confidence up; below it, the catalog entry is only a
 * suggestion, listed for review (« à vérifier ») in the map, the API's unknown and review lists and the exports.
 * Exact and loose names (0.92–0.97), a publisher that completes the name (0.88–0.9), a known name at the start of a
 * longer one (0.85, or 0.8 for one word the publisher confirms) are sure; a known name inside a longer one, one
 * letter off, a publisher naming another vendor, a vendor's name alone before an unknown word are not.
 */
export const SURE_CONFIDENCE = 0.8;
/** @deprecated the same threshold under its former name. */
export const REVIEW_BELOW = SURE_CONFIDENCE;

/**
 * Words too common to name a vendor on their own when they start a publisher string
 * (`i18n/fr/inventory-generic-vendor-words.txt`).
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(wordListEntries("inventory-generic-vendor-words.txt"));

/**
 * Builds the index from a loaded catalog and the corpus documents (which tell of recent price increases).
 * @example
 * const corpus = await loadCorpus("corpus");
 * const index = buildMatchIndex(corpus.catalog, corpus.documents);
 * matchName(index, "Mozilla Firefox (x64 fr)", "Mozilla").entry?.id; // "firefox"
 */
export function buildMatchIndex(catalog: Catalog, documents: CorpusDocument[] = [], fingerprint = ""): MatchIndex {
  const index: MatchIndex = {
    fingerprint,
    counts: { vendors: catalog.vendors.size, products: catalog.products.size, alternatives: catalog.alternatives.size },
    entries: new Map(),
    exact: new Map(),
    loose: new Map(),
    near: new Map(),
    vendors: new Map(),
    vendorFirstWord: new Map(),
    vendorShortName: new Map(),
    vendorNear: new Map(),
    packageStems: new Map(),
    literal: new Map(),
    vendorProducts: new Map(),
    proposed: new Set(),
  };
  const vendorInfo = new Map<string, VendorInfo>();
  for (const v of catalog.vendors.values()) {
    const info = toVendorInfo(v);
    vendorInfo.set(v.id, info);
    for (const label of [v.name, v.legalName, ...v.aliases, v.id.replace(/-/g, " ")])
      addVendorKey(index, publisherKey(label), info);
  }
  // "Cisco Webex LLC" → Cisco: a publisher's first word names a vendor whose own name is that one word.
  // Multi-word names are left out, so "Cloud Software Group" (Citrix's owner) never becomes "Cloud Temple".
  const firstWords = new Map<string, VendorInfo | null>();
  for (const [key, info] of index.vendors) {
    if (key.includes(" ") || key.length < 3 || GENERIC_WORDS.has(key)) continue;
    const seen = firstWords.get(key);
    firstWords.set(key, seen === undefined || seen?.id === info.id ? info : null);
  }
  for (const [word, info] of firstWords) if (info) index.vendorFirstWord.set(word, info);
  // A one-word publisher that is the distinctive first word of one vendor's name: "Aruba" → "Aruba Networks".
  const shortNames = new Map<string, VendorInfo | null>();
  for (const [key, info] of index.vendors) {
    const word = key.split(" ")[0]!;
    if (!key.includes(" ") || word.length < 4 || GENERIC_WORDS.has(word) || index.vendors.has(word)) continue;
    const seen = shortNames.get(word);
    shortNames.set(word, seen === undefined || seen?.id === info.id ? info : null);
  }
  for (const [word, info] of shortNames)
    if (info && !index.vendorFirstWord.has(word)) index.vendorShortName.set(word, info);
  for (const [word, info] of [...index.vendorFirstWord, ...index.vendorShortName]) {
    if (word.length < 5 || !/^[a-z]+$/.test(word)) continue;
    for (const key of [word, ...deletions(word)]) {
      const list = index.vendorNear!.get(key) ?? [];
      if (!list.some((v) => v.word === word)) list.push({ word, vendor: info });
      index.vendorNear!.set(key, list);
    }
  }

  const priceDocs = documents.filter(
    (d) => PRICE_INCREASE.test(fold(`${d.title} ${d.tags.join(" ")}`)) && d.kind !== "catalog",
  );
  for (const a of catalog.alternatives.values()) for (const id of [a.id, ...a.installedAs]) index.proposed!.add(id);
  const alternativesOf = new Map<string, ItemAlternative[]>();
  for (const m of catalog.mappings) {
    const a = catalog.alternatives.get(m.alternative);
    if (!a) continue;
    const list = alternativesOf.get(m.product) ?? [];
    const extra = !!a.country && !isEuropean(a.country);
    // The catalog products an inventory shows it as (ESET PROTECT beside « ESET Endpoint Security »): in place then.
    const sameVendor = a.installedAs.filter((id) => id !== a.id);
    list.push({
      id: a.id,
      name: a.name,
      fit: m.fit,
      country: a.country ?? null,
      openSource: !!a.licence,
      ...(sameVendor.length ? { sameAs: sameVendor } : {}),
      ...(extra ? { extraEuropean: true } : {}),
      ...(a.audience === "state" ? { audience: "state" as const } : {}),
      ...(a.audience === "state" && a.audienceNote ? { condition: a.audienceNote } : {}),
      ...(a.audience === "state" && a.audienceNote && a.audienceSources?.length
        ? {
            conditionSources: a.audienceSources.map((x) => ({
              title: x.title,
              url: x.url ?? null,
              date: x.date === undefined || x.date === null ? null : String(x.date),
            })),
          }
        : {}),
      ...(m.covers ? { covers: m.covers } : {}),
    });
    alternativesOf.set(m.product, list);
  }
  // What a collectivité can adopt comes first, by fit and jurisdiction, then the catalog's own preferences
  // (`catalogRank`: the same order the product's card gives in chat).
  for (const list of alternativesOf.values()) {
    list.sort((a, b) => {
      const x = catalog.alternatives.get(a.id)!;
      const y = catalog.alternatives.get(b.id)!;
      return compareCatalogRank(
        { ...a, scale: x.scale, maturity: x.maturity },
        { ...b, scale: y.scale, maturity: y.maturity },
      );
    });
  }

  for (const p of catalog.products.values()) {
    const vendor = vendorInfo.get(p.vendor);
    if (!vendor) continue;
    const alternatives = alternativesOf.get(p.id) ?? [];
    const entry: CatalogEntry = {
      kind: "product",
      id: p.id,
      name: p.name,
      category: p.category,
      vendor,
      openSource: false,
      licence: null,
      extraEuropean: controlledOutsideEurope(vendor),
      alternatives,
      risks: productRisks(
        vendor,
        p.name,
        `${p.usage} ${p.notes ?? ""}`,
        alternatives,
        p.gratis ? [] : priceDocs,
        p.endOfSupport ?? null,
        p.gratis,
      ),
      edition: editionOf(p.name),
      ...(p.parts.length ? { parts: p.parts } : {}),
      ...(p.components.length ? { components: p.components } : {}),
      ...(p.lifecycle.length
        ? { lifecycle: p.lifecycle.map((e) => ({ ...e, endOfSupport: String(e.endOfSupport) })) }
        : {}),
    };
    index.entries.set(p.id, entry);
    index.vendorProducts!.set(p.vendor, [...(index.vendorProducts!.get(p.vendor) ?? []), entry]);
    addLabels(index, entry, [p.name, ...p.aliases, ...p.parts, p.id.replace(/-/g, " ")]);
  }
  for (const a of catalog.alternatives.values()) {
    if (index.entries.has(a.id)) continue;
    const vendor = alternativeVendor(a, vendorInfo);
    // Barely maintained free software (Apache OpenOffice): the card names its replacement, proposed like any other.
    const replacement = a.unmaintained ? catalog.alternatives.get(a.unmaintained.replacedBy) : undefined;
    const source = a.unmaintained?.sources[0];
    const entry: CatalogEntry = {
      kind: "alternative",
      id: a.id,
      name: a.name,
      category: a.category,
      vendor,
      openSource: !!a.licence,
      licence: a.licence ?? null,
      // A community project without a seat (country null) has no extra-European controlling entity.
      extraEuropean: vendor.country === null ? false : controlledOutsideEurope(vendor),
      alternatives: replacement
        ? [
            {
              id: replacement.id,
              name: replacement.name,
              fit: "drop-in",
              country: replacement.country ?? null,
              openSource: !!replacement.licence,
              ...(replacement.country && !isEuropean(replacement.country) ? { extraEuropean: true } : {}),
            },
          ]
        : [],
      risks: vendor.exposure.map((e) => ({ kind: "legal-exposure" as const, label: exposureLabel(e) })),
      edition: editionOf(a.name),
      ...(a.unmaintained && replacement && source
        ? {
            unmaintained: {
              note: a.unmaintained.note,
              source: {
                title: source.title,
                url: source.url ?? null,
                date: source.date === undefined || source.date === null ? null : String(source.date),
              },
              replacedBy: replacement.id,
            },
          }
        : {}),
    };
    index.entries.set(a.id, entry);
    addLabels(index, entry, [a.name, ...a.aliases, a.id.replace(/-/g, " ")]);
  }
  return index;
}

export function toVendorInfo(v: Vendor): VendorInfo {
  const parent = v.parent ? { name: v.parent.name, country: v.parent.country } : null;
  return {
    id: v.id,
    name: v.name,
    country: v.country,
    parent,
    exposure: lawsFor(v.exposure, parent?.country ?? v.country),
    hardware: v.hardware ?? null,
    ownershipVerified: v.ownershipVerified !== false,
    software: v.software ? { category: v.software.category, openSource: v.software.openSource ?? null } : null,
  };
}

export const COMMUNITY_WORDS = new Set(["ce", "community", "communautaire", "oss"]);
export const ENTERPRISE_WORDS = new Set(["enterprise", "entreprise", "ee"]);

/** The edition a name states: « MySQL Workbench CE » is community, « MySQL Enterprise Edition » is enterprise. */
export function editionOf(name: string): Edition | null {
  return editionFromTokens(nameTokens(name));
}

/** The controlling entity's country and the laws that reach it, as an inventory item carries them. */
export function exposureOf(vendor: VendorInfo | null): ItemExposure {
  if (!vendor) return { controllingCountry: null, laws: [] };
  return { controllingCountry: controllingCountry(vendor), laws: [...vendor.exposure] };
}

export function alternativeVendor(a: Alternative, vendors: Map<string, VendorInfo>): VendorInfo {
  const known = a.vendor ? vendors.get(a.vendor) : undefined;
  if (known) return known;
  // A publisher without a vendor record (a foundation, a community, a person): no law is asserted for it.
  return { id: null, name: a.publisher, country: a.country ?? null, parent: null, exposure: [] };
}

/** The controlling entity is the parent group when there is one ("a European vendor owned by…"). */
export function controllingCountry(vendor: VendorInfo): string | null {
  return vendor.parent?.country ?? vendor.country;
}

export function controlledOutsideEurope(vendor: VendorInfo): boolean | null {
  const country = controllingCountry(vendor);
  return country === null ? null : !isEuropean(country);
}

export function addVendorKey(index: MatchIndex, key: string, info: VendorInfo) {
  if (key && !index.vendors.has(key)) index.vendors.set(key, info);
}

export function push(map: Map<string, Label[]>, key: string, label: Label) {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [label]);
  else if (!list.some((l) => l.entry === label.entry)) list.push(label);
}

export function addLabels(index: MatchIndex, entry: CatalogEntry, labels: string[]) {
  for (const label of labels) {
    const stem = /^([a-z0-9][a-z0-9.+]*)-[a-z0-9.+-]+$/.exec(label)?.[1];
    if (!stem || !index.packageStems) continue;
    const set = index.packageStems.get(stem) ?? new Set<string>();
    set.add(entry.id);
    index.packageStems.set(stem, set);
  }
  const vendorWords = publisherKey(entry.vendor.name).split(" ").filter(Boolean);
  const vendorFirst = vendorWords[0] ?? "";
  for (const label of labels) {
    const tokens = nameTokens(label);
    if (!tokens.length) continue;
    if (index.literal && /[([{]/.test(label)) {
      const facts = { numbers: tokens.filter((t) => /^\d+$/.test(t)), edition: editionFromTokens(tokens) };
      push(index.literal, literalKey(label), { entry, label, weak: false, full: true, ...facts });
    }
    const numbers = tokens.filter((t) => /^\d+$/.test(t));
    const edition = editionFromTokens(tokens);
    const full = tokens.join(" ");
    push(index.exact, full, { entry, label, weak: false, full: true, numbers, edition });
    const loose = looseTokens(tokens);
    const key = loose.join(" ");
    // "Microsoft 365" loosens to "microsoft": a vendor's bare name is not a product, only its exact form is.
    if (key !== full && (index.vendors.has(key) || key === vendorFirst)) continue;
    const scoped = label.includes("(") && (index.vendors.has(key) || key === vendorWords.join(" "));
    // A brand written with digits (« S3NS Cloud », « 4D Server », « PDF24 Creator ») loosens to what follows it
    // (« cloud », « server »): that key is the name without its brand, like a name without its vendor's.
    const brand = tokens[0]!;
    const brandDropped = /\d/.test(brand) && /[a-z]/.test(brand) && !loose.includes(brand);
    push(index.loose, key, {
      entry,
      label,
      weak: brandDropped && loose.length === 1,
      full: key === full,
      numbers,
      edition,
      scoped,
      ...(brandDropped ? { stripped: true } : {}),
    });
    if (vendorFirst && loose[0] !== vendorFirst) {
      // "Firefox" published by Mozilla is also "Mozilla Firefox" in inventories.
      const prefixed = `${vendorFirst} ${key}`;
      push(index.loose, prefixed, { entry, label, weak: false, full: false, numbers, edition });
      addNear(index, prefixed, { entry, label, weak: false, full: false, numbers, edition });
    } else if (vendorFirst && loose.length > 1) {
      // "Microsoft Teams" is also plain "Teams".
      const stripped = loose.slice(1).join(" ");
      push(index.loose, stripped, {
        entry,
        label,
        weak: loose.length === 2,
        full: false,
        numbers,
        edition,
        stripped: true,
      });
    }
    addNear(index, key, { entry, label, weak: false, full: false, numbers, edition });
  }
}

/**
 * Keys longer than this are not looked up one letter off: the step is linear in the key length for each key, and
 * no catalog name is that long, so a 160,000-character name costs nothing here.
 */
export const MAX_NEAR_KEY = 48;

/** Keys of 8 to MAX_NEAR_KEY characters, and each of them with one character less, for one-letter typos. */
export function addNear(index: MatchIndex, key: string, label: Label) {
  if (key.length < 8 || key.length > MAX_NEAR_KEY) return;
  push(index.near, key, label);
  for (const d of deletions(key)) push(index.near, d, label);
}

export function deletions(key: string): string[] {
  const out: string[] = [];
  if (key.length > MAX_NEAR_KEY) return out;
  for (let i = 0; i < key.length; i++) out.push(key.slice(0, i) + key.slice(i + 1));
  return out;
}

const indexes = new WeakMap<Corpus, MatchIndex>();

/**
 * The match index of a corpus folder, built from the one loaded copy of the corpus (`corpus/source.ts`) and kept
 * while that copy is current: a changed corpus file gives a new copy, hence a new index.
 * @example
 * const index = await loadMatchIndex(engine.config.corpusDir);
 */
export async function loadMatchIndex(corpusDir: string): Promise<MatchIndex> {
  const { corpus, fingerprint } = await currentCorpus(corpusDir);
  let index = indexes.get(corpus);
  if (!index) {
    index = buildMatchIndex(corpus.catalog, corpus.documents, fingerprint ?? "empty");
    indexes.set(corpus, index);
  }
  return index;
}

export function editionFromTokens(tokens: string[]): Edition | null {
  if (tokens.some((t) => COMMUNITY_WORDS.has(t))) return "community";
  if (tokens.some((t) => ENTERPRISE_WORDS.has(t))) return "enterprise";
  return null;
}
