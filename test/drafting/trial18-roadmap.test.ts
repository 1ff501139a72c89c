/**
 * trial18 F4: « Le contrat Microsoft 365 arrive à échéance le 30 juin 2027 », written in the roadmap's context, became
 * the migration deadline of Microsoft 365 Apps → LibreOffice (« échéance locale : juin 2027 », due 30 June 2027 in the
 * adopted plan) for a product the roadmap put beyond the objective; and software out of support (Exchange Server
 * 2016, Windows Server 2012 R2) was « au-delà de l'objectif, à programmer ». A contract's end is a decision point —
 * renew it or not — said as such, never a due date; software out of support is scheduled first, whatever the target.
 * Another inventory than the trial's (a communauté d'agglomération with other counts), the real catalogue.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildContext } from "../../server/drafting/context.ts";
import { parseInputs } from "../../server/drafting/inputs.ts";
import { isContractEnd, localDeadline, planRoadmap } from "../../server/drafting/roadmap-plan.ts";
import { loadStructure } from "../../server/drafting/structure.ts";
import type { InventoryAnalysis } from "../../server/drafting/types.ts";
import { loadMatchIndex, type MatchIndex } from "../../server/inventory/match.ts";
import { roadmapProposal } from "../helpers/drafts.ts";
import { postJson, readSse, startTestServer, type TestServer } from "../helpers/server.ts";
import { analysedRows, inventoryRow, microsoftRow } from "../inventory/fixtures.ts";

const NOW = "2026-12-07T08:00:00.000Z";
let index: MatchIndex;
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
}, 120_000);
const ms = microsoftRow;
const analysis = (): InventoryAnalysis => ({
  ...analysedRows(
    [
      ms("Microsoft Windows 11 Professionnel", 140),
      ms("Microsoft Windows 10 Professionnel", 60),
      ms("Microsoft 365 Apps for enterprise - fr-fr", 70),
      ms("Microsoft Office Professionnel Plus 2016", 45),
      ms("Microsoft Exchange Server 2016", 2),
      ms("Microsoft Windows Server 2019 Standard", 9, ["10.0.17763"]),
      ms("Microsoft Windows Server 2012 R2 Standard", 3, ["6.3.9600"]),
      ms("Microsoft Teams", 180),
      inventoryRow("Google Chrome", "Google LLC", 150),
      inventoryRow("Zoom Workplace", "Zoom Video Communications, Inc.", 30),
      inventoryRow("LibreOffice", "The Document Foundation", 25),
    ],
    index,
    NOW,
  ),
  id: "agglo-causses",
  name: "Inventaire de l'agglomération",
});
const CONTEXT =
  "Le contrat Microsoft 365 arrive à échéance le 30 juin 2027 ; Exchange Server 2016 n'est plus supporté depuis octobre 2025.";
const INPUTS = {
  collectivite: { name: "Communauté d'agglomération des Causses Bleues", kind: "communauté d'agglomération" },
  analysisId: "agglo-causses",
  startDate: "2027-01",
  targetDate: "2029-12",
  targetShare: 60,
  context: CONTEXT,
};

describe("a contract's end is a decision point, not a deadline (trial18 F4)", () => {
  it("reads a contract's end as one, unless the sentence sets a deadline", () => {
    expect(isContractEnd("Le contrat Microsoft 365 arrive à échéance le 30 juin 2027")).toBe(true);
    expect(isContractEnd("Le marché antivirus Kaspersky se termine en avril 2027")).toBe(true);
    expect(isContractEnd("Notre abonnement Zoom prend fin en mars 2028")).toBe(true);
    expect(isContractEnd("Le contrat Zoom se termine en mars 2028 : la migration doit être faite avant")).toBe(false);
    expect(isContractEnd("Les postes Windows 10 doivent être migrés d'ici juin 2027")).toBe(false);
    expect(isContractEnd("Exchange Server 2016 n'est plus supporté depuis octobre 2025")).toBe(false);
  });

  it("dates no replacement with it, and says it as a decision to take", () => {
    const plan = planRoadmap(analysis(), { target: 60, context: CONTEXT, now: NOW });
    const contract = plan.events.find((e) => /contrat/.test(e.text))!;
    expect(contract.contractEnd).toBe(true);
    const m365 = plan.lines.find((l) => /365/.test(l.item.name))!;
    expect(contract.lines).toContain(m365);
    expect(localDeadline(plan.events, m365)).toBeUndefined();

    const ctx = buildContext("roadmap", parseInputs("roadmap", INPUTS), analysis(), loadStructure("roadmap"), NOW);
    const detail = ctx.vars.phases_detail!;
    const line = (name: RegExp) => detail.split("\n").find((l) => name.test(l) && l.startsWith("- **")) ?? "";
    expect(line(/Microsoft 365 Apps/)).not.toMatch(/échéance locale/);
    expect(line(/Microsoft 365 Apps/)).toMatch(
      /fin du contrat en juin 2027 \(contexte local\) : une date de décision \(le renouveler ou non\), pas une échéance de remplacement/,
    );
    const calendar = ctx.vars.calendar_table!;
    expect(calendar).toMatch(
      /\| Fin de contrat, décision à prendre \(Microsoft 365 Apps\) : « Le contrat Microsoft 365 arrive à échéance le 30 juin 2027 » \| juin 2027 \|/,
    );
    expect(calendar).not.toMatch(/Contexte local \(Microsoft 365/);
  });

  it("schedules software out of support first, Exchange Server 2016 and Windows Server 2012 R2 included", () => {
    const ctx = buildContext("roadmap", parseInputs("roadmap", INPUTS), analysis(), loadStructure("roadmap"), NOW);
    const detail = ctx.vars.phases_detail!;
    const line = (name: RegExp) => detail.split("\n").find((l) => name.test(l) && l.startsWith("- **")) ?? "";
    expect(line(/Exchange Server 2016/)).toMatch(/depuis le 14 octobre 2025[^\n]*à mener en premier/);
    expect(line(/Windows Server/)).toMatch(/10 octobre 2023[^\n]*à mener en premier/);
    const beyond = /les autres \((.*)\) vont au-delà de l'objectif/.exec(detail)?.[1] ?? "";
    expect(beyond).not.toMatch(/Exchange|Windows Server/);
  });
});

describe("the plan adopted from that roadmap (trial18 F4, real HTTP server)", () => {
  let server: TestServer;
  let proposal: any;
  beforeAll(async () => {
    server = await startTestServer();
    ({ proposal } = await roadmapProposal(server, analysis(), INPUTS));
  }, 120_000);
  afterAll(() => server?.stop());

  it("takes no due date from the contract's end, and gives software out of support the early month", () => {
    const due = Object.fromEntries(proposal.products.map((p: any) => [p.name, [p.dueDate, p.beyondTarget ?? false]]));
    expect(due["Microsoft 365 Apps"]).toBeDefined();
    expect(due["Microsoft 365 Apps"][0]).not.toBe("2027-06-30");
    expect(due["Microsoft Exchange Server"]).toEqual(["2027-07-31", false]);
    // One row per edition (trial20): 2012 R2, out of support, early; 2019, supported until 2029, beyond the objective
    // — it took 2012 R2's date when both were one « Windows Server » row.
    expect(due["Windows Server — Microsoft Windows Server 2012 R2 Standard"]).toEqual(["2027-07-31", false]);
    expect(due["Windows Server — Microsoft Windows Server 2019 Standard"]).toEqual([null, true]);
  });
});
