/**
 * A plan for tests of the public page and the progress note: one commune, target 30 % of weighted exposure by the
 * end of 2029, nothing published; `fields` replaces what a test is about (products, checkpoints, measure…).
 */
import type { MeasurableAnalysis, Plan } from "../../server/tracking/plan.ts";

export const planOf = (day: string, fields: Record<string, unknown> = {}): Plan =>
  ({
    id: "p",
    slug: "commune",
    collectivite: { name: "Commune d'Essai", kind: "Commune" },
    title: "Plan",
    measure: "weighted",
    adoptedAt: `${day}T00:00:00.000Z`,
    target: { value: 30, date: "2029-12-31" },
    milestones: [{ date: "2029-12-31", value: 30, label: "Objectif" }],
    products: [],
    checkpoints: [],
    events: [],
    publication: null,
    log: [],
    version: 1,
    ...fields,
  }) as unknown as Plan;

/** One line of an inventory analysis as plans measure it: a product with its installations. */
export const itemOf = (
  name: string,
  id: string,
  installations: number,
  extraEuropean: boolean,
  { openSource = false, category = "security" }: { openSource?: boolean; category?: string } = {},
) => ({ name, installations, product: { id, name }, extraEuropean, openSource, category, component: false });

/** An inventory analysis of 400 installations whose measure is `value` %, dated 5 December 2026. */
export const analysisOf = (id: string, items: ReturnType<typeof itemOf>[], value: number): MeasurableAnalysis => ({
  id,
  createdAt: "2026-12-05T08:00:00Z",
  summary: { installations: 400, extraEuropean: { share: value / 100 }, score: { value } },
  items,
});
