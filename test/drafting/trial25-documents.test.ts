/**
 * Clean-clone trial25's findings on the documents (`/work/notes/trial25-FINDINGS.md`): the model's footnote call
 * « [^1] » read as the figure « 1 », whose flag broke the association's own « 1er mars 2027 » (T-M3) and printed a
 * literal « [^1] » in ODT, DOCX and PDF (T-L1); the association's ban and absolute printed as its own information
 * (T-M7); the progress note's « Aucune dépense n'a été engagée. » supported (T-M8); the DSI's own GestCantine checked
 * against the corpus (T-M9).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { attributedContext, contextClaims } from "../../server/drafting/documents/common.ts";
import { cleanGenerated } from "../../server/drafting/generate.ts";
import type { Draft } from "../../server/drafting/types.ts";
import { verifyAgainstPlan } from "../../server/tracking/progress-note-model.ts";
import { draftOnRealCorpus } from "../helpers/drafts.ts";

/** trial25's letter (/tmp/trial25/asso/letter.json), as the association typed it. */
const LETTER = {
  type: "letter",
  inputs: {
    collectivite: {
      name: "Vauclérieux",
      kind: "commune",
      department: "Drôme",
      region: "Auvergne-Rhône-Alpes",
      population: 3100,
    },
    sender: {
      name: "Auzonne Logiciels Communs",
      description:
        "association loi 1901 qui anime un atelier d'informatique libre à la salle des fêtes de Vauclérieux depuis 2021",
      signatory: "Solène Varambaud, présidente",
      contact: "bonjour@auzonne-libre.fr",
    },
    recipient: { name: "Bérénice Almayrac", role: "maire de Vauclérieux", civility: "Madame" },
    tone: "ferme",
    context:
      "La mairie de Vauclérieux paie 18 000 euros par an de licences Microsoft 365 (selon nos informations). Le contrat " +
      "se termine le 30 juin 2027. Le site de la commune utilise Google Analytics. Madame la maire a déclaré au conseil " +
      "du 12 octobre 2026 vouloir étudier une sortie de Microsoft.",
    requests: ["study", "Retirer Google Analytics du site de la commune avant le 1er mars 2027", "public-information"],
    subject: "Logiciels de la mairie et données des habitants",
    place: "Vauclérieux",
    date: "2026-12-07",
  },
};

/** The lying model's « Nos demandes » (first run of trial25): its first sentence is dropped (a request of its own). */
const REPLY =
  "Nous vous demandons de rendre votre plan avant le 1er janvier 2026. Toutes les communes voisines l'ont déjà " +
  "fait[^1]. C'est obligatoire.";

