/**
 * What a new-user trial of the map's figures found (a DSI importing inventories on a clean clone, 5 December 2026),
 * against the real catalog (corpus/catalog): a product's installer, updater or add-in line is not one more
 * installation of it (Teams counted 165 times on 107 computers); support components (Access's data engine, Adobe's
 * licence checker, Office's Click-to-Run plumbing) are set aside, not counted as products; free software named as
 * its publisher names it is recognised without a publisher, and the reason shown for a name is true.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { formatInventoryReport } from "../../server/cli/inventory.ts";
import { roundPercent } from "../../server/core/text.ts";
import { buildContext } from "../../server/drafting/context.ts";
import { parseInputs } from "../../server/drafting/inputs.ts";
import { planRoadmap } from "../../server/drafting/roadmap-plan.ts";
import { loadStructure } from "../../server/drafting/structure.ts";
import type { InventoryAnalysis } from "../../server/drafting/types.ts";
import { countText } from "../../server/i18n/messages.ts";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { loadMatchIndex, type MatchIndex } from "../../server/inventory/match.ts";
import { parseInventoryFiles } from "../../server/inventory/parse.ts";
import type { AnalysisResult, SavedAnalysis } from "../../server/inventory/types.ts";
import { checkpointOf, progressOf, snapshotOf } from "../../server/tracking/plan.ts";
import { openDataCsv, renderPublicPage } from "../../server/tracking/public-page.ts";
// @ts-expect-error: a page module without type declarations
import { countOf, formatShare, loadMessages } from "../../web/lib.js";
import { planOf } from "../helpers/plan.ts";
import { inventoryRow, readInventory } from "./fixtures.ts";

let index: MatchIndex;
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
});

const analyzeFile = (name: string) => analyzeRows(parseInventoryFiles([readInventory(name)]).rows, index);
const one = (name: string, publisher: string | null) => analyzeRows([inventoryRow(name, publisher)], index).items[0]!;
/** Installations the map counts for a product: its lines that are not set aside. */
const installationsOf = (a: AnalysisResult, id: string) =>
  a.items.filter((i) => i.product?.id === id && !i.component).reduce((n, i) => n + i.installations, 0);

describe("a product's installations count machines, not its helper lines", () => {
  it("counts Teams 85 times on glpi10-mairie (80 + 5 at the médiathèque), not 165 with its Machine-Wide Installer", () => {
    const a = analyzeFile("glpi10-mairie.csv");
    expect(installationsOf(a, "microsoft-teams")).toBe(85);
    const installer = a.items.find((i) => i.name === "Teams Machine-Wide Installer")!;
    expect(installer).toMatchObject({ component: true, partOf: "microsoft-teams" });
    expect(installer.reason).toContain("pas une seconde fois");
    // Never more installations of a product than computers with Office (107) on that inventory.
    const collaboration = a.summary.categories.find((c) => c.category === "collaboration")!;
    expect(collaboration.mainDependencies.find((d) => d.name === "Microsoft Teams")?.installations).toBe(85);
    // The Kaspersky agent beside Kaspersky: still counted once.
    expect(installationsOf(a, "kaspersky-endpoint-security")).toBe(104);
    // Every document inherits the figure: the roadmap's lines and the plan's dependencies.
    const analysis = { id: "a", ...a, createdAt: "2026-12-05T09:00:00.000Z" } as unknown as InventoryAnalysis;
    const teamsLines = planRoadmap(analysis, { now: "2026-12-05" }).lines.filter(
      (l) => (l.item.product as { id: string } | null)?.id === "microsoft-teams",
    );
    expect(teamsLines.reduce((n, l) => n + l.item.installations, 0)).toBe(85);
    const checkpoint = checkpointOf({ ...a, id: "a" } as never, "raw", "2026-12-05");
    expect(checkpoint.dependencies.find((d) => d.productId === "microsoft-teams")?.installations).toBe(85);
  });

  it("does not add « Java Auto Updater » to Java's installations, and lets it stand for Java when alone", () => {
    const a = analyzeRows(
      [
        inventoryRow("Java 8 Update 381 (64-bit)", "Oracle Corporation", 19),
        inventoryRow("Java Auto Updater", "Oracle Corporation", 19),
      ],
      index,
    );
    expect(installationsOf(a, "oracle-java-se")).toBe(19);
    expect(a.summary.quickWins.find((w) => w.product.id === "oracle-java-se")?.installations).toBe(19);
    const alone = one("Java Auto Updater", "Oracle Corporation");
    expect(alone).toMatchObject({ product: { id: "oracle-java-se" }, component: false });
  });

  it("sets aside an installer, updater or add-in line the catalog does not list, beside its product", () => {
    const a = analyzeRows(
      [
        inventoryRow("Microsoft Edge", "Microsoft Corporation", 50),
        inventoryRow("Microsoft Edge Update", "Microsoft Corporation", 50),
        inventoryRow("Microsoft Teams", "Microsoft Corporation", 30),
        inventoryRow("Microsoft Teams Meeting Add-in for Microsoft Office", "Microsoft Corporation", 30),
      ],
      index,
    );
    expect(installationsOf(a, "microsoft-edge")).toBe(50);
    expect(installationsOf(a, "microsoft-teams")).toBe(30);
    expect(a.summary.installations).toBe(80);
  });
});

