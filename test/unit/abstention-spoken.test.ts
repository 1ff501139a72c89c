/**
 * Twenty-eighth series (held-out-19, spoken questions refused though the corpus answers them): an acronym the corpus
 * defines beside its full form is that subject; the judgement words of speech (« le mieux », « à part ») say how a
 * question asks, not what about. Tests on other products, places and acronyms than the set's.
 */
import { describe, expect, it } from "vitest";
import { acronymExpansion } from "../../server/retrieval/corpus-names.ts";
import { assessAnswerability } from "../../server/retrieval/relevance.ts";
import { lexicon, passage } from "../helpers/abstention.ts";

describe("an acronym the corpus defines beside its full form", () => {
  it("reads the full form whose words' initials spell the acronym, function words aside", () => {
    expect(acronymExpansion("La Plateforme des données, connue comme Open Data Portal (ODP), est née en 2019.", "odp")).toBe(
      "open data portal",
    );
    expect(
      acronymExpansion("Un arrêt de la Cour européenne des droits de l'homme (CEDH) a jugé que…", "cedh"),
    ).toBe("cour europeenne des droits de homme");
    expect(acronymExpansion("Le service (ODP) est ouvert.", "odp")).toBeUndefined();
    expect(acronymExpansion("Open Data Portal (ODP)", "cedh")).toBeUndefined();
  });

  it("finds the acronym's subject in a passage that writes only the full form", async () => {
    const corpus = [
      "La Plateforme des données, plus connue comme Open Data Portal (ODP), a été créée en 2019.",
      "Open Data Portal : l'attribution du marché d'hébergement était attendue pour l'été 2026.",
    ];
    const { frequency, names } = lexicon(corpus);
    const r = await assessAnswerability(
      "l'attribution du marché ODP était attendue pour quand ?",
      [passage("Open Data Portal", corpus[1]!)],
      frequency,
      names,
    );
    expect(r).toMatchObject({ answerable: true });
  });

  it("still refuses an acronym whose full form no passage read holds", async () => {
    const corpus = [
      "La Plateforme des données, plus connue comme Open Data Portal (ODP), a été créée en 2019.",
      "Le marché de la messagerie : l'attribution était attendue pour l'été 2026.",
    ];
    const { frequency, names } = lexicon(corpus);
    const r = await assessAnswerability(
      "l'attribution du marché ODP était attendue pour quand ?",
      [passage("Messagerie", corpus[1]!)],
      frequency,
      names,
    );
    expect(r).toMatchObject({ answerable: false });
  });
});
