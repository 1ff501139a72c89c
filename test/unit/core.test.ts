import { describe, expect, it } from "vitest";
import { retrievalQuery } from "../../server/answers/answer.ts";
import { loadConfig } from "../../server/config.ts";
import { chunkDocument, splitSections } from "../../server/corpus/chunk.ts";
import { type CorpusProblem, parseMarkdownDocument } from "../../server/corpus/documents.ts";
import { excerpt, splitSentences } from "../../server/retrieval/passages.ts";
import { coverage, isRelevant, keywords } from "../../server/retrieval/relevance.ts";
import { reciprocalRankFusion } from "../../server/retrieval/search.ts";

const doc = (
  body: string,
  front = 'title: "Titre"\nkind: guidance\ndate: 2026-04-08\nsources:\n  - title: "Source"\n    url: https://example.org',
) => `---\n${front}\n---\n${body}`;

describe("corpus documents", () => {
  it("parses front-matter and keeps dates as text", () => {
    const problems: CorpusProblem[] = [];
    const d = parseMarkdownDocument("guidance/x.md", doc("## Section\n\n" + "texte ".repeat(20)), problems);
    expect(problems).toEqual([]);
    // A page links only to its own address, never to the first source it lists (3d5c6bd): none here.
    expect(d).toMatchObject({ id: "guidance/x", kind: "guidance", date: "2026-04-08", url: null });
    expect(d?.sources[0]).toMatchObject({ title: "Source", url: "https://example.org" });
  });

  it.each([
    [
      "no front-matter",
      "Juste du texte sans en-tête, assez long pour compter comme un document.",
      "en-tête YAML absent",
    ],
    ["bad YAML", "---\ntitle: [unclosed\n---\n" + "x".repeat(80), "illisible"],
    ["bad kind", doc("x".repeat(80), 'title: "T"\nkind: blog\ndate: 2026\nsources:\n  - title: "Source"'), "kind"],
    ["no sources", doc("x".repeat(80), 'title: "T"\nkind: guidance\ndate: 2026'), "sources"],
    [
      "bad url",
      doc(
        "x".repeat(80),
        'title: "T"\nkind: guidance\ndate: 2026\nsources:\n  - title: "Source"\n    url: pas-une-url',
      ),
      "URL",
    ],
  ])("reports %s with the path and the reason", (_, text, reason) => {
    const problems: CorpusProblem[] = [];
    expect(parseMarkdownDocument("guidance/bad.md", text, problems)).toBeNull();
    expect(problems[0]!.path).toBe("guidance/bad.md");
    expect(problems[0]!.reasons.join(" ")).toContain(reason);
  });
});

describe("chunking along headings", () => {
  it("keeps the section title with each passage and ignores headings in code fences", () => {
    const sections = splitSections("Intro.\n## Première\nA\n```\n## pas un titre\n```\n### Seconde\nB");
    expect(sections.map((s) => s.title)).toEqual(["", "Première", "Seconde"]);
    expect(sections[1]!.text).toContain("## pas un titre");
  });

  it("splits a long section into passages that all keep the section title", async () => {
    const problems: CorpusProblem[] = [];
    const long = Array.from(
      { length: 40 },
      (_, i) => `Phrase numéro ${i} sur la migration des postes de travail vers Linux.`,
    ).join(" ");
    const d = parseMarkdownDocument(
      "guidance/long.md",
      doc(`## Longue section\n\n${long}\n\n## Courte\n\nFin.`),
      problems,
    )!;
    const chunks = await chunkDocument(d);
    const longChunks = chunks.filter((c) => c.section === "Longue section");
    expect(longChunks.length).toBeGreaterThan(1);
    expect(longChunks.every((c) => c.text.length <= 1400)).toBe(true);
    expect(chunks.at(-1)).toMatchObject({ section: "Courte", id: `guidance/long#${chunks.length - 1}` });
  });
});

