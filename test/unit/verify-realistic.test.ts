/**
 * Correct answers as a real model writes them must stay « vérifié » (issue #10, item 3; the faithfulness suite's
 * realistic kinds): each rule that stopped a false flag, with the true sentence it keeps supported and the lie it
 * still flags. Every « keeps » case below was marked « non vérifié » before its rule.
 */
import { describe, expect, it } from "vitest";
import { extractFigures } from "../../server/verify/figures.ts";
import { approximates, splitSentences, verifyText } from "../../server/verify/index.ts";

const passages = [
  {
    n: 1,
    text: [
      "Munich — LiMux",
      "Munich a migré entre 15 000 et 18 000 postes vers LiMux entre 2005 et 2013.",
      "La ville a fait état d'économies de 11,7 millions d'euros.",
      "La plateforme a accompagné plus de 233 projets et 29 appels à projets.",
    ].join("\n"),
  },
  {
    n: 2,
    text: [
      "Séminaire du 8 avril 2026 — Annonces",
      "La DINUM a annoncé qu'elle quittait Windows ; un média l'estime à environ 200 à 250 postes.",
      "La Caisse nationale d'Assurance maladie (CNAM) fait migrer ses 80 000 agents vers Visio en 2026.",
      "Le montant de 300 milliards est confirmé par le rapport ; le chiffre de 300 entreprises n'a pas été retrouvé ailleurs.",
    ].join("\n"),
  },
  {
    n: 3,
    text: [
      "Microsoft — Copilot",
      "Microsoft 365 Copilot est vendu en option à 30 dollars par utilisateur et par mois.",
      "OX App Suite est publié sous licence AGPL-3.0 par Open-Xchange (Allemagne).",
      "La mise à jour de CrowdStrike a bloqué environ 8,5 millions d'appareils Windows en 2024.",
    ].join("\n"),
  },
];

const statuses = (text: string) => verifyText(text, passages).sentences.map((s) => s.status);
const first = (text: string) => verifyText(text, passages).sentences[0]!;

describe("a numbered list stays one sentence per item", () => {
  it("keeps « 1. » with its item, at the start of a line or after a full stop on the same line", () => {
    expect(splitSentences("Les points :\n1. La DINUM quitte Windows [2].\n2. La CNAM migre [2].")).toEqual([
      "Les points :",
      "1. La DINUM quitte Windows [2].",
      "2. La CNAM migre [2].",
    ]);
    expect(splitSentences("Caler chaque bascule. 4. Prévoir un pilote. 5. Publier les indicateurs.")).toEqual([
      "Caler chaque bascule.",
      "4. Prévoir un pilote.",
      "5. Publier les indicateurs.",
    ]);
    expect(statuses("Les points principaux :\n1. La CNAM fait migrer ses 80 000 agents vers Visio [2].")).toEqual([
      "no-claim",
      "supported",
    ]);
    // The item's own figure is still checked.
    expect(first("1. La CNAM fait migrer ses 90 000 agents vers Visio [2].").status).toBe("unsupported");
  });
});

describe("what a year or a name is said of ends at a coordinated clause", () => {
  it("keeps a synthesis of two passages joined by « , et » or « , tandis que »", () => {
    for (const joiner of [", et", ", tandis que"])
      expect(
        first(
          `Munich a migré entre 15 000 et 18 000 postes vers LiMux entre 2005 et 2013${joiner} la CNAM fait migrer ses 80 000 agents vers Visio en 2026 [1][2].`,
        ).status,
      ).toBe("supported");
  });

  it("still flags a name put beside a figure in the same clause", () => {
    expect(first("La DINUM fait migrer ses 80 000 agents vers Visio en 2026 [2].").status).toBe("unsupported");
    expect(first("La CNAM fait migrer ses 80 000 agents vers Visio en 2013 [2].").status).toBe("unsupported");
  });
});

describe("a question, or the question restated, states nothing", () => {
  it("does not check « Vous demandez : « … ? » », a question, « Votre question porte sur … »", () => {
    for (const text of [
      "Vous demandez : « Est-il vrai que les gendarmes ont économisé 534 millions d'euros ? »",
      "La Corée du Sud migre-t-elle 3,3 millions d'ordinateurs depuis 2023 ?",
      "Votre question porte sur ce point : l'accord UE–États-Unis protège-t-il nos données.",
    ])
      expect(first(text).status, text).toBe("no-claim");
  });

  it("still checks the same content stated as a fact", () => {
    expect(first("Les gendarmes ont économisé 534 millions d'euros.").status).toBe("unsupported");
  });
});

