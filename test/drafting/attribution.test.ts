import { describe, expect, it } from "vitest";
import { calendarStart, nextMonth } from "../../server/drafting/calendar.ts";
import { noteOf, oneDatePerSource } from "../../server/export/model.ts";
import {
  paragraphBefore,
  quotedStatement,
  sourceReferences,
  statementSources,
} from "../../server/retrieval/attribution.ts";

const sources = [
  {
    title:
      "Clever Cloud, « Clever Cloud auditionné à l'Assemblée nationale » (article 31 de la loi SREN et collectivités)",
    url: "https://www.clever.cloud/a",
    date: "2026-02-16",
  },
  { title: "Vuink, « France government Linux switch »", url: "https://vuink.com/a", date: "2026-04" },
  {
    title: "Cashwalk Labs, « France launches government Linux desktop plan »",
    url: "https://cashwalklabs.io/a",
    date: "2026-04",
  },
  {
    title: "Communauté de communes Millau Grands Causses, présentation « Open Source & Souveraineté Numérique »",
    date: "2026",
  },
  { title: "Heise, « Schleswig-Holstein spart Millionen »", url: "https://heise.de/1", date: "2025-11" },
  { title: "Heise, migration de l'armée autrichienne vers LibreOffice", url: "https://heise.de/2", date: "2025-09" },
  {
    title: "Linux Quimper, courriel à la présidente de Quimper Bretagne Occidentale",
    url: "https://linuxquimper.org/",
    date: "2026-04",
  },
];
const passage = (text: string) => ({ text, document: { kind: "guidance" }, sources });
const titles = (text: string, context?: string) =>
  statementSources(text, passage(text), context).map((s) => s.title.split(",")[0]);

describe("attribution of a statement to its sources", () => {
  it("credits the sources the statement names, not the first source of the page", () => {
    expect(
      titles("Chaque ministère doit formaliser son plan d'ici l'automne 2026 (Vuink et Cashwalk Labs, avril 2026)."),
    ).toEqual(["Vuink", "Cashwalk Labs"]);
    expect(titles("La présentation de Millau Grands Causses (2026) le dit : « pas d'obligation légale ».")).toEqual([
      "Communauté de communes Millau Grands Causses",
    ]);
  });

  it("does not take a parenthesis that is not a reference for one", () => {
    // « (article 31 de la loi SREN) » shares words with the Clever Cloud title, but names no source.
    expect(titles("Les décisions n'obligent pas les collectivités (article 31 de la loi SREN).")).toEqual([]);
    expect(titles("Le Data Act interdit les frais (frais de sortie interdits à partir du 12 janvier 2027).")).toEqual(
      [],
    );
    expect(sourceReferences("Voir (voir la fiche « Tchap »).")).toEqual([]);
  });

  it("picks, among two articles of one publisher, the one whose date the reference gives", () => {
    expect(
      statementSources("Cinq années-personnes de développement (Heise, septembre 2025).", passage("")).map(
        (s) => s.url,
      ),
    ).toEqual(["https://heise.de/2"]);
  });

  it("among several pages of one publisher named by proper nouns, takes the one of the date given", () => {
    const forum = {
      title: "Forum Linux Quimper, « JFL 2010, 27 septembre : inauguration »",
      url: "https://forum.linuxquimper.org/t/2522",
      date: "2010-09",
    };
    const got = statementSources("Le collectif a écrit à la présidente (courriel de Linux Quimper, avril 2026).", {
      text: "",
      document: { kind: "case-study" },
      sources: [forum, sources[6]!],
    });
    expect(got.map((s) => s.url)).toEqual(["https://linuxquimper.org/"]);
  });

  it("keeps a named source that the page does not list, as written", () => {
    expect(titles("Linux chez les gendarmes (Le Soleil, 2008).")).toEqual(["Le Soleil"]);
  });

  it("credits a continuing sentence to the references before it in its paragraph, never to those after", () => {
    const text =
      "Le collectif a écrit à la présidente (courriel de Linux Quimper, avril 2026). Il propose une étude.\n\nAutre paragraphe (Vuink, avril 2026).";
    expect(titles("Il propose une étude.", paragraphBefore("Il propose une étude.", text))).toEqual(["Linux Quimper"]);
    const first = "Une définition sans source. Puis un fait (Vuink, avril 2026).";
    expect(paragraphBefore("Une définition sans source.", first)).toBe("");
  });

  it("completes a quotation cut before its reference", () => {
    const text =
      "Il modifie le Stored Communications Act (AWS, page de conformité, s. d. ; Wikipédia, « CLOUD Act », s. d.). Suite.";
    expect(quotedStatement("Il modifie le Stored Communications Act …", text)).toContain(
      "(AWS, page de conformité, s. d. ; Wikipédia",
    );
  });

  it("gives catalog records all their sources", () => {
    expect(
      statementSources("ESET (Slovaquie).", { text: "", document: { kind: "catalog" }, sources: sources.slice(0, 1) }),
    ).toHaveLength(1);
  });
});

