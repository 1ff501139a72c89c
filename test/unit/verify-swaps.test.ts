/**
 * A true figure attached to the wrong thing, second round (issue #10, item 3): the year a sentence of the passage
 * gives its figure, the name in the place of another, the qualifier of another figure, words written with « œ ».
 * Each « flags » case below was marked « vérifié » before its rule; each « keeps » case is the correct sentence that
 * must stay so.
 */
import { describe, expect, it } from "vitest";
import { extractFigures } from "../../server/verify/figures.ts";
import { fractionFigures, verifyText } from "../../server/verify/index.ts";

const passages = [
  {
    n: 1,
    text: [
      "Millau Grands Causses : la présentation (2026) — Le Schleswig-Holstein, 25 000 postes « migrés »",
      "La présentation cite le Land comme un modèle, avec « 25 000 postes migrés en 2025 ».",
      "La présentation affirme que la Gendarmerie utilise Linux depuis 2008 et qu'elle a économisé 534 millions d'euros depuis 2004.",
    ].join("\n"),
  },
  {
    n: 2,
    text: ["Séminaire du 8 avril 2026 — Annonces", "La CNAM fait migrer ses 80 000 agents vers Visio et Tchap."].join(
      "\n",
    ),
  },
  {
    n: 3,
    text: [
      "Tchap — Ce que c'est",
      "Messagerie de l'État, créée en 2019 par la DINSIC sur le protocole Matrix, environ 375 000 utilisateurs actifs par mois.",
    ].join("\n"),
  },
  {
    n: 6,
    text: [
      "Le CNLL — La critique du contrat Microsoft de l'Éducation nationale",
      "Le ministère de l'Éducation nationale a conclu avec Microsoft un contrat de 152 millions d'euros. Le CNLL l'a dénoncé.",
    ].join("\n"),
  },
  {
    n: 4,
    text: [
      "Munich — La leçon de Munich : un retour à Windows",
      "Munich a migré 18 000 postes vers LiMux entre 2005 et 2013.",
      "La mise à jour de CrowdStrike a bloqué environ 8,5 millions d'appareils Windows, moins de 1 % du parc.",
    ].join("\n"),
  },
  {
    n: 5,
    text: [
      "Visio — Visio en chiffres",
      "Au 26 janvier 2026, Visio comptait 40 000 utilisateurs réguliers. Fin 2025, Visio dépassait 60 000 utilisateurs par mois.",
      "Les deux chiffres ne mesurent pas la même chose : 40 000 utilisateurs « réguliers » d'un côté (janvier 2026), plus de 60 000 utilisateurs mensuels de l'autre (fin 2025).",
      "Un produit répandu est VMware, utilisé par 90 % des grandes organisations ; la commande minimale est passée à 72 cœurs.",
    ].join("\n"),
  },
];

const check = (text: string) => verifyText(text, passages).sentences[0]!;

describe("the year a passage's sentence gives its figure", () => {
  it("flags a year of the heading when the figure's own sentence states another", () => {
    const v = check("La présentation cite le Land comme un modèle, avec « 25 000 postes migrés en 2026 » [1].");
    expect(v.status).toBe("unsupported");
    expect(v.reasons.join()).toContain("2026");
    expect(
      check("La présentation cite le Land comme un modèle, avec « 25 000 postes migrés en 2025 » [1].").status,
    ).toBe("supported");
  });

  it("keeps the year of the heading when the figure's sentence states none", () => {
    expect(check("En avril 2026, la CNAM a annoncé qu'elle fait migrer ses 80 000 agents vers Visio [2].").status).toBe(
      "supported",
    );
  });

  it("flags a year of the same sentence that is said of another fact", () => {
    const v = check("La présentation affirme que la Gendarmerie a économisé 534 millions d'euros depuis 2008 [1].");
    expect(v.status).toBe("unsupported");
    expect(
      check("La présentation affirme que la Gendarmerie a économisé 534 millions d'euros depuis 2004 [1].").status,
    ).toBe("supported");
  });
});

describe("a name in the place of another name of the passage", () => {
  it("flags the name of the heading put where the sentence names someone else", () => {
    const v = check(
      "Messagerie de l'État, créée en 2019 par la Tchap sur le protocole Matrix, environ 375 000 utilisateurs actifs par mois [3].",
    );
    expect(v.status).toBe("unsupported");
    expect(v.reasons.join()).toContain("DINSIC");
    expect(
      check(
        "Messagerie de l'État, créée en 2019 par la DINSIC sur le protocole Matrix, environ 375 000 utilisateurs actifs par mois [3].",
      ).status,
    ).toBe("supported");
    expect(check("Tchap compte environ 375 000 utilisateurs actifs par mois [3].").status).toBe("supported");
  });

  it("flags the name of the next sentence put in the place of the contractor", () => {
    expect(
      check("Le ministère de l'Éducation nationale a conclu avec CNLL un contrat de 152 millions d'euros [6].").status,
    ).toBe("unsupported");
    expect(
      check("Le ministère de l'Éducation nationale a conclu avec Microsoft un contrat de 152 millions d'euros [6].")
        .status,
    ).toBe("supported");
  });

  it("flags a name of the heading in the place of another, even when that other is said elsewhere in the sentence", () => {
    expect(check("Munich a migré 18 000 postes vers Windows entre 2005 et 2013 [4].").status).toBe("unsupported");
    expect(
      check(
        "La mise à jour de CrowdStrike a bloqué environ 8,5 millions d'appareils Munich, moins de 1 % du parc Windows [4].",
      ).status,
    ).toBe("unsupported");
    expect(check("Munich a migré 18 000 postes vers LiMux entre 2005 et 2013 [4].").status).toBe("supported");
  });
});

