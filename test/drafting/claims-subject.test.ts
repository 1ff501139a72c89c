/**
 * trial9 A6, on another law than the trial's: a claim of the user's context is checked against the passages about its
 * subject too (« La section 702 du FISA »), not only those a search on all its words finds (product cards
 * sharing « serveurs »).
 */
import { describe, expect, it } from "vitest";
import { checkClaims } from "../../server/drafting/claims.ts";
import { contextClaims } from "../../server/drafting/documents/common.ts";
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

describe("a context claim about a person's role (trial9 A6, other people than the trial's)", () => {
  it("takes a sentence about a named person as a claim about others", () => {
    const claims = contextClaims(
      "Sophie Martin est la maire de Crolles. Notre commune compte 40 postes.",
      "Commune de Vizille",
    );
    expect(claims).toContain("Sophie Martin est la maire de Crolles");
    expect(claims).not.toContain("Notre commune compte 40 postes");
  });
  const dsi = result(
    "dsi",
    "Ville de Montravel : la stratégie numérique",
    "Pauline Héraud, directrice des systèmes d'information de Montravel, a présenté le plan de migration vers LibreOffice en 2024.",
  );
  const mayor = result(
    "mayor",
    "Ville de Pontclair : la migration",
    "Le maire de Pontclair, Hélène Varin, a annoncé en 2025 la sortie de Microsoft 365.",
  );
  const people: Retriever = {
    mode: async () => "fulltext",
    search: async (query: string) => ({
      mode: "fulltext",
      results: /Héraud|Montravel/.test(query) ? [dsi] : /Varin|Pontclair/.test(query) ? [mayor] : [],
    }),
  };
  const checked = async (claim: string) => {
    const text = `${claim}.`;
    return checkClaims(text, [claim], verifyText(text, []), [], people, (r) => `${r.section}\n${r.text}`);
  };
  it("flags a role the corpus does not give the person, with the corpus's role", async () => {
    const { verification, flags } = await checked("Pauline Héraud est la maire de Montravel");
    expect(verification.sentences[0]!.status).toBe("unsupported");
    expect(verification.sentences[0]!.reasons.join(" ")).toContain("directrice des systèmes d'information");
    expect(flags.map((f) => f.figure)).toContain("Pauline Héraud est la maire de Montravel");
  });
  it("keeps the role the corpus gives the person", async () => {
    const { verification, flags } = await checked("Hélène Varin est la maire de Pontclair");
    expect(verification.sentences[0]!.status).toBe("supported");
    expect(flags).toEqual([]);
  });
});

describe("a context claim about others with the sender's reserve (trial10 A3, other people than the trial's)", () => {
  it("« (selon nos informations) » does not make the claim the sender's own", () => {
    expect(
      contextClaims("Camille Rouvier est le maire de Bellecombe (selon nos informations).", "Commune de Vizille"),
    ).toEqual(["Camille Rouvier est le maire de Bellecombe (selon nos informations)"]);
    expect(
      contextClaims("Camille Rouvier est le maire de Bellecombe (à notre connaissance).", "Commune de Vizille"),
    ).toHaveLength(1);
  });
  it("the sender speaking of themselves stays their own", () => {
    expect(contextClaims("Nos informations datent de 2025.", "Commune de Vizille")).toEqual([]);
  });
});
