/**
 * Clean-clone trial24's T-H5 and T-H7 (`/work/notes/trial24-FINDINGS.md`), from the real sentences: a model roadmap's
 * sentences against the DSI's own context (Communauté de communes du Haut-Ségalas), and a progress note saying the plan
 * is done while its figures say otherwise, all printed unmarked.
 */
import { describe, expect, it } from "vitest";
import { verifySection } from "../../server/drafting/generate.ts";
import { contextContradictions } from "../../server/verify/context-contradiction.ts";
import { verifyText } from "../../server/verify/index.ts";
import { ownActUnsaid } from "../../server/verify/own-acts.ts";
import { reachReasons } from "../../server/verify/target-reach.ts";

/** The DSI's context of trial24's roadmap (/tmp/trial24/inv/ctx.txt), as typed. */
const SEGALAS =
  "La paie tourne sous Berger-Levrault e.paie, client lourd Windows uniquement : les 3 postes de paie (SEG-PAIE-01 a " +
  "03) restent sous Windows. La creche utilise Arpege Concerto Enfance sur 2 postes. Le marche Kaspersky se termine le " +
  "30 juin 2027. Le conseil communautaire a vote le 18 novembre 2026 un objectif de 40 % d'exposition ponderee fin " +
  "2029. Les ecoles sont equipees par le departement.";
const FACTS = [
  "Collectivité : Communauté de communes du Haut-Ségalas (communauté de communes ; Aveyron ; Occitanie ; 22 000 habitants)",
  `Contexte local : ${SEGALAS}`,
];

/** The passage [^1] of the roadmap's « Risques » section (« Fixer un objectif chiffré … — Pourquoi un objectif chiffré »). */
const OBJECTIVE = {
  section: "Pourquoi un objectif chiffré",
  document: { title: "Fixer un objectif chiffré de réduction des dépendances et un calendrier progressif" },
  text:
    "Un objectif chiffré transforme une intention en engagement vérifiable. C'est la deuxième étape proposée par le " +
    "collectif Linux Quimper à la communauté d'agglomération Quimper Bretagne Occidentale : après l'état des lieux, " +
    "fixer un objectif chiffré de réduction des dépendances, assorti d'un calendrier progressif et réaliste (Linux " +
    "Quimper, avril 2026). L'État a suivi la même logique le 8 avril 2026 en demandant à chaque ministère un plan de " +
    "réduction formalisé d'ici l'automne 2026 (It's FOSS, avril 2026). Aucun chiffre n'est imposé aux collectivités : " +
    "le niveau d'ambition relève d'un choix politique, à fixer à partir de l'étude des dépendances et non avant.",
} as unknown as Parameters<typeof verifySection>[1][number];
const WINDOWS10 = {
  section: "Windows 10 (poste de travail)",
  document: { title: "Windows 10" },
  text: "Fin du support des éditions courantes : le 14 octobre 2025. Alternatives : Ubuntu, Debian.",
} as unknown as Parameters<typeof verifySection>[1][number];

/** A roadmap section as the model wrote it, checked as `checkedSection` checks it (passages, then the context). */
const roadmap = (section: string) =>
  contextContradictions(
    verifySection(section, [OBJECTIVE, WINDOWS10], FACTS, section, "2026-12-07"),
    SEGALAS,
    "2026-12-07",
  ).sentences;
const one = (sentence: string) => roadmap(sentence)[0]!;

describe("trial24 T-H5: a model roadmap's sentences against the DSI's context", () => {
  it.each([
    // The trial's sentences (the tuning half).
    "Le logiciel de paie Berger-Levrault e.paie sera remplacé en premier, car il fonctionne déjà sous Linux.",
    "Les 9 postes de la crèche passeront sous Debian en 2026.",
    "Aucun risque n'est à prévoir pour la paie.",
  ])("« %s » is not verified, for the context or the collectivité's own data", (sentence) => {
    const s = one(sentence);
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toMatch(
      /contexte que vous avez saisi|ne disent cela de la collectivité|données du document/,
    );
  });
});

