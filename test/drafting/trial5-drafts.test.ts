/**
 * trial5's documents on the real corpus, without a model: an association's false claims about others are flagged
 * with what the corpus says (« Munich n'est jamais revenue à Windows », « 25 000 postes sous Linux », « le CLOUD Act
 * interdit »); a verbatim quotation of a passage is never marked « non vérifié »; the user's own facts about their
 * collectivité (« Le contrat Microsoft 365 arrive à échéance en septembre 2027 ») are shown as their information,
 * never as dubious, whichever document states them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimParts, refutedFigures } from "../../server/drafting/claims.ts";
import { aboutOthers, attributedContext, contextClaims, ownContext } from "../../server/drafting/documents/common.ts";
import { editSection } from "../../server/drafting/drafts.ts";
import type { Draft } from "../../server/drafting/types.ts";
import type { Engine } from "../../server/engine.ts";
import { writeDraft } from "../helpers/drafts.ts";
import { realCorpusEngine } from "../helpers/server.ts";

const LETTER_CONTEXT =
  "L'agglomération migre ses 1 800 postes vers Microsoft 365 en 2027. Munich a économisé 11,7 millions d'euros avec Linux et n'est jamais revenue à Windows. Le CLOUD Act interdit aux collectivités françaises d'héberger leurs données chez Microsoft. Le Schleswig-Holstein a migré 25 000 postes sous Linux en 2025.";
const AGGLO = "Communauté d'agglomération du Pays Basque";

const LETTER = {
  type: "letter",
  inputs: {
    collectivite: {
      name: AGGLO,
      kind: "intercommunalite",
      department: "Pyrénées-Atlantiques",
      region: "Nouvelle-Aquitaine",
    },
    sender: {
      name: "Association Euskal Libre",
      description: "association basque de promotion du logiciel libre",
      signatory: "Pour le bureau, Maite Etcheverry",
    },
    recipient: {
      name: "Monsieur Jean-René Etchegaray",
      role: "Président de la Communauté d'agglomération du Pays Basque",
      civility: "Monsieur",
    },
    tone: "courtois",
    context: LETTER_CONTEXT,
    requests: ["study", "target", "public-information"],
    subject: "Migration vers Microsoft 365 : étudier les alternatives libres",
    place: "Bayonne",
    date: "2026-12-05",
  },
};

const AUDIT = {
  type: "audit-plan",
  inputs: {
    collectivite: {
      name: "Belval-sur-Orne",
      kind: "commune",
      department: "Moselle",
      region: "Grand Est",
      population: 6200,
      agents: 70,
      workstations: 95,
    },
    services: ["Direction générale", "Finances", "État civil"],
    startDate: "2027-01",
    durationMonths: 4,
    context: "Le contrat Microsoft 365 arrive à échéance en septembre 2027",
    author: "Service informatique",
  },
};

const write = writeDraft;

describe("whose statement a context clause is", () => {
  it("a clause whose subject is someone else is a claim; the user's own matters are not", () => {
    expect(contextClaims(LETTER_CONTEXT, AGGLO)).toEqual([
      "Munich a économisé 11,7 millions d'euros avec Linux et n'est jamais revenue à Windows",
      "Le CLOUD Act interdit aux collectivités françaises d'héberger leurs données chez Microsoft",
      "Le Schleswig-Holstein a migré 25 000 postes sous Linux en 2025",
    ]);
    expect(contextClaims("Le contrat Microsoft 365 arrive à échéance en septembre 2027", "Belval-sur-Orne")).toEqual(
      [],
    );
    expect(
      contextClaims(
        "Contrat Microsoft 365 à renouveler en septembre 2027 ; départ à la retraite du technicien en 2028",
        "Belval-sur-Orne",
      ),
    ).toEqual([]);
    for (const own of ["La DSI compte trois agents", "En 2026, le parc a été renouvelé"])
      expect(aboutOthers(own)).toBe(false);
    for (const other of [
      "Lyon a quitté Microsoft",
      "la Gendarmerie a économisé 2 millions",
      "Les collectivités doivent quitter Microsoft",
    ])
      expect(aboutOthers(other)).toBe(true);
  });

  it("attributes the user's own sentences, leaves claims as written, keeps only own events for a calendar", () => {
    expect(attributedContext(LETTER_CONTEXT, AGGLO, "selon nos informations")).toBe(
      LETTER_CONTEXT.replace("en 2027.", "en 2027 (selon nos informations)."),
    );
    expect(ownContext("Lyon quittera Microsoft en 2028 ; le contrat arrive à échéance en 2027", "Belval")).toBe(
      "le contrat arrive à échéance en 2027.",
    );
  });

  it("checks each part of a claim with its subject, and reads a figure the corpus calls inexact", () => {
    expect(
      claimParts("Munich a économisé 11,7 millions d'euros avec Linux et n'est jamais revenue à Windows").map(
        (p) => p.checked,
      ),
    ).toEqual(["Munich a économisé 11,7 millions d'euros avec Linux", "Munich n'est jamais revenue à Windows"]);
    expect(claimParts("Nous voulons Nextcloud et LibreOffice")).toHaveLength(1);
    const refuted = refutedFigures(
      "La présentation annonce « 25 000 postes migrés en 2025 ». C'est inexact pour le système d'exploitation : Linux ne concerne que 800 postes.",
    );
    expect(refuted.map((r) => [r.figure.value, r.years])).toEqual([[25000, [2025]]]);
  });
});

describe("trial5's letter and audit plan without a model", () => {
  let engine: Engine;
  let close: () => Promise<void>;
  let letter: { draft: Draft; markdown: string };
  let audit: { draft: Draft; markdown: string };
  beforeAll(async () => {
    ({ engine, close } = await realCorpusEngine("cap-libre-trial5-drafts-"));
    letter = await write(engine, LETTER);
    audit = await write(engine, AUDIT);
  }, 180_000);
  afterAll(() => close?.());

  const local = () => letter.draft.versions[0]!.sections.find((s) => s.text.includes("Munich a économisé"))!;
  const sentenceWith = (words: string) => local().verification!.sentences.find((s) => s.text.includes(words))!;

  it("flags the claims the corpus contradicts, each with what the corpus says", () => {
    const munich = sentenceWith("n'est jamais revenue à Windows");
    expect(munich.status).toBe("unsupported");
    expect(munich.reasons.join(" ")).toMatch(/contraire.*retour à Windows/);
    const cloud = sentenceWith("Le CLOUD Act interdit");
    expect(cloud.status).toBe("unsupported");
    expect(cloud.reasons.join(" ")).toMatch(/contraire.*Aucune loi française n'interdit/);
    expect(cloud.reasons.join(" ")).not.toMatch(/« CLOUD » n'est pas nommé/);
    const schleswig = sentenceWith("25 000 postes sous Linux");
    expect(schleswig.status).toBe("unsupported");
    const flags = local().flags;
    expect(flags.find((f) => f.figure === "n'est jamais revenue à Windows")?.reason).toMatch(/contraire/);
    expect(flags.find((f) => f.figure.startsWith("Le CLOUD Act interdit"))?.reason).toMatch(/contraire/);
    expect(flags.find((f) => f.figure === "25 000")?.reason).toMatch(/inexact/);
    expect(letter.markdown).toContain("Chiffres à vérifier");
    expect(letter.markdown).toMatch(/\*\*n'est jamais revenue à Windows\*\* \*\*\[non vérifié\]\*\*/);
    expect(letter.markdown).toMatch(/\*\*25 000\*\* postes sous Linux en 2025 \*\*\[non vérifié\]\*\*/);
    expect(letter.markdown).toMatch(
      /^- [^\n]*\*\*n'est jamais revenue à Windows\*\*[^\n]*\*\*\[non vérifié\]\*\* \([^)]*— le corpus dit le contraire/m,
    );
  });

  it("checks the same way after an edit that keeps the claims and the quotations", async () => {
    const section = local();
    const edited = await editSection(engine, letter.draft.id, section.key, { text: section.text });
    const again = edited.versions.at(-1)!.sections.find((s) => s.key === section.key)!;
    expect(again.flags.map((f) => f.figure).sort()).toEqual(section.flags.map((f) => f.figure).sort());
    expect(again.verification!.counts.unsupported).toBe(section.verification!.counts.unsupported);
    for (const s of again.verification!.sentences)
      if (s.text.startsWith("> « ")) expect(s.status, s.text).not.toBe("unsupported");
  });

  it("never marks a verbatim quotation of a passage « non vérifié »", () => {
    for (const { draft, markdown } of [letter, audit]) {
      for (const line of markdown.split("\n").filter((l) => l.startsWith("> « ")))
        expect(line, line).not.toContain("[non vérifié]");
      for (const section of draft.versions[0]!.sections)
        for (const s of section.verification?.sentences ?? [])
          if (s.text.startsWith("> « ")) expect(s.status, s.text).not.toBe("unsupported");
    }
  });

  it("shows the user's own facts as their information, not as dubious, in the letter and the audit plan", () => {
    const own = sentenceWith("L'agglomération migre ses 1 800 postes");
    expect(own.text).toContain("en 2027 (selon nos informations).");
    expect(own.status).toBe("supported");
    expect(local().flags.map((f) => f.figure)).not.toContain("1 800");
    const sections = audit.draft.versions[0]!.sections;
    expect(sections.flatMap((s) => s.flags)).toEqual([]);
    expect(audit.markdown).not.toContain("Chiffres à vérifier");
    expect(audit.markdown).toContain(
      "Le contrat Microsoft 365 arrive à échéance en septembre 2027 (information de la collectivité). Belval",
    );
    const context = sections
      .flatMap((s) => s.verification?.sentences ?? [])
      .find((s) => s.text.includes("septembre 2027"))!;
    expect(context.status).toBe("supported");
  });
});
