import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildConversationDocument } from "../../server/export/conversation.ts";
import { exportDraft, parseFormat } from "../../server/export/index.ts";
import { toMarkdown } from "../../server/export/markdown.ts";
import { buildDocument } from "../../server/export/model.ts";
import { columnWidths, keepFiguresTogether, paragraphAlign, toWinAnsi } from "../../server/export/pdf.ts";
import { verifyText } from "../../server/verify/index.ts";
import { sampleDraft } from "../helpers/drafts.ts";

describe("document model", () => {
  it("parses the Markdown subset and numbers notes across the document", () => {
    const doc = buildDocument(sampleDraft());
    expect(doc.filename).toBe("plan-audit-quimper-bretagne-occidentale");
    expect(doc.notes.map((n) => n.n)).toEqual([1, 2]);
    expect(doc.notes[1]!.text).toBe(
      "La Gendarmerie nationale et GendBuntu, 2021. Source : Assemblée nationale, audition.",
    );
    expect(doc.notes[0]!.text).toContain("10 avril 2026");
    expect(doc.body.map((b) => b.kind)).toEqual([
      "heading",
      "paragraph",
      "list",
      "paragraph",
      "heading",
      "heading",
      "table",
      "list",
    ]);
    const table = doc.body.find((b) => b.kind === "table")!;
    expect(table.kind === "table" && table.rows).toHaveLength(2);
    const front = JSON.stringify(doc.front);
    expect(front).toContain("Quimper Bretagne Occidentale");
    expect(front).toContain("Brouillon à compléter : 1 section");
    expect(front).toContain("Chiffres à vérifier");
  });

  it("marks a flagged figure where it stands as a number, never inside another number", () => {
    const d = sampleDraft();
    const section = d.versions[0]!.sections[0]!;
    section.text = "De 75 % à 49 % ; 350 installations ; 2,5 points ; 5 logiciels.";
    section.flags = [{ figure: "5", reason: "absent" } as (typeof section.flags)[number]];
    const md = toMarkdown(buildDocument(d));
    expect(md).toContain("De 75 % à 49 % ; 350 installations ; 2,5 points ; **5** **[à vérifier]** logiciels.");
  });

  it("keeps the addresses a note gives for each of its sources as links in Markdown, and escapes the rest", () => {
    const doc = buildDocument(sampleDraft());
    doc.notes[0]!.text = "Sources : A, « Titre_1 », 2026 <https://a.example/x_y?q=1> ; B <javascript:alert(1)>.";
    const md = toMarkdown(doc);
    expect(md).toContain("Sources : A, « Titre\\_1 », 2026 <https://a.example/x_y?q=1> ; B \\<javascript:alert(1)\\>.");
  });

  it("keeps a note call that opens a line a note call in Markdown (an extractive answer's « [1] Titre : »)", () => {
    const doc = buildConversationDocument({
      title: "Conseil",
      exchanges: [
        {
          question: "Combien Munich a-t-elle économisé ?",
          answer: "Voici les passages :\n\n[1] Munich et LiMux :\n« La ville a fait état d'économies. »",
          sources: [{ document: { title: "Munich et LiMux", kind: "case-study", date: "2017-11" } }],
          done: { mode: "extractive", verification: null },
          at: "2026-12-05T10:00:00.000Z",
        } as never,
      ],
    });
    const md = toMarkdown(doc);
    expect(md).toMatch(/^\[\^1\] Munich et LiMux :/m);
    // The passages consulted are not numbered beside the notes; the cited one says its note (trial11 B7).
    const list = doc.body.find((b) => b.kind === "list")!;
    expect(list.kind === "list" && list.ordered).toBe(false);
    expect(md).toContain("Munich et LiMux (Retour d'expérience, 2017-11) (cité : note 1)");
    expect(md).not.toContain("\\[^1]");
    expect(md).toMatch(/^\[\^1\]: /m);
    // A line of text that only looks like a link or a note definition stays escaped.
    const fake = buildDocument(sampleDraft());
    fake.body = [{ kind: "paragraph", style: "body", inlines: [{ kind: "text", text: "[x]: javascript:alert(1)" }] }];
    expect(toMarkdown(fake)).toContain("\\[x\\]: javascript");
  });

  it("lists in its box a sentence marked in two sections once, naming both, with why it is marked (trial11 B5)", () => {
    const d = sampleDraft();
    const text = "La Gendarmerie a économisé 95 millions d'euros en 2031 [1].";
    const verification = verifyText(text, [
      { n: 1, text: "La Gendarmerie économise environ 2 millions d'euros par an de licences." },
    ]);
    expect(verification.counts.unsupported).toBe(1);
    for (const section of d.versions[0]!.sections)
      Object.assign(section, {
        text,
        verification,
        flags: [],
        toComplete: false,
        citations: [{ n: 1, title: "La Gendarmerie nationale et GendBuntu", date: "2021", url: null }],
      });
    const md = toMarkdown(buildDocument(d));
    const listed = md.split("\n").filter((l) => l.startsWith("- ") && l.includes("[non vérifié]"));
    expect(listed).toHaveLength(1);
    expect(listed[0]).toContain("(Contexte et objectifs ; Calendrier — ");
    expect(listed[0]).toContain(verification.sentences[0]!.reasons[0]!.slice(0, 30));
  });

  it("labels a conclusion the model draws for the commune « [déduction du modèle, à apprécier] », neutral, in every export", async () => {
    const d = sampleDraft();
    const text =
      "La Gendarmerie économise environ 2 millions d'euros par an de licences [1]. La commune pourrait donc s'en inspirer pour alléger ses propres dépenses [1].";
    const verification = verifyText(text, [
      { n: 1, text: "La Gendarmerie économise environ 2 millions d'euros par an de licences." },
    ]);
    expect(verification.sentences.map((s) => s.status)).toEqual(["supported", "inference"]);
    Object.assign(d.versions[0]!.sections[0]!, {
      text,
      verification,
      flags: [],
      toComplete: false,
      citations: [{ n: 1, title: "La Gendarmerie nationale et GendBuntu", date: "2021", url: null }],
    });
    const doc = buildDocument(d);
    const md = toMarkdown(doc);
    // Before the final point, as « [non vérifié] » goes, in italics: not bold, not highlighted, not listed to check.
    expect(md).toContain("ses propres dépenses[^1] *[déduction du modèle, à apprécier]*.");
    expect(md).not.toContain("non vérifié");
    expect(JSON.stringify(doc.front)).toContain("1 phrase marquée « [déduction du modèle, à apprécier] »");
    const label = doc.body
      .flatMap((b) => (b.kind === "paragraph" ? b.inlines : []))
      .find((i) => i.kind === "text" && i.inference);
    expect(label).toMatchObject({ italic: true, text: " [déduction du modèle, à apprécier]" });
    expect(label && "flagged" in label && label.flagged).toBeFalsy();
    const odt = strFromU8(unzipSync((await exportDraft(d, "odt")).bytes)["content.xml"]!);
    expect(odt).toContain("[déduction du modèle, à apprécier]");
    expect(odt).not.toMatch(/T_flag">\s*\[déduction/);
    const docx = strFromU8(unzipSync((await exportDraft(d, "docx")).bytes)["word/document.xml"]!);
    expect(docx).toContain("[déduction du modèle, à apprécier]");
  });

  it("does not repeat the collectivité under a recipient whose role already names it", () => {
    const letter = (role: string) => {
      const d = sampleDraft();
      d.type = "letter";
      d.collectivite = "Lannion-Trégor Communauté";
      d.inputs = { ...d.inputs, sender: { name: "Association X" }, recipient: { name: "Mme Y", role } };
      const block = buildDocument(d).front.find((b) => b.kind === "paragraph" && b.style === "right")!;
      return JSON.stringify(block).match(/Lannion-Trégor Communauté/g)?.length ?? 0;
    };
    expect(letter("Présidente de Lannion-Trégor Communauté")).toBe(1);
    expect(letter("Présidente")).toBe(1);
  });
});

describe("letter address block", () => {
  const block = (recipient: Record<string, unknown>) => {
    const d = sampleDraft();
    d.type = "letter";
    d.collectivite = "Commune de Baie-Libre";
    d.inputs = { ...d.inputs, sender: { name: "Association Libre en Baie" }, recipient };
    const right = buildDocument(d).front.find((b) => b.kind === "paragraph" && b.style === "right")!;
    return right.kind === "paragraph"
      ? right.inlines.map((i) => (i.kind === "text" ? i.text : i.kind === "break" ? "\n" : "")).join("")
      : "";
  };

  it("prints the civility entered before the name, and the postal address line by line", () => {
    expect(
      block({
        name: "Yann Le Gall",
        role: "Maire",
        civility: "Monsieur",
        address: "Hôtel de ville\n1 place de la Mairie\n29000 Baie-Libre",
      }),
    ).toBe(
      "Monsieur Yann Le Gall\nMaire\nCommune de Baie-Libre\nHôtel de ville\n1 place de la Mairie\n29000 Baie-Libre",
    );
    // A name that already carries its civility does not get a second one.
    expect(block({ name: "Madame la Présidente", role: "Présidente", civility: "Madame" })).toBe(
      "Madame la Présidente\nPrésidente\nCommune de Baie-Libre",
    );
    expect(block({ name: "Yann Le Gall", role: "Maire" })).toBe("Yann Le Gall\nMaire\nCommune de Baie-Libre");
  });
});

describe("PDF paragraph alignment", () => {
  const measure = (r: { text: string }) => r.text.length * 6;
  it("left-aligns a bold « Objet » line and a one-line paragraph, justifies a long body paragraph", () => {
    const objet = [
      { text: "Objet : Proposition d'étude sur les dépendances numériques extra-européennes", font: "bold" },
    ];
    expect(paragraphAlign(objet, 300, measure)).toBe("left");
    expect(paragraphAlign([{ text: "Madame la Présidente,", font: "regular" }], 300, measure)).toBe("left");
    expect(paragraphAlign([{ text: "mot ".repeat(100), font: "regular" }], 300, measure)).toBe("justify");
  });
});

describe("exports", () => {
  it("ODT: mimetype first and stored, manifest, real footnotes, the collectivité in the title block", async () => {
    const file = await exportDraft(sampleDraft(), "odt");
    expect(file.filename).toBe("plan-audit-quimper-bretagne-occidentale.odt");
    const bytes = file.bytes;
    // Local file header: signature, then the name at offset 30; compression method 0 (stored) at offset 8.
    expect(strFromU8(bytes.subarray(30, 38))).toBe("mimetype");
    expect(bytes[8]).toBe(0);
    expect(strFromU8(bytes.subarray(38, 38 + 39))).toBe("application/vnd.oasis.opendocument.text");
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(["mimetype", "content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"]);
    const content = strFromU8(files["content.xml"]!);
    expect(content).toContain('<text:note text:id="ftn1" text:note-class="footnote">');
    expect(content).toContain("Assemblée nationale, audition");
    expect(content).toContain("Quimper Bretagne Occidentale");
    expect(content).toContain("<table:table ");
    expect(content).toContain('text:style-name="L_number"');
    expect(content).toContain('<text:span text:style-name="T_flag">47 %</text:span>');
  });

  it("DOCX: footnotes part with the sources, the collectivité in the document", async () => {
    const file = await exportDraft(sampleDraft(), "docx");
    const files = unzipSync(file.bytes);
    const document = strFromU8(files["word/document.xml"]!);
    expect(document).toContain("Quimper Bretagne Occidentale");
    expect(document).toContain("w:footnoteReference");
    expect(document).toContain("w:tbl>");
    expect(strFromU8(files["word/footnotes.xml"]!)).toContain("Assemblée nationale, audition");
  });

  it("PDF and Markdown", async () => {
    const pdf = await exportDraft(sampleDraft(), "pdf");
    expect(strFromU8(pdf.bytes.subarray(0, 5))).toBe("%PDF-");
    expect(pdf.contentType).toBe("application/pdf");
    const md = strFromU8((await exportDraft(sampleDraft(), "md")).bytes);
    expect(md).toContain("# Plan d'audit des dépendances numériques");
    expect(md).toContain("**Quimper Bretagne Occidentale**");
    expect(md).toContain("sept catégories[^1]");
    expect(md).toContain("[^2]: La Gendarmerie nationale et GendBuntu, 2021.");
    expect(md).toContain("| Cadrage | avril 2026 |");
    expect(md).toContain("**47 %** **\\[à vérifier\\]**".replaceAll("\\[", "[").replaceAll("\\]", "]"));
  });

  it("rejects an unknown format or version with French messages", async () => {
    expect(() => parseFormat("rtf")).toThrow(/format : valeur non reconnue « rtf »/);
    await expect(exportDraft(sampleDraft(), "md", 3)).rejects.toThrow(
      /ce brouillon a 1 version ; indiquez le numéro 1\./,
    );
  });

  it("gives each PDF table column at least its longest word, and shares the rest by content", () => {
    const widths = columnWidths([60, 8, 12, 8], [70, 60, 55, 40], 400);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(400);
    expect(widths[1]).toBeCloseTo(60);
    expect(widths[3]).toBeCloseTo(40);
    expect(widths.every((w, k) => w >= [70, 60, 55, 40][k]! - 1e-9)).toBe(true);
    // Floors wider than the page share it in proportion.
    expect(columnWidths([1, 1], [300, 100], 200)).toEqual([150, 50]);
  });

  it("maps characters Helvetica cannot print", () => {
    expect(toWinAnsi("œuvre « 40\u202f% » → 12 € ≥ 3 ⚠ 你")).toBe("œuvre « 40\u00a0% » -> 12 € >= 3 (!) ?");
    // A figure stays on one line (trial11 B7: « 80 / 000 »); a year beside a number is not glued to it.
    expect(keepFiguresTogether("ses 80 000 agents, 1 234 567 postes, 40 % et 12 € en 2021 2022")).toBe(
      "ses 80\u00a0000 agents, 1\u00a0234\u00a0567 postes, 40\u00a0% et 12\u00a0€ en 2021 2022",
    );
  });
});
