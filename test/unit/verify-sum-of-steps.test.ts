/**
 * A count the sentence says it adds up from the steps one passage lists (faithful-blind-22: « En additionnant les
 * étapes, environ 3 250 postes seraient sous Linux fin 2027 » for 250, 500 and 2 500 postes, flagged as a figure no
 * passage gives). A sum that does not come out, or one the sentence does not say it makes, is still flagged.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const STEPS =
  "Les rythmes observés : le Schleswig-Holstein\nPour le poste de travail, le calendrier publié en janvier 2026 prévoit " +
  "environ 250 postes sous Linux à l'été 2026, 500 de plus d'ici fin 2026, 2 500 d'ici fin 2027, puis environ 35 700 " +
  "appareils à basculer à partir de 2028 (maik.io d'après le Tagesspiegel, 29 janvier 2026).";
const check = (sentence: string) => verifyText(sentence, [{ n: 1, text: STEPS }], { facts: [] }).sentences[0]!;

describe("a sum of the steps a passage lists", () => {
  it("accepts the sum the sentence says it makes", () => {
    const s = check("En additionnant les étapes, environ 3 250 postes seraient sous Linux fin 2027 [1].");
    expect(s.reasons.join(" ")).not.toMatch(/3 250/);
  });
  it.each([
    "En additionnant les étapes, environ 4 000 postes seraient sous Linux fin 2027 [1].",
    "Environ 3 250 postes seront sous Linux fin 2027 [1].",
  ])("still flags « %s »", (sentence) => {
    expect(check(sentence).status).toBe("unsupported");
  });

  it("still flags a count that three unrelated counts of a passage add up to", () => {
    // 15 000 + 400 + 530 is about 16 000 (a first version of this rule cleared it, faithful-blind-22).
    const passage =
      "Munich et ses voisins\nUne source donne 15 000 postes. L'association compte 400 " +
      "adhérents en 2022 et 530 en 2025.";
    const s = verifyText("Cela fait environ 700 euros par poste pour 16 000 postes [1].", [{ n: 1, text: passage }], {
      facts: [],
    }).sentences[0]!;
    expect(s.reasons.join(" ")).toMatch(/16 000/);
  });
});
