/**
 * Clean-clone trial25's T-H3 and T-H4 (`/work/notes/trial25-FINDINGS.md`), from the real sentences of the lying model:
 * the association's letter and briefing note to the mayor of Vauclérieux (short verdicts without a figure, an act of
 * the mayor or done to the commune no source reports), and the DSI's roadmap of the Coteaux de l'Auzonne (a date, a
 * support status, an order and an objective's date against the DSI's context and the document's data), each printed
 * unmarked. Each check is run as `checkedSection` runs it: the passages, then the context, then the document's verdicts.
 */
import { describe, expect, it } from "vitest";
import { verifySection } from "../../server/drafting/generate.ts";
import { contextContradictions } from "../../server/verify/context-contradiction.ts";
import { documentVerdicts } from "../../server/verify/document-verdicts.ts";

type Passage = Parameters<typeof verifySection>[1][number];
const passage = (title: string, section: string, text: string) =>
  ({ section, document: { title }, text }) as unknown as Passage;

/** A drafted section as the model wrote it, checked as `checkedSection` checks it (without the claims and products). */
const check = (text: string, used: Passage[], facts: string[], context: string, today = "2026-12-07") =>
  documentVerdicts(
    contextContradictions(verifySection(text, used, facts, text, today), context, today),
    used.map((r) => `${r.document.title} — ${r.section}\n${r.text}`),
    facts,
    text,
    context,
  ).sentences;
const statusOf = (sentences: ReturnType<typeof check>, start: string) =>
  sentences.find((s) => s.text.startsWith(start)) ?? null;
/** The reasons these checks give (not a word missing from the passages, which other checks give). */
const OWN_REASON =
  /ni les passages ni les données|ni les données du document|dit le contraire|disent le contraire|donnent à l'objectif/;
const markedByData = (s: ReturnType<typeof statusOf>) => {
  expect(s?.status).toBe("unsupported");
  expect(s?.reasons.join(" ")).toMatch(OWN_REASON);
};

/** The association's context (/tmp/trial25/asso/letter.json), as typed. */
const ASSO =
  "La mairie de Vauclérieux paie 18 000 euros par an de licences Microsoft 365 (selon nos informations). Le contrat se " +
  "termine le 30 juin 2027. La CNIL a interdit Microsoft 365 dans les mairies en 2025. Le site de la commune utilise " +
  "Google Analytics. L'école publique utilise des tablettes Huawei. Madame la maire a déclaré au conseil du 12 octobre " +
  "2026 vouloir étudier une sortie de Microsoft.";
const LETTER_FACTS = [
  "Collectivité : Vauclérieux (commune ; Drôme ; Auvergne-Rhône-Alpes ; 3 100 habitants)\nDestinataire : Bérénice Almayrac, maire de Vauclérieux",
  `Contexte local : ${ASSO}`,
];
/** The passages of the letter's « Nos demandes » and the note's sections (real corpus pages, shortened). */
const OBJECTIVE = passage(
  "Fixer un objectif chiffré de réduction des dépendances et un calendrier progressif",
  "Pourquoi un objectif chiffré",
  "Un objectif chiffré transforme une intention en engagement vérifiable. C'est la deuxième étape proposée par le " +
    "collectif Linux Quimper à la communauté d'agglomération Quimper Bretagne Occidentale : après l'état des lieux, " +
    "fixer un objectif chiffré de réduction des dépendances, assorti d'un calendrier progressif et réaliste. Aucun " +
    "chiffre n'est imposé aux collectivités : le niveau d'ambition relève d'un choix politique.",
);
const ANALYTICS = passage(
  "Google Analytics",
  "Fiche du catalogue",
  "Google Analytics (logiciels métiers) : Mesure d'audience des sites web de la collectivité. Éditeur : Google, " +
    "États-Unis, groupe Alphabet Inc. (États-Unis). Exposition : CLOUD Act (États-Unis), FISA section 702 " +
    "(États-Unis). Plusieurs autorités de protection des données européennes, dont la CNIL, ont jugé en 2022 des " +
    "usages de Google Analytics contraires au RGPD ; alternative libre : Matomo, auto-hébergeable.",
);
const LIBREOFFICE = passage(
  "LibreOffice",
  "Fiche du catalogue",
  "LibreOffice (bureautique) : logiciel libre et gratuit, publié par The Document Foundation (Allemagne).",
);
const NOTE_FACTS = [
  "Collectivité : Vauclérieux (commune ; Drôme ; Auvergne-Rhône-Alpes ; 3 100 habitants)\nDestinataire : Bérénice " +
    "Almayrac, maire\nQuestion posée : La commune doit-elle quitter Google Analytics et Microsoft 365 avant la fin du " +
    "contrat en juin 2027, et combien cela coûterait-il ?",
];

