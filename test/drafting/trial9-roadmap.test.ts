/**
 * Trial 9 (6 December 2026), the roadmap against the real catalog, on other products than the trial's:
 * - B1: every usual wording of a contract's end in the local context is that line's deadline — « jusqu'en juin
 *   2027 », « échéance », « fin de marché 2028 », « jusqu'au renouvellement de 2028 » —, and a contract named by a
 *   vendor that has several lines of one kind (two Cisco visioconference tools) is the deadline of all of them.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildContext } from "../../server/drafting/context.ts";
import { parseInputs } from "../../server/drafting/inputs.ts";
import { eventDate, planRoadmap } from "../../server/drafting/roadmap-plan.ts";
import { loadStructure } from "../../server/drafting/structure.ts";
import type { Draft, DraftVersion } from "../../server/drafting/types.ts";
import { freshness } from "../../server/export/model.ts";
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
      inventoryRow("Microsoft Windows 10 Professionnel", "Microsoft Corporation", 100),
      inventoryRow("Microsoft Office Professionnel Plus 2019", "Microsoft Corporation", 100),
      inventoryRow("Sophos Endpoint Agent", "Sophos Limited", 90),
      inventoryRow("Trellix Endpoint Security", "Trellix", 40),
      inventoryRow("Zoom Workplace", "Zoom Video Communications, Inc.", 30),
      inventoryRow("Cisco Webex Meetings", "Cisco Webex LLC", 25),
      inventoryRow("Cisco Jabber", "Cisco Systems, Inc.", 10),
    ],
    index,
    NOW,
  );
const names = (lines: { item: { name: string } }[]) => lines.map((l) => l.item.name).sort();

describe("the end of a contract, however it is worded (B1)", () => {
  it.each([
    ["Le contrat Sophos court jusqu'en mars 2028", "2028-03"],
    ["Échéance du marché Sophos : septembre 2027", "2027-09"],
    ["Sophos : fin de marché 2028", "2028"],
    ["La protection des postes reste sur Sophos jusqu'au renouvellement de 2028", "2028"],
    ["Licences Sophos : échéance 2029", "2029"],
    ["Sophos, renouvellement en 2028", "2028"],
    ["Le marché Sophos arrive à son terme en 2028", "2028"],
    ["Abonnement Sophos jusqu'à 2028", "2028"],
  ])("« %s » sets the date %s", (sentence, date) => {
    expect(eventDate(sentence)).toBe(date);
    const plan = planRoadmap(analysis(), { now: NOW, context: sentence });
    expect(plan.events.map((e) => [e.date, names(e.lines)])).toEqual([[date, ["Sophos Endpoint Agent"]]]);
  });

  it("does not take a version or a product's year for a date", () => {
    expect(eventDate("On garde Office 2019 pour la comptabilité")).toBeNull();
    expect(eventDate("Windows Server 2022 reste en place")).toBeNull();
  });

  it("a vendor's contract covers its lines of one kind, not lines of different kinds", () => {
    const plan = planRoadmap(analysis(), {
      now: NOW,
      context: "Le marché Cisco se termine en juin 2027 ; le contrat Microsoft court jusqu'au renouvellement de 2029.",
    });
    const cisco = plan.events.find((e) => e.text.includes("Cisco"))!;
    expect(names(cisco.lines)).toEqual(["Cisco Jabber", "Cisco Webex Meetings"]);
    // Windows and Office: two kinds of software, the vendor's name alone names neither.
    const microsoft = plan.events.find((e) => e.text.includes("Microsoft"))!;
    expect(microsoft.date).toBe("2029");
    expect(names(microsoft.lines)).toEqual([]);
  });

  it("the document gives each named line its contract's end, as a decision to take, and the calendar quotes the context", () => {
    const ctx = buildContext(
      "roadmap",
      parseInputs("roadmap", {
        collectivite: { name: "Communauté de communes du Val d'Essonne" },
        analysisId: "t",
        targetDate: "2030-06",
        context:
          "Le marché Zoom se termine en juin 2027 ; la protection des postes reste sur Trellix jusqu'au renouvellement de 2028",
      }),
      analysis(),
      loadStructure("roadmap"),
      NOW,
    );
    const phases = ctx.vars.phases_detail!;
    // A contract's end is a decision to take, not a deadline (trial18 F4).
    expect(phases).toMatch(
      /\*\*Zoom Workplace\*\*[^\n]*fin du contrat en juin 2027 \(contexte local\) : une date de décision/,
    );
    expect(phases).toMatch(/\*\*Trellix Endpoint Security\*\*[^\n]*fin du contrat en 2028 \(contexte local\)/);
    expect(phases).not.toMatch(/échéance locale/);
    // The context's sentence is quoted as written, not run on after a colon as if it were a heading's end.
    expect(ctx.vars.calendar_table).toMatch(
      /Fin de contrat, décision à prendre \(Zoom\) : « Le marché Zoom se termine en juin 2027 »/,
    );
    expect(ctx.vars.calendar_table).not.toMatch(/ : Le /);
  });
});

/**
 * B5: consumer apps an agent installed on one or two computers (the trial: a video editor and a personal messenger of
 * Chinese publishers) were « Chantiers de fond — alternative à rechercher ». Such an app, with few installations and
 * no alternative in the catalog, is a removal: in the quick phase, « à désinstaller » with the reason, and the rule
 * said in the roadmap; business software of a few installations (Bentley OpenRoads) stays where it was. Tested on
 * Douyin, Tencent Video and a solitaire game.
 */
