/**
 * The shapes of the document model (`model.ts`), with no import: the exporters use them on the server, and the page
 * (`web/drafts.js`, through a JSDoc import) renders the JSON form the draft routes serve beside each draft.
 */

/** Inline content; `N` is how a note call refers to its note: the note itself in memory, its number in JSON. */
export type InlineOf<N> =
  | {
      kind: "text";
      text: string;
      bold?: boolean;
      italic?: boolean;
      flagged?: boolean;
      /** The label after a conclusion the model draws from what it cites (« [déduction du modèle, à apprécier] »). */
      inference?: boolean;
      /** The label after a sentence attested as a local fact (« [fait local, attesté par Alice le 7 décembre 2026] »). */
      attested?: boolean;
    }
  | N
  | { kind: "break" };

export type Inline = InlineOf<{ kind: "note"; note: Note }>;
/** A note call in the JSON form: the number of a note of `DocumentJson.notes`. */
export type InlineJson = InlineOf<{ kind: "note"; n: number }>;

export type BlockStyle = "body" | "quote" | "right" | "title" | "subtitle" | "meta" | "banner" | "sender";

export type BlockOf<I> =
  | { kind: "heading"; level: 1 | 2; inlines: I[] }
  | { kind: "paragraph"; style: BlockStyle; inlines: I[] }
  | { kind: "list"; ordered: boolean; items: I[][] }
  | { kind: "table"; header: I[][]; rows: I[][][] };

export type Block = BlockOf<Inline>;
export type BlockJson = BlockOf<InlineJson>;

/**
 * A piece of a note: text, with the address of the source it names when there is one. The exporters print
 * `text <url>` for every piece but the last addressed one, whose address follows the note (`Note.url`); the page
 * makes each addressed piece a link.
 */
export interface NotePart {
  text: string;
  url: string | null;
}

export interface Note {
  /** Number across the whole document (footnotes, endnotes, Markdown footnotes, the page): one per cited passage and section. */
  n: number;
  /** « Titre — section, 10 avril 2026. » without the address printed after it. */
  text: string;
  url: string | null;
  parts: NotePart[];
}

/** One section of the draft: its blocks (without its own heading) and the notes first called in it. */
export interface SectionOf<B> {
  key: string;
  title: string;
  heading: boolean;
  blocks: B[];
}

/** One line of the « Chiffres à vérifier » box: what the text marks (a sentence or a figure), its mark, why. */
export interface TextCheck {
  section: string;
  text: string;
  mark: string;
  reason: string;
}

export interface DocumentModel {
  title: string;
  collectivite: string;
  /** `courrier-quimper-bretagne-occidentale` */
  filename: string;
  /** Title block, banner and figures to check: printed before the sections. */
  front: Block[];
  /** The sections' blocks in order, each headed section preceded by its level-1 heading. */
  body: Block[];
  /** The draft's sections (absent from a document not made of sections, such as a conversation). */
  sections?: SectionOf<Block>[];
  notes: Note[];
  /** « Faits cités à jour au 10 avril 2026 ; cartographie du 2 mars 2026 », or null. */
  asOf?: string | null;
  footer: string;
  createdAt: string;
  /** What the text marks, in its order (the « Chiffres à vérifier » box). */
  checks?: TextCheck[];
}

/** What the draft routes serve as `model`: the sections and notes of one version, note calls by number. */
export interface DocumentJson {
  /** The version it renders, counting from 1. */
  version: number;
  /** `attestable`: the section's flagged sentences a person may attest as local facts (`drafting/attestations.ts`). */
  sections: (SectionOf<BlockJson> & { notes: Note[]; attestable: string[] })[];
  asOf: string | null;
  /** What the text marks, in its order, with its mark: the box the page shows above the document. */
  checks: TextCheck[];
}
