/**
 * Trial 8 (5 December 2026), the plan's follow-up and its public page:
 * - A4: « remplacé par X » only when the data show it: the old product gone AND X grew since the baseline. A product
 *   just uninstalled while X stayed where it was « n'apparaît plus dans l'inventaire » (the trial saw « Yandex Browser
 *   → remplacé par Firefox ESR » with Firefox at 120 before and after). Tested on Opera → Vivaldi and Zoom → Jitsi.
 */
import { describe, expect, it } from "vitest";
import { checkpointOf, progressOf, snapshotOf } from "../../server/tracking/plan.ts";
import { progressNoteMarkdown } from "../../server/tracking/progress-note.ts";
import { openDataJson, renderPublicPage } from "../../server/tracking/public-page.ts";
import { analysisOf, itemOf, planOf } from "../helpers/plan.ts";

const item = (name: string, id: string, installations: number, extraEuropean: boolean) =>
  itemOf(name, id, installations, extraEuropean, { openSource: !extraEuropean, category: "internet" });

describe("a replacement is claimed only when the data show it (A4)", () => {
  const before = analysisOf(
    "a1",
    [
      item("Opera", "opera", 8, true),
      item("Zoom", "zoom", 30, true),
      item("Vivaldi", "vivaldi", 90, false),
      item("Jitsi Meet", "jitsi", 5, false),
    ],
    60,
  );
  const after = analysisOf("a2", [item("Vivaldi", "vivaldi", 90, false), item("Jitsi Meet", "jitsi", 35, false)], 40);
  const plan = planOf("2026-06-01", {
    products: [
      { name: "Opera", productId: "opera", by: "Vivaldi", dueDate: null },
      { name: "Zoom", productId: "zoom", by: "Jitsi Meet", dueDate: null },
    ],
    checkpoints: [checkpointOf(before, "weighted", "2026-06-01"), checkpointOf(after, "weighted", "2026-12-05")],
  });
  const progress = progressOf(plan, "2026-12-05");
  const snapshot = snapshotOf(plan, progress, {
    licence: "etalab-2.0",
    groupProducts: false,
    now: new Date("2026-12-05T12:00:00Z"),
    categoryLabel: (c) => c ?? "",
  });
  const html = renderPublicPage(snapshot, { cssHref: "p.css", dataHref: "d.json", csvHref: "d.csv" });
  const row = (name: string) => html.split("\n").find((l) => l.includes(`<th scope="row">${name}</th>`))!;

  it("does not say « remplacé par Vivaldi » when Vivaldi did not grow", () => {
    expect(row("Opera")).not.toContain("remplacé par");
    expect(row("Opera")).toMatch(/n(&#39;|')apparaît plus dans l(&#39;|')inventaire/);
    expect(openDataJson(snapshot).produits.find((p) => p.name === "Opera")?.byInInventory).toBeUndefined();
  });

  it("says « remplacé par Jitsi Meet » when Jitsi grew", () => {
    expect(row("Zoom")).toContain("remplacé par Jitsi Meet");
  });

  it("the progress note says the same", () => {
    const note = progressNoteMarkdown(plan, progress, "2026-12-05");
    expect(note).toMatch(/Opera : n'apparaît plus dans l'inventaire/);
    expect(note).toMatch(/Zoom : remplacé par Jitsi Meet/);
  });
});

/** B8 (same footer): « licence Licence Ouverte » — a label is not repeated when the name begins with it. */
describe("the licence in the public page's footer", () => {
  const page = (licence: "etalab-2.0" | "odbl") => {
    const plan = planOf("2026-12-05", {
      checkpoints: [checkpointOf(analysisOf("a1", [], 50), "weighted", "2026-12-05")],
    });
    const snapshot = snapshotOf(plan, progressOf(plan, "2026-12-05"), {
      licence,
      groupProducts: false,
      now: new Date("2026-12-05T12:00:00Z"),
      categoryLabel: (c) => c ?? "",
    });
    return renderPublicPage(snapshot, { cssHref: "p.css", dataHref: "d.json", csvHref: "d.csv" }).replace(
      /<[^>]+>/g,
      "",
    );
  };
  it("does not write the word twice", () => {
    expect(page("etalab-2.0")).not.toMatch(/licence\s+licence/i);
    expect(page("etalab-2.0")).toContain("Licence Ouverte");
    expect(page("odbl")).toMatch(/licence Open Database License/);
  });
});
