/**
 * trial14 A11, on other products and figures than the trial's: « L'essentiel » of a progress note says a product fell
 * or rose without a figure (« Zoom Workplace a reculé ») — held to its installations in the two inventories compared;
 * « conformément à la trajectoire » said of an inventory the plan had no planned value for (taken before it was
 * adopted) is the plan's standing, which the figures cannot give.
 */
import { describe, expect, it } from "vitest";
import { type Plan, progressOf } from "../../server/tracking/plan.ts";
import { noteFacts, noteOwnData } from "../../server/tracking/progress-note.ts";
import { verifyAgainstPlan } from "../../server/tracking/progress-note-model.ts";

const dep = (name: string, installations: number) => ({
  key: name.toLowerCase(),
  name,
  productId: null,
  category: "collaboration",
  installations,
});
const cp = (date: string, value: number, zoom: number, sophos: number) => ({
  analysisId: `a-${date}`,
  date,
  value,
  weighted: value,
  raw: value - 5,
  installations: 900,
  dependencies: [dep("Zoom Workplace", zoom), dep("Sophos Endpoint Protection", sophos)],
  others: [{ name: "Jitsi Meet", installations: 40 }],
  recordedAt: date,
});
const planOf = (adoptedAt: string) =>
  ({
    id: "p",
    slug: "communaute-de-communes-du-pays-de-serres",
    collectivite: { name: "Communauté de communes du Pays de Serres", kind: "epci" },
    title: "Plan",
    measure: "weighted",
    adoptedAt,
    target: { value: 50, date: "2029-12-31" },
    milestones: [{ date: "2027-10-31", value: 70, label: "Visioconférence" }],
    products: [
      { name: "Zoom Workplace", productId: null, by: "Jitsi Meet", dueDate: "2027-10-31" },
      { name: "Sophos Endpoint Protection", productId: null, by: null, dueDate: "2027-10-31" },
    ],
    checkpoints: [cp("2026-03-01", 90, 300, 500), cp("2026-11-15", 81, 360, 420)],
    events: [],
    publication: null,
    log: [],
    version: 2,
  }) as unknown as Plan;
const today = "2026-12-01";
const check = (s: string, adoptedAt = "2026-03-01T10:00:00.000Z") => {
  const plan = planOf(adoptedAt);
  const progress = progressOf(plan, today);
  return verifyAgainstPlan(s, noteFacts(plan, progress, today), noteOwnData(plan, progress)).sentences[0]!;
};

describe("trial14 A11: a direction said of a product without a figure", () => {
  it("flags « Zoom Workplace a reculé » while it rose from 300 to 360 installations", () => {
    const s = check("Zoom Workplace a reculé.");
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toMatch(/Zoom Workplace/);
    expect(check("Zoom Workplace est en baisse sur les postes.").status).toBe("unsupported");
  });
  it("flags « Sophos Endpoint Protection a progressé » while it fell from 500 to 420", () => {
    expect(check("Sophos Endpoint Protection a progressé.").status).toBe("unsupported");
  });
  it("accepts the direction the inventories show, and a negated wrong one", () => {
    expect(check("Sophos Endpoint Protection a reculé.").reasons).toEqual([]);
    expect(check("Zoom Workplace a progressé.").reasons).toEqual([]);
    expect(check("Zoom Workplace n'a pas reculé.").reasons).toEqual([]);
  });
});

describe("trial14 A11: « conformément à la trajectoire » with no planned value", () => {
  it("flags it for inventories taken before the plan was adopted", () => {
    const s = check(
      "L'exposition pondérée est passée de 90 % à 81 %, conformément à la trajectoire prévue.",
      "2026-11-20T10:00:00.000Z",
    );
    expect(s.status).toBe("unsupported");
  });
});
