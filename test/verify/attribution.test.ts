/**
 * Attribution of chat passages: a passage is credited to the sources its statements name, or to its document's single
 * source, or else to the corpus page as a whole — never to a reference that stands for another statement or another
 * paragraph. On the real corpus page where the fault was seen, and on synthetic pages.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { credited } from "../../server/answers/answer.ts";
import { chunkDocument } from "../../server/corpus/chunk.ts";
import { loadCorpus } from "../../server/corpus/documents.ts";
import { passageCredit, passageStatements } from "../../server/retrieval/attribution.ts";
import { passageSourceRef, type SearchResult } from "../../server/retrieval/search.ts";

const sources = [
  {
    title: "Règlement (UE) 2016/679 (RGPD), texte officiel sur EUR-Lex",
    url: "https://eur-lex.europa.eu/eli/reg/2016/679/oj",
    date: "2016-04-27",
  },
  { title: "AWS, page de conformité « CLOUD Act »", url: "https://aws.amazon.com/fr/compliance/cloud-act" },
  { title: "Heise, « Schleswig-Holstein spart Millionen »", url: "https://heise.de/1", date: "2025-11" },
];
const page = (text: string, list = sources, kind = "guidance") => ({ text, document: { kind }, sources: list });
const titles = (c: { sources: { title: string }[] }) => c.sources.map((s) => s.title.split(/,| \(/)[0]);

describe("credit of a passage (synthetic pages)", () => {
  it("credits the corpus page, not the reference of a later sentence, when a statement names no source", () => {
    const text =
      "Aucune loi française n'interdit à une collectivité d'héberger ses données chez un fournisseur américain. En revanche, le RGPD rend la collectivité responsable de ses données (RGPD, 2016).";
    const credit = passageCredit(page(text));
    expect(credit.basis).toBe("page");
    expect(credit.sources).toHaveLength(3);
    expect(passageSourceRef({ text, sources })).toBeNull();
  });

  it("never credits a statement to the reference of an earlier paragraph", () => {
    const text =
      "Le CLOUD Act oblige le fournisseur à remettre les données (AWS, s. d.).\n\nAucune loi française n'interdit à une collectivité d'héberger ses données chez un fournisseur américain.";
    expect(passageCredit(page(text)).basis).toBe("page");
    const second = passageStatements(page(text)).find((s) => s.text.startsWith("Aucune"))!;
    expect(second.sources).toEqual([]);
  });

  it("credits a sentence continuing a sourced paragraph to the references before it", () => {
    const text =
      "Le Land a résilié près de 80 % de ses licences Office (Heise, novembre 2025). Il prévoit de poursuivre avec les postes de travail en 2026.";
    const credit = passageCredit(page(text));
    expect(credit).toMatchObject({ basis: "named" });
    expect(titles(credit)).toEqual(["Heise"]);
    expect(passageSourceRef({ text, sources })?.url).toBe("https://heise.de/1");
  });

  it("credits every source named when each statement names one", () => {
    const text =
      "Le CLOUD Act oblige le fournisseur à remettre les données (AWS, s. d.). Le RGPD encadre les transferts vers les pays tiers (RGPD, 2016).";
    const credit = passageCredit(page(text));
    expect(credit.basis).toBe("named");
    expect(titles(credit)).toEqual(["AWS", "Règlement"]);
    // Two sources carry it: no single link.
    expect(passageSourceRef({ text, sources })).toBeNull();
  });

  it("credits a document's single source when a statement names none", () => {
    const text =
      "Aucune loi française n'interdit à une collectivité d'héberger ses données chez un fournisseur américain.";
    const credit = passageCredit(page(text, sources.slice(2)));
    expect(credit).toMatchObject({ basis: "single" });
    expect(titles(credit)).toEqual(["Heise"]);
  });

  it("does not ask a list introduction for a source of its own, but asks each list item", () => {
    const text =
      "Sont donc exposés :\n\n- les filiales européennes de groupes américains (AWS, s. d.) ;\n- les entreprises européennes rachetées par des groupes américains (Heise, novembre 2025).";
    expect(passageCredit(page(text))).toMatchObject({ basis: "named" });
    const unsourcedItem =
      "Sont donc exposés :\n\n- les filiales européennes de groupes américains (AWS, s. d.) ;\n- les entreprises européennes rachetées par des groupes américains.";
    expect(passageCredit(page(unsourcedItem)).basis).toBe("page");
  });

  it("credits what is shown of a passage: the excerpt's statements only", () => {
    const text =
      "Aucune loi française n'interdit à une collectivité d'héberger ses données chez un fournisseur américain. En revanche, le RGPD rend la collectivité responsable des données qu'elle confie (RGPD, 2016).";
    expect(
      passageCredit(
        page(text),
        "En revanche, le RGPD rend la collectivité responsable des données qu'elle confie (RGPD, 2016).",
      ),
    ).toMatchObject({ basis: "named" });
    expect(
      passageCredit(
        page(text),
        "Aucune loi française n'interdit à une collectivité d'héberger ses données chez un fournisseur américain.",
      ).basis,
    ).toBe("page");
  });

  it("gives a catalog record all its sources", () => {
    expect(passageCredit(page("ESET, éditeur slovaque d'antivirus.", sources.slice(0, 2), "catalog"))).toMatchObject({
      basis: "named",
      sources: [{}, {}],
    });
  });
});

describe("credit of a passage (real corpus page « Le CLOUD Act et la section 702 du FISA »)", async () => {
  const corpus = await loadCorpus(path.resolve("corpus"));
  const doc = corpus.documents.find((d) => d.id === "guidance/cloud-act-fisa-702")!;
  const chunks = await chunkDocument(doc);
  const result = (text: string): SearchResult => ({
    id: "x",
    text,
    section: "",
    score: 1,
    document: { id: doc.id, title: doc.title, kind: doc.kind, date: doc.date, url: doc.url },
    sources: doc.sources,
    source: passageSourceRef({ text, sources: doc.sources }),
  });
  const srenPassage = chunks.find((c) => c.text.includes("Ce que le CLOUD Act ne change pas"))!;

  it("does not credit « Ce que le CLOUD Act ne change pas … SREN » to the RGPD on EUR-Lex", () => {
    expect(srenPassage.text).toContain("(RGPD, 2016)");
    const r = credited(result(srenPassage.text));
    expect(r.credit.basis).toBe("page");
    expect(r.source).toBeNull();
    // The page's whole list, the source the passage names (for another sentence) first.
    expect(new Set(r.credit.sources.map((s) => s.url))).toEqual(new Set(doc.sources.map((s) => s.url ?? null)));
    expect(r.credit.sources).toHaveLength(doc.sources.length);
    expect(r.credit.sources[0]!.url).toBe("https://eur-lex.europa.eu/eli/reg/2016/679/oj");
    // As chat shows it (the excerpt about SREN), and as the CLI and /api/search list it.
    const shown =
      "Ce que le CLOUD Act ne change pas : il ne rend pas illégal pour une commune l'usage de ces services. Aucune loi française n'interdit aujourd'hui à une collectivité d'héberger ses données chez un fournisseur américain ; l'obligation de protection de l'article 31 de la loi SREN ne vise pour l'instant que l'État, ses opérateurs et certains GIP (voir la fiche sur la loi SREN).";
    expect(credited(result(srenPassage.text), shown).credit.basis).toBe("page");
    expect(passageSourceRef({ text: srenPassage.text, sources: doc.sources })).toBeNull();
  });

  it("credits the RGPD sentence of the same paragraph, shown alone, to the RGPD", () => {
    const shown =
      "En revanche, le RGPD rend la collectivité responsable des données personnelles qu'elle confie à un prestataire, et son article 48 prévoit qu'une décision d'une autorité d'un pays tiers n'est exécutoire que si elle repose sur un accord international (RGPD, 2016) : le fournisseur peut alors être pris entre deux droits contradictoires.";
    const r = credited(result(srenPassage.text), shown);
    expect(r.credit.basis).toBe("named");
    expect(r.source?.url).toBe("https://eur-lex.europa.eu/eli/reg/2016/679/oj");
  });

  it("credits no passage of the page to a source that none of its statements names", () => {
    for (const c of chunks) {
      const credit = passageCredit({ text: c.text, document: { kind: doc.kind }, sources: doc.sources });
      if (credit.basis !== "named") continue;
      const statements = passageStatements({ text: c.text, document: { kind: doc.kind }, sources: doc.sources });
      for (const s of credit.sources)
        expect(
          statements.some((st) => st.sources.some((x) => x.title === s.title)),
          `${c.id}: ${s.title}`,
        ).toBe(true);
      for (const st of statements.filter((x) => x.claim))
        expect(st.sources.length, `${c.id}: ${st.text}`).toBeGreaterThan(0);
    }
  });
});

describe("notes of a section the model wrote (real corpus page)", async () => {
  const { toCitation } = await import("../../server/drafting/generate.ts");
  const { noteOf } = await import("../../server/export/model.ts");
  const corpus = await loadCorpus(path.resolve("corpus"));
  const doc = corpus.documents.find((d) => d.id === "guidance/cloud-act-fisa-702")!;
  const chunk = (await chunkDocument(doc)).find((c) => c.text.includes("Ce que le CLOUD Act ne change pas"))!;
  const r: SearchResult = {
    id: chunk.id,
    text: chunk.text,
    section: chunk.section,
    score: 1,
    document: { id: doc.id, title: doc.title, kind: doc.kind, date: doc.date, url: doc.url },
    sources: doc.sources,
    source: null,
  };

  it("credit the statement a sentence restates: the SREN sentence is not credited to the RGPD", () => {
    const c = toCitation(r, 1, r.text, [
      "Aucune loi française n'interdit aujourd'hui à une collectivité d'héberger ses données chez un fournisseur américain [1].",
    ]);
    expect(c.sources).toEqual([]);
    expect(c.analysis).toBe(true);
    expect(noteOf(c).text).not.toContain("RGPD");
    expect(noteOf(c).url).toBeNull();
  });

  it("credit the RGPD for a sentence restating the RGPD statement", () => {
    const c = toCitation(r, 1, r.text, [
      "Le RGPD rend la collectivité responsable des données personnelles qu'elle confie à un prestataire [1].",
    ]);
    expect(c.sources?.map((s) => s.url)).toEqual(["https://eur-lex.europa.eu/eli/reg/2016/679/oj"]);
    expect(noteOf(c).url).toBe("https://eur-lex.europa.eu/eli/reg/2016/679/oj");
  });

  it("credit no source of the page's list for a sentence restating no sourced statement of the passage", () => {
    const c = toCitation(r, 1, r.text, [
      "Les collectivités doivent tout migrer vers des logiciels libres avant 2030 [1].",
    ]);
    expect(c.page).toBeUndefined();
    expect(c.sources).toEqual([]);
    expect(c.url).toBeNull();
    const note = noteOf(c);
    expect(note.text).toContain("n'en reprend aucune affirmation sourcée");
    expect(note.url).toBeNull();
  });
});
