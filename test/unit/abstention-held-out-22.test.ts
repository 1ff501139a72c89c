/**
 * Wrong decisions of the burned held-out-22 set (test/eval/README.md « Trente-troisième série »), fixed by kind: each
 * kind on other people, towns, products and words than the set's questions, on the real corpus (what a user gets).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retrieveForAnswer } from "../../server/answers/answer.ts";
import type { Engine } from "../../server/engine.ts";
import { realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-held-out-22-");
}, 120_000);
afterAll(async () => real?.close());
const decide = async (q: string) => (await retrieveForAnswer([{ role: "user", content: q }], real.engine)).decision;

describe("a verb right after a collectivité's noun", () => {
  it("reads « la mairie jure de … » as what the mairie says, not as a town named « jure »", async () => {
    const q = "La charte de ma mairie jure de privilégier les formats ouverts : c'est la loi qui l'oblige ?";
    expect(await decide(q)).toMatchObject({ answerable: true });
  });

  it("still reads a name the corpus never uses after the noun (« la région zorbanie ») as unknown", async () => {
    expect(await decide("la region zorbanie utilise nextcloud ?")).toMatchObject({
      answerable: false,
      reason: "unknown-name",
    });
  });
});

describe("a lower-case name opening the question, subject of its verb", () => {
  it("abstains on a product or a town the corpus never uses before « peut », « suit »", async () => {
    for (const q of [
      "frappecrm peut remplacer salesforce pour la relation usagers ?",
      "innsbruck suit l'exemple de munich ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false, reason: "unknown-name" });
  });

  it("abstains on a compound town the corpus never writes whole, though it uses each word (« saint-pierre-des-corps »)", async () => {
    expect(await decide("saint-pierre-des-corps a migre ses postes sous linux ?")).toMatchObject({
      answerable: false,
      reason: "unknown-name",
      missing: ["saint-pierre-des-corps"],
    });
  });

  it("answers on a product or a compound the corpus writes", async () => {
    for (const q of [
      "nextcloud peut remplacer sharepoint ?",
      "schleswig-holstein a migre ses postes vers quoi ?",
      "est-il vrai que la gendarmerie a migre ses postes sous linux ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });
});

describe("a name written as an internet domain", () => {
  it("abstains when the corpus never writes the domain, whatever it writes of its parts", async () => {
    expect(await decide("tresorit.com est soumis au cloud act ?")).toMatchObject({
      answerable: false,
      reason: "unknown-name",
    });
    expect(await decide("Zoho.com pour la messagerie de la mairie, c'est hébergé aux États-Unis ?")).toMatchObject({
      answerable: false,
      reason: "unknown-name",
    });
  });

  it("answers on a domain the corpus writes (« code.gouv.fr »)", async () => {
    expect(await decide("code.gouv.fr c'est quoi exactement ?")).toMatchObject({ answerable: true });
  });
});

describe("ordinary words the corpus writes in another form", () => {
  it("reads a verb in the third person plural as the word the corpus writes in the singular", async () => {
    expect(await decide("des élus échangent sur WhatsApp, c'est chiffré ?")).toMatchObject({ answerable: true });
  });

  it("reads a word typed whole as the corpus's hyphenated spelling (« wifi » for « Wi-Fi »)", async () => {
    expect(await decide("les bornes wifi de la marque unifi, c'est de chez qui ?")).toMatchObject({ answerable: true });
  });
});

describe("a named person's job, rank, origin and former employer in everyday words", () => {
  it("abstains when no passage says it", async () => {
    for (const q of [
      "Frédéric Couchet fait quoi dans la vie ?",
      "arthur mensch il est d'ou a l'origine ?",
      "Avant l'April, Frédéric Couchet a travaillé dans quelle entreprise ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false, reason: "personal" });
  });
});

describe("what a question asks of a claim or of a thing's reception", () => {
  it("answers « c'est avéré ? », « perçu comment ? », « on tolère ? » on the thing named, a word the corpus never uses", async () => {
    for (const q of [
      "Pour les agents de la DINUM, le passage à Linux a été perçu comment ?",
      "Un élu dit que Munich est revenue à Windows : c'est démontré ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });

  it("reads « disparaître » as the deprecation a card writes", async () => {
    expect(await decide("wsus il va disparaitre un jour ?")).toMatchObject({ answerable: true });
  });
});

describe("a year after a product typed in lower case", () => {
  it("abstains on a release of a product the corpus writes with other releases only", async () => {
    expect(await decide("outlook 2010 c'est encore supporte ?")).toMatchObject({
      answerable: false,
      reason: "missing-name",
      missing: ["outlook 2010"],
    });
  });

  it("answers on a release the corpus writes, and on a year after a common word", async () => {
    for (const q of ["office 2016 est encore supporte ?", "le budget 2025 de la dinum pour visio ?"])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });
});

describe("a count of members", () => {
  it("is answered by a figure after a verb of gathering (« réunit environ 2 000 agents publics »)", async () => {
    expect(await decide("la communauté BlueHats compte combien de membres ?")).toMatchObject({ answerable: true });
  });
});
