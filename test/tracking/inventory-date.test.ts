/**
 * Trial 4 (item 9): a plan could not be followed on day 1. A DSI who imports last quarter's GLPI export and today's
 * on the same day got « Ce nouvel inventaire doit être postérieur à l'inventaire de départ du plan », and nothing
 * could say « this export is from September ». Now an inventory carries the day it describes (given on import, read
 * from the export, or its import day), plans date checkpoints with it, and a later import of the same day counts as
 * later. Real server, fixture catalog, no Ollama.
 */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkInventoryDate, exportDay, todayIso } from "../../server/inventory/inventory-date.ts";
import { parseInventoryFile } from "../../server/inventory/parse.ts";
import { postJson, startTestServer, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS } from "../inventory/fixtures.ts";

type Line = [name: string, publisher: string, installations: number];
const glpiCsv = (lines: Line[]) =>
  `\uFEFF"Nom";"Éditeur";"Nombre d'installations";\n${lines.map(([n, p, i]) => `"${n}";"${p}";"${i}";`).join("\n")}\n`;
const before: Line[] = [
  ["Microsoft Office Professionnel Plus 2016", "Microsoft Corporation", 60],
  ["Google Chrome", "Google LLC", 60],
  ["Kaspersky Endpoint Security 12", "AO Kaspersky Lab", 60],
];
const after: Line[] = [
  ["Microsoft Office Professionnel Plus 2016", "Microsoft Corporation", 60],
  ["Google Chrome", "Google LLC", 60],
];

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ CORPUS_DIR: INVENTORY_CORPUS });
});
afterAll(() => server?.stop());

async function upload(lines: Line[], name: string, query = ""): Promise<Response> {
  return fetch(`${server.url}/api/inventory/analyze?name=${name}${query}`, { method: "POST", body: glpiCsv(lines) });
}
const adopt = (name: string, analysisId: string) =>
  postJson(`${server.url}/api/plans`, {
    collectivite: { name },
    analysisId,
    target: { value: 5, date: "2031-12-31" },
  });
const checkpoint = (planId: string, analysisId: string) =>
  postJson(`${server.url}/api/plans/${planId}/checkpoints`, { analysisId });

