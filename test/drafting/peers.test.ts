/**
 * A collectivité's budget is compared with its peers first: a section that asks for it (`peersFirst`) ranks passages
 * of pages about communes, intercommunalités, départements or régions before a State's (trial 2026-12-05: South
 * Korea's 655 M$ migration offered as an « ordre de grandeur » to a commune of 8,000 inhabitants).
 */
import { describe, expect, it } from "vitest";
import { retrievePassages } from "../../server/drafting/generate.ts";
import type { SectionStructure } from "../../server/drafting/structure.ts";
import type { Retriever, SearchResult } from "../../server/retrieval/search.ts";

const result = (id: string, title: string, text: string): SearchResult => ({
  id,
  text,
  section: "Coûts",
  score: 1,
  document: { id, title, kind: "case-study", date: "2025", url: null },
  sources: [],
  source: null,
});
const RESULTS = [
  result(
    "coree",
    "La Corée du Sud et Linux",
    "Coût de la migration : 550 millions d'euros d'économies attendues sur les licences.",
  ),
  result(
    "guide",
    "Coûts et économies",
    "Les économies de licences et le coût de la migration varient selon les organisations.",
  ),
  result(
    "echirolles",
    "Échirolles : une commune moteur du logiciel libre",
    "Coût de la migration : 40 000 euros d'économies de licences par an.",
  ),
];
const retriever: Retriever = {
  mode: async () => "fulltext",
  search: async () => ({ mode: "fulltext", results: RESULTS }),
};
const section = (extra: Partial<SectionStructure>) =>
  ({
    key: "costs",
    query: "coût migration économies licences",
    maxPassages: 2,
    preferFigures: true,
    ...extra,
  }) as SectionStructure;

describe("passages for a budget section", () => {
  it("puts a commune's figures before a State's when the section asks for peers, figures first within each", async () => {
    const peers = await retrievePassages(section({ peersFirst: true }), {}, retriever);
    expect(peers.passages.map((r) => r.id)).toEqual(["echirolles", "coree", "guide"]);
    const plain = await retrievePassages(section({ peersFirst: false }), {}, retriever);
    expect(plain.passages.map((r) => r.id)).toEqual(["coree", "echirolles", "guide"]);
  });

  it("cites only the catalog records of the collectivité's products and their alternatives when the section says so", async () => {
    const catalog = (id: string, title: string) => ({
      ...result(id, title, "Alternative logiciel libre européen pour la visioconférence : Visio, Jitsi."),
      document: { id: `catalog/${id}`, title, kind: "catalog", date: "2026", url: null },
    });
    const own: Retriever = {
      mode: async () => "fulltext",
      search: async () => ({
        mode: "fulltext",
        results: [
          catalog("product/google-meet", "Produit : Google Meet"),
          catalog("product/zoom", "Produit : Zoom"),
          catalog("alternative/visio", "Alternative : Visio"),
        ],
      }),
    };
    const alternatives = {
      ...section({ catalogScope: true }),
      query: "Visio alternative logiciel libre européen",
      maxPassages: 3,
    };
    const { passages } = await retrievePassages(
      alternatives as SectionStructure,
      { catalog_scope: "product/zoom alternative/visio" },
      own,
    );
    expect(passages.map((r) => r.id)).toEqual(["product/zoom", "alternative/visio"]);
  });
});

describe("passages a section avoids", () => {
  it("leaves out a page whose title or heading holds an avoided phrase, and keeps it without the option (trial18 F17)", async () => {
    const munich = {
      ...result(
        "munich",
        "Munich et LiMux : une migration vers Linux menée à terme, puis le retour à Windows décidé en 2017",
        "En novembre 2017, le conseil municipal a voté le retour à des logiciels sous Windows : économies contestées.",
      ),
      section: "Munich : le retour à Windows voté en novembre 2017",
    };
    const all: Retriever = {
      mode: async () => "fulltext",
      search: async () => ({ mode: "fulltext", results: [munich, ...RESULTS] }),
    };
    const avoiding = await retrievePassages(section({ avoid: ["retour à Windows"] }), {}, all);
    expect(avoiding.passages.map((r) => r.id)).not.toContain("munich");
    expect(avoiding.passages.map((r) => r.id)).toContain("echirolles");
    const plain = await retrievePassages(section({}), {}, all);
    expect(plain.passages.map((r) => r.id)).toContain("munich");
  });
});
