/**
 * A crash while saving (issue 18 §4): a process writing records as fast as it can into the SQLite database is
 * killed with SIGKILL at a random moment, several times; each time the database opens again, passes SQLite's
 * integrity check, and every record in it is whole.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqliteRecords } from "../../server/store/sql-records.ts";

const WRITER = `
import { openSqliteRecords } from ${JSON.stringify(path.resolve("server/store/sql-records.ts"))};
const db = await openSqliteRecords(process.argv[1]);
const store = db.store("drafts");
process.stdout.write("ready\\n");
for (let i = 0; ; i++) {
  const id = "d" + (i % 50);
  await store.put(id, { id, i, versions: Array.from({ length: 20 }, (_, v) => ({ v, text: "x".repeat(2000) })) });
}
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "cap-libre-crash-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("kill -9 while saving", () => {
  it("leaves the database whole, every time", async () => {
    const file = path.join(dir, "cap-libre.sqlite");
    let lastSeen = -1;
    for (let round = 0; round < 3; round++) {
      const child = spawn(process.execPath, ["--input-type=module", "-e", WRITER, file], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      await new Promise<void>((resolve, reject) => {
        child.stdout.once("data", () => resolve());
        child.once("exit", (code) => reject(new Error(`writer exited early (${code})`)));
      });
      await new Promise((r) => setTimeout(r, 150 + Math.random() * 300));
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));

      const { DatabaseSync } = await import("node:sqlite");
      const raw = new DatabaseSync(file);
      expect(raw.prepare("PRAGMA integrity_check").get()).toEqual({ integrity_check: "ok" });
      raw.close();
      const db = await openSqliteRecords(file);
      const store = db.store<{ id: string; i: number; versions: unknown[] }>("drafts");
      const ids = await store.list();
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) {
        const record = await store.get(id);
        expect(record?.id).toBe(id);
        expect(record?.versions).toHaveLength(20);
        lastSeen = Math.max(lastSeen, record!.i);
      }
      await db.close();
    }
    expect(lastSeen).toBeGreaterThan(0);
  }, 120_000);
});
