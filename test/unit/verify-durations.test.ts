/**
 * A duration spelt out in words is a figure (trial17 D2: « Une commune bretonne peut donc faire la même chose en un
 * an » was « no-claim », « Le Land a migré ses postes en deux ans » supported, cited to a passage giving no duration).
 */
import { describe, expect, it } from "vitest";
import { durationsInWords, writesDuration } from "../../server/verify/durations.ts";
import { verifyText } from "../../server/verify/index.ts";

const passage = {
  n: 1,
  text: "Schleswig-Holstein : le contexte. Le Land a engagé en 2024 la migration de 30 000 postes vers LibreOffice, un chantier prévu sur plusieurs années. La bascule de la messagerie a pris 18 mois.",
};
const check = (sentence: string) => verifyText(sentence, [passage]).sentences[0]!;

describe("a duration in words", () => {
  it("is read after what introduces a length of time, not as a moment", () => {
    expect(durationsInWords("Le Land a migré en deux ans.").map((d) => d.days)).toEqual([730]);
    expect(durationsInWords("Une commune peut le faire d'ici un an.").map((d) => d.raw)).toEqual(["un an"]);
    expect(durationsInWords("Deux ans après, le Land a migré.")).toEqual([]);
    expect(durationsInWords("Le Land a migré en 2024.")).toEqual([]);
  });

  it("is found in a source in words or digits, in a unit it converts to", () => {
    expect(durationsInWords("La bascule s'est faite en un an et demi.").map((d) => d.days)).toEqual([547.5]);
    const [year] = durationsInWords("en un an");
    expect(writesDuration("Le projet a duré 12 mois.", year!)).toBe(true);
    expect(writesDuration("Le projet a duré un an.", year!)).toBe(true);
    expect(writesDuration("Le projet a duré deux ans.", year!)).toBe(false);
  });

  it("flags a length of time no cited passage gives, and keeps the one it gives", () => {
    for (const sentence of [
      "Une commune bretonne peut donc faire la même chose en un an [1].",
      "Le Land a migré ses postes en deux ans [1].",
    ]) {
      const s = check(sentence);
      expect(s.status, sentence).toBe("unsupported");
      expect(s.reasons.join(" "), sentence).toMatch(/« (un|deux) ans? » ne figure pas/);
    }
    for (const sentence of [
      "La bascule de la messagerie a pris dix-huit mois [1].",
      "La bascule de la messagerie a pris un an et demi [1].",
      "La bascule de la messagerie a pris 18 mois [1].",
    ])
      expect(check(sentence).reasons.join(" "), sentence).not.toMatch(/ne figure pas/);
    expect(check("Le chantier est prévu sur plusieurs années [1].").status).toBe("supported");
  });
});
