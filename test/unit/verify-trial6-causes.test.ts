/**
 * Causes of the false claims the sixth new-user trial saw pass the verifier (trial6 findings A1, A4, A8: a fake model
 * scripted to write wrong sentences), each in a general form on passages of its own (other subjects than the trial's):
 * the wrong sentence is flagged, the right one still passes.
 */
import { describe, expect, it } from "vitest";
import { askedContext } from "../../server/answers/answer.ts";
import { verifyText } from "../../server/verify/index.ts";

const check = (sentence: string, passages: string[], asked: string[] = []) =>
  verifyText(
    sentence,
    passages.map((text, i) => ({ n: i + 1, text })),
    { asked },
  ).sentences[0]!;
const status = (sentence: string, ...passages: string[]) => check(sentence, passages).status;

describe("A1: a negation whose subject is a pronoun", () => {
  const passage =
    "Le schéma régional des données — Ce que cela signifie pour une commune\nLe schéma régional des données et ses annexes s'adressent aux services de la région : ils ne s'imposent pas aux communes membres. Ils restent une référence utile.";
  it("« X s'impose aux communes » against « ils ne s'imposent pas aux communes » (ils = X, said just before)", () => {
    const wrong = check("Le schéma régional des données s'impose aux communes membres [1].", [passage]);
    expect(wrong.status).toBe("unsupported");
    expect(wrong.reasons.join(" ")).toContain("dit le contraire");
  });
  it("the sentence that keeps the negation, or says what the first clause says, passes", () => {
    expect(status("Le schéma régional des données ne s'impose pas aux communes membres [1].", passage)).toBe(
      "supported",
    );
    expect(status("Le schéma régional des données s'adresse aux services de la région [1].", passage)).toBe(
      "supported",
    );
  });
});

describe("A1: a pronoun's clause keeps its own words for opposites", () => {
  it("« fournisseurs européens » against « fournisseurs américains », the next clause opening with « Il »", () => {
    const passage =
      "Le rapport régional — Contexte\nLe rapport de la région replace le projet dans un contexte de méfiance envers les fournisseurs américains. Il cite le cas d'une commune bretonne.";
    expect(
      status(
        "Le rapport de la région replace le projet dans un contexte de méfiance envers les fournisseurs européens [1].",
        passage,
      ),
    ).toBe("unsupported");
  });
});

describe("A1: a planned measure stated as law (qualified-as-fact)", () => {
  const passage =
    "La loi sur l'archivage numérique et son article 12 — L'article 12 bis : l'extension envisagée\nUne proposition de loi adoptée par le Sénat prévoit d'insérer un article 12 bis qui étendrait l'obligation d'archivage électronique aux organismes suivants :\n\n- les syndicats mixtes ;\n- les offices publics de l'habitat de plus de 5 000 logements.\n\nL'examen du texte par la commission était prévu le 3 mars 2026. Point non confirmé : la suite donnée au texte n'est pas connue.";
  it("« l'article 12 bis oblige … » where the passage says it « étendrait » the obligation", () => {
    const wrong = check(
      "L'article 12 bis oblige les offices publics de l'habitat de plus de 5 000 logements à archiver électroniquement [1].",
      [passage],
    );
    expect(wrong.status).toBe("unsupported");
    expect(wrong.reasons.join(" ")).toContain("étendrait");
  });
  it("the same measure said as planned passes", () => {
    expect(
      status(
        "Une proposition de loi prévoit d'étendre l'obligation d'archivage électronique aux offices publics de l'habitat de plus de 5 000 logements [1].",
        passage,
      ),
    ).toBe("supported");
    expect(
      status("L'article 12 bis étendrait l'obligation d'archivage électronique aux syndicats mixtes [1].", passage),
    ).toBe("supported");
  });
});

describe("A1: a person said to confirm what the passage has them deny", () => {
  const passage =
    "La panne de la messagerie régionale (2024) — La version de l'hébergeur, qui conteste avoir coupé le service\nJeanne Marchal, directrice de Nuvola, a déclaré ensuite que l'hébergeur n'avait ni coupé ni ralenti le service de la région.";
  it("« Jeanne Marchal … l'a confirmé » is flagged", () => {
    const wrong = check("Jeanne Marchal, directrice de Nuvola, l'a confirmé [1].", [passage]);
    expect(wrong.status).toBe("unsupported");
    expect(wrong.reasons.join(" ")).toContain("dit le contraire");
  });
  it("the denial reported as such passes", () => {
    expect(status("Jeanne Marchal, directrice de Nuvola, a démenti toute coupure du service [1].", passage)).toBe(
      "supported",
    );
  });
});

describe("A1: a nationality replaced", () => {
  const passage =
    "Le tribunal administratif change de messagerie (2024) — Le choix du tribunal\nLe greffe a migré ses boîtes vers Tutanota, un fournisseur allemand, après un appel d'offres.";
  it("« Tutanota, un fournisseur suédois » where the passage says « allemand » is flagged", () => {
    const wrong = check("Le greffe est passé chez Tutanota, un fournisseur suédois [1].", [passage]);
    expect(wrong.status).toBe("unsupported");
    expect(wrong.reasons.join(" ")).toContain("allemand");
  });
  it("the same nationality, in another form, passes", () => {
    expect(status("Le greffe est passé chez Tutanota, un fournisseur allemand [1].", passage)).toBe("supported");
    expect(status("Le greffe a choisi Tutanota, une messagerie allemande [1].", passage)).toBe("supported");
  });
});

