/**
 * Small things a user meets first: a port already in use, a mistyped variable, a malformed input file for the
 * CLI — each a French line, no stack trace, no English from zod or V8 — and a favicon (no 404 in the console).
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { draftCommand } from "../../server/cli/draft.ts";
import { loadConfig } from "../../server/config.ts";
import { silentTerminal, startServer } from "../../server/server.ts";
import { FIXTURE_CORPUS, NO_OLLAMA, startTestServer, type TestServer } from "../helpers/server.ts";

const run = promisify(execFile);
const STACK = /\n\s+at |Error:|node:internal|Unexpected token|Invalid input|expected/;

async function node(script: string, args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [script, ...args], {
      env: { ...process.env, CORPUS_DIR: FIXTURE_CORPUS, OLLAMA_BASE_URL: NO_OLLAMA, ...env },
      timeout: 90_000,
    });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe("starting and first contact", { timeout: 120_000 }, () => {
  let server: TestServer;
  let dataDir: string;
  beforeAll(async () => {
    server = await startTestServer();
    dataDir = await mkdtemp(path.join(tmpdir(), "cap-libre-start-"));
  });
  afterAll(async () => {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("a second npm start on a port in use says so in French, without a stack trace", async () => {
    // In process (what `npm start` runs, without spawning Node again): the listen error becomes a French AppError,
    // which server/main.ts prints as its only line; before, the server's "error" event crashed the process.
    const port = new URL(server.url).port;
    const config = loadConfig({
      CORPUS_DIR: FIXTURE_CORPUS,
      OLLAMA_BASE_URL: NO_OLLAMA,
      PORT: port,
      DATA_DIR: dataDir,
    });
    const err = await startServer(config).then(
      async (s) => {
        await s.close();
        return null;
      },
      (e: unknown) => e as Error,
    );
    expect(err?.message).toContain(`Le port ${port} est déjà utilisé`);
    expect(err?.message).toContain(`PORT=${Number(port) + 1} npm start`);
    expect(err?.name).toBe("AppError");
  });

  it("PORT=abc and other mistyped variables give a French message naming the variable", async () => {
    const { code, out } = await node("server/main.ts", [], { PORT: "abc", DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(out).toContain("Variable d'environnement PORT invalide (« abc ») : un nombre est attendu.");
    expect(out).not.toMatch(STACK);
    for (const [name, value, expected] of [
      ["PORT", "99999", "la valeur doit être au plus 65535"],
      ["PORT", "80.5", "un nombre entier est attendu"],
      ["OLLAMA_BASE_URL", "localhost", "une adresse complète est attendue"],
      ["LLM_TIMEOUT_MS", "-5", "la valeur doit être au moins 100"],
    ] as const) {
      expect(() => loadConfig({ [name]: value }), name).toThrow(expected);
    }
  });

  it("a malformed draft input file gives the CLI a French error with the line, not V8's parser message", async () => {
    const bad = path.join(dataDir, "courrier.json");
    await writeFile(bad, '{\n  "collectivite": { "name": "Brest" },\n  "recipient": { "name": "X" ,, }\n}');
    const config = loadConfig({ CORPUS_DIR: FIXTURE_CORPUS, OLLAMA_BASE_URL: NO_OLLAMA, DATA_DIR: dataDir });
    const draft = (input: string) =>
      draftCommand(["letter"], { input }, config, silentTerminal, () => {}).catch((e: Error) => e);
    const malformed = await draft(bad);
    expect(malformed).toBeInstanceOf(Error);
    expect((malformed as Error).message).toMatch(/n'est pas du JSON valide \(ligne 3, colonne \d+\)/);
    expect((malformed as Error).message).not.toMatch(STACK);
    expect(((await draft(path.join(dataDir, "absent.json"))) as Error).message).toContain("ce fichier n'existe pas");
  });

  it("serves a favicon linked from the page", async () => {
    const page = await (await fetch(server.url)).text();
    // Named with the page's version, as its other files (server/http/web-files.ts).
    const href = /rel="icon" href="(\/favicon\.svg\?v=[0-9a-f]{16})"/.exec(page)?.[1];
    expect(href).toBeDefined();
    for (const url of [href, "/favicon.svg"]) {
      const icon = await fetch(`${server.url}${url}`);
      expect(icon.status).toBe(200);
      expect(icon.headers.get("content-type")).toContain("image/svg+xml");
    }
    const icon = await fetch(`${server.url}/favicon.svg`);
    expect(icon.headers.get("content-type")).toContain("image/svg+xml");
    const ico = await fetch(`${server.url}/favicon.ico`, { redirect: "manual" });
    expect(ico.status).toBe(301);
  });
});

describe("an inventory that is not valid JSON", { timeout: 60_000 }, () => {
  it("gets a French 400 naming the line, with neither V8's English nor an excerpt of the file", async () => {
    const server = await startTestServer();
    try {
      const res = await fetch(`${server.url}/api/inventory/analyze?name=inventaire.json`, {
        method: "POST",
        body: '{\n  "content": { "softwares": [ { "name": "Logiciel secret interne", } ] }\n}',
      });
      expect(res.status).toBe(400);
      const { error } = await res.json();
      expect(error.message).toContain("le JSON est illisible (ligne 2, colonne");
      expect(error.message).not.toMatch(/Expected|Unexpected|position|secret/);
    } finally {
      await server.stop();
    }
  });
});
