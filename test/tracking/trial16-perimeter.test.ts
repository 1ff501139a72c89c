/**
 * Trial 16 (6 December 2026), C4 and C17: a DSI imported by mistake 2 of the 4 files of the parc (same collectivité)
 * and added it as a checkpoint: 201, no warning; the plan then read « le plan est en retard », 22 products « n'apparaît
 * plus dans l'inventaire », and the progress note handed to the élus said nothing of the perimeter. Now: a French 409
 * (`narrower_perimeter`) when a checkpoint covers sharply less of the parc than the previous one or the baseline
 * (fewer files, or fewer than half the installations), added only with `narrowerPerimeter: true`; once added, the
 * products it lacks are « absents de ce périmètre », the headline and the note (every format) carry the caveat, the
 * public page lists nothing « disparu » from it. C17: the files of a previous checkpoint are « à l'inventaire
 * précédent », not « au départ ».
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasPdftotext, pdfText, xmlText } from "../helpers/export-text.ts";
import { postJson, startTestServer, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS } from "../inventory/fixtures.ts";

const csv = (lines: [string, string, number][]) =>
  `\uFEFF"Nom";"Éditeur";"Nombre d'installations"\n${lines.map((l) => `"${l[0]}";"${l[1]}";"${l[2]}"`).join("\n")}\n`;
const FILES: Record<string, string> = {
  "glpi-hotel.csv": csv([
    ["Microsoft Teams", "Microsoft Corporation", 200],
    ["LibreOffice", "The Document Foundation", 100],
  ]),
  "glpi-services.csv": csv([
    ["Zoom Workplace", "Zoom Video Communications, Inc.", 50],
    ["LibreOffice", "The Document Foundation", 50],
  ]),
  "ocs-pc01.csv": csv([["Microsoft Office Professionnel Plus 2019", "Microsoft Corporation", 150]]),
  "ocs-pc03.csv": csv([["Google Chrome", "Google LLC", 100]]),
};
const NAME = "Communauté de communes Terres d'Auge et de Seine";

let server: TestServer;
/** `teams`: the hotel's Teams installations (an identical export is reused, not analysed again). */
const upload = async (names: string[], date: string, teams = 200) => {
  const form = new FormData();
  for (const n of names)
    form.append(
      "file",
      new Blob([
        FILES[n]!.replace(
          '"Microsoft Teams";"Microsoft Corporation";"200"',
          `"Microsoft Teams";"Microsoft Corporation";"${teams}"`,
        ),
      ]),
      n,
    );
  form.append("collectivite", NAME);
  form.append("inventoryDate", date);
  const res = await fetch(`${server.url}/api/inventory/analyze`, { method: "POST", body: form });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()).id as string;
};
const addCheckpoint = (body: object) => postJson(`${server.url}/api/plans/${planId}/checkpoints`, body);

let planId = "";
beforeAll(async () => {
  server = await startTestServer({ CORPUS_DIR: INVENTORY_CORPUS });
  const baseline = await upload(Object.keys(FILES), "2026-06-01");
  const res = await postJson(`${server.url}/api/plans`, {
    collectivite: { name: NAME, kind: "communauté de communes" },
    analysisId: baseline,
    measure: "raw",
    target: { value: 20, date: "2029-12-01" },
    // A milestone before the adoption (a plan recorded after the vote): it is followed from the baseline.
    milestones: [
      { date: "2026-09-01", value: 70 },
      { date: "2029-12-01", value: 20 },
    ],
    products: [
      { name: "Microsoft Teams", productId: "microsoft-teams", by: "Visio", dueDate: "2026-09-01" },
      { name: "Zoom Workplace", productId: "zoom-workplace", by: "BigBlueButton" },
      { name: "Microsoft Office", productId: "microsoft-office", by: "LibreOffice" },
    ],
  });
  expect(res.status, await res.clone().text()).toBe(201);
  planId = (await res.json()).plan.id;
});
afterAll(() => server?.stop());

