/**
 * A value of the asker's own thing (held-out-25 h25-u-nous-*): one general test — a thing of the asker's own and a value
 * asked in one clause, no word of advice, no thing named — instead of another list of wordings. The answer says the
 * corpus cannot give it (`notGiven`); general questions asked with « nous » and values of named things keep their
 * answer. Other words than the set's.
 */
import { describe, expect, it } from "vitest";
import { notGiven } from "../../server/answers/brief.ts";
import { ownValueAsked } from "../../server/answers/own-value.ts";
import { message } from "../../server/i18n/messages.ts";
import { askedFor } from "../../server/retrieval/rank.ts";

const passages = [
  "Le délégué à la protection des données (DPO) est souvent mutualisé avec le centre de gestion ou un syndicat.",
  "Le Réseau des collectivités et l'ADULLACT accompagnent les communes ; Zyxel fabrique des pare-feu à Taïwan.",
  "La forge de l'ADULLACT existe depuis 2003. Les serveurs de la ville de Lyon sont hébergés dans ses locaux.",
];
const record = message("answer.notGiven.ownRecord");
const said = (q: string) => notGiven(q, passages, askedFor(q));

describe("a value of the asker's own thing", () => {
  it("of the collectivité said with the definite article (« … de la mairie », « la commune a … »)", () => {
    for (const q of [
      "qui est le référent RGPD de la mairie en ce moment",
      "l'hébergeur du site de la commune, il s'appelle comment",
      "la commune a rejoint le syndicat informatique depuis quand",
      "le marché de téléphonie de la ville se termine quand",
      "notre contrat Microsoft se termine quand exactement",
    ]) {
      expect(ownValueAsked(q, passages), q).toBe(true);
      expect(said(q), q).toBe(record);
    }
  });

  it("of a thing said with « notre », « nos », « chez nous », or what the asker has (« on a », « on l'a »)", () => {
    for (const q of [
      "notre photocopieur c'est quelle marque déjà",
      "nos sauvegardes partent où exactement",
      "notre secrétaire de mairie, elle est à mi-temps avec qui",
      "le logiciel de paie qu'on utilise chez nous, c'est lequel",
      "on a combien de tablettes pour les élus",
      "le règlement informatique, on l'a adopté à quel conseil",
      // Which thing is (« quel … » with no infinitive nor « pour » after it), what the thing holds (« … quoi »), the
      // asker's past act on a thing, a count of what the asker has whatever name qualifies it.
      "nos copieurs du rez-de-chaussée ont quel âge",
      "quel tableur est installé sur nos portables",
      "notre contrat de maintenance prévoit quoi pour les week-ends",
      "la charte qu'on a adoptée sur la messagerie en 2023 disait quoi",
      "on a combien de licences Zyxel au service technique",
    ])
      expect(ownValueAsked(q, passages), q).toBe(true);
  });

  it("whose word the passages capitalise only inside a longer name (« Proton Mail »), not a name of its own", () => {
    const named = ["Proton Mail chiffre les messages.", "Zyxel fabrique des pare-feu."];
    expect(ownValueAsked("les adresses mail des élus de la commune sont hébergées où", named)).toBe(true);
    expect(ownValueAsked("zyxel le constructeur de nos pare-feu il est de quel pays", named)).toBe(false);
  });

  it("not advice, a general question, another's thing, or a named thing's value", () => {
    for (const q of [
      "qui peut nous aider à faire l'inventaire",
      "petite commune, qui est notre premier interlocuteur informatique ?",
      "on s'adresse à qui pour la cybersécurité",
      "Zyxel, le constructeur de nos pare-feu, il est de quel pays ?",
      "SurveyMonkey pour nos sondages, c'est quel genre d'outil ?",
      "la ville iséroise labellisée en 2025, c'est qui qui pilote le numérique ?",
      "le groupe qui a racheté notre hyperviseur, il l'a payé combien ?",
      "le réseau social où on publie nos offres d'emploi, il appartient à quel groupe ?",
      "notre prestataire cloud, c'est un sous-traitant au sens de quel article ?",
      "la forge de l'ADULLACT existe depuis quand, pour notre délibération",
      "la sortie de microsoft a lyon, ça touche combien d'ordinateurs de la ville ?",
      "à partir de quand un hébergeur n'a plus le droit de nous facturer notre départ",
      "le collectif qui nous a écrit, il existe depuis combien de temps ?",
      "quel cms libre pour le site de la commune",
      "de combien notre abonnement Microsoft va-t-il augmenter en juillet",
      "on est une petite commune, par où commencer",
      "quel tableur libre pour organiser nos plannings",
      "quelle notation utiliser pour nos dépendances",
      "zorbex sert à quoi dans notre inventaire",
      "nos scripts, on en fait quoi",
      "quelle part de notre numérique vient d'ailleurs, selon le consortium",
    ])
      expect(ownValueAsked(q, passages), q).toBe(false);
  });
  // held-out-30, tuned on h30-u-nous-routeur after the untuned half's figure (0/4).
  it("of a place of the collectivité said with the definite article (« … installé à la médiathèque »)", () => {
    for (const q of [
      "quel photocopieur est installé à la bibliothèque",
      "quel logiciel de réservation tourne à la piscine",
    ])
      expect(ownValueAsked(q, passages), q).toBe(true);
    for (const q of [
      "quel logiciel libre pour gérer la bibliothèque",
      "quel logiciel installer à la médiathèque",
      "quel logiciel utilise la bibliothèque de Lyon",
    ])
      expect(ownValueAsked(q, passages), q).toBe(false);
  });
});
