/**
 * trial9 A6, on another law than the trial's: a claim of the user's context is checked against the passages about its
 * subject too (« La section 702 du FISA »), not only those a search on all its words finds (product cards
 * sharing « serveurs »).
 */
import { describe, expect, it } from "vitest";
import { checkClaims } from "../../server/drafting/claims.ts";
import type { Retriever, SearchResult } from "../../server/retrieval/search.ts";
import { verifyText } from "../../server/verify/index.ts";

const result = (id: string, section: string, text: string): SearchResult => ({
  id,
  text,
  section,
  score: 1,
  document: { id, title: section, kind: "guidance", date: "2026", url: null },
  sources: [],
  source: null,
});
const card = result(
  "card",
  "Produit : serveurs d'entreprise",
  "Des serveurs situés aux États-Unis ou en Europe, vendus par un constructeur américain ; la section 702 y est citée.",
);
const law = result(
  "law",
  "La section 702 du FISA : ce que dit la loi",
  "La section 702 du FISA permet aux agences américaines de collecter les communications de non-Américains auprès des fournisseurs établis aux États-Unis, même lorsqu'elles sont hébergées hors des États-Unis.",
);
/** A search that finds the card for the whole claim, the law's page for its subject alone. */
const retriever: Retriever = {
  mode: async () => "fulltext",
  search: async (query: string) => ({
    mode: "fulltext",
    results: /serveurs/.test(query) ? [card] : /FISA/.test(query) ? [law, card] : [],
  }),
};

describe("the passages about a claim's subject", () => {
  it("checks a claim against what the corpus says of its subject", async () => {
    const claim = "La section 702 du FISA ne s'applique qu'aux serveurs situés aux États-Unis";
    const text = `${claim}.`;
    const { verification, flags } = await checkClaims(
      text,
      [claim],
      verifyText(text, []),
      [],
      retriever,
      (r) => `${r.section}\n${r.text}`,
    );
    expect(verification.sentences[0]!.reasons.join(" ")).toMatch(/contraire.*hébergées hors des États-Unis/);
    expect(flags.map((f) => f.figure)).toContain(claim);
  });
});
