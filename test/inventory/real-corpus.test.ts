/**
 * The test inventories against the real catalog (corpus/catalog), whatever it holds today: prints the share
 * classified and the share correct on the hand-checked list. Tolerant on purpose — the catalog grows — but a
 * wrong extra-European status is an error a DSI would act on, so those must stay rare.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { loadMatchIndex } from "../../server/inventory/match.ts";
import { parseInventoryFiles } from "../../server/inventory/parse.ts";
import { allInventories, evaluate, percent } from "./fixtures.ts";

describe("classification with the real catalog", () => {
  it("classifies most of the hand-checked names, with few wrong statuses", async () => {
    const index = await loadMatchIndex(path.resolve("corpus"));
    if (index.counts.products + index.counts.alternatives === 0) {
      console.log("Catalogue réel vide : rien à mesurer.");
      return;
    }
    const result = analyzeRows(parseInventoryFiles(allInventories()).rows, index);
    const e = evaluate(result.items);
    console.log(
      [
        `Catalogue réel : ${index.counts.vendors} éditeurs, ${index.counts.products} produits, ${index.counts.alternatives} alternatives.`,
        `Noms vérifiés à la main : ${e.total} applications et matériels identifiables, ${e.unknownKept[1]} logiciels maison, ${e.components[1]} composants.`,
        `Classés : ${e.classified}/${e.total} (${percent(e.classified, e.total)}) ; statut extra-européen juste : ${percent(e.provenanceCorrect, e.total)} ; tout juste (statut, libre, catégorie) : ${percent(e.correct, e.total)}.`,
        `Statut faux : ${e.wrong.length ? e.wrong.join(" ; ") : "aucun"}. Non classés : ${e.missed.join(" ; ") || "aucun"}.`,
        `Logiciels maison restés inconnus : ${e.unknownKept[0]}/${e.unknownKept[1]} ; composants reconnus : ${e.components[0]}/${e.components[1]}.`,
      ].join("\n"),
    );
    expect(e.absent).toEqual([]);
    expect(e.wrong.length).toBeLessThanOrEqual(Math.ceil(e.total * 0.1));
    expect(e.unknownKept[0]).toBe(e.unknownKept[1]);
  });
});
