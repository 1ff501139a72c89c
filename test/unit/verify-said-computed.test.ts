/**
 * A figure the sentence says it computes (« cela fait », « au total », « l'écart ») from two figures the passages give
 * is not invented (faithful-blind-19: computed figures were 26 of its 55 false flags); a difference read as an event
 * (« a donc perdu ») is still a figure no passage gives.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const PASSAGE =
  "Visio — Utilisateurs\nSelon la DINUM, Visio comptait 40 000 utilisateurs au CNRS en 2025 ; un autre article en " +
  "annonçait 60 000 la même année. Le déploiement couvre 15 000 postes répartis sur 75 sites.";
const status = (sentence: string) => verifyText(sentence, [{ n: 1, text: PASSAGE }], { facts: [] }).sentences[0]!;

describe("a figure the sentence says it computes", () => {
  it.each([
    "Cela fait en moyenne 200 postes par site [1].",
    "L'écart entre les deux sources est de 20 000 utilisateurs [1].",
    "Cela fait au total 100 000 utilisateurs annoncés par les deux articles [1].",
  ])("« %s » is supported", (sentence) => {
    expect(status(sentence).reasons.join(" ")).not.toMatch(/ne figure pas/);
  });

  it.each(["Visio a donc perdu 20 000 utilisateurs [1].", "Cela représente environ 350 euros par poste [1]."])(
    "« %s » is still flagged",
    (sentence) => {
      expect(status(sentence).status).toBe("unsupported");
    },
  );
});

describe("an amount the sentence says it computes per unit (faithful-blind-20: 9 right ones flagged)", () => {
  const COST =
    "Coûts — Le déploiement de 16 500 postes a coûté 11,7 millions d'euros ; un contrat de 152 millions d'euros court " +
    "sur quatre ans.";
  const check = (sentence: string) => verifyText(sentence, [{ n: 1, text: COST }], { facts: [] }).sentences[0]!;

  it.each([
    "Cela fait environ 700 euros par poste [1].",
    "La dépense moyenne est donc de 38 millions d'euros par an [1].",
  ])("« %s » is supported", (sentence) => {
    expect(check(sentence).reasons.join(" ")).not.toMatch(/ne figure pas/);
  });

  it.each([
    // Not said as a computation, or not the quotient of an amount by a count of the passages.
    "Le déploiement a coûté 700 euros par poste [1].",
    "Cela fait environ 2 000 euros par poste [1].",
  ])("« %s » is still flagged", (sentence) => {
    expect(check(sentence).status).toBe("unsupported");
  });
});
