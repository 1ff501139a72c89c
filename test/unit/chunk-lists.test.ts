/**
 * A list is never cut from the sentence that introduces it: a long section whose list does not fit one passage is
 * split between its items, each passage opening on the list's lead-in (« La DINUM porte … : »), never on the lead-in
 * alone nor in the middle of an item (« GitHub cloud-gouv/securix) — voir la fiche … »).
 */
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chunkDocument } from "../../server/corpus/chunk.ts";
import { type CorpusProblem, parseMarkdownDocument } from "../../server/corpus/documents.ts";
import type { Engine } from "../../server/engine.ts";
import { realCorpusEngine } from "../helpers/server.ts";

const FRONT =
  'title: "Titre"\nkind: guidance\ndate: 2026-04-08\nsources:\n  - title: "Source"\n    url: https://example.org';
const parse = (id: string, text: string) => {
  const problems: CorpusProblem[] = [];
  const d = parseMarkdownDocument(id, text, problems);
  expect(problems).toEqual([]);
  return d!;
};

/** An item of a Markdown list: its first line starts with a marker. */
const ITEM = /^\s*(?:[-*+]|\d+[.)])\s/;

describe("a long list in a passage", () => {
  it("keeps its lead-in in every passage and its items whole", async () => {
    const items = Array.from(
      { length: 24 },
      (_, i) =>
        `- **Programme ${i}**, lancé par le service numéro ${i} pour les agents de l'État,\n  présenté dans la fiche « Programme ${i} : ce qu'il faut savoir » (source ${i}, 2025) ;`,
    );
    const body = `## Les programmes\n\nUn premier paragraphe sur le service, ses missions et son histoire.\n\nLe service porte plusieurs programmes :\n\n${items.join("\n")}\n\nUn dernier paragraphe.`;
    const chunks = (await chunkDocument(parse("guidance/liste.md", `---\n${FRONT}\n---\n${body}`))).filter(
      (c) => c.section === "Les programmes",
    );
    const withItems = chunks.filter((c) => c.text.split("\n").some((l) => ITEM.test(l)));
    expect(withItems.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.text.length).toBeLessThanOrEqual(1400);
    for (const c of withItems) expect(c.text).toContain("Le service porte plusieurs programmes :\n\n- **Programme");
    // No passage is the lead-in alone; every item is whole, once.
    expect(chunks.some((c) => c.text.trim() === "Le service porte plusieurs programmes :")).toBe(false);
    for (let i = 0; i < items.length; i++)
      expect(withItems.filter((c) => c.text.includes(items[i]!)).length, `item ${i}`).toBe(1);
    expect(chunks.map((c) => c.text).join("\n")).toContain("Un dernier paragraphe.");
  });

  it("of the DINUM's programmes opens on its lead-in, never in the middle of an item", async () => {
    const file = "corpus/guidance/dinum-organisation-et-programmes.md";
    const chunks = (
      await chunkDocument(parse("guidance/dinum-organisation-et-programmes.md", await readFile(file, "utf8")))
    ).filter((c) => c.section === "Les programmes de la DINUM");
    expect(chunks.length).toBeGreaterThan(0);
    for (const c of chunks) {
      expect(c.text).toMatch(/^La DINUM porte la plupart des outils numériques partagés de l'État[^\n]*:\n\n- \*\*/);
      const lines = c.text.split("\n").slice(2);
      expect(ITEM.test(lines[0]!)).toBe(true);
    }
    const all = chunks.map((c) => c.text).join("\n");
    for (const program of ["La Suite numérique", "Sécurix", "ProConnect"]) expect(all).toContain(program);
  });
});

describe("a list split between passages, in a search", () => {
  let engine: Engine;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ engine, close } = await realCorpusEngine("cap-libre-list-pieces-"));
  }, 180_000);
  afterAll(() => close?.());

  it("comes whole, its pieces in order, for a question asking for the list", async () => {
    const { results } = await engine.retriever.search("Quels sont les programmes de la DINUM ?", 5);
    const pieces = results.filter((r) => r.section === "Les programmes de la DINUM");
    expect(pieces.map((r) => r.text.includes("**La Suite numérique**"))).toEqual([true, false]);
    expect(pieces[1]!.text).toContain("**ProConnect**");
    expect(results.indexOf(pieces[1]!)).toBe(results.indexOf(pieces[0]!) + 1);
    expect(pieces[1]!.score).toBeGreaterThan(0);
  });
});
