/**
 * An amount the sentence computes from amounts (faithful52, faithful-blind-24 false flags, tuning half A): the gap
 * between two prices said as such (« Cela fait 1,70 € de plus par licence » after « de 6,70 € à 8,40 € »), a
 * percentage of an amount (« Appliquée à vos 9 000 euros, une hausse de 13 % représenterait environ 1 170 euros »).
 * `computed.ts` recomputed an amount only per unit (an amount by a count); an amount no operation of the sentence's
 * figures gives stays a figure a passage must give.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const PRICES_2022 =
  "Hausses de prix Microsoft — 2022\nAu 1er mars 2022, les prix publics en France ont augmenté ainsi (Silicon.fr, mars 2022) :\n- Office 365 E1 : de 6,70 € à 8,40 €, soit +25 % ;\n- Office 365 E3 : de 19,70 € à 22,60 €, soit +15 % ;\n- Microsoft 365 E3 : de 31,50 € à 35,40 €, soit +12 %.";
const PRICES_2026 =
  "Hausses de prix Microsoft — 2026\nÀ partir du 1er juillet 2026, et à chaque renouvellement de contrat, Microsoft augmente ses prix publics Microsoft 365 :\n- Office 365 E3 : de 23 à 26 dollars, soit +13 % ;\n- Business Basic : de 6 à 7 dollars, soit +16 %.";

const last = (text: string, passage: string, asked: string[] = []) =>
  verifyText(text, [{ n: 1, text: passage }], { asked }).sentences.at(-1)!;

describe("an amount computed from amounts (faithful-blind-24, half A)", () => {
  it("takes the gap between two prices said as such for computed", () => {
    const v = last(
      "Au 1er mars 2022 déjà, Office 365 E1 était passé de 6,70 € à 8,40 € [1]. Cela fait 1,70 € de plus par licence [1].",
      PRICES_2022,
    );
    expect(v.status).toBe("supported");
  });
  it("takes a percentage of the user's amount for computed", () => {
    const v = last(
      "Appliquée à vos 9 000 euros, une hausse de 13 % représenterait environ 1 170 euros de plus par an [1].",
      PRICES_2026,
      ["Nous payons 9 000 euros par an de licences Office 365 E3."],
    );
    expect(v.status).toBe("supported");
  });
  it("keeps an amount no operation gives unverified", () => {
    expect(
      last(
        "Au 1er mars 2022 déjà, Office 365 E1 était passé de 6,70 € à 8,40 € [1]. Cela fait 2,10 € de plus par licence [1].",
        PRICES_2022,
      ).status,
    ).toBe("unsupported");
    expect(
      last(
        "Appliquée à vos 9 000 euros, une hausse de 13 % représenterait environ 1 900 euros de plus par an [1].",
        PRICES_2026,
        ["Nous payons 9 000 euros par an de licences Office 365 E3."],
      ).status,
    ).toBe("unsupported");
  });
});

describe("a duration counted from the note's date to a part of a year (faithful-blind-24, half A)", () => {
  const STEPS =
    "Retours d'expérience — Calendriers\n- État français : Visio doit devenir l'outil unique de visioconférence des services de l'État d'ici 2027 (Le Mémento, 26 janvier 2026).";
  const facts = [
    "Section à rédiger : « Proposition »",
    "Question posée : Faut-il remplacer Zoom par Visio ou BigBlueButton ?",
    "Date de la note : 4 mai 2026",
  ];
  const verdict = (text: string) =>
    verifyText(text, [{ n: 1, text: STEPS }], { facts, modelText: text }).sentences.at(-1)!.status;
  it("reads « fin 2026 » as December 2026: eight months from 4 May 2026", () => {
    expect(verdict("Viser l'arrêt de Zoom à la mairie fin 2026, soit dans huit mois environ [1].")).toBe("supported");
  });
  it("keeps a duration no date gives unverified", () => {
    expect(verdict("Viser l'arrêt de Zoom à la mairie fin 2026, soit dans quatorze mois environ [1].")).toBe(
      "unsupported",
    );
  });
});
