/**
 * The shapes of inventory analysis: rows read from an export, the items of the dependency map, its summary by
 * category, and the saved analysis that the audit plan and roadmap drafting read (`engine.records("analyses")`).
 */
import type { Category } from "../corpus/schema.ts";

export type { Category };

export type RowKind = "software" | "hardware";

/** One line of an inventory, whatever its format. */
export interface InventoryRow {
  /** The name as it appears in the export (a model for hardware). */
  name: string;
  publisher: string | null;
  versions: string[];
  installations: number;
  kind: RowKind;
  /** A category the export itself suggests (a network device type, a virtual machine's platform). */
  hint: Category | null;
  file: string;
  /**
   * The computer the row was read on, when the export lists computers (a GLPI Agent inventory, a row of a GLPI
   * computer list): two names of one product on one computer count one installation of it.
   */
  machine?: string;
  /**
   * The inventoried computer's own model (GLPI Agent's BIOS line, « OptiPlex 7090 »): hardware that carries the
   * software, not software: set aside like a system component.
   */
  host?: true;
}

export type InventoryFormat =
  | "glpi-csv-10"
  | "glpi-csv-11"
  | "ocs-csv"
  | "ocs-count-csv"
  | "csv"
  | "list"
  | "glpi-json"
  | "ocs-xml"
  | "json-list";

export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252";

/** What was understood of one uploaded file. */
export interface ParsedFile {
  name: string;
  format: InventoryFormat;
  encoding: TextEncoding;
  delimiter: string | null;
  /** Columns recognised, by role ("name" → "Nom"). */
  columns: Record<string, string>;
  rows: number;
  /** Lines left out because they had no name. */
  skipped: number;
  /** Names of lines identical in every cell to an earlier line (a repeated export line), counted once. */
  duplicates?: string[];
  /** Lines whose installation count could not be read (« -5 », « beaucoup »), counted as one: said to the user. */
  unreadableCounts?: { line: number; value: string }[];
  /**
   * The day the file says its machines were last inventoried (the newest; `inventory-date.ts`): set when the export
   * carries such dates (GLPI Agent JSON, a « Dernier inventaire » column), null when that column is empty.
   */
  inventoryDate?: string | null;
  /**
   * The entities its lines name (GLPI's « Entité » column: « Entité racine > CC > Siège »), sorted; absent when the
   * export has no such column or names more than 500 (trial18 F6: an export of one entity taken for the whole parc).
   */
  entities?: string[];
}

export type RiskKind =
  | "legal-exposure"
  | "price-increase"
  | "closed-format"
  | "lock-in"
  | "end-of-support"
  /** An end of support within the next months (`inventory/lifecycle.ts`, SOON_MONTHS): a warning, not yet past. */
  | "end-of-support-soon";

/** Why a free software is to be replaced although free: French, with its source (`InventoryItem.unmaintained`). */
export interface Unmaintained {
  note: string;
  source: { title: string; url: string | null; date: string | null };
  replacedBy: string;
}

export interface ItemRisk {
  kind: RiskKind;
  /** French, for a reader: « CLOUD Act (États-Unis) », « hausses de prix récentes (VMware racheté par Broadcom…) ». */
  label: string;
  /** Corpus document the risk comes from, when there is one. */
  source?: { id: string; title: string; date: string | null } | null;
  /** An end of support's day (ISO), past or coming (absent in analyses saved before it was kept). */
  date?: string;
  /** For an end of support still to come: the time left at the analysis's day (« dans 5 semaines »). */
  timeLeft?: string;
}

export interface ItemAlternative {
  id: string;
  name: string;
  fit: "drop-in" | "partial" | "different-approach";
  country: string | null;
  openSource: boolean;
  /**
   * Published from outside Europe (Firefox ESR, Mozilla, US): replacing by it lowers the exposure only in part, and
   * the map, the roadmap and the plan form say so (absent in analyses saved before).
   */
  extraEuropean?: boolean;
  /**
   * A State service reserved to State agents (Visio, Tchap): listed last, never a direct replacement nor a quick win
   * for a collectivité, and said to be reserved wherever it is named (absent: anyone may use it).
   */
  audience?: "state";
  /** French: the condition of access and what a collectivité can do instead (host the code…), from the catalog. */
  condition?: string;
  /** The sources of `condition` (the catalog's `audienceSources`), shown beside it. */
  conditionSources?: { title: string; url: string | null; date: string | null }[];
  /** French: the only part of the product it replaces (« listes électorales seulement »); absent when it covers all. */
  covers?: string;
  /**
   * Catalog products the alternative is installed as (its card's `installedAs`; ESET PROTECT: `eset-endpoint`): when
   * the inventory runs one of them, the alternative is already in place (absent in analyses saved before).
   */
  sameAs?: string[];
  /** Installations of the alternative (or of its vendor's product, `sameAs`) the inventory already shows. */
  inPlace?: number;
}

