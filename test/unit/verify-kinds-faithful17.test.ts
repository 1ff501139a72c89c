/**
 * Kinds of wrong sentences never caught on a fresh blind set (faithful17): a figure given to the other of two sources,
 * a self-reported figure stated as plain fact, a contradiction written without any negation. Invented places, people
 * and figures, not those of the sets.
 */
import { describe, expect, it } from "vitest";
import { reasons, status } from "../helpers/verify.ts";

const COUNTS =
  "Vallorbe : les chiffres du déploiement\nLes sources ne donnent pas les mêmes volumes pour le déploiement :\n\n- plus de 12 000 postes et 3 serveurs selon Numerama (mai 2024) ;\n- 14 500 postes et 4 serveurs selon Le Temps (juin 2024).\n\nL'ordre de grandeur reste le même.";

describe("source of a figure swapped with the other source (attribution)", () => {
  it("flags « selon A » with the figure the passage credits to B", () => {
    expect(status("Selon Numerama, le canton a déployé 14 500 postes [1].", COUNTS)).toBe("unsupported");
    expect(reasons("Selon Le Temps, plus de 12 000 postes ont été déployés [1].", COUNTS)).toMatch(/Numerama/);
  });
  it("leaves each figure with its own source", () => {
    expect(status("Selon Numerama, le canton a déployé plus de 12 000 postes [1].", COUNTS)).toBe("supported");
    expect(status("Selon Le Temps, 14 500 postes ont été déployés [1].", COUNTS)).toBe("supported");
    expect(status("D'après Le Temps, le canton a déployé 14 500 postes [1].", COUNTS)).toBe("supported");
  });
  it("leaves a source the passage does not name for any figure", () => {
    const one = "Vallorbe : le déploiement\nLe canton a déployé 14 500 postes selon Le Temps (juin 2024).";
    expect(status("Selon la presse suisse, le canton a déployé 14 500 postes [1].", one)).toBe("supported");
  });
});

const SAVINGS =
  "Trégastel : combien d'économies ?\nLa commune a fait état d'économies de 3,2 millions d'euros (Ouest-France, 2023). Il s'agit d'un chiffre communiqué par la commune elle-même ; les sources consultées ne détaillent pas la méthode de calcul.";

describe("a self-reported figure stated as plain fact (hedge dropped)", () => {
  it("flags the figure stated as a fact, with the source's reserve", () => {
    expect(status("Le passage au libre a fait économiser 3,2 millions d'euros à Trégastel [1].", SAVINGS)).toBe(
      "unsupported",
    );
    expect(reasons("Le passage au libre a fait économiser 3,2 millions d'euros à Trégastel [1].", SAVINGS)).toMatch(
      /elle-même/,
    );
  });
  it("leaves the figure given as the commune's own", () => {
    expect(status("Selon la commune, le passage au libre a économisé 3,2 millions d'euros [1].", SAVINGS)).toBe(
      "supported",
    );
    expect(status("La commune a fait état de 3,2 millions d'euros d'économies [1].", SAVINGS)).toBe("supported");
    expect(status("La commune annonce 3,2 millions d'euros d'économies [1].", SAVINGS)).toBe("supported");
  });
  it("does not read « elle-même » alone as a reserve", () => {
    const own = "Plounéour : la migration\nLa commune a migré elle-même ses 240 postes en 2022, sans prestataire.";
    expect(status("Plounéour a migré 240 postes en 2022 [1].", own)).toBe("supported");
  });
});

const READINGS =
  "La leçon de Valdrôme\nValdrôme est revenue à son ancien logiciel en 2019. Des élus ont invoqué le coût, d'autres la pression d'un éditeur. Les deux explications coexistent et ne se départagent pas ici.";

describe("a contradiction written without a negation (the passage denies the verb)", () => {
  it("flags an act the passage only denies", () => {
    expect(status("Les deux explications ont été départagées par une enquête interne [1].", READINGS)).toBe(
      "unsupported",
    );
  });
  it("leaves a sentence that keeps the denial, or an act the passage also states", () => {
    expect(status("Les deux explications ne se départagent pas [1].", READINGS)).toBe("supported");
    expect(status("Valdrôme est revenue à son ancien logiciel en 2019 [1].", READINGS)).toBe("supported");
  });
});
