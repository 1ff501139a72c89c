/**
 * The structured alternatives catalog (`corpus/catalog/*.yaml`): loading, schema and cross-reference checks,
 * and the readable French passage each record yields for retrieval.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import YAML from "yaml";
import { categoryWord, countryName, fitLabel, hostingLabel } from "../core/labels.ts";
import { escapeRegExp, frenchDate } from "../core/text.ts";
import { formatIssues } from "../core/validation.ts";
import { messageOr } from "../i18n/messages.ts";
import { type CatalogRankedAlternative, compareCatalogRank } from "./alternative-order.ts";
import {
  type Alternative,
  alternativeSchema,
  type CorpusProblem,
  catalogFileSchema,
  type Mapping,
  mappingSchema,
  type Product,
  productSchema,
  type Vendor,
  vendorSchema,
} from "./schema.ts";

export interface Catalog {
  vendors: Map<string, Vendor>;
  products: Map<string, Product>;
  alternatives: Map<string, Alternative>;
  mappings: Mapping[];
  /** The files read, relative to the corpus root, with their raw text (for content hashing). */
  files: { path: string; text: string }[];
}

type RecordKind = "vendors" | "products" | "alternatives" | "mappings";
const schemas = {
  vendors: vendorSchema,
  products: productSchema,
  alternatives: alternativeSchema,
  mappings: mappingSchema,
};

/**
 * The parse of each catalog text read lately, by its text: a process that reads an unchanged catalog again (the
 * corpus read again after a document changed, another folder holding the same catalog) parses nothing — about 0.3 s
 * of CPU for the project's catalog. Each caller gets its own copy, since records are completed in place below.
 */
const parsedTexts = new Map<string, unknown>();
const PARSED_TEXTS_KEPT = 16;

function parseYaml(text: string): unknown {
  if (!parsedTexts.has(text)) {
    const parsed = YAML.parse(text);
    if (parsedTexts.size >= PARSED_TEXTS_KEPT) parsedTexts.delete(parsedTexts.keys().next().value!);
    parsedTexts.set(text, parsed);
  }
  return structuredClone(parsedTexts.get(text));
}

/** Reads every YAML file under `catalogDir`; invalid records are reported and left out, the rest loads. */
export async function loadCatalog(corpusDir: string, problems: CorpusProblem[]): Promise<Catalog> {
  const catalogDir = path.join(corpusDir, "catalog");
  const catalog: Catalog = {
    vendors: new Map(),
    products: new Map(),
    alternatives: new Map(),
    mappings: [],
    files: [],
  };
  let names: string[] = [];
  try {
    names = (await readdir(catalogDir, { recursive: true })).filter((n) => /\.ya?ml$/i.test(n)).sort();
  } catch {
    return catalog; // no catalog yet: documents still ingest
  }
  for (const name of names) {
    const rel = path.posix.join("catalog", name.split(path.sep).join("/"));
    const text = await readFile(path.join(catalogDir, name), "utf8");
    catalog.files.push({ path: rel, text });
    let parsed: unknown;
    try {
      parsed = parseYaml(text);
    } catch (err) {
      problems.push({ path: rel, reasons: [`YAML illisible : ${(err as Error).message.split("\n")[0]}`] });
      continue;
    }
    const file = catalogFileSchema.safeParse(parsed ?? {});
    if (!file.success) {
      problems.push({ path: rel, reasons: formatIssues(file.error, parsed) });
      continue;
    }
    for (const kind of ["vendors", "products", "alternatives", "mappings"] as const) {
      file.data[kind].forEach((raw, index) => addRecord(catalog, kind, raw, index, rel, problems));
    }
  }
  checkReferences(catalog, problems);
  return catalog;
}

