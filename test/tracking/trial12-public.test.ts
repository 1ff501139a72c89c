/**
 * Trial 12 (6 December 2026), through the real server on the real catalog, on other products and places than the
 * trial's (a commune typing its plan by hand: only a target, no milestone, no roadmap):
 * - A8: `POST /api/plans` with only a target invented four milestones (« 80 % au 1er janvier 2027 »…) that the public
 *   page and its open data showed as the commune's « jalons », and the page said « inscrit dans sa feuille de route »
 *   with no roadmap. Only what the commune set is its own: the target (and the milestones it typed); the straight
 *   line to the target is said to be Cap Libre's indicative trajectory; the page says « a adopté un plan ».
 * - B3: a product to replace that grew read « en hausse » (good news?): « plus d'installations qu'au départ : de 40 à
 *   85 », and the planned alternative's absence; « Ce qui a changé depuis l'adoption — Aucune » under a table going
 *   down before the adoption: the progress made before the adoption is said plainly.
 */
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderPublicPage } from "../../server/tracking/public-page.ts";
import { postJson, REAL_CORPUS, realCorpusDataDir, startTestServer, type TestServer } from "../helpers/server.ts";

type Line = [name: string, publisher: string, installations: number];
const csv = (lines: Line[]) =>
  `\uFEFF"Nom";"Éditeur";"Nombre d'installations";\n${lines.map(([n, p, i]) => `"${n}";"${p}";"${i}";`).join("\n")}\n`;

const BEFORE: Line[] = [
  ["Microsoft 365 Apps for enterprise - fr-fr", "Microsoft Corporation", 40],
  ["Cisco Webex Meetings", "Cisco Systems, Inc.", 30],
  ["Opera Stable", "Opera Norway AS", 30],
  ["Vivaldi", "Vivaldi Technologies AS", 8],
];
/** Taken before the adoption: Webex and Opera gone, Microsoft 365 Apps up, Vivaldi and Ubuntu in: the measure down. */
const AFTER: Line[] = [
  ["Microsoft 365 Apps for enterprise - fr-fr", "Microsoft Corporation", 85],
  ["Vivaldi", "Vivaldi Technologies AS", 200],
  ["Ubuntu 24.04 LTS", "Canonical Ltd.", 60],
];

let server: TestServer;
let planId = "";

const pageText = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ");

beforeAll(async () => {
  server = await startTestServer({
    CORPUS_DIR: REAL_CORPUS,
    DATA_DIR: await realCorpusDataDir("cap-libre-trial12-"),
    OLLAMA_BASE_URL: "http://127.0.0.1:9",
  });
  const ids: string[] = [];
  for (const [i, lines] of [BEFORE, AFTER].entries()) {
    const res = await fetch(`${server.url}/api/inventory/analyze?name=parc-${i}.csv`, {
      method: "POST",
      body: csv(lines),
    });
    expect(res.status).toBe(201);
    ids.push((await res.json()).id);
  }
  const adopted = await postJson(`${server.url}/api/plans`, {
    collectivite: { name: "Commune de Lectoure", kind: "commune" },
    analysisId: ids[0],
    date: "2026-03-02",
    target: { value: 30, date: "2029-06-30" },
    products: [
      { name: "Microsoft 365 Apps", productId: "microsoft-365-apps", by: "LibreOffice" },
      { name: "Cisco Webex", productId: "webex", by: "Tixeo" },
    ],
  });
  expect(adopted.status).toBe(201);
  planId = (await adopted.json()).plan.id;
  // An inventory taken before the adoption, added after it.
  const added = await postJson(`${server.url}/api/plans/${planId}/checkpoints`, {
    analysisId: ids[1],
    date: "2026-11-20",
  });
  expect(added.status).toBe(201);
  expect((await postJson(`${server.url}/api/plans/${planId}/publish`, { reviewed: true })).status).toBe(200);
}, 120_000);
afterAll(async () => {
  await server?.stop();
  if (server) await rm(server.dataDir, { recursive: true, force: true });
});

