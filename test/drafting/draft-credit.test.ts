import { describe, expect, it } from "vitest";
import { statementOf, toCitation } from "../../server/drafting/generate.ts";
import type { Draft } from "../../server/drafting/types.ts";
import { freshness, noteOf } from "../../server/export/model.ts";
import type { SearchResult } from "../../server/retrieval/search.ts";

/** A corpus page with many sources, as the real guidance pages have (posts, communiqués, old articles). */
const sources = [
  { title: "Vuink, « France government Linux switch »", url: "https://vuink.com/a", date: "2026-04" },
  { title: "Mastodon (mastodawn.com), discussion sur le séminaire", url: "https://mastodawn.com/1", date: "2026-04" },
  { title: "Gouvernement, communiqué « Souveraineté » (texte non consulté directement)", url: null, date: "2026-04" },
  { title: "Le Soleil, « France : Linux chez les gendarmes »", url: "https://lesoleil.com/a", date: "2008" },
  { title: "Heise, migration de l'armée autrichienne vers LibreOffice", url: "https://heise.de/2", date: "2025-09" },
  {
    title: "Cashwalk Labs, « France launches government Linux desktop plan »",
    url: "https://cw.io/a",
    date: "2026-04",
  },
];
const passage: SearchResult = {
  id: "p1",
  section: "Deuxième décision",
  score: 1,
  document: {
    id: "guidance/seminaire",
    title: "Le séminaire du 8 avril 2026",
    kind: "guidance",
    date: "2026-04-10",
    url: null,
  },
  sources,
  source: null,
  text:
    "Chaque ministère doit formaliser un plan de réduction de ses dépendances d'ici l'automne 2026 (Vuink, avril 2026).\n\n" +
    "Les collectivités territoriales ne sont pas directement concernées par ces décisions. Elles peuvent toutefois s'en inspirer.",
};

describe("footnotes of a generated section", () => {
  it("name the source of the statement the model's sentence restates loosely, not the page's list", () => {
    // A paraphrase: too loose for the strict match, closest to the Vuink statement.
    const c = toCitation(passage, 1, passage.text, [
      "Les ministères devront rendre compte de leurs choix numériques et présenter un plan avant l'automne [1].",
    ]);
    expect(c.page).toBeUndefined();
    expect(c.sources?.map((s) => s.title)).toEqual([sources[0]!.title]);
    expect(noteOf(c).text).toContain("Source : Vuink, « France government Linux switch », avril 2026");
    expect(noteOf(c).text).not.toMatch(/Mastodon|non consulté|Le Soleil/);
  });

  it("name no source for a sentence closest to an unsourced statement, and say so", () => {
    const c = toCitation(passage, 1, passage.text, [
      "Notre collectivité peut s'inspirer de ces décisions sans y être tenue [1].",
    ]);
    expect(c.sources).toEqual([]);
    expect(noteOf(c).text).toContain("n'en reprend aucune affirmation sourcée");
  });

  it("say a passage naming no source is Cap Libre's analysis", () => {
    const bare = { ...passage, text: "Les collectivités ne sont pas directement concernées par ces décisions." };
    const c = toCitation(bare, 1, bare.text, [
      "Les collectivités ne sont pas concernées, notamment pour l'instant [1].",
    ]);
    expect(c.sources).toEqual([]);
    expect(noteOf(c).text).toContain("Analyse de Cap Libre");
  });

  it("name no source for a sentence sharing no word with the passage, and say so", () => {
    const c = toCitation(passage, 1, passage.text, ["Nous appelons à agir vite [1]."]);
    expect(c.sources).toEqual([]);
    expect(noteOf(c).text).toContain("n'en reprend aucune affirmation sourcée");
    expect(noteOf(c).text).not.toContain("Analyse de Cap Libre");
  });

  it("keep the freshness banner to the sources the document cites", () => {
    const c = toCitation(passage, 1, passage.text, [
      "Les ministères devront rendre compte de leurs choix numériques et présenter un plan avant l'automne [1].",
    ]);
    const version = {
      at: "2026-12-05T10:00:00.000Z",
      cause: "generate" as const,
      sections: [
        {
          key: "a",
          title: "A",
          text: "x [1]",
          citations: [c],
          flags: [],
          mode: "generated" as const,
          toComplete: false,
          heading: true,
          passageIds: [],
        },
      ],
    };
    const draft = {
      id: "d",
      type: "letter",
      title: "t",
      collectivite: "c",
      inputs: {},
      createdAt: version.at,
      versions: [version],
    } as Draft;
    // The page lists a 2008 article no sentence uses: it does not make the document « dated 2008 or before ».
    expect(freshness(draft, version).oldest).toBeNull();
  });
});

