/**
 * An abstention on a duration asked says « la durée demandée », not « le nombre de temps demandé » (trial21 T-H11);
 * a number of things asked still names them.
 */
import { describe, expect, it } from "vitest";
import { abstentionText } from "../../server/answers/answer.ts";

const missingFigure = { reason: "missing-figure" as const, missing: [], nearest: [] };

describe("the detail an abstention says the corpus lacks", () => {
  it("is a duration for « combien de temps », « combien de mois »", () => {
    for (const q of ["on a combien de temps pour changer ?", "ça prend combien de mois de migrer ?"]) {
      const text = abstentionText(missingFigure, q);
      expect(text, q).toContain("la durée demandée");
      expect(text, q).not.toContain("nombre de");
    }
  });

  it("is a number of the things a count asks", () => {
    expect(abstentionText(missingFigure, "combien de postes reste-t-il ?")).toContain("le nombre de postes demandé");
  });
});
