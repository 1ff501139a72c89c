/**
 * Catalogue gaps a département met at once (trial 2026-12-06, B2): a free app named like a paid add-on is not that
 * add-on (a number of a product's name, « 365 », must be in the inventory name), another edition of a known browser,
 * an offer of a known utility by its publisher's full legal name, a password manager.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadMatchIndex, type MatchIndex, matchName } from "../../server/inventory/match.ts";

let index: MatchIndex;
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
});

describe("catalogue gaps", () => {
  it("does not take the free Copilot app for the paid Microsoft 365 Copilot add-on", () => {
    for (const [name, publisher] of [
      ["Microsoft Copilot", null],
      ["Microsoft Copilot", "Microsoft Corporation"],
      ["Copilot", null],
    ] as const) {
      const r = matchName(index, name, publisher);
      expect(r.entry?.id ?? null, `${name} (${publisher})`).not.toBe("microsoft-365-copilot");
    }
    // The paid add-on, named with its number, still is; and the number stays optional where it is no brand.
    expect(matchName(index, "Microsoft 365 Copilot", "Microsoft Corporation").entry?.id).toBe("microsoft-365-copilot");
    expect(matchName(index, "Office 365 ProPlus", null).entry?.id).toBe("microsoft-365-apps");
    expect(matchName(index, "Microsoft Office Professionnel Plus 2016", "Microsoft Corporation").entry?.id).toBe(
      "microsoft-office",
    );
  });

  it("knows Opera GX as Opera's browser, CCleaner Free by Piriform's legal name, and Bitwarden", () => {
    expect(matchName(index, "Opera GX", null)).toMatchObject({ review: false, entry: { id: "opera-browser" } });
    expect(matchName(index, "CCleaner Free", "Piriform Software Ltd")).toMatchObject({
      review: false,
      entry: { id: "ccleaner" },
      edition: "Free",
    });
    const bw = matchName(index, "Bitwarden", "Bitwarden Inc.");
    expect(bw.entry).toMatchObject({ id: "bitwarden", openSource: true, extraEuropean: true });
  });
});
