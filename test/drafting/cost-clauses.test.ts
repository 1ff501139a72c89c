/**
 * Trial 13 (6 December 2026), B4: the roadmap's « Coûts et économies » quoted the cost of the State's AI assistant's
 * infrastructure (« 300 000 euros ») as a migration cost marker. A clause of a quotation that gives an amount about
 * something other than software (migration, licences, postes…) is left out. Tested on other sums than the trial's.
 */
import { describe, expect, it } from "vitest";
import { softwareCostQuote } from "../../server/drafting/cost-clauses.ts";

describe("the amounts a costs section quotes are costs of software (B4)", () => {
  it("leaves out a clause whose amount is about something else", () => {
    const quote =
      "Quelques repères publiés : le passage de 500 postes à Ubuntu a coûté 120 000 euros (Source A, 2024) ; la rénovation du gymnase municipal a coûté 2 millions d'euros, hors subventions (Source B, 2025) ; la ville a fait état de 40 000 euros d'économies de licences par an (Source C, 2025).";
    const out = softwareCostQuote(quote);
    expect(out).not.toMatch(/gymnase|2 millions/);
    expect(out).toContain("120 000 euros");
    expect(out).toContain("40 000 euros d'économies de licences");
    expect(out).toContain("…");
  });

  it("does not count a subject after « hors » and keeps a quotation whose amounts are all about software", () => {
    expect(softwareCostQuote("Le nouveau portail a coûté 90 000 euros, hors licences (Source, 2025).")).toBe("");
    const kept = "La hausse des prix de VMware a coûté 300 000 euros de plus par an à la région (Source, 2025).";
    expect(softwareCostQuote(kept)).toBe(kept);
    const noAmount = "Une migration a aussi un coût : formation, accompagnement, support.";
    expect(softwareCostQuote(noAmount)).toBe(noAmount);
  });
});
