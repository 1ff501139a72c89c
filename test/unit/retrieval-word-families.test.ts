/**
 * A question meets the section that answers it when the section says it with another word of the same family or a
 * word of the same kind (`server/retrieval/headings.ts`, `server/retrieval/relevance.ts`; data
 * `server/i18n/fr/synonyms.txt`, `saying-questions.txt`, `dated-sections.txt`): a verb asked (« dit-elle
 * économiser ») meets the noun of its family in a heading that reports it (« les économies annoncées »), and « quand
 * … disponible » meets a section about a date.
 * Found on two answerable questions a colleague asked of the corpus (fourteenth round); tested here on other places
 * and products.
 */
import { describe, expect, it } from "vitest";
import { fold } from "../../server/core/text.ts";
import { expandQuery } from "../../server/retrieval/french.ts";
import { weighHeadings } from "../../server/retrieval/headings.ts";
import { assessAnswerability, writesAsName } from "../../server/retrieval/relevance.ts";
import { withoutSaying } from "../../server/retrieval/saying.ts";

const chunk = (id: string, section: string, title = "Document") => ({ id, section, document: { title } });

describe("a verb of the question meets the noun of its family in a heading", () => {
  it("moves up the heading that names the savings announced, not the one that writes « en dit »", () => {
    const chunks = [
      chunk("occ#1", "Région Occitanie : ce que la presse de la région en dit", "Région Occitanie"),
      chunk("occ#2", "Région Occitanie : les économies annoncées par la Région", "Région Occitanie"),
      chunk("other#1", "Autre chose : le calendrier", "Autre chose"),
    ];
    const ranked = weighHeadings("Combien la Région Occitanie dit-elle économiser ?", chunks, [
      { id: "occ#1", score: 10.5 },
      { id: "occ#2", score: 10 },
      { id: "other#1", score: 9 },
    ]);
    expect(ranked[0]!.id).toBe("occ#2");
  });
});

describe("a verb of the question meets the noun of its family in the full-text search", () => {
  it("searches « économies » for « économiser » and « investissement » for « investir », not their other synonyms", () => {
    const economise = expandQuery("Combien la Région Occitanie dit-elle économiser ?").split(" ");
    expect(economise).toContain("economies");
    expect(economise).not.toContain("gains");
    expect(expandQuery("Combien la commune doit-elle investir ?").split(" ")).toContain("investissement");
    expect(expandQuery("Combien Munich a-t-elle économisé ?").split(" ")).toContain("economies");
    // Only a verb looks for the noun of its family: not an adverb (« obligatoirement » → « obligation »), nor another
    // tense (« coûterait » → « coûtera »).
    expect(expandQuery("Faut-il obligatoirement un extincteur ?")).toBe("Faut-il obligatoirement un extincteur ?");
    expect(expandQuery("Mobilix, ça coûterait combien ?")).toBe("Mobilix, ça coûterait combien ?");
    // A word in no synonym group, or whose group has no word of its family, is searched as asked.
    expect(expandQuery("Quand Mobilix sortira-t-il ?")).toBe("Quand Mobilix sortira-t-il ?");
  });
});

describe("« quand … disponible » meets the section about a date", () => {
  const text =
    "Le ministère présente Mobilix comme le poste nomade de l'agent, daté de mars 2027 ; la date de mars 2027 n'a été confirmée par aucune autre source.";
  const other = "Tabletix est une tablette pour les agents. Mobilix et Tabletix viennent du même ministère.";
  const section = (heading: string, body = text) => ({
    text: body,
    section: heading,
    document: { title: "Mobilix et Tabletix, les postes de l'État", kind: "guidance" },
  });
  const corpus = [text, other, "Un logiciel disponible.", "Une application disponible en ligne.", "Le poste."];
  const frequency = async (w: string) =>
    corpus.filter((t) =>
      fold(t)
        .split(/[^a-z0-9]+/)
        .includes(w),
    ).length;
  const names = async (w: string) => corpus.some((t) => writesAsName(t, w));
  const ask = (q: string, heading: string, body?: string) =>
    assessAnswerability(q, [section(heading, body)], frequency, names);

  it("answers from a section whose heading names a date and the product asked about", async () => {
    expect(
      await ask("Quand Mobilix sera-t-il disponible ?", "La date de mars 2027 pour Mobilix : non confirmée"),
    ).toMatchObject({ answerable: true });
    expect(await ask("Quand Mobilix sortira-t-il ?", "Mobilix : le calendrier annoncé par le ministère")).toMatchObject(
      { answerable: true },
    );
  });

  it("still abstains when the heading names no date, or the date of another product", async () => {
    expect(await ask("Quand Mobilix sera-t-il disponible ?", "Mobilix : le poste nomade de l'agent")).toMatchObject({
      answerable: false,
    });
    expect(
      await ask(
        "Quand Mobilix sera-t-il disponible ?",
        "La date de mars 2027 pour Tabletix : non confirmée",
        "Tabletix est daté de mars 2027 ; Mobilix vient du même ministère.",
      ),
    ).toMatchObject({ answerable: false });
  });

  it("needs the date itself in the section (a heading on a date that gives none does not answer)", async () => {
    expect(
      await ask(
        "Quand Mobilix sera-t-il disponible ?",
        "Mobilix : une date encore inconnue",
        "Le ministère présente Mobilix comme le poste nomade de l'agent ; aucune source ne le date.",
      ),
    ).toMatchObject({ answerable: false });
  });
});

describe("a question on what someone says meets the heading that reports it", () => {
  it("moves up « la migration annoncée » for « … dit-elle migrer ? », not the heading that writes « en dit »", () => {
    const chunks = [
      chunk("occ#1", "Région Occitanie : la migration des postes, ce que la presse en dit", "Région Occitanie"),
      chunk("occ#2", "Région Occitanie : la migration des postes annoncée par la Région", "Région Occitanie"),
      chunk("other#1", "Autre chose : le calendrier", "Autre chose"),
    ];
    const scores = [
      { id: "occ#1", score: 10.5 },
      { id: "occ#2", score: 10 },
      { id: "other#1", score: 9 },
    ];
    expect(weighHeadings("Combien de postes la Région Occitanie dit-elle migrer ?", chunks, scores)[0]!.id).toBe(
      "occ#2",
    );
    // Without a verb of saying, the heading that reports an announcement is no better than another.
    expect(weighHeadings("Combien de postes la Région Occitanie va-t-elle migrer ?", chunks, scores)[0]!.id).toBe(
      "occ#1",
    );
  });

  it("does not search the text for « dit » (every « ce qu'en dit … » holds it)", () => {
    expect(withoutSaying("combien la region occitanie dit elle economiser")).toBe(
      "combien la region occitanie elle economiser",
    );
    expect(withoutSaying("dit")).toBe("dit");
  });
});
