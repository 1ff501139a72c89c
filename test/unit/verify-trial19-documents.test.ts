/**
 * trial19 H2 and H3 on the real corpus passages, as a draft's section is checked (its passages, its data, and the text
 * the model wrote): what the model states without citing anything is its own, checked against all the passages and the
 * data (« La loi oblige les communes à privilégier le logiciel libre. », « Sans réponse de votre part, la commune
 * s'expose à des sanctions de la préfecture. »), while the sender's data and Cap Libre's own text stay as they were; and
 * the progress note's « premier jalon » and changes credited to a plan no inventory followed (N1, N2).
 */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { chunkDocument } from "../../server/corpus/chunk.ts";
import { parseMarkdownDocument } from "../../server/corpus/documents.ts";
import { verifyAgainstPlan } from "../../server/tracking/progress-note-model.ts";
import { verifyText } from "../../server/verify/index.ts";
import type { OwnData } from "../../server/verify/own-figures.ts";

/** The passage of a corpus document under `section`, as a draft checks it (« title — section\ntext »). */
async function passage(doc: string, section: string): Promise<string> {
  const parsed = parseMarkdownDocument(`${doc}.md`, await readFile(`corpus/${doc}.md`, "utf8"), [])!;
  const chunk = (await chunkDocument(parsed)).find((c) => c.section === section);
  if (!chunk) throw new Error(`${doc}: no section « ${section} »`);
  return `${parsed.title} — ${chunk.section}\n${chunk.text}`;
}

/** A section's sentences, checked against its passages and data; `model` is the part the model wrote. */
const section = (text: string, passages: string[], facts: string[], model?: string) =>
  verifyText(
    text,
    passages.map((p, n) => ({ n: n + 1, text: p })),
    { facts, modelText: model },
  ).sentences;

const flagged = (sentences: ReturnType<typeof section>, start: string) => {
  const s = sentences.find((x) => x.text.startsWith(start));
  if (!s) throw new Error(`no sentence « ${start} »`);
  return s.status === "unsupported";
};

/** The letter's data, as trial19 gave them (« Nos demandes »). */
const LETTER_DATA = [
  "Collectivité : Vaudrenay-le-Haut (commune ; Nièvre ; Bourgogne-Franche-Comté ; 2 700 habitants)",
  "Destinataire : Patrick Guérard, Maire de Vaudrenay-le-Haut (appel : « Monsieur le Maire »)",
  "Expéditeur : Libre en Nivernais, association d'utilisateurs et de promotion des logiciels libres de la Nièvre",
  "Contexte local : La mairie de Vaudrenay-le-Haut paie 3 200 euros par an pour Office 365 sur 14 postes. Ses 14 postes sont encore sous Windows 10. Le conseil municipal se réunit le 18 décembre 2026.",
  "Demandes de l'expéditeur, dans l'ordre :",
  "- inscrire à l'ordre du jour du conseil municipal du 18 décembre 2026 un point sur les dépendances numériques.",
  "- faire réaliser un inventaire des logiciels de la mairie avant juin 2027.",
  "Date du courrier : 7 décembre 2026",
];

const REQUESTS_PASSAGES = () =>
  Promise.all([
    passage("guidance/objectif-chiffre-et-calendrier", "Pourquoi un objectif chiffré"),
    passage("guidance/gouvernance-elus-dsi-reseaux", "Résister aux alternances : le risque politique"),
    passage("guidance/objectif-chiffre-et-calendrier", "Construire le calendrier de la collectivité"),
  ]);

const MODEL_REQUESTS =
  "Nous vous demandons d'inscrire ce point à l'ordre du jour du conseil municipal du 18 décembre 2026. La loi oblige " +
  "les communes à privilégier le logiciel libre. Sans réponse de votre part, la commune s'expose à des sanctions de " +
  "la préfecture.";
