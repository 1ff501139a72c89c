/** The CLI says a draft's flagged sentences apart from its flagged figures (trial11 B5). */
import { describe, expect, it } from "vitest";
import { flagLines } from "../../server/cli/draft.ts";

describe("a draft's flags in the terminal", () => {
  it("lists figures as figures and claims as sentences", () => {
    expect(
      flagLines([
        { figure: "534 millions d'euros", section: "local" },
        { figure: "Jeanne Roux est la maire de Lorient", section: "local", claim: true },
      ]),
    ).toEqual([
      "1 chiffre à vérifier : 534 millions d'euros (local)",
      "1 phrase à vérifier : « Jeanne Roux est la maire de Lorient » (local)",
    ]);
    expect(
      flagLines([
        { figure: "12 %", section: "target" },
        { figure: "40 %", section: "target" },
      ]),
    ).toEqual(["2 chiffres à vérifier : 12 % (target), 40 % (target)"]);
    expect(flagLines([])).toEqual([]);
  });
});
