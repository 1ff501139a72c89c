/**
 * Storage failures with real OS errors: a full disk (/dev/full, and a tiny tmpfs when the test may mount one),
 * a folder the server may not write to (/sys, refused even to root). Each gives an actionable French message;
 * a generated draft that cannot be saved stays readable, exportable and is saved once the disk is back;
 * temporary files a crash left behind are removed at start.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ioErrorOf, toErrorBody } from "../../server/errors.ts";
import { loadConfig } from "../../server/config.ts";
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
    const lance = new Error("lance error: LanceError(IO): No space left on device (os error 28), /usr/local/cargo/registry/src/index.crates.io-1949cf8c6b5b557f/lance-file-12.0.0/src/writer/structural.rs:255:9");
    const body = toErrorBody(lance);
    expect(body.status).toBe(507);
    expect(body.body.error.message).not.toMatch(/cargo|\.rs|os error/);
    expect(toErrorBody(new Error("Read-only file system (os error 30)")).body.error.message).toContain("lecture seule");
  });
});

describe("a draft whose save fails", { timeout: 120_000 }, () => {
  let server: TestServer;
  const drafts = () => path.join(server.dataDir, "records", "drafts");
  beforeAll(async () => {
    server = await startTestServer();
    await server.engine.records("drafts").list(); // the collection exists
  });
  afterAll(() => server?.stop());

  it("is kept in memory, readable and exportable, and saved once the folder is writable again", async () => {
    await rm(drafts(), { recursive: true });
    await symlink(FORBIDDEN, drafts());
    const events = await readSse(await postJson(`${server.url}/api/drafts`, { type: "letter", inputs: letter }));
    const done = events.at(-1)!;
    expect(done.event).toBe("done");
    expect(done.data.saved).toBe(false);
    const notice = events.find((e) => e.event === "notice" && e.data.text.includes("gardé en mémoire"));
    expect(notice?.data.text).toContain("n'a pas le droit de lire ou d'écrire");
    const id = done.data.id as string;
    expect((await fetch(`${server.url}/api/drafts/${id}`)).status).toBe(200);
    const md = await fetch(`${server.url}/api/drafts/${id}/export?format=md`);
    expect(md.status).toBe(200);
    expect(await md.text()).toContain(letter.recipient.name);
    expect((await (await fetch(`${server.url}/api/drafts`)).json()).drafts.map((d: { id: string }) => d.id)).toContain(id);

    const key = (await (await fetch(`${server.url}/api/drafts/${id}`)).json()).versions[0].sections[0].key;
    const edit = await fetch(`${server.url}/api/drafts/${id}/sections/${key}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: "Texte modifié pendant la panne." }) });
    expect(edit.status).toBe(503);
    expect((await edit.json()).error.message).toContain("gardé en mémoire");

    await rm(drafts());
    await mkdir(drafts());
    const retried = await fetch(`${server.url}/api/drafts/${id}/save`, { method: "POST" });
    expect(retried.status).toBe(200);
    expect(await readdir(drafts())).toEqual([`${id}.json`]);
    const saved = JSON.parse(readFileSync(path.join(drafts(), `${id}.json`), "utf8"));
    expect(saved.versions).toHaveLength(2);
    expect(saved.versions[1].sections[0].text).toBe("Texte modifié pendant la panne.");
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
      expect((await readdir(dir)).sort()).toEqual([`2026-01-01-bbbb.json.${process.ppid}.0123abcd.tmp`, "2026-01-01-cccc.json"]);
    } finally {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

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

  it.skipIf(!canMount)("a full disk on a fresh start gives a French message naming the folder, not LanceDB's English", async () => {
    const mountPoint = await mkdtemp(path.join(tmpdir(), "cap-libre-full-"));
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", mountPoint]);
    try {
      const config = loadConfig({ CORPUS_DIR: FIXTURE_CORPUS, OLLAMA_BASE_URL: NO_OLLAMA, PORT: "0", DATA_DIR: path.join(mountPoint, "data") });
      const err = await startServer(config).then(
        async (s) => {
          await s.close();
          return null;
        },
        (e: unknown) => e as Error,
      );
      expect(err?.message).toMatch(/^Le disque est plein : Cap Libre n'a pas pu écrire dans .*cap-libre-full-.*\/data\/lancedb\./);
      expect(err?.message).not.toMatch(/cargo|\.rs:|os error/);
    } finally {
      execFileSync("umount", ["-l", mountPoint]);
      await rm(mountPoint, { recursive: true, force: true });
    }
  });
});
