/**
 * Trial 8 (5 December 2026), the briefing note and the letter, tested on other communes and other questions:
 * - B11: without a model, a note's « L'essentiel » answers the question asked — the sentences of the passages that
 *   hold its subject words, the most direct first, each whole, with its source — and says what none of them says
 *   (a year asked). The trial saw a prosecutor and a school for « courriels … état civil … Microsoft 365 … d'ici 2028 ».
 * - B6: a note beside a model's sentence dates it as its footnote does (the page, when the footnote names no
 *   source), and a sentence carries one mark: its flagged figures, and those of its note, highlighted under it.
 * - A8: the « Chiffres à vérifier » box lists what the text marks, with the same mark, and nothing else: the trial
 *   saw a true date listed alone while its sentence (a wrong role) was the one marked « [non vérifié] ».
 * - B9: a request typed as an infinitive, an imperative or a full sentence is not pasted after « nous vous proposons
 *   que X : ».
 */
import { strFromU8 } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { letterContext } from "../../server/drafting/documents/letter.ts";
import { annotateDeadlines, creditedSourceDate } from "../../server/drafting/generate.ts";
import { letterInputs } from "../../server/drafting/inputs.ts";
import { asInfinitive, requestForm } from "../../server/drafting/requests.ts";
import { loadStructure } from "../../server/drafting/structure.ts";
import type { Draft } from "../../server/drafting/types.ts";
import { exportDraft } from "../../server/export/index.ts";
import { documentJson } from "../../server/export/model.ts";
import type { SearchResult } from "../../server/retrieval/search.ts";
import { sentenceSpans, verificationOf } from "../../server/verify/index.ts";
import { hasPdftotext, pdfText, xmlText } from "../helpers/export-text.ts";
import {
  postJson,
  REAL_CORPUS,
  readSse,
  realCorpusDataDir,
  startTestServer,
  type TestServer,
} from "../helpers/server.ts";

/** The exports of a saved draft as their readers see them. */
async function exportsOf(url: string, id: string): Promise<[string, string][]> {
  const get = async (format: string) =>
    new Uint8Array(await (await fetch(`${url}/api/drafts/${id}/export?format=${format}`)).arrayBuffer());
  const texts: [string, string][] = [
    [
      "md",
      strFromU8(await get("md"))
        .replace(/\s+/g, " ")
        .replaceAll("**", ""),
    ],
    ["odt", xmlText(await get("odt"), "content.xml")],
    ["docx", xmlText(await get("docx"), "word/document.xml")],
  ];
  if (hasPdftotext) texts.push(["pdf", await pdfText(await get("pdf"))]);
  return texts;
}

