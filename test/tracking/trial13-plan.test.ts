/**
 * Trial 13 (6 December 2026), B2 and B3: what a plan's follow-up credits, on other products than the trial's.
 * - B3: an alternative that grew is credited to the product whose planned replacement it is (the plan's own mapping)
 *   before being called « autre alternative » of another product (trial: Nextcloud Desktop counted as progress for
 *   Teams while OneDrive, planned to go to Nextcloud, was « pas encore commencé »).
 * - B3: free software that appears (an open-source client of a non-European publisher, a catalog alternative) is no
 *   « nouvelle dépendance ».
 * - B2: the plan counts only what the map recognised: a line the map left unrecognised is not counted as the planned
 *   replacement, it is said to be classified.
 */
import { describe, expect, it } from "vitest";
import type { MeasurableAnalysis } from "../../server/tracking/plan.ts";
import { checkpointOf, progressOf, snapshotOf } from "../../server/tracking/plan.ts";
import { renderPublicPage } from "../../server/tracking/public-page.ts";
import { planOf } from "../helpers/plan.ts";

type Item = MeasurableAnalysis["items"][number];
const item = (
  name: string,
  installations: number,
  extraEuropean: boolean,
  { openSource = false, alternatives = [] as string[], category = "collaboration" } = {},
): Item =>
  ({
    name,
    installations,
    product: { id: name.toLowerCase().replace(/\W+/g, "-"), name },
    extraEuropean,
    openSource,
    category,
    component: false,
    alternatives: alternatives.map((a) => ({ name: a })),
  }) as Item;
const unknownLine = (name: string, installations: number): Item =>
  ({ name, installations, product: null, extraEuropean: null, category: null, component: false }) as Item;
const analysis = (id: string, items: Item[], value: number, createdAt: string): MeasurableAnalysis => ({
  id,
  createdAt,
  summary: { installations: 2000, extraEuropean: { share: value / 100 }, score: { value } },
  items,
});

const webex = (n: number) => item("Webex", n, true, { alternatives: ["Tixeo", "BigBlueButton"] });
const goto = (n: number) => item("GoToMeeting", n, true, { alternatives: ["BigBlueButton", "Tixeo"] });
const windows = (n: number) => item("Windows 10", n, true, { alternatives: ["Ubuntu"], category: "workstation" });
const may = analysis("may", [webex(500), goto(200), windows(600)], 80, "2026-05-20T08:00:00Z");
const november = analysis(
  "nov",
  [
    webex(400),
    goto(200),
    item("BigBlueButton", 300, false, { openSource: true }),
    windows(480),
    unknownLine("Ubuntu Budgie 24.04", 120),
    // Free software of a non-European publisher (a catalog alternative) and a proprietary newcomer.
    item("Thunderbird", 60, true, { openSource: true, category: "messaging" }),
    item("Zoom", 30, true),
  ],
  70,
  "2026-11-20T08:00:00Z",
);
const plan = planOf("2026-05-25", {
  products: [
    { name: "Webex", productId: "webex", by: "Tixeo", dueDate: "2028-03-31" },
    { name: "GoToMeeting", productId: "gotomeeting", by: "BigBlueButton", dueDate: "2028-03-31" },
    { name: "Windows 10", productId: "windows-10", by: "Ubuntu", dueDate: "2028-12-31" },
  ],
  milestones: [],
  checkpoints: [checkpointOf(may, "weighted", "2026-05-15"), checkpointOf(november, "weighted", "2026-11-20")],
});
const progress = progressOf(plan, "2026-12-06");
const status = (id: string) => progress.products.find((p) => p.product.productId === id)!.status;

describe("progress credited to the product whose planned replacement grew (B3)", () => {
  it("does not credit another product's planned replacement as « autre alternative »", () => {
    expect(status("webex")).not.toMatch(/BigBlueButton/);
    expect(status("webex")).toMatch(/sans que l'alternative prévue apparaisse/);
  });

  it("says the planned replacement grew beside the product it is planned for", () => {
    expect(status("gotomeeting")).toMatch(/BigBlueButton.*de 0 à 300 installations/);
  });

  it("lists no free-software alternative among the new dependencies", () => {
    const appeared = progress.latest!.appeared.map((d) => d.name);
    expect(appeared).toContain("Zoom");
    expect(appeared).not.toContain("Thunderbird");
  });
});

describe("the plan counts only what the map recognised (B2)", () => {
  it("does not count a line the map left unrecognised as the planned replacement, and says it is to classify", () => {
    const w = progress.products.find((p) => p.product.productId === "windows-10")!;
    expect(w.byNow).toBe(0);
    expect(w.status).not.toMatch(/Ubuntu est passé/);
    expect(w.status).toContain("« Ubuntu Budgie 24.04 »");
    expect(w.status).toMatch(/à classer/);
  });

  it("says the same on the public page", () => {
    const snapshot = snapshotOf(plan, progress, {
      licence: "etalab-2.0",
      groupProducts: false,
      now: new Date("2026-12-06T12:00:00Z"),
      categoryLabel: (c) => c ?? "",
    });
    const text = renderPublicPage(snapshot, { cssHref: "p.css", dataHref: "d.json", csvHref: "d.csv" })
      .replace(/<[^>]+>/g, " ")
      .replace(/&#39;/g, "'")
      .replace(/\s+/g, " ");
    expect(text).toContain("« Ubuntu Budgie 24.04 »");
    expect(text).not.toMatch(/Webex [^.]*BigBlueButton, autre alternative/);
  });
});
