/**
 * trial18 F13: `POST /api/drafts` with `targetShare: 0.5` — a script author reading the analysis API's fractions
 * (`share: 0.7855…`) — was written « faire passer l'exposition pondérée … de 86 % à 0,5 % ». A target is a percentage:
 * a value between 0 and 1 is refused in French, saying to write 50 for 50 % (0 and 1 remain possible); the same for a
 * plan's target and milestones. Through the real HTTP server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alt, item } from "../helpers/analysis-items.ts";
import { postJson, readSse, startTestServer, type TestServer } from "../helpers/server.ts";

const analysis = {
  id: "combes",
  items: [
    item("Microsoft Windows 11 Professionnel", 120, {
      product: "windows-11",
      alternatives: [alt("Debian", "partial", "FR")],
    }),
    item("Microsoft Office Professionnel Plus 2021", 120, {
      product: "microsoft-office",
      alternatives: [alt("LibreOffice", "partial", "DE")],
    }),
  ],
};
const collectivite = { name: "Commune des Combes", kind: "commune" };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

describe("a target written as a fraction (trial18 F13)", () => {
  it("refuses targetShare 0.5 for a roadmap, saying to write 50", async () => {
    const res = await postJson(`${server.url}/api/drafts`, {
      type: "roadmap",
      inputs: { collectivite, analysis, targetShare: 0.5 },
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
        inputs: { collectivite, analysis, targetShare },
      });
      expect(res.status, `${targetShare}`).toBe(200);
      const events = await readSse(res);
      expect(events.at(-1)!.event).toBe("done");
    }
  });

  it("refuses a plan's target or milestone of 0.3", async () => {
    for (const body of [
      { target: { value: 0.3, date: "2029-12-31" } },
      { target: { value: 30, date: "2029-12-31" }, milestones: [{ date: "2028-06-30", value: 0.3 }] },
    ]) {
      const res = await postJson(`${server.url}/api/plans`, { collectivite, analysisId: "combes", ...body });
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toMatch(/Pour viser 30\s%, indiquez 30 \(et non 0,3\)/);
    }
  });
});
