/**
 * Facts only the asker's own collectivité knows, in the forms held-out-24 found unread (h24-u-nous-*): a person of
 * it, the date or fate of one of its acts, which provider or which act it is, one of its counts. The answer says the
 * corpus cannot give it (`notGiven`), with or without a model; general questions asked with « nous » keep their
 * answer. Other words and places than the set's.
 */
import { describe, expect, it } from "vitest";
import { notGiven } from "../../server/answers/brief.ts";
import { ownRecordAsked } from "../../server/answers/own-record.ts";
import { message } from "../../server/i18n/messages.ts";
import { askedFor } from "../../server/retrieval/rank.ts";

const passages = [
  "À Munich, le conseil municipal a voté en novembre 2017 le retour à Windows.",
  "La Formation des agents de Boé a duré deux jours ; son prestataire est une entreprise locale.",
  "Le Schleswig-Holstein a migré plus de 40 000 boîtes depuis Exchange/Outlook vers Open-Xchange.",
  "L'ADULLACT a été fondée en 2002 ; Nos PC de démonstration tournent sous Linux.",
];
const record = message("answer.notGiven.ownRecord");
const own = message("answer.notGiven.own");
const installed = message("answer.notGiven.ownInstalled");
const said = (q: string) => notGiven(q, passages, askedFor(q));

describe("a fact of the asker's own collectivité in a form the own-fact lists did not read", () => {
  it("a person of it (« comment s'appelle … de notre mairie », « qui est … dans ma commune »)", () => {
    for (const q of [
      "comment s'appelle la secrétaire de mairie de notre commune",
      "c'est qui le dpo de ma mairie déjà",
      "qui est le référent numérique chez nous",
    ])
      expect(said(q), q).toBe(record);
  });

  it("the date or fate of one of its acts, in the first person or not", () => {
    for (const q of [
      "on a voté le plan de sobriété numérique quand",
      "est ce que nous avons adhéré à l'adullact, je ne sais plus",
      "on adhère au syndicat informatique du département ou pas",
      "quel niveau on avait obtenu au label l'an dernier",
      "notre intercommunalité a-t-elle voté un schéma directeur du numérique",
      "notre contrat de maintenance a été renouvelé ou pas",
      "les serveurs de nos deux médiathèques ont été achetés en quelle année",
      "notre abonnement à l'antivirus arrive à échéance quand",
      "le site de notre mairie est hébergé par qui",
    ])
      expect(said(q), q).toBe(record);
  });

  it("which of its providers or acts it is (« c'est lequel déjà », « le numéro de … chez nous »)", () => {
    for (const q of [
      "notre hébergeur de messagerie c'est lequel déjà",
      "le numéro de la délibération sur le RGPD chez nous",
    ])
      expect(said(q), q).toBe(record);
  });

  it("one of its counts (« combien de nos », « sur nos 80 pc combien », « notre asso », what it pays now)", () => {
    for (const q of [
      "combien de nos secrétaires de mairie utilisent déjà Thunderbird",
      "sur nos 80 pc combien tournent encore sous windows 10",
      "combien de bénévoles compte notre association",
      "combien on paie actuellement pour la visio",
      "le montant inscrit au budget pour les licences cette année, tu l'as ?",
      "combien nous coûterait exactement le passage de nos 60 postes à LibreOffice",
    ])
      expect(said(q), q).toBe(own);
  });

  it("what is installed there, written in the feminine (« quelle version on a installée chez nous »)", () => {
    expect(said("quelle version de firefox on a installée chez nous")).toBe(installed);
  });

  it("keeps general questions asked with « nous », and facts of other bodies", () => {
    for (const q of [
      "une fois qu'on a adopté un logiciel libre, on le déclare où ?",
      "petite commune, qui est notre premier interlocuteur informatique ?",
      "stormshield que notre prestataire nous propose, c'est une filiale d'airbus ou pas",
      "nos bornes wifi unifi c'est de chez qui",
      "le conseil de Munich a voté quand ?",
      "notre commune peut-elle adopter une charte du libre ?",
      "quand notre commune doit-elle appliquer NIS2 ?",
      "on peut déployer Sécurix sur nos 150 postes dès maintenant ?",
      "combien on paie une licence Zoom ?",
      "Notre logiciel de paie va-t-il passer sous contrôle américain ?",
      "pour l'historique dans notre délibération, l'adullact a été fondée en quelle année",
      "health data hub : on a annoncé sa sortie de microsoft quand exactement ?",
      "Nos PC achetés en grande surface ont Norton préinstallé : quel groupe est derrière, et a-t-il avalé Avast ?",
      "Nos serveurs sont hébergés chez nous : jusqu'à quand le support de Windows Server 2016 ?",
      "Qu'est-ce que je dois vérifier dans le contrat de notre messagerie hébergée ?",
      "une grande ville de chez nous est revenue à Windows comme Munich, laquelle déjà",
      "Notre portail de données est sur ArcGIS Hub, hébergé par qui ?",
      "notre association voudrait écrire au maire comme Linux Quimper, est-ce que leur courrier citait des chiffres ?",
    ]) {
      expect(ownRecordAsked(q), q).toBe(false);
      expect([record, own, installed], q).not.toContain(said(q));
    }
  });
});
