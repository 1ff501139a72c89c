/**
 * A figure of the asker's own collectivité (trial15 A18): « combien de postes on a à la mairie » is not answered by
 * another body's figure; the answer says first that the corpus cannot know it, and points to the inventory import.
 * Other words and places than the trial's.
 */
import { describe, expect, it } from "vitest";
import { notGiven } from "../../server/answers/brief.ts";
import { message } from "../../server/i18n/messages.ts";

const excerpts = [
  "La ville de Grenoble a migré 1 200 postes vers Linux entre 2019 et 2023.",
  "La Région Occitanie compte 4 000 agents, dont 900 passés à la messagerie libre.",
];
const own = message("answer.notGiven.own");

describe("a figure question about the asker's own collectivité", () => {
  it("is told the corpus cannot know it, in the first person too (« on a », « nous avons », « notre parc »)", () => {
    for (const q of [
      "combien d'ordinateurs on a au service urbanisme",
      "combien on en a, des abonnements Adobe ?",
      "nous avons combien de serveurs sous Windows ?",
      "combien de logiciels dans notre parc",
      "ma mairie paie combien de licences par an",
    ])
      expect(notGiven(q, excerpts, ["quantity"]), q).toBe(own);
    expect(own).toContain("Cartographie des dépendances");
  });

  it("still reads a named body's figure (« combien de postes a Grenoble », « combien d'agents on a vus à l'Occitanie »)", () => {
    expect(notGiven("combien de postes a Grenoble", excerpts, ["quantity"])).toBeNull();
    expect(
      notGiven("combien d'agents on a vus passer à la messagerie en Occitanie", excerpts, ["quantity"]),
    ).toBeNull();
    expect(notGiven("on a combien de temps avant la fin de Windows 10", excerpts, ["date"])).toBeNull();
    expect(notGiven("combien on a économisé à grenoble avec linux", excerpts, ["quantity"])).toBeNull();
  });

  it("is not a general figure asked with « nos » (« de combien la facture de nos abonnements va grimper »)", () => {
    expect(
      notGiven("De combien la facture de nos abonnements Adobe va-t-elle grimper ?", excerpts, ["quantity"]),
    ).toBeNull();
    expect(notGiven("combien on paie de plus pour Adobe cette année", excerpts, ["quantity"])).toBeNull();
  });
});
