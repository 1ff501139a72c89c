/**
 * faithful44: unsupported claims of generated documents the verifier missed (drafts of the burned faithful-blind sets,
 * the half of each kind the rules were written on): a licence said of what the card qualifies otherwise, an alternative
 * written in lower case given another degree, a country given to a maker the card names in parentheses, a predicate the
 * passage denies (« ne peut pas garantir seule », « sans créer d'obligation », « sans appel d'offres »). Each with a
 * sentence that says what the passage says, not flagged.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const check = (sentence: string, passages: { n: number; text: string }[]) =>
  verifyText(sentence, passages).sentences[0]!;
const flagged = (sentence: string, passages: { n: number; text: string }[]) => {
  const s = check(sentence, passages);
  return [sentence, s.status];
};

const odoo = {
  n: 2,
  text: "Alternative : Odoo Community (2026-11) — \nOdoo Community (logiciels métiers) : logiciel libre sous licence LGPL-3.0-only, publié par Odoo SA (Belgique). Maturité : éprouvée.\nRemplace : Salesforce (CRM) (remplacement partiel) ; Microsoft Dynamics 365 (remplacement partiel) ; Workday HCM (autre approche).\nProgiciel de gestion intégré modulaire (achats, stocks, facturation, CRM, RH), éditeur belge ; l'édition Community est libre, l'édition Enterprise propriétaire.",
};
const gdata = {
  n: 3,
  text: "Alternative : G DATA Endpoint Protection (2015-10) — \nG DATA Endpoint Protection (antivirus et sécurité) : logiciel non libre, publié par G DATA CyberDefense AG (Allemagne). Maturité : mature.\nAntivirus d'entreprise d'un éditeur allemand (Bochum) fondé en 1985. Logiciel propriétaire ; la question de souveraineté porte sur le pays de l'éditeur.",
};
const eset = {
  n: 4,
  text: "Alternative : ESET PROTECT (2016) — \nESET PROTECT (antivirus et sécurité) : logiciel non libre, publié par ESET spol. s r.o. (Slovaquie). Maturité : mature.\nAntivirus et EDR d'entreprise d'un éditeur slovaque (Bratislava) fondé officiellement en 1992. Logiciel propriétaire ; la question de souveraineté porte sur le pays de l'éditeur.",
};

describe("a licence said of what the cited card qualifies with the other one (faithful-blind-14, -15)", () => {
  it("flags the edition or the products the card says proprietary", () => {
    expect(flagged("Son édition Enterprise est libre elle aussi [2].", [odoo])).toEqual([
      expect.any(String),
      "unsupported",
    ]);
    expect(flagged("Ces deux antivirus sont des logiciels libres européens [3][4].", [gdata, eset])).toEqual([
      expect.any(String),
      "unsupported",
    ]);
  });
  it("keeps the licence the card gives the same words", () => {
    expect(check("L'édition Community est libre [2].", [odoo]).status).toBe("supported");
    expect(check("Ces deux antivirus sont des logiciels propriétaires [3][4].", [gdata, eset]).status).toBe(
      "supported",
    );
  });
});

const gemini = {
  n: 1,
  text: "Produit : Google Gemini (2026) — \nGoogle Gemini (intelligence artificielle) : Assistant conversationnel d'IA générative, intégré à Google Workspace.\nÉditeur : Google, États-Unis, groupe Alphabet Inc. (États-Unis). Exposition : CLOUD Act (États-Unis), FISA section 702 (États-Unis).\nAlternatives : Le Chat (Mistral AI) (remplacement direct, France) ; Modèles ouverts de Mistral AI (autre approche, France, libre Apache-2.0).",
};

describe("an alternative the sentence writes in lower case, given another degree (faithful-blind-14)", () => {
  it("flags « les modèles ouverts de Mistral AI, qui remplacent directement Gemini » (autre approche)", () => {
    expect(
      check(
        "Elle pourrait aussi exécuter elle-même les modèles ouverts de Mistral AI, qui remplacent directement Gemini [1].",
        [gemini],
      ).status,
    ).toBe("unsupported");
  });
  it("keeps the degree the card gives", () => {
    expect(
      check("Elle pourrait aussi exécuter elle-même les modèles ouverts de Mistral AI, une autre approche [1].", [
        gemini,
      ]).status,
    ).toBe("supported");
  });
});

const exchange = {
  n: 1,
  text: "Produit : Exchange Online (2026) — \nExchange Online (hébergement et cloud) : Messagerie hébergée dans le cloud de Microsoft.\nÉditeur : Microsoft, États-Unis. Exposition : CLOUD Act (États-Unis), FISA section 702 (États-Unis).\nApparaît dans les inventaires sous les noms : Exchange Online ; Exchange Online Plan 1 ; Exchange Online (Plan 2).\nAlternatives : BlueMind (remplacement partiel, France, libre AGPL-3.0-only) ; OX App Suite (Open-Xchange) (remplacement partiel, Allemagne, libre AGPL-3.0-or-later) ; kSuite (Infomaniak) (remplacement partiel, Suisse) ; grommunio (remplacement partiel, Autriche, libre AGPL-3.0-or-later).\nEn mai 2025, la messagerie Microsoft du procureur de la Cour pénale internationale a été coupée après des sanctions américaines : exemple cité de la dépendance d'une messagerie à une entreprise soumise au droit américain.",
};

describe("a country given to a maker the card names in parentheses after its product (faithful-blind-8)", () => {
  it("flags « kSuite d'Infomaniak, société allemande » where the item says Suisse", () => {
    expect(
      check("Quatre alternatives sont citées, dont kSuite d'Infomaniak, société allemande [1].", [exchange]).status,
    ).toBe("unsupported");
  });
  it("keeps the item's own country", () => {
    expect(
      check("Quatre alternatives sont citées, dont kSuite d'Infomaniak, société suisse [1].", [exchange]).status,
    ).toBe("supported");
  });
});

const cloudAct = {
  n: 3,
  text: "Le CLOUD Act et la section 702 du FISA (2026-02-10) — Ce que le CLOUD Act change concrètement pour une mairie\nPour une mairie, la question n'est pas où sont stockées ses données, mais qui contrôle l'entreprise qui les héberge ou les traite. Des courriels d'élus, des dossiers d'action sociale, des données de ressources humaines ou d'état civil confiés à un service d'un fournisseur américain — ou de sa filiale européenne — peuvent faire l'objet d'une demande des autorités américaines adressée directement à ce fournisseur. La mairie n'est pas partie à cette procédure et ne peut pas garantir seule qui accède à ses données.",
};
const sill = {
  n: 2,
  text: "Le SILL, code.gouv.fr et la politique de logiciel libre de l'État (2026-02) — Le SILL et code.gouv.fr pour une collectivité\nLe SILL est utilisable par les collectivités. L'article 16 de la loi de 2016 s'applique aux administrations au sens large, collectivités territoriales comprises, mais il se contente d'« encourager » le logiciel libre sans créer d'obligation (Wikipédia, s. d.).",
};
const hdh = {
  n: 2,
  text: "Le Health Data Hub quitte Microsoft Azure (2026-04) — Health Data Hub : une plateforme de données de santé hébergée chez Microsoft depuis 2019\nLa Plateforme des données de santé, plus connue sous le nom de Health Data Hub (HDH), a été créée en 2019. Son hébergement a été confié à Microsoft Azure, un choix fait sans appel d'offres (ChannelNews, 2026). La plateforme a accompagné plus de 233 projets et 29 appels à projets (Dawn Liphardt, février 2026).",
};

describe("a predicate the cited passage denies, stated without negation (faithful-blind-2, -5, -8)", () => {
  it("flags « peut garantir seule » (« ne peut pas garantir seule »), « oblige » (« sans créer d'obligation »), « après un appel d'offres » (« sans appel d'offres »)", () => {
    expect(
      check("La commune peut garantir seule qui accède à ses données confiées à un fournisseur américain [3].", [
        cloudAct,
      ]).status,
    ).toBe("unsupported");
    expect(
      check("L'article 16 de la loi de 2016 oblige d'ailleurs les collectivités à utiliser le logiciel libre [2].", [
        sill,
      ]).status,
    ).toBe("unsupported");
    expect(
      check("Le Health Data Hub, hébergé chez Microsoft Azure depuis 2019, a été choisi après un appel d'offres [2].", [
        hdh,
      ]).status,
    ).toBe("unsupported");
  });
  it("keeps the same sentences said as the passage says them", () => {
    for (const [s, p] of [
      [
        "La commune ne peut pas garantir seule qui accède à ses données confiées à un fournisseur américain [3].",
        cloudAct,
      ],
      ["L'article 16 de la loi de 2016 encourage le logiciel libre sans obliger les collectivités [2].", sill],
      ["Le Health Data Hub, hébergé chez Microsoft Azure depuis 2019, a été choisi sans appel d'offres [2].", hdh],
    ] as const)
      expect([s, check(s, [p]).status]).toEqual([s, "supported"]);
  });
});

const support = {
  n: 4,
  text: "Conduite du changement : former, accompagner, expérimenter (2026-04-10) — Prévoir le support et les exceptions\n- Support : l'armée autrichienne a fait appel à une société allemande de support dès 2023 et a financé plus de cinq années-personnes de développement, reversées au projet LibreOffice (Heise, septembre 2025).",
};

describe("a common noun given another nationality than the passage gives it (faithful-blind-2)", () => {
  it("flags « une société française de support » where the passage says « une société allemande de support »", () => {
    const s = check(
      "Elle s'est appuyée dès 2023 sur une société française de support et a financé plus de cinq années-personnes de développement reversées à LibreOffice [4].",
      [support],
    );
    expect(s.reasons.join(" ")).toMatch(/« allemande », pas « française »/);
  });
  it("keeps the passage's nationality, or a wide place that holds it", () => {
    for (const adjective of ["allemande", "européenne"]) {
      const s = `Elle s'est appuyée dès 2023 sur une société ${adjective} de support et a financé plus de cinq années-personnes de développement reversées à LibreOffice [4].`;
      expect([s, check(s, [support]).status]).toEqual([s, "supported"]);
    }
  });
});

const dynamics = {
  n: 1,
  text: "Produit : Microsoft Dynamics 365 (2026-08) — \nMicrosoft Dynamics 365 (logiciels métiers) : Gestion de la relation usagers et progiciel de gestion.\nÉditeur : Microsoft, États-Unis. Exposition : CLOUD Act (États-Unis), FISA section 702 (États-Unis).\nAlternatives : Odoo Community (remplacement partiel, Belgique, libre LGPL-3.0-only) ; SuiteCRM (remplacement partiel, Royaume-Uni, libre AGPL-3.0-only, ne couvre qu'une partie du produit : relation client seulement (CRM)).",
};

describe("a licence named for a product the card gives another one (faithful-blind-14)", () => {
  it("flags « SuiteCRM est publié sous licence LGPL » (AGPL on the card; the LGPL is Odoo's)", () => {
    expect(check("SuiteCRM est publié sous licence LGPL [1].", [dynamics]).reasons.join(" ")).toMatch(
      /« SuiteCRM » la licence AGPL/,
    );
  });
  it("keeps each product's own licence", () => {
    for (const s of [
      "SuiteCRM, libre sous licence AGPL, remplace en partie Microsoft Dynamics 365 [1].",
      "Odoo Community est publié sous licence LGPL [1].",
    ])
      expect([s, check(s, [dynamics]).status]).toEqual([s, "supported"]);
  });
});

describe("a noun in apposition to a name is the name's nationality, not the noun's (faithful-blind-9)", () => {
  it("keeps « Passbolt, éditeur luxembourgeois » where the passage says « un éditeur américain » of LastPass", () => {
    const lastpass = {
      n: 1,
      text: "Produit : LastPass (2026-08) — \nLastPass (antivirus et sécurité) : Gestionnaire de mots de passe en ligne.\nÉditeur : LastPass, États-Unis. Exposition : CLOUD Act (États-Unis), FISA section 702 (États-Unis).\nAlternatives : Passbolt (remplacement direct, Luxembourg, libre AGPL-3.0-only) ; Vaultwarden (remplacement direct, libre AGPL-3.0-only) ; KeePass (remplacement partiel, Allemagne, libre GPL-2.0-only).\nCoffres de mots de passe hébergés chez un éditeur américain ; alternatives libres : KeePassXC, Vaultwarden, Passbolt (Luxembourg).",
    };
    expect(
      check("Passbolt, éditeur luxembourgeois, et Vaultwarden le remplacent directement [1].", [lastpass]).status,
    ).toBe("supported");
  });
});
