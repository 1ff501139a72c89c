/**
 * trial24 T-H3 and T-H4 (`/work/notes/trial24-FINDINGS.md`), on the real corpus: the association's letter to the mayor
 * of Castelvérac opened, with the model, on « Depuis le 8 avril 2026, les collectivités territoriales ont l'obligation de
 * quitter Microsoft[^1]. » and printed « Les communes voisines ont toutes déjà quitté Microsoft. », both unmarked;
 * without a model, the association's own « Le RGPD interdit aux communes d'utiliser des logiciels américains. » was
 * printed as fact (a passage denying the ban, « Aucune loi française n'interdit … », read as giving it).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Draft } from "../../server/drafting/types.ts";
import { draftOnRealCorpus } from "../helpers/drafts.ts";

const RGPD = "Le RGPD interdit aux communes d'utiliser des logiciels américains.";

/** trial24's letter (/tmp/trial24/asso/letter.json), as the association typed it. */
const LETTER = {
  type: "letter",
  inputs: {
    collectivite: {
      name: "Castelvérac",
      kind: "commune",
      department: "Aveyron",
      region: "Occitanie",
      population: 2600,
    },
    sender: {
      name: "Ségalas Numérique Libre",
      description:
        "association loi 1901 qui tient une permanence numérique à la médiathèque de Castelvérac depuis 2022",
      signatory: "Anouk Terrisse, présidente",
      contact: "contact@segalas-libre.fr",
    },
    recipient: { name: "Josiane Farguettes", role: "maire de Castelvérac", civility: "Madame" },
    tone: "ferme",
    context:
      "La mairie de Castelvérac utilise Microsoft 365 pour la messagerie des élus et des agents. Le contrat arrive à " +
      `échéance en septembre 2026. Les délibérations sont publiées uniquement au format .docx. ${RGPD} La commune ` +
      "voisine de Lunac est passée à LibreOffice en 2025.",
    requests: [
      "study",
      "Publier les délibérations au format PDF et ODT d'ici le 1er juillet 2026",
      "public-information",
    ],
    subject: "Messagerie de la mairie et formats ouverts",
    place: "Castelvérac",
    date: "2026-12-07",
  },
};

const OBLIGED = "Depuis le 8 avril 2026, les collectivités territoriales ont l'obligation de quitter Microsoft [1].";
const ALL_PEERS = "Les communes voisines ont toutes déjà quitté Microsoft.";

const sentencesOf = (draft: Draft) => draft.versions[0]!.sections.flatMap((s) => s.verification?.sentences ?? []);

describe("trial24 T-H3: the model letter's obligation and its absolute over the neighbours (fake model, real corpus)", () => {
  let draft: Draft;
  let markdown: string;
  beforeAll(async () => {
    ({ draft, markdown } = await draftOnRealCorpus("cap-libre-trial24-letter-m-", LETTER, `${OBLIGED} ${ALL_PEERS}`));
  }, 240_000);

  it("marks « ont l'obligation de quitter Microsoft » non vérifié", () => {
    const obliged = sentencesOf(draft).filter((s) => s.text.includes("ont l'obligation de quitter"));
    expect(obliged.length).toBeGreaterThan(0);
    for (const s of obliged) expect(s.status).toBe("unsupported");
    expect(markdown).toMatch(/ont l'obligation de quitter Microsoft(?:\[\^\d+\])? \*\*\[non vérifié\]\*\*/);
  });

  it("marks « Les communes voisines ont toutes déjà quitté Microsoft » non vérifié", () => {
    expect(markdown).toMatch(/ont toutes déjà quitté Microsoft \*\*\[non vérifié\]\*\*\./);
  });
});

describe("trial24 T-H4: the association's ban of « logiciels américains » (no model, real corpus)", () => {
  let markdown: string;
  beforeAll(async () => {
    ({ markdown } = await draftOnRealCorpus("cap-libre-trial24-letter-a-", LETTER));
  }, 240_000);

  it("marks the ban non vérifié", () => {
    expect(markdown).toContain(RGPD.slice(0, -1));
    expect(markdown).toMatch(/d'utiliser des logiciels américains(?:\*\*)? \*\*\[non vérifié\]\*\*/);
    expect(markdown).toMatch(/« interdit aux » : le corpus ne dit pas que c'est interdit/);
  });
});
