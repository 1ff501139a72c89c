/** The pure parts of plan tracking: planned values, standings and product progress. */
import { describe, expect, it } from "vitest";
import { frenchDate } from "../../server/core/text.ts";
import { type Plan, plannedValue, progressOf, standing } from "../../server/tracking/plan.ts";

const cp = (date: string, value: number, deps: [string, number][] = []) => ({
  analysisId: `a-${date}`,
  date,
  value,
  weighted: value,
  raw: value,
  installations: 100,
  dependencies: deps.map(([id, n]) => ({ key: `p:${id}`, name: id, productId: id, category: null, installations: n })),
  recordedAt: date,
});

describe("plan tracking", () => {
  it("plans straight lines between the baseline and each milestone, flat after the last", () => {
    const plan = {
      checkpoints: [cp("2026-01-01", 80)],
      milestones: [
        { date: "2027-01-01", value: 60, label: "" },
        { date: "2028-01-01", value: 20, label: "" },
      ],
    };
    expect(plannedValue(plan, "2025-06-01")).toBe(80);
    expect(plannedValue(plan, "2026-07-02")).toBeCloseTo(70, 0);
    expect(plannedValue(plan, "2027-01-01")).toBe(60);
    expect(plannedValue(plan, "2027-07-02")).toBeCloseTo(40, 0);
    expect(plannedValue(plan, "2030-01-01")).toBe(20);
  });

  it("plans the straight line from the start to the target when the target is the only milestone (trial12 A8)", () => {
    const plan = { checkpoints: [cp("2026-01-01", 80)], milestones: [{ date: "2028-01-01", value: 40, label: "" }] };
    expect(plannedValue(plan, "2027-01-01")).toBeCloseTo(60, 0);
    expect(plannedValue(plan, "2028-01-01")).toBe(40);
  });

  it("judges a checkpoint within half a point of the plan as on track", () => {
    expect(standing(50.4, 50)).toBe("on-track");
    expect(standing(51, 50)).toBe("late");
    expect(standing(49, 50)).toBe("ahead");
    expect(standing(null, 50)).toBe("unknown");
  });

  it("follows products, new dependencies and milestones", () => {
    const plan = {
      checkpoints: [
        cp("2026-01-01", 80, [
          ["office", 50],
          ["chrome", 50],
        ]),
        cp("2026-06-01", 60, [
          ["office", 50],
          ["zoom", 10],
        ]),
      ],
      milestones: [
        { date: "2026-03-01", value: 70, label: "" },
        { date: "2026-09-01", value: 50, label: "" },
        { date: "2027-01-01", value: 40, label: "" },
      ],
      products: [
        { name: "chrome", productId: "chrome", by: "Firefox", dueDate: null },
        { name: "office", productId: "office", by: "LibreOffice", dueDate: "2026-05-01" },
      ],
      events: [],
      target: { value: 40, date: "2027-01-01" },
    } as unknown as Plan;
    const p = progressOf(plan, "2026-10-01");
    expect(p.latest!.appeared.map((d) => d.productId)).toEqual(["zoom"]);
    expect(p.latest!.removed.map((d) => d.productId)).toEqual(["chrome"]);
    expect(p.products.map((x) => [x.state, x.late])).toEqual([
      ["replaced", false],
      ["not-started", true],
    ]);
    expect(p.milestones.map((m) => m.state)).toEqual(["met", "late", "upcoming"]);
    expect(p.targetMet).toBe(false);
  });

  it("does not judge a milestone on an inventory taken long after it", () => {
    const plan = {
      checkpoints: [cp("2025-12-01", 80), cp("2026-12-04", 76)],
      milestones: [
        { date: "2026-01-01", value: 78, label: "" },
        { date: "2026-10-01", value: 75, label: "" },
        { date: "2027-06-01", value: 60, label: "" },
      ],
      products: [],
      events: [],
      target: { value: 60, date: "2027-06-01" },
    } as unknown as Plan;
    const p = progressOf(plan, "2026-12-10");
    expect(p.milestones.map((m) => [m.state, m.measured])).toEqual([
      ["unmeasured", null],
      ["missed", 76],
      ["upcoming", null],
    ]);
  });

  it("writes French dates with « 1er »", () => {
    expect(frenchDate("2026-04-01")).toBe("1er avril 2026");
    expect(frenchDate("2026-10-15")).toBe("15 octobre 2026");
  });
});
