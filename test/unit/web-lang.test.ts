/** The page's guess of an English source title (web/lang.js), on titles of the corpus's kind. */
import { describe, expect, it } from "vitest";

// The page's modules are plain JavaScript, type-checked on their own (tsconfig.web.json): imported here untyped.
const LANG_JS = "../../web/lang.js";
const { englishOrNull } = (await import(LANG_JS)) as { englishOrNull: (text: string) => string | null };

describe("englishOrNull", () => {
  it("marks English titles, and not French, German or names", () => {
    for (const title of [
      "Here's what we know about CrowdStrike, the company potentially to blame for a global tech outage",
      "EU Data Act: cloud and SaaS switching and egress fees",
      "Opera falls into Chinese hands",
      "France to ditch Windows for Linux to reduce reliance on US tech",
    ])
      expect(englishOrNull(title), title).toBe("en");
    for (const title of [
      "La gendarmerie migrera 70 000 postes sous Linux d'ici 2013",
      "Tranquil IT, site officiel",
      "Hirschmann Automation and Control an Belden verkauft",
      "EU Data Act : was sich für Cloud-Nutzer ändert",
      "AWS, page de conformité sur le CLOUD Act",
      "Microsoft Teams",
    ])
      expect(englishOrNull(title), title).toBeNull();
  });
});
