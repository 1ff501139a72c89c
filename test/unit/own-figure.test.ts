/**
 * A figure of the asker's own collectivité (trial15 A18): « combien de postes on a à la mairie » is not answered by
 * another body's figure; the answer says first that the corpus cannot know it, and points to the inventory import.
 * Other words and places than the trial's.
 */
import { describe, expect, it } from "vitest";
import { notGiven } from "../../server/answers/brief.ts";
import { message } from "../../server/i18n/messages.ts";
import { askedFor } from "../../server/retrieval/rank.ts";
import { outcomeOf } from "../eval/evaluate.ts";

const excerpts = [
  "La ville de Grenoble a migré 1 200 postes vers Linux entre 2019 et 2023.",
  "La Région Occitanie compte 4 000 agents, dont 900 passés à la messagerie libre.",
];
const own = message("answer.notGiven.own");

describe("a figure question about the asker's own collectivité", () => {
  it("is told the corpus cannot know it, in the first person too (« on a », « nous avons », « notre parc »)", () => {
    for (const q of [
      "combien d'ordinateurs on a au service urbanisme",
      "combien on en a, des abonnements Adobe ?",
      "nous avons combien de serveurs sous Windows ?",
      "combien de logiciels dans notre parc",
      "ma mairie paie combien de licences par an",
    ])
      expect(notGiven(q, excerpts, ["quantity"]), q).toBe(own);
    expect(own).toContain("Cartographie des dépendances");
  });

  it("still reads a named body's figure (« combien de postes a Grenoble », « combien d'agents on a vus à l'Occitanie »)", () => {
    expect(notGiven("combien de postes a Grenoble", excerpts, ["quantity"])).toBeNull();
    expect(
      notGiven("combien d'agents on a vus passer à la messagerie en Occitanie", excerpts, ["quantity"]),
    ).toBeNull();
    expect(notGiven("on a combien de temps avant la fin de Windows 10", excerpts, ["date"])).toBeNull();
    expect(notGiven("combien on a économisé à grenoble avec linux", excerpts, ["quantity"])).toBeNull();
  });

  it("is not a general figure asked with « nos » (« de combien la facture de nos abonnements va grimper »)", () => {
    expect(
      notGiven("De combien la facture de nos abonnements Adobe va-t-elle grimper ?", excerpts, ["quantity"]),
    ).toBeNull();
    expect(notGiven("combien on paie de plus pour Adobe cette année", excerpts, ["quantity"])).toBeNull();
  });

  it("is not a duration (the same for all) nor another body's figure asked after « chez nous »", () => {
    expect(
      notGiven("Grenoble a mis combien de temps à migrer ? un conseil pour nous ?", excerpts, ["quantity"]),
    ).toBeNull();
    expect(
      notGiven("Chez nous on change de messagerie ; l'Occitanie, elle, en compte combien ?", excerpts, ["quantity"]),
    ).toBeNull();
    expect(notGiven("combien on dépense en licences Linux chez nous ?", excerpts, ["quantity"])).toBe(own);
    expect(
      notGiven("Quel logiciel libre pour le budget participatif de notre ville ?", excerpts, ["quantity"]),
    ).toBeNull();
    expect(notGiven("un abonnement Adobe pour nos agents, ça coûte combien ?", excerpts, ["quantity"])).toBeNull();
  });
});

describe("a fact of the asker's own collectivité beyond a figure (held-out-23 h23-u-nous-*)", () => {
  const record = message("answer.notGiven.ownRecord");
  const installed = message("answer.notGiven.ownInstalled");
  const passages = [
    "À Munich, le conseil municipal a voté en novembre 2017 le retour à Windows.",
    "La commune de Boé a divisé par quatre sa maintenance ; son prestataire est une entreprise locale.",
    "Le Schleswig-Holstein a migré plus de 40 000 boîtes depuis Exchange/Outlook. Antivirus : ESET PROTECT.",
  ];

  it("says its acts (dates, votes, contracts, providers) are in its own délibérations and contracts", () => {
    for (const q of [
      "notre délibération sur la sobriété numérique date de quand ?",
      "c'est qui le titulaire de notre marché de téléphonie ?",
      "Nos contrats Adobe finissent quelle année ?",
      "qui est notre fournisseur de copieurs ?",
    ])
      expect(notGiven(q, passages, []), q).toBe(record);
    expect(record).toContain("délibérations");
    expect(record).toContain("contrats");
  });

  it("says what is installed or hosted there is in its inventory", () => {
    for (const q of [
      "dans notre glpi, quelle version de firefox tourne à la médiathèque ?",
      "on héberge combien de sites web sur nos serveurs ?",
      "il nous reste combien d'imprimantes HP ?",
    ])
      expect(notGiven(q, passages, []), q).toBe(installed);
    expect(installed).toContain("Cartographie des dépendances");
  });

  it("keeps the normal answer of a general question asked with « nous », or a fact it gives itself", () => {
    for (const q of [
      "on est obligés de passer à Visio ?",
      "par où on commence ?",
      "il nous reste combien de temps avant la fin de Windows 10 ?",
      "notre contrat Microsoft se renouvelle en mars 2027, la hausse nous touche ?",
      "comment éviter que la prochaine équipe détricote notre délibération ?",
      "le conseil de Munich a voté quand, et notre conseil ?",
      "qui est le prestataire de Boé ?",
      "de combien la facture de nos contrats Oracle va grimper ?",
      "notre prestataire de messagerie, c'est un sous-traitant au sens de quel article ?",
      "Quelles clauses prévoir dans notre marché de téléphonie pour pouvoir en sortir ?",
      "Il nous reste un serveur Exchange 2013 : son support a pris fin quand ?",
      "Quelle méthode pour classer les logiciels de notre inventaire ?",
    ])
      expect(notGiven(q, passages, askedFor(q)), q).toBeNull();
  });

  it("is counted by the eval as abstained on a question without answer (a wrong refusal on one with)", () => {
    const retrieved = (answerable: boolean) =>
      ({
        decision: { answerable },
        relevant: passages.map((text) => ({ text })),
        partial: null,
      }) as unknown as Parameters<typeof outcomeOf>[1];
    expect(outcomeOf("qui est notre fournisseur de copieurs ?", retrieved(true))).toEqual({
      abstained: true,
      partial: false,
      own: true,
    });
    expect(outcomeOf("qui est le prestataire de Boé ?", retrieved(true))).toEqual({
      abstained: false,
      partial: false,
      own: false,
    });
    expect(outcomeOf("qui est notre fournisseur de copieurs ?", retrieved(false)).own).toBe(false);
  });
});
