/**
 * Unanswerable questions of the burned held-out-30 set answered on main (premises31): a country typed in lower case
 * as the subject of the question (« l'… », a compound name), answered through the card of a product of that country;
 * a town the corpus never writes, subject after « est-ce que » or « qu'a … »; a premise after a context clause ended by
 * a colon or followed by « est-ce … », « qu'est-ce que … »; the cause asked of an event the corpus does not tell.
 * Each form on other places, products and words than the set's questions, on the real corpus; guards are answered
 * before and after.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retrieveForAnswer } from "../../server/answers/answer.ts";
import type { Engine } from "../../server/engine.ts";
import { realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-held-out-30-premises-");
}, 120_000);
afterAll(async () => real?.close());
const decide = async (q: string) => (await retrieveForAnswer([{ role: "user", content: q }], real.engine)).decision;

describe("a country, a town typed in lower case as the subject of the question", () => {
  it("abstains on a country after « l' » that only the card of one of its products names", async () => {
    expect(await decide("l'italie a un équivalent de secnumcloud ?")).toMatchObject({ answerable: false });
  });

  it("abstains on a town the corpus never writes, after « est-ce que » or « qu'a … »", async () => {
    for (const q of [
      "est-ce que perpignan a voté une délibération pour le logiciel libre",
      "qu'a décidé angers sur le logiciel libre en 2024",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false, reason: "unknown-name" });
  });

  it("reads the subject of a question reported after « je me demande », « … demandait »", async () => {
    for (const q of [
      "en préparant le budget, je me demande la roumanie utilise-t-elle une messagerie de l'état comme tchap",
      "en commission quelqu'un demandait la hongrie a quitté microsoft dans ses ministères ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false });
  });

  // Known, left at the round-27 merge: with refusals31's reading of a reported question (`reportedAsk`), this one is
  // answered again (premises31 alone abstained, names-apart « italie »). Fails on purpose until fixed: when it
  // abstains, move it back into the test above.
  it("reads the subject after « quelqu'un demandait » when the country is the card's", async () => {
    const q = "au conseil quelqu'un demandait l'italie a un équivalent de secnumcloud ?";
    expect(await decide(q), q).toMatchObject({ answerable: false });
  });

  it("abstains on the région Sud (Provence-Alpes-Côte d'Azur's own name) that no passage read writes", async () => {
    for (const q of ["la région sud utilise quel outil de visio", "la région sud a-t-elle quitté microsoft ?"])
      expect(await decide(q), q).toMatchObject({ answerable: false, reason: "missing-name" });
  });

  it("still answers a country or a town the corpus speaks of", async () => {
    for (const q of [
      "on se demande le danemark a-t-il quitté microsoft",
      "est-ce que lyon a quitté microsoft",
      "qu'a décidé munich en 2017",
      "l'allemagne a un équivalent du sill ?",
      "le danemark a-t-il abandonné microsoft dans ses ministères",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });
});

describe("an event the question takes as given", () => {
  it("abstains on a premise followed by « est-ce … », « qu'est-ce que … », or whose cause is asked", async () => {
    for (const q of [
      "owncloud a été racheté par oracle, est-ce encore européen",
      "la cnil a été rattachée au ministère de la justice, qu'est-ce que ça change",
      "pourquoi grist est-il devenu payant pour les communes",
      "nextcloud a arrêté talk, on passe à quoi ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false, reason: "low-coverage" });
  });

  it("still answers the cause of an abandonment or a stop the corpus tells in other words", async () => {
    for (const q of [
      "pourquoi nancy a arrêté le logiciel libre",
      "pourquoi la région occitanie a abandonné office 365",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });
});

describe("a local mandate a named person still holds (held-out-30 per-maes-mandat)", () => {
  it("abstains: the corpus tells the person's role at the date of its sources, not what became of it", async () => {
    for (const q of [
      "nicolas vivant est-il toujours élu à échirolles ?",
      "nicolas vivant est-il toujours adjoint à échirolles après les municipales ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false, reason: "personal" });
  });
});

describe("a noun after its elided article, after « qu'a … » (held-out-8 h8-a-april-republique-numerique)", () => {
  it("is no town typed in lower case", async () => {
    expect(
      await decide(
        "Qu'a pensé l'association de défense du logiciel libre de l'article sur le libre dans la loi Lemaire ?",
      ),
    ).toMatchObject({ answerable: true });
  });
});
