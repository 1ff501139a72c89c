/**
 * trial22's verifier findings on chat answers (T-H5, T-H6, T-M4), on the corpus's own passages as a chat answer cites
 * them (document — section, then the text): « de A à B » is a direction, the same two figures in the other order are
 * the opposite change; an act the passage gives one name is not another name's, both written in it; a yearly amount
 * is not a total.
 */
import { describe, expect, it } from "vitest";
import { askedContext } from "../../server/answers/answer.ts";
import { verifyText } from "../../server/verify/index.ts";

const check = (sentence: string, passage: string, question = "") =>
  verifyText(sentence, [{ n: 1, text: passage }], {
    asked: question ? askedContext([{ role: "user", content: question }]) : [],
    checkUncited: true,
  }).sentences[0]!;

const PRICES =
  "Microsoft et le secteur public : les hausses de prix de licences et leurs effets — Microsoft : de combien la facture de licences augmente-t-elle en 2026 ? La hausse du 1er juillet 2026\n" +
  "À partir du 1er juillet 2026, et à chaque renouvellement de contrat, Microsoft augmente ses prix publics Microsoft 365\n" +
  "pour les entreprises et les administrations ; la facture de licences d'une collectivité grimpe donc cette année-là\n" +
  "au moment de son renouvellement (Servola, 2026 ; NPI Financial, 2026) :\n" +
  "\n" +
  "- Office 365 E3 : de 23 à 26 dollars, soit +13 % ;\n" +
  "- Business Basic : de 6 à 7 dollars, soit +16 % ;\n" +
  "- plusieurs offres entreprise : +5 à +8 % ;\n" +
  "- nouveaux prix : Microsoft 365 E3 à 39 dollars, E5 à 60 dollars, F3 à 10 dollars.\n" +
  "\n" +
  "Servola est un blog de conseil : les chiffres sont recoupés par les deux autres sources citées.";

const HYBRID =
  "La doctrine « Cloud au centre » et la qualification SecNumCloud — Le débat sur les clouds « hybrides » : S3NS et Bleu\n" +
  "S3NS, société du groupe Thales créée en juin 2022 et fondée sur la technologie de Google Cloud, a obtenu la\n" +
  "qualification SecNumCloud 3.2 pour son offre PREMI3NS fin 2025 ou début janvier 2026, ce qui a relancé le débat sur\n" +
  "les clouds de confiance « hybrides » (IT for Business, 5 janvier 2026). Bleu, coentreprise de Capgemini et\n" +
  "d'Orange fondée sur la technologie Microsoft, suit le même modèle (Le Monde Informatique, 2026).\n" +
  "\n" +
  "Pour l'ANSSI, la qualification garantit l'immunité dès lors que les critères de capital, de siège et d'accès aux\n" +
  "données sont respectés (Solutions Numériques, début 2026). Le débat relancé par la qualification de S3NS porte sur\n" +
  "une autre question, que toute collectivité peut se poser : même opérée par une société européenne et protégée\n" +
  "juridiquement, une offre hybride continue de reposer sur la technologie, les évolutions et les mises à jour d'un\n" +
  "éditeur américain. L'exposition juridique est traitée ; la dépendance technologique demeure.";

const ECONOMIES =
  "La Gendarmerie nationale et GendBuntu : ses postes de travail sous Linux (2004-2021) — Gendarmerie nationale : combien GendBuntu a-t-il fait économiser ?\n" +
  "Deux montants d'économies sont sourcés, l'un par la presse, l'autre par une déclaration devant les députés :\n" +
  "\n" +
  "- environ 2 millions d'euros par an de licences grâce au remplacement de Microsoft Office par OpenOffice (Génération NT\n" +
  "  et Next INpact, 2008) ;\n" +
  "- 12 millions d'euros par an grâce à l'abandon complet des licences Windows et au passage des postes sous Linux,\n" +
  "  selon une intervention faite lors d'une audition à l'Assemblée nationale au cours de la XVe législature, 2017-2022\n" +
  "  (Assemblée nationale, via NosDéputés.fr). L'intervenant précisait que ces crédits avaient été réaffectés à d'autres\n" +
  "  besoins.";

describe("« de A à B » is a direction: the same figures the other way round are flagged (trial22 T-H5)", () => {
  it("flags « passé de 26 à 23 dollars » where the passage writes « de 23 à 26 dollars »", () => {
    const s = check(
      "Au 1er juillet 2026, Office 365 E3 est passé de 26 à 23 dollars [1].",
      PRICES,
      "les prix microsoft ont baisse en 2026 ?",
    );
    expect(s.status).not.toBe("supported");
    expect(s.reasons.join(" ")).toContain("de 23 à 26");
  });
  it("flags « de 26 à 23 dollars » and « 26 → 23 dollars »", () => {
    for (const sentence of [
      "Le prix d'Office 365 E3 va de 26 à 23 dollars au 1er juillet 2026 [1].",
      "Office 365 E3 : 26 → 23 dollars au 1er juillet 2026 [1].",
    ])
      expect(check(sentence, PRICES).reasons.join(" ")).toContain("de 23 à 26");
  });
  it("flags a rise told as a fall", () => {
    const s = check("Au 1er juillet 2026, le prix d'Office 365 E3 a baissé de 23 à 26 dollars [1].", PRICES);
    expect(s.status).not.toBe("supported");
  });
  it("keeps the right direction", () => {
    for (const sentence of [
      "Au 1er juillet 2026, Office 365 E3 est passé de 23 à 26 dollars [1].",
      "Au 1er juillet 2026, le prix d'Office 365 E3 augmente de 23 à 26 dollars, soit +13 % [1].",
      "Office 365 E3 : 23 → 26 dollars au 1er juillet 2026 [1].",
    ])
      expect(check(sentence, PRICES).reasons).toEqual([]);
  });
});