function addRecord(
  catalog: Catalog,
  kind: RecordKind,
  raw: unknown,
  index: number,
  file: string,
  problems: CorpusProblem[],
) {
  const result = schemas[kind].safeParse(raw);
  const label = recordLabel(kind, raw, index);
  if (!result.success) {
    problems.push({ path: file, record: label, reasons: formatIssues(result.error, raw) });
    return;
  }
  if (kind === "mappings") {
    catalog.mappings.push(result.data as Mapping);
    return;
  }
  const record = result.data as Vendor | Product | Alternative;
  // The laws that reach a vendor are stored normalised: declared ones, else those of its controlling country.
  if (kind === "vendors") {
    const v = record as Vendor;
    v.exposure = lawsFor(v.exposure, v.parent?.country ?? v.country);
  }
  const map = catalog[kind] as Map<string, typeof record>;
  if (map.has(record.id)) {
    problems.push({ path: file, record: label, reasons: [`identifiant « ${record.id} » déjà utilisé`] });
    return;
  }
  map.set(record.id, record);
}

function recordLabel(kind: RecordKind, raw: unknown, index: number): string {
  const r = (raw ?? {}) as Record<string, unknown>;
  const name = kind === "mappings" ? `${r.product} → ${r.alternative}` : (r.id ?? r.name ?? "?");
  return `${kind}[${index}] ${String(name)}`;
}

/** Drops records that point to unknown ids, reporting each one. */
function checkReferences(catalog: Catalog, problems: CorpusProblem[]) {
  for (const product of [...catalog.products.values()]) {
    if (!catalog.vendors.has(product.vendor)) {
      problems.push({
        path: "catalog",
        record: `products ${product.id}`,
        reasons: [`éditeur inconnu : « ${product.vendor} »`],
      });
      catalog.products.delete(product.id);
    }
  }
  for (const alt of catalog.alternatives.values()) {
    if (alt.vendor && !catalog.vendors.has(alt.vendor)) {
      problems.push({
        path: "catalog",
        record: `alternatives ${alt.id}`,
        reasons: [`éditeur inconnu : « ${alt.vendor} »`],
      });
      alt.vendor = null;
    }
  }
  for (const product of catalog.products.values()) {
    const unknown = product.components.filter((c) => !catalog.products.has(c) || c === product.id);
    if (!unknown.length) continue;
    problems.push({
      path: "catalog",
      record: `products ${product.id}`,
      reasons: unknown.map((c) => `composant inconnu : « ${c} »`),
    });
    product.components = product.components.filter((c) => !unknown.includes(c));
  }
  const seen = new Set<string>();
  catalog.mappings = catalog.mappings.filter((m) => {
    const reasons: string[] = [];
    if (!catalog.products.has(m.product)) reasons.push(`produit inconnu : « ${m.product} »`);
    if (!catalog.alternatives.has(m.alternative)) reasons.push(`alternative inconnue : « ${m.alternative} »`);
    const product = catalog.products.get(m.product);
    const alternative = catalog.alternatives.get(m.alternative);
    // A business package is replaced within its domain: openElec (elections) is no alternative to a finance package.
    if (
      product?.domains.length &&
      alternative?.domains.length &&
      !product.domains.some((d) => alternative.domains.includes(d))
    ) {
      reasons.push(`domaines différents : ${product.domains.join(", ")} / ${alternative.domains.join(", ")}`);
    }
    // An alternative that covers only some of a product's business domains (openElec, elections, for a whole
    // municipal suite) says which part it covers, and is never a direct replacement.
    const missing =
      product?.domains.length && alternative?.domains.length
        ? product.domains.filter((d) => !alternative.domains.includes(d))
        : [];
    if (missing.length && !m.covers)
      reasons.push(`couverture partielle non dite (covers) : ${missing.join(", ")} hors de ${alternative!.name}`);
    if (m.covers && m.fit === "drop-in")
      reasons.push("une alternative qui ne couvre qu'une partie du produit n'est pas un remplacement direct");
    // A State service reserved to State agents is no direct replacement for a collectivité (Zoom → Visio).
    if (alternative?.audience === "state" && m.fit === "drop-in")
      reasons.push(
        `${alternative.name} est réservé aux agents de l'État : pas un remplacement direct pour une collectivité`,
      );
    // Network equipment is no alternative to a communications client (Huawei eSpace), nor the reverse.
    if (product && alternative && !sameCategoryFamily(product.category, alternative.category)) {
      reasons.push(`familles différentes : ${categoryWord(product.category)} / ${categoryWord(alternative.category)}`);
    }
    const key = `${m.product}→${m.alternative}`;
    if (seen.has(key)) reasons.push("correspondance en double");
    seen.add(key);
    if (reasons.length) problems.push({ path: "catalog", record: `mappings ${key}`, reasons });
    return reasons.length === 0;
  });
}

