/**
 * A briefing note's « L'essentiel » without a model (trial11 B8): each point says what it is about when its sentence
 * does not (a card's name, a page's subject); a question that asks to renew or replace a product gets its card's
 * alternatives; a year the question gives as its own contract's end is not « a year asked » no passage answers.
 * Products and pages that are not the trial's.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  alternativesPoint,
  answerPoints,
  asksOwnFigure,
  opensOnName,
  ownYears,
  pointSubject,
  unsaidYears,
} from "../../server/drafting/answer-points.ts";
import type { SearchResult } from "../../server/retrieval/search.ts";
import { catalogCards, passageOf } from "../helpers/passages.ts";

let cards: SearchResult[];
beforeAll(async () => {
  cards = await catalogCards();
});
const card = (id: string) => cards.find((c) => c.document.id === id)!;

describe("a year the question gives as its own situation", () => {
  it("is its contract's end, not a year asked", () => {
    const question = "Notre abonnement Dropbox arrive à échéance en 2028 : faut-il le renouveler ?";
    expect(ownYears(question)).toEqual(["2028"]);
    expect(unsaidYears(question, [])).toEqual([]);
  });

  it("a year asked stays one", () => {
    expect(ownYears("Que faut-il avoir fait d'ici 2029 ?")).toEqual([]);
    expect(unsaidYears("Que faut-il avoir fait d'ici 2029 ?", []).map((y) => y.year)).toEqual(["2029"]);
  });
});

describe("what a point is about", () => {
  it("a card's line says its card's name; a page's sentence without its subject, the page's", () => {
    const vendor = card("catalog/vendor/dropbox");
    expect(pointSubject(vendor, "Exposition à des lois extra-européennes : CLOUD Act (États-Unis).")).toBe("Dropbox");
    const page = passageOf(
      "tchap#0",
      "Tchap, la messagerie de l'État : ouverte aux collectivités",
      "Les agents de l'État utilisent Tchap depuis 2019. L'objectif est de remplacer les messageries grand public dans les services.",
      "guidance",
    );
    expect(pointSubject(page, "L'objectif est de remplacer les messageries grand public dans les services.")).toBe(
      "Tchap, la messagerie de l'État",
    );
    // Named in the sentence: nothing to add.
    expect(pointSubject(page, "Tchap est ouvert aux agents des collectivités depuis 2025.")).toBeNull();
  });

  it("a sentence that opens on a name of its own needs none (a source named « Selon X » is not its subject)", () => {
    expect(opensOnName("Le Land de Thuringe a suivi la même logique en 2024.")).toBe(true);
    expect(opensOnName("Le ministère de la Culture a conclu un contrat de trois ans.")).toBe(true);
    expect(opensOnName("Selon Le Télégramme (3 mars 2026), l'objectif est de sortir des licences.")).toBe(false);
    expect(opensOnName("La ville a mené à terme le passage de ses postes.")).toBe(false);
    const page = passageOf(
      "cnll#0",
      "Le CNLL et les marchés publics : ce qu'il demande",
      "Selon le CNLL, le ministère de la Culture a conclu un contrat.",
      "guidance",
    );
    expect(pointSubject(page, "Le ministère de la Culture a conclu un contrat de trois ans.")).toBeNull();
  });

  it("a page on a general topic: its section's subject, or nothing", () => {
    const general = {
      ...passageOf(
        "rythmes#0",
        "Fixer un calendrier progressif : méthode",
        "Le Land de Thuringe a annoncé 300 postes sous Linux en 2026.",
        "guidance",
      ),
      section: "Les rythmes observés : la Thuringe",
    };
    expect(pointSubject(general, "Environ 300 postes doivent passer sous Linux en 2026.")).toBe("La Thuringe");
    const method = passageOf(
      "etude#0",
      "Mener l'étude des dépendances : méthode",
      "Pour mener l'étude, on commence par les contrats.",
    );
    expect(pointSubject(method, "Les dates d'échéance sont essentielles.")).toBeNull();
    // A section heading that is not a name (« 95 % des postes sous Debian ») says nothing of the point.
    expect(
      pointSubject({ ...method, section: "Bilan : 95 % des postes sous Debian" }, "Un pilote a été mené."),
    ).toBeNull();
  });
});

describe("a question asking to renew or replace a product", () => {
  it("gets its card's alternatives", () => {
    const point = alternativesPoint(
      "Notre abonnement Dropbox se termine : le renouveler ou passer à une solution européenne ?",
      [card("catalog/product/dropbox")],
    );
    expect(point?.sentence).toMatch(/^Alternatives : /);
    expect(point?.r.document.id).toBe("catalog/product/dropbox");
  });

  it("not when it asks no replacement, nor of a card it does not name", () => {
    expect(alternativesPoint("Dropbox est-il soumis au CLOUD Act ?", [card("catalog/product/dropbox")])).toBeNull();
    expect(
      alternativesPoint("Faut-il passer à une solution européenne ?", [card("catalog/product/dropbox")]),
    ).toBeNull();
  });
});

describe("a question word with a synonym of several words (« aide de l'État » for « subvention »)", () => {
  it("is held by the phrase, not by each of its small words", () => {
    const used = [
      passageOf(
        "vitre#0",
        "Vitré : le passage à Linux",
        "La Ville de Vitré a migré les postes de travail de la mairie vers Linux en 2024.",
      ),
      passageOf(
        "vitre#1",
        "Vitré : le financement",
        "La Ville de Vitré a reçu une subvention de 300 000 euros pour sa plateforme.",
      ),
    ];
    expect(answerPoints("Quelle subvention pour la Ville de Vitré ?", used, 1).map((p) => p.r.id)).toEqual(["vitre#1"]);
  });
});

describe("a note's « L'essentiel » on a premise the corpus calls unconfirmed (trial14 A13, B8)", () => {
  const question =
    "Faut-il quitter Zimbra avant la hausse de tarif de 2028, et combien la commune économiserait-elle ?";
  const passages = [
    passageOf(
      "autres#0",
      "D'autres collectivités et la messagerie libre",
      "Au-delà des cas détaillés ailleurs dans le corpus (Brest, Figeac, Région Bretagne), plusieurs collectivités offrent des exemples de messagerie libre quittant Zimbra après une hausse de tarif. Pour le détail, voir aussi les études de cas sur les hausses de tarif de Zimbra et de Synacor.",
      "case-study",
    ),
    {
      ...passageOf(
        "zimbra#3",
        "Les hausses de tarif de Zimbra",
        "La présentation de Figeac liste les hausses une à une :\n\n- En 2026 : +10 % sur les licences Zimbra. Confirmé par Synacor.\n- En 2028 : une « seconde hausse » sur Zimbra Network Edition. Non confirmé.\n",
        "case-study",
      ),
      section: "Figeac : les hausses de tarif de Zimbra annoncées pour 2026 et 2028",
    },
    passageOf(
      "zimbra#1",
      "Les hausses de tarif de Zimbra",
      "Synacor a relevé les tarifs de Zimbra Network Edition de 10 % en mars 2026 pour les collectivités qui quittent l'offre perpétuelle (LeMagIT, mars 2026).",
      "case-study",
    ),
  ];

  it("never quotes a sentence about the corpus itself (« ailleurs dans le corpus », « Pour le détail, voir aussi »)", () => {
    const points = answerPoints(question, passages, 3).map((p) => p.sentence);
    expect(points.length).toBeGreaterThan(0);
    for (const p of points) expect(p).not.toMatch(/ailleurs dans le corpus|voir aussi/);
  });

  it("quotes the list item saying what the corpus knows of the year asked, and then does not call it unsaid", () => {
    const points = answerPoints(question, passages, 3);
    expect(points.map((p) => p.sentence).join(" ")).toMatch(/En 2028 : une « seconde hausse » .* Non confirmé\./);
    expect(unsaidYears(question, points)).toEqual([]);
  });
});

describe("a note's question asking a figure of its own collectivité (trial14 A13)", () => {
  it("is told apart from a figure of another one", () => {
    const cher = ["Département du Cher", "département"] as const;
    expect(asksOwnFigure("Faut-il quitter Zimbra, et combien le département économiserait-il ?", ...cher)).toBe(true);
    expect(
      asksOwnFigure("Faut-il quitter Zimbra, et combien la ville économiserait-elle ?", "Bourges", "commune"),
    ).toBe(true);
    expect(asksOwnFigure("Combien Bourges dépense-t-elle en licences ?", "Bourges", "commune")).toBe(true);
    expect(asksOwnFigure("Combien économiserions-nous chez nous ?", "", "")).toBe(true);
    expect(asksOwnFigure("Combien la ville de Lyon a-t-elle économisé ?", "Bourges", "commune")).toBe(false);
    expect(asksOwnFigure("Faut-il quitter Zimbra avant 2028 ?", "Bourges", "commune")).toBe(false);
    // Another kind of collectivité than the note's is another one (« Grand Est : la Région avait pris combien … »).
    expect(
      asksOwnFigure("Grand Est : la Région avait pris combien de licences Office 365 ?", "Bourges", "commune"),
    ).toBe(false);
  });
});
