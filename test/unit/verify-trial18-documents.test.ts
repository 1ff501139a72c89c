/**
 * trial18 F2 and F3 on the real corpus passages, as a draft's section is checked (its passages and its data): an
 * obligation the cited passage denies (« Un comité de pilotage est obligatoire pour ce type d'étude » on « Se faire
 * accompagner : il n'y a pas d'obligation… »), an obligation given to « la loi » where the cited passage names no text
 * that obliges (« La loi impose de traiter d'abord les logiciels sans support » on the Gendarmerie's stages).
 */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { chunkDocument } from "../../server/corpus/chunk.ts";
import { parseMarkdownDocument } from "../../server/corpus/documents.ts";
import { verifyAgainstPlan } from "../../server/tracking/progress-note-model.ts";
import { verifyText } from "../../server/verify/index.ts";

/** The passage of a corpus document under `section`, as a draft checks it (« title — section\ntext »). */
async function passage(doc: string, section: string): Promise<string> {
  const parsed = parseMarkdownDocument(`${doc}.md`, await readFile(`corpus/${doc}.md`, "utf8"), [])!;
  const chunk = (await chunkDocument(parsed)).find((c) => c.section === section);
  if (!chunk) throw new Error(`${doc}: no section « ${section} »`);
  return `${parsed.title} — ${chunk.section}\n${chunk.text}`;
}

/** Every sentence of a draft's section, checked against its passages and data. */
const draft = (text: string, passages: string[], facts: string[]) =>
  verifyText(
    text,
    passages.map((p, n) => ({ n: n + 1, text: p })),
    { facts },
  ).sentences;

/** The audit plan's data, as trial18 gave them (team and study words covered by the data). */
const AUDIT_DATA = [
  "Document : Plan d'audit des dépendances numériques — Communauté de communes du Haut-Vivarais-Doux.",
  "Section à rédiger : « Équipe et gouvernance »",
  "Collectivité : Communauté de communes du Haut-Vivarais-Doux (communauté de communes ; Ardèche ; Auvergne-Rhône-Alpes ; 21 500 habitants ; 260 agents ; 230 postes de travail)",
  "Début de l'étude : 11 janvier 2027",
  "Durée de l'étude : 4 mois",
  "Élu référent : Le président de la communauté de communes",
  "Chef de projet : Thomas Reynaud, DSI",
  "Équipe : un technicien du pôle technique, la responsable des médiathèques ; comité de pilotage pour ce type d'étude",
];

const ROADMAP_DATA = [
  "Section à rédiger : « Phases, des gains rapides aux chantiers de fond »",
  "Collectivité : Communauté de communes du Haut-Vivarais-Doux (communauté de communes ; Ardèche ; Auvergne-Rhône-Alpes)",
  "Phase 1 : traiter d'abord les logiciels sans support de l'éditeur (Windows 10, Microsoft Office (licence perpétuelle)) ; Sophos Endpoint Agent → ESET PROTECT",
];

const ACCOMPANY = () =>
  passage(
    "ecosystem/se-faire-accompagner",
    "Se faire accompagner : il n'y a pas d'obligation, mais il y a des réseaux",
  );
const STAGES = () =>
  passage(
    "case-studies/gendarmerie-nationale-gendbuntu",
    "Gendarmerie nationale : les étapes de la migration, de 2004 à 2021",
  );

describe("an obligation the cited passage denies (F2)", () => {
  it("flags « Un comité de pilotage est obligatoire » cited to « il n'y a pas d'obligation »", async () => {
    const [s] = draft(
      "Un comité de pilotage est obligatoire pour ce type d'étude [1].",
      [await ACCOMPANY()],
      AUDIT_DATA,
    );
    expect(s!.status).toBe("unsupported");
    expect(s!.reasons.join(" ")).toContain("« obligatoire » : le passage cité dit qu'il n'y a pas d'obligation");
  });

  it("leaves the passage's own denial, advice and an obligation the passage states", async () => {
    const accompany = await ACCOMPANY();
    const [denial, advice] = draft(
      "Aucune loi n'oblige aujourd'hui une collectivité à passer au logiciel libre [1]. Il est utile de s'appuyer sur les réseaux de pairs [1].",
      [accompany],
      AUDIT_DATA,
    );
    expect(denial!.reasons.join(" ")).not.toContain("pas d'obligation :");
    expect(advice!.reasons.join(" ")).not.toContain("obligation");
    const hdh = await passage(
      "case-studies/health-data-hub-hebergement",
      "Health Data Hub : pourquoi le départ de Microsoft a pris des années",
    );
    const [law] = draft(
      "L'article 31 de la loi SREN impose aux administrations de l'État de choisir un prestataire protégé [1].",
      [hdh],
      [],
    );
    expect(law!.status).toBe("supported");
  });
});

