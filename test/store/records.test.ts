/**
 * The saved-work port on its three implementations — JSON files (kept for tools), SQLite (`node:sqlite`, the
 * default) and PostgreSQL (a real server) — with the same contract; then the one-time import of older JSON
 * records, and what an interrupted import leaves.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFileRecordStore } from "../../server/store/records.ts";
import {
  importFileRecords,
  openPostgresRecords,
  openSqliteRecords,
  type RecordDatabase,
} from "../../server/store/sql-records.ts";
import { createTestDatabase, postgresAvailable } from "../helpers/postgres.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "cap-libre-records-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

type Store = ReturnType<RecordDatabase["store"]> &
  Partial<{
    ids(): Promise<string[]>;
    putBytes(id: string, b: Uint8Array): Promise<void>;
    getBytes(id: string): Promise<Uint8Array | null>;
  }>;

function contract(
  name: string,
  open: () => Promise<{ store(c: string): Store; close(): Promise<void> }>,
  { exactOrder = true } = {},
) {
  describe(name, () => {
    let db: Awaited<ReturnType<typeof open>>;
    beforeAll(async () => {
      db = await open();
    });
    afterAll(() => db?.close());

    it("puts, gets, replaces and deletes records, collections apart", async () => {
      const a = db.store("analyses");
      const b = db.store("drafts");
      await a.put("2026-01-01-a", { n: 1, text: "Élu·e « test »" });
      await b.put("2026-01-01-a", { other: true });
      expect(await a.get("2026-01-01-a")).toEqual({ n: 1, text: "Élu·e « test »" });
      await a.put("2026-01-01-a", { n: 2 });
      expect(await a.get("2026-01-01-a")).toEqual({ n: 2 });
      expect(await b.get("2026-01-01-a")).toEqual({ other: true });
      expect(await a.get("missing")).toBeNull();
      expect(await a.get("../etc/passwd")).toBeNull();
      await expect(a.put("../x", {})).rejects.toThrow();
      expect(await a.delete("2026-01-01-a")).toBe(true);
      expect(await a.delete("2026-01-01-a")).toBe(false);
      expect(await a.get("2026-01-01-a")).toBeNull();
    });

    it("lists the most recently written first", async () => {
      const s = db.store("plans");
      for (const id of ["p1", "p2", "p3"]) await s.put(id, { id });
      await s.put("p1", { id: "p1", again: true });
      // The file store orders by modification time, which two writes in one millisecond may share.
      if (exactOrder) expect(await s.list()).toEqual(["p1", "p3", "p2"]);
      else expect((await s.list()).sort()).toEqual(["p1", "p2", "p3"]);
      if (s.ids) expect((await s.ids()).sort()).toEqual(["p1", "p2", "p3"]);
    });

    it("keeps bytes beside a record", async () => {
      const s = db.store("tables");
      if (!s.putBytes || !s.getBytes) return;
      const bytes = new Uint8Array([0, 1, 2, 255, 254]);
      await s.put("t1", { rows: 5 });
      await s.putBytes("t1", bytes);
      expect(await s.getBytes("t1")).toEqual(bytes);
      expect(await s.get("t1")).toEqual({ rows: 5 });
      await s.delete("t1");
      expect(await s.getBytes("t1")).toBeNull();
    });

    it("writes with `expected` only on the revision read (compare-and-set)", async () => {
      const s = db.store("cas");
      expect(await s.read("p")).toBeNull();
      expect(await s.put("p", { v: 1 }, { expected: null })).toBe(true);
      expect(await s.put("p", { v: "again" }, { expected: null })).toBe(false);
      const first = (await s.read("p"))!;
      expect(first.value).toEqual({ v: 1 });
      expect(await s.put("p", { v: 2 }, { expected: first.revision })).toBe(true);
      // Written on the revision already replaced: refused, the newer value stays.
      expect(await s.put("p", { v: "stale" }, { expected: first.revision })).toBe(false);
      expect(await s.get("p")).toEqual({ v: 2 });
      const second = (await s.read("p"))!;
      expect(second.revision).not.toBe(first.revision);
      // A plain write still replaces, and moves the revision on.
      await new Promise((r) => setTimeout(r, 5));
      expect(await s.put("p", { v: 3 })).toBe(true);
      expect(await s.put("p", { v: "stale" }, { expected: second.revision })).toBe(false);
      expect(await s.get("p")).toEqual({ v: 3 });
    });

    it("keeps every one of 50 concurrent writes", async () => {
      const s = db.store("concurrent");
      await Promise.all(Array.from({ length: 50 }, (_, i) => s.put(`r${i}`, { i })));
      expect((await s.list()).length).toBe(50);
      const values = await Promise.all(Array.from({ length: 50 }, (_, i) => s.get(`r${i}`)));
      expect(values.map((v) => (v as { i: number }).i)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    });
  });
}

contract(
  "JSON files",
  async () => {
    const root = path.join(dir, "files");
    return { store: (c: string) => createFileRecordStore(path.join(root, c)) as Store, close: async () => {} };
  },
  { exactOrder: false },
);
/**
 * Two servers on one database (a load balancer in front of two Cap Libre, or two processes on one SQLite file): each
 * has its own connection and its own in-process locks. Both read the same revision, both write on it: the database
 * takes one write and refuses the other, whichever comes first.
 */
