/**
 * Schemas of the corpus: front-matter of Markdown documents and records of the alternatives catalog.
 * Validation messages are produced in French by `formatIssues` so a corpus editor can act on them.
 */
import { z } from "zod";

/** A file or catalog record left out of the index, with the French reasons a corpus editor can act on. */
export interface CorpusProblem {
  path: string;
  record?: string;
  reasons: string[];
}

export const CATEGORIES = [
  "workstation",
  "collaboration",
  "security",
  "ai",
  "database",
  "virtualization",
  "network",
  "business",
  "hosting",
  "other",
] as const;
export type Category = (typeof CATEGORIES)[number];

export const DOCUMENT_KINDS = ["guidance", "case-study", "ecosystem", "catalog"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** YAML turns `2026-04-08` into a Date: accept both and keep the ISO text (day or month precision). */
export { isoDate, type Source, sourceSchema } from "../core/source.ts";

import { isoDate, sourceSchema, url } from "../core/source.ts";

const sources = z.array(sourceSchema).min(1, "au moins une source est exigée");

export const frontMatterSchema = z.object({
  title: z.string().min(3),
  kind: z.enum(["guidance", "case-study", "ecosystem"]),
  date: isoDate,
  url: url.nullish(),
  sources,
  tags: z.array(z.string()).default([]),
  territory: z.string().nullish(),
  categories: z.array(z.enum(CATEGORIES)).default([]),
  summary: z.string().nullish(),
});
export type FrontMatter = z.infer<typeof frontMatterSchema>;

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "identifiant en minuscules et tirets attendu");
const country = z.string().regex(/^[A-Z]{2}$/, "code pays ISO 3166-1 alpha-2 attendu (FR, US…)");

export const vendorSchema = z.object({
  id,
  name: z.string().min(1),
  legalName: z.string().nullish(),
  /** Former names and brands a publisher column may show ("NortonLifeLock" for Gen Digital). */
  aliases: z.array(z.string().min(1)).default([]),
  country,
  parent: z.object({ name: z.string().min(1), country }).nullish(),
  exposure: z.array(z.string().min(2)).default([]),
  /**
   * false when no source confirms who controls the vendor today (a sale announced but not known to be completed, a
   * restructuring that changed the shareholders): the vendor is classified by what is sourced, and the map says
   * « propriétaire non vérifié » instead of asserting an owner.
   */
  ownershipVerified: z.boolean().default(true),
  /** Category of the equipment the vendor makes (network, workstation, hosting…), for hardware of unknown model. */
  hardware: z.enum(CATEGORIES).nullish(),
  /**
   * The vendor's whole software range, when its notes and sources say it is one kind (Berger-Levrault: business
   * software of collectivités; Libriciel: free software only): a software line of this vendor whose product the
   * catalog lacks takes this category, and `openSource` when set (true: only free software; false: only proprietary).
   */
  software: z
    .object({ category: z.enum(CATEGORIES), openSource: z.boolean().nullish() })
    .strict()
    .nullish(),
  notes: z.string().nullish(),
  sources,
});

/**
 * Domains of the business software of collectivités: an alternative is offered for a product only when they
 * share one (an elections package is no alternative to a finance package).
 */
export const DOMAINS = [
  "finance",
  "hr",
  "civil-status",
  "elections",
  "population",
  "gis",
  "cad",
  "e-administration",
  "signature",
  "mail-registry",
  "cemetery",
  "urbanism",
  "library",
  "education",
  "archives",
  "procurement",
  "assets",
  "police",
  "school-services",
  "erp",
] as const;
const domains = z.array(z.enum(DOMAINS)).default([]);

/** Who may use an alternative as operated (see `alternativeSchema.audience`). */
export const AUDIENCES = ["all", "public-sector", "state"] as const;
export type Audience = (typeof AUDIENCES)[number];

