/**
 * Name normalisation for inventory matching. Software names in GLPI/OCS exports carry versions, editions,
 * architectures and language tags ("Mozilla Firefox (x64 fr)", "Adobe Acrobat Reader DC - Français",
 * "Microsoft Office Professionnel Plus 2016"); catalog aliases are normalised the same way, so both sides meet.
 *
 * Two levels: `nameKey` keeps bare numbers ("office 365", "windows 11") so exact aliases stay precise;
 * `looseKey` also drops numbers and edition words, for a second, more tolerant lookup.
 */

import { escapeRegExp } from "../core/text.ts";
import { wordListEntries } from "../i18n/word-lists.ts";

/** Words that only qualify an edition or a packaging, dropped by `looseKey` (`i18n/fr/inventory-edition-words.txt`). */
const EDITION_WORDS: ReadonlySet<string> = new Set(wordListEntries("inventory-edition-words.txt"));

/**
 * Language tags found at the end of names or after " - " ("- fr-fr", "(x64 fr)", "- Français")
 * (`i18n/fr/inventory-language-words.txt`).
 */
const LANGUAGE_WORDS: ReadonlySet<string> = new Set(wordListEntries("inventory-language-words.txt"));

/** Platforms named in "for Windows" / "pour Windows" suffixes (`i18n/fr/inventory-platform-words.txt`). */
const PLATFORM_WORDS: ReadonlySet<string> = new Set(wordListEntries("inventory-platform-words.txt"));

/**
 * Corporate suffixes stripped from publisher names ("Microsoft Corporation", "Adobe Systems Incorporated")
 * (`i18n/fr/inventory-company-words.txt`).
 */
const COMPANY_WORDS: ReadonlySet<string> = new Set(wordListEntries("inventory-company-words.txt"));

const ARCH = /\b(?:x86[_-]64|x64|x86|amd64|arm64|aarch64|win64|win32|i[3-6]86|(?:32|64)[\s-]?bits?)\b/g;
const DOTTED_VERSION = /\bv?\d+(?:[._]\d+)+[a-z]?\d*(?:[-+][0-9a-z.]+)?\b/g;
const VERSIONED_WORD = /\b(?:version|build|release|rev)\s+v?\d[\w.-]*/g;
const KB = /\bkb\d{5,}\b/g;
const TRADEMARKS = /[\u00ae\u2122\u00a9]|\((?:r|tm|c)\)/gi;

const HTML_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  eacute: "é",
  egrave: "è",
  agrave: "à",
  ccedil: "ç",
};

/** Decodes the few HTML entities GLPI and OCS leave in exported cells. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return HTML_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/**
 * Russian letters in Latin ones (the BGN/PCGN romanisation, simplified): a publisher written in Cyrillic (« ООО
 * «ЯНДЕКС» », trial25 T-M2) was read as no publisher at all, its Russian browser « origine inconnue ».
 */
const CYRILLIC: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
  і: "i",
  ї: "yi",
  є: "ye",
  ґ: "g",
};

/** Folds case and accents, Cyrillic read in Latin letters: "Éditeur Œuvre" → "editeur oeuvre", "Яндекс" → "yandeks". */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[\u0400-\u04ff]/g, (c) => CYRILLIC[c] ?? c)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
}

/**
 * Characters of a name or publisher that normalisation reads: far beyond any real product name, and a bound on
 * the work per name whatever an upload holds (a 160,000-character cell costs no more than this).
 */
export const MAX_NORMALIZED_LENGTH = 1000;

/** A release nickname written bare after a dotted version, last in the name (« QGIS 3.34 Prizren »). */
const TRAILING_NICKNAME = /(\d+\.\d+(?:\.\d+)*)\s+(\p{Lu}\p{Ll}{2,})$/u;

/**
 * The name without a release nickname written bare after its version (« QGIS 3.34 Prizren », « QGIS 3.40 Bratislava
 * », trial24 T-L2; quoted ones go with the other quoted parts): a capitalised word that is no edition, language or
 * platform word (« Firefox 115.0 Standard » keeps its edition).
 */
function withoutTrailingNickname(name: string): string {
  return name.replace(TRAILING_NICKNAME, (whole, version: string, word: string) => {
    const w = fold(word);
    return EDITION_WORDS.has(w) || LANGUAGE_WORDS.has(w) || PLATFORM_WORDS.has(w) ? whole : version;
  });
}

