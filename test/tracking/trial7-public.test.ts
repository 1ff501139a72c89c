/**
 * Trial 7 (5 December 2026), B1: the public page's heading names the kind of collectivité in French. The API takes
 * the kind as written; a form value (« communaute-agglomeration ») is shown with its label (`i18n/fr/labels.json`),
 * a kind already written in French as it is. The roadmap and documents describe the collectivité the same way.
 * Tested on other kinds than the trial's (communauté de communes).
 */
import { describe, expect, it } from "vitest";
import { collectiviteKindLabel } from "../../server/core/labels.ts";
import { describeCollectivite } from "../../server/drafting/documents/common.ts";
import { checkpointOf, progressOf, snapshotOf } from "../../server/tracking/plan.ts";
import { renderPublicPage } from "../../server/tracking/public-page.ts";
import { planOf } from "../helpers/plan.ts";

const kicker = (kind: string | null) => {
  const plan = planOf("2026-12-05", {
    collectivite: { name: "Pays de Brocéliande", kind },
    checkpoints: [
      checkpointOf(
        {
          id: "a1",
          createdAt: "2026-12-05T08:00:00Z",
          summary: { installations: 10, extraEuropean: { share: 0.8 }, score: { value: 80 } },
          items: [],
        },
        "weighted",
        "2026-12-05",
      ),
    ],
  });
  const snapshot = snapshotOf(plan, progressOf(plan, "2026-12-05"), {
    licence: "etalab-2.0",
    groupProducts: false,
    now: new Date("2026-12-05T12:00:00Z"),
    categoryLabel: (c) => c ?? "",
  });
  const html = renderPublicPage(snapshot, { cssHref: "p.css", dataHref: "d.json", csvHref: "d.csv" });
  return /<p class="kicker">([^<]*)<\/p>/.exec(html)![1];
};

describe("the public page names the kind of collectivité in French (B1)", () => {
  it.each([
    ["communaute-agglomeration", "Communauté d&#39;agglomération"],
    ["metropole", "Métropole"],
    ["departement", "Département"],
    ["COMMUNAUTE-URBAINE", "Communauté urbaine"],
    ["syndicat-mixte", "Syndicat mixte"],
  ])("« %s » → « %s »", (kind, label) => {
    expect(kicker(kind)).toBe(label);
  });

  it("keeps a kind written in French, and falls back to « Collectivité »", () => {
    expect(kicker("Intercommunalité")).toBe("Intercommunalité");
    expect(kicker(null)).toBe("Collectivité");
  });

  it("never shows a form identifier, even one it does not know", () => {
    expect(collectiviteKindLabel("pole-metropolitain")).toBe("Pôle métropolitain");
    expect(collectiviteKindLabel("etablissement-public-territorial")).not.toContain("-");
  });

  it("describes the collectivité with the same label in documents, inside the sentence", () => {
    expect(describeCollectivite({ name: "Pays de Brocéliande", kind: "communaute-agglomeration" })).toBe(
      "Pays de Brocéliande (communauté d'agglomération)",
    );
  });
});
