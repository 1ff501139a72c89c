/**
 * trial17 D3 and faithful-blind-17, on other texts and collectivités than the trial's:
 * - a deed the sentence states as done (« ont déjà remis ») where the cited passage says none was (« aucun rapport …
 *   n'était encore remis »), the passage naming its subject by an adjective of the same family (« ministériel »);
 * - a peer's outcome promised to the collectivité the document is written for (« Comme Boé, Kerbriac obtiendra … »);
 * - what the cited passage gives as an opinion (« Sa conclusion relève de l'opinion : … ») or as the word of an
 *   interested party (« selon le dirigeant …, il n'y aurait plus … pour 95 % des usages ») stated as a fact.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const one = (sentence: string, text: string, facts: string[] = []) =>
  verifyText(sentence, [{ n: 1, text }], { facts }).sentences[0]!;

describe("a deed stated as done where the cited passage says none was (« aucun … n'était encore … »)", () => {
  const passage =
    "La circulaire du 3 mars — Les rapports\nChaque ministère doit remettre d'ici l'été son rapport sur les licences. Au moment de la rédaction, aucun rapport ministériel n'était encore remis.";
  it("flags « ont déjà remis », an adverb between the auxiliary and the participle", () => {
    const s = one("Plusieurs ministères ont déjà remis leur rapport [1].", passage);
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toMatch(/dit le contraire.*aucun rapport ministériel/);
  });
  it("leaves alone what the passage says", () => {
    expect(one("Aucun ministère n'a encore remis son rapport [1].", passage).reasons.join(" ")).not.toMatch(
      /contraire/,
    );
    expect(one("Chaque ministère doit remettre son rapport d'ici l'été [1].", passage).status).toBe("supported");
  });
});

describe("a peer's outcome promised to the collectivité (« Comme Boé, Kerbriac obtiendra … »)", () => {
  const passage =
    "Boé : une petite commune labellisée — Ce qui a été reconnu\nEn novembre 2025, Boé a obtenu le label Territoire Numérique Libre au niveau « Or ».";
  const facts = ["Collectivité : Kerbriac (Finistère, Bretagne)", "Contexte : la commune vise le label en 2028."];
  it("flags a future outcome of the collectivité compared to the peer the passage is about", () => {
    const s = one("Comme Boé, Kerbriac obtiendra le niveau Or en 2028 [1].", passage, facts);
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toMatch(/« obtiendra » : un résultat de « Boé » promis à « Kerbriac »/);
    expect(one("Comme Boé, votre commune obtiendra le label au niveau Or [1].", passage).status).toBe("unsupported");
  });
  it("leaves alone advice, the peer's own outcome, and a comparison in the past", () => {
    expect(one("Comme Boé, Kerbriac pourrait viser le niveau Or [1].", passage, facts).reasons.join(" ")).not.toMatch(
      /promis/,
    );
    expect(one("En novembre 2025, Boé a obtenu le label au niveau Or [1].", passage, facts).status).toBe("supported");
  });
});

describe("an opinion or an interested party's word stated as a fact", () => {
  const opinion =
    "Présentation de Rodez (2026) — La méthode\nLa présentation propose de partir des usages réels. Sa conclusion relève de l'opinion : la mutualisation est le moyen le plus rapide et le moins coûteux de l'autonomie, et « chaque service mutualisé » retire un contrat.";
  it("flags what follows « relève de l'opinion : » stated without its reserve", () => {
    const s = one("La mutualisation est le moyen le plus rapide et le moins coûteux de l'autonomie [1].", opinion);
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toMatch(/rapporte cela sans le tenir pour établi/);
  });
  it("leaves alone the same opinion credited, and what the passage states", () => {
    expect(
      one(
        "Selon la présentation, la mutualisation est le moyen le plus rapide et le moins coûteux de l'autonomie [1].",
        opinion,
      ).reasons.join(" "),
    ).not.toMatch(/établi/);
    expect(one("La présentation propose de partir des usages réels [1].", opinion).status).toBe("supported");
  });
  const interested =
    "Autres collectivités — Saint-Lys\nLa commune a remplacé sa messagerie par Oxygène, suite de l'éditeur français Valmy. L'article reprend aussi des affirmations d'acteurs intéressés, à lire comme telles : selon l'éditeur Valmy, le prix des licences a pu doubler ; selon le dirigeant de Valmy, il n'y aurait plus d'écart fonctionnel avec Google pour 95 % des usages.";
  it("flags a figure only an interested party's conditional gives, stated as a fact (« présente » is no reserve)", () => {
    const s = one("Oxygène ne présente plus aucun écart fonctionnel avec Google pour 95 % des usages [1].", interested);
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toMatch(/95 % des usages/);
    expect(
      one("La commune a remplacé sa messagerie par Oxygène, suite de l'éditeur français Valmy [1].", interested).status,
    ).toBe("supported");
  });
});
