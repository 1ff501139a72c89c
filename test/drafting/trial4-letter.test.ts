/**
 * trial4's association letter (Libre à Rennes → the mayor of Rennes), on the real corpus: what the sender wrote is
 * checked like what a model writes (« la Gendarmerie a économisé 534 millions d'euros », a figure the corpus says is
 * « non confirmé » or « pas confirmé » — the Gendarmerie page and the costs guide each say it one way — is flagged in
 * the text, the « Chiffres à vérifier » box and the exports), a quotation keeps the qualification of the figure it
 * quotes, and a sentence marked « non vérifié » credits no source in its note.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contextClaims } from "../../server/drafting/documents/common.ts";
import { withQualification } from "../../server/drafting/generate.ts";
import type { Draft } from "../../server/drafting/types.ts";
import type { Engine } from "../../server/engine.ts";
import { writeDraft } from "../helpers/drafts.ts";
import { type FakeOllama, startFakeOllama } from "../helpers/fake-ollama.ts";
import { realCorpusEngine, withTestProvider } from "../helpers/server.ts";

const CONTEXT =
  "La ville renouvelle en 2027 son contrat Microsoft 365 ; la Gendarmerie a économisé 534 millions d'euros avec Linux et Lyon a quitté Microsoft ; nous souhaitons que Rennes étudie Nextcloud et LibreOffice";

const LETTER = {
  type: "letter",
  inputs: {
    collectivite: { name: "Ville de Rennes", kind: "commune", department: "Ille-et-Vilaine", region: "Bretagne" },
    sender: {
      name: "Association Libre à Rennes",
      description: "association rennaise de promotion du logiciel libre",
      signatory: "Pour le bureau, Camille Le Goff",
    },
    recipient: { name: "Madame Nathalie Appéré", role: "Maire de Rennes", civility: "Madame" },
    tone: "courtois",
    context: CONTEXT,
    requests: ["study", "target", "public-information"],
    subject: "Renouvellement du contrat Microsoft 365 : étudier les alternatives libres",
    place: "Rennes",
    date: "2026-12-05",
  },
};

const write = (engine: Engine) => writeDraft(engine, LETTER);

describe("what a sender's context says of others", () => {
  it("is what the corpus must back; what it says of the collectivité or the sender is their own knowledge", () => {
    expect(contextClaims(CONTEXT, "Ville de Rennes")).toEqual([
      "la Gendarmerie a économisé 534 millions d'euros avec Linux et Lyon a quitté Microsoft",
    ]);
    expect(contextClaims("Rennes compte 4 000 agents. Notre commune a voté en 2025.", "Ville de Rennes")).toEqual([]);
    expect(contextClaims("Comme l'État, l'agglomération dépend de Microsoft", "Quimper Bretagne Occidentale")).toEqual(
      [],
    );
  });

  it("a quotation cut before the sentence qualifying its figure goes on to it", () => {
    const text =
      "La présentation affirme qu'elle a économisé 534 millions d'euros depuis 2004. Les jalons sont confirmés par la presse. En revanche, le chiffre de 534 millions d'euros est non confirmé : il n'a été retrouvé dans aucune autre source. Autre chose.";
    const quote =
      "La présentation affirme qu'elle a économisé 534 millions d'euros depuis 2004. Les jalons sont confirmés par la presse.";
    expect(withQualification(quote, text)).toBe(
      `${quote} En revanche, le chiffre de 534 millions d'euros est non confirmé : il n'a été retrouvé dans aucune autre source.`,
    );
    expect(withQualification("Les jalons sont confirmés par la presse.", text)).toBe(
      "Les jalons sont confirmés par la presse.",
    );
  });
});

const notesOf = (markdown: string) => markdown.split("\n").filter((l) => /^\[\^\d+\]:/.test(l));

describe("trial4's letter without a model", () => {
  let engine: Engine;
  let close: () => Promise<void>;
  let draft: Draft;
  let markdown: string;
  beforeAll(async () => {
    ({ engine, close } = await realCorpusEngine("cap-libre-trial4-letter-"));
    ({ draft, markdown } = await write(engine));
  }, 120_000);
  afterAll(() => close?.());

  it("flags the unconfirmed figure the sender wrote, in the text, the box and the export", () => {
    const sections = draft.versions[0]!.sections;
    const local = sections.find((s) => s.text.includes("534 millions d'euros avec Linux"))!;
    expect(local.flags.map((f) => f.figure)).toContain("534 millions d'euros");
    expect(local.flags.find((f) => f.figure === "534 millions d'euros")!.reason).toMatch(/(?:non|pas) confirm/);
    const context = local.verification!.sentences.find((s) => s.text.includes("534 millions d'euros avec Linux"))!;
    expect(context.status).toBe("unsupported");
    expect(markdown).toContain("Chiffres à vérifier");
    // One mark a sentence: the figure highlighted, the sentence « [non vérifié] ».
    expect(markdown).toMatch(/\*\*534 millions d'euros\*\* avec Linux[^.]*\*\*\[non vérifié\]\*\*\./);
  });

  it("never quotes a figure without the qualification its passage gives it", () => {
    for (const quote of markdown.split("\n").filter((l) => l.startsWith("> « ") && l.includes("534")))
      expect(quote).toMatch(/non confirm|pas confirm/);
  });

  it("names the peers it speaks of, from the corpus's case studies, each with its own source (trial14 B13)", async () => {
    // trial14's association letter to a département: « D'autres collectivités … ont déjà engagé ce travail » stood
    // alone, backed by no quotation, with the SREN article and the study method quoted under it.
    const { draft: alpes } = await writeDraft(engine, {
      type: "letter",
      inputs: {
        collectivite: {
          name: "Département des Hautes-Alpes",
          kind: "département",
          region: "Provence-Alpes-Côte d'Azur",
        },
        sender: { name: "Linux Alpes", description: "association gapençaise de promotion des logiciels libres" },
        recipient: { name: "Monsieur le Président", role: "Président du conseil départemental", civility: "Monsieur" },
        tone: "courtois",
        context:
          "Les collèges et les services du Département utilisent des logiciels d'éditeurs américains, et le contrat de messagerie arrive à échéance",
        requests: ["study", "target", "public-information"],
        subject: "Réduire les dépendances numériques extra-européennes du Département",
        place: "Gap",
        date: "2026-12-06",
      },
    });
    const local = alpes.versions[0]!.sections.find((s) => s.key === "local")!;
    expect(local.mode).toBe("template");
    const sentence = local.text
      .split(/(?<=\.)\s+/)
      .find((x) => /ont déjà engagé une démarche vers le logiciel libre/.test(x));
    // Said only with the peers named and cited: each cited passage a case study of a collectivité, credited to a
    // source of its own page (an address), not to Cap Libre's analysis nor a guide.
    expect(sentence).toMatch(/ont déjà engagé une démarche vers le logiciel libre, (?:comme|notamment) [^[]+\[\d\]/);
    const cited = [...sentence!.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    for (const n of cited) {
      const citation = local.citations.find((c) => c.n === n)!;
      expect(citation.title, sentence).toMatch(/Échirolles|Lyon|Occitanie|Millau|collectivités/);
      expect(citation.analysis).toBe(false);
      expect(citation.url).toMatch(/^https:/);
    }
    expect(local.verification!.sentences.find((x) => x.text.includes("ont déjà engagé"))?.status).not.toBe(
      "unsupported",
    );
  });

  it("prints each address right after its own source", () => {
    for (const note of notesOf(markdown)) {
      // The address after the note's last full stop belongs to the last source named before it.
      const trailing = /\. <(https?:[^>]+)>$/.exec(note);
      if (!trailing) continue;
      const lastSource = note.slice(0, trailing.index).split(" ; ").at(-1)!;
      expect(lastSource, note).not.toMatch(/Millau Grands Causses, présentation/);
    }
  });
});

describe("trial4's letter with a model", () => {
  let engine: Engine;
  let close: () => Promise<void>;
  let ollama: FakeOllama;
  let draft: Draft;
  let markdown: string;
  beforeAll(async () => {
    ollama = await startFakeOllama({
      // The second part of the letter restates the sender's context, as Mistral does; the others invent a cost.
      reply: (req) =>
        req.messages.some((m) => m.content.includes("Deuxième partie du courrier"))
          ? "Comme le rappelle l'association, la Gendarmerie a économisé 534 millions d'euros avec Linux."
          : "Selon le corpus, plusieurs collectivités ont réduit leur dépendance [1]. Cela coûte 42 000 euros par an [1].",
    });
    ({ engine, close } = await realCorpusEngine("cap-libre-trial4-model-", (env) =>
      withTestProvider({ ...env, OLLAMA_BASE_URL: ollama.url }),
    ));
    ({ draft, markdown } = await write(engine));
  }, 120_000);
  afterAll(async () => {
    await close?.();
    await ollama?.close();
  });

  it("credits no source for a sentence marked « non vérifié »", () => {
    const sections = draft.versions[0]!.sections.filter((s) => s.mode === "generated");
    expect(sections.length).toBeGreaterThan(0);
    for (const s of sections) {
      const cited = s.verification!.sentences.filter((x) => x.citations.length > 0);
      expect(cited.every((x) => x.status === "unsupported")).toBe(true);
      for (const c of s.citations) {
        expect(c.sources, JSON.stringify(c)).toEqual([]);
        expect(c.url).toBeNull();
      }
    }
    for (const note of notesOf(markdown)) expect(note).toContain("aucune source n'est nommée");
  });

  it("flags the unconfirmed figure of the sender's context when the model restates it", () => {
    const local = draft.versions[0]!.sections.find((s) => s.key === "local")!;
    expect(local.mode).toBe("generated");
    expect(local.flags.map((f) => f.figure)).toEqual(["534 millions d'euros"]);
    expect(local.flags[0]!.reason).toMatch(/(?:non|pas) confirm/);
    // The box lists the sentence with its mark, its figure highlighted, and what the corpus says of the figure.
    expect(markdown).toMatch(
      /^- [^\n]*\*\*534 millions d'euros\*\*[^\n]*\*\*\[non vérifié\]\*\* \(.*(?:non|pas) confirm/m,
    );
    expect(markdown).toMatch(/économisé \*\*534 millions d'euros\*\* avec Linux[^.]*\*\*\[non vérifié\]\*\*\./);
  });
});
