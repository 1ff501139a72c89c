/**
 * Wrong decisions of the burned held-out-23 set (test/eval/README.md « Trente-quatrième série »), fixed by kind: each
 * kind on other products, towns, figures and words than the set's questions, on the real corpus (what a user gets).
 * Each question but the guards is decided the other way on main before the series.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retrieveForAnswer } from "../../server/answers/answer.ts";
import type { Engine } from "../../server/engine.ts";
import { realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-held-out-23-");
}, 120_000);
afterAll(async () => real?.close());
const decide = async (q: string) => (await retrieveForAnswer([{ role: "user", content: q }], real.engine)).decision;

describe("the asker's own figures", () => {
  it("reads a number after the asker's verb as what they count, not a version (« on paie 25 », « on renouvelle 45 »)", async () => {
    for (const q of [
      "on paie 25 licences microsoft 365 e3, la hausse de 2026 c'est combien ?",
      "on renouvelle 45 postes cette annee, c'est le moment de passer a linux ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });

  it("still reads a number right after a product typed in lower case as its version", async () => {
    expect(await decide("debian 14 sort quand ?")).toMatchObject({ answerable: false, missing: ["debian 14"] });
  });

  it("reads a population after « avec » as the asker's size, not a word the corpus lacks", async () => {
    expect(await decide("le label tnl on peut l avoir avec 3000 habitants")).toMatchObject({ answerable: true });
  });
});

describe("a ligature typed as two letters", () => {
  it("finds « cœur » of the corpus for « coeur » of the question", async () => {
    expect(await decide("VMware impose combien de coeurs au minimum ?")).toMatchObject({ answerable: true });
  });
});

describe("a catalog card named in lower case, asked about in everyday words", () => {
  it("lets « c'est fini ? on doit aller où ? » count only where the card holds them", async () => {
    expect(await decide("confluence server c'est fini ? on doit aller ou ?")).toMatchObject({ answerable: true });
  });

  it("reads « jamais » as the negation, not a topic the corpus lacks", async () => {
    expect(await decide("La CANUT a-t-elle jamais signé avec Microsoft ?")).toMatchObject({ answerable: true });
  });
});

describe("a figure asked with something else, or given as an order of magnitude", () => {
  it("answers « combien de livrables, lesquels ? » by the list", async () => {
    expect(await decide("l'étude des dépendances rend combien de livrables, lesquels ?")).toMatchObject({
      answerable: true,
    });
  });

  it("answers « combien de participants » by « quelques dizaines de participants »", async () => {
    expect(await decide("une visio jitsi meet supporte combien de participants ?")).toMatchObject({
      answerable: true,
    });
  });

  it("answers « combien d'exigences » by « 1 200 points de contrôle »", async () => {
    expect(await decide("l'audit secnumcloud porte sur combien d'exigences ?")).toMatchObject({ answerable: true });
  });
});

describe("everyday words for what the corpus writes otherwise", () => {
  it("reads « newsletter » as « lettres d'information »", async () => {
    expect(await decide("sendinblue pour envoyer la newsletter de la mairie, c'est francais ?")).toMatchObject({
      answerable: true,
    });
  });

  it("reads « mensualités » as « mensuellement »", async () => {
    expect(await decide("un abonnement Microsoft en mensualités coûte combien de plus ?")).toMatchObject({
      answerable: true,
    });
  });
});

describe("a figure whose existence is asked", () => {
  it("reads « il y a un pourcentage … ? », « y a-t-il un pourcentage … ? » as asking a figure, not a topic", async () => {
    for (const q of [
      "Il y a un pourcentage de réduction fixé par l'État aux départements ?",
      "y a-t-il un pourcentage de réduction imposé par l'État ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });
});

describe("a role noun opening the question", () => {
  it("reads « le préfet peut-il … » as someone's function, not an unknown name", async () => {
    expect(await decide("le préfet peut-il obliger la commune à quitter Microsoft ?")).toMatchObject({
      answerable: true,
    });
  });

  it("still reads an unknown word after « la » before a verb as a name (« la zorbanie peut-elle … »)", async () => {
    expect(await decide("la zorbanie peut-elle quitter Microsoft ?")).toMatchObject({ answerable: false });
  });
});

describe("a lower-case word opening the question, what it is about", () => {
  it("abstains on a product the corpus never uses before « pour », « comme »", async () => {
    for (const q of [
      "frappebooks pour la compta de la mairie, c'est libre ?",
      "nocodb comme alternative a airtable, c'est maintenu ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false, reason: "unknown-name" });
  });

  it("abstains on a town the corpus never uses before « stocke »", async () => {
    expect(await decide("castelnaudary stocke ses donnees chez quel hebergeur ?")).toMatchObject({
      answerable: false,
      reason: "unknown-name",
    });
  });

  it("answers on a product the corpus writes (« nextcloud pour … », « grommunio comme … »)", async () => {
    for (const q of ["nextcloud pour remplacer sharepoint ?", "grommunio comme alternative a exchange ?"])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });
});
