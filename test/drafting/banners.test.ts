/**
 * trial6's banners: counts in proper French (« 1 section préparée », « 2 phrases non vérifiées », no « (s) », no
 * « 0 citation invalide »), and sources older than a year told as how many and the oldest, not as the document's date.
 */
import { describe, expect, it } from "vitest";
import type { Draft } from "../../server/drafting/types.ts";
import { buildDocument, inlineText, parseInline } from "../../server/export/model.ts";
import { sampleDraft } from "../helpers/drafts.ts";

const banners = (draft: Draft) =>
  buildDocument(draft)
    .front.filter((b) => b.kind === "paragraph" && b.style === "banner")
    .map((b) => (b.kind === "paragraph" ? inlineText(b.inlines) : ""));

function withChecks(draft: Draft, unsupported: number, invalid: number, toComplete: number): Draft {
  const sections = draft.versions[0]!.sections.map((s, i) => ({
    ...s,
    toComplete: i < toComplete,
    verification: {
      sentences: [],
      counts:
        i === 0
          ? { sentences: 0, supported: 0, unsupported, invalidCitation: invalid, invalidMarkers: invalid, noClaim: 0 }
          : { sentences: 0, supported: 0, unsupported: 0, invalidCitation: 0, invalidMarkers: 0, noClaim: 0 },
    },
  }));
  return { ...draft, versions: [{ ...draft.versions[0]!, sections }] } as Draft;
}

describe("document banners", () => {
  it("count in proper French singular and plural, never « (s) »", () => {
    const one = banners(withChecks(sampleDraft(), 1, 0, 1)).join("\n");
    expect(one).toContain("Brouillon à compléter : 1 section préparée sans le modèle de langue");
    expect(one).toContain("1 phrase non vérifiée : à relire avant tout envoi.");
    expect(one).not.toContain("citation");
    const many = banners(withChecks(sampleDraft(), 2, 3, 2)).join("\n");
    expect(many).toContain("Brouillon à compléter : 2 sections préparées sans le modèle de langue");
    expect(many).toContain("2 phrases non vérifiées et 3 citations invalides : à relire avant tout envoi.");
    expect(many).not.toContain("(s)");
  });

  it("says how many cited sources are older than a year and the oldest, not that the document is from then", () => {
    const draft = sampleDraft();
    const section = draft.versions[0]!.sections[0]!;
    section.citations = [
      { ...section.citations[0]!, sources: [{ title: "Le Soleil", date: "2008-03", url: null }] },
      {
        ...section.citations[1]!,
        sources: [
          { title: "Heise", date: "2025-11", url: null },
          { title: "Assemblée nationale", date: "2021", url: null },
        ],
      },
    ] as typeof section.citations;
    const text = banners(draft).join("\n");
    expect(text).not.toContain("ce document cite des faits datés de");
    expect(text).toContain("2 des 3 sources citées datent de plus d'un an (la plus ancienne : mars 2008)");
    section.citations = section.citations.slice(0, 1);
    expect(banners(draft).join("\n")).toContain("la seule source citée date de plus d'un an (mars 2008)");
  });

  it("never glues the « [à vérifier] » mark to the next word", () => {
    const inlines = parseInline("La DINUM migre les 2,5 millions d'ordinateurs.", {
      citations: new Map(),
      flagged: ["2,5 millions d'"],
      note: () => {
        throw new Error("no note");
      },
    });
    expect(inlineText(inlines)).toBe("La DINUM migre les 2,5 millions d' [à vérifier] ordinateurs.");
  });
});
