/**
 * Trial 12 (6 December 2026), A5: a DSI classifies inventory lines by hand after the plan was adopted (a misspelt
 * line, a line the catalogue did not know), recomputes, and adds the recomputed inventory as a checkpoint.
 * - A line renamed by a classification is no dependency « qui a disparu », nor one that appeared.
 * - The plan's starting counts follow the latest classification: the baseline's lines are counted under the product
 *   the latest inventory puts them in (trial: « LibreOffice est passé de 240 à 660 » while the true start was 390).
 * - A planned replacement that grew under a line no one has classified yet (« Only Office Desktop 8 » for ONLYOFFICE) is
 *   not said « sans que l'alternative prévue progresse ».
 * Tested on other products than the trial's (Microsoft Office → ONLYOFFICE, Skype → Jitsi Meet).
 */
import { describe, expect, it } from "vitest";
import type { MeasurableAnalysis } from "../../server/tracking/plan.ts";
import { checkpointOf, progressOf, snapshotOf } from "../../server/tracking/plan.ts";
import { renderPublicPage } from "../../server/tracking/public-page.ts";
import { planOf } from "../helpers/plan.ts";

type Item = MeasurableAnalysis["items"][number];
const product = (name: string, id: string, installations: number, extraEuropean: boolean, openSource = false): Item =>
  ({
    name,
    installations,
    product: { id, name: id === "onlyoffice" ? "ONLYOFFICE" : name },
    extraEuropean,
    openSource,
    category: "collaboration",
    component: false,
  }) as Item;
/** A line the catalogue did not recognise, its publisher known (exposed: American) or not. */
const line = (name: string, installations: number, extraEuropean: boolean | null): Item =>
  ({ name, installations, product: null, extraEuropean, category: null, component: false }) as Item;
const analysis = (
  id: string,
  items: Item[],
  value: number,
  createdAt = "2026-12-05T08:00:00Z",
): MeasurableAnalysis => ({
  id,
  createdAt,
  summary: { installations: 1000, extraEuropean: { share: value / 100 }, score: { value } },
  items,
});

const plan = (...checkpoints: ReturnType<typeof checkpointOf>[]) =>
  planOf("2026-06-20", {
    products: [
      { name: "Microsoft Office", productId: "office", by: "ONLYOFFICE", dueDate: "2028-12-31" },
      { name: "Skype", productId: "skype", by: "Jitsi Meet", dueDate: "2028-12-31" },
    ],
    checkpoints,
  });
const page = (p: ReturnType<typeof plan>, today: string) => {
  const snapshot = snapshotOf(p, progressOf(p, today), {
    licence: "etalab-2.0",
    groupProducts: false,
    now: new Date(`${today}T12:00:00Z`),
    categoryLabel: (c) => c ?? "",
  });
  const text = renderPublicPage(snapshot, { cssHref: "p.css", dataHref: "d.json", csvHref: "d.csv" })
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ");
  return { snapshot, text };
};

// June, before any classification: « Only Office Desktop 8 » (a space too many) unknown, its publisher European.
const june = analysis(
  "june",
  [
    product("Microsoft Office", "office", 600, true),
    product("Skype", "skype", 100, true),
    product("ONLYOFFICE Desktop Editors", "onlyoffice", 240, false, true),
    line("Only Office Desktop 8", 150, false),
    line("Zoom Workplace", 80, true),
  ],
  80,
);
// December, recomputed after the DSI classified the misspelt line as ONLYOFFICE and the unknown Zoom line as Zoom.
const decemberClassified = analysis(
  "dec-b",
  [
    product("Microsoft Office", "office", 300, true),
    product("Skype", "skype", 60, true),
    product("ONLYOFFICE Desktop Editors", "onlyoffice", 240, false, true),
    product("Only Office Desktop 8", "onlyoffice", 420, false, true),
    { ...product("Zoom Workplace", "zoom", 80, true), product: { id: "zoom", name: "Zoom" } } as Item,
  ],
  70,
  "2026-12-06T08:00:00Z",
);

describe("lines classified by hand after the plan's adoption (trial 12, A5)", () => {
  const p = plan(
    checkpointOf(june, "weighted", "2026-06-15"),
    checkpointOf(decemberClassified, "weighted", "2026-12-01"),
  );

  it("does not say a line renamed by a classification « a disparu »", () => {
    const { snapshot, text } = page(p, "2026-12-06");
    expect(snapshot.changes.replaced).toEqual([]);
    expect(snapshot.changes.appeared).toEqual([]);
    expect(text).not.toMatch(/Only Office Desktop/);
  });

  it("counts the starting point under the latest classification (390, not 240)", () => {
    const office = progressOf(p, "2026-12-06").products.find((x) => x.product.productId === "office")!;
    expect(office.byBefore).toBe(390);
    expect(office.byNow).toBe(660);
    expect(office.state).toBe("in-progress");
    expect(office.status).toMatch(/ONLYOFFICE est passé de 390 à 660/);
  });

  it("tells the DSI which starting lines were classified since: the counts follow, the starting percentage does not", () => {
    expect(progressOf(p, "2026-12-06").reclassified?.sort()).toEqual(["Only Office Desktop 8", "Zoom Workplace"]);
    const unchanged = plan(checkpointOf(june, "weighted", "2026-06-15"), checkpointOf(june, "weighted", "2026-12-01"));
    expect(progressOf(unchanged, "2026-12-06").reclassified).toBeUndefined();
  });

  it("does not say the alternative did not progress when it grew under a line not classified yet", () => {
    const decemberUnclassified = analysis(
      "dec-a",
      [
        product("Microsoft Office", "office", 300, true),
        product("Skype", "skype", 60, true),
        product("ONLYOFFICE Desktop Editors", "onlyoffice", 240, false, true),
        line("Only Office Desktop 8", 420, false),
        line("Zoom Workplace", 80, true),
      ],
      72,
      "2026-12-06T08:00:00Z",
    );
    const q = plan(
      checkpointOf(june, "weighted", "2026-06-15"),
      checkpointOf(decemberUnclassified, "weighted", "2026-12-01"),
    );
    const office = progressOf(q, "2026-12-06").products.find((x) => x.product.productId === "office")!;
    expect(office.status).not.toMatch(/sans que l'alternative prévue progresse/);
    // Skype went down and Jitsi Meet is nowhere, under no name: that is still said.
    const skype = progressOf(q, "2026-12-06").products.find((x) => x.product.productId === "skype")!;
    expect(skype.status).toMatch(/sans que l'alternative prévue apparaisse/);
  });
});
