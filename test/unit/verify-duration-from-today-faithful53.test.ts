/**
 * A duration counted from the document's own date (faithful53, faithful-blind-25 false flags, computations, tuning
 * half A: the even rows of the flagged correct computations in `/work/notes/fb25-measure.tsv` order). A note or letter
 * dated 4 May 2026 that says « La loi a été adoptée il y a près de dix ans » of a law of 2016 computes the duration
 * from its date: written nowhere, it invents nothing. It is read as computed when the sentence counts from now (« il y
 * a », « depuis », « à la date de cette note ») and the gap between the document's date and a date of the passages is
 * the duration, within its rounding. A wrong duration, or one with no document date, stays unverified.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const SUEUR =
  "« Encourager » n'est pas « imposer » : la portée réelle de l'article 16\nLe verbe retenu est « encourager ». Il vient d'un amendement du sénateur Jean-Pierre Sueur adopté à la quasi-unanimité par le Sénat lors du débat du 27 avril 2016 (site de Jean-Pierre Sueur, avril 2016). L'accord trouvé en commission mixte paritaire le 29 juin 2016 a conservé cette formulation, que l'association April a critiquée comme une simple déclaration d'intention, dépourvue de force contraignante (April, 1er juillet 2016).";

const statusOn = (sentence: string, today?: string) =>
  verifyText(sentence, [{ n: 1, text: SUEUR }], { facts: [], today }).sentences[0]!.status;

describe("a duration counted from the document's date (faithful-blind-25, half A)", () => {
  it("« il y a près de dix ans » in a letter dated 4 May 2026, of a law of 2016", () => {
    expect(statusOn("La loi a été adoptée il y a près de dix ans [1].", "2026-05-04")).toBe("supported");
  });

  it("a wrong duration stays unverified", () => {
    expect(statusOn("La loi a été adoptée il y a près de quinze ans [1].", "2026-05-04")).toBe("unsupported");
    expect(statusOn("La loi a été adoptée il y a trois ans [1].", "2026-05-04")).toBe("unsupported");
  });

  it("without the document's date, nothing to count from: unverified as before", () => {
    expect(statusOn("La loi a été adoptée il y a près de dix ans [1].")).toBe("unsupported");
  });

  it("a duration not counted from now (no « il y a », « depuis ») is not read against the document's date", () => {
    expect(statusOn("Le Sénat a débattu pendant près de dix ans [1].", "2026-05-04")).toBe("unsupported");
  });
});

const CLOUD_ACT =
  "Le CLOUD Act : ce que dit la loi américaine\nLe CLOUD Act (Clarifying Lawful Overseas Use of Data Act) a été promulgué le 23 mars 2018. Il modifie le Stored Communications Act de 1986 pour que les autorités américaines puissent obliger un fournisseur établi aux États-Unis à leur remettre les données qu'il contrôle, même lorsqu'elles sont stockées hors des États-Unis.";

/** The status of the answer's last sentence, the ones before it dating what it computes from. */
const lastStatus = (answer: string) =>
  verifyText(answer, [{ n: 1, text: CLOUD_ACT }], { facts: [] }).sentences.at(-1)!.status;

describe("a duration said as a lower bound (« plus de trente ans »; faithful-blind-25, half A)", () => {
  it("« plus de trente ans » between 1986 and 2018 (32 years) is computed", () => {
    expect(
      lastStatus(
        "La loi a été promulguée le 23 mars 2018 [1]. Elle modifie le Stored Communications Act de 1986 [1]. Le texte modifié avait donc plus de trente ans [1].",
      ),
    ).toBe("supported");
  });

  it("a bound the gap does not reach, or far exceeds, stays unverified", () => {
    expect(
      lastStatus(
        "La loi a été promulguée le 23 mars 2018 [1]. Elle modifie le Stored Communications Act de 1986 [1]. Le texte modifié avait donc plus de quarante ans [1].",
      ),
    ).toBe("unsupported");
    expect(
      lastStatus(
        "La loi a été promulguée le 23 mars 2018 [1]. Elle modifie le Stored Communications Act de 1986 [1]. Le texte modifié avait donc plus de vingt ans [1].",
      ),
    ).toBe("unsupported");
  });
});
