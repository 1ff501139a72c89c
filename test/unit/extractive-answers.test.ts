/**
 * Extractive answers (no model) as a new user met them (trial, 5 December 2026): a follow-up naming a new place moves
 * to it, « Selon lui, … » comes with who « lui » is, and a figure the corpus calls unconfirmed stays qualified.
 */
import { describe, expect, it } from "vitest";
import { followUp } from "../../server/answers/answer.ts";
import { qualificationNote, qualifiedFigures } from "../../server/answers/qualified.ts";
import { excerpt, refersToPrevious } from "../../server/retrieval/passages.ts";
import { conversationOf } from "../helpers/conversation.ts";

const conversation = conversationOf;

describe("a follow-up naming a new place or organisation", () => {
  it("is searched for the new name first, without the previous one's names", () => {
    const { query, topic } = followUp(
      conversation("Qu'a choisi Munich pour sa bureautique ?", "Et la ville de Lyon, qu'a-t-elle choisi ?"),
    );
    expect(query.startsWith("Et la ville de Lyon")).toBe(true);
    expect(query).not.toContain("Munich");
    expect(query).toContain("bureautique");
    expect(topic).toBe("Lyon");
  });

  it("even when it is short (« Et Lyon ? »)", () => {
    const { query } = followUp(conversation("Quelle bureautique la ville de Munich a-t-elle choisie ?", "Et Lyon ?"));
    expect(query).toContain("Lyon");
    expect(query).not.toContain("Munich");
  });

  it("keeps the topic when the name is the same one", () => {
    const { query } = followUp(conversation("Qu'a décidé Munich en 2017 ?", "Et pourquoi Munich a-t-elle fait ça ?"));
    expect(query).toContain("2017");
  });
});

describe("« Selon lui, … » in a quotation", () => {
  const text =
    "La ville de Lyon ne publie pas de bilan chiffré. Bertrand Maes, adjoint au numérique, s'est exprimé le 24 juin 2025. Selon lui, la ville quitte Microsoft pour des raisons de souveraineté.";

  it("refers to the sentence before it, like « Il … »", () => {
    expect(refersToPrevious("Selon lui, la ville quitte Microsoft.")).toBe(true);
    expect(refersToPrevious("D'après elle, oui.")).toBe(true);
    expect(refersToPrevious("Selon l'ANSSI, non.")).toBe(false);
  });

  it("is quoted with who « lui » is", () => {
    const quote = excerpt(text, ["quitte", "microsoft", "souverainete"], 160);
    expect(quote).toContain("Bertrand Maes");
    expect(quote.startsWith("Selon lui")).toBe(false);
  });
});

describe("a figure the corpus qualifies, quoted without its qualification", () => {
  const heading = "Gendarmerie nationale : les chiffres non confirmés (103 164 postes, 97 %, 534 millions d'euros)";
  const passage =
    "La présentation de Millau Grands Causses (2026) affirme que la Gendarmerie compte 103 164 postes sous Linux et qu'elle a économisé 534 millions d'euros depuis 2004. En revanche, ces chiffres sont non confirmés : ils n'ont été retrouvés dans aucune autre source.";

  it("gets a note naming the qualification when only the heading carries it", () => {
    const quote =
      "La présentation de Millau Grands Causses (2026) affirme que la Gendarmerie compte 103 164 postes sous Linux et qu'elle a économisé 534 millions d'euros depuis 2004.";
    const note = qualificationNote(quote, passage, heading);
    expect(note).toContain("non confirmés");
    expect(note).toContain("103 164");
    expect(note).toContain("534 millions d'euros");
    // Years are what the figures are about, not the figures the source calls unconfirmed.
    expect(note).not.toContain("2004");
  });

  it("gets a note when the qualifying sentence was left out of the excerpt", () => {
    const text = "Sur dix ans, la facture aurait augmenté de 50 à 80 % en cumulé. Non confirmé par une autre source.";
    expect(qualifiedFigures(text).map((q) => q.figure.raw)).toContain("50 à 80 %");
    expect(qualificationNote("Sur dix ans, la facture aurait augmenté de 50 à 80 % en cumulé.", text)).toContain(
      "80 %",
    );
  });

  it("gets none when the excerpt keeps the qualification, or quotes no qualified figure", () => {
    expect(qualificationNote(passage, passage, "Gendarmerie : les chiffres")).toBeNull();
    expect(
      qualificationNote("Les économies attestées sont de 12 millions d'euros par an.", passage, heading),
    ).toBeNull();
  });
});
