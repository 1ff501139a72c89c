/**
 * `/api/search` builds its JSON from parts of each passage encoded once (server/http/routes/search.ts): the body
 * must stay exactly what `JSON.stringify` gives for the retriever's results, the first time a passage is seen, the
 * next times (another score), after the server warmed its passages, and when a passage's text or sources change.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createResultEncoder } from "../../server/http/routes/search.ts";
import type { SearchResult } from "../../server/retrieval/search.ts";
import { openLanceStore } from "../../server/store/lancedb.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

const QUERIES = [
  "economise GENDARMERIE",
  "alternative à Teams",
  "Qu'est-ce que le CLOUD Act ?",
  "logiciel libre",
  '« guillemets » et \\ barres " obliques',
];

describe("the search body", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it("is byte for byte JSON.stringify of the results, cold and warm", async () => {
    for (let round = 0; round < 3; round++) {
      if (round === 2) await server.engine.retriever.warm();
      for (const q of QUERIES) {
        const res = await fetch(`${server.url}/api/search?q=${encodeURIComponent(q)}&k=4`);
        expect(res.headers.get("content-type")).toBe("application/json");
        const { mode, results } = await server.engine.retriever.search(q, 4);
        expect(await res.text()).toBe(JSON.stringify({ query: q, mode, results }));
      }
    }
  });
});

describe("the result encoder", () => {
  const result = (over: Partial<SearchResult> = {}): SearchResult => ({
    id: "guidance/a#0",
    text: "Texte « premier » — avec des accents",
    section: "Partie",
    score: 1.5,
    document: { id: "guidance/a", title: "Titre", kind: "guidance", date: null, url: "https://exemple.fr/" },
    sources: [{ title: "Source", url: null }],
    source: null,
    ...over,
  });

  it("re-encodes a passage whose text, sources or source changed under the same id", () => {
    const encoder = createResultEncoder();
    const same = (r: SearchResult[]) =>
      expect(encoder.body("q", "fulltext", r).toString()).toBe(
        JSON.stringify({ query: "q", mode: "fulltext", results: r }),
      );
    const first = result();
    same([first]);
    same([{ ...first, score: 0.25 }]);
    same([result({ text: "Un autre texte" })]);
    const sources = [{ title: "Nouvelle source", url: "https://exemple.fr/n" }];
    same([result({ sources, source: sources[0]! })]);
    same([result({ document: { ...first.document, title: "Nouveau titre" } })]);
    same([]);
    same([result(), result({ id: "guidance/b#1", score: Number.NaN })]);
  });
});

describe("the passages warmed into the store's cache", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "cap-libre-warm-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("are every passage of a small table, the very objects later searches return", async () => {
    const store = await openLanceStore(dir);
    try {
      expect(await store.warmPassages()).toEqual([]); // empty table, no index yet
      const document = {
        id: "a",
        title: "Fiche a",
        kind: "guidance",
        date: null,
        url: null,
        sources: [{ title: "S", url: null }],
        hash: "h1",
      };
      await store.replaceDocuments([
        {
          document,
          chunks: [0, 1].map((i) => ({ id: `a#${i}`, docId: "a", ordinal: i, section: "S", text: `Texte ${i}` })),
        },
      ]);
      await store.commit();
      const warmed = await store.warmPassages();
      expect(warmed.map((c) => c.id).sort()).toEqual(["a#0", "a#1"]);
      // The searches then get the very passages read by the warm-up.
      const [hit] = await store.searchText("texte", 1, undefined, { withChunks: true });
      expect(warmed).toContain(hit!.chunk);
    } finally {
      await store.close();
    }
  });
});
