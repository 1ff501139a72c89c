/**
 * trial11 A1, A2, A3 (model sentences left supported), on other people, places and figures than the trial's:
 * - A1: a role given by apposition (« X, <rôle> de Y, a fait … ») that no cited passage gives the person near their
 *   name, where the passage gives them another (« cofondateur de … », « ministre chargé de … »).
 * - A0: a figure the passage qualifies in the next sentence after a contrast (« Les dates … sont exactes, mais ces deux
 *   chiffres ne sont confirmés par aucune autre source ») keeps its qualification.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const check = (sentence: string, passages: string[]) => {
  const v = verifyText(
    sentence,
    passages.map((text, i) => ({ n: i + 1, text })),
  );
  return v.sentences[0]!;
};

describe("A1: a role given by apposition is compared with the role the passage gives the person", () => {
  const forum = [
    "Forum du libre de Vannes (2026) — Le salon\nLa quatrième édition du Forum du libre s'est tenue à Vannes le 12 mars 2026. Marion Kerbrat, cofondatrice de l'entreprise Kerlinux et organisatrice de l'événement, a accueilli 300 participants.",
  ];
  const land = [
    "Basse-Saxe : le projet — Qui porte le projet\nLa ministre chargée de l'économie numérique, Ilse Brandauer, porte le projet depuis 2024 ; le ministre-président du Land a soutenu la démarche.",
  ];

  it("flags « X, directrice du numérique de la ville de Y » where the passage calls X a cofounder and organiser", () => {
    const s = check(
      "Marion Kerbrat, directrice du numérique de la ville de Vannes, a organisé la quatrième édition du Forum du libre [1].",
      forum,
    );
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toMatch(/directrice/);
  });

  it("flags « X, ministre-présidente du Land » where the passage says « ministre chargée de l'économie numérique »", () => {
    const s = check("Ilse Brandauer, ministre-présidente du Land, porte le projet [1].", land);
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toMatch(/présidente/);
  });

  it("leaves alone the role the passage gives, in its words or shortened", () => {
    for (const [sentence, passages] of [
      ["Marion Kerbrat, cofondatrice de Kerlinux, a organisé la quatrième édition du Forum du libre [1].", forum],
      ["Marion Kerbrat, organisatrice de l'événement, a accueilli 300 participants [1].", forum],
      ["Ilse Brandauer, ministre chargée de l'économie numérique, porte le projet [1].", land],
      ["Ilse Brandauer, la ministre chargée du numérique, porte le projet depuis 2024 [1].", land],
    ] as const)
      expect([sentence, check(sentence, [...passages]).reasons]).toEqual([sentence, []]);
  });
});

describe("A0: a figure qualified after a contrast in the next sentence keeps its qualification", () => {
  const list = [
    "Présentation de Rodez Agglomération (2026) — Les exemples cités\n- Police municipale de Nantes : 4 212 postes sous Debian, 88 % du parc, Debian depuis 2011. Les dates de 2011 et 2015 sont exactes, mais ces deux chiffres ne sont confirmés par aucune autre source ; le dernier chiffre vérifiable est de 3 000 postes.",
  ];
  it("flags the figure stated as fact, not the figure said with its reserve nor the confirmed one", () => {
    const s = check("La police municipale de Nantes compte 4 212 postes sous Debian [1].", list);
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toMatch(/4 212.*confirm/);
    expect(
      check(
        "Selon la présentation, non confirmée, la police municipale de Nantes compterait 4 212 postes sous Debian [1].",
        list,
      ).reasons,
    ).toEqual([]);
    expect(check("La police municipale de Nantes utilise Debian depuis 2011 [1].", list).reasons).toEqual([]);
  });
});

describe("A2: a figure taken from the question in a concluding sentence", () => {
  const passages = [
    "Le plan climat-air-énergie territorial (PCAET) — Qui doit l'adopter\nLe PCAET est obligatoire pour les intercommunalités de plus de 50 000 habitants. Une commune doit donc vérifier la situation de son intercommunalité.",
  ];
  const asked = { asked: ["Notre intercommunalité de 35 000 habitants est-elle soumise au PCAET ?"] };
  const first = (sentence: string) =>
    verifyText(
      sentence,
      passages.map((text, i) => ({ n: i + 1, text })),
      asked,
    ).sentences[0]!;

  it("flags the conclusion drawn from the question's figure, with the passage's figure", () => {
    const s = first("Votre intercommunalité de 35 000 habitants est donc soumise au PCAET [1].");
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toMatch(/35 000.*question.*50 000 habitants/);
  });

  it("leaves the question's figure repeated as context, without a conclusion", () => {
    for (const ok of [
      "Pour une intercommunalité de 35 000 habitants comme la vôtre, le PCAET est obligatoire au-delà de 50 000 habitants [1].",
      "Votre intercommunalité de 35 000 habitants doit donc vérifier sa situation [1].",
    ])
      expect([ok, first(ok).reasons]).toEqual([ok, []]);
  });
});

describe("A3: a sentence cited to the wrong passage", () => {
  const passages = [
    "Autres collectivités : pourquoi ce document — Présentation\nAu-delà des cas détaillés ailleurs (Ville de Grenoble, Montreuil, Ville de Nancy), d'autres grandes villes françaises ont annoncé l'abandon de Google.",
    "Ville de Grenoble : la messagerie — Le choix\nEn mars 2024, Grenoble a été l'une des premières grandes villes françaises à annoncer l'abandon de Google Workspace à l'échelle de ses services.",
  ];
  const first = (sentence: string) =>
    verifyText(
      sentence,
      passages.map((text, i) => ({ n: i + 1, text })),
    ).sentences[0]!;

  it("flags the sentence whose cited passage has most of its words but not all, naming the passage that says it", () => {
    const s = first(
      "Grenoble est ainsi l'une des premières grandes villes françaises à annoncer l'abandon de Google à l'échelle de ses services [1].",
    );
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toMatch(/passage \[2\]/);
  });

  it("leaves the sentence cited to its passage, and one its cited passage says", () => {
    for (const ok of [
      "Grenoble est ainsi l'une des premières grandes villes françaises à annoncer l'abandon de Google à l'échelle de ses services [2].",
      "D'autres grandes villes françaises, comme Montreuil ou Nancy, ont annoncé l'abandon de Google [1].",
    ])
      expect([ok, first(ok).reasons]).toEqual([ok, []]);
  });
});

describe("A2: a conclusion on the right side of the passage's threshold", () => {
  it("leaves « concernée » for a figure above « plus de X »", () => {
    const passages = [
      "Le plan climat (PCAET) — Qui doit l'adopter\nLe PCAET est obligatoire pour les intercommunalités de plus de 20 000 habitants.",
    ];
    const s = verifyText(
      "Votre intercommunalité de 35 000 habitants est donc soumise au PCAET [1].",
      passages.map((text, i) => ({ n: i + 1, text })),
      { asked: ["Notre intercommunalité de 35 000 habitants est-elle soumise au PCAET ?"] },
    ).sentences[0]!;
    expect(s.reasons).toEqual([]);
  });
});