/**
 * Categories whose records are equipment or what runs it (switches, routers, firewalls, network virtualisation):
 * `network` is replaced only within this family, and never stands for software people use (a visio client, a
 * softphone, a file server).
 */
const EQUIPMENT_FAMILY: ReadonlySet<string> = new Set(["network", "security", "virtualization"]);

/**
 * Whether an alternative of `alternative`'s category can replace a product of `product`'s: software categories
 * mix (an office suite installed or online, a mail service and its client), network equipment does not.
 * @example
 * sameCategoryFamily("collaboration", "network"); // false — Huawei eSpace is not replaced by a switch
 * sameCategoryFamily("security", "network"); // true — a web filter by a proxy
 */
export function sameCategoryFamily(product: string, alternative: string): boolean {
  if (product === "network") return EQUIPMENT_FAMILY.has(alternative);
  if (alternative === "network") return EQUIPMENT_FAMILY.has(product);
  return true;
}

/**
 * Laws that reach a controlling entity, by stable id (French labels in `server/i18n/fr/inventory.json`, keys
 * `law.<id>`). The catalog's older ids (`cloud-act`, `fisa-702`, `china-nis-law`, `russia-sorm`) are still read.
 */
export const LAW_IDS = [
  "us-cloud-act",
  "us-fisa-702",
  "ru-sorm",
  "ru-data-localisation",
  "cn-national-intelligence-law",
] as const;
const LEGACY_LAW_IDS: Record<string, string> = {
  "cloud-act": "us-cloud-act",
  "fisa-702": "us-fisa-702",
  "china-nis-law": "cn-national-intelligence-law",
  "russia-sorm": "ru-sorm",
};
export const normalizeLaw = (id: string) => LEGACY_LAW_IDS[id] ?? id;

/**
 * The laws that reach an entity controlled from a country, when the catalog names none for the vendor: the US
 * CLOUD Act and FISA section 702; Russia's SORM surveillance and personal-data localisation (242-FZ) laws;
 * China's National Intelligence Law of 2017 (article 7). None for the EU, the EEA, the United Kingdom and Switzerland.
 */
export const LAWS_BY_COUNTRY: Record<string, string[]> = {
  US: ["us-cloud-act", "us-fisa-702"],
  RU: ["ru-sorm", "ru-data-localisation"],
  CN: ["cn-national-intelligence-law"],
};

export { EUROPEAN_COUNTRIES, isEuropean } from "./europe.ts";

/**
 * The laws that reach a vendor: those the catalog names for it, else those of the country that controls it.
 * @example
 * lawsFor(["cloud-act"], "US"); // ["us-cloud-act"]
 * lawsFor([], "CN"); // ["cn-national-intelligence-law"]
 */
export function lawsFor(declared: string[], controllingCountry: string | null): string[] {
  const laws = declared.map(normalizeLaw);
  if (laws.length || !controllingCountry) return [...new Set(laws)];
  return [...(LAWS_BY_COUNTRY[controllingCountry.toUpperCase()] ?? [])];
}

