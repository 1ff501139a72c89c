/**
 * trial20 N-H4: the DSI wrote « Notre logiciel de paie ne fonctionne que sous Windows » in the roadmap's context, and
 * the roadmap planned every Windows 10 poste to Debian, the plan committing all 109 of them. Software that runs only
 * under one system keeps the postes it runs on under that system: the roadmap says so where it plans the system
 * (« dont N postes restent sous Windows »), counts the objective without them, and the plan proposal carries them;
 * when neither the sentence nor the inventory tells how many postes, the roadmap says the count is to give.
 * Also trial20: one plan row per edition — Windows Server 2012 R2 (out of support, due early) and 2019 (beyond the
 * objective) were one « Windows Server » row with 2012 R2's date, Office 2013 (beyond the objective) was committed
 * under Office 2016's row; each now has its own row, counting its own installations.
 * Another inventory than the trial's (a communauté de communes with other counts), the real catalogue.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildContext } from "../../server/drafting/context.ts";
import { parseInputs } from "../../server/drafting/inputs.ts";
import { planRoadmap } from "../../server/drafting/roadmap-plan.ts";
import { loadStructure } from "../../server/drafting/structure.ts";
import type { InventoryAnalysis } from "../../server/drafting/types.ts";
import { loadMatchIndex, type MatchIndex } from "../../server/inventory/match.ts";
import { postJson, readSse, realCorpusDataDir, startTestServer, type TestServer } from "../helpers/server.ts";
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
      ms("Microsoft Windows 10 Professionnel", 109, ["10.0.19045"]),
      ms("Microsoft Windows 11 Professionnel", 34),
      ms("Microsoft Office Professionnel Plus 2016", 60),
      ms("Microsoft Office Professionnel Plus 2013", 12),
      ms("Microsoft Windows Server 2012 R2 Standard", 3, ["6.3.9600"]),
      ms("Microsoft Windows Server 2019 Standard", 5, ["10.0.17763"]),
      inventoryRow("Sophos Endpoint Agent", "Sophos Limited", 143),
      inventoryRow("Elisath Caisse", "Elisath", 4),
      inventoryRow("Berger-Levrault e.paie", "Berger-Levrault", 6),
      inventoryRow("Google Chrome", "Google LLC", 120),
    ],
    index,
    NOW,
  ),
  id: "quercenne",
  name: "Inventaire de Quercenne",
});
const WINDOWS_ONLY =
  "Notre logiciel de paie ne fonctionne que sous Windows. La caisse Elisath de la piscine ne tourne que sous Windows.";
const INPUTS = {
  collectivite: { name: "Communauté de communes des Terres de Quercenne", kind: "communauté de communes" },
  analysisId: "quercenne",
  startDate: "2027-01",
  targetDate: "2028-12",
  context: WINDOWS_ONLY,
};
const vars = (inputs: Record<string, unknown>) =>
  buildContext("roadmap", parseInputs("roadmap", inputs), analysis(), loadStructure("roadmap"), NOW).vars;

describe("software that runs only under Windows keeps its postes under Windows (trial20 N-H4)", () => {
  it("the roadmap keeps the postes the inventory counts for it, says so, and counts the objective without them", () => {
    const without = planRoadmap(analysis(), { now: NOW });
    const withIt = planRoadmap(analysis(), { context: WINDOWS_ONLY, now: NOW });
    const win10 = (p: typeof without) => p.lines.find((l) => l.item.name === "Microsoft Windows 10 Professionnel")!;
    // 6 postes of the payroll software and 4 of the till stay under Windows: 99 of 109 move.
    expect(win10(withIt).keptBySystem).toBe(10);
    expect(win10(withIt).points).toBeCloseTo((win10(without).points * 99) / 109, 6);
    expect(win10(withIt).rawRemoved).toBe(99);
    const v = vars(INPUTS);
    expect(v.phases_detail).toMatch(
      /\*\*Microsoft Windows 10 Professionnel\*\*[^\n]*dont 10 postes restent sous Windows \(contexte local\)/,
    );
    expect(v.target_requirements).toMatch(/Microsoft Windows 10 Professionnel \(99 installations/);
    expect(v.alternatives_table).toMatch(
      /\| Microsoft Windows 10 Professionnel \| [^|]+ \| 109 \(dont 10 postes restent sous Windows \(contexte local\)\) \|/,
    );
    expect(v.target_requirements).toMatch(
      /6 postes restent sous Windows \(Berger-Levrault e\.paie, 6 installations\) : « Notre logiciel de paie ne fonctionne que sous Windows »/,
    );
    expect(v.target_requirements).toMatch(/4 postes restent sous Windows \(Elisath Caisse, 4 installations\)/);
  });

  it("a count the sentence gives is taken as written", () => {
    const plan = planRoadmap(analysis(), {
      context: "Les 15 postes du service finances doivent rester sous Windows pour le logiciel de comptabilité.",
      now: NOW,
    });
    expect(plan.lines.find((l) => l.item.name === "Microsoft Windows 10 Professionnel")!.keptBySystem).toBe(15);
  });

  it("without a count, the roadmap says it is to give rather than plan every poste to Linux in silence", () => {
    const context = "Le logiciel de billetterie du musée ne fonctionne que sous Windows.";
    const v = vars({ ...INPUTS, context });
    expect(v.calendar_warnings).toMatch(
      /« Le logiciel de billetterie du musée ne fonctionne que sous Windows »[^\n]*combien de postes/,
    );
  });

  it.each([
    ["Le logiciel de paie est incompatible avec Linux.", 6],
    ["Les 8 postes de la comptabilité restent sous Windows à cause du logiciel financier.", 8],
    ["La caisse Elisath ne tourne pas sous Linux.", 4],
    ["Le logiciel de facturation n'a pas de version Linux.", null],
  ])("« %s » keeps %s postes under Windows (the system proposed in its place named, or a count)", (context, kept) => {
    const plan = planRoadmap(analysis(), { context, now: NOW });
    expect(plan.systemBound.map((b) => [b.system, b.installations])).toEqual([["Windows", kept]]);
  });

  it.each([
    ["On garde Windows 10 sur les 6 postes du service paie.", 6],
    ["Nous conservons Windows sur les postes de la paie, car le logiciel de paie ne fonctionne que sous Windows.", 6],
    ["Nous gardons Windows pour la caisse Elisath de la piscine.", 4],
  ])("a decision to keep the postes' system on some postes (« %s ») keeps %s, not all of them", (context, kept) => {
    const plan = planRoadmap(analysis(), { context, now: NOW });
    expect(plan.decided).toEqual([]);
    expect(plan.lines.find((l) => l.item.name === "Microsoft Windows 10 Professionnel")!.keptBySystem).toBe(kept);
    expect(plan.lines.some((l) => l.item.name === "Microsoft Windows 11 Professionnel")).toBe(true);
  });

  it("a decision to keep the system on all postes still keeps the whole line", () => {
    const plan = planRoadmap(analysis(), { context: "On garde Windows 11 sur tous les postes.", now: NOW });
    expect(plan.decided.map((d) => d.items.map((i) => i.name))).toEqual([["Microsoft Windows 11 Professionnel"]]);
  });

  it("a sentence of another kind keeps nothing", () => {
    const plan = planRoadmap(analysis(), {
      context:
        "Nous voulons passer les postes sous Linux. Le logiciel de paie fonctionne sous Windows et sous Linux. Les agents ne veulent pas de version Linux. Le passage à Linux dépend de la formation des agents. Sophos exige une licence par poste. Microsoft impose Windows 11 pour les nouveaux postes. Notre prestataire exige Windows 11 pour le support.",
      now: NOW,
    });
    expect(plan.systemBound.map((b) => b.text)).toEqual([]);
  });
});

describe("the plan proposal (real HTTP server)", () => {
  let server: TestServer;
  const proposal = async (inputs: Record<string, unknown>) => {
    const events = await readSse(await postJson(`${server.url}/api/drafts`, { type: "roadmap", inputs }));
    expect(events.at(-1)!.event).toBe("done");
    const res = await fetch(`${server.url}/api/plans/from-draft/${events.at(-1)!.data.id}`);
    expect(res.status).toBe(200);
    return { id: events.at(-1)!.data.id as string, proposal: (await res.json()).proposal };
  };
  beforeAll(async () => {
    server = await startTestServer();
    const a = analysis();
    await server.engine.records("analyses").put(a.id, a);
  }, 120_000);
  afterAll(() => server?.stop());

  it("carries the postes kept under Windows, and one row per edition with its own date", async () => {
    const { id, proposal: p } = await proposal(INPUTS);
    type Row = { name: string; dueDate: string | null; beyondTarget?: true; kept?: number; lines?: string[] };
    const rows: Row[] = p.products;
    const win10 = rows.find((r) => r.name === "Windows 10")!;
    expect(win10.kept).toBe(10);
    // Windows Server 2012 R2, out of support, is due early; 2019 is beyond the objective, on its own row.
    const r2 = rows.find((r) => /2012 R2/.test(r.name))!;
    const s2019 = rows.find((r) => /2019/.test(r.name))!;
    expect(r2.dueDate).toMatch(/^2027-/);
    expect(s2019).toMatchObject({ dueDate: null, beyondTarget: true });
    const o2013 = rows.find((r) => /Office[^,]*2013/.test(r.name))!;
    const o2016 = rows.find((r) => /Office[^,]*2016/.test(r.name))!;
    expect(o2013).toMatchObject({ dueDate: null, beyondTarget: true });
    expect(o2016.dueDate).toMatch(/^2027-/);

    // Adopted, each row counts its own installations, the postes kept under Windows aside.
    const adopted = await postJson(`${server.url}/api/plans/from-draft`, { draftId: id });
    expect(adopted.status).toBe(201);
    const { plan, progress } = await adopted.json();
    const before = (re: RegExp) => progress.products.find((x: { product: Row }) => re.test(x.product.name)).before;
    expect(before(/2012 R2/)).toBe(3);
    expect(before(/2019/)).toBe(5);
    expect(before(/Office[^,]*2013/)).toBe(12);
    expect(before(/^Windows 10$/)).toBe(99);
    // The public page says the postes kept beside the replacement, and each edition on its own row.
    expect((await postJson(`${server.url}/api/plans/${plan.id}/publish`, {})).status).toBe(200);
    const page = await (await fetch(`${server.url}/public/${plan.slug}`)).text();
    expect(page).toMatch(
      /Debian \(hors 10 postes gardés sous Windows, selon le contexte local de la feuille de route\)/,
    );
    expect(page).toMatch(/Windows Server — Microsoft Windows Server 2019 Standard/);
  }, 300_000);
});

describe("as a DSI does it: a GLPI export imported, the context typed, the roadmap and the plan (real HTTP server)", () => {
  let server: TestServer;
  beforeAll(async () => {
    // The real catalogue, as a DSI's installation has it.
    server = await startTestServer({
      CORPUS_DIR: path.resolve("corpus"),
      DATA_DIR: await realCorpusDataDir("cap-libre-trial20-"),
    });
  }, 300_000);
  afterAll(() => server?.stop());

  it("keeps the postes of the payroll software the inventory counts, in the roadmap and the plan", async () => {
    const file = path.resolve("test/fixtures/inventory/trial/glpi-commune-saint-aubin.csv");
    const imported = await fetch(`${server.url}/api/inventory/analyze?name=glpi-commune-saint-aubin.csv`, {
      method: "POST",
      body: readFileSync(file),
    });
    expect(imported.status).toBe(201);
    const analysis = await imported.json();
    const inputs = {
      collectivite: { name: "Saint-Aubin", kind: "commune" },
      analysisId: analysis.id,
      startDate: "2027-01",
      targetDate: "2029-06",
      context: "Civil Net RH, notre logiciel de paie, ne fonctionne que sous Windows.",
    };
    const events = await readSse(await postJson(`${server.url}/api/drafts`, { type: "roadmap", inputs }));
    expect(events.at(-1)!.event).toBe("done");
    const id = events.at(-1)!.data.id as string;
    const draft = await (await fetch(`${server.url}/api/drafts/${id}`)).json();
    const text = draft.versions
      .at(-1)
      .sections.map((s: { text: string }) => s.text)
      .join("\n");
    // Civil Net RH on 5 postes: not Civil Net Finances (7) nor Arpège Mélodie État civil (3).
    expect(text).toMatch(/5 postes restent sous Windows \(Civil Net RH, 5 installations\)/);
    expect(text).toMatch(/dont 5 postes restent sous Windows \(contexte local\)/);
    const { proposal } = await (await fetch(`${server.url}/api/plans/from-draft/${id}`)).json();
    const kept = proposal.products.filter((p: { kept?: number }) => p.kept);
    expect(kept.map((p: { name: string; kept: number }) => [p.name, p.kept])).toEqual([["Windows 10", 5]]);
  }, 300_000);
});
