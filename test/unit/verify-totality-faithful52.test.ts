/**
 * An absolute of extent the cited passages do not hold (faithful52, faithful-blind-24 misses, tuning half A): a
 * totality adverb (« complètement », « définitivement », « automatiquement », « forcément », « à l'unanimité ») or a
 * universal determiner (« toutes les mairies », « tous les besoins ») where no cited clause about the same thing says it
 * as wholly (« tout », « l'ensemble », « 100 % », « intégral »…). Real sentences of the set, their passages cut to the
 * sentences that matter; the supported ones are real sentences of earlier sets whose passage holds the totality.
 */
import { describe, expect, it } from "vitest";
import { check, reasons, status } from "../helpers/verify.ts";

const ARTICLE_16 =
  "Loi pour une République numérique, article 16 — « Encourager » n'est pas « imposer »\nLe verbe retenu est « encourager ». Il vient d'un amendement du sénateur Jean-Pierre Sueur adopté à la quasi-unanimité par le Sénat lors du débat du 27 avril 2016 (site de Jean-Pierre Sueur, avril 2016). L'accord trouvé en commission mixte paritaire le 29 juin 2016 a conservé cette formulation.";
const VISIO =
  "Visio (La Suite numérique) (outils collaboratifs) : logiciel libre sous licence MIT, publié par DINUM (France). Maturité : éprouvée. Utilisateurs publics connus : CNRS (remplacement de Zoom pour 34 000 agents et 120 000 chercheurs associés), Caisse nationale d'Assurance maladie, DGFiP, Ministère des Armées. Remplace : Microsoft Teams (remplacement partiel : réunions vidéo seulement (ni messagerie ni équipes)).";
const DECLIC =
  "Déclic — Déclic : qu'est-ce que c'est ?\nDéclic est le réseau national des opérateurs publics de services numériques (OPSN), c'est-à-dire des structures publiques qui mutualisent des services informatiques pour le compte des collectivités : syndicats informatiques, centres de gestion, groupements d'intérêt public (GIP) et agences techniques départementales (ATD). Le réseau a été fondé en 2005 (Déclic, 2025).";
const TCHAP =
  "Tchap — Tchap et les collectivités territoriales\nLes sources réunies pour ce corpus ne précisent pas les conditions dans lesquelles les agents des collectivités peuvent ouvrir un compte Tchap. Deux éléments sont établis : les collectivités font partie du public potentiel de 5,5 millions d'agents cité pour La Suite numérique (Solutions Numériques, décembre 2025), et l'authentification ProConnect, socle de La Suite, a été étendue aux collectivités, aux hôpitaux et à des partenaires privés (Republik IT, 2025). Une collectivité qui veut utiliser Tchap doit donc se renseigner auprès de la DINUM sur les conditions d'accès en vigueur.";
const COLLABORATIVE =
  "Étude des dépendances — Catégorie 2 : les outils collaboratifs\nLes outils collaboratifs couvrent la visioconférence, la messagerie instantanée, le partage et la co-édition de documents, les agendas partagés et les espaces de travail d'équipe. Lors d'AlpOSS en février 2026, des intervenants ont estimé que l'offre libre couvre désormais messagerie collaborative, téléphonie IP, bureautique et partage documentaire pour les collectivités : c'est un avis d'intervenants, pas une mesure (SmartCityMag, février 2026).";

describe("an absolute of extent no cited clause holds (faithful-blind-24, half A)", () => {
  it("flags « à l'unanimité » where the passage says « à la quasi-unanimité »", () => {
    expect(status("Cet amendement avait été adopté à l'unanimité [1].", ARTICLE_16)).toBe("unsupported");
    expect(reasons("Cet amendement avait été adopté à l'unanimité [1].", ARTICLE_16)).toMatch(/unanimité/);
    expect(status("Cet amendement avait été adopté à la quasi-unanimité [1].", ARTICLE_16)).toBe("supported");
  });
  it("flags « remplace complètement » where the card gives a partial replacement", () => {
    expect(status("Visio remplace complètement Microsoft Teams [1].", VISIO)).toBe("unsupported");
  });
  it("flags « forcément » and « automatiquement » in a conclusion drawn for the commune", () => {
    expect(status("Votre centre de gestion est donc forcément un OPSN [1].", DECLIC)).toBe("unsupported");
    expect(status("ProConnect donne donc automatiquement accès à Tchap aux agents de Vaulmière [1].", TCHAP)).toBe(
      "unsupported",
    );
  });
  it("flags « toutes les mairies », « tous les besoins » that no cited clause says of all", () => {
    expect(status("Tchap est ouvert à toutes les mairies depuis 2025 [1].", TCHAP)).toBe("unsupported");
    expect(status("L'offre libre couvre donc tous les besoins des services de Vaulmière [1].", COLLABORATIVE)).toBe(
      "unsupported",
    );
  });
});

