/**
 * Round 17: a roadmap lists what lies beyond its objective as « au-delà de l'objectif, à programmer »; the plan
 * adopted from it kept those products without a due date, and the public page showed « — » in their « Échéance »
 * column. The page and its open data now say it as the roadmap does; a product with no date for another reason (a
 * typed plan) keeps « — », and a date given under another name of the same product wins.
 */
import { describe, expect, it } from "vitest";
import { checkpointOf, plannedProducts, progressOf, snapshotOf } from "../../server/tracking/plan.ts";
import { openDataJson, renderPublicPage } from "../../server/tracking/public-page.ts";
import { analysisOf, itemOf, planOf } from "../helpers/plan.ts";

const BEYOND = "au-delà de l&#39;objectif, à programmer";
const item = (name: string, id: string, installations: number) =>
  itemOf(name, id, installations, true, { category: "collaboration" });
const baseline = analysisOf(
  "a1",
  [item("Cisco Webex Meetings", "webex", 25), item("Slack", "slack", 12), item("Dropbox", "dropbox", 8)],
  70,
);
const plan = planOf("2026-06-01", {
  products: [
    { name: "Cisco Webex", productId: "webex", by: "Tixeo", dueDate: "2028-06-30" },
    { name: "Slack", productId: "slack", by: "Tixeo", dueDate: null, beyondTarget: true },
    { name: "Dropbox", productId: "dropbox", by: "Nextcloud", dueDate: null },
  ],
  checkpoints: [checkpointOf(baseline, "weighted", "2026-05-01")],
});

/** The « Échéance » cell of each product row of the page: name → text. */
function dueCells(html: string): Record<string, string> {
  const table = html.split('aria-labelledby="products-caption"')[1]!.split("</table>")[0]!;
  return Object.fromEntries(
    [...table.matchAll(/<tr><th scope="row">([^<]*)<\/th><td>[^<]*<\/td><td>([^<]*)<\/td>/g)].map((m) => [m[1], m[2]]),
  );
}

const page = (groupProducts: boolean) => {
  const snapshot = snapshotOf(plan, progressOf(plan, "2026-12-01"), {
    licence: "etalab-2.0",
    groupProducts,
    now: new Date("2026-12-01T12:00:00Z"),
    categoryLabel: () => "Travail collaboratif",
  });
  return { snapshot, html: renderPublicPage(snapshot, { cssHref: "p.css", dataHref: "d.json", csvHref: "d.csv" }) };
};

describe("products beyond the objective on the public page", () => {
  it("says « au-delà de l'objectif, à programmer », not « — », and keeps « — » for a product merely undated", () => {
    const { snapshot, html } = page(false);
    expect(dueCells(html)).toEqual({
      "Cisco Webex": "30 juin 2028",
      Slack: BEYOND,
      Dropbox: "—",
    });
    expect(openDataJson(snapshot).produits.map((p) => [p.name, p.dueDate, p.beyondTarget ?? false])).toEqual([
      ["Cisco Webex", "2028-06-30", false],
      ["Slack", null, true],
      ["Dropbox", null, false],
    ]);
  });

  it("gives a category row its dates and the same words when some of its software lie beyond the objective", () => {
    expect(Object.values(dueCells(page(true).html))).toEqual([`30 juin 2028, ${BEYOND}`, "—"]);
  });

  it("keeps the date given under another name of the same product", () => {
    const merged = plannedProducts([
      { name: "Slack", productId: "slack", by: "Element", dueDate: null, beyondTarget: true },
      { name: "Slack Desktop", productId: "slack", by: "Element", dueDate: "2027-12-31" },
    ]);
    expect(merged).toEqual([{ name: "Slack", productId: "slack", by: "Element", dueDate: "2027-12-31" }]);
  });
});
