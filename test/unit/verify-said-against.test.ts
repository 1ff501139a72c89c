/**
 * « The corpus says the contrary » is one set of rules for a model's sentence in a chat answer and for a claim of the
 * user's context in a document (`server/verify/against.ts`, called by `verifyText`, which the document's claim check
 * runs on the passages found about the claim): « X utilise toujours Y » against a return to something else or Y given
 * up, « le texte X oblige les mairies » against « X (il) ne s'applique pas aux collectivités ». Each case is judged both
 * ways, on the same passage, with the same verdict and quote.
 */
import { describe, expect, it } from "vitest";
import { checkClaims } from "../../server/drafting/claims.ts";
import type { Retriever, SearchResult } from "../../server/retrieval/search.ts";
import { verifyText } from "../../server/verify/index.ts";

interface Passage {
  heading: string;
  text: string;
}

/** A model's sentence citing the passage, as a chat answer is checked. */
const inChat = (sentence: string, p: Passage) =>
  verifyText(`${sentence} [1].`, [{ n: 1, text: `${p.heading}\n${p.text}` }]).sentences[0]!;

/** The same words as a claim of the user's context a letter states, checked against the passage found about it. */
async function inDraft(claim: string, p: Passage) {
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
  const { verification, flags } = await checkClaims(
    text,
    [claim],
    verifyText(text, []),
    [],
    retriever,
    (r) => `${r.section}\n${r.text}`,
  );
  return { sentence: verification.sentences[0]!, flags };
}

const contrary = (quote: string) => new RegExp(`dit le contraire : « ${quote}`);

const cases: { name: string; claim: string; passage: Passage; quote: string }[] = [
  {
    name: "« toujours » against a return to another product, the subject named in the heading",
    claim: "La ville de Fribourg utilise toujours OpenOffice sur ses postes",
    passage: {
      heading: "Fribourg — Le poste de travail",
      text: "La ville de Fribourg a installé OpenOffice sur ses postes en 2006. En 2013, elle a décidé un retour à Microsoft Office.",
    },
    quote: "En 2013, elle a décidé un retour à Microsoft Office",
  },
  {
    name: "« reste sous » against the product given up",
    claim: "Le département de l'Isère reste sous Thunderbird pour sa messagerie",
    passage: {
      heading: "Isère — La messagerie",
      text: "Le département de l'Isère a adopté Thunderbird pour sa messagerie en 2010, puis a décidé l'abandon de Thunderbird en 2019.",
    },
    quote: "Le département de l'Isère a adopté Thunderbird",
  },
  {
    name: "« oblige les communes » against « ne s'applique pas aux collectivités », the text named",
    claim: "Le décret RGS oblige toutes les communes à chiffrer leurs échanges",
    passage: {
      heading: "Le décret RGS — Qui est tenu",
      text: "Le décret RGS oblige les services de l'État à chiffrer leurs échanges. Le décret RGS ne s'applique pas aux collectivités territoriales.",
    },
    quote: "Le décret RGS ne s'applique pas aux collectivités territoriales",
  },
  {
    name: "« s'impose aux mairies » against a pronoun's « ne s'imposent pas aux collectivités », the text unnamed",
    claim: "Le référentiel régional d'accessibilité s'impose aux mairies",
    passage: {
      heading: "Accessibilité — Portée du référentiel",
      text: "Le référentiel régional d'accessibilité et ses guides s'adressent aux services de la région : ils ne s'imposent pas aux collectivités, qui s'administrent librement.",
    },
    quote: "Le référentiel régional d'accessibilité et ses guides",
  },
];

describe("the corpus says the contrary: same rules for a chat answer and a document's claim", () => {
  for (const c of cases)
    it(c.name, async () => {
      const chat = inChat(c.claim, c.passage);
      expect(chat.status).toBe("unsupported");
      expect(chat.reasons.join(" ")).toMatch(contrary(c.quote));
      const draft = await inDraft(c.claim, c.passage);
      expect(draft.sentence.status).toBe("unsupported");
      expect(draft.sentence.reasons.join(" ")).toMatch(contrary(c.quote));
      expect(draft.flags.map((f) => f.figure)).toContain(c.claim);
    });

  it("what agrees with the passage, or is said of another subject or class, passes both ways", async () => {
    const fribourg = cases[0]!.passage;
    const rgs = cases[2]!.passage;
    const accessibility = cases[3]!.passage;
    for (const [claim, passage] of [
      // Back to what the claim says it still uses.
      ["La ville de Fribourg utilise toujours Microsoft Office sur ses postes", fribourg],
      // Another subject's return says nothing of this one.
      ["La ville de Lausanne utilise toujours OpenOffice sur ses postes", fribourg],
      // A class the passage does not speak of.
      ["Le décret RGS oblige les services de l'État à chiffrer leurs échanges", rgs],
      ["Le référentiel régional d'accessibilité s'adresse aux services de la région", accessibility],
      // A claim on part of a class (« de plus de 3 500 habitants ») against a passage on another part of it.
      [
        "Le règlement RGAA oblige les communes de plus de 3 500 habitants à publier un schéma",
        {
          heading: "RGAA — Qui est tenu",
          text: "Le règlement RGAA ne s'applique pas aux communes de moins de 3 500 habitants, qui en restent libres.",
        },
      ],
      // A claim that says what the passage says.
      ["Le référentiel régional d'accessibilité ne s'impose pas aux mairies", accessibility],
      ["Le décret RGS ne s'applique pas aux communes", rgs],
    ] as const) {
      expect(inChat(claim, passage).reasons.join(" "), claim).not.toMatch(/contraire/);
      expect((await inDraft(claim, passage)).sentence.reasons.join(" "), claim).not.toMatch(/contraire/);
    }
  });
});