describe("a totality the cited passage holds, or a sentence that negates or hedges it", () => {
  const GENDARMERIE =
    "La Gendarmerie nationale et GendBuntu — Les étapes\n- 2004 : la Gendarmerie abandonne la suite Office de Microsoft et met à la place la suite libre OpenOffice, d'abord sur 20 000 postes ; en 2005, OpenOffice équipe l'ensemble du parc, soit environ 90 000 postes (Le Soleil, 2008).";
  const BOE =
    "Boé — Une commune sous Linux\nBoé (5 700 habitants) fait tourner 95 % de son parc sous Linux (Ubuntu) et LibreOffice sur 100 % de ses postes (Banque des Territoires, 6 décembre 2024).";
  const DENMARK =
    "Danemark — Le ministère du Numérique\nEnviron la moitié des agents du ministère devaient travailler sur LibreOffice dès l'été 2025, et l'ensemble du ministère à l'automne 2025 si tout se passait comme prévu.";
  it("leaves « tout le parc » for « l'ensemble du parc », « tous les postes » for « 100 % de ses postes »", () => {
    expect(
      status(
        "En 2004, elle a remplacé Microsoft Office par OpenOffice sur 20 000 postes, puis sur tout le parc en 2005 [1].",
        GENDARMERIE,
      ),
    ).toBe("supported");
    expect(status("À Boé, 95 % du parc tourne sous Linux et LibreOffice équipe tous les postes [1].", BOE)).toBe(
      "supported",
    );
    expect(
      status(
        "La moitié environ des agents devaient utiliser LibreOffice dès l'été 2025, et tout le ministère à l'automne [1].",
        DENMARK,
      ),
    ).toBe("supported");
  });
  it("leaves « tous les services » for « service par service » (faithful-blind-7)", () => {
    const PILOTS =
      "Retours d'expérience — Expérimenter avec des groupes pilotes\nUn pilote limité permet de corriger avant de généraliser :\n\n- La Gendarmerie a testé Ubuntu sur 200 postes avant d'annoncer la migration (Le Monde Informatique, janvier 2008).\n- L'armée autrichienne a d'abord laissé l'usage de LibreOffice au volontariat (2022), avant de le rendre obligatoire\n  service par service à partir de 2023 (Heise, septembre 2025).\n\nLe bon pilote mêle des agents volontaires et des services exigeants (finances, secrétariat des assemblées), pour\néprouver les cas difficiles dès le départ.";
    // The note's other checks read this sentence with its data; here only this rule's reason is looked at.
    expect(
      reasons(
        "Un pilote limité permet de corriger les difficultés avant de généraliser un logiciel libre à tous les services [1].",
        PILOTS,
      ),
    ).not.toMatch(/aussi entière/);
  });
  it("leaves a negated or hedged totality alone", () => {
    expect(status("Visio ne remplace pas complètement Microsoft Teams [1].", VISIO)).toBe("supported");
  });
});

describe("a duty stated with a pronoun for its public (faithful-blind-24, half A)", () => {
  const ARTICLE_16_TEXT =
    "Loi pour une République numérique — L'article 16\nLa loi n° 2016-1321 du 7 octobre 2016 pour une République numérique contient, en son article 16, la principale disposition française sur le logiciel libre dans l'administration. Elle demande aux administrations de veiller à garder la maîtrise, la pérennité et l'indépendance de leurs systèmes d'information, et d'encourager l'usage des logiciels libres et des formats ouverts lorsqu'elles développent, achètent ou utilisent tout ou partie de ces systèmes.";
  it("flags « Il leur impose d'utiliser » where the passage states no duty", () => {
    expect(status("Il leur impose d'utiliser des logiciels libres lorsqu'ils existent [1].", ARTICLE_16_TEXT)).toBe(
      "unsupported",
    );
    expect(status("Il leur demande d'encourager l'usage des logiciels libres [1].", ARTICLE_16_TEXT)).toBe("supported");
  });
});

describe("a totality the document's data hold (faithful-blind-19 to -21 progress notes and notes)", () => {
  it("leaves « entièrement remplacé » for a replacement « terminé », « 0 aujourd'hui »", () => {
    const PLAN =
      "Données du plan au 30 septembre 2027\nMicrosoft Defender for Endpoint : terminé, ESET PROTECT est passé de 0 à 112 installations ; 112 installations au départ, 0 aujourd'hui.";
    expect(status("Microsoft Defender a été entièrement remplacé par ESET PROTECT sur les 112 postes [1].", PLAN)).toBe(
      "supported",
    );
  });
  it("leaves « tous les postes » where the data count as many installations as postes", () => {
    const RISKS =
      "Incidents de dépendance — enseignements pour une collectivité\nAnalyse de Cap Libre : ces exemples relèvent de trois risques distincts. La panne technique (CrowdStrike) : se prémunir par la diversité des outils.";
    const facts = [
      "Taille : environ 9 400 habitants ; 112 postes de travail ; 3 agents au service informatique",
      "Cartographie du 20 novembre 2026 (inventaire OCS Inventory) : 112 postes ; Windows 11 : 98 installations ; Microsoft Defender for Endpoint : 112 installations.",
    ];
    const withData = check("Tous les postes dépendent donc d'un même outil [1].", [RISKS], facts);
    expect(withData.reasons.join(" ")).not.toMatch(/aussi entière/);
    const without = check("Tous les postes dépendent donc d'un même outil [1].", [RISKS], [facts[0]!]);
    expect(without.reasons.join(" ")).toMatch(/aussi entière/);
  });
});

describe("a totality held by a cited sentence holding the sentence's words (faithful-blind-20 progress note)", () => {
  it("leaves « entièrement remplacé : les 40 comptes sont passés à BigBlueButton, hébergé par … »", () => {
    const PLAN =
      "\nMicrosoft Teams : terminé, BigBlueButton (hébergé par le syndicat mixte numérique de la Haute-Marne) est passé de 0 à 40 comptes ; 40 installations au départ, 0 aujourd'hui.";
    expect(
      reasons(
        "Microsoft Teams a été entièrement remplacé : les 40 comptes sont passés à BigBlueButton, hébergé par le syndicat mixte numérique de la Haute-Marne [1].",
        PLAN,
      ),
    ).not.toMatch(/aussi entière/);
  });
});
