/**
 * « N fois plus de X »: the ratio of two counts of X, one of the sentence or the one before, the other there or in the
 * passages (faithful-blind-22: « Il lui faudrait 2,5 fois plus d'habitants pour l'atteindre » after « Avec 12 000
 * habitants, votre commune reste sous ce seuil », the threshold being 30 000 habitants, flagged as a figure no passage
 * gives). A ratio that does not come out, or of counts of another thing, is still flagged.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const SREN =
  "L'article 31-1 : l'extension envisagée aux collectivités\nUn texte adopté par le Sénat prévoit d'insérer dans la loi " +
  "SREN un article 31-1 qui étendrait l'obligation aux collectivités suivantes :\n\n- les régions et les départements ;\n" +
  "- les communes de plus de 30 000 habitants ;\n- les principaux établissements publics de coopération intercommunale " +
  "(EPCI), dont 40 000 agents.";
const BEFORE = "Avec 12 000 habitants, votre commune reste sous ce seuil [1].";
const last = (answer: string) => verifyText(answer, [{ n: 1, text: SREN }], { facts: [] }).sentences.at(-1)!;

describe("« N fois plus de X »", () => {
  it("accepts the ratio of two counts of the same thing", () => {
    const s = last(`${BEFORE} Il lui faudrait 2,5 fois plus d'habitants pour l'atteindre [1].`);
    expect(s.reasons.join(" ")).not.toMatch(/2,5/);
  });
  it.each([
    `${BEFORE} Il lui faudrait 3,5 fois plus d'habitants pour l'atteindre [1].`,
    // 40 000 agents for 12 000 habitants: counts of two things.
    `${BEFORE} Les EPCI comptent 3,3 fois plus d'habitants [1].`,
  ])("still flags « %s »", (answer) => {
    expect(last(answer).status).toBe("unsupported");
  });
});
