/**
 * Saved work (analyses, classifications, drafts, plans…) in a real database, behind the same `RecordStore` port as
 * the file store: SQLite through Node's built-in `node:sqlite` by default (one file in DATA_DIR, WAL journal,
 * every write durable before it returns), PostgreSQL when `DATABASE_URL` names one (a region's shared server).
 *
 * One table, `records (collection, id, value, bytes, updated_at)`, created by versioned migrations recorded in
 * `schema_migrations`. Records written by older versions as JSON files under `DATA_DIR/records/` are imported on
 * first start in one transaction, then the folder is renamed: an interrupted import leaves the files as they
 * were and is simply done again at the next start.
 */
import { readdir, readFile, rename, stat } from "node:fs/promises";
import path from "node:path";
import type { RecordStore } from "./records.ts";
import { isSafeId } from "./records.ts";

export interface RecordDatabase {
  kind: "sqlite" | "postgresql";
  /** Where it is, for the logs and `/api/health` (no password). */
  label: string;
  store<T>(collection: string): RecordStore<T>;
  close(): Promise<void>;
}

const BACKEND = Symbol("backend");

/** The statements a backend runs; `?` placeholders are turned into `$n` for PostgreSQL. */
export interface Backend {
  kind: RecordDatabase["kind"];
  label: string;
  run(sql: string, params?: unknown[]): Promise<void>;
  all<R>(sql: string, params?: unknown[]): Promise<R[]>;
  /**
   * PostgreSQL only: a lock on the database that every running server holds shared and a restore takes alone
   * (the data-folder lock does that for SQLite). Null when it cannot be had now; call the result to release it.
   */
  useLock?(mode: "shared" | "exclusive"): Promise<(() => Promise<void>) | null>;
  /** Runs `work` in one transaction (statements through the given runner). */
  transaction(work: (tx: Pick<Backend, "run" | "all">) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

const MIGRATIONS: { version: number; sqlite: string[]; postgresql: string[] }[] = [
  {
    version: 1,
    sqlite: [
      `CREATE TABLE records (
        collection TEXT NOT NULL,
        id TEXT NOT NULL,
        value TEXT,
        bytes BLOB,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (collection, id)
      )`,
      "CREATE INDEX records_recent ON records (collection, updated_at DESC)",
    ],
    postgresql: [
      `CREATE TABLE records (
        collection TEXT NOT NULL,
        id TEXT NOT NULL,
        value TEXT,
        bytes BYTEA,
        updated_at BIGINT NOT NULL,
        PRIMARY KEY (collection, id)
      )`,
      "CREATE INDEX records_recent ON records (collection, updated_at DESC)",
    ],
  },
  {
    // The audit log (server/store/audit.ts): who did what, when, in which workspace; appended to, never edited.
    version: 2,
    sqlite: [
      `CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        workspace TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        detail TEXT
      )`,
      "CREATE INDEX audit_log_workspace ON audit_log (workspace, seq)",
      // A line once written is never changed (a restore replaces the whole log, with a line saying so).
      "CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    ],
    postgresql: [
      `CREATE TABLE audit_log (
        seq BIGSERIAL PRIMARY KEY,
        at TEXT NOT NULL,
        workspace TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        detail TEXT
      )`,
      "CREATE INDEX audit_log_workspace ON audit_log (workspace, seq)",
      `CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`,
      "CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    ],
  },
  {
    // Conversations kept on the server (server/store/conversations.ts): one row per conversation of one person in
    // one workspace, its exchanges as JSON. Every query names the workspace and the owner.
    version: 3,
    sqlite: [
      `CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        workspace TEXT NOT NULL,
        owner TEXT NOT NULL,
        title TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        exchanges TEXT NOT NULL
      )`,
      "CREATE INDEX conversations_recent ON conversations (workspace, owner, updated_at DESC)",
    ],
    postgresql: [
      `CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        workspace TEXT NOT NULL,
        owner TEXT NOT NULL,
        title TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at BIGINT NOT NULL,
        exchanges TEXT NOT NULL
      )`,
      "CREATE INDEX conversations_recent ON conversations (workspace, owner, updated_at DESC)",
    ],
  },
  {
    // A revision per record, bumped by every write of its value: a compare-and-set write (`put` with `expected`)
    // is one conditional statement on it, so two servers sharing the database cannot both save on one revision.
    version: 4,
    sqlite: ["ALTER TABLE records ADD COLUMN revision INTEGER NOT NULL DEFAULT 1"],
    postgresql: ["ALTER TABLE records ADD COLUMN revision BIGINT NOT NULL DEFAULT 1"],
  },
];

/** The schema version this code writes: a backup from a newer one is refused. */
export const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

/** The statements behind a database opened here (the audit log and backups use the tables directly). */
export function backendOf(db: RecordDatabase): Backend {
  const backend = (db as unknown as { [BACKEND]?: Backend })[BACKEND];
  if (!backend) throw new Error("a database opened by server/store/sql-records.ts is needed");
  return backend;
}

async function migrate(db: Backend): Promise<void> {
  await db.run("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
  const done = new Set(
    (await db.all<{ version: number }>("SELECT version FROM schema_migrations")).map((r) => Number(r.version)),
  );
  for (const m of MIGRATIONS) {
    if (done.has(m.version)) continue;
    await db.transaction(async (tx) => {
      for (const sql of m[db.kind]) await tx.run(sql);
      await tx.run("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)", [
        m.version,
        new Date().toISOString(),
      ]);
    });
  }
}

/** A write time that always moves forward in this process, so "most recent first" is exact. */
let lastStamp = 0;
export const stamp = () => (lastStamp = Math.max(Date.now(), lastStamp + 1));

function recordStore<T>(
  db: Backend,
  collection: string,
): RecordStore<T> & {
  ids(): Promise<string[]>;
  putBytes(id: string, bytes: Uint8Array): Promise<void>;
  getBytes(id: string): Promise<Uint8Array | null>;
} {
  const check = (id: string) => {
    if (!isSafeId(id)) throw new Error(`Unsafe record id: ${id}`);
  };
  return {
    async put(id, value, options) {
      check(id);
      const params = [collection, id, JSON.stringify(value), stamp()];
      if (!options) {
        await db.run(
          "INSERT INTO records (collection, id, value, updated_at, revision) VALUES (?, ?, ?, ?, 1) ON CONFLICT (collection, id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, revision = records.revision + 1",
          params,
        );
        return true;
      }
      // One statement each: the database checks the revision and writes, or writes nothing (a row holding only
      // bytes has no record yet).
      const written =
        options.expected === null
          ? await db.all(
              "INSERT INTO records (collection, id, value, updated_at, revision) VALUES (?, ?, ?, ?, 1) ON CONFLICT (collection, id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, revision = records.revision + 1 WHERE records.value IS NULL RETURNING revision",
              params,
            )
          : await db.all(
              "UPDATE records SET value = ?, updated_at = ?, revision = revision + 1 WHERE collection = ? AND id = ? AND revision = ? AND value IS NOT NULL RETURNING revision",
              [params[2], params[3], collection, id, options.expected],
            );
      return written.length > 0;
    },
    async get(id) {
      if (!isSafeId(id)) return null;
      const [row] = await db.all<{ value: string | null }>(
        "SELECT value FROM records WHERE collection = ? AND id = ?",
        [collection, id],
      );
      return row?.value ? (JSON.parse(row.value) as T) : null;
    },
    async read(id) {
      if (!isSafeId(id)) return null;
      const [row] = await db.all<{ value: string | null; revision: number | string }>(
        "SELECT value, revision FROM records WHERE collection = ? AND id = ?",
        [collection, id],
      );
      return row?.value ? { value: JSON.parse(row.value) as T, revision: Number(row.revision) } : null;
    },
    async list() {
      const rows = await db.all<{ id: string }>(
        "SELECT id FROM records WHERE collection = ? AND value IS NOT NULL ORDER BY updated_at DESC, id DESC",
        [collection],
      );
      return rows.map((r) => r.id);
    },
    async ids() {
      const rows = await db.all<{ id: string }>("SELECT id FROM records WHERE collection = ? AND value IS NOT NULL", [
        collection,
      ]);
      return rows.map((r) => r.id);
    },
    async delete(id) {
      if (!isSafeId(id)) return false;
      const rows = await db.all<{ value: string | null }>(
        "DELETE FROM records WHERE collection = ? AND id = ? RETURNING value",
        [collection, id],
      );
      return rows.some((r) => r.value !== null);
    },
    async putBytes(id, bytes) {
      check(id);
      await db.run(
        "INSERT INTO records (collection, id, bytes, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (collection, id) DO UPDATE SET bytes = excluded.bytes",
        [collection, id, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), stamp()],
      );
    },
    async getBytes(id) {
      if (!isSafeId(id)) return null;
      const [row] = await db.all<{ bytes: Uint8Array | null }>(
        "SELECT bytes FROM records WHERE collection = ? AND id = ?",
        [collection, id],
      );
      return row?.bytes ? new Uint8Array(row.bytes) : null;
    },
  };
}

function database(db: Backend): RecordDatabase {
  return {
    kind: db.kind,
    label: db.label,
    store: <T>(collection: string) => recordStore<T>(db, collection),
    close: () => db.close(),
    [BACKEND]: db,
  } as RecordDatabase;
}

/** Opens (creating it if needed) the SQLite file and brings its schema up to date. */
export async function openSqliteRecords(file: string): Promise<RecordDatabase> {
  const { DatabaseSync } = await import("node:sqlite");
  const sqlite = new DatabaseSync(file);
  sqlite.exec(
    "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;",
  );
  let inTransaction = false;
  const runner = {
    async run(sql: string, params: unknown[] = []) {
      sqlite.prepare(sql).run(...(params as never[]));
    },
    async all<R>(sql: string, params: unknown[] = []) {
      return sqlite.prepare(sql).all(...(params as never[])) as R[];
    },
  };
  let queue: Promise<unknown> = Promise.resolve();
  const backend: Backend = {
    kind: "sqlite",
    label: file,
    ...runner,
    // A transaction holds the connection: other statements of this process wait for it (they are synchronous
    // anyway; only an async step inside `work` could interleave).
    transaction(work) {
      const next = queue.then(async () => {
        if (inTransaction) throw new Error("nested transaction");
        inTransaction = true;
        sqlite.exec("BEGIN IMMEDIATE");
        try {
          await work(runner);
          sqlite.exec("COMMIT");
        } catch (err) {
          // SQLite may already have rolled back (a full disk): the original error is the one to report.
          if (sqlite.isTransaction) sqlite.exec("ROLLBACK");
          throw err;
        } finally {
          inTransaction = false;
        }
      });
      queue = next.catch(() => undefined);
      return next;
    },
    async close() {
      await queue;
      if (sqlite.isOpen) sqlite.close();
    },
  };
  await migrate(backend);
  return database(backend);
}

/** Connects to PostgreSQL (`postgres://user:password@host:5432/base`) and brings the schema up to date. */
export async function openPostgresRecords(url: string): Promise<RecordDatabase> {
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({
    connectionString: url,
    max: 5,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  pool.on("error", () => {
    /* a dropped idle connection: the next query opens another */
  });
  const numbered = (sql: string) => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  };
  const on = (client: { query: (sql: string, params?: unknown[]) => Promise<{ rows: unknown[] }> }) => ({
    async run(sql: string, params: unknown[] = []) {
      await client.query(numbered(sql), params);
    },
    async all<R>(sql: string, params: unknown[] = []) {
      return (await client.query(numbered(sql), params)).rows as R[];
    },
  });
  const u = new URL(url);
  const backend: Backend = {
    kind: "postgresql",
    label: `${u.hostname}:${u.port || 5432}${u.pathname}`,
    ...on(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await work(on(client));
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK").catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    async useLock(mode) {
      const client = await pool.connect();
      const [row] = (
        await client.query(
          `SELECT ${mode === "shared" ? "pg_try_advisory_lock_shared" : "pg_try_advisory_lock"}(4242002) AS ok`,
        )
      ).rows as { ok: boolean }[];
      if (!row?.ok) {
        client.release();
        return null;
      }
      return async () => {
        await client
          .query(`SELECT ${mode === "shared" ? "pg_advisory_unlock_shared" : "pg_advisory_unlock"}(4242002)`)
          .catch(() => {});
        client.release();
      };
    },
    close: () => pool.end(),
  };
  // Two servers starting together on one database: one migrates, the other waits for its lock.
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock(4242001)");
    await migrate({ ...backend, ...on(client), transaction: backend.transaction });
  } finally {
    await client.query("SELECT pg_advisory_unlock(4242001)").catch(() => {});
    client.release();
  }
  return database(backend);
}

export interface FileImport {
  collections: number;
  records: number;
  /** Where the imported folder now is, or null when there was nothing to import. */
  movedTo: string | null;
}

/**
 * Imports the JSON records of the file store (`DATA_DIR/records/<collection>/<id>.json`, with their `.bin` bytes)
 * in one transaction, keeping their order, then renames the folder so it is not imported twice. A record already
 * in the database is left as it is.
 */
export async function importFileRecords(db: RecordDatabase, dir: string, now = new Date()): Promise<FileImport> {
  let collections: string[];
  try {
    collections = (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isDirectory() && isSafeId(e.name))
      .map((e) => e.name);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { collections: 0, records: 0, movedTo: null };
    throw err;
  }
  const backend = (db as unknown as { [BACKEND]?: Backend })[BACKEND];
  if (!backend) throw new Error("importFileRecords needs a database opened by this module");
  const rows: { collection: string; id: string; value: string; bytes: Buffer | null; at: number }[] = [];
  for (const collection of collections) {
    const folder = path.join(dir, collection);
    for (const name of await readdir(folder)) {
      if (!name.endsWith(".json")) continue;
      const id = name.slice(0, -5);
      if (!isSafeId(id)) continue;
      const file = path.join(folder, name);
      const text = await readFile(file, "utf8");
      try {
        JSON.parse(text);
      } catch {
        continue; // a file cut short by an old crash: nothing to import
      }
      const bytes = await readFile(path.join(folder, `${id}.bin`)).catch(() => null);
      rows.push({ collection, id, value: text, bytes, at: Math.round((await stat(file)).mtimeMs) });
    }
  }
  rows.sort((a, b) => a.at - b.at);
  await backend.transaction(async (tx) => {
    for (const r of rows) {
      await tx.run(
        "INSERT INTO records (collection, id, value, bytes, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (collection, id) DO NOTHING",
        [r.collection, r.id, r.value, r.bytes, r.at],
      );
    }
  });
  const movedTo = `${dir}.importe-${now.toISOString().slice(0, 19).replace(/[:T]/g, "-")}`;
  await rename(dir, movedTo);
  return { collections: new Set(rows.map((r) => r.collection)).size, records: rows.length, movedTo };
}
