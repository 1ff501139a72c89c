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
  text: "Produit : Windows 10 — Catalogue, 2026 — (introduction)\nWindows 10 (poste de travail) : Système d'exploitation des postes de travail (version précédente).\nÉditeur : Microsoft, États-Unis. Exposition : CLOUD Act (États-Unis), FISA section 702 (États-Unis).\nApparaît dans les inventaires sous les noms : Microsoft Windows 10 Professionnel ; Microsoft Windows 10 Entreprise ; Microsoft Windows 10 Pro ; Windows 10 Enterprise LTSC ; Windows 10 Famille ; Windows 10 Enterprise LTSB ; Windows 10 IoT Enterprise LTSC.\nFin du support des éditions courantes : le 14 octobre 2025.\nFin du support par édition : LTSB 2015 (build 10240) le 14 octobre 2025 ; LTSB 2016 (build 14393) le 13 octobre 2026 ; LTSC 2019 (build 17763) le 9 janvier 2029 ; LTSC 2021 (build 19044) le 12 janvier 2027 ; IoT LTSC 2021 (build 19044) le 13 janvier 2032.\nAlternatives : Debian (remplacement partiel, libre GPL-2.0-only) ; Ubuntu (remplacement partiel, Royaume-Uni, libre GPL-2.0-only) ; Sécurix (autre approche, France, libre MIT).\nFin du support standard le 14 octobre 2025 : au-delà, mises à jour de sécurité uniquement via le programme payant ESU. Moment propice pour étudier une migration vers Linux plutôt qu'un renouvellement du matériel.",
};
const zoom = {
  n: 1,
  text: "Produit : Zoom — Catalogue, 2026-08 — (introduction)\nZoom (outils collaboratifs) : Visioconférence et webinaires.\nÉditeur : Zoom, États-Unis. Exposition : CLOUD Act (États-Unis), FISA section 702 (États-Unis).\nApparaît dans les inventaires sous les noms : Zoom ; Zoom Workplace ; Zoom Rooms.\nAlternatives : Tixeo (remplacement direct, France) ; Pexip (remplacement direct, Norvège) ; OpenTalk (remplacement partiel, Allemagne, libre EUPL-1.2) ; Jitsi Meet (remplacement direct, États-Unis, libre Apache-2.0) ; BigBlueButton (remplacement partiel, Canada, libre LGPL-3.0-or-later) ; Visio (La Suite numérique) (remplacement partiel, France, libre MIT, service réservé aux agents de l'État).\nLe CNRS prévoyait de remplacer toutes ses licences Zoom d'ici fin mars 2026 par Visio (DINUM), outil qui doit devenir l'unique solution de visioconférence de l'État d'ici 2027.",
};
const kaspersky = {
  n: 1,
  text: "Produit : Kaspersky Endpoint Security — Catalogue, 2022-03 — (introduction)\nKaspersky Endpoint Security (antivirus et sécurité) : Antivirus et protection des postes.\nÉditeur : Kaspersky, Russie. Exposition : lois russes de surveillance (SORM), loi russe de localisation des données personnelles (loi fédérale 242-FZ).\nApparaît dans les inventaires sous les noms : Kaspersky Endpoint Security for Windows ; Kaspersky Endpoint Security pour Windows ; Kaspersky Anti-Virus ; Kaspersky Small Office Security ; Kaspersky Total Security.\nAlternatives : Bitdefender GravityZone (remplacement direct, Roumanie) ; ESET PROTECT (remplacement direct, Slovaquie) ; G DATA Endpoint Protection (remplacement direct, Allemagne) ; HarfangLab EDR (remplacement partiel, France).\nÉditeur russe : en mars 2022, l'ANSSI a recommandé d'envisager à moyen terme une diversification des solutions de cybersécurité, sans désinstaller Kaspersky avant d'avoir une solution de remplacement ; le BSI allemand en a déconseillé l'usage.",
};
const nextcloud = {
  n: 1,
  text: "Éditeur : Nextcloud — Catalogue, 2026-02-27 — (introduction)\nNextcloud (Nextcloud GmbH) : éditeur, siège : Allemagne.\nPas d'exposition connue à une loi extra-européenne.\nÉditeur allemand (Stuttgart) de Nextcloud, plateforme libre (AGPL) de partage de fichiers et de collaboration, fondé en 2016 par Frank Karlitschek (dérivé d'ownCloud) ; société indépendante, sans actionnaire extra-européen connu. Choisi par le centre informatique fédéral allemand ITZBund.",
};
const mastodon = {
  n: 1,
  text: "Alternative : Mastodon — Catalogue, 2026-11 — (introduction)\nMastodon (autres) : logiciel libre sous licence AGPL-3.0-only, publié par Mastodon gGmbH (Allemagne). Maturité : éprouvée.\nHébergement : à installer sur ses propres serveurs ou chez un prestataire, en ligne chez un hébergeur européen.\nRéférencé au Socle interministériel de logiciels libres (SILL).\nRemplace : X (ex-Twitter) (remplacement partiel) ; Facebook (pages de collectivité) (autre approche) ; TikTok (autre approche).\nRéseau social fédéré (microblogage) édité par une société allemande à but non lucratif ; une collectivité peut ouvrir un compte sur une instance publique ou opérer la sienne.",
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
