/**
 * The shapes of drafting: a saved draft with its inputs and versions, the sections each version holds, and the
 * minimal view of a saved inventory analysis that a roadmap needs (the analysis itself belongs to
 * `server/inventory/`; only the fields read here are declared, so that module can grow without breaking this one).
 */
import type { Verification } from "../verify/index.ts";
import type { OwnProduct } from "../verify/own-facts.ts";
import type { OwnData } from "../verify/own-figures.ts";
import type { PlannedReplacement } from "../verify/own-plan.ts";

export const DRAFT_TYPES = ["letter", "audit-plan", "roadmap", "briefing"] as const;
export type DraftType = (typeof DRAFT_TYPES)[number];

/** A source cited by a section, rendered as a footnote (ODT, DOCX, Markdown) or an endnote (PDF). */
export interface Citation {
  /** The marker used in the section text: `[n]`. */
  n: number;
  title: string;
  /** Section of the corpus document the passage comes from, if any. */
  section?: string;
  date: string | null;
  url: string | null;
  /** The first source the cited statement names (« Assemblée nationale, audition »); `url` is its address. */
  source?: string;
  /** Every source the cited statement names, with its date: what the note prints. */
  sources?: { title: string; url: string | null; date: string | null }[];
  /** The statement names no source: Cap Libre's own analysis, printed as such. */
  analysis?: boolean;
  /** What cites the passage rests on no one of its sources: the corpus page is credited, `sources` is the page's list. */
  page?: boolean;
  /** The sentences citing the passage restate none of its sourced statements: no source is named for them. */
  unrestated?: boolean;
  /** A card of the catalog: its date is that of its newest source, not of a check of the card. */
  catalog?: boolean;
}

import type { FigureFlag as CheckedFigure } from "../verify/figures.ts";

/**
 * A figure of a section to check: found in no passage nor data, or — with `qualifier` — one the corpus qualifies
 * (« non confirmés ») stated without its qualification.
 */
export type FigureFlag = CheckedFigure & {
  qualifier?: string;
  /** `figure` is a claim of the user's context about others that the corpus contradicts, flagged as written. */
  claim?: true;
};

/**
 * `generated`: written by the local model from passages and data. `template`: filled from the French template
 * with data and quoted passages — a « Brouillon à compléter » when the section was meant to be generated, or a
 * fixed formula (subject line, salutation) that never is.
 */
export type SectionMode = "generated" | "template";

export interface DraftSection {
  key: string;
  title: string;
  /** Markdown subset: paragraphs, `-`/`1.` lists, pipe tables, `###` sub-headings, `**bold**`, `*italic*`, `> quote`, `[n]` citations. */
  text: string;
  citations: Citation[];
  flags: FigureFlag[];
  mode: SectionMode;
  /** Filled from the template because the model was absent or failed: a « Brouillon à compléter ». */
  toComplete: boolean;
  /** Whether the section heading is printed (a letter's body has none). */
  heading: boolean;
  /** Corpus passages the section was built from, to re-check figures after an edit. */
  passageIds: string[];
  /** Set when a user edited the text by hand. */
  editedAt?: string;
  /** Check of a generated or edited text against its passages and data (`server/verify/`): status per sentence. */
  verification?: Verification | null;
  /** Sentences a person attests as local facts, by their text (`attestations.ts`); absent when none. */
  attestations?: Attestation[];
}

/** A sentence attested as a local fact: its text when attested, who, when, and the flags of its figures it covers. */
export interface Attestation {
  text: string;
  by: string;
  at: string;
  flags?: FigureFlag[];
}

export interface DraftVersion {
  at: string;
  /** What produced this version: `generate`, `regenerate:<key>`, `edit:<key>`. */
  cause: string;
  sections: DraftSection[];
  /** What the change did beyond its section, in French (an objective edited: the calendar computed again). */
  notice?: string;
  /**
   * Who made it: the signed-in person's name (their e-mail when the identity provider gave no name). Absent without
   * sign-in (one person on this machine) and from versions saved before round 20 (trial16 C19: two DSIs, and nothing
   * said who wrote version 3).
   */
  by?: string;
}

export interface Draft {
  id: string;
  type: DraftType;
  /** Document title shown in the title block (« Plan d'audit des dépendances numériques »…). */
  title: string;
  /** Name of the collectivité, printed in the title block and used in the export file name. */
  collectivite: string;
  inputs: Record<string, unknown>;
  createdAt: string;
  versions: DraftVersion[];
}

export type DraftMode = "generated" | "template" | "mixed";

