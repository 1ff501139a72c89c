/**
 * trial22 T-H1 and T-M5 (chat): a short order to the reader was no claim at all, shown unmarked (« Vous devez donc le
 * désinstaller immédiatement [1] » on the Kaspersky card, which says « sans désinstallation sans solution de
 * remplacement »); a right « no duty for your commune » drawn from a passage that limits the duty to others was
 * flagged; the user's own size typed « interco de 45000 habitants » was a figure no passage gives.
 */
import { describe, expect, it } from "vitest";
import { askedContext } from "../../server/answers/answer.ts";
import { verifyText } from "../../server/verify/index.ts";

const kaspersky = {
  n: 1,
  text: "Éditeur : Kaspersky — \nKaspersky (AO Kaspersky Lab) : éditeur, siège : Russie.\nExposition à des lois extra-européennes : lois russes de surveillance (SORM), loi russe de localisation des données personnelles (loi fédérale 242-FZ).\nÉditeur russe d'antivirus basé à Moscou : contrôlé depuis la Russie, donc extra-européen (hors UE, EEE, Royaume-Uni et Suisse). Début mars 2022, l'ANSSI a invité à envisager une diversification des solutions Kaspersky en raison de leur lien avec la Russie (sans désinstallation sans solution de remplacement) ; le BSI allemand a déconseillé ses produits.\nProduits au catalogue : Endpoint Security.",
};
const cloudAct = {
  n: 2,
  text: "Le CLOUD Act et la section 702 du FISA : ce que le droit américain change pour une collectivité — Ce que le CLOUD Act change concrètement pour une mairie\nCe que le CLOUD Act ne change pas : il ne rend pas illégal pour une commune l'usage de ces services. Aucune loi\nfrançaise n'interdit aujourd'hui à une collectivité d'héberger ses données chez un fournisseur américain ;\nl'obligation de protection de l'article 31 de la loi SREN ne vise pour l'instant que l'État, ses opérateurs et\ncertains GIP (voir la fiche sur la loi SREN). En revanche, le RGPD rend la collectivité responsable des données\npersonnelles qu'elle confie à un prestataire, et son article 48 prévoit qu'une décision d'une autorité d'un pays\ntiers n'est exécutoire que si elle repose sur un accord international (RGPD, 2016) : le fournisseur peut alors être\npris entre deux droits contradictoires.",
};
const incidents = {
  n: 1,
  text: "Incidents de dépendance : enseignements pour une collectivité — \nAnalyse de Cap Libre : ces exemples relèvent de trois risques distincts, à traiter différemment.\n\n- **La panne technique** (CrowdStrike) : se prémunir par la diversité des outils, des sauvegardes hors ligne et un\n  plan de continuité testé.\n- **La coupure pour raison politique** (sanctions) : identifier les services dont la perte bloquerait l'activité,\n  notamment la messagerie et les paiements, et prévoir des solutions de repli.",
};

const check = (sentence: string, passages = [kaspersky, cloudAct]) => verifyText(sentence, passages).sentences[0]!;

describe("an order to the reader is a claim whatever its length (T-H1)", () => {
  it.each([
    "Vous devez donc le désinstaller immédiatement [1].",
    "Il faut donc l'enlever tout de suite [1].",
    "Vous devez le désinstaller [1].",
    "Désinstallez-le immédiatement [1].",
  ])("flags « %s » on a card that says « sans désinstallation »", (sentence) => {
    const s = check(sentence);
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).not.toBe("");
  });
  it("quotes what the passage says against the order", () => {
    expect(check("Désinstallez-le immédiatement [1].").reasons.join(" ")).toContain("sans désinstallation");
  });
  it("keeps an order the cited passage gives as advice", () => {
    expect(check("Il faut aussi prévoir des solutions de repli [1].", [incidents]).status).toBe("supported");
    expect(check("Prévoyez des solutions de repli [1].", [incidents]).status).toBe("supported");
  });
  it("keeps short sentences that order nothing as they were", () => {
    expect(check("L'éditeur est russe [1].").status).not.toBe("unsupported");
    expect(check("Chez lui, non [1].").status).toBe("no-claim");
  });
});

describe("no duty for the reader's commune, from a passage that limits the duty to others (T-M5)", () => {
  it("does not flag « Votre commune n'a donc aucune obligation à ce titre aujourd'hui [2] »", () => {
    const v = verifyText(
      "L'obligation de l'article 31 de la loi SREN ne vise pour l'instant que l'État, ses opérateurs et certains GIP [2]. Votre commune n'a donc aucune obligation à ce titre aujourd'hui [2].",
      [kaspersky, cloudAct],
    );
    expect(v.sentences[0]!.status).toBe("supported");
    expect(["supported", "inference"]).toContain(v.sentences[1]!.status);
  });
  it("still flags a no-duty conclusion when the passage puts the duty on the communes", () => {
    const bound = {
      n: 2,
      text: "NIS2 — Qui est visé\nL'obligation de déclarer les incidents vise les communes de plus de 30 000 habitants.",
    };
    expect(check("Votre commune n'a donc aucune obligation à ce titre aujourd'hui [2].", [bound]).status).toBe(
      "unsupported",
    );
  });
});

describe("the user's size typed with a spoken abbreviation is theirs (trial21 T-M5)", () => {
  it("reads « une interco de 45000 habitants » as the asker's setting", () => {
    const seuil = {
      n: 1,
      text: "NIS2 — Ce que la collectivité peut faire\n- Vérifier si elle dépasse le seuil discuté (30 000 habitants) ou si elle appartient à une catégorie visée, et suivre la publication de la loi et des décrets.",
    };
    const asked = askedContext([{ role: "user", content: "nis2 ca s'applique a une interco de 45000 habitants ?" }]);
    const s = verifyText("Votre intercommunalité de 45 000 habitants dépasse donc ce seuil discuté [1].", [seuil], {
      asked,
    }).sentences[0]!;
    expect(s.reasons.join(" ")).not.toContain("ne figure pas");
    expect(s.status).not.toBe("unsupported");
  });
});
