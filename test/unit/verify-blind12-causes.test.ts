/**
 * The kinds behind faithful-blind-12's false flags (faithful26), on other products and figures: a count said in
 * parentheses after its owner's name is not a source reference; the company a card is about, called « la société »
 * in the sentence giving its price, is what the price is given for.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const check = (sentence: string, ...passages: string[]) =>
  verifyText(
    sentence,
    passages.map((text, i) => ({ n: i + 1, text })),
  ).sentences[0]!;

describe("a count in parentheses after the name that owns it", () => {
  const CARD =
    "Alternative : Debian — Catalogue\nUtilisateurs publics connus : Direction de l'aviation civile (AviLinux, environ 12 000 postes en 2022), Ville de Saint-Lô (70 % du parc).";

  it("is given to the project it names (« avec AviLinux »), not read as a source reference", () => {
    const v = check(
      "La Direction de l'aviation civile utilisait Debian sur environ 12 000 postes en 2022, avec AviLinux [1].",
      CARD,
    );
    expect(v.reasons).toEqual([]);
    expect(v.status).toBe("supported");
  });

  it("a source reference « (Le Monde, 3 mars 2021) » is still one: its date is not a figure of the sentence", () => {
    const v = check(
      "La ville a migré ses postes en 2019 [1].",
      "Le Monde — article\nLa ville a migré ses postes en 2019 (Le Monde, 3 mars 2021).",
    );
    expect(v.status).toBe("supported");
  });
});

describe("the company a card is about, called « la société » where the card gives its price", () => {
  const CARD =
    "Éditeur : Avast — Catalogue\nAvast (Avast Software) : éditeur, siège : République tchèque.\nEuropéen (hors UE) mais racheté par l'américain Gen Digital, qui a conclu en 2021 un accord d'environ 8 milliards de dollars pour acquérir la société (Reuters, 10 août 2021) : contrôle américain.";

  it("is what the price is given for when the sentence names it", () => {
    const v = check(
      "Gen Digital a conclu en 2021 un accord d'environ 8 milliards de dollars pour acquérir Avast [1].",
      CARD,
    );
    expect(v.reasons).toEqual([]);
  });

  it("a price given to another company the card does not name is still flagged", () => {
    const v = check(
      "Gen Digital a conclu en 2021 un accord d'environ 8 milliards de dollars pour acquérir Bitdefender [1].",
      CARD,
    );
    expect(v.status).toBe("unsupported");
  });
});

describe("what a card says of an item in parentheses after its name", () => {
  const CARD =
    "Produit : Kaspersky Endpoint Security — Catalogue\nAlternatives : Bitdefender GravityZone (remplacement direct, Roumanie) ; Wazuh (autre approche, États-Unis, libre GPL-2.0-only).";

  it("the licence is the item's, not the country's before it", () => {
    const v = check("Wazuh, libre sous GPL-2.0, offre une autre approche, mais il vient des États-Unis [1].", CARD);
    expect(v.reasons.join(" ")).not.toContain("associe");
  });
});

describe("a view the passage reports in the conditional, rendered « Pour elle, … »", () => {
  const PAGE =
    "Rencontres du libre de Rennes — Écosystème\nMarie Lenoir estime que le libre change les achats publics : une collectivité veut être sûre de durer, et le libre lui apporterait cette assurance, ce qui permettrait de « sécuriser » les achats.";

  it("keeps the passage's attribution: not stated as done", () => {
    const v = check("Pour elle, le libre apporte une assurance qui permet de « sécuriser » les achats [1].", PAGE);
    expect(v.reasons.join(" ")).not.toContain("envisagé");
  });

  it("the same view stated bare is still flagged", () => {
    const v = check("Le libre apporte une assurance qui permet de « sécuriser » les achats [1].", PAGE);
    expect(v.reasons.join(" ")).toContain("envisagé");
  });
});
