/**
 * trial9 A5/A6, on another law than the trial's: « La loi X ne s'applique pas aux données hébergées en Allemagne » and
 * « … ne s'applique qu'aux serveurs situés aux États-Unis » say the opposite of a passage about X that says where the
 * data are stored changes nothing (« même lorsqu'elles sont hébergées hors des États-Unis »). Judged alike in a chat
 * answer and as a claim a document states (`server/verify/against.ts`).
 */
import { describe, expect, it } from "vitest";
import { checkClaims } from "../../server/drafting/claims.ts";
import type { Retriever, SearchResult } from "../../server/retrieval/search.ts";
import { verifyText } from "../../server/verify/index.ts";

const passage = {
  heading: "La section 702 du FISA : ce que dit la loi",
  text:
    "La section 702 du FISA permet aux agences américaines de collecter les communications de non-Américains auprès " +
    "des fournisseurs établis aux États-Unis, même lorsqu'elles sont hébergées hors des États-Unis. Le lieu " +
    "d'hébergement ne change rien à l'obligation du fournisseur.",
};
const silent = {
  heading: "La section 702 du FISA : ce que dit la loi",
  text: "La section 702 du FISA permet aux agences américaines de collecter les communications de non-Américains auprès des fournisseurs établis aux États-Unis.",
};

const inChat = (sentence: string, p = passage) =>
  verifyText(`${sentence} [1].`, [{ n: 1, text: `${p.heading}\n${p.text}` }]).sentences[0]!;

async function inDraft(claim: string, p = passage) {
  const found: SearchResult = {
    id: "p",
    text: p.text,
    section: p.heading,
    score: 1,
    document: { id: "p", title: p.heading, kind: "guidance", date: "2026", url: null },
    sources: [],
    source: null,
  };
  const retriever: Retriever = {
    mode: async () => "fulltext",
    search: async () => ({ mode: "fulltext", results: [found] }),
  };
  const text = `${claim}, comme nous l'avons lu.`;
  const { verification } = await checkClaims(
    text,
    [claim],
    verifyText(text, []),
    [],
    retriever,
    (r) => `${r.section}\n${r.text}`,
  );
  return verification.sentences[0]!;
}

describe("a law limited to where data are stored, against a passage that says the place changes nothing", () => {
  for (const claim of [
    "La section 702 du FISA ne s'applique pas aux données hébergées en Allemagne",
    "La section 702 du FISA ne s'applique qu'aux serveurs situés aux États-Unis",
    "La section 702 du FISA ne concerne pas les données stockées dans un centre de données situé en Europe",
  ])
    it(claim, async () => {
      expect(inChat(claim).reasons.join(" ")).toMatch(/dit le contraire : « .*hébergées hors des États-Unis/);
      expect((await inDraft(claim)).reasons.join(" ")).toMatch(/dit le contraire/);
    });

  it("leaves alone what agrees, and a passage that says nothing of the place", async () => {
    for (const claim of [
      "La section 702 du FISA s'applique aussi aux données hébergées en Allemagne",
      "La section 702 du FISA ne s'applique pas aux fournisseurs établis en Allemagne",
    ])
      expect(inChat(claim).reasons.join(" "), claim).not.toMatch(/contraire/);
    const claim = "La section 702 du FISA ne s'applique qu'aux serveurs situés aux États-Unis";
    expect(inChat(claim, silent).reasons.join(" ")).not.toMatch(/contraire/);
    expect((await inDraft(claim, silent)).reasons.join(" ")).not.toMatch(/contraire/);
  });
});
