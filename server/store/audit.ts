/**
 * The audit log: who did what, when, in which workspace — sign-in, imports and deletions of inventories, drafts
 * created, edited and exported, plans adopted, published and withdrawn, API keys and roles. One row per event
 * in the `audit_log` table of the saved-work database (SQLite or PostgreSQL). The application only appends and
 * reads: there is no call to change or delete a row. A row names what was acted on (an id, a role, a key's name),
 * never the content of a document, an inventory or a question.
 */
import { zonedDateTime } from "../core/text.ts";
import { backendOf, type RecordDatabase } from "./sql-records.ts";

export interface AuditEvent {
  workspace: string;
  /** Who: an e-mail or subject, `api-key:<name>`, `cli:<user>` or `local` (single-user mode). */
  actor: string;
  /** What, as a stable code: `signin`, `inventory.import`, `draft.create`… (labels in server/i18n/fr/team.json). */
  action: string;
  /** What was acted on: a record id, a person, a key's name. */
  target?: string | null;
  /** A short detail without document content (a format, a role, a result). */
  detail?: string | null;
}

export interface AuditEntry extends Required<AuditEvent> {
  seq: number;
  /** ISO date. */
  at: string;
}

const MAX_FIELD = 300;
const clip = (v: string | null | undefined) =>
  v == null ? null : v.length > MAX_FIELD ? `${v.slice(0, MAX_FIELD - 1)}…` : v;

export async function appendAudit(db: RecordDatabase, event: AuditEvent, at = new Date()): Promise<void> {
  await backendOf(db).run(
    "INSERT INTO audit_log (at, workspace, actor, action, target, detail) VALUES (?, ?, ?, ?, ?, ?)",
    [
      at.toISOString(),
      clip(event.workspace),
      clip(event.actor),
      clip(event.action),
      clip(event.target),
      clip(event.detail),
    ],
  );
}

export interface AuditQuery {
  /** Only this workspace (an administrator reads their own); all workspaces when absent (the CLI). */
  workspace?: string;
  /** Entries after this sequence number (to page forward). */
  after?: number;
  limit?: number;
}

/** Entries, oldest first. */
export async function readAudit(db: RecordDatabase, query: AuditQuery = {}): Promise<AuditEntry[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.workspace !== undefined) {
    where.push("workspace = ?");
    params.push(query.workspace);
  }
  if (query.after !== undefined) {
    where.push("seq > ?");
    params.push(query.after);
  }
  const limit = Math.min(Math.max(query.limit ?? 1000, 1), 100_000);
  const rows = await backendOf(db).all<AuditEntry>(
    `SELECT seq, at, workspace, actor, action, target, detail FROM audit_log${where.length ? ` WHERE ${where.join(" AND ")}` : ""} ORDER BY seq LIMIT ${limit}`,
    params,
  );
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

/**
 * The log as CSV (RFC 4180, `;`-separated for French spreadsheets, with a BOM so Excel reads UTF-8): the instant in
 * UTC as stored, then in the collectivité's time zone with its offset (`zonedDateTime`; trial12 B6).
 */
export function auditCsv(entries: AuditEntry[], header: string[], label: (action: string) => string): string {
  const cell = (v: string | number | null) => {
    const s = v == null ? "" : String(v);
    // A cell starting with = + - @ would be a formula in a spreadsheet: prefixed with an apostrophe.
    const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [header.map(cell).join(";")];
  for (const e of entries)
    lines.push(
      [e.at, zonedDateTime(e.at), e.workspace, e.actor, e.action, label(e.action), e.target, e.detail]
        .map(cell)
        .join(";"),
    );
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
