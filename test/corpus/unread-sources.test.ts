/**
 * A source the corpus cites was read, or says it was not. The records added for Yandex Browser, Dr.Web, DJI
 * Assistant and Huawei eSpace cited vendor pages « consulted in December 2026 » that could not be read here: each
 * of their dated sources must now be one the corpus already cites elsewhere, and a page that was not read is dated
 * null, says so in its title, and the fact it would carry is marked « non confirmé » in the notes.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type Catalog, loadCatalog } from "../../server/corpus/catalog.ts";
import type { CorpusProblem } from "../../server/corpus/documents.ts";

let catalog: Catalog;
beforeAll(async () => {
  const problems: CorpusProblem[] = [];
  catalog = await loadCatalog(path.resolve("corpus"), problems);
  expect(problems).toEqual([]);
});

type Sourced = {
  id: string;
  notes?: string | null;
  sources: { title: string; url?: string | null; date?: string | null }[];
};

const records = (): Sourced[] => [
  ...catalog.vendors.values(),
  ...catalog.products.values(),
  ...catalog.alternatives.values(),
];

describe("sources that were not read are not presented as read", () => {
  it.each([
    ["product", "yandex-browser"],
    ["product", "dr-web"],
    ["vendor", "doctor-web"],
    ["product", "dji-assistant"],
    ["product", "huawei-espace"],
  ])("%s %s: dated sources are cited elsewhere too; unread pages are undated and said unconfirmed", (kind, id) => {
    const record = (kind === "vendor" ? catalog.vendors : catalog.products).get(id) as Sourced | undefined;
    expect(record, id).toBeDefined();
    for (const s of record!.sources) {
      expect(s.title, `${id}: ${s.title}`).not.toMatch(/consulté en décembre 2026/);
      if (s.date) {
        const elsewhere = records().some(
          (r) => r.id !== id && r.sources.some((o) => o.url === s.url && o.date === s.date),
        );
        expect(elsewhere, `${id}: ${s.title} (${s.date}) is cited by another record with the same date`).toBe(true);
      } else {
        expect(s.title, `${id}: an undated source says it was not read`).toMatch(/non consultée ici/);
        expect(record!.notes ?? "", `${id}: the notes mark the fact as unconfirmed`).toMatch(/non confirmé/);
      }
    }
  });

  it("sources Kingsoft Office's listing by the company's own annual report summary, its owner still unverified", () => {
    // December 2026 review: its only sources were stock-quote pages (now blocked); the summary of its 2024 annual report
    // (Yicai Global) carries the listing, not the controlling shareholder.
    for (const record of [catalog.vendors.get("kingsoft-office"), catalog.products.get("wps-office")] as Sourced[]) {
      expect(record.sources.map((s) => s.url)).toContain("https://yicaiglobal.com/bulletin/253000000533636052");
      expect(record.sources.every((s) => !/non consultée ici/.test(s.title))).toBe(true);
      expect(record.notes).toContain("688111");
    }
    expect(catalog.vendors.get("kingsoft-office")!.notes).toMatch(/propriétaire de contrôle non vérifié/);
  });

  it("shows an owner no read source confirms as « non vérifié » (Doctor Web, Kingsoft Office)", () => {
    expect(catalog.vendors.get("doctor-web")).toMatchObject({ country: "RU", ownershipVerified: false });
    expect(catalog.vendors.get("kingsoft-office")).toMatchObject({ country: "CN", ownershipVerified: false });
  });
});
