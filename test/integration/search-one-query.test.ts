/**
 * How many full-text queries a search makes (server/retrieval/search.ts). A page with many matching passages fills
 * the best 2k candidates, so the per-document cap needs the larger list of 4k: on a corpus that fits the store's
 * passage cache (known once the retriever is warmed), it comes from the one query the search makes; on a larger one
 * (or before warming), from a second query made only then. The results are the same either way.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config.ts";
import { createEngine, type Engine } from "../../server/engine.ts";
import { MAX_PER_DOCUMENT } from "../../server/retrieval/search.ts";
import { NO_OLLAMA, withTestProvider } from "../helpers/server.ts";

const page = (title: string, sections: string[]) =>
  `---\ntitle: "${title}"\nkind: guidance\ndate: 2026-01-01\nsources:\n  - title: "Source de ${title}"\n    url: https://exemple.fr/${encodeURIComponent(title)}\n---\n${sections
    .map((s, i) => `## Partie ${i + 1}\n\n${s}\n`)
    .join("\n")}`;

describe("full-text queries per search", () => {
  let dir: string;
  let engine: Engine;
  const calls: number[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "cap-libre-one-query-"));
    const corpus = path.join(dir, "corpus", "guidance");
    await mkdir(corpus, { recursive: true });
    // One long page whose every section says « zorglub » over and over (and whose title says it too)…
    const loud = Array.from(
      { length: 12 },
      (_, i) =>
        `Le zorglub ${i + 1} : zorglub, zorglub et encore zorglub. La commune étudie le zorglub numéro ${i + 1}, ` +
        `son coût et son calendrier, section après section, pour le conseil municipal.`,
    );
    await writeFile(path.join(corpus, "zorglub.md"), page("Tout sur le zorglub", loud));
    // … and three pages that name it once, in a longer text.
    for (const name of ["Mairie de Aval", "Mairie de Bercy", "Mairie de Cambo"]) {
      const quiet = `${name} a choisi un logiciel de gestion des salles, de l'état civil et des listes électorales ; le zorglub n'y est cité qu'en passant, parmi d'autres projets de la collectivité pour les années à venir.`;
      await writeFile(path.join(corpus, `${name.split(" ").at(-1)!.toLowerCase()}.md`), page(name, [quiet]));
    }
    engine = await createEngine(
      loadConfig(
        withTestProvider({
          CORPUS_DIR: path.join(dir, "corpus"),
          DATA_DIR: path.join(dir, "data"),
          OLLAMA_BASE_URL: NO_OLLAMA,
          OLLAMA_STATUS_TTL_MS: "600000",
        }),
      ),
    );
    await engine.index();
    const searchText = engine.store.searchText.bind(engine.store);
    engine.store.searchText = (q, k, filter, options) => {
      calls.push(k);
      return searchText(q, k, filter, options);
    };
  });
  afterAll(async () => {
    await engine.close();
    await rm(dir, { recursive: true, force: true });
  });

  const search = async (q: string, k: number) => {
    calls.length = 0;
    const { results } = await engine.retriever.search(q, k);
    return { calls: [...calls], docs: results.map((r) => r.document.id), ids: results.map((r) => r.id) };
  };

  it("reaches past a page that fills the best candidates, then in one query once warmed, with the same results", async () => {
    const cold = await search("zorglub", 4);
    // Not warmed: the best 2k first, then the larger list, since the cap left fewer than k passages.
    expect(cold.calls).toEqual([8, 16]);
    expect(cold.docs.filter((d) => d === "guidance/zorglub")).toHaveLength(MAX_PER_DOCUMENT);
    // The best 2k = 8 candidates are the loud page's: the other pages come from further down the list.
    expect(new Set(cold.docs).size).toBe(3);
    expect(cold.ids).toHaveLength(4);

    await engine.retriever.warm();
    const warm = await search("zorglub", 4);
    expect(warm.calls).toEqual([16]);
    expect(warm.ids).toEqual(cold.ids);
  });

  it("asks once for a question answered by its first candidates", async () => {
    const { calls: asked, docs } = await search("Mairie de Bercy, salles et état civil", 2);
    expect(asked).toHaveLength(1);
    expect(docs[0]).toBe("guidance/bercy");
  });
});
