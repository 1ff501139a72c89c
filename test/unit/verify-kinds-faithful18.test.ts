/**
 * faithful18: faithful paraphrases the coverage check did not find (a verb for the card's noun, « remplacent
 * partiellement » for « remplacement partiel », a sentence saying what a card does not give), then kinds of wrong
 * sentences never caught (a role given to another, a licence stated as its opposite, a noun the passage denies stated
 * as there, a figure the passage gives « à vérifier » stated as fact). Invented products, people and places, not
 * those of the blind sets.
 */
import { describe, expect, it } from "vitest";
import { derivedIn } from "../../server/retrieval/derivations.ts";
import { bagOf } from "../../server/verify/words.ts";
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
  it("relates a participle to its noun in « -ition » (« exposé », « Exposition »), not unrelated words", () => {
    expect(derivedIn("expose", bagOf("Exposition à des lois extra-européennes"))).toBe(true);
    expect(derivedIn("definir", bagOf("La définition du besoin"))).toBe(true);
    expect(derivedIn("exporter", bagOf("Exposition à des lois extra-européennes"))).toBe(false);
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

const ASSOCIATION =
  "Libre-Alpes : sa fondation en 2003\nL'association Libre-Alpes a été fondée en 2003 par des enseignants de Grenoble. Jeanne Morel en est la déléguée générale depuis 2010 (Le Dauphiné, 2012).";

describe("a role given to another: « X en est le président »", () => {
  it("flags a rank the passage does not give the person", () => {
    expect(status("Jeanne Morel en est la présidente depuis 2010 [1].", ASSOCIATION)).toBe("unsupported");
    expect(reasons("Jeanne Morel en est la présidente depuis 2010 [1].", ASSOCIATION)).toMatch(/déléguée/);
  });
  it("leaves the passage's role", () => {
    expect(status("Jeanne Morel en est la déléguée générale depuis 2010 [1].", ASSOCIATION)).toBe("supported");
  });
});

const PRIZE =
  "Le prix Commune Ouverte : de quoi s'agit-il ?\nLe prix Commune Ouverte a été créé en 2012 par l'association Aful. Il est décerné chaque année par un jury ; l'association Framasoft fait partie de ce jury (Framasoft, 2024).";

describe("a body said to preside what no passage says it presides", () => {
  it("flags « X préside le jury » where the passage only says X is part of it", () => {
    expect(status("Framasoft préside le jury qui décerne le prix chaque année [1].", PRIZE)).toBe("unsupported");
  });
  it("leaves the act the passage gives", () => {
    const chaired =
      "Le prix Commune Ouverte\nLe prix Commune Ouverte est décerné chaque année par un jury présidé par l'association Framasoft.";
    expect(status("Framasoft préside le jury qui décerne le prix chaque année [1].", chaired)).toBe("supported");
    expect(status("Framasoft fait partie du jury qui décerne le prix chaque année [1].", PRIZE)).toBe("supported");
  });
});

const GESTASSO =
  "Alternative : Gestasso (2024) — \nGestasso (logiciels métiers) : logiciel libre sous licence AGPL-3.0, publié par Coopérative Nordique (projet initié par la Métropole de Lille) (France). Maturité : mature.\nGestion des subventions aux associations.";

describe("a product said made by the body the passage only names as initiator", () => {
  it("flags « développé par » the initiator", () => {
    expect(status("Gestasso a été développé par la Métropole de Lille [1].", GESTASSO)).toBe("unsupported");
    expect(reasons("Gestasso a été développé par la Métropole de Lille [1].", GESTASSO)).toMatch(
      /Coopérative Nordique/,
    );
  });
  it("leaves the publisher and the initiator in their roles", () => {
    expect(status("Gestasso est développé par Coopérative Nordique [1].", GESTASSO)).toBe("supported");
    expect(status("Gestasso est un projet initié par la Métropole de Lille [1].", GESTASSO)).toBe("supported");
  });
});

const VIEWER =
  "Produit : Pixa Viewer (2026-08) — \nPixa Viewer (poste de travail) : Visualisation et retouche de photos.\nÉditeur : Pixa, États-Unis. Exposition : CLOUD Act (États-Unis).\nAlternatives : Gwenview (remplacement partiel, libre GPL-2.0).\nGratuit mais propriétaire ; pousse vers les services en ligne de l'éditeur.";
const GWEN =
  "Alternative : Gwenview (2026-08) — \nGwenview (poste de travail) : logiciel libre sous licence GPL-2.0, publié par KDE e.V. (Allemagne). Maturité : éprouvée.\nVisionneuse d'images légère.";

describe("a licence stated as its opposite (the product's card)", () => {
  it("flags « logiciel libre » for a card that says it is proprietary", () => {
    expect(status("Pixa Viewer, gratuit, est un logiciel libre [1].", VIEWER)).toBe("unsupported");
  });
  it("flags « propriétaire » for a card that says it is free software", () => {
    expect(status("Gwenview est une visionneuse propriétaire [1].", GWEN)).toBe("unsupported");
  });
  it("leaves the card's licence", () => {
    expect(status("Pixa Viewer est gratuit mais propriétaire [1].", VIEWER)).toBe("supported");
    expect(status("Gwenview est un logiciel libre publié par KDE e.V. [1].", GWEN)).toBe("supported");
    expect(status("Pixa Viewer n'est pas un logiciel libre [1].", VIEWER)).toBe("supported");
  });
});

const FORGE =
  "Alternative : Forgeo (2026-11) — \nForgeo (développement) : logiciel libre sous licence MIT, publié par Communauté Forgeo (sans siège (projet communautaire)). Maturité : éprouvée.\nForge logicielle légère et auto-hébergeable. Projet communautaire : pas de société pour un contrat de maintenance.";

describe("a thing the card says there is none of, stated as there", () => {
  it("flags « une société qui vend un contrat de maintenance »", () => {
    expect(status("Forgeo est soutenu par une société qui vend un contrat de maintenance [1].", FORGE)).toBe(
      "unsupported",
    );
  });
  it("leaves the denial restated", () => {
    expect(status("Aucune société ne propose de contrat de maintenance pour Forgeo [1].", FORGE)).toBe("supported");
    expect(status("Forgeo est un projet communautaire, sans société pour un contrat de maintenance [1].", FORGE)).toBe(
      "supported",
    );
  });
});

const TRANSLATE =
  "Alternative : Lingva Pro — \nLingva Pro (intelligence artificielle) : logiciel non libre, publié par Lingva GmbH (Autriche). Maturité : mature.\nTraduction automatique d'un éditeur autrichien (Vienne). Service propriétaire ; vérifier l'offre (Entreprise) pour l'effacement des documents traduits.";

describe("a point the passage gives to check, stated as fact", () => {
  it("flags « garantit l'effacement » where the card says to check it", () => {
    expect(status("Son offre gratuite garantit l'effacement des documents traduits [1].", TRANSLATE)).toBe(
      "unsupported",
    );
  });
  it("leaves the point given to check", () => {
    expect(
      status(
        "Pour l'effacement des documents traduits, la fiche conseille de vérifier l'offre Entreprise [1].",
        TRANSLATE,
      ),
    ).toBe("supported");
  });
});

describe("who made a product, as the passage writes it", () => {
  it("reads an agent written in full with its acronym after it", () => {
    const docs =
      "Pad, l'éditeur de la suite publique\nPad est co-développé par la direction des services numériques (DSN) et le KDZ, le centre autrichien du numérique.";
    expect(status("Pad est co-développé par la DSN et le KDZ [1].", docs)).toBe("supported");
  });
  it("names the product by its words, a lower-case name too", () => {
    expect(
      status(
        "- e-Gestasso a été développé par la Métropole de Lille [1].",
        GESTASSO.replace(/Gestasso/g, "e-Gestasso"),
      ),
    ).toBe("unsupported");
  });
  it("quotes the passage's role alone", () => {
    expect(reasons("Jeanne Morel en est la présidente depuis 2010 [1].", ASSOCIATION)).not.toMatch(/depuis 2010 \(/);
  });
});

describe("a count in words rounded (« plus de trois cents »)", () => {
  const LIST =
    "Le catalogue régional\nLe catalogue publié par la région comptait 412 applications en mars 2025 (région, 2025).";
  it("leaves « plus de quatre cents applications » for 412", () => {
    expect(status("Ce catalogue comptait plus de quatre cents applications en mars 2025 [1].", LIST)).toBe("supported");
  });
  it("still flags a count on the wrong side or exact", () => {
    expect(status("Ce catalogue comptait plus de cinq cents applications en mars 2025 [1].", LIST)).toBe("unsupported");
    expect(status("Ce catalogue comptait quatre cents applications en mars 2025 [1].", LIST)).toBe("unsupported");
  });
});
