/**
 * A sentence that says the opposite of the passage it cites (new-user trial, scripted model: shown as verified) is
 * flagged « le passage cité dit le contraire »; the same sentence with the passage's polarity is not, nor a negation
 * on another part of the passage.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const check = (sentence: string, ...passages: string[]) =>
  verifyText(
    sentence,
    passages.map((text, i) => ({ n: i + 1, text })),
  ).sentences[0]!;

const MUNICH =
  "La leçon de Munich : un retour à Windows. Munich a migré près de 15 000 postes vers LiMux entre 2005 et 2013. En novembre 2017, le conseil municipal a voté le retour à Windows : Munich est revenue à Windows en 2020.";
const SREN =
  "L'article 16 ne crée aucune obligation juridique de choisir un logiciel libre. La circulaire n'oblige pas les collectivités à quitter Microsoft, elle les invite à évaluer leurs dépendances.";
const CLOUD =
  "Le CLOUD Act concerne aussi les mairies françaises : une mairie qui confie ses données à un fournisseur américain les expose aux demandes des autorités américaines.";
const TCHAP =
  "Une commune qui souhaite utiliser Tchap ne peut pas l'activer directement : elle doit en faire la demande à la DINUM, qui ouvre l'accès au domaine de la collectivité.";

describe("a sentence that says the opposite of its passage", () => {
  it.each([
    ["Munich n'est jamais revenue à Windows : la ville a gardé LiMux [1].", MUNICH],
    ["Elle oblige les collectivités à quitter Microsoft [1].", SREN],
    ["Le CLOUD Act ne concerne pas les mairies françaises [1].", CLOUD],
    ["Une commune peut activer Tchap directement, sans autre démarche [1].", TCHAP],
  ])("« %s » is flagged", (sentence, passage) => {
    const v = check(sentence, passage);
    expect(v.status).toBe("unsupported");
    expect(v.reasons.join(" ")).toContain("le passage cité dit le contraire");
  });

  it.each([
    ["Munich est revenue à Windows en 2020 [1].", MUNICH],
    ["La circulaire n'oblige pas les collectivités à quitter Microsoft [1].", SREN],
    ["Le CLOUD Act concerne aussi les mairies françaises [1].", CLOUD],
    ["Une commune ne peut pas activer Tchap directement : elle doit le demander à la DINUM [1].", TCHAP],
  ])("« %s » (same polarity) is not", (sentence, passage) => {
    expect(check(sentence, passage).reasons.join(" ")).not.toContain("contraire");
  });

  it("a negation on another part of the passage is not a contradiction", () => {
    const passage =
      "Un logiciel financé par une collectivité et publié sous licence libre peut être réutilisé par toutes les autres, sans nouveau paiement.";
    const v = check("Un logiciel financé par une collectivité peut être réutilisé par toutes les autres [1].", passage);
    expect(v.reasons.join(" ")).not.toContain("contraire");
  });

  it("agrees in number when several passages are cited", () => {
    const v = verifyText("Munich n'est jamais revenue à Windows [1][2].", [
      { n: 1, text: MUNICH },
      { n: 2, text: MUNICH },
    ]).sentences[0]!;
    expect(v.reasons.join(" ")).toContain("les passages cités disent le contraire");
  });
});

describe("what the scripted correct answers taught the polarity check", () => {
  it("a negation without « ne » (« l'article s'applique pas ») is a negation", () => {
    const passage = "À la date de nos sources, l'article 31 ne s'applique pas aux collectivités territoriales.";
    const v = check("Au total, l'article 31 s'applique pas aux collectivités territoriales [1].", passage);
    expect(v.reasons.join(" ")).not.toContain("contraire");
  });

  it("a semicolon glued to the word before still ends a clause", () => {
    const passage =
      "Le 8 avril 2026, la DINUM a annoncé qu'elle quittait Windows pour des postes Linux. Aucun chiffre officiel n'a été publié sur le nombre de postes.";
    const v = check(
      "Le 8 avril 2026, la DINUM a annoncé qu'elle quittait Windows pour des postes Linux; aucun chiffre officiel n'a été publié sur le nombre de postes [1].",
      passage,
    );
    expect(v.reasons.join(" ")).not.toContain("contraire");
  });
});

describe("what faithful-blind-12's false flags taught the polarity check (faithful26)", () => {
  it("« rien à … » opening a clause is a negation: « il n'y aurait rien à reprendre » agrees with it", () => {
    const passage = "Poste sous LibreOffice 7 : rien à reprendre pour les modèles de courrier, les macros exceptées.";
    const v = check("Dans ce cas, il n'y aurait rien à reprendre pour les modèles de courrier [1].", passage);
    expect(v.reasons.join(" ")).not.toContain("contraire");
  });

  it("a clause that says it restates nothing still contradicts one that lists the work to redo", () => {
    const passage = "Poste sous LibreOffice 7 : tout à reprendre pour les modèles de courrier et les macros.";
    const v = check("Il n'y aurait rien à reprendre pour les modèles de courrier et les macros [1].", passage);
    expect(v.status).toBe("unsupported");
  });

  it("items a card gives to one range (« (suite Orphée) ») are not denied by a sentence about another product", () => {
    const passage =
      "Modules couverts : Prêts, catalogue et inscriptions des lecteurs (suite Orphée). Alternative : Bibliobus, libre, ne couvre que le catalogue.";
    const v = check(
      "Pour le catalogue, Bibliobus, libre, ne remplace que le module Catalogue, ni les prêts ni les inscriptions des lecteurs [1].",
      passage,
    );
    expect(v.reasons.join(" ")).not.toContain("contraire");
  });
});
