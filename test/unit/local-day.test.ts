/**
 * Trial 8 B8: one « today » everywhere — the collectivité's day, in its time zone (Europe/Paris unless `TIME_ZONE`
 * says otherwise), never the server's UTC. At 00:15 in Paris (23:15 UTC) the trial saw an event of « today » refused
 * as future on one screen and accepted on another, and a public page « publiée le 5 décembre » above an inventory of
 * the 6th. Tested at other instants and with another zone (Cayenne, UTC−3).
 */
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config.ts";
import { localDay, setTimeZone, timeZone } from "../../server/core/text.ts";
import { checkpointOf, progressOf, snapshotOf } from "../../server/tracking/plan.ts";
import { renderPublicPage } from "../../server/tracking/public-page.ts";
import { planOf } from "../helpers/plan.ts";

afterEach(() => setTimeZone("Europe/Paris"));

describe("the collectivité's day", () => {
  it("is Paris's day by default, around midnight both ways", () => {
    expect(timeZone()).toBe("Europe/Paris");
    expect(localDay(new Date("2026-03-31T22:30:00Z"))).toBe("2026-04-01");
    expect(localDay("2026-03-31T22:30:00.000Z")).toBe("2026-04-01");
    expect(localDay(new Date("2026-03-31T21:30:00Z"))).toBe("2026-03-31");
    // A day is a day: never shifted.
    expect(localDay("2026-03-31")).toBe("2026-03-31");
  });

  it("follows the zone of the configuration, and refuses one that does not exist", () => {
    const config = loadConfig({ TIME_ZONE: "America/Cayenne" });
    expect(config.timeZone).toBe("America/Cayenne");
    expect(localDay(new Date("2026-04-01T01:30:00Z"))).toBe("2026-03-31");
    expect(() => loadConfig({ TIME_ZONE: "Europe/Atlantide" })).toThrow(/TIME_ZONE/);
    loadConfig({});
    expect(timeZone()).toBe("Europe/Paris");
  });

  it("dates the public page's adoption and publication in that day", () => {
    const measured = {
      id: "a1",
      createdAt: "2026-03-31T22:40:00.000Z",
      summary: { installations: 10, extraEuropean: { share: 0.5 }, score: { value: 50 } },
      items: [],
    };
    const plan = planOf("2026-04-01", {
      adoptedAt: "2026-03-31T22:45:00.000Z",
      checkpoints: [checkpointOf(measured, "weighted", "2026-04-01")],
    });
    const now = new Date("2026-03-31T22:50:00.000Z");
    const snapshot = snapshotOf(plan, progressOf(plan, localDay(now)), {
      licence: "etalab-2.0",
      groupProducts: false,
      now,
      categoryLabel: (c) => c ?? "",
    });
    const html = renderPublicPage(snapshot, { cssHref: "p.css", dataHref: "d.json", csvHref: "d.csv" });
    expect(html).toContain("1er avril 2026");
    expect(html).not.toContain("31 mars 2026");
  });
});
