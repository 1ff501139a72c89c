/**
 * « ne … plus que » restricts, it does not deny (trial19 M1: « Les mises à jour de sécurité ne passent plus que par le
 * programme payant ESU » was flagged « le passage cité dit le contraire » against « uniquement via le programme payant
 * ESU »); « ne … plus » alone still denies.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";
import { NEGATION } from "../../server/verify/negation.ts";

const PASSAGE =
  "Windows 10 — Produit\nFin du support de Windows 10 le 14 octobre 2025 ; au-delà, mises à jour de sécurité " +
  "uniquement via le programme payant ESU.";
const status = (sentence: string) =>
  verifyText(sentence, [{ n: 1, text: PASSAGE }], { facts: [] }).sentences[0]!.status;

describe("« ne … plus que »", () => {
  it("is no negation", () => {
    expect(NEGATION.test("elles ne passent plus que par ESU")).toBe(false);
    expect(NEGATION.test("il n'y a plus qu'une solution")).toBe(false);
    expect(NEGATION.test("elles ne passent plus par ESU")).toBe(true);
  });

  it("keeps a right paraphrase supported, a denial flagged", () => {
    expect(status("Les mises à jour de sécurité ne passent plus que par le programme payant ESU [1].")).toBe(
      "supported",
    );
    expect(status("Les mises à jour de sécurité ne passent plus par le programme payant ESU [1].")).toBe("unsupported");
  });
});