function twoServers(name: string, open: () => Promise<RecordDatabase>) {
  it(`${name}: of two servers writing on the revision both read, one wins and the other is refused`, async () => {
    const [a, b] = [await open(), await open()];
    try {
      const [sa, sb] = [a.store<{ by: string; n: number }>("plans"), b.store<{ by: string; n: number }>("plans")];
      expect(await sa.put("race", { by: "start", n: 1 }, { expected: null })).toBe(true);
      for (let round = 0; round < 5; round++) {
        const [ra, rb] = await Promise.all([sa.read("race"), sb.read("race")]);
        expect(ra!.revision).toBe(rb!.revision);
        const results = await Promise.all([
          sa.put("race", { by: `a${round}`, n: ra!.value.n + 1 }, { expected: ra!.revision }),
          sb.put("race", { by: `b${round}`, n: rb!.value.n + 1 }, { expected: rb!.revision }),
        ]);
        expect(results.filter(Boolean)).toHaveLength(1);
        const saved = (await sa.get("race"))!;
        expect(saved).toEqual({ by: `${results[0] ? "a" : "b"}${round}`, n: round + 2 });
        expect(await sb.get("race")).toEqual(saved);
      }
      // Two first saves of one record: one is written, the other finds it there.
      const created = await Promise.all([
        sa.put("new", { by: "a", n: 1 }, { expected: null }),
        sb.put("new", { by: "b", n: 1 }, { expected: null }),
      ]);
      expect(created.filter(Boolean)).toHaveLength(1);
      expect((await sb.get("new"))!.by).toBe(created[0] ? "a" : "b");
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
}

twoServers("SQLite", () => openSqliteRecords(path.join(dir, "shared.sqlite")));

contract(
  "SQLite",
  () =>
    openSqliteRecords(path.join(dir, "contract.sqlite")) as Promise<{
      store(c: string): Store;
      close(): Promise<void>;
    }>,
);

describe.skipIf(!postgresAvailable)("PostgreSQL", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());
  contract(
    "contract",
    () => openPostgresRecords(database.url) as Promise<{ store(c: string): Store; close(): Promise<void> }>,
  );

  twoServers("PostgreSQL", () => openPostgresRecords(database.url));

  it("migrates once when two servers open the same database together", async () => {
    const [a, b] = await Promise.all([openPostgresRecords(database.url), openPostgresRecords(database.url)]);
    await a.store("x").put("k", { v: 1 });
    expect(await b.store("x").get("k")).toEqual({ v: 1 });
    await Promise.all([a.close(), b.close()]);
  });

  it("says in French what to check when the server cannot be reached", async () => {
    const { openRecordDatabase } = await import("../../server/store/open-records.ts");
    await expect(
      openRecordDatabase({ dataDir: dir, databaseUrl: "postgres://nobody@127.0.0.1:9/none" }),
    ).rejects.toMatchObject({
      code: "database_unavailable",
      message: expect.stringContaining("Vérifiez DATABASE_URL"),
    });
  });
});

describe("import of the JSON records of older versions", () => {
  async function oldDataDir() {
    const data = await mkdtemp(path.join(dir, "old-"));
    const records = path.join(data, "records");
    await mkdir(path.join(records, "analyses"), { recursive: true });
    await mkdir(path.join(records, "drafts"), { recursive: true });
    await writeFile(
      path.join(records, "analyses", "2026-01-01-aaaa.json"),
      JSON.stringify({ id: "2026-01-01-aaaa", n: 1 }),
    );
    await writeFile(path.join(records, "analyses", "2026-01-01-aaaa.bin"), new Uint8Array([9, 8, 7]));
    await writeFile(
      path.join(records, "drafts", "2026-02-01-bbbb.json"),
      JSON.stringify({ id: "2026-02-01-bbbb", title: "Courrier" }),
    );
    await writeFile(path.join(records, "drafts", "2026-02-01-cccc.json"), '{"cut short'); // an old crash
    await writeFile(path.join(records, "drafts", "x.json.123.tmp"), "{}");
    return data;
  }

  it("imports every readable record once, then keeps the old folder aside", async () => {
    const data = await oldDataDir();
    const db = await openSqliteRecords(path.join(data, "cap-libre.sqlite"));
    const result = await importFileRecords(db, path.join(data, "records"));
    expect(result).toMatchObject({ collections: 2, records: 2 });
    expect(await db.store("analyses").get("2026-01-01-aaaa")).toEqual({ id: "2026-01-01-aaaa", n: 1 });
    expect(await (db.store("analyses") as Store).getBytes!("2026-01-01-aaaa")).toEqual(new Uint8Array([9, 8, 7]));
    expect(await db.store("drafts").list()).toEqual(["2026-02-01-bbbb"]);
    const left = await readdir(data);
    expect(left).not.toContain("records");
    expect(left.some((n) => n.startsWith("records.importe-"))).toBe(true);
    // Nothing to import the second time.
    expect(await importFileRecords(db, path.join(data, "records"))).toMatchObject({ records: 0, movedTo: null });
    await db.close();
  });

  it("leaves the files and the database as they were when the import fails half-way, and succeeds next time", async () => {
    const data = await oldDataDir();
    const db = await openSqliteRecords(path.join(data, "cap-libre.sqlite"));
    // A record id the database refuses after the first insert: the transaction is rolled back.
    await writeFile(path.join(data, "records", "drafts", "2026-03-01-dddd.json"), JSON.stringify({ big: "x" }));
    const sqlite = db as unknown as { store: RecordDatabase["store"] };
    // A write the database refuses after others succeeded (as a disk error would): the import is one transaction.
    const { DatabaseSync } = await import("node:sqlite");
    const raw = new DatabaseSync(path.join(data, "cap-libre.sqlite"));
    raw.exec(
      `CREATE TRIGGER fail BEFORE INSERT ON records WHEN NEW.id = '2026-03-01-dddd' BEGIN SELECT RAISE(ABORT, 'erreur disque simulée'); END`,
    );
    await expect(importFileRecords(db, path.join(data, "records"))).rejects.toThrow(/simulée/);
    expect(await sqlite.store("analyses").list()).toEqual([]);
    expect(await readdir(data)).toContain("records");
    raw.exec("DROP TRIGGER fail");
    raw.close();
    const again = await importFileRecords(db, path.join(data, "records"));
    expect(again.records).toBe(3);
    await db.close();
  });
});
