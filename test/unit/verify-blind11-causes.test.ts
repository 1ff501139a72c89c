/**
 * Causes of the false flags measured on `test/eval/faithful-blind-11/` (right sentences the verifier flagged), each in
 * a general form on passages of its own (other texts, products and places than the set's): the right sentence passes,
 * the wrong one that the same rule is for is still flagged.
 */
import { describe, expect, it } from "vitest";
import { reasons } from "../helpers/verify.ts";

const CONTRARY = "dit le contraire";

describe("a one-word negation both texts write before the same word cancels out, whichever word it is followed by", () => {
  const decree =
    "Le décret sur les données publiques — Portée\nLe conseil a rappelé les principes du texte. C'est ce décret, le décret du 12 mars 2019, qui concerne aujourd'hui les syndicats mixtes, sans créer d'obligation.";
  it("« sans les obliger » against « sans créer d'obligation » is the same denial", () => {
    expect(
      reasons(
        "Ce décret est devenu le décret du 12 mars 2019, qui concerne les syndicats mixtes sans les obliger [1].",
        decree,
      ),
    ).not.toContain(CONTRARY);
  });
  const binding =
    "Le décret sur les données publiques — Portée\nC'est ce décret, le décret du 12 mars 2019, qui impose aujourd'hui aux syndicats mixtes un calendrier de publication.";
  it("the same words against a passage with no negation are still the contrary", () => {
    expect(
      reasons("Le décret du 12 mars 2019 n'impose pas aux syndicats mixtes de calendrier de publication [1].", binding),
    ).toContain(CONTRARY);
  });
  const studies =
    "Les études sur le service — Bilan\nLe service a ouvert en 2021. Aucune des sources consultées ne publie de chiffre de fréquentation ou de coût total du service.";
  it("« Aucune des sources ne publie … ni … » against « Aucune des sources consultées … ou … » is the same denial", () => {
    expect(
      reasons("Aucune des sources ne publie de chiffre de fréquentation ni de coût total du service [1].", studies),
    ).not.toContain(CONTRARY);
  });
});

describe("a negation followed by an aside between commas bears on what comes after the aside", () => {
  const card =
    "Produit : Kingsoft — Catalogue, 2026-08\nÉditeur chinois (Pékin) de suites bureautiques. Hors d'Europe ; pas de loi de renseignement comparable à la loi chinoise de 2017 signalée dans nos sources.";
  it("« Nos sources ne signalent pas, pour ce pays, de loi … » agrees with « pas de loi … signalée dans nos sources »", () => {
    expect(
      reasons(
        "Nos sources ne signalent pas, pour ce pays, de loi de renseignement comparable à la loi chinoise de 2017 [1].",
        card,
      ),
    ).not.toContain(CONTRARY);
  });
  const stated =
    "Produit : Kingsoft — Catalogue, 2026-08\nÉditeur chinois (Pékin) de suites bureautiques. Une loi de renseignement comparable à la loi chinoise de 2017 est signalée dans nos sources.";
  it("the same negated sentence against a passage that affirms it is still the contrary", () => {
    expect(
      reasons(
        "Nos sources ne signalent pas, pour ce pays, de loi de renseignement comparable à la loi chinoise de 2017 [1].",
        stated,
      ),
    ).toContain(CONTRARY);
  });
});

describe("a denial of what the card gives, with a pronoun before its verb (« ne lui associe pas »)", () => {
  const none =
    "Produit : Affinity Designer — Catalogue, 2026-08\nAffinity Designer (graphisme) : Dessin vectoriel.\nÉditeur : Serif, Royaume-Uni.\nApparaît dans les inventaires sous les noms : Affinity Designer 2.\nÉditeur britannique : propriétaire mais européen.";
  const some =
    "Produit : Affinity Designer — Catalogue, 2026-08\nAffinity Designer (graphisme) : Dessin vectoriel.\nÉditeur : Serif, Royaume-Uni.\nAlternatives : Inkscape (remplacement direct, libre GPL-2.0-or-later).";
  it("« La fiche ne lui rattache pas d'alternative » is right when the card gives none", () => {
    expect(reasons("La fiche ne lui rattache pas d'alternative [1].", none)).toBe("");
  });
  it("and the contrary of a card that gives one", () => {
    expect(reasons("Le catalogue ne lui associe aucune alternative [1].", some)).toContain(CONTRARY);
  });
});

describe("a card field said in other words of the same family (« apparaître », « inventorié », « métier »)", () => {
  const card =
    "Catalogue — (introduction)\nCiril Group Coriolis (logiciels métiers) : Gestion financière des collectivités.\nÉditeur : Ciril Group, France.\nApparaît dans les inventaires sous les noms : Coriolis ; CORIOLIS II ; CG Coriolis.";
  const sentence =
    "Un même logiciel métier peut apparaître sous plusieurs noms, comme Coriolis de Ciril Group, inventorié sous « Coriolis », « CORIOLIS II » ou « CG Coriolis » [1].";
  it("is found in the card", () => {
    expect(reasons(sentence, card)).toBe("");
  });
  const other =
    "Catalogue — (introduction)\nCiril Group Coriolis : Gestion financière des collectivités.\nÉditeur : Ciril Group, France.\nAlternatives : aucune alternative libre référencée.";
  it("and still not found in a card that gives no names", () => {
    expect(reasons(sentence, other)).toContain("l'essentiel de la phrase");
  });
});
