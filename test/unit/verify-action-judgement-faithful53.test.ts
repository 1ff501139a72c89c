/**
 * A judgement of an action read by its form (faithful53, faithful-blind-25 false flags, conclusions, tuning half A: the
 * even rows of the flagged correct conclusions in `/work/notes/fb25-measure.tsv` order). An action named by an
 * infinitive as the subject of « est », « reste », « constitue » (« Vérifier la sauvegarde automatique sur les postes
 * est donc un premier pas simple »), or « le plus simple est de » + an action, judges what to do: no passage writes it,
 * yet it invents no fact, so it is shown as the model's deduction (`inference`). A duty, an absolute, a figure or a
 * name the passages do not hold stays unverified.
 */
import { describe, expect, it } from "vitest";
import { status } from "../helpers/verify.ts";

const CNAM =
  "VMware : la CNAM fait reculer Broadcom par un référé (2024-2025)\nLe cas public français le plus documenté est celui de la Caisse nationale d'Assurance maladie (CNAM) : la CNAM avait acheté à l'été 2021 des jetons « HPP » par l'accord-cadre RESAH/Computacenter, convertibles en licences perpétuelles ; le 22 avril 2024, Broadcom l'a informée par courriel que cette conversion prendrait fin le 30 avril 2024 ; le 26 septembre 2025, la CNAM a mis Broadcom en demeure, puis a saisi le juge administratif en référé le 2 décembre 2025 ; elle faisait valoir que tout son système d'information repose sur VMware et que son droit contractuel de conversion expirait le 20 décembre 2025 ; Broadcom a cédé avant toute décision du juge, en rouvrant temporairement la conversion.";
const ONEDRIVE =
  "Microsoft OneDrive (outils collaboratifs) : Stockage et synchronisation de fichiers en ligne.\nÉditeur : Microsoft, États-Unis. Exposition : CLOUD Act (États-Unis), FISA section 702 (États-Unis).\nAlternatives : Nextcloud Hub (remplacement direct, Allemagne, libre AGPL-3.0-or-later) ; Oodrive (remplacement partiel, France).\nSouvent activé par défaut sur les postes Windows (sauvegarde des dossiers Bureau et Documents vers le cloud de Microsoft).";
const CONTENTIEUX =
  "Ce que montrent les contentieux\n- La CNAM, qui avait acheté en 2021 des jetons VMware via le marché du RESAH, a engagé le 2 décembre 2025 un référé pour préserver son droit contractuel de conversion en licences perpétuelles ; Broadcom a cédé avant toute décision, en rouvrant temporairement la conversion.\n\nLeçon commune : les droits écrits dans le contrat sont opposables ; ceux qui n'y figurent pas dépendent du bon vouloir du fournisseur.";
const ADULLACT =
  "ADULLACT : quand s'adresser à elle ?\nAnalyse de Cap Libre : pour trouver un logiciel libre métier déjà utilisé par d'autres collectivités : le Comptoir du Libre ; pour mutualiser un développement : la forge et l'adhésion, qui permettent de partager un projet entre plusieurs collectivités.\n\nLes informations sur les conditions et le montant de l'adhésion ne figurent pas dans nos sources : elles sont à demander directement à l'association.";

describe("a judgement of an action by its form (faithful-blind-25, half A)", () => {
  it("an infinitive as subject, judged by « est (donc) »", () => {
    expect(
      status(
        "Connaître ses droits contractuels et leurs échéances est donc essentiel face à un changement de modèle de licence [1].",
        CNAM,
      ),
    ).toBe("inference");
    expect(
      status("Vérifier la sauvegarde automatique sur les postes est donc un premier pas simple [1].", ONEDRIVE),
    ).toBe("inference");
    expect(
      status("Relire maintenant votre contrat et ses échéances est donc la première chose à faire [1].", CONTENTIEUX),
    ).toBe("inference");
  });

  it("« le plus simple est (donc) de » and an action", () => {
    expect(status("Avant de budgéter l'adhésion, le plus simple est donc d'écrire à l'ADULLACT [1].", ADULLACT)).toBe(
      "inference",
    );
  });
});

describe("what the form does not excuse", () => {
  it("a duty or an absolute judged of an action stays unverified", () => {
    expect(status("Relire son contrat VMware est donc obligatoire avant tout renouvellement [1].", CONTENTIEUX)).toBe(
      "unsupported",
    );
    expect(status("Vérifier la sauvegarde est donc la seule protection contre le CLOUD Act [1].", ONEDRIVE)).toBe(
      "unsupported",
    );
  });

  it("a figure the passage does not hold stays unverified", () => {
    expect(
      status("Relire votre contrat et ses échéances est donc la première chose à faire avant 2028 [1].", CONTENTIEUX),
    ).not.toBe("inference");
  });

  it("a noun opening the sentence is no action (« Premier », « Votre »): a claim stays unverified", () => {
    expect(status("Votre contrat avec Broadcom est donc résilié depuis la fin de la conversion [1].", CNAM)).toBe(
      "unsupported",
    );
    expect(
      status("Premier constat : la synchronisation est donc chiffrée de bout en bout par Microsoft [1].", ONEDRIVE),
    ).toBe("unsupported");
  });

  it("a plain claim about a named actor is no judgement of an action", () => {
    expect(status("La CNAM est donc la seule administration à avoir gagné contre Broadcom [1].", CNAM)).toBe(
      "unsupported",
    );
  });
});