describe("small consumer apps (B5)", () => {
  const consumer = () =>
    analysedRows(
      [
        inventoryRow("Microsoft Windows 10 Professionnel", "Microsoft Corporation", 100),
        inventoryRow("Douyin", "ByteDance Ltd.", 1),
        inventoryRow("Tencent Video", "Tencent", 2),
        inventoryRow("Solitaire Collection", "Microsoft Studios", 4),
        inventoryRow("Bentley OpenRoads Designer", "Bentley Systems, Incorporated", 2),
      ],
      index,
      NOW,
    );

  it("are quick removals, not deep projects; business software is not", () => {
    const plan = planRoadmap(consumer(), { now: NOW });
    const phase = (name: string) => plan.lines.find((l) => l.item.name === name);
    for (const name of ["Douyin", "Tencent Video", "Solitaire Collection"]) {
      expect(phase(name)).toMatchObject({ phase: "quick", removal: true });
      expect(phase(name)!.points).toBeGreaterThan(0);
    }
    expect(phase("Bentley OpenRoads Designer")).toMatchObject({ phase: "deep", removal: false });
  });

  it("the roadmap says « à désinstaller », why, and the rule", () => {
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
    expect(quick).toMatch(/\*\*Douyin\*\* \([^\n]*\) → à désinstaller : application grand public/);
    expect(quick).toMatch(/\*\*Solitaire Collection\*\*[^\n]*→ à désinstaller/);
    expect(quick).toMatch(/installées sur au plus 5 postes sont à désinstaller/);
    const deep = ctx.vars.phases_detail!.split("### Chantiers de fond")[1]!;
    expect(deep).not.toMatch(/Douyin|Tencent Video|Solitaire/);
    expect(deep).toMatch(/\*\*Bentley OpenRoads Designer\*\*/);
    const row = ctx.vars.alternatives_table!.split("\n").find((l) => l.startsWith("| Douyin"))!;
    expect(row).toMatch(/aucune : à désinstaller \| Gains rapides \|$/);
  });
});

/**
 * B6: the roadmap's header said « cartographie du 6 décembre 2026 » (the day the file was imported) over tables that
 * say « inventaire du 15 juin 2026 » (the day the inventory describes): one date per inventory, the latter.
 */
describe("one date per inventory (B6)", () => {
  it("the document's header dates the map by the day its inventory describes", () => {
    const draft = {
      inputs: { analysis: { createdAt: "2027-02-03T09:00:00.000Z", inventoryDate: "2026-10-01" } },
    } as unknown as Draft;
    const version = { at: "2027-02-03T09:05:00.000Z", sections: [] } as unknown as DraftVersion;
    expect(freshness(draft, version).inventory).toBe("2026-10-01");
    const imported = { inputs: { analysis: { createdAt: "2027-02-03T09:00:00.000Z" } } } as unknown as Draft;
    expect(freshness(imported, version).inventory).toBe("2027-02-03");
  });
});
