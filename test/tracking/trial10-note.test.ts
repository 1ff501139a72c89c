/**
 * Trial 10 (6 December 2026), B1: a plan adopted from a roadmap that put one product on two lines (two inventory names
 * of one catalog product) listed that product twice in the progress note, while the public page grouped it. The plan's
 * products are one per product everywhere — note, public page, open data —, each with its installations once.
 * Tested on other products than the trial's.
 */
import { describe, expect, it } from "vitest";
import { checkpointOf, progressOf, snapshotOf } from "../../server/tracking/plan.ts";
import { progressNoteMarkdown } from "../../server/tracking/progress-note.ts";
import { renderPublicPage } from "../../server/tracking/public-page.ts";
import { analysisOf, itemOf, planOf } from "../helpers/plan.ts";

const item = (name: string, id: string, installations: number) =>
  itemOf(name, id, installations, true, { category: "collaboration" });

const baseline = analysisOf(
  "a1",
  [item("Cisco Webex Meetings", "webex", 25), item("Webex", "webex", 5), item("Slack", "slack", 12)],
  70,
);
const later = analysisOf("a2", [item("Cisco Webex Meetings", "webex", 10), item("Slack", "slack", 12)], 60);
const plan = planOf("2026-06-01", {
  milestones: [{ date: "2029-12-31", value: 30, label: "Objectif" }],
  products: [
    { name: "Cisco Webex", productId: "webex", by: "Tixeo", dueDate: "2027-06-30" },
    { name: "Slack", productId: "slack", by: "Element", dueDate: "2028-06-30" },
    { name: "Cisco Webex", productId: "webex", by: "Tixeo", dueDate: "2027-06-30" },
  ],
  checkpoints: [checkpointOf(baseline, "weighted", "2026-05-01"), checkpointOf(later, "weighted", "2026-11-01")],
});

describe("one product, one line in the note and on the page (B1)", () => {
  it("lists each planned product once in the note", () => {
    const progress = progressOf(plan, "2026-12-01");
    expect(progress.products.map((p) => p.product.name)).toEqual(["Cisco Webex", "Slack"]);
    const note = progressNoteMarkdown(plan, progress, "2026-12-01");
    expect(note.match(/^- Cisco Webex :/gm)?.length).toBe(1);
    expect(note).toMatch(/^- Cisco Webex : moins d'installations.* ; 30 installations au départ, 10 aujourd'hui/m);
  });

  it("the page names it once, not as two software", () => {
    const progress = progressOf(plan, "2026-12-01");
    const snapshot = snapshotOf(plan, progress, {
      licence: "etalab-2.0",
      groupProducts: false,
      now: new Date("2026-12-01T12:00:00Z"),
      categoryLabel: (c) => c ?? "",
    });
    expect(snapshot.products.map((p) => p.name)).toEqual(["Cisco Webex", "Slack"]);
    const text = renderPublicPage(snapshot, { cssHref: "p.css", dataHref: "d.json", csvHref: "d.csv" });
    expect(text).not.toMatch(/Cisco Webex \(2 logiciels\)/);
  });
});
