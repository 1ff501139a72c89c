/**
 * A question asking what a named place or organisation does (« Que fait Angers pour le logiciel libre ? ») is not
 * answered by passages that name it only to situate others (trial7, B5: an association « a son siège à » the town, an
 * editor « (Angers) »): the corpus says nothing of its own action, and the abstention says so.
 */
import { describe, expect, it } from "vitest";
import { abstentionText } from "../../server/answers/answer.ts";
import { assessAnswerability } from "../../server/retrieval/relevance.ts";
import { lexicon, passage } from "../helpers/abstention.ts";

const seat = passage(
  "L'AFUL, association pour le logiciel libre",
  "L'AFUL, association des utilisateurs de logiciels libres, a son siège à Angers. Elle défend le logiciel libre auprès des administrations.",
  "ecosystem",
);
const card = passage(
  "Éditeur : BlueMind",
  "BlueMind : éditeur, siège : France. Éditeur français (Angers) d'une messagerie libre pour les collectivités.",
  "catalog",
);
const own = passage(
  "Angers : la ville et le logiciel libre",
  "Angers a adopté en 2025 une feuille de route pour le logiciel libre dans ses services municipaux.",
  "case-study",
);
const corpus = [seat.text, card.text, own.text, "Le logiciel libre.", "Les communes."];

describe("a name the question asks the action of", () => {
  it("is not held by passages that only situate others there", async () => {
    const { frequency, names } = lexicon(corpus);
    for (const q of ["Que fait Angers pour le logiciel libre ?", "Angers utilise-t-elle des logiciels libres ?"]) {
      const decision = await assessAnswerability(q, [seat, card], frequency, names);
      expect(decision).toMatchObject({ answerable: false, reason: "located-only", missing: ["angers"] });
    }
  });

  it("is held by a passage that speaks of it", async () => {
    const { frequency, names } = lexicon(corpus);
    const decision = await assessAnswerability(
      "Que fait Angers pour le logiciel libre ?",
      [seat, own, card],
      frequency,
      names,
    );
    expect(decision.answerable).toBe(true);
  });

  it("leaves alone a question asking who is there (the place is where, not who acts)", async () => {
    const { frequency, names } = lexicon(corpus);
    for (const q of [
      "Quelle association du logiciel libre a son siège à Angers ?",
      "Quels éditeurs de messagerie libre sont basés à Angers ?",
    ]) {
      const decision = await assessAnswerability(q, [seat, card], frequency, names);
      expect(decision.reason).not.toBe("located-only");
    }
  });

  it("says the corpus names the place only to situate others", () => {
    const text = abstentionText(
      { reason: "located-only", missing: ["angers"], nearest: [] },
      "Que fait Angers pour le logiciel libre ?",
    );
    expect(text).toContain("« Angers »");
    expect(text).toContain("que comme le siège");
  });
});
