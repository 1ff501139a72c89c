/**
 * A share the sentence computes from two counts it or the sentence before it writes, or the passages give (« LibreOffice
 * équipe donc 70 % des postes » after « sur les 30 postes, 21 sont passés à LibreOffice »; « plus des deux tiers du
 * chemin vers son objectif de 40 % » for a reduction of 27 %): written nowhere, it invents nothing (faithful-blind-18
 * to -20: 9 right computed shares of progress notes flagged). A share no two figures give, or on the wrong side of a
 * « plus de » / « moins de », is still flagged.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const PARC =
  "Plan — Données du plan\nMicrosoft Office 2016 : en cours ; sur les 50 postes de la mairie, LibreOffice compte 35 " +
  "installations et Microsoft Office 2016 en compte 15.";
const TARGET =
  "Plan — Données du plan\nObjectif : réduire de 30 % l'exposition pondérée d'ici le 31 décembre 2029. Réduction " +
  "mesurée au dernier inventaire : 21 %. Jalon prévu : 20 %.";
const check = (answer: string, passage: string) =>
  verifyText(answer, [{ n: 1, text: passage }], { facts: [] }).sentences.at(-1)!;

describe("a share computed from two counts (progress notes)", () => {
  it.each([
    ["Sur les 50 postes, 35 sont passés à LibreOffice [1]. LibreOffice équipe donc 70 % des postes [1].", PARC],
    [
      "LibreOffice compte 28 installations [1]. Plus de la moitié du parc est donc passée à LibreOffice [1].",
      PARC.replace("35", "28").replace("15.", "22."),
    ],
    ["Le plan a donc parcouru plus des deux tiers du chemin vers son objectif de 30 % [1].", TARGET],
    ["Il a parcouru un peu plus de la moitié du chemin vers l'objectif de 30 % [1].", TARGET.replace("21 %", "17 %")],
  ])("« %s » is supported", (answer, passage) => {
    expect(check(answer, passage).reasons.join(" ")).not.toMatch(/ne figure pas|pour autre chose/);
  });

  it.each([
    ["Sur les 50 postes, 35 sont passés à LibreOffice [1]. LibreOffice équipe donc 80 % des postes [1].", PARC],
    ["LibreOffice compte 35 postes [1]. Plus des trois quarts du parc est donc passée à LibreOffice [1].", PARC],
    // The passage gives 35 of 50: more than half, but not « plus de la moitié » as a bound (within 10 points).
    ["Plus de la moitié du parc est donc passée à LibreOffice [1].", PARC],
    ["Le plan a donc parcouru la moitié du chemin vers son objectif de 30 % [1].", TARGET],
    ["Le plan a donc parcouru moins de la moitié du chemin vers son objectif de 30 % [1].", TARGET],
  ])("« %s » is still flagged", (answer, passage) => {
    expect(check(answer, passage).status).toBe("unsupported");
  });
});