describe("a plan typed with only a target (A8)", () => {
  it("holds the commune to its target only: no milestone it did not set", async () => {
    const { plan } = await (await fetch(`${server.url}/api/plans/${planId}`)).json();
    expect(plan.milestones).toEqual([{ date: "2029-06-30", value: 30, label: expect.stringMatching(/^Objectif/) }]);
  });

  it("publishes no invented « jalon », says the straight line is Cap Libre's, and no « feuille de route »", async () => {
    const text = pageText(await (await fetch(`${server.url}/public/commune-de-lectoure`)).text());
    expect(text).toMatch(/la Commune de Lectoure a adopté un plan dont l'objectif est de ramener/);
    expect(text).not.toMatch(/feuille de route/);
    expect(text).not.toMatch(/Jalon du/);
    expect(text).toMatch(/trajectoire indicative calculée par Cap Libre/);
    expect(text).toMatch(/n'a pas fixé d'étape intermédiaire/);
    const calendar = text.slice(text.indexOf("Le calendrier"), text.indexOf("Logiciels que le plan"));
    expect(calendar.match(/\d+ %/g)).toEqual(["30 %"]);
    const rows = (await (await fetch(`${server.url}/public/commune-de-lectoure/donnees.csv`)).text())
      .trim()
      .split("\r\n");
    expect(rows.filter((r) => r.includes(",jalon,"))).toEqual([
      expect.stringMatching(/^Commune de Lectoure,jalon,2029-06-30,Objectif[^,]*,ponderee,,30,/),
    ]);
    const json = await (await fetch(`${server.url}/public/commune-de-lectoure/donnees.json`)).json();
    expect(json.engagement.trajectoire).toBe("ligne_droite_indicative");
  });
});

describe("the public page's states (B3)", () => {
  it("says a product to replace grew in words that are not good news", async () => {
    const text = pageText(await (await fetch(`${server.url}/public/commune-de-lectoure`)).text());
    expect(text).toMatch(
      /Microsoft 365 Apps LibreOffice — plus d'installations qu'au départ : de 40 à 85, sans que l'alternative prévue apparaisse dans l'inventaire/,
    );
    expect(text).not.toMatch(/en hausse/);
  });

  it("says the progress made before the adoption plainly, above « Aucune depuis l'adoption »", async () => {
    const text = pageText(await (await fetch(`${server.url}/public/commune-de-lectoure`)).text());
    const changes = text.slice(text.indexOf("Ce qui a changé depuis l'adoption"));
    expect(changes).toMatch(
      /Avant l'adoption du plan, entre l'inventaire du 2 mars 2026 \(point de départ\) et celui du 20 novembre 2026, l'exposition pondérée est passée de \d+ % à \d+ % ; dépendances disparues : Cisco Webex, Opera\. Ces progrès, antérieurs au plan, ne comptent pas parmi les changements depuis son adoption\./,
    );
    expect(changes.indexOf("Avant l'adoption du plan")).toBeLessThan(changes.indexOf("Aucune depuis l'adoption"));
  });
});

describe("nothing moved before the adoption (B3)", () => {
  it("says nothing of a time before the adoption when the measure stayed and no dependency went", async () => {
    const base = {
      collectivite: { name: "Commune de Gramat", kind: "commune" },
      slug: "commune-de-gramat",
      title: "Plan",
      measure: "weighted" as const,
      adoptedAt: "2026-12-06T10:00:00.000Z",
      target: { value: 40, date: "2028-12-31" },
      milestones: [{ date: "2028-12-31", value: 40, label: "Objectif", state: "upcoming" as const, measured: null }],
      checkpoints: [
        { date: "2026-05-15", analysisId: "a", value: 93, planned: null, weighted: 93, raw: 89, installations: 10 },
        { date: "2026-11-20", analysisId: "b", value: 93, planned: null, weighted: 93, raw: 89, installations: 10 },
      ],
      products: [],
      events: [],
      publishedAt: "2026-12-06T10:00:00.000Z",
      licence: "etalab-2.0" as const,
    };
    const text = (replaced: string[]) =>
      pageText(
        renderPublicPage(
          {
            ...base,
            changes: {
              replaced: [],
              appeared: [],
              events: [],
              since: "adoption",
              from: "2026-11-20",
              beforeAdoption: { from: "2026-05-15", to: "2026-11-20", fromValue: 93, toValue: 93, replaced },
            },
          },
          { cssHref: "p.css", dataHref: "d.json", csvHref: "d.csv" },
        ),
      );
    expect(text([])).not.toMatch(/Avant l'adoption du plan/);
    expect(text(["Zoom"])).toMatch(/l'exposition pondérée est restée à 93 % ; dépendances disparues : Zoom\./);
  });
});
