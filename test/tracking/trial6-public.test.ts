/**
 * Trial 6 (5 December 2026), the plan's follow-up and its public page:
 * - B8: a product gone from the inventory whose planned replacement now appears in it is « remplacé par … », on the
 *   public page, in the open data, in the progress note; gone with no trace of its replacement, it « n'apparaît plus
 *   dans l'inventaire », as before. Tested on Symantec → ESET and Webex → Tixeo (the trial saw Kaspersky → Bitdefender).
 */
import { describe, expect, it } from "vitest";
import { checkpointOf, progressOf, snapshotOf } from "../../server/tracking/plan.ts";
import { progressNoteMarkdown } from "../../server/tracking/progress-note.ts";
import { openDataJson, renderPublicPage } from "../../server/tracking/public-page.ts";
import { analysisOf, itemOf, planOf } from "../helpers/plan.ts";

describe("a replaced product whose replacement is in the new inventory (B8)", () => {
  const before = analysisOf(
    "a1",
    [
      itemOf("Symantec Endpoint Protection", "symantec-endpoint-protection", 300, true),
      itemOf("Cisco Webex Meetings", "webex", 40, true),
      itemOf("Google Chrome", "google-chrome", 60, true),
    ],
    80,
  );
  const after = analysisOf(
    "a2",
    [
      itemOf("ESET Endpoint Security / PROTECT", "eset-endpoint", 300, false),
      itemOf("Google Chrome", "google-chrome", 60, true),
    ],
    40,
  );
  const plan = planOf("2026-06-01", {
    products: [
      {
        name: "Symantec Endpoint Protection",
        productId: "symantec-endpoint-protection",
        by: "ESET PROTECT",
        dueDate: null,
      },
      { name: "Cisco Webex Meetings", productId: "webex", by: "Tixeo", dueDate: null },
      { name: "Google Chrome", productId: "google-chrome", by: "Vivaldi", dueDate: null },
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

  it("says « remplacé par ESET PROTECT » on the public page, and not « n'apparaît plus » for it", () => {
    const html = renderPublicPage(snapshot, { cssHref: "p.css", dataHref: "d.json", csvHref: "d.csv" });
    const row = (name: string) => html.split("\n").find((l) => l.includes(`<th scope="row">${name}</th>`))!;
    expect(row("Symantec Endpoint Protection")).toContain("remplacé par ESET PROTECT");
    expect(row("Symantec Endpoint Protection")).not.toContain("n&#39;apparaît plus");
    // Webex is gone too, but nothing shows Tixeo: only what the inventory shows is said.
    expect(row("Cisco Webex Meetings")).toMatch(/n(&#39;|')apparaît plus dans l(&#39;|')inventaire/);
    expect(row("Cisco Webex Meetings")).not.toContain("remplacé par");
    expect(openDataJson(snapshot).produits.find((p) => p.name === "Symantec Endpoint Protection")).toMatchObject({
      state: "replaced",
      byInInventory: true,
    });
  });

  it("says it in the progress note too", () => {
    const note = progressNoteMarkdown(plan, progress, "2026-12-05");
    expect(note).toMatch(/Symantec Endpoint Protection : remplacé par ESET PROTECT \(300 installations au départ/);
    expect(note).toMatch(/Cisco Webex Meetings : n'apparaît plus dans l'inventaire/);
  });
});

/**
 * B7. The public page reads the collectivité's name inside sentences: « le suivi de la Communauté de communes … »,
 * « …, la Mairie de … a inscrit », « le suivi du Département … »; a proper name stays as it is. Its chart names the
 * start of the curve, not the next year under points of December.
 */
describe("the public page's French with any collectivité's name (B7)", () => {
  const page = (name: string) => {
    const plan = planOf("2026-12-05", {
      collectivite: { name, kind: null },
      checkpoints: [checkpointOf(analysisOf("a1", [], 80), "weighted", "2026-12-05")],
    });
    const snapshot = snapshotOf(plan, progressOf(plan, "2026-12-05"), {
      licence: "etalab-2.0",
      groupProducts: false,
      now: new Date("2026-12-05T12:00:00Z"),
      categoryLabel: (c) => c ?? "",
    });
    return {
      html: renderPublicPage(snapshot, { cssHref: "p.css", dataHref: "d.json", csvHref: "d.csv" }),
      note: progressNoteMarkdown(plan, progressOf(plan, "2026-12-05"), "2026-12-05"),
      snapshot,
    };
  };

  it("puts the article a common noun needs, and contracts « de le »", () => {
    const cc = page("Communauté de communes du Haut-Bocage");
    expect(cc.html).toContain("le suivi de la Communauté de communes du Haut-Bocage");
    expect(cc.html).toMatch(/Le 5 décembre 2026, la Communauté de communes du Haut-Bocage a adopté un plan/);
    expect(cc.note).toContain("réduction des dépendances numériques de la Communauté de communes du Haut-Bocage");
    const mairie = page("Mairie de Saint-Aubin-des-Prés");
    expect(mairie.html).toMatch(/, la Mairie de Saint-Aubin-des-Prés a adopté un plan/);
    const departement = page("Département de la Creuse");
    expect(departement.html).toContain("le suivi du Département de la Creuse");
    expect(departement.html).not.toContain("de le ");
    // A proper name keeps its own form.
    const commune = page("Kerbihan");
    expect(commune.html).toContain("le suivi de Kerbihan");
    expect(commune.html).toMatch(/Le 5 décembre 2026, Kerbihan a adopté un plan/);
  });

  it("labels the start of the chart with its month, and no year label under the December points", () => {
    const { html } = page("Kerbihan");
    const svg = html.slice(html.indexOf("<svg"), html.indexOf("</svg>"));
    const labels = [...svg.matchAll(/<text x="([\d.]+)" y="278"[^>]*>([^<]+)<\/text>/g)].map((m) => ({
      x: Number(m[1]),
      text: m[2]!,
    }));
    expect(labels[0]?.text).toBe("déc. 2026");
    // The next year (2027, a month later) is named under its own span, away from the start's label (trial24 T-L5).
    for (const l of labels.slice(1)) expect(l.x - labels[0]!.x).toBeGreaterThanOrEqual(40);
  });
});
