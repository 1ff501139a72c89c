/**
 * Trial 5 (findings 5, 6 and 16), through the real server (fixture catalog, no Ollama): a roadmap drafted to start
 * this month, adopted as the plan, followed by a second inventory of the same day, published, then its baseline
 * re-dated.
 * - 6: a start in the current month is accepted (« Le début demandé (décembre 2026) précède la date du document »
 *   was printed on 5 December 2026);
 * - 5: the public page's « Dépendances qui ont disparu » lists what its own table says is gone (it said « Aucune »
 *   because both inventories were of the same day); two inventories of one day are told apart in the sources; the
 *   plan's milestones are the values the roadmap printed (75,46 was kept as 75,5 and shown « 76 % » beside « 75 % »);
 * - 16: re-dating the baseline inventory (PATCH `inventoryDate`) reaches the plan, its published page and says so;
 *   a re-dating that would put a checkpoint before its plan's baseline is refused and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { frenchDate } from "../../server/core/text.ts";
import { todayIso } from "../../server/inventory/inventory-date.ts";
import { getAnalysis } from "../../server/inventory/service.ts";
import { editAnalysis } from "../../server/tracking/service.ts";
import { tableRows } from "../helpers/drafts.ts";
import { postJson, readSse, startTestServer, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS } from "../inventory/fixtures.ts";

type Line = [name: string, publisher: string, installations: number];
const csv = (lines: Line[]) =>
  `\uFEFF"Nom";"Éditeur";"Nombre d'installations";\n${lines.map(([n, p, i]) => `"${n}";"${p}";"${i}";`).join("\n")}\n`;
const BEFORE: Line[] = [
  ["Microsoft Office Professionnel Plus 2016", "Microsoft Corporation", 60],
  ["Google Chrome", "Google LLC", 60],
  ["Kaspersky Endpoint Security 12", "AO Kaspersky Lab", 2],
  ["e.magnus Gestion financière", "Berger-Levrault", 12],
];
const AFTER: Line[] = BEFORE.filter(([name]) => !name.startsWith("Kaspersky"));
const collectivite = { name: "Belval-sur-Orne", kind: "commune" };

let server: TestServer;
const api = (p: string, init?: RequestInit) => fetch(`${server.url}/api${p}`, init);
const upload = async (lines: Line[], name: string) => {
  const res = await fetch(`${server.url}/api/inventory/analyze?name=${name}`, { method: "POST", body: csv(lines) });
  expect(res.status).toBe(201);
  return res.json();
};
const patchDate = (id: string, inventoryDate: string) =>
  api(`/inventory/analyses/${id}`, {
    method: "PATCH",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ inventoryDate }),
  });

let baseline: any;
let later: any;
let roadmapId = "";
let planId = "";
const month = todayIso().slice(0, 7);

beforeAll(async () => {
  server = await startTestServer({ CORPUS_DIR: INVENTORY_CORPUS });
  baseline = await upload(BEFORE, "belval-depart.csv");
  later = await upload(AFTER, "belval-apres.csv");
});
afterAll(() => server?.stop());

/** Rows of the roadmap's calendar table: [milestone, date, weighted, raw]. */
async function calendar(draftId: string) {
  const draft = await (await api(`/drafts/${draftId}`)).json();
  const section = draft.versions.at(-1).sections.find((s: any) => s.key === "calendar");
  const rows = tableRows(section.text);
  return { text: section.text as string, rows: rows as string[][] };
}

describe("a roadmap that starts this month (finding 6)", () => {
  it("starts in the current month, and does not say it precedes the document", async () => {
    const events = await readSse(
      await postJson(`${server.url}/api/drafts`, {
        type: "roadmap",
        inputs: { collectivite, analysisId: baseline.id, startDate: month, targetDate: "2029-06", targetShare: 20 },
      }),
    );
    expect(events.at(-1)!.event, JSON.stringify(events.at(-1)!.data)).toBe("done");
    roadmapId = events.at(-1)!.data.id;
    const { text, rows } = await calendar(roadmapId);
    expect(text).not.toContain("précède la date du document");
    expect(rows.find((r) => r[0] === "Début de la feuille de route")?.[1]).toBe(frenchDate(month));
    // The map's own day first, then the month the roadmap starts.
    const names = rows.map((r) => r[0]);
    expect(names.indexOf("Début de la feuille de route")).toBe(names.findIndex((n) => /^Point de départ/.test(n!)) + 1);
  });
});

