/**
 * The figure after a phase is the roadmap's, with its month, in every document (round 28, dated28). roadmap28 made the
 * roadmap's measure at a month subtract every replacement due by then (`measureAt`): the quick wins' end counts the
 * software out of support, due six months in. The briefing note still printed the quick phase alone, undated
 * (« après les gains rapides : 75 % » beside the roadmap's « Fin des gains rapides, mars 2028 : 32 % »); a whole
 * phase beyond the objective was still « à programmer » in the calendar's intro, its software out of support due in
 * July 2027; a guided phase holding only software out of support still ran to the target date, and the « première
 * étape » was not said. Real catalogue, real HTTP server for the documents.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatPercent, frenchDate, roundPercent } from "../../server/core/text.ts";
import { buildContext } from "../../server/drafting/context.ts";
import { parseInputs } from "../../server/drafting/inputs.ts";
import { roadmapCalendar } from "../../server/drafting/roadmap-calendar.ts";
import { planRoadmap } from "../../server/drafting/roadmap-plan.ts";
import { loadStructure } from "../../server/drafting/structure.ts";
import type { InventoryAnalysis } from "../../server/drafting/types.ts";
import { loadMatchIndex, type MatchIndex } from "../../server/inventory/match.ts";
import { tableRows } from "../helpers/drafts.ts";
import { PLEYBEN_NOW, percentCell, pleybenMap } from "../helpers/pleyben.ts";
import { postJson, readSse, startTestServer, type TestServer } from "../helpers/server.ts";
import { analysedRows, inventoryRow } from "../inventory/fixtures.ts";

const NOW = PLEYBEN_NOW;
const ms = (name: string, n: number) => inventoryRow(name, "Microsoft Corporation", n);
const START = "2027-01";
const TARGET_DATE = "2029-12";
let index: MatchIndex;
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
}, 120_000);
/** A commune's map: Kaspersky (quick), Office 2019 and Windows 10 out of support, Teams (guided), Windows 11 (deep). */
const analysis = (id: string, teams = true): InventoryAnalysis => pleybenMap(index, id, `Inventaire ${id}`, { teams });
const collectivite = { name: "Commune de Pleyben", kind: "commune" };
const percent = percentCell;

describe("the briefing note says the roadmap's figure for the quick wins' end, with its month (real HTTP server)", () => {
  let server: TestServer;
  const draft = async (type: string, inputs: Record<string, unknown>) => {
    const events = await readSse(await postJson(`${server.url}/api/drafts`, { type, inputs }));
    expect(events.at(-1)!.event).toBe("done");
    const id = events.at(-1)!.data.id;
    return (await (await fetch(`${server.url}/api/drafts/${id}`)).json()).versions.at(-1);
  };
  beforeAll(async () => {
    server = await startTestServer();
    const a = analysis("commune-pleyben-note");
    await server.engine.records("analyses").put(a.id, a);
  }, 120_000);
  afterAll(() => server?.stop());

  it("prints « fin des gains rapides, mars 2028 » at the roadmap's calendar figure, not the quick phase alone", async () => {
    const dates = { analysisId: "commune-pleyben-note", startDate: START, targetDate: TARGET_DATE };
    const roadmap = await draft("roadmap", { collectivite, ...dates });
    const rows = tableRows(roadmap.sections.find((s: any) => s.key === "calendar").text);
    const quickRow = rows.find((r) => /^Fin des gains rapides/.test(r[0]!))!;
    const guidedRow = rows.find((r) => /^Fin des remplacements accompagnés/.test(r[0]!))!;
    expect(quickRow[1]).toBe("mars 2028");
    const note = await draft("briefing", { collectivite, ...dates });
    const essentials = note.sections.find((s: any) => s.key === "essentials").text;
    const plan = planRoadmap(analysis("x"), { now: NOW });
    // Before: « l'exposition pondérée descendrait à 59,8 % » (the quick phase alone, no month).
    expect(essentials).not.toContain(formatPercent(plan.phases[0]!.weighted!));
    expect(essentials).toMatch(new RegExp(`mars 2028[^\\n]*${quickRow[2]!.replace(/\s/g, "\\s")}`));
    const forUs = note.sections.find((s: any) => s.key === "for-us").text;
    expect(forUs).toMatch(new RegExp(`décembre 2029[^\\n]*${guidedRow[2]!.replace(/\s/g, "\\s")}`));
  }, 120_000);

  it("without a calendar, says the undated figure the roadmap without a date prints", async () => {
    const note = await draft("briefing", { collectivite, analysisId: "commune-pleyben-note" });
    const essentials = note.sections.find((s: any) => s.key === "essentials").text;
    const plan = planRoadmap(analysis("x"), { now: NOW });
    expect(essentials).toContain(formatPercent(plan.phases[0]!.weighted!));
    expect(essentials).not.toMatch(/mars 2028/);
  }, 120_000);
});

