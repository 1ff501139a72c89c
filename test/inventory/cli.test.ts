import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqliteRecords } from "../../server/store/sql-records.ts";
import { INVENTORIES, INVENTORY_CORPUS } from "./fixtures.ts";

const run = promisify(execFile);
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "cap-libre-inventory-cli-"));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

const cli = (...args: string[]) =>
  run(process.execPath, ["server/cli/main.ts", ...args], {
    env: { ...process.env, CORPUS_DIR: INVENTORY_CORPUS, DATA_DIR: dataDir, OLLAMA_BASE_URL: "http://127.0.0.1:9" },
  });

describe("npm run cli -- inventory", () => {
  it("prints the map as a table and saves the analysis", async () => {
    const { stdout, stderr } = await cli(
      "inventory",
      path.join(INVENTORIES, "glpi10-mairie.csv"),
      path.join(INVENTORIES, "materiel-reseau.csv"),
    );
    expect(stdout).toContain(
      "Cartographie des dépendances — glpi10-mairie.csv (export CSV GLPI 10), materiel-reseau.csv (CSV)",
    );
    expect(stdout).toMatch(/Catégorie\s+Produits\s+Installations\s+Extra-européen\s+Libre\s+Principaux risques/);
    expect(stdout).toMatch(/Poste de travail\s+\d+\s+[\d\u202f ]+\s+\d+\s%/);
    expect(stdout).toContain("Exposition pondérée :");
    expect(stdout).toContain("Gains rapides");
    expect(stdout).toContain("À classer à la main");
    expect(stderr).toMatch(/Analyse enregistrée : \S+/);
    // Saved in the same database as the server's (SQLite in DATA_DIR by default).
    const db = await openSqliteRecords(path.join(dataDir, "cap-libre.sqlite"));
    expect(await db.store("analyses").list()).toHaveLength(1);
    await db.close();
  });

  it("writes the JSON document with --json", async () => {
    const { stdout } = await cli("inventory", path.join(INVENTORIES, "ocs-tous-les-logiciels.csv"), "--json");
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(["id", "items", "summary", "unknown", "files"]));
    expect(doc.items.find((i: any) => i.name === "LibreOffice 24.2.1.2")).toMatchObject({
      openSource: true,
      extraEuropean: false,
      product: { id: "libreoffice" },
    });
  });

  it("explains its usage, and a missing or invalid file, in French", async () => {
    await expect(cli("inventory")).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining("Usage : npm run cli -- inventory"),
    });
    await expect(cli("inventory", "absent.csv")).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining("Impossible de lire le fichier « absent.csv » (ENOENT)"),
    });
    await expect(cli("inventory", "package-lock.json")).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining("n'est pas un inventaire reconnu"),
    });
  });
});
