/**
 * Answers without a model readable aloud (trial 9 B4, trial 8 B5 and B7: /work/wt/trial9-FINDINGS.md,
 * /work/wt/trial8-FINDINGS.md), on the real corpus and over HTTP, with other questions than the trials': « En bref »
 * first, one to three sentences quoted verbatim from the passages quoted after it, each with its source and date,
 * chosen for what is asked (a date for « quand », an amount for a cost); what the passages cannot give said plainly
 * before them (a cost per agent); several case studies for a question asking for peers; an abstention on a figure
 * the corpus says it lacks worded without a lone quoted word.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { abstentionText } from "../../server/answers/answer.ts";
import { askHttp, REAL_CORPUS, realCorpusDataDir, startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ CORPUS_DIR: REAL_CORPUS, DATA_DIR: await realCorpusDataDir("cap-libre-brief-") });
}, 240_000);
afterAll(async () => {
  await server?.stop();
});

const ask = (question: string) => askHttp(server.url, question);

/** The short answer of an extractive answer (the text before the detail) and the detail. */
const split = (text: string, chars: number) => ({ brief: text.slice(0, chars), detail: text.slice(chars) });

describe("« En bref » first, verbatim", () => {
  it("answers « quand » with a dated sentence the detail quotes, its source and date after it", async () => {
    const { text, done, sources } = await ask(
      "En quelle année la Gendarmerie a-t-elle commencé à passer ses postes sous Linux ?",
    );
    expect(done.mode).toBe("extractive");
    expect(done.brief.chars).toBeGreaterThan(0);
    const { brief, detail } = split(text, done.brief.chars);
    expect(brief.startsWith("En bref : « ")).toBe(true);
    expect(brief.trim().length).toBeLessThanOrEqual(460);
    expect(detail).toContain("Le détail, dans les passages du corpus :");
    for (const q of done.brief.quotes) {
      // Quoted as the passage writes it (a list item without its marker), and one of the sources listed.
      const plain = detail
        .replace(/\*\*/g, "")
        .replace(/\s+/g, " ")
        .replace(/ [-•] (?=\S)/g, " ");
      expect(plain).toContain(q.text.replace(/ \[…\]$/, ""));
      expect(q.source).toBeGreaterThanOrEqual(1);
      expect(q.source).toBeLessThanOrEqual(sources.length);
      expect(brief).toContain(`« ${q.text} » (`);
    }
    expect(done.brief.quotes[0].text).toMatch(/\b(?:19|20)\d\d\b/);
    expect(brief).toMatch(/\) \[\d\]/);
  });

  it("keeps the done event's fields and the passages quoted as before", async () => {
    const { done, text } = await ask("Que change le CLOUD Act pour les données d'une mairie ?");
    for (const field of ["mode", "usage", "notice", "abstention", "verification", "factsAsOf", "factsOld", "grounded"])
      expect(done).toHaveProperty(field);
    expect(text).toMatch(/\n\[1\] [^\n]+\n« /);
  });

  it("does not read a figure the corpus calls unconfirmed aloud as the short answer", async () => {
    const { text, done } = await ask("Combien d'euros la Gendarmerie a-t-elle économisés grâce à Linux ?");
    const { brief } = split(text, done.brief?.chars ?? 0);
    expect(brief).not.toContain("534 millions");
    expect(text).toContain("534 millions");
  });
});

describe("what the passages cannot give, said before the quotes", () => {
  it("a cost per computer the corpus does not give, then a sentence on costs", async () => {
    const { text, done } = await ask("Combien coûte le passage de 300 ordinateurs à Linux ?");
    const { brief } = split(text, done.brief.chars);
    expect(
      brief.startsWith(
        "Le corpus ne donne pas de coût par ordinateur ; voici ce qu'il dit des coûts observés ailleurs.",
      ),
    ).toBe(true);
  });

  it("says nothing of the kind for a question asking no cost per unit", async () => {
    const { text } = await ask("Quand Munich a-t-elle décidé de revenir à Windows ?");
    expect(text).not.toContain("Le corpus ne donne pas");
  });
});

