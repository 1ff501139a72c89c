/**
 * Matching inventory names against the catalog. An index is built once from the catalog (products and their
 * aliases, open-source alternatives, vendors) from the one loaded copy of the corpus, and rebuilt with it when a
 * corpus file changes.
 */
import { exposureLabel, isEuropean, lawsFor, type Catalog } from "../corpus/catalog.ts";
import type { Corpus, CorpusDocument } from "../corpus/documents.ts";
import { currentCorpus } from "../corpus/source.ts";
import type { Alternative, Category, Vendor } from "../corpus/schema.ts";
import { message } from "../i18n/messages.ts";
import { fold, looseTokens, nameTokens, publisherKey } from "./normalize.ts";
import type { ItemAlternative, ItemExposure, ItemRisk, MatchMethod, RowKind } from "./types.ts";

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
}

type Edition = "community" | "enterprise";

interface Label {
  entry: CatalogEntry;
  /** The catalog text the key comes from (a name or an alias), quoted in the reason. */
  label: string;
  /** Single-token keys derived by removing the vendor's name ("teams" from "Microsoft Teams") are weak. */
  weak: boolean;
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
}

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

/** Words too common to name a vendor on their own when they start a publisher string. */
const GENERIC_WORDS = new Set(["open", "free", "new", "red", "cloud", "data", "digital", "global", "index", "business", "unit", "box", "gen", "win", "check", "trend", "smart", "soft", "net", "web", "tech", "info", "euro", "france", "micro", "general", "first", "blue", "green", "city", "public"]);

const FIT_RANK = { "drop-in": 0, partial: 1, "different-approach": 2 } as const;
const MATURITY_RANK = { mature: 0, established: 1, emerging: 2 } as const;

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
  };
  const vendorInfo = new Map<string, VendorInfo>();
  for (const v of catalog.vendors.values()) {
    const info = toVendorInfo(v);
    vendorInfo.set(v.id, info);
    for (const label of [v.name, v.legalName, ...v.aliases, v.id.replace(/-/g, " ")]) addVendorKey(index, publisherKey(label), info);
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
  for (const [word, info] of shortNames) if (info && !index.vendorFirstWord.has(word)) index.vendorShortName.set(word, info);

  const priceDocs = documents.filter((d) => PRICE_INCREASE.test(fold(`${d.title} ${d.tags.join(" ")}`)) && d.kind !== "catalog");
  const alternativesOf = new Map<string, ItemAlternative[]>();
  for (const m of catalog.mappings) {
    const a = catalog.alternatives.get(m.alternative);
    if (!a) continue;
    const list = alternativesOf.get(m.product) ?? [];
    list.push({ id: a.id, name: a.name, fit: m.fit, country: a.country ?? null, openSource: !!a.licence });
    alternativesOf.set(m.product, list);
  }
  const rankAlt = (x: ItemAlternative) => {
    const alt = catalog.alternatives.get(x.id)!;
    return [FIT_RANK[x.fit], x.country === null || isEuropean(x.country) ? 0 : 1, x.openSource ? 0 : 1, MATURITY_RANK[alt.maturity]];
  };
  for (const list of alternativesOf.values()) {
    list.sort((a, b) => {
      const ra = rankAlt(a);
      const rb = rankAlt(b);
      for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
      return a.name.localeCompare(b.name, "fr");
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
      risks: productRisks(vendor, p.name, `${p.usage} ${p.notes ?? ""}`, alternatives, priceDocs, p.endOfSupport ?? null),
      edition: editionOf(p.name),
    };
    index.entries.set(p.id, entry);
    addLabels(index, entry, [p.name, ...p.aliases, p.id.replace(/-/g, " ")]);
  }
  for (const a of catalog.alternatives.values()) {
    if (index.entries.has(a.id)) continue;
    const vendor = alternativeVendor(a, vendorInfo);
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
      alternatives: [],
      risks: vendor.exposure.map((e) => ({ kind: "legal-exposure" as const, label: exposureLabel(e) })),
      edition: editionOf(a.name),
    };
    index.entries.set(a.id, entry);
    addLabels(index, entry, [a.name, ...a.aliases, a.id.replace(/-/g, " ")]);
  }
  return index;
}