describe("relevance", () => {
  it("extracts meaningful folded keywords", () => {
    expect(keywords("Qu'est-ce que le CLOUD Act change pour notre mairie ?")).toEqual(["cloud", "act", "mairie"]);
  });

  it("matches inflected forms and rejects unrelated passages", () => {
    const terms = keywords("Combien la Gendarmerie a-t-elle économisé avec Linux ?");
    expect(coverage(terms, "La gendarmerie économise 12 millions d'euros grâce à Linux")).toBe(1);
    expect(isRelevant(keywords("recette de la tarte Tatin"), "La gendarmerie économise grâce à Linux")).toBe(false);
  });
});

describe("reciprocal-rank fusion", () => {
  it("favours items ranked well in both lists", () => {
    const fused = reciprocalRankFusion(
      [
        [
          { id: "a", score: 9 },
          { id: "b", score: 5 },
          { id: "c", score: 1 },
        ],
        [
          { id: "b", score: 0.9 },
          { id: "c", score: 0.8 },
          { id: "d", score: 0.1 },
        ],
      ],
      3,
    );
    expect(fused.map((r) => r.id)).toEqual(["b", "c", "a"]);
  });
});

describe("answers", () => {
  it("a short follow-up question is searched with the previous one", () => {
    expect(
      retrievalQuery([
        { role: "user", content: "Qu'a fait la Gendarmerie avec Linux ?" },
        { role: "assistant", content: "…" },
        { role: "user", content: "Et combien ?" },
      ]),
    ).toContain("Gendarmerie");
  });

  it("extracts the sentences that hold the question's words", () => {
    const text = `${"Phrase sans rapport avec la question posée ici. ".repeat(12)}La Gendarmerie économise 12 millions d'euros par an. ${"Autre phrase de remplissage. ".repeat(10)}`;
    const e = excerpt(text, keywords("économies de la gendarmerie"), 200);
    expect(e).toContain("12 millions");
    expect(e.length).toBeLessThan(400);
  });
});

describe("sentences", () => {
  it("does not cut at « s. d. », a domain name or a question quoted in guillemets", () => {
    expect(
      splitSentences(
        "Les règles (Aetos Data, s. d. ; Sorena, s. d.) sont claires. Voir lemondeinformatique.fr pour « combien a-t-elle économisé ? » puis la réponse. 12 millions par an.",
      ),
    ).toEqual([
      "Les règles (Aetos Data, s. d. ; Sorena, s. d.) sont claires.",
      "Voir lemondeinformatique.fr pour « combien a-t-elle économisé ? » puis la réponse.",
      "12 millions par an.",
    ]);
  });

  it("does not cut after an abbreviated month or an initial (trial12 A4: « Jan. 2026 »)", () => {
    expect(
      splitSentences(
        "Le slogan « Déc. 2025 — fin de Webex » résume l'annonce. M. Martin l'a repris en sept. 2025. Fin.",
      ),
    ).toEqual([
      "Le slogan « Déc. 2025 — fin de Webex » résume l'annonce.",
      "M. Martin l'a repris en sept. 2025.",
      "Fin.",
    ]);
  });
});

describe("configuration", () => {
  it("has defaults for a fresh machine", () => {
    expect(loadConfig({})).toMatchObject({
      host: "127.0.0.1",
      port: 3000,
      ollamaBaseUrl: "http://127.0.0.1:11434",
      llmModel: "ministral-3:8b",
      embeddingModel: "bge-m3",
    });
  });

  it("rejects an invalid value with a French message naming the variable", () => {
    expect(() => loadConfig({ PORT: "abc" })).toThrow(/PORT/);
  });
});

describe("validation messages (issue 13 §2, trial 2026-12)", () => {
  it("say the minimum a user must type", async () => {
    const { z } = await import("zod");
    const { formatIssues } = await import("../../server/core/validation.ts");
    const schema = z.object({
      name: z.string().trim().min(2),
      list: z.array(z.string()).min(1),
      n: z.number().int().min(1),
    });
    const input = { name: "   ", list: [], n: 0 };
    const lines = formatIssues(schema.safeParse(input).error!, input);
    expect(lines[0]).toBe("name : trop court (2 caractères au moins, espaces du début et de la fin non comptés)");
    expect(lines[1]).toContain("1 élément au moins");
    expect(lines[2]).toContain("1 au moins");
  });
});
