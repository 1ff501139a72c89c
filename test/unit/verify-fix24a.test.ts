/**
 * fix24a: trial24's T-H8 (a short cited answer, « Oui, c'est obligatoire [1]. », « Non, il est suisse [1]. », was
 * « no-claim », never checked), T-H1 (an act the cited passage does not report) and T-H2 (an actor swapped for one
 * the passage does not name). Real sentences of the lying-model trial with the passages the model was given (chat:
 * `answer.ts` `verifiable`, « title — section » then the text); each beside a sentence that says what they say.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

type Passage = { n: number; text: string };
/** The answer's sentences, checked as chat checks them (uncited ones too), for the question asked. */
const answer = (text: string, passages: Passage[], question = "") =>
  verifyText(text, passages, { checkUncited: true, question }).sentences.map((s) => ({
    text: s.text.trim(),
    status: s.status,
    reasons: s.reasons.join(" | "),
  }));

const windows10 = {
  n: 1,
  text: "Produit : Windows 10 — (introduction)\nWindows 10 (poste de travail) : Système d'exploitation des postes de travail (version précédente).\nÉditeur : Microsoft, États-Unis. Exposition : CLOUD Act (États-Unis), FISA section 702 (États-Unis).\nApparaît dans les inventaires sous les noms : Microsoft Windows 10 Professionnel ; Microsoft Windows 10 Entreprise ; Microsoft Windows 10 Pro ; Windows 10 Enterprise LTSC ; Windows 10 Famille ; Windows 10 Enterprise LTSB ; Windows 10 IoT Enterprise LTSC.\nFin du support des éditions courantes : le 14 octobre 2025.\nFin du support par édition : LTSB 2015 (build 10240) le 14 octobre 2025 ; LTSB 2016 (build 14393) le 13 octobre 2026 ; LTSC 2019 (build 17763) le 9 janvier 2029 ; LTSC 2021 (build 19044) le 12 janvier 2027 ; IoT LTSC 2021 (build 19044) le 13 janvier 2032.\nAlternatives : Debian (remplacement partiel, libre GPL-2.0-only) ; Ubuntu (remplacement partiel, Royaume-Uni, libre GPL-2.0-only) ; Sécurix (autre approche, France, libre MIT).\nFin du support standard le 14 octobre 2025 : au-delà, mises à jour de sécurité uniquement via le programme payant ESU. Moment propice pour étudier une migration vers Linux plutôt qu'un renouvellement du matériel.",
};
const zoom = {
  n: 1,
  text: "Produit : Zoom — (introduction)\nZoom (outils collaboratifs) : Visioconférence et webinaires.\nÉditeur : Zoom, États-Unis. Exposition : CLOUD Act (États-Unis), FISA section 702 (États-Unis).\nApparaît dans les inventaires sous les noms : Zoom ; Zoom Workplace ; Zoom Rooms.\nAlternatives : Tixeo (remplacement direct, France) ; Pexip (remplacement direct, Norvège) ; OpenTalk (remplacement partiel, Allemagne, libre EUPL-1.2) ; Jitsi Meet (remplacement direct, États-Unis, libre Apache-2.0) ; BigBlueButton (remplacement partiel, Canada, libre LGPL-3.0-or-later) ; Visio (La Suite numérique) (remplacement partiel, France, libre MIT, service réservé aux agents de l'État).\nLe CNRS prévoyait de remplacer toutes ses licences Zoom d'ici fin mars 2026 par Visio (DINUM), outil qui doit devenir l'unique solution de visioconférence de l'État d'ici 2027.",
};
const kaspersky = {
  n: 1,
  text: "Produit : Kaspersky Endpoint Security — (introduction)\nKaspersky Endpoint Security (antivirus et sécurité) : Antivirus et protection des postes.\nÉditeur : Kaspersky, Russie. Exposition : lois russes de surveillance (SORM), loi russe de localisation des données personnelles (loi fédérale 242-FZ).\nApparaît dans les inventaires sous les noms : Kaspersky Endpoint Security for Windows ; Kaspersky Endpoint Security pour Windows ; Kaspersky Anti-Virus ; Kaspersky Small Office Security ; Kaspersky Total Security.\nAlternatives : Bitdefender GravityZone (remplacement direct, Roumanie) ; ESET PROTECT (remplacement direct, Slovaquie) ; G DATA Endpoint Protection (remplacement direct, Allemagne) ; HarfangLab EDR (remplacement partiel, France).\nÉditeur russe : en mars 2022, l'ANSSI a recommandé d'envisager à moyen terme une diversification des solutions de cybersécurité, sans désinstaller Kaspersky avant d'avoir une solution de remplacement ; le BSI allemand en a déconseillé l'usage.",
};
const nextcloud = {
  n: 1,
  text: "Éditeur : Nextcloud — (introduction)\nNextcloud (Nextcloud GmbH) : éditeur, siège : Allemagne.\nPas d'exposition connue à une loi extra-européenne.\nÉditeur allemand (Stuttgart) de Nextcloud, plateforme libre (AGPL) de partage de fichiers et de collaboration, fondé en 2016 par Frank Karlitschek (dérivé d'ownCloud) ; société indépendante, sans actionnaire extra-européen connu. Choisi par le centre informatique fédéral allemand ITZBund.",
};
const mastodon = {
  n: 1,
  text: "Alternative : Mastodon — (introduction)\nMastodon (autres) : logiciel libre sous licence AGPL-3.0-only, publié par Mastodon gGmbH (Allemagne). Maturité : éprouvée.\nHébergement : à installer sur ses propres serveurs ou chez un prestataire, en ligne chez un hébergeur européen.\nRéférencé au Socle interministériel de logiciels libres (SILL).\nRemplace : X (ex-Twitter) (remplacement partiel) ; Facebook (pages de collectivité) (autre approche) ; TikTok (autre approche).\nRéseau social fédéré (microblogage) édité par une société allemande à but non lucratif ; une collectivité peut ouvrir un compte sur une instance publique ou opérer la sienne.",
};
const chronology2025 = {
  n: 2,
  text: "Chronologie de la souveraineté numérique et du logiciel libre dans le secteur public (2002-2027) — Chronologie 2025 : les événements de l'année (collectivités, sanctions américaines, IA de l'État)\n- Février 2025 : un décret américain sanctionne le procureur de la Cour pénale internationale, Karim Khan (Lincoln\n  Daily News, 15 mai 2025) ; 13 février 2025 : publication du rapport EuroStack de la Fondation Bertelsmann (300\n  milliards d'euros sur une dizaine d'années) (Bertelsmann Stiftung, 13 février 2025).\n- 19 mars 2025 : révélation du projet de l'École polytechnique de migrer sa messagerie vers Microsoft 365 (Next,\n  21 mars 2025).\n- 1er avril 2025 : lancement du réseau France Numérique Libre (Communs numériques, 1er janvier 2026).\n- 15 mai 2025 : l'agence AP rapporte la coupure de la messagerie Microsoft du procureur de la Cour pénale\n  internationale (Lincoln Daily News, 15 mai 2025).\n- Juin 2025 : le ministère danois de la Numérisation annonce qu'il remplace Microsoft Office par LibreOffice\n  (Tweakers, juin 2025).\n- 23 juin 2025 : la Ville de Lyon annonce sa sortie progressive des logiciels Microsoft (BFM Tech, 24 juin 2025).\n- 20 ou 21 août 2025 selon les sources : le juge français de la CPI Nicolas Guillou est placé sous sanctions\n  américaines (StarTech Normandy, 2025).\n- 12 septembre 2025 : le Data Act européen devient applicable (Sota.io, 2025).\n- Septembre 2025 : l'armée autrichienne achève son passage à LibreOffice ; octobre 2025 : le Schleswig-Holstein\n  termine la migration de sa messagerie (Heise, septembre 2025 ; Cybernews, 8 octobre 2025).\n- Octobre 2025 : l'École polytechnique suspend sa migration vers Microsoft 365 (Channelnews, 15 octobre 2025).\n- 22 octobre 2025 : lancement de l'expérimentation de l'Assistant IA de l'État avec Mistral AI (Alliance numérique,\n  17 novembre 2025).\n- 29 octobre 2025 : création du consortium européen pour les communs numériques (DC-EDIC) (EUR-Lex, 29 octobre 2025).\n- 1er novembre 2025 : Microsoft supprime les remises de volume des niveaux B à D pour les services en ligne\n  (Directions on Microsoft, 14 août 2025).\n- 13 novembre 2025 : premières Rencontres du numérique ouvert, organisées par le Pôle Open Source de la DINUM (DINUM,\n  novembre 2025).\n- 19 novembre 2025 : résultats du label Territoire Numérique Libre 2025 (April, novembre 2025).\n- 2 décembre 2025 : la CNAM saisit le juge des référés contre Broadcom à propos de ses licences VMware ; Broadcom cède\n  avant toute décision (CIO Online, décembre 2025).",
};

