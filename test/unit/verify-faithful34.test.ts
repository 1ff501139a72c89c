/**
 * faithful34 (trial15 A7, A13; faithful-blind-15): a contradiction without a negation word. A decision turned into
 * its refusal (« a renoncé à passer ses postes sous Linux » where the passage says the DINUM leaves Windows for Linux,
 * « a refusé … le retour à Windows » where the council voted it), a verb the passage denies stated as done (« NIS2 interdit les fournisseurs … » against « il
 * n'interdit aucun fournisseur »), and the
 * reserve of a figure kept by a sentence that says who gives it (« Elle lui attribue aussi 534 millions d'euros »).
 * The passages are the corpus's.
 */
import { describe, expect, it } from "vitest";
import { reasons, status } from "../helpers/verify.ts";

const DINUM =
  "Le séminaire interministériel du 8 avril 2026 sur la réduction des dépendances numériques extra-européennes — Première décision du 8 avril 2026 : la DINUM quitte Windows pour Linux\n" +
  "La DINUM a annoncé qu'elle abandonnait Windows au profit de postes de travail sous Linux pour ses propres agents " +
  "(Webiano, avril 2026). Cette décision ne vise que le parc de la DINUM : un média technologique français l'estime à " +
  "environ 200 à 250 postes (Webiano, avril 2026). Aucune distribution Linux n'a été nommée lors de l'annonce (Webiano, " +
  "avril 2026).";

/** The passage trial15 A13's answer cited. */
const DINUM_PARC =
  "La DINUM passe ses propres postes de travail de Windows à Linux (décision du 8 avril 2026) — DINUM : les chiffres du parc concerné par Linux (200 à 250 postes)\n" +
  "- Estimation de presse : environ 200 à 250 postes, selon un média technologique français (Webiano, avril 2026).\n" +
  "- Présentation de la communauté de communes Millau Grands Causses (2026) : « DINUM : 234 postes migrent vers Linux ». " +
  "Ce nombre précis n'a été confirmé par aucune autre source ; il reste compatible avec l'estimation de presse.";

const MUNICH =
  "Munich et LiMux — Munich : le retour à Windows voté en novembre 2017\n" +
  "En novembre 2017, le conseil municipal a voté le retour à des logiciels fonctionnant sous Windows, avec un objectif " +
  "fixé à 2020 (Wikipedia, « LiMux », 2025). Le débat était déjà public en début d'année (Geeksroom, février 2017).";

const DANEMARK =
  "Danemark : ce qui a été annoncé, puis corrigé — Danemark : ce qui a été annoncé, puis corrigé\n" +
  "Politiken a ensuite corrigé son article : seul Microsoft Office est abandonné, Windows reste en place pour le " +
  "moment (PC Gamer, mise à jour du 22 juin 2025 ; Windows Central, juin 2025).\n\n" +
  "Le ministère danois remplace donc la suite bureautique, et non, à ce stade, Windows.";

const NIS2 =
  "NIS2 : ce que la transposition change pour les collectivités — NIS2 et dépendances numériques : quel lien ?\n" +
  "NIS2 n'est pas un texte sur la souveraineté : il n'interdit aucun fournisseur selon sa nationalité. Il rejoint " +
  "pourtant la démarche de réduction des dépendances sur deux points.\n\n" +
  "D'abord, l'obligation de sécuriser la chaîne d'approvisionnement (directive 2022/2555, article 21) impose de savoir " +
  "quels fournisseurs et prestataires interviennent sur le système d'information, ce qui suppose le même inventaire " +
  "qu'une étude des dépendances.";

const GENDARMERIE =
  "La Gendarmerie nationale et GendBuntu : ses postes de travail sous Linux (2004-2021) — Gendarmerie nationale : les chiffres non confirmés (103 164 postes, 97 %, 534 millions d'euros)\n" +
  "La présentation « Open Source & Souveraineté numérique » de la communauté de communes Millau Grands Causses (2026) " +
  "affirme que la Gendarmerie compte 103 164 postes sous Linux, soit 97 % de son parc, qu'elle utilise Linux depuis 2008 " +
  "et qu'elle a économisé 534 millions d'euros depuis 2004. Les jalons de 2004 et de 2008 sont confirmés par la presse " +
  "de l'époque (Le Soleil et Le Monde Informatique, 2008). En revanche, les chiffres de 103 164 postes, de 97 % du parc et " +
  "de 534 millions d'euros sont non confirmés : ils n'ont été retrouvés dans aucune autre source.";

