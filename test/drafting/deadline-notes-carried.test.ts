/**
 * trial13 A8, on another plan and season than the trial's: Cap Libre's note « Échéance … passée … le corpus ne dit
 * pas si elle a été tenue » after a generated sentence is built only from a deadline the passages it cites carry; a
 * date the model changed (« l'été 2027 » for the passage's « l'automne 2027 ») is not lent the corpus's authority.
 */
import { describe, expect, it } from "vitest";
import { annotateDeadlines } from "../../server/drafting/generate.ts";

const PASSAGE = "Chaque ministère doit remettre d'ici l'automne 2027 son plan de sobriété numérique.";

describe("a past deadline note after a generated sentence", () => {
  const dated = (passages: string[]) => () => ({ pageDate: "2027-03-10", sourceDate: null, passages });
  it("is written for a deadline its cited passage carries", () => {
    const { notes } = annotateDeadlines(
      "Chaque ministère doit remettre son plan de sobriété d'ici l'automne 2027 [1].",
      "2027-12-20",
      dated([PASSAGE]),
    );
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain("« d'ici l'automne 2027 »");
  });
  it("is not written for a deadline the model changed", () => {
    const { text, notes } = annotateDeadlines(
      "Chaque ministère doit remettre son plan de sobriété d'ici l'été 2027 [1].",
      "2027-12-20",
      dated([PASSAGE]),
    );
    expect(notes).toEqual([]);
    expect(text).not.toContain("été 2027 » passée");
  });
});
