/**
 * What the catalog says today of the products of a saved analysis, when it says something else than on the day of
 * the analysis: other alternatives (Zoom → Visio before the catalog said Visio is reserved to State agents), another
 * status (controlling country, open source, category), or a product gone from the catalog. A saved analysis keeps
 * its figures as published; the page and the documents built from it say what changed and offer to recompute it
 * from the same inventory (`recomputeAnalysis` in `service.ts`).
 */

import { fitLabel } from "../core/labels.ts";
import { message, pluralMessage } from "../i18n/messages.ts";
import { alternativeCaveats, alternativeWithCaveats } from "./alternative-text.ts";
import { controllingCountry, type MatchIndex } from "./match.ts";
import type { CatalogChange, CatalogChanges, InventoryItem, ItemAlternative } from "./types.ts";

export type { CatalogChange, CatalogChanges };

/** Changes listed by name; the rest is counted. */
const LISTED = 12;

/** What of an alternative matters to a collectivité: who it is, how well it fits, who may use it, what it covers. */
const altKey = (a: ItemAlternative) =>
  [a.id, a.fit, a.audience ?? "", a.covers ?? "", a.extraEuropean ? "x" : ""].join("|");
const sameAlternatives = (x: ItemAlternative[], y: ItemAlternative[]) => {
  const a = x.map(altKey).sort();
  const b = y.map(altKey).sort();
  return a.length === b.length && a.every((k, i) => k === b[i]);
};

/**
 * The map's catalog products (system components aside) whose record changed since the analysis; empty when the
 * catalog is the one the analysis was made with.
 * @example
 * const changes = catalogChangesOf(items, index, summary.catalog.fingerprint);
 */
export function catalogChangesOf(
  items: readonly InventoryItem[],
  index: MatchIndex,
  fingerprint: string | null | undefined,
): CatalogChanges | null {
  if (fingerprint && fingerprint === index.fingerprint) return null;
  const seen = new Set<string>();
  const changes: (CatalogChange & { installations: number })[] = [];
  for (const item of items) {
    // A classification by hand is the DSI's own statement: the catalog does not override it.
    if (item.component || !item.product || item.match === "manual") continue;
    const id = item.product.id;
    if (seen.has(id)) continue;
    seen.add(id);
    const entry = index.entries.get(id);
    const before = (item.alternatives ?? []).map((a) => alternativeWithCaveats(a));
    if (!entry) {
      changes.push({
        productId: id,
        product: item.product.name,
        kind: "gone",
        before,
        after: [],
        details: [],
        installations: item.installations,
      });
      continue;
    }
    const after = entry.alternatives.map((a) => alternativeWithCaveats(a));
    const statusChanged =
      entry.extraEuropean !== item.extraEuropean ||
      entry.openSource !== item.openSource ||
      entry.category !== item.category ||
      (controllingCountry(entry.vendor) ?? null) !== (item.exposure?.controllingCountry ?? null);
    if (!statusChanged && sameAlternatives(item.alternatives ?? [], entry.alternatives)) continue;
    changes.push({
      productId: id,
      product: entry.name,
      kind: statusChanged ? "status" : "alternatives",
      before,
      after,
      details: alternativeDiff(item.alternatives ?? [], entry.alternatives),
      installations: item.installations,
    });
  }
  if (!changes.length) return null;
  changes.sort((a, b) => b.installations - a.installations || a.product.localeCompare(b.product, "fr"));
  const listed = changes.slice(0, LISTED).map(({ installations: _, ...c }) => c);
  return {
    products: changes.length,
    changes: listed,
    notice: pluralMessage("inventory.catalogChanged", changes.length, {
      count: changes.length,
      products: listed.map(changeText).join(" ; "),
    }),
  };
}

/** How an alternative stands: its fit and caveats (« remplacement direct », « remplacement partiel, service réservé… »). */
const standing = (a: ItemAlternative) => [fitLabel(a.fit), ...alternativeCaveats(a)].join(", ");

/**
 * What changed in a product's alternatives, one part each: « Pexip : remplacement direct → remplacement partiel »,
 * « ajoutée : Nextcloud (remplacement partiel) », « retirée : Visio (La Suite numérique) ».
 */
export function alternativeDiff(before: readonly ItemAlternative[], after: readonly ItemAlternative[]): string[] {
  const old = new Map(before.map((a) => [a.id, a]));
  const now = new Map(after.map((a) => [a.id, a]));
  const parts: string[] = [];
  for (const a of after) {
    const was = old.get(a.id);
    if (!was) parts.push(message("inventory.catalogChanged.added", { alternative: a.name, standing: standing(a) }));
    else if (altKey(was) !== altKey(a))
      parts.push(
        message("inventory.catalogChanged.changed", { alternative: a.name, before: standing(was), after: standing(a) }),
      );
  }
  for (const a of before)
    if (!now.has(a.id)) parts.push(message("inventory.catalogChanged.removed", { alternative: a.name }));
  return parts;
}

/** « Zoom (alternatives : Pexip : remplacement direct → remplacement partiel) ». */
export function changeText(c: CatalogChange): string {
  if (c.kind === "gone") return message("inventory.catalogChanged.gone", { product: c.product });
  if (c.kind === "status") return message("inventory.catalogChanged.status", { product: c.product });
  return message("inventory.catalogChanged.alternatives", { product: c.product, changes: c.details.join(" ; ") });
}
