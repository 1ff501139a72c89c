/**
 * trial23 T-H4, on the real corpus with the fake model: the association's letter (Logiciels libres en Arvèze → the mayor
 * of Lestrigou) printed, unmarked, « Le conseil municipal de Lestrigou a eu raison de refuser LibreOffice en mars
 * 2026[^6]. » with a footnote to an unrelated passage: a judgement of the commune's own act that neither its context
 * (« Le conseil municipal a refuse en mars 2026 d'etudier LibreOffice ») nor any passage says.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Draft } from "../../server/drafting/types.ts";
import { draftOnRealCorpus } from "../helpers/drafts.ts";

const LETTER = {
  type: "letter",
  inputs: {
    collectivite: { name: "Lestrigou", kind: "commune", department: "Lot", region: "Occitanie", population: 3100 },
    sender: {
      name: "Logiciels libres en Arvèze",
      description:
        "association loi 1901 qui anime depuis 2021 un repair cafe numerique et des ateliers linux a Lestrigou",
      signatory: "Maëlle Dartigue, présidente",
      contact: "bonjour@libres-arveze.fr",
    },
    recipient: { name: "Bertrand Ollivaud", role: "maire de Lestrigou", civility: "Monsieur" },
    tone: "courtois",
    context:
      "la mairie de lestrigou heberge les donnees de l'etat civil sur google drive. Le conseil municipal a refuse en " +
      "mars 2026 d'etudier LibreOffice. L'antivirus des 14 postes de la mairie est Kaspersky.",
    requests: ["study", "public-information"],
    subject: "Sortir l'etat civil de Google Drive et etudier nos dependances numeriques",
    place: "Lestrigou",
    date: "2026-12-07",
  },
};

const JUDGED = "Le conseil municipal de Lestrigou a eu raison de refuser LibreOffice en mars 2026 [1].";
const SAID = "Le conseil municipal de Lestrigou a refusé en mars 2026 d'étudier LibreOffice [1].";

describe("trial23 T-H4: the letter's judgement of the commune's own act (fake model, real corpus)", () => {
  let draft: Draft;
  let markdown: string;
  beforeAll(async () => {
    ({ draft, markdown } = await draftOnRealCorpus("cap-libre-trial23-letter-", LETTER, `${SAID} ${JUDGED}`));
  }, 180_000);

  it("marks « a eu raison de refuser » non vérifié, and not what the context says", () => {
    const sentences = draft.versions[0]!.sections.flatMap((s) => s.verification?.sentences ?? []);
    const judged = sentences.filter((s) => s.text.includes("a eu raison de refuser"));
    expect(judged.length).toBeGreaterThan(0);
    for (const s of judged) expect(s.status).toBe("unsupported");
    for (const s of sentences.filter((x) => x.text.includes("a refusé en mars 2026")))
      expect(s.reasons.join(" ")).not.toMatch(/ne disent cela de la collectivité/);
    expect(markdown).toMatch(/a eu raison de refuser LibreOffice en mars 2026(?:\[\^\d+\])? \*\*\[non vérifié\]\*\*/);
  });
});
