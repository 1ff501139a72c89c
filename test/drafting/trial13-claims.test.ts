/**
 * trial13 A7, on another law, category and year than the trial's: an association's claim that a law obliges a
 * category (« La loi ZAN oblige les communes à … depuis 2023 ») is checked also against the sections of the law's page
 * that the search set aside (at most two passages of one page are kept), and a section saying that the law's article
 * does not apply to that category (its title naming the law) makes the claim « non vérifié ».
 */
import { describe, expect, it } from "vitest";
import { checkClaims } from "../../server/drafting/claims.ts";
import type { Retriever, SearchResult } from "../../server/retrieval/search.ts";
import { verifyText } from "../../server/verify/index.ts";

const TITLE =
  "La loi ZAN de 2023 et son article 12 : l'archivage des données publiques, et l'extension envisagée aux communes";
const result = (id: string, section: string, text: string): SearchResult => ({
  id,
  text,
  section,
  score: 1,
  document: { id: "guidance/loi-zan", title: TITLE, kind: "guidance", date: "2026-02-01", url: null },
  sources: [],
  source: null,
});

const SHOWN = [
  result(
    "bref",
    "La loi ZAN en bref",
    "La loi n° 2023-101 du 3 mars 2023, dite loi ZAN, traite de nombreux sujets (Légifrance, 2023).",
  ),
  result(
    "regions",
    "Les régions et l'article 12",
    "Une région peut associer des communes à son service d'archivage : une commune membre doit donc vérifier si ce service la concerne (Légifrance, 2023).",
  ),
];
const HELD = [
  result(
    "communes",
    "Les communes ne sont pas concernées… pour l'instant",
    "À la date de nos sources (janvier 2026), l'article 12 ne s'applique pas aux communes (Acteurs publics, janvier 2026).",
  ),
];

const retriever: Retriever = {
  mode: async () => "fulltext",
  search: async () => ({ mode: "fulltext", results: SHOWN, held: HELD }),
};
const source = (r: SearchResult) => `${r.document.title} (${r.document.date}) — ${r.section}\n${r.text}`;

const checked = async (claim: string) => {
  const text = `${claim} Nous restons à votre disposition.`;
  const { verification } = await checkClaims(text, [claim], verifyText(text, []), [], retriever, source);
  return verification.sentences.find((s) => s.text.includes(claim.slice(0, 20)))!;
};

describe("trial13 A7: a law said to oblige a category its page says it does not concern", () => {
  it("flags the claim from the section the search set aside", async () => {
    const s = await checked("La loi ZAN oblige les communes à utiliser des logiciels libres depuis 2023.");
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toMatch(/ne s'applique pas aux communes/);
  });
  it("leaves a claim the page carries", async () => {
    const s = await checked("La loi ZAN date de 2023.");
    expect(s.reasons).toEqual([]);
  });
});
