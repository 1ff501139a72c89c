/**
 * Manual classifications: a DSI classifies by hand a name the catalog does not know ("Logiciel maison",
 * "Civil Net RH"), and every later analysis reuses it. Saved in `records("classifications")`, one record per
 * normalised name, so "Outil X 2.1" and "Outil X 2.2 (x64)" share one classification.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { AppError, validationError } from "../core/errors.ts";
import { ownedKeyedLock } from "../core/keyed-lock.ts";
import { categoryLabel, countryName } from "../core/labels.ts";
import { frenchDateTime } from "../core/text.ts";
import { CATEGORIES } from "../corpus/schema.ts";
import { message } from "../i18n/messages.ts";
import { type RecordStore, updateOnRevision } from "../store/records.ts";
import { loadMatchIndex } from "./match.ts";
import { nameKey } from "./normalize.ts";
import type { ManualClassification } from "./types.ts";

/** What the inventory functions need from the engine: the corpus directory and the saved records. */
export interface InventoryContext {
  config: { corpusDir: string };
  records<T>(collection: string): RecordStore<T>;
}

const regionNames = new Intl.DisplayNames(["fr"], { type: "region" });
const isRegion = (code: string) => code !== "ZZ" && regionNames.of(code) !== code;

export const classificationInput = z.strictObject({
  name: z.string().trim().min(1, "nom du logiciel manquant").max(300),
  productId: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "identifiant de produit du catalogue attendu (minuscules et tirets)")
    .nullish(),
  category: z.enum(CATEGORIES).nullish(),
  vendorName: z.string().trim().min(1).max(200).nullish(),
  vendorCountry: z
    .string()
    .trim()
    .transform((c) => c.toUpperCase())
    .refine((c) => /^[A-Z]{2}$/.test(c) && isRegion(c), "code pays ISO 3166-1 alpha-2 attendu (FR, US…)")
    .nullish(),
  extraEuropean: z.boolean().nullish(),
  openSource: z.boolean().nullish(),
  /**
   * The classification the user saw for this name: `null` for none (a name « à classer »), else the `updatedAt`
   * of the one shown. Another saved meanwhile is a 409 naming it; absent, the new one replaces any other.
   */
  previous: z.string().max(40).nullable().optional(),
});

/** The record id of a name: readable, safe as a file name, unique per normalised name. */
export function classificationId(name: string): string {
  const key = nameKey(name);
  const slug = key
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  const hash = createHash("sha256").update(key).digest("hex").slice(0, 8);
  return slug ? `${slug}-${hash}` : `c-${hash}`;
}

const store = (ctx: InventoryContext) => ctx.records<ManualClassification>("classifications");

/**
 * Validates and saves a manual classification (replacing the previous one of the same name).
 * @example
 * await saveClassification(engine, { name: "Civil Net RH", vendorCountry: "FR", category: "business" });
 */
export async function saveClassification(ctx: InventoryContext, raw: unknown): Promise<ManualClassification> {
  const parsed = classificationInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, raw, message("inventory.classification.invalid"));
  const input = parsed.data;
  const given =
    input.productId ||
    input.category ||
    input.vendorCountry ||
    input.vendorName ||
    typeof input.extraEuropean === "boolean" ||
    typeof input.openSource === "boolean";
  if (!given) throw new AppError("invalid_input", message("inventory.classification.nothing"), 400);
  if (input.productId) {
    const index = await loadMatchIndex(ctx.config.corpusDir);
    if (!index.entries.has(input.productId)) {
      throw new AppError(
        "invalid_input",
        message("inventory.classification.productUnknown", { id: input.productId }),
        400,
      );
    }
  }
  const key = nameKey(input.name);
  if (!key) throw new AppError("invalid_input", message("inventory.classification.nameEmpty"), 400);
  const record: ManualClassification = {
    id: classificationId(input.name),
    name: input.name,
    key,
    productId: input.productId ?? null,
    category: input.category ?? null,
    vendorName: input.vendorName ?? null,
    vendorCountry: input.vendorCountry ?? null,
    extraEuropean: input.extraEuropean ?? null,
    openSource: input.openSource ?? null,
    updatedAt: new Date().toISOString(),
  };
  const { previous } = input;
  if (previous === undefined) {
    await store(ctx).put(record.id, record);
    return record;
  }
  return withClassificationLock(ctx, record.id, async () => {
    // Saved on the revision read (none: only if still absent), so a classification another server sharing the
    // database saved meanwhile is never written over: read again, it is the 409's. Each turn follows someone's save.
    return updateOnRevision(store(ctx), record.id, (found) => {
      // None saved although `previous` names one (removed meanwhile): nothing would be lost.
      if (found && found.updatedAt !== previous) throw conflict(found);
      return record;
    });
  });
}

/** The French 409 of a classification saved meanwhile by someone else: what it says, and the record itself. */
function conflict(current: ManualClassification): AppError {
  const err = new AppError(
    "classification_conflict",
    message("inventory.classification.conflict", {
      name: current.name,
      at: frenchDateTime(current.updatedAt),
      details: describeClassification(current),
    }),
    409,
  );
  err.current = current;
  return err;
}

/** « catégorie Réseau, éditeur uvnc bvba (États-Unis), dépendance extra-européenne, logiciel non libre ». */
export function describeClassification(c: ManualClassification): string {
  const parts: string[] = [];
  if (c.productId) parts.push(message("inventory.classification.desc.product", { id: c.productId }));
  if (c.category)
    parts.push(message("inventory.classification.desc.category", { category: categoryLabel(c.category) }));
  if (c.vendorName || c.vendorCountry) {
    const country = c.vendorCountry ? `(${countryName(c.vendorCountry)})` : null;
    parts.push(
      message("inventory.classification.desc.vendor", {
        vendor: [c.vendorName, country].filter(Boolean).join(" "),
      }),
    );
  }
  if (c.extraEuropean !== null)
    parts.push(message(`inventory.classification.desc.${c.extraEuropean ? "extra" : "european"}`));
  if (c.openSource !== null)
    parts.push(message(`inventory.classification.desc.${c.openSource ? "open" : "proprietary"}`));
  return parts.join(", ");
}

/** One check-then-save at a time per classification in this engine (the save itself tells two servers apart). */
const withClassificationLock = ownedKeyedLock();

/** Every saved classification, most recent first. */
export async function listClassifications(ctx: InventoryContext): Promise<ManualClassification[]> {
  const s = store(ctx);
  const records = await Promise.all((await s.list()).map((id) => s.get(id)));
  return records.filter((r): r is ManualClassification => !!r && typeof r.key === "string");
}

/** The classifications by normalised name, as `analyzeRows` reads them. */
export async function loadClassifications(ctx: InventoryContext): Promise<Map<string, ManualClassification>> {
  const map = new Map<string, ManualClassification>();
  // Most recent first: an older record of the same key does not override a newer one.
  for (const c of await listClassifications(ctx)) if (!map.has(c.key)) map.set(c.key, c);
  return map;
}