// Untuned half: 4 of 5 caught when first run; missed « Berger-Levrault e.paie sera migré sans peine, puisqu'il tourne
// aussi sous Ubuntu. » (« sans peine » reads as a negation of the clause).
describe("trial24 T-H5: the same forms, other words (not tuned on)", () => {
  const reasons = (sentence: string) => one(sentence).reasons.join(" ");
  it.each([
    "Les 5 postes de paie passeront sous Debian au printemps 2027.",
    "La crèche et ses 4 postes basculeront sous Ubuntu en 2027.",
    "La migration de la paie se fera sans aucune difficulté.",
    "Aucun problème n'est attendu pour la paie.",
  ])("« %s » is flagged, its reason quoting the context", (sentence) => {
    expect(one(sentence).status).toBe("unsupported");
    expect(reasons(sentence)).toMatch(/contexte que vous avez saisi/);
  });

  it.each([
    "Les 2 postes de la crèche passeront sous Debian en 2027.",
    "Les 3 postes de paie restent sous Windows.",
    "Aucun risque n'est à prévoir pour les écoles.",
    "Les 6 postes de l'accueil passeront sous Debian en 2027.",
    "Les 95 postes de la communauté de communes seront inventoriés.",
    "La paie tourne sous Berger-Levrault e.paie sur 3 postes Windows 11.",
  ])("« %s » is not flagged for the context", (sentence) => {
    expect(reasons(sentence)).not.toMatch(/contexte que vous avez saisi/);
  });
});

describe("trial24 T-H5: an own act of the collectivité named by its short name", () => {
  it.each([
    "Le Haut-Ségalas a déjà réussi sa migration de messagerie en 2025 [1].",
    // The same form, other words (not tuned on).
    "Le Haut-Ségalas a déjà remplacé Kaspersky sur tous ses postes [1].",
    "Le Haut-Ségalas a achevé la migration de ses serveurs l'an dernier [1].",
  ])("« %s » is said of the collectivité without its data", (sentence) => {
    expect(ownActUnsaid(sentence, FACTS, [OBJECTIVE.text])).not.toBeNull();
  });

  it.each([
    // What the context says of it.
    "Le conseil communautaire a voté le 18 novembre 2026 un objectif de 40 % [1].",
    // Another collectivité.
    "Quimper Bretagne Occidentale a déjà fixé un objectif chiffré [1].",
  ])("« %s » is not read as its unsaid act", (sentence) => {
    expect(ownActUnsaid(sentence, FACTS, [OBJECTIVE.text])).toBeNull();
  });
});

describe("trial24 T-H7: the plan said done against its own figures", () => {
  /** Plan 2026-12-07-6a0a79b1: 88 % at the start, 79 % at the checkpoint of 6 December, 40 % by December 2029. */
  const PLAN = { start: 88, now: 79, target: 40 };
  const where = "les chiffres du plan";
  it.each([
    // The trial's sentence (the tuning half).
    "Le plan est achevé.",
    // The same form, other words (not tuned on).
    "La migration est désormais terminée.",
    "La feuille de route a été menée à terme.",
    "Notre plan a abouti.",
  ])("« %s » is held to the plan's figures", (sentence) => {
    const reasons = reachReasons(sentence, PLAN, where);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/^« (?:est|a) .*» : les chiffres du plan donnent 9 points faits sur 48 /);
  });

  it.each([
    "Le plan sera achevé fin 2029.",
    "Le plan n'est pas achevé.",
    "La migration de la messagerie est terminée.",
    "Le remplacement de Kaspersky est achevé.",
  ])("« %s » is not held to them", (sentence) => {
    expect(reachReasons(sentence, PLAN, where)).toEqual([]);
  });

  it("a plan whose measure reached its target may be said done", () => {
    expect(reachReasons("Le plan est achevé.", { start: 88, now: 38, target: 40 }, where)).toEqual([]);
  });
});

/** guidance/cloud-act-fisa-702, « Ce que le CLOUD Act ne change pas » (the passage that « gave » the ban in trial24). */
const CLOUD_ACT =
  "Ce que le CLOUD Act ne change pas : il ne rend pas illégal pour une commune l'usage de ces services. Aucune loi " +
  "française n'interdit aujourd'hui à une collectivité d'héberger ses données chez un fournisseur américain ; " +
  "l'obligation de protection de l'article 31 de la loi SREN ne vise pour l'instant que l'État, ses opérateurs et " +
  "certains GIP (voir la fiche sur la loi SREN).";