describe("an obligation given to a law no cited passage speaks of (F3)", () => {
  it("flags « La loi impose de traiter d'abord les logiciels sans support » cited to the Gendarmerie's stages", async () => {
    const [s] = draft(
      "La loi impose de traiter d'abord les logiciels sans support [1].",
      [await STAGES()],
      ROADMAP_DATA,
    );
    expect(s!.status).toBe("unsupported");
    expect(s!.reasons.join(" ")).toContain("« La loi impose de » : le passage cité ne dit d'aucun texte qu'il oblige");
  });

  it("leaves the same step said without a law", async () => {
    const [s] = draft(
      "Il est prudent de traiter d'abord les logiciels sans support, comme la Gendarmerie a changé les applications avant le système d'exploitation [1].",
      [await STAGES()],
      ROADMAP_DATA,
    );
    expect(s!.reasons.join(" ")).not.toContain("aucun texte");
  });
});

/** The letter's data, as trial18 gave them (the sender's context included). */
const LETTER_DATA = [
  "Collectivité : Lavaurette-sur-Cère (commune ; Lot ; Occitanie ; 4 100 habitants)",
  "Expéditeur : Quercy Numérique Libre, association d'utilisateurs de logiciels libres du Lot",
  "Destinataire : Madame Françoise Delpech, Maire de Lavaurette-sur-Cère",
  "Contexte : La mairie de Lavaurette-sur-Cère a renouvelé en 2025 son abonnement Microsoft 365 pour ses 22 postes. Le conseil municipal a voté le 14 novembre 2026 une motion pour un numérique responsable.",
];

const WHY_STUDY = () =>
  passage("guidance/etude-des-dependances-methode", "Pourquoi commencer par une étude des dépendances");

describe("what the collectivité's own people think, stated in a document (F2)", () => {
  it("flags « Les élus du conseil municipal soutiennent tous ce projet. », uncited, in a letter", async () => {
    const [, s] = draft(
      "Une étude des dépendances permet d'obtenir un état des lieux objectif [1]. Les élus du conseil municipal soutiennent tous ce projet.",
      [await WHY_STUDY()],
      LETTER_DATA,
    );
    expect(s!.status).toBe("unsupported");
    expect(s!.reasons.join(" ")).toContain("« élus du conseil municipal soutiennent » : ni les données du document");
  });

  it("leaves what the data say, a plan for the people, and a chat answer", async () => {
    const why = await WHY_STUDY();
    const sentences = draft(
      "Le conseil municipal a voté une motion pour un numérique responsable. Les agents seront formés à LibreOffice. Un déploiement progressif, avec une aide aux agents, limite les difficultés pour les services.",
      [why],
      [...LETTER_DATA, "Équipe : les élus soutiennent la démarche"],
    );
    for (const s of sentences) expect(s.reasons.join(" "), s.text).not.toContain("ce que ces personnes en pensent");
    const [supported] = draft(
      "Les élus soutiennent tous ce projet.",
      [why],
      [...LETTER_DATA, "Les élus soutiennent ce projet."],
    );
    expect(supported!.status).toBe("supported");
    const [chat] = verifyText("Les élus du conseil municipal soutiennent tous ce projet.", [
      { n: 1, text: why },
    ]).sentences;
    expect(chat!.reasons.join(" ")).not.toContain("ce que ces personnes en pensent");
  });
});

/** A progress note's facts, as `noteFacts` writes them: one line each (faithful-blind-18 « avancement-mars-2028 »). */
const PLAN_FACTS = [
  "Objectif : réduire de 40 % l'exposition pondérée d'ici le 31 décembre 2029. Réduction mesurée au dernier inventaire (31 mars 2028) : 27 %. Jalon prévu au 31 mars 2028 : 25 % ; le plan est en avance de 2 points sur ce jalon.",
  "Sophos Endpoint : en cours, ESET PROTECT est passé de 0 à 111 installations ; 151 installations au départ, 40 aujourd'hui.",
  "Cisco Webex : terminé, n'apparaît plus dans l'inventaire ; 12 installations au départ, 0 aujourd'hui.",
];

