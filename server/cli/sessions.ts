/**
 * `npm run cli -- sessions`: lists the open sessions; `sessions revoke <e-mail|subject|key>` or `--all` ends
 * them at once (a lost laptop, someone who left). Opens only the database of saved work, so it runs beside the
 * server (SQLite in WAL mode, or PostgreSQL).
 */
import { mkdir } from "node:fs/promises";
import { expiringStore, type Session } from "../auth/sessions.ts";
import type { Config } from "../config.ts";
import { message } from "../i18n/messages.ts";
import { openRecordDatabase } from "../store/open-records.ts";

export async function sessionsCommand(
  positionals: string[],
  values: { all?: boolean },
  config: Config,
  out: (text: string) => void,
): Promise<number> {
  const [action, who] = positionals;
  if (action !== undefined && (action !== "revoke" || (!who && !values.all))) {
    out(`${message("auth.cli.usage")}\n`);
    return 2;
  }
  if (!config.databaseUrl) await mkdir(config.dataDir, { recursive: true });
  const db = await openRecordDatabase(config);
  try {
    const sessions = expiringStore(db.store<Session>("sessions"));
    await sessions.sweep();
    const live = await sessions.entries();
    if (action === undefined) {
      if (!live.length) out(`${message("auth.cli.none")}\n`);
      for (const { key, value: s } of live) {
        out(
          `${message("auth.cli.line", { name: s.name, email: s.email ?? "—", subject: s.subject, created: s.created, expires: s.expires, key: key.slice(0, 12) })}\n`,
        );
      }
      return 0;
    }
    const target = who?.toLowerCase();
    const chosen = live.filter(
      ({ key, value: s }) =>
        values.all ||
        s.email?.toLowerCase() === target ||
        s.subject === who ||
        (target!.length >= 8 && key.startsWith(target!)),
    );
    let count = 0;
    for (const { key } of chosen) if (await sessions.deleteKey(key)) count++;
    out(`${message("auth.cli.revoked", { count })}\n`);
    return 0;
  } finally {
    await db.close();
  }
}
