/**
 * A pointer to another page of the corpus in brackets (« (voir la fiche sur la loi SREN) », « (voir la fiche qui lui
 * est consacrée) ») is dropped from a quote read aloud: it points to nothing a listener can open. A law written for the
 * test.
 */
import { describe, expect, it } from "vitest";
import { quotableSentences } from "../../server/answers/verbatim.ts";

const sentence =
  "Aucune loi française n'interdit aujourd'hui à une collectivité d'héberger ses données chez un fournisseur américain ; l'obligation de protection de l'article 12 de la loi Zorba ne vise pour l'instant que l'État, ses opérateurs et certains GIP (voir la fiche sur la loi Zorba).";

describe("a pointer aside", () => {
  it("is dropped from the quote", () => {
    const quoted = quotableSentences(sentence, { max: 450 }).map((s) => s.text);
    expect(quoted.join(" ")).toContain("ne vise pour l'instant que l'État, ses opérateurs et certains GIP.");
    expect(quoted.join(" ")).not.toContain("voir la fiche");
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
