/**
 * A total from a part and the share it is of (« 80 000 postes sous Linux, soit 90 % de son parc » → « un peu moins de
 * 90 000 postes »), and what remains of it besides the part (« près de 9 000 postes sous un autre système »), which
 * the sentence says it computes (faithful-blind-19 and -21, the untuned half of round 26's computations: both flagged
 * as figures no passage gives). A total that does not come out is still flagged.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const GENDARMERIE =
  "Les rythmes observés : la Gendarmerie nationale\nLe rythme était régulier ; 35 000 postes " +
  "étaient déployés en novembre 2011 (Islean Consulting, 2011). En 2021, la " +
  "Gendarmerie comptait 80 000 postes sous Linux, soit 90 % de son parc (Rocking Robots, 2021).";
const BEFORE = "En 2021, 80 000 postes tournaient sous Linux, soit 90 % du parc [1].";
const last = (answer: string) =>
  verifyText(answer, [{ n: 1, text: GENDARMERIE }], { facts: [] })
    .sentences.at(-1)!
    .reasons.join(" ");

describe("a total from a part and its share", () => {
  it("accepts the total", () => {
    expect(last(`${BEFORE} Le parc total devait donc compter un peu moins de 90 000 postes [1].`)).not.toMatch(
      /90 000/,
    );
  });
  it("accepts what remains besides the part", () => {
    expect(last(`${BEFORE} Il restait donc près de 9 000 postes sous un autre système [1].`)).not.toMatch(/9 000/);
  });
  it("still flags a total that does not come out", () => {
    expect(last(`${BEFORE} Le parc total devait donc compter environ 140 000 postes [1].`)).toMatch(/140 000/);
    expect(last(`${BEFORE} Il restait donc près de 20 000 postes sous un autre système [1].`)).toMatch(/20 000/);
  });
});
