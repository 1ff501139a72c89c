/**
 * A number spelt out before a preposition or an adverb counts nothing (`server/i18n/fr/counted-stops.txt`): « multipliés
 * par huit depuis le rachat » is not « huit depuis » (the scripted suite's one false flag after the third blind set's
 * rules, which read durations in words such as « valable cinq ans »).
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const status = (sentence: string, passage: string) =>
  verifyText(sentence, [{ n: 1, text: passage }]).sentences[0]!.status;

describe("numbers in words before a word that counts nothing", () => {
  it("passes « multipliés par huit depuis le rachat » against « multipliés par 8 à 15 depuis le rachat »", () => {
    const passage =
      "L'observatoire européen ECCO fait état de coûts de licence multipliés par 8 à 15 depuis le rachat (EasySAM, 2025).";
    expect(
      status(
        "L'observatoire européen ECCO fait état de coûts de licence multipliés par huit depuis le rachat [1].",
        passage,
      ),
    ).toBe("supported");
  });
  it("still compares counts of a real noun (« huit départements » against « six départements »)", () => {
    expect(
      status("Le projet réunit huit départements bretons [1].", "Le projet réunit six départements bretons."),
    ).toBe("unsupported");
  });
});
