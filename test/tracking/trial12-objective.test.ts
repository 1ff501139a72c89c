/**
 * Trial 12 B1, through the real server (fixture catalog, no model), on another collectivité and other figures than
 * the trial's: the DSI edits the roadmap's « Objectif » section to another target. The figure was flagged « non
 * vérifié » (an objective is the collectivité's choice, not a fact to find in passages), the calendar and the phases
 * kept the computed target, and the plan adopted from the draft took the computed one. Now the objective stated in
 * the edited section is the roadmap's target: the calendar, the phases and what the target requires are computed
 * again for it in the same version, the draft says so, and the plan adopted from it takes it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postJson, readSse, startTestServer, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS } from "../inventory/fixtures.ts";

const csv = (lines: [string, string, number][]) =>
  `\uFEFF"Nom";"Éditeur";"Nombre d'installations";\n${lines.map(([n, p, i]) => `"${n}";"${p}";"${i}";`).join("\n")}\n`;
const LINES: [string, string, number][] = [
  ["Microsoft Office Professionnel Plus 2016", "Microsoft Corporation", 60],
  ["Google Chrome", "Google LLC", 60],
  ["Kaspersky Endpoint Security 12", "AO Kaspersky Lab", 60],
  ["e.magnus Gestion financière", "Berger-Levrault", 12],
];

let server: TestServer;
let draftId = "";
let computed = 0;
let baseline = 0;
const api = (p: string, init?: RequestInit) => fetch(`${server.url}/api${p}`, init);
const latest = async () => (await (await api(`/drafts/${draftId}`)).json()).versions.at(-1);
const sectionText = async (key: string) => (await latest()).sections.find((s: any) => s.key === key).text as string;

beforeAll(async () => {
  server = await startTestServer({ CORPUS_DIR: INVENTORY_CORPUS });
  const res = await fetch(`${server.url}/api/inventory/analyze?name=saint-yrieix.csv`, {
    method: "POST",
    body: csv(LINES),
  });
  expect(res.status).toBe(201);
  const analysis = await res.json();
  baseline = analysis.summary.score.value;
  const events = await readSse(
    await postJson(`${server.url}/api/drafts`, {
      type: "roadmap",
      inputs: {
        collectivite: { name: "Commune de Saint-Yrieix", kind: "commune" },
        analysisId: analysis.id,
        targetShare: 40,
        targetDate: "2029-06",
      },
    }),
  );
  expect(events.at(-1)!.event).toBe("done");
  draftId = events.at(-1)!.data.id;
  computed = (await (await api(`/plans/from-draft/${draftId}`)).json()).proposal.target.value;
  expect(computed).toBe(40);
});
afterAll(() => server?.stop());

describe("the DSI sets another objective in the roadmap (B1)", () => {
  it("takes the objective written in the « Objectif » section as the roadmap's, unflagged, and recomputes the calendar", async () => {
    expect(await sectionText("calendar")).toMatch(/40\s%\sau plus/);
    const res = await fetch(`${server.url}/api/drafts/${draftId}/sections/target`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        text: `Objectif : ramener l'exposition pondérée de ${baseline} % à 25 % d'ici juin 2029.`,
        version: 1,
      }),
    });
    expect(res.status).toBe(200);
    const version = await latest();
    const target = version.sections.find((s: any) => s.key === "target");
    expect(target.flags).toEqual([]);
    expect(target.verification?.sentences?.every((s: any) => s.status !== "unsupported") ?? true).toBe(true);
    // The same document no longer holds the old target in its calendar.
    const calendar = await sectionText("calendar");
    expect(calendar).toMatch(/25\s%\sau plus/);
    expect(calendar).not.toMatch(/40\s%\sau plus/);
    // The draft says what followed the edit.
    expect(version.notice).toMatch(/Objectif modifié : 40\s% → 25\s%\. Le calendrier.* recalculés pour 25\s%/);
    const md = await (await api(`/drafts/${draftId}/export?format=md`)).text();
    expect(md).not.toMatch(/25\s% d'ici juin 2029\.? \*\*\[non vérifié\]/);
    expect(md).not.toMatch(/40\s%\sau plus/);
  });

  it("proposes the edited objective for the plan adopted from the draft", async () => {
    const { proposal } = await (await api(`/plans/from-draft/${draftId}`)).json();
    expect(proposal.source.version).toBe(2);
    expect(proposal.target).toEqual({ value: 25, date: "2029-06-30" });
    expect(proposal.milestones.at(-1)).toMatchObject({ date: "2029-06-30", value: 25 });
  });

  it("leaves the target alone when the edit keeps the objective", async () => {
    const res = await fetch(`${server.url}/api/drafts/${draftId}/sections/target`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        text: `Objectif : ramener l'exposition pondérée de ${baseline} % à 25 % d'ici juin 2029, en commençant par les gains rapides.`,
      }),
    });
    expect(res.status).toBe(200);
    const version = await latest();
    expect(version.notice).toBeUndefined();
    expect((await (await api(`/plans/from-draft/${draftId}`)).json()).proposal.target.value).toBe(25);
  });
});