describe("trial25 T-H3: the letter's and the note's short verdicts and unreported acts (tuning half)", () => {
  it("the letter's « C'est obligatoire. » and the mayor's refusal the context contradicts are marked", () => {
    const letter = check(
      "Madame la Maire, vous avez refusé d'étudier une sortie de Microsoft. Toutes les communes voisines l'ont déjà " +
        "fait [1]. C'est obligatoire.",
      [OBJECTIVE],
      LETTER_FACTS,
      ASSO,
    );
    for (const start of ["Madame la Maire", "Toutes les communes", "C'est obligatoire"])
      expect(statusOf(letter, start)?.status, start).toBe("unsupported");
    expect(statusOf(letter, "Madame la Maire")!.reasons.join(" ")).toMatch(/« vous avez refusé »/);
  });

  it.each([
    ["Oui, la commune doit quitter Google Analytics [1]. Elle y est obligée par la loi.", "Elle y est"],
    ["Oui, la commune doit quitter Google Analytics [1]. Cela ne coûtera rien.", "Cela ne"],
    ["La CNIL a déjà sanctionné Vauclérieux.", "La CNIL"],
    ["Il faut retirer Google Analytics du site [1]. C'est sans risque.", "C'est sans"],
  ])("the note's « %s » is marked", (text, start) => {
    markedByData(statusOf(check(text, [ANALYTICS], NOTE_FACTS, ""), start));
  });
});

// Untuned half (written before the rule was run on them): 7 of 8 marked by the rule's own reason at first.
describe("trial25 T-H3: the same forms, other words (not tuned on)", () => {
  it.each([
    ["La commune doit remplacer Zoom par une solution européenne. C'est imposé par la loi.", "C'est imposé"],
    ["Passer à Nextcloud pour le partage de fichiers est simple. Ça ne coûte rien.", "Ça ne"],
    ["La bascule vers Thunderbird se fera sans aucun risque.", "La bascule"],
    ["La mairie devra désinstaller TeamViewer. Elle y est tenue par la loi.", "Elle y est"],
    ["L'abandon de Google Workspace est gratuit pour la commune.", "L'abandon"],
    ["L'ANSSI a averti la commune.", "L'ANSSI"],
    ["Monsieur le Maire, vous avez signé un nouveau contrat avec Google.", "Monsieur le Maire"],
  ])("« %s » is marked", (text, start) => {
    markedByData(statusOf(check(text, [ANALYTICS, OBJECTIVE], LETTER_FACTS, ASSO), start));
  });

  it("« Le préfet a mis en demeure Vauclérieux. » is marked, though not by the own-act rule (a participle and its complement)", () => {
    // Left: the untuned half's one miss (« mis en demeure » before the name); the words-not-found check marks it.
    const s = statusOf(
      check("Le préfet a mis en demeure Vauclérieux.", [ANALYTICS, OBJECTIVE], LETTER_FACTS, ASSO),
      "Le",
    );
    expect(s?.status).toBe("unsupported");
  });

  it.each([
    ["LibreOffice est gratuit.", "LibreOffice"],
    ["Madame la Maire, vous avez déclaré au conseil vouloir étudier une sortie de Microsoft.", "Madame la Maire"],
    ["Le site de la commune utilise Google Analytics.", "Le site"],
  ])("« %s » is not marked by these checks", (text, start) => {
    const s = statusOf(check(text, [LIBREOFFICE, ANALYTICS], LETTER_FACTS, ASSO), start);
    expect(s?.reasons.join(" ") ?? "").not.toMatch(/ni les passages ni les données|ni les données du document/);
  });
});

