/**
 * Storage failures with real OS errors: a full disk (/dev/full; a small tmpfs filled up, when the test may mount
 * one, as root in CI's container), a folder the server may not write to (/sys, refused even to root). Each gives an
 * actionable French message; a generated draft that cannot be saved stays readable and exportable and is saved once
 * there is room again; temporary files a crash left behind are removed at start.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { appendFile, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config.ts";
import { ioErrorOf } from "../../server/core/errors.ts";
import { toErrorBody } from "../../server/http/errors.ts";
import { startServer } from "../../server/server.ts";
import { FIXTURE_CORPUS, NO_OLLAMA, postJson, readSse, startTestServer, type TestServer } from "../helpers/server.ts";

const letter = JSON.parse(readFileSync("test/fixtures/drafting/letter.json", "utf8"));
const FORBIDDEN = "/sys/kernel"; // sysfs: creating a file there is refused, even to root

describe("storage errors in French", () => {
  it("a full disk, a read-only or forbidden folder, from Node or from LanceDB", async () => {
    const full = await writeFile("/dev/full", "x").catch((e: unknown) => e);
    const io = ioErrorOf(full)!;
    expect(io.status).toBe(507);
    expect(io.message).toMatch(/^Le disque est plein : Cap Libre n'a pas pu écrire dans .+\. Libérez de la place/);
    const denied = await writeFile(path.join(FORBIDDEN, "cap-libre.tmp"), "x").catch((e: unknown) => e);
    expect(toErrorBody(denied).body.error.message).toContain("n'a pas le droit de lire ou d'écrire dans /sys/kernel");
    // LanceDB's own wording on a full disk, as observed on a 64 KiB tmpfs.
    const lance = new Error(
      "lance error: LanceError(IO): No space left on device (os error 28), /usr/local/cargo/registry/src/index.crates.io-1949cf8c6b5b557f/lance-file-12.0.0/src/writer/structural.rs:255:9",
    );
    const body = toErrorBody(lance);
    expect(body.status).toBe(507);
    expect(body.body.error.message).not.toMatch(/cargo|\.rs|os error/);
    expect(toErrorBody(new Error("Read-only file system (os error 30)")).body.error.message).toContain("lecture seule");
  });
});

/** Root on Linux may mount a small tmpfs: a real full disk (CI runs as root in its container). */
const canMount = (() => {
  if (process.platform !== "linux" || process.getuid?.() !== 0) return false;
  try {
    const probe = path.join(tmpdir(), `cap-libre-mount-probe-${process.pid}`);
    execFileSync("mkdir", ["-p", probe]);
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe], { stdio: "ignore" });
    execFileSync("umount", [probe], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/** Writes zeros into `file` until the disk is full; returns how many bytes fit. */
async function fill(file: string): Promise<number> {
  const chunk = Buffer.alloc(256 * 1024);
  let written = 0;
  for (let i = 0; i < 4096; i++) {
    try {
      await appendFile(file, chunk);
      written += chunk.length;
    } catch {
      break;
    }
  }
  for (const size of [16384, 1024, 64]) {
    for (let i = 0; i < 64; i++) {
      try {
        await appendFile(file, Buffer.alloc(size));
        written += size;
      } catch {
        break;
      }
    }
  }
  return written;
}

describe.skipIf(!canMount)("a draft whose save fails because the disk is full", { timeout: 120_000 }, () => {
  let mountPoint: string;
  let server: TestServer;
  beforeAll(async () => {
    mountPoint = await mkdtemp(path.join(tmpdir(), "cap-libre-disk-"));
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=48m", "tmpfs", mountPoint]);
    server = await startTestServer({ DATA_DIR: path.join(mountPoint, "data") });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    if (mountPoint) {
      execFileSync("umount", ["-l", mountPoint]);
      await rm(mountPoint, { recursive: true, force: true });
    }
  });

  it("is kept in memory, readable and exportable, and saved once there is room again", async () => {
    const filler = path.join(mountPoint, "remplissage.bin");
    expect(await fill(filler)).toBeGreaterThan(0);
    const events = await readSse(await postJson(`${server.url}/api/drafts`, { type: "letter", inputs: letter }));
    const done = events.at(-1)!;
    expect(done.event).toBe("done");
    expect(done.data.saved).toBe(false);
    const notice = events.find((e) => e.event === "notice" && e.data.text.includes("gardé en mémoire"));
    expect(notice?.data.text).toMatch(/^Le disque est plein/);
    const id = done.data.id as string;
    expect((await fetch(`${server.url}/api/drafts/${id}`)).status).toBe(200);
    const md = await fetch(`${server.url}/api/drafts/${id}/export?format=md`);
    expect(md.status).toBe(200);
    expect(await md.text()).toContain(letter.recipient.name);
    expect((await (await fetch(`${server.url}/api/drafts`)).json()).drafts.map((d: { id: string }) => d.id)).toContain(
      id,
    );
    expect(await server.engine.records("drafts").get(id)).toBeNull();

    const key = (await (await fetch(`${server.url}/api/drafts/${id}`)).json()).versions[0].sections[0].key;
    const edit = await fetch(`${server.url}/api/drafts/${id}/sections/${key}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "Texte modifié pendant la panne." }),
    });
    expect(edit.status).toBe(507);
    expect((await edit.json()).error.message).toContain("gardé en mémoire");

    await rm(filler);
    const retried = await fetch(`${server.url}/api/drafts/${id}/save`, { method: "POST" });
    expect(retried.status).toBe(200);
    const saved = (await server.engine.records("drafts").get(id)) as {
      versions: { sections: { text: string }[] }[];
    } | null;
    expect(saved?.versions).toHaveLength(2);
    expect(saved!.versions[1]!.sections[0]!.text).toBe("Texte modifié pendant la panne.");
  });
});

describe("at start", { timeout: 120_000 }, () => {
  it("removes the temporary files a crash left behind, not those of a running process", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "cap-libre-tmp-"));
    const dir = path.join(dataDir, "records", "drafts");
    await mkdir(dir, { recursive: true });
    let dead = 4_000_000;
    while (existsSync(`/proc/${dead}`)) dead++;
    await writeFile(path.join(dir, `2026-01-01-aaaa.json.${dead}.0123abcd.tmp`), "{ half");
    await writeFile(path.join(dir, `2026-01-01-bbbb.json.${process.ppid}.0123abcd.tmp`), "{ in progress");
    await writeFile(path.join(dir, "2026-01-01-cccc.json"), "{}");
    const server = await startTestServer({ DATA_DIR: dataDir });
    try {
      // The JSON records of older versions are then imported into the database (their folder kept aside).
      const left = (await readdir(dataDir, { recursive: true }))
        .map((f) => path.basename(String(f)))
        .filter((f) => f.startsWith("2026-01-01-"));
      expect(left).not.toContain(`2026-01-01-aaaa.json.${dead}.0123abcd.tmp`);
      expect(left).toContain(`2026-01-01-bbbb.json.${process.ppid}.0123abcd.tmp`);
    } finally {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it.skipIf(!canMount)(
    "a full disk on a fresh start gives a French message naming the folder, not LanceDB's English",
    async () => {
      const mountPoint = await mkdtemp(path.join(tmpdir(), "cap-libre-full-"));
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", mountPoint]);
      try {
        const config = loadConfig({
          CORPUS_DIR: FIXTURE_CORPUS,
          OLLAMA_BASE_URL: NO_OLLAMA,
          PORT: "0",
          DATA_DIR: path.join(mountPoint, "data"),
        });
        const err = await startServer(config).then(
          async (s) => {
            await s.close();
            return null;
          },
          (e: unknown) => e as Error,
        );
        expect(err?.message).toMatch(
          /^Le disque est plein : Cap Libre n'a pas pu écrire dans .*cap-libre-full-.*\/data(\/lancedb)?\./,
        );
        expect(err?.message).not.toMatch(/cargo|\.rs:|os error/);
      } finally {
        execFileSync("umount", ["-l", mountPoint]);
        await rm(mountPoint, { recursive: true, force: true });
      }
    },
  );
});
