/** The roadmap's calendar speaks of the local context's deadlines only when the context gave some (trial, 2026-12). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildContext } from "../../server/drafting/context.ts";
import { parseInputs } from "../../server/drafting/inputs.ts";
import { loadStructure } from "../../server/drafting/structure.ts";

const NOW = "2026-12-05T10:00:00.000Z";
const analysis = JSON.parse(readFileSync("test/fixtures/drafting/analysis.json", "utf8"));
const intro = (extra: object) =>
  buildContext(
    "roadmap",
    parseInputs("roadmap", { collectivite: { name: "Commune de Kervallon" }, analysis, ...extra }),
    analysis,
    loadStructure("roadmap"),
    NOW,
  ).vars.calendar_intro!;

describe("the roadmap's calendar introduction", () => {
  it("says nothing of local deadlines when none were given", () => {
    expect(intro({ targetDate: "2029-06" })).not.toContain("contexte local");
    expect(intro({})).not.toContain("contexte local");
    expect(intro({ targetDate: "2029-06", context: "La commune compte trois sites." })).not.toContain("contexte local");
  });

  it("says they are in the calendar when the context dates one", () => {
    const text = intro({ targetDate: "2029-06", context: "Le contrat de messagerie arrive à échéance en juin 2027." });
    expect(text).toContain("Les échéances du contexte local y figurent.");
  });
});