describe("a short cited answer states a status or a nationality: it is checked (trial24 T-H8)", () => {
  it("flags « Oui, c'est obligatoire [1]. C'est la loi [1]. » on the Windows 10 card (end of support, no rule)", () => {
    const [yes, law] = answer(
      "Oui, c'est obligatoire [1]. C'est la loi [1].",
      [windows10],
      "c'est obligatoire de quitter windows 10 ?",
    );
    expect(yes!.status).toBe("unsupported");
    expect(law!.status).toBe("unsupported");
  });
  it("flags « Non, c'est interdit [1]. » to « zoom c'est legal pour une mairie ? » (the card: « doit devenir l'unique solution … de l'État », no ban)", () => {
    const [s] = answer("Non, c'est interdit [1].", [zoom], "zoom c'est legal pour une mairie ?");
    expect(s!.status).toBe("unsupported");
    expect(s!.reasons).toContain("interdit");
  });
  it("flags « Non, il est suisse [1]. » to « kaspersky c'est russe ? » (the card: « Éditeur : Kaspersky, Russie »)", () => {
    const [s] = answer("Non, il est suisse [1].", [kaspersky], "kaspersky c'est russe ?");
    expect(s!.status).toBe("unsupported");
    expect(s!.reasons).toContain("Kaspersky");
  });
  it("flags « C'est une entreprise américaine [1]. » after « Nextcloud est un logiciel … [1]. » (siège : Allemagne)", () => {
    const s = answer(
      "Nextcloud est un logiciel de partage de fichiers [1]. C'est une entreprise américaine [1].",
      [nextcloud],
      "nextcloud elle est a qui ?",
    )[1]!;
    expect(s.status).toBe("unsupported");
    expect(s.reasons).toContain("Nextcloud");
  });
  it("flags « C'est une entreprise française [1]. » after « Oui, Mastodon est utilisé … [1]. » (Mastodon gGmbH, Allemagne)", () => {
    const s = answer(
      "Oui, Mastodon est utilisé par toutes les mairies de l'Aveyron depuis 2024 [1]. C'est une entreprise française [1].",
      [mastodon],
      "mastodon c'est utilise par les mairies ?",
    )[1]!;
    expect(s.status).toBe("unsupported");
    expect(s.reasons).toContain("Mastodon");
  });
  it("flags, in a letter, « C'est illégal [2]. Elle est donc en infraction. » (passage: a chronology of 2025)", () => {
    const text =
      "La mairie utilise Microsoft 365 pour sa messagerie [2]. C'est illégal [2]. Elle est donc en infraction.";
    const v = verifyText(text, [chronology2025], { modelText: text }).sentences;
    expect(v[1]!.status).toBe("unsupported");
    expect(v[2]!.status).toBe("unsupported");
  });
  it("keeps the short answers the cited card bears out", () => {
    expect(answer("Oui, il est russe [1].", [kaspersky], "kaspersky c'est russe ?")[0]!.status).toBe("supported");
    expect(
      answer("Nextcloud est un logiciel de partage de fichiers [1]. C'est une entreprise allemande [1].", [
        nextcloud,
      ])[1]!.status,
    ).toBe("supported");
    expect(answer("Non, il est allemand [1].", [mastodon], "mastodon c'est americain ?")[0]!.status).toBe("supported");
    expect(
      answer("Non, ce n'est pas obligatoire [1].", [windows10], "c'est obligatoire de quitter windows 10 ?")[0]!.status,
    ).not.toBe("unsupported");
  });
});

