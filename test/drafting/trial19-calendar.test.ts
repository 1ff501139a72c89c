/**
 * trial19 M4: `targetShare: 5`, `targetDate: 2027-06-30`, start January 2027 (~300 postes) → « faire passer
 * l'exposition pondérée de 91 % à 5 % d'ici le 30 juin 2027 », Windows 11 ×76, Microsoft 365 Apps ×77 and the servers
 * in six months, the DSI's own constraints (« … ne peuvent pas changer de système avant 2028 », the Kaspersky licence
 * paid until September 2027) listed after the objective — and not a word. The old warning counted products of 100
 * installations or more one by one: none of these was. Now the roadmap says, after its objective, and the plan
 * proposal returns (`calendarWarnings`): too short for the installations to change in all; the postes' system and
 * their applications at once, where the corpus's peers took years (Gendarmerie, Schleswig-Holstein); each constraint
 * of the context dated after the objective on software the objective requires. A credible calendar says none.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roadmapContext } from "../../server/drafting/documents/roadmap.ts";
import { parseInputs, type RoadmapInputs } from "../../server/drafting/inputs.ts";
import { loadStructure } from "../../server/drafting/structure.ts";
import type { InventoryAnalysis } from "../../server/drafting/types.ts";
import { loadMatchIndex, type MatchIndex } from "../../server/inventory/match.ts";
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
      ms("Microsoft Windows 10 Professionnel", 108, ["10.0.19045"]),
      ms("Microsoft Windows 10 Entreprise LTSC 2021", 18, ["10.0.19044"]),
      ms("Microsoft Windows 11 Professionnel", 76),
      ms("Microsoft 365 Apps for enterprise - fr-fr", 77),
      ms("Microsoft Office Professionnel Plus 2016", 40),
      ms("Microsoft Exchange Server 2016", 2),
      ms("Microsoft Windows Server 2019 Datacenter", 9, ["10.0.17763"]),
      inventoryRow("Kaspersky Endpoint Security for Windows", "AO Kaspersky Lab", 185),
      inventoryRow("Google Chrome", "Google LLC", 200),
      inventoryRow("Zoom Workplace", "Zoom Video Communications, Inc.", 20),
    ],
    index,
    NOW,
  ),
  id: "cc-ourcelle",
  name: "Inventaire des Coteaux",
});
const CONTEXT =
  "La licence Kaspersky est payée jusqu'au 30 septembre 2027 ; les 18 postes Windows 10 LTSC 2021 des services techniques pilotent des automates et ne peuvent pas changer de système avant 2028.";
const collectivite = { name: "Communauté de communes des Coteaux de l'Ourcelle", kind: "communauté de communes" };
const IMPOSSIBLE = {
  collectivite,
  analysisId: "cc-ourcelle",
  startDate: "2027-01",
  targetDate: "2027-06-30",
  targetShare: 5,
  context: CONTEXT,
};
const CREDIBLE = { ...IMPOSSIBLE, targetDate: "2029-06-30", targetShare: 40 };
const sentence = (inputs: Record<string, unknown>) =>
  roadmapContext(parseInputs("roadmap", inputs) as RoadmapInputs, analysis(), loadStructure("roadmap"), NOW).vars
    .calendar_warnings!;

describe("a roadmap says when its calendar cannot be kept (trial19 M4)", () => {
  it("warns of 91 % → 5 % in five months: installations in all, system and applications together, later constraints", () => {
    const text = sentence(IMPOSSIBLE);
    // Too short, counted in all (each product is under 100 installations but Kaspersky).
    expect(text).toMatch(/Attention : 5 mois séparent le début de la feuille de route de l'échéance/);
    expect(text).toMatch(/soit [\d\s]+ installations à changer en tout/);
    // The postes' system and their office suite at once, with the peers' observed paces from the corpus.
    expect(text).toMatch(/Calendrier à confirmer : en 5 mois, l'objectif exige de changer à la fois le système/);
    expect(text).toMatch(/Windows 10[^)]*\)[^.]*Microsoft 365 Apps/);
    expect(text).toMatch(/remplacé sa suite bureautique avant de passer ses postes à Ubuntu/);
    // The DSI's own earliest date, after the objective, on postes the objective requires.
    expect(text).toMatch(
      /Calendrier intenable tel quel : le contexte local dit « les 18 postes Windows 10 LTSC 2021 [^»]*ne peuvent pas changer de système avant 2028 » ; or l'objectif \(échéance : 30 juin 2027\) exige le remplacement de [^.]*Windows 10/,
    );
    // The licence paid beyond the objective's date for software the objective requires.
    expect(text).toMatch(/Échéances à aligner : « La licence Kaspersky est payée jusqu'au 30 septembre 2027 »/);
    expect(text).toMatch(/Kaspersky/);
  });

  it("says nothing of a calendar of two and a half years whose constraints fall before the objective", () => {
    const text = sentence(CREDIBLE);
    expect(text).not.toMatch(/Attention|Calendrier à confirmer|Calendrier intenable|Échéances à aligner/);
  });
});

describe("the plan proposal carries the same warnings (trial19 M4, real HTTP server)", () => {
  let server: TestServer;
  let done: { id: string; flags: { figure: string; section: string }[] } | null = null;
  const proposal = async (inputs: Record<string, unknown>) => {
    const events = await readSse(await postJson(`${server.url}/api/drafts`, { type: "roadmap", inputs }));
    expect(events.at(-1)!.event).toBe("done");
    done = events.at(-1)!.data;
    const res = await fetch(`${server.url}/api/plans/from-draft/${done!.id}`);
    expect(res.status).toBe(200);
    return (await res.json()).proposal;
  };
  beforeAll(async () => {
    server = await startTestServer();
    const a = analysis();
    await server.engine.records("analyses").put(a.id, a);
  }, 120_000);
  afterAll(() => server?.stop());

  it("returns why the calendar cannot be kept, and nothing for a credible one", async () => {
    const impossible = await proposal(IMPOSSIBLE);
    const kinds = impossible.calendarWarnings.map((w: { kind: string }) => w.kind);
    expect(kinds).toEqual(expect.arrayContaining(["short", "together", "not-before", "contract-after"]));
    expect(impossible.calendarWarnings.find((w: { kind: string }) => w.kind === "not-before").text).toMatch(
      /ne peuvent pas changer de système avant 2028/,
    );
    // The document says it after its objective, and its peers' figures are not flagged as found nowhere.
    const draft = await (await fetch(`${server.url}/api/drafts/${done!.id}`)).json();
    const target = draft.versions.at(-1).sections.find((s: { key: string }) => s.key === "target");
    expect(target.text).toMatch(/Calendrier intenable tel quel/);
    expect(target.text).toMatch(/remplacé sa suite bureautique avant de passer ses postes à Ubuntu/);
    expect(done!.flags.filter((f) => f.section === "target" && /10 000|2 500|200\b/.test(f.figure))).toEqual([]);
    expect((await proposal(CREDIBLE)).calendarWarnings).toEqual([]);
  }, 120_000);
});
