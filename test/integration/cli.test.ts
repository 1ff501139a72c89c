/**
 * `npm run cli`: the commands run in-process through `runCli` (the function the entry point calls), and two real
 * processes check what only a process shows: `help` answers without loading the application, and an ingest ends
 * with its exit code and its report on stderr. (Spawning the CLI for every case timed out on a loaded CI machine.)
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../server/cli/main.ts";
import { type FakeOllama, startFakeOllama } from "../helpers/fake-ollama.ts";
import { FIXTURE_CORPUS, NO_OLLAMA, startTestServer, withTestProvider } from "../helpers/server.ts";

const run = promisify(execFile);

describe("npm run cli", { timeout: 90_000 }, () => {
  // each test spawns Node; a busy 2-core CI machine needs the margin
  let dataDir: string;
  let ollama: FakeOllama;
  const env = (extra: Record<string, string> = {}) =>
    withTestProvider({
      ...process.env,
      CORPUS_DIR: FIXTURE_CORPUS,
      DATA_DIR: dataDir,
      OLLAMA_BASE_URL: NO_OLLAMA,
      ...extra,
    });
  const cli = async (args: string[], extra: Record<string, string> = {}) => {
    let stdout = "";
    let stderr = "";
    const code = await runCli(args, {
      env: env(extra),
      out: (text) => (stdout += text),
      term: { line: (text) => (stderr += `${text}\n`), progress: () => {} },
    });
    return { code, stdout, stderr };
  };
  const spawnCli = async (args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, ["server/cli/main.ts", ...args], {
        env: env(),
        timeout: 120_000,
      });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "cap-libre-cli-"));
    ollama = await startFakeOllama({ reply: "La Gendarmerie économise 12 millions d'euros par an [1]." });
  });
  afterAll(async () => {
    await ollama.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("a real process: help prints the usage and exits with 0", async () => {
    const { code, stdout } = await spawnCli(["help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Usage : npm run cli -- <commande>");
  });

  it("a real process: ingest indexes, reports the malformed file and exits with 0", async () => {
    const first = await spawnCli(["ingest"]);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain("guidance/broken.md");
    expect(first.stderr).toMatch(/5 documents, \d+ passages \(5 modifiés/);
    expect(first.stderr).toContain("ollama pull");
  });

  it("ingest again finds nothing to change; --rebuild starts again", async () => {
    const second = await cli(["ingest"]);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain("(0 modifiés, 0 retirés)");
    const rebuilt = await cli(["ingest", "--rebuild"]);
    expect(rebuilt.stderr).toContain("(5 modifiés");
  });

  it("search --json prints the API's shape", async () => {
    const { code, stdout } = await cli(["search", "économies gendarmerie", "--k", "2", "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ query: "économies gendarmerie", mode: "fulltext" });
    expect(json.results).toHaveLength(2);
    expect(json.results[0].document.id).toBe("case-studies/gendarmerie");
  });

  it("ask prints the answer, then lists its sources", async () => {
    const { code, stdout } = await cli(["ask", "Combien la Gendarmerie a-t-elle économisé ?"], {
      OLLAMA_BASE_URL: ollama.url,
    });
    expect(code).toBe(0);
    expect(stdout).toContain("12 millions d'euros par an [1]");
    // The answer cites [1]: that source is listed as cited, the other passages given to the model apart.
    expect(stdout).toMatch(/Sources citées :\n\[1\] La Gendarmerie nationale/);
    const other = stdout.indexOf("Autres passages fournis au modèle");
    if (other >= 0) expect(stdout.slice(other)).not.toMatch(/^\[1\] /m);
  });

  it("ask prints the answer's Markdown as terminal text, even when a mark is cut between two pieces", async () => {
    ollama.set({
      reply: "## Réponse\n\nLa Gendarmerie économise **12 millions d'euros** par an [1], un *chiffre* `officiel`.",
    });
    try {
      const { stdout } = await cli(["ask", "Combien la Gendarmerie a-t-elle économisé ?"], {
        OLLAMA_BASE_URL: ollama.url,
      });
      expect(stdout).toContain(
        "Réponse\n\nLa Gendarmerie économise 12 millions d'euros par an [1], un chiffre officiel.",
      );
      expect(stdout).not.toMatch(/\*|`|#/);
    } finally {
      ollama.set({ reply: "La Gendarmerie économise 12 millions d'euros par an [1]." });
    }
  });

  it("ask marks in place a sentence its sources do not carry, as the page does (trial21 T-L9)", async () => {
    ollama.set({ reply: "La Gendarmerie économise 95 millions d'euros par an [1]." });
    try {
      const { stdout } = await cli(["ask", "Combien la Gendarmerie a-t-elle économisé ?"], {
        OLLAMA_BASE_URL: ollama.url,
      });
      expect(stdout).toContain("La Gendarmerie économise 95 millions d'euros par an [1] [non vérifié].");
    } finally {
      ollama.set({ reply: "La Gendarmerie économise 12 millions d'euros par an [1]." });
    }
  });

  it.each([
    [["search", ""], "vide"],
    [["search", "linux", "--k", "99"], "entre 1 et 50"],
    [["search", "linux", "--bogus"], "Option inconnue : « --bogus »"],
    [["search", "linux", "--rebuild"], "Option inconnue : « --rebuild »"],
    [["ingest", "--k", "3"], "Option inconnue : « --k »"],
    [["frobnicate"], "Commande inconnue : « frobnicate »"],
  ])("rejects %j with a clear message", async (args, expected) => {
    const { code, stdout, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stdout + stderr).toContain(expected);
  });

  it("validate exits with 1 and names the problems", async () => {
    const { code, stderr } = await cli(["validate"]);
    expect(code).toBe(1);
    expect(stderr).toContain("guidance/broken.md");
    expect(stderr).toContain("2 problèmes à corriger");
  });

  it("search and ask beside a running server on the same data folder go through that server (trial 2026-12)", async () => {
    const server = await startTestServer({ DATA_DIR: dataDir, OLLAMA_BASE_URL: ollama.url });
    try {
      const found = await spawnCli(["search", "gendarmerie", "--json"]);
      expect(found.stderr).not.toContain("utilise déjà");
      expect(found.code).toBe(0);
      expect(JSON.parse(found.stdout).results.length).toBeGreaterThan(0);
      const asked = await spawnCli(["ask", "Combien la Gendarmerie économise-t-elle ?"]);
      expect(asked.code).toBe(0);
      expect(asked.stdout).toContain("Sources citées :");
    } finally {
      await server.stop();
    }
  });
});
