/**
 * One alternative's growth said once (trial23 T-M8, trial22 T-M7): when several planned products cite the growth of
 * the same product (their planned replacement, or what grew while they went down), the note and the public page said
 * its figures for each — « Windows 10 : en cours, Debian est passé de 10 à 30 » and « Windows 11 : pas encore
 * commencé, tandis que Debian … passait de 10 à 30 », the same 20 postes twice. The product that went down most keeps
 * the figures; the others say whose growth it is (`sharedWith`), without sharing the figures out: which postes went
 * where is not in the inventories.
 */
import { fold } from "../inventory/normalize.ts";
import type { ProductProgress } from "./plan.ts";
import { productStatus } from "./product-status.ts";

/** The product whose growth a planned product's status cites, folded; null when it cites none. */
function citedGrowth(p: ProductProgress): string | null {
  if (p.replacedBy && p.product.by) return fold(p.product.by);
  if (p.grown && !p.removal) return fold(p.grown.name);
  return null;
}

/** `products` with `sharedWith` and its words on every product but one of each growth cited more than once. */
export function shareGrowth(products: ProductProgress[]): ProductProgress[] {
  const owner = new Map<string, ProductProgress>();
  for (const p of products) {
    const key = citedGrowth(p);
    if (key === null) continue;
    const seen = owner.get(key);
    if (!seen || p.before - p.now > seen.before - seen.now) owner.set(key, p);
  }
  return products.map((p) => {
    const key = citedGrowth(p);
    const first = key === null ? undefined : owner.get(key);
    if (!first || first === p) return p;
    const sharedWith = first.product.name;
    return { ...p, sharedWith, status: productStatus({ ...p, by: p.product.by, sharedWith }) };
  });
}
