/**
 * Kinds of wrong sentences faithful-blind-23 still showed as verified (faithful50): a card's product said to be
 * replaced entirely when every alternative its card lists replaces it in part only (the alternative named by a pronoun),
 * and what the cited passage says no source gives (« aucun bilan … n'avait été publié », « … ne sont établis par
 * aucune source ») stated as known. Invented products, bodies and figures, not those of the set.
 */
import { describe, expect, it } from "vitest";
import { check, reasons, status } from "../helpers/verify.ts";

const CARD =
  "Produit : Acme Portail — \nAcme Portail (outils collaboratifs) : Intranet et sites d'équipe.\nÉditeur : Acme, États-Unis.\nAlternatives : Parvis (remplacement partiel, France, libre LGPL-3.0-only) ; Agorix (remplacement partiel, Allemagne, libre AGPL-3.0-or-later).";
const MIXED =
  "Produit : Acme Portail — \nAcme Portail (outils collaboratifs) : Intranet et sites d'équipe.\nÉditeur : Acme, États-Unis.\nAlternatives : Parvis (remplacement direct, France, libre LGPL-3.0-only) ; Agorix (remplacement partiel, Allemagne, libre AGPL-3.0-or-later).";

describe("a card's product said to be replaced entirely, its alternative unnamed", () => {
  it("flags « Il remplace totalement Portail » when every alternative of the card is a partial replacement", () => {
    expect(status("Il remplace totalement Portail [1].", CARD)).toBe("unsupported");
    expect(reasons("Il remplace totalement Portail [1].", CARD)).toMatch(/remplacement partiel/);
    expect(status("Il remplace entièrement Acme Portail [1].", CARD)).toBe("unsupported");
  });
  it("leaves a partial replacement, and a card that has a direct one, alone", () => {
    expect(status("Il remplace en partie Portail [1].", CARD)).toBe("supported");
    expect(status("Il remplace totalement Portail [1].", MIXED)).toBe("supported");
    expect(status("Aucune alternative ne remplace Acme Portail entièrement : toutes sont partielles [1].", CARD)).toBe(
      "supported",
    );
  });
});

describe("what the cited passage says no source gives, stated as known", () => {
  const RESULTS =
    "Office des eaux de Brenne : 900 agents passent à Corvix — Retour d'expérience\nRésultats connus\nEn mai 2026, le passage à Corvix venait d'être annoncé : aucun bilan d'usage, de coût ou de satisfaction des agents n'avait été publié.";
  const OWNER =
    "Un éditeur est-il européen ? — Guide\nLogiciels libres d'éditeurs lointains\nPlusieurs outils libres sont portés par des sociétés non européennes.\n- **Talvo** (outil de calcul) : logiciel libre sous licence MIT. L'entreprise qui le porte et son actionnariat ne sont établis par aucune source consultée pour ce corpus.";
  it("flags a satisfaction the passage says no published review gives", () => {
    expect(status("Les agents de l'Office se disent satisfaits de Corvix [1].", RESULTS)).toBe("unsupported");
    expect(reasons("Les agents de l'Office se disent satisfaits de Corvix [1].", RESULTS)).toMatch(
      /n'avait été publié/,
    );
    expect(status("Le passage à Corvix venait d'être annoncé en mai 2026 [1].", RESULTS)).toBe("supported");
  });
  it("flags an owner the passage says no source establishes", () => {
    expect(status("Talvo est porté par une entreprise canadienne [1].", OWNER)).toBe("unsupported");
    expect(status("Talvo est un logiciel libre sous licence MIT [1].", OWNER)).toBe("supported");
  });
  it("leaves « n'a été publié qu'en » (a restriction, not an unknown) alone", () => {
    const LATE =
      "Rapport Corvix — Guide\nPublication\nLe rapport d'évaluation de Corvix n'a été publié qu'en mars 2026, après le vote du budget.";
    expect(status("Le rapport d'évaluation de Corvix a été publié en mars 2026 [1].", LATE)).toBe("supported");
  });
});

