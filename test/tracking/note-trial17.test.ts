/**
 * trial17 D20, on other products than the trial's: « L'essentiel » of a progress note is checked against the plan's
 * figures only, so
 * - a migration said complete (« La migration vers Thunderbird est terminée ») while the later inventory still counts
 *   the product it replaces is what the plan's own line contradicts, whether the sentence names the product or only its
 *   planned replacement;
 * - what people think of the change (« Les agents ont bien accepté le changement ») is in no line of the plan's figures.
 */
import { describe, expect, it } from "vitest";
import { type Plan, progressOf } from "../../server/tracking/plan.ts";
import { noteFacts, noteOwnData } from "../../server/tracking/progress-note.ts";
import { verifyAgainstPlan } from "../../server/tracking/progress-note-model.ts";

const dep = (name: string, installations: number) => ({
  key: name.toLowerCase(),
  name,
  productId: null,
  category: "office",
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
  raw: value - 4,
  installations: 90,
  dependencies,
  others,
  recordedAt: date,
});
const plan = {
  id: "p",
  slug: "commune-de-landeleau",
  collectivite: { name: "Commune de Landeleau", kind: "commune" },
  title: "Plan",
  measure: "weighted",
  adoptedAt: "2026-03-01T10:00:00.000Z",
  target: { value: 35, date: "2029-06-30" },
  milestones: [{ date: "2028-01-01", value: 55, label: "Messagerie" }],
  products: [
    { name: "Microsoft Outlook", productId: null, by: "Thunderbird", dueDate: "2028-01-01" },
    { name: "Zoom", productId: null, by: "Jitsi Meet", dueDate: "2028-01-01" },
  ],
  checkpoints: [
    cp(
      "2026-03-01",
      78,
      [dep("Microsoft Outlook", 60), dep("Zoom", 20)],
      [
        { name: "Thunderbird", installations: 5 },
        { name: "Jitsi Meet", installations: 2 },
      ],
    ),
    cp(
      "2026-11-20",
      70,
      [dep("Microsoft Outlook", 41)],
      [
        { name: "Thunderbird", installations: 24 },
        { name: "Jitsi Meet", installations: 22 },
      ],
    ),
  ],
  events: [],
  publication: null,
  log: [],
  version: 2,
} as unknown as Plan;
const today = "2026-12-01";
const progress = progressOf(plan, today);
const check = (s: string) =>
  verifyAgainstPlan(s, noteFacts(plan, progress, today), noteOwnData(plan, progress)).sentences[0]!;

describe("a migration said complete in a progress note, against the later inventory (trial17 D20)", () => {
  it("flags it while the replaced product is still counted, named by itself or by its replacement", () => {
    for (const wrong of [
      "La migration vers Thunderbird est terminée.",
      "Le remplacement de Microsoft Outlook est achevé.",
      "Le passage à Thunderbird a été mené à bien.",
    ]) {
      const s = check(wrong);
      expect([wrong, s.status]).toEqual([wrong, "unsupported"]);
      expect(s.reasons.join(" ")).toMatch(/les chiffres du plan disent « Microsoft Outlook : .*41/);
    }
  });
  it("leaves alone a complete migration the inventory shows, a denied or partial one", () => {
    for (const ok of [
      "La migration vers Jitsi Meet est terminée.",
      "La migration vers Thunderbird n'est pas encore terminée.",
      "La migration vers Thunderbird est presque achevée.",
      "La migration vers Thunderbird est terminée sur une partie des postes.",
    ])
      expect([ok, check(ok).reasons.filter((r) => /Outlook/.test(r))]).toEqual([ok, []]);
  });
});

describe("what people think of the change, which no line of the plan's figures says (trial17 D20)", () => {
  it("flags the agents' acceptance, satisfaction or training", () => {
    for (const wrong of [
      "Les agents ont bien accepté le changement.",
      "Les utilisateurs sont satisfaits de Thunderbird.",
      "La formation des agents est terminée.",
    ]) {
      const s = check(wrong);
      expect([wrong, s.status]).toEqual([wrong, "unsupported"]);
      expect(s.reasons.join(" ")).toMatch(/ne disent rien de ce que les personnes pensent ou vivent/);
    }
  });
  it("leaves alone sentences about the figures, the milestones and who reads the note", () => {
    for (const ok of [
      "Thunderbird est passé de 5 à 24 installations.",
      "Le prochain jalon est de 55 % au 1er janvier 2028.",
      "Les élus pourront suivre l'évolution au prochain inventaire.",
    ])
      expect([ok, check(ok).reasons.filter((r) => /personnes/.test(r))]).toEqual([ok, []]);
  });
});
