/**
 * Draft sentences the verifier missed on the burned faithful-blind-20 and faithful-blind-21 (and their forms on earlier
 * sets), checked as a draft's section is (its passages, its data block): an act of the collectivité said done that its
 * data do not say (`own-acts.ts`), a total or guaranteed effect no cited passage affirms (`total-effect.ts`), a rule said
 * to bind the collectivité that no cited clause poses (`holder-duty.ts`), « est le seul … » (`uniqueness.ts`). Each
 * with the right sentence of the same form beside it, left supported.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

/** The data block of a document for Valdorgne-sur-Ysette (faithful-blind-21), with its question. */
const DATA = (question: string) => [
  "Document : Note à l'attention de Madame la Maire — Valdorgne-sur-Ysette.",
  "Section à rédiger : « Ce que cela signifie pour Valdorgne-sur-Ysette »",
  "Collectivité : Valdorgne-sur-Ysette (commune ; Cher ; Centre-Val de Loire)",
  `Question posée : ${question}`,
  "Taille : environ 9 400 habitants ; 112 postes de travail ; 3 agents au service informatique",
  "Cartographie du 20 novembre 2026 (inventaire OCS Inventory) : 112 postes ; Windows 11 : 98 installations ; Microsoft 365 Apps : 104 installations ; Microsoft Exchange Online (messagerie) : 126 comptes ; Microsoft Defender for Endpoint : 112 installations ; Oracle Database : 2 serveurs.",
  "Contrat Microsoft 365 (messagerie et bureautique) : échéance le 31 mars 2027.",
  "Date de la note : 2 décembre 2026",
];

const ANTIVIRUS = `Un éditeur est-il vraiment européen ? (2026-12) — Antivirus et EDR : quels éditeurs européens pour remplacer un antivirus américain ?
- **ESET** : éditeur slovaque de Bratislava, fondé officiellement en 1992 (Techworld, 2016).
- **G DATA** : éditeur allemand de Bochum fondé en 1985.
- **HarfangLab** : éditeur français d'EDR fondé en 2018, dont l'agent a obtenu une certification CSPN de l'ANSSI (LeMagIT, 2024).

Pour un EDR, on vérifie aussi où est hébergée la console et où partent les données remontées par les postes.`;

const RISK = `Gouvernance d'un projet (2026-04) — Résister aux alternances : le risque politique
Un projet qui dépend d'une seule majorité peut être défait par la suivante. À Munich, le conseil municipal a voté en novembre 2017 le retour à des logiciels sous Windows d'ici 2020, après une décennie de migration vers LiMux.

Plusieurs précautions limitent ce risque :

- inscrire la démarche dans une délibération, avec son objectif et son calendrier ;
- associer les agents et les organisations syndicales dès le départ ;
- mutualiser avec d'autres collectivités, ce qui rend un retour en arrière plus coûteux et moins probable.`;

const CROWDSTRIKE = `La panne CrowdStrike (2026-01-21) — Panne CrowdStrike : ce que l'incident montre, et ce qu'il ne montre pas
L'incident montre qu'un fournisseur présent sur un très grand nombre de postes peut arrêter des services entiers. Il ne démontre pas pour autant qu'un logiciel européen ou libre serait à l'abri d'une mauvaise mise à jour.`;

const DELIVERABLES = `Mener l'étude des dépendances numériques (2026-04-10) — Les livrables attendus
Une étude utile produit quatre documents courts.

L'inventaire sert aussi à d'autres obligations : la transposition de la directive NIS2, qui pourrait concerner environ 1 500 collectivités (Banque des Territoires, octobre 2024), impose de connaître ses fournisseurs. Enfin, une synthèse publique, comme le demandait Linux Quimper, permet aux habitants et aux associations de suivre la démarche.`;

const DATA_ACT = `Data Act (2026-01-20) — Le Data Act : le droit de changer de fournisseur cloud
Le règlement (UE) 2023/2854, dit Data Act, a été signé le 13 décembre 2023, est entré en vigueur le 11 janvier 2024 et s'applique depuis le 12 septembre 2025. Son chapitre VI crée un droit de changer de fournisseur de services cloud, y compris de logiciel en ligne (SaaS).`;

const SREN = `Loi SREN (2025) — Article 31
L'article 31 impose aux administrations de l'État, à leurs opérateurs et à certains GIP de choisir un prestataire qui protège leurs données sensibles contre les accès d'autorités étrangères.`;

/** The status of the one sentence of `text` that starts with `start`, checked as a draft's section. */
function statusOf(text: string, passages: string[], facts: string[], start: string) {
  const v = verifyText(
    text,
    passages.map((p, i) => ({ n: i + 1, text: p })),
    { facts, modelText: text, today: "2026-12-02" },
  );
  const s = v.sentences.find((x) => x.text.trim().startsWith(start));
  if (!s) throw new Error(`no sentence « ${start} »`);
  return s;
}

