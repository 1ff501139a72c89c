/** `npm run cli -- api-key create|list|revoke <name>`: keys of the OpenAI-compatible API (`/v1`). */
import { API_KEYS_COLLECTION, type ApiKeyRecord, type ApiKeys, createApiKeys } from "../auth/api-keys.ts";
import { workspaceKeyStore } from "../auth/workspace-keys.ts";
import type { Config } from "../config.ts";
import { message } from "../i18n/messages.ts";
import { appendAudit } from "../store/audit.ts";
import { openRecordDatabase } from "../store/open-records.ts";
import { DEFAULT_WORKSPACE } from "../store/workspace-scope.ts";
import { cliActor } from "./team.ts";

/** `npm run cli -- api-key create|list|revoke <name>`, on the saved-work database alone; returns the exit code. */
export async function apiKeyCommand(
  args: string[],
  config: Config,
  out: (text: string) => void,
  line: (text: string) => void,
): Promise<number> {
  const db = await openRecordDatabase(config, line);
  try {
    // The keys of the default workspace (`workspace api-key <espace> …` for another), each change in the audit log.
    const keys = createApiKeys(workspaceKeyStore(db.store<ApiKeyRecord>(API_KEYS_COLLECTION), DEFAULT_WORKSPACE));
    const code = await run(args, keys, out, line);
    const [action, name] = args;
    if (code === 0 && name && (action === "create" || action === "revoke")) {
      await appendAudit(db, {
        workspace: DEFAULT_WORKSPACE,
        actor: cliActor(),
        action: `apikey.${action}`,
        target: name,
      });
    }
    return code;
  } finally {
    await db.close();
  }
}

async function run(
  args: string[],
  keys: ApiKeys,
  out: (text: string) => void,
  line: (text: string) => void,
): Promise<number> {
  const [action, name] = args;
  if (action === "create" && name) {
    const key = await keys.create(name);
    line(message("apiKey.created", { name }));
    out(`${key}\n`);
    return 0;
  }
  if (action === "list" && !name) {
    const list = await keys.list();
    if (!list.length) line(message("apiKey.none"));
    for (const k of list)
      out(
        `${message("apiKey.line", { name: k.name, createdAt: k.createdAt.slice(0, 16).replace("T", " "), prefix: k.prefix })}\n`,
      );
    return 0;
  }
  if (action === "revoke" && name) {
    if (!(await keys.revoke(name))) {
      line(message("apiKey.unknown", { name }));
      return 1;
    }
    line(message("apiKey.revoked", { name }));
    return 0;
  }
  line(message("apiKey.usage"));
  return 2;
}