function toVendorInfo(v: Vendor): VendorInfo {
  const parent = v.parent ? { name: v.parent.name, country: v.parent.country } : null;
  return {
    id: v.id,
    name: v.name,
    country: v.country,
    parent,
    exposure: lawsFor(v.exposure, parent?.country ?? v.country),
    hardware: v.hardware ?? null,
    ownershipVerified: v.ownershipVerified !== false,
  };
}

const COMMUNITY_WORDS = new Set(["ce", "community", "communautaire", "oss"]);
const ENTERPRISE_WORDS = new Set(["enterprise", "entreprise", "ee"]);

/** The edition a name states: « MySQL Workbench CE » is community, « MySQL Enterprise Edition » is enterprise. */
export function editionOf(name: string): Edition | null {
  return editionFromTokens(nameTokens(name));
}

/** The controlling entity's country and the laws that reach it, as an inventory item carries them. */
export function exposureOf(vendor: VendorInfo | null): ItemExposure {
  if (!vendor) return { controllingCountry: null, laws: [] };
  return { controllingCountry: controllingCountry(vendor), laws: [...vendor.exposure] };
}

function alternativeVendor(a: Alternative, vendors: Map<string, VendorInfo>): VendorInfo {
  const known = a.vendor ? vendors.get(a.vendor) : undefined;
  if (known) return known;
  // A publisher without a vendor record (a foundation, a community, a person): no law is asserted for it.
  return { id: null, name: a.publisher, country: a.country ?? null, parent: null, exposure: [] };
}

/** The controlling entity is the parent group when there is one ("a European vendor owned by…"). */
export function controllingCountry(vendor: VendorInfo): string | null {
  return vendor.parent?.country ?? vendor.country;
}

function controlledOutsideEurope(vendor: VendorInfo): boolean | null {
  const country = controllingCountry(vendor);
  return country === null ? null : !isEuropean(country);
}

function addVendorKey(index: MatchIndex, key: string, info: VendorInfo) {
  if (key && !index.vendors.has(key)) index.vendors.set(key, info);
}

function push(map: Map<string, Label[]>, key: string, label: Label) {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [label]);
  else if (!list.some((l) => l.entry === label.entry)) list.push(label);
}

