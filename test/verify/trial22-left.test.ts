/**
 * Clean-clone trial22's findings left open at f01f2ffb, each from the real case the trial wrote down
 * (`/work/notes/trial22-FINDINGS.md`): the document sentences the verifier let through.
 */
import { describe, expect, it } from "vitest";
import { contextContradictions } from "../../server/verify/context-contradiction.ts";
import { verifyText } from "../../server/verify/index.ts";

/** The passages the letter's section « Le cadre national » was written from (trial22, draft 2026-12-07-1d3dff5d). */
const NATIONAL = [
  "Deuxième décision : un plan de réduction des dépendances par ministère d'ici l'automne 2026\nChaque ministère, y " +
    "compris les opérateurs publics qui en dépendent, doit formaliser d'ici l'automne 2026 son propre plan de réduction " +
    "des dépendances extra-européennes (It's FOSS et Linuxiac, avril 2026). Ces plans doivent couvrir sept catégories : " +
    "le poste de travail, les outils collaboratifs, l'antivirus, l'intelligence artificielle, les bases de données, la " +
    "virtualisation et les équipements réseau.",
  "Lors du séminaire interministériel du 8 avril 2026, l'État a demandé à chaque ministère de formaliser d'ici l'automne " +
    "2026 un plan de réduction de ses dépendances extra-européennes.",
  "Ce que ces étapes signifient pour une collectivité\nCes annonces visent l'État et ses opérateurs ; aucune n'impose " +
    "d'obligation nouvelle aux collectivités territoriales. Elles fournissent néanmoins des repères utiles.",
].map((text, i) => ({ n: i + 1, text }));

const LETTER_FACTS = [
  "Collectivité destinataire : Vernouillac (commune, Charente, Nouvelle-Aquitaine, 4200 habitants).",
  "Expéditeur : Les Claviers libres du Sarzeine.",
  "Demandes : engager une étude ; Publier avant juin 2027 la liste des logiciels et services en ligne utilises par la mairie.",
];

describe("trial22 T-H2: a duty the model concludes for the commune, citing nothing", () => {
  const section =
    "Lors de ce séminaire, l'État a demandé à chaque ministère de formaliser un plan de réduction de ses dépendances [2]. " +
    "Les communes sont désormais tenues de réduire leurs dépendances extra-européennes [1]. " +
    "Vernouillac doit donc lancer son plan dès 2027.";

  it("« Vernouillac doit donc lancer son plan dès 2027. » is not verified", () => {
    const v = verifyText(section, NATIONAL, { facts: LETTER_FACTS, modelText: section });
    const s = v.sentences.find((x) => x.text.startsWith("Vernouillac"))!;
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toMatch(/doit/);
  });

  it("the same sentence written by the sender (not the model) stays the sender's own", () => {
    const v = verifyText(section, NATIONAL, { facts: LETTER_FACTS });
    const s = v.sentences.find((x) => x.text.startsWith("Vernouillac"))!;
    expect(s.status).not.toBe("unsupported");
  });

  it.each([
    // Not a conclusion: no « donc ».
    "Nous proposons à Vernouillac de lancer son plan en 2027.",
    // A conclusion that is no rule.
    "Vernouillac peut donc s'inspirer de ces plans.",
  ])("« %s » (uncited, the model's) is not flagged as a rule", (sentence) => {
    const text = `Lors de ce séminaire, l'État a demandé à chaque ministère de formaliser un plan [2]. ${sentence}`;
    const v = verifyText(text, NATIONAL, { facts: LETTER_FACTS, modelText: text });
    const s = v.sentences.at(-1)!;
    expect(s.reasons.join(" ")).not.toMatch(/conclusion du modèle/);
  });
});

/** The DSI's context of trial22's roadmap (Communauté de communes du Val de Sarzeine), as typed. */
const SARZEINE =
  "La paie et les carrieres tournent sous BL.RH (Berger-Levrault), qui n'existe qu'en client lourd Windows : les 4 " +
  "postes du service RH doivent rester sous Windows tant que l'editeur n'a pas livre sa version web. Le marche " +
  "antivirus Kaspersky se termine le 30 juin 2027. Le conseil communautaire a vote le 18 novembre 2026 un objectif de " +
  "40 % d'exposition ponderee fin 2028. Les ecoles dependent de l'Education nationale pour Pronote.";

describe("trial22 T-H3: roadmap sentences contradicting the DSI's context", () => {
  const WINDOWS10 = {
    n: 1,
    text: "Windows 10 (poste de travail)\nFin du support des éditions courantes : le 14 octobre 2025. Alternatives : Ubuntu, Debian.",
  };
  const check = (section: string) =>
    contextContradictions(
      verifyText(section, [WINDOWS10], { facts: [`Contexte local : ${SARZEINE}`] }),
      SARZEINE,
      "2026-12-07",
    ).sentences[0]!;

  it.each([
    // What « qui n'existe qu'en client lourd Windows » is said of: the name before « , qui ».
    ["BL.RH fonctionne sous Linux depuis sa version 2024.", /n'existe qu'en client lourd Windows/],
    // …and what runs under it (« La paie et les carrieres tournent sous BL.RH »).
    ["Le logiciel de paie est entièrement compatible avec Ubuntu.", /n'existe qu'en client lourd Windows/],
    // What must stay under Windows, said to move to another system.
    ["Les 4 postes du service RH passeront sous Ubuntu dès mars 2027, avec BL.RH.", /doivent rester sous Windows/],
  ])("« %s » is flagged, its reason quoting the context", (section, quoted) => {
    const s = check(section);
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toMatch(/contexte que vous avez saisi/);
    expect(s.reasons.join(" ")).toMatch(quoted);
  });

  it.each([
    "Le principal risque est la paie : BL.RH n'existe qu'en client lourd Windows.",
    "Les 4 postes du service RH resteront sous Windows tant que l'éditeur n'a pas livré sa version web.",
    "Les postes du service RH passeront sous Windows 11.",
    "Les postes de l'accueil passeront sous Ubuntu en mars 2027.",
    "Le serveur de fichiers tourne sous Debian.",
    "Si BL.RH fonctionnait sous Linux, les postes RH pourraient changer.",
    // The roadmap's own template, quoting the context (read in the trial's roadmap after the rule).
    "4 postes restent sous Windows : « La paie et les carrieres tournent sous BL.RH (Berger-Levrault), qui n'existe qu'en client lourd Windows : les 4 postes du service RH doivent rester sous Windows tant que l'editeur n'a pas livre sa version web » ; non planifiés pour changer de système.",
    "La paie et les carrières tournent sous BL.RH depuis 2019.",
  ])("« %s » is not flagged for the context", (section) => {
    expect(check(section).reasons.join(" ")).not.toMatch(/contexte que vous avez saisi/);
  });
});
