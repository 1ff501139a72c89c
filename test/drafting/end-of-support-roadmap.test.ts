/**
 * trial16 C8: the roadmap ordered products by weighted points alone — Office 2016/2019/2021 (283 postes, all out of
 * support) went « au-delà de l'objectif, à programmer » after June 2029, Skype (stopped 5 May 2025) to a later phase,
 * and end of support was never said. Software past the vendor's end of support, or reaching it within a year, is now
 * pulled first into the first phase with the reason (« sans correctifs de sécurité depuis le … »), in the template
 * roadmap and in the data the model is given. Tested on another inventory than the trial's (a commune with Visio,
 * Project and Skype Entreprise, Windows Server 2016).
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildContext } from "../../server/drafting/context.ts";
import { parseInputs } from "../../server/drafting/inputs.ts";
import { endOfSupportDays, planRoadmap } from "../../server/drafting/roadmap-plan.ts";
import { loadStructure } from "../../server/drafting/structure.ts";
import type { InventoryAnalysis } from "../../server/drafting/types.ts";
import { loadMatchIndex, type MatchIndex } from "../../server/inventory/match.ts";
import { type FakeOllama, startFakeOllama } from "../helpers/fake-ollama.ts";
import { postJson, readSse, startTestServer, type TestServer } from "../helpers/server.ts";
import { analysedRows, inventoryRow, microsoftRow } from "../inventory/fixtures.ts";

let index: MatchIndex;
const NOW = "2026-12-06T08:00:00.000Z";
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
});
const ms = microsoftRow;
const analysis = (): InventoryAnalysis => ({
  ...analysedRows(
    [
      ms("Microsoft Windows 11 Entreprise", 400, ["10.0.22631"]),
      ms("Microsoft Office Standard 2016", 150, ["16.0.4266.1001"]),
      ms("Microsoft Office Professionnel Plus 2019", 110, ["16.0.10412.20006"]),
      ms("Microsoft Teams (work or school)", 380),
      ms("Skype Entreprise 2016 - fr-fr", 60, ["16.0.5435.1000"]),
      ms("Microsoft Visio Professionnel 2016", 8, ["16.0.4266.1001"]),
      ms("Microsoft Windows Server 2016 Standard", 4, ["10.0.14393"]),
      inventoryRow("Google Chrome", "Google LLC", 350),
      inventoryRow("Kaspersky Endpoint Security for Windows", "AO Kaspersky Lab", 420),
    ],
    index,
    NOW,
  ),
  id: "eos-roadmap",
  name: "Inventaire de Lannion",
});
const INPUTS = {
  collectivite: { name: "Commune de Lannion", kind: "commune" },
  analysisId: "eos-roadmap",
  startDate: "2027-01",
  targetDate: "2029-12",
  targetShare: 45,
};

describe("software out of the vendor's support goes first (trial16 C8)", () => {
  it("puts Office, Skype Entreprise, Visio and Windows Server 2016 first in their phase, none beyond the objective", () => {
    const plan = planRoadmap(analysis(), { target: 45, now: NOW });
    const line = (name: RegExp) => plan.lines.find((l) => name.test(l.item.name))!;
    const office = line(/Office/);
    // The office suite changes every agent's work: a guided replacement, not a quick win, but never the groundwork.
    expect(office).toMatchObject({ phase: "guided", unsupported: ["2025-10-14"] });
    expect(office.item.installations).toBe(260);
    expect(line(/Skype/)).toMatchObject({ unsupported: ["2025-10-14"] });
    expect(line(/Skype/).phase).not.toBe("deep");
    expect(line(/Visio/).phase).not.toBe("deep");
    // Windows Server 2016 ends on 12 January 2027, within a year of the map.
    expect(line(/Windows Server 2016/)).toMatchObject({ phase: "guided", unsupported: ["2027-01-12"] });
    // Windows 11 and Teams stay where their weight puts them.
    expect(line(/Windows 11/).phase).not.toBe("quick");
    expect(line(/Windows 11/).unsupported).toBeUndefined();
    // First in their phase, then the others (Kaspersky among the quick wins).
    for (const phase of plan.phases) {
      const firstSupported = phase.lines.findIndex((l) => !l.unsupported);
      if (firstSupported < 0) continue;
      expect(phase.lines.slice(firstSupported).some((l) => l.unsupported)).toBe(false);
    }
    expect(plan.phases[2]!.lines.some((l) => l.unsupported)).toBe(false);
    expect(plan.phases[0]!.lines.some((l) => /Kaspersky/.test(l.item.name))).toBe(true);
    // The objective needs them first: never « au-delà de l'objectif ».
    expect(office.required).toBe(true);
  });

  it("never leaves software out of support beyond the objective, even under a target met without it (trial17 D4)", () => {
    const plan = planRoadmap(analysis(), { target: 90, now: NOW });
    const unsupported = plan.lines.filter((l) => l.unsupported?.length);
    expect(unsupported.length).toBeGreaterThanOrEqual(4);
    expect(unsupported.filter((l) => !l.required).map((l) => l.item.name)).toEqual([]);
    const ctx = buildContext(
      "roadmap",
      parseInputs("roadmap", { ...INPUTS, targetShare: 90 }),
      analysis(),
      loadStructure("roadmap"),
      NOW,
    );
    const beyond =
      /les autres \(([^)]*(?:\([^)]*\)[^)]*)*)\) vont au-delà de l'objectif/.exec(ctx.vars.phases_detail!)?.[1] ?? "";
    for (const l of unsupported) expect(beyond).not.toContain(l.item.name);
  });

  it("reads the day of an analysis saved before the date was kept from the risk's words", () => {
    expect(
      endOfSupportDays({
        name: "Microsoft Office Standard 2016",
        installations: 3,
        risks: [
          {
            kind: "end-of-support",
            label:
              "Fin du support de l'édition Office 2016 (Microsoft Office (licence perpétuelle)) le 14 octobre 2025 selon l'éditeur (Microsoft Learn, cycle de vie d'Office 2016) : plus de correctifs de sécurité",
          },
          { kind: "legal-exposure", label: "CLOUD Act (États-Unis)" },
          // « à vérifier »: the edition is not known, no day is taken.
          {
            kind: "end-of-support",
            label:
              "Fin du support de X selon l'édition, à vérifier — Office 2016 : 14 octobre 2025 ; Office 2024 : 9 octobre 2029",
          },
        ],
      }),
    ).toEqual(["2025-10-14"]);
  });

  it("says why in the template roadmap, and gives the model the same facts", () => {
    const ctx = buildContext("roadmap", parseInputs("roadmap", INPUTS), analysis(), loadStructure("roadmap"), NOW);
    const guided = ctx.vars
      .phases_detail!.split("### Remplacements accompagnés")[1]!
      .split("### Chantiers de fond")[0]!;
    expect(guided).toMatch(
      /l'éditeur a cessé le support, ou le cessera d'ici un an, sont placés en tête de leur phase, et au plus tard dans celle des remplacements accompagnés/,
    );
    expect(ctx.vars.phases_detail!.split("### Chantiers de fond")[1]).not.toMatch(/sans correctifs de sécurité/);
    expect(guided).toMatch(
      /\*\*Microsoft Office \(licence perpétuelle\)\*\*[^\n]* ; sans correctifs de sécurité depuis le 14 octobre 2025 \(fin du support de l'éditeur\) : à mener en premier/,
    );
    expect(guided).toMatch(/\*\*Microsoft Windows Server 2016 Standard\*\*[^\n]*à partir du 12 janvier 2027/);
    expect(ctx.vars.target_requirements).toMatch(
      /Skype Entreprise 2016[^\n]*\((?:Gains rapides|Remplacements accompagnés)\) — sans correctifs de sécurité depuis le 14 octobre 2025/,
    );
    expect(ctx.vars.calendar_table).not.toMatch(/Office[^\n]*au-delà de l'objectif/);
    expect(ctx.data).toMatch(
      /Logiciels dont l'éditeur a cessé[^\n]*:\n- Microsoft Office \(licence perpétuelle\) \(260 installations\) : sans correctifs de sécurité depuis le 14 octobre 2025/,
    );
  });
});

describe("a generated roadmap is given the end of support (trial16 C8, real HTTP server)", () => {
  let server: TestServer;
  let ollama: FakeOllama;
  let draft: any;
  beforeAll(async () => {
    ollama = await startFakeOllama({ reply: "Les phases commencent par les logiciels sans support." });
    server = await startTestServer({ OLLAMA_BASE_URL: ollama.url });
    const a = analysis();
    await server.engine.records("analyses").put(a.id, a);
    const events = await readSse(await postJson(`${server.url}/api/drafts`, { type: "roadmap", inputs: INPUTS }));
    draft = await (await fetch(`${server.url}/api/drafts/${events.at(-1)!.data.id}`)).json();
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await ollama?.close();
  });

  it("puts the unsupported software in the model's data and first in the phases the draft shows", () => {
    const prompts = ollama.chats.map((c) => c.messages.map((m) => m.content).join("\n"));
    const phasesPrompt = prompts.find((p) => p.includes("Logiciels dont l'éditeur a cessé"));
    expect(phasesPrompt).toBeDefined();
    expect(phasesPrompt).toMatch(
      /Skype Entreprise 2016 - fr-fr \(60 installations\) : sans correctifs de sécurité depuis le 14 octobre 2025/,
    );
    const phases = draft.versions[0].sections.find((s: any) => s.key === "phases");
    const guided = phases.text.split("### Remplacements accompagnés")[1];
    expect(guided).toMatch(
      /\*\*Microsoft Office \(licence perpétuelle\)\*\*[^\n]*sans correctifs de sécurité depuis le 14 octobre 2025/,
    );
  });
});