describe("notes", () => {
  const base = {
    n: 1,
    title: "Le séminaire du 8 avril 2026",
    section: "Deuxième décision",
    date: "2026-04-10",
    url: "https://vuink.com/a",
    source: "Vuink",
  };
  it("print the page, then each source with its date, each address after its own source", () => {
    const cited = (s: (typeof sources)[number]) => ({ title: s.title, url: s.url ?? null, date: s.date ?? null });
    const note = noteOf({ ...base, sources: [cited(sources[1]!), cited(sources[2]!)] });
    expect(note.text).toBe(
      "Fiche Cap Libre « Le séminaire du 8 avril 2026 » — Deuxième décision, à jour au 10 avril 2026. Sources : Vuink, « France government Linux switch », avril 2026 <https://vuink.com/a> ; Cashwalk Labs, « France launches government Linux desktop plan », avril 2026.",
    );
    expect(note.url).toBe("https://cashwalklabs.io/a");
  });
  it("never print an address after a source it does not belong to (the last source has none)", () => {
    const note = noteOf({
      ...base,
      sources: [
        {
          title: "Génération NT, « Gendarmerie nationale : Linux »",
          url: "https://www.generation-nt.com/a",
          date: "2008",
        },
        { title: sources[3]!.title, url: null, date: "2026" },
      ],
    });
    expect(note.text).toBe(
      "Fiche Cap Libre « Le séminaire du 8 avril 2026 » — Deuxième décision, à jour au 10 avril 2026. Sources : Génération NT, « Gendarmerie nationale : Linux », 2008 <https://www.generation-nt.com/a> ; Communauté de communes Millau Grands Causses, présentation « Open Source & Souveraineté Numérique », 2026.",
    );
    expect(note.url).toBeNull();
  });
  it("say a catalog card's date is that of its sources, not of a check of the card", () => {
    const card = {
      n: 1,
      title: "Alternative : G DATA Endpoint Protection",
      date: "2015-10",
      url: "https://www.ict-channel.com/a",
      catalog: true,
      sources: [{ title: "ICT Channel, « Bochum »", url: "https://www.ict-channel.com/a", date: "2015-10" }],
    };
    expect(noteOf(card).text).toBe(
      "Fiche du catalogue Cap Libre « Alternative : G DATA Endpoint Protection » (sources jusqu'en octobre 2015). Source : ICT Channel, « Bochum », octobre 2015.",
    );
    expect(noteOf(card).text).not.toContain("à jour");
    expect(noteOf({ ...card, date: "2022-05-10" }).text).toContain("(sources jusqu'au 10 mai 2022)");
  });
  it("give a source one date in a whole document, whichever page cites it", () => {
    const techworld = (date: string | null) => ({
      title: "Techworld, article sur ESET",
      url: "http://techworld.com/e",
      date,
    });
    const section = (n: number, date: string | null) => ({
      key: `s${n}`,
      title: `S${n}`,
      text: `Phrase [${n}].`,
      citations: [{ ...base, n, sources: [techworld(date)] }],
      flags: [],
      mode: "template" as const,
      toComplete: false,
      heading: true,
      passageIds: [],
    });
    const version = oneDatePerSource({
      at: "2026-12-05",
      cause: "generate",
      sections: [section(1, null), section(2, "2016")],
    });
    const notes = version.sections.map((s) => noteOf(s.citations[0]!).text);
    expect(notes[0]).toContain("Techworld, article sur ESET, 2016");
    expect(notes[1]).toContain("Techworld, article sur ESET, 2016");
    expect(notes.join(" ")).not.toContain("s. d.");
  });
  it("say when a passage is Cap Libre's own analysis, with no address", () => {
    const note = noteOf({ ...base, date: "2026-02", url: null, sources: [], analysis: true });
    expect(note.text).toContain("à jour de février 2026");
    expect(note.text).toContain("Analyse de Cap Libre");
    expect(note.url).toBeNull();
  });
});

describe("calendars", () => {
  it("start after the day the document is written", () => {
    expect(calendarStart("2026-09", "2026-12-04T10:00:00.000Z")).toEqual({ start: "2027-01", shifted: true });
    // The current month is not past (trial 2026-12-05: « décembre 2026 précède la date du document » on 5 December).
    expect(calendarStart("2026-12", "2026-12-04T10:00:00.000Z")).toEqual({ start: "2026-12", shifted: false });
    expect(calendarStart("2026-12-04", "2026-12-04T10:00:00.000Z")).toEqual({ start: "2026-12-04", shifted: false });
    expect(calendarStart("2026-12-03", "2026-12-04T10:00:00.000Z")).toEqual({ start: "2027-01", shifted: true });
    expect(calendarStart("2027-02", "2026-12-04T10:00:00.000Z")).toEqual({ start: "2027-02", shifted: false });
    expect(calendarStart("2026-12-20", "2026-12-04T10:00:00.000Z")).toEqual({ start: "2026-12-20", shifted: false });
    expect(calendarStart(undefined, "2026-12-04T10:00:00.000Z")).toEqual({ start: "2027-01", shifted: false });
    expect(nextMonth("2026-03-31")).toBe("2026-04");
  });
});

describe("quotations", () => {
  it("leave out cross-references to other corpus pages", async () => {
    const { readerText } = await import("../../server/drafting/generate.ts");
    const text =
      "Le séminaire a fixé sept catégories (Webiano, avril 2026 ; voir la fiche « Les sept catégories »). La fiche « Les sept catégories » explique ce que chacune recouvre. Le contenu de chaque catégorie est détaillé dans la fiche consacrée aux sept catégories. Fin du passage.";
    expect(readerText(text)).toBe("Le séminaire a fixé sept catégories (Webiano, avril 2026). Fin du passage.");
  });
});
