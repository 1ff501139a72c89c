/** Number words are one list (data, `i18n/fr/number-words.txt`) read once in core, used by verify and retrieval alike. */
import { describe, expect, it } from "vitest";
import { NUMBER_WORD_PATTERN, NUMBER_WORDS } from "../../server/core/number-words.ts";
import { wordListLines } from "../../server/i18n/word-lists.ts";
import { NUMBER_WORDS as VERIFY_NUMBER_WORDS } from "../../server/verify/figures.ts";
import { numberInWords } from "../../server/verify/index.ts";

describe("number words", () => {
  it("reads each word and its value from the data file, comments left out", () => {
    expect(NUMBER_WORDS).toMatchObject({ deux: 2, neuf: 9, onze: 11, seize: 16, soixante: 60, cent: 100, mille: 1000 });
    expect(Object.keys(NUMBER_WORDS)).toHaveLength(22);
    expect(wordListLines("number-words.txt").some((l) => l.startsWith("#"))).toBe(false);
    expect(new RegExp(`^(?:${NUMBER_WORD_PATTERN})$`).test("quarante")).toBe(true);
    expect(new RegExp(`^(?:${NUMBER_WORD_PATTERN})$`).test("quarantaine")).toBe(false);
  });

  it("is the list the figure check spells numbers with, not a copy of it", () => {
    expect(VERIFY_NUMBER_WORDS).toBe(NUMBER_WORDS);
    expect(numberInWords("sur quatre-vingt-douze postes")).toBeNull();
    expect(numberInWords("quelque trois mille")?.value).toBe(3000);
  });
});
