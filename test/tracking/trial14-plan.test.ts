/**
 * Trial 14 (6 December 2026), B16: a plan of the « Département du Gard » accepted, silently, a checkpoint from an
 * analysis imported for « Département de l'Hérault » (picked by mistake in the list of saved analyses); once
 * republished, the Gard's citizens would read another département's inventory as their progress. Now refused (409,
 * in French, naming both) unless the DSI confirms it; an analysis of the same collectivité under a shorter name, or
 * one imported without a collectivité, is still added.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sameCollectivite } from "../../server/inventory/collectivite.ts";
import { postJson, startTestServer, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS } from "../inventory/fixtures.ts";

const csv = (office: number, total = 200) =>
  `\uFEFF"Nom";"Éditeur";"Nombre d'installations"\n"Microsoft Office Professionnel Plus 2019";"Microsoft Corporation";"${office}"\n"LibreOffice";"The Document Foundation";"${total - office}"\n`;

let server: TestServer;
const upload = async (office: number, date: string, collectivite?: string, total = 200) => {
  const query = new URLSearchParams({ name: `inv-${office}.csv`, inventoryDate: date });
  if (collectivite) query.set("collectivite", collectivite);
  const res = await fetch(`${server.url}/api/inventory/analyze?${query}`, {
    method: "POST",
    body: csv(office, total),
  });
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

  it("the list of analyses asked for a collectivité marks which may measure it, by the same rule (the page's list)", async () => {
    const gard = await upload(141, "2026-07-02", "Gard");
    const herault = await upload(126, "2026-08-03", "Département de l'Hérault");
    const unnamed = await upload(127, "2026-08-04");
    const res = await fetch(
      `${server.url}/api/inventory/analyses?collectivite=${encodeURIComponent("Département du Gard")}`,
    );
    const { analyses } = (await res.json()) as { analyses: { id: string; sameCollectivite?: boolean }[] };
    const same = (id: string) => analyses.find((a) => a.id === id)?.sameCollectivite;
    expect([same(gard), same(herault), same(unnamed)]).toEqual([true, false, true]);
    // Without the question, the list says nothing of it.
    const plain = (await (await fetch(`${server.url}/api/inventory/analyses`)).json()).analyses;
    expect(plain.every((a: object) => !("sameCollectivite" in a))).toBe(true);
  });

  it("the comparison of two analyses uses the same rule (it said « Gard » was not the Département du Gard)", async () => {
    const compare = async (from: string, to: string) =>
      (await (await fetch(`${server.url}/api/inventory/compare?from=${from}&to=${to}`)).json()).notice ?? "";
    const gard = await upload(140, "2026-07-01", "Département du Gard");
    const short = await upload(130, "2026-08-01", "Gard");
    const herault = await upload(125, "2026-08-02", "Département de l'Hérault");
    expect(await compare(gard, short)).not.toMatch(/même collectivité/);
    expect(await compare(gard, herault)).toMatch(/ne portent pas sur la même collectivité/);
  });

  it("tells names apart by their words, with the one rule the comparison and the import use", () => {
    const same = (a: string, b: string) => sameCollectivite(a, b) && sameCollectivite(b, a);
    expect(same("Département de l'Hérault", "Département du Gard")).toBe(false);
    expect(same("Gard", "Département du Gard")).toBe(true);
    expect(same("DÉPARTEMENT DU GARD", "Département du Gard")).toBe(true);
    expect(same("Commune de Garde-Colombe", "Département du Gard")).toBe(false);
    expect(same("Commune de Lanvéoc", "commune de lanveoc")).toBe(true);
    expect(same("Haut-Couserans", "Communauté de communes du Haut-Couserans et des Trois Vallées")).toBe(true);
    // Fixed: one collectivité said by another word of its kind (the tracking rule told them apart) …
    expect(same("Conseil départemental du Gard", "Département du Gard")).toBe(true);
    expect(same("Mairie de Nîmes", "Ville de Nîmes")).toBe(true);
    // … and two collectivités of one name but of other kinds (every rule but the tracking one took them as one).
    expect(same("Ville de Lyon", "Métropole de Lyon")).toBe(false);
    expect(same("Ville de Nîmes", "Nîmes Métropole")).toBe(false);
    expect(same("Nîmes", "Nîmes Métropole")).toBe(true);
    // The comparison said « Gard » and « Département du Gard » were two collectivités; the plan, one.
    expect(same("Région Occitanie", "Occitanie")).toBe(true);
  });
});

describe("a checkpoint whose perimeter changed (the compare's notice, on the plan and its public page)", () => {
  it("says it on the checkpoint added and on the citizens' page; says nothing for the same perimeter", async () => {
    // The college's computers joined the export: 200 installations, then 260 (+30 %).
    const wider = await upload(90, "2026-11-20", "Département du Gard", 260);
    const res = await postJson(`${server.url}/api/plans/${planId}/checkpoints`, { analysisId: wider });
    expect(res.status, await res.clone().text()).toBe(201);
    const { progress } = await res.json();
    const latest = progress.checkpoints.at(-1);
    expect(latest.checkpoint.analysisId).toBe(wider);
    expect(latest.perimeter).toMatch(
      /^Attention : le périmètre a peut-être changé, le nombre d'installations passe de 200 à 260 \(\+30\s%\)\. Une partie des écarts vient de ce changement/,
    );
    // The checkpoints before, on 200 installations each, were measured on one perimeter.
    for (const c of progress.checkpoints.slice(0, -1)) expect(c.perimeter).toBeNull();
    const published = await postJson(`${server.url}/api/plans/${planId}/publish`, { reviewed: true });
    expect(published.status, await published.clone().text()).toBe(200);
    const html = await (await fetch(`${server.url}${(await published.json()).url}`)).text();
    expect(html).toMatch(
      /<p class="notice">Inventaire du 20 novembre 2026 : Attention : le périmètre a peut-être changé, le nombre d&#39;installations passe de 200 à 260/,
    );
    expect(html.match(/le périmètre a/g)).toHaveLength(1);
  });
});

describe("a checkpoint added by mistake is removed alone (trial15 B4)", () => {
  it("removes it with the plan's version, logs it, keeps the baseline, and says when the date has none", async () => {
    const wrong = await upload(10, "2026-11-20", "Département du Gard", 20);
    // A tenth of the parc: asked first (trial16 C4), added when confirmed.
    const asked = await postJson(`${server.url}/api/plans/${planId}/checkpoints`, { analysisId: wrong });
    expect(asked.status).toBe(409);
    expect((await asked.json()).error.code).toBe("narrower_perimeter");
    const added = await postJson(`${server.url}/api/plans/${planId}/checkpoints`, {
      analysisId: wrong,
      narrowerPerimeter: true,
    });
    expect(added.status, await added.clone().text()).toBe(201);
    const before = (await added.json()).plan;
    expect(before.checkpoints.map((c: { date: string }) => c.date)).toContain("2026-11-20");
    const remove = (date: string, body: object) =>
      fetch(`${server.url}/api/plans/${planId}/checkpoints/${date}`, {
        method: "DELETE",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    // A stale version: refused, nothing removed.
    const stale = await remove("2026-11-20", { version: before.version - 1 });
    expect(stale.status).toBe(409);
    const res = await remove("2026-11-20", { version: before.version });
    expect(res.status, await res.clone().text()).toBe(200);
    const { plan } = await res.json();
    expect(plan.checkpoints.map((c: { date: string }) => c.date)).not.toContain("2026-11-20");
    expect(plan.checkpoints).toHaveLength(before.checkpoints.length - 1);
    expect(plan.log.at(-1)).toMatchObject({ action: "checkpoint-removed" });
    expect(plan.log.at(-1).detail).toContain("20 novembre 2026");
    // Gone already: a French 404; the baseline: a French 400 that says why and what to do.
    const again = await remove("2026-11-20", {});
    expect(again.status).toBe(404);
    expect((await again.json()).error.message).toMatch(/pas de point de suivi du 20 novembre 2026/);
    const baseline = await remove(plan.checkpoints[0].date, {});
    expect(baseline.status).toBe(400);
    expect((await baseline.json()).error.message).toMatch(/inventaire de départ ne peut pas être retiré/);
  });
});
