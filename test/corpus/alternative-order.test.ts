/** One standing orders alternatives everywhere: the map's in-place order and the plan's choice begin with it. */
import { describe, expect, it } from "vitest";
import { adoptionRank, compareAdoption } from "../../server/corpus/alternative-order.ts";
import { withAlternativesInPlace } from "../../server/inventory/in-place.ts";
import { bestAlternative } from "../../server/inventory/measure.ts";

const alt = (name: string, fit: string, extra: { audience?: string; covers?: string } = {}) => ({
  id: name,
  name,
  fit,
  country: "FR",
  ...extra,
});
// Adoptable whole drop-in, adoptable whole partial, a drop-in for part of the product, a State-reserved drop-in,
// an alternative of a fit the code does not know yet.
const standing = [
  alt("Pleine", "drop-in"),
  alt("Partielle", "partial"),
  alt("Approche", "different-approach"),
  alt("Inconnue", "future-fit"),
  alt("Morceau", "drop-in", { covers: "l'état civil" }),
  alt("Réservée", "drop-in", { audience: "state" }),
];
const scrambled = [standing[5]!, standing[3]!, standing[1]!, standing[4]!, standing[2]!, standing[0]!];

describe("the order of alternatives", () => {
  it("ranks what a collectivité can adopt whole first, then by fit, an unknown fit last", () => {
    expect(adoptionRank(standing[4]!)).toEqual([0, 1, 0]);
    expect([...scrambled].sort(compareAdoption).map((a) => a.name)).toEqual(standing.map((a) => a.name));
  });

  it("is the map's order once what is installed is known, and the plan's choice", () => {
    const item = { name: "Suite X", installations: 10, alternatives: scrambled };
    const [marked] = withAlternativesInPlace([item]);
    expect(marked!.alternatives!.map((a) => a.id)).toEqual(standing.map((a) => a.name));
    expect(bestAlternative(scrambled)?.name).toBe("Pleine");
    expect(bestAlternative(scrambled.filter((a) => a.name !== "Pleine"))?.name).toBe("Partielle");
  });
});
