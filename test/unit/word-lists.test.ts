/** Word lists are data read by one reader (`server/i18n/word-lists.ts`): comments out, entries as written. */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { claimParts } from "../../server/drafting/claims.ts";
import { wordAlternation, wordListEntries, wordListLines, wordListSections } from "../../server/i18n/word-lists.ts";
import { looseKey, publisherKey } from "../../server/inventory/normalize.ts";

describe("word lists", () => {
  it("reads entries a comma apart, several per line, an entry with blanks kept whole", () => {
    const company = wordListEntries("inventory-company-words.txt");
    expect(company).toContain("gmbh");
    expect(company).toContain("s r o");
    expect(company.some((e) => e.startsWith("#") || e.includes(","))).toBe(false);
    expect(wordListLines("inventory-company-words.txt").some((l) => l.startsWith("#"))).toBe(false);
  });

  it("gives the inventory's name rules their words from the files", () => {
    expect(publisherKey("Kaspersky Lab GmbH")).toBe(publisherKey("Kaspersky"));
    expect(looseKey("Foxit PDF Reader Professionnel - Français")).toBe(looseKey("Foxit PDF Reader"));
  });

  it("says in each list of the inventory what it is for (a « # » line first)", () => {
    const dir = new URL("../../server/i18n/fr/", import.meta.url);
    const lists = readdirSync(dir).filter((f) => f.startsWith("inventory-") && f.endsWith(".txt"));
    expect(lists.length).toBeGreaterThanOrEqual(6);
    for (const f of lists) expect(readFileSync(new URL(f, dir), "utf8").startsWith("# "), f).toBe(true);
  });

  it("reads a list in sections, and writes its entries as a pattern an apostrophe of either kind matches", () => {
    const subjects = wordListSections("context-subjects.txt");
    expect(subjects.get("services de la collectivité")).toContain("CCAS");
    expect(subjects.get("autres en général : quantificateurs")).toContain("la plupart des");
    const pattern = new RegExp(`^(?:${wordAlternation(["d'autres", "tous les"])})$`);
    expect(["d'autres", "d’autres", "tous les"].every((w) => pattern.test(w))).toBe(true);
    expect(pattern.test("d autres")).toBe(false);
  });

  it("gives the claims of a context their verb forms from the same list", () => {
    // « est » and « va » open predicates of their own: three claims, each checked with the subject.
    const parts = claimParts("Grenoble a quitté Microsoft et est passée à Linux et va recruter");
    expect(parts.map((p) => p.checked)).toEqual([
      "Grenoble a quitté Microsoft",
      "Grenoble est passée à Linux",
      "Grenoble va recruter",
    ]);
  });
});