describe("what is counted, with its qualifier", () => {
  it("flags a count given the qualifier of another figure of the passage", () => {
    expect(
      check(
        "Les deux chiffres ne mesurent pas la même chose : 60 000 utilisateurs « réguliers » d'un côté (janvier 2026), plus de 40 000 utilisateurs mensuels de l'autre (fin 2025) [5].",
      ).status,
    ).toBe("unsupported");
    expect(
      check(
        "Les deux chiffres ne mesurent pas la même chose : 40 000 utilisateurs « réguliers » d'un côté (janvier 2026), plus de 60 000 utilisateurs mensuels de l'autre (fin 2025) [5].",
      ).status,
    ).toBe("supported");
  });

  it("keeps a qualifier no other figure has (the model's own precision)", () => {
    expect(check("Visio dépasse 60 000 utilisateurs mensuels actifs [5].").status).toBe("supported");
  });

  it("reads words written with « œ » (« 90 % des cœurs »)", () => {
    expect(check("VMware était utilisé par 90 % des cœurs [5].").status).toBe("unsupported");
    expect(check("La commande minimale de VMware est passée à 72 cœurs [5].").status).toBe("supported");
    expect(check("VMware était utilisé par 90 % des grandes organisations [5].").status).toBe("supported");
  });
});

describe("a year written apart from its figure", () => {
  const more = [
    {
      n: 1,
      text: [
        "VMware racheté par Broadcom (2023-2025) — Le « +430 % » de la présentation de Millau",
        "La présentation de Millau Grands Causses (2026) affirme que le prix de VMware a augmenté de 430 % après le rachat par Broadcom en 2023.",
      ].join("\n"),
    },
    {
      n: 2,
      text: [
        "AlpOSS — La troisième édition",
        "Le label a publié les résultats de l'édition 2021 en janvier.",
        "L'April siège au jury et a publié les résultats de l'édition 2025 : 37 collectivités ont été récompensées.",
        "La troisième édition s'est tenue le 17 février 2026. Elle a réuni plus de 500 participants, deux fois plus qu'en 2024.",
      ].join("\n"),
    },
  ];
  const first = (text: string) => verifyText(text, more).sentences[0]!;

  it("flags a year of the title of the heading given to the figure of its section", () => {
    expect(
      first("La présentation de Millau Grands Causses (2025) affirme que le prix de VMware a augmenté de 430 % [1].")
        .status,
    ).toBe("unsupported");
    expect(
      first("La présentation de Millau Grands Causses (2026) affirme que le prix de VMware a augmenté de 430 % [1].")
        .status,
    ).toBe("supported");
  });

  it("takes the year of a sentence before, unless the figure's sentence writes its own year in that place", () => {
    expect(first("La troisième édition s'est tenue en février 2026 : plus de 500 participants [2].").status).toBe(
      "supported",
    );
    expect(
      first("L'April a publié les résultats de l'édition 2021 : 37 collectivités ont été récompensées [2].").status,
    ).toBe("unsupported");
    expect(
      first("L'April a publié les résultats de l'édition 2025 : 37 collectivités ont été récompensées [2].").status,
    ).toBe("supported");
  });
});

describe("a figure the data only asks about", () => {
  it("checks the year of a figure of the question against the passage that states it", () => {
    const passage = [
      {
        n: 1,
        text: [
          "Gendarmerie — Les chiffres non confirmés",
          "Le total de 534 millions d'euros depuis 2004 n'est pas confirmé. La Gendarmerie utilise Linux depuis 2008.",
        ].join("\n"),
      },
    ];
    const facts = ["Question posée : Est-il vrai que les gendarmes ont économisé 534 millions d'euros ?"];
    const v = (text: string) => verifyText(text, passage, { facts }).sentences[0]!.status;
    expect(v("Le total de 534 millions d'euros depuis 2008 n'est pas confirmé [1].")).toBe("unsupported");
    expect(v("Le total de 534 millions d'euros depuis 2004 n'est pas confirmé [1].")).toBe("supported");
  });
});