describe("a rounded figure stands for the source's", () => {
  it("keeps « près de 12 millions d'euros » for 11,7 millions and « plus de 230 projets » for 233", () => {
    expect(first("La ville a fait état d'économies de près de 12 millions d'euros [1].").status).toBe("supported");
    expect(first("La plateforme a accompagné plus de 230 projets [1].").status).toBe("supported");
  });

  it("still flags a figure that is not round, too far, on the wrong side, or not introduced as rounded", () => {
    expect(first("La ville a fait état d'économies de près de 11,9 millions d'euros [1].").status).toBe("unsupported");
    expect(first("La ville a fait état d'économies de près de 13 millions d'euros [1].").status).toBe("unsupported");
    expect(first("La plateforme a accompagné plus de 240 projets [1].").status).toBe("unsupported");
    expect(first("La ville a fait état d'économies de 12 millions d'euros [1].").status).toBe("unsupported");
  });

  it("reads the rule on two figures", () => {
    const [twelve] = extractFigures("12 millions d'euros");
    const [source] = extractFigures("11,7 millions d'euros");
    expect(approximates(twelve!, source!, "près de")).toBe(true);
    expect(approximates(twelve!, source!, "moins de")).toBe(true);
    expect(approximates(twelve!, source!, "plus de")).toBe(false);
    const [forty] = extractFigures("40 %");
    const [thirtySix] = extractFigures("36 %");
    expect(approximates(forty!, thirtySix!, "près de")).toBe(false); // 4 points: not « près de »
  });
});

describe("what a figure counts, in a model's words", () => {
  it("keeps « 200 à 250 ordinateurs » for « 200 à 250 postes » and « 80 000 fonctionnaires » for « agents »", () => {
    expect(first("Un média l'estime à environ 200 à 250 ordinateurs [2].").status).toBe("supported");
    expect(first("La CNAM fait migrer ses 80 000 fonctionnaires vers Visio [2].").status).toBe("supported");
  });

  it("keeps a common word after the counted noun, not another name", () => {
    expect(first("La plateforme a accompagné plus de 233 projets locaux [1].").status).toBe("supported");
    expect(first("La mise à jour de CrowdStrike a bloqué environ 8,5 millions d'appareils Linux [3].").status).toBe(
      "unsupported",
    );
  });

  it("still flags a count given to something else", () => {
    expect(first("La CNAM fait migrer ses 80 000 serveurs vers Visio [2].").status).toBe("unsupported");
  });
});

describe("each figure written twice is read at its own place", () => {
  it("keeps « 300 milliards … 300 entreprises » when the source says both", () => {
    expect(
      first(
        "Le montant de 300 milliards est confirmé par le rapport ; le chiffre de 300 entreprises n'a pas été retrouvé [2].",
      ).status,
    ).toBe("supported");
  });
});

describe("product names and versions are not figures", () => {
  it("reads « Microsoft 365 Copilot » opening a sentence and « AGPL-3.0 » as names, « Les 80 agents » as a figure", () => {
    expect(extractFigures("Microsoft 365 Copilot est vendu à 30 dollars.").map((f) => f.raw)).toEqual(["30"]);
    expect(extractFigures("Publié sous licence AGPL-3.0 par Open-Xchange.")).toEqual([]);
    expect(extractFigures("Les 80 agents de la DSI.").map((f) => f.raw)).toEqual(["80"]);
    expect(
      first(
        "Microsoft 365 Copilot est vendu en option à 30 dollars par utilisateur et par mois, et OX App Suite est publié sous licence AGPL-3.0 [3].",
      ).status,
    ).toBe("supported");
  });
});

describe("Cap Libre's own notes are not the claim", () => {
  it("ignores a freshness note in italics after the sentence", () => {
    expect(
      first(
        "Munich a migré entre 15 000 et 18 000 postes vers LiMux [1]. *(« Munich » : situation décrite par une source du 9 octobre 2020, il y a plus d'un an ; elle a pu changer depuis.)*",
      ).status,
    ).toBe("supported");
  });
});

describe("a name found only in a passage's heading", () => {
  const pages = [
    {
      n: 1,
      text: [
        "Sécurix et Bureautix — Annonce",
        "Le 8 avril 2026, la DINUM a annoncé un parc estimé à 200 à 250 postes sous Linux.",
      ].join("\n"),
    },
    { n: 2, text: ["Munich — LiMux", "La ville a fait état d'économies de 11,7 millions d'euros."].join("\n") },
  ];
  const status = (text: string) => verifyText(text, pages).sentences[0]!.status;

  it("is not given a figure its sentence gives to another subject", () => {
    expect(status("La Sécurix a annoncé un parc estimé à 200 à 250 postes sous Linux [1].")).toBe("unsupported");
    expect(status("La DINUM a annoncé un parc estimé à 200 à 250 postes sous Linux [1].")).toBe("supported");
  });

  it("is given a figure whose sentence names no subject (« La ville … »)", () => {
    expect(status("Munich a fait état d'économies de 11,7 millions d'euros [2].")).toBe("supported");
  });
});
