/**
 * Over HTTP, on the real corpus and without a model: the five questions about one product of an inventory that the
 * blind set held-out-10 saw refused (measured once on 5 December 2026) are answered from the product's catalog card,
 * quoted first, with the fact the question asks (`server/answers/card-question.ts`).
 */
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  postJson,
  REAL_CORPUS,
  readSse,
  realCorpusDataDir,
  startTestServer,
  type TestServer,
} from "../helpers/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ CORPUS_DIR: REAL_CORPUS, DATA_DIR: await realCorpusDataDir("cap-libre-cards-") });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  if (server) await rm(server.dataDir, { recursive: true, force: true });
});

const ask = async (content: string) => {
  const events = await readSse(await postJson(`${server.url}/api/chat`, { messages: [{ role: "user", content }] }));
  const sources = events.filter((e) => e.event === "sources").flatMap((e) => e.data.sources ?? e.data);
  const text = events
    .filter((e) => e.event === "token")
    .map((e) => e.data.text)
    .join("");
  const done = events.find((e) => e.event === "done")?.data;
  return { docs: sources.map((s: { document: { id: string } }) => s.document.id), text, done };
};

describe("a DSI asks about one product of the inventory", () => {
  it.each([
    ["SurveyMonkey pour nos sondages, c'est quel genre d'outil ?", ["catalog/product/surveymonkey"], "sondages"],
    [
      "Les bornes wifi de la médiathèque sont en Ubiquiti UniFi, c'est pour quel type de structure ?",
      ["catalog/product/ubiquiti-unifi"],
      "petites structures",
    ],
    [
      "Les agents des espaces verts font leurs relevés sur mobile avec un outil d'Esri, c'est lequel ?",
      ["catalog/product/arcgis-field-maps"],
      "Survey123",
    ],
    ["ServiceNow, c'est basé où ?", ["catalog/product/servicenow", "catalog/vendor/servicenow"], "Santa Clara"],
    ["Nokia, c'est un équipementier de quel pays ?", ["catalog/vendor/nokia"], "Finlande"],
  ])("%s — answered from the card", async (question, cards, fact) => {
    const { docs, text, done } = await ask(question);
    expect(done.abstention).toBeNull();
    expect(docs.slice(0, cards.length)).toEqual(cards);
    expect(text).toContain(fact);
  });

  it("a product the catalog lacks is still refused", async () => {
    const { done, docs } = await ask("Typeform, c'est quel genre d'outil ?");
    expect(done.abstention).not.toBeNull();
    expect(docs).toEqual([]);
  });
});