function addLabels(index: MatchIndex, entry: CatalogEntry, labels: string[]) {
  const vendorWords = publisherKey(entry.vendor.name).split(" ").filter(Boolean);
  const vendorFirst = vendorWords[0] ?? "";
  for (const label of labels) {
    const tokens = nameTokens(label);
    if (!tokens.length) continue;
    const numbers = tokens.filter((t) => /^\d+$/.test(t));
    const edition = editionFromTokens(tokens);
    const full = tokens.join(" ");
    push(index.exact, full, { entry, label, weak: false, full: true, numbers, edition });
    const loose = looseTokens(tokens);
    const key = loose.join(" ");
    // "Microsoft 365" loosens to "microsoft": a vendor's bare name is not a product, only its exact form is.
    if (key !== full && (index.vendors.has(key) || key === vendorFirst)) continue;
    const scoped = label.includes("(") && (index.vendors.has(key) || key === vendorWords.join(" "));
    push(index.loose, key, { entry, label, weak: false, full: key === full, numbers, edition, scoped });
    if (vendorFirst && loose[0] !== vendorFirst) {
      // "Firefox" published by Mozilla is also "Mozilla Firefox" in inventories.
      const prefixed = `${vendorFirst} ${key}`;
      push(index.loose, prefixed, { entry, label, weak: false, full: false, numbers, edition });
      addNear(index, prefixed, { entry, label, weak: false, full: false, numbers, edition });
    } else if (vendorFirst && loose.length > 1) {
      // "Microsoft Teams" is also plain "Teams".
      const stripped = loose.slice(1).join(" ");
      push(index.loose, stripped, { entry, label, weak: loose.length === 2, full: false, numbers, edition });
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
function addNear(index: MatchIndex, key: string, label: Label) {
  if (key.length < 8 || key.length > MAX_NEAR_KEY) return;
  push(index.near, key, label);
  for (const d of deletions(key)) push(index.near, d, label);
}

function deletions(key: string): string[] {
  const out: string[] = [];
  if (key.length > MAX_NEAR_KEY) return out;
  for (let i = 0; i < key.length; i++) out.push(key.slice(0, i) + key.slice(i + 1));
  return out;
}

// --------------------------------------------------------------------------------------------------------
// Risks known from the catalog and the corpus

const PRICE_INCREASE = /hausses? (?:de |des )?(?:prix|tarifs?)|augmentations? (?:de |des )?(?:prix|tarifs?)|price (?:increase|hike)/;
const CLOSED_FORMAT = /formats? (?:de fichiers? |de documents? )?(?:fermes?|proprietaires?|non documentes?)|closed (?:file )?formats?|proprietary (?:file )?formats?/;
const LOCK_IN = /verrouill|enfermement|lock-?in|captif|captive|irreversib|reversibilite (?:faible|limitee|difficile)|difficile a quitter/;

const formatDay = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(d);
};

const wordIn = (haystack: string, word: string) => word.length > 1 && new RegExp(`(^|[^a-z0-9])${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}([^a-z0-9]|$)`).test(haystack);

function productRisks(vendor: VendorInfo, productName: string, text: string, alternatives: ItemAlternative[], priceDocs: CorpusDocument[], endOfSupport: string | null): ItemRisk[] {
  const risks: ItemRisk[] = vendor.exposure.map((e) => ({ kind: "legal-exposure", label: exposureLabel(e) }));
  if (endOfSupport) risks.push({ kind: "end-of-support", label: message("inventory.risk.endOfSupport", { product: productName, date: formatDay(endOfSupport) }) });
  const names = [vendor.name, vendor.parent?.name, productName].filter((n): n is string => !!n).map(fold);
  const doc = priceDocs
    .filter((d) => {
      const hay = fold(`${d.title} | ${d.tags.join(" | ")}`);
      return names.some((n) => wordIn(hay, n));
    })
    .sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""))[0];
  if (doc) {
    risks.push({
      kind: "price-increase",
      label: message("inventory.risk.priceIncrease", { vendor: vendor.parent?.name ?? vendor.name, title: doc.title, date: doc.date ?? "s.d." }),
      source: { id: doc.id, title: doc.title, date: doc.date },
    });
  }
  const folded = fold(text);
  if (CLOSED_FORMAT.test(folded)) risks.push({ kind: "closed-format", label: message("inventory.risk.closedFormat") });
  if (LOCK_IN.test(folded)) risks.push({ kind: "lock-in", label: message("inventory.risk.lockInNoted") });
  else if (!alternatives.some((a) => a.fit !== "different-approach")) {
    risks.push({ kind: "lock-in", label: message(alternatives.length ? "inventory.risk.lockInNoDirect" : "inventory.risk.lockInNone") });
  }
  return risks;
}

// --------------------------------------------------------------------------------------------------------
// Matching

/** The catalog vendor a publisher string names ("Microsoft Corporation" → Microsoft), if any. */
export function vendorForPublisher(index: MatchIndex, publisher: string | null | undefined): VendorInfo | null {
  const key = publisherKey(publisher);
  if (!key) return null;
  const exact = index.vendors.get(key);
  if (exact) return exact;
  return index.vendorFirstWord.get(key.split(" ")[0]!) ?? (key.includes(" ") ? null : (index.vendorShortName.get(key) ?? null));
}

const firstWord = (text: string | null | undefined) => publisherKey(text).split(" ")[0] ?? "";

/** The catalog text starts with the name of the vendor the publisher names (« McAfee Agent » for « McAfee, LLC »). */
function labelNamesPublisher(label: string, vendor: VendorInfo, publisher: string): boolean {
  const text = ` ${publisherKey(label)} `;
  return [publisherKey(vendor.name), publisherKey(publisher)].some((k) => k.length >= 4 && !GENERIC_WORDS.has(k) && text.startsWith(` ${k} `));
}