export const productSchema = z.object({
  id,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  domains,
  vendor: id,
  category: z.enum(CATEGORIES),
  /**
   * Names of the product's own parts, installed beside it on the same machine (the management agent of its console,
   * its updater): recognised as the product but set aside, so that one machine counts once.
   */
  parts: z.array(z.string().min(1)).default([]),
  /**
   * Catalog products that belong to this one's family and are replaced with it: its administration console (SQL
   * Server Management Studio for SQL Server), its client (Citrix Workspace for Citrix Virtual Apps), its hypervisor
   * and guest tools (ESXi and VMware Tools for vSphere). In an inventory that shows this product, their lines are
   * counted and replaced with it, so the family gets one target; alone, they keep their own line.
   */
  components: z.array(id).default([]),
  /** Distributed at no charge (Edge, Chrome, Acrobat Reader): no licence whose price could rise. */
  gratis: z.boolean().default(false),
  /** End of the vendor's standard support (ISO date), shown on every inventory line of the product. */
  endOfSupport: isoDate.nullish(),
  /**
   * Editions that each have their own end of support, told apart by the build of the installed version (Windows 10
   * LTSB 2016 is build 14393, LTSC 2019 build 17763) or, without a build (Office 2016, 2019 and 2021 all report
   * « 16.0 »), by the year in the inventory's name, each with the vendor's lifecycle page; `iot`: the IoT edition
   * of the same build, whose support runs longer (an inventory name that says « IoT » takes it).
   */
  lifecycle: z
    .array(
      z.object({
        edition: z.string().min(2),
        build: z.string().regex(/^\d+$/, "numéro de build attendu").optional(),
        iot: z.boolean().default(false),
        endOfSupport: isoDate,
        source: sourceSchema,
      }),
    )
    .default([]),
  usage: z.string().min(3),
  notes: z.string().nullish(),
  sources,
});

export const alternativeSchema = z
  .object({
    id,
    name: z.string().min(1),
    /** Names the software takes in inventories ("GLPI Agent", "libreoffice-calc"). */
    aliases: z.array(z.string().min(1)).default([]),
    domains,
    licence: z.string().nullish(),
    publisher: z.string().min(1),
    country: country.nullish(),
    vendor: id.nullish(),
    category: z.enum(CATEGORIES),
    maturity: z.enum(["mature", "established", "emerging"]),
    hosting: z.array(z.string().min(2)).default([]),
    providers: z.array(z.string().min(1)).default([]),
    sill: z.boolean().default(false),
    users: z.array(z.string().min(1)).default([]),
    /**
     * Who may use the service as it is operated: `all` (anyone installs or subscribes to it, the default),
     * `public-sector` (a State service a source says is open to collectivités: Démarches simplifiées), `state` (a State
     * service reserved to State agents, or whose access for a collectivité no source establishes: Visio, Tchap). A
     * `state` alternative is never a direct replacement nor a quick win for a collectivité, and is said to be reserved.
     */
    audience: z.enum(AUDIENCES).default("all"),
    /**
     * `large`: an offer made for large organisations (enterprise video infrastructure with meeting rooms), which the
     * map and the roadmap propose to a collectivité after what suits it of the same fit (absent: any size).
     */
    scale: z.enum(["large"]).nullish(),
    /**
     * Catalog products under which an inventory shows this alternative installed (ESET PROTECT: « ESET Endpoint
     * Security », product `eset-endpoint`): when the inventory runs one, the alternative is already in place.
     */
    installedAs: z.array(id).default([]),
    /** French, for a collectivité: the condition of access and what it can do instead (host the code…), sourced. */
    audienceNote: z.string().min(10).nullish(),
    /** Where the condition of access is stated (required beside `audience` other than `all`). */
    audienceSources: z.array(sourceSchema).nullish(),
    migration: z.string().nullish(),
    notes: z.string().nullish(),
    /**
     * Free software its own project barely maintains any more (Apache OpenOffice): French, why (`note`, sourced), and
     * the catalog alternative that replaces it. The map and the roadmap propose that replacement although the software
     * is free; its exposure is counted as for any other software, no more.
     */
    unmaintained: z.object({ note: z.string().min(10), replacedBy: id, sources }).nullish(),
    sources,
  })
  .refine((a) => a.audience === "all" || (!!a.audienceNote && !!a.audienceSources?.length), {
    message: "un service réservé (audience) exige audienceNote et audienceSources",
    path: ["audience"],
  });

export const FITS = ["drop-in", "partial", "different-approach"] as const;
export const mappingSchema = z.object({
  product: id,
  alternative: id,
  fit: z.enum(FITS),
  /**
   * French: the part of the product the alternative replaces, when it is only a part (« listes électorales
   * seulement » for openElec beside a whole municipal management suite). Such a mapping is never `drop-in`.
   */
  covers: z.string().min(3).nullish(),
  notes: z.string().nullish(),
  sources: z.array(sourceSchema).nullish(),
});

export const catalogFileSchema = z
  .object({
    vendors: z.array(z.unknown()).default([]),
    products: z.array(z.unknown()).default([]),
    alternatives: z.array(z.unknown()).default([]),
    mappings: z.array(z.unknown()).default([]),
  })
  .strict();

export type Vendor = z.infer<typeof vendorSchema>;
export type Product = z.infer<typeof productSchema>;
export type Alternative = z.infer<typeof alternativeSchema>;
export type Mapping = z.infer<typeof mappingSchema>;
