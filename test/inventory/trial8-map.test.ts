/**
 * Trial 8 (5 December 2026, an 84-row GLPI export and GLPI Agent files), against the real catalog:
 * - B3: a product's updater or maintenance tool, under a name of its own (« Lenovo System Update » beside « Lenovo
 *   Vantage »), is counted with the product's line, not added to it: without host names, two rows of the same PCs made
 *   240 installations on ~310 PCs. An exact duplicate row of a per-name export is counted once, and said. Tested on
 *   Dell (SupportAssist + Command | Update), Google Chrome + its update helper and Firefox's maintenance service.
 * - B12: a GLPI Agent file that names the OS both in « operatingsystem » and among its software counts it once per PC.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { loadMatchIndex, type MatchIndex } from "../../server/inventory/match.ts";
import { parseInventoryFiles } from "../../server/inventory/parse.ts";
import type { InventoryRow } from "../../server/inventory/types.ts";
import { inventoryRow } from "./fixtures.ts";

let index: MatchIndex;
const NOW = "2026-12-05T08:00:00Z";
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
});
const analyze = (rows: InventoryRow[]) => analyzeRows(rows, index, { now: NOW });
const installationsOf = (r: ReturnType<typeof analyze>, productId: string) =>
  r.items.filter((i) => i.product?.id === productId && !i.component).reduce((s, i) => s + i.installations, 0);

describe("a product's update tool is not added to the product (B3)", () => {
  it("counts Dell Command | Update with Dell SupportAssist, once", () => {
    const r = analyze([
      inventoryRow("Dell SupportAssist", "Dell Inc.", 60),
      inventoryRow("Dell Command | Update", "Dell Inc.", 60),
    ]);
    expect(installationsOf(r, "dell-supportassist")).toBe(60);
    const tool = r.items.find((i) => i.name === "Dell Command | Update")!;
    expect(tool).toMatchObject({ component: true, partOf: "dell-supportassist" });
  });

  it("counts an update helper and a maintenance service with their product", () => {
    const r = analyze([
      inventoryRow("Google Chrome", "Google LLC", 90),
      inventoryRow("Google Update Helper", "Google LLC", 90),
      inventoryRow("Mozilla Firefox (x64 fr)", "Mozilla", 50),
      inventoryRow("Mozilla Maintenance Service", "Mozilla", 50),
    ]);
    expect(installationsOf(r, "google-chrome")).toBe(90);
    expect(installationsOf(r, "firefox")).toBe(50);
  });

  it("still adds two versions of one product, which are different PCs", () => {
    const r = analyze([
      inventoryRow("Microsoft Office Professionnel Plus 2016", "Microsoft Corporation", 30),
      inventoryRow("Microsoft Office Professionnel Plus 2016", "Microsoft Corporation", 0),
      inventoryRow("Dell SupportAssist", "Dell Inc.", 20),
      inventoryRow("Dell SupportAssist 4.1", "Dell Inc.", 15),
    ]);
    expect(installationsOf(r, "dell-supportassist")).toBe(35);
  });
});

describe("an exact duplicate row of a per-name export counts once (B3)", () => {
  const csv = (lines: string[]) =>
    new TextEncoder().encode(
      ['"Nom";"Entité";"Éditeur";"Versions - Nom";"Nombre d\'installations"', ...lines].join("\r\n"),
    );
  it("merges the duplicate and says so on the file", () => {
    const parsed = parseInventoryFiles([
      {
        name: "glpi.csv",
        bytes: csv([
          '"Zoom Workplace";"Mairie";"Zoom Video Communications, Inc.";"6.2";"25"',
          '"Slack";"Mairie";"Slack Technologies, LLC";"4.41";"7"',
          '"Zoom Workplace";"Mairie";"Zoom Video Communications, Inc.";"6.2";"25"',
          '"Zoom Workplace";"École";"Zoom Video Communications, Inc.";"6.2";"25"',
        ]),
      },
    ]);
    const r = analyze(parsed.rows);
    expect(r.items.find((i) => i.name === "Zoom Workplace")?.installations).toBe(50);
    expect(parsed.files[0]!.duplicates).toEqual(["Zoom Workplace"]);
  });
});

describe("the OS named twice by a GLPI Agent file counts once per PC (B12)", () => {
  const agent = (id: string) => ({
    name: `${id}.json`,
    bytes: new TextEncoder().encode(
      JSON.stringify({
        action: "inventory",
        deviceid: id,
        itemtype: "Computer",
        content: {
          hardware: { name: id, vmsystem: "Physical" },
          operatingsystem: { name: "Windows", full_name: "Microsoft Windows 10 Entreprise", version: "22H2" },
          softwares: [
            { name: "Microsoft Windows 10 Entreprise", publisher: "Microsoft Corporation", version: "10.0.19045" },
            { name: "VLC media player", publisher: "VideoLAN", version: "3.0.21" },
          ],
        },
      }),
    ),
  });
  it("counts Windows 10 on two PCs as two installations", () => {
    const parsed = parseInventoryFiles([agent("PC-MAIRIE-01"), agent("PC-MAIRIE-02")]);
    const r = analyze(parsed.rows);
    expect(installationsOf(r, "windows-10")).toBe(2);
  });
});