const REQUESTS = `${MODEL_REQUESTS}\n\nDans cet esprit, nous vous proposons de :\n\n- inscrire à l'ordre du jour du conseil municipal du 18 décembre 2026 un point sur les dépendances numériques.\n- faire réaliser un inventaire des logiciels de la mairie avant juin 2027.`;

describe("what the model writes uncited in a document is checked (H2)", () => {
  it("flags an invented law and an invented sanction, not the sender's requests and their date", async () => {
    const s = section(REQUESTS, await REQUESTS_PASSAGES(), LETTER_DATA, MODEL_REQUESTS);
    expect(flagged(s, "La loi oblige")).toBe(true);
    expect(flagged(s, "Sans réponse de votre part")).toBe(true);
    expect(flagged(s, "Nous vous demandons d'inscrire")).toBe(false);
    expect(flagged(s, "- inscrire à l'ordre du jour")).toBe(false);
    expect(flagged(s, "- faire réaliser un inventaire")).toBe(false);
  });

  it("leaves the same sentences alone when they are not the model's (the sender's or Cap Libre's own text)", async () => {
    const s = section(REQUESTS, await REQUESTS_PASSAGES(), LETTER_DATA);
    expect(flagged(s, "La loi oblige")).toBe(false);
    expect(flagged(s, "Sans réponse de votre part")).toBe(false);
  });

  it("flags what the collectivité's own agents would think, and an absolute forecast, stated uncited (H3)", async () => {
    const roadmap = [
      "Collectivité : Communauté de communes des Coteaux de l'Ourcelle (communauté de communes ; Deux-Sèvres ; Nouvelle-Aquitaine)",
    ];
    const risks =
      "Le retour de Munich à Windows a été décidé par une nouvelle majorité [1]. Les agents des médiathèques sont tous favorables à LibreOffice.";
    const r = section(
      risks,
      [await passage("case-studies/munich-limux", "Munich : les raisons avancées par la majorité municipale")],
      roadmap,
      risks,
    );
    expect(flagged(r, "Les agents des médiathèques")).toBe(true);
    const budget = "Une étude de ce type est toujours rentabilisée en moins d'un an.";
    const b = section(
      budget,
      [
        await passage("guidance/couts-et-economies", "Ce que coûte la transition"),
        await passage("guidance/couts-et-economies", "Les économies publiées"),
      ],
      roadmap,
      budget,
    );
    expect(flagged(b, "Une étude de ce type")).toBe(true);
  });
});

/** A plan adopted on 7 December 2026 whose only inventories came before: no milestone reached, nothing it changed. */
const BEFORE_PLAN: OwnData = {
  figures: [],
  standings: [
    {
      standing: "before-plan",
      date: "2026-12-06",
      says: "rien n'était prévu au 6 décembre 2026, avant l'adoption du plan (80 % mesurés) : ni avance ni retard",
    },
  ],
  milestones: [
    { date: "2028-01-31", value: 76, state: "upcoming", next: true, says: "76 % au 31 janvier 2028 : à venir" },
    { date: "2029-06-30", value: 40, state: "upcoming", next: false, says: "40 % au 30 juin 2029 : à venir" },
  ],
};
const PLAN_FACTS = [
  "Plan adopté le 7 décembre 2026 : ramener l'exposition pondérée aux logiciels extra-européens de 91 % à 40 % au plus tard le 30 juin 2029.",
  "Au dernier inventaire (6 décembre 2026), antérieur à l'adoption du plan, la mesure est de 80 %.",
  "Prochain jalon : 76 % au 31 janvier 2028.",
  "Google Drive : n'apparaît plus dans l'inventaire (14 installations au départ ; remplacement prévu : Nextcloud Hub).",
  "Évolution de la mesure depuis l'inventaire de départ du 4 décembre 2026 jusqu'à celui du 6 décembre 2026 : -11 points.",
];

