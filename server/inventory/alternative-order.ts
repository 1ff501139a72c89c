/**
 * The order of a product's alternatives, first keys shared by every list of them: the catalog's order the map keeps
 * (`match-index.ts`), the map's order once what is already installed is known (`in-place.ts`) and the alternative a
 * plan proposes (`measure.ts`, `bestAlternative`). Each adds its own tie-breakers after this standing.
 */

/** How well each alternative fits, best first; an unknown fit comes after them all (`adoptionRank`). */
export const FIT_RANK = { "drop-in": 0, partial: 1, "different-approach": 2 } as const;
/** The catalog's maturity of an alternative, most mature first. */
export const MATURITY_RANK = { mature: 0, established: 1, emerging: 2 } as const;

const FITS: Record<string, number> = FIT_RANK;
const UNKNOWN_FIT = 3;

export interface RankedAlternative {
  fit: string;
  /** "state": a State service reserved to State agents, which a collectivité cannot adopt as such. */
  audience?: string | null;
  /** Set when the alternative replaces only part of the product. */
  covers?: string | null;
}

/**
 * What a collectivité can adopt comes first: a State service reserved to State agents last, an alternative that
 * covers only part of the product after those that cover all of it, then the best fit.
 * @example adoptionRank({ fit: "partial", covers: "état civil" }) // [0, 1, 1]
 */
export function adoptionRank(a: RankedAlternative): [reserved: number, part: number, fit: number] {
  return [a.audience === "state" ? 1 : 0, a.covers ? 1 : 0, FITS[a.fit] ?? UNKNOWN_FIT];
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