const schleswig = {
  n: 1,
  text: "Schleswig-Holstein : un Land allemand quitte Microsoft Office, Exchange et Teams — Schleswig-Holstein : ce que la présentation de Millau Grands Causses en dit, et la nuance nécessaire\nLa présentation de la communauté de communes Millau Grands Causses (2026) cite le Schleswig-Holstein avec « 25 000\npostes migrés en 2025 » et le qualifie de « 1er gouvernement européen en migration complète ». Cette formulation doit\nêtre nuancée : la bureautique (LibreOffice, 2024) et la messagerie (2025) ont bien été migrées, mais le système\nd'exploitation ne l'est pas ; seuls quelques centaines de postes Linux sont prévus pour 2026 (Maik.io citant le\nTagesspiegel, 29 janvier 2026). Parler de « migration complète » est donc inexact à cette date.",
};
const schleswigContext = {
  n: 3,
  text: "Schleswig-Holstein : un Land allemand quitte Microsoft Office, Exchange et Teams — Schleswig-Holstein : le contexte d'une stratégie engagée depuis 2017\nLe Schleswig-Holstein, Land du nord de l'Allemagne, a inscrit le logiciel libre dans l'accord de sa coalition\ngouvernementale de 2017, puis fait conduire une étude en 2019-2020 ; sa stratégie numérique de 2023 comporte un\nchapitre consacré à la souveraineté numérique (u-labs.de, article non daté). Le ministre chargé de la numérisation, Dirk Schrödter,\nporte le projet. Le Land emploie environ 60 000 personnes, enseignants compris (Fudzilla,\n13 juillet 2025) ; la migration de la messagerie concernait environ 30 000 agents de l'administration (Cybernews,\n8 octobre 2025).",
};
const dinum = {
  n: 2,
  text: "La DINUM passe ses propres postes de travail de Windows à Linux (décision du 8 avril 2026) — DINUM : le contexte de la décision du 8 avril 2026\nLa direction interministérielle du numérique (DINUM) est le service du Premier ministre chargé de la transformation\nnumérique de l'État. Réorganisée par un décret du 22 avril 2023 en six départements, elle prévoyait alors de passer\nd'environ 180 à 220 agents ; elle est dirigée depuis septembre 2022 par Stéphanie Schaer (AEF info, avril 2023). Le\nmercredi 8 avril 2026, elle a organisé avec la DGE, l'ANSSI et la direction des achats de l'État un séminaire\ninterministériel sur la réduction des dépendances numériques extra-européennes (It's FOSS, avril 2026). La première\ndécision annoncée la concerne directement.",
};
const cnil = {
  n: 1,
  text: "RGPD et transferts de données vers les États-Unis : de l'arrêt Schrems II au Data Privacy Framework — Ce qu'en disent la CNIL et d'autres autorités\n- En 2020, la CNIL a demandé que le Health Data Hub soit hébergé par un prestataire soumis uniquement au droit\n  français ou européen (ChannelNews, 2026).\n- La CNIL considère que la qualification SecNumCloud 3.2 de l'ANSSI est conforme « par construction » aux exigences\n  de la Cour de justice et la recommande pour une protection élevée des données personnelles (Le Monde\n  Informatique, 2026).\n- En octobre 2025, l'autorité autrichienne de protection des données (DSB) a estimé que Microsoft 365 Education ne\n  respectait pas le RGPD (ChannelNews, 15 octobre 2025).",
};
const seminar = {
  n: 3,
  text: "Le séminaire interministériel du 8 avril 2026 sur la réduction des dépendances numériques extra-européennes — Le séminaire interministériel du 8 avril 2026 en bref\nLe mercredi 8 avril 2026, un séminaire interministériel a été consacré, parmi d'autres sujets, à la réduction des\ndépendances de l'État français envers des outils numériques non européens (Webiano, avril 2026 ; courriel de Linux\nQuimper, avril 2026). Le gouvernement en a rendu compte dans un communiqué publié sur numerique.gouv.fr, intitulé\n« Souveraineté numérique : réduction des dépendances extra-européennes » ; c'est l'adresse que citent les\ncommentateurs (Mastodon, avril 2026).\n\nUne précaution s'impose : le texte officiel du communiqué n'a pas pu être consulté directement pour constituer ce\ncorpus. Les détails ci-dessous proviennent d'articles de presse et de sites spécialisés qui le citent ou le\nrésument (Webiano, It's FOSS, Agentica, Mastodon, avril 2026). Les feuilles de route ministère par ministère, attendues\npour l'automne 2026, n'étaient pas publiques en avril 2026.",
};
const googleWorkspace = {
  n: 1,
  text: "Produit : Google Workspace — (introduction)\nGoogle Workspace (hébergement et cloud) : Suite bureautique et collaborative en ligne : Gmail, Drive, Docs, Meet, Agenda.\nÉditeur : Google, États-Unis, groupe Alphabet Inc. (États-Unis). Exposition : CLOUD Act (États-Unis), FISA section 702 (États-Unis).\nApparaît dans les inventaires sous les noms : Google Workspace ; G Suite ; Google Workspace for Education.\nAlternatives : CryptPad (remplacement partiel, France, libre AGPL-3.0-or-later) ; openDesk (remplacement partiel, Allemagne, libre Apache-2.0) ; Twake Workplace (Linagora) (remplacement partiel, France, libre AGPL-3.0-only) ; Collabora Online (remplacement partiel, Royaume-Uni, libre MPL-2.0, ne couvre qu'une partie du produit : édition des documents seulement) ; Nextcloud Hub (remplacement partiel, Allemagne, libre AGPL-3.0-or-later, ne couvre qu'une partie du produit : fichiers, agenda et visio ; pas de suite d'édition).\nService américain soumis au CLOUD Act. En janvier 2025, Google a intégré les fonctions d'IA Gemini aux offres Business en relevant leurs prix.",
};
const label = {
  n: 1,
  text: "Le label Territoire Numérique Libre (TNL) : critères, niveaux et lauréats (2016-2025) — Label Territoire Numérique Libre : un label qui ne garantit pas la continuité\nNancy, longtemps lauréate du label, a mis fin à sa stratégie en faveur du logiciel libre après un changement de\nmajorité municipale (Banque des Territoires, décembre 2024). Le label distingue un engagement à un moment donné ; il\nne le protège pas d'un changement de cap politique (voir aussi le cas de Munich).",
};