describe("footnotes of a generated sentence citing a catalog record (trial3: G DATA)", () => {
  const card: SearchResult = {
    id: "catalog/alternative/g-data-endpoint",
    section: "",
    score: 1,
    document: {
      id: "catalog/alternative/g-data-endpoint",
      title: "Alternative : G DATA Endpoint Protection",
      kind: "catalog",
      date: "2015-10",
      url: null,
    },
    sources: [{ title: "ICT Channel — Bochum (G DATA)", url: "https://ict-channel.example/bochum", date: "2015-10" }],
    source: null,
    text: [
      "G DATA Endpoint Protection (antivirus et sécurité) : logiciel non libre, publié par G DATA CyberDefense AG (Allemagne). Maturité : mature.",
      "Remplace : Symantec Endpoint Protection (remplacement direct) ; Kaspersky Endpoint Security (remplacement direct).",
      "Antivirus d'entreprise d'un éditeur allemand (Bochum) fondé en 1985.",
    ].join("\n"),
  };

  it("credits what the record's correspondences say to Cap Libre's catalog, not to the article on the editor", () => {
    const c = toCitation(card, 1, card.text, [
      "G DATA Endpoint Protection remplace directement Kaspersky Endpoint Security et Symantec Endpoint Protection [1].",
    ]);
    expect(c.sources).toEqual([]);
    expect(c.analysis).toBe(true);
    expect(noteOf(c).text).toContain("Analyse de Cap Libre");
    expect(noteOf(c).text).not.toContain("ICT Channel");
  });

  it("keeps the record's source for what it carries (the editor, its country, its founding)", () => {
    const c = toCitation(card, 1, card.text, ["G DATA est un éditeur allemand de Bochum, fondé en 1985 [1]."]);
    expect(c.sources?.map((s) => s.title)).toEqual(["ICT Channel — Bochum (G DATA)"]);
  });
});

describe("footnotes of a quotation cut inside a sentence (trial3: audit plan, « Ce que coûte la transition »)", () => {
  const costs: SearchResult = {
    id: "guidance/couts#transition",
    section: "Ce que coûte la transition",
    score: 1,
    document: { id: "guidance/couts", title: "Coûts et économies", kind: "guidance", date: "2026-05", url: null },
    sources: [
      {
        title: "Heise, migration de l'armée autrichienne vers LibreOffice",
        url: "https://heise.example/1",
        date: "2025-09",
      },
      { title: "Banque des Territoires, « 10 000 agents »", url: "https://bdt.example/1", date: "2025-10" },
      { title: "FOSS Linux, « South Korea switching »", url: "https://fosslinux.example/1", date: "2020" },
    ],
    source: null,
    text: [
      "Une migration a aussi un coût : formation, accompagnement, support. Quelques repères publiés :",
      "",
      "- l'armée autrichienne a financé plus de cinq années-personnes de développement reversées à LibreOffice (Heise, septembre 2025) ;",
      "- l'infrastructure de l'Assistant IA de l'État a coûté environ 300 000 euros (Banque des Territoires, octobre 2025) ;",
      "- la Corée du Sud estimait en 2020 à 655 millions de dollars le passage de ses postes publics à Linux (FOSS Linux, 2020).",
    ].join("\n"),
  };
  const quote =
    "Quelques repères publiés : l'armée autrichienne a financé plus de cinq années-personnes de développement reversées à LibreOffice (Heise, septembre 2025) ; l'infrastructure de l'Assistant IA de l'État a coûté environ 300 000 euros (Banque des Territoires, octobre 2025) …";

  it("names the sources of what it quotes, not that of the clause it cut", () => {
    const c = toCitation(costs, 1, statementOf(quote, costs));
    expect(c.sources?.map((s) => s.date)).toEqual(["2025-09", "2025-10"]);
  });

  it("still reaches the reference that closes a sentence it cut before its end", () => {
    const cut = "la Corée du Sud estimait en 2020 à 655 millions de dollars le passage …";
    expect(toCitation(costs, 1, statementOf(cut, costs)).sources?.map((s) => s.date)).toEqual(["2020"]);
  });
});
