/**
 * trial17 D8 and D16. D8: a DSI exported by mistake every other line of the same GLPI list (same four files, −48 % of
 * the installations): the checkpoint was added without a question — only fewer files or fewer than half the
 * installations asked — and nine products read « n'apparaît plus dans l'inventaire » in the plan, the note and the
 * public page. Now under seven tenths of the installations with at least three exposed products gone whole is asked
 * too (409 `narrower_perimeter`, the products named), while a migration that replaces products (their alternatives in
 * their place) is not. D16: confirmed as part of the parc, a product present with fewer installations read « moins
 * d'installations, sans que l'alternative prévue apparaisse » (Kaspersky 182 → 1): the perimeter's doing, said so.
 * Another collectivité and other counts than the trial's, through the real HTTP server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postJson, startTestServer, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS } from "../inventory/fixtures.ts";

const csv = (lines: [string, string, number][]) =>
  `\uFEFF"Nom";"Éditeur";"Nombre d'installations"\n${lines.map((l) => `"${l[0]}";"${l[1]}";"${l[2]}"`).join("\n")}\n`;
const MS = "Microsoft Corporation";
const GLPI: [string, string, number][] = [
  ["Microsoft Office Professionnel Plus 2016", MS, 190],
  ["Microsoft Windows 10 Professionnel", MS, 200],
  ["Microsoft Teams", MS, 150],
  ["Microsoft OneDrive", MS, 120],
  ["Google Chrome", "Google LLC", 180],
  ["Adobe Acrobat Reader DC", "Adobe Inc.", 160],
  ["Zoom Workplace", "Zoom Video Communications, Inc.", 40],
  ["Kaspersky Endpoint Security 12", "AO Kaspersky Lab", 180],
  ["Java 8 Update 401", "Oracle Corporation", 60],
  ["AutoCAD LT 2024", "Autodesk, Inc.", 12],
  ["TeamViewer 15", "TeamViewer Germany GmbH", 20],
  ["LibreOffice", "The Document Foundation", 30],
];
const SMALL = csv([
  ["Microsoft Windows 10 Professionnel", MS, 3],
  ["Microsoft Office Professionnel Plus 2016", MS, 2],
]);
/** Kaspersky, Zoom, Java and TeamViewer removed, Sophos in Kaspersky's place: a migration, −9 %. */
const MIGRATED = [
  ...GLPI.filter(([n]) => !/Kaspersky|Zoom|Java|TeamViewer/.test(n)),
  ["Sophos Endpoint Agent", "Sophos Limited", 180] as [string, string, number],
];
/** The same list filtered by mistake: 745 installations of 1 237 (60 %), OneDrive, Adobe Reader and AutoCAD gone. */
const FILTERED = MIGRATED.filter(([n]) => /Office|Teams|Chrome|Sophos|LibreOffice/.test(n));
const NAME = "Syndicat intercommunal du Haut-Ornain";

let server: TestServer;
let planId = "";
const upload = async (glpi: [string, string, number][], date: string) => {
  const form = new FormData();
  form.append("file", new Blob([csv(glpi)]), "glpi-logiciels.csv");
  for (const n of ["ocs-mairie-01.csv", "ocs-mairie-02.csv", "ocs-ecole-01.csv"])
    form.append("file", new Blob([SMALL]), n);
  form.append("collectivite", NAME);
  form.append("inventoryDate", date);
  const res = await fetch(`${server.url}/api/inventory/analyze`, { method: "POST", body: form });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()).id as string;
};
const addCheckpoint = (body: object) => postJson(`${server.url}/api/plans/${planId}/checkpoints`, body);

beforeAll(async () => {
  server = await startTestServer({ CORPUS_DIR: INVENTORY_CORPUS });
  const baseline = await upload(GLPI, "2026-06-01");
  const res = await postJson(`${server.url}/api/plans`, {
    collectivite: { name: NAME, kind: "syndicat" },
    analysisId: baseline,
    measure: "raw",
    target: { value: 30, date: "2029-12-31" },
    milestones: [{ date: "2029-12-31", value: 30 }],
    products: [
      { name: "Microsoft Windows", productId: "microsoft-windows", by: "Debian", dueDate: "2026-11-30" },
      { name: "Microsoft OneDrive", productId: "microsoft-onedrive", by: "Nextcloud" },
      { name: "Kaspersky Endpoint Security", productId: "kaspersky-endpoint-security", by: "Sophos" },
      { name: "Zoom Workplace", productId: "zoom-workplace", by: "BigBlueButton" },
    ],
  });
  expect(res.status, await res.clone().text()).toBe(201);
  planId = (await res.json()).plan.id;
});
afterAll(() => server?.stop());

describe("part of the parc in the same files (trial17 D8, D16)", () => {
  it("adds a migration that removes whole products without a question", async () => {
    const res = await addCheckpoint({ analysisId: await upload(MIGRATED, "2026-10-01") });
    expect(res.status, await res.clone().text()).toBe(201);
    const { progress } = await res.json();
    expect(progress.latest.removed.map((d: { name: string }) => d.name)).toEqual(
      expect.arrayContaining([expect.stringMatching(/Kaspersky/), expect.stringMatching(/Zoom/)]),
    );
  });

  it("asks before following the same files with a third of the installations and whole products gone", async () => {
    const filtered = await upload(FILTERED, "2026-12-01");
    const refused = await addCheckpoint({ analysisId: filtered });
    expect(refused.status).toBe(409);
    const { error } = await refused.json();
    expect(error.code).toBe("narrower_perimeter");
    expect(error.message).toMatch(
      /^Cet inventaire semble ne couvrir qu'une partie du parc : 745 installations dans 4 fichiers, contre 1\s237 installations dans 4 fichiers à l'inventaire précédent \(inventaire du 1er octobre 2026\)\. Il compte moins des sept dixièmes des installations, et 3 logiciels en sont absents en entier : /,
    );
    expect(error.message).toMatch(/OneDrive[^,]* \(120\)/);
    expect(error.message).toMatch(/Adobe[^,]* \(160\)/);

    const confirmed = await addCheckpoint({ analysisId: filtered, narrowerPerimeter: true });
    expect(confirmed.status, await confirmed.clone().text()).toBe(201);
    const { progress } = await confirmed.json();
    const status = Object.fromEntries(
      progress.products.map((p: { product: { name: string }; state: string; status: string; late: boolean }) => [
        p.product.name,
        [p.state, p.status, p.late],
      ]),
    );
    expect(status["Microsoft OneDrive"]).toEqual(["outside-perimeter", "absent de ce périmètre", false]);
    // Windows in the three small files only (9 of 209): the perimeter's doing, and not « late » past its due date.
    expect(status["Microsoft Windows"]).toEqual([
      "in-perimeter",
      "9 installations dans ce périmètre, qui ne couvre qu'une partie du parc : la baisse depuis le départ tient au périmètre, pas à un remplacement",
      false,
    ]);
    expect(JSON.stringify(progress.products)).not.toContain("sans que l'alternative prévue apparaisse");

    const written = await fetch(`${server.url}/api/plans/${planId}/note`, { method: "POST" });
    expect(written.status).toBe(201);
    const md = await (await fetch(`${server.url}/api/plans/${planId}/note?format=md`)).text();
    expect(md).toContain(
      "Microsoft Windows : 9 installations dans ce périmètre, qui ne couvre qu'une partie du parc : la baisse depuis le départ tient au périmètre, pas à un remplacement ; 209 installations au départ, sur tout le parc (remplacement prévu : Debian).",
    );
    expect(md).not.toContain("n'apparaît plus");
  });
});