/** The context a dated briefing or roadmap of map `id` is written from (start and target dates typed). */
function datedContext(kind: "briefing" | "roadmap", id: string) {
  const a = analysis(id);
  const inputs = parseInputs(kind, { collectivite, analysisId: a.id, startDate: START, targetDate: TARGET_DATE });
  return { a, ctx: buildContext(kind, inputs, a, loadStructure(kind), NOW) };
}

describe("the briefing's data block and own figures, dated", () => {
  it("names the month of each figure and accepts the dated figure as the document's own", () => {
    const { a, ctx } = datedContext("briefing", "commune-pleyben-data");
    const plan = planRoadmap(a, { now: NOW });
    const calendar = roadmapCalendar(plan, START, TARGET_DATE);
    const quick = calendar.phases.find((m) => m.phase === "quick")!;
    expect(ctx.data).toContain(`Fin des gains rapides, ${frenchDate(quick.month!)}`);
    expect(ctx.data).toContain(formatPercent(quick.weighted!));
    expect(ctx.data).not.toMatch(/Après les gains rapides/);
    expect(
      ctx.own!.figures.some((f) => f.kind === "percent" && roundPercent(f.value) === roundPercent(quick.weighted!)),
    ).toBe(true);
  });
});

describe("the dated roadmap's own figures", () => {
  it("no longer accept the quick phase alone, undated, which the roadmap prints nowhere", () => {
    const { a, ctx } = datedContext("roadmap", "commune-pleyben-own");
    const plan = planRoadmap(a, { now: NOW });
    const alone = roundPercent(plan.phases[0]!.weighted!);
    // Before: « exposition pondérée après une phase : 80 % » among them, so « après les gains rapides, 80 % » passed
    // beside the calendar's « Fin des gains rapides, mars 2028 : 25 % ».
    expect(ctx.own!.figures.filter((f) => f.kind === "percent").map((f) => roundPercent(f.value))).not.toContain(alone);
    expect(ctx.vars.calendar_table).not.toContain(formatPercent(plan.phases[0]!.weighted!));
  });
});