describe("a decision turned into its refusal (trial15 A13)", () => {
  it("flags « a renoncé à passer ses postes sous Linux » where the DINUM leaves Windows for Linux", () => {
    expect(reasons("La DINUM a renoncé à passer ses postes sous Linux [1].", DINUM)).toContain("dit le contraire");
  });
  it("does not read « garde Windows » as a refusal: « Windows reste en place » says the same (faithful-blind-2)", () => {
    expect(status("Le ministère remplace la suite bureautique mais garde Windows pour le moment [1].", DANEMARK)).toBe(
      "supported",
    );
  });
  it("needs the cited passage to report the act on the same object", () => {
    expect(reasons("Le conseil municipal a refusé en 2017 le budget de LiMux [1].", MUNICH)).not.toContain(
      "dit le contraire",
    );
  });
  it("flags it against the passage trial15 A13 cited (« La DINUM passe ses propres postes … à Linux »)", () => {
    expect(reasons("La DINUM a renoncé à passer ses postes sous Linux [1].", DINUM_PARC)).toContain("dit le contraire");
  });
  it("flags « a refusé le retour à Windows » where the council voted it", () => {
    expect(reasons("Le conseil municipal a refusé en 2017 le retour à Windows [1].", MUNICH)).toContain(
      "dit le contraire",
    );
  });
  it("accepts the decision as the passages state it", () => {
    expect(status("La DINUM a annoncé qu'elle quittait Windows pour Linux pour ses propres agents [1].", DINUM)).toBe(
      "supported",
    );
    expect(status("En novembre 2017, le conseil municipal a voté le retour à Windows [1].", MUNICH)).toBe("supported");
  });
});

describe("a verb the passage denies, stated as done (trial15 A7)", () => {
  it("flags « NIS2 interdit les fournisseurs non européens » against « il n'interdit aucun fournisseur »", () => {
    expect(
      reasons("NIS2 interdit les fournisseurs non européens dans la chaîne d'approvisionnement [1].", NIS2),
    ).toContain("dit le contraire");
  });
  it("accepts the denial restated", () => {
    expect(status("NIS2 n'interdit aucun fournisseur selon sa nationalité [1].", NIS2)).toBe("supported");
  });
});

describe("a figure's reserve kept by saying who gives it (faithful-blind-15)", () => {
  it("accepts « Elle lui attribue aussi 534 millions d'euros » of the presentation", () => {
    expect(status("Elle lui attribue aussi 534 millions d'euros d'économies depuis 2004 [1].", GENDARMERIE)).toBe(
      "supported",
    );
  });
  it("still flags the figure stated as fact", () => {
    expect(status("La Gendarmerie a économisé 534 millions d'euros depuis 2004 [1].", GENDARMERIE)).toBe("unsupported");
  });
});

const HDH =
  "Le Health Data Hub quitte Microsoft Azure — Health Data Hub : la décision du 5 février 2026\n" +
  "Par un communiqué du jeudi 5 février 2026, le gouvernement a abandonné l'appel d'offres pour la solution " +
  "intermédiaire et lancé directement la migration complète vers un hébergeur qualifié SecNumCloud :\n\n" +
  "- l'attribution était attendue fin mars 2026 ;\n" +
  "- une copie complète du Système national des données de santé (SNDS) doit être hébergée chez le nouveau prestataire " +
  "d'ici fin 2026 ;";

describe("« complète » before an acronym the passage spells out (faithful-blind-15)", () => {
  it("accepts « Une copie complète du SNDS » where the passage writes the SNDS's name in full", () => {
    expect(
      status("Une copie complète du SNDS doit être hébergée chez le nouveau prestataire d'ici fin 2026 [1].", HDH),
    ).toBe("supported");
  });
});

