/** The credit words of a source line on the page (web/credit.js), run in Node with the page's French messages. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a page module without type declarations
import { creditLabel } from "../../web/credit.js";

const messages: Record<string, string> = JSON.parse(readFileSync("web/messages.fr.json", "utf8"));
const t = (key: string, params: Record<string, string> = {}) =>
  (messages[key] ?? key).replace(/\{(\w+)\}/g, (_, n: string) => params[n] ?? `{${n}}`);

describe("the credit of a listed passage", () => {
  it("names the sources a passage names, never « no source » under them (trial 5, CLOUD Act guide)", () => {
    const label = creditLabel(
      {
        basis: "page",
        sources: [
          { title: "AWS, page de conformité « CLOUD Act »" },
          { title: "Wikipédia, « CLOUD Act »" },
          { title: "Autre" },
        ],
        named: [{ title: "AWS, page de conformité « CLOUD Act »" }, { title: "Wikipédia, « CLOUD Act »" }],
      },
      [],
      t,
    );
    expect(label).toContain("AWS, page de conformité « CLOUD Act » ; Wikipédia, « CLOUD Act »");
    expect(label).not.toContain("ne nomme pas de source");
  });

  it("says the page is credited when the passage names none", () => {
    expect(creditLabel({ basis: "page", sources: [{ title: "A" }, { title: "B" }] }, [], t)).toBe(
      messages["web.creditPage"],
    );
  });

  it("lists the sources of a named credit", () => {
    expect(creditLabel({ basis: "named", sources: [{ title: "A" }] }, [{ title: "A" }], t)).toBe("A");
  });
});
