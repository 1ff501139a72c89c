/**
 * An obligation given to collectivités that no cited passage imposes on any (trial18 F1, F2): « Les communes devront
 * elles aussi migrer leurs postes vers Linux » cited to a passage on the State's own decision, which says « Aucune règle
 * n'impose la même démarche aux collectivités ».
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const passages = [
  {
    n: 1,
    text: "Séminaire : décisions\nL'État passe ses postes de travail sous Linux. Chaque ministère doit formaliser un plan de réduction de ses dépendances. Aucune règle n'impose la même démarche aux collectivités.",
  },
  { n: 2, text: "NIS2 : collectivités\nUne collectivité doit donc vérifier sa situation une fois la loi promulguée." },
];
const check = (sentence: string) => verifyText(sentence, passages).sentences[0]!;

describe("an obligation given to collectivités", () => {
  it("is « non vérifié » when no cited passage imposes anything on a collectivité", () => {
    for (const [sentence, holder] of [
      ["Les communes devront elles aussi migrer leurs postes vers Linux [1].", "Les communes"],
      ["Les mairies devront passer leurs postes de travail sous Linux [1].", "Les mairies"],
      ["Montferrand-sur-Aure devra elle aussi passer ses postes sous Linux [1].", "Montferrand-sur-Aure"],
    ]) {
      const s = check(sentence!);
      expect(s.status, sentence).toBe("unsupported");
      expect(s.reasons.join(" "), sentence).toContain(`obligation donnée à « ${holder} »`);
    }
  });

  it("passes where a cited passage imposes it on a collectivité, and leaves advice and denials alone", () => {
    expect(check("Une collectivité doit vérifier sa situation une fois la loi promulguée [2].").status).toBe(
      "supported",
    );
    expect(
      check("Les collectivités doivent vérifier leur situation une fois la loi promulguée [2].").reasons.join(" "),
    ).not.toContain("obligation donnée");
    expect(check("Chaque ministère doit formaliser un plan de réduction [1].").status).toBe("supported");
    expect(check("La commune doit vérifier ses applications [1].").reasons.join(" ")).not.toContain(
      "obligation donnée",
    );
    expect(check("Aucune règle n'impose la même démarche aux collectivités [1].").status).toBe("supported");
  });
});
