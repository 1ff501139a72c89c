/**
 * A question about one product of the catalog is answered by its card (`server/answers/card-question.ts`): the card
 * is found by the name the question writes, an inventory alias, or its vendor and what it does; what the card does
 * not say (a figure, a date, a person, a detail of another topic) is never answered by it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { retrievalQuery } from "../../server/answers/answer.ts";
import { askedAgain, cardAnswer, cardNames, nameIn } from "../../server/answers/card-question.ts";
import type { SearchResult } from "../../server/retrieval/search.ts";
import { catalogCards } from "../helpers/passages.ts";

/** Every card of the real catalog, as search results (the lookup reads them as the search gives them). */
let cards: SearchResult[];
beforeAll(async () => {
  cards = await catalogCards();
});
const card = (id: string) => cards.find((c) => c.document.id === id)!;
const answered = async (question: string) => (await cardAnswer(question, cards))?.map((c) => c.document.id) ?? null;

describe("the names of a card", () => {
  it("are its name, without what its parentheses add, each name of a pair, and its inventory names", () => {
    const names = cardNames(card("catalog/product/arcgis-field-maps"));
    expect(names).toEqual(
      expect.arrayContaining(["ArcGIS Field Maps / Survey123", "Survey123", "Collector for ArcGIS"]),
    );
    expect(cardNames(card("catalog/product/netgear"))).toContain("Netgear");
  });

  it("are found written in a question, one of their words with a capital or a digit", () => {
    expect(nameIn("Les bornes sont en Ubiquiti UniFi, c'est quoi ?", card("catalog/product/ubiquiti-unifi"))).toEqual({
      start: 4,
      length: 2,
      own: true,
    });
    expect(nameIn("On a la console UniFi Controller, c'est quoi ?", card("catalog/product/ubiquiti-unifi"))?.own).toBe(
      false,
    );
    // « visio » written as a common word is not the name of the State's Visio.
    expect(nameIn("un outil de visio pour le conseil ?", card("catalog/alternative/visio-dinum"))).toBeNull();
  });
});

