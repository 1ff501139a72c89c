/**
 * Backup and restore of saved work: `npm run cli -- backup <file>` and `restore <file>`.
 *
 * A backup is a logical export of the application's own tables — every saved record (analyses and their tables,
 * classifications, drafts, plans, workspaces, members, API keys), the conversations kept for signed-in people and
 * the audit log — read in one snapshot
 * transaction, so it is consistent while the server runs and writes (SQLite in WAL mode: the writers wait for the
 * snapshot, a few milliseconds; PostgreSQL: a REPEATABLE READ transaction, writers never wait). The same format
 * serves both databases: a backup of SQLite restores into PostgreSQL and back.
 *
 * Format: gzip'd JSON lines — a header (format, schema version, database, date, counts), one line per record,
 * conversation or audit entry, and an end line with the counts (a cut file is refused). Sign-in sessions are left out: a
 * restored instance asks everyone to sign in again.
 *
 * Not in it: the LanceDB index, rebuilt from the corpus (`corpus/`, versioned with the code) at start-up, and
 * the settings, which are environment variables kept by whoever runs the service.
 */

import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { access, rename, rm } from "node:fs/promises";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { AppError } from "../core/errors.ts";
import { message } from "../i18n/messages.ts";
import { backendOf, type RecordDatabase, SCHEMA_VERSION } from "./sql-records.ts";

export const BACKUP_FORMAT = "cap-libre-sauvegarde";
const FORMAT_VERSION = 1;
/** What a backup never holds: who is signed in right now. */
const EPHEMERAL = ["sessions", "sign-ins"];
/**
 * The tables a backup holds (and a restore replaces): every table of the schema but the migrations' own
 * (test/store/backup.test.ts fails when a migration adds a table missing here).
 */
export const BACKED_UP_TABLES = ["records", "conversations", "audit_log"] as const;

interface RecordRow {
  collection: string;
  id: string;
  value: string | null;
  bytes: Uint8Array | null;
  updated_at: number | string;
}

interface ConversationRow {
  id: string;
  workspace: string;
  owner: string;
  title: string;
  created_at: string;
  updated_at: number | string;
  exchanges: string;
}

interface AuditRow {
  seq: number | string;
  at: string;
  workspace: string;
  actor: string;
  action: string;
  target: string | null;
  detail: string | null;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  schema: number;
  database: RecordDatabase["kind"];
  createdAt: string;
  /** `conversations` is absent from backups written before conversations were kept (read as 0). */
  counts: { records: number; audit: number; conversations?: number };
}

