/**
 * Answerable questions refused (held-out-26 catalogue questions in everyday words, own commune; trial19 M2, M3),
 * repaired by general readings: a catalog card that says what its product is for with the question's words, a purpose
 * closing a specific request, a card naming the kind of product asked as one phrase, an infinitive opening the
 * question, a weekday that dates no event, the asker's own verb and the length of the answer asked, the asker's commune
 * before their own question. On the real corpus, with the unanswerable questions these readings must not let through.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retrieveForAnswer } from "../../server/answers/answer.ts";
import type { Engine } from "../../server/engine.ts";
import { answerKindWords } from "../../server/retrieval/answer-kind.ts";
import { closingPurpose, outsideContext } from "../../server/retrieval/asker/index.ts";
import { ownCommune } from "../../server/retrieval/own-commune.ts";
import { questionTerms } from "../../server/retrieval/question-terms.ts";
import { realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-refusals-r23-");
}, 120_000);
afterAll(async () => real?.close());
const decide = async (q: string) => (await retrieveForAnswer([{ role: "user", content: q }], real.engine)).decision;
const words = (q: string) => questionTerms(q).map((t) => t.word);

describe("how a question is read", () => {
  it("reads a purpose closing a specific request typed as a search as the asker's use, nowhere else", () => {
    const purpose = (q: string) => {
      const span = closingPurpose(q);
      return span ? q.slice(...span) : null;
    };
    expect(purpose("logiciel 3d libre pour une maquette du futur gymnase")).toBe("pour une maquette du futur gymnase");
    expect(outsideContext("logiciel 3d libre pour une maquette du futur gymnase")).toContain("gymnase");
    expect(purpose("logiciel pour l'accueil de loisirs et la garderie du mercredi")).toBeNull();
    expect(purpose("Quel ordinateur portable acheter pour mon fils qui entre au lycée ?")).toBeNull();
    expect(purpose("un permis de construire pour une maison individuelle")).toBe("pour une maison individuelle");
    expect(purpose("des documents chiffres pour une commune")).toBeNull();
  });

  it("reads a weekday as a date only where it dates what is asked", () => {
    expect(words("logiciel pour la garderie du mercredi")).not.toContain("mercredi");
    expect(words("le conseil vote jeudi je dis quoi en 3 phrases")).not.toContain("jeudi");
    expect(
      questionTerms("Pourquoi le cloud est-il plus lourd le jeudi ?").find((t) => t.word === "jeudi"),
    ).toMatchObject({ date: true });
  });

  it("reads an infinitive opening the question, the asker's verb and the length asked as how it asks", () => {
    expect(questionTerms("ouvrir des fichiers dwg sans autocad").find((t) => t.word === "ouvrir")).toMatchObject({
      modifier: true,
    });
    expect(answerKindWords("le conseil vote jeudi je dis quoi en 3 phrases")).toContain("phrases");
    expect(answerKindWords("quelles phrases de la loi disent ça")).not.toContain("phrases");
  });

  it("reads the asker's commune before their own question, not a fact asked of it", () => {
    expect(ownCommune("mes agents a la mairie de vallorgues pourraient ils ouvrir un compte sur tchap")?.town).toBe(
      "vallorgues",
    );
    expect(ownCommune("on a 14 postes sous windows 10 a la mairie de vaudrenay on fait quoi")?.town).toBe("vaudrenay");
    expect(ownCommune("la mairie de vaudrenay utilise tchap")).toBeNull();
  });
});

describe("answerable questions in everyday words", () => {
  it("answers a catalogue request from the card that says what its product is for", async () => {
    for (const q of [
      "logiciel 3d libre pour une maquette du futur gymnase",
      "teletransmission des actes a la prefecture, tiers de teletransmission",
      "ouvrir des fichiers dwg sans autocad, editeur francais",
      "logiciel pour l'accueil de loisirs et la garderie du mercredi",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });

  it("answers the asker's commune's general question and the council's questions", async () => {
    for (const q of [
      "mes agents a la mairie de vallorgues pourraient ils ouvrir un compte sur la messagerie tchap",
      "on a 14 postes sous windows 10 a la mairie de vaudrenay on fait quoi",
      "un conseiller dit que linux c est pas securise je reponds quoi",
      "le conseil vote jeudi je dis quoi en 3 phrases",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });

  it("still refuses the life of the commune, a fact of the town and what the corpus does not say", async () => {
    for (const q of [
      "quel est le budget informatique de vaudrenay",
      "Comment modifier le PLU pour construire un lotissement ?",
      "quelle procedure pour modifier le plu pour un lotissement",
      "on peut se pacser a la mairie le samedi ?",
      "la mairie de vaudrenay utilise-t-elle tchap ?",
      "Quel est le délai d'instruction d'un permis de construire pour une maison individuelle ?",
      "Quel ordinateur portable acheter pour mon fils qui entre au lycée ?",
      "Le Stormshield SN3100 suffit pour une commune de 10 000 habitants ?",
      "Pourquoi le SILL ronronne-t-il quand on caresse Zimbra ?",
      "Comment devenir famille d'accueil pour le département ?",
      "un logiciel libre pour les mains courantes de la police municipale",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false });
  });
});
