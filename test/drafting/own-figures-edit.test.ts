/**
 * trial9 A5 (trial8 A7), on other figures than the trial's: a user's edit that gives the document's own baseline and
 * target (« passer de 78 % à 40 % d'exposition pondérée ») states the collectivité's own figures; they are found in
 * what the document computed, not « absent from the corpus ». A share said of another value is still flagged.
 */
import { describe, expect, it } from "vitest";
import { contextClaims } from "../../server/drafting/documents/common.ts";
import { checkedSection } from "../../server/drafting/generate.ts";
import { checkOwnFigures } from "../../server/drafting/own-data.ts";
import type { Retriever } from "../../server/retrieval/search.ts";
import { verifyText } from "../../server/verify/index.ts";
import type { OwnData } from "../../server/verify/own-figures.ts";

const own: OwnData = {
  figures: [
    { kind: "percent", value: 78, names: ["exposition pondérée"], says: "78 % au départ" },
    { kind: "percent", value: 61, names: ["exposition pondérée"], says: "61 % après la phase 1" },
    { kind: "percent", value: 40, names: ["exposition pondérée"], says: "40 % visés" },
    { kind: "percent", value: 40, names: ["objectif"], says: "40 % visés" },
  ],
};
const passage = "Le plan de la communauté d'agglomération vise une réduction progressive des dépendances.";

function checked(sentence: string) {
  const v = verifyText(sentence, [{ n: 1, text: passage }]);
  const flags = [...sentence.matchAll(/\d+ %/g)].map((m) => ({
    figure: m[0],
    reason: "ce chiffre ne figure dans aucun des passages cités",
  }));
  return checkOwnFigures(v, flags, own);
}

describe("the document's own baseline and target, written by the user", () => {
  it("finds « de 78 % à 40 % d'exposition pondérée » in the document's own figures", () => {
    const { verification, flags } = checked(
      "Objectif retenu par le conseil communautaire : passer de 78 % à 40 % d'exposition pondérée d'ici 2030.",
    );
    expect(verification.sentences[0]!.reasons.join(" ")).not.toMatch(/78 %|40 %/);
    expect(flags.map((f) => f.figure)).toEqual([]);
  });
  it("still flags a share the document does not compute", () => {
    const { verification, flags } = checked(
      "Objectif retenu par le conseil communautaire : passer de 78 % à 35 % d'exposition pondérée d'ici 2030.",
    );
    expect(verification.sentences[0]!.reasons.join(" ")).toMatch(/35 %/);
    expect(flags.map((f) => f.figure)).toContain("35 %");
    expect(flags.map((f) => f.figure)).not.toContain("78 %");
  });
});

describe("the user's edit restating the document's own figures is no claim about others", () => {
  it("is not checked against the corpus when its figures are the document's own", async () => {
    const sentence =
      "Objectif retenu par le conseil communautaire : passer de 78 % à 40 % d'exposition pondérée d'ici 2030.";
    const retriever: Retriever = {
      mode: async () => "fulltext",
      search: async () => ({ mode: "fulltext", results: [] }),
    };
    const { verification, flags } = await checkedSection(sentence, [], {
      facts: [],
      quotations: [],
      claims: contextClaims(sentence, "Commune de Plabennec"),
      own,
      retriever,
    });
    expect(verification.sentences[0]!.reasons.join(" ")).not.toMatch(/78 %/);
    expect(flags.map((f) => f.figure)).not.toContain("78 %");
  });
});
