/**
 * Trial 7 (5 December 2026, a DSI's 69-line GLPI export), against the real catalog:
 * - A5: one product family gets one replacement. A product's console, client or tools that the catalog knows as a
 *   card of its own is named in the product's card (`components`): in an inventory that shows the product, it is
 *   counted and replaced with it, not proposed another target (the trial saw SQL Server → MariaDB but its console →
 *   pgAdmin; vSphere → XCP-ng but ESXi → Proxmox). A console line the catalog matches to the product itself
 *   (« Veeam Backup & Replication Console ») goes with the product's line instead of being a second project. Tested
 *   on Oracle Database, Citrix Virtual Apps, Acronis and Commvault; the trial's export is checked last.
 * - B8: a Chinese collaboration app (DingTalk, Alibaba) is recognised with the law it falls under, not « à classer ».
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { planRoadmap } from "../../server/drafting/roadmap-plan.ts";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { loadMatchIndex, type MatchIndex } from "../../server/inventory/match.ts";
import { parseInventoryFiles } from "../../server/inventory/parse.ts";
import type { AnalysisResult, InventoryRow } from "../../server/inventory/types.ts";
import { asAnalysis, inventoryRow, lineOf } from "./fixtures.ts";

let index: MatchIndex;
const NOW = "2026-12-05T08:00:00Z";
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
});

const analyze = (rows: InventoryRow[]) => analyzeRows(rows, index, { now: NOW });
const planned = (r: AnalysisResult) =>
  planRoadmap(asAnalysis(r, NOW), { now: NOW }).lines.map((l) => [l.item.name, l.alternative?.name ?? null]);

describe("a product family gets one replacement (A5)", () => {
  it("counts a database's administration tool with the database, which the plan replaces once", () => {
    const r = analyze([
      inventoryRow("Oracle Database 19c", "Oracle Corporation", 3),
      inventoryRow("Oracle SQL Developer", "Oracle Corporation", 6),
    ]);
    expect(lineOf(r, "Oracle SQL Developer")).toMatchObject({ component: true, partOf: "oracle-database" });
    expect(lineOf(r, "Oracle SQL Developer").reason).toContain("Oracle Database");
    expect(r.unknown.map((u) => u.name)).not.toContain("Oracle SQL Developer");
    expect(planned(r).map(([name]) => name)).toEqual(["Oracle Database 19c"]);
  });

  it("counts a remote-desktop client with the platform it reaches", () => {
    const r = analyze([
      inventoryRow("Citrix Virtual Apps and Desktops", "Citrix Systems, Inc.", 2),
      inventoryRow("Citrix Workspace app", "Citrix Systems, Inc.", 80),
    ]);
    expect(lineOf(r, "Citrix Workspace app")).toMatchObject({ component: true, partOf: "citrix-virtual-apps" });
    expect(planned(r).map(([name]) => name)).toEqual(["Citrix Virtual Apps and Desktops"]);
  });

  it("keeps the tool's own line, and its own alternative, when the inventory shows no product of the family", () => {
    const r = analyze([inventoryRow("Citrix Workspace app", "Citrix Systems, Inc.", 80)]);
    expect(lineOf(r, "Citrix Workspace app").component).toBe(false);
    expect(planned(r)).toHaveLength(1);
  });

  it("puts a console the catalog matches to the product itself with the product's line, not a second project", () => {
    const r = analyze([
      inventoryRow("Acronis Cyber Protect Agent", "Acronis International GmbH", 40),
      inventoryRow("Acronis Cyber Protect Management Console", "Acronis International GmbH", 2),
      inventoryRow("Commvault", "Commvault Systems", 2),
      inventoryRow("Commvault Console", "Commvault Systems", 3),
    ]);
    expect(lineOf(r, "Acronis Cyber Protect Management Console")).toMatchObject({
      component: true,
      partOf: "acronis-cyber-protect",
    });
    // The console has more installations than the server it manages: the server stands for the product all the same.
    expect(lineOf(r, "Commvault Console")).toMatchObject({ component: true, partOf: "commvault" });
    expect(lineOf(r, "Commvault").component).toBe(false);
    // Acronis is European: not planned; Commvault once.
    expect(planned(r).map(([name]) => name)).toEqual(["Commvault"]);
  });

  it("on the trial's export: one line each for SQL Server, vSphere and Veeam, each with one target", () => {
    const bytes = new Uint8Array(readFileSync(path.resolve("test/fixtures/inventory/trial/glpi-ccsvl.csv")));
    const r = analyze(parseInventoryFiles([{ name: "ccsvl.csv", bytes }]).rows);
    expect(lineOf(r, "SQL Server Management Studio").partOf).toBe("microsoft-sql-server");
    expect(lineOf(r, "VMware ESXi").partOf).toBe("vmware-vsphere");
    expect(lineOf(r, "VMware Tools").partOf).toBe("vmware-vsphere");
    expect(lineOf(r, "Veeam Backup & Replication Console").partOf).toBe("veeam-backup");
    const names = planned(r).map(([name]) => name);
    for (const gone of ["SQL Server Management Studio", "VMware ESXi", "Veeam Backup & Replication Console"])
      expect(names).not.toContain(gone);
    for (const kept of ["Microsoft SQL Server 2019 (64-bit)", "VMware vSphere Client", "Veeam Backup & Replication"])
      expect(names).toContain(kept);
  });
});

describe("a Chinese collaboration app is recognised (B8)", () => {
  it.each([
    ["Lark", "Beijing Feishu Technology Co., Ltd."],
    ["WeCom", "Tencent Technology (Shenzhen) Company Limited"],
    ["WeChat", "Tencent"],
  ])("recognises %s as a Chinese collaboration app with alternatives", (name, publisher) => {
    const r = analyze([inventoryRow(name, publisher, 3)]);
    const line = lineOf(r, name);
    expect(line.category).toBe("collaboration");
    expect(line.exposure?.laws).toContain("cn-national-intelligence-law");
    expect(line.alternatives.length).toBeGreaterThan(0);
  });

  it("names DingTalk's publisher, China and the law, with alternatives", () => {
    const r = analyze([inventoryRow("DingTalk", "Alibaba", 2)]);
    const ding = lineOf(r, "DingTalk");
    expect(ding.product?.id).toBe("dingtalk");
    expect(ding.category).toBe("collaboration");
    expect(ding.extraEuropean).toBe(true);
    expect(ding.exposure?.laws).toContain("cn-national-intelligence-law");
    expect(ding.alternatives.length).toBeGreaterThan(0);
    expect(r.unknown).toEqual([]);
  });

  it("recognises another product of the publisher by the publisher alone", () => {
    const r = analyze([inventoryRow("Quark Cloud Drive", "Alibaba Group", 3)]);
    const line = lineOf(r, "Quark Cloud Drive");
    expect(line.vendor?.name).toBe("Alibaba");
    expect(line.extraEuropean).toBe(true);
  });
});

/**
 * A5 (the deadline): a deadline the DSI writes in the roadmap's context is read whatever its words (« avant l'été
 * 2027 » is before 21 June 2027) and whichever name of the family it uses (the client's), and the line it names
 * takes it. Tested on Citrix and Zoom (the trial wrote Kaspersky and Microsoft 365).
 */
describe("a deadline written in the context is honoured (A5)", () => {
  it("reads « avant l'été 2027 » said of a product's client as a deadline of the product's line", () => {
    const r = analyze([
      inventoryRow("Citrix Virtual Apps and Desktops", "Citrix Systems, Inc.", 2),
      inventoryRow("Citrix Workspace app", "Citrix Systems, Inc.", 80),
      inventoryRow("Zoom Workplace", "Zoom Video Communications, Inc.", 40),
    ]);
    const plan = planRoadmap(asAnalysis(r, NOW), {
      now: NOW,
      context:
        "Le client Citrix Workspace doit être retiré des postes avant l'été 2027 ; l'abonnement Zoom est renouvelé en septembre 2027",
    });
    expect(plan.events.map((e) => [e.date, e.lines.map((l) => l.item.name)])).toEqual([
      ["2027-06-20", ["Citrix Virtual Apps and Desktops"]],
      ["2027-09", ["Zoom Workplace"]],
    ]);
  });
});