/** French label of a law id (« CLOUD Act (États-Unis) »); the id itself when no label is known. */
export const exposureLabel = (e: string) => {
  const id = normalizeLaw(e);
  return messageOr(`law.${id}`, id);
};

export interface CatalogPassage {
  id: string;
  kind: "product" | "vendor" | "alternative";
  title: string;
  text: string;
  sources: Vendor["sources"];
  date: string | null;
  url: string | null;
  category: string | null;
}

/** « Microsoft Word » → « Word » on Microsoft's card; a name that is only the vendor's and a number stays whole. */
function withoutVendorName(product: string, vendor: string): string {
  const prefix = `${vendor} `;
  const rest = product.startsWith(prefix) ? product.slice(prefix.length) : "";
  return /^\p{L}/u.test(rest) ? rest : product;
}

/**
 * How the lines of a card open (`catalogPassages`), by what they say: read back to quote the line that answers what
 * a question asks of the card (`answers/card-brief.ts`).
 */
export const CARD_LINE = {
  /** A product's vendor, its country, group and the laws that reach it. */
  vendor: "Éditeur : ",
  /** A vendor's parent company. */
  owner: "Il appartient à ",
  /** A vendor whose controlling owner no source confirms. */
  unverified: "Propriétaire de contrôle non vérifié",
  /** A vendor's exposure to laws from outside Europe, or none known. */
  exposure: "Exposition à des lois extra-européennes : ",
  noExposure: "Pas d'exposition connue",
  /** Other names in inventories: what a question never asks. */
  aliases: "Apparaît dans les inventaires sous les noms : ",
  /** What replaces a product. */
  alternatives: "Alternatives : ",
  /** What an alternative replaces. */
  replaces: "Remplace : ",
  /** An alternative's hosting, its State audience, its condition of access for a collectivité, its SILL listing,
   * its known public users and its migration notes: the fields around its description. */
  hosting: "Hébergement : ",
  stateOnly: "Service de l'État réservé à ses agents.",
  forCollectivity: "Pour une collectivité : ",
  sill: "Référencé au Socle interministériel de logiciels libres (SILL).",
  users: "Utilisateurs publics connus : ",
  migration: "Migration : ",
  /** A vendor's products, and a product's end of support by edition. */
  products: "Produits au catalogue : ",
  lifecycle: "Fin du support par édition : ",
  /** A product with editions of their own end of support: the end of its ordinary editions, on a line of its own. */
  ordinaryEnd: "Fin du support des éditions courantes : ",
} as const;

/** What a card's title opens on, by kind of card (« Éditeur : Adobe », « Alternative : GIMP »). */
export const CARD_TITLE = { vendor: "Éditeur : ", product: "Produit : ", alternative: "Alternative : " } as const;

/** A card's line of end of support by edition, and what follows an edition's name on it (« (build …) le 14 … »). */
const LIFECYCLE_LINE = new RegExp(`^${escapeRegExp(CARD_LINE.lifecycle)}(.+?)\\.?$`, "mu");
const EDITION_TAIL = /\s+(?:\(build [^)]*\)\s+)?le \d.*$/u;

/**
 * The editions a card's line of end of support names (« Office 2016 le 14 octobre 2025 ; Office 2021 et Office LTSC
 * 2021 le … » → « Office 2016 », « Office 2021 », « Office LTSC 2021 »), as `catalogPassages` writes that line.
 */
export function editionNames(cardText: string): string[] {
  return (LIFECYCLE_LINE.exec(cardText)?.[1]?.split(" ; ") ?? []).flatMap((e) =>
    e.replace(EDITION_TAIL, "").split(" et "),
  );
}

/** What `catalogRank` reads of an alternative listed for a product. */
function rankable(m: Mapping, a: Alternative): CatalogRankedAlternative & { name: string } {
  return {
    name: a.name,
    fit: m.fit,
    country: a.country,
    audience: a.audience,
    covers: m.covers,
    scale: a.scale,
    openSource: !!a.licence,
    maturity: a.maturity,
  };
}

