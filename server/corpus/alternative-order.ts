/**
 * The order of a product's alternatives, first keys shared by every list of them: the catalog's order the map keeps
 * (`catalogRank`: the map in `match-index.ts` and the product card chat reads, `catalog.ts`), the map's order once
 * what is already installed is known (`in-place.ts`) and the alternative a plan proposes (`measure.ts`,
 * `bestAlternative`). Each adds its own tie-breakers after this standing.
 */
import { isEuropean } from "./europe.ts";

/** How well each alternative fits, best first; an unknown fit comes after them all (`adoptionRank`). */
export const FIT_RANK = { "drop-in": 0, partial: 1, "different-approach": 2 } as const;
/** The catalog's maturity of an alternative, most mature first. */
export const MATURITY_RANK = { mature: 0, established: 1, emerging: 2 } as const;

const FITS: Record<string, number> = FIT_RANK;
const UNKNOWN_FIT = 3;

export interface RankedAlternative {
  fit: string;
  /** The publisher's country (ISO code); none for a community, counted as European, as in the measure. */
  country?: string | null;
  /** "state": a State service reserved to State agents, which a collectivité cannot adopt as such. */
  audience?: string | null;
  /** Set when the alternative replaces only part of the product. */
  covers?: string | null;
}

/**
 * Fit and jurisdiction, best first: what replaces the product and leaves extra-European jurisdiction (drop-in 0,
 * partial 1), then what replaces it but stays under that jurisdiction (2, 3: « gain limité »), then « autre
 * approche », European first (4, 5; an unknown fit 6, 7). A European partial replacement (Vivaldi for Edge,
 * GanttProject for Project) comes before an extra-European drop-in (Firefox ESR, ProjectLibre): Cap Libre's aim is
 * to leave that jurisdiction, and the drop-in only lowers the exposure in part. A European « autre approche »
 * (changing the way of working) is no replacement: it comes after an extra-European one (trial6 B11).
 * @example fitStanding({ fit: "partial", country: "NO" }) < fitStanding({ fit: "drop-in", country: "US" }) // true
 */
export function fitStanding(a: RankedAlternative): number {
  const fit = FITS[a.fit] ?? UNKNOWN_FIT;
  const extra = a.country && !isEuropean(a.country) ? 1 : 0;
  return fit < FIT_RANK["different-approach"] ? 2 * extra + fit : 2 * fit + extra;
}

/**
 * What a collectivité can adopt comes first: a State service reserved to State agents last, an alternative that
 * covers only part of the product after those that cover all of it, then the best standing (`fitStanding`).
 * @example adoptionRank({ fit: "partial", covers: "état civil" }) // [0, 1, 1]
 */
export function adoptionRank(a: RankedAlternative): [reserved: number, part: number, standing: number] {
  return [a.audience === "state" ? 1 : 0, a.covers ? 1 : 0, fitStanding(a)];
}

/**
 * `adoptionRank` as a comparison (0 when two alternatives stand equal: the caller's tie-breakers decide).
 * @example list.sort((x, y) => compareAdoption(x, y) || x.name.localeCompare(y.name, "fr"))
 */
export function compareAdoption(a: RankedAlternative, b: RankedAlternative): number {
  const ra = adoptionRank(a);
  const rb = adoptionRank(b);
  return ra[0] - rb[0] || ra[1] - rb[1] || ra[2] - rb[2];
}

export interface CatalogRankedAlternative extends RankedAlternative {
  /** "large": an offer made for large organisations. */
  scale?: string | null;
  openSource: boolean;
  maturity: keyof typeof MATURITY_RANK;
}

/**
 * The catalog's order of a product's alternatives, the same on the map and on the product's card that chat quotes
 * (trial23 T-M10: the card listed Jitsi Meet, États-Unis, first for Zoom while the map put a European one first):
 * what a collectivité can adopt (`adoptionRank`), European first, an offer made for large organisations (Pexip)
 * after what suits a collectivité of any size, open source first, the most mature first. Ties: by name.
 * @example [tixeo, jitsi].sort(compareCatalogRank) // Tixeo (drop-in, France) before Jitsi Meet (drop-in, États-Unis)
 */
export function catalogRank(a: CatalogRankedAlternative): number[] {
  return [
    ...adoptionRank(a),
    !a.country || isEuropean(a.country) ? 0 : 1,
    a.scale === "large" ? 1 : 0,
    a.openSource ? 0 : 1,
    MATURITY_RANK[a.maturity],
  ];
}

/** `catalogRank` as a comparison, by name (French order) when two stand equal. */
export function compareCatalogRank<T extends CatalogRankedAlternative & { name: string }>(a: T, b: T): number {
  const ra = catalogRank(a);
  const rb = catalogRank(b);
  for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
  return a.name.localeCompare(b.name, "fr");
}
