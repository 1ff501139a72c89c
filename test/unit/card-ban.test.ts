/**
 * A question asking whether a product is banned (« est-ce que kaspersky est interdit en france », trial24 T-M1): its
 * catalog cards answer by the sentence saying what an authority decided or advised of it (the ANSSI's diversification,
 * the FCC's ban), never by its alternatives; a card that says no such thing answers nothing of it. Real catalog cards.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { cardBrief } from "../../server/answers/card-brief.ts";
import type { SearchResult } from "../../server/retrieval/search.ts";
import { catalogCards } from "../helpers/passages.ts";

let cards: SearchResult[];
beforeAll(async () => {
  cards = await catalogCards();
});
const card = (id: string) => {
  const c = cards.find((x) => x.document.id === id);
  if (!c) throw new Error(id);
  return c;
};
const brief = (question: string, ids: string[]) => {
  const used = ids.map(card);
  return cardBrief(
    question,
    used,
    used.map((r) => r.text),
    450,
  );
};

describe("a duty asked of a product (trial23 T-M1)", () => {
  it("is answered by its support's end, once past, never by its description and alternatives", () => {
    const b = brief("on est oblige de quitter windows 10 ?", ["catalog/product/windows-10"]);
    expect(b?.text).toContain("Fin du support des éditions courantes : le 14 octobre 2025.");
    expect(b?.text).not.toContain("Alternatives");
  });
});

describe("the end of a product asked without « support » (trial23 T-M1)", () => {
  it("is its card's end of support, not another product's dates", () => {
    const b = brief("la fin de windows 10 c'etait quand", [
      "catalog/product/windows-10",
      "catalog/product/windows-server",
    ]);
    expect(b?.text).toMatch(/^En bref : « Fin du support des éditions courantes : le 14 octobre 2025. »/);
    expect(b?.text).not.toContain("Windows Server");
  });
});

describe("a ban asked of a product", () => {
  it("is answered by what an authority said of it, from its vendor's card", () => {
    const b = brief("est-ce que kaspersky est interdit en france", [
      "catalog/product/kaspersky-endpoint-security",
      "catalog/vendor/kaspersky",
    ]);
    expect(b?.text).toContain("ANSSI");
    expect(b?.text).not.toContain("Alternatives");
  });

  it("is answered by a ban its vendor's card tells, a long sentence by its first clauses", () => {
    const b = brief("hikvision c'est interdit ?", ["catalog/vendor/hikvision", "catalog/product/hikvision-video"]);
    expect(b?.text).toMatch(/Covered List|FCC a interdit/);
  });

  it("is not answered by a card that says nothing of a ban", () => {
    const b = brief("zoom c'est interdit pour une mairie ?", ["catalog/product/zoom", "catalog/vendor/zoom"]);
    expect(b?.text ?? "").not.toMatch(/Alternatives|Éditeur/);
  });

  it("leaves the other questions of a card as they were", () => {
    const b = brief("kaspersky c'est risqué ?", [
      "catalog/product/kaspersky-endpoint-security",
      "catalog/vendor/kaspersky",
    ]);
    expect(b?.text).toContain("Éditeur : Kaspersky, Russie.");
  });
});
