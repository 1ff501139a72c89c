/** Punctuation dictated as words (trial18 F9): read as its marks, never a word that means something else. */
import { describe, expect, it } from "vitest";
import { withoutDictatedPunctuation } from "../../server/retrieval/dictation.ts";

describe("withoutDictatedPunctuation", () => {
  it("writes each dictated mark as the mark", () => {
    expect(
      withoutDictatedPunctuation(
        "est-ce que le cloud act s'applique à notre mairie virgule on a nos données chez microsoft point d'interrogation",
      ),
    ).toBe("est-ce que le cloud act s'applique à notre mairie, on a nos données chez microsoft ?");
    // Typed without its apostrophe, with capitals, « point virgule » before « virgule ».
    expect(
      withoutDictatedPunctuation("Bonjour Virgule nextcloud point virgule c'est français Point D interrogation"),
    ).toBe("Bonjour, nextcloud; c'est français ?");
    expect(withoutDictatedPunctuation("ouvrez les guillemets cloud act fermez les guillemets ça veut dire quoi")).toBe(
      "« cloud act» ça veut dire quoi",
    );
  });

  it("leaves the words that mean something else", () => {
    for (const q of [
      "on doit faire le point sur les virgules flottantes",
      "deux points de vigilance avant de migrer",
      "une nouvelle ligne budgétaire pour le libre",
      "le point de vue de la CNIL",
    ])
      expect(withoutDictatedPunctuation(q)).toBe(q);
  });
});
