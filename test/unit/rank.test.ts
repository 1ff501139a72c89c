/**
 * What a question asks weighs in the ranking and in the quotation (`server/retrieval/rank.ts`, data
 * `server/i18n/fr/asked.txt`): the passages and sentences holding the asked figure, the headings holding a phrase of
 * the synonym list, the documents about the asked country. Cases from the extractive evaluation (5 December 2026).
 */
import { describe, expect, it } from "vitest";
import { excerpt } from "../../server/retrieval/passages.ts";
import { askedFor, countriesOf, holdsAsked, obligationFirst, weighQuestion } from "../../server/retrieval/rank.ts";
import { keywords } from "../../server/retrieval/relevance.ts";

describe("what a question asks for", () => {
  it("reads a quantity or a date from its wording", () => {
    expect(askedFor("Combien de collectivités vont devoir appliquer la directive NIS2 ?")).toEqual(["quantity"]);
    expect(askedFor("Quel est le budget du Schleswig-Holstein pour sa migration ?")).toEqual(["quantity"]);
    expect(askedFor("Jusqu'à quand court le marché de Linagora ?")).toEqual(["date"]);
    expect(askedFor("En quelle année Munich s'est-elle lancée ?")).toEqual(["date"]);
    expect(askedFor("Que dit la loi SREN ?")).toEqual([]);
  });

  it("finds the asked figure in a text, not in its references or article numbers", () => {
    expect(holdsAsked("Environ 1 500 collectivités seraient concernées.", ["quantity"])).toBe(true);
    expect(holdsAsked("La DINUM passe à Linux (Webiano, avril 2026).", ["quantity"])).toBe(false);
    expect(holdsAsked("La DINUM passe à Linux (Webiano, avril 2026).", ["date"])).toBe(false);
    expect(holdsAsked("L'article 31 de la loi s'applique.", ["quantity"])).toBe(false);
    expect(holdsAsked("Le marché court jusqu'en septembre 2028.", ["date"])).toBe(true);
    expect(holdsAsked("La loi a été votée le 12 mars 2025.", ["quantity"])).toBe(false);
  });

  it("names countries by their name or adjective, France included", () => {
    expect([...countriesOf("Quelles communes françaises ont quitté Microsoft Office ?")]).toEqual(["france"]);
    expect([...countriesOf("Schleswig-Holstein : un Land allemand quitte Microsoft Office")]).toEqual(["allemagne"]);
  });
});

const chunk = (id: string, section: string, text: string, title = "Document", keywords: string[] = []) => ({
  id,
  section,
  text,
  document: { title, keywords },
});