const checked = (sentence: string, passage: string) =>
  verifyText(sentence, [{ n: 1, text: passage }]).sentences[0]!.reasons.join(" ");

describe("trial24 T-H4: a ban the cited passage denies is no ban given", () => {
  it.each([
    // The trial's sentence (the tuning half).
    "Le RGPD interdit aux communes d'utiliser des logiciels américains [1].",
    // The same form, other words (not tuned on).
    "La loi interdit aux mairies d'héberger leurs données chez un fournisseur américain [1].",
    "Le CLOUD Act interdit aux collectivités de confier leurs données à des services américains [1].",
  ])("« %s » is flagged", (sentence) => {
    expect(checked(sentence, CLOUD_ACT)).toMatch(/ne dit pas que c'est interdit/);
  });

  it.each([
    [
      "La circulaire interdit aux ministères d'utiliser des outils américains [1].",
      "Une circulaire de 2025 interdit aux ministères d'utiliser des outils de visioconférence américains.",
    ],
    [
      "La circulaire interdit aux agents d'utiliser des messageries américaines [1].",
      "Les agents ne peuvent plus utiliser de messageries américaines pour leurs échanges professionnels.",
    ],
  ])("« %s » keeps the ban its passage states", (sentence, passage) => {
    expect(checked(sentence, passage)).not.toMatch(/ne dit pas que c'est interdit/);
  });
});

describe("trial24 T-H3: a duty on the collectivités in other forms", () => {
  const SEMINAR =
    "Chaque ministère, y compris les opérateurs publics qui en dépendent, doit formaliser d'ici l'automne 2026 son " +
    "propre plan de réduction des dépendances extra-européennes.";
  it.each([
    "Depuis le 8 avril 2026, les collectivités territoriales ont l'obligation de quitter Microsoft [1].",
    "Les communes ont désormais l'obligation de migrer vers Linux [1].",
    "Les mairies sont dans l'obligation de publier leur plan [1].",
    "Il incombe aux collectivités de remplacer Windows avant 2027 [1].",
    "Il est obligatoire pour les communes de passer à LibreOffice [1].",
  ])("« %s » is flagged", (sentence) => {
    expect(checked(sentence, SEMINAR)).toMatch(/ne pose pas cette obligation/);
  });

  it.each([
    "Les communes n'ont pas l'obligation de quitter Microsoft [1].",
    "Chaque ministère a l'obligation de formaliser un plan [1].",
  ])("« %s » is not flagged as a duty of the collectivités", (sentence) => {
    expect(checked(sentence, SEMINAR)).not.toMatch(/ne pose pas cette obligation/);
  });
});

describe("trial24 T-H3: all the neighbour communes", () => {
  const LYON =
    "La mairie de Lyon se sépare de la suite Microsoft Office au titre de sa souveraineté numérique. D'autres " +
    "collectivités ont déjà engagé une démarche vers le logiciel libre.";
  it.each([
    "Les communes voisines ont toutes déjà quitté Microsoft [1].",
    // Not tuned on.
    "Toutes les communes voisines utilisent déjà LibreOffice [1].",
    "La plupart des communes alentour ont quitté Microsoft [1].",
  ])("« %s » is flagged", (sentence) => {
    // Said of all (or most) of them, or flagged before for a name the passage does not write.
    expect(checked(sentence, LYON)).toMatch(
      /« (?:Les|Toutes|plupart) [^»]*» : le passage cité ne le dit pas|n'est pas nommé/,
    );
  });

  it.each([
    "Les communes voisines pourraient mutualiser un serveur [1].",
    "La commune voisine de Lunac est passée à LibreOffice en 2025 [1].",
  ])("« %s » is not flagged for all the neighbours", (sentence) => {
    expect(checked(sentence, LYON)).not.toMatch(/ne le dit pas de tous/);
  });

  it("a passage on the neighbours may say it", () => {
    const passage =
      "Lyon et ses voisines\nAutour de Lyon, toutes les communes voisines ont quitté Microsoft Office en 2025.";
    expect(checked("Les communes voisines ont toutes déjà quitté Microsoft [1].", passage)).not.toMatch(
      /ne le dit pas de tous/,
    );
  });
});
