/**
 * The two measures of a dependency map, one definition shared by the map (`analyze.ts`), the roadmap, the briefing
 * and the letter (`server/drafting/`), so that every document reads the same numbers from the same analysis:
 *
 * - the raw share: installations of software controlled from outside Europe (EU, EEA, UK, Switzerland) or subject
 *   to an extra-European law, among the installations whose origin is known;
 * - the weighted measure: 100 × Σ(installations × role weight × exposure) ÷ Σ(installations × role weight), where
 *   a workstation OS, an office suite or a mail server weighs much more than a browser or a PDF reader, and open
 *   source of an extra-European publisher (Firefox) counts only in part. Weights are data (`measure-weights.yaml`),
 *   documented for users in `docs/mesure-ponderee.md`.
 *
 * System components (drivers, runtimes, updates…) are set aside everywhere. Pure functions, no I/O besides reading
 * the weights once.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { compareAdoption } from "../corpus/alternative-order.ts";
import { isEuropean } from "./match.ts";
import { isComponent } from "./normalize.ts";

const roleSchema = z.strictObject({
  id: z.string().min(1),
  label: z.string().min(1),
  weight: z.number().positive(),
  heavy: z.boolean().default(false),
  server: z.boolean().default(false),
  products: z.array(z.string()).default([]),
  names: z.array(z.string()).default([]),
});

const weightsSchema = z.strictObject({
  exposure: z.strictObject({
    law: z.number().min(0).max(1),
    extraEuropean: z.number().min(0).max(1),
    openSourceExtraEuropean: z.number().min(0).max(1),
    european: z.number().min(0).max(1),
  }),
  roles: z.array(roleSchema).min(1),
  categories: z.record(z.string(), z.strictObject({ weight: z.number().positive(), heavy: z.boolean() })),
});

export type MeasureWeights = z.infer<typeof weightsSchema>;

export interface Role {
  id: string;
  label: string | null;
  weight: number;
  heavy: boolean;
  server: boolean;
}

type RoleEntry = z.infer<typeof roleSchema>;
let cached:
  | (MeasureWeights & { byProduct: Map<string, RoleEntry>; patterns: { role: RoleEntry; re: RegExp }[] })
  | null = null;

/** The weights of `measure-weights.yaml`, read and checked once. */
export function measureWeights() {
  if (cached) return cached;
  const raw: unknown = parse(readFileSync(new URL("./measure-weights.yaml", import.meta.url), "utf8"));
  const weights = weightsSchema.parse(raw);
  const byProduct = new Map<string, RoleEntry>();
  for (const role of weights.roles) for (const id of role.products) if (!byProduct.has(id)) byProduct.set(id, role);
  cached = {
    ...weights,
    byProduct,
    patterns: weights.roles.flatMap((role) => role.names.map((n) => ({ role, re: new RegExp(n) }))),
  };
  return cached;
}

/** What the measure reads of one line of an analysis: a saved map's item or a hand-written one. */
export interface MeasurableItem {
  name: string;
  installations: number;
  product?: string | { id: string; name: string } | null;
  category?: string | null;
  extraEuropean?: boolean | null;
  openSource?: boolean | null;
  component?: boolean;
  /** Laws reaching the controlling entity: a list of law ids, or `{ controllingCountry, laws }`. */
  exposure?: string[] | { controllingCountry?: string | null; laws?: string[] } | null;
}

export interface MeasurableAlternative {
  name: string;
  fit: string;
  country?: string | null;
  openSource?: boolean | null;
  /** "state": a State service reserved to State agents, which a collectivité cannot adopt as such. */
  audience?: string | null;
  /** Set when the alternative replaces only part of the product (openElec for a whole municipal suite). */
  covers?: string | null;
  /** Installations of it the inventory already shows (`in-place.ts`). */
  inPlace?: number;
}

/**
 * Whether a collectivité can replace the whole product by this alternative: not a State service reserved to State
 * agents (Zoom → Visio), not one that covers only part of the product (Horizon Villages → openElec).
 */
export const replacesWhole = (a: MeasurableAlternative) => a.audience !== "state" && !a.covers;

export const productId = (i: MeasurableItem) => (typeof i.product === "string" ? i.product : (i.product?.id ?? null));
export const productName = (i: MeasurableItem) => (typeof i.product === "object" && i.product ? i.product.name : null);

/** Law ids of an item, whichever shape its `exposure` has. */
export function lawsOf(item: MeasurableItem): string[] {
  const e = item.exposure;
  if (!e) return [];
  if (Array.isArray(e)) return e;
  return e.laws ?? [];
}

/** A system component: the map's own flag when it set one, else the same rule the map applies to names. */
export const isSetAside = (item: MeasurableItem) =>
  typeof item.component === "boolean" ? item.component : isComponent(item.name);

/** Controlled from outside Europe or subject to an extra-European law; null when the analysis could not tell. */
export function isExposed(item: MeasurableItem): boolean | null {
  if (item.extraEuropean === true || lawsOf(item).length > 0) return true;
  return item.extraEuropean === false ? false : null;
}

/** Exposure of one installation, 0 to 1; null when unknown. */
export function exposureFactor(item: MeasurableItem): number | null {
  const e = measureWeights().exposure;
  const exposed = isExposed(item);
  if (exposed === null) return null;
  if (!exposed) return e.european;
  if (item.openSource === true) return e.openSourceExtraEuropean;
  return lawsOf(item).length ? e.law : e.extraEuropean;
}

/** Exposure left once an item is replaced by an alternative (whose laws the catalog does not give). */
export function alternativeExposure(alt: MeasurableAlternative): number {
  const e = measureWeights().exposure;
  if (!alt.country || isEuropean(alt.country)) return e.european;
  return alt.openSource ? e.openSourceExtraEuropean : e.extraEuropean;
}