/** One readable French passage per vendor, product and alternative, so the catalog is searchable like prose. */
export function catalogPassages(catalog: Catalog): CatalogPassage[] {
  const passages: CatalogPassage[] = [];
  const altsByProduct = groupBy(catalog.mappings, (m) => m.product);
  const productsByAlt = groupBy(catalog.mappings, (m) => m.alternative);
  const productsByVendor = groupBy([...catalog.products.values()], (p) => p.vendor);

  for (const v of catalog.vendors.values()) {
    const lines = [
      `${v.name}${v.legalName && v.legalName !== v.name ? ` (${v.legalName})` : ""} : éditeur, siège : ${countryName(v.country)}.`,
    ];
    if (v.parent) lines.push(`${CARD_LINE.owner}${v.parent.name} (${countryName(v.parent.country)}).`);
    if (!v.ownershipVerified)
      lines.push(`${CARD_LINE.unverified} : aucune de nos sources ne confirme qui contrôle cet éditeur aujourd'hui.`);
    lines.push(
      v.exposure.length
        ? `${CARD_LINE.exposure}${v.exposure.map(exposureLabel).join(", ")}.`
        : `${CARD_LINE.noExposure} à une loi extra-européenne.`,
    );
    // Its other names (a former name, a short form: « NortonLifeLock », « OVH ») are written on the card, so a question
    // that uses one finds it and reads it as naming the card.
    if (v.aliases.length) lines.push(`${CARD_LINE.aliases}${v.aliases.join(" ; ")}.`);
    if (v.notes) lines.push(v.notes);
    // The product list comes last, each name without the vendor's (« Word », not « Microsoft Word »): who controls the
    // vendor is what its card is asked for (« Qui contrôle Microsoft ? »), and a list of fifty « Microsoft … » would
    // outrank those lines on the vendor's name alone.
    const products = productsByVendor.get(v.id) ?? [];
    if (products.length)
      lines.push(`${CARD_LINE.products}${products.map((p) => withoutVendorName(p.name, v.name)).join(", ")}.`);
    passages.push(passage("vendor", v.id, `${CARD_TITLE.vendor}${v.name}`, lines, v.sources, null));
  }

  for (const p of catalog.products.values()) {
    const v = catalog.vendors.get(p.vendor);
    const lines = [
      `${p.name} (${categoryWord(p.category)}) : ${sentence(p.usage)}`,
      v
        ? `${CARD_LINE.vendor}${v.name}, ${countryName(v.country)}${v.parent ? `, groupe ${v.parent.name} (${countryName(v.parent.country)})` : ""}${v.ownershipVerified ? "" : ", propriétaire non vérifié"}.${v.exposure.length ? ` Exposition : ${v.exposure.map(exposureLabel).join(", ")}.` : ""}`
        : "",
    ];
    if (p.aliases.length) lines.push(`${CARD_LINE.aliases}${p.aliases.join(" ; ")}.`);
    // « Windows 10 Enterprise LTSC 2019 est supporté jusqu'à quand ? »: each edition's own end of support, which the
    // inventory already uses, is what the card answers with.
    // The ordinary editions' end, on a line before the editions of their own: read alone, the long-term editions'
    // dates (2029, 2032) were heard as the product's (trial14 A6).
    if (p.lifecycle.length && p.endOfSupport)
      lines.push(`${CARD_LINE.ordinaryEnd}le ${frenchDate(String(p.endOfSupport).slice(0, 10))}.`);
    if (p.lifecycle.length)
      lines.push(
        `${CARD_LINE.lifecycle}${p.lifecycle
          .map(
            (e) =>
              `${e.edition}${e.build ? ` (build ${e.build})` : ""} le ${frenchDate(String(e.endOfSupport).slice(0, 10))}`,
          )
          .join(" ; ")}.`,
      );
    const alts = (altsByProduct.get(p.id) ?? [])
      .map((m) => ({ m, a: catalog.alternatives.get(m.alternative)! }))
      // The map's order (`catalogRank`): what a collectivité can adopt for the whole product first, European first;
      // State services reserved to State agents last.
      .sort((x, y) => compareCatalogRank(rankable(x.m, x.a), rankable(y.m, y.a)))
      .map(
        ({ m, a }) =>
          `${a.name} (${fitLabel(m.fit)}${a.country ? `, ${countryName(a.country)}` : ""}${a.licence ? `, libre ${a.licence}` : ""}${a.audience === "state" ? ", service réservé aux agents de l'État" : ""}${m.covers ? `, ne couvre qu'une partie du produit : ${m.covers}` : ""})`,
      );
    if (alts.length) lines.push(`${CARD_LINE.alternatives}${alts.join(" ; ")}.`);
    if (p.notes) lines.push(p.notes);
    passages.push(passage("product", p.id, `${CARD_TITLE.product}${p.name}`, lines, p.sources, p.category));
  }

  for (const a of catalog.alternatives.values()) {
    const lines = [
      `${a.name} (${categoryWord(a.category)}) : ${a.licence ? `logiciel libre sous licence ${a.licence}` : "logiciel non libre"}, publié par ${a.publisher} (${countryName(a.country)}). Maturité : ${maturityLabel(a.maturity)}.`,
    ];
    if (a.hosting.length)
      lines.push(
        `${CARD_LINE.hosting}${a.hosting.map(hostingLabel).join(", ")}${a.providers.length ? ` ; hébergeurs : ${a.providers.join(", ")}` : ""}.`,
      );
    if (a.audience === "state") lines.push(CARD_LINE.stateOnly);
    if (a.audienceNote) lines.push(`${CARD_LINE.forCollectivity}${a.audienceNote}`);
    if (a.sill) lines.push(CARD_LINE.sill);
    if (a.aliases.length) lines.push(`${CARD_LINE.aliases}${a.aliases.join(" ; ")}.`);
    if (a.users.length) lines.push(`${CARD_LINE.users}${a.users.join(", ")}.`);
    const replaces = (productsByAlt.get(a.id) ?? []).map(
      (m) => `${catalog.products.get(m.product)!.name} (${fitLabel(m.fit)}${m.covers ? ` : ${m.covers}` : ""})`,
    );
    if (replaces.length) lines.push(`${CARD_LINE.replaces}${replaces.join(" ; ")}.`);
    if (a.migration) lines.push(`${CARD_LINE.migration}${a.migration}`);
    if (a.notes) lines.push(a.notes);
    // The sources of the condition of access come with the card, so a statement on who may use it can be credited.
    const sources = [...a.sources, ...(a.audienceSources ?? []).filter((x) => !a.sources.some((y) => y.url === x.url))];
    passages.push(passage("alternative", a.id, `${CARD_TITLE.alternative}${a.name}`, lines, sources, a.category));
  }
  return passages;
}

/** Ends a text with a full stop so passages read as sentences once whitespace is folded. */
const sentence = (text: string) => (/[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

function maturityLabel(m: string): string {
  return m === "mature" ? "mature" : m === "established" ? "éprouvée" : "émergente";
}

function passage(
  kind: CatalogPassage["kind"],
  id: string,
  title: string,
  lines: string[],
  sources: Vendor["sources"],
  category: string | null,
): CatalogPassage {
  const dates = sources
    .map((s) => s.date)
    .filter((d): d is string => !!d)
    .sort();
  return {
    id: `catalog/${kind}/${id}`,
    kind,
    title,
    text: lines.filter(Boolean).join("\n"),
    sources,
    date: dates.at(-1) ?? null,
    url: sources.find((s) => s.url)?.url ?? null,
    category,
  };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
