/**
 * The team commands of `npm run cli`, on the saved-work database alone (they run beside the server):
 * - `workspace list | create <id> <nom…> | members <id> | role <id> <courriel|sub:sujet> <rôle|aucun> |
 *   api-key <id> create|list|revoke [nom]`;
 * - `audit [<espace>] [--out journal.csv]`: the audit log, all workspaces or one;
 * - `backup <fichier>` (server running or not) and `restore <fichier>` (server stopped: the data-folder lock).
 * Every change is appended to the audit log, by `cli:<user>`.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { userInfo } from "node:os";
import { API_KEYS_COLLECTION, type ApiKeyRecord, createApiKeys } from "../auth/api-keys.ts";
import { parseRole, type Role } from "../auth/roles.ts";
import { workspaceKeyStore } from "../auth/workspace-keys.ts";
import { principalOf, teamStore } from "../auth/workspaces.ts";
import type { Config } from "../config.ts";
import { AppError } from "../core/errors.ts";
import { formatInt, zonedDateTime } from "../core/text.ts";
import { countText, message } from "../i18n/messages.ts";
import { appendAudit, auditCsv, readAudit } from "../store/audit.ts";
import { backupTo, readBackup, restoreFrom } from "../store/backup.ts";
import { acquireDataLock } from "../store/lock.ts";
import { openRecordDatabase } from "../store/open-records.ts";
import { backendOf, type RecordDatabase } from "../store/sql-records.ts";

/** « 1 enregistrement », « 1 204 enregistrements »: the count with its noun, French digit grouping. */
const counted = (noun: string, n: number) => countText(noun, n, formatInt(n));

type Out = (text: string) => void;

export const cliActor = () => {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return "cli";
  }
};

