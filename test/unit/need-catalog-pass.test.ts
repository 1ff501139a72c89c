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
    for (const [q, card] of [
      ["un wiki interne pour documenter les procédures des services", "XWiki"],
      ["un outil de tickets et de gestion de parc pour la hotline de la mairie", "GLPI"],
      ["un webmail simple à mettre devant notre serveur de courrier", "Roundcube"],
      ["un truc gratuit pour trouver une date de repas avec les benevoles sans creer de compte", "Framadate"],
    ] as const)
      await answeredBy(q, card);
  });
});
