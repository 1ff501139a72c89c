/**
 * trial26 T-H5: an exported conversation marks what the page marks. A sentence whose only fault is a wrong citation
 * keeps that one mark (« [6 : citation invalide] ») and is counted at the top among the sentences to check; a wrong
 * citation's mark stays in one piece in a justified PDF line.
 */
import { describe, expect, it } from "vitest";
import { buildConversationDocument } from "../../server/export/conversation.ts";
import { toMarkdown } from "../../server/export/markdown.ts";
import { keepMarkTogether } from "../../server/export/pdf.ts";

const ANSWER = "Lyon a choisi LibreOffice [1]. Elle l'a fait en 2025 [6].";
const exchange = (reasons: string[]) => ({
  at: "2026-12-08T10:00:00.000Z",
  question: "Qu'a fait Lyon ?",
  answer: ANSWER,
  sources: [{ document: { title: "Ville de Lyon", kind: "retour-experience", date: "2026-03" }, section: "Logiciels" }],
  done: {
    mode: "generated",
    verification: {
      sentences: [
        {
          text: "Lyon a choisi LibreOffice [1].",
          start: 0,
          end: 30,
          status: "supported",
          citations: [1],
          invalidCitations: [],
          reasons: [],
        },
        {
          text: "Elle l'a fait en 2025 [6].",
          start: 31,
          end: ANSWER.length,
          status: "invalid-citation",
          citations: [],
          invalidCitations: [6],
          reasons: ["la citation [6] ne renvoie à aucun passage fourni", ...reasons],
        },
      ],
    },
  },
});
const markdown = (reasons: string[]) =>
  toMarkdown(buildConversationDocument({ title: "Conseil", exchanges: [exchange(reasons)] })).replace(/\s+/g, " ");

describe("a wrongly cited sentence in an exported conversation", () => {
  it("is counted among the sentences to check when its wrong citation is its only mark", () => {
    const md = markdown([]);
    expect(md).toContain("en 2025 **[6 : citation invalide]**.");
    expect(md).not.toContain("[non vérifié]");
    expect(md).toContain("1 phrase à vérifier, marquée « citation invalide »");
  });

  it("is also « [non vérifié] » when what it says is not found either", () => {
    const md = markdown(["le chiffre « 2025 » ne figure pas dans les passages fournis"]);
    expect(md).toMatch(/en 2025 \*\*\[6 : citation invalide\]\*\* \*\*\[non vérifié\]\*\*\./);
    expect(md).toContain("1 phrase marquée « non vérifié »");
  });
});

describe("a mark in a PDF line", () => {
  it("keeps its words together", () => {
    expect(keepMarkTogether(" [7 : citation invalide]")).toBe(" [7\u00a0:\u00a0citation\u00a0invalide]");
    expect(keepMarkTogether("sans marque")).toBe("sans marque");
  });
});