describe("a product name after a colon", () => {
  it("reads « Microsoft 365 Copilot » opening a clause after a colon as a name, « : 80 agents » as a figure", () => {
    expect(
      extractFigures("L'exemple de Microsoft le montre : Microsoft 365 Copilot est vendu à 30 dollars.").map(
        (f) => f.raw,
      ),
    ).toEqual(["30"]);
    expect(extractFigures("Moyens : 80 agents, soixante postes.").map((f) => f.raw)).toEqual(["80"]);
    expect(extractFigures("Bilan : Les 80 agents ont migré.").map((f) => f.raw)).toEqual(["80"]);
  });
});

describe("words a model puts for what is counted", () => {
  it("reads « 500 personnes » for « 500 participants »", () => {
    const alposs = [
      {
        n: 1,
        text: "AlpOSS — La troisième édition\nLa troisième édition a réuni plus de 500 participants à Échirolles.",
      },
    ];
    expect(verifyText("La troisième édition a réuni plus de 500 personnes [1].", alposs).sentences[0]!.status).toBe(
      "supported",
    );
  });
});

describe("« soit »: a figure the passage states, not one the model computes", () => {
  const gendarmerie = [
    {
      n: 1,
      text: "Gendarmerie — Les chiffres\nLe dernier chiffre vérifiable est celui de 80 000 postes, soit 90 % du parc, en 2021.",
    },
  ];
  const status = (text: string) => verifyText(text, gendarmerie).sentences[0]!.status;

  it("keeps the share the passage gives with « soit »", () => {
    expect(status("En 2021, la Gendarmerie comptait 80 000 postes, soit 90 % du parc [1].")).toBe("supported");
  });

  it("flags a share or a count the model computes from it (its own arithmetic, no source)", () => {
    expect(status("En 2021, la Gendarmerie comptait 80 000 postes, soit 10 % de postes encore sous Windows [1].")).toBe(
      "unsupported",
    );
    expect(status("La Gendarmerie comptait 80 000 postes sous Linux, soit un parc d'environ 88 900 postes [1].")).toBe(
      "unsupported",
    );
  });
});

describe("a share written in words", () => {
  const shares = [
    {
      n: 1,
      text: [
        "Danemark — Le ministère",
        "Environ 47 % des agents du ministère travaillaient sur LibreOffice à l'été 2025.",
        "VMware était utilisé par 40 % des collectivités interrogées.",
        "Le dirigeant estime que plus de la moitié des entreprises auront changé d'hyperviseur d'ici 2030.",
      ].join("\n"),
    },
  ];
  const status = (text: string) => verifyText(text, shares).sentences[0]!.status;

  it("keeps a fraction that stands for the passage's share, or the passage's own words", () => {
    expect(status("Près de la moitié des agents du ministère travaillaient sur LibreOffice à l'été 2025 [1].")).toBe(
      "supported",
    );
    expect(
      status("Le dirigeant estime que plus de la moitié des entreprises auront changé d'hyperviseur d'ici 2030 [1]."),
    ).toBe("supported");
  });

  it("flags a fraction that is not the passage's share (« 40 %, soit près de la moitié »)", () => {
    expect(status("VMware était utilisé par 40 % des collectivités interrogées, soit près de la moitié [1].")).toBe(
      "unsupported",
    );
    expect(status("Les deux tiers des agents du ministère travaillaient sur LibreOffice à l'été 2025 [1].")).toBe(
      "unsupported",
    );
  });

  it("does not read « un tiers » as a share where it is a third party", () => {
    expect(fractionFigures("Confier ses données à un tiers, ou à un tiers de confiance.")).toEqual([]);
  });
});

describe("a product's version", () => {
  const java = [
    {
      n: 1,
      text: "Produit : Java SE —\nApparaît dans les inventaires sous les noms : Java 8 Update 401 ; Java(TM) 7 Update 80. Microsoft 365 Copilot est vendu à part.",
    },
  ];
  const status = (text: string) => verifyText(text, java).sentences[0]!.status;

  it("flags a version the passages do not name (« Java 31 Update 401 »), keeps the one they name", () => {
    expect(status("Apparaît dans les inventaires sous les noms : Java 31 Update 401 [1].")).toBe("unsupported");
    expect(status("Apparaît dans les inventaires sous les noms : Java 8 Update 401 [1].")).toBe("supported");
    expect(status("L'exemple le montre : Microsoft 365 Copilot est vendu à part [1].")).toBe("supported");
  });
});

describe("a passage of one line (a plan's fact)", () => {
  it("reads its years as its own, not as a heading's", () => {
    const facts = [{ n: 1, text: "Objectif : 30 % des installations au 31 décembre 2029." }];
    expect(
      verifyText("L'objectif reste de 30 % des installations au 31 décembre 2029 [1].", facts).sentences[0]!.status,
    ).toBe("supported");
  });
});