describe("where the export names the computers, a product counts computers", () => {
  const agent = (device: string, names: string[]) => ({
    action: "inventory",
    deviceid: device,
    itemtype: "Computer",
    content: { softwares: names.map((name) => ({ name, publisher: "Microsoft Corporation" })) },
  });
  const file = (name: string, value: unknown) => ({ name, bytes: new TextEncoder().encode(JSON.stringify(value)) });

  it("counts Teams twice on two GLPI Agent computers, though one has both Teams clients", () => {
    const { rows } = parseInventoryFiles([
      file(
        "pc-1.json",
        agent("PC-1", ["Microsoft Teams classic", "Microsoft Teams (work or school)", "Microsoft Edge"]),
      ),
      file("pc-2.json", agent("PC-2", ["Microsoft Teams classic", "Microsoft Edge"])),
    ]);
    const a = analyzeRows(rows, index);
    expect(installationsOf(a, "microsoft-teams")).toBe(2);
    expect(installationsOf(a, "microsoft-edge")).toBe(2);
    const second = a.items.find((i) => i.name === "Microsoft Teams (work or school)")!;
    expect(second.installations).toBe(0);
    expect(second.reason).toContain(
      "Sur 1 poste, Microsoft Teams est déjà compté avec la ligne « Microsoft Teams classic »",
    );
    expect(a.summary.installations).toBe(4);
  });

  it("counts a computer of a GLPI computer list once for a product, and a name listed twice once", () => {
    const csv = [
      '"Nom";"Logiciels - Nom";"Logiciels - Éditeur"',
      '"PC-1";"Microsoft Teams classic<br>Microsoft Teams (work or school)<br>Microsoft Teams classic";"Microsoft Corporation"',
      '"PC-2";"Microsoft Teams classic<br>LibreOffice";"Microsoft Corporation"',
    ].join("\r\n");
    const { rows } = parseInventoryFiles([{ name: "ordinateurs.csv", bytes: new TextEncoder().encode(csv) }]);
    const a = analyzeRows(rows, index);
    expect(installationsOf(a, "microsoft-teams")).toBe(2);
  });

  it("sums the counts of a software list, which cannot tell computers apart", () => {
    const a = analyzeRows(
      [inventoryRow("Microsoft Teams classic", "Microsoft Corporation", 30), inventoryRow("MSTeams", null, 20)],
      index,
    );
    expect(installationsOf(a, "microsoft-teams")).toBe(50);
  });
});

describe("support components are components, not products", () => {
  const cases = [
    ["Microsoft Access database engine 2016 (French)", "Microsoft Corporation", "microsoft-access"],
    ["Adobe Genuine Service", "Adobe Inc.", "adobe-creative-cloud"],
    ["Adobe Refresh Manager", "Adobe Systems Incorporated", "adobe-creative-cloud"],
    ["Office 16 Click-to-Run Extensibility Component", "Microsoft Corporation", null],
  ] as const;
  for (const [name, publisher, notProduct] of cases) {
    it(`sets aside « ${name} »: not ${notProduct ?? "« à classer »"}, out of the map and its counts`, () => {
      const a = analyzeRows([inventoryRow(name, publisher, 12), inventoryRow("LibreOffice", null, 3)], index);
      const item = a.items.find((i) => i.name === name)!;
      expect(item.component).toBe(true);
      if (notProduct) expect(item.product?.id ?? null).not.toBe(notProduct);
      expect(a.unknown.map((u) => u.name)).not.toContain(name);
      expect(a.summary.categories.map((c) => c.category)).toEqual(["workstation"]);
      expect(a.summary.components).toEqual({ items: 1, installations: 12 });
    });
  }
});

