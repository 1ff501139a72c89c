/**
 * faithful-blind-17, on other texts: a figure the sentence computes from figures of the passages, tied to them by its
 * words, is not « absent » — a share of a count (« 40 % des postes …, soit quelque 200 machines » for 500 postes) and a
 * ratio (« multipliée par 3 » for « de 20 à 60 »); a wrong computation, another unit or another operation still is.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const passages = [
  { n: 1, text: "Saint-Lys — Le parc\nLa mairie de Saint-Lys gère environ 500 postes répartis sur douze sites." },
  {
    n: 2,
    text: "Saint-Lys — La migration\nEn juin 2025, environ 40 % des postes de Saint-Lys tournaient sous Linux. Le nombre de serveurs virtualisés est passé de 20 à 60 depuis 2022.",
  },
];
const status = (s: string) => verifyText(s, passages).sentences[0]!;

describe("a figure computed from the passages' figures, with the words that tie them", () => {
  it("accepts a share of a count the passages give, and a ratio of two figures they give", () => {
    expect(
      status("En juin 2025, environ 40 % des postes tournaient sous Linux, soit quelque 200 machines [2].").status,
    ).toBe("supported");
    expect(status("Le nombre de serveurs virtualisés a ainsi été multiplié par 3 [2].").status).toBe("supported");
  });
  it("still flags a wrong result, another thing counted, another operation", () => {
    for (const wrong of [
      "En juin 2025, environ 40 % des postes tournaient sous Linux, soit quelque 320 machines [2].",
      "En juin 2025, environ 40 % des postes tournaient sous Linux, soit 200 serveurs [2].",
      "Le nombre de serveurs virtualisés a ainsi été multiplié par 4 [2].",
      "Le nombre de serveurs virtualisés a ainsi été divisé par 3 [2].",
    ])
      expect([wrong, status(wrong).reasons.join(" ")]).toEqual([wrong, expect.stringMatching(/ne figure pas/)]);
  });
});