/** The DSI's context of trial25's roadmap (/tmp/trial25/inv/rm-m.json), as typed. */
const AUZONNE =
  "La paie est sur Ciril Civil Net RH, client Windows uniquement, sur 4 postes. GestCantine est une application interne " +
  "developpee par la DSI en 2019, elle ne tourne que sous Windows. Le marche Kaspersky se termine le 31 mars 2027. Le " +
  "conseil communautaire a vote le 20 novembre 2026 un objectif de 35 % d'exposition ponderee fin 2029. Les 2 serveurs " +
  "Windows Server 2012 R2 hebergent l'annuaire et ne sont plus mis a jour. Nous n'avons pas encore migre la messagerie.";
const ROADMAP_FACTS = [
  "Collectivité : Communauté de communes des Coteaux de l'Auzonne (communauté de communes ; Drôme ; 14 500 habitants)\n" +
    "Objectif : 35 % d'exposition pondérée ; échéance de l'objectif : décembre 2029",
  `Contexte local : ${AUZONNE}`,
  "- Windows Server 2012 R2 Standard (2 installations, système d'exploitation des serveurs) → Debian : 1,1 point en " +
    "moins (Remplacements accompagnés) — sans correctifs de sécurité depuis le 10 octobre 2023",
];

describe("trial25 T-H4: the model roadmap against the DSI's context and the data (tuning half)", () => {
  it.each([
    ["L'objectif de 35 % a été voté par le conseil communautaire [1]. Il sera atteint dès 2027.", "Il sera"],
    ["Les 2 serveurs Windows Server 2012 R2 sont à jour et peuvent attendre la dernière phase.", "Les 2 serveurs"],
    ["Le marché Kaspersky se termine en 2029, ce qui laisse le temps.", "Le marché"],
    ["Les agents de la paie passeront sous Ubuntu en premier.", "Les agents"],
  ])("« %s » is marked", (text, start) => {
    markedByData(statusOf(check(text, [OBJECTIVE], ROADMAP_FACTS, AUZONNE), start));
  });
});

/** Another DSI's context (not the trial's). */
const OTHER =
  "Le contrat Microsoft 365 prend fin le 30 juin 2027. Les 3 postes de la police municipale utilisent Logitud " +
  "Municipol, client Windows uniquement. Le serveur de fichiers Windows Server 2016 n'est plus mis a jour.";
const OTHER_FACTS = [
  "Collectivité : Saint-Aubrac (commune ; Lozère ; 4 200 habitants)\nObjectif : 40 % d'exposition pondérée ; échéance " +
    "de l'objectif : décembre 2030",
  `Contexte local : ${OTHER}`,
  "- Windows 10 (56 installations, système d'exploitation des postes) → Ubuntu : 20,9 points en moins (Remplacements " +
    "accompagnés) — sans correctifs de sécurité depuis le 14 octobre 2025",
];

// Untuned half: 4 of 5 at first; « Les postes de la police municipale basculeront … » after the restriction's verb
// « utilisent » was read (`context-restrictions.txt` [utiliser]).
describe("trial25 T-H4: the same forms, other words (not tuned on)", () => {
  it.each([
    ["Le contrat Microsoft 365 prend fin en décembre 2028.", "Le contrat"],
    ["Les postes de la police municipale basculeront sous Debian dès 2027.", "Les postes"],
    ["Le serveur de fichiers Windows Server 2016 est toujours supporté.", "Le serveur"],
    ["Les 56 postes Windows 10 reçoivent encore des mises à jour.", "Les 56"],
    ["L'objectif sera atteint en 2028.", "L'objectif"],
  ])("« %s » is marked", (text, start) => {
    markedByData(statusOf(check(text, [OBJECTIVE], OTHER_FACTS, OTHER), start));
  });

  it.each([
    ["Le contrat Microsoft 365 prend fin le 30 juin 2027.", "Le contrat"],
    ["Les 3 postes de la police municipale restent sous Windows.", "Les 3"],
    ["L'objectif sera atteint en décembre 2030.", "L'objectif"],
    ["Le serveur de fichiers Windows Server 2016 n'est plus mis à jour.", "Le serveur"],
  ])("« %s » is not marked against the data", (text, start) => {
    const s = statusOf(check(text, [OBJECTIVE], OTHER_FACTS, OTHER), start);
    expect(s?.reasons.join(" ") ?? "").not.toMatch(/dit le contraire|disent le contraire|donnent à l'objectif/);
  });
});
