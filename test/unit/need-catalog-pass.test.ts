/**
 * Requests for a tool in the asker's words that the catalog answers, refused (held-out-26…29, round 26: 40 such
 * requests refused): the card of what the need names ranked below the guides that share its everyday words (« un wiki
 * interne pour documenter les procédures des services »: XWiki not among the first forty passages), or the request not
 * read as one (« faire une carte des sentiers … », « … un logiciel gratuit pour la captation »). The cards are searched
 * alone when the passages found do not answer, and the need is read on its form; a need no card's description holds
 * still abstains. On the real corpus.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retrieveForAnswer } from "../../server/answers/answer.ts";
import type { Engine } from "../../server/engine.ts";
import { realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-need-catalog-");
}, 120_000);
afterAll(async () => real?.close());
const retrieve = (q: string) => retrieveForAnswer([{ role: "user", content: q }], real.engine);

async function answeredBy(q: string, card: string) {
  const { decision, relevant } = await retrieve(q);
  expect(decision, q).toMatchObject({ answerable: true });
  expect(
    relevant.map((r) => r.document.title),
    q,
  ).toContain(`Alternative : ${card}`);
}

describe("the catalog's cards searched alone for a need", () => {
  it("find the card the guides outranked", async () => {
    // (Docs and Confluence's cards hold « wiki » and « documentation »: the latter names XWiki as its alternative.)
    const wiki = await retrieve("un wiki interne pour documenter les procédures des services");
    expect(wiki.decision).toMatchObject({ answerable: true });
    expect(wiki.relevant.some((r) => r.document.kind === "catalog" && r.text.includes("XWiki"))).toBe(true);
    for (const [q, card] of [
      ["un outil de tickets et de gestion de parc pour la hotline de la mairie", "GLPI"],
      ["un webmail simple à mettre devant notre serveur de courrier", "Roundcube"],
      ["un truc gratuit pour trouver une date de repas avec les benevoles sans creer de compte", "Framadate"],
    ] as const)
      await answeredBy(q, card);
  });

  it("read the need after the asker's context, its setting and its own acts", async () => {
    for (const [q, card] of [
      ["faire une carte des commerces du village sur notre site", "uMap"],
      ["bloquer les adresses ip malveillantes sur nos serveurs web", "CrowdSec"],
      ["faire une enquête de satisfaction auprès des habitants, sans google forms", "LimeSurvey"],
      ["donner accès aux applis en rdp depuis un simple navigateur, sans client", "Apache Guacamole"],
      ["un correcteur d'orthographe et grammaire francais qui s'ajoute a libreoffice", "Grammalecte"],
    ] as const)
      await answeredBy(q, card);
  });

  it("still abstain when no card holds the need itself, whatever its setting", async () => {
    for (const q of [
      "un logiciel libre pour les inscriptions a l'ecole de musique",
      "un outil pour organiser le portage de repas aux personnes agees",
      "reserver les creneaux du gymnase, il y a un logiciel libre francais",
      "un logiciel pour attribuer les jardins familiaux",
      "un logiciel de billetterie libre pour la piscine municipale",
    ])
      expect((await retrieve(q)).decision, q).toMatchObject({ answerable: false });
  });
});
