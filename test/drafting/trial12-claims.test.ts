/**
 * trial12 A1, on other places, products and collectivités than the trial's: an association's context about others
 * (« Saint-Herblain, dans la Loire », « Zammad est un logiciel américain », « Dortmund a quitté Oracle en 2024 ») is
 * checked against the passages found for it like a model's sentence: a département, a maker's country or a gradual
 * change the corpus gives otherwise makes the claim « non vérifié », with the reason.
 */
import { describe, expect, it } from "vitest";
import { checkClaims } from "../../server/drafting/claims.ts";
import type { Retriever, SearchResult } from "../../server/retrieval/search.ts";
import { verifyText } from "../../server/verify/index.ts";

const result = (id: string, title: string, section: string, text: string): SearchResult => ({
  id,
  text,
  section,
  score: 1,
  document: { id, title, kind: "case-study", date: "2026", url: null },
  sources: [],
  source: null,
});

const PASSAGES = [
  result(
    "herblain",
    "Autres collectivités françaises",
    "Saint-Herblain (Loire-Atlantique) : 80 % des postes sous Debian",
    "Saint-Herblain, commune d'environ 47 000 habitants, fait fonctionner 80 % de son parc sous Debian.",
  ),
  result(
    "zammad",
    "Alternative : Zammad",
    "(introduction)",
    "Zammad (assistance) : logiciel libre sous licence AGPL-3.0, publié par Zammad GmbH (Allemagne). Maturité : mature.",
  ),
  result(
    "dortmund",
    "Ville de Dortmund : sortir progressivement d'Oracle",
    "Le contexte de l'annonce",
    "Le 3 mars 2024, la Ville de Dortmund a annoncé qu'elle remplacerait progressivement les bases de données d'Oracle utilisées dans ses services.",
  ),
];

const retriever: Retriever = {
  mode: async () => "fulltext",
  search: async (query: string) => ({
    mode: "fulltext",
    results: PASSAGES.filter((r) => query.toLowerCase().includes(r.id)),
  }),
};
const source = (r: SearchResult) => `${r.document.title} — ${r.section}\n${r.text}`;

const checked = async (claim: string) => {
  const text = `${claim} Nous restons à votre disposition.`;
  const { verification } = await checkClaims(text, [claim], verifyText(text, []), [], retriever, source);
  return verification.sentences.find((s) => s.text.includes(claim.slice(0, 20)))!;
};

describe("trial12 A1: an association's context about others, against the corpus", () => {
  it("flags a département, a maker's country and a gradual change the corpus gives otherwise", async () => {
    for (const [claim, reason] of [
      ["Saint-Herblain, dans la Loire, a passé 80 % de ses postes sous Debian.", /Loire-Atlantique/],
      ["Zammad est un logiciel américain.", /Allemagne/],
      ["Dortmund a quitté Oracle en 2024.", /progressi/],
    ] as const) {
      const s = await checked(claim);
      expect([claim, s.status]).toEqual([claim, "unsupported"]);
      expect(s.reasons.join(" ")).toMatch(reason);
    }
  });
  it("leaves what the corpus says", async () => {
    for (const claim of [
      "Saint-Herblain, dans la Loire-Atlantique, a passé 80 % de ses postes sous Debian.",
      "Zammad est un logiciel allemand.",
      "Dortmund a annoncé en 2024 qu'elle remplacerait progressivement Oracle.",
    ]) {
      const s = await checked(claim);
      expect([claim, s.reasons]).toEqual([claim, []]);
    }
  });
});
