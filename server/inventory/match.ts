import { wordListEntries } from "../i18n/word-lists.ts";
import {
  type CatalogEntry,
  deletions,
  type Edition,
  editionFromTokens,
  GENERIC_WORDS,
  type Label,
  literalKey,
  MAX_NEAR_KEY,
  type MatchIndex,
  type MatchResult,
  SURE_CONFIDENCE,
  type VendorInfo,
} from "./match-index.ts";
import { fold, looseTokens, nameTokens, publisherKey } from "./normalize.ts";
import type { MatchMethod, RowKind } from "./types.ts";
import { typoSlip, vendorSlip, vendorWordTyped } from "./typo.ts";

export { EUROPEAN_COUNTRIES, isEuropean } from "../corpus/catalog.ts";
export {
  buildMatchIndex,
  type CatalogEntry,
  controllingCountry,
  editionOf,
  exposureOf,
  loadMatchIndex,
  MAX_NEAR_KEY,
  type MatchIndex,
  type MatchResult,
  REVIEW_BELOW,
  SURE_CONFIDENCE,
  type VendorInfo,
} from "./match-index.ts";

/** The catalog vendor a publisher string names ("Microsoft Corporation" → Microsoft), if any. */
export function vendorForPublisher(index: MatchIndex, publisher: string | null | undefined): VendorInfo | null {
  const key = publisherKey(publisher);
  if (!key) return null;
  const exact = index.vendors.get(key);
  if (exact) return exact;
  return (
    index.vendorFirstWord.get(key.split(" ")[0]!) ??
    (key.includes(" ") ? undefined : index.vendorShortName.get(key)) ??
    nearVendor(index, key.split(" ")[0]!)
  );
}

/**
 * The one catalogue vendor whose word the publisher's first word is a typing slip of (« Microsft Corporation » is
 * Microsoft, trial 14 B1): read as that vendor, so that its product is matched, never another vendor's product of
 * the same name (DINUM's Visio for « Microsft Visio Professional 2019 »). Null when two vendors are that close.
 */
function nearVendor(index: MatchIndex, word: string): VendorInfo | null {
  if (!index.vendorNear || word.length < 5 || word.length > 40 || index.vendors.has(word)) return null;
  const found = new Map<string, VendorInfo>();
  for (const key of [word, ...deletions(word)])
    for (const near of index.vendorNear.get(key) ?? [])
      if (vendorSlip(word, near.word)) found.set(near.vendor.id ?? near.vendor.name, near.vendor);
  return found.size === 1 ? [...found.values()][0]! : null;
}

const firstWord = (text: string | null | undefined) => publisherKey(text).split(" ")[0] ?? "";