describe("B11: a note's « L'essentiel » without a model answers the question", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ CORPUS_DIR: REAL_CORPUS, DATA_DIR: await realCorpusDataDir("cap-libre-b11-") });
  }, 120_000);
  afterAll(() => server?.stop());

  const note = async (question: string) => {
    const events = await readSse(
      await postJson(`${server.url}/api/drafts`, {
        type: "briefing",
        inputs: {
          collectivite: { name: "Commune de Pornic", kind: "commune", population: 15000 },
          recipient: { name: "Madame Claire Duval", role: "adjointe aux affaires sociales" },
          question,
          date: "2026-12-05",
        },
      }),
    );
    const id = events.at(-1)!.data.id as string;
    const draft = await (await fetch(`${server.url}/api/drafts/${id}`)).json();
    const essentials = draft.versions[0].sections.find((s: any) => s.key === "essentials");
    return { id, essentials, model: draft.model };
  };

  it("puts first the sentence that answers, each point a whole sentence with its source, and says the year asked is not answered", async () => {
    const { id, essentials } = await note(
      "Nos dossiers d'action sociale et nos fichiers RH sont hébergés sur Google Workspace : quels risques juridiques, et que faire d'ici 2029 ?",
    );
    const points = (essentials.text as string).split("\n").filter((l: string) => l.startsWith("- "));
    expect(points.length).toBeGreaterThanOrEqual(2);
    // The passage that answers (data of social services entrusted to an American provider) comes first.
    expect(points[0]).toMatch(/dossiers d'action sociale.*fournisseur américain/);
    for (const p of points) {
      // A whole sentence: a capital first (after what it is about, « **Google** : »), its full stop before its source.
      expect(p, p).toMatch(/^- (?:\*\*[^*]+\*\* : )?[\p{Lu}«].*[.!?»)] \[\d\]/u);
      expect(p, p).not.toMatch(/…/);
    }
    expect(essentials.citations.length).toBe(points.length);
    expect(essentials.text).toMatch(/Aucun des passages trouvés ne dit ce qu'il en est « d'ici 2029 »/);
    // The year said by Cap Libre is not a figure to check.
    expect(essentials.flags.map((f: any) => f.figure)).not.toContain("2029");
    for (const [format, text] of await exportsOf(server.url, id)) {
      const at = text.indexOf("L'essentiel");
      expect(text.slice(at, at + 600), format).toMatch(/dossiers d'action sociale/);
      expect(text, format).toMatch(/ne dit ce qu'il en est « d'ici 2029 »/);
    }
  }, 90_000); // (The first note of a fresh server reads its index: 10 s quiet, 31 s on a loaded machine.)

  it("quotes no catalog card whose product the question does not name, and a question without a year has no year line", async () => {
    const { essentials } = await note(
      "Nos données d'état civil et nos courriels sont-ils exposés aux lois américaines ?",
    );
    const points = (essentials.text as string).split("\n").filter((l: string) => l.startsWith("- "));
    expect(points[0]).toMatch(/état civil.*fournisseur américain/);
    // A business software of the état civil, or a card listing what it replaces, does not answer.
    expect(essentials.citations.filter((c: any) => c.catalog)).toEqual([]);
    expect(essentials.text).not.toMatch(/Aucun des passages trouvés/);
  });

  it("names what each point is about, the card's alternatives, and not the contract's own year (trial11 B8)", async () => {
    const { essentials } = await note(
      "Notre visioconférence Zoom arrive à échéance en 2028 : faut-il la renouveler ou passer à une solution européenne ?",
    );
    const points = (essentials.text as string).split("\n").filter((l: string) => l.startsWith("- "));
    expect(points.some((p: string) => /^- \*\*Zoom\*\* : Alternatives : .*Jitsi/.test(p))).toBe(true);
    expect(essentials.text).not.toMatch(/Aucun des passages trouvés/);
    // A card's line says whose it is.
    for (const p of points.filter((x: string) => /^- (?:Éditeur|Exposition)/.test(x))) expect(p).toBeUndefined();
    expect(essentials.flags).toEqual([]);
  });

  it("opens on the sentence saying no law obliges or bans, to a question asking whether one does (trial21 T-H6)", async () => {
    // « L'essentiel » listed the CLOUD Act's definition and two migrations, none saying it obliges nothing.
    const { essentials } = await note("Le RGPD nous oblige-t-il à quitter Google Workspace avant la fin du mandat ?");
    const points = (essentials.text as string).split("\n").filter((l: string) => l.startsWith("- "));
    expect(points[0]).toMatch(/ne rend pas illégal|Aucune loi (?:française )?n'(?:interdit|oblige)|n'obligent? pas/);
  });

  it("answers about a product from its own card", async () => {
    const { essentials } = await note("Avast est-il un risque pour les postes de la mairie ?");
    const points = (essentials.text as string).split("\n").filter((l: string) => l.startsWith("- "));
    expect(points[0]).toMatch(/Avast/);
  });
});

const letter = (requests: string[]) =>
  letterContext(
    letterInputs.parse({
      collectivite: { name: "Commune de Crozon" },
      sender: { name: "Presqu'île Libre" },
      recipient: { name: "Anne Le Bihan", role: "maire", civility: "Madame" },
      requests,
      date: "2026-12-05",
    }),
    null,
    loadStructure("letter"),
    "2026-12-05T10:00:00Z",
  ).vars;