describe("a question about one catalog product", () => {
  it.each([
    ["SurveyMonkey pour nos sondages, c'est quel genre d'outil ?", "catalog/product/surveymonkey"],
    [
      "Les bornes wifi de la médiathèque sont en Ubiquiti UniFi, c'est pour quel type de structure ?",
      "catalog/product/ubiquiti-unifi",
    ],
    [
      "Les agents des espaces verts font leurs relevés sur mobile avec un outil d'Esri, c'est lequel ?",
      "catalog/product/arcgis-field-maps",
    ],
    ["ServiceNow, c'est basé où ?", "catalog/product/servicenow"],
    ["Nokia, c'est un équipementier de quel pays ?", "catalog/vendor/nokia"],
    ["Qui contrôle Gatewatcher ?", "catalog/vendor/gatewatcher"],
    ["Par quoi remplacer Jira ?", "catalog/product/jira"],
    ["Qui contrôle l'outil de relevés sur mobile d'Esri ?", "catalog/product/arcgis-field-maps"],
    // How the catalog files it: its category.
    ["Pronote, dans l'inventaire, c'est classé comment ?", "catalog/product/pronote"],
    ["Photoshop, c'est rangé comment ?", "catalog/product/adobe-photoshop"],
  ])("is answered by its card first: %s", async (question, id) => {
    expect((await answered(question))?.[0]).toBe(id);
  });

  it.each([
    // A nationality asked of a product, whichever country it names: its card answers by its vendor's country.
    ["Est-ce que Slack est un logiciel chinois ?", "catalog/product/slack"],
    ["Dropbox, c'est un service russe ?", "catalog/product/dropbox"],
    ["Est-ce que Dropbox est suisse ?", "catalog/product/dropbox"],
  ])("asked a nationality, is answered by its card and its vendor's: %s", async (question, id) => {
    const ids = await cardAnswer(question, cards, undefined, { alone: true });
    expect(ids?.[0]?.document.id).toBe(id);
    expect(ids?.[1]?.document.id).toMatch(/^catalog\/vendor\//);
  });

  it("naming a people (« les Allemands »), asks who uses it, not its country", async () => {
    expect(await cardAnswer("Les Allemands utilisent-ils Slack ?", cards, undefined, { alone: true })).toBeNull();
  });

  it("asking where it is based, brings its vendor's card after it; asking what it is, not", async () => {
    expect(await answered("ServiceNow, c'est basé où ?")).toEqual([
      "catalog/product/servicenow",
      "catalog/vendor/servicenow",
    ]);
    expect(await answered("SurveyMonkey, c'est quel genre d'outil ?")).toEqual(["catalog/product/surveymonkey"]);
  });

  it.each([
    // What no card says: a figure, a date, a person, a place of another topic.
    "Combien coûte une licence ServiceNow ?",
    "Qui dirige ServiceNow ?",
    "ServiceNow a-t-il un bureau à Lyon ?",
    "ServiceNow est-il utilisé par la ville de Lyon ?",
    // A product the catalog does not have, a vendor's product it does not list, a product named asked « lequel ».
    "Typeform, c'est quel genre d'outil ?",
    "On a l'outil de Microsoft pour la billetterie de la piscine : c'est lequel ?",
    "Si Tchap était une couleur, ce serait laquelle ?",
    // A product's name without its vendor's that is a word of the domain (« IBM Cloud » → « Cloud ») names nothing.
    "Qu'est-ce que le CLOUD Act ?",
    // Words around a vendor's name are asked of its card, which does not hold them.
    "On voudrait une petite carte des travaux en cours sur le site de la mairie, sans Google : avec quoi ?",
  ])("is not answered by a card when the card does not say it: %s", async (question) => {
    expect(await answered(question)).toBeNull();
  });

  it.each([
    // The vendor's card says what its product does too: « lequel ? » still asks for the product.
    ["On a l'outil d'Intuit pour les lettres d'information : c'est lequel ?", "catalog/product/mailchimp"],
    ["On a l'outil de C3RB Informatique pour la gestion de la bibliothèque : c'est lequel ?", "catalog/product/orphee"],
    // A vendor of the same name as its product: « lequel ? » reads the name as the vendor's.
    ["On a l'outil de Hikvision pour la vidéosurveillance : c'est lequel ?", "catalog/product/hikvision-video"],
  ])("asking which product of a vendor, is answered by that product's card: %s", async (question, id) => {
    expect((await answered(question))?.[0]).toBe(id);
  });

  it.each([
    ["Zoom ou Teams, lequel est européen ?"],
    ["Nextcloud et Jamespot, c'est quoi ?"],
    // A product named as the reference of another one asked about is not what the question asks of a card.
    ["Les routeurs visés en même temps que Huawei, c'est quel constructeur ?"],
    ["L'antivirus cité à côté de Kaspersky, il est de quel pays ?"],
    ["Un pare-feu autre que Fortinet, c'est quel genre d'outil ?"],
  ])(
    "naming several products, or one as the reference of another, is answered by no card alone: %s",
    async (question) => {
      expect(await cardAnswer(question, cards, undefined, { alone: true })).toBeNull();
    },
  );
});

describe("a short follow-up naming another product", () => {
  const conversation = (first: string, next: string) =>
    retrievalQuery([
      { role: "user", content: first },
      { role: "assistant", content: "…" },
      { role: "user", content: next },
    ]);

  it("asks the previous question of it (trial11 A5: « Et Teams, c'est mieux ? » after Zoom)", async () => {
    const query = conversation("Est-ce que Slack est un logiciel russe ?", "Et Dropbox, c'est mieux ?");
    expect(query).toBe("Est-ce que Dropbox est un logiciel russe ?");
    expect((await cardAnswer(query, cards))?.[0]?.document.id).toBe("catalog/product/dropbox");
    expect(conversation("Slack, c'est basé où ?", "Et Dropbox ?")).toBe("Dropbox, c'est basé où ?");
  });

  it("not when the previous question asked no card, nor when the follow-up asks something else", () => {
    expect(askedAgain("Qu'a fait Grenoble ?", "Et Dropbox, c'est mieux ?")).toBeNull();
    expect(askedAgain("Slack, c'est basé où ?", "Et Dropbox, ça coûte combien ?")).toBeNull();
  });
});
