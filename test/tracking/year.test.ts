/**
 * A year of a fictional commune, through the real server (fixture catalog, temporary DATA_DIR, no Ollama):
 * a plan adopted on the January inventory, then three quarterly inventories with replacements and one new
 * dependency. The plan, the progress note, the public page, the open data and the static bundle must agree.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { frenchDateTime } from "../../server/core/text.ts";
import { browserAvailable, keepScreenshot, launchBrowser } from "../helpers/browser.ts";
import { postJson, startTestServer, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS } from "../inventory/fixtures.ts";

type Line = [name: string, publisher: string, installations: number];

const glpiCsv = (lines: Line[]) =>
  `\uFEFF"Nom";"Éditeur";"Nombre d'installations";\n${lines.map(([n, p, i]) => `"${n}";"${p}";"${i}";`).join("\n")}\n`;

const office: Line = ["Microsoft Office Professionnel Plus 2016", "Microsoft Corporation", 60];
const emagnus: Line = ["e.magnus Gestion financière", "Berger-Levrault", 12];
const QUARTERS: { date: string; lines: Line[] }[] = [
  {
    date: "2026-01-15",
    lines: [
      office,
      ["Google Chrome", "Google LLC", 60],
      ["Kaspersky Endpoint Security 12", "AO Kaspersky Lab", 60],
      emagnus,
    ],
  },
  // Kaspersky replaced.
  { date: "2026-04-15", lines: [office, ["Google Chrome", "Google LLC", 60], emagnus] },
  // Half the Chrome installations gone.
  { date: "2026-07-15", lines: [office, ["Google Chrome", "Google LLC", 30], emagnus] },
  // Chrome gone, but Zoom appeared.
  { date: "2026-10-15", lines: [office, emagnus, ["Zoom Workplace", "Zoom Video Communications, Inc.", 15]] },
];

let server: TestServer;
const analyses: any[] = [];
let planId = "";

beforeAll(async () => {
  server = await startTestServer({ CORPUS_DIR: INVENTORY_CORPUS });
  for (const q of QUARTERS) {
    const res = await fetch(`${server.url}/api/inventory/analyze?name=glpi-${q.date}.csv`, {
      method: "POST",
      body: glpiCsv(q.lines),
    });
    expect(res.status).toBe(201);
    analyses.push(await res.json());
  }
});
afterAll(() => server?.stop());

const api = (p: string, init?: RequestInit) => fetch(`${server.url}/api${p}`, init);

describe("a year of the commune of Kervallon", () => {
  it("adopts the plan on the January inventory, with its target, calendar and products", async () => {
    const baseline = analyses[0].summary.score.value;
    expect(baseline).toBeGreaterThan(0);
    const res = await postJson(`${server.url}/api/plans`, {
      collectivite: { name: "Commune de Kervallon", kind: "Commune" },
      analysisId: analyses[0].id,
      date: QUARTERS[0]!.date,
      target: { value: 10, date: "2030-12-31" },
      milestones: [
        { date: "2026-06-30", value: baseline - 1, label: "Antivirus remplacé" },
        { date: "2026-09-30", value: 1, label: "Navigateurs et bureautique" },
        { date: "2030-12-31", value: 10, label: "Objectif" },
      ],
      products: [
        { name: "Kaspersky Endpoint Security", productId: "kaspersky-endpoint-security", by: "ESET Endpoint Security" },
        { name: "Google Chrome", productId: "google-chrome", by: "Firefox ESR" },
        { name: "Microsoft Office", productId: "microsoft-office", by: "LibreOffice", dueDate: "2026-09-30" },
      ],
    });
    expect(res.status).toBe(201);
    const { plan, progress } = await res.json();
    planId = plan.id;
    expect(plan.slug).toBe("commune-de-kervallon");
    expect(plan.checkpoints).toHaveLength(1);
    expect(plan.checkpoints[0]).toMatchObject({ analysisId: analyses[0].id, date: "2026-01-15", value: baseline });
    expect(progress.products.map((p: any) => [p.product.name, p.state])).toEqual([
      ["Kaspersky Endpoint Security", "not-started"],
      ["Google Chrome", "not-started"],
      ["Microsoft Office", "not-started"],
    ]);
    // One plan per collectivité.
    const again = await postJson(`${server.url}/api/plans`, {
      collectivite: { name: "Commune de Kervallon" },
      analysisId: analyses[0].id,
      target: { value: 5, date: "2031-01-01" },
    });
    expect(again.status).toBe(409);
    expect((await again.json()).error.message).toContain("déjà adopté");
  });

  it("has no public page before the DSI publishes", async () => {
    const res = await fetch(`${server.url}/public/commune-de-kervallon`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(await res.text()).toContain("Aucune page publique");
  });

  it("shows the right progress each quarter", async () => {
    // Q2: Kaspersky gone.
    let res = await postJson(`${server.url}/api/plans/${planId}/checkpoints`, {
      analysisId: analyses[1].id,
      date: QUARTERS[1]!.date,
    });
    expect(res.status).toBe(201);
    let { progress } = await res.json();
    let latest = progress.latest;
    expect(latest.checkpoint.value).toBe(analyses[1].summary.score.value);
    expect(latest.checkpoint.value).toBeLessThan(analyses[0].summary.score.value);
    expect(latest.removed.map((d: any) => d.productId)).toEqual(["kaspersky-endpoint-security"]);
    expect(latest.appeared).toEqual([]);
    expect(progress.products[0]).toMatchObject({ state: "replaced", before: 60, now: 0 });

    res = await postJson(`${server.url}/api/plans/${planId}/events`, {
      date: "2026-05-20",
      text: "Marché Microsoft 365 renouvelé pour un an",
    });
    expect(res.status).toBe(201);

    // Q3: half the Chrome installations gone; the June milestone is judged on this inventory. No Firefox ESR in the
    // inventory: « fewer installations », not « en cours » (trial 11).
    res = await postJson(`${server.url}/api/plans/${planId}/checkpoints`, {
      analysisId: analyses[2].id,
      date: QUARTERS[2]!.date,
    });
    ({ progress } = await res.json());
    expect(progress.products[1]).toMatchObject({ state: "fewer", before: 60, now: 30 });
    expect(progress.products[1].status).toBe(
      "moins d'installations, sans que l'alternative prévue apparaisse dans l'inventaire",
    );
    expect(progress.milestones[0]).toMatchObject({
      state: "met",
      measuredOn: "2026-07-15",
      measured: analyses[2].summary.score.value,
    });

    // Q4: Chrome gone, Zoom appeared; Office untouched although due in September.
    res = await postJson(`${server.url}/api/plans/${planId}/checkpoints`, {
      analysisId: analyses[3].id,
      date: QUARTERS[3]!.date,
    });
    ({ progress } = await res.json());
    latest = progress.latest;
    expect(latest.appeared.map((d: any) => d.productId)).toEqual(["zoom-workplace"]);
    expect(latest.removed.map((d: any) => d.productId)).toEqual(["google-chrome"]);
    expect(progress.products.map((p: any) => p.state)).toEqual(["replaced", "replaced", "not-started"]);
    expect(progress.products[2].late).toBe(true);
    expect(progress.milestones[1]).toMatchObject({ state: "missed", measuredOn: "2026-10-15" });
    expect(progress.milestones[2].state).toBe("upcoming");
    expect(progress.checkpoints.map((c: any) => c.checkpoint.value)).toEqual(
      analyses.map((a) => a.summary.score.value),
    );
    // Planned values follow the straight lines between milestones.
    expect(progress.checkpoints[0].planned).toBe(analyses[0].summary.score.value);
  });

  it("refuses a stale edit and an inventory older than the baseline, in French", async () => {
    const { plan } = await (await api(`/plans/${planId}`)).json();
    const stale = await postJson(`${server.url}/api/plans/${planId}/events`, {
      date: "2026-06-01",
      text: "x",
      version: plan.version - 1,
    });
    expect(stale.status).toBe(409);
    // Without sign-in, nobody to name: when the change was made (trial18 F14).
    expect((await stale.json()).error.message).toContain(
      `Le plan a été modifié entre-temps, le ${frenchDateTime(plan.log.at(-1).at)} (version ${plan.version})`,
    );
    const old = await postJson(`${server.url}/api/plans/${planId}/checkpoints`, {
      analysisId: analyses[1].id,
      date: "2025-12-01",
    });
    expect(old.status).toBe(400);
    const bad = await postJson(`${server.url}/api/plans/${planId}/events`, { date: "2026-13-45", text: "x" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/date/);
    // Trial 2026-12: an inventory or an event dated after today was accepted, and the public page spoke of the future.
    const future = await postJson(`${server.url}/api/plans/${planId}/checkpoints`, {
      analysisId: analyses[1].id,
      date: "2099-06-15",
    });
    expect(future.status).toBe(400);
    expect((await future.json()).error.message).toContain("après aujourd'hui");
    const later = await postJson(`${server.url}/api/plans/${planId}/events`, {
      date: "2099-03-01",
      text: "Migration prévue",
    });
    expect(later.status).toBe(400);
  });

  let note = "";
  it("writes a progress note that agrees with the plan", async () => {
    const res = await api(`/plans/${planId}/note?format=md`);
    expect(res.status).toBe(200);
    note = await res.text();
    const { plan, progress } = await (await api(`/plans/${planId}`)).json();
    // « 79,5 % » with a non-breaking space: a line never ends between the number and « % ».
    const fr = (v: number) => `${new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 }).format(v)}\u00a0%`;
    expect(note).toContain("Commune de Kervallon");
    expect(note).toContain(
      `la mesure est de ${fr(progress.latest.checkpoint.value)}, pour ${fr(progress.latest.planned)} prévus`,
    );
    expect(note).toContain("Zoom Workplace : 15 installations, apparu à l'inventaire du 15 octobre 2026");
    expect(note).toContain(
      "Google Chrome : n'apparaît plus dans l'inventaire (60 installations au départ ; remplacement prévu : Firefox ESR)",
    );
    expect(note).toContain("Marché Microsoft 365 renouvelé pour un an");
    expect(note).not.toMatch(/À rédiger|\{\w+\}/);
    for (const c of plan.checkpoints) expect(note).toContain(c.analysisId);
  });

  let csv = "";
  it("publishes a public page that shows only what was published, then unpublishes it", async () => {
    const res = await postJson(`${server.url}/api/plans/${planId}/publish`, {
      licence: "etalab-2.0",
      groupProducts: true,
    });
    expect(res.status).toBe(200);
    const page = await fetch(`${server.url}/public/commune-de-kervallon`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("Commune de Kervallon");
    expect(html).toContain("Marché Microsoft 365 renouvelé pour un an");
    // Each event once (trial 2026-12-05: listed under « Ce qui a changé » and again in the calendar).
    expect(html.match(/Marché Microsoft 365 renouvelé pour un an/g)).toHaveLength(1);
    // Published through the API without the review step: the page does not claim the figures were reviewed.
    expect(html).not.toContain("relu chaque chiffre");
    // Product names grouped by category: no product name of the inventory on the public page, and no two identical
    // rows (two browsers replaced by the same one read « Poste de travail (2 logiciels) », trial 2026-12-05).
    const table = html.slice(html.indexOf('id="products-caption"'));
    const rows = [...table.slice(0, table.indexOf("</table>")).matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => m[1]);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows).size).toBe(rows.length);
    expect(html).not.toContain("Zoom");
    expect(html).not.toContain("Kaspersky");
    expect(html).toMatch(/<svg class="chart chart-wide"[^>]*role="img"/);
    // « 79,5 % » with a non-breaking space: a line never ends between the number and « % ».
    const fr = (v: number) => `${new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 }).format(v)}\u00a0%`;
    for (const a of analyses) expect(html).toContain(fr(a.summary.score.value));
    expect(html).not.toMatch(/\d[ \t\n]%/);
    // Every figure traces back to an inventory and its date; the analysis ids (technical) are in the open data only.
    for (const a of analyses) expect(html).not.toContain(a.id);
    expect(html).toContain("inventaire logiciel du");
    // A first publication counts from the adoption: the plan's events are listed, not « aucun depuis la dernière ».
    expect(html).not.toContain("depuis la dernière publication");

    csv = await (await fetch(`${server.url}/public/commune-de-kervallon/donnees.csv`)).text();
    const json = await (await fetch(`${server.url}/public/commune-de-kervallon/donnees.json`)).json();
    expect(json.licence.name).toContain("Licence Ouverte");
    for (const a of analyses) expect(JSON.stringify(json)).toContain(a.id);
    expect(json.lignes.filter((l: any) => l.type === "mesure").map((l: any) => l.valeur_mesuree)).toEqual(
      analyses.map((a) => a.summary.score.value),
    );

    // Changing the plan does not change the public page until the next publication.
    await postJson(`${server.url}/api/plans/${planId}/events`, {
      date: "2026-11-02",
      text: "40 postes passés sous Linux en mairie annexe",
    });
    expect(await (await fetch(`${server.url}/public/commune-de-kervallon`)).text()).not.toContain("mairie annexe");
    await postJson(`${server.url}/api/plans/${planId}/publish`, { reviewed: true });
    const second = await (await fetch(`${server.url}/public/commune-de-kervallon`)).text();
    expect(second).toContain("40 postes passés sous Linux en mairie annexe");
    expect(second.match(/40 postes passés sous Linux en mairie annexe/g)).toHaveLength(1);
    // The earlier event stays listed, once, among the previous ones.
    expect(second.match(/Marché Microsoft 365 renouvelé pour un an/g)).toHaveLength(1);
    expect(second).toContain("Décisions et événements précédents");
    expect(second).toContain("qui en a relu chaque chiffre");
    // The second publication lists what was recorded since the first, not again what the first one listed.
    const since = second.slice(second.indexOf("Décisions et événements"));
    expect(since.slice(0, since.indexOf("</ul>"))).not.toContain("Marché Microsoft 365 renouvelé");
    const { plan } = await (await api(`/plans/${planId}`)).json();
    expect(plan.log.filter((l: any) => l.action === "published")).toHaveLength(2);

    const off = await postJson(`${server.url}/api/plans/${planId}/unpublish`, {});
    expect(off.status).toBe(200);
    expect((await fetch(`${server.url}/public/commune-de-kervallon`)).status).toBe(404);
    expect((await fetch(`${server.url}/public/commune-de-kervallon/donnees.csv`)).status).toBe(404);
    await postJson(`${server.url}/api/plans/${planId}/publish`, { groupProducts: true });
  });

  it("writes open data that validates against its documented schema", async () => {
    const schema = JSON.parse(await readFile("docs/open-data.schema.json", "utf8"));
    const lines = csv.trim().split(/\r\n/);
    expect(lines[0]!.split(",")).toEqual(schema.fields.map((f: any) => f.name));
    const parseRow = (line: string) => {
      const cells: string[] = [];
      let cur = "";
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const ch = line[i]!;
        if (quoted) {
          if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
          else if (ch === '"') quoted = false;
          else cur += ch;
        } else if (ch === '"') quoted = true;
        else if (ch === ",") cells.push(cur), (cur = "");
        else cur += ch;
      }
      cells.push(cur);
      return cells;
    };
    expect(lines.length).toBeGreaterThan(4);
    for (const line of lines.slice(1)) {
      const cells = parseRow(line);
      expect(cells).toHaveLength(schema.fields.length);
      schema.fields.forEach((f: any, i: number) => {
        const v = cells[i]!;
        if (v === "") return expect(f.constraints?.required ?? false).toBe(false);
        if (f.type === "number") expect(Number.isFinite(Number(v))).toBe(true);
        if (f.type === "integer") expect(Number.isInteger(Number(v))).toBe(true);
        if (f.type === "date") expect(v).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (f.constraints?.enum) expect(f.constraints.enum).toContain(v);
      });
    }
    const doc = await readFile("docs/open-data.md", "utf8");
    for (const f of schema.fields) expect(doc).toContain(`\`${f.name}\``);
  });

  it.runIf(browserAvailable)("exports a static bundle that opens in Chromium with no request leaving it", async () => {
    const zip = new Uint8Array(await (await fetch(`${server.url}/public/commune-de-kervallon/page.zip`)).arrayBuffer());
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual([
      "commune-de-kervallon/donnees.csv",
      "commune-de-kervallon/donnees.json",
      "commune-de-kervallon/index.html",
      "commune-de-kervallon/public.css",
    ]);
    const dir = await mkdtemp(path.join(tmpdir(), "cap-libre-public-"));
    try {
      for (const [name, bytes] of Object.entries(files)) {
        await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
        await writeFile(path.join(dir, name), bytes);
      }
      const browser = await launchBrowser();
      try {
        const page = await browser.context.newPage();
        const requests: string[] = [];
        page.on("request", (r) => requests.push(r.url()));
        await page.goto(`file://${path.join(dir, "commune-de-kervallon/index.html")}`);
        await expect(page.locator("h1").textContent()).resolves.toContain("Commune de Kervallon");
        expect(await page.locator("table caption").count()).toBeGreaterThanOrEqual(2);
        const color = await page
          .locator("h1")
          .evaluate((el) => getComputedStyle(el.closest("header")!).borderBottomStyle);
        expect(color).toBe("solid"); // the stylesheet beside it was applied
        // Kept for a reviewer to look at (test-results/ is not committed).
        await keepScreenshot(page, { path: "test-results/page-publique.png", fullPage: true });
        await page.setViewportSize({ width: 320, height: 800 });
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0); // reflow at 320 px (WCAG 1.4.10): only the tables scroll, in their region
        await keepScreenshot(page, { path: "test-results/page-publique-320.png", fullPage: true });
        expect(requests.length).toBeGreaterThan(0);
        for (const r of requests) expect(r.startsWith(`file://${dir}/`)).toBe(true);
      } finally {
        await browser.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