describe("an act of one name given to another name of the same passage is flagged (trial22 T-H6)", () => {
  it("flags « Bleu a obtenu la qualification SecNumCloud » where the passage gives it to S3NS", () => {
    const s = check(
      "Bleu a obtenu la qualification SecNumCloud de l'ANSSI en 2025 [1].",
      HYBRID,
      "bleu c'est qualifie secnumcloud ?",
    );
    expect(s.status).not.toBe("supported");
    expect(s.reasons.join(" ")).toContain("S3NS");
  });
  it("keeps the act given to its own subject", () => {
    expect(
      check("S3NS a obtenu la qualification SecNumCloud 3.2 fin 2025 ou début janvier 2026 [1].", HYBRID).reasons,
    ).toEqual([]);
  });
});

describe("a yearly amount is not a total (trial22 T-M4)", () => {
  it("flags « 12 millions d'euros au total » where the passage writes « 12 millions d'euros par an »", () => {
    const s = check(
      "La Gendarmerie a économisé 12 millions d'euros au total grâce à Linux [1].",
      ECONOMIES,
      "la gendarmerie au total elle a economise combien",
    );
    expect(s.status).not.toBe("supported");
    expect(s.reasons.join(" ")).toContain("par an");
  });
  it("flags the other yearly amount of the passage told as a total (written after the rule)", () => {
    expect(
      check(
        "La Gendarmerie a économisé environ 2 millions d'euros au total en remplaçant Microsoft Office [1].",
        ECONOMIES,
      ).reasons.join(" "),
    ).toContain("2 millions d'euros par an");
  });
  it("keeps « 12 millions d'euros par an »", () => {
    expect(
      check("La Gendarmerie a économisé 12 millions d'euros par an grâce à Linux [1].", ECONOMIES).reasons,
    ).toEqual([]);
  });
});

const VMWARE =
  "Coûts et économies : ce que les chiffres publiés permettent (et ne permettent pas) d'affirmer — VMware après le rachat par Broadcom\n" +
  "Broadcom a finalisé le rachat de VMware en novembre 2023, mis fin aux licences perpétuelles et imposé des\n" +
  "abonnements groupés avec un engagement minimal de trois ans (Derriennic Associés, 16 octobre 2024 ; EasySAM, 2025).\n" +
  "\n" +
  "- La commande minimale est passée de 16 à 72 cœurs, avec une pénalité rétroactive de 20 % en cas de renouvellement\n" +
  "  tardif, à partir du 10 avril, vraisemblablement 2025 (IT Daily, 2025).";

const MICROSOFT_2022 =
  "Coûts et économies : ce que les chiffres publiés permettent (et ne permettent pas) d'affirmer — Les hausses de prix de Microsoft\n" +
  "- Au 1er mars 2022, les prix catalogue français ont augmenté : Office 365 E1 de 6,70 à 8,40 euros (+25 %), Office\n" +
  "  365 E3 de 19,70 à 22,60 euros (+15 %), Microsoft 365 E3 de 31,50 à 35,40 euros (+12 %) (Silicon.fr, mars 2022).";

describe("the direction of a change, on other passages of the corpus (written after the rule)", () => {
  it("flags the figures the other way round, and a rise told as a fall", () => {
    for (const [sentence, passage, quoted] of [
      ["La commande minimale de VMware est passée de 72 à 16 cœurs [1].", VMWARE, "de 16 à 72"],
      ["En mars 2022, Office 365 E1 est passé de 8,40 à 6,70 euros [1].", MICROSOFT_2022, "de 6,70 à 8,40"],
      ["En mars 2022, Microsoft 365 E3 a baissé de 31,50 à 35,40 euros [1].", MICROSOFT_2022, "de 31,50 à 35,40"],
    ] as const)
      expect(check(sentence, passage).reasons.join(" ")).toContain(quoted);
  });
  it("keeps them in the passage's order", () => {
    for (const [sentence, passage] of [
      ["La commande minimale de VMware est passée de 16 à 72 cœurs [1].", VMWARE],
      ["En mars 2022, Office 365 E1 est passé de 6,70 à 8,40 euros, soit +25 % [1].", MICROSOFT_2022],
    ] as const)
      expect(check(sentence, passage).reasons).toEqual([]);
  });
});
