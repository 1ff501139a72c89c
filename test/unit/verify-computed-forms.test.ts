/**
 * A figure the sentence computes, by a form it states or signals (« soit », « donc », « cela fait », « l'écart », « N ans
 * après »), from figures of the passages or of the sentence before: a count in words (« soit trente postes par agent »),
 * a duration between two dates (« l'écart entre les deux dates est d'environ six mois »), a share of two counts (« près
 * de 89 % de ces licences »), a monthly price made yearly, the middle of a range (faithful-blind-17 and -20: right
 * computations flagged as figures no passage gives). Invented places and figures, not those of the sets; a bare figure,
 * or a computation that does not come out, is still flagged.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

/** The verification of the last sentence of `answer` against `passage` ([1]). */
const last = (answer: string, passage: string) =>
  verifyText(answer, [{ n: 1, text: passage }], { facts: [] }).sentences.at(-1)!;

const MEANS =
  "Lanvézéac : les chiffres\n- Moyens : trois techniciens, quatre-vingt-dix postes (Le Télégramme, 2024).\n- Limite : " +
  "les 10 % de postes restés hors de Linux dépendent d'un logiciel de paie.";

describe("a count in words the sentence computes", () => {
  it("accepts a quotient of two counts after « soit »", () => {
    expect(
      last("Lanvézéac a trois techniciens pour quatre-vingt-dix postes, soit trente postes par technicien [1].", MEANS)
        .status,
    ).toBe("supported");
  });
  it("accepts a share of a count of the sentence before", () => {
    const answer =
      "Les 10 % de postes restés hors de Linux dépendent d'un logiciel de paie [1]. Cela représente neuf postes sur quatre-vingt-dix [1].";
    expect(last(answer, MEANS).status).toBe("supported");
  });
  it("accepts a share by a passage's percentage of the same thing, beside another count of that value", () => {
    const passage = `${MEANS} La commune est l'une des neuf lauréates du label.`;
    const answer =
      "La commune fait tourner quatre-vingt-dix postes avec trois techniciens [1]. Cela représente donc neuf postes sur quatre-vingt-dix [1].";
    expect(last(answer, passage).status).toBe("supported");
  });
  it("accepts « une quarantaine de … de plus » for the gap of a range", () => {
    const staff =
      "Le service : effectifs\nSes effectifs devaient passer d'environ 120 à 160 personnes (Ouest-France, 2023).";
    expect(last("Cela représentait une quarantaine de postes de plus [1].", staff).status).toBe("supported");
  });
  it("still flags a count that does not come out", () => {
    expect(
      last(
        "Lanvézéac a trois techniciens pour quatre-vingt-dix postes, soit quarante postes par technicien [1].",
        MEANS,
      ).status,
    ).toBe("unsupported");
    const answer =
      "Les 10 % de postes restés hors de Linux dépendent d'un logiciel de paie [1]. Cela représente douze postes sur quatre-vingt-dix [1].";
    expect(last(answer, MEANS).status).toBe("unsupported");
  });
});

const DATES =
  "Plouzévet : le calendrier\nLa commune a adopté sa charte le 1er mars 2019 dans le cadre régional, puis l'a étendue à " +
  "toute l'intercommunalité le 1er septembre 2019. L'association locale, créée en 2008, compte environ 300 membres en " +
  "2020 et 420 en juin 2024. Elle a fêté ses dix ans en 2018.";

describe("a duration the sentence computes from two dates", () => {
  it("accepts the gap between two dates it names", () => {
    const answer =
      "L'extension date du 1er septembre 2019 [1]. L'écart entre les deux dates est d'environ six mois [1].";
    expect(last(answer, DATES).status).toBe("supported");
  });
  it("accepts « N ans après » from a year of the sentence", () => {
    expect(
      last("Onze ans après la création de l'association, la commune a adopté sa charte en 2019 [1].", DATES).status,
    ).toBe("supported");
  });
  it("accepts a count of more members in the years between two counts", () => {
    const answer = "Elle en comptait 420 en juin 2024 [1]. Cela fait environ 120 membres de plus en quatre ans [1].";
    expect(last(answer, DATES).status).toBe("supported");
  });
  it("still flags a gap that does not come out, and an unexplained duration", () => {
    const answer =
      "L'extension date du 1er septembre 2019 [1]. L'écart entre les deux dates est d'environ deux ans [1].";
    expect(last(answer, DATES).status).toBe("unsupported");
    expect(
      last("Trois ans après la création de l'association, la commune a adopté sa charte en 2019 [1].", DATES).status,
    ).toBe("unsupported");
  });
});

