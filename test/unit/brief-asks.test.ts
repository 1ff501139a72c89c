/**
 * « En bref » answers what the question asks, read aloud in a council meeting (trial10 A6, B4): under a condition
 * (« … s'applique-t-il si nos fichiers sont stockés en Belgique ? »), the sentence saying whether the condition
 * changes anything; two asks in one question (« … et pourquoi … ? »), a sentence for each, or what the passages do not
 * say; a case study's sentence that does not name its collectivité, credited with the one its section is about.
 * Passages written for the test, on laws, places and products that are not the trial's.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { askParts } from "../../server/answers/brief.ts";
import { cardAnswer } from "../../server/answers/card-question.ts";
import { conditionAnswer, conditionOf } from "../../server/answers/condition.ts";
import { excerpt } from "../../server/retrieval/passages.ts";
import { keywords } from "../../server/retrieval/relevance.ts";
import type { SearchResult } from "../../server/retrieval/search.ts";
import { briefFor, catalogCards, passageOf } from "../helpers/passages.ts";

const INDIFFERENT =
  "Pour une commune, peu importe où sont hébergés ses fichiers : ce qui compte est qui contrôle le prestataire.";
const GUIDE = `${INDIFFERENT}\n\nLe Patriot Act ne rend pas illégal l'usage de ces services. Aucune loi belge n'interdit aujourd'hui à une commune de stocker ses fichiers chez un prestataire étranger ; seule l'administration fédérale y est tenue. En revanche, le RGPD rend la commune responsable des fichiers qu'elle confie.`;
const guide = () =>
  passageOf("patriot#0", "Le Patriot Act : ce que le droit américain change pour une commune", GUIDE, "guidance");

describe("a question asked under a condition", () => {
  const question = "Le Patriot Act s'applique-t-il si nos fichiers sont stockés en Belgique ?";

  it("reads the condition after « si », not a « si » that opens the question", () => {
    expect(conditionOf(question)?.place).toBe(true);
    expect(conditionOf("Si Tchap était une couleur, ce serait laquelle ?")).toBeNull();
    expect(conditionOf("Le Patriot Act s'applique-t-il à une commune ?")).toBeNull();
  });

  it("is answered by the sentence saying the condition changes nothing, another word for where data are", () => {
    const answers = conditionAnswer(question)!;
    expect(answers(INDIFFERENT)).toBe(true);
    expect(answers("Aucune loi belge n'interdit à une commune de stocker ses fichiers chez un prestataire.")).toBe(
      false,
    );
    expect(briefFor(question, [guide()])?.quotes[0]?.text).toBe(INDIFFERENT);
  });

  it("is read from a premise on where data are, stated before the question", () => {
    const premise = "Les serveurs de Google sont en Allemagne : sommes-nous protégés du Patriot Act ?";
    expect(conditionOf(premise)?.place).toBe(true);
    expect(conditionOf("Notre DGS nous le demande : le Patriot Act s'applique-t-il à une commune ?")).toBeNull();
    // « hébergeur » names a provider, not where the data are.
    expect(conditionOf("Scaleway, l'hébergeur français, a un actionnaire américain : est-il américain ?")).toBeNull();
    expect(briefFor(premise, [guide()])?.quotes[0]?.text).toBe(INDIFFERENT);
  });

  it("has that sentence in its passage's excerpt, though another paragraph holds more of its words", () => {
    const terms = keywords(question);
    expect(excerpt(GUIDE, terms, 260, "", [], new Set(), conditionAnswer(question)!)).toContain(INDIFFERENT);
  });
});

describe("a question naming a law and a product under a condition", () => {
  let cards: SearchResult[];
  beforeAll(async () => {
    cards = await catalogCards();
  });

  it("is not a question about the product's card: the guide's sentence on the condition opens « En bref »", () => {
    const dropbox = cards.find((c) => c.document.id === "catalog/product/dropbox")!;
    const question = "La loi américaine s'applique-t-elle si nos fichiers sont stockés en Belgique chez Dropbox ?";
    const b = briefFor(question, [guide(), dropbox]);
    expect(b?.quotes[0]).toEqual({ text: INDIFFERENT, source: 1 });
  });

  it("names no card when it names no product, though cards write the law", async () => {
    expect(await cardAnswer("Le FISA s'applique-t-il si nos fichiers sont hébergés en Allemagne ?", cards)).toBeNull();
  });
});

describe("a question with two asks", () => {
  const graz = [
    passageOf(
      "graz#0",
      "Graz et LinGraz",
      "Graz a migré 3 000 postes sous Linux entre 2005 et 2012. En 2008, Graz avait déjà migré la moitié de ses postes sous Linux.",
    ),
    passageOf(
      "graz#1",
      "Graz et LinGraz",
      "Graz est revenue à Windows parce que les applications métier des services ne fonctionnaient que sous Windows.",
    ),
  ];

  it("is read as its asks, « et » before a question word", () => {
    expect(
      askParts("Quand Graz a-t-elle migré ses postes sous Linux et pourquoi est-elle revenue à Windows ?"),
    ).toEqual(["Quand Graz a-t-elle migré ses postes sous Linux", "pourquoi est-elle revenue à Windows ?"]);
    expect(askParts("Combien de postes et de serveurs Graz a-t-elle migrés ?")).toHaveLength(1);
    // A follow-up joined to the question before it asks one thing.
    expect(askParts("Qu'a fait Graz ? Et combien de postes a-t-elle migrés ?")).toHaveLength(1);
  });

  it("is answered by a sentence for each ask", () => {
    const question = "Quand Graz a-t-elle migré ses postes sous Linux et pourquoi est-elle revenue à Windows ?";
    const quotes = briefFor(question, graz, ["date"])?.quotes ?? [];
    expect(quotes.map((q) => q.source)).toEqual([1, 2]);
    expect(quotes[1]!.text).toContain("revenue à Windows");
  });

  it("says which ask the passages do not answer", () => {
    const question = "Combien de postes Graz a-t-elle migrés sous Linux et combien ça a coûté ?";
    const b = briefFor(question, graz.slice(0, 1), ["quantity"]);
    expect(b?.quotes[0]?.text).toContain("3 000 postes");
    expect(b?.text).toMatch(/ne disent pas.*« combien ça a coûté »/);
  });
});

describe("a case study's sentence that does not name its collectivité", () => {
  it("is credited with the one its section is about", () => {
    const text =
      "Le projet est parti d'une contrainte : en 2019, la fin de Windows 7 obligeait à racheter des licences ou à quitter Microsoft.";
    const p = {
      ...passageOf("belges#2", "Autres villes belges : Namur, Mons et Liège", text),
      section: "Namur (Wallonie) : 80 % des postes sous Debian",
    };
    const b = briefFor("Quelles villes belges ont quitté Microsoft ?", [p]);
    expect(b?.text).toContain("(Namur, Autres villes belges, 1er mars 2025) [1]");
  });
});

describe("a question asking for one country's collectivités", () => {
  it("never reads aloud a sentence about another country's body, even when nothing else answers", () => {
    const army = passageOf(
      "armee#0",
      "L'armée autrichienne et Debian",
      "Le Bundesheer a financé plus de cinq années de développement, reversées au projet Debian lui-même (Heise, 2025).",
    );
    const namur = passageOf(
      "belges#1",
      "Autres villes belges",
      "Namur a installé Debian sur les postes de ses écoles en 2021, après un audit de son parc.",
    );
    const question = "Quelles communes belges utilisent Debian ?";
    expect(briefFor(question, [army, namur])?.quotes.map((q) => q.source)).toEqual([2]);
    expect(briefFor(question, [army])).toBeNull();
  });
});