describe("a whole phase beyond the objective, in the calendar's intro", () => {
  it("says its software out of support is due in July 2027, not only « à programmer »", () => {
    const a = analysis("commune-pleyben-80");
    const ctx = buildContext(
      "roadmap",
      parseInputs("roadmap", {
        collectivite,
        analysisId: a.id,
        startDate: START,
        targetDate: TARGET_DATE,
        targetShare: 80,
      }),
      a,
      loadStructure("roadmap"),
      NOW,
    );
    // Before: « Au-delà, les remplacements accompagnés iraient plus loin que l'objectif : ils restent à programmer … »
    expect(ctx.vars.calendar_intro).toMatch(/restent à programmer/);
    expect(ctx.vars.calendar_intro).toMatch(/sans support de l'éditeur[^.]*juillet 2027/);
    expect(ctx.vars.calendar_intro).toMatch(/Microsoft Office Professionnel Plus 2019/);
  });
});

describe("a guided phase holding only software out of support", () => {
  it("ends when that software is due, the quick wins' end meets the target, and the first step is said", () => {
    const a = analysis("commune-pleyben-noteams", false);
    const plan = planRoadmap(a, { now: NOW });
    const guided = plan.phases.find((p) => p.phase === "guided")!;
    expect(guided.lines.length).toBeGreaterThan(0);
    expect(guided.lines.every((l) => l.unsupported?.length)).toBe(true);
    expect(plan.target.reachedAfter).toBe("guided");
    const calendar = roadmapCalendar(plan, START, TARGET_DATE);
    const g = calendar.phases.find((m) => m.phase === "guided")!;
    const q = calendar.phases.find((m) => m.phase === "quick")!;
    // Before: the guided phase ran to December 2029 with nothing left to do after July 2027.
    expect(g.month).toBe("2027-07");
    expect(q.month).toBe("2028-03");
    expect(roundPercent(q.weighted!)).toBe(roundPercent(plan.target.value));
    const ctx = buildContext(
      "roadmap",
      parseInputs("roadmap", { collectivite, analysisId: a.id, startDate: START, targetDate: TARGET_DATE }),
      a,
      loadStructure("roadmap"),
      NOW,
    );
    const rows = tableRows(ctx.vars.calendar_table!);
    const guidedRow = rows.find((r) => /^Fin des remplacements accompagnés/.test(r[0]!))!;
    expect(guidedRow[1]).toBe("juillet 2027");
    expect(percent(guidedRow[2]!)).toBe(roundPercent(g.weighted!));
    // The first step, with its month and figure, and the target met at the quick wins' end.
    expect(ctx.vars.target_sentence).toMatch(
      new RegExp(`première étape[^.]*juillet 2027[^.]*${formatPercent(g.weighted!).replace(/\s/g, "\\s")}`),
    );
    expect(ctx.vars.target_sentence).toMatch(/mars 2028/);
    // The guided phase's own sentence says its month, before the quick wins' end listed above it.
    const guidedDetail = ctx.vars.phases_detail!.split("### Remplacements accompagnés")[1]!.split("### ")[0]!;
    expect(guidedDetail).toMatch(/À l'issue de la phase, dès juillet 2027, avant la fin de la phase « Gains rapides »/);
    // The calendar's intro says the target is met before its date.
    expect(ctx.vars.calendar_intro).toMatch(/atteint dès mars 2028, avant l'échéance/);
  });
});

describe("posts the context says another body equips (trial24 T-L4)", () => {
  it("marks their replacements « décision du département » and says so after the objective", () => {
    // The schools' OCS file, imported alone (the analysis takes the file's name).
    const a: InventoryAnalysis = {
      ...analysedRows(
        [
          ms("Microsoft Windows 10 Famille", 18),
          ms("Microsoft Office Famille et Petite Entreprise 2016 - fr-fr", 10),
          inventoryRow("Kaspersky Endpoint Security for Windows", "AO Kaspersky Lab", 12),
        ],
        index,
        NOW,
      ),
      id: "ocs-segalas-ecoles",
      name: "ocs-segalas-ecoles.csv",
    };
    const context = "Les écoles sont équipées par le département. La mairie compte 40 postes.";
    const ctx = buildContext(
      "roadmap",
      parseInputs("roadmap", { collectivite, analysisId: a.id, startDate: START, targetDate: TARGET_DATE, context }),
      a,
      loadStructure("roadmap"),
      NOW,
    );
    // Before: « **Microsoft Windows 10 Famille** … → Debian … à mener en premier, d'ici … » and nothing else.
    expect(ctx.vars.phases_detail).toMatch(/\*\*Microsoft Windows 10 Famille\*\*[^\n]*décision du département/);
    expect(ctx.vars.calendar_warnings).toMatch(/« Les écoles sont équipées par le département »/);
    expect(ctx.vars.calendar_warnings).toMatch(/Microsoft Windows 10 Famille/);
    // A context that says nothing of another body: no mark.
    const own = buildContext(
      "roadmap",
      parseInputs("roadmap", { collectivite, analysisId: a.id, startDate: START, targetDate: TARGET_DATE }),
      a,
      loadStructure("roadmap"),
      NOW,
    );
    expect(own.vars.phases_detail).not.toMatch(/décision du/);
  });

  it("names only the products the sentence names when it names some, whatever the map's name", () => {
    const a = analysis("commune-pleyben-dep");
    const context = "Les postes sous Windows 11 sont fournis par la région.";
    const ctx = buildContext(
      "roadmap",
      parseInputs("roadmap", { collectivite, analysisId: a.id, startDate: START, targetDate: TARGET_DATE, context }),
      a,
      loadStructure("roadmap"),
      NOW,
    );
    expect(ctx.vars.calendar_warnings).toMatch(/décision de la région/);
    expect(ctx.vars.phases_detail).toMatch(/\*\*Microsoft Windows 11 Professionnel\*\*[^\n]*décision de la région/);
    expect(ctx.vars.phases_detail).not.toMatch(/\*\*Microsoft Teams[^\n]*décision de la région/);
  });
});
