/**
 * The software category an inventory export gives (GLPI's « Catégorie » column, OCS's « Catégorie ») read as a hint
 * for the map's category: « Métier - RH » → business. The correspondence is data (`category-hints.yaml`), in French
 * and English; a hint classes only software the catalog does not know (a catalog product keeps its own category).
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { CATEGORIES, type Category } from "../corpus/schema.ts";
import { fold } from "./normalize.ts";

const hintsSchema = z.strictObject({
  ignore: z.array(z.string()).default([]),
  rules: z.array(z.strictObject({ category: z.enum(CATEGORIES), patterns: z.array(z.string()).min(1) })).min(1),
});

let cached: { ignore: RegExp[]; rules: { category: Category; re: RegExp[] }[] } | null = null;

function hints() {
  if (cached) return cached;
  const raw = hintsSchema.parse(parse(readFileSync(new URL("./category-hints.yaml", import.meta.url), "utf8")));
  cached = {
    ignore: raw.ignore.map((p) => new RegExp(p)),
    rules: raw.rules.map((r) => ({ category: r.category, re: r.patterns.map((p) => new RegExp(p)) })),
  };
  return cached;
}

/** « Métier - RH » → « metier rh »: lower case, no accents, punctuation as single spaces. */
export const categoryKey = (label: string) =>
  fold(label)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/** The map's category an export's software category names, or null when it says nothing the map can use. */
export function softwareCategoryHint(label: string | null | undefined): Category | null {
  if (!label) return null;
  const h = hints();
  // GLPI nests categories (« Logiciels > Métier > RH »): the most specific level that says something wins.
  const levels = label.split(">").reverse().map(categoryKey);
  for (const level of levels) {
    if (!level || h.ignore.some((re) => re.test(level))) continue;
    const rule = h.rules.find((r) => r.re.some((re) => re.test(level)));
    if (rule) return rule.category;
  }
  return null;
}