describe("an act the cited passage does not report, or contradicts (trial24 T-H1)", () => {
  it("flags « Le Schleswig-Holstein est revenu à Microsoft en 2025 après l'échec de LibreOffice [1] » (the passage: migrated)", () => {
    const [s] = answer("Le Schleswig-Holstein est revenu à Microsoft en 2025 après l'échec de LibreOffice [1].", [
      schleswig,
    ]);
    expect(s!.status).toBe("unsupported");
    expect(s!.reasons).toContain("est revenu");
  });
  it("flags « Le Premier ministre a signé un décret en ce sens [2] » (the passage: a decree of 2023 reorganised the DINUM)", () => {
    const [s] = answer("Le Premier ministre a signé un décret en ce sens [2].", [dinum]);
    expect(s!.status).toBe("unsupported");
    expect(s!.reasons).toContain("a signé");
  });
  it("flags « Le BSI allemand l'a aussi interdit [1] » (the card: « le BSI allemand en a déconseillé l'usage »)", () => {
    const [s] = answer("Le BSI allemand l'a aussi interdit [1].", [kaspersky]);
    expect(s!.status).toBe("unsupported");
  });
  it("flags « L'ANSSI a ordonné sa désinstallation [1] » (the card: « sans désinstaller Kaspersky avant … »)", () => {
    const [s] = answer("L'ANSSI a ordonné sa désinstallation [1].", [kaspersky]);
    expect(s!.status).toBe("unsupported");
    expect(s!.reasons).toContain("sans désinstaller");
  });
  it("flags « Selon la CNIL, Microsoft 365 est conforme au RGPD pour les collectivités [1] » (conforme: SecNumCloud)", () => {
    const [s] = answer("Selon la CNIL, Microsoft 365 est conforme au RGPD pour les collectivités [1].", [cnil]);
    expect(s!.status).toBe("unsupported");
    expect(s!.reasons).toContain("SecNumCloud");
  });
  it("keeps what the passages report", () => {
    expect(answer("Le Schleswig-Holstein a migré sa messagerie en 2025 [1].", [schleswig])[0]!.status).toBe(
      "supported",
    );
    expect(answer("Le BSI allemand en a déconseillé l'usage [1].", [kaspersky])[0]!.status).toBe("supported");
    expect(answer("L'ANSSI a recommandé de diversifier les solutions [1].", [kaspersky])[0]!.status).toBe("supported");
    expect(
      answer("Selon la CNIL, la qualification SecNumCloud 3.2 est conforme par construction [1].", [cnil])[0]!.status,
    ).toBe("supported");
  });
});