describe("a share the sentence computes from two counts", () => {
  const LICENCES =
    "Achats : la Région\nLe 4 mars 2018, la Région a commandé 98 000 licences, pour 20 000 enseignants et 78 000 élèves. " +
    "L'association comptait 1 500 adhérents, dont 1 320 personnes et 180 organisations.";
  it.each([
    "Près de 80 % de ces licences étaient donc destinées à des élèves [1].",
    "Les organisations représentent donc 12 % des adhérents [1].",
  ])("accepts « %s »", (sentence) => {
    expect(last(sentence, LICENCES).status).toBe("supported");
  });
  it("accepts a growth between two counts of the same thing", () => {
    const counts = "Adhérents\nL'association comptait environ 300 adhérents en 2020 et 430 en juin 2024.";
    expect(last("Le nombre d'adhérents a donc augmenté de plus de 40 % [1].", counts).status).toBe("supported");
  });
  it("still flags a share that does not come out, or a share stated bare", () => {
    expect(last("Près de 95 % de ces licences étaient donc destinées à des élèves [1].", LICENCES).status).toBe(
      "unsupported",
    );
    expect(last("Les organisations sont 12 % des adhérents [1].", LICENCES).status).toBe("unsupported");
  });
});

describe("a sum, a yearly price, the middle of a range", () => {
  it("accepts a sum after « soit … au total »", () => {
    const plan = "Calendrier\nLe plan prévoit environ 120 postes sous Linux à l'été 2026, 300 de plus d'ici fin 2026.";
    expect(last("Il en prévoit 300 de plus d'ici fin 2026, soit environ 420 au total [1].", plan).status).toBe(
      "supported",
    );
    expect(last("Il en prévoit 300 de plus d'ici fin 2026, soit environ 600 au total [1].", plan).status).toBe(
      "unsupported",
    );
  });
  it("accepts a monthly price times the months of a year", () => {
    const price = "Prix\nL'assistant est vendu en option à 20 dollars par utilisateur et par mois.";
    expect(
      last("Pour 50 agents, cela ferait 1 000 dollars par mois, soit 12 000 dollars par an [1].", price).status,
    ).toBe("supported");
    expect(
      last("Pour 50 agents, cela ferait 1 000 dollars par mois, soit 10 000 dollars par an [1].", price).status,
    ).toBe("unsupported");
  });
  it("accepts the middle of a range said as an average", () => {
    const range =
      "Postes\nLe nombre de postes migrés varie entre 8 000 et 12 000 selon les sources ; la ville a fait état de 5,2 millions d'euros d'économies.";
    expect(last("Cela fait environ 500 euros par poste pour 10 000 postes en moyenne [1].", range).status).toBe(
      "supported",
    );
  });
  it("leaves a bare figure flagged", () => {
    const fair = "Le salon\nLa troisième édition a réuni plus de 500 participants, soit deux fois plus qu'en 2024.";
    expect(last("En 2024, le salon avait donc accueilli de l'ordre de 250 personnes [1].", fair).status).toBe(
      "supported",
    );
    expect(last("En 2024, le salon avait accueilli 250 personnes [1].", fair).status).toBe("unsupported");
  });
});

describe("what stays flagged beside these forms (faithful-blind-19)", () => {
  it("reads no operand in « ces deux chiffres »", () => {
    const users =
      "Visio\nVisio comptait 30 000 utilisateurs réguliers en janvier ; un autre article en annonçait 50 000 par mois. Les deux chiffres ne mesurent pas la même chose.";
    const answer = "Ces deux chiffres ne mesurent pas la même chose [1]. Visio a donc perdu 15 000 utilisateurs [1].";
    expect(last(answer, users).status).toBe("unsupported");
  });
  it("adds no two amounts into a total", () => {
    const savings =
      "Économies\n- environ 3 millions d'euros par an de licences ;\n- 9 millions d'euros par an selon une audition.";
    expect(last("Au total, la Marine économise donc 12 millions d'euros par an [1].", savings).status).toBe(
      "unsupported",
    );
  });
});

describe("the reader's own figure times a passage's price", () => {
  const PRICE = "Tarifs\nLa licence coûte 12 € par poste et par mois.";
  const withAsked = (sentence: string) =>
    verifyText(sentence, [{ n: 1, text: PRICE }], { asked: ["pour nos 40 postes"], checkUncited: true }).sentences[0]!;
  it.each([
    "Pour vos 40 postes, cela ferait 40 × 12 € = 480 € par mois [1].",
    "Pour vos 40 postes, cela ferait 480 € par mois [1].",
    "Pour trois postes, cela ferait 36 € par mois [1].",
  ])("accepts « %s »", (sentence) => {
    expect(withAsked(sentence).status).toBe("supported");
  });
  it.each([
    "Pour vos 40 postes, cela ferait 40 × 12 € = 520 € par mois [1].",
    "Pour vos 40 postes, la licence coûterait 480 € par mois [1].",
  ])("flags « %s »", (sentence) => {
    expect(withAsked(sentence).status).toBe("unsupported");
  });
});
