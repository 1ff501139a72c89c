/**
 * The map's count by category, one definition for every document that shows it: the map's summary (`analyze.ts`)
 * and the roadmap's « État des lieux » (`server/drafting/roadmap-plan.ts`) both call `countByCategory`, so that
 * they cannot give 14 products where the other says 13. System components are set aside (`isSetAside`); a line
 * with no installation still counts, as it does on the map.
 */
import { isExposed, isSetAside, type MeasurableItem, productId } from "./measure.ts";
import { nameKey } from "./normalize.ts";

/** The category key of a line: its category, or "unclassified" (« non classé ») when it has none. */
export const categoryKey = (item: MeasurableItem): string => item.category ?? "unclassified";

export interface CategoryCount<T extends MeasurableItem = MeasurableItem> {
  category: string;
  /** Distinct products: a catalog product counts once whatever its lines (Windows 10 Pro, Windows 10 Entreprise), an unknown name once. */
  products: number;
  /** Lines of the map. */
  items: number;
  installations: number;
  /** Installations of exposed software (controlled from outside Europe or subject to an extra-European law). */
  exposed: number;
  /** Installations whose origin is known (exposed or not). */
  known: number;
  lines: T[];
}

/** One product per catalog id, else per name (folded): what « produits » means on the map and in the documents. */
export const productKeyOf = (item: MeasurableItem): string => productId(item) ?? `name:${nameKey(item.name)}`;

/**
 * Lines, distinct products, installations, exposed and known installations by category, components set aside,
 * in the order categories first appear.
 * @example
 * countByCategory(analysis.items).find((c) => c.category === "security")?.products; // 3
 */
export function countByCategory<T extends MeasurableItem>(all: T[]): CategoryCount<T>[] {
  const rows = new Map<string, CategoryCount<T> & { keys: Set<string> }>();
  for (const item of all) {
    if (isSetAside(item)) continue;
    const key = categoryKey(item);
    let row = rows.get(key);
    if (!row) {
      row = {
        category: key,
        products: 0,
        items: 0,
        installations: 0,
        exposed: 0,
        known: 0,
        lines: [],
        keys: new Set(),
      };
      rows.set(key, row);
    }
    row.keys.add(productKeyOf(item));
    row.items++;
    row.installations += item.installations;
    const exposed = isExposed(item);
    if (exposed !== null) row.known += item.installations;
    if (exposed) row.exposed += item.installations;
    row.lines.push(item);
  }
  return [...rows.values()].map(({ keys, ...row }) => ({ ...row, products: keys.size }));
}
