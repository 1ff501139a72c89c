import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { salutationFor } from "../../server/drafting/documents/letter.ts";
import { parseDraftRequest, parseInputs } from "../../server/drafting/inputs.ts";
import { loadStructure } from "../../server/drafting/structure.ts";
import { DRAFT_TYPES } from "../../server/drafting/types.ts";

const letter = JSON.parse(readFileSync("test/fixtures/drafting/letter.json", "utf8"));
const analysis = JSON.parse(readFileSync("test/fixtures/drafting/analysis.json", "utf8"));

const messageOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error("no error");
};

describe("draft inputs", () => {
  it("accepts a letter and fills the defaults (tone, the three requests)", () => {
    const inputs = parseInputs("letter", letter) as { tone: string; requests: string[] };
    expect(inputs.tone).toBe("courtois");
    expect(inputs.requests).toEqual(["study", "target", "public-information"]);
  });

  it.each([
    [
      "letter",
      { ...letter, recipient: { role: "maire" } },
      "inputs.recipient.name (nom du destinataire) : champ obligatoire manquant",
    ],
    [
      "letter",
      { ...letter, collectivite: undefined },
      "inputs.collectivite (collectivité) : champ obligatoire manquant",
    ],
    ["letter", { ...letter, tone: "agressif" }, "inputs.tone (ton du courrier) : valeur non reconnue"],
    ["letter", { ...letter, sender: { name: "X" } }, "inputs.sender.name (nom de l'organisation qui écrit)"],
    ["letter", { ...letter, colectivite: {} }, "clés inconnues : colectivite"],
    ["audit-plan", { collectivite: { name: "Brest" }, durationMonths: 48 }, "inputs.durationMonths (durée en mois)"],
    [
      "audit-plan",
      { collectivite: { name: "Brest" }, startDate: "septembre" },
      "inputs.startDate (date de début) : date attendue",
    ],
    [
      "roadmap",
      { collectivite: { name: "Brest" } },
      "inputs.analysisId (analyse d'inventaire) : champ obligatoire manquant",
    ],
    [
      "roadmap",
      { collectivite: { name: "Brest" }, analysis: { items: [] } },
      "inputs.analysis.items (lignes de l'analyse)",
    ],
    [
      "roadmap",
      { collectivite: { name: "Brest" }, analysis, targetShare: 140 },
      "inputs.targetShare (exposition pondérée visée, en %)",
    ],
    ["briefing", { collectivite: { name: "Brest" } }, "inputs.question (question posée) : champ obligatoire manquant"],
  ] as const)("%s: rejects with a French message naming the field (%#)", (type, inputs, expected) => {
    const text = messageOf(() => parseInputs(type, inputs));
    expect(text).toContain("Données du document invalides");
    expect(text).toContain(expected);
  });

  it("names the document type when it is unknown", () => {
    expect(messageOf(() => parseDraftRequest({ type: "poem", inputs: {} }))).toContain(
      "type (type de document : letter, audit-plan, roadmap ou briefing) : valeur non reconnue",
    );
    expect(messageOf(() => parseDraftRequest({ type: "letter" }))).toContain(
      "inputs (données du document) : champ obligatoire manquant",
    );
  });

  it.each([
    [
      { name: "A", role: "présidente de la communauté d'agglomération", civility: "Madame" as const },
      "Madame la Présidente",
    ],
    [{ name: "A", role: "maire de Brest", civility: "Monsieur" as const }, "Monsieur le Maire"],
    [
      { name: "A", role: "vice-présidente chargée du numérique", civility: "Madame" as const },
      "Madame la Vice-présidente",
    ],
    // trial9 A6: elided before a vowel, the title kept to what it is (« au maire », not « chargée du numérique »).
    [
      { name: "A", role: "Adjointe au maire chargée de la culture", civility: "Madame" as const },
      "Madame l'Adjointe au maire",
    ],
    [{ name: "A", role: "élu délégué aux finances", civility: "Monsieur" as const }, "Monsieur l'Élu"],
    [
      { name: "A", role: "conseillère municipale déléguée au numérique", civility: "Madame" as const },
      "Madame la Conseillère municipale",
    ],
    [{ name: "A", role: "maire" }, "Madame, Monsieur"],
    [{ name: "A", role: "maire", salutation: "Cher Jean" }, "Cher Jean"],
  ])("salutation %#", (recipient, expected) => {
    expect(salutationFor(recipient)).toBe(expected);
  });
});

describe("document structures (prompts/fr/drafts/*.yaml)", () => {
  it.each(DRAFT_TYPES)("%s: loads, and its French texts hold no figure", (type) => {
    const structure = loadStructure(type);
    expect(structure.sections.length).toBeGreaterThan(2);
    const texts = [
      structure.title,
      ...Object.values(structure.texts),
      ...structure.sections.flatMap((s) => [s.title, s.template, s.instruction ?? "", s.append ?? ""]),
    ];
    for (const text of texts) expect(text, text).not.toMatch(/\d/);
  });
});