/** The publisher is the entry's vendor or belongs to the same group (VMware Tools published by "Broadcom Inc."). */
const agrees = (entry: CatalogEntry, vendor: VendorInfo | null, publisher: string) => {
  if (vendor && entry.vendor.id && vendor.id === entry.vendor.id) return true;
  const entrySide = [entry.vendor.name, entry.vendor.parent?.name].map(firstWord).filter(Boolean);
  const publisherSide = [publisher, vendor?.name, vendor?.parent?.name].map(firstWord).filter(Boolean);
  if (publisherSide.some((w) => entrySide.includes(w))) return true;
  // The publisher names the entry's vendor further on: "HPE Aruba Networking" for Aruba Networks.
  const own = firstWord(entry.vendor.name);
  return own.length >= 4 && !GENERIC_WORDS.has(own) && publisherKey(publisher).split(" ").includes(own);
};

/** How far the publisher must confirm a label: see `pick`. */
type Trust = "any" | "no-conflict" | "agree";

/** What a name says of itself, beyond its key: its bare numbers and its edition. */
interface NameFacts {
  numbers: string[];
  edition: Edition | null;
}

/**
 * A candidate the name itself rules out: another version ("Windows 10" is not "Windows 11", whose name carries
 * its number) or another edition ("MySQL Workbench CE" is not "MySQL Enterprise Edition").
 */
function contradicts(label: Label, facts: NameFacts): boolean {
  if (facts.edition && label.entry.edition && facts.edition !== label.entry.edition) return true;
  // A catalog name that states a commercial edition is matched only by a name that states it too: « MySQL
  // Connector/ODBC » is not « MySQL Enterprise Edition », whose loose key is « mysql ».
  if (label.edition === "enterprise" && facts.edition !== "enterprise") return true;
  // A name without any number ("Microsoft Windows") says nothing against "Windows 11"; one with others does.
  return label.numbers.length > 0 && facts.numbers.length > 0 && !label.numbers.some((n) => facts.numbers.includes(n));
}

/**
 * Among labels sharing a key, the one whose vendor the publisher names; products before alternatives.
 * `any`: the best label whatever the publisher says (the name itself matched) — except that a publisher naming
 * something else rules out weak labels; `no-conflict`: not one whose vendor differs from the catalog vendor the
 * publisher names; `agree`: only labels the publisher confirms.
 */
function pick(labels: Label[] | undefined, vendor: VendorInfo | null, publisher: string, trust: Trust, facts: NameFacts): Label | null {
  if (!labels?.length) return null;
  let fitting = labels.filter((l) => !contradicts(l, facts));
  // A name without a number says nothing of the version: when products differ only by theirs ("Windows 10",
  // "Windows 11"), none of them is picked ("Windows Subsystem for Linux" is neither).
  if (!facts.numbers.length) {
    const numbered = new Set(fitting.filter((l) => l.numbers.length).map((l) => l.entry.id));
    if (numbered.size > 1) fitting = fitting.filter((l) => !l.numbers.length);
  }
  if (!fitting.length) return null;
  const agreeing = fitting.filter((l) => agrees(l.entry, vendor, publisher));
  if (agreeing.length) return agreeing.find((l) => l.entry.kind === "product") ?? agreeing[0]!;
  if (trust === "agree") return null;
  // A weak label ("drive" from "Google Drive") stands only for a name without publisher: "Acme Drive" by Acme is
  // not Google's. A publisher that names another catalog vendor rules out any candidate unless the name matched.
  const hasPublisher = publisher.trim() !== "";
  const candidates = vendor
    ? fitting.filter((l) => (trust === "any" ? !l.weak : false))
    : fitting.filter((l) => !(hasPublisher && l.weak));
  return candidates.find((l) => l.entry.kind === "product") ?? candidates[0] ?? null;
}

const MAX_TOKENS = 12;

