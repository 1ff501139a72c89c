/**
 * trial16 C7: « Microsoft Windows 10 Enterprise LTSC 2021 » (60 postes, end of support 12 January 2027, five weeks
 * after the inventory) had no end-of-support risk, LTSC 2019 and LTSC 2021 were merged into one line, and Skype
 * Entreprise 2016, Visio 2016, Project 2019 (ended 14 October 2025) and Windows Server 2016 (ends 12 January 2027)
 * had no end of support in the catalog. The catalog now dates them (Microsoft Learn lifecycle pages); the name's year
 * settles what a build shared by two editions cannot; an end within a year is a warning of its own, « Fin de support
 * proche », with the time left, on the item, in the summary by category and in the ODS export.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { categoryRows } from "../../server/inventory/export.ts";
import { SOON_MONTHS, timeLeft } from "../../server/inventory/lifecycle.ts";
import { loadMatchIndex, type MatchIndex } from "../../server/inventory/match.ts";
import { inventoryRow } from "./fixtures.ts";

let index: MatchIndex;
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
});
const NOW = "2026-12-06T08:00:00Z";
const row = (name: string, installations: number, versions: string[]) => ({
  ...inventoryRow(name, "Microsoft Corporation", installations),
  versions,
});
const analyze = (rows: ReturnType<typeof row>[], now = NOW) => analyzeRows(rows, index, { now });
const endOf = (name: string, versions: string[], now = NOW) => {
  const item = analyze([row(name, 10, versions)], now).items[0]!;
  return {
    product: item.product?.id,
    past: item.risks.filter((r) => r.kind === "end-of-support").map((r) => r.label),
    soon: item.risks.filter((r) => r.kind === "end-of-support-soon").map((r) => r.label),
  };
};

describe("Windows 10 LTSC editions: the name settles the build, and a coming end is said ahead (trial16 C7)", () => {
  it("keeps LTSC 2019 and LTSC 2021 apart and warns of LTSC 2021's end in five weeks", () => {
    const { items, summary } = analyze([
      row("Microsoft Windows 10 Entreprise LTSC 2019", 95, ["10.0.17763"]),
      row("Microsoft Windows 10 Enterprise LTSC 2021", 60, ["10.0.19044"]),
    ]);
    expect(items.map((i) => [i.name, i.installations])).toEqual([
      ["Microsoft Windows 10 Entreprise LTSC 2019", 95],
      ["Microsoft Windows 10 Enterprise LTSC 2021", 60],
    ]);
    const ltsc2021 = items[1]!;
    expect(ltsc2021.risks.filter((r) => r.kind === "end-of-support")).toEqual([]);
    const soon = ltsc2021.risks.filter((r) => r.kind === "end-of-support-soon");
    expect(soon).toHaveLength(1);
    expect(soon[0]!.label).toMatch(/LTSC 2021 \(Windows 10\) le 12 janvier 2027 .*Microsoft Learn.* : dans 5 semaines/);
    expect(soon[0]!.date).toBe("2027-01-12");
    // LTSC 2019 runs until 2029: nothing yet.
    expect(items[0]!.risks.filter((r) => r.kind.startsWith("end-of-support"))).toEqual([]);
    const workstation = summary.categories.find((c) => c.category === "workstation")!;
    expect(workstation.risks.map((r) => [r.label, r.installations])).toContainEqual([
      "Fin de support proche (le 12 janvier 2027, dans 5 semaines)",
      60,
    ]);
    // The ODS « Par catégorie » sheet says it as the page does.
    expect([...categoryRows(summary)].flat().join(" ")).toContain("Fin de support proche (le 12 janvier 2027");
  });

  it("gives build 19044 the IoT edition only when the name says IoT", () => {
    expect(endOf("Windows 10 IoT Enterprise LTSC 2021", ["10.0.19044"]).soon).toEqual([]);
    expect(endOf("Windows 10 Enterprise LTSC 2021", ["10.0.19044"]).soon.join()).toMatch(/12 janvier 2027/);
    // Without a build, the year of the name tells the edition.
    expect(endOf("Windows 10 Enterprise LTSC 2021", []).soon.join()).toMatch(/LTSC 2021.*12 janvier 2027/);
  });

  it("turns the warning into the end of support once the day is past, and says nothing more than a year ahead", () => {
    expect(endOf("Windows 10 Enterprise LTSC 2021", ["10.0.19044"], "2027-02-01T08:00:00Z").past.join()).toMatch(
      /LTSC 2021.*12 janvier 2027.*plus de correctifs de sécurité/,
    );
    const early = endOf("Windows 10 Enterprise LTSC 2021", ["10.0.19044"], "2025-12-01T08:00:00Z");
    expect([...early.past, ...early.soon]).toEqual([]);
    expect(SOON_MONTHS).toBe(12);
  });

  it("says the time left in days, weeks or months", () => {
    expect(timeLeft("2026-12-06", "2026-12-10")).toBe("dans 4 jours");
    expect(timeLeft("2026-12-06", "2027-01-12")).toBe("dans 5 semaines");
    expect(timeLeft("2026-12-06", "2027-10-14")).toBe("dans 10 mois");
  });
});

describe("Skype Entreprise, Visio, Project and Windows Server dated by the year in the name (trial16 C7)", () => {
  it("ends Skype for Business / Skype Entreprise 2016 on 14 October 2025, with Microsoft's lifecycle page", () => {
    for (const name of ["Skype for Business 2016", "Skype Entreprise 2016 - fr-fr"]) {
      const r = endOf(name, ["16.0.5435.1000"]);
      expect(r.product).toBe("skype-for-business");
      expect(r.past.join()).toMatch(/Skype Entreprise 2016.*14 octobre 2025.*Microsoft Learn, cycle de vie de Skype/);
    }
  });

  it("ends Visio 2016 and Project 2019 on 14 October 2025", () => {
    const visio = endOf("Microsoft Visio Standard 2016", ["16.0.4266.1001"]);
    expect(visio.product).toBe("microsoft-visio");
    expect(visio.past.join()).toMatch(/Visio 2016.*14 octobre 2025/);
    const project = endOf("Microsoft Project Standard 2019", ["16.0.10412.20006"]);
    expect(project.product).toBe("microsoft-project");
    expect(project.past.join()).toMatch(/Project 2019.*14 octobre 2025/);
  });

  it("warns of Windows Server 2016's end on 12 January 2027, and leaves its tools and later editions alone", () => {
    const ws = endOf("Microsoft Windows Server 2016 Standard", ["10.0.14393"]);
    expect(ws.product).toBe("windows-server");
    expect(ws.past).toEqual([]);
    expect(ws.soon.join()).toMatch(/Windows Server 2016.*12 janvier 2027.*dans 5 semaines/);
    // Build 14393 is also LTSB 2016's: a different product, its own date.
    expect(endOf("Microsoft Windows 10 Entreprise 2016 LTSB", ["10.0.14393"]).past.join()).toMatch(/13 octobre 2026/);
    const center = endOf("Windows Admin Center", ["2.4"]);
    expect(center.product).toBe("windows-server");
    expect([...center.past, ...center.soon]).toEqual([]);
    const ws2019 = endOf("Microsoft Windows Server 2019 Datacenter", ["10.0.17763"]);
    expect([...ws2019.past, ...ws2019.soon]).toEqual([]);
  });
});
