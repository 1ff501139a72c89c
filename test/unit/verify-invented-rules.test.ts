/**
 * Invented rules and sweeping claims in generated chat (trial21 T-H3 and the lead's N-H2): a legal qualification
 * (« illégal », « interdit », « obligatoire ») or its date of effect that the cited passage does not hold, and « toutes
 * les mairies » where the passage speaks of one city, were shown as verified. Invented products, places and dates;
 * what the passage does say stays supported.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const check = (sentence: string, ...passages: string[]) =>
  verifyText(
    sentence,
    passages.map((text, i) => ({ n: i + 1, text })),
    { facts: [], checkUncited: true },
  ).sentences[0]!;

const SUITE =
  "Visiocall 365 : les versions\nLa fin du support de Visiocall Server 2019 en octobre 2025 pousse les collectivités " +
  "vers l'abonnement Visiocall 365. Plusieurs mairies étudient des solutions européennes.";

describe("a legal qualification the cited passage does not hold", () => {
  it.each([
    "L'usage de Visiocall 365 est illégal pour les collectivités depuis octobre 2025 [1].",
    "Visiocall 365 est interdit dans les mairies depuis octobre 2025 [1].",
    "Le passage à l'abonnement Visiocall 365 est obligatoire pour les collectivités depuis octobre 2025 [1].",
  ])("flags « %s »", (sentence) => {
    expect(check(sentence, SUITE).status).toBe("unsupported");
  });

  it("flags a date of effect the passage gives to something else than the rule", () => {
    const rule =
      "Le cadre\nLa circulaire du 3 mai 2021 interdit aux ministères de déployer Visiocall 365 sans analyse d'impact. " +
      "La fin du support de Visiocall Server 2019 est intervenue en octobre 2025.";
    expect(
      check("Le déploiement de Visiocall 365 est interdit dans les ministères depuis octobre 2025 [1].", rule).status,
    ).toBe("unsupported");
    expect(
      check(
        "Le déploiement de Visiocall 365 est interdit dans les ministères sans analyse d'impact depuis mai 2021 [1].",
        rule,
      ).status,
    ).toBe("supported");
  });

  it("leaves a rule the passage states, with its date", () => {
    const rule =
      "Le cadre\nDepuis le 1er janvier 2025, l'usage de Visiocall 365 est interdit dans les administrations de l'État " +
      "pour les données sensibles.";
    expect(
      check("L'usage de Visiocall 365 est interdit dans les administrations de l'État depuis janvier 2025 [1].", rule)
        .status,
    ).toBe("supported");
    const gone =
      "Le règlement en pratique\nCalculer la date à partir de laquelle les frais de sortie disparaissent (3 février 2028) " +
      "dans le calendrier de migration.";
    expect(check("À partir du 3 février 2028, les frais de sortie sont interdits [1].", gone).status).toBe("supported");
    const duty = "NIS 2\nLa directive oblige les entités essentielles à déclarer leurs incidents de sécurité.";
    expect(
      check("La déclaration des incidents de sécurité est obligatoire pour les entités essentielles [1].", duty).status,
    ).toBe("supported");
  });
});

const MUNICH =
  "Munich et LiMux — pourquoi ce cas compte pour une collectivité\nLiMux, le projet de la ville de Munich, est la " +
  "migration municipale vers Linux la plus souvent citée en Europe. La ville a mené à terme le passage de ses postes à " +
  "Linux, a annoncé des économies, puis son conseil municipal a voté le retour à Windows.";

describe("a universal claim on collectivités the passage makes of one city", () => {
  it.each([
    "Toutes les mairies qui passent à Linux finissent par revenir à Windows, comme Munich [1].",
    "Toutes les collectivités qui sont passées à Linux sont finalement revenues à Windows [1].",
    "Chaque ville qui passe à Linux finit par revenir à Windows [1].",
  ])("flags « %s »", (sentence) => {
    expect(check(sentence, MUNICH).status).toBe("unsupported");
  });

  it("leaves « toutes les » when the passage says it of all of them", () => {
    const all =
      "Le label\nToutes les communes candidates au label ont reçu une grille d'évaluation ; chaque commune lauréate " +
      "reçoit un diplôme.";
    expect(check("Toutes les communes candidates ont reçu une grille d'évaluation [1].", all).status).toBe("supported");
    expect(check("Chaque commune lauréate reçoit un diplôme [1].", all).status).toBe("supported");
  });
});
