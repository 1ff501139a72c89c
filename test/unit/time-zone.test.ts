/**
 * One time zone, Europe/Paris, for every time shown: the server's notices (« déjà analysés le … à 10:36 ») and the
 * page's lists (« Analyses enregistrées : … à 10:36 ») write the same instant the same way, whatever the zone of
 * the server or of the browser (trial: one hour apart on a machine set to UTC).
 */
import { describe, expect, it } from "vitest";
import { frenchDateTime } from "../../server/core/text.ts";
// The page's own module: plain JavaScript that touches the document only when called.
// @ts-expect-error: a page module without type declarations
import { formatDate } from "../../web/lib.js";

describe("times shown, in Paris time", () => {
  it("writes an instant in Paris time, winter and summer", () => {
    expect(frenchDateTime("2026-12-05T09:36:00.000Z")).toBe("5 décembre 2026 à 10:36");
    expect(frenchDateTime("2026-07-14T22:30:00.000Z")).toBe("15 juillet 2026 à 00:30");
    expect(frenchDateTime("pas une date")).toBe("pas une date");
  });

  it("the page writes the same text as the server for the same instant", () => {
    for (const iso of ["2026-12-05T09:36:00.000Z", "2026-03-29T00:59:00.000Z", "2026-10-25T01:30:00.000Z"])
      expect(formatDate(iso)).toBe(frenchDateTime(iso));
    // A calendar day stays that day (no « à 00:00 », no shift).
    expect(formatDate("2026-04-10")).toBe("10 avril 2026");
  });
});
