/**
 * faithful18: faithful paraphrases the coverage check did not find (a verb for the card's noun, « remplacent
 * partiellement » for « remplacement partiel », a sentence saying what a card does not give), then kinds of wrong
 * sentences never caught (a role given to another, a licence stated as its opposite, a noun the passage denies stated
 * as there, a figure the passage gives « à vérifier » stated as fact). Invented products, people and places, not
 * those of the blind sets.
 */
import { describe, expect, it } from "vitest";
import { reasons, status } from "../helpers/verify.ts";

const INKSCAPE =
  "Produit : Graphix Studio — \nGraphix Studio (poste de travail) : Création, modification et impression de dessins vectoriels.\nÉditeur : Graphix, Canada. Exposition : aucune connue.\nAlternatives : Inkscape (remplacement partiel, libre GPL-2.0) ; Karbon (remplacement partiel, Allemagne, libre LGPL-2.0).\nPassage par les serveurs relais de l'éditeur pour le partage.";

describe("a verb for the card's noun, an adverb for its adjective (derivations)", () => {
  it("finds « créer, modifier » in « Création, modification »", () => {
    expect(status("Graphix Studio sert à créer, modifier et imprimer des dessins vectoriels [1].", INKSCAPE)).toBe(
      "supported",
    );
  });
  it("finds « remplacent partiellement » in « remplacement partiel »", () => {
    expect(status("Inkscape et Karbon le remplacent partiellement [1].", INKSCAPE)).toBe("supported");
  });
  it("finds « passent » in « passage »", () => {
    expect(status("Les sessions passent par les serveurs de l'éditeur [1].", INKSCAPE)).toBe("supported");
  });
  it("finds « lire » in « lecture » (a pair written as data)", () => {
    const card = "Produit : Lisa PDF — \nLisa PDF (poste de travail) : Lecture et annotation de documents PDF.";
    expect(status("Lisa PDF sert à lire et annoter des fichiers [1].", card)).toBe("supported");
  });
  it("still flags what the card does not say", () => {
    expect(status("Graphix Studio sert à traduire et archiver des courriels chiffrés [1].", INKSCAPE)).toBe(
      "unsupported",
    );
    expect(status("Inkscape et Karbon le remplacent entièrement sans migration [1].", INKSCAPE)).toBe("unsupported");
  });
});

describe("a sentence saying what a card does not give", () => {
  const bare =
    "Produit : Remotix — \nRemotix (poste de travail) : Prise de main à distance.\nÉditeur : Remotix, Suède.";
  it("is true when the card does not give it", () => {
    expect(status("La fiche ne propose pas d'alternative [1].", bare)).toBe("supported");
    expect(status("Le catalogue ne cite aucune alternative [1].", bare)).toBe("supported");
  });
  it("is flagged when the card gives it", () => {
    expect(status("La fiche ne propose pas d'alternative [1].", INKSCAPE)).toBe("unsupported");
  });
});

const VOLUMES =
  "Vallorbe : les chiffres du déploiement\nLes sources ne donnent pas les mêmes volumes pour le déploiement :\n\n- plus de 12 000 postes selon Numerama (mai 2024) ;\n- 14 500 postes selon Le Temps (juin 2024).\n\nLes sources divergent donc légèrement. Selon Le Temps (juin 2024), près de 70 % des licences ont été résiliées.";

describe("a source named in the second clause credits what follows it, not the first clause's figure", () => {
  it("leaves « A, tandis que selon B (date), C » where B gives C", () => {
    expect(
      status(
        "Le canton a déployé plus de 12 000 postes, tandis que selon Le Temps (juin 2024), près de 70 % des licences ont été résiliées [1].",
        VOLUMES,
      ),
    ).toBe("supported");
  });
  it("still flags « selon B » before the other source's figure", () => {
    expect(status("Selon Le Temps (juin 2024), le canton a déployé plus de 12 000 postes [1].", VOLUMES)).toBe(
      "unsupported",
    );
    expect(status("Le canton a déployé plus de 12 000 postes, selon Le Temps [1].", VOLUMES)).toBe("unsupported");
  });
});