describe("B9: a request as the sender typed it, after a lead-in it fits", () => {
  it("tells an infinitive, an imperative and a full sentence apart", () => {
    expect(requestForm("Adhérer à l'ADULLACT d'ici 2028")).toBe("infinitive");
    expect(requestForm("Ne pas renouveler le contrat Zoom")).toBe("infinitive");
    expect(requestForm("Publiez l'inventaire chaque année")).toBe("imperative");
    expect(requestForm("La commune publie son inventaire chaque année")).toBe("sentence");
    expect(requestForm("Votre conseil vote un objectif chiffré")).toBe("sentence");
    expect(asInfinitive("Choisissez un hébergeur européen")).toBe("Choisir un hébergeur européen");
    expect(asInfinitive("Mettez en place un comité de suivi")).toBe("Mettre en place un comité de suivi");
    expect(asInfinitive("Publiez l'inventaire")).toBe("Publier l'inventaire");
  });

  it("built-in requests keep « nous vous proposons que X : »", () => {
    const vars = letter(["study", "target"]);
    expect(vars.requests_intro).toBe("Dans cet esprit, nous vous proposons que la Commune de Crozon :");
    expect(vars.requests_list).toMatch(/^- engage une étude/);
  });

  it("an infinitive or an imperative: « nous vous proposons de : » and every item in the infinitive", () => {
    const vars = letter(["study", "Adhérer à l'ADULLACT", "Mettez en place un comité de suivi"]);
    expect(vars.requests_intro).toBe("Dans cet esprit, nous vous proposons de :");
    expect(vars.requests_list!.split("\n")).toEqual([
      expect.stringMatching(/^- engager une étude/),
      "- adhérer à l'ADULLACT ;",
      "- mettre en place un comité de suivi.",
    ]);
  });

  it("a full sentence: a neutral lead-in, items written as sentences", () => {
    const vars = letter(["study", "La commune publie son inventaire chaque année", "Choisissez un hébergeur européen"]);
    expect(vars.requests_intro).toBe("Dans cet esprit, nous vous soumettons les propositions suivantes :");
    expect(vars.requests_list!.split("\n")).toEqual([
      expect.stringMatching(/^- Engager une étude/),
      "- La commune publie son inventaire chaque année.",
      "- Choisir un hébergeur européen.",
    ]);
  });
});

/** A corpus page of 2026 whose paragraph on Plouarzel names a source of 2016. */
const page: SearchResult = {
  id: "plouarzel-1",
  section: "Plouarzel : les enseignements",
  score: 1,
  document: {
    id: "case-studies/plouarzel",
    title: "Plouarzel et le logiciel libre",
    kind: "case-study",
    date: "2026-03-02",
    url: null,
  },
  sources: [
    { title: "Le Télégramme, « Plouarzel passe au libre »", url: "https://www.letelegramme.fr/a", date: "2016-05-10" },
  ],
  source: null,
  text: "Plouarzel a installé LibreOffice sur les postes de sa mairie en 2015 (Le Télégramme, mai 2016).",
};

describe("B6: one date per source beside a model's sentence", () => {
  it("a sentence its passage does not support is dated by the page its footnote shows, not by a source it does not name", () => {
    const unsupported = "Plouarzel utilise Linux sur tous ses serveurs depuis 2024 [1].";
    expect(creditedSourceDate(unsupported, [page], [])).toBeNull();
    const { notes } = annotateDeadlines(unsupported, "2026-12-05", () => ({
      pageDate: page.document.date,
      sourceDate: creditedSourceDate(unsupported, [page], []),
    }));
    expect(notes.join(" ")).not.toMatch(/2016/);
    // A sentence it supports is dated by the source its footnote names.
    expect(
      creditedSourceDate("Plouarzel a installé LibreOffice sur les postes de sa mairie depuis 2015 [1].", [page], []),
    ).toBe("2016-05-10");
  });
});

/** A one-section letter whose sentences `unsupported` (their index) the verification did not support. */
function letterOf(text: string, unsupported: number[], figures: string[]): Draft {
  const verification = verificationOf(
    sentenceSpans(text).map((s, i) => ({
      text: s.text,
      start: s.start,
      end: s.end,
      citations: [],
      invalidCitations: [],
      status: unsupported.includes(i) ? ("unsupported" as const) : ("supported" as const),
      reasons: unsupported.includes(i) ? ["Aucun passage ne le dit."] : [],
    })),
  );
  const section = {
    key: "body",
    title: "Corps",
    text,
    citations: [],
    flags: figures.map((figure) => ({ figure, reason: "absent des passages" })),
    mode: "generated" as const,
    toComplete: false,
    heading: false,
    passageIds: [],
    verification,
  };
  return {
    id: "b6",
    type: "letter",
    title: "Courrier",
    collectivite: "Commune de Plouarzel",
    inputs: { date: "2026-12-05" },
    createdAt: "2026-12-05T10:00:00.000Z",
    versions: [{ at: "2026-12-05T10:00:00.000Z", cause: "generate", sections: [section] }],
  };
}