describe("the day an inventory describes", () => {
  it("is given on import: a plan adopted on last quarter's export follows today's from day 1", async () => {
    const res = await upload(before, "glpi-septembre.csv", "&inventoryDate=2025-09-30&collectivite=Plouzané");
    expect(res.status).toBe(201);
    const september = await res.json();
    expect(september).toMatchObject({ inventoryDate: "2025-09-30", inventoryDateFrom: "given" });
    const today = await (await upload(after, "glpi-aujourdhui.csv")).json();
    expect(today.inventoryDate).toBeNull();

    const adopted = await adopt("Commune de Plouzané", september.id);
    expect(adopted.status).toBe(201);
    const { plan } = await adopted.json();
    expect(plan.checkpoints[0].date).toBe("2025-09-30");

    const added = await checkpoint(plan.id, today.id);
    expect(added.status).toBe(201);
    const { progress } = await added.json();
    expect(progress.latest.checkpoint).toMatchObject({ analysisId: today.id, date: todayIso() });
    expect(progress.latest.removed.map((d: any) => d.productId)).toEqual(["kaspersky-endpoint-security"]);
  });

  it("without dates, a later import of the same day is a checkpoint; an earlier one or the baseline itself is not", async () => {
    // Other files than the first test's (an identical upload is the same analysis).
    const vlc: Line = ["VLC media player", "VideoLAN", 10];
    const first = await (await upload([...before, vlc], "export-a.csv")).json();
    const second = await (await upload([...after, vlc], "export-b.csv")).json();
    expect(first.reused).toBeUndefined();
    // Adopted on the first import: the second, imported later the same day, measures progress.
    const { plan } = await (await adopt("Commune de Landéda", first.id)).json();
    const added = await checkpoint(plan.id, second.id);
    expect(added.status).toBe(201);
    expect((await added.json()).plan.checkpoints.map((c: any) => c.analysisId)).toEqual([first.id, second.id]);
    const self = await checkpoint(plan.id, first.id);
    expect(self.status).toBe(400);
    expect((await self.json()).error.message).toContain("est l'inventaire de départ du plan");

    // Adopted on the later import: the earlier one of the same day cannot be « progress », and the message says how
    // to date the exports.
    const other = await (await adopt("Commune de Lannilis", second.id)).json();
    const refused = await checkpoint(other.plan.id, first.id);
    expect(refused.status).toBe(400);
    const text = (await refused.json()).error.message;
    expect(text).toContain("du même jour que l'inventaire de départ du plan");
    expect(text).toContain("Date de l'inventaire");
    // Dated afterwards (PATCH), the earlier export is older than the baseline: refused as older, not as same-day.
    const patched = await fetch(`${server.url}/api/inventory/analyses/${first.id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ inventoryDate: "2025-06-30" }),
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ inventoryDate: "2025-06-30", inventoryDateFrom: "given" });
    const older = await checkpoint(other.plan.id, first.id);
    expect(older.status).toBe(400);
    expect((await older.json()).error.message).toContain("antérieure à l'inventaire de départ");
  });

  it("refuses an invalid or future date with a clear French message, on the query and in a multipart form", async () => {
    const invalid = await upload(before, "x.csv", "&inventoryDate=2026-02-30");
    expect(invalid.status).toBe(400);
    const body = (await invalid.json()).error;
    expect(body.code).toBe("invalid_inventory_date");
    expect(body.message).toContain("« 2026-02-30 » n'est pas une date valable");
    expect(body.message).toContain("AAAA-MM-JJ");
    const form = new FormData();
    form.append("file", new Blob([glpiCsv(before)]), "y.csv");
    form.append("inventoryDate", "2099-01-01");
    const future = await fetch(`${server.url}/api/inventory/analyze`, { method: "POST", body: form });
    expect(future.status).toBe(400);
    expect((await future.json()).error.message).toContain("1er janvier 2099) est postérieure à aujourd'hui");
    const words = await upload(before, "z.csv", "&inventoryDate=septembre");
    expect(words.status).toBe(400);
    // Nothing was saved by the refused uploads.
    const { analyses } = await (await fetch(`${server.url}/api/inventory/analyses`)).json();
    expect(analyses.some((a: any) => ["x.csv", "y.csv", "z.csv"].includes(a.name))).toBe(false);
  });

  it("dates again a re-sent identical export, without a duplicate", async () => {
    const lines: Line[] = [["Zoom Workplace", "Zoom Video Communications, Inc.", 4]];
    const first = await (await upload(lines, "zoom.csv")).json();
    const again = await upload(lines, "zoom.csv", "&inventoryDate=2025-03-31");
    expect(again.status).toBe(200);
    const view = await again.json();
    expect(view).toMatchObject({ id: first.id, reused: true, inventoryDate: "2025-03-31" });
    expect(view.notice).toContain("datée désormais de l'inventaire du 31 mars 2025");
  });

  it("keeps the date of a re-sent export already dated, and says how to change it (trial18 F18)", async () => {
    const lines: Line[] = [["Zoom Workplace", "Zoom Video Communications, Inc.", 7]];
    const first = await (await upload(lines, "zoom-mai.csv", "&inventoryDate=2025-05-05")).json();
    const again = await upload(lines, "zoom-mai.csv", "&inventoryDate=2025-05-07");
    expect(again.status).toBe(200);
    const view = await again.json();
    // Not silently re-dated: a plan may measure it on the 5th.
    expect(view).toMatchObject({ id: first.id, reused: true, inventoryDate: "2025-05-05" });
    expect(view.notice).toContain(
      "comme inventaire du 5 mai 2025 : l'analyse enregistrée est reprise, sans doublon, et garde cette date",
    );
    expect(view.notice).toContain("Pour la dater du 7 mai 2025, modifiez sa « Date de l'inventaire »");
    const listed = (await (await fetch(`${server.url}/api/inventory/analyses`)).json()).analyses.find(
      (a: { id: string }) => a.id === first.id,
    );
    expect(listed.inventoryDate).toBe("2025-05-05");
  });

  it("is read from a GLPI Agent inventory (accesslog.logdate) when none is given", async () => {
    const bytes = await readFile(path.resolve("test/fixtures/inventory/reference/glpi-computer_1.json"));
    const res = await fetch(`${server.url}/api/inventory/analyze?name=glpixps.json`, { method: "POST", body: bytes });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ inventoryDate: "2020-06-12", inventoryDateFrom: "export" });
  });
});

describe("inventory dates in exports and on the command line", () => {
  it("reads the newest « Dernier inventaire » of a computer list, ignoring a machine dated in the future", () => {
    const csv = [
      "Nom;Logiciels - Nom;Dernier inventaire",
      "PC-01;Mozilla Firefox;2026-03-02 10:12:00",
      "PC-02;Mozilla Firefox;14/03/2026 08:00",
      "PC-03;Mozilla Firefox;2099-01-01 00:00:00",
    ].join("\n");
    const { file } = parseInventoryFile({ name: "ordinateurs.csv", bytes: new TextEncoder().encode(csv) });
    expect(file.inventoryDate).toBe("2026-03-14");
    expect(file.columns.inventoryDate).toBe("Dernier inventaire");
    expect(exportDay("2026-02-30 10:00")).toBeNull();
    expect(() => checkInventoryDate("30/09/2025")).toThrow(/AAAA-MM-JJ/);
    expect(checkInventoryDate("")).toBeNull();
  });

  it("takes --date in the CLI and says the inventory's day", async () => {
    const run = promisify(execFile);
    const { mkdtemp, rm, writeFile } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const dir = await mkdtemp(path.join(tmpdir(), "cap-libre-inventory-date-"));
    try {
      const file = path.join(dir, "glpi.csv");
      await writeFile(file, glpiCsv(before));
      const env = {
        ...process.env,
        CORPUS_DIR: INVENTORY_CORPUS,
        DATA_DIR: dir,
        OLLAMA_BASE_URL: "http://127.0.0.1:9",
      };
      const { stdout } = await run(
        process.execPath,
        ["server/cli/main.ts", "inventory", file, "--date", "2025-09-30"],
        {
          env,
        },
      );
      expect(stdout).toContain("Inventaire du 30 septembre 2025");
      const refused = await run(process.execPath, ["server/cli/main.ts", "inventory", file, "--date", "2099-12-31"], {
        env,
      }).catch((err) => err);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain("postérieure à aujourd'hui");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
