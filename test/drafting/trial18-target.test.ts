/**
 * trial18 F13: `POST /api/drafts` with `targetShare: 0.5` — a script author reading the analysis API's fractions
 * (`share: 0.7855…`) — was written « faire passer l'exposition pondérée … de 86 % à 0,5 % ». A target is a percentage:
 * a value between 0 and 1 whose percentage reading lies below today's measure (0.5 → 50 %, under 86 %) is refused in
 * French, saying to write 50 for 50 %; 0 and 1 remain possible. The same for a plan's target and milestones. Through
 * the real HTTP server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postJson, readSse, startTestServer, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS } from "../inventory/fixtures.ts";

const collectivite = { name: "Commune des Combes", kind: "commune" };
const CSV = `\uFEFF"Nom";"Éditeur";"Nombre d'installations"
"Microsoft Windows 11 Professionnel";"Microsoft Corporation";"120"
"Microsoft Office Professionnel Plus 2021";"Microsoft Corporation";"120"
"Google Chrome";"Google LLC";"100"
"LibreOffice";"The Document Foundation";"10"
`;

let server: TestServer;
let analysisId = "";
beforeAll(async () => {
  server = await startTestServer({ CORPUS_DIR: INVENTORY_CORPUS });
  const form = new FormData();
  form.append("file", new Blob([CSV]), "glpi.csv");
  form.append("collectivite", collectivite.name);
  form.append("inventoryDate", "2026-06-01");
  const res = await fetch(`${server.url}/api/inventory/analyze`, { method: "POST", body: form });
  expect(res.status, await res.clone().text()).toBe(201);
  const analysis = await res.json();
  expect(analysis.summary.score.value).toBeGreaterThan(60);
  analysisId = analysis.id;
});
afterAll(() => server?.stop());

describe("a target written as a fraction (trial18 F13)", () => {
  it("refuses targetShare 0.5 for a roadmap, saying to write 50", async () => {
    const res = await postJson(`${server.url}/api/drafts`, {
      type: "roadmap",
      inputs: { collectivite, analysisId, targetShare: 0.5 },
    });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.message).toContain("inputs.targetShare (exposition pondérée visée) s'écrit en pourcentage");
    expect(error.message).toMatch(/Pour viser 50\s%, indiquez 50 \(et non 0,5\)/);
  });

  it("accepts 0 and whole percentages", async () => {
    for (const targetShare of [0, 1, 50]) {
      const res = await postJson(`${server.url}/api/drafts`, {
        type: "roadmap",
        inputs: { collectivite, analysisId, targetShare },
      });
      expect(res.status, `${targetShare}`).toBe(200);
      expect((await readSse(res)).at(-1)!.event).toBe("done");
    }
  });

  it("refuses a plan's target or milestone of 0.3", async () => {
    for (const body of [
      { target: { value: 0.3, date: "2029-12-31" } },
      { target: { value: 30, date: "2029-12-31" }, milestones: [{ date: "2028-06-30", value: 0.3 }] },
    ]) {
      const res = await postJson(`${server.url}/api/plans`, { collectivite, analysisId, ...body });
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toMatch(/Pour viser 30\s%, indiquez 30 \(et non 0,3\)/);
    }
  });
});
