/**
 * « L'essentiel » of a progress note says how the measure went and what comes next in one sentence (« le taux est
 * passé de 85 % à 72 %, le prochain jalon est de 66 % en décembre 2026 »): every figure of it is one the plan's own
 * data give for what it is said of, so the sentence is not « non vérifié » — not « pour autre chose » for the second
 * measure, not « pas donné pour l'année » for a date that belongs to the milestone — while a measure the plan never
 * measured, or the next milestone given another milestone's value, still is (pure functions, no server).
 */
import { describe, expect, it } from "vitest";
import { percentText } from "../../server/core/text.ts";
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

const plan = {
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
  products: [{ name: "Microsoft Exchange Server", productId: null, by: "BlueMind", dueDate: "2026-12-31" }],
  checkpoints: [cp("2026-01-10", 84.6, 90.1), cp("2026-09-15", 71.8, 77.4)],
  events: [],
  publication: null,
  log: [],
  version: 2,
} as unknown as Plan;

const today = "2026-10-01";
const progress = progressOf(plan, today);
const facts = noteFacts(plan, progress, today);
const own = noteOwnData(plan, progress);
const check = (s: string) => verifyAgainstPlan(s, facts, own).sentences[0]!;

describe("a progress-note sentence with two figures of the plan's trajectory", () => {
  it("supports the measure's two values and the next milestone, however the measure is named", () => {
    for (const ok of [
      "L'exposition pondérée est passée de 85 % à 72 %, le prochain jalon est de 66 % en décembre 2026.",
      "Le taux est passé de 85 % à 72 %, et le prochain jalon est fixé à 66 % pour décembre 2026.",
      "La mesure est passée de 85 % en janvier 2026 à 72 % en septembre 2026 ; prochain jalon : 66 %.",
      "L'indicateur est passé de 85 % à 72 % ; le prochain jalon est 66 % en décembre.",
    ])
      expect([ok, check(ok).reasons]).toEqual([ok, []]);
  });

  it("still flags a measure the plan never measured and a next milestone given another milestone's value", () => {
    for (const wrong of [
      // 52 % is a later milestone, not a measure.
      "Le taux est passé de 85 % à 52 %.",
      "Le taux est passé de 85 % à 72 %, le prochain jalon est de 52 % en décembre 2026.",
      "Le taux est passé de 85 % à 75 %.",
      "Le taux est passé de 85 % à 72 % au 30 juin 2029.",
    ])
      expect([wrong, check(wrong).status]).toEqual([wrong, "unsupported"]);
    // Known limit: a name of the measure only confirms a figure (« ramener la mesure à 40 % » is the target), so the
    // next milestone or the raw share given as the measure (« passée de 85 % à 66 % », « à 77 % ») is left to the
    // figure-context check, which does not catch it (66 % is beside « prochain », 77 % beside « mesure » in the facts).
  });
});

describe("a progress-note sentence that gives the measure beside the planned value", () => {
  const ahead = {
    ...plan,
    checkpoints: [plan.checkpoints[0], { ...plan.checkpoints[1], value: 68.4, weighted: 68.4 }],
  } as unknown as Plan;
  const progress = progressOf(ahead, today);
  const facts = noteFacts(ahead, progress, today);
  const own = noteOwnData(ahead, progress);
  const check = (s: string) => verifyAgainstPlan(s, facts, own).sentences[0]!;
  const { checkpoint, planned } = progress.latest!;

  it("supports « X mesurés pour Y prévus » without a date, and still flags a planned value the plan never gave", () => {
    expect(progress.latest!.standing).toBe("ahead");
    const ok = `Le plan est en avance sur sa trajectoire : ${percentText(checkpoint.value)} mesurés pour ${percentText(planned)} prévus.`;
    expect([ok, check(ok).reasons]).toEqual([ok, []]);
    const wrong = `Le plan est en avance sur sa trajectoire : ${percentText(checkpoint.value)} mesurés pour 77 % prévus.`;
    expect(check(wrong).status).toBe("unsupported");
  });
});
