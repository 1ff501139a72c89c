/**
 * A year the sentence reaches by adding a duration it computes to a year of the cited passage (faithful-blind-24: « Le
 * SILL aura donc quatorze ans en 2026 » for « créé en 2012 », the duration accepted, the year flagged as a figure no
 * passage gives). Real sentences and pinned passages of faithful-blind-24 (tuned half: SILL, Resana; untuned: CNLL,
 * Déclic). A year the duration does not reach, or a duration no year of the passages starts, is still flagged.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const last = (answer: string, passage: string, n = 1) =>
  verifyText(answer, [{ n, text: passage }], { facts: [] }).sentences.at(-1)!;

const SILL =
  "Le Socle interministériel de logiciels libres (SILL) est la liste des logiciels libres recommandés pour les\n" +
  "administrations de l'État. Il a été créé en 2012 (Wikipédia, s. d.), dans le sillage de la circulaire du\n" +
  "Premier ministre Jean-Marc Ayrault du 19 septembre 2012, qui a fixé les orientations pour l'usage du logiciel libre\n" +
  "dans l'administration et citait l'ADULLACT (références modernisation.gouv.fr, 19 septembre 2012 ; Wikipédia, copie 2021).";
const RESANA =
  "La Suite numérique de l'État : Visio, Docs, Tchap, Grist, Fichiers, Assistant IA et Resana\nResana est une plateforme collaborative de l'État ; le projet est né en 2016 à la préfecture de la région " +
  "Nouvelle-Aquitaine (Le Monde\nInformatique, 2020).";

describe("a year at the end of a computed duration", () => {
  it("accepts the year a duration in words reaches from the passage's year", () => {
    expect(last("Le SILL aura donc quatorze ans en 2026 [1].", SILL).status).toBe("supported");
  });
  it("accepts a year placed by a duration before an event", () => {
    const s = "Resana existait ainsi huit ans avant le lancement de La Suite numérique en 2024 [1].";
    expect(last(s, RESANA).status).toBe("supported");
  });
  it("still flags a year the duration does not reach", () => {
    expect(last("Le SILL aura donc quatorze ans en 2027 [1].", SILL).status).not.toBe("supported");
    expect(last("Le SILL aura donc quinze ans en 2026 [1].", SILL).status).not.toBe("supported");
  });
});
