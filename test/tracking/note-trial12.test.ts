/**
 * trial12 A11, on other products and figures than the trial's: what « L'essentiel » of a progress note says of a
 * planned product under its brand alone (« a remplacé Sophos sur tous ses postes » for « Sophos Endpoint Protection »,
 * still on 120 postes) is checked like its full name; « l'objectif est presque atteint » must be what the figures say
 * (most of the way from the baseline to the target done), not a third of it.
 */
import { describe, expect, it } from "vitest";
import { type Plan, progressOf } from "../../server/tracking/plan.ts";
import { noteFacts, noteOwnData } from "../../server/tracking/progress-note.ts";
import { verifyAgainstPlan } from "../../server/tracking/progress-note-model.ts";

const dep = (name: string, installations: number) => ({
  key: name.toLowerCase(),
  name,
  productId: null,
  category: "security",
  installations,
});
const cp = (
  date: string,
  value: number,
  dependencies: ReturnType<typeof dep>[],
  others: { name: string; installations: number }[],
) => ({
  analysisId: `a-${date}`,
  date,
  value,
  weighted: value,
  raw: value - 5,
  installations: 500,
  dependencies,
  others,
  recordedAt: date,
});
const planOf = (now: number) =>
  ({
    id: "p",
    slug: "departement-de-la-creuse",
    collectivite: { name: "Conseil départemental de la Creuse", kind: "departement" },
    title: "Plan",
    measure: "weighted",
    adoptedAt: "2026-02-01T10:00:00.000Z",
    target: { value: 50, date: "2029-12-31" },
    milestones: [{ date: "2027-06-01", value: 70, label: "Antivirus" }],
    products: [
      { name: "Sophos Endpoint Protection", productId: null, by: "G DATA Endpoint Protection", dueDate: "2027-06-01" },
    ],
    checkpoints: [
      cp(
        "2026-02-01",
        86,
        [dep("Sophos Endpoint Protection", 400)],
        [{ name: "G DATA Endpoint Protection", installations: 2 }],
      ),
      cp(
        "2026-11-10",
        now,
        [dep("Sophos Endpoint Protection", 120)],
        [{ name: "G DATA Endpoint Protection", installations: 280 }],
      ),
    ],
    events: [],
    publication: null,
    log: [],
    version: 2,
  }) as unknown as Plan;
const today = "2026-12-01";
const check = (s: string, now = 74) => {
  const plan = planOf(now);
  const progress = progressOf(plan, today);
  return verifyAgainstPlan(s, noteFacts(plan, progress, today), noteOwnData(plan, progress)).sentences[0]!;
};

describe("trial12 A11: a planned product named by its brand alone", () => {
  it("flags « a remplacé Sophos sur tous ses postes » while the last inventory still counts it", () => {
    const s = check(
      "Le département a remplacé Sophos sur tous ses postes : G DATA compte désormais 280 installations.",
    );
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toMatch(/Sophos/);
  });
  it("leaves the partial replacement the inventories show", () => {
    expect(check("Sophos a été remplacé sur une partie des postes : il en reste 120.").status).toBe("supported");
  });
});

describe("trial12 A11: how near the target is, against the figures", () => {
  it("flags « presque atteint » a third of the way from the baseline to the target", () => {
    const s = check("L'exposition pondérée est passée de 86 % à 74 %, l'objectif de 50 % est donc presque atteint.");
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toMatch(/presque atteint/);
  });
  it("leaves « presque atteint » most of the way there, and a sentence that says how far it remains", () => {
    expect(
      check("L'exposition pondérée est passée de 86 % à 53 %, l'objectif de 50 % est donc presque atteint.", 53).status,
    ).toBe("supported");
    expect(
      check("L'exposition pondérée est passée de 86 % à 74 %, l'objectif de 50 % n'est pas encore atteint.").status,
    ).toBe("supported");
  });
});
