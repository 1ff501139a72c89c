/** Word lists are data read by one reader (`server/i18n/word-lists.ts`): comments out, entries as written. */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { wordListEntries, wordListLines } from "../../server/i18n/word-lists.ts";
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
});