describe("a progress note's figures, against the plan's facts (faithful-blind-18, trial18 F12)", () => {
  it("reads a one-line fact as a sentence, not a heading: its date dates its figure", () => {
    const [s, wrong] = verifyAgainstPlan(
      "Au 31 mars 2028, la réduction mesurée atteint 27 % [1]. Au 31 mars 2027, la réduction mesurée atteint 27 % [1].",
      PLAN_FACTS,
    ).sentences;
    expect(s!.status).toBe("supported");
    expect(wrong!.status).toBe("unsupported");
  });

  it("does not hold a name opening its own clause after the figures to them", () => {
    const [both, carried, swapped] = verifyAgainstPlan(
      "ESET PROTECT est passé de 0 à 111 installations et Cisco Webex n'apparaît plus dans l'inventaire [2][3]. ESET PROTECT est passé de 0 à 111 installations et Cisco Webex aussi [2][3]. Cisco Webex est passé de 0 à 111 installations [2][3].",
      PLAN_FACTS,
    ).sentences;
    expect(both!.status).toBe("supported");
    expect(carried!.reasons.join(" ")).toContain("« 0 à 111 » n'est pas donné pour « Cisco Webex »");
    expect(swapped!.status).toBe("unsupported");
  });
});

describe("a result already obtained, said without a source in a roadmap (F3)", () => {
  const DATA = [
    "Collectivité : Communauté de communes du Haut-Vivarais-Doux (communauté de communes ; Ardèche ; Auvergne-Rhône-Alpes)",
    "Objectif : exposition pondérée de 50 % au 31 décembre 2029, contre 86 % aujourd'hui",
    "Gains rapides : Sophos Endpoint Agent (151 installations) → ESET PROTECT",
  ];
  it("flags « Cet objectif est déjà à moitié atteint grâce au remplacement de Sophos. »", async () => {
    const [, s] = draft(
      "Un objectif chiffré transforme une intention en engagement vérifiable [1]. Cet objectif est déjà à moitié atteint grâce au remplacement de Sophos.",
      [await WHY_STUDY()],
      DATA,
    );
    expect(s!.status).toBe("unsupported");
    expect(s!.reasons.join(" ")).toContain("« déjà … atteint » : ni les données du document ni les passages fournis");
  });

  it("leaves a result the data give, and a plan", async () => {
    const why = await WHY_STUDY();
    const sentences = draft(
      "Sophos est déjà remplacé sur 40 postes. L'objectif sera atteint en 2029.",
      [why],
      [...DATA, "Sophos Endpoint Agent : remplacé par ESET PROTECT sur 40 postes"],
    );
    for (const s of sentences) expect(s.reasons.join(" "), s.text).not.toContain("déjà fait");
  });
});

describe("« passé de X à Y » is a change, not a range (faithful-blind-18)", () => {
  it("leaves the value of today said alone, and still flags a range's bound", () => {
    const [today, bound] = verifyAgainstPlan(
      "Jitsi Meet compte désormais 24 installations [1]. Zoom compte 15 installations [2].",
      [
        "Zoom Workplace : terminé, Jitsi Meet est passé de 0 à 24 installations ; 21 installations au départ, 0 aujourd'hui.",
        "Zoom Workplace : entre 10 et 15 installations selon les services.",
      ],
    ).sentences;
    expect(today!.status).toBe("supported");
    expect(bound!.reasons.join(" ")).toContain("fourchette");
  });
});

describe("a progress note's figures in the words a note puts them (faithful-blind-18)", () => {
  const FACTS = [
    "Objectif : réduire de 40 % l'exposition pondérée d'ici le 31 décembre 2029. Réduction mesurée au dernier inventaire (30 septembre 2027) : 14 %. Prochain jalon : 15 % au 31 décembre 2027.",
    "Kaspersky Endpoint Security : terminé, ESET PROTECT est passé de 0 à 72 installations ; 72 installations au départ, 0 aujourd'hui.",
  ];
  it("reads « a reculé de 14 % » for a measured reduction, « équipe les 72 postes » for 72 installations", () => {
    const [recul, postes, jalon, other] = verifyAgainstPlan(
      "L'exposition pondérée a reculé de 14 % [1]. ESET PROTECT équipe les 72 postes [2]. Le jalon a été fixé à 14 % [1]. ESET PROTECT équipe 40 postes [2].",
      FACTS,
    ).sentences;
    expect(recul!.status).toBe("supported");
    expect(postes!.status).toBe("supported");
    expect(jalon!.status).toBe("unsupported");
    expect(other!.status).toBe("unsupported");
  });
});