describe("A1: an overgeneralisation", () => {
  const passage =
    "Suède : la ville de Malmö quitte Google Workspace (2024) — L'annonce de mars 2024\nEn mars 2024, le maire de Malmö a annoncé que la ville suédoise allait progressivement se passer des services de Google pour ses écoles.";
  it("« tous les services » where the passage says « des services »", () => {
    const wrong = check("Malmö a depuis abandonné tous les services de Google [1].", [passage]);
    expect(wrong.status).toBe("unsupported");
    expect(wrong.reasons.join(" ")).toContain("tous les services");
  });
  it("the whole country for one of its cities", () => {
    const wrong = check("La Suède a depuis abandonné les services de Google pour ses écoles [1].", [passage]);
    expect(wrong.status).toBe("unsupported");
  });
  it("what the passage says of the city passes; « tous » that the passage writes too passes", () => {
    expect(
      status("La ville de Malmö va progressivement se passer des services de Google pour ses écoles [1].", passage),
    ).toBe("supported");
    const all =
      "Le lycée de Vernon — L'équipement\nLe lycée a installé Linux sur tous les postes des salles de classe en 2023.";
    expect(status("Le lycée a installé Linux sur tous les postes des salles de classe [1].", all)).toBe("supported");
  });
});

describe("A1: an obligation given to another holder", () => {
  const passage =
    "Le règlement sur les données de mobilité, et l'extension envisagée aux communes — Article 4 : qui doit publier\nLorsque les opérateurs de transport régionaux exploitent une ligne, ils doivent publier leurs horaires sous licence ouverte sur le point d'accès national.";
  it("« les communes doivent publier … » where the passage gives the duty to the operators", () => {
    const wrong = check(
      "Avec ce règlement, les communes doivent publier leurs horaires sous licence ouverte sur le point d'accès national [1].",
      [passage],
    );
    expect(wrong.status).toBe("unsupported");
    expect(wrong.reasons.join(" ")).toContain("opérateurs");
  });
  it("the duty given to its holder passes", () => {
    expect(
      status(
        "Les opérateurs de transport régionaux doivent publier leurs horaires sous licence ouverte sur le point d'accès national [1].",
        passage,
      ),
    ).toBe("supported");
  });
});

describe("A4: a figure held to what the passage says of another figure of the same list", () => {
  const passage =
    "Le centre hospitalier de Valbrune et ses logiciels libres — Combien la migration a-t-elle fait économiser ?\nDeux montants d'économies sont publiés :\n\n- environ 3 millions d'euros par an de licences grâce au remplacement de la messagerie Exchange par Zimbra (Le Journal des hôpitaux, 2012) ;\n- 9 millions d'euros par an grâce à la sortie des licences Oracle et au passage des bases de données sous PostgreSQL, selon le directeur des systèmes d'information (Assemblée nationale, 2019).";
  it("the amount of the messaging given the database move is flagged", () => {
    const wrong = check(
      "Il économise 3 millions d'euros par an grâce au passage de ses bases de données sous PostgreSQL [1].",
      [passage],
    );
    expect(wrong.status).toBe("unsupported");
    expect(wrong.reasons.join(" ")).toContain("9 millions d'euros");
  });
  it("each amount said of what the list's lead-in says it measures passes", () => {
    expect(status("Il économise aussi 9 millions d'euros par an [1].", passage)).toBe("supported");
    expect(
      status(
        "Il économise 3 millions d'euros par an grâce au remplacement de sa messagerie Exchange par Zimbra [1].",
        passage,
      ),
    ).toBe("supported");
  });
});

describe("A8: figures and names the user gave about their own collectivité", () => {
  const passage =
    "La loi sur l'archivage numérique — Article 12 bis\nL'article 12 bis viserait les syndicats mixtes et les communes de plus de 20 000 habitants.";
  const question =
    "Notre commune de 8 500 habitants, Saint-Aubin-des-Landes, est-elle concernée par l'article 12 bis ?";
  it("repeating the user's own figure and name is not a claim to find in the passage", () => {
    expect(
      check(
        "Votre commune de 8 500 habitants, Saint-Aubin-des-Landes, n'est donc pas concernée par l'article 12 bis [1].",
        [passage],
        askedContext([{ role: "user", content: question }]),
      ).status,
    ).toBe("supported");
    // Without the question, the figure is still checked against the passage.
    expect(
      status("Votre commune de 8 500 habitants ne serait donc pas concernée par l'article 12 bis [1].", passage),
    ).toBe("unsupported");
  });
  it("what the user says of others stays a claim to check", () => {
    const asked = askedContext([
      { role: "user", content: "Est-il vrai que la ville de Vernay a économisé 8 500 euros avec l'article 12 bis ?" },
    ]);
    expect(asked).toEqual([]);
    expect(check("La ville de Vernay a économisé 8 500 euros [1].", [passage], asked).status).toBe("unsupported");
  });
});