/** The catalog text starts with the name of the vendor the publisher names (« McAfee Agent » for « McAfee, LLC »). */
function labelNamesPublisher(label: string, vendor: VendorInfo, publisher: string): boolean {
  const text = ` ${publisherKey(label)} `;
  return [publisherKey(vendor.name), publisherKey(publisher)].some(
    (k) => k.length >= 4 && !GENERIC_WORDS.has(k) && text.startsWith(` ${k} `),
  );
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

/** Numbers that belong to a product's name (`i18n/fr/inventory-brand-numbers.txt`): `contradicts`. */
const BRAND_NUMBERS: ReadonlySet<string> = new Set(wordListEntries("inventory-brand-numbers.txt"));

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
  // A number of the product's name, not of a version (« Microsoft 365 Copilot »), must be in the name too.
  if (label.numbers.some((n) => BRAND_NUMBERS.has(n) && !facts.numbers.includes(n))) return true;
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
function pick(
  labels: Label[] | undefined,
  vendor: VendorInfo | null,
  publisher: string,
  trust: Trust,
  facts: NameFacts,
): Label | null {
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
  // A name the catalog knows only after its vendor's (« Total Security » of Kaspersky, of Bitdefender, of G DATA) is
  // none of theirs when another publisher sells it (« 360 Total Security » by Qihu 360), nor when several vendors use
  // it and no publisher says which.
  const strippedVendors = new Set(fitting.filter((l) => l.stripped).map((l) => l.entry.vendor.id || l.entry.id));
  if (hasPublisher || strippedVendors.size > 1) fitting = fitting.filter((l) => !l.stripped);
  const candidates = vendor
    ? fitting.filter((l) => (trust === "any" ? !l.weak : false))
    : fitting.filter((l) => !(hasPublisher && l.weak));
  return candidates.find((l) => l.entry.kind === "product") ?? candidates[0] ?? null;
}

const MAX_TOKENS = 12;

/**
 * Words that name a kind of software rather than a product: alone, they are never enough to assert a match
 * (`i18n/fr/inventory-generic-product-words.txt`).
 */
const GENERIC_PRODUCT_WORDS: ReadonlySet<string> = new Set(wordListEntries("inventory-generic-product-words.txt"));
/** Characters of a name looked at: no product name is longer, and longer input must not cost more. */
export const MAX_NAME_LENGTH = 300;

/**
 * Finds the catalog entry an inventory name stands for, trying the most precise rules first. Linear in the length
 * of the name (only its first MAX_NAME_LENGTH characters and MAX_TOKENS words are read).
 * @example
 * matchName(index, "Adobe Acrobat Reader DC - Français", "Adobe Systems Incorporated").method; // "loose"
 */
export function matchName(
  index: MatchIndex,
  name: string,
  publisher: string | null,
  kind: RowKind = "software",
): MatchResult {
  const typed = matchTypedName(index, name, publisher, kind);
  if (!typed.review || kind !== "software") return typed;
  // « Kasperski Endpoint Security 12 » by « AO Kaspersky Lab »: the name opens on the vendor's word typed with a slip
  // or two, which the publisher confirms; read with the vendor's word as the catalogue writes it (trial25 T-M1: 18
  // posts of a Russian antivirus were left without product, alternative or line in the plan).
  const vendor = vendorForPublisher(index, isPackageMaintainer(publisher ?? "") ? "" : publisher);
  const own = vendor ? (publisherKey(vendor.name).split(" ")[0] ?? "") : "";
  const first = /^\s*([\p{L}]+)/u.exec(name);
  if (!vendor || !first || !vendorWordTyped(fold(first[1]!), own)) return typed;
  const read = matchTypedName(index, `${vendor.name.split(/\s+/)[0]}${name.slice(first[0].length)}`, publisher, kind);
  return read.entry && !read.review && agrees(read.entry, vendor, publisher ?? "") ? read : typed;
}

/** `matchName` on the name as typed. */
function matchTypedName(index: MatchIndex, name: string, publisher: string | null, kind: RowKind): MatchResult {
  // A Linux package's "publisher" is the distribution team that packages it ("Debian LibreOffice Maintainers"),
  // not its vendor: the name is matched as if no publisher were given.
  const given = (publisher ?? "").slice(0, MAX_NAME_LENGTH);
  const pub = isPackageMaintainer(given) ? "" : given;
  // A package name (« libreoffice-draw ») published by a distribution's team.
  const packaged = pub !== given && PACKAGE_NAME.test(name.trim());
  const vendor = vendorForPublisher(index, pub);
  const tokens = nameTokens(name.slice(0, MAX_NAME_LENGTH)).slice(0, MAX_TOKENS);
  const loose = looseTokens(tokens);
  const looseKeyText = loose.join(" ");
  const facts: NameFacts = { numbers: tokens.filter((t) => /^\d+$/.test(t)), edition: editionFromTokens(tokens) };
  const result = (label: Label, method: MatchMethod, confidence: number): MatchResult => {
    // A catalog alias written with the publisher's brand (« McAfee Agent » of Trellix, ex-McAfee Enterprise) is
    // the catalog expecting that publisher: no mismatch.
    const mismatch = !!(
      vendor &&
      label.entry.vendor.id &&
      vendor.id !== label.entry.vendor.id &&
      !agrees(label.entry, vendor, pub) &&
      !labelNamesPublisher(label.label, vendor, pub)
    );
    // A weak label (a product name without its vendor's, "Teams") with no publisher to confirm it is less sure,
    // and a generic word ("Drive", "Connect", "Agent") on its own is only a guess, to review.
    const unconfirmed = (label.weak || !!label.stripped) && !agrees(label.entry, vendor, pub);
    const generic = unconfirmed && loose.length === 1 && GENERIC_PRODUCT_WORDS.has(loose[0]!);
    // A distribution's package named after a proprietary product without its vendor (« teams-for-linux »): a free
    // client of that service, not the product — only a guess.
    const unofficial = packaged && label.weak && label.entry.kind === "product";
    // A consumer edition (« G DATA Total Security ») of a product the catalog proposes as an alternative is not
    // that product for organisations: only a suggestion, never counted as the alternative in place (trial 13, B1).
    const consumer = consumerEdition(index, label.entry, name);
    const c = unofficial
      ? Math.min(confidence, 0.7)
      : consumer
        ? Math.min(confidence, 0.7)
        : confidence - (mismatch ? 0.2 : 0) - (unconfirmed ? 0.1 : 0) - (generic ? 0.2 : 0);
    const rounded = Math.round(c * 100) / 100;
    return {
      entry: label.entry,
      vendor,
      method,
      confidence: rounded,
      label: label.label,
      publisherMismatch: mismatch,
      review: rounded < SURE_CONFIDENCE,
      ...(consumer ? { consumer } : {}),
    };
  };

  if (tokens.length) {
    // The catalog's own name, brackets included, tells apart what the brackets alone distinguish: « Visio (La Suite
    // numérique) » is the State's service, not Microsoft Visio.
    const literal = index.literal?.size ? pick(index.literal.get(literalKey(name)), vendor, pub, "any", facts) : null;
    if (literal) return result(literal, "exact", 0.97);
    const exact = pick(index.exact.get(tokens.join(" ")), vendor, pub, "any", facts);
    if (exact) return result(exact, "exact", 0.97);
    // The vendor's name before a name the catalog knows exactly (« Microsoft Skype for Business Basic 2016 »): that
    // name, before the loose key, which drops edition words, reads « Microsoft Skype » (the consumer Skype).
    const afterVendor =
      tokens.length > 1 && index.vendors.has(tokens[0]!)
        ? pick(index.exact.get(tokens.slice(1).join(" ")), vendor, pub, "no-conflict", facts)
        : null;
    if (afterVendor) return result(afterVendor, "exact", 0.95);
    const looseHit = pick(index.loose.get(looseKeyText), vendor, pub, "any", facts);
    if (looseHit) return result(looseHit, "loose", 0.92);
    // A distribution's long name (« Debian GNU/Linux 12 », « Ubuntu 22.04 LTS (GNU/Linux …) »): the distribution.
    const distribution = distributionName(index, name, vendor, pub, facts);
    if (distribution) return result(distribution, "loose", 0.9);
    // A French description, a dash, then the product's own name (« Gestion des cimetières - openCimetière »): the
    // part after the dash named exactly, and not contradicted by the publisher, is sure.
    const tail = DESCRIBED.exec(name.slice(0, MAX_NAME_LENGTH))?.[1];
    if (tail) {
      const tailTokens = nameTokens(tail);
      const tailFacts: NameFacts = {
        numbers: tailTokens.filter((t) => /^\d+$/.test(t)),
        edition: editionFromTokens(tailTokens),
      };
      const hit =
        pick(index.exact.get(tailTokens.join(" ")), vendor, pub, "no-conflict", tailFacts) ??
        pick(index.loose.get(looseTokens(tailTokens).join(" ")), vendor, pub, "no-conflict", tailFacts);
      if (hit && !hit.weak && !(index.vendors.has(looseTokens(tailTokens).join(" ")) && !hit.full))
        return result(hit, "contains", 0.85);
    }

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

    // The vendor's name, then only words of an edition or an offer (« Kaspersky Free », « ESET Internet Security »):
    // the vendor's one product card, the edition said (trial 2026-12-05).
    const edition = vendor ? vendorEdition(index, vendor, name, tokens) : null;
    if (edition) return { ...result(edition.label, "edition", 0.8), edition: edition.words };

    // One letter or one space off a catalogue name (« Mozila Firefox », « Libre Office »), the slip a typing one and
    // the name unambiguous: asserted when the publisher is the product's, or when there is no publisher and no letter
    // was changed into another (« Protect » is a word, maybe a product); otherwise only a guess, below.
    const typo = looseKeyText.length >= 8 ? nearTypo(index, loose, looseKeyText, vendor, pub, facts) : null;
    if (typo) return result(typo.label, "near", typo.confirmed ? 0.85 : 0.8);

    // The name starts with a known name: "Zoom Workplace", "Teams Machine-Wide Installer".
    for (let end = loose.length - 1; end >= 1; end--) {
      const key = loose.slice(0, end).join(" ");
      const single = end === 1;
      // One word ("zoom") is enough only when no publisher contradicts it ("Zoom Text Magnifier" by Freedom Scientific).
      const hit = pick(
        index.loose.get(key),
        vendor,
        pub,
        single && (key.length < 4 || pub.trim() !== "") ? "agree" : "no-conflict",
        facts,
      );
      // A known product's name, then only the words of an offer (« CCleaner Free » by « Piriform Software Ltd »): that
      // product, the offer said, unless the publisher names another catalogue vendor.
      const offer = single && offerWords(loose.slice(1)) ? offerOf(index, key, name, vendor, pub, facts) : null;
      if (offer) return { ...result(offer.label, "edition", 0.8), edition: offer.words, editionOf: "product" };
      if (!hit && single && key.length < 4 && !pub.trim() && !index.vendors.has(key)) {
        // A short known name (« VLC ») with no publisher to confirm it: only a guess, but said so (« à vérifier »),
        // not « neither this name nor a known publisher is in the catalog » (trial 2026-12-05).
        const guess = pick(index.loose.get(key), vendor, pub, "no-conflict", facts);
        if (guess && !guess.weak) return result(guess, "prefix", 0.7);
      }
      if (!hit || (index.vendors.has(key) && !hit.full)) continue;
      if (single && hit.weak && !agrees(hit.entry, vendor, pub)) continue;
      // A catalog id read as words (« berger levrault gestion ») is no name a product is sold under: it matches a
      // name whole, never the start of a longer one (« Berger-Levrault Gestion des Cimetières » is not the finance
      // suite).
      if (hit.label === hit.entry.id.replace(/-/g, " ")) continue;
      // One known word that the publisher confirms is sure (« VLC media player » by VideoLAN); unconfirmed, or the
      // vendor's bare name of a record scoped to part of its range (« Huawei eSpace »), it is to review.
      // A device of the maker, though, is what its equipment record stands for (« Huawei S5735 », a switch).
      const confirmed = agrees(hit.entry, vendor, pub);
      const device = kind === "hardware" && hit.entry.category === hit.entry.vendor.hardware;
      // The catalog name goes on with another word where the name does (« Cisco Secure Client » against « Cisco
      // Secure Endpoint »): another product of the same line, only a guess.
      if (divergesFrom(hit.label, tokens, hit.entry.vendor)) return result(hit, "prefix", 0.7);
      // Another distribution package of free software the catalog knows as split into packages (« libreoffice-draw »
      // beside « libreoffice-writer », by « Debian LibreOffice Maintainers »); never a proprietary product, nor a
      // package the catalog does not know the stem of (« virtualbox-ext-pack » is not VirtualBox).
      if (
        packaged &&
        hit.entry.kind === "alternative" &&
        hit.entry.openSource &&
        index.packageStems?.get(name.trim().split("-")[0]!)?.has(hit.entry.id)
      )
        return result(hit, "prefix", 0.85);
      return result(hit, "prefix", hit.scoped && !device ? 0.7 : !single ? 0.85 : confirmed ? 0.8 : 0.7);
    }
    // No publisher (an OCS « Nombre;Logiciel » export): the vendor the name opens on, then only words of an edition
    // (« Kaspersky Free »): the same card, only a guess to review (trial21 T-M9: « inconnu », a Russian antivirus
    // left out of the measure).
    const opening = pub.trim() ? undefined : nameVendor(index, tokens);
    const guessed = opening ? vendorEdition(index, opening, name, tokens) : null;
    // (The vendor is sure, the name opens on it: its installations count as its, the product to confirm.)
    if (guessed) return { ...result(guessed.label, "edition", 0.7), vendor: opening!, edition: guessed.words };
    // The name contains a known name: "Cisco AnyConnect Secure Mobility Client", "Sophos Endpoint Agent".
    for (let length = Math.min(loose.length - 1, 6); length >= 1; length--) {
      for (let start = 1; start + length <= loose.length; start++) {
        const key = loose.slice(start, start + length).join(" ");
        const hit = pick(
          index.loose.get(key),
          vendor,
          pub,
          length === 1 || key.length < 6 ? "agree" : "no-conflict",
          facts,
        );
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
  if (vendor)
    return {
      entry: null,
      vendor,
      method: "vendor",
      confidence: 0.5,
      label: null,
      publisherMismatch: false,
      review: false,
    };
  // No publisher, and a name opening on a known vendor's (« Cegid Paie »): that vendor, its product not in the
  // catalog — not « neither this name nor a known publisher » (trial21 T-M9).
  const opening = pub.trim() || kind === "hardware" ? undefined : nameVendor(index, tokens);
  if (opening)
    return {
      entry: null,
      vendor: opening,
      method: "vendor",
      confidence: 0.5,
      label: null,
      publisherMismatch: false,
      review: false,
    };
  return {
    entry: null,
    vendor: null,
    method: "none",
    confidence: 0,
    label: null,
    publisherMismatch: false,
    review: false,
  };
}

/**
 * The catalogue name the name is one typing slip away from (`typo.ts`), when it is the only one that close: confirmed
 * when the publisher is the product's; else asserted only without a publisher, for a letter dropped, added, swapped
 * or a space, never through a label without its vendor's name (« Teams ») or a letter changed into another.
 */
function nearTypo(
  index: MatchIndex,
  loose: string[],
  looseKeyText: string,
  vendor: VendorInfo | null,
  pub: string,
  facts: NameFacts,
): { label: Label; confirmed: boolean } | null {
  if (looseKeyText.length > MAX_NEAR_KEY) return null;
  const labels = new Set<Label>();
  for (const c of [looseKeyText, ...deletions(looseKeyText), loose.join("")])
    for (const l of index.near.get(c) ?? []) if (!contradicts(l, facts)) labels.add(l);
  const entries = new Set([...labels].map((l) => l.entry.id));
  if (entries.size !== 1) return null;
  const label = pick([...labels], vendor, pub, "no-conflict", facts);
  if (!label || label.weak || label.stripped) return null;
  const own = looseTokens(nameTokens(label.label));
  const vendorFirst = publisherKey(label.entry.vendor.name).split(" ")[0] ?? "";
  const keys = [own.join(" "), vendorFirst && own[0] !== vendorFirst ? `${vendorFirst} ${own.join(" ")}` : ""];
  const slip = keys.map((k) => (k ? typoSlip(looseKeyText, k) : null)).find(Boolean);
  if (!slip) return null;
  if (agrees(label.entry, vendor, pub)) return { label, confirmed: true };
  return !pub.trim() && slip.kind !== "changed" ? { label, confirmed: false } : null;
}

/** Loose words that only state an offer or an edition (« free », « trial »): `offerOf`. */
const offerWords = (words: string[]) => words.length > 0 && words.every((w) => OFFER_WORDS.has(w));

/** The product whose whole name is `key`, for a name that adds only an offer's words to it: `matchName`. */
function offerOf(
  index: MatchIndex,
  key: string,
  name: string,
  vendor: VendorInfo | null,
  pub: string,
  facts: NameFacts,
): { label: Label; words: string } | null {
  if (key.length < 4) return null;
  const label = pick(
    index.loose.get(key)?.filter((l) => l.full && !l.weak && !l.stripped),
    vendor,
    pub,
    "no-conflict",
    facts,
  );
  if (!label) return null;
  const words = name
    .split(/[^\p{L}\p{N}+#]+/u)
    .filter((w) => OFFER_WORDS.has(fold(w)))
    .join(" ");
  return { label, words };
}

/**
 * Words that, after a vendor's name, only name an edition or an offer of its product (`i18n/fr/inventory-offer-words.txt`),
 * and those that do so for a security product only (`i18n/fr/inventory-security-offer-words.txt`).
 */
const OFFER_WORDS: ReadonlySet<string> = new Set(wordListEntries("inventory-offer-words.txt"));
const SECURITY_OFFER_WORDS: ReadonlySet<string> = new Set(wordListEntries("inventory-security-offer-words.txt"));

/**
 * A name made of the publisher's catalog vendor's name and words that only state an edition or an offer (« Kaspersky
 * Free », « Bitdefender Internet Security », « ESET Smart Security Premium 17 »), when the catalog has one product card
 * of that vendor: that card, with the edition's words as written. The vendor's bare name, a vendor with several
 * products, or any other word (« ESET Password Manager ») gives nothing.
 */
/** The vendor a name opens on (its first one to three words, a vendor's name in the catalog), when it has more words. */
function nameVendor(index: MatchIndex, tokens: string[]): VendorInfo | undefined {
  for (let n = Math.min(3, tokens.length - 1); n >= 1; n--) {
    const key = tokens.slice(0, n).join(" ");
    // (Not a letter or two, nor a number: « X-Lite » is not X's, « 1 … » no vendor's.)
    if (key.length < 3 || /^\d+$/.test(key)) continue;
    const v = index.vendors.get(key);
    if (v) return v;
  }
  return undefined;
}

function vendorEdition(
  index: MatchIndex,
  vendor: VendorInfo,
  name: string,
  tokens: string[],
): { label: Label; words: string } | null {
  const products = vendor.id ? index.vendorProducts?.get(vendor.id) : undefined;
  if (products?.length !== 1) return null;
  const entry = products[0]!;
  for (let n = Math.min(3, tokens.length - 1); n >= 1; n--) {
    if (index.vendors.get(tokens.slice(0, n).join(" "))?.id !== vendor.id) continue;
    const rest = tokens.slice(n).filter((t) => !/^\d+$/.test(t));
    const offer = (t: string) =>
      OFFER_WORDS.has(t) ||
      !looseTokens([t, "qqq"]).includes(t) ||
      (entry.category === "security" && SECURITY_OFFER_WORDS.has(t));
    if (!rest.length || !rest.every(offer)) return null;
    const wanted = new Set(rest);
    const words = name
      .split(/[^\p{L}\p{N}+#]+/u)
      .slice(n)
      .filter((w) => wanted.has(fold(w)))
      .join(" ");
    return { label: { entry, label: entry.name, weak: false, full: false, numbers: [], edition: null }, words };
  }
  return null;
}

/**
 * Phrases naming a consumer (home) edition (`i18n/fr/inventory-consumer-editions.txt`), as sequences of name tokens.
 */
const CONSUMER_EDITIONS: string[][] = wordListEntries("inventory-consumer-editions.txt").map((e) => e.split(/\s+/));

/** The consumer-edition phrases the tokens hold, as the name writes them (« Total Security »), or null. */
function consumerWords(name: string): string | null {
  const tokens = nameTokens(name.slice(0, MAX_NAME_LENGTH)).slice(0, MAX_TOKENS);
  const found = CONSUMER_EDITIONS.filter((phrase) =>
    tokens.some((_, i) => phrase.every((w, k) => tokens[i + k] === w)),
  );
  if (!found.length) return null;
  const wanted = new Set(found.flat());
  return (
    name
      .split(/[^\p{L}\p{N}+#]+/u)
      .filter((w) => wanted.has(fold(w)))
      .join(" ") || null
  );
}

/**
 * The consumer edition a name states (« Bitdefender Total Security », « ESET Internet Security », « Sophos Home »)
 * when the entry is a proprietary product the catalog proposes as an alternative, or as the installed form of one,
 * and the entry's own name states none: the edition's words, else null. Such a line is at most a suggestion (« à
 * vérifier »), never the alternative « déjà en place ». A product only to replace (« Kaspersky Free ») is not
 * concerned: its consumer edition is the same vendor's dependency, replaced alike.
 */
function consumerEdition(index: MatchIndex, entry: CatalogEntry, name: string): string | null {
  if (entry.openSource || !index.proposed?.has(entry.id)) return null;
  if (consumerWords(entry.name)) return null;
  return consumerWords(name);
}

/**
 * The catalog name a publisher field names when it is no publisher the match could use (a distribution's team,
 * « Debian », « Ubuntu Developers »): a catalog vendor's, or a catalog product's or alternative's whole name; null
 * otherwise. A line whose name is not that product is then unknown, but its publisher is in the catalogue (trial 13,
 * B2: « ni l'éditeur « Debian » ne figure au catalogue » while Debian is).
 */
export function publisherInCatalog(index: MatchIndex, publisher: string | null | undefined): string | null {
  const given = (publisher ?? "").slice(0, MAX_NAME_LENGTH);
  if (!given.trim()) return null;
  const vendor = vendorForPublisher(index, given);
  if (vendor) return vendor.name;
  // Only a distribution's team stands for its distribution: « Gimp Works Ltd » is no publisher of GIMP.
  if (!isPackageMaintainer(given)) return null;
  const words = publisherKey(given).split(" ").filter(Boolean);
  // « Ubuntu Developers », « Debian LibreOffice Maintainers »: the distribution's name leads the team's.
  for (let n = Math.min(3, words.length); n >= 1; n--) {
    const label = index.loose.get(words.slice(0, n).join(" "))?.find((l) => l.full && !l.weak);
    if (label) return label.entry.name;
  }
  return null;
}

/** Words of a distribution's long name that name only the system or the desktop (`inventory-distribution-words.txt`). */
const DISTRIBUTION_WORDS: ReadonlySet<string> = new Set(wordListEntries("inventory-distribution-words.txt"));

/**
 * The catalog distribution a name with « linux » stands for once the words of the system and the desktop are left
 * out (« Debian GNU/Linux 12 (bookworm) » → Debian, « Ubuntu 22.04.4 LTS (GNU/Linux 5.15 x86_64) » → Ubuntu): only
 * a whole catalog name of the workstation category, and not one a publisher naming another vendor contradicts.
 */
function distributionName(
  index: MatchIndex,
  name: string,
  vendor: VendorInfo | null,
  pub: string,
  facts: NameFacts,
): Label | null {
  const head = name.slice(0, MAX_NAME_LENGTH);
  if (!/linux/i.test(head)) return null;
  const tokens = nameTokens(head.replace(/\/(?=linux)/gi, " ")).slice(0, MAX_TOKENS);
  const kept = looseTokens(tokens).filter((t) => !DISTRIBUTION_WORDS.has(t));
  if (!kept.length || kept.length === looseTokens(tokens).length) return null;
  const labels = index.loose.get(kept.join(" "))?.filter((l) => l.full && l.entry.category === "workstation");
  return pick(labels, vendor, pub, "no-conflict", facts);
}

/**
 * Whether the name and the catalog text part on two different words at the first place they differ: « Cisco Secure
 * Endpoint » and « Cisco Secure Client (AnyConnect) » part on « endpoint » / « client ». A name that only goes on
 * longer (« Zoom Workplace » for « Zoom ») or differs by a number or an edition word does not. The vendor's name
 * the inventory writes before a catalog name without it (« Microsoft Windows 10 Éducation » for « Windows 10 ») is
 * not a word where they part: the two are compared after it (trial 2026-12-06).
 */
function divergesFrom(label: string, nameTokensOfName: string[], vendor: VendorInfo): boolean {
  const own = nameTokens(label);
  const vendorFirst = publisherKey(vendor.name).split(" ")[0] ?? "";
  const name =
    vendorFirst && nameTokensOfName[0] === vendorFirst && own[0] !== vendorFirst
      ? nameTokensOfName.slice(1)
      : nameTokensOfName;
  const n = Math.min(own.length, name.length);
  for (let i = 0; i < n; i++) {
    const a = own[i]!;
    const b = name[i]!;
    if (a === b) continue;
    const word = (t: string) => /^[a-z]{3,}$/.test(t) && !looseTokens([t, "x"]).every((x) => x === "x");
    return word(a) && word(b);
  }
  return false;
}

/** « <description> - <product> » (hyphen, en dash or colon between spaces); the product part is captured. */
const DESCRIBED = /^[^-–:]{3,}\s[-–:]\s+([^-–:]{3,})$/;

const PACKAGE_NAME = /^[a-z0-9][a-z0-9.+]*(?:-[a-z0-9.+]+)+$/;

const PACKAGE_MAINTAINER =
  /\b(?:maintainers?|packagers?|packaging team|mozilla team)\b|^(?:debian|ubuntu|fedora|opensuse|alpine|arch linux)\b/;

/** "Debian LibreOffice Maintainers", "Ubuntu Developers", "Maintainers of Mozilla-related packages"… */
export function isPackageMaintainer(publisher: string): boolean {
  return PACKAGE_MAINTAINER.test(fold(publisher));
}