/** The role of an item: by catalog product id, then by name, else its category's default. */
export function roleOf(item: MeasurableItem): Role {
  const w = measureWeights();
  const id = productId(item);
  const byId = id ? w.byProduct.get(id) : undefined;
  let role = byId;
  if (!role && w.patterns.length) {
    // Patterns are plain ASCII anchored at the start: lower case is enough, and much cheaper than folding accents.
    const lower = item.name.toLowerCase();
    role = w.patterns.find((p) => p.re.test(lower))?.role;
  }
  if (role) return { id: role.id, label: role.label, weight: role.weight, heavy: role.heavy, server: role.server };
  const category = item.category ?? "unclassified";
  const c = w.categories[category] ?? w.categories.unclassified ?? { weight: 1, heavy: false };
  return { id: `category:${category}`, label: null, weight: c.weight, heavy: c.heavy, server: false };
}

/**
 * The alternative a plan proposes: among those a collectivité can adopt for the whole product (`replacesWhole`),
 * the best fit, then the least exposed, then one the inventory already shows (`inPlace`: ESET for Kaspersky when
 * ESET runs on 92 machines), then the catalog's order.
 */
export function bestAlternative<A extends MeasurableAlternative>(alternatives: A[] | undefined): A | null {
  const list = (alternatives ?? []).filter(replacesWhole).map((a, i) => ({ a, i }));
  list.sort(
    (x, y) =>
      // Among those that replace the whole product the standing is fit and jurisdiction (`compareAdoption`).
      compareAdoption(x.a, y.a) ||
      alternativeExposure(x.a) - alternativeExposure(y.a) ||
      (y.a.inPlace ? 1 : 0) - (x.a.inPlace ? 1 : 0) ||
      x.i - y.i,
  );
  return list[0]?.a ?? null;
}

export type Phase = "quick" | "guided" | "deep";

/**
 * The phase of a replacement: quick (a drop-in alternative, for software that neither touches every agent's work
 * nor runs on servers), guided (partial fit, or drop-in for heavy or server software), deep (the rest).
 */
export function phaseOf(item: MeasurableItem, alternative: MeasurableAlternative | null): Phase {
  const role = roleOf(item);
  const fit = alternative?.fit ?? null;
  const heavy = role.heavy || role.server;
  if (fit === "drop-in") return heavy ? "guided" : "quick";
  if (fit === "partial" && !heavy) return "guided";
  return "deep";
}

/**
 * A quick win of the map: installed, exposed, not open source, with a drop-in alternative that is much less exposed
 * (European, or at least not controlled from outside Europe), and neither heavy nor server software (Exchange Server
 * is not a quick change).
 */
export function isQuickWin(item: MeasurableItem & { alternatives?: MeasurableAlternative[] }): boolean {
  if (!(item.installations > 0) || isSetAside(item) || isExposed(item) !== true || item.openSource === true)
    return false;
  const alt = bestAlternative(item.alternatives);
  // A quick win must lower the exposure for real: swapping a US browser for a US open-source one (Edge → Firefox)
  // is not a way out of extra-European dependence, and would read as a contradiction on the map.
  return (
    !!alt &&
    phaseOf(item, alt) === "quick" &&
    (exposureFactor(item) ?? 0) - alternativeExposure(alt) >= QUICK_WIN_MIN_GAIN
  );
}

/** Least drop of one installation's exposure (0 to 1) for a replacement to count as a quick win. */
export const QUICK_WIN_MIN_GAIN = 0.5;

export interface MeasuredItem<T extends MeasurableItem = MeasurableItem> {
  item: T;
  role: Role;
  /** Null when the origin is unknown. */
  exposure: number | null;
  /** installations × role weight. */
  weighted: number;
}

export interface Measure<T extends MeasurableItem = MeasurableItem> {
  /** Lines of the map (components set aside) and their installations. */
  items: number;
  installations: number;
  components: { items: number; installations: number; names: string[] };
  /** Lines whose origin could not be established. */
  unknown: { items: number; installations: number };
  raw: { exposed: number; known: number; share: number | null };
  weighted: { exposed: number; known: number; value: number | null };
  measured: MeasuredItem<T>[];
}

/** Both measures of a list of items, components set aside. Shares are percentages (0 to 100). */
export function measureItems<T extends MeasurableItem>(all: T[]): Measure<T> {
  const components = all.filter(isSetAside);
  const items = all.filter((i) => !isSetAside(i));
  const measured = items.map((item) => {
    const role = roleOf(item);
    return { item, role, exposure: exposureFactor(item), weighted: item.installations * role.weight };
  });
  let rawExposed = 0;
  let rawKnown = 0;
  let wExposed = 0;
  let wKnown = 0;
  let unknownItems = 0;
  let unknownInstallations = 0;
  for (const m of measured) {
    if (m.exposure === null) {
      unknownItems++;
      unknownInstallations += m.item.installations;
      continue;
    }
    rawKnown += m.item.installations;
    if (isExposed(m.item)) rawExposed += m.item.installations;
    wKnown += m.weighted;
    wExposed += m.weighted * m.exposure;
  }
  return {
    items: items.length,
    installations: items.reduce((s, i) => s + i.installations, 0),
    components: {
      items: components.length,
      installations: components.reduce((s, i) => s + i.installations, 0),
      names: components.map((c) => c.name),
    },
    unknown: { items: unknownItems, installations: unknownInstallations },
    raw: { exposed: rawExposed, known: rawKnown, share: rawKnown ? (100 * rawExposed) / rawKnown : null },
    weighted: { exposed: wExposed, known: wKnown, value: wKnown ? (100 * wExposed) / wKnown : null },
    measured,
  };
}