describe("trial25 T-M3, T-L1, T-H3: the model letter's footnote calls and short verdicts (fake model, real corpus)", () => {
  let draft: Draft;
  let markdown: string;
  beforeAll(async () => {
    ({ draft, markdown } = await draftOnRealCorpus("cap-libre-trial25-letter-m-", LETTER, REPLY));
  }, 240_000);

  it("prints the association's request date as typed, unflagged", () => {
    expect(markdown).toContain("avant le 1er mars 2027");
    expect(markdown).not.toMatch(/\*\*1\*\* \*\*\[à vérifier\]\*\*/);
  });

  it("reads the model's « [^1] » as its citation, never as a figure « 1 »", () => {
    expect(markdown).not.toMatch(/\[\^\*\*\d+\*\*\]/);
    const reasons = draft.versions[0]!.sections.flatMap((s) => s.verification?.sentences ?? []).flatMap(
      (s) => s.reasons,
    );
    expect(reasons.join(" ")).not.toContain("le chiffre « 1 »");
  });

  it("marks « C'est obligatoire. » non vérifié", () => {
    expect(markdown).toMatch(/C'est obligatoire \*\*\[non vérifié\]\*\*\./);
  });
});

describe("trial25 T-L1: a model's footnote call is its citation", () => {
  it.each([
    ["en 2026[^1]. Puis[^2][^3].", "en 2026[1]. Puis[2][3]."],
    ["**31 décembre 2026**[^1]", "**31 décembre 2026**[1]"],
  ])("« %s » is cleaned to « %s »", (text, clean) => {
    expect(cleanGenerated(text, "Titre")).toBe(clean);
  });
});

describe("trial25 T-M7: a ban or an absolute the user states of others is checked", () => {
  const ASSO =
    "Le RGPD interdit aux communes d'utiliser des logiciels américains. Google Analytics est interdit par la CNIL " +
    "depuis 2022. Le Cloud Act permet au gouvernement américain de lire tous les courriels de la mairie. La mairie a " +
    "perdu ses données en 2025 à cause d'une panne Microsoft.";
  it("the trial's two claims are claims, the mairie's own loss is not", () => {
    const claims = contextClaims(ASSO, "Vauclérieux");
    expect(claims).toContain("Google Analytics est interdit par la CNIL depuis 2022");
    expect(claims).toContain("Le Cloud Act permet au gouvernement américain de lire tous les courriels de la mairie");
    expect(claims.some((c) => c.startsWith("La mairie a perdu"))).toBe(false);
  });

  // Same forms, other words (not tuned on).
  it.each([
    ["Zoom est désormais interdit par l'ANSSI dans les collectivités.", true],
    ["WhatsApp est proscrit par la circulaire de 2023.", true],
    ["La loi SREN permet à l'État de contrôler tous les hébergeurs de la commune.", true],
    ["Tous les postes de la mairie sont sous Windows 10.", false],
    ["Le site de la commune est hébergé chez OVHcloud.", false],
  ])("« %s » is a claim: %s", (clause, claim) => {
    expect(contextClaims(clause, "Vauclérieux").length > 0).toBe(claim);
  });
});

describe("trial25 T-M9: the map's own software in the DSI's context is theirs", () => {
  const CONTEXT =
    "GestCantine est une application interne developpee par la DSI en 2019, elle ne tourne que sous Windows. Le " +
    "Cloud Act s'applique à Microsoft.";
  const OWN = ["GestCantine (appli interne DSI)", "Kaspersky Endpoint Security"];
  it("attributes GestCantine to the collectivité, still checks what it says of others", () => {
    const name = "Communauté de communes des Coteaux de l'Auzonne";
    expect(contextClaims(CONTEXT, name, OWN)).toEqual(["Le Cloud Act s'applique à Microsoft"]);
    expect(attributedContext(CONTEXT, name, "information de la collectivité", undefined, OWN)).toContain(
      "elle ne tourne que sous Windows (information de la collectivité).",
    );
  });
});

describe("trial25 T-M8: a progress note's verdict without a figure, against the plan's facts", () => {
  const FACTS = [
    "Objectif : réduire de 35 % l'exposition pondérée d'ici le 31 décembre 2029. Réduction mesurée au dernier inventaire (7 décembre 2026) : 6 points.",
    "Kaspersky Endpoint Security : pas encore commencé ; 16 installations au départ, 16 aujourd'hui.",
  ];
  it.each([
    // The trial's sentence (the tuning half), then the same form in other words (not tuned on).
    "Aucune dépense n'a été engagée.",
    "Le remplacement de Kaspersky n'a rien coûté.",
    "La migration s'est faite sans aucun risque.",
  ])("« %s » is not supported", (sentence) => {
    const [s] = verifyAgainstPlan(sentence, FACTS).sentences;
    expect(s!.status).toBe("unsupported");
  });

  it("a sentence the facts give stays supported", () => {
    const [s] = verifyAgainstPlan("Kaspersky Endpoint Security n'est pas encore remplacé [2].", FACTS).sentences;
    expect(s!.reasons.join(" ")).not.toMatch(/ni les passages ni les données/);
  });
});
