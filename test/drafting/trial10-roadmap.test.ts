/**
 * Trial 10 (6 December 2026), the roadmap against the real catalog, on other products than the trial's:
 * - B3: one product (one catalog card) found under two inventory names (« Cisco Webex Meetings » and « Webex »,
 *   « Foxit PDF Reader » and « Foxit Reader ») is one line of the roadmap — its installations summed, its points
 *   summed, the inventory names it came from listed — in the phases, in « Atteindre … demande » and in the table.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildContext } from "../../server/drafting/context.ts";
import { parseInputs } from "../../server/drafting/inputs.ts";
import { planRoadmap } from "../../server/drafting/roadmap-plan.ts";
import { loadStructure } from "../../server/drafting/structure.ts";
import { loadMatchIndex, type MatchIndex } from "../../server/inventory/match.ts";
import { analysedRows, inventoryRow } from "../inventory/fixtures.ts";

let index: MatchIndex;
const NOW = "2026-12-05T08:00:00.000Z";
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
});
const analysis = () =>
  analysedRows(
    [
      inventoryRow("Microsoft Windows 11 Professionnel", "Microsoft Corporation", 100),
      inventoryRow("Cisco Webex Meetings", "Cisco Webex LLC", 25),
      inventoryRow("Webex", "Cisco Systems, Inc.", 5),
      inventoryRow("Foxit PDF Reader", "Foxit Software Inc.", 12),
      inventoryRow("Foxit Reader", "Foxit Software Inc.", 4),
      inventoryRow("Google Chrome", "Google LLC", 60),
    ],
    index,
    NOW,
  );

describe("one product, one line (B3)", () => {
  it("merges the inventory names of one catalog product into one line", () => {
    const plan = planRoadmap(analysis(), { now: NOW });
    const ids = plan.lines.map((l) => (typeof l.item.product === "object" ? l.item.product?.id : l.item.product));
    expect(new Set(ids).size).toBe(ids.length);
    const webex = plan.lines.find((l) => typeof l.item.product === "object" && l.item.product?.id === "webex")!;
    expect(webex.item.installations).toBe(30);
    expect(webex.inventoryNames).toEqual(["Cisco Webex Meetings", "Webex"]);
    // The points of both names, as if counted apart.
    const apart = planRoadmap(
      analysedRows(
        [
          inventoryRow("Microsoft Windows 11 Professionnel", "Microsoft Corporation", 100),
          inventoryRow("Cisco Webex Meetings", "Cisco Webex LLC", 30),
          inventoryRow("Foxit PDF Reader", "Foxit Software Inc.", 16),
          inventoryRow("Google Chrome", "Google LLC", 60),
        ],
        index,
        NOW,
      ),
      { now: NOW },
    );
    const alone = apart.lines.find((l) => typeof l.item.product === "object" && l.item.product?.id === "webex")!;
    expect(webex.points).toBeCloseTo(alone.points, 6);
    expect(plan.phases.map((p) => p.weighted)).toEqual(apart.phases.map((p) => p.weighted));
  });

  it("keeps apart lines whose saved product is a bare id with no card name (an analysis saved with an older catalog)", () => {
    const saved = analysis();
    // As an analysis saved before the catalog had a card per version: both lines carry the same bare id.
    for (const item of saved.items)
      if (typeof item.product === "object" && item.product?.id === "webex") item.product = "webex-legacy";
    const plan = planRoadmap(saved, { now: NOW });
    const names = plan.lines
      .filter((l) => l.item.product === "webex-legacy")
      .map((l) => [l.item.name, l.item.installations]);
    expect(names).toEqual([
      ["Cisco Webex Meetings", 25],
      ["Webex", 5],
    ]);
  });

  it("the document lists each product once, with the names it came from", () => {
    const ctx = buildContext(
      "roadmap",
      parseInputs("roadmap", {
        collectivite: { name: "Communauté de communes du Pays de Lunel" },
        analysisId: "t",
        targetDate: "2029-12",
        targetShare: 30,
      }),
      analysis(),
      loadStructure("roadmap"),
      NOW,
    );
    const all = [ctx.vars.phases_detail!, ctx.vars.target_requirements!, ctx.vars.alternatives_table!].join("\n");
    for (const text of [ctx.vars.phases_detail!, ctx.vars.alternatives_table!]) {
      expect(text.match(/Webex/g)?.length, text).toBe(1 + 2);
      expect(text).not.toMatch(/^- \*\*Foxit Reader\*\*|\| Foxit Reader \|/m);
    }
    expect(all).toMatch(/Cisco Webex[^\n]*30 installations[^\n]*/);
    expect(ctx.vars.phases_detail).toMatch(/noms dans l'inventaire : Cisco Webex Meetings, Webex/);
  });
});

/**
 * B5: a personal messenger an agent installed on two computers (the trial: WeChat, with Element in the catalog) was a
 * « Remplacement accompagné ». A consumer app (`consumer-apps.txt`) on a few computers is to uninstall even when the
 * catalog names an alternative, which the roadmap gives for a service that would use it. Tested on Telegram and
 * WhatsApp; business software and a consumer app on many computers stay replacements.
 */
describe("small consumer apps with an alternative in the catalog (B5)", () => {
  const consumer = () =>
    analysedRows(
      [
        inventoryRow("Microsoft Windows 11 Professionnel", "Microsoft Corporation", 100),
        inventoryRow("Telegram Desktop", "Telegram FZ-LLC", 2),
        inventoryRow("WhatsApp", "WhatsApp Inc.", 3),
        inventoryRow("Slack", "Slack Technologies", 3),
        inventoryRow("Discord", "Discord Inc.", 40),
      ],
      index,
      NOW,
    );

  it("are quick removals; business software and widely installed apps are not", () => {
    const plan = planRoadmap(consumer(), { now: NOW });
    const line = (name: string) => plan.lines.find((l) => l.item.name === name);
    for (const name of ["Telegram Desktop", "WhatsApp"]) {
      expect(line(name), name).toMatchObject({ phase: "quick", removal: true, alternative: null });
      expect(line(name)!.points).toBeGreaterThan(0);
    }
    expect(line("Slack")?.removal).toBe(false);
    expect(line("Discord")?.removal ?? false).toBe(false);
  });

  it("the roadmap says « à désinstaller » and names the catalog's alternative for a service that would use it", () => {
    const ctx = buildContext(
      "roadmap",
      parseInputs("roadmap", {
        collectivite: { name: "Commune de Lamballe-Armor" },
        analysisId: "t",
        targetDate: "2029-12",
      }),
      consumer(),
      loadStructure("roadmap"),
      NOW,
    );
    const quick = ctx.vars.phases_detail!.split("### Remplacements accompagnés")[0]!;
    expect(quick).toMatch(
      /\*\*Telegram Desktop\*\* \([^\n]*\) → à désinstaller[^\n]*si un service en a l'usage : Olvid/,
    );
  });
});
