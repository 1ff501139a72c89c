/**
 * trial18 F6. A DSI exported one GLPI entity (« Siège ») by mistake: same four files, −23 % of the installations, no
 * whole product gone beyond the thresholds — the checkpoint was added without a question, and the note said « le plan
 * est en retard » on the very day the plan was adopted. Now the entities an export names (GLPI's « Entité » column)
 * are kept with its files: one missing from the inventory the checkpoint follows asks for confirmation (409
 * `narrower_perimeter`, the missing entities named), whatever the installations; and an inventory of the adoption's
 * own day is judged neither ahead nor late (nothing can be late on day 0). Another collectivité and other counts than
 * the trial's, through the real HTTP server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDay } from "../../server/core/text.ts";
import { postJson, startTestServer, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS } from "../inventory/fixtures.ts";

const ROOT = "Entité racine > SIVU des Combes";
const SITES = ["Mairie", "École", "Médiathèque"];
const MS = "Microsoft Corporation";
type Line = [name: string, publisher: string, count: number, site: string];
const csv = (lines: Line[]) =>
  `\uFEFF"Nom";"Entité";"Éditeur";"Nombre d'installations";\n${lines
    .map((l) => `"${l[0]}";"${ROOT} > ${l[3]}";"${l[1]}";"${l[2]}";`)
    .join("\n")}\n`;
const FULL: Line[] = SITES.flatMap((site, i): Line[] => [
  ["Microsoft Windows 10 Professionnel", MS, [120, 40, 30][i]!, site],
  ["Microsoft Office Professionnel Plus 2016", MS, [100, 30, 25][i]!, site],
  ["Google Chrome", "Google LLC", [110, 35, 28][i]!, site],
  ["Adobe Acrobat Reader DC", "Adobe Inc.", [90, 30, 20][i]!, site],
  ["LibreOffice", "The Document Foundation", [20, 10, 5][i]!, site],
]);
/** The « Mairie » entity only: 440 installations of 693 (63 %), every product still there. */
const MAIRIE = FULL.filter((l) => l[3] === "Mairie");
/** The whole parc again, LibreOffice gone and Zoom added: the measure goes up, on the day the plan is adopted. */
const WORSE: Line[] = [
  ...FULL.filter((l) => l[0] !== "LibreOffice"),
  ["Zoom Workplace", "Zoom Video Communications, Inc.", 60, "Mairie"],
];
const NAME = "SIVU des Combes";

let server: TestServer;
let planId = "";
const upload = async (lines: Line[], date: string) => {
  const form = new FormData();
  form.append("file", new Blob([csv(lines)]), "glpi-logiciels.csv");
  form.append("collectivite", NAME);
  form.append("inventoryDate", date);
  const res = await fetch(`${server.url}/api/inventory/analyze`, { method: "POST", body: form });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: string; files: { entities?: string[] }[] };
};
const addCheckpoint = (body: object) => postJson(`${server.url}/api/plans/${planId}/checkpoints`, body);
const today = localDay(new Date());

beforeAll(async () => {
  server = await startTestServer({ CORPUS_DIR: INVENTORY_CORPUS });
  const baseline = await upload(FULL, "2026-06-01");
  expect(baseline.files[0]!.entities).toEqual(SITES.map((s) => `${ROOT} > ${s}`).sort());
  const res = await postJson(`${server.url}/api/plans`, {
    collectivite: { name: NAME, kind: "syndicat" },
    analysisId: baseline.id,
    measure: "raw",
    target: { value: 30, date: "2029-12-31" },
    milestones: [{ date: "2029-12-31", value: 30 }],
    products: [{ name: "Microsoft Office", productId: "microsoft-office", by: "LibreOffice" }],
  });
  expect(res.status, await res.clone().text()).toBe(201);
  planId = (await res.json()).plan.id;
});
afterAll(() => server?.stop());

describe("an export of one entity (trial18 F6)", () => {
  it("asks before following it, naming the entities it lacks", async () => {
    const mairie = await upload(MAIRIE, today);
    const refused = await addCheckpoint({ analysisId: mairie.id });
    expect(refused.status, await refused.clone().text()).toBe(409);
    const { error } = await refused.json();
    expect(error.code).toBe("narrower_perimeter");
    expect(error.message).toMatch(/^Cet inventaire semble ne couvrir qu'une partie du parc : 440 installations/);
    expect(error.message).toContain(
      "2 entités de l'inventaire de départ n'y figurent pas : « École », « Médiathèque ».",
    );
  });

  it("judges an inventory of the adoption's own day neither ahead nor late", async () => {
    const worse = await upload(WORSE, today);
    const res = await addCheckpoint({ analysisId: worse.id });
    expect(res.status, await res.clone().text()).toBe(201);
    const { progress } = await res.json();
    expect(progress.latest.checkpoint.value).toBeGreaterThan(progress.checkpoints[0].checkpoint.value);
    expect(progress.latest.standing).toBe("start");
    expect((await fetch(`${server.url}/api/plans/${planId}/note`, { method: "POST" })).status).toBe(201);
    const md = await (await fetch(`${server.url}/api/plans/${planId}/note?format=md`)).text();
    expect(md).not.toMatch(/en retard|en avance/);
    expect(md).toMatch(/jour de l'adoption du plan[^.]*ni avance ni retard/);
    // The header names the plan's latest inventory as the note's body does, not a roadmap's « cartographie ».
    expect(md).toMatch(/^\*dernier inventaire du \d{1,2} \S+ \d{4}\*$/m);
    expect(md).not.toMatch(/^\*cartographie du /m);
  });
});