/** Words that name a kind of software rather than a product: alone, they are never enough to assert a match. */
const GENERIC_PRODUCT_WORDS = new Set([
  "drive", "connect", "agent", "assistant", "client", "manager", "sync", "backup", "viewer", "reader", "launcher",
  "center", "centre", "tools", "suite", "cloud", "mail", "chat", "notes", "meet", "photos", "forms", "calendar", "hub",
  "studio", "server", "security", "protect", "update", "player", "editor", "browser", "office", "docs", "sheets",
]);
/** Characters of a name looked at: no product name is longer, and longer input must not cost more. */
export const MAX_NAME_LENGTH = 300;

/**
 * Finds the catalog entry an inventory name stands for, trying the most precise rules first. Linear in the length
 * of the name (only its first MAX_NAME_LENGTH characters and MAX_TOKENS words are read).
 * @example
 * matchName(index, "Adobe Acrobat Reader DC - Français", "Adobe Systems Incorporated").method; // "loose"
 */
export function matchName(index: MatchIndex, name: string, publisher: string | null, kind: RowKind = "software"): MatchResult {
  // A Linux package's "publisher" is the distribution team that packages it ("Debian LibreOffice Maintainers"),
  // not its vendor: the name is matched as if no publisher were given.
  const given = (publisher ?? "").slice(0, MAX_NAME_LENGTH);
  const pub = isPackageMaintainer(given) ? "" : given;
  const vendor = vendorForPublisher(index, pub);
  const tokens = nameTokens(name.slice(0, MAX_NAME_LENGTH)).slice(0, MAX_TOKENS);
  const loose = looseTokens(tokens);
  const looseKeyText = loose.join(" ");
  const facts: NameFacts = { numbers: tokens.filter((t) => /^\d+$/.test(t)), edition: editionFromTokens(tokens) };
  const result = (label: Label, method: MatchMethod, confidence: number): MatchResult => {
    // A catalog alias written with the publisher's brand (« McAfee Agent » of Trellix, ex-McAfee Enterprise) is
    // the catalog expecting that publisher: no mismatch.
    const mismatch = !!(vendor && label.entry.vendor.id && vendor.id !== label.entry.vendor.id && !agrees(label.entry, vendor, pub) && !labelNamesPublisher(label.label, vendor, pub));
    // A weak label (a product name without its vendor's, "Teams") with no publisher to confirm it is less sure,
    // and a generic word ("Drive", "Connect", "Agent") on its own is only a guess, to review.
    const unconfirmed = label.weak && !agrees(label.entry, vendor, pub);
    const generic = unconfirmed && loose.length === 1 && GENERIC_PRODUCT_WORDS.has(loose[0]!);
    const c = confidence - (mismatch ? 0.2 : 0) - (unconfirmed ? 0.1 : 0) - (generic ? 0.2 : 0);
    const rounded = Math.round(c * 100) / 100;
    return { entry: label.entry, vendor, method, confidence: rounded, label: label.label, publisherMismatch: mismatch, review: rounded < SURE_CONFIDENCE };
  };

  if (tokens.length) {
    const exact = pick(index.exact.get(tokens.join(" ")), vendor, pub, "any", facts);
    if (exact) return result(exact, "exact", 0.97);
    const looseHit = pick(index.loose.get(looseKeyText), vendor, pub, "any", facts);
    if (looseHit) return result(looseHit, "loose", 0.92);

    // The publisher's name completes or prefixes the product's — never through a weak label (a product name
    // stripped of its vendor's): « Zabbix Agent 2 » by Zabbix is not Avast's « Business Agent », « DJI Assistant »
    // not Synology's, « Acme Drive » not Google's (see `pick`).
    const pubWords = publisherKey(pub).split(" ").filter(Boolean);
    const pubFirst = pubWords[0];
    if (pubFirst && loose[0] !== pubFirst) {
      const withPublisher = pick(index.loose.get(`${pubFirst} ${looseKeyText}`), vendor, pub, "no-conflict", facts);
      if (withPublisher) return result(withPublisher, "publisher-prefix", 0.9);
    } else if (pubFirst && loose.length > 1) {
      // "Mozilla Thunderbird" published by "Mozilla": the product is what follows the publisher's name.
      const withoutPublisher = pick(index.loose.get(loose.slice(1).join(" ")), vendor, pub, "no-conflict", facts);
      if (withoutPublisher) return result(withoutPublisher, "publisher-prefix", 0.88);
    }

    // The name starts with a known name: "Zoom Workplace", "Teams Machine-Wide Installer".
    for (let end = loose.length - 1; end >= 1; end--) {
      const key = loose.slice(0, end).join(" ");
      const single = end === 1;
      // One word ("zoom") is enough only when no publisher contradicts it ("Zoom Text Magnifier" by Freedom Scientific).
      const hit = pick(index.loose.get(key), vendor, pub, single && (key.length < 4 || pub.trim() !== "") ? "agree" : "no-conflict", facts);
      if (!hit || (index.vendors.has(key) && !hit.full)) continue;
      if (single && hit.weak && !agrees(hit.entry, vendor, pub)) continue;
      // One known word that the publisher confirms is sure (« VLC media player » by VideoLAN); unconfirmed, or the
      // vendor's bare name of a record scoped to part of its range (« Huawei eSpace »), it is to review.
      // A device of the maker, though, is what its equipment record stands for (« Huawei S5735 », a switch).
      const confirmed = agrees(hit.entry, vendor, pub);
      const device = kind === "hardware" && hit.entry.category === hit.entry.vendor.hardware;
      return result(hit, "prefix", hit.scoped && !device ? 0.7 : !single ? 0.85 : confirmed ? 0.8 : 0.7);
    }
    // The name contains a known name: "Cisco AnyConnect Secure Mobility Client", "Sophos Endpoint Agent".
    for (let length = Math.min(loose.length - 1, 6); length >= 1; length--) {
      for (let start = 1; start + length <= loose.length; start++) {
        const key = loose.slice(start, start + length).join(" ");
        const hit = pick(index.loose.get(key), vendor, pub, length === 1 || key.length < 6 ? "agree" : "no-conflict", facts);
        // A known name inside a longer one is a guess: to review (« à vérifier »), never asserted.
        if (hit && !(index.vendors.has(key) && !hit.full)) return result(hit, "contains", length > 1 ? 0.75 : 0.7);
      }
    }
    // One letter off ("Mozila Firefox", "Libre Office"): the key with or without one character — only for keys of
    // catalog-name length, so this step stays linear in the name.
    if (looseKeyText.length >= 8 && looseKeyText.length <= MAX_NEAR_KEY) {
      const candidates = [looseKeyText, ...deletions(looseKeyText)];
      for (const c of candidates) {
        const hit = pick(index.near.get(c), vendor, pub, "no-conflict", facts);
        if (hit) return result(hit, "near", 0.6);
      }
      const joined = loose.join("");
      if (joined !== looseKeyText) {
        const hit = pick(index.near.get(joined), vendor, pub, "no-conflict", facts);
        if (hit) return result(hit, "near", 0.6);
      }
    }
  }
  if (vendor) return { entry: null, vendor, method: "vendor", confidence: 0.5, label: null, publisherMismatch: false, review: false };
  return { entry: null, vendor: null, method: "none", confidence: 0, label: null, publisherMismatch: false, review: false };
}

const PACKAGE_MAINTAINER = /\b(?:maintainers?|packagers?|packaging team|mozilla team)\b|^(?:debian|ubuntu|fedora|opensuse|alpine|arch linux)\b/;

/** "Debian LibreOffice Maintainers", "Ubuntu Developers", "Maintainers of Mozilla-related packages"… */
export function isPackageMaintainer(publisher: string): boolean {
  return PACKAGE_MAINTAINER.test(fold(publisher));
}

function editionFromTokens(tokens: string[]): Edition | null {
  if (tokens.some((t) => COMMUNITY_WORDS.has(t))) return "community";
  if (tokens.some((t) => ENTERPRISE_WORDS.has(t))) return "enterprise";
  return null;
}

// --------------------------------------------------------------------------------------------------------
// Index cache: one per corpus directory and process, rebuilt when the files change

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
