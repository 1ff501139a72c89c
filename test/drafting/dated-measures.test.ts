/**
 * The roadmap's measure at a month subtracts every replacement due by then, each once (round 28). Software without
 * security fixes is due six months after the start (`UNSUPPORTED_MONTHS`, `lineEnd`), earlier than the end of its
 * phase, but the phase measures still counted it only at the end of its own phase: Kervallon's roadmap read « Fin des
 * gains rapides, mars 2028 : 75 % » while Office and Windows 10 (42,9 points) were due by July 2027, and the row of
 * the software out of support printed « — ». The phase values, that row, the « À l'issue de la phase » sentences, the
 * calendar and the plan adopted from the roadmap now read one function (`measureAt`). Another inventory than
 * Kervallon's (a commune with Kaspersky, Office 2019, Windows 10, Teams and Windows 11), the real catalogue.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatPercent, frenchDate, roundPercent } from "../../server/core/text.ts";
import { addMonths } from "../../server/drafting/calendar.ts";
import { buildContext } from "../../server/drafting/context.ts";
import { parseInputs } from "../../server/drafting/inputs.ts";
import { lineDues, measureAt, phaseMilestones } from "../../server/drafting/roadmap-calendar.ts";
import { planRoadmap, type RoadmapLine, type RoadmapPlan } from "../../server/drafting/roadmap-plan.ts";
import { loadStructure } from "../../server/drafting/structure.ts";
import type { InventoryAnalysis } from "../../server/drafting/types.ts";
import { loadMatchIndex, type MatchIndex } from "../../server/inventory/match.ts";
import { plannedValue } from "../../server/tracking/plan.ts";
import { roadmapProposal, tableRows } from "../helpers/drafts.ts";
import { PLEYBEN_NOW, percentCell, pleybenMap } from "../helpers/pleyben.ts";
import { postJson, readSse, startTestServer, type TestServer } from "../helpers/server.ts";
import { analysedRows, inventoryRow } from "../inventory/fixtures.ts";

const NOW = PLEYBEN_NOW;
const START = "2027-01";
const TARGET_DATE = "2029-12";
let index: MatchIndex;
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
}, 120_000);
const analysis = (): InventoryAnalysis => pleybenMap(index, "commune-pleyben", "Inventaire de Pleyben");
// No target typed: the default, the end of the guided replacements.
const INPUTS = {
  collectivite: { name: "Commune de Pleyben", kind: "commune" },
  analysisId: "commune-pleyben",
  startDate: START,
  targetDate: TARGET_DATE,
};

const percent = percentCell;
const sum = (lines: RoadmapLine[]) => lines.reduce((s, l) => s + l.points, 0);
const months = (from: string, to: string) => {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
};

describe("the measure at a month counts every replacement due by then, once", () => {
  let plan: RoadmapPlan;
  let line: (name: RegExp) => RoadmapLine;
  beforeAll(() => {
    plan = planRoadmap(analysis(), { now: NOW });
    line = (name) => plan.lines.find((l) => name.test(l.item.name))!;
  });

  it("plans Kaspersky first, Office and Windows 10 out of support before Teams in the guided phase, Windows 11 beyond", () => {
    expect(line(/Kaspersky/).phase).toBe("quick");
    expect(line(/Office/)).toMatchObject({ phase: "guided", unsupported: ["2025-10-14"] });
    expect(line(/Windows 10/)).toMatchObject({ phase: "guided", unsupported: ["2025-10-14"] });
    expect(line(/Windows 11/).phase).toBe("deep");
    expect(line(/Teams/).phase).toBe("guided");
    const dues = lineDues(plan, START, TARGET_DATE);
    expect(dues.get(line(/Office/))).toBe("2027-07");
    expect(dues.get(line(/Windows 10/))).toBe("2027-07");
    expect(dues.get(line(/Kaspersky/))).toBe("2028-03");
    expect(dues.get(line(/Teams/))).toBe(TARGET_DATE);
    // Beyond the objective: no month.
    expect(dues.get(line(/Windows 11/))).toBeNull();
  });

  it("subtracts Office and Windows 10 from the quick wins' end, due before it", () => {
    const baseline = plan.baseline.weighted!;
    const early = sum([line(/Office/), line(/Windows 10/)]);
    const quick = phaseMilestones(plan, START, TARGET_DATE).find((m) => m.phase === "quick")!;
    expect(quick.month).toBe("2028-03");
    // Before: the quick phase alone, 43 points above (Office and Windows 10 only at the guided end, December 2029).
    expect(quick.weighted).toBeCloseTo(baseline - line(/Kaspersky/).points - early, 9);
    expect(measureAt(plan, lineDues(plan, START, TARGET_DATE), "2027-07").weighted).toBeCloseTo(baseline - early, 9);
    expect(measureAt(plan, lineDues(plan, START, TARGET_DATE), "2027-06").weighted).toBeCloseTo(baseline, 9);
  });

  it("meets the target exactly at its date, counts no line twice, and never rises over the calendar", () => {
    const dues = lineDues(plan, START, TARGET_DATE);
    // Each line of the plan once.
    expect([...dues.keys()].sort((a, b) => a.item.name.localeCompare(b.item.name))).toEqual(
      [...plan.lines].sort((a, b) => a.item.name.localeCompare(b.item.name)),
    );
    let previous = plan.baseline.weighted!;
    let previousRaw = plan.baseline.raw!;
    for (const month of months("2026-12", TARGET_DATE)) {
      const at = measureAt(plan, dues, month);
      // What is due by then, each line once: the early lines are not subtracted again at their phase's end.
      const done = plan.lines.filter((l) => dues.get(l) && dues.get(l)! <= month);
      expect(at.weighted, month).toBeCloseTo(Math.max(0, plan.baseline.weighted! - sum(done)), 9);
      expect(at.weighted!, month).toBeLessThanOrEqual(previous + 1e-9);
      expect(at.raw!, month).toBeLessThanOrEqual(previousRaw + 1e-9);
      previous = at.weighted!;
      previousRaw = at.raw!;
    }
    // The target, the guided phase's end, unchanged: its value at its date.
    expect(measureAt(plan, dues, TARGET_DATE).weighted).toBeCloseTo(plan.target.value, 9);
    expect(measureAt(plan, dues, TARGET_DATE).weighted).toBeCloseTo(plan.phases[1]!.weighted!, 9);
  });

  it("prints the same figure in the phase sentence, the calendar's rows and the default-target sentence", () => {
    const ctx = buildContext("roadmap", parseInputs("roadmap", INPUTS), analysis(), loadStructure("roadmap"), NOW);
    const baseline = plan.baseline.weighted!;
    const early = sum([line(/Office/), line(/Windows 10/)]);
    const quick = formatPercent(baseline - line(/Kaspersky/).points - early);
    const july = formatPercent(baseline - early);
    const rows = tableRows(ctx.vars.calendar_table!);
    const row = (name: RegExp) => rows.find((r) => name.test(r[0]!))!;
    expect(row(/^Remplacement des logiciels sans support/).slice(1, 3)).toEqual([frenchDate("2027-07"), july]);
    expect(row(/^Fin des gains rapides/).slice(1, 3)).toEqual([frenchDate("2028-03"), quick]);
    expect(row(/^Fin des remplacements accompagnés/).slice(1, 3)).toEqual([
      frenchDate(TARGET_DATE),
      formatPercent(plan.target.value),
    ]);
    // Dated rows never rise, and each raw share that is given does not either.
    const dated = rows.filter((r) => r[2]!.endsWith("%") && !/au plus/.test(r[2]!));
    for (let i = 1; i < dated.length; i++) {
      expect(percent(dated[i]![2]!), JSON.stringify(dated)).toBeLessThanOrEqual(percent(dated[i - 1]![2]!));
      if (dated[i]![3]!.endsWith("%") && dated[i - 1]![3]!.endsWith("%"))
        expect(percent(dated[i]![3]!)).toBeLessThanOrEqual(percent(dated[i - 1]![3]!));
    }
    const quickPhase = ctx.vars.phases_detail!.split("### Gains rapides")[1]!.split("### ")[0]!;
    expect(quickPhase).toMatch(new RegExp(`À l'issue de la phase[^\\n]*exposition pondérée ${quick}`));
    // The figure is the phase's with the early replacements, said so.
    expect(quickPhase).toMatch(
      /À l'issue de la phase, avec les logiciels sans support de l'éditeur de la phase « Remplacements accompagnés », remplacés d'ici juillet 2027 : exposition/,
    );
    expect(ctx.vars.target_sentence).toContain(`ramènerait l'exposition pondérée à ${quick}`);
    // The document's own figures include it: a sentence restating it is not flagged.
    expect(ctx.own!.figures.some((f) => f.kind === "percent" && roundPercent(f.value) === percent(quick))).toBe(true);
  });
});

describe("software out of support in a phase beyond a target the quick wins meet", () => {
  it("is still due six months in, on the calendar with its figure, never « à programmer »", () => {
    const plan = planRoadmap(analysis(), { target: 80, now: NOW });
    expect(plan.target.reachedAfter).toBe("quick");
    const office = plan.lines.find((l) => /Office/.test(l.item.name))!;
    expect(office).toMatchObject({ phase: "guided", required: true });
    const dues = lineDues(plan, START, TARGET_DATE);
    // Before: no month (its phase has none), while the document said « à mener en premier ».
    expect(dues.get(office)).toBe("2027-07");
    expect(dues.get(plan.lines.find((l) => /Teams/.test(l.item.name))!)).toBeNull();
    const ctx = buildContext(
      "roadmap",
      parseInputs("roadmap", { ...INPUTS, targetShare: 80 }),
      analysis(),
      loadStructure("roadmap"),
      NOW,
    );
    const rows = tableRows(ctx.vars.calendar_table!);
    const early = rows.find((r) => /^Remplacement des logiciels sans support/.test(r[0]!))!;
    expect(early.slice(1, 3)).toEqual([
      frenchDate("2027-07"),
      formatPercent(measureAt(plan, dues, "2027-07").weighted!),
    ]);
    expect(ctx.vars.phases_detail).toMatch(/\*\*Microsoft Office[^\n]*à mener en premier, d'ici juillet 2027/);
    // The quick wins' end, on the target's date, with Office and Windows 10 done: below the target.
    const quick = rows.find((r) => /^Fin des gains rapides/.test(r[0]!))!;
    expect(quick[1]).toBe(frenchDate(TARGET_DATE));
    expect(percent(quick[2]!)).toBe(roundPercent(measureAt(plan, dues, TARGET_DATE).weighted!));
    expect(measureAt(plan, dues, TARGET_DATE).weighted!).toBeLessThanOrEqual(80);
  });
});

describe("the rest of the phase that meets the target, beyond it", () => {
  it("counts the software out of support due before, so the calendar never rises", () => {
    const withZoom = (): InventoryAnalysis => {
      const a = analysis();
      const zoom = analysedRows([inventoryRow("Zoom Workplace", "Zoom Video Communications, Inc.", 25)], index, NOW);
      return { ...a, items: [...a.items, ...zoom.items] };
    };
    const plan = planRoadmap(withZoom(), { target: 80, now: NOW });
    expect(plan.target.reachedAfter).toBe("quick");
    expect(plan.lines.find((l) => /Zoom/.test(l.item.name))).toMatchObject({ phase: "quick", required: false });
    const ctx = buildContext(
      "roadmap",
      parseInputs("roadmap", { ...INPUTS, targetShare: 80 }),
      withZoom(),
      loadStructure("roadmap"),
      NOW,
    );
    const rows = tableRows(ctx.vars.calendar_table!);
    const needed = rows.find((r) => /^Fin des gains rapides nécessaires/.test(r[0]!))!;
    const rest = rows.find((r) => /^Suite des gains rapides/.test(r[0]!))!;
    const dues = lineDues(plan, START, TARGET_DATE);
    expect(percent(needed[2]!)).toBe(roundPercent(measureAt(plan, dues, TARGET_DATE).weighted!));
    // Before: the quick wins alone (Zoom too, not Office nor Windows 10), above the row before it.
    const early = plan.lines.filter((l) => l.unsupported?.length);
    const zoom = plan.lines.find((l) => /Zoom/.test(l.item.name))!;
    expect(percent(rest[2]!)).toBe(roundPercent(measureAt(plan, dues, TARGET_DATE).weighted! - zoom.points));
    expect(percent(rest[2]!)).toBe(roundPercent(plan.phases[0]!.weighted! - sum(early)));
    // Among the document's own figures: a sentence restating it is not flagged.
    expect(ctx.own!.figures.some((f) => f.kind === "percent" && roundPercent(f.value) === percent(rest[2]!))).toBe(
      true,
    );
    const values = rows.filter((r) => r[2]!.endsWith("%") && !/au plus/.test(r[2]!)).map((r) => percent(r[2]!));
    for (let i = 1; i < values.length; i++)
      expect(values[i]!, JSON.stringify(rows)).toBeLessThanOrEqual(values[i - 1]!);
  });
});

describe("the Kervallon example (docs/examples, as the lead makes it again)", () => {
  it("subtracts Office and Windows 10 from the quick wins' end of March 2028, and prints the July 2027 row's figure", () => {
    const request = JSON.parse(
      readFileSync(path.resolve("docs/examples/inputs/feuille-de-route-kervallon.json"), "utf8"),
    );
    const now = "2026-12-07T10:00:00.000Z";
    const plan = planRoadmap(request.inputs.analysis, { now });
    const ctx = buildContext(
      "roadmap",
      parseInputs("roadmap", request.inputs),
      request.inputs.analysis,
      loadStructure("roadmap"),
      now,
    );
    const rows = tableRows(ctx.vars.calendar_table!);
    const row = (name: RegExp) => rows.find((r) => name.test(r[0]!))!;
    const unsupported = row(/^Remplacement des logiciels sans support/);
    const quick = row(/^Fin des gains rapides/);
    const guided = row(/^Fin des remplacements accompagnés/);
    expect([unsupported[1], quick[1], guided[1]]).toEqual(["juillet 2027", "mars 2028", "décembre 2029"]);
    // Before: « juillet 2027 | — | — », « mars 2028 | 75 % | 69 % » (the quick wins alone).
    expect(unsupported[2]).toMatch(/%$/);
    expect(quick[2]).not.toBe(formatPercent(plan.phases[0]!.weighted!));
    const early = plan.lines.filter((l) => l.phase === "guided" && l.unsupported?.length);
    expect(early.map((l) => l.item.name).sort()).toEqual([
      "Microsoft Office Professionnel Plus 2019",
      "Microsoft Windows 10 Professionnel",
    ]);
    expect(percent(unsupported[2]!)).toBe(roundPercent(plan.baseline.weighted! - sum(early)));
    expect(percent(quick[2]!)).toBe(roundPercent(plan.phases[0]!.weighted! - sum(early)));
    // The end of the target's phase and the target itself unchanged.
    expect(guided[2]).toBe(formatPercent(plan.phases[1]!.weighted!));
    expect(percent(guided[2]!)).toBe(roundPercent(plan.target.value));
    expect(percent(quick[2]!)).toBeLessThan(percent(unsupported[2]!));
    expect(percent(guided[2]!)).toBeLessThan(percent(quick[2]!));
    expect(ctx.vars.target_sentence).toContain(`ramènerait l'exposition pondérée à ${quick[2]}`);
  });
});

describe("the plan adopted from that roadmap follows the same measure (real HTTP server)", () => {
  let server: TestServer;
  let draftId: string;
  let proposal: any;
  beforeAll(async () => {
    server = await startTestServer();
    ({ draftId, proposal } = await roadmapProposal(server, analysis(), INPUTS));
  }, 120_000);
  afterAll(() => server?.stop());

  it("has a milestone for every dated value of the calendar, with the value printed", async () => {
    const draft = await (await fetch(`${server.url}/api/drafts/${draftId}`)).json();
    const calendar = draft.versions.at(-1).sections.find((s: any) => s.key === "calendar");
    const rows = tableRows(calendar.text);
    const printed = rows
      .filter((r) => /^(Fin des|Remplacement des logiciels sans support)/.test(r[0]!) && r[2]!.endsWith("%"))
      .filter((r) => /\d{4}$/.test(r[1]!))
      .map((r) => [r[1], percent(r[2]!)]);
    expect(printed.length).toBe(3);
    expect(proposal.milestones.map((m: any) => [frenchDate(m.date.slice(0, 7)), m.value])).toEqual(printed);
    expect(proposal.milestones.map((m: any) => m.date)).toEqual(["2027-07-31", "2028-03-31", "2029-12-31"]);
    expect(proposal.milestones[0].label).toMatch(/sans support de l'éditeur.*Windows 10/);
    expect(proposal.milestones.at(-1)).toMatchObject({ value: roundPercent(proposal.target.value) });
  });

  it("expects the July value in July once adopted, on the plan and its public page", async () => {
    const adopted = await postJson(`${server.url}/api/plans/from-draft`, { draftId });
    expect(adopted.status).toBe(201);
    const { plan } = await adopted.json();
    const july = proposal.milestones[0].value;
    expect(plannedValue(plan, "2027-07-31")).toBe(july);
    const published = await postJson(`${server.url}/api/plans/${plan.id}/publish`, {});
    expect(published.status).toBe(200);
    const page = await (await fetch(`${server.url}/public/${plan.slug}`)).text();
    expect(page).toContain(formatPercent(july));
    await fetch(`${server.url}/api/plans/${plan.id}`, { method: "DELETE" });
  });
});
