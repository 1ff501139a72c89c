/**
 * The inventory worker: a job runs off the main thread and its result comes back; too many waiting jobs get a
 * French 503 at once; a worker out of memory gives a French 413.
 */
import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "../../server/core/errors.ts";
import type { AnalysisOutput } from "../../server/inventory/job.ts";
import { InventoryWorkerPool } from "../../server/inventory/pool.ts";
import { INVENTORY_CORPUS, readInventory } from "./fixtures.ts";

const job = (text = "Nom;Éditeur\nGoogle Chrome;Google LLC\nLibreOffice;The Document Foundation\n") => ({
  kind: "analyze" as const,
  job: {
    files: [{ name: "x.csv", bytes: new TextEncoder().encode(text) }],
    corpusDir: INVENTORY_CORPUS,
    classifications: [],
    firstPage: 10,
  },
});

let pool: InventoryWorkerPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe("inventory worker pool", () => {
  it("analyses in the worker and hands back the summary, the first page and the compact blob", async () => {
    pool = new InventoryWorkerPool({ maxQueue: 4, maxMemoryMb: 512 });
    const out = await pool.run<AnalysisOutput>(job(), 60_000);
    expect(out.firstItems.map((i) => i.name).sort()).toEqual(["Google Chrome", "LibreOffice"]);
    expect(out.counts).toEqual({ items: 2, unknown: expect.any(Number) });
    expect(out.blob).toBeInstanceOf(Uint8Array);
    expect(out.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    // A French AppError from the worker stays one.
    const err = await pool.run(job("<html></html>"), 60_000).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ status: 400, code: "not_an_inventory" });
  });

  it("refuses a job at once when too many wait, with a French 503", async () => {
    pool = new InventoryWorkerPool({ maxQueue: 1, maxMemoryMb: 512 });
    const running = pool.run(job(), 60_000);
    const waiting = pool.run(job(), 60_000);
    const refused = await pool.run(job(), 60_000).catch((e) => e);
    expect(refused).toMatchObject({
      status: 503,
      code: "analysis_busy",
      message: expect.stringContaining("réessayez"),
    });
    await Promise.all([running, waiting]);
  });

  it("turns a worker out of memory into a French 413", async () => {
    pool = new InventoryWorkerPool({ maxQueue: 4, maxMemoryMb: 4 });
    const big = readInventory("glpi10-mairie.csv");
    const err = await pool
      .run(
        { kind: "analyze", job: { files: [big], corpusDir: INVENTORY_CORPUS, classifications: [], firstPage: 10 } },
        60_000,
      )
      .catch((e) => e);
    expect(err).toMatchObject({
      status: 413,
      code: "inventory_too_large",
      message: expect.stringContaining("plus de mémoire"),
    });
  });
});
