/**
 * trial23 T-M8 (trial22 T-M7 family): one alternative's growth was credited to every planned product it replaces. The
 * note of the trial's plan read « Windows 10 : en cours, Debian est passé de 10 à 30 installations » and « Windows 11 :
 * pas encore commencé, tandis que Debian, son remplacement prévu, passait de 10 à 30 installations » (the same 20
 * postes: Windows 10 went 75 → 55, Windows 11 stayed at 68), and « Kaspersky Endpoint Security : en cours, Bitdefender
 * GravityZone est passé de 0 à 100 installations » beside « Dr.Web : remplacé par Bitdefender GravityZone (…;
 * Bitdefender GravityZone : 100 installations dans le dernier inventaire) ». A DSI adding the lines counts 40 Debian
 * and 200 Bitdefender. Now the growth is said once, with the product that went down most; the others say it is the
 * one counted there. Same words in the note and on the public page.
 */
import { describe, expect, it } from "vitest";
import { type Plan, progressOf, snapshotOf } from "../../server/tracking/plan.ts";
import { progressNoteMarkdown } from "../../server/tracking/progress-note.ts";
import { renderPublicPage } from "../../server/tracking/public-page.ts";

const dep = (name: string, installations: number, category: string) => ({
  key: name.toLowerCase(),
  name,
  productId: null,
  category,
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
  installations: 400,
  dependencies,
  others,
  recordedAt: date,
});
const plan = {
  id: "p",
  slug: "cc-des-coteaux",
  collectivite: { name: "Communauté de communes des Coteaux", kind: "epci" },
  title: "Plan",
  measure: "weighted",
  adoptedAt: "2026-12-03T10:00:00.000Z",
  target: { value: 45, date: "2029-06-30" },
  milestones: [],
  products: [
    { name: "Windows 10", productId: null, by: "Debian", dueDate: "2027-12-31" },
    { name: "Windows 11", productId: null, by: "Debian", dueDate: "2028-12-31" },
    { name: "Kaspersky Endpoint Security", productId: null, by: "Bitdefender GravityZone", dueDate: "2027-03-31" },
    { name: "Dr.Web", productId: null, by: "Bitdefender GravityZone", dueDate: "2027-03-31" },
  ],
  checkpoints: [
    cp(
      "2026-12-01",
      86,
      [
        dep("Windows 10", 75, "workstation-os"),
        dep("Windows 11", 68, "workstation-os"),
        dep("Kaspersky Endpoint Security", 108, "security"),
        dep("Dr.Web", 5, "security"),
      ],
      [{ name: "Debian", installations: 10 }],
    ),
    cp(
      "2026-12-05",
      80,
      [
        dep("Windows 10", 55, "workstation-os"),
        dep("Windows 11", 68, "workstation-os"),
        dep("Kaspersky Endpoint Security", 8, "security"),
      ],
      [
        { name: "Debian", installations: 30 },
        { name: "Bitdefender GravityZone", installations: 100 },
      ],
    ),
  ],
  events: [],
  publication: null,
  log: [],
  version: 2,
} as unknown as Plan;
const today = "2026-12-07";
const progress = progressOf(plan, today);
const flat = (s: string) => s.replace(/[^\S\n]/gu, " ");
const count = (text: string, re: RegExp) => [...flat(text).matchAll(re)].length;

describe("one alternative's growth is said once (trial23 T-M8)", () => {
  it("the note says Debian's 10 → 30 and Bitdefender's 0 → 100 once each, with the product that went down most", () => {
    const note = flat(progressNoteMarkdown(plan, progress, today));
    expect(count(note, /Debian[^.;]*de 10 à 30/g)).toBe(1);
    expect(note).toMatch(/Windows 10 : en cours, Debian est passé de 10 à 30 installations/);
    expect(count(note, /Bitdefender GravityZone[^.;]*(de 0 à 100|100 installations)/g)).toBe(1);
    expect(note).toMatch(/Kaspersky Endpoint Security : en cours, Bitdefender GravityZone est passé de 0 à 100/);
    // The others say whose growth it is, without its figures.
    const w11 = note.split("\n").find((l) => l.includes("Windows 11 :"))!;
    expect(w11).toMatch(/pas encore commencé/);
    // (Credited to Windows 10 only: said so, or not said at all — trial22 T-M7's rule.)
    expect(w11).not.toMatch(/de 10 à 30|30 installations/);
    const drweb = note.split("\n").find((l) => l.includes("Dr.Web :"))!;
    expect(drweb).toMatch(/remplacé par Bitdefender GravityZone/);
    expect(drweb).toMatch(/Kaspersky Endpoint Security/);
    expect(drweb).not.toMatch(/100/);
  });

  it("the public page says each growth once too", () => {
    const snapshot = snapshotOf(plan, progress, {
      licence: "etalab-2.0",
      groupProducts: false,
      now: new Date("2026-12-07T12:00:00Z"),
      categoryLabel: (c) => c ?? "",
    });
    const page = renderPublicPage(snapshot, { cssHref: "a.css", dataHref: "d.json", csvHref: "d.csv" });
    expect(count(page, /de 10 à 30/g)).toBe(1);
    expect(count(page, /de 0 à 100/g)).toBe(1);
  });

  it("a growth cited by one product only keeps its words", () => {
    const one = { ...plan, products: plan.products.filter((p) => p.name !== "Windows 10") } as Plan;
    const note = flat(progressNoteMarkdown(one, progressOf(one, today), today));
    expect(note).toMatch(
      /Windows 11 : pas encore commencé, tandis que Debian, son remplacement prévu, passait de 10 à 30/,
    );
  });
});
