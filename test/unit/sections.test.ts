/**
 * Which sections of a document an extractive answer quotes (`rankSections` in `server/retrieval/rank.ts`,
 * `chooseSections` in `server/answers/answer.ts`): the per-document cap keeps the two passages a question's words
 * rank first, which are not always those holding what it asks (« Combien de collectivités … NIS2 ? » kept the
 * sections saying « NIS2 » and « directive » most often; the one with « environ 1 500 collectivités » was set aside).
 */
import { describe, expect, it } from "vitest";
import { chooseSections } from "../../server/answers/answer.ts";
import { countedStems, holdsCount, rankSections } from "../../server/retrieval/rank.ts";
import type { SearchResult } from "../../server/retrieval/search.ts";

const TITLE = "La directive NIS2 et sa transposition en France : ce qui attend les collectivités";
const passage = (id: string, section: string, text: string, title = TITLE, score = 1): SearchResult => ({
  id,
  section,
  text,
  score,
  document: { id: id.split("#")[0]!, title, kind: "guidance", date: "2025-09-10", url: null },
  sources: [],
  source: null,
});

const nis2 = [
  passage(
    "nis2#0",
    "NIS2 : la directive européenne",
    "La directive (UE) 2022/2555, dite NIS2, a été publiée le 27 décembre 2022. Elle couvre 11 secteurs dits essentiels et 7 secteurs dits importants.",
    TITLE,
    22,
  ),
  passage(
    "nis2#4",
    "NIS2 et dépendances numériques : quel lien ?",
    "NIS2 n'est pas un texte sur la souveraineté : la directive n'interdit aucun fournisseur. Les collectivités doivent sécuriser leur chaîne d'approvisionnement.",
    TITLE,
    19,
  ),
  passage(
    "nis2#1",
    "Le projet de loi « Résilience » : la transposition française",
    "En France, la transposition passe par un projet de loi dit « Résilience ». Environ 15 000 entités seraient régulées ; environ 1 500 collectivités seraient classées « entités essentielles ».",
    TITLE,
    12,
  ),
];

describe("what a quantity question counts", () => {
  it("is the noun after « combien de » or « nombre de », with its synonyms", () => {
    expect([...countedStems("Combien de collectivités vont devoir appliquer la directive NIS2 ?")]).toEqual([
      "collectiv",
    ]);
    expect(countedStems("Combien d'ordinateurs la DINUM va-t-elle passer sous Linux ?").has("post")).toBe(true);
    expect(countedStems("De combien les licences Microsoft vont-elles augmenter ?").size).toBe(0);
    expect(countedStems("Que dit la loi SREN ?").size).toBe(0);
  });

  it("is held by a figure standing right before it, not by a figure of something else", () => {
    const counted = countedStems("Combien de collectivités vont devoir appliquer NIS2 ?");
    expect(holdsCount("environ 1 500 collectivités seraient classées « entités essentielles »", counted)).toBe(true);
    expect(holdsCount("Elle couvre 11 secteurs ; les collectivités devront s'y préparer.", counted)).toBe(false);
    // A year is not a count.
    expect(holdsCount("En 2024 collectivités et entreprises attendaient le texte.", counted)).toBe(false);
  });
});

describe("the sections of one document", () => {
  it("come first when they hold what is asked, the words the document's title already holds aside", () => {
    const ranked = rankSections("Combien de collectivités vont devoir appliquer la directive NIS2 ?", nis2);
    expect(ranked[0]!.id).toBe("nis2#1");
  });

  it("come first for « Quand… ? » when their heading names a dated event", () => {
    const title = "Le Health Data Hub quitte Microsoft Azure : sept ans pour rapatrier les données de santé";
    const hdh = [
      passage(
        "hdh#2",
        "Health Data Hub : pourquoi le départ de Microsoft a pris des années",
        "Le Health Data Hub est resté chez Microsoft : aucun hébergeur ne convenait aux données de santé.",
        title,
      ),
      passage(
        "hdh#1",
        "Health Data Hub : les critiques de la CNIL",
        "La CNIL a critiqué l'hébergement des données de santé du Health Data Hub chez Microsoft.",
        title,
      ),
      passage(
        "hdh#3",
        "Health Data Hub : la décision du 5 février 2026",
        "Le gouvernement a choisi un hébergeur qualifié pour les données de santé du Health Data Hub, hors de Microsoft.",
        title,
      ),
    ];
    const ranked = rankSections("Quand les données de santé du Health Data Hub doivent-elles quitter Microsoft ?", hdh);
    expect(ranked[0]!.id).toBe("hdh#3");
  });

  it("keep the ranking's order when none answers better", () => {
    const ranked = rankSections("Que dit la directive NIS2 ?", nis2);
    expect(ranked.map((r) => r.id)).toEqual(["nis2#0", "nis2#4", "nis2#1"]);
  });
});

describe("an extractive answer's quoted passages", () => {
  const other = passage("sren#2", "La loi SREN", "La loi SREN concerne les collectivités.", "La loi SREN", 10);

  it("add to the best document the set-aside section holding what is asked, in the page's order", () => {
    const groups = chooseSections(
      "Combien de collectivités vont devoir appliquer la directive NIS2 ?",
      [nis2[0]!, nis2[1]!, other],
      [nis2[2]!],
    );
    expect(groups.groups.map((g) => g.map((r) => r.id))).toEqual([["nis2#0", "nis2#1", "nis2#4"], ["sren#2"]]);
    expect([...groups.extra].map((r) => r.id)).toEqual(["nis2#1"]);
  });

  it("leave out the fourth document when the best one quotes a section more (the answer stays as long)", () => {
    const more = ["a", "b", "c"].map((d) => passage(`${d}#0`, "Partie", "Un texte sur les collectivités.", d, 5));
    const { groups } = chooseSections(
      "Combien de collectivités vont devoir appliquer la directive NIS2 ?",
      [nis2[0]!, nis2[1]!, ...more],
      [nis2[2]!],
    );
    expect(groups.map((g) => g[0]!.document.id)).toEqual(["nis2", "a", "b"]);
  });

  it("stay as ranked when no set-aside section answers better", () => {
    const groups = chooseSections("Que dit la directive NIS2 ?", [nis2[0]!, nis2[1]!, other], [nis2[2]!]);
    expect(groups.groups.map((g) => g.map((r) => r.id))).toEqual([["nis2#0", "nis2#4"], ["sren#2"]]);
    expect(groups.extra.size).toBe(0);
  });
});
