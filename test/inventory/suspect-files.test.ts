/**
 * trial11 B1: a file that is not a software list (a purchase list: « Produit;Quantité;Prix ») and counts that cannot
 * be read (« -5 », « beaucoup ») are said, not passed over: the counts' lines are named (each counted as one
 * installation, as before), and a map where nothing at all is known says the file may not be an inventory.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatInventoryReport } from "../../server/cli/inventory.ts";
import { loadConfig } from "../../server/config.ts";
import { parseInventoryFile } from "../../server/inventory/parse.ts";
import { analyzeInventory, type InventoryContext } from "../../server/inventory/service.ts";
import { openSqliteRecords } from "../../server/store/sql-records.ts";
import { INVENTORY_CORPUS } from "./fixtures.ts";

const file = (name: string, text: string) => ({ name, bytes: Buffer.from(text) });
const GLPI_HEADER = '"Nom";"Entité";"Éditeur";"Versions - Nom";"Nombre d\'installations";\n';

describe("files that are not what they seem", () => {
  let dataDir: string;
  let db: Awaited<ReturnType<typeof openSqliteRecords>>;
  let ctx: InventoryContext;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "cap-libre-suspect-"));
    db = await openSqliteRecords(path.join(dataDir, "cap-libre.sqlite"));
    ctx = { config: loadConfig({ CORPUS_DIR: INVENTORY_CORPUS, DATA_DIR: dataDir }), records: (c) => db.store(c) };
  });
  afterAll(async () => {
    await db?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("names the lines whose count cannot be read, each still counted once", () => {
    const { file: f, rows } = parseInventoryFile(
      file(
        "comptes.csv",
        `${GLPI_HEADER}"Mozilla Firefox";"Mairie";"Mozilla";"128";"-5";\n"Google Chrome";"Mairie";"Google LLC";"120";"beaucoup";\n"VLC media player";"Mairie";"VideoLAN";"3.0";"1 204";\n"Notepad++";"Mairie";"Don Ho";"8";"";\n`,
      ),
    );
    expect(rows.map((r) => r.installations)).toEqual([1, 1, 1204, 1]);
    expect(f.unreadableCounts).toEqual([
      { line: 2, value: "-5" },
      { line: 3, value: "beaucoup" },
    ]);
  });

  it("says in the CLI report that a file where nothing is known may not be an inventory", async () => {
    const purchases = await analyzeInventory(
      ctx,
      [file("achats.csv", "Produit,Quantité,Prix\nOrdinateur portable,12,899\nÉcran,20,150\n")],
      { save: false },
    );
    expect(purchases.summary.products).toBe(0);
    expect(formatInventoryReport(purchases)).toContain("Aucun logiciel de ce fichier n'a été reconnu au catalogue");
    const real = await analyzeInventory(
      ctx,
      [file("glpi.csv", `${GLPI_HEADER}"Mozilla Firefox";"Mairie";"Mozilla";"128";"beaucoup";\n`)],
      { save: false },
    );
    const report = formatInventoryReport(real);
    expect(report).not.toContain("Aucun logiciel de ce fichier");
    expect(report).toContain(
      "glpi.csv : nombre d'installations illisible, compté pour une installation : ligne 2 (« beaucoup »).",
    );
  });
});
