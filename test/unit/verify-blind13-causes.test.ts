/**
 * The kinds behind faithful-blind-13's false flags (faithful29), on other products, people and dates; the names
 * crossed in lists and exchanged names stay flagged.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const check = (sentence: string, ...passages: string[]) =>
  verifyText(
    sentence,
    passages.map((text, i) => ({ n: i + 1, text })),
  ).sentences[0]!;

describe("two names a cited sentence writes in one pairing", () => {
  it("two pairs of the passage crossed are still flagged", () => {
    const v = check(
      "Lille a choisi OpenDesk, Gand NordOS [1].",
      "Lille et Gand — Postes de travail\nEn 2019, Lille a choisi NordOS, Gand a choisi OpenDesk.",
    );
    expect(v.reasons.join(" ")).toContain("associe");
  });
});

describe("a sentence saying what the card does not say", () => {
  const CARD =
    "Produit : Snapchat — Catalogue\nSnapchat (outils collaboratifs) : Communication visuelle de la collectivité.\nÉditeur : Snap, États-Unis. Exposition : CLOUD Act (États-Unis).\nSiège de Snap à Santa Monica (Californie).";

  it.each([
    "- Le catalogue ne propose pas d'alternative à Snapchat [1].",
    "La fiche ne dit pas si une commune doit quitter Snapchat [1].",
    "La fiche ne dit pas quel logiciel Snapchat remplacerait dans une intercommunalité [1].",
  ])("« %s » is not flagged when the card does not say it", (sentence) => {
    expect(check(sentence, CARD).reasons).toEqual([]);
  });

  it("is flagged when the card says it", () => {
    expect(check("La fiche ne dit pas où est le siège de Snap [1].", CARD).status).toBe("unsupported");
  });
});

describe("a date set off in an apposition (« , adopté le 27 avril 2016, »)", () => {
  it("dates only its apposition: a word of the rest of the sentence dated otherwise by the passage is not its", () => {
    const v = check(
      "Le RGPD, adopté le 27 avril 2016, oblige un prestataire établi hors de l'Union à désigner un représentant [1].",
      "RGPD — Guide\nLe RGPD a été adopté le 27 avril 2016.\nIl reprend la directive de 1995 qui obligeait déjà un prestataire établi hors de l'Union à désigner un représentant.",
    );
    expect(v.reasons.join(" ")).not.toContain("mais pour autre chose");
  });

  it("a date dating the sentence's own words that the passage dates otherwise is still flagged", () => {
    const v = check(
      "Le Cyber Resilience Act impose le signalement des failles depuis le 10 décembre 2024 [1].",
      "CRA — Guide\nLe Cyber Resilience Act est entré en vigueur le 10 décembre 2024.\nÀ partir du 11 septembre 2026, le signalement des failles est obligatoire.",
    );
    expect(v.reasons.join(" ")).toContain("mais pour autre chose");
  });
});

describe("advice against a step « au risque de » a harm, restated as « the step risks the harm »", () => {
  const GUIDE =
    "Achats publics — Guide\nLe guide de l'UGAP conseille de ne pas acheter de licence perpétuelle, au risque d'enfermer la commune chez un seul éditeur.";

  it("is not read as the opposite", () => {
    const v = check("Acheter une licence perpétuelle risque d'enfermer la commune chez un seul éditeur [1].", GUIDE);
    expect(v.reasons.join(" ")).not.toContain("contraire");
  });

  it("advising the step itself is still the opposite", () => {
    const v = check("Le guide de l'UGAP conseille d'acheter une licence perpétuelle [1].", GUIDE);
    expect(v.status).toBe("unsupported");
  });
});

describe("a noun the passage says a thing comes « sans … ni » (« sans compte ni service de l'éditeur »)", () => {
  it("is not denied of another phrase of the sentence that shares only that noun", () => {
    const v = check(
      "Installé sur ses propres serveurs, son exposition au FISA est sans commune mesure avec celle d'un service hébergé aux États-Unis [1].",
      "Produit : Nextcloud — Catalogue\nLe code est ouvert et s'installe sans compte ni service de l'éditeur, l'exposition au FISA est donc sans commune mesure avec celle d'un service hébergé aux États-Unis.",
    );
    expect(v.reasons.join(" ")).not.toContain("contraire");
  });
});

describe("a sentence going on with what reporters « citaient »", () => {
  it("keeps their reserve: it is not a reported point stated as fact", () => {
    const v = verifyText(
      "Au salon Open Source Experience 2025, des élus ont affirmé que le libre couvre désormais tous les usages des mairies [1]. Ils citaient l'état civil, l'urbanisme, la paie et le cadastre [1].",
      [
        {
          n: 1,
          text: "Salon — article\nAu salon Open Source Experience 2025, des élus ont affirmé que le libre couvre désormais tous les usages des mairies (état civil, urbanisme, paie, cadastre).",
        },
      ],
    ).sentences[1]!;
    expect(v.reasons.join(" ")).not.toContain("sans le tenir pour établi");
  });
});

describe("names of a list in the passage (« Matomo pour les statistiques et Discourse pour les sites »)", () => {
  it("crossed by the sentence are still flagged", () => {
    const v = check(
      "Aux écoles, elle propose Moodle, Peertube et les ressources ouvertes, Discourse pour les statistiques et Matomo pour les forums [1].",
      "Plan — article\nLes outils proposés aux écoles sont Moodle, Peertube et les ressources ouvertes, Matomo pour les statistiques et Discourse pour les forums.",
    );
    expect(v.reasons.join(" ")).toContain("associe");
  });
});

describe("two items of one kind said after the same word (« 412 voix pour le NZIA, 398 pour le CRMA »)", () => {
  it("the name between them does not pair the other with what follows", () => {
    const v = check(
      "Adoptés par le Conseil européen en mars 2024, le CRMA par 412 voix et le NZIA par 398, ces deux règlements encadrent l'industrie [1].",
      "Industrie — Guide\nLe règlement sur l'industrie zéro net (NZIA) et le règlement sur les matières premières critiques (CRMA) ont été adoptés par le Conseil européen en mars 2024 (412 voix pour le NZIA, 398 pour le CRMA).",
    );
    expect(v.status).toBe("unsupported");
  });
});

describe("two names of one passage sentence exchanged by the sentence", () => {
  it("are still flagged though the passage writes them in one pairing", () => {
    const v = check(
      "Avant Voiron, Claire Martin a été Meylan de la ville de DSI (Isère) à partir de 2012 [1].",
      "Voiron — Retour d'expérience\nAvant Voiron, Claire Martin a été DSI de la ville de Meylan (Isère) à partir de 2012, où une politique de logiciel libre avait été décidée.",
    );
    expect(v.status).toBe("unsupported");
  });
});
