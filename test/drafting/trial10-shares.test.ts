/**
 * Trial 10 (6 December 2026), B5: the audit plan wrote « 2 054 d'entre elles, soit 79 % » of 2 675 installations
 * (2 054 / 2 675 = 77 %): the percentage was the share of the installations whose origin is known, as the roadmap
 * said. One function writes that share for every document (letter, briefing note, audit plan, roadmap): the same
 * figure, and what it is a share of. Tested on an inventory of other products, with and without unknown origins.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildContext } from "../../server/drafting/context.ts";
import { knownShareText } from "../../server/drafting/documents/common.ts";
import { parseInputs } from "../../server/drafting/inputs.ts";
import { loadStructure } from "../../server/drafting/structure.ts";
import type { DraftType } from "../../server/drafting/types.ts";
import { loadMatchIndex, type MatchIndex } from "../../server/inventory/match.ts";
import { analysedRows, inventoryRow } from "../inventory/fixtures.ts";

let index: MatchIndex;
const NOW = "2026-12-05T08:00:00.000Z";
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
});
// 300 exposed, 100 European (LibreOffice), 100 of unknown origin: 300 / 400 known = 75 %, not 300 / 500 = 60 %.
const rows = (unknown: boolean) => [
  inventoryRow("Microsoft Windows 11 Professionnel", "Microsoft Corporation", 200),
  inventoryRow("Google Chrome", "Google LLC", 100),
  inventoryRow("LibreOffice 24.8", "The Document Foundation", 100),
  ...(unknown ? [inventoryRow("Gestion Cimetière Maison", "", 100)] : []),
];
const inputs: Record<string, object> = {
  letter: {
    collectivite: { name: "Commune de Saint-Avé" },
    recipient: { name: "Marie Le Gall", role: "maire", civility: "Madame" },
    sender: { name: "Morbihan Libre" },
  },
  briefing: { collectivite: { name: "Commune de Saint-Avé" }, question: "Où en sont nos dépendances numériques ?" },
  "audit-plan": { collectivite: { name: "Commune de Saint-Avé" } },
  roadmap: { collectivite: { name: "Commune de Saint-Avé" }, targetDate: "2029-12" },
};
const texts = (unknown: boolean) =>
  Object.entries(inputs).map(([type, extra]) => {
    const ctx = buildContext(
      type as DraftType,
      parseInputs(type as DraftType, { ...extra, analysisId: "t" }),
      analysedRows(rows(unknown), index, NOW),
      loadStructure(type as DraftType),
      NOW,
    );
    return [type, Object.values(ctx.vars).join("\n")] as const;
  });

describe("the share of extra-European installations (B5)", () => {
  it("is the same figure in every document, said of the installations whose origin is known", () => {
    for (const [type, text] of texts(true)) {
      expect(text, type).toMatch(
        /300 (?:d'entre elles|des 500 installations)[^.;]*soit 75\s% de celles dont l'origine est connue/,
      );
      expect(text, type).not.toMatch(/soit 75\s%,/);
      expect(text, type).not.toMatch(/soit 60\s%/);
    }
  });

  it("needs no qualifier when every origin is known", () => {
    for (const [type, text] of texts(false)) {
      expect(text, type).toMatch(/soit 75\s%/);
      expect(text, type).not.toMatch(/dont l'origine est connue/);
    }
    expect(knownShareText({ exposed: 3, known: 4, installations: 5 })).toMatch(
      /^75\s% de celles dont l'origine est connue$/,
    );
    expect(knownShareText({ exposed: 3, known: 4, installations: 4 })).toMatch(/^75\s%$/);
    expect(knownShareText({ exposed: 0, known: 0, installations: 5 })).toBe("—");
  });
});
