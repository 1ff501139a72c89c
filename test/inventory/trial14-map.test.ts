/**
 * Trial 14 (6 December 2026, DSI of a département), against the real catalog.
 * - B1: a publisher one typing slip from a catalogue vendor (« Microsft Corporation ») is that vendor: « Microsft Visio
 *   Professional 2019 » is Microsoft Visio, never DINUM's Visio (French, free) counted as a European tool in place.
 *   Tested on other vendors than the trial's too (Gogle, Adobee, Oracel).
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { loadMatchIndex, type MatchIndex, matchName, vendorForPublisher } from "../../server/inventory/match.ts";
import { vendorSlip } from "../../server/inventory/typo.ts";
import { inventoryRow } from "./fixtures.ts";

let index: MatchIndex;
const NOW = "2026-12-06T08:00:00Z";
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
});

describe("a publisher one typing slip from a catalogue vendor (B1)", () => {
  it("reads the publisher as that vendor and matches its product, not another vendor's of the same name", () => {
    for (const [name, publisher, id, vendor] of [
      ["Microsft Visio Professional 2019", "Microsft Corporation", "microsoft-visio", "microsoft"],
      ["Visio Professional 2019", "Microsft Corporation", "microsoft-visio", "microsoft"],
      ["Teams", "Micrsoft Corporation", "microsoft-teams", "microsoft"],
      ["Gogle Chrome", "Gogle LLC", "google-chrome", "google"],
      ["Acrobat Reader DC", "Adobee Systems Incorporated", "adobe-acrobat-reader", "adobe"],
      ["Oracel VirtualBox", "Oracel Corporation", "virtualbox", "oracle"],
    ] as const) {
      const r = matchName(index, name, publisher);
      expect(r.entry?.id, name).toBe(id);
      expect(r.vendor?.id, name).toBe(vendor);
      expect(r.review, name).toBe(false);
    }
  });

  it("never counts Microsoft Visio typed with a slip as a European tool in place", () => {
    const analysis = analyzeRows(
      [
        inventoryRow("Microsoft Teams", "Microsoft Corporation", 300),
        inventoryRow("Microsft Visio Professional 2019", "Microsft Corporation", 40),
      ],
      index,
      { now: NOW },
    );
    const visio = analysis.items.find((i) => i.name.includes("Visio"))!;
    expect(visio.product?.id).toBe("microsoft-visio");
    expect(visio.extraEuropean).toBe(true);
    expect(visio.openSource).toBe(false);
    const teams = analysis.items.find((i) => i.product?.id === "microsoft-teams")!;
    expect(teams.alternatives.find((a) => a.id === "visio-dinum")?.inPlace ?? 0).toBe(0);
    expect(analysis.summary.extraEuropean.installations).toBe(340);
  });

  it("keeps the slip narrow: not the first letter, not a short word, not two vendors", () => {
    expect(vendorSlip("microsft", "microsoft")).toBe(true);
    expect(vendorSlip("oracel", "oracle")).toBe(true);
    expect(vendorSlip("adobee", "adobe")).toBe(true);
    expect(vendorSlip("adobi", "adobe")).toBe(false); // last letter changed: maybe another name
    expect(vendorSlip("nicrosoft", "microsoft")).toBe(false); // first letter
    expect(vendorSlip("avst", "avast")).toBe(false); // too short
    expect(vendorSlip("microsoft", "microsoft")).toBe(false);
    // A publisher the catalogue does not know, and far from every vendor, stays unknown.
    expect(vendorForPublisher(index, "Mairie de Nîmes")).toBeNull();
    expect(vendorForPublisher(index, "Microsft Corporation")?.id).toBe("microsoft");
  });
});
