/** The audit plan's calendar lasts exactly the months asked for, whatever the number of phases (trial, 2026-12). */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildContext } from "../../server/drafting/context.ts";
import { phaseSpans } from "../../server/drafting/documents/audit-plan.ts";
import { parseInputs } from "../../server/drafting/inputs.ts";
import { loadStructure } from "../../server/drafting/structure.ts";
import type { InventoryAnalysis } from "../../server/drafting/types.ts";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { loadMatchIndex } from "../../server/inventory/match.ts";
import { parseInventoryFiles } from "../../server/inventory/parse.ts";

const NOW = "2026-12-04T10:00:00.000Z";
const inputs = (extra: object) =>
  parseInputs("audit-plan", { collectivite: { name: "Commune de Kervallon" }, ...extra });

describe("the audit plan's calendar", () => {
  it("spreads five phases over four months without running into a fifth", () => {
    const ctx = buildContext(
      "audit-plan",
      inputs({ startDate: "2027-01", durationMonths: 4 }),
      null,
      loadStructure("audit-plan"),
      NOW,
    );
    expect(ctx.vars.calendar_intro).toContain("Durée : 4 mois");
    expect(ctx.vars.calendar_table).toContain("janvier 2027");
    expect(ctx.vars.calendar_table).toContain("avril 2027");
    expect(ctx.vars.calendar_table).not.toContain("mai 2027");
  });

  it("gives each phase its share, in weeks when it is short", () => {
    const ctx = buildContext("audit-plan", inputs({ durationMonths: 2 }), null, loadStructure("audit-plan"), NOW);
    expect(ctx.vars.calendar_table).toMatch(/\d semaines/);
    for (const total of [1, 2, 4, 5, 6, 12, 24]) {
      const spans = phaseSpans(total, [1, 2, 1.5, 1.5, 1]);
      expect(spans.at(-1)!.to).toBe(total - 1);
      expect(spans.reduce((n, s) => n + s.months, 0)).toBeCloseTo(total);
      for (const [i, s] of spans.entries()) if (i > 0) expect(s.from).toBeGreaterThanOrEqual(spans[i - 1]!.to - 0);
    }
  });
});

describe("the collectivité's name inside a sentence", () => {
  it("takes its article and French contractions (trial: « permettrait à Communauté d'agglomération… »)", () => {
    const letter = parseInputs("letter", {
      collectivite: { name: "Communauté d'agglomération du Pays de Morlaix" },
      recipient: { name: "Jeanne Martin", role: "Présidente" },
      sender: { name: "Les Amis du Libre" },
    });
    const ctx = buildContext("letter", letter, null, loadStructure("letter"), NOW);
    expect(ctx.vars.collectivite).toBe("la Communauté d'agglomération du Pays de Morlaix");
    const audit = buildContext(
      "audit-plan",
      parseInputs("audit-plan", { collectivite: { name: "Département du Finistère" } }),
      null,
      loadStructure("audit-plan"),
      NOW,
    );
    expect(audit.vars.collectivite).toBe("le Département du Finistère");
    expect(audit.vars.collectivite_start).toBe("Le Département du Finistère");
    const brest = buildContext(
      "audit-plan",
      parseInputs("audit-plan", { collectivite: { name: "Brest Métropole" } }),
      null,
      loadStructure("audit-plan"),
      NOW,
    );
    expect(brest.vars.collectivite).toBe("Brest Métropole");
  });
});

describe("quotations in template sections", () => {
  it("leaves out one with no real sentence (trial: a bullet « …[^2] » in a note)", async () => {
    const { isQuotable } = await import("../../server/drafting/generate.ts");
    expect(isQuotable("…")).toBe(false);
    expect(isQuotable("Selon …")).toBe(false);
    expect(isQuotable("La Gendarmerie économise deux millions par an.")).toBe(true);
  });
});

describe("an audit plan written from a map (trial6 B9)", () => {
  let analysis: InventoryAnalysis;
  beforeAll(async () => {
    const index = await loadMatchIndex(path.resolve("corpus"));
    const file = path.resolve("test/fixtures/inventory/trial/glpi-mairie-belval.csv");
    const { rows } = parseInventoryFiles([{ name: path.basename(file), bytes: new Uint8Array(readFileSync(file)) }]);
    analysis = {
      id: "belval",
      name: "glpi-mairie-belval.csv",
      createdAt: NOW,
      ...analyzeRows(rows, index, { now: NOW }),
    } as unknown as InventoryAnalysis;
  });
  const context = (withMap: boolean) =>
    buildContext(
      "audit-plan",
      inputs({ startDate: "2027-01", durationMonths: 6, businessSoftware: ["état civil", "urbanisme"] }),
      withMap ? analysis : null,
      loadStructure("audit-plan"),
      NOW,
    );

  it("keeps the user's words and the map's product names apart in the business software row", () => {
    const row = context(true)
      .vars.scope_table!.split("\n")
      .find((l) => l.startsWith("| Logiciels métiers"))!;
    expect(row).toContain("Logiciels déjà connus : état civil, urbanisme.");
    expect(row).toMatch(/Relevés par la cartographie : Ciril Civil Net \(finances, RH\), Berger-Levrault/);
    expect(row).not.toMatch(/urbanisme, Ciril/);
  });

  it("does not schedule the extraction of an inventory the plan starts from", () => {
    const inventory = (withMap: boolean) =>
      context(withMap)
        .vars.calendar_table!.split("\n")
        .find((l) => l.startsWith("| Inventaire"))!;
    expect(inventory(false)).toContain("Extraction de l'outil d'inventaire du parc");
    expect(inventory(true)).not.toContain("Extraction de l'outil d'inventaire du parc");
    expect(inventory(true)).toContain("cartographie");
  });
});
