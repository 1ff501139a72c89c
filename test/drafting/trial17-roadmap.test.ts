/**
 * trial17 D4: the plan adopted from a roadmap turned a context sentence giving a loss of support (« Windows 10 LTSC
 * 2021 (45 postes) et Windows Server 2016 perdent leur support le 12 janvier 2027 ») into a migration deadline for
 * the whole of Windows 10 (LTSC 2019, supported until 2029, included) and Windows Server (2019 included), while the
 * software already out of support, « à mener en premier » in the roadmap, got the latest date possible (Office, Skype
 * Entreprise: the target date) or none. A date from the context now applies only to what it names, an end of support
 * orders without dating, and software out of support is due early — in the phase text, the calendar and the plan.
 * Another inventory than the trial's (a syndicat with other counts), the real catalogue's lifecycle data.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildContext } from "../../server/drafting/context.ts";
import { parseInputs } from "../../server/drafting/inputs.ts";
import { isSupportEnd, planRoadmap } from "../../server/drafting/roadmap-plan.ts";
import { loadStructure } from "../../server/drafting/structure.ts";
import type { InventoryAnalysis } from "../../server/drafting/types.ts";
import { loadMatchIndex, type MatchIndex } from "../../server/inventory/match.ts";
import { roadmapProposal } from "../helpers/drafts.ts";
import { postJson, readSse, startTestServer, type TestServer } from "../helpers/server.ts";
import { analysedRows, inventoryRow } from "../inventory/fixtures.ts";

const NOW = "2026-12-07T08:00:00.000Z";
let index: MatchIndex;
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
}, 120_000);
const ms = (name: string, n: number) => inventoryRow(name, "Microsoft Corporation", n);
const analysis = (): InventoryAnalysis => ({
  ...analysedRows(
    [
      ms("Microsoft Windows 10 Professionnel", 64),
      ms("Microsoft Windows 10 Entreprise LTSC 2019", 52),
      ms("Microsoft Windows 10 Entreprise LTSC 2021", 31),
      ms("Microsoft Windows 11 Professionnel", 90),
      ms("Microsoft Windows Server 2016 Standard", 5),
      ms("Microsoft Windows Server 2019 Standard", 7),
      ms("Microsoft Office Professionnel Plus 2016", 120),
      ms("Skype Entreprise 2016", 25),
      ms("Microsoft Visio Standard 2016", 6),
      ms("Microsoft Teams classic", 140),
      inventoryRow("Kaspersky Endpoint Security for Windows", "AO Kaspersky Lab", 150),
      inventoryRow("Google Chrome", "Google LLC", 170),
    ],
    index,
    NOW,
  ),
  id: "syndicat-meuse",
  name: "Inventaire du syndicat",
});
const CONTEXT =
  "Windows 10 LTSC 2021 (31 postes) et Windows Server 2016 perdent leur support le 12 janvier 2027 ; le marché antivirus Kaspersky se termine en avril 2027.";
const INPUTS = {
  collectivite: { name: "Syndicat mixte du Val de Meuse", kind: "syndicat" },
  analysisId: "syndicat-meuse",
  startDate: "2027-01",
  targetDate: "2029-12",
  targetShare: 50,
  context: CONTEXT,
};

describe("a date of the local context applies to what it names, an end of support is no deadline (trial17 D4)", () => {
  it("reads an end of support as one, unless the sentence sets a deadline", () => {
    expect(isSupportEnd("Windows Server 2016 perd son support le 12 janvier 2027")).toBe(true);
    expect(isSupportEnd("Les postes sous Windows 10 ne seront plus supportés en octobre 2025")).toBe(true);
    expect(isSupportEnd("Windows 10 perd son support : les postes doivent être migrés avant juin 2027")).toBe(false);
    expect(isSupportEnd("Le marché antivirus Kaspersky se termine en avril 2027")).toBe(false);
  });

  it("names only the editions the sentence names, and dates none of them", () => {
    const plan = planRoadmap(analysis(), { target: 50, context: CONTEXT, now: NOW });
    const support = plan.events.find((e) => /perdent leur support/.test(e.text))!;
    expect(support.supportEnd).toBe(true);
    const names = (ls: { item: { name: string } }[] | undefined) => (ls ?? []).map((l) => l.item.name);
    // Windows Server 2016, not 2019; Windows 10 only in part (its LTSC 2021 edition), never LTSC 2019.
    expect(names(support.lines)).toEqual(["Microsoft Windows Server 2016 Standard"]);
    expect(names(support.partial)).toEqual(["Windows 10"]);
    expect(plan.lines.find((l) => l.item.name === "Windows 10")!.inventoryNames).not.toContain(
      "Microsoft Windows 10 Entreprise LTSC 2019",
    );
    const kaspersky = plan.events.find((e) => /Kaspersky/.test(e.text))!;
    expect(kaspersky.supportEnd).toBeUndefined();
    expect(names(kaspersky.lines)).toEqual(["Kaspersky Endpoint Security for Windows"]);
  });

  it("says software out of support is due early, in the phase text and the calendar, none beyond the objective", () => {
    const ctx = buildContext("roadmap", parseInputs("roadmap", INPUTS), analysis(), loadStructure("roadmap"), NOW);
    const detail = ctx.vars.phases_detail!;
    const line = (name: string) => detail.split("\n").find((l) => l.startsWith(`- **${name}**`)) ?? "";
    expect(line("Windows 10")).toMatch(/à mener en premier, d'ici juillet 2027/);
    expect(line("Windows 10")).not.toMatch(/échéance locale/);
    expect(line("Microsoft Windows Server 2016 Standard")).not.toMatch(/échéance locale/);
    expect(line("Microsoft Windows Server 2019 Standard")).not.toMatch(/janvier 2027/);
    expect(line("Microsoft Windows 10 Entreprise LTSC 2019")).not.toMatch(/janvier 2027/);
    expect(line("Microsoft Office Professionnel Plus 2016")).toMatch(/à mener en premier, d'ici juillet 2027/);
    expect(line("Skype Entreprise 2016")).toMatch(/à mener en premier, d'ici juillet 2027/);
    // Already without security fixes (Windows 10, Office 2016 since October 2025) or losing them in the first month
    // (Windows Server 2016, 12 January 2027): six months after the start, not fifteen (trial24 T-M7: « d'ici mars 2028 »).
    expect(line("Microsoft Windows Server 2016 Standard")).toMatch(/à mener en premier, d'ici juillet 2027/);
    expect(detail).not.toMatch(/à mener en premier, d'ici mars 2028/);
    // A market's end is a decision to take, not the replacement's deadline (trial18 F4).
    expect(line("Kaspersky Endpoint Security for Windows")).toMatch(
      /fin du contrat en avril 2027 \(contexte local\) : une date de décision/,
    );
    expect(line("Kaspersky Endpoint Security for Windows")).not.toMatch(/échéance locale/);
    const beyond = /les autres \((.*)\) vont au-delà de l'objectif/.exec(detail)?.[1] ?? "";
    expect(beyond).not.toMatch(/Skype|Office|Visio|Server 2016|Windows 10/);
    const calendar = ctx.vars.calendar_table!;
    expect(calendar).toMatch(
      /\| Remplacement des logiciels sans support de l'éditeur \((?=[^|]*Windows 10)(?=[^|]*Microsoft Office)[^|]*\) \| juillet 2027 \|/,
    );
    expect(calendar).toMatch(
      /Contexte local \(Microsoft Windows Server 2016 Standard, une partie de Windows 10\) : « Windows 10 LTSC 2021/,
    );
  });
});

describe("the plan adopted from that roadmap (trial17 D4, real HTTP server)", () => {
  let server: TestServer;
  let proposal: any;
  beforeAll(async () => {
    server = await startTestServer();
    ({ proposal } = await roadmapProposal(server, analysis(), INPUTS));
  }, 120_000);
  afterAll(() => server?.stop());

  it("gives software out of support the early month, and takes no due date from an end of support", () => {
    const due = Object.fromEntries(proposal.products.map((p: any) => [p.name, [p.dueDate, p.beyondTarget ?? false]]));
    // Before: Windows 10 and Windows Server « 31 janvier 2027 », Office and Skype the target date or none.
    for (const name of [
      "Windows 10 — Microsoft Windows 10 Professionnel, Microsoft Windows 10 Entreprise LTSC 2021",
      "Microsoft Office (licence perpétuelle)",
      "Skype Entreprise (Lync)",
      "Microsoft Visio",
      "Windows Server — Microsoft Windows Server 2016 Standard",
    ])
      expect(due[name], name).toEqual(["2027-07-31", false]);
    // One row per edition (trial20): LTSC 2019 and Server 2019, supported until 2029, are beyond the objective — they
    // took the early date when each product was one row.
    expect(due["Windows 10 — Microsoft Windows 10 Entreprise LTSC 2019"]).toEqual([null, true]);
    expect(due["Windows Server — Microsoft Windows Server 2019 Standard"]).toEqual([null, true]);
    // A market ending is a decision to take, not a due date (trial18 F4): the month of its phase.
    expect(due["Kaspersky Endpoint Security"]).toEqual(["2028-03-31", false]);
    expect(proposal.products.some((p: any) => p.dueDate === "2027-01-31")).toBe(false);
  });
});