describe("a question asking for peers", () => {
  it("quotes several case studies, and the short answer quotes one of them", async () => {
    const { sources, done } = await ask(
      "Quelles autres collectivités ont remplacé Microsoft par des logiciels libres ?",
    );
    const caseStudies = new Set(
      sources
        .filter((s: { document: { kind: string } }) => s.document.kind === "case-study")
        .map((s: { document: { id: string } }) => s.document.id),
    );
    expect(caseStudies.size).toBeGreaterThanOrEqual(2);
    // The short answer quotes a case study's sentence (two when they fit in its length).
    const kinds = done.brief.quotes.map((q: { source: number }) => sources[q.source - 1].document.kind);
    expect(kinds).toContain("case-study");
  });
});

describe("an abstention on a figure the corpus says it lacks", () => {
  it("reads aloud: the detail asked in plain words, no lone quoted word with « il le dit lui-même »", () => {
    const text = abstentionText(
      {
        reason: "stated-absent",
        missing: ["depense"],
        nearest: [{ id: "case-studies/munich-limux", title: "Munich et LiMux" }],
      },
      "Combien Munich a-t-elle dépensé pour revenir à Windows ?",
    );
    expect(text).not.toContain("il le dit lui-même");
    expect(text).not.toContain("« dépensé »");
    expect(text).toContain("ses sources ne donnent pas le chiffre demandé");
    expect(text).toContain("Sujets proches que le corpus traite : « Munich et LiMux ».");
  });
});

describe("a figure of the asker's own collectivité, in the first person (trial15 A18)", () => {
  it("says the corpus cannot know it and reads no other body's figure as the short answer", async () => {
    const { text, done } = await ask("combien d'ordinateurs nous avons dans les écoles de la mairie ?");
    expect(text).toMatch(/^Le corpus ne donne pas et ne peut pas donner de chiffre pour votre collectivité/);
    expect(text).toContain("« Cartographie des dépendances »");
    expect(text).not.toContain("En bref");
    expect(done.brief.quotes).toEqual([]);
  });
});

describe("a date or provider of the asker's own collectivité (held-out-23 h23-u-nous-*)", () => {
  it("says where to find it and reads no other body's vote or provider as the short answer", async () => {
    const { text, done } = await ask("notre conseil municipal a adopté la charte du libre quand ?");
    expect(text).toMatch(/^Le corpus ne donne pas et ne peut pas donner les dates, votes, contrats/);
    expect(text).toContain("délibérations");
    expect(text).not.toContain("En bref");
    expect(done.brief.quotes).toEqual([]);
    // (A general question asked with « on » keeps its answer.)
    const general = await ask("par où on commence pour cartographier nos dépendances ?");
    expect(general.text).not.toContain("votre collectivité");
  });
});

describe("a fact only the asker's own collectivité knows, in the forms held-out-24 found unread (h24-u-nous-*)", () => {
  it("a person of it or the fate of one of its acts: says where to find it, reads no other body's as the answer", async () => {
    for (const q of [
      "comment s'appelle le responsable du numérique de notre mairie",
      "notre contrat de messagerie a été renouvelé ou pas",
    ]) {
      const { text, done } = await ask(q);
      expect(done.abstention, q).toBeNull();
      expect(text, q).toMatch(/^Le corpus ne donne pas et ne peut pas donner les dates, votes, contrats/);
      expect(text, q).not.toContain("En bref");
    }
  });
});

describe("the asker's own commune named in a general question (trial17 D6)", () => {
  it("answers for communes in general, saying first the passages do not speak of that town", async () => {
    const { text, done } = await ask("la mairie de plouzelec peut elle passer a linux");
    expect(done.abstention).toBeNull();
    expect(text.startsWith("Les passages cités ne parlent pas de « plouzelec » en particulier")).toBe(true);
    // (A fact of that town is still not answered from other towns' passages.)
    expect((await ask("pourquoi la ville de plouzelec est revenue à windows")).done.abstention).not.toBeNull();
  });
});