/** A draft's text in every export, Markdown emphasis removed. */
async function exported(draft: Draft): Promise<[string, string][]> {
  const texts: [string, string][] = [
    [
      "md",
      strFromU8((await exportDraft(draft, "md")).bytes)
        .replace(/\s+/g, " ")
        .replaceAll("**", "")
        .replaceAll("*", ""),
    ],
    ["odt", xmlText((await exportDraft(draft, "odt")).bytes, "content.xml")],
    ["docx", xmlText((await exportDraft(draft, "docx")).bytes, "word/document.xml")],
  ];
  if (hasPdftotext) texts.push(["pdf", await pdfText((await exportDraft(draft, "pdf")).bytes)]);
  return texts;
}

describe("B6: one mark a sentence, readable aloud", () => {
  it("two flagged figures of a sentence: both highlighted, one « [à vérifier] » after the last", async () => {
    const text = "Plouarzel compte 3 400 habitants et 48 postes sous Linux. La mairie a formé ses agents.";
    for (const [format, t] of await exported(letterOf(text, [], ["3 400", "48"]))) {
      const body = t.slice(t.indexOf("Plouarzel compte"));
      expect(body, format).toMatch(/3 400 habitants et 48\s*\[à vérifier\]\s*postes/);
      expect(body.match(/\[à vérifier\]/g) ?? [], format).toHaveLength(1);
    }
  });

  it("the figure a date note quotes after an unverified sentence is not marked again", async () => {
    const text =
      "Plouarzel utilise Linux depuis 2024. *(« depuis 2024 » : situation décrite par une source du 3 mars 2020, il y a plus d'un an ; elle a pu changer depuis.)* La mairie a formé ses agents.";
    for (const [format, t] of await exported(letterOf(text, [0], ["2024"]))) {
      const body = t.slice(t.indexOf("Plouarzel utilise"));
      expect(body, format).toMatch(/depuis 2024\s*\[non vérifié\]\s*\./);
      expect(body, format).not.toMatch(/\[à vérifier\]/);
    }
  });
});

describe("A8: the box lists exactly what the text marks, with the same mark", () => {
  const text =
    "Le maire de Brest, Yann Kerhervé, a annoncé en juin 2025 la sortie de Microsoft. " +
    "Le RGPD interdit les services américains. " +
    "Plouarzel forme 12 agents par an.";
  // « juin 2025 » is flagged in an unverified sentence, « 12 » in a sentence that is not; « 40 % » is in no sentence.
  const draft = letterOf(text, [0, 1], ["juin 2025", "12", "40 %"]);

  it("in the page's model", () => {
    expect(documentJson(draft).checks.map((c) => [c.text, c.mark])).toEqual([
      ["Le maire de Brest, Yann Kerhervé, a annoncé en juin 2025 la sortie de Microsoft", "[non vérifié]"],
      ["Le RGPD interdit les services américains", "[non vérifié]"],
      ["12", "[à vérifier]"],
    ]);
  });

  it("in every export", async () => {
    for (const [format, t] of await exported(draft)) {
      const box = t.slice(t.indexOf("Chiffres à vérifier"), t.indexOf("Le maire de Brest", t.indexOf("Le RGPD")));
      expect(box, format).toMatch(/Yann Kerhervé, a annoncé en juin 2025 la sortie de Microsoft\s*\[non vérifié\]/);
      expect(box, format).toMatch(/Le RGPD interdit les services américains\s*\[non vérifié\]/);
      expect(box, format).toMatch(/12\s*\[à vérifier\]/);
      expect(box, format).not.toMatch(/40 %/);
      // As many marks in the box as in the text (its introduction names each mark once).
      const body = t.slice(t.lastIndexOf("Le maire de Brest"));
      for (const mark of ["[non vérifié]", "[à vérifier]"])
        expect(box.split(mark).length - 1, `${format} ${mark}`).toBe(body.split(mark).length);
    }
  });
});
