/**
 * Alternatives the collectivité already runs. A DSI extends what is installed before buying anything: with ESET on
 * 92 machines, Kaspersky on 2 is replaced by ESET, not by the first drop-in of the catalog's order (trial 2026-12-05).
 * An alternative is in place when the inventory shows it (its own catalog id) or one of the products its card says it
 * is installed as (`sameAs`, from the catalog's `installedAs`: ESET PROTECT as « ESET Endpoint Security »). The map
 * marks it and lists it first among those of the same fit; `bestAlternative` prefers it among those that leave the
 * same exposure. Pure functions.
 */

import { compareAdoption } from "../corpus/alternative-order.ts";
import { isSetAside, type MeasurableItem, productId } from "./measure.ts";

interface WithAlternatives extends MeasurableItem {
  alternatives?: {
    id?: string;
    fit: string;
    country?: string | null;
    audience?: string | null;
    covers?: string | null;
    sameAs?: string[];
    inPlace?: number;
  }[];
}

/**
 * The items with each alternative's `inPlace` (installations already in the inventory), computed afresh; an item
 * whose alternatives are unchanged is returned as it is, others as copies (the input is not modified).
 */
export function withAlternativesInPlace<T extends WithAlternatives>(items: T[]): T[] {
  const installed = new Map<string, number>();
  for (const i of items) {
    const id = productId(i);
    if (id && i.installations > 0 && !isSetAside(i)) installed.set(id, (installed.get(id) ?? 0) + i.installations);
  }
  return items.map((item) => {
    const list = item.alternatives;
    if (!list?.length) return item;
    const own = productId(item);
    let changed = false;
    const marked = list.map((a) => {
      const ids = new Set([a.id, ...(a.sameAs ?? [])].filter((x): x is string => !!x && x !== own));
      let n = 0;
      for (const id of ids) n += installed.get(id) ?? 0;
      if ((a.inPlace ?? 0) === n) return a;
      changed = true;
      const { inPlace: _, ...rest } = a;
      return (n > 0 ? { ...rest, inPlace: n } : rest) as typeof a;
    });
    // First among those of the same standing (`compareAdoption`: reserved, partial cover, fit and jurisdiction): the
    // catalog's order otherwise.
    const sorted = marked
      .map((a, i) => ({ a, i }))
      .sort((x, y) => compareAdoption(x.a, y.a) || (x.a.inPlace ? 0 : 1) - (y.a.inPlace ? 0 : 1) || x.i - y.i)
      .map((x) => x.a);
    if (!changed && sorted.every((a, i) => a === list[i])) return item;
    return { ...item, alternatives: sorted };
  });
}
