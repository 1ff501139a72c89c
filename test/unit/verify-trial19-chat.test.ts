/**
 * trial19 H1 and M1 (generated chat answers), on other texts than the trial's: what a passage only reports or
 * predicts (a conditional, « affirme qu'… »), a change of state said of a subject that is no name (« La loi … a été
 * adoptée »), what a passage says it could not verify, a superlative no passage makes, and a sentence whose only
 * figures are the user's own are not verified; the same sentences kept with their reserve, or said by the passage,
 * stay verified; a figure given with its companions of the same statement is not swapped for another statement's.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const salon = {
  n: 1,
  text: "Le salon Libre en Vercors — Ce qu'en disent les visiteurs\nSous le compte rendu du 3 mars 2026, des visiteurs ont donné leur avis ; ce sont des avis, non des faits vérifiés. L'un trouvait l'accueil excellent, un autre prédisait qu'un salon organisé par une collectivité attirerait peu d'entreprises. Le cabinet Orvale affirme qu'une grande partie des exposants vient de la région lyonnaise. Selon l'organisateur, il n'y aurait plus de différence avec un salon privé pour 95 % des visiteurs. Le salon a réuni 420 visiteurs.",
};
const loi = {
  n: 2,
  text: "Chronologie du projet de loi Numérique local — 2025\n- 12 mai 2025 : projet de loi Numérique local présenté en Conseil des ministres.\n- 3 juillet 2025 : adoption en première lecture par le Sénat.",
};
const promulgation = {
  n: 4,
  text: "Le projet de loi Numérique local — Où en est le texte\nPoint non confirmé : la date de promulgation de la loi n'a pas pu être vérifiée dans nos sources.",
};
const parc = {
  n: 3,
  text: "La préfecture de Brévannes et son parc Linux — Les chiffres\nLa présentation de l'agglomération de Brévannes (2026) affirme que la préfecture compte 4 310 postes sous Linux, soit 97 % de son parc : ce chiffre n'est confirmé par aucune autre source. Le dernier chiffre vérifiable est celui de 3 600 postes, soit 85 % du parc, en 2022. Ses agents utilisent Jitsi, la fonction la plus utilisée étant le partage d'écran.",
};
const ministeres = {
  n: 5,
  text: "Le séminaire du 2 juin 2025 — Les décisions\nLa direction du numérique a annoncé qu'elle abandonnait le projet de messagerie commune en 2025. Chaque ministère définit sa feuille de route avant la fin de 2026.",
};
const check = (answer: string, options = {}) =>
  verifyText(answer, [salon, loi, parc, promulgation, ministeres], { checkUncited: true, ...options }).sentences;
const first = (answer: string, options = {}) => check(answer, options)[0]!;

describe("what the passage only reports or predicts, stated as fact", () => {
  it("is not verified: a conditional of the passage, « affirme qu'… », a figure only a reported statement gives", () => {
    const predicted = first("Un salon organisé par une collectivité attire peu d'entreprises [1].");
    expect(predicted.status).toBe("unsupported");
    expect(predicted.reasons.join(" ")).toMatch(/attirerait peu d'entreprises/);
    expect(first("Une grande partie des exposants vient de la région lyonnaise [1].").status).toBe("unsupported");
    expect(first("Le salon vaut un salon privé pour 95 % des visiteurs [1].").status).toBe("unsupported");
  });

  it("stays verified with its own reserve, or when the passage states it plainly", () => {
    expect(
      first("Selon le cabinet Orvale, une grande partie des exposants vient de la région lyonnaise [1].").status,
    ).toBe("supported");
    expect(
      first("Un visiteur prédisait qu'un salon organisé par une collectivité attirerait peu d'entreprises [1].").status,
    ).toBe("supported");
    expect(first("Le salon a réuni 420 visiteurs [1].").status).toBe("supported");
  });
});

describe("a change of state said of a subject that is no name", () => {
  it("is not verified where the cited sentences about it say another state (presented, not adopted)", () => {
    const s = first("La loi Numérique local a été adoptée en 2025 [2].");
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toMatch(/« a été adoptée »|présente comme/);
    const all = first("Tous les ministères ont abandonné le projet de messagerie commune [5].");
    expect(all.status).toBe("unsupported");
    expect(all.reasons.join(" ")).toMatch(
      /« ont abandonné » : le passage cité ne le dit pas de « Tous les ministères »/,
    );
  });

  it("is not verified where the passage says it could not verify it", () => {
    const s = first("La loi a été promulguée à l'automne 2025 [4].");
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toMatch(/n'a pas pu être vérifiée/);
  });

  it("stays verified when the passage says it, or in a condition", () => {
    expect(first("Le projet de loi a été présenté en Conseil des ministres le 12 mai 2025 [2].").status).toBe(
      "supported",
    );
    expect(first("Le texte a été adopté en première lecture par le Sénat le 3 juillet 2025 [2].").status).toBe(
      "supported",
    );
  });
});

describe("a superlative no passage makes", () => {
  it("is not verified, cited or not", () => {
    const s = first("Jitsi est le meilleur outil de visioconférence pour une préfecture.");
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toMatch(/« le meilleur » : ce jugement ne se trouve pas/);
    expect(first("Jitsi est le meilleur choix pour une préfecture [3].").status).toBe("unsupported");
  });

  it("stays verified when the passage makes it, for advice in a graded superlative, or when it ranks what the sentence names", () => {
    expect(first("Le partage d'écran est la fonction de Jitsi la plus utilisée [3].").status).toBe("supported");
    expect(first("Pour une préfecture, Jitsi est la solution la plus simple [3].").reasons.join(" ")).not.toMatch(
      /jugement/,
    );
    const ranked = check(
      "Le compte rendu date du 3 mars 2026 et le salon a réuni 420 visiteurs [1]. Le salon est donc le plus ancien des deux [1].",
    );
    expect(ranked[1]!.reasons.join(" ")).not.toMatch(/jugement/);
  });
});

describe("a figure with its companions of the same statement (trial19 G6)", () => {
  it("stays verified though its words are closer to another statement's figure", () => {
    expect(
      first("En 2022, la préfecture comptait environ 3 600 postes sous Linux, soit 85 % du parc [3].").status,
    ).toBe("supported");
  });
});

describe("a sentence whose only figures are the user's own (trial19 G1)", () => {
  const asked = ["nous sommes une commune de 2 700 habitants"];
  it("is held to its words", () => {
    const s = first("Une commune de 2 700 habitants échappe à toute obligation de promulgation [2].", { asked });
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toMatch(/l'essentiel de la phrase/);
  });
});
