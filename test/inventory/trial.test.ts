/**
 * What a new-user trial of the map found, against the real catalog (corpus/catalog): real inventory names of
 * Yandex Browser, Dr.Web and DJI Assistant recognised with their controlling country and laws; a communications
 * client offered communications alternatives, not network equipment; every match below the sure threshold listed
 * « à vérifier » alike in the items, the unknown and review lists and the CSV export; an owner no source confirms
 * said to be unverified rather than asserted.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { formatInventoryReport } from "../../server/cli/inventory.ts";
import { isEuropean } from "../../server/corpus/catalog.ts";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { encodeTable } from "../../server/inventory/compact.ts";
import { mapToCsv } from "../../server/inventory/export.ts";
import { loadMatchIndex, type MatchIndex, matchName, SURE_CONFIDENCE } from "../../server/inventory/match.ts";
import { parseInventoryFiles } from "../../server/inventory/parse.ts";
import type { InventoryItem } from "../../server/inventory/types.ts";
import { allInventories, inventoryRow, realNameRows, realNames } from "./fixtures.ts";

let index: MatchIndex;
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
});

const row = inventoryRow;
const one = (name: string, publisher: string | null) => analyzeRows([row(name, publisher)], index).items[0]!;
const csvOf = (items: InventoryItem[]) =>
  new TextDecoder("utf-8", { ignoreBOM: true })
    .decode(mapToCsv(encodeTable(items)))
    .trim()
    .split("\r\n");

describe("Yandex Browser, Dr.Web and DJI Assistant are known, from the names inventories give them", () => {
  const cases = [
    ["Yandex", null, "yandex-browser", "RU", "ru-sorm"],
    ["Yandex", "YANDEX LLC", "yandex-browser", "RU", "ru-sorm"],
    ["Yandex Browser 24.1", "YANDEX LLC", "yandex-browser", "RU", "ru-data-localisation"],
    ["Dr.Web Security Space 12", "Doctor Web", "dr-web", "RU", "ru-sorm"],
    ["Dr.Web Agent", "Doctor Web, Ltd.", "dr-web", "RU", "ru-sorm"],
    ["DJI Assistant 2 (Consumer Drones Series)", "DJI", "dji-assistant", "CN", "cn-national-intelligence-law"],
    ["DJI Assistant 2 (Consumer Drones Series)", null, "dji-assistant", "CN", "cn-national-intelligence-law"],
  ] as const;
  for (const [name, publisher, id, country, law] of cases) {
    it(`${name} (${publisher ?? "sans éditeur"}) → ${id}, controlled from ${country}`, () => {
      const item = one(name, publisher);
      expect(item.product?.id).toBe(id);
      expect(item.confidence).toBeGreaterThanOrEqual(SURE_CONFIDENCE);
      expect(item).toMatchObject({ extraEuropean: true, openSource: false, exposure: { controllingCountry: country } });
      expect(item.suggestion ?? null).toBeNull();
      expect(item.exposure.laws).toContain(law);
      // Each has a credible way out: European, or open source without an extra-European owner.
      expect(item.alternatives.length).toBeGreaterThan(0);
      expect(item.alternatives.some((a) => (a.country !== null && isEuropean(a.country)) || a.openSource)).toBe(true);
    });
  }

  it("offers European antivirus for Dr.Web, and a European or open drone tool for DJI", () => {
    expect(one("Dr.Web Agent", "Doctor Web, Ltd.").alternatives.map((a) => a.id)).toEqual(
      expect.arrayContaining(["eset-protect", "bitdefender-gravityzone", "g-data-endpoint"]),
    );
    expect(
      one("DJI Assistant 2", "DJI")
        .alternatives.map((a) => a.id)
        .sort(),
    ).toEqual(["parrot-anafi", "qgroundcontrol"]);
  });
});

describe("a communications client gets communications alternatives", () => {
  it("offers Visio, Jitsi, BigBlueButton or Tchap for Huawei eSpace — never network equipment", () => {
    for (const [name, publisher] of [
      ["Huawei eSpace", "Huawei Technologies Co., Ltd."],
      ["eSpace Desktop", "Huawei Technologies Co., Ltd."],
      ["Huawei eSpace Desktop 3.1", "Huawei"],
    ] as const) {
      const item = one(name, publisher);
      expect(item.product?.id, name).toBe("huawei-espace");
      expect(item.category, name).toBe("collaboration");
      const ids = item.alternatives.map((a) => a.id);
      expect(ids, name).toEqual(expect.arrayContaining(["visio-dinum", "jitsi-meet", "bigbluebutton", "tchap"]));
      for (const a of item.alternatives)
        expect(index.entries.get(a.id)?.category, `${name} → ${a.id}`).not.toBe("network");
    }
  });

  it("does not assert that any other « Huawei … » software is Huawei's network equipment", () => {
    // « Huawei (réseau d'entreprise) » stands for part of Huawei's range: a name that only starts with « Huawei »
    // is a suggestion to review, while the vendor (Chinese, exposed) stays known.
    const item = one("Huawei PC Manager", "Huawei Device Co., Ltd.");
    expect(item.product).toBeNull();
    expect(item.suggestion?.id).toBe("huawei-network");
    expect(item).toMatchObject({ extraEuropean: true, exposure: { controllingCountry: "CN" } });
    expect(item.alternatives).toEqual([]);
    // A device of the maker is what the equipment record stands for: asserted, with network alternatives.
    const device = analyzeRows([{ ...row("Huawei Campus Switch S5735", "Huawei"), kind: "hardware" }], index).items[0]!;
    expect(device.product?.id).toBe("huawei-network");
    expect(device.confidence).toBeGreaterThanOrEqual(SURE_CONFIDENCE);
    expect(device.alternatives.length).toBeGreaterThan(0);
  });
});

describe("every match below the sure threshold is « à vérifier », everywhere", () => {
  it("lists a known name found inside a longer one (confidence 0.75) for review instead of asserting it", () => {
    const m = matchName(index, "Pack Mozilla Firefox", null);
    expect(m).toMatchObject({ method: "contains", confidence: 0.75, review: true });
    const r = analyzeRows([row("Pack Mozilla Firefox", null, 30), row("Mozilla Firefox", "Mozilla", 10)], index);
    const item = r.items.find((i) => i.name === "Pack Mozilla Firefox")!;
    expect(item.product).toBeNull();
    expect(item.suggestion).toMatchObject({ id: "firefox", confidence: 0.75, method: "contains" });
    expect(item.reason).toContain("à vérifier");
    expect(r.review?.map((u) => u.name)).toEqual(["Pack Mozilla Firefox"]);
    expect(r.unknown.map((u) => u.name)).toContain("Pack Mozilla Firefox");
    const csv = csvOf(r.items);
    expect(csv[0]).toContain(";À vérifier;");
    expect(csv.find((l) => l.startsWith("Pack Mozilla Firefox;"))).toMatch(
      /à vérifier : proche de « Firefox[^»]*» \(confiance 0,75\)/,
    );
    expect(csv.find((l) => l.startsWith("Mozilla Firefox;"))).not.toContain("à vérifier");
    // The terminal report says it too.
    const report = formatInventoryReport({ id: "t", createdAt: "2026-12-04T00:00:00.000Z", files: [], ms: 1, ...r });
    expect(report).toMatch(
      /Pack Mozilla Firefox : 30 — inconnu — à vérifier : proche de « Firefox[^»]*» \(confiance 0,75\)/,
    );
  });

  it("asserts a publisher-confirmed one-word start (« VLC Portable » by VideoLAN) and the catalog's own brand aliases", () => {
    expect(one("VLC Portable", "VideoLAN")).toMatchObject({ product: { id: "vlc" }, confidence: SURE_CONFIDENCE });
    // « McAfee Agent » is listed under Trellix (ex-McAfee Enterprise) with the McAfee brand: no publisher mismatch.
    const mcafee = matchName(index, "McAfee Agent", "McAfee, LLC");
    expect(mcafee).toMatchObject({ publisherMismatch: false, review: false });
    expect(mcafee.entry?.id).toBe("trellix-endpoint-security");
  });

  it("keeps the map, the review list and the export consistent on every test inventory and real-name list", () => {
    const rows = [
      ...parseInventoryFiles(allInventories()).rows,
      ...realNameRows(realNames("expected.json")),
      ...realNameRows(realNames("holdout.json")),
    ];
    const r = analyzeRows(rows, index);
    const review = new Set((r.review ?? []).map((u) => u.name));
    const csv = new Map(
      csvOf(r.items)
        .slice(1)
        .map((l) => [l.split(";")[0]!.replace(/^"|"$/g, ""), l]),
    );
    let asserted = 0;
    for (const item of r.items) {
      if (item.product && item.match !== "manual") {
        asserted++;
        expect(item.confidence, item.name).toBeGreaterThanOrEqual(SURE_CONFIDENCE);
        expect(item.suggestion ?? null, item.name).toBeNull();
      }
      if (item.suggestion) {
        expect(item.product, item.name).toBeNull();
        expect(item.suggestion.confidence, item.name).toBeLessThan(SURE_CONFIDENCE);
        expect(review.has(item.name), item.name).toBe(true);
        expect(item.reason, item.name).toContain("à vérifier");
        expect(csv.get(item.name) ?? "", item.name).toContain("à vérifier : proche de");
      }
    }
    expect(asserted).toBeGreaterThan(100);
    for (const name of review) expect(r.items.find((i) => i.name === name)?.suggestion, name).toBeTruthy();
  });
});

describe("an owner no source confirms is said to be unverified", () => {
  it("says « propriétaire non vérifié » for Mitel, Unit4 and Ciril GROUP, in the item, its reason and the export", () => {
    const items = [
      one("Mitel MiCollab", "Mitel Networks Corporation"),
      one("Unit4 ERP", "Unit4"),
      one("Civil Net RH", "Ciril GROUP"),
    ];
    for (const item of items) {
      expect(item.vendor?.ownershipVerified, item.name).toBe(false);
      expect(item.reason, item.name).toContain("Propriétaire non vérifié");
    }
    const csv = csvOf(items);
    expect(csv.find((l) => l.startsWith("Mitel MiCollab;"))).toContain(";Mitel (propriétaire non vérifié);");
    expect(csv.find((l) => l.startsWith("Civil Net RH;"))).toContain(";Ciril GROUP (propriétaire non vérifié);");
    // A vendor whose owner is sourced asserts it, without the mention.
    const word = one("Microsoft Word 2019", "Microsoft Corporation");
    expect(word.vendor).not.toHaveProperty("ownershipVerified");
    expect(word.reason).not.toContain("non vérifié");
  });
});
