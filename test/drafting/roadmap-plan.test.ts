import { describe, expect, it } from "vitest";
import { planRoadmap } from "../../server/drafting/roadmap-plan.ts";

const item = (name: string, installations: number, extraEuropean: boolean | null, openSource: boolean | null, fit: string | null, category = "collaboration") => ({
  name,
  installations,
  extraEuropean,
  openSource,
  category,
  alternatives: fit ? [{ id: `alt-${name}`, name: `Alt ${name}`, fit }] : [],
});

describe("roadmap plan", () => {
  const analysis = {
    id: "a",
    items: [
      item("Zoom", 40, true, false, "drop-in"),
      item("Mozilla Firefox", 100, true, true, null, "workstation"),
      item("VMware vSphere", 10, true, false, "partial", "virtualization"),
      item("LibreOffice", 50, false, true, null, "workstation"),
    ],
  } as never;

  it("phases proprietary extra-European software, and leaves open-source software of a US publisher in place", () => {
    const plan = planRoadmap(analysis);
    expect(plan.extra).toBe(150);
    expect(plan.lines.map((l) => [l.item.name, l.phase])).toEqual([
      ["Zoom", "quick"],
      ["VMware vSphere", "deep"],
    ]);
    // Firefox stays: after every phase, its 100 installations of 200 remain extra-European.
    expect(plan.shareAfter.deep).toBeCloseTo(50);
  });
});