/** Events of a generation, streamed by the route as SSE and printed by the CLI. */
export type DraftEvent =
  | { type: "section"; key: string; title: string }
  | { type: "token"; key: string; text: string }
  | { type: "flags"; key: string; flags: FigureFlag[] }
  | { type: "verification"; key: string; verification: Verification }
  /** `detail`: what only an administrator needs (model address, commands), shown apart from `text`. */
  | { type: "notice"; text: string; detail?: string }
  | {
      type: "done";
      id: string;
      mode: DraftMode;
      version: number;
      flags: (FigureFlag & { section: string })[];
      saved?: false;
    };

/** What a roadmap reads from one line of a saved inventory analysis. */
export interface AnalysisItem {
  name: string;
  publisher?: string | null;
  installations: number;
  /** What the analyser saves ({ id, name }), or a bare product id in a hand-written analysis. */
  product?: string | { id: string; name: string } | null;
  vendor?: { name: string; country: string | null; parent?: { name: string; country: string } | null } | null;
  /** `null` or absent when the analysis could not tell. */
  extraEuropean?: boolean | null;
  openSource?: boolean | null;
  category?: string | null;
  alternatives?: AnalysisAlternative[];
  /** A system component (driver, runtime, update…), set aside by the map; absent in a hand-written analysis. */
  component?: boolean;
  /** The catalog product id this set-aside line is counted and replaced with (its console, agent, client). */
  partOf?: string;
  /** Laws reaching the controlling entity: law ids, or `{ controllingCountry, laws }`. */
  exposure?: string[] | { controllingCountry?: string | null; laws?: string[] } | null;
  confidence?: number | string | null;
  reason?: string | null;
  /**
   * The map's risks (`inventory/types.ts` ItemRisk): the roadmap reads the end of support from them (`date`, or the
   * day the label says in analyses saved before the date was kept).
   */
  risks?: { kind: string; label: string; date?: string }[];
  /** Free software its project barely maintains (`inventory/types.ts` Unmaintained): replaced all the same. */
  unmaintained?: { note: string; source: { title: string; url?: string | null; date?: string | null } | null } | null;
  /** The computers it is on, by rank in the export, when the export named them (`inventory/computers.ts`). */
  computers?: number[];
}

export interface AnalysisAlternative {
  id: string;
  name: string;
  fit: "drop-in" | "partial" | "different-approach" | string;
  country?: string | null;
  openSource?: boolean | null;
  /** As the map gives them (`inventory/types.ts` ItemAlternative): said beside the alternative. */
  extraEuropean?: boolean | null;
  audience?: string | null;
  covers?: string | null;
  /** The catalog products it is installed as, and its installations already in the inventory (`inventory/in-place.ts`). */
  sameAs?: string[];
  inPlace?: number;
}

/** The part of a saved inventory analysis (`engine.records("analyses")`) drafting depends on. */
export interface InventoryAnalysis {
  id: string;
  /** The name the DSI gave the saved analysis (the file name by default), printed rather than its id. */
  name?: string;
  items: AnalysisItem[];
  summary?: Record<string, unknown>;
  unknown?: unknown[];
  createdAt?: string;
  /** The day the inventory describes, when given on import or read from the export (`inventory/inventory-date.ts`). */
  inventoryDate?: string | null;
  /** Set when read back from the saved analyses: what the catalog says differently today (`inventory/types.ts`). */
  catalogChanges?: { notice: string } | null;
}

/** The structured data of one document, built by `drafting/documents/*.ts`. */
export interface DraftContext {
  /** Title of the document (title block, file name). */
  title: string;
  collectivite: string;
  /** Placeholder values shared by all sections. */
  vars: Record<string, string>;
  /** The data block given to the model, one fact a line. */
  data: string;
  /** Texts the figure check accepts as sources, besides the passages. */
  facts: string[];
  /** What the user's context says of others (`contextClaims`): checked against the corpus where the text states it. */
  /** The context the user typed for the document, as typed: a sentence contradicting it is flagged (`context-contradiction.ts`). */
  userContext?: string;
  claims?: string[];
  tone: string;
  /** The document's date (YYYY-MM-DD): a deadline quoted from the corpus is past or to come against it. */
  date?: string;
  /** The collectivité's own figures the document computed (`own-data.ts`): a sentence about them is checked on them. */
  own?: OwnData;
  /** What the map and the catalog say of its products, vendors and alternatives (`own-facts.ts`), checked likewise. */
  products?: OwnProduct[];
  /** A roadmap's replacements, by the inventory names of what each replaces (`verify/own-plan.ts`). */
  planned?: { names: string[]; replacement: PlannedReplacement }[];
}
