/**
 * Trial 14 (6 December 2026), the roadmap's target and calendar.
 * - B17: a target above today's weighted exposure (90 typed for 30) was written « faire passer … de 83 % à 90 % »:
 *   now refused in French, giving today's value.
 * - B9: a two-month calendar for replacing Office on 1 442 postes was accepted with no word; a target date already past
 *   silently became « à fixer ». The objective now warns of a calendar too short for the replacements it needs, and
 *   says when the date asked is already past.
 */
import { describe, expect, it } from "vitest";
import { formatPercent } from "../../server/core/text.ts";
import { roadmapContext } from "../../server/drafting/documents/roadmap.ts";
import { prepareDraft } from "../../server/drafting/drafts.ts";
import { parseInputs, type RoadmapInputs } from "../../server/drafting/inputs.ts";
import { loadStructure } from "../../server/drafting/structure.ts";
import type { InventoryAnalysis } from "../../server/drafting/types.ts";
import type { Engine } from "../../server/engine.ts";
import { measureItems } from "../../server/inventory/measure.ts";
import { alt, item } from "../helpers/analysis-items.ts";

/** A département: Windows and Office on 1 442 postes, LibreOffice on 2 000 more. */
const gard: InventoryAnalysis = {
  id: "gard",
  items: [
    item("Microsoft Windows 11 Professionnel", 1442, {
      product: "windows-11",
      alternatives: [alt("Debian", "partial", "FR")],
    }),
    item("Microsoft Office Professionnel Plus 2021", 1442, {
      product: "microsoft-office",
      alternatives: [alt("LibreOffice", "partial", "DE")],
    }),
    item("LibreOffice", 2000, {
      product: "libreoffice",
      extraEuropean: false,
      openSource: true,
      exposure: { controllingCountry: "DE", laws: [] },
    }),
  ],
};
const collectivite = { name: "Département du Gard", kind: "département" };
const prepare = (inputs: Record<string, unknown>) =>
  prepareDraft({} as Engine, { type: "roadmap", inputs: { collectivite, analysis: gard, ...inputs } });

describe("a roadmap target above today's exposure (trial14 B17)", () => {
  it("is refused in French with today's value; a target below it is accepted", async () => {
    const today = measureItems(gard.items).weighted.value!;
    expect(today).toBeGreaterThan(50);
    expect(today).toBeLessThan(90);
    const refused = await prepare({ targetShare: 90 }).catch((e: Error) => e);
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).message).toMatch(/l'objectif \(90\s%\) est au-dessus de la valeur actuelle/);
    expect((refused as Error).message).toContain(`valeur actuelle de l'inventaire (${formatPercent(today)})`);
    await expect(prepare({ targetShare: 30 })).resolves.toMatchObject({ type: "roadmap" });
    await expect(prepare({})).resolves.toMatchObject({ type: "roadmap" });
  });
});

describe("a roadmap calendar too short, or a target date already past (trial14 B9)", () => {
  const sentence = (inputs: Record<string, unknown>) =>
    roadmapContext(
      parseInputs("roadmap", { collectivite, analysis: gard, targetShare: 30, ...inputs }) as RoadmapInputs,
      gard,
      loadStructure("roadmap"),
      "2026-12-06",
    ).vars.target_sentence!;

  const warnings = (inputs: Record<string, unknown>) =>
    roadmapContext(
      parseInputs("roadmap", { collectivite, analysis: gard, targetShare: 30, ...inputs }) as RoadmapInputs,
      gard,
      loadStructure("roadmap"),
      "2026-12-06",
    ).vars.calendar_warnings!;

  it("warns of a calendar of a few months for replacing Office on 1 442 postes, not of one of three years", () => {
    // Said after the objective, in the section's appended paragraph (trial19 M4: a generated section kept it too).
    const short = warnings({ startDate: "2027-01", targetDate: "2027-03" });
    expect(short).toMatch(/Attention : 2 mois séparent le début de la feuille de route de l'échéance/);
    expect(short).toMatch(/Microsoft Office Professionnel Plus 2021 \(1\s442 installations\)/);
    expect(warnings({ startDate: "2027-01", targetDate: "2029-12" })).not.toContain("Attention");
  });

  it("says a target date already past is past, not only « à fixer »", () => {
    // Said after the objective, in the appended paragraph a written objective keeps too (trial26 T-L5).
    const past = warnings({ startDate: "2027-01", targetDate: "2026-11" });
    expect(past).toContain("L'échéance demandée (novembre 2026) est déjà passée à la date de ce document");
    expect(sentence({ startDate: "2027-01", targetDate: "2026-11" })).toContain("l'échéance reste à fixer");
    // A date after today but not after the start keeps its own sentence.
    expect(warnings({ startDate: "2027-03", targetDate: "2027-02" })).toContain(
      "ne tombe pas après le début de la feuille de route",
    );
  });
});
