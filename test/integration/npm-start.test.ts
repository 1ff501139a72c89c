/**
 * `npm start` stopped by its process id (a service manager, `kill <pid>`): the server stops with it, never left running
 * alone with the data folder locked (trial12 B5).
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCK_FILE } from "../../server/store/lock.ts";
import { FIXTURE_CORPUS } from "../helpers/server.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "cap-libre-npm-start-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Whether a process is alive. */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("npm start", () => {
  it("stops the server when npm is sent SIGTERM", async () => {
    const npm = spawn("npm", ["start", "--silent"], {
      env: {
        ...process.env,
        PORT: "0",
        DATA_DIR: dir,
        CORPUS_DIR: FIXTURE_CORPUS,
        OLLAMA_BASE_URL: "http://127.0.0.1:9",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const url = await new Promise<string>((resolve, reject) => {
      const read = (d: Buffer) => {
        out += d;
        const found = /Cap Libre est prêt : (http:\/\/\S+)/.exec(out)?.[1];
        if (found) resolve(found);
      };
      npm.stdout.on("data", read);
      npm.stderr.on("data", read);
      npm.once("exit", (code) => reject(new Error(`npm exited ${code}: ${out}`)));
    });
    expect((await fetch(`${url}/api/health`)).ok).toBe(true);
    // The server's own process, as its lock on the data folder names it.
    const { pid: server } = JSON.parse(await readFile(path.join(dir, LOCK_FILE), "utf8")) as { pid: number };
    expect(server).not.toBe(npm.pid);
    try {
      const exited = new Promise((r) => npm.once("exit", r));
      npm.kill("SIGTERM");
      await exited;
      await expect
        .poll(
          () =>
            fetch(url).then(
              () => "answers",
              () => "stopped",
            ),
          { timeout: 30_000 },
        )
        .toBe("stopped");
      await expect.poll(() => alive(server), { timeout: 30_000 }).toBe(false);
    } finally {
      if (alive(server)) process.kill(server, "SIGKILL");
    }
  }, 60_000);
});