export type MatchMethod =
  | "manual"
  | "exact"
  | "loose"
  | "publisher-prefix"
  | "prefix"
  | "contains"
  | "near"
  | "edition"
  | "vendor"
  | "none";

/**
 * Who controls the vendor and which laws reach it: `controllingCountry` is the country of the parent group when
 * there is one, else of the vendor (null for a community project or an unknown vendor); `laws` are law ids
 * (`us-cloud-act`, `us-fisa-702`, `ru-sorm`, `ru-data-localisation`, `cn-national-intelligence-law`), empty for
 * an entity controlled from the EU, the EEA, the United Kingdom or Switzerland.
 */
export interface ItemExposure {
  controllingCountry: string | null;
  laws: string[];
}

/** A catalog entry a name resembles without certainty: shown for review, never asserted. */
export interface MatchSuggestion {
  id: string;
  name: string;
  confidence: number;
  method: MatchMethod;
}

/** One line of the dependency map: a distinct product of the inventory (its versions merged), installations summed. */
export interface InventoryItem {
  name: string;
  /** The names of the inventory merged into this line (versions of one product: "Firefox 128", "Firefox 127"). */
  names?: string[];
  publisher: string | null;
  installations: number;
  kind: RowKind;
  versions: string[];
  product: { id: string; name: string } | null;
  /** `ownershipVerified: false` (absent otherwise) when no source confirms who controls the vendor today. */
  vendor: {
    name: string;
    country: string | null;
    parent?: { name: string; country: string } | null;
    ownershipVerified?: false;
  } | null;
  /** The controlling entity (the vendor, or its parent group) is outside the EU, the EEA, the United Kingdom and Switzerland. */
  extraEuropean: boolean | null;
  openSource: boolean | null;
  category: Category | null;
  alternatives: ItemAlternative[];
  /** A low-confidence match: the catalog entry the name resembles, to be checked; the item does not assert it. */
  suggestion?: MatchSuggestion | null;
  /** 0 to 1: how sure the match is (1 for a manual classification). */
  confidence: number;
  /** French: how the item was classified, or why it could not be. */
  reason: string;
  match: MatchMethod;
  /** The controlling entity's country and the extra-European laws that reach it. */
  exposure: ItemExposure;
  risks: ItemRisk[];
  /** A driver, runtime, update or language pack: kept in the list, left out of the map and the score. */
  component: boolean;
  /**
   * Free software its project barely maintains (the catalog's `unmaintained`): why, from which source, and the
   * alternative that replaces it (first of `alternatives`). Proposed for replacement although it is free.
   */
  unmaintained?: Unmaintained;
  /**
   * The product (catalog id) this item is a part of, installed beside it (« Kaspersky Security Center Network
   * Agent » of Kaspersky Endpoint Security): set aside as a component when the product has its own line.
   */
  partOf?: string;
  /**
   * The computers the line is on, by their rank in the export (no name), when the export names them (a GLPI Agent
   * inventory, a GLPI computer list): which postes a software shares with a system (`inventory/computers.ts`).
   */
  computers?: number[];
}

export interface UnknownItem {
  name: string;
  publisher: string | null;
  installations: number;
  kind: RowKind;
  /** Set when the publisher is known but not the product. */
  vendor: InventoryItem["vendor"];
  extraEuropean: boolean | null;
  reason: string;
  /** Set when the name resembles a catalog entry without certainty: to review. */
  suggestion?: MatchSuggestion | null;
}

export interface ShareFigure {
  installations: number;
  /** Fraction (0 to 1) of the installations whose status is known; null when none is. */
  share: number | null;
}

export interface CategorySummary {
  category: Category | "unclassified";
  label: string;
  /** Distinct catalog products (or distinct names when not in the catalog). */
  products: number;
  items: number;
  installations: number;
  /**
   * Installations known to be extra-European, and their share of the category's installations of known origin
   * (`known`; null when none is known), as the global share; `unknown`: installations whose origin could not be
   * established — never counted either way (trial 9, trial 14 B15). `known`, `unknown` absent from summaries saved
   * before them (completed on read).
   */
  extraEuropean: ShareFigure & { known?: number; unknown?: number };
  openSource: ShareFigure;
  /** The most installed extra-European products of the category. */
  mainDependencies: {
    name: string;
    installations: number;
    vendor: string | null;
    country: string | null;
    laws?: string[];
  }[];
  risks: { kind: RiskKind; label: string; products: string[]; installations: number }[];
}

