/**
 * « ne … pas seulement » adds, it does not deny: « l'indépendance nationale ne tiendrait pas seulement à l'origine d'une
 * technologie » is restated as « elle tiendrait aussi à l'usage qu'on en fait » (faithful-blind-16 and -20: read as
 * its contradiction). Invented passages; a plain negation is still contradicted.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const check = (sentence: string, passage: string) =>
  verifyText(sentence, [{ n: 1, text: passage }], { facts: [] }).sentences[0]!;

describe("« pas seulement » is no negation", () => {
  const NOT_ONLY =
    "Le bilan — ce que disent les agents\nSelon le rapport, la réussite d'une migration ne dépendrait pas seulement du " +
    "choix du logiciel de messagerie.";
  it("leaves « dépendrait aussi du choix du logiciel »", () => {
    expect(
      check("La réussite d'une migration dépendrait aussi du choix du logiciel de messagerie [1].", NOT_ONLY).status,
    ).toBe("supported");
  });
  it("leaves a bare « pas seulement » where the passage says « ne … pas seulement »", () => {
    expect(
      check(
        "La réussite d'une migration dépendrait aussi des agents, pas seulement du choix du logiciel de messagerie [1].",
        NOT_ONLY,
      ).reasons.join(" "),
    ).not.toMatch(/contraire/);
  });
  it("still reads a plain negation as one", () => {
    const denied =
      "Le bilan — ce que disent les agents\nSelon le rapport, la réussite d'une migration ne dépendrait pas du choix du " +
      "logiciel de messagerie.";
    expect(check("La réussite d'une migration dépendrait du choix du logiciel de messagerie [1].", denied).status).toBe(
      "unsupported",
    );
  });
});
