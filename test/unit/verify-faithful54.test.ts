/**
 * faithful54 (round 29), from the wrong verdicts of the burned faithful-blind-24 and -25 (tuning half A of
 * `/work/notes/faithful54-list.txt`):
 * - a sentence that only says the passages do not give something (« Les passages retenus ici ne donnent pas le nombre
 *   total de postes concernés », « … ne donnent ni la durée ni le coût … ») asserts nothing to find in them: it was
 *   flagged because its own words (« donnent », « retenus ») are in no passage;
 * - a duration in weeks or days between two dated events (« un peu plus de dix semaines après les Rencontres ») is
 *   computed as durations in months and years already were: it was read as a count of something;
 * - the time it took to go from one dated step to another (« Il a fallu environ six ans pour passer de … à … », « Elle
 *   a mis environ quatre ans à passer de … ») is a duration between two dates;
 * - a gap said with a connective inside it (« dépasse donc de 9 000 postes ») is the gap it says.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const statusOf = (answer: string, passages: string[], today?: string) =>
  verifyText(
    answer,
    passages.map((text, i) => ({ n: i + 1, text })),
    { facts: [], today },
  ).sentences.at(-1)!.status;

const GENDARMERIE =
  "La Gendarmerie nationale et GendBuntu : ses postes de travail sous Linux\nUne progression par étapes : d'abord les applications du quotidien (bureautique en 2004-2005, navigateur et messagerie en 2006), le système d'exploitation seulement à partir de 2008 (Le Soleil, 2008) ; les agents connaissaient donc déjà les logiciels quand le système a changé. Un rythme calé sur le renouvellement du matériel, après un pilote de 200 postes, plutôt qu'une bascule unique.";

describe("a sentence saying only that the passages do not give something (faithful54)", () => {
  it("« ne donnent pas », with a participle of the passages and « ici », is not flagged", () => {
    expect(
      statusOf("Les passages retenus ici ne donnent pas le nombre total de postes concernés [1].", [GENDARMERIE]),
    ).not.toBe("unsupported");
    expect(statusOf("Les sources ne donnent pas le coût de cette migration [1].", [GENDARMERIE])).not.toBe(
      "unsupported",
    );
  });

  it("« ne donnent ni … ni … » and « ne disent pas » followed by a longer point are not flagged", () => {
    expect(statusOf("Les passages ne donnent ni la durée ni le coût d'une telle étape [1].", [GENDARMERIE])).not.toBe(
      "unsupported",
    );
    expect(
      statusOf(
        "Les passages retenus ne disent pas quels services de la Gendarmerie sont passés en premier exactement [1].",
        [GENDARMERIE],
      ),
    ).not.toBe("unsupported");
  });

  it("a point another passage gives, cited to the wrong one, stays flagged", () => {
    const other =
      "Code.gouv.fr\nLes sources consultées ne donnent pas de chiffre récent sur le nombre de dépôts publiés.";
    expect(
      statusOf("Les sources ne donnent pas de chiffre récent sur le nombre de dépôts publiés [1].", [
        GENDARMERIE,
        other,
      ]),
    ).toBe("unsupported");
  });

  it("a sentence that says the passages give something is checked as before", () => {
    expect(statusOf("Les passages donnent le nombre total de postes concernés [1].", [GENDARMERIE])).toBe(
      "unsupported",
    );
  });
});

const CHRONOLOGY =
  "Chronologie de la souveraineté numérique\n- 26 janvier 2026 : premières Rencontres de la souveraineté numérique.\n- 5 février 2026 : circulaire sur la doctrine d'achats numériques de l'État.\n- 8 avril 2026 : séminaire interministériel sur la réduction des dépendances numériques extra-européennes.";

describe("a duration in weeks or days between two dated events (faithful54)", () => {
  it("« un peu plus de dix semaines après » from 26 January to 8 April (72 days) is computed", () => {
    expect(
      statusOf(
        "Les Rencontres se sont tenues le 26 janvier 2026 [1]. Le séminaire interministériel a eu lieu un peu plus de dix semaines après les Rencontres [1].",
        [CHRONOLOGY],
      ),
    ).toBe("supported");
  });

  it("« dix jours après » from 26 January to 5 February is computed", () => {
    expect(
      statusOf(
        "Les Rencontres se sont tenues le 26 janvier 2026 [1]. La circulaire a été publiée dix jours après les Rencontres [1].",
        [CHRONOLOGY],
      ),
    ).toBe("supported");
  });

  it("a wrong number of weeks or days stays unverified", () => {
    for (const wrong of ["quinze semaines", "quatre semaines", "vingt jours"])
      expect(
        statusOf(
          `Les Rencontres se sont tenues le 26 janvier 2026 [1]. Le séminaire interministériel a eu lieu ${wrong} après les Rencontres [1].`,
          [CHRONOLOGY],
        ),
      ).toBe("unsupported");
  });
});

describe("the time taken to go from one dated step to another (faithful54)", () => {
  const SECNUMCLOUD =
    "SecNumCloud\nSecNumCloud est une qualification délivrée sous l'égide de l'ANSSI. Sa première version date de 2016 et sa version 3.2 de mars 2022, qui traite de l'immunité aux droits extra-européens. La qualification est valable trois ans.";
  const DATED = "Sa première version date de 2016 et sa version 3.2 de mars 2022 [1]. ";

  it("« Il a fallu environ six ans pour passer de … à … » for 2016 and mars 2022 is computed", () => {
    expect(
      statusOf(
        `${DATED}Il a fallu environ six ans pour passer de la première version de SecNumCloud à la version 3.2 [1].`,
        [SECNUMCLOUD],
      ),
    ).toBe("supported");
    expect(
      statusOf(
        `${DATED}Il a fallu environ dix ans pour passer de la première version de SecNumCloud à la version 3.2 [1].`,
        [SECNUMCLOUD],
      ),
    ).toBe("unsupported");
  });

  // A date of the step in the answer before it, as a duration is anchored in what the answer says.
  const STEPS = "Elle a remplacé Office par OpenOffice dès 2004 [1]. Elle a changé de système en 2008 [1]. ";
  it("« Elle a mis environ quatre ans à passer de … » for 2004 and 2008 is computed, not nine", () => {
    expect(
      statusOf(
        `${STEPS}Elle a mis environ quatre ans à passer de la bureautique libre au système d'exploitation libre [1].`,
        [GENDARMERIE],
      ),
    ).toBe("supported");
    expect(
      statusOf(
        `${STEPS}Elle a mis environ neuf ans à passer de la bureautique libre au système d'exploitation libre [1].`,
        [GENDARMERIE],
      ),
    ).toBe("unsupported");
  });
});

describe("a gap said with a connective inside it (« dépasse donc de »; faithful54)", () => {
  const PARKS =
    "LibreOffice dans les administrations\nL'armée autrichienne a terminé le remplacement de Microsoft Office par LibreOffice sur environ 16 000 postes de travail. Le Land de Schleswig-Holstein a fait de LibreOffice sa suite standard sur ses 25 000 postes en 2024.";

  it("the difference of the two parks is computed; another figure is not", () => {
    expect(statusOf("Le parc du Land dépasse donc de 9 000 postes celui de l'armée autrichienne [1].", [PARKS])).toBe(
      "supported",
    );
    expect(statusOf("Le parc du Land dépasse donc de 12 000 postes celui de l'armée autrichienne [1].", [PARKS])).toBe(
      "unsupported",
    );
  });
});

describe("a proposal using a word the passage rules out only as a relative moment (« et non avant »; faithful54)", () => {
  const AMBITION =
    "Fixer un objectif chiffré\nAucun chiffre n'est imposé aux collectivités : le niveau d'ambition relève d'un choix politique, à fixer à partir de l'étude des dépendances et non avant. Le conseil municipal est informé de la démarche.";

  it("« avant l'été » does not contradict « et non avant »", () => {
    expect(statusOf("Présenter la démarche au conseil municipal avant l'été [1].", [AMBITION])).not.toBe("unsupported");
  });
});

describe("what suits a commune, judged (« est un bon exemple pour une commune »; faithful54)", () => {
  const BOE =
    "Boé\nBoé, commune de 5 800 habitants, a migré ses 70 postes vers Linux au fil du renouvellement du matériel. La commune a réduit ses coûts de licences.";

  it("« X est un bon exemple pour une commune de votre taille » is the model's judgement, not a flagged claim", () => {
    expect(
      statusOf("Boé est un bon exemple pour une commune de votre taille qui hésite encore à franchir le pas [1].", [
        BOE,
      ]),
    ).toBe("inference");
  });

  it("a fact stated of a commune keeps being checked", () => {
    expect(statusOf("Boé est devenue un modèle national pour toutes les communes de France [1].", [BOE])).toBe(
      "unsupported",
    );
  });
});

describe("a new level: an amount plus the gap the sentence before computes (faithful54)", () => {
  const PRICES =
    "Les prix Microsoft\nÀ partir du 1er juillet 2026, à chaque renouvellement, Office 365 E3 passe de 23 à 26 dollars, soit +13 %.";
  const BEFORE =
    "Appliquée à vos 9 000 euros, une hausse de 13 % représenterait environ 1 170 euros de plus par an [1]. ";

  it("« Votre facture passerait ainsi à environ 10 170 euros » is computed; 11 500 euros is not", () => {
    expect(statusOf(`${BEFORE}Votre facture passerait ainsi à environ 10 170 euros [1].`, [PRICES])).toBe("supported");
    expect(statusOf(`${BEFORE}Votre facture passerait ainsi à environ 11 500 euros [1].`, [PRICES])).toBe(
      "unsupported",
    );
  });
});
