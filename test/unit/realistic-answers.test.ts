/**
 * The scripted suite's generator of correct answers (`test/eval/realistic-answers.ts`) writes what a model writes,
 * meaning kept: a badly generated case would count as a false flag of the verifier.
 */
import { describe, expect, it } from "vitest";
import { realisticVariants } from "../eval/realistic-answers.ts";

const variant = (kind: Parameters<typeof realisticVariants>[0], name: string, s: string) => {
  const c = { n: 1, s };
  return realisticVariants(kind, c, [c], null, 0).find(([n]) => n === name)?.[1]();
};

describe("figures written in words", () => {
  it("spells a small number out, not the first group of a larger one (« 5 700 habitants »)", () => {
    const out = variant("figures", "words", "Parmi elles, Sarlat (5 700 habitants) a obtenu le niveau 5 du label.");
    expect(out).not.toContain("cinq 700");
    expect(out).toContain("niveau cinq");
  });
});

describe("counted nouns put in other words", () => {
  it("does not put « abonnements » for « licences » (the corpus sets them apart)", () => {
    expect(
      variant("paraphrase", "counted-noun", "La Région a acheté 245 000 licences Office 365.") ?? "",
    ).not.toContain("abonnements");
  });
});