describe("a peer's figure promised to the collectivité, the peer unnamed", () => {
  const PEER =
    "Autres collectivités — Lanvoux (Morbihan) : 90 % des postes sous Linux\nLanvoux, commune d'environ 4 000 habitants, fait fonctionner 90 % de son parc sous Linux. Un pilote a été mené, puis soixante postes ont été équipés, en interne, par trois agents aidés de stagiaires.";
  const REGION =
    "Région Bréval : quitter Teams (2026) — Région Bréval : le contexte, une hausse de 20 à 30 % chez Acme\nLa Région Bréval (5 départements, 3 millions d'habitants) s'était équipée d'Acme 365. Au renouvellement, elle s'est vu proposer des conditions en hausse de 20 à 30 %.";
  const VENDOR =
    "Hausses de prix — Acme : la hausse du 1er juillet 2026\nÀ partir du 1er juillet 2026, Acme augmente ses prix de 13 % à chaque renouvellement ; la facture de licences d'une collectivité grimpe donc cette année-là.";
  it("flags a peer's staff figure promised to the reader's commune in the future", () => {
    const claim = "Trois agents suffiront donc aussi à votre commune [1].";
    expect(status(claim, PEER)).toBe("unsupported");
    expect(reasons(claim, PEER)).toMatch(/Lanvoux/);
    expect(status("À Lanvoux, trois agents ont équipé soixante postes [1].", PEER)).toBe("supported");
  });
  it("flags a peer's price rise the collectivité of the document is told to expect", () => {
    const facts = ["Collectivité : Kermoal (Finistère, Bretagne), 3 200 habitants"];
    const claim = "Kermoal doit s'attendre à la même hausse de 20 à 30 % [1].";
    expect(check(claim, [REGION], facts).status).toBe("unsupported");
    expect(check("La Région Bréval s'est vu proposer une hausse de 20 à 30 % [1].", [REGION], facts).status).toBe(
      "supported",
    );
  });
  it("leaves a vendor's price rise applied to the collectivité alone", () => {
    const claim = "Au renouvellement, la facture de licences de votre commune augmentera de 13 % [1].";
    expect(status(claim, VENDOR)).toBe("supported");
  });
});

describe("a deadline the passage gives to another holder, given to the collectivité", () => {
  const STATE =
    "Fixer un objectif — Pourquoi un objectif chiffré\nLe gouvernement a demandé le 3 mars 2026 à chaque préfecture un plan de réduction formalisé d'ici le printemps 2027. Aucun chiffre n'est imposé aux collectivités : le niveau d'ambition relève d'un choix politique.";
  const facts = ["Collectivité : Kermoal (Finistère, Bretagne), 3 200 habitants"];
  it("flags the collectivité of the document given the prefectures' deadline", () => {
    const claim = "Kermoal devra elle aussi présenter un plan de réduction d'ici le printemps 2027 [1].";
    expect(check(claim, [STATE], facts).status).toBe("unsupported");
    expect(check(claim, [STATE], facts).reasons.join(" ")).toMatch(/préfecture/);
  });
  it("reads the holder of a list item after its dash", () => {
    const PLAN =
      "Fixer un objectif — Pourquoi un objectif chiffré\nLe gouvernement a suivi la même logique en demandant à chaque préfecture un plan de réduction formalisé d'ici le printemps 2027.\n\nAucun chiffre n'est imposé aux collectivités : le niveau d'ambition relève d'un choix politique.";
    const claim = "- Kermoal devra elle aussi présenter un plan de réduction d'ici le printemps 2027 [1].";
    expect(check(claim.slice(2), [PLAN], facts).status).toBe("unsupported");
    expect(check(claim, [PLAN], facts).status).toBe("unsupported");
    expect(check("1. Kermoal devra elle aussi présenter un plan de réduction [1].", [PLAN], facts).status).toBe(
      "unsupported",
    );
  });
  it("leaves the holder's own deadline alone", () => {
    const claim = "Chaque préfecture doit formaliser un plan de réduction d'ici le printemps 2027 [1].";
    expect(check(claim, [STATE], facts).status).toBe("supported");
  });
});

describe("a short passive sentence is a claim", () => {
  const ESTIMATE =
    "Land de Hesse — les économies annoncées\nLe ministère a indiqué qu'il paierait en 2026 plus de 8 millions d'euros de licences en moins. Il s'agit d'une estimation du ministère lui-même, non d'un bilan certifié.";
  it("checks « Ce bilan a été certifié » against the passage that rules it out", () => {
    expect(status("Ce bilan a été certifié [1].", ESTIMATE)).toBe("unsupported");
    expect(status("Ce montant a été estimé par le ministère [1].", ESTIMATE)).toBe("supported");
  });
  it("leaves sentences without a passive act as they were", () => {
    expect(status("C'est à nuancer [1].", ESTIMATE)).toBe("no-claim");
  });
});

describe("a maker's name written with a final apostrophe", () => {
  const CARD =
    "Alternative : Parcix (2026-11) — \nParcix (autres) : logiciel libre sous licence GPL-3.0-or-later, publié par Datalib' (France). Maturité : mature.\nHébergement : à installer sur ses propres serveurs, en ligne chez un hébergeur européen.\nGestion de parc et centre de services ; éditeur Datalib' (France).";
  it("reads the country in the aside after « Datalib' » as the maker's", () => {
    expect(status("Parcix est édité par Datalib', une entreprise belge [1].", CARD)).toBe("unsupported");
    expect(status("Parcix est édité par Datalib', une entreprise française [1].", CARD)).toBe("supported");
  });
});
