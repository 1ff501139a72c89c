/**
 * A pointer to another page of the corpus in brackets (« (voir la fiche sur la loi SREN) ») is dropped from a quote
 * read aloud, and a sentence is measured without it: the clause after its « ; » that answers is no longer cut off
 * (trial23 T-M1: « … l'obligation … de l'article 31 de la loi SREN ne vise pour l'instant que l'État … » lost, « … dite
 * loi SREN, traite de nombreux sujets » read instead). A law written for the test.
 */
import { describe, expect, it } from "vitest";
import { quotableSentences } from "../../server/answers/verbatim.ts";

const sentence =
  "Aucune loi française n'interdit aujourd'hui à une collectivité d'héberger ses données chez un fournisseur américain ; l'obligation de protection de l'article 12 de la loi Zorba ne vise pour l'instant que l'État, ses opérateurs et certains GIP (voir la fiche sur la loi Zorba).";

describe("a pointer aside", () => {
  it("is dropped, and the sentence measured without it is quoted whole", () => {
    const quoted = quotableSentences(sentence, { max: 450, cutClausesOver: 260 }).map((s) => s.text);
    expect(quoted).toContain(
      "Aucune loi française n'interdit aujourd'hui à une collectivité d'héberger ses données chez un fournisseur américain ; l'obligation de protection de l'article 12 de la loi Zorba ne vise pour l'instant que l'État, ses opérateurs et certains GIP.",
    );
  });

  it("« (voir la fiche « Se faire accompagner ») » too", () => {
    const quoted = quotableSentences(
      "Les petites communes peuvent s'appuyer sur leur opérateur public de services numériques (voir la fiche « Se faire accompagner »).",
      { max: 450 },
    ).map((s) => s.text);
    expect(quoted).toEqual([
      "Les petites communes peuvent s'appuyer sur leur opérateur public de services numériques.",
    ]);
  });
});
