import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../server/cli/main.ts";
import { openSqliteRecords } from "../../server/store/sql-records.ts";
import { INVENTORIES, INVENTORY_CORPUS } from "./fixtures.ts";

const run = promisify(execFile);
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "cap-libre-inventory-cli-"));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

const env = () => ({
  ...process.env,
  CORPUS_DIR: INVENTORY_CORPUS,
  DATA_DIR: dataDir,
  OLLAMA_BASE_URL: "http://127.0.0.1:9",
});
/** A real process: its exit code and its streams. */
const cli = (...args: string[]) => run(process.execPath, ["server/cli/main.ts", ...args], { env: env() });
/**
 * The same command in-process through `runCli`, the function the entry point calls (a node process costs a third of
 * a second of CPU, seconds on a loaded machine): what it prints, its report and the exit code it returns.
 */
const cliInProcess = async (...args: string[]) => {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    env: env(),
    out: (text) => (stdout += text),
    term: { line: (text) => (stderr += `${text}\n`), progress: () => {} },
  });
  return { code, stdout, stderr };
};

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
    expect(stdout).toMatch(/Catégorie\s+Logiciels\s+Installations\s+Extra-européen\s+Libre\s+Principaux risques/);
    expect(stdout).toMatch(/Poste de travail\s+\d+\s+[\d\u202f ]+\s+\d+\s%/);
    expect(stdout).toContain("Exposition pondérée :");
    expect(stdout).toContain("Gains rapides");
    expect(stdout).toContain("À classer à la main");
    // The headline's « à classer » is the list below, one number (trial 2026-12-05: « 100 % identifiés » beside « 1 à classer »).
    const headline = stdout.match(
      /Identifiés : (\d+)\s% des installations \(\d+ produits?\) ; à classer : (\d+) logiciels?/,
    );
    expect(headline).not.toBeNull();
    expect(stdout).toContain(`À classer à la main (${headline![2]}) :`);
    expect(Number(headline![1])).toBeLessThan(100);
    expect(stderr).toMatch(/Analyse enregistrée : \S+/);
    // Saved in the same database as the server's (SQLite in DATA_DIR by default).
    const db = await openSqliteRecords(path.join(dataDir, "cap-libre.sqlite"));
    expect(await db.store("analyses").list()).toHaveLength(1);
    await db.close();
  });

  it("writes the JSON document with --json", async () => {
    const { code, stdout } = await cliInProcess(
      "inventory",
      path.join(INVENTORIES, "ocs-tous-les-logiciels.csv"),
      "--json",
    );
    expect(code).toBe(0);
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
    expect(await cliInProcess("inventory", "absent.csv")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("Impossible de lire le fichier « absent.csv » (ENOENT)"),
    });
    expect(await cliInProcess("inventory", "package-lock.json")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("n'est pas un inventaire reconnu"),
    });
  });
});
