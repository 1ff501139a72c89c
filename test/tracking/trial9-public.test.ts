/**
 * Trial 9 (6 December 2026), a plan adopted on a baseline inventory months old, with an inventory taken between the
 * baseline and the adoption (trial: 15 June, 20 November, adopted 6 December):
 * - B2: « Ce qui a changé depuis l'adoption du plan » listed what disappeared before the adoption, and « le plan est
 *   en avance » was measured against a value « prévu » for a day before the plan existed. Changes since the adoption
 *   are counted from the inventory at (or just before) the adoption; an inventory taken before the adoption has no
 *   planned value, and the trajectory after it starts from that inventory. Tested on other products and dates.
 */
import { describe, expect, it } from "vitest";
import { checkpointOf, plannedValue, progressOf, snapshotOf } from "../../server/tracking/plan.ts";
import { progressNoteMarkdown } from "../../server/tracking/progress-note.ts";
import { renderPublicPage } from "../../server/tracking/public-page.ts";
import { analysisOf, itemOf, planOf } from "../helpers/plan.ts";

const item = (name: string, id: string, installations: number) =>
  itemOf(name, id, installations, true, { category: "internet" });

const baseline = analysisOf("a1", [item("Yandex Browser", "yandex", 12), item("Skype", "skype", 40)], 70);
const beforeAdoption = analysisOf("a2", [item("Skype", "skype", 40)], 60);
const afterAdoption = analysisOf("a3", [], 55);
const planWith = (...checkpoints: ReturnType<typeof checkpointOf>[]) =>
  planOf("2027-03-10", {
    milestones: [
      { date: "2027-12-31", value: 50, label: "Fin des gains rapides" },
      { date: "2029-12-31", value: 30, label: "Objectif" },
    ],
    events: [
      {
        id: "e1",
        date: "2026-11-04",
        text: "Le conseil a voté le retrait de Yandex Browser.",
        recordedAt: "2027-03-10T09:00:00Z",
      },
      { id: "e2", date: "2027-03-10", text: "Le plan est présenté aux agents.", recordedAt: "2027-03-10T09:00:00Z" },
    ],
    products: [
      { name: "Yandex Browser", productId: "yandex", by: "Vivaldi", dueDate: "2027-12-31" },
      { name: "Skype", productId: "skype", by: "Jitsi Meet", dueDate: "2027-12-31" },
    ],
    checkpoints,
  });
const page = (plan: ReturnType<typeof planWith>, today: string) => {
  const snapshot = snapshotOf(plan, progressOf(plan, today), {
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

describe("a plan adopted after its last inventory (B2)", () => {
  const plan = planWith(
    checkpointOf(baseline, "weighted", "2026-09-01"),
    checkpointOf(beforeAdoption, "weighted", "2027-02-01"),
  );

  it("plans nothing for a day before its adoption, and so is neither ahead nor late", () => {
    expect(plannedValue(plan, "2027-02-01")).toBeNull();
    expect(plannedValue(plan, "2027-03-09")).toBeNull();
    const latest = progressOf(plan, "2027-03-15").latest!;
    expect(latest.planned).toBeNull();
    expect(latest.standing).toBe("unknown");
    const note = progressNoteMarkdown(plan, progressOf(plan, "2027-03-15"), "2027-03-15");
    expect(note).not.toMatch(/en avance|en retard/);
    expect(note).toMatch(/Au dernier inventaire \(1er février 2027\), antérieur à l'adoption du plan/);
  });

  it("lists no change « depuis l'adoption » that happened before it", () => {
    const { snapshot, text } = page(plan, "2027-03-15");
    expect(snapshot.changes.since).toBe("adoption");
    expect(snapshot.changes.replaced).toEqual([]);
    // A decision dated before the inventory the changes count from is no change since the adoption.
    expect(snapshot.changes.events.map((e) => e.date)).toEqual(["2027-03-10"]);
    // The council's vote of November is on the page, among the earlier decisions (trial24 T-M6 read only « Aucun »).
    expect(text).toMatch(/Décisions et événements précédents 4 novembre 2026 — Le conseil a voté le retrait de Yandex/);
    expect(text).toMatch(/Ce qui a changé depuis l'adoption du plan/);
    expect(text).toMatch(/comparé à l'inventaire du 1er février 2027, le dernier avant l'adoption/i);
    expect(text).not.toMatch(/prévu à cette date : \d/);
    expect(text).toMatch(/au dernier inventaire, le 1er février 2027, antérieur à l'adoption du plan/);
  });

  it("says where the decisions before the adoption are when none came after it (trial24 T-M6)", () => {
    const only = planWith(
      checkpointOf(baseline, "weighted", "2026-09-01"),
      checkpointOf(beforeAdoption, "weighted", "2027-02-01"),
    );
    only.events = only.events.filter((e) => e.id === "e1");
    const { text } = page(only, "2027-03-15");
    expect(text).toMatch(
      /Décisions et événements Aucun depuis l'adoption du plan ; ceux qui l'ont précédée sont listés plus bas/,
    );
    expect(text).toMatch(/Décisions et événements précédents 4 novembre 2026/);
  });

  it("shows the council's decision before the adoption beside the commitment, with its date (trial24 T-M6)", () => {
    const { text } = page(
      planWith(
        checkpointOf(baseline, "weighted", "2026-09-01"),
        checkpointOf(beforeAdoption, "weighted", "2027-02-01"),
      ),
      "2027-03-15",
    );
    // The commitment is dated by the adoption in Cap Libre; the decision the collectivité recorded stands beside it.
    expect(text).toMatch(
      /L'objectif Le 10 mars 2027, .*?au plus tard le [^.]*\. Décision de la collectivité qui s'y rapporte \(enregistrée par elle\) : 4 novembre 2026 — Le conseil a voté le retrait de Yandex Browser\./,
    );
  });

  it("shows no decision beside the commitment when none recorded before the adoption reads as one", () => {
    const plan = planWith(checkpointOf(baseline, "weighted", "2026-09-01"));
    plan.events = [
      { id: "e3", date: "2026-11-04", text: "Réunion d'information des agents.", recordedAt: "2027-03-10T09:00:00Z" },
      // After the adoption: a decision of its own, listed among the events since, not as the commitment's.
      { id: "e4", date: "2027-03-12", text: "Délibération n° 2027-14 du conseil.", recordedAt: "2027-03-12T09:00:00Z" },
    ];
    const { text } = page(plan, "2027-03-15");
    expect(text).not.toMatch(/qui s'y rapporte/);
    expect(text).toMatch(/Réunion d'information des agents/);
  });

  it("once an inventory follows the adoption, counts the changes and the trajectory from the one before it", () => {
    const later = planWith(
      checkpointOf(baseline, "weighted", "2026-09-01"),
      checkpointOf(beforeAdoption, "weighted", "2027-02-01"),
      checkpointOf(afterAdoption, "weighted", "2027-06-01"),
    );
    const { snapshot } = page(later, "2027-06-15");
    expect(snapshot.changes.replaced).toEqual(["Skype"]);
    // From 60 % on 1 February 2027 to 50 % on 31 December 2027: about 56.4 % on 1 June.
    expect(plannedValue(later, "2027-06-01")).toBeCloseTo(56.4, 1);
    expect(progressOf(later, "2027-06-15").latest!.standing).toBe("ahead");
  });
});
