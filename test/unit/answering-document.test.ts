/**
 * Without a model, « En bref » reads what the documents quoted say; when none of them has a sentence that answers and
 * a document the search kept just beyond them has one (a grant's amount, a figure asked), that document is quoted in
 * the last place, credited to its own source (trial11 A5: « des aides de l'État » answered by Lyon's ANCT subsidy,
 * kept sixth). Passages written for the test, on other bodies and products.
 */
import { describe, expect, it } from "vitest";
import { withAnsweringDocument } from "../../server/answers/answer.ts";
import { briefFor, passageOf } from "../helpers/passages.ts";

const guide = (n: number, text: string) =>
  passageOf(`guide-${n}#0`, `Guide ${n} : acheter du logiciel libre`, text, "guidance");
const quoted = [
  [guide(1, "Les centrales d'achat publiques permettent d'acheter du logiciel libre sans lancer de marché.")],
  [guide(2, "Le groupement de commandes partage l'étude et le support entre communes voisines.")],
  [guide(3, "Le marché interministériel de support couvre les logiciels libres les plus courants.")],
  [guide(4, "Une commune peut aussi adhérer à un opérateur public de services numériques.")],
];
const grant = passageOf(
  "bocage#0",
  "Le syndicat Numérique Bocage : une suite libre mutualisée",
  "Le syndicat Numérique Bocage a reçu une subvention de 800 000 euros de la Région Normandie pour sa suite libre (Ouest-France, mars 2025).",
);

describe("a document kept beyond those quoted", () => {
  const question = "Y a-t-il des aides publiques pour passer au logiciel libre ?";

  it("takes the last place when it answers and none of those quoted does", () => {
    expect(briefFor(question, quoted.flat())).toBeNull();
    const groups = withAnsweringDocument(question, quoted, [...quoted.flat(), grant], []);
    expect(groups.map((g) => g[0]!.document.id)).toEqual(["guide-1", "guide-2", "guide-3", "bocage"]);
    expect(
      briefFor(
        question,
        groups.map((g) => g[0]!),
      )?.quotes[0]?.source,
    ).toBe(4);
  });

  it("leaves the documents quoted alone when one of them answers", () => {
    const answering = [
      ...quoted.slice(0, 3),
      [guide(5, "Une subvention de l'État de 50 000 euros aide les communes à passer au logiciel libre.")],
    ];
    const groups = withAnsweringDocument(question, answering, [...answering.flat(), grant], []);
    expect(groups).toBe(answering);
  });
});