describe("an act of the collectivité said done that its data do not say (own-acts.ts)", () => {
  const facts = DATA("Faut-il remplacer Microsoft Defender par un antivirus européen ?");

  it("flags « Le conseil municipal a déjà adopté cette délibération » (faithful-blind-20)", () => {
    const s = statusOf("Le conseil municipal a déjà adopté cette délibération [1].", [RISK], facts, "Le conseil");
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toContain("« a déjà adopté »");
  });

  it("flags an act done to the commune, « a adressé la même demande à la commune » (faithful-blind-21)", () => {
    const s = statusOf(
      "Le collectif Linux Quimper a d'ailleurs adressé la même demande à la commune en avril 2026 [1].",
      [
        "Guide (2026-04-10) — Pourquoi\nC'est ce que le collectif Linux Quimper a proposé en avril 2026 à la communauté d'agglomération Quimper Bretagne Occidentale.",
      ],
      facts,
      "Le collectif",
    );
    expect(s.status).toBe("unsupported");
  });

  it("does not take the data's question for a fact: « La commune a déjà remplacé Defender » stays flagged", () => {
    const s = statusOf("La commune a déjà remplacé Defender sur ses serveurs [1].", [ANTIVIRUS], facts, "La commune");
    expect(s.status).toBe("unsupported");
  });

  it("keeps a peer's act (« À Munich, le conseil municipal a voté … ») and the commune's figures from its data", () => {
    const text =
      "À Munich, le conseil municipal a voté en novembre 2017 le retour à Windows d'ici 2020 [1]. Microsoft Defender for Endpoint protège aujourd'hui les 112 postes de la commune [2].";
    expect(statusOf(text, [RISK, ANTIVIRUS], facts, "À Munich").status).toBe("supported");
    expect(statusOf(text, [RISK, ANTIVIRUS], facts, "Microsoft Defender").status).toBe("supported");
  });

  it("keeps an act the data write (« a adopté » where the data say « adopté par délibération »)", () => {
    const s = statusOf(
      "Le conseil municipal a adopté le plan le 12 mars 2027 [1].",
      [RISK],
      [...facts, "Plan « Valdorgne 2030 » adopté par délibération du conseil municipal le 12 mars 2027."],
      "Le conseil",
    );
    expect(s.reasons.join(" ")).not.toContain("ne disent cela de la collectivité");
  });
});

describe("a total or guaranteed effect no cited passage affirms (total-effect.ts)", () => {
  const facts = DATA("Feuille de route");

  it("flags « rendra tout retour en arrière impossible » on « plus coûteux et moins probable » (faithful-blind-21)", () => {
    const s = statusOf(
      "Mutualiser avec d'autres collectivités rendra tout retour en arrière impossible [1].",
      [RISK],
      facts,
      "Mutualiser",
    );
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toContain("« impossible »");
  });

  it("flags « met la commune à l'abri » where the passage denies it (« ne démontre pas … serait à l'abri »)", () => {
    const s = statusOf(
      "Un antivirus européen met donc la commune à l'abri d'une panne de ce type [1].",
      [CROWDSTRIKE],
      facts,
      "Un antivirus",
    );
    expect(s.status).toBe("unsupported");
  });

  it("keeps the passage's own denial and an effect the passage affirms", () => {
    const text =
      "Il ne démontre pas qu'un logiciel européen ou libre serait à l'abri d'une mauvaise mise à jour [1]. Pour l'ANSSI, la qualification garantit l'immunité si les critères sont respectés [2].";
    const qualification =
      "SecNumCloud (2026) — Les offres hybrides\nPour l'ANSSI, la qualification garantit l'immunité dès lors que les critères de capital, de siège et d'accès aux données sont respectés.";
    expect(statusOf(text, [CROWDSTRIKE, qualification], facts, "Il ne démontre").status).toBe("supported");
    expect(statusOf(text, [CROWDSTRIKE, qualification], facts, "Pour l'ANSSI").status).toBe("supported");
  });
});

describe("a rule said to bind the collectivité that no cited clause poses (holder-duty.ts)", () => {
  const facts = DATA("Plan d'audit des dépendances numériques");

  it("flags « La commune sera soumise à NIS2 » on « NIS2, qui pourrait concerner … » (faithful-blind-21)", () => {
    const s = statusOf("La commune sera soumise à NIS2 dès 2027 [1].", [DELIVERABLES], facts, "La commune");
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toContain("« La commune sera soumise à NIS2 »");
  });

  it("flags « Le Data Act oblige les collectivités à changer … » where it only « s'applique » and gives a right", () => {
    const s = statusOf(
      "Le Data Act oblige les collectivités à changer de fournisseur cloud à chaque renouvellement [1].",
      [DATA_ACT],
      facts,
      "Le Data Act",
    );
    expect(s.status).toBe("unsupported");
  });

  it("keeps a denied duty, a proposal, and a duty the passage poses on others", () => {
    const text =
      "Rien n'oblige la commune à suivre les décisions du 8 avril 2026 [1]. Nous proposons à la commune de viser d'abord le Badge [1]. L'article 31 impose aux administrations de l'État de choisir un prestataire protégé [2].";
    const seminar =
      "Séminaire (2026-04) — Décisions\nAucune règle n'impose la même démarche aux collectivités, mais rien ne les empêche de la reprendre. Le badge est un premier niveau.";
    for (const start of ["Rien n'oblige", "Nous proposons", "L'article 31"])
      expect(statusOf(text, [seminar, SREN], facts, start).reasons.join(" ")).not.toContain(
        "ne pose pas cette obligation",
      );
  });
});

describe("« est le seul … » (uniqueness.ts)", () => {
  it("flags « ESET … est le seul éditeur européen certifié CSPN » (faithful-blind-21) and keeps « n'est pas le seul critère »", () => {
    const facts = DATA("Faut-il remplacer Microsoft Defender par un antivirus européen ?");
    const text =
      "ESET, éditeur slovaque fondé en 1992, est le seul éditeur européen certifié CSPN [1]. L'économie n'est pas le seul critère : la maîtrise des données compte autant [1].";
    expect(statusOf(text, [ANTIVIRUS], facts, "ESET").status).toBe("unsupported");
    expect(statusOf(text, [ANTIVIRUS], facts, "L'économie").reasons.join(" ")).not.toContain("pas d'autre");
  });
});
