import { strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import type { Draft } from "../../server/drafting/types.ts";
import { exportDraft } from "../../server/export/index.ts";
import { documentJson } from "../../server/export/model.ts";
import { sentenceSpans, verificationOf } from "../../server/verify/index.ts";
import { hasPdftotext, pdfText, xmlText } from "../helpers/export-text.ts";

const TEXT =
  "Le syndicat mixte de Concarneau a économisé 3,8 millions d'euros en 2029 [1]. " +
  "Il a retenu quatre lots [6]. " +
  "Le marché de Douarnenez porte sur 240 postes [1]. " +
  "La régie a dépensé 12 % de moins [1].";

/** Sentences 0 and 3 unsupported (3,8 millions d'euros and 12 % flagged), 1 cites a passage not given, 2 supported. */
function draftOf(): Draft {
  const spans = sentenceSpans(TEXT);
  const status = ["unsupported", "invalid-citation", "supported", "supported"] as const;
  const verification = verificationOf(
    spans.map((s, i) => ({
      text: s.text,
      start: s.start,
      end: s.end,
      citations: i === 1 ? [] : [1],
      invalidCitations: i === 1 ? [6] : [],
      status: status[i]!,
      reasons: i === 0 ? ["le chiffre « 3,8 millions d'euros » ne figure pas dans les passages cités"] : [],
    })),
  );
  return {
    id: "one-mark",
    type: "letter",
    title: "Courrier",
    collectivite: "Commune de Pont-Aven",
    inputs: { date: "2026-12-05" },
    createdAt: "2026-12-05T10:00:00.000Z",
    versions: [
      {
        at: "2026-12-05T10:00:00.000Z",
        cause: "generate",
        sections: [
          {
            key: "body",
            title: "Corps",
            text: TEXT,
            citations: [{ n: 1, title: "Le syndicat mixte", date: "2026-03", url: null }],
            flags: [
              { figure: "3,8 millions d'euros", reason: "absent des passages" },
              { figure: "12 %", reason: "absent des passages" },
            ],
            mode: "generated",
            toComplete: false,
            heading: false,
            passageIds: [],
            verification,
          },
        ],
      },
    ],
  } as Draft;
}

describe("one mark per sentence", () => {
  it("in the page's model and in every export", async () => {
    const draft = draftOf();
    const page = documentJson(draft)
      .sections.flatMap((s) => s.blocks)
      .map((b) =>
        b.kind === "paragraph"
          ? b.inlines.map((i) => (i.kind === "text" ? i.text : i.kind === "note" ? `[${i.n}]` : " ")).join("")
          : "",
      )
      .join(" ");
    const texts: [string, string][] = [
      ["page", page],
      [
        "md",
        strFromU8((await exportDraft(draft, "md")).bytes)
          .replace(/\s+/g, " ")
          .replaceAll("**", ""),
      ],
      ["odt", xmlText((await exportDraft(draft, "odt")).bytes, "content.xml")],
      ["docx", xmlText((await exportDraft(draft, "docx")).bytes, "word/document.xml")],
    ];
    if (hasPdftotext) texts.push(["pdf", await pdfText((await exportDraft(draft, "pdf")).bytes)]);
    for (const [format, t] of texts) {
      // (The « Chiffres à vérifier » box before the text lists the same sentence with the same mark.)
      const body = t.slice(t.lastIndexOf("Le syndicat mixte de Concarneau"));
      // The unsupported sentence: its figure highlighted without a second mark, one « [non vérifié] ».
      // (The ODT writes its footnote's text where it is called.)
      expect(body, format).toMatch(
        /3,8 millions d'euros en 2029(?:\s*\[\^?1\]|1(?:Le syndicat mixte, mars 2026\.)?)?\s*\[non vérifié\]\s*\./,
      );
      expect(body, format).not.toMatch(/3,8 millions d'euros\s*\[à vérifier\]/);
      // The wrong citation is the sentence's mark.
      expect(body, format).toMatch(/quatre lots\s*\[6 : citation invalide\]\s*\./);
      // A flagged figure in a sentence that is not marked keeps « [à vérifier] ».
      expect(body, format).toMatch(/12 %\s*\[à vérifier\]\s*de moins/);
      expect(body.match(/\[non vérifié\]/g) ?? [], format).toHaveLength(1);
    }
  });
});