export interface QuickWin {
  name: string;
  product: { id: string; name: string };
  category: Category;
  installations: number;
  vendor: { name: string; country: string | null } | null;
  alternative: ItemAlternative;
  /** Law ids that reach the vendor's controlling entity. */
  laws?: string[];
  reason: string;
}

export interface ScoreComponent {
  category: Category | "unclassified";
  label: string;
  weight: number;
  installations: number;
  /** Installation-weighted dependency of the category, 0 to 1. */
  dependency: number;
  /** Points this category adds to the score. */
  points: number;
  explanation: string;
}

export interface DependencyScore {
  /** 0 (no extra-European dependency) to 100 (everything depends on extra-European, closed, exposed software). */
  value: number | null;
  level: string;
  formula: string;
  explanation: string;
  /** Share of the map's installations the score rests on (classified items). */
  coverage: number | null;
  components: ScoreComponent[];
}

/** Installations by the country of the entity that controls the vendor (null: not known). */
export interface CountrySummary {
  country: string | null;
  /** Community projects (7-Zip, GIMP): no country controls them; kept apart from the unknown (absent otherwise). */
  community?: true;
  items: number;
  installations: number;
  /** Installations of extra-European or extra-European-law-exposed software among them. */
  exposed: number;
}

export interface InventorySummary {
  items: number;
  installations: number;
  /** Items and installations left out as system components (drivers, runtimes, updates…). */
  components: {
    items: number;
    installations: number;
    /** Among them, the models of the inventoried computers (`InventoryRow.host`): hardware, not software. */
    hardware?: { items: number; installations: number };
  };
  /**
   * Origin known: a catalog product, a vendor recognised without its product, or a classification by hand. The
   * measure rests on these installations (`score.coverage`); not the same as identified.
   */
  classified: { items: number; installations: number; share: number | null };
  /**
   * Identified: a catalog product, or a classification by hand. With `toClassify`, the lines of the map:
   * identified.items + toClassify.items = items (absent from analyses saved before).
   */
  identified?: { items: number; installations: number; share: number | null };
  /** « À classer » : the lines of the unknown list (no catalog product, no classification by hand), vendor known or not. */
  toClassify?: { items: number; installations: number };
  /** Distinct identified products (catalog products, and names classified by hand): « produits identifiés ». */
  products: number;
  extraEuropean: ShareFigure;
  openSource: ShareFigure;
  categories: CategorySummary[];
  /** Absent from analyses saved before it existed. */
  countries?: CountrySummary[];
  risks: { kind: RiskKind; label: string; products: string[]; installations: number }[];
  quickWins: QuickWin[];
  score: DependencyScore;
  catalog: { vendors: number; products: number; alternatives: number; fingerprint: string };
}

export interface AnalysisResult {
  items: InventoryItem[];
  summary: InventorySummary;
  unknown: UnknownItem[];
  /** Names matched with low confidence, listed for review rather than asserted (also in `unknown`). */
  review?: UnknownItem[];
}

/** A product of a saved analysis whose catalog record changed since (`catalog-changes.ts`). */
export interface CatalogChange {
  productId: string;
  /** The catalog name of the product (the name saved with the analysis when it is gone). */
  product: string;
  kind: "alternatives" | "status" | "gone";
  /** The alternatives as saved and as the catalog gives them today, with their caveats (« Visio (service réservé…) »). */
  before: string[];
  after: string[];
  /** French, one part per alternative added, removed or changed (« Pexip : remplacement direct → remplacement partiel »). */
  details: string[];
}

/** What the catalog says differently today of a saved analysis's products; absent or null when nothing changed. */
export interface CatalogChanges {
  /** Products of the map whose catalog record changed (all counted; `changes` lists the most installed). */
  products: number;
  changes: CatalogChange[];
  /** French: one sentence for the page and the documents. */
  notice: string;
}

/** An analysis as saved and returned by the API. */
export interface SavedAnalysis extends AnalysisResult {
  id: string;
  createdAt: string;
  /** The day the inventory describes (`YYYY-MM-DD`), when given on import or read from the export. */
  inventoryDate?: string | null;
  /** The collectivité named on import (or edited since), when one was. */
  collectivite?: string | null;
  files: ParsedFile[];
  ms: number;
  /** Set when read back: what the catalog says differently today (the analysis keeps its figures). */
  catalogChanges?: CatalogChanges | null;
}

/** A DSI's own classification of a name, reused by every later analysis. */
export interface ManualClassification {
  id: string;
  name: string;
  key: string;
  productId: string | null;
  category: Category | null;
  vendorName: string | null;
  vendorCountry: string | null;
  extraEuropean: boolean | null;
  openSource: boolean | null;
  updatedAt: string;
}