describe("the progress note's milestones and changes credited to the plan (N1, N2)", () => {
  const note = (text: string, own: OwnData = BEFORE_PLAN) => verifyAgainstPlan(text, PLAN_FACTS, own).sentences;

  it("holds « son premier jalon » to the plan's first milestone", () => {
    const [s] = note("Le plan a déjà atteint son premier jalon.");
    expect(s!.status).toBe("unsupported");
    expect(s!.reasons.join(" ")).toContain("76 % au 31 janvier 2028 : à venir");
  });

  it("flags a change credited to the plan where every inventory came before its adoption", () => {
    const [s] = note("Grâce au plan, Google Drive a disparu de l'inventaire.");
    expect(s!.status).toBe("unsupported");
    expect(s!.reasons.join(" ")).toContain("avant l'adoption du plan");
  });

  it("leaves the same sentences alone when the plan measured a milestone met after its adoption", () => {
    const after: OwnData = {
      figures: [],
      standings: [{ standing: "ahead", date: "2028-02-10", says: "le plan est en avance" }],
      milestones: [
        { ...BEFORE_PLAN.milestones![0]!, state: "met", next: false, says: "76 % au 31 janvier 2028 : atteint" },
      ],
    };
    expect(note("Le plan a déjà atteint son premier jalon.", after)[0]!.status).toBe("supported");
    expect(note("Grâce au plan, Google Drive a disparu de l'inventaire.", after)[0]!.status).toBe("supported");
  });
});

describe("an act said already done after the document's date (L5)", () => {
  const local = (text: string, today?: string) =>
    verifyText(text, [], { facts: LETTER_DATA, modelText: text, today }).sentences[0]!;

  it("flags « a déjà voté … le 18 décembre 2026 » in a letter of 7 December 2026", () => {
    const s = local("Le conseil municipal a déjà voté le passage au logiciel libre le 18 décembre 2026.", "2026-12-07");
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toContain(
      "« a déjà voté » : la phrase dit déjà fait un acte daté « 18 décembre 2026 »",
    );
  });

  it("leaves a date fixed for later, a deadline, and an act done before the document", () => {
    for (const text of [
      "Le conseil municipal a déjà été convoqué pour le 18 décembre 2026.",
      "La mairie a déjà décidé de faire réaliser un inventaire des logiciels avant juin 2027.",
      "Le conseil municipal a déjà voté le passage au logiciel libre le 3 décembre 2026.",
    ])
      expect(local(text, "2026-12-07").reasons.join(" "), text).not.toContain("postérieur à la date du document");
  });
});

describe("a figure read where it is written whole (faithful-blind-19 progress note)", () => {
  it("does not read « 20 » inside « Office 2016 » when the year is not among the quantities", () => {
    const [s] = verifyAgainstPlan("Sur les 20 postes inventoriés, LibreOffice est installé sur 15 postes [1].", [
      "Microsoft Office 2016 : en cours ; sur les 20 postes inventoriés le 30 septembre 2028, LibreOffice est installé sur 15 et Microsoft Office 2016 sur 5.",
    ]).sentences;
    expect(s!.status).toBe("supported");
  });
});

describe("a figure counted on part of the parc, given to all of it (faithful-blind-19 progress note)", () => {
  const FACT =
    "Microsoft Office 2016 : en cours ; sur les 20 postes inventoriés le 30 septembre 2028, LibreOffice est installé sur 15 et Microsoft Office 2016 sur 5.";
  it("flags « sur 5 postes dans toute la commune », leaves « sur les 20 postes inventoriés »", () => {
    const [whole, part] = verifyAgainstPlan(
      "Microsoft Office 2016 ne subsiste plus que sur 5 postes dans toute la commune [1]. Sur les 20 postes inventoriés, Microsoft Office 2016 en équipe encore 5 [1].",
      [FACT],
    ).sentences;
    expect(whole!.status).toBe("unsupported");
    expect(whole!.reasons.join(" ")).toContain("« postes inventoriés », pas de « toute la commune »");
    expect(part!.status).toBe("supported");
  });
});
