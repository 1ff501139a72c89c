/**
 * Wrong decisions of the burned held-out-20 set (test/eval/README.md « Trentième série »), fixed by kind: each kind on
 * other towns, products, figures and wordings than the set's questions, on the real corpus (what a user gets) or on a
 * small one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retrieveForAnswer } from "../../server/answers/answer.ts";
import type { Engine } from "../../server/engine.ts";
import { assessAnswerability, questionTerms } from "../../server/retrieval/relevance.ts";
import { lexicon, passage } from "../helpers/abstention.ts";
import { realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-held-out-20-");
}, 120_000);
afterAll(async () => real?.close());
const decide = async (q: string) => (await retrieveForAnswer([{ role: "user", content: q }], real.engine)).decision;

describe("an absent place typed in lower case", () => {
  it("abstains on a town of several words the corpus writes only apart (« saint-amand-les-eaux »)", async () => {
    expect(await decide("saint-amand-les-eaux elle paye combien ses licences office ?")).toMatchObject({
      answerable: false,
      reason: "unknown-name",
    });
    expect(await decide("schleswig-holstein il a quitté office ?")).toMatchObject({ answerable: true });
  });

  it("abstains on the subject after the article opening the question, when the corpus never uses it", async () => {
    expect(await decide("la bavière quitte microsoft office comme le schleswig-holstein ?")).toMatchObject({
      answerable: false,
      reason: "unknown-name",
    });
    for (const q of ["le danemark quitte microsoft office ?", "la gendarmerie utilise quel système sur ses postes ?"])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });

  it("reads a German Land like a collectivité: its name after « le land de » (« brandebourg »)", async () => {
    expect(await decide("le land de bavière passe ses postes sous linux ?")).toMatchObject({
      answerable: false,
      reason: "unknown-name",
    });
  });

  it("does not take the word after « de mairie » (a kind of agent) for the mairie's name", async () => {
    expect(await decide("les secrétaires de mairie peinent à activer proconnect ?")).not.toMatchObject({
      reason: "unknown-name",
    });
  });
});

describe("a release typed in lower case after a product the catalog has a card of", () => {
  it("abstains when no passage writes that release, not on a section of a law (« fisa 702 »)", async () => {
    expect(await decide("firefox 152 gère-t-il les certificats des agents ?")).toMatchObject({
      answerable: false,
      reason: "missing-name",
    });
    expect(await decide("fisa 702 et cloud act, ça change quoi pour nous ?")).toMatchObject({ answerable: true });
  });
});

describe("words read as another word the corpus uses", () => {
  it("reads an imperative before its pronoun as a verb, not a name (« Citez-moi »)", async () => {
    const t = questionTerms("Citez-moi les membres du réseau Quadrix").find((t) => t.word === "citez");
    expect(t).toMatchObject({ verb: true });
    expect(t?.name).toBeFalsy();
    expect(await decide("Citez-moi les membres du réseau Déclic")).toMatchObject({ answerable: true });
  });

  it("reads a prefixed word (« eurodéputée ») as the word the corpus writes", async () => {
    expect(await decide("quelle eurodéputée a parlé de souveraineté numérique aux Rencontres ?")).toMatchObject({
      answerable: true,
    });
  });
});

describe("a figure asked by « combien »", () => {
  it("counts operators among the organisations a passage counts (« 40 structures »)", async () => {
    const text = "Le réseau Zéphyr regroupe 40 structures publiques présentes dans 30 départements.";
    // The corpus uses the word elsewhere: a count of structures is what is read.
    const { frequency, names } = lexicon([text, "Les opérateurs publics de services numériques."]);
    expect(
      await assessAnswerability("Zéphyr regroupe combien d'opérateurs ?", [passage("Zéphyr", text)], frequency, names),
    ).toMatchObject({ answerable: true });
  });

  it("asks a share, not a count, after a verb of holding and before a name (« détient combien de Quadrix »)", async () => {
    const text = "Le fonds Borax détenait 24,9 % du capital de l'hébergeur Quadrix avant son entrée en bourse.";
    const { frequency, names } = lexicon([text]);
    const judge = (q: string) => assessAnswerability(q, [passage("Quadrix", text)], frequency, names);
    expect(await judge("Le fonds Borax détenait combien de Quadrix ?")).toMatchObject({ answerable: true });
    expect(await judge("Combien de Quadrix faut-il pour le fonds Borax ?")).toMatchObject({ answerable: false });
  });

  it("answers by the sentence saying no figure of the year asked was found", async () => {
    const text =
      "Quadrix comptait 5 000 utilisateurs en 2023. Nous n'avons pas trouvé de chiffres 2025 sur le nombre d'utilisateurs de Quadrix.";
    const { frequency, names } = lexicon([text]);
    const judge = (q: string) => assessAnswerability(q, [passage("Quadrix", text)], frequency, names);
    expect(await judge("combien d'utilisateurs a Quadrix en 2025 ?")).toMatchObject({
      answerable: true,
      reason: "stated-absent",
    });
    expect(await judge("combien d'utilisateurs a Quadrix en 2023 ?")).toMatchObject({ answerable: true, reason: "ok" });
  });
});

describe("a figure the corpus does not have", () => {
  it("asks the figure by « c'est quoi le budget », as by « quel est le budget »", async () => {
    const text = "Le CNLL fédère les entreprises du logiciel libre ; son budget annuel est voté en assemblée générale.";
    const { frequency, names } = lexicon([text]);
    for (const q of ["c'est quoi le budget annuel du CNLL ?", "quel est le budget annuel du CNLL ?"])
      expect(await assessAnswerability(q, [passage("CNLL", text)], frequency, names), q).toMatchObject({
        answerable: false,
        reason: "missing-figure",
      });
  });

  it("says nothing of a year the corpus never writes, not even that it does not know (« en 2040 »)", async () => {
    expect(await decide("Combien coûtera Tchap à l'État en 2040 ?")).toMatchObject({ answerable: false });
  });
});

describe("a version on a catalog card", () => {
  it("is the card's own only after one of its names, not a version of another product its notes give", async () => {
    const card =
      "Quadrix (IA de l'État).\nFondé sur des modèles ouverts (Llama 3.1 de Meta).\nApparaît dans les inventaires sous les noms : Quadrix Desktop 2.4.";
    const { frequency, names } = lexicon([card]);
    const results = [passage("Produit : Quadrix", card, "catalog")];
    expect(
      await assessAnswerability("Quadrix 3 est fondé sur quels modèles ouverts ?", results, frequency, names),
    ).toMatchObject({
      answerable: false,
      missing: expect.arrayContaining(["quadrix 3"]),
    });
    expect(
      await assessAnswerability("Quadrix 2.4 est fondé sur quels modèles ouverts ?", results, frequency, names),
    ).toMatchObject({
      answerable: true,
    });
  });
});

describe("a membership asked with the verb, written with the noun", () => {
  it("reads « adhérer » as « adhésion », « cotisation » (`synonyms.txt`)", () => {
    const t = questionTerms("adhérer à Quadrix ça coûte combien ?").find((t) => t.word === "adherer");
    expect(t?.variants).toEqual(expect.arrayContaining(["adhesion", "cotisation"]));
  });
});
