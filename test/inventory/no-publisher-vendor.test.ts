/**
 * An export without a publisher column (OCS « Nombre;Logiciel »): « Kaspersky Free » and « Cegid Paie » were « Ni ce
 * nom ni un éditeur connu ne figurent au catalogue » (trial21 T-M9), a Russian antivirus left out of the measure,
 * though both names open on a vendor of the catalog. The vendor the name opens on is recognised (its installations
 * count as its), its product to confirm; a name opening on no vendor stays unknown. Real catalog.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { loadMatchIndex, type MatchIndex } from "../../server/inventory/match.ts";
import { inventoryRow } from "./fixtures.ts";

let index: MatchIndex;
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
});

describe("a name without a publisher that opens on a catalog vendor (trial21 T-M9)", () => {
  it("is that vendor's, its product a suggestion to confirm, and an unknown name stays unknown", () => {
    const r = analyzeRows(
      [
        inventoryRow("Kaspersky Free", null, 3),
        inventoryRow("Cegid Paie", null, 12),
        inventoryRow("Zorbex Compta", null, 4),
      ],
      index,
      { now: "2026-12-07" },
    );
    const item = (name: string) => r.items.find((i) => i.name === name)!;
    expect(item("Kaspersky Free").vendor?.name).toBe("Kaspersky");
    expect(item("Kaspersky Free").extraEuropean).toBe(true);
    expect(item("Kaspersky Free").suggestion?.id).toBe("kaspersky-endpoint-security");
    expect(item("Kaspersky Free").reason).not.toContain("Ni ce nom ni un éditeur connu");
    expect(item("Cegid Paie").vendor?.name).toBe("Cegid");
    expect(item("Cegid Paie").reason).toContain("éditeur reconnu (Cegid)");
    expect(item("Zorbex Compta").vendor).toBeNull();
    expect(item("Zorbex Compta").reason).toContain("Ni ce nom ni un éditeur connu");
  });
});
