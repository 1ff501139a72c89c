/**
 * Document structures, read from `prompts/<lang>/drafts/<type>.yaml` (French, versioned with the code): the
 * sections of each document with their retrieval query, the instruction given to the model and the template used
 * without it. Placeholders `{name}` are filled by the prompt formatter (`llm/prompts.ts`), so a missing value is an error
 * rather than a silent hole in a letter.
 */

import { parse } from "yaml";
import { z } from "zod";
import { contract } from "../core/labels.ts";
import { formatIssues } from "../core/validation.ts";
import { formatTemplate, readPromptFile } from "../llm/prompts.ts";
import type { DraftType } from "./types.ts";

const sectionSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9-]*$/),
  title: z.string().min(1),
  heading: z.boolean().default(true),
  generate: z.boolean().default(true),
  query: z.string().min(3).optional(),
  instruction: z.string().min(10).optional(),
  words: z.number().int().min(20).max(1000).default(200),
  /** Passages quoted by the template; the model is given up to two more. */
  maxPassages: z.number().int().min(0).max(8).default(3),
  /** Only passages of documents of these kinds (a letter's peer examples come from the case studies). */
  kinds: z
    .array(z.enum(["guidance", "case-study", "ecosystem", "catalog"]))
    .min(1)
    .optional(),
  /**
   * Searches in the user's own words (a letter's context, its subject; empty ones are skipped), each in turn: the
   * passages they find come first, of any kind but catalog records, before those of `query`. A letter about a
   * Microsoft 365 renewal quotes Microsoft's price rises, not a generic case study.
   */
  focus: z.array(z.string()).optional(),
  /**
   * Names (separated by « | » once filled) the section's passages are about — a roadmap's alternatives: only passages
   * naming one are used, and a quotation's first and last sentences name one (« La panne CrowdStrike de 2024 … » is
   * not quoted for the antivirus alternatives that follow it).
   */
  names: z.string().optional(),
  /**
   * The user's words (filled; empty ones are skipped) whose named products come first (`product-cards.ts`): a note
   * on « Parallels Desktop » quotes its card in each section, then the passages naming it, and no card of another
   * product (« Azure Virtual Desktop » by « Desktop »).
   */
  product: z.string().optional(),
  /**
   * Phrases of a page title or section heading whose passages the section never quotes from its query: a letter
   * arguing that a démarche is useful does not give Munich's return to Windows as its example (trial18 F17). The
   * user's own words (`focus`) still find them.
   */
  avoid: z.array(z.string().min(3)).optional(),
  /** Rank passages holding amounts and percentages first (budget, costs). */
  preferFigures: z.boolean().default(false),
  /**
   * The amounts quoted are costs and savings of software (a roadmap's « Coûts et économies »): a clause giving an amount
   * about something else is left out of the quotation (`cost-clauses.ts`).
   */
  softwareCosts: z.boolean().default(false),
  /**
   * Rank passages about collectivités (communes, intercommunalités, départements, régions: by their page's title)
   * before those about States, armies or other countries: a commune's budget is compared with its peers first.
   */
  peersFirst: z.boolean().default(false),
  /**
   * Without a model, a sentence naming the peers the section quotes (« D'autres collectivités ont déjà engagé ce
   * travail, comme {names}. »), filled into the template as `{peer_cases}`: the section then quotes at least one case
   * study of a French collectivité (found by its query among the case studies when its passages have none), each name
   * followed by the number of its quotation; empty when the corpus gives none — never a claim of peers unsourced
   * (trial14 B13).
   */
  peerCases: z.string().optional(),
  /**
   * Catalog passages only for the products of the analysis and their alternatives (`catalog_scope`, set by the
   * document): a roadmap does not cite the record of a product the collectivité does not have.
   */
  catalogScope: z.boolean().default(false),
  /** Without a model, the passages' key sentences are listed as points (with their notes) rather than quoted. */
  points: z.boolean().default(false),
  /**
   * With `points`, the question the points answer (filled; empty when none was asked): without a model they are the
   * sentences of the passages found that answer it, the most direct first, and a year it asks that none of them says
   * is said so (`answer-points.ts`).
   */
  answers: z.string().optional(),
  template: z.string(),
  append: z.string().optional(),
  /**
   * A list built from the user's input (a letter's requests), printed whatever the model writes: the model writes
   * only the prose around it, any list of its own in the section is dropped, and the list goes after its paragraph
   * ending with « : » (or after `listIntro` when it wrote none). The template places it itself.
   */
  list: z.string().optional(),
  listIntro: z.string().optional(),
});

const structureSchema = z.strictObject({
  title: z.string().min(1),
  filename: z.string().regex(/^[a-z0-9-]+$/),
  tone: z.string().min(3),
  tones: z.record(z.string(), z.string()).optional(),
  texts: z.record(z.string(), z.string()).default({}),
  sections: z
    .array(sectionSchema)
    .min(1)
    .refine(
      (s) => s.every((x) => !x.generate || (x.query && x.instruction)),
      "une section générée doit avoir query et instruction",
    ),
});

export type SectionStructure = z.infer<typeof sectionSchema>;
export type DocumentStructure = z.infer<typeof structureSchema>;

const cache = new Map<string, DocumentStructure>();

/** The structure of a document type; throws with the offending field when the YAML file is malformed. */
export function loadStructure(type: DraftType, lang = "fr"): DocumentStructure {
  const id = `${lang}/${type}`;
  const cached = cache.get(id);
  if (cached) return cached;
  const raw: unknown = parse(readPromptFile(`${lang}/drafts/${type}.yaml`));
  const parsed = structureSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(`prompts/${lang}/drafts/${type}.yaml : ${formatIssues(parsed.error, raw).join(" ; ")}`);
  cache.set(id, parsed.data);
  return parsed.data;
}

/** A prompt file of the drafting folder (`system.md`, `section.md`). */
export function readDraftPrompt(name: string, lang = "fr"): string {
  return readPromptFile(`${lang}/drafts/${name}.md`).trim();
}

/**
 * Fills `{name}` placeholders; every placeholder must have a value.
 * @example fill("Objet : {subject}", { subject: "Étude" }) // "Objet : Étude"
 */
export function fill(template: string, vars: Record<string, string>): string {
  if (!template.includes("{")) return template;
  return contract(formatTemplate(template, vars));
}
