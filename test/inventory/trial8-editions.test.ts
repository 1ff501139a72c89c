/**
 * Trial 8, B4 (5 December 2026), against the real catalog: a name made of a vendor's name and words that only name an
 * edition or an offer (« Kaspersky Free », « Kaspersky Security Cloud Free ») is that vendor's product when the catalog
 * has one product of that vendor — matched, sure, with the edition said in the reason — instead of « à classer » with
 * only « éditeur reconnu ». Tested on ESET and Bitdefender, not on the trial's Kaspersky; a vendor with several
 * products, a word that names another kind of software, or the vendor's bare name stay unmatched.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { loadMatchIndex, type MatchIndex, matchName } from "../../server/inventory/match.ts";
import { inventoryRow } from "./fixtures.ts";

let index: MatchIndex;
const NOW = "2026-12-05T08:00:00Z";
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
});
const line = (name: string, publisher: string) =>
  analyzeRows([inventoryRow(name, publisher, 4)], index, { now: NOW }).items[0]!;

describe("an edition or a free version of a vendor's one product (B4)", () => {
  it("matches the consumer and free editions of a security vendor's product, the edition kept in the reason", () => {
    // Trial 13, B1: ESET's and Bitdefender's products are also the catalog's alternatives, so their consumer editions
    // are only suggestions (trial13-map.test.ts); the rule is tested here on a product to replace, Kaspersky's.
    const cloud = line("Kaspersky Security Cloud Free", "AO Kaspersky Lab");
    expect(cloud).toMatchObject({ product: { id: "kaspersky-endpoint-security" }, match: "edition" });
    expect(cloud.confidence).toBeGreaterThanOrEqual(0.8);
    expect(cloud.reason).toContain("« Security Cloud Free »");
    const eset = line("ESET Internet Security", "ESET, spol. s r.o.");
    expect(eset).toMatchObject({ product: null, suggestion: { id: "eset-endpoint" } });
    expect(eset.reason).toContain("« Internet Security »");
    const free = line("Bitdefender Internet Security Free", "Bitdefender");
    expect(free).toMatchObject({ product: null, suggestion: { id: "bitdefender-gravityzone" } });
    expect(free.reason).toContain("« Internet Security Free »");
  });

  it("keeps the edition's line apart from the product's own line", () => {
    const r = analyzeRows(
      [
        inventoryRow("Kaspersky Endpoint Security", "AO Kaspersky Lab", 40),
        inventoryRow("Kaspersky Security Cloud Free", "AO Kaspersky Lab", 3),
      ],
      index,
      { now: NOW },
    );
    expect(r.items.map((i) => [i.name, i.product?.id])).toEqual([
      ["Kaspersky Endpoint Security", "kaspersky-endpoint-security"],
      ["Kaspersky Security Cloud Free", "kaspersky-endpoint-security"],
    ]);
  });

  it("leaves unmatched a vendor with several products, another kind of software and the vendor's bare name", () => {
    // Sophos has an endpoint protection and a firewall: « Home Free » does not say which.
    expect(matchName(index, "Sophos Home Free", "Sophos Limited")).toMatchObject({ entry: null, method: "vendor" });
    // A password manager is not the antivirus.
    expect(matchName(index, "ESET Password Manager", "ESET, spol. s r.o.").entry).toBeNull();
    expect(matchName(index, "ESET", "ESET, spol. s r.o.").entry).toBeNull();
    // « Cloud » names an offer of a security product only: Foxit's cloud service is not its PDF reader.
    expect(matchName(index, "Foxit Cloud", "Foxit Software Inc.").entry).toBeNull();
    // Without a publisher that names the vendor, nothing is asserted: the vendor's one product is only a suggestion
    // to review (trial21 T-M9).
    const bare = matchName(index, "ESET Internet Security", null);
    if (bare.entry?.id === "eset-endpoint") expect(bare.review).toBe(true);
  });
});

describe("Microsoft Defender for Endpoint has its own card", () => {
  it("keeps the paid EDR on the map with EDR alternatives, while the built-in antivirus goes with Windows", () => {
    const r = analyzeRows(
      [
        inventoryRow("Microsoft Windows 11 Professionnel", "Microsoft Corporation", 60),
        inventoryRow("Microsoft Defender Antivirus", "Microsoft Corporation", 60),
        inventoryRow("Microsoft Defender for Endpoint", "Microsoft Corporation", 60),
      ],
      index,
      { now: NOW },
    );
    const edr = r.items.find((i) => i.name === "Microsoft Defender for Endpoint")!;
    expect(edr).toMatchObject({ product: { id: "microsoft-defender-endpoint" }, component: false });
    expect(edr.alternatives.map((a) => a.id)).toEqual(expect.arrayContaining(["harfanglab", "eset-protect"]));
    expect(r.items.find((i) => i.name === "Microsoft Defender Antivirus")).toMatchObject({ component: true });
  });
});