const CLOUD_ACT =
  "Le CLOUD Act et le FISA — Ce que le CLOUD Act change concrètement pour une mairie\n" +
  "Ce que le CLOUD Act ne change pas : il ne rend pas illégal pour une commune l'usage de ces services. Aucune loi " +
  "française n'interdit aujourd'hui à une collectivité d'héberger ses données chez un fournisseur américain ; " +
  "l'obligation de protection de l'article 31 de la loi SREN ne vise pour l'instant que l'État, ses opérateurs et " +
  "certains GIP (voir la fiche sur la loi SREN). En revanche, le RGPD rend la collectivité responsable des données " +
  "personnelles qu'elle confie à un prestataire.";

describe("what a passage restricts to the State, given to the communes (faithful-blind-15 scope-swapped)", () => {
  it("flags « L'article 31 de la loi SREN oblige déjà les communes … » against « ne vise pour l'instant que l'État »", () => {
    expect(
      reasons(
        "L'article 31 de la loi SREN oblige déjà les communes à choisir un prestataire protégé contre ces accès [1].",
        CLOUD_ACT,
      ),
    ).toContain("ne vise pour l'instant que l'État");
  });
  it("accepts the restriction restated, and the State's duty", () => {
    expect(
      reasons(
        "L'article 31 de la loi SREN ne vise pour l'instant que l'État, ses opérateurs et certains GIP [1].",
        CLOUD_ACT,
      ),
    ).not.toContain("dit le contraire");
    expect(reasons("L'article 31 de la loi SREN vise l'État et ses opérateurs [1].", CLOUD_ACT)).not.toContain(
      "dit le contraire",
    );
  });
});

const SECURIX =
  "Sécurix et Bureautix : les postes de travail Linux (NixOS) de la DINUM — Sécurix, Bureautix et le passage de la DINUM à Linux\n" +
  "Le 8 avril 2026, la DINUM a annoncé qu'elle quittait Windows pour des postes Linux pour ses propres agents, un parc " +
  "estimé par la presse à 200 à 250 postes ; aucune distribution Linux n'a été nommée à cette occasion (Webiano, avril " +
  "2026). Il serait donc inexact d'affirmer, en l'état des sources, que la DINUM passe à Sécurix ou à Bureautix, même " +
  "si ces projets viennent de la même direction.";

describe("a claim the passage calls inexact, stated with another act verb (faithful-blind-15)", () => {
  it("flags « La DINUM a retenu Sécurix » against « inexact d'affirmer … que la DINUM passe à Sécurix »", () => {
    expect(reasons("La DINUM a retenu Sécurix pour équiper ces postes [1].", SECURIX)).toContain("inexact d'affirmer");
  });
  it("accepts the denial, the reserve kept, and another verb than an act", () => {
    expect(reasons("Rien ne dit que la DINUM passe à Sécurix [1].", SECURIX)).not.toContain("dit le contraire");
    expect(
      reasons("Il serait inexact d'affirmer que la DINUM a retenu Sécurix pour ses postes [1].", SECURIX),
    ).not.toContain("dit le contraire");
  });
});

const INTERSTIS =
  "Coûts et économies — Les chiffres Microsoft non confirmés\n" +
  "La présentation de la communauté de communes Millau Grands Causses (2026) annonce une hausse de 5 à 13 % des " +
  "licences du secteur public en 2026. Elle avance aussi une hausse cumulée de 50 à 80 % de la facture Microsoft sur " +
  "dix ans : ces chiffres n'ont pas été retrouvés dans d'autres sources.\n\n" +
  "Selon l'éditeur français Interstis, le coût total d'un abonnement Microsoft 365 E3 a augmenté d'environ 50 % en " +
  "cinq ans (ChannelNews, 5 mars 2026) : il s'agit de l'affirmation d'un éditeur concurrent.";

describe("a figure's « hausse » where the passage writes « a augmenté » (faithful-blind-15)", () => {
  it("accepts « Interstis … parle d'environ 50 % de hausse en cinq ans »", () => {
    expect(
      status(
        "L'éditeur Interstis, concurrent de Microsoft, parle d'environ 50 % de hausse en cinq ans pour Microsoft 365 E3 [1].",
        INTERSTIS,
      ),
    ).toBe("supported");
  });
});
