/**
 * What a user gives for each document, validated with zod. Errors become one French 400 naming the field
 * (`inputs.recipient.name (nom du destinataire) : champ obligatoire manquant`), so a form or a JSON file can be
 * fixed without reading code.
 */
import { z } from "zod";
import { AppError, fieldErrors, validationError } from "../core/errors.ts";
import { formatIssues } from "../core/validation.ts";
import { message, messageOr } from "../i18n/messages.ts";
import { DRAFT_TYPES, type DraftType } from "./types.ts";

const text = (max: number) => z.string().trim().min(2).max(max);
const isoDate = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, "date attendue au format AAAA-MM-JJ ou AAAA-MM");

const collectivite = z.strictObject({
  name: text(200),
  /** Free text: « commune », « communauté d'agglomération », « département »… */
  kind: text(100).optional(),
  population: z.number().int().positive().optional(),
  department: text(100).optional(),
  region: text(100).optional(),
  agents: z.number().int().positive().optional(),
  workstations: z.number().int().positive().optional(),
});

/** A saved inventory analysis given inline (same JSON as `GET /api/analyses/:id`); only what a roadmap reads is checked. */
export const analysisSchema = z.looseObject({
  id: z.string().min(1).default("analyse-jointe"),
  name: z.string().trim().min(1).max(200).optional().catch(undefined),
  items: z
    .array(
      z.looseObject({
        name: z.string().min(1),
        publisher: z.string().nullish(),
        installations: z.number().int().nonnegative(),
        // What the analyser saves ({ id, name }), or a bare product id in a hand-written analysis.
        product: z.union([z.string(), z.looseObject({ id: z.string(), name: z.string() })]).nullish(),
        vendor: z.looseObject({ name: z.string(), country: z.string().nullish() }).nullish(),
        extraEuropean: z.boolean().nullish(),
        openSource: z.boolean().nullish(),
        category: z.string().nullish(),
        alternatives: z
          .array(
            z.looseObject({
              id: z.string(),
              name: z.string(),
              fit: z.string(),
              country: z.string().nullish(),
              openSource: z.boolean().nullish(),
            }),
          )
          .default([]),
      }),
    )
    .min(1),
});

/** Known request keys, expanded into sentences by the letter template; any other string is kept as written. */
export const LETTER_REQUESTS = ["study", "target", "public-information"] as const;

const analysisRef = {
  analysisId: z.string().trim().min(1).max(128).optional(),
  analysis: analysisSchema.optional(),
};

export const letterInputs = z.strictObject({
  collectivite,
  /** A map of the collectivité the sender was given: its counts go into the letter, as in the other documents. */
  ...analysisRef,
  sender: z.strictObject({
    name: text(200),
    description: text(500).optional(),
    signatory: text(200).optional(),
    address: text(300).optional(),
    contact: text(200).optional(),
    url: z
      .string()
      .regex(/^https?:\/\/\S+$/, "URL attendue (http:// ou https://)")
      .optional(),
  }),
  recipient: z.strictObject({
    name: text(200),
    role: text(200),
    civility: z.enum(["Madame", "Monsieur"]).optional(),
    /** Overrides the salutation built from civility and role (« Madame la Présidente »). */
    salutation: text(200).optional(),
    /** Postal address printed in the address block, one line each (« Hôtel de ville\n1 place … »). */
    address: text(300).optional(),
  }),
  tone: z.enum(["courtois", "formel", "ferme"]).default("courtois"),
  context: text(4000).optional(),
  requests: z
    .array(text(600))
    .min(1)
    .max(10)
    .default([...LETTER_REQUESTS]),
  subject: text(200).optional(),
  place: text(100).optional(),
  date: isoDate.optional(),
});

export const auditPlanInputs = z.strictObject({
  collectivite,
  /** A first map of the collectivité: the study starts from its counts and its business software. */
  ...analysisRef,
  services: z.array(text(200)).max(60).optional(),
  businessSoftware: z.array(text(200)).max(60).optional(),
  startDate: isoDate.optional(),
  durationMonths: z.number().int().min(1).max(36).optional(),
  sponsor: text(200).optional(),
  lead: text(200).optional(),
  team: z.array(text(200)).max(30).optional(),
  context: text(4000).optional(),
  author: text(200).optional(),
});

/** JSON Schema for « at least one of these keys »: what a `refine` over optional keys checks. */
const oneOf = (...keys: string[]) => ({ anyOf: keys.map((k) => ({ required: [k] })) });

export const roadmapInputs = z
  .strictObject({
    collectivite,
    ...analysisRef,
    /** Weighted measure of exposure aimed at, in percent (`server/inventory/measure.ts`, docs/mesure-ponderee.md). */
    targetShare: z.number().min(0).max(100).optional(),
    targetDate: isoDate.optional(),
    startDate: isoDate.optional(),
    context: text(4000).optional(),
    author: text(200).optional(),
  })
  .refine((v) => v.analysisId || v.analysis, { path: ["analysisId"], message: "analysisId ou analysis obligatoire" })
  // The same rule in the JSON Schema served to the page (a refine is not representable): one of them is required.
  .meta(oneOf("analysisId", "analysis"));