describe("free software named as its publisher names it", () => {
  it("recognises « VLC media player » of a pasted list (no publisher) as VLC, as with VideoLAN", () => {
    const a = analyzeFile("liste-collee.txt");
    const vlc = a.items.find((i) => i.name === "VLC media player")!;
    expect(vlc.publisher).toBeNull();
    expect(vlc).toMatchObject({ product: { id: "vlc" }, openSource: true, extraEuropean: false });
    expect(one("VLC media player", "VideoLAN").product?.id).toBe("vlc");
  });

  it("never says « neither this name nor a known publisher is in the catalog » of a name that starts with one", () => {
    const item = one("VLC Portable", null);
    expect(item.reason).not.toContain("Ni ce nom ni un éditeur connu");
    expect(item.suggestion?.id).toBe("vlc");
    expect(item.reason).toContain("« VLC »");
  });
});

describe("one rounding for one figure, everywhere (298 of 375 installations)", () => {
  // 298 / 375 = 79.47 %: « 79 % » on the map, in the CLI, the roadmap, the plan and the public page — never 80 %
  // (through a share stored as 0.795) nor 79,5 %.
  const rows = () => [
    inventoryRow("Microsoft Edge", "Microsoft Corporation", 298),
    inventoryRow("LibreOffice", "The Document Foundation", 77),
  ];
  const day = "2026-12-05";

  it("gives 79 % in the map's summary, its explanation, the CLI and the page's share format", async () => {
    const a = analyzeRows(rows(), index);
    expect(a.summary.extraEuropean.installations).toBe(298);
    expect(roundPercent(a.summary.extraEuropean.share! * 100)).toBe(79);
    expect(a.summary.score.explanation).toContain("la part brute : 79\u00a0%");
    const report = formatInventoryReport({ ...a, id: "x", createdAt: day, files: [], ms: 0 } as SavedAnalysis);
    expect(report).toContain("extra-européens : 79\u00a0%");
    expect(report).not.toMatch(/\b80\u00a0%|79,5/);
    expect(formatShare(a.summary.extraEuropean.share)).toMatch(/^79\s%$/);
    expect(formatShare(0.0446)).toMatch(/^4,5\s%$/);
  });

  it("gives 79 % in the roadmap, the plan's checkpoint and the public page", async () => {
    const a = analyzeRows(rows(), index);
    const analysis = { id: "a", ...a, createdAt: `${day}T08:00:00.000Z` } as unknown as InventoryAnalysis;
    const inputs = parseInputs("roadmap", { collectivite: { name: "Kerbihan" }, analysis, targetDate: "2029-12" });
    const vars = (await buildContext("roadmap", inputs, analysis, loadStructure("roadmap"), `${day}T10:00:00Z`)).vars;
    expect(vars.target_sentence).toContain("79\u00a0%");
    expect(vars.calendar_table).toContain("79\u00a0%");
    expect(JSON.stringify(vars)).not.toMatch(/79,5|\b80\u00a0%/);
    const checkpoint = checkpointOf({ ...a, id: "a" } as never, "raw", day);
    expect(checkpoint.raw).toBe(79);
    const plan = planOf(day, {
      slug: "kerbihan",
      collectivite: { name: "Kerbihan", kind: "Commune" },
      measure: "raw",
      target: { value: 50, date: "2029-12-31" },
      milestones: [{ date: "2029-12-31", value: 50, label: "Objectif" }],
      checkpoints: [checkpoint],
      // Adopted from the roadmap: the page says so (a plan typed directly « a adopté un plan », trial12 A8).
      source: { kind: "roadmap-draft", draftId: "d", version: 1, title: "Feuille de route" },
    });
    const snapshot = snapshotOf(plan, progressOf(plan, day), {
      licence: "etalab-2.0",
      groupProducts: false,
      now: new Date(`${day}T12:00:00Z`),
      categoryLabel: (c) => c ?? "",
    });
    const html = renderPublicPage(snapshot, { cssHref: "p.css", dataHref: "d.json", csvHref: "d.csv" });
    expect(html).toContain("<strong>79\u00a0%</strong>");
    // Adopting a plan in Cap Libre is not a council's commitment (trial 3): the page says what the roadmap holds, in
    // words that agree whatever the collectivité's name (« le département … s'est engagée » did not).
    expect(html).toContain("a inscrit dans sa feuille de route");
    expect(html).not.toMatch(/est engag/);
    // The chart's axis reads « 80 % » as a gridline: the figures are the text and the tables.
    expect(html.replace(/<svg[\s\S]*?<\/svg>/g, "")).not.toMatch(/79,5|\b80\u00a0%/);
    expect(openDataCsv(snapshot)).not.toContain("79.5");
  });
});