/** Writes a consistent backup of `db` to `file` (never over an existing file); returns its header. */
export async function backupTo(db: RecordDatabase, file: string, now = new Date()): Promise<BackupHeader> {
  if (
    await access(file).then(
      () => true,
      () => false,
    )
  )
    throw new AppError("conflict", message("backup.exists", { file }), 409);
  const backend = backendOf(db);
  let records: RecordRow[] = [];
  let audit: AuditRow[] = [];
  let conversations: ConversationRow[] = [];
  await backend.transaction(async (tx) => {
    if (backend.kind === "postgresql") await tx.run("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
    records = await tx.all<RecordRow>(
      `SELECT collection, id, value, bytes, updated_at FROM records WHERE collection NOT IN (${EPHEMERAL.map(() => "?").join(", ")}) ORDER BY collection, id`,
      EPHEMERAL,
    );
    conversations = await tx.all<ConversationRow>(
      "SELECT id, workspace, owner, title, created_at, updated_at, exchanges FROM conversations ORDER BY id",
    );
    audit = await tx.all<AuditRow>(
      "SELECT seq, at, workspace, actor, action, target, detail FROM audit_log ORDER BY seq",
    );
  });
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: FORMAT_VERSION,
    schema: SCHEMA_VERSION,
    database: backend.kind,
    createdAt: now.toISOString(),
    counts: { records: records.length, audit: audit.length, conversations: conversations.length },
  };
  function* lines() {
    yield `${JSON.stringify(header)}\n`;
    for (const r of records) {
      yield `${JSON.stringify({ record: { collection: r.collection, id: r.id, value: r.value, bytes: r.bytes ? Buffer.from(r.bytes).toString("base64") : null, updatedAt: Number(r.updated_at) } })}\n`;
    }
    for (const c of conversations)
      yield `${JSON.stringify({ conversation: { ...c, updated_at: Number(c.updated_at) } })}\n`;
    for (const a of audit) yield `${JSON.stringify({ audit: { ...a, seq: Number(a.seq) } })}\n`;
    yield `${JSON.stringify({ end: header.counts })}\n`;
  }
  // Written beside, then renamed: a backup file is whole or absent.
  const tmp = `${file}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  try {
    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(tmp, { flags: "wx" }));
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  return header;
}

interface ReadBackup {
  header: BackupHeader;
  records: { collection: string; id: string; value: string | null; bytes: string | null; updatedAt: number }[];
  conversations: ConversationRow[];
  audit: AuditRow[];
}

/** Reads and checks a whole backup before anything is changed. */
export async function readBackup(file: string): Promise<ReadBackup> {
  const bad = (reason: string) => new AppError("invalid_backup", message("backup.notBackup", { file, reason }), 400);
  const out: ReadBackup = { header: null as unknown as BackupHeader, records: [], conversations: [], audit: [] };
  let end: BackupHeader["counts"] | null = null;
  try {
    const gunzip = createGunzip();
    const lines = createInterface({ input: createReadStream(file).pipe(gunzip), crlfDelay: Infinity });
    const failed = new Promise<never>((_, reject) => gunzip.on("error", reject));
    failed.catch(() => {});
    const read = (async () => {
      for await (const line of lines) {
        if (!line) continue;
        const item = JSON.parse(line);
        if (!out.header) {
          if (item?.format !== BACKUP_FORMAT) throw bad(message("backup.reason.header"));
          out.header = item;
        } else if (item.record) out.records.push(item.record);
        else if (item.conversation) out.conversations.push(item.conversation);
        else if (item.audit) out.audit.push(item.audit);
        else if (item.end) end = item.end;
      }
    })();
    await Promise.race([read, failed]);
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw bad(
      message(
        code === "ENOENT"
          ? "backup.reason.missing"
          : err instanceof SyntaxError || err instanceof TypeError
            ? "backup.reason.line"
            : "backup.reason.gzip",
      ),
    );
  }
  if (!out.header) throw bad(message("backup.reason.empty"));
  if (out.header.schema > SCHEMA_VERSION || out.header.version > FORMAT_VERSION) {
    throw new AppError(
      "backup_too_new",
      message("backup.newerSchema", { found: out.header.schema, known: SCHEMA_VERSION }),
      400,
    );
  }
  const found = out.records.length + out.conversations.length + out.audit.length;
  const expected = out.header.counts.records + (out.header.counts.conversations ?? 0) + out.header.counts.audit;
  if (!end || found !== expected) throw bad(message("backup.truncated", { found, expected }));
  return out;
}

/**
 * Replaces every saved record and the audit log of `db` by the backup's, in one transaction (a failure changes
 * nothing). Sessions end. The restore itself is then appended to the audit log by the caller.
 */
export async function restoreFrom(db: RecordDatabase, backup: ReadBackup): Promise<void> {
  const backend = backendOf(db);
  await backend.transaction(async (tx) => {
    await tx.run("DELETE FROM records");
    await tx.run("DELETE FROM conversations");
    await tx.run("DELETE FROM audit_log");
    for (const r of backup.records) {
      await tx.run("INSERT INTO records (collection, id, value, bytes, updated_at) VALUES (?, ?, ?, ?, ?)", [
        r.collection,
        r.id,
        r.value,
        r.bytes === null ? null : Buffer.from(r.bytes, "base64"),
        r.updatedAt,
      ]);
    }
    for (const c of backup.conversations) {
      await tx.run(
        "INSERT INTO conversations (id, workspace, owner, title, created_at, updated_at, exchanges) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [c.id, c.workspace, c.owner, c.title, c.created_at, c.updated_at, c.exchanges],
      );
    }
    for (const a of backup.audit) {
      await tx.run(
        "INSERT INTO audit_log (seq, at, workspace, actor, action, target, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [a.seq, a.at, a.workspace, a.actor, a.action, a.target, a.detail],
      );
    }
    // PostgreSQL's sequence continues after the restored lines (SQLite's AUTOINCREMENT follows the table).
    if (backend.kind === "postgresql")
      await tx.run(
        "SELECT setval(pg_get_serial_sequence('audit_log', 'seq'), GREATEST((SELECT COALESCE(MAX(seq), 0) FROM audit_log), 1), (SELECT COUNT(*) > 0 FROM audit_log))",
      );
  });
}