describe("what a progress note's facts say cannot be said, or is still under way (faithful-blind-18)", () => {
  const FACTS = [
    "Objectif : réduire de 40 % l'exposition pondérée d'ici le 31 décembre 2029. Réduction mesurée au dernier inventaire (30 septembre 2027) : 14 %. Rien n'était prévu au 30 septembre 2027 : ni avance ni retard ne peut être dit.",
    "Kaspersky Endpoint Security : en cours, ESET PROTECT est passé de 0 à 40 installations ; 72 installations au départ, 33 aujourd'hui.",
  ];
  it("flags « en avance » against « ni avance ni retard ne peut être dit », « entièrement remplacé » against « en cours »", () => {
    const [ahead, unsaid, replaced, gradual] = verifyAgainstPlan(
      "Le plan est donc en avance sur son calendrier [1]. Rien ne permet de dire si le plan est en avance [1]. Kaspersky a été entièrement remplacé par ESET PROTECT [2]. ESET PROTECT remplace peu à peu Kaspersky [2].",
      FACTS,
    ).sentences;
    expect(ahead!.reasons.join(" ")).toContain("« ni avance ni retard ne peut être dit »");
    expect(unsaid!.status).toBe("supported");
    expect(replaced!.reasons.join(" ")).toContain("dit progressif");
    expect(gradual!.status).toBe("supported");
  });
});

describe("the letter's and the audit plan's duties for the collectivité (F2, fixed in round 21: still flagged)", () => {
  it("flags « devra elle aussi présenter un plan » and « est tenue de conduire cette étude »", async () => {
    const plan = await passage(
      "guidance/seminaire-interministeriel-8-avril-2026",
      "Deuxième décision : un plan de réduction des dépendances par ministère d'ici l'automne 2026",
    );
    const [letter] = draft(
      "Lavaurette-sur-Cère devra elle aussi présenter un plan de réduction avant la fin de l'année 2027 [1].",
      [plan],
      LETTER_DATA,
    );
    expect(letter!.status).toBe("unsupported");
    const [audit] = draft(
      "La communauté de communes est tenue de conduire cette étude avant l'été 2027 [1].",
      [await WHY_STUDY()],
      AUDIT_DATA,
    );
    expect(audit!.status).toBe("unsupported");
  });
});

describe("a list in parentheses has no polarity of its own (faithful-blind-18)", () => {
  it("leaves « Elles n'obligent pas les communes… » and still flags « Elles obligent les communes… »", async () => {
    const commune = await passage(
      "guidance/seminaire-interministeriel-8-avril-2026",
      "Une commune est-elle obligée d'appliquer les décisions du 8 avril 2026 ?",
    );
    const [denial, claim] = draft(
      "Elles n'obligent pas les communes, les intercommunalités, les départements ni les régions [1]. Elles obligent les communes, les intercommunalités, les départements et les régions [1].",
      [commune],
      [],
    );
    expect(denial!.reasons.join(" ")).not.toContain("dit le contraire");
    expect(claim!.reasons.join(" ")).toContain("dit le contraire");
  });
});

describe("the end of a period the document's data start and measure (faithful-blind-18)", () => {
  it("accepts « soit en avril 2027 » for « janvier 2027 ; durée : 4 mois », not another month", async () => {
    const data = [
      "Début souhaité : janvier 2027 ; durée : 4 mois",
      "Collectivité : Morne-Calbassier (commune ; Guadeloupe)",
    ];
    const [end, other] = draft(
      "Ces documents seront remis à la fin du quatrième mois de l'audit, soit en avril 2027 [1]. Ces documents seront remis en juillet 2027 [1].",
      [await WHY_STUDY()],
      data,
    );
    expect(end!.status).toBe("supported");
    expect(other!.reasons.join(" ")).toContain("« juillet 2027 » ne figure pas");
  });
});
