import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../server/cli/main.ts";
import { FIXTURE_CORPUS, NO_OLLAMA } from "../helpers/server.ts";

const run = promisify(execFile);

/**
 * The first test is a real process (its exit code, its report on stderr, the file it writes); the others run the same
 * command in-process through `runCli`, the function the entry point calls: a node process loads the server's modules
 * and indexes the fixture corpus, about a second of CPU each, half a minute for six on a machine loaded to 25.
 */
describe("npm run cli -- draft", { timeout: 120_000 }, () => {
  let dir: string;
  const env = () => ({
    ...process.env,
    CORPUS_DIR: FIXTURE_CORPUS,
    DATA_DIR: path.join(dir, "data"),
    OLLAMA_BASE_URL: NO_OLLAMA,
  });
  const spawnCli = async (args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, ["server/cli/main.ts", ...args], { env: env() });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
  const cli = async (args: string[]) => {
    let stdout = "";
    let stderr = "";
    const code = await runCli(args, {
      env: env(),
      out: (text) => (stdout += text),
      term: { line: (text) => (stderr += `${text}\n`), progress: () => {} },
    });
    return { code, stdout, stderr };
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "cap-libre-draft-cli-"));
    const analysis = JSON.parse(await readFile("test/fixtures/drafting/analysis.json", "utf8"));
    const letter = JSON.parse(await readFile("test/fixtures/drafting/letter.json", "utf8"));
    await writeFile(
      path.join(dir, "roadmap.json"),
      JSON.stringify({ collectivite: letter.collectivite, analysis, targetShare: 40, targetDate: "2028-12" }),
    );
    await writeFile(path.join(dir, "bad.json"), JSON.stringify({ collectivite: { name: "X" } }));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("a real process: writes a roadmap from an inline analysis to an ODT file", async () => {
    const out = path.join(dir, "exports", "feuille.odt");
    const { code, stderr } = await spawnCli([
      "draft",
      "roadmap",
      "--input",
      path.join(dir, "roadmap.json"),
      "--out",
      out,
    ]);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain("— Objectif");
    expect(stderr).toMatch(/Brouillon enregistré : \d{4}-\d{2}-\d{2}-\w+ \(template\)/);
    expect(stderr).toContain(`Document écrit : ${out}`);
    const content = strFromU8(unzipSync(new Uint8Array(await readFile(out)))["content.xml"]!);
    expect(content).toContain("Communauté de test");
    expect(content).toContain("de 76\u00a0% à 40\u00a0% d'ici décembre 2028");
  });

  it("prints Markdown without --out", async () => {
    const { code, stdout } = await cli(["draft", "roadmap", "--input", path.join(dir, "roadmap.json")]);
    expect(code).toBe(0);
    expect(stdout).toContain("# Feuille de route de réduction des dépendances numériques");
    expect(stdout).toContain(
      "| Zoom Workplace | Zoom (États-Unis) | 40 | — | Visio (FR) — remplacement direct | Gains rapides |",
    );
  });

  it.each([
    [["draft", "poem", "--input", "x.json"], 2, "Usage : npm run cli -- draft"],
    [
      ["draft", "roadmap", "--input", "BAD"],
      2,
      "inputs.analysisId (analyse d'inventaire) : champ obligatoire manquant",
    ],
    [["draft", "roadmap", "--input", "ROADMAP", "--out", "x.txt"], 2, "--out : extension non reconnue « txt »"],
    [["draft", "roadmap", "--input", "absent.json"], 2, "Impossible de lire absent.json"],
  ])("explains what is wrong %#", async (args, code, expected) => {
    const resolved = args.map((a) =>
      a === "BAD" ? path.join(dir, "bad.json") : a === "ROADMAP" ? path.join(dir, "roadmap.json") : a,
    );
    const result = await cli(resolved);
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(expected);
  });
});
