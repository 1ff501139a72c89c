/**
 * Opens the database for saved work as the configuration says (PostgreSQL when `DATABASE_URL` is set, SQLite in
 * DATA_DIR otherwise) and imports the JSON records of older versions once. The server and the CLI both open it here.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { AppError, ioErrorOf } from "../core/errors.ts";
import { message } from "../i18n/messages.ts";
import { importFileRecords, openPostgresRecords, openSqliteRecords, type RecordDatabase } from "./sql-records.ts";

export const SQLITE_FILE = "cap-libre.sqlite";

export async function openRecordDatabase(
  config: { dataDir: string; databaseUrl: string | null },
  log: (line: string) => void = () => {},
): Promise<RecordDatabase> {
  let db: RecordDatabase;
  if (config.databaseUrl) {
    try {
      db = await openPostgresRecords(config.databaseUrl);
    } catch (err) {
      const host = (() => {
        try {
          const u = new URL(config.databaseUrl!);
          return `${u.hostname}:${u.port || 5432}${u.pathname}`;
        } catch {
          return "?";
        }
      })();
      throw new AppError(
        "database_unavailable",
        message("store.postgresUnavailable", { host, reason: (err as Error).message }),
        503,
      );
    }
  } else {
    try {
      await mkdir(config.dataDir, { recursive: true });
      db = await openSqliteRecords(path.join(config.dataDir, SQLITE_FILE));
    } catch (err) {
      // A full disk or a read-only folder: the same actionable French message as everywhere else.
      throw (
        ioErrorOf(err, config.dataDir) ??
        new AppError(
          "database_unavailable",
          message("store.sqliteUnavailable", {
            file: path.join(config.dataDir, SQLITE_FILE),
            reason: (err as Error).message,
          }),
          503,
        )
      );
    }
  }
  const imported = await importFileRecords(db, path.join(config.dataDir, "records"));
  if (imported.records)
    log(
      message("store.imported", {
        records: imported.records,
        collections: imported.collections,
        folder: imported.movedTo ?? "",
      }),
    );
  return db;
}