describe("the ranking", () => {
  it("moves up the passage whose sentence holds the asked quantity with the question's words", () => {
    const chunks = [
      chunk("nis2#0", "NIS2 : la directive européenne", "La directive NIS2 renforce la cybersécurité des entités."),
      chunk("nis2#2", "Quelles collectivités sont concernées ?", "Environ 1 500 collectivités seraient concernées."),
    ];
    const ranked = weighQuestion("Combien de collectivités seront concernées par NIS2 ?", chunks, [
      { id: "nis2#0", score: 10 },
      { id: "nis2#2", score: 9 },
    ]);
    expect(ranked[0]!.id).toBe("nis2#2");
  });

  it("moves up the passage whose figure stands beside the word saying what is asked (« budget » → « investissements »)", () => {
    const chunks = [
      chunk("sh#5", "Schleswig-Holstein : la présentation", "Le Land compte 25 000 postes en migration vers le libre."),
      chunk("sh#3", "Schleswig-Holstein : les annonces", "Il prévoit 9 millions d'euros d'investissements en 2026."),
    ];
    const ranked = weighQuestion("Quel est le budget du Schleswig-Holstein pour sa migration ?", chunks, [
      { id: "sh#5", score: 10 },
      { id: "sh#3", score: 9 },
    ]);
    expect(ranked[0]!.id).toBe("sh#3");
  });

  it("counts a phrase of the synonym list in headings (« gagner de l'argent » → « économies »)", () => {
    const chunks = [
      chunk("sh#0", "Schleswig-Holstein : le contexte", "Le Land quitte Microsoft depuis 2017."),
      chunk("sh#3", "Schleswig-Holstein : les économies annoncées", "Le Land paierait moins de licences."),
    ];
    const ranked = weighQuestion("Quitter Microsoft fait-il gagner de l'argent au Schleswig-Holstein ?", chunks, [
      { id: "sh#0", score: 10 },
      { id: "sh#3", score: 9 },
    ]);
    expect(ranked[0]!.id).toBe("sh#3");
  });

  it("moves up, for a question asking whether a claim is true, the passage saying what is confirmed", () => {
    const chunks = [
      chunk("g#1", "Gendarmerie : les étapes", "En 2021, 80 000 postes étaient sous Linux."),
      chunk("g#3", "Gendarmerie : les chiffres non confirmés", "Le chiffre de 103 164 postes n'a pas été retrouvé."),
    ];
    const question = "On lit partout que la gendarmerie a plus de 100 000 ordinateurs sous Linux, c'est sérieux ?";
    const scores = [
      { id: "g#1", score: 10 },
      { id: "g#3", score: 9 },
    ];
    expect(weighQuestion(question, chunks, scores)[0]!.id).toBe("g#3");
    expect(weighQuestion("Combien d'ordinateurs la gendarmerie a-t-elle sous Linux ?", chunks, scores)[0]!.id).toBe(
      "g#1",
    );
  });

  it("quotes first, for a question asking whether a rule obliges, the passage saying whom it obliges", () => {
    // The trial's « … oblige notre commune à quitter Microsoft ? » opened on the Health Data Hub's departure.
    const passages = [
      {
        ...chunk(
          "hdh#2",
          "Health Data Hub : pourquoi le départ de Microsoft a pris des années",
          "Le cadre légal s'est durci : l'article 31 de la loi SREN impose aux administrations de l'État de choisir un prestataire protégé. Le départ de Microsoft a pris sept ans.",
        ),
        score: 22.2,
      },
      {
        ...chunk(
          "cloud#4",
          "Ce que le CLOUD Act change pour une mairie",
          "Aucune loi française n'interdit aujourd'hui à une collectivité d'héberger ses données chez un fournisseur américain ; l'article 31 de la loi SREN ne vise que l'État.",
        ),
        score: 21.9,
      },
      {
        ...chunk(
          "sren#3",
          "Les collectivités ne sont pas concernées… pour l'instant",
          "L'article 31 ne s'applique pas aux collectivités territoriales (Clever Cloud, 16 février 2026).",
          "La loi SREN de 2024 et son article 31",
        ),
        score: 18,
      },
    ];
    const ids = (question: string) => obligationFirst(question, passages).map((r) => r.id);
    expect(ids("Est-ce que la loi SREN oblige notre commune à quitter Microsoft ?")).toEqual([
      "cloud#4",
      "sren#3",
      "hdh#2",
    ]);
    // The rule named by the page's title counts for its sentences.
    expect(ids("La loi SREN s'applique-t-elle aux mairies ?").indexOf("sren#3")).toBeLessThan(2);
    expect(ids("Est-il interdit à une mairie d'héberger ses données chez un fournisseur américain ?")[0]).toBe(
      "cloud#4",
    );
    // A question asking no obligation keeps the search's order.
    expect(ids("Pourquoi le Health Data Hub a-t-il mis sept ans à quitter Microsoft ?")).toEqual([
      "hdh#2",
      "cloud#4",
      "sren#3",
    ]);
  });

  it("moves up the documents about the asked country, down those about another one", () => {
    const chunks = [
      chunk("sh#2", "Les chiffres", "LibreOffice sur 25 000 postes.", "Schleswig-Holstein : un Land allemand", [
        "Allemagne",
      ]),
      chunk("boe#1", "Boé : 95 % des postes sous Ubuntu", "Boé a quitté Microsoft.", "Autres collectivités françaises"),
    ];
    const ranked = weighQuestion("Quelles communes françaises ont quitté Microsoft Office ?", chunks, [
      { id: "sh#2", score: 14 },
      { id: "boe#1", score: 12.5 },
    ]);
    expect(ranked[0]!.id).toBe("boe#1");
  });
});

describe("the quotation of a passage", () => {
  it("holds the sentence with the asked figure rather than one with as many question words", () => {
    const text =
      "La Gendarmerie a économisé grâce à Linux, selon la presse de l'époque. Le choix a été discuté au Parlement. Les économies de la Gendarmerie atteignent 12 millions d'euros par an.";
    const question = "Combien la Gendarmerie a-t-elle économisé ?";
    const quote = excerpt(text, keywords(question), 80, "", askedFor(question));
    expect(excerpt(text, keywords(question), 80)).not.toContain("12 millions");
    expect(quote).toContain("12 millions");
  });
});
