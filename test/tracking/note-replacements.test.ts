/**
 * trial9 A4, on other products than the trial's: what « L'essentiel » of a progress note says of a planned product's
 * replacement (« Slack a été remplacé par Mattermost sur tous les postes », « Dropbox a été retiré », « Slack est
 * installé sur 40 postes ») is checked against the two inventories the note compares: a product still on workstations
 * is not replaced, a replacement that did not grow did not replace it, a count is one of the inventories'.
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
  installations: 140,
  dependencies,
  others,
  recordedAt: date,
});
const plan = {
  id: "p",
  slug: "commune-de-plabennec",
  collectivite: { name: "Commune de Plabennec", kind: "commune" },
  title: "Plan",
  measure: "weighted",
  adoptedAt: "2026-02-01T10:00:00.000Z",
  target: { value: 40, date: "2029-12-31" },
  milestones: [{ date: "2027-06-01", value: 62, label: "Messagerie" }],
  products: [
    { name: "Slack", productId: null, by: "Mattermost", dueDate: "2027-06-01" },
    { name: "Dropbox", productId: null, by: "Nextcloud", dueDate: "2027-06-01" },
    { name: "Trello", productId: null, by: "Wekan", dueDate: "2027-06-01" },
  ],
  checkpoints: [
    cp(
      "2026-02-01",
      80,
      [dep("Slack", 40), dep("Dropbox", 12), dep("Trello", 6)],
      [
        { name: "Mattermost", installations: 3 },
        { name: "Nextcloud", installations: 2 },
      ],
    ),
    cp(
      "2026-11-10",
      74,
      [dep("Slack", 40)],
      [
        { name: "Mattermost", installations: 3 },
        { name: "Nextcloud", installations: 14 },
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

describe("a progress note's replacement claims, against the two inventories", () => {
  it("flags a product said replaced or removed while the last inventory still counts it", () => {
    for (const wrong of [
      "Slack a été remplacé par Mattermost sur tous les postes.",
      "Slack a été retiré de tous les postes.",
      "Slack n'apparaît plus dans l'inventaire.",
    ]) {
      const s = check(wrong);
      expect([wrong, s.status]).toEqual([wrong, "unsupported"]);
      expect(s.reasons.join(" ")).toMatch(/Slack.*40/);
    }
  });
  it("flags « remplacé par » a replacement that did not grow", () => {
    expect(check("Trello a été remplacé par Wekan.").reasons.join(" ")).toMatch(/Trello/);
  });
  it("flags a count that neither inventory gives", () => {
    expect(check("Slack est encore installé sur 25 postes.").reasons.join(" ")).toMatch(/Slack/);
  });
  it("leaves alone what the inventories say", () => {
    for (const ok of [
      "Dropbox a été remplacé par Nextcloud.",
      "Slack est encore installé sur 40 postes.",
      "Slack n'a pas encore été remplacé.",
    ])
      expect([ok, check(ok).reasons.filter((r) => /Slack|Dropbox/.test(r) && /donnent|disent/.test(r))]).toEqual([
        ok,
        [],
      ]);
  });
});

describe("a move claimed to a product, against its installations in the two inventories (trial11 A7)", () => {
  it("flags a move to a product no inventory shows, or one that did not grow, naming it", () => {
    expect(check("Une partie des postes Trello a déjà migré vers Wekan.").reasons).toContain(
      "« migré vers Wekan » : Wekan n'apparaît dans aucun inventaire du plan",
    );
    expect(check("Slack recule grâce au déploiement de Mattermost.").reasons).toContain(
      "« grâce au déploiement de Mattermost » : Mattermost : 3 installations au départ comme au dernier inventaire",
    );
  });
  it("leaves alone a move to a product that grew, an intention, a negated move, an unknown product", () => {
    for (const ok of [
      "Une partie des postes Dropbox a migré vers Nextcloud.",
      "Le plan prévoit le passage à Wekan pour Trello.",
      "Slack n'a pas encore migré vers Mattermost.",
      "Une partie des postes Slack a migré vers Rocket.Chat.",
    ])
      expect([ok, check(ok).reasons.filter((r) => /inventaire/.test(r))]).toEqual([ok, []]);
  });
});
