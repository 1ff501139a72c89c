/** A place named in a sentence is named by its adjective in the passage (trial: « même hébergées en Europe » was flagged). */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const passage = {
  n: 1,
  text: "Le CLOUD Act permet aux autorités américaines d'exiger des données détenues par une entreprise américaine, y compris par sa filiale européenne, même si les serveurs sont situés hors des États-Unis.",
};

describe("place names and their adjectives", () => {
  it("« en Europe » is named by « filiale européenne »", () => {
    const v = verifyText("Les données restent exposées au CLOUD Act, même hébergées en Europe [1].", [passage]);
    expect(v.sentences[0]?.status).toBe("supported");
  });

  it("a place the passage names in no form is still flagged", () => {
    const v = verifyText("Une entreprise américaine peut devoir livrer des données stockées en Allemagne [1].", [
      passage,
    ]);
    expect(v.sentences[0]?.status).toBe("unsupported");
    expect(v.sentences[0]?.reasons.join(" ")).toContain("Allemagne");
  });
});
