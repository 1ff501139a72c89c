/**
 * trial13 A14, on another plan than the trial's: « Le prochain jalon, 66 % au 31 décembre 2026, est donc déjà
 * atteint » while the plan's data say that milestone is « à venir » (judged at the first inventory after its date) is
 * not what the plan says; a milestone the plan measured as met may be said reached (pure functions, no server).
 */
import { describe, expect, it } from "vitest";
import { type Plan, progressOf } from "../../server/tracking/plan.ts";
import { noteFacts, noteOwnData } from "../../server/tracking/progress-note.ts";
import { verifyAgainstPlan } from "../../server/tracking/progress-note-model.ts";

const cp = (date: string, value: number, raw: number) => ({
  analysisId: `a-${date}`,
  date,
  value,
  weighted: value,
  raw,
  installations: 310,
  dependencies: [],
  recordedAt: date,
});

const planOn = (checkpoints: ReturnType<typeof cp>[]) =>
  ({
    id: "p",
    slug: "commune-de-lanveoc",
    collectivite: { name: "Commune de Lanvéoc", kind: "commune" },
    title: "Plan",
    measure: "weighted",
    adoptedAt: "2026-01-12T10:00:00.000Z",
    target: { value: 40, date: "2029-06-30" },
    milestones: [
      { date: "2026-12-31", value: 66, label: "Messagerie remplacée" },
      { date: "2027-12-31", value: 52, label: "Postes de l'accueil" },
      { date: "2029-06-30", value: 40, label: "Fin du plan" },
    ],
    products: [],
    checkpoints,
    events: [],
    publication: null,
    log: [],
    version: 2,
  }) as unknown as Plan;

const checker = (plan: Plan, today: string) => {
  const progress = progressOf(plan, today);
  return (s: string) =>
    verifyAgainstPlan(s, noteFacts(plan, progress, today), noteOwnData(plan, progress)).sentences[0]!;
};

describe("a milestone said reached, against the state the plan gives it", () => {
  it("flags a milestone still to come said reached, and says it is to come", () => {
    // 64 % measured in September: below the milestone's value, but the milestone is judged after its date.
    const check = checker(planOn([cp("2026-01-10", 84.6, 90.1), cp("2026-09-15", 64, 70)]), "2026-10-01");
    for (const wrong of [
      "Le prochain jalon, 66 % au 31 décembre 2026, est donc déjà atteint.",
      "Le jalon du 31 décembre 2026 a été atteint.",
    ]) {
      const s = check(wrong);
      expect([wrong, s.status]).toEqual([wrong, "unsupported"]);
      expect(s.reasons.join(" ")).toMatch(/à venir/);
    }
    expect(check("Le prochain jalon, 66 % au 31 décembre 2026, n'est pas encore atteint.").reasons).toEqual([]);
    expect(check("Le prochain jalon, 66 % au 31 décembre 2026, devra être atteint.").reasons).toEqual([]);
  });

  it("leaves alone a milestone the plan measured as met", () => {
    const check = checker(
      planOn([cp("2026-01-10", 84.6, 90.1), cp("2026-09-15", 71.8, 77.4), cp("2027-01-10", 65, 70)]),
      "2027-02-01",
    );
    expect(check("Le jalon de 66 % au 31 décembre 2026 a été atteint.").reasons).toEqual([]);
  });
});
