/**
 * faithful-blind-7, second diagnosis (faithful14): the false flags left after the first one and the scripted suite's,
 * then the kinds of wrong sentences it missed, each in a general form on passages of its own (other subjects, products
 * and people than the set's): the right sentence passes, the wrong one is flagged.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const reasons = (sentence: string, ...passages: string[]) =>
  verifyText(
    sentence,
    passages.map((text, i) => ({ n: i + 1, text })),
    { asked: [] },
  ).sentences[0]!.reasons.join(" ");
const CONTRARY = "dit le contraire";
const OTHER_THING = "pour autre chose";

describe("« ne … plus de 30 % » is a bound on the figure, not « no longer »", () => {
  const capped =
    "Les marchés de la Région — Les plafonds\nLe règlement de la Région encadre la sous-traitance des marchés informatiques, en limitant la part du montant confiée à des sous-traitants à 30 % par lot et 45 % pour l'ensemble du marché.";
  it("« ne peut confier plus de 30 % du montant » passes", () => {
    const r = reasons(
      "Le règlement encadre la sous-traitance : un titulaire ne peut confier plus de 30 % du montant à des sous-traitants par lot, et plus de 45 % pour l'ensemble du marché [1].",
      capped,
    );
    expect(r).not.toContain(CONTRARY);
    expect(r).not.toContain(OTHER_THING);
  });
  it("« ne peut pas confier plus de 30 % » passes too", () => {
    expect(
      reasons(
        "Un titulaire ne peut pas confier plus de 30 % du montant de chaque lot à des sous-traitants [1].",
        capped,
      ),
    ).not.toContain(CONTRARY);
  });
  const stopped =
    "Le réseau des bibliothèques — Les prêts\nLe réseau des bibliothèques de la ville prête des liseuses aux habitants depuis 2019.";
  it("« ne prête plus de liseuses » (no longer) against « prête des liseuses » is still a contradiction", () => {
    expect(
      reasons("Le réseau des bibliothèques de la ville ne prête plus de liseuses aux habitants [1].", stopped),
    ).toContain(CONTRARY);
  });
});

describe("a share the source names before its figure (« la part du capital … à 24 % »)", () => {
  const capped =
    "Les marchés de la Région — Les plafonds\nLe règlement de la Région encadre la sous-traitance, en limitant la part du montant de chaque lot confiée à des sous-traitants à 30 %.";
  it("« 30 % du montant » passes", () => {
    expect(reasons("La sous-traitance est limitée à 30 % du montant de chaque lot [1].", capped)).not.toContain(
      OTHER_THING,
    );
  });
  it("« 30 % des agents » (another thing) is still flagged", () => {
    expect(reasons("La sous-traitance est limitée à 30 % des agents de chaque lot [1].", capped)).toContain(
      OTHER_THING,
    );
  });
});

describe("a reserve inside parentheses bears on the aside, not on the rest of the sentence", () => {
  const listed =
    "Les tableurs en ligne — Les solutions\nParmi les solutions citées figurent Ethercalc (logiciel libre, dont le mainteneur serait installé à Lisbonne, information non confirmée par nos sources) et Cryptpad, édité par la société XWiki fondée à Paris en 2004.";
  it("the year of the other item (« fondée à Paris en 2004 ») passes", () => {
    expect(
      reasons(
        "Parmi les solutions figurent Ethercalc et Cryptpad, édité par la société XWiki fondée à Paris en 2004 [1].",
        listed,
      ),
    ).toBe("");
  });
  it("the aside's own reserved claim stated as fact is still flagged", () => {
    expect(reasons("Le mainteneur d'Ethercalc est installé à Lisbonne [1].", listed)).toContain(
      "sans le tenir pour établi",
    );
  });
  const figure =
    "Les chiffres de l'éditeur — Le parc\nL'éditeur revendique 40 000 postes installés (chiffre non confirmé par nos sources) dans les administrations européennes.";
  it("a figure qualified by the aside right after it is still flagged", () => {
    expect(
      reasons("L'éditeur compte 40 000 postes installés dans les administrations européennes [1].", figure),
    ).toContain("non confirm");
  });
});

describe("a nationality the passages do not give the name", () => {
  const american =
    "Les hyperviseurs — Les alternatives\nAttention : Scale Computing est une société américaine, dont le siège est à Indianapolis ; ce choix réduit la facture mais pas la dépendance extra-européenne.";
  it("« européenne » for an American company is flagged (Europe does not contain the United States)", () => {
    expect(reasons("Scale Computing est une société européenne, ce qui réduit la facture [1].", american)).toContain(
      "dit de « Scale Computing » « américaine », pas « européenne »",
    );
  });
  it("« américaine » as the passage says passes", () => {
    expect(reasons("Scale Computing est une société américaine, ce qui réduit la facture [1].", american)).toBe("");
  });
  const german =
    "Les suites collaboratives — Les éditeurs\nOpen-Xchange est un éditeur allemand de messagerie, dont le siège est à Cologne.";
  it("« européen » for a German company passes (Europe contains Germany)", () => {
    expect(reasons("Open-Xchange est un éditeur européen de messagerie [1].", german)).toBe("");
  });
  const card =
    "Produit : Webex — \nAlternatives : Element (remplacement direct, Royaume-Uni, libre AGPL-3.0) ; Tixeo (remplacement direct, France).";
  it("a country given in the aside after the name (a catalog card) counts: « suisse » is not the United Kingdom", () => {
    expect(reasons("Element, libre, est lui aussi d'origine suisse [1].", card)).toContain(
      "dit de « Element » « Royaume-Uni », pas « suisse »",
    );
  });
  const origin =
    "Framacalc : un tableur libre d'origine américaine — la nuance\nPlusieurs logiciels présentés comme des alternatives européennes sont en réalité contrôlés hors d'Europe.";
  it("a country named nowhere in the passage, given to a name after its apposition, is flagged", () => {
    expect(reasons("Framacalc, le tableur du collectif, est lui-même d'origine brésilienne [1].", origin)).toContain(
      "ne nomme pas ce pays",
    );
  });
});

describe("an earlier stage stated as done (« étudiées » → « proposées »)", () => {
  const studied =
    "Le portail citoyen — Comment il est construit\nDes fonctions de prise de rendez-vous et de paiement en ligne ont été étudiées par l'équipe du projet (dépôt du projet, 2025).";
  it("« sont déjà proposées à tous les habitants » is flagged", () => {
    expect(
      reasons(
        "Des fonctions de prise de rendez-vous et de paiement en ligne sont déjà proposées à tous les habitants [1].",
        studied,
      ),
    ).toContain("envisagé, pas comme acquis");
  });
  it("« ont été étudiées » as the passage says passes", () => {
    expect(
      reasons(
        "Des fonctions de prise de rendez-vous et de paiement en ligne ont été étudiées par l'équipe [1].",
        studied,
      ),
    ).toBe("");
  });
});

describe("what a passage rules out with « , non une … » stated as the aim", () => {
  const aim =
    "La stratégie du Land — L'annonce\nLe ton était donné : l'objectif affiché est une transition graduelle, non une bascule brutale vers Linux.";
  it("« l'objectif d'une bascule brutale » is flagged", () => {
    expect(reasons("Le Land fixait ainsi l'objectif d'une bascule brutale vers Linux [1].", aim)).toContain(CONTRARY);
  });
  it("« l'objectif d'une transition graduelle » passes", () => {
    expect(reasons("Le Land fixait ainsi l'objectif d'une transition graduelle vers Linux [1].", aim)).not.toContain(
      CONTRARY,
    );
  });
});

describe("a word and its contrary by prefix (« compatible » / « incompatible »), beyond the antonym list", () => {
  const compatible =
    "Les logiciels métier — Le constat\nLe logiciel de gestion des cimetières de la commune est compatible avec les postes sous Linux de la mairie.";
  it("« incompatible » against « compatible » is flagged", () => {
    expect(
      reasons(
        "Le logiciel de gestion des cimetières de la commune est incompatible avec les postes sous Linux de la mairie [1].",
        compatible,
      ),
    ).toContain(CONTRARY);
  });
  it("the same word passes", () => {
    expect(
      reasons(
        "Le logiciel de gestion des cimetières de la commune est compatible avec les postes sous Linux de la mairie [1].",
        compatible,
      ),
    ).toBe("");
  });
  const training =
    "La formation des agents — Le plan\nLa formation des agents de la médiathèque aux outils libres a commencé en septembre.";
  it("« information » is not the contrary of « formation »", () => {
    expect(
      reasons("L'information des agents de la médiathèque aux outils libres a commencé en septembre [1].", training),
    ).not.toContain(CONTRARY);
  });
});