describe("one plural rule for points", () => {
  it("says « 0,5 point » and « 0 point » in the map's score explanation and the CLI, « 2 points » from 2", () => {
    const a = analyzeRows(
      [
        inventoryRow("Microsoft Windows 11 Professionnel", "Microsoft Corporation", 400),
        inventoryRow("Microsoft SQL Server 2019 (64-bit)", "Microsoft Corporation", 1),
        inventoryRow("LibreOffice", "The Document Foundation", 50),
      ],
      index,
    );
    const texts = a.summary.score.components.map((c) => c.explanation);
    for (const text of texts) expect(text).not.toMatch(/\b[01](,\d)? points\b/);
    expect(texts.some((t) => /→ \d+(,\d)? points?$/.test(t))).toBe(true);
    const report = formatInventoryReport({ ...a, id: "x", createdAt: "2026-12-05", files: [], ms: 0 } as SavedAnalysis);
    expect(report).not.toMatch(/\b[01](,\d)? points\b/);
    expect(countText("point", 0.5, "0,5")).toBe("0,5 point");
    expect(countText("point", 0, "0")).toBe("0 point");
    expect(countText("point", 2, "2")).toBe("2 points");
  });

  it("uses the same rule on the page (`countOf`)", async () => {
    const messages = JSON.parse(readFileSync("web/messages.fr.json", "utf8"));
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (url: string) =>
      url === "/messages.fr.json"
        ? new Response(JSON.stringify(messages))
        : new Response("", { status: 401 })) as never;
    try {
      await loadMessages();
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(countOf("point", 0.5)).toBe("0,5 point");
    expect(countOf("point", 0)).toBe("0 point");
    expect(countOf("point", 41)).toBe("41 points");
    expect(messages["chart.score.item"]).not.toMatch(/\} points/);
  });
});

describe("the public page with software named by category", () => {
  it("gives one line « Poste de travail (2 logiciels) → LibreOffice » for Acrobat Pro and Office, not two alike", () => {
    const day = "2026-12-05";
    const dependency = (name: string, productId: string, installations: number) => ({
      key: `p:${productId}`,
      name,
      productId,
      category: "workstation",
      installations,
    });
    const plan = planOf(day, {
      slug: "kerbihan",
      collectivite: { name: "Kerbihan", kind: "Commune" },
      products: [
        { name: "Adobe Acrobat Pro", productId: "adobe-acrobat", by: "LibreOffice", dueDate: "2027-06-30" },
        { name: "Microsoft Office", productId: "microsoft-office", by: "LibreOffice", dueDate: "2028-12-31" },
      ],
      checkpoints: [
        {
          analysisId: "a",
          date: day,
          value: 60,
          weighted: 60,
          raw: 70,
          installations: 100,
          dependencies: [
            dependency("Adobe Acrobat Pro", "adobe-acrobat", 10),
            dependency("Microsoft Office", "microsoft-office", 90),
          ],
          recordedAt: day,
        },
      ],
    });
    const snapshot = snapshotOf(plan, progressOf(plan, day), {
      licence: "etalab-2.0",
      groupProducts: true,
      now: new Date(`${day}T12:00:00Z`),
      categoryLabel: (c) => (c === "workstation" ? "Poste de travail" : (c ?? "")),
    });
    const html = renderPublicPage(snapshot, { cssHref: "p.css", dataHref: "d.json", csvHref: "d.csv" });
    const table = html.slice(html.indexOf('id="products-caption"'));
    const rows = [
      ...table.slice(0, table.indexOf("</table>")).matchAll(/<tr><th scope="row">(.*?)<\/th><td>(.*?)<\/td>/g),
    ];
    expect(rows.map((r) => `${r[1]} → ${r[2]}`)).toEqual(["Poste de travail (2 logiciels) → LibreOffice"]);
    expect(table).toContain("30 juin 2027, 31 décembre 2028");
    expect(html).not.toMatch(/Acrobat|Microsoft Office/);
  });
});