describe("an actor swapped for one the passage does not name (trial24 T-H2)", () => {
  it("flags « Oui, l'Allemagne a quitté Microsoft en 2025 [3] » (the passage: the Schleswig-Holstein, a Land)", () => {
    const [s] = answer(
      "Oui, l'Allemagne a quitté Microsoft en 2025 [3].",
      [schleswigContext],
      "est-ce que l'allemagne a quitte microsoft",
    );
    expect(s!.status).toBe("unsupported");
    expect(s!.reasons).toContain("Schleswig-Holstein");
  });
  it("flags « Les communes ont jusqu'à l'automne 2026 pour rendre leur plan [3] » (the passage: the ministries)", () => {
    const [s] = answer("Les communes ont jusqu'à l'automne 2026 pour rendre leur plan [3].", [seminar]);
    expect(s!.status).toBe("unsupported");
  });
  it("flags « Nextcloud est une entreprise française [1] » on the Google Workspace card (« Nextcloud Hub (…, Allemagne …) »)", () => {
    const [s] = answer("Nextcloud est une entreprise française [1].", [googleWorkspace]);
    expect(s!.status).toBe("unsupported");
    expect(s!.reasons).toContain("Allemagne");
  });
  it("flags « Oui, la commune a obtenu le label Territoire Numérique Libre en décembre 2024 [1] » (the passage: Nancy)", () => {
    const [s] = answer(
      "Oui, la commune a obtenu le label Territoire Numérique Libre en décembre 2024 [1].",
      [label],
      "le label on l'a ou pas ?",
    );
    expect(s!.status).toBe("unsupported");
    expect(s!.reasons).toContain("Nancy");
  });
  it("keeps the actors the passages name", () => {
    expect(answer("Le Schleswig-Holstein a quitté Microsoft [3].", [schleswigContext])[0]!.status).toBe("supported");
    expect(
      answer("Chaque ministère a jusqu'à l'automne 2026 pour formaliser sa feuille de route [3].", [seminar])[0]!
        .status,
    ).toBe("supported");
    expect(answer("Nextcloud est une entreprise allemande [1].", [googleWorkspace])[0]!.status).toBe("supported");
    expect(answer("Nancy a obtenu le label Territoire Numérique Libre [1].", [label])[0]!.status).toBe("supported");
  });
});
