/** trial9 A8: the figure check leaves out the numbers of names its data carry, and reads a number whole. */
import { describe, expect, it } from "vitest";
import { checkFigures, namedNumbers, wholeNumberPattern } from "../../server/verify/figures.ts";

describe("trial9 A8: numbers of names the data carry, and whole numbers", () => {
  it("a number inside a name given to the check is not a figure; the same number elsewhere still is", () => {
    const text = "Deux postes ont le logiciel 7-Zip. Sage 100 est installé sur trois postes.";
    expect(checkFigures(text, []).map((f) => f.figure)).toEqual(["7", "100"]);
    expect(checkFigures(text, [], ["7-Zip", "Sage 100"])).toEqual([]);
    expect(checkFigures("Sage 100 est installé sur 100 postes.", [], ["Sage 100"]).map((f) => f.figure)).toEqual([
      "100",
    ]);
    expect(namedNumbers("Le logiciel 7-Zip, 7 postes.", ["7-Zip"])).toEqual([]);
  });

  it("a figure found inside a larger number is not that figure", () => {
    const whole = (raw: string, text: string) => [...text.matchAll(wholeNumberPattern([raw]))].map((m) => m.index);
    expect(whole("100", "recense 1 100 postes, 12 100 en tout, 1 100,5 par site, 100 000 euros")).toEqual([]);
    expect(whole("100", "sur 100 postes en 2025 100 agents")).toEqual([4, 23]);
    expect(whole("1 100", "recense 1 100 postes")).toEqual([8]);
  });
});
