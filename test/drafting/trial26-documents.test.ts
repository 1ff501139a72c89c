/**
 * Clean-clone trial26's findings on the documents (`/work/notes/trial26-FINDINGS.md`, 8 December 2026): the lying
 * model's roadmap objective « L'objectif est de ramener l'exposition pondérée de 89 % à 12 % d'ici décembre 2027 »
 * passed as verified beside a target of 40 % in June 2029 (T-H3): in « de A à B », what the objective sets is B.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { percentText } from "../../server/core/text.ts";
import { roadmapOwnData } from "../../server/drafting/own-data.ts";
import { planRoadmap } from "../../server/drafting/roadmap-plan.ts";
import type { InventoryAnalysis } from "../../server/drafting/types.ts";
import { verifyText } from "../../server/verify/index.ts";
import { checkOwnData } from "../../server/verify/own-figures.ts";

const analysis = JSON.parse(readFileSync("test/fixtures/drafting/analysis.json", "utf8")) as InventoryAnalysis;
const plan = planRoadmap(analysis, { now: "2026-12-08T10:00:00.000Z" });
const own = roadmapOwnData(plan, { date: "2029-06", start: "2027-01" });
const reasons = (sentence: string) =>
  checkOwnData(verifyText(sentence, [{ n: 1, text: sentence }]), own, "les chiffres").sentences[0]!.reasons.join(" ");
const baseline = percentText(plan.baseline.weighted!);
const target = percentText(plan.target.value);
/** A weighted share the roadmap prints at a date of its calendar, not the target (the trial's model took one). */
const weighted = own.figures.filter((f) => f.kind === "percent" && f.names?.includes("exposition pondérée"));
const other = percentText(
  weighted
    .map((f) => f.value)
    .find((v) => Math.round(v) !== Math.round(plan.target.value) && v < plan.baseline.weighted!)!,
);

describe("trial26 T-H3: the objective « de A à B » sets B", () => {
  it("has a phase figure that is not the target (the lie the trial's model told)", () => {
    expect(other).not.toBe(target);
  });

  it("flags « ramener l'exposition pondérée de A à B » when B is not the target", () => {
    const said = reasons(`L'objectif est de ramener l'exposition pondérée de ${baseline} à ${other}.`);
    expect(said).toContain(other);
    expect(said).toMatch(/objectif/);
  });

  it("confirms the same sentence with the roadmap's own target", () => {
    expect(reasons(`L'objectif est de ramener l'exposition pondérée de ${baseline} à ${target}.`)).toBe("");
    expect(reasons(`L'objectif : faire passer l'exposition pondérée de ${baseline} à ${target}.`)).toBe("");
  });
});

describe("trial26 T-H3: a share said of a group of the map is the map's share for it", () => {
  const us = plan.measure.measured
    .filter(({ item }) => (item.vendor?.parent?.country ?? item.vendor?.country) === "US")
    .reduce((s, m) => s + m.item.installations, 0);
  const usShare = percentText((us / plan.measure.installations) * 100);

  it("flags « Les logiciels américains représentent 40 % des installations » (40 % is the target, not theirs)", () => {
    const said = reasons("Les logiciels américains représentent 40 % des installations.");
    expect(said).toContain("40 %");
    expect(said).toContain(usShare);
  });

  it("flags a share of a group the map has none of (« les logiciels russes », 0 %)", () => {
    expect(reasons("Les logiciels russes représentent 40 % des installations.")).toContain("40 %");
  });

  it("confirms the map's own share for the group", () => {
    expect(reasons(`Les logiciels américains représentent ${usShare} des installations.`)).toBe("");
  });
});
