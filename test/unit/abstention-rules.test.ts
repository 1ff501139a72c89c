/**
 * The abstention rules added after the first held-out set was traced (test/eval/README.md, « Jeu réservé »): each
 * case is one a held-out miss stood for, with a small corpus and its word frequencies; each fails on the rules of
 * 4 December 2026.
 */
import { describe, expect, it } from "vitest";
import { assessAnswerability, personalAsked, questionTerms, writesAsName } from "../../server/retrieval/relevance.ts";

const passage = (title: string, text: string, kind = "guidance") => ({ text, section: "", document: { title, kind } });

/** Frequencies and names read from a small corpus, as the full-text index gives them. */
function lexicon(corpus: string[], extra: Record<string, number> = {}) {
  const wordsOf = (t: string) =>
    t
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .split(/[^a-z0-9]+/);
  const frequency = async (w: string) =>
    extra[w] ?? corpus.filter((t) => w.split(" ").every((p) => wordsOf(t).includes(p))).length;
  const names = async (w: string) => corpus.some((t) => writesAsName(t, w));
  return { frequency, names };
}

describe("a name of the question", () => {
  it("is held by a passage only where the passage writes it as a name (« Tour de France », not « tour de table »)", async () => {
    const text = "Mistral AI, entreprise de France, a levé 1,7 milliard d'euros lors d'un tour de table cette année.";
    const { frequency, names } = lexicon([text]);
    const decision = await assessAnswerability(
      "Qui a gagné le Tour de France cette année ?",
      [passage("Mistral AI", text)],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: false, missing: expect.arrayContaining(["tour"]) });
  });

  it("must be in the passage that answers even when the corpus uses it often, unless it is the domain's general vocabulary", async () => {
    const linux2030 = "Les serveurs Linux devront être migrés d'ici 2030 selon la feuille de route de l'hébergeur.";
    const munich = Array.from({ length: 30 }, (_, i) => `La ville de Munich est revenue à Windows en 2017 (${i}).`);
    const { frequency, names } = lexicon([linux2030, ...munich]);
    const decision = await assessAnswerability(
      "Munich reviendra-t-elle à Linux en 2030 ?",
      [passage("Virtualisation", linux2030)],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: false, reason: "missing-name", missing: ["munich"] });
    // « Microsoft » is general vocabulary here: a passage on the SREN law answers without naming it.
    const sren =
      "La loi SREN impose aux administrations de l'État un cloud qualifié SecNumCloud pour les données sensibles.";
    const general = lexicon([sren, ...Array.from({ length: 30 }, () => "Microsoft Office et Microsoft 365.")]);
    expect(
      await assessAnswerability(
        "Que dit la loi SREN sur le cloud qualifié pour sortir de Microsoft ?",
        [passage("Loi SREN", sren)],
        general.frequency,
        general.names,
      ),
    ).toMatchObject({ answerable: true });
  });

  it("is not required when it is an adjective of nationality, which the question asks about (« est-il américain ? »)", async () => {
    const card = "TeamViewer : prise de main à distance. Éditeur : TeamViewer SE, Göppingen, Allemagne.";
    const { frequency, names } = lexicon([
      card,
      ...Array.from({ length: 30 }, () => "Les États-Unis et le CLOUD Act."),
    ]);
    const decision = await assessAnswerability(
      "TeamViewer, pour la prise de main à distance, est-il américain ?",
      [passage("TeamViewer", card, "catalog")],
      frequency,
      names,
    );
    expect(decision.answerable).toBe(true);
  });
});

describe("a question on a person's private life", () => {
  it("finds the expressions of the data list, whole words only", () => {
    expect(personalAsked("Quel âge a le président de l'ADULLACT et où habite-t-il ?").map((p) => p.found)).toEqual([
      "age",
      "habite",
    ]);
    expect(personalAsked("Combien d'agents de l'Assurance maladie utilisent Tchap ?")).toEqual([]);
    expect(personalAsked("Quel ordinateur portable choisir pour les agents ?")).toEqual([]);
  });

  it("is not answered by passages on the person or their organisation that say nothing of it", async () => {
    const adullact =
      "L'ADULLACT, fondée en 2002, a eu pour président François Élie ; l'association réunit des collectivités.";
    const { frequency, names } = lexicon([adullact, "Les 25 000 habitants de Boé."]);
    const decision = await assessAnswerability(
      "Quel âge a le président de l'ADULLACT et où habite-t-il ?",
      [passage("ADULLACT", adullact)],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: false, reason: "personal", missing: ["age", "habite"] });
    // The same person, asked about what the corpus says of them, is answered.
    expect(
      await assessAnswerability("Qui a présidé l'ADULLACT ?", [passage("ADULLACT", adullact)], frequency, names),
    ).toMatchObject({ answerable: true });
  });
});

describe("a noun the corpus never uses", () => {
  const small =
    "Se faire accompagner : par où commencer quand on est une petite commune ? Le centre de gestion et l'OPSN aident la commune et ses services municipaux.";
  const gendarmerie = "La Gendarmerie a dû recruter des techniciens pour déployer GendBuntu sur ses postes.";

  it("makes a question about it unanswerable, even when its general words (« petite commune », « municipal ») are covered", async () => {
    const { frequency, names } = lexicon([small, gendarmerie]);
    const decision = await assessAnswerability(
      "Comment recruter un policier municipal quand on est une petite commune ?",
      [passage("Se faire accompagner", small), passage("Gendarmerie", gendarmerie)],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: false, reason: "unknown-words", missing: ["policier"] });
    expect(questionTerms("Comment recruter un policier municipal ?").find((t) => t.word === "policier")?.noun).toBe(
      true,
    );
  });

  it("but an unknown verb (« ont-ils laissé tomber ») says nothing of the topic", async () => {
    const army = "L'armée autrichienne a laissé Microsoft Office pour LibreOffice sur 16 000 ordinateurs.";
    const { frequency, names } = lexicon([army]);
    const decision = await assessAnswerability(
      "Quelle armée a laissé tomber Office ?",
      [passage("Armée autrichienne", army)],
      frequency,
      names,
    );
    expect(decision.answerable).toBe(true);
  });
});
