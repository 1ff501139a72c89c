/**
 * A passage's subject named by its heading is the actor of what its sentences tell without naming it (trial17 D13):
 * « La Gendarmerie a remplacé Microsoft Office par OpenOffice » pairs the names as the passage headed « … : la
 * Gendarmerie nationale » does; a year or a place crossed is still flagged.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const PASSAGE =
  "Fixer un objectif chiffré (2026-04-10) — Les rythmes observés : la Gendarmerie nationale\n" +
  "La Gendarmerie montre qu'un calendrier long et régulier aboutit. OpenOffice a remplacé Microsoft Office sur 20 000 " +
  "postes en 2004, puis sur l'ensemble du parc, environ 90 000 postes, en 2005 ; Firefox et Thunderbird ont suivi en " +
  "2006 (Le Soleil, 2008).";
const check = (sentence: string, passage = PASSAGE) =>
  verifyText(sentence, [{ n: 1, text: passage }], { facts: [] }).sentences[0]!;

describe("the subject a passage's heading names", () => {
  it("pairs with the names of its sentences", () => {
    const s = check("La Gendarmerie a remplacé Microsoft Office par OpenOffice sur environ 90 000 postes en 2005 [1].");
    expect(s.status).toBe("supported");
  });

  it("does not pair a name the heading does not give", () => {
    const other = PASSAGE.replace("Les rythmes observés : la Gendarmerie nationale", "Les rythmes observés");
    const s = check(
      "La Préfecture a remplacé Microsoft Office par OpenOffice sur environ 90 000 postes en 2005 [1].",
      other,
    );
    expect(s.status).toBe("unsupported");
  });
});