async function withDatabase<T>(config: Config, work: (db: RecordDatabase) => Promise<T>): Promise<T> {
  if (!config.databaseUrl) await mkdir(config.dataDir, { recursive: true });
  const db = await openRecordDatabase(config);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

export async function workspaceCommand(positionals: string[], config: Config, out: Out): Promise<number> {
  const [action, id, ...rest] = positionals;
  const usage = () => {
    out(`${message("team.cli.usage")}\n`);
    return 2;
  };
  if (!action || (action !== "list" && !id)) return usage();
  return withDatabase(config, async (db) => {
    const team = teamStore(db);
    const log = (action: string, target: string, detail: string | null = null, workspace = id!) =>
      appendAudit(db, { workspace, actor: cliActor(), action, target, detail });
    switch (action) {
      case "list": {
        for (const w of await team.listWorkspaces())
          out(`${message("team.cli.workspaceLine", { id: w.id, name: w.name })}\n`);
        return 0;
      }
      case "create": {
        const ws = await team.createWorkspace(id!, rest.join(" "));
        await log("workspace.create", ws.id, ws.name);
        out(`${message("team.cli.created", { id: ws.id, name: ws.name })}\n`);
        return 0;
      }
      case "members": {
        await team.requireWorkspace(id!);
        const members = await team.membersOf(id!);
        if (!members.length) out(`${message("team.cli.noMembers", { id: id! })}\n`);
        for (const m of members)
          out(`${message("team.cli.memberLine", { principal: m.principal, role: message(`team.role.${m.role}`) })}\n`);
        return 0;
      }
      case "role": {
        const [who, roleText] = rest;
        if (!who || !roleText) return usage();
        await team.requireWorkspace(id!);
        const role: Role | null = roleText === "aucun" ? null : parseRole(roleText);
        if (roleText !== "aucun" && !role)
          throw new AppError("invalid_input", message("team.role.invalid", { role: roleText }));
        const principal = principalOf(who);
        const before = await team.setRole(principal, id!, role);
        await log("member.role", principal, `${before ?? "aucun"} → ${role ?? "aucun"}`);
        const label = (r: Role | null) => (r ? message(`team.role.${r}`) : message("team.cli.none"));
        out(`${message("team.cli.roleSet", { who: principal, role: label(role), id: id!, before: label(before) })}\n`);
        return 0;
      }
      case "api-key": {
        const [verb, name] = rest;
        await team.requireWorkspace(id!);
        const keys = createApiKeys(workspaceKeyStore(db.store<ApiKeyRecord>(API_KEYS_COLLECTION), id!));
        if (verb === "create" && name) {
          const key = await keys.create(name);
          await log("apikey.create", name);
          out(`${message("apiKey.created", { name })}\n${key}\n`);
          return 0;
        }
        if (verb === "list" && !name) {
          const list = await keys.list();
          if (!list.length) out(`${message("apiKey.none")}\n`);
          for (const k of list)
            out(
              `${message("apiKey.line", { name: k.name, createdAt: k.createdAt.slice(0, 16).replace("T", " "), prefix: k.prefix })}\n`,
            );
          return 0;
        }
        if (verb === "revoke" && name) {
          if (!(await keys.revoke(name))) {
            out(`${message("apiKey.unknown", { name })}\n`);
            return 1;
          }
          await log("apikey.revoke", name);
          out(`${message("apiKey.revoked", { name })}\n`);
          return 0;
        }
        return usage();
      }
      default:
        return usage();
    }
  });
}

/** What a line acted on; for a refused attempt, the action attempted, in words when it is one of the log's. */
function targetText(e: { action: string; target: string | null }): string {
  if (e.action !== "denied" || !e.target || !/^[a-z]+\.[a-z]+$/.test(e.target)) return e.target ?? "";
  return message(`team.audit.${e.target}`);
}

export async function auditCommand(
  positionals: string[],
  values: { out?: string },
  config: Config,
  out: Out,
): Promise<number> {
  const [workspace, extra] = positionals;
  if (extra) {
    out(`${message("team.cli.auditUsage")}\n`);
    return 2;
  }
  return withDatabase(config, async (db) => {
    const entries = await readAudit(db, { workspace, limit: 100_000 });
    const label = (a: string) => message(`team.audit.${a}`);
    if (values.out) {
      await writeFile(values.out, auditCsv(entries, message("team.audit.csvHeader").split(";"), label));
      out(`${message("team.cli.auditWritten", { file: values.out, count: entries.length })}\n`);
      return 0;
    }
    if (!entries.length) out(`${message("team.cli.auditEmpty")}\n`);
    for (const e of entries) {
      out(
        `${message("team.cli.auditLine", { at: zonedDateTime(e.at), workspace: e.workspace || "—", actor: e.actor, label: label(e.action), target: e.target ? ` : ${targetText(e)}` : "", detail: e.detail ? ` (${e.detail})` : "" })}\n`,
      );
    }
    return 0;
  });
}

export async function backupCommand(positionals: string[], config: Config, out: Out): Promise<number> {
  const [file, extra] = positionals;
  if (!file || extra) {
    out(`${message("backup.usage")}\n`);
    return 2;
  }
  return withDatabase(config, async (db) => {
    const header = await backupTo(db, file);
    out(
      `${message("backup.done", { file, records: counted("record", header.counts.records), conversations: counted("conversation", header.counts.conversations ?? 0), audit: counted("line", header.counts.audit), schema: header.schema, backend: header.database === "sqlite" ? "SQLite" : "PostgreSQL" })}\n`,
    );
    return 0;
  });
}

export async function restoreCommand(positionals: string[], config: Config, out: Out): Promise<number> {
  const [file, extra] = positionals;
  if (!file || extra) {
    out(`${message("backup.usage")}\n`);
    return 2;
  }
  // Everything is read and checked before the database is touched.
  const backup = await readBackup(file);
  await mkdir(config.dataDir, { recursive: true });
  // A running server holds the data folder: its caches would no longer match the database.
  const lock = await acquireDataLock(config.dataDir).catch((err) => {
    if ((err as AppError).code === "data_locked")
      throw new AppError("data_locked", message("backup.serverRunning", { dir: config.dataDir }), 409);
    throw err;
  });
  if (!lock.first) {
    // Held in this very process (a server started beside the command, as the tests do).
    await lock.release();
    throw new AppError("data_locked", message("backup.serverRunning", { dir: config.dataDir }), 409);
  }
  try {
    return await withDatabase(config, async (db) => {
      // PostgreSQL: every running server holds this lock shared (server/engine.ts).
      const alone = backendOf(db).useLock ? await backendOf(db).useLock!("exclusive") : async () => {};
      if (!alone) throw new AppError("data_locked", message("backup.serverRunningDb"), 409);
      try {
        await restoreFrom(db, backup);
      } finally {
        await alone();
      }
      await appendAudit(db, {
        workspace: "",
        actor: cliActor(),
        action: "backup.restore",
        target: file.split(/[\\/]/).pop() ?? file,
        detail: backup.header.createdAt,
      });
      out(
        `${message("backup.restored", { file, createdAt: backup.header.createdAt, records: counted("record", backup.header.counts.records), conversations: counted("conversation", backup.header.counts.conversations ?? 0), audit: counted("line", backup.header.counts.audit) })}\n`,
      );
      return 0;
    });
  } finally {
    await lock.release();
  }
}