export const briefingInputs = z
  .strictObject({
    collectivite,
    recipient: z.strictObject({ name: text(200), role: text(200).optional() }).optional(),
    question: text(1000).optional(),
    ...analysisRef,
    /**
     * The roadmap's objective and calendar, when one is set: the note then says the roadmap's figure for each phase's
     * end, with its month (`phaseFigure`), not an undated one (dated28).
     */
    targetShare: z.number().min(0).max(100).optional(),
    targetDate: isoDate.optional(),
    startDate: isoDate.optional(),
    author: text(200).optional(),
    date: isoDate.optional(),
  })
  .refine((v) => v.question || v.analysisId || v.analysis, {
    path: ["question"],
    message: "question (ou analysisId) obligatoire",
  })
  .meta(oneOf("question", "analysisId", "analysis"));

export type LetterInputs = z.infer<typeof letterInputs>;
export type AuditPlanInputs = z.infer<typeof auditPlanInputs>;
export type RoadmapInputs = z.infer<typeof roadmapInputs>;
export type BriefingInputs = z.infer<typeof briefingInputs>;
export type DraftInputs = LetterInputs | AuditPlanInputs | RoadmapInputs | BriefingInputs;

const schemas: Record<DraftType, z.ZodType> = {
  letter: letterInputs,
  "audit-plan": auditPlanInputs,
  roadmap: roadmapInputs,
  briefing: briefingInputs,
};

/**
 * The inputs of every document type as JSON Schema: the page reads its field limits (required, lengths, minimums,
 * formats) from here, so they cannot drift from what the server validates.
 */
export function inputsJsonSchema(): Record<DraftType, unknown> {
  return Object.fromEntries(
    Object.entries(schemas).map(([type, schema]) => [
      type,
      z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }),
    ]),
  ) as Record<DraftType, unknown>;
}

/** A section's text edited by hand (`PATCH /api/drafts/:id/sections/:key`). */
export const editSchema = z.strictObject({
  text: z.string().trim().min(1).max(30_000),
  /** The number of versions the edit was made on (`versions.length`): a newer saved version is a conflict. */
  version: z.number().int().min(1).optional(),
});

/**
 * Attesting a sentence as a local fact (`POST …/sections/:key/attestations`) or withdrawing it (`DELETE`): the
 * sentence as the verification gives it, the version it was seen on, and — without sign-in only — a name.
 */
export const attestSchema = z.strictObject({
  sentence: z.string().trim().min(1).max(2_000),
  version: z.number().int().min(1).optional(),
  name: z
    .string()
    .trim()
    .min(2)
    .max(100)
    .regex(/^[^*[\]<>\u0000-\u001f]+$/u)
    .optional(),
});

/** What `POST …/sections/:key/regenerate` may carry: the version the page showed (`versions.length`). */
const regenerateSchema = z.strictObject({ version: z.number().int().min(1).optional() });

/** The version a regeneration was asked on (none: an empty body or no `version`), or a French 400. */
export function parseRegenerate(body: unknown): number | undefined {
  if (body === undefined) return undefined;
  const parsed = regenerateSchema.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error, body, message("drafts.regenerateInvalid"));
  return parsed.data.version;
}

/** The edit of a section as JSON Schema: the page's editor reads its limits from here. */
export const editJsonSchema = () => z.toJSONSchema(editSchema, { io: "input" });

const requestSchema = z.object({ type: z.enum(DRAFT_TYPES), inputs: z.record(z.string(), z.unknown()) });

/** French label of a field path (`recipient.name` → « nom du destinataire »), when there is one. */
function fieldLabel(path: string): string | null {
  return messageOr(`drafts.field.${path.replace(/\.\d+(?=\.|$)/g, "")}`, null);
}

function inputsError(error: z.ZodError, input: unknown, prefix: string): AppError {
  const lines = formatIssues(error, input).map((line) => {
    const cut = line.indexOf(" : ");
    const path = line.slice(0, cut);
    const label = fieldLabel(path);
    return `${prefix}${path}${label ? ` (${label})` : ""}${line.slice(cut)}`;
  });
  const err = new AppError("invalid_input", message("drafts.invalidInputs", { details: lines.join(" ; ") }));
  err.fields = fieldErrors(formatIssues(error, input), prefix);
  return err;
}

/** Validates the inputs of one document type; throws a French 400 naming the first offending fields. */
export function parseInputs(type: DraftType, inputs: unknown): DraftInputs {
  const parsed = schemas[type].safeParse(inputs);
  if (!parsed.success) throw inputsError(parsed.error, inputs, "inputs.");
  return parsed.data as DraftInputs;
}

/** Validates `{ type, inputs }` as posted to `/api/drafts`. */
export function parseDraftRequest(body: unknown): { type: DraftType; inputs: DraftInputs } {
  const parsed = requestSchema.safeParse(body);
  if (!parsed.success) throw inputsError(parsed.error, body, "");
  return { type: parsed.data.type, inputs: parseInputs(parsed.data.type, parsed.data.inputs) };
}

/** True when `type` names a document Cap Libre can draft. */
export const isDraftType = (type: string): type is DraftType => (DRAFT_TYPES as readonly string[]).includes(type);
