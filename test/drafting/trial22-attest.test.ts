/**
 * trial22 T-M12: « Cet objectif est imposé par la loi SREN à toutes les intercommunalités de plus de 30 000
 * habitants. » (flagged only because « SREN » is in no passage given) was accepted as a local fact, and then printed
 * « [fait local, attesté par Karim Delmas …] » — a false national duty, vouched for. What a law or a national body
 * imposes is no fact of the collectivité: it may not be attested; the collectivité's own facts still may.
 */
import { describe, expect, it } from "vitest";
import { notAttestable } from "../../server/drafting/attestations.ts";
import { message } from "../../server/i18n/messages.ts";
import type { SentenceCheck } from "../../server/verify/index.ts";

const flagged = (
  text: string,
  reason = message("verify.nameNotFound", { name: "SREN", where: "les passages fournis" }),
) =>
  ({
    text,
    start: 0,
    end: text.length,
    status: "unsupported",
    citations: [],
    invalidCitations: [],
    reasons: [reason],
  }) as SentenceCheck;

describe("a national rule is no local fact (trial22 T-M12)", () => {
  it.each([
    "Cet objectif est imposé par la loi SREN à toutes les intercommunalités de plus de 30 000 habitants.",
    "Le décret du 12 mars 2026 oblige les communes de plus de 3 500 habitants à publier leur inventaire.",
    "La CNIL interdit aux collectivités d'héberger l'état civil hors de l'Union européenne.",
    "Les intercommunalités sont tenues par la directive NIS2 de notifier leurs incidents.",
  ])("« %s » may not be attested", (text) => {
    const why = notAttestable(flagged(text), []);
    expect(why).not.toBeNull();
    expect(why).toMatch(/national|loi|texte/i);
  });

  it.each([
    "Le conseil communautaire a voté le 18 novembre 2026 un objectif de 40 % d'exposition pondérée fin 2028.",
    "Le bureau communautaire a imposé un gel des achats de licences jusqu'en 2027.",
    "Notre marché antivirus se termine le 30 juin 2027, conformément au code de la commande publique.",
  ])("« %s » (the collectivité's own) may still be attested", (text) => {
    expect(notAttestable(flagged(text), [])).toBeNull();
  });
});