describe("a checkpoint covering part of the parc (trial16 C4)", () => {
  it("is refused in French with both perimeters and the way out, then added when the DSI confirms it", async () => {
    const partial = await upload(["ocs-pc01.csv", "ocs-pc03.csv"], "2026-11-15");
    const refused = await addCheckpoint({ analysisId: partial });
    expect(refused.status).toBe(409);
    const { error } = await refused.json();
    expect(error.code).toBe("narrower_perimeter");
    expect(error.message).toMatch(
      /^Cet inventaire semble ne couvrir qu'une partie du parc : 250 installations dans 2 fichiers, contre 650 installations dans 4 fichiers à l'inventaire de départ \(inventaire du 1er juin 2026\)\./,
    );
    expect(error.message).toContain("« narrowerPerimeter »: true");
    let { plan } = await (await fetch(`${server.url}/api/plans/${planId}`)).json();
    expect(plan.checkpoints).toHaveLength(1);

    const confirmed = await addCheckpoint({ analysisId: partial, narrowerPerimeter: true });
    expect(confirmed.status, await confirmed.clone().text()).toBe(201);
    const body = await confirmed.json();
    plan = body.plan;
    const { progress } = body;
    expect(plan.checkpoints).toHaveLength(2);
    expect(plan.log.at(-1).detail).toContain("périmètre plus petit confirmé");
    // The headline's caveat, against the baseline.
    expect(progress.perimeter).toMatch(
      /^Attention : le dernier inventaire ne couvre pas le même périmètre que l'inventaire de départ \(250 installations dans 2 fichiers, contre 650 installations dans 4 fichiers au départ\)/,
    );
    const status = Object.fromEntries(
      progress.products.map((p: { product: { name: string }; state: string; status: string; late: boolean }) => [
        p.product.name,
        [p.state, p.status, p.late],
      ]),
    );
    // Not in these files: not « gone », and not « late » either (whether it is still installed is not known).
    expect(status["Microsoft Teams"]).toEqual(["outside-perimeter", "absent de ce périmètre", false]);
    expect(status["Zoom Workplace"]).toEqual(["outside-perimeter", "absent de ce périmètre", false]);
    expect(status["Microsoft Office"]![0]).toBe("not-started");
    // Nothing said gone from it, and it judges no milestone (100 % on two files would read « manqué »).
    expect(progress.latest.removed).toEqual([]);
    expect(progress.milestones[0]).toMatchObject({ state: "late", measured: null });
    expect(progress.targetMet).toBe(false);
  });

  it("carries the perimeter into the progress note, in every format, and says nothing « n'apparaît plus »", async () => {
    const written = await fetch(`${server.url}/api/plans/${planId}/note`, { method: "POST" });
    expect(written.status, await written.clone().text()).toBe(201);
    const md = await (await fetch(`${server.url}/api/plans/${planId}/note?format=md`)).text();
    // The caveat right after the figure; part of the parc judges no standing and computes no change across two
    // perimeters (trial17 D9: « le plan est en retard. Évolution … : +23 points » was still said before the caveat).
    expect(md).toMatch(
      /Au dernier inventaire \(15 novembre 2026\), qui ne couvre qu'une partie du parc, la mesure est de 100\s%\ssur cette partie : elle ne se compare ni à la valeur prévue pour tout le parc \([^)]*\), ni à l'inventaire précédent ; elle ne dit pas si le plan est en avance ou en retard\.\s+Attention : le dernier inventaire ne couvre pas le même périmètre que l'inventaire de départ/,
    );
    expect(md).not.toMatch(/le plan est en retard|\+23 points/);
    expect(md).toMatch(/Inventaire du 15 novembre 2026 : Attention : le périmètre a changé/);
    expect(md).toContain(
      "Microsoft Teams : absent de ce périmètre ; 200 installations au départ (remplacement prévu : Visio).",
    );
    expect(md).not.toContain("n'apparaît plus");
    const odt = new Uint8Array(await (await fetch(`${server.url}/api/plans/${planId}/note?format=odt`)).arrayBuffer());
    const odtText = xmlText(odt, "content.xml");
    expect(odtText).toContain("ne couvre pas le même périmètre que l'inventaire de départ");
    expect(odtText).toContain("absent de ce périmètre");
    if (hasPdftotext) {
      const pdf = await (await fetch(`${server.url}/api/plans/${planId}/note?format=pdf`)).arrayBuffer();
      const text = await pdfText(pdf);
      expect(text).toContain("ne couvre pas le même périmètre");
      expect(text).not.toContain("n'apparaît plus");
    }
  });

  it("the public page carries the caveat and lists nothing « disparu » from the partial inventory", async () => {
    const published = await postJson(`${server.url}/api/plans/${planId}/publish`, { reviewed: true });
    expect(published.status, await published.clone().text()).toBe(200);
    const html = await (await fetch(`${server.url}${(await published.json()).url}`)).text();
    expect(html).toContain("ne couvre pas le même périmètre que l&#39;inventaire de départ");
    expect(html).toContain("absent de ce périmètre");
    expect(html).not.toMatch(/Microsoft Teams<\/li>/);
    // The headline figure is said to be part of the parc's, compared with nothing planned (trial17 D9).
    expect(html).toMatch(
      /<strong>100\s%<\/strong> au dernier inventaire, le 15 novembre 2026, sur une partie du parc seulement/,
    );
  });

  it("C17: a later inventory's files are compared with the previous one's « à l'inventaire précédent »", async () => {
    // The whole parc again (4 files after 2): wider, so added without a question; its notice names the previous files.
    const whole = await upload(Object.keys(FILES), "2026-12-01", 190);
    const res = await addCheckpoint({ analysisId: whole });
    expect(res.status, await res.clone().text()).toBe(201);
    const { progress } = await res.json();
    expect(progress.checkpoints[1].perimeter).toContain("« ocs-pc03.csv » au départ, « ocs-pc01.csv »");
    expect(progress.checkpoints[1].perimeter).not.toContain("à l'inventaire précédent");
    expect(progress.checkpoints[2].perimeter).toContain(
      "(« ocs-pc01.csv », « ocs-pc03.csv » à l'inventaire précédent, « glpi-hotel.csv »",
    );
    expect(progress.checkpoints[2].perimeter).not.toContain("au départ");
    // Back on the baseline's perimeter: what the partial one lacked did not « appear »; no caveat, the products are
    // measured again.
    expect(progress.latest.appeared).toEqual([]);
    // No change across two perimeters, either way (trial17 D9); the partial one judged no standing.
    expect(progress.checkpoints[1]).toMatchObject({ change: null, standing: "narrower" });
    expect(progress.latest.change).toBeNull();
    expect(progress.latest.standing).not.toBe("narrower");
    expect(progress.perimeter).toBeUndefined();
    expect(progress.products.map((p: { state: string }) => p.state)).not.toContain("outside-perimeter");
  });

  it("a second partial inventory after the whole one is asked again, against the previous one", async () => {
    const partial = await upload(["glpi-hotel.csv"], "2026-12-06", 180);
    const res = await addCheckpoint({ analysisId: partial });
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toContain(
      "280 installations dans 1 fichier, contre 640 installations dans 4 fichiers à l'inventaire précédent (inventaire du 1er décembre 2026)",
    );
  });
});