describe("the plan and its public page (finding 5)", () => {
  it("holds the milestones the roadmap printed, to the percent", async () => {
    const res = await postJson(`${server.url}/api/plans/from-draft`, { draftId: roadmapId });
    expect(res.status, await res.clone().text()).toBe(201);
    const { plan } = await res.json();
    planId = plan.id;
    const { rows } = await calendar(roadmapId);
    const printed = (s: string) => Number(s.replace(/[\s\u00a0\u202f]*%.*$/, "").replace(",", "."));
    for (const m of plan.milestones.slice(0, -1)) {
      const row = rows.find((r) => r[1] === frenchDate(m.date.slice(0, 7)) && /^Fin des/.test(r[0]!));
      expect(row, `${m.date} ${JSON.stringify(rows)}`).toBeDefined();
      if (row![2]!.endsWith("%")) expect(m.value).toBe(printed(row![2]!));
    }
  });

  it("lists under « Dépendances qui ont disparu » what its table says is gone, and tells same-day inventories apart", async () => {
    const added = await postJson(`${server.url}/api/plans/${planId}/checkpoints`, { analysisId: later.id });
    expect(added.status, await added.clone().text()).toBe(201);
    const published = await postJson(`${server.url}/api/plans/${planId}/publish`, { reviewed: true });
    expect(published.status).toBe(200);
    const html = await (await fetch(`${server.url}/public/belval-sur-orne`)).text();
    const changes = html.slice(html.indexOf('id="changes"'), html.indexOf('id="calendar"'));
    const gone = changes.slice(
      changes.indexOf("Dépendances qui ont disparu"),
      changes.indexOf("Nouvelles dépendances"),
    );
    expect(gone).toContain("Kaspersky Endpoint Security");
    expect(gone).not.toContain("Aucune");
    expect(html).toMatch(/Kaspersky Endpoint Security<\/th><td>[^<]*<\/td><td>[^<]*<\/td><td>n&#39;apparaît plus/);
    // The two analyses of the same day, each named once and told apart.
    const method = html.slice(html.indexOf('id="method"'));
    const sources = [...method.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]);
    expect(sources).toHaveLength(2);
    expect(new Set(sources).size).toBe(2);
    expect(sources[0]).toContain("point de départ");
    // The milestone's value as the roadmap printed it.
    const plan = (await (await api(`/plans/${planId}`)).json()).plan;
    const first = plan.milestones[0];
    expect(html).toContain(`<td>${first.label}</td><td>${String(first.value).replace(".", ",")}\u00a0%</td>`);
  });

  it("lists nothing twice on the next publication: the changes are counted from the last one", async () => {
    const again = await postJson(`${server.url}/api/plans/${planId}/publish`, { reviewed: true });
    expect(again.status).toBe(200);
    const html = await (await fetch(`${server.url}/public/belval-sur-orne`)).text();
    const changes = html.slice(html.indexOf('id="changes"'), html.indexOf('id="calendar"'));
    expect(changes).not.toContain("Kaspersky");
  });
});

describe("re-dating the baseline inventory (finding 16)", () => {
  const september = `${Number(month.slice(0, 4)) - 1}-09-15`;

  it("carries the corrected day to the plan and its public page, and says so", async () => {
    const res = await patchDate(baseline.id, september);
    expect(res.status, await res.clone().text()).toBe(200);
    const body = await res.json();
    expect(body.inventoryDate).toBe(september);
    expect(body.notice).toContain("Plan de réduction des dépendances numériques");
    expect(body.notice).toContain(frenchDate(september));
    const { plan, progress } = await (await api(`/plans/${planId}`)).json();
    expect(plan.checkpoints[0]).toMatchObject({ analysisId: baseline.id, date: september });
    expect(plan.log.at(-1).detail).toContain(frenchDate(september));
    expect(progress.checkpoints[0].checkpoint.date).toBe(september);
    const html = await (await fetch(`${server.url}/public/belval-sur-orne`)).text();
    expect(html).toContain(`${frenchDate(september)} (point de départ)`);
    expect(html).not.toContain(`${frenchDate(todayIso())} (point de départ)`);
  });

  it("refuses a day that would put a checkpoint before its plan's baseline, and changes nothing", async () => {
    const before = `${Number(month.slice(0, 4)) - 1}-06-30`;
    const res = await patchDate(later.id, before);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/point de départ/);
    const analysis = await (await api(`/inventory/analyses/${later.id}`)).json();
    expect(analysis.inventoryDate ?? null).not.toBe(before);
    const { plan } = await (await api(`/plans/${planId}`)).json();
    expect(plan.checkpoints[1].date).toBe(todayIso());
  });

  it("is the domain's rule, not the route's: editing the analysis without HTTP refuses the same day the same way", async () => {
    const before = `${Number(month.slice(0, 4)) - 1}-06-30`;
    await expect(editAnalysis(server.engine, later.id, { inventoryDate: before })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/point de départ/),
    });
    expect((await getAnalysis(server.engine, later.id)).inventoryDate ?? null).not.toBe(before);
    // A name alone re-dates nothing and says nothing.
    const renamed = await editAnalysis(server.engine, later.id, { name: "Belval après" });
    expect(renamed.name).toBe("Belval après");
    expect(renamed.notice).toBeUndefined();
  });
});
