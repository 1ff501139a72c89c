/** The page's French formats (web/lib.js), run in Node: they need only Intl. */
import { describe, expect, it } from "vitest";
// @ts-expect-error: a page module without type declarations
import { formatDate } from "../../web/lib.js";

describe("the page's date format", () => {
  it("prints a calendar day without a time, and a moment with its time", () => {
    expect(formatDate("2026-04-10")).toBe("10 avril 2026");
    // In Paris time (summer: UTC+2), whatever the zone of the machine.
    expect(formatDate("2026-04-10T12:30:00Z")).toMatch(/^10 avril 2026 à 14:30$/);
    expect(formatDate("pas une date")).toBe("pas une date");
  });

  it("writes the first of a month « 1er », as every other date of Cap Libre (trial12 B4)", async () => {
    expect(formatDate("2026-06-01")).toBe("1er juin 2026");
    expect(formatDate("2026-06-01T08:00:00Z")).toBe("1er juin 2026 à 10:00");
    expect(formatDate("2026-06-11")).toBe("11 juin 2026");
    const { frenchDateTime } = await import("../../server/core/text.ts");
    expect(frenchDateTime("2026-06-01T08:00:00Z")).toBe("1er juin 2026 à 10:00");
  });
});

describe("where the page puts a sentence's « [non vérifié] »", () => {
  it("before its final punctuation, so that it is not read as the label of the next sentence", async () => {
    // @ts-expect-error: a page module without type declarations
    const { splitFinalPunctuation } = await import("../../web/lib.js");
    expect(splitFinalPunctuation("Le plan est en retard.")).toEqual(["Le plan est en retard", "."]);
    expect(splitFinalPunctuation("Le jalon est-il tenu ? ")).toEqual(["Le jalon est-il tenu", " ?"]);
    expect(splitFinalPunctuation("Il a dit « tenu ».")).toEqual(["Il a dit « tenu »", "."]);
    expect(splitFinalPunctuation("- 72 % au 1er janvier 2027")).toEqual(["- 72 % au 1er janvier 2027", ""]);
  });
});
