/**
 * The roadmap example's attached analysis is the one its GLPI export gives with the current catalog
 * (`make-examples.ts` makes it again from `inventoryFile`): every item names a card that still exists, with that
 * card's name, and every row of the export is an item. A catalog change that renames or splits a card fails here
 * until the examples are made again (the example once kept an older catalog's « microsoft-windows » id and showed
 * no end of support for Windows 10).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../server/corpus/catalog.ts";

const INPUTS = path.resolve(import.meta.dirname, "../../docs/examples/inputs");

describe("the roadmap example's inventory", () => {
  it("is analysed with the current catalog", async () => {
    const request = JSON.parse(await readFile(path.join(INPUTS, "feuille-de-route-kervallon.json"), "utf8"));
    expect(request.inventoryFile).toBe("inventaire-kervallon.csv");
    const catalog = await loadCatalog(path.resolve("corpus"), []);
    const items = request.inputs.analysis.items as { name: string; product?: { id: string; name: string } | null }[];
    const products = items.filter((item) => item.product);
    expect(products.length).toBeGreaterThanOrEqual(12);
    for (const { name, product } of products) {
      expect(typeof product, name).toBe("object");
      const card = catalog.products.get(product!.id) ?? catalog.alternatives.get(product!.id);
      expect(card?.name, name).toBe(product!.name);
    }
    const csv = await readFile(path.join(INPUTS, request.inventoryFile), "utf8");
    const rows = csv
      .split("\n")
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split(";")[0]!.replace(/"/g, ""));
    expect(items.map((item) => item.name).sort()).toEqual(rows.sort());
  });
});