/** Lowercase tokens, with noise removed but bare numbers kept. */
export function nameTokens(name: string): string[] {
  let s = fold(withoutTrailingNickname(decodeEntities(name.slice(0, MAX_NORMALIZED_LENGTH)))).replace(TRADEMARKS, " ");
  // Parenthesised or bracketed parts are architecture, language, edition or version notes in practice.
  s = s.replace(/\([^()]*\)|\[[^\]]*\]|\{[^}]*\}/g, " ");
  // Release nicknames: QGIS 3.34.1 'Prizren'.
  s = s.replace(/'[^']*'|"[^"]*"|«[^»]*»/g, " ");
  // A trailing " - <language>" part (checked on the whole tail, so "Reader DC - Français" loses "Français").
  s = s.replace(/\s[-–—]\s+([a-z -]+)$/, (whole, tail: string) =>
    // A tag is whole (« en-us ») or made of language words (« fr-fr », « Français »).
    tail
      .split(/\s+/)
      .every((w) => !w || LANGUAGE_WORDS.has(w) || w.split("-").every((x) => !x || LANGUAGE_WORDS.has(x)))
      ? " "
      : whole,
  );
  s = s.replace(KB, " ").replace(ARCH, " ").replace(VERSIONED_WORD, " ").replace(DOTTED_VERSION, " ");
  const tokens = s.split(/[^a-z0-9+#]+/).filter(Boolean);
  // Trailing language tags and "for Windows" suffixes.
  for (;;) {
    const last = tokens.at(-1);
    if (last === undefined) break;
    if (LANGUAGE_WORDS.has(last) && tokens.length > 1) tokens.pop();
    else if (PLATFORM_WORDS.has(last) && (tokens.at(-2) === "for" || tokens.at(-2) === "pour")) tokens.splice(-2, 2);
    else break;
  }
  return tokens;
}

/** The precise key: "Microsoft Office Professionnel Plus 2016" → "microsoft office professionnel plus 2016". */
export function nameKey(name: string): string {
  return nameTokens(name).join(" ");
}

/** The tolerant key: numbers and edition words dropped → "microsoft office". Never empty if the name has letters. */
export function looseKey(name: string): string {
  return looseTokens(nameTokens(name)).join(" ");
}

export function looseTokens(tokens: string[]): string[] {
  const kept = tokens.filter((t) => !/\d/.test(t) && !EDITION_WORDS.has(t) && !LANGUAGE_WORDS.has(t));
  if (kept.length) return kept;
  return tokens.filter((t) => !/^\d+$/.test(t));
}

/** "Microsoft Corporation" → "microsoft"; "Adobe Systems Incorporated" → "adobe"; "The Document Foundation" → "document". */
export function publisherKey(publisher: string | null | undefined): string {
  if (!publisher) return "";
  const tokens = fold(decodeEntities(publisher.slice(0, MAX_NORMALIZED_LENGTH)))
    .replace(TRADEMARKS, " ")
    .replace(/\([^()]*\)/g, " ")
    .split(/[^a-z0-9+&]+/)
    .filter(Boolean);
  const kept = tokens.filter((t) => !COMPANY_WORDS.has(t));
  return (kept.length ? kept : tokens).join(" ");
}

/** Collapses whitespace so the same name typed twice groups into one item. */
export function displayName(name: string): string {
  return decodeEntities(name).replace(/\s+/g, " ").trim();
}

/** Items that are parts of the system rather than applications a DSI chooses: kept, but out of the map. */
const COMPONENT = new RegExp(
  [
    "redistributable",
    "\\bruntime\\b",
    "\\bdrivers?\\b",
    "\\bpilotes?\\b",
    "\\bchipset\\b",
    "\\bfirmware\\b",
    "\\bhotfix\\b",
    "security update",
    "mise a jour de securite",
    "mise a jour pour",
    "update for",
    "\\bkb\\d{5,}",
    "language pack",
    "module linguistique",
    "\\bsdk\\b",
    "visual c\\+\\+",
    "\\.net (?:framework|runtime|desktop)",
    "directx",
    "webview2",
    "vcredist",
    "maintenance service",
    "update health tools",
    "\\bmsxml\\b",
    "\\bproofing tools\\b",
    "outils? de verification linguistique",
    "\\bcodec\\b",
    "\\bhelper\\b",
    // « Office 16 Click-to-Run Extensibility Component », « Intel(R) Management Engine Components ».
    "\\bcomponents?\\b",
    // A printer's or scanner's driver package (« HP LaserJet Pro MFP M428f Basic Device Software »).
    "device software",
    // Updaters and support services installed beside a product, never standing for it (« Windows 10 Update
    // Assistant », « Apple Software Update », « Bonjour »); a product's own updater is its part (isHelperLine).
    "update assistant",
    "software update",
    "application support",
    "mobile device support",
    "\\bbonjour\\b",
    "genuine service",
    "refresh manager",
    // Libraries other programs install: Office's interop assemblies, its file validation add-in, SQL Server's
    // embedded LocalDB.
    "interop assembl",
    "file validation",
    "\\blocaldb\\b",
    // Support components of a product that say nothing of the product itself (trial 2026-12-05): Access's data
    // engine (a redistributable for .accdb files), Adobe's licence checker and updater (installed with the free
    // Acrobat Reader as with Creative Cloud), Office's Click-to-Run plumbing.
    "access database engine",
    "click-to-run",
    "extensibility component",
    // A database server's client library on a workstation, installed for a business application (« Microsoft SQL
    // Server 2012 Native Client », « Oracle Instant Client », « IBM Data Server Client », « SAP HANA Client »): not
    // a database server, which the map weighs as serving every agent (trial 4: a desktop piece matched to the
    // server product of the same brand).
    "native client",
    "instant client",
    "^oracle client\\b",
    "data server (?:runtime )?client",
    "\\b(?:db2|hana) client\\b",
    "\\bodbc\\b",
    "\\boledb\\b",
    "\\bjdbc\\b",
  ].join("|"),
);

/**
 * The installer, updater or add-in of a product ("Teams Machine-Wide Installer", "Java Auto Updater", "Microsoft
 * Edge Update"): a line beside the product on the same machines, not another installation of it.
 */
// Also a maker's or vendor's update tool under a name of its own (« Lenovo System Update », « Dell Command | Update »,
// « Apple Software Update », « Google Update Helper »): installed on the product's own PCs, never a second product
// (trial 8: « Lenovo Vantage » 120 + « Lenovo System Update » 120 made 240 installations on ~310 PCs).
const HELPER =
  /\binstaller\b|\bupdater\b|\bauto[- ]?update\b|\bupdate (?:service|helper)\b|\b(?:system|software|command)\W+update\b|\bmaintenance service\b|\badd-?in\b|machine-wide/;

export function isHelperLine(name: string): boolean {
  return HELPER.test(fold(name.slice(0, MAX_NORMALIZED_LENGTH)));
}

/**
 * A piece of a product that a vendor ships under a name of its own: the console or server that manages it (« Kaspersky
 * Security Center 14 Administration Server »), its agent, the tools installed in each virtual machine of a hypervisor
 * (« VMware Tools »), the launcher that installs and updates a vendor's applications (« Autodesk Desktop App »), and
 * every helper of `isHelperLine`. Replaced with the product, never on its own (`attachModules`, analyze.ts).
 */
const MODULE =
  /\bconsole\b|\badministration server\b|\bmanagement (?:server|console|agent)\b|\bnetwork agent\b|\bdesktop app\b|\blauncher\b|\b(?:vm |guest )?tools\b/;

export function isModuleLine(name: string): boolean {
  const folded = fold(name.slice(0, MAX_NORMALIZED_LENGTH));
  return MODULE.test(folded) || HELPER.test(folded);
}

/** Package-name patterns of a distribution's base (`i18n/fr/inventory-distribution-packages.txt`): kept, exceptions. */
const DISTRIBUTION_PACKAGES = (() => {
  const glob = (entry: string) => {
    return new RegExp(`^${escapeRegExp(entry).replaceAll("\\*", ".*")}$`);
  };
  const entries = wordListEntries("inventory-distribution-packages.txt");
  return {
    kept: entries.filter((e) => !e.startsWith("!")).map(glob),
    except: entries.filter((e) => e.startsWith("!")).map((e) => glob(e.slice(1))),
  };
})();

/**
 * A base package of a GNU/Linux distribution (« libc6 », « systemd », « linux-image-amd64 », « gnome-shell »), written
 * as a package name (lower case, no space): a component of the distribution, set aside like a driver (trial14 B11).
 */
export function isDistributionPackage(name: string): boolean {
  const n = name.trim();
  if (!/^[a-z0-9][a-z0-9.+:~_-]*$/.test(n)) return false;
  return DISTRIBUTION_PACKAGES.kept.some((r) => r.test(n)) && !DISTRIBUTION_PACKAGES.except.some((r) => r.test(n));
}

/** Drivers, runtimes, updates, language packs… ("Microsoft Visual C++ 2015 Redistributable (x64)"). */
export function isComponent(name: string): boolean {
  return COMPONENT.test(fold(name.slice(0, MAX_NORMALIZED_LENGTH)));
}
