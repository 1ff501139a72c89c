/**
 * Trial 13 (6 December 2026), B1 and B2, against the real catalog. Tested on other products than the trial's
 * (Bitdefender Total Security, Debian GNU/Linux 12, Linux Mint published as « Debian »).
 * - B1: a consumer (home) edition of a vendor is not the vendor's product for organisations that the catalog proposes
 *   as an alternative: « G DATA Total Security » is not G DATA Endpoint Protection. At most « à vérifier », never
 *   counted as the alternative « déjà en place ». A consumer edition of a product to replace (« Kaspersky Free ») is
 *   still that vendor's dependency, counted with its product.
 * - B2: a distribution's usual long name (« … GNU/Linux », « … Linux 24.04 ») is the catalog's distribution; a line
 *   whose publisher field names a catalog product that the name is not (a distribution's team as « publisher ») is
 *   never said to have a publisher « absent from the catalogue ».
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { loadMatchIndex, type MatchIndex, matchName } from "../../server/inventory/match.ts";
import { inventoryRow } from "./fixtures.ts";

let index: MatchIndex;
const NOW = "2026-12-06T08:00:00Z";
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
});
const line = (name: string, publisher: string | null, n = 4) =>
  analyzeRows([inventoryRow(name, publisher, n)], index, { now: NOW }).items[0]!;

describe("a consumer edition is not the vendor's product for organisations (B1)", () => {
  it("gives a home edition of an alternative's vendor as « à vérifier », never as that product", () => {
    for (const [name, publisher, id] of [
      ["G DATA Total Security", "G DATA CyberDefense AG", "g-data-endpoint"],
      ["ESET Internet Security", "ESET, spol. s r.o.", "eset-endpoint"],
      ["ESET Smart Security Premium 17", "ESET, spol. s r.o.", "eset-endpoint"],
    ] as const) {
      const item = line(name, publisher);
      expect(item.product, name).toBeNull();
      expect(item.suggestion?.id, name).toBe(id);
      expect(item.reason, name).toMatch(/édition grand public/);
      expect(item.reason, name).toMatch(/à vérifier/);
      expect(matchName(index, name, publisher).review, name).toBe(true);
    }
  });

  it("does not count a home edition as the alternative already in place", () => {
    const kaspersky = (other: string) =>
      analyzeRows(
        [
          inventoryRow("Kaspersky Endpoint Security for Windows", "AO Kaspersky Lab", 200),
          inventoryRow(other, "G DATA CyberDefense AG", 15),
        ],
        index,
        { now: NOW },
      ).items.find((i) => i.product?.id === "kaspersky-endpoint-security")!;
    const gdata = (name: string) => kaspersky(name).alternatives.find((a) => a.id === "g-data-endpoint")!;
    expect(gdata("G DATA Total Security").inPlace ?? 0).toBe(0);
    // The organisations' product itself is in place: the rule is about the edition, not the vendor.
    expect(gdata("G DATA Endpoint Protection").inPlace).toBe(15);
  });

  it("keeps the enterprise names sure and a consumer edition of a product to replace counted with it", () => {
    expect(line("G DATA Security Client", "G DATA CyberDefense AG").product?.id).toBe("g-data-endpoint");
    expect(line("ESET Endpoint Antivirus", "ESET, spol. s r.o.").product?.id).toBe("eset-endpoint");
    // A product to replace, not an alternative: its consumer edition is the same vendor's dependency.
    expect(line("Kaspersky Free", "AO Kaspersky Lab").product?.id).toBe("kaspersky-endpoint-security");
    expect(line("Kaspersky Total Security", "AO Kaspersky Lab").product?.id).toBe("kaspersky-endpoint-security");
  });
});

describe("distributions and a publisher field that names a catalog product (B2)", () => {
  it("recognises a distribution under its usual long name, sure", () => {
    for (const [name, publisher] of [
      ["Ubuntu 22.04.4 LTS (GNU/Linux 5.15.0-91-generic x86_64)", null],
      ["Ubuntu GNU/Linux 24.04", "Canonical"],
      ["PrimTux GNU/Linux 8", null],
    ] as const) {
      const r = matchName(index, name, publisher);
      expect(r.entry?.id, name).toBe(name.startsWith("PrimTux") ? "primtux" : "linux-ubuntu");
      expect(r.review, name).toBe(false);
    }
  });

  it("does not say a publisher is absent from the catalogue when it names a catalog product", () => {
    for (const [name, publisher, product] of [
      ["Zorin OS 17.1 Core", "Ubuntu", "Ubuntu"],
      ["Pop!_OS 22.04", "Ubuntu Developers", "Ubuntu"],
    ] as const) {
      const item = line(name, publisher);
      expect(item.product, name).toBeNull();
      expect(item.reason, name).not.toMatch(/ne figurent au catalogue/);
      expect(item.reason, name).toContain(`« ${product} »`);
      expect(item.reason, name).toMatch(/à classer à la main/);
    }
    // A publisher the catalogue does not know is still said so, even when its first word is a product's name: only a
    // distribution's team stands for its distribution.
    expect(line("Acme Widget Studio", "Acme Widgets Ltd").reason).toMatch(/ne figurent au catalogue/);
    expect(line("Photo Retouche Studio", "Gimp Works Ltd").reason).toMatch(/ne figurent au catalogue/);
  });
});
