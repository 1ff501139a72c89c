/**
 * A name typed without its capital (« boe c'est combien de postes sous linux », trial23 T-M4) is the name the passages
 * write with one: a sentence of another case (Munich's « entre 15 000 et 18 000 postes ») is not read aloud as its
 * figure, as it is not when the name is typed « Boé ». Towns written for the test.
 */
import { describe, expect, it } from "vitest";
import { briefFor, passageOf } from "../helpers/passages.ts";

const used = [
  passageOf(
    "autres#0",
    "Autres collectivités françaises",
    "Vernade, commune d'environ 4 000 habitants, fait fonctionner 90 % de son parc sous Linux (Ubuntu).",
  ),
  passageOf(
    "grossstadt#0",
    "Grossstadt et son Linux municipal",
    "Les sources divergent sur le nombre de postes passés sous Linux : le chiffre varie entre 12 000 et 14 000 postes selon les sources.",
  ),
];

describe("a name typed in lower case", () => {
  it("keeps another case's figure out of « En bref », as the capitalised name does", () => {
    for (const q of ["Vernade c'est combien de postes sous linux", "vernade c'est combien de postes sous linux"]) {
      const text = briefFor(q, used, ["quantity"])?.text ?? "";
      expect(text).toContain("Vernade, commune");
      expect(text).not.toContain("12 000");
    }
  });
});
