/**
 * A claim about others that a document states in several sections is searched for and verified once per generation
 * (`ClaimChecks`, kept in the generation's state): the second section gets the same verdict without a new search.
 */
import { describe, expect, it } from "vitest";
import { type ClaimChecks, checkClaims } from "../../server/drafting/claims.ts";
import type { Retriever, SearchResult } from "../../server/retrieval/search.ts";
import { verifyText } from "../../server/verify/index.ts";

const result = (id: string, title: string, text: string): SearchResult => ({
  id,
  text,
  section: title,
  score: 1,
  document: { id, title, kind: "case-study", date: "2026", url: null },
  sources: [],
  source: null,
});

describe("claims checked once per generation", () => {
  const queries: string[] = [];
  const retriever: Retriever = {
    mode: async () => "fulltext",
    search: async (query: string) => {
      queries.push(query);
      return {
        mode: "fulltext",
        results: [
          result(
            "munich",
            "Munich et LiMux",
            "En 2017, le conseil municipal de Munich a voté le retour à Windows pour ses postes de travail.",
          ),
        ],
      };
    },
  };
  const claim = "Munich n'est jamais revenue à Windows";
  const text = `${claim}, comme nous l'avons rappelé.`;
  const check = (cache?: ClaimChecks) =>
    checkClaims(text, [claim], verifyText(text, []), [], retriever, (r) => r.text, cache);

  it("searches a claim part once for the sections of one generation, with the same verdict as without", async () => {
    const alone = await check();
    const searchesAlone = queries.length;
    expect(searchesAlone).toBeGreaterThan(0);
    const cache: ClaimChecks = new Map();
    const first = await check(cache);
    const second = await check(cache);
    expect(queries.length).toBe(searchesAlone * 2);
    expect(first).toEqual(alone);
    expect(second).toEqual(alone);
  });
});
