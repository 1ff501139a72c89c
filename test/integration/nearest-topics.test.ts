/**
 * After an abstention the page offers the nearest topics as buttons that ask « Que sait-on de « <titre> » ? » (the
 * wording of `ask.nearestQuestion` in web/messages.fr.json). Every page that can be offered — guides, case studies,
 * networks — must then be answered, never met by another abstention: on the real corpus, for each of them.
 */
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retrieveForAnswer } from "../../server/answers/answer.ts";
import { loadCorpus } from "../../server/corpus/documents.ts";
import type { Engine } from "../../server/engine.ts";
import { realCorpusEngine } from "../helpers/server.ts";

describe("the nearest topics offered after an abstention", () => {
  let engine: Engine;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ engine, close } = await realCorpusEngine("cap-libre-nearest-"));
  }, 120_000);
  afterAll(() => close?.());

  it("are each answered when clicked", async () => {
    const messages = JSON.parse(await readFile("web/messages.fr.json", "utf8")) as Record<string, string>;
    const template = messages["ask.nearestQuestion"]!;
    expect(template).toContain("{title}");
    const corpus = await loadCorpus(engine.config.corpusDir);
    const pages = corpus.documents.filter((d) => d.kind !== "catalog");
    expect(pages.length).toBeGreaterThan(40);
    const refused: string[] = [];
    for (const d of pages) {
      const question = template.replace("{title}", d.title);
      const { decision } = await retrieveForAnswer([{ role: "user", content: question }], engine, 8);
      if (!decision.answerable) refused.push(`${d.id} (${decision.reason} : ${decision.missing.join(", ")})`);
    }
    expect(refused).toEqual([]);
  }, 120_000);
});
