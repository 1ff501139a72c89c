/**
 * The complement of a share a passage gives, which the sentence says it computes (faithful-blind-22: « Moins d'un
 * cinquième des technologies numériques utilisées en Europe seraient donc européennes » for « plus de 80 % … viennent
 * de fournisseurs non européens », flagged as a figure no passage gives). The bound turns round with it: « plus de 80 % »
 * gives « moins d'un cinquième », not « plus d'un cinquième » nor « moins d'un dixième ».
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const DEPENDENCE =
  "Incidents de dépendance : l'ampleur du problème en Europe\nCes incidents s'inscrivent dans une dépendance " +
  "structurelle : plus de 80 % des technologies et infrastructures numériques utilisées en Europe viennent de " +
  "fournisseurs non européens, selon le communiqué de lancement du consortium européen Digital Commons EDIC (Sovereign " +
  "Tech Agency, 29 octobre 2025), et les entreprises américaines détiennent plus de 70 % du marché européen du cloud.";
const status = (sentence: string) => verifyText(sentence, [{ n: 1, text: DEPENDENCE }], { facts: [] }).sentences[0]!;

describe("the complement of a share", () => {
  it("accepts the complement, its bound turned round", () => {
    const s = status(
      "Moins d'un cinquième des technologies numériques utilisées en Europe seraient donc européennes [1].",
    );
    expect(s.reasons).toEqual([]);
    expect(s.status).toBe("supported");
  });
  it.each([
    "Plus d'un cinquième des technologies numériques utilisées en Europe seraient donc européennes [1].",
    "Moins d'un dixième des technologies numériques utilisées en Europe seraient donc européennes [1].",
    "Moins d'un cinquième des technologies numériques utilisées en Europe sont européennes [1].",
  ])("still flags « %s »", (sentence) => {
    expect(status(sentence).status).toBe("unsupported");
  });
});
