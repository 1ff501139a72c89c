/**
 * Trial 14 (6 December 2026), B16: a plan of the « Département du Gard » accepted, silently, a checkpoint from an
 * analysis imported for « Département de l'Hérault » (picked by mistake in the list of saved analyses); once
 * republished, the Gard's citizens would read another département's inventory as their progress. Now refused (409,
 * in French, naming both) unless the DSI confirms it; an analysis of the same collectivité under a shorter name, or
 * one imported without a collectivité, is still added.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { namesOtherCollectivite } from "../../server/tracking/service.ts";
import { postJson, startTestServer, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS } from "../inventory/fixtures.ts";

const csv = (office: number) =>
  `\uFEFF"Nom";"Éditeur";"Nombre d'installations"\n"Microsoft Office Professionnel Plus 2019";"Microsoft Corporation";"${office}"\n"LibreOffice";"The Document Foundation";"${200 - office}"\n`;

let server: TestServer;
const upload = async (office: number, date: string, collectivite?: string) => {
  const query = new URLSearchParams({ name: `inv-${office}.csv`, inventoryDate: date });
  if (collectivite) query.set("collectivite", collectivite);
  const res = await fetch(`${server.url}/api/inventory/analyze?${query}`, { method: "POST", body: csv(office) });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()).id as string;
};

let planId = "";
beforeAll(async () => {
  server = await startTestServer({ CORPUS_DIR: INVENTORY_CORPUS });
  const gard = await upload(150, "2026-06-01", "Département du Gard");
  const res = await postJson(`${server.url}/api/plans`, {
    collectivite: { name: "Département du Gard", kind: "département" },
    analysisId: gard,
    measure: "raw",
    target: { value: 30, date: "2029-12-01" },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  planId = (await res.json()).plan.id;
});
afterAll(() => server?.stop());

describe("a checkpoint from another collectivité's analysis (trial14 B16)", () => {
  it("is refused in French, naming both collectivités, and the plan is unchanged", async () => {
    const herault = await upload(100, "2026-11-01", "Département de l'Hérault");
    const res = await postJson(`${server.url}/api/plans/${planId}/checkpoints`, { analysisId: herault });
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(JSON.stringify(body)).toContain("« Département de l'Hérault »");
    expect(JSON.stringify(body)).toContain("« Département du Gard »");
    const { plan } = await (await fetch(`${server.url}/api/plans/${planId}`)).json();
    expect(plan.checkpoints).toHaveLength(1);
    // Confirmed by the DSI (the same parc imported under a wrong name): added.
    const confirmed = await postJson(`${server.url}/api/plans/${planId}/checkpoints`, {
      analysisId: herault,
      otherCollectivite: true,
    });
    expect(confirmed.status, await confirmed.clone().text()).toBe(201);
  });

  it("adds the same collectivité under a shorter name, and an analysis without a collectivité", async () => {
    const short = await upload(120, "2026-09-01", "Gard");
    expect((await postJson(`${server.url}/api/plans/${planId}/checkpoints`, { analysisId: short })).status).toBe(201);
    const unnamed = await upload(110, "2026-10-01");
    expect((await postJson(`${server.url}/api/plans/${planId}/checkpoints`, { analysisId: unnamed })).status).toBe(201);
  });

  it("tells names apart by their words", () => {
    expect(namesOtherCollectivite("Département de l'Hérault", "Département du Gard")).toBe(true);
    expect(namesOtherCollectivite("Gard", "Département du Gard")).toBe(false);
    expect(namesOtherCollectivite("DÉPARTEMENT DU GARD", "Département du Gard")).toBe(false);
    expect(namesOtherCollectivite("Commune de Garde-Colombe", "Département du Gard")).toBe(true);
    expect(namesOtherCollectivite(null, "Département du Gard")).toBe(false);
  });
});
