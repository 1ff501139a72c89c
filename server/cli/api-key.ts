/** `npm run cli -- api-key create|list|revoke <name>`: keys of the OpenAI-compatible API (`/v1`). */
import { API_KEYS_COLLECTION, createApiKeys, type ApiKeyRecord, type ApiKeys } from "../auth/api-keys.ts";
import type { Config } from "../config.ts";
import { message } from "../i18n/messages.ts";
import { openRecordDatabase } from "../store/open-records.ts";

/** `npm run cli -- api-key create|list|revoke <name>`, on the saved-work database alone; returns the exit code. */
export async function apiKeyCommand(args: string[], config: Config, out: (text: string) => void, line: (text: string) => void): Promise<number> {
  const db = await openRecordDatabase(config, line);
  try {
    return await run(args, createApiKeys(db.store<ApiKeyRecord>(API_KEYS_COLLECTION)), out, line);
  } finally {
    await db.close();
  }
}

async function run(args: string[], keys: ApiKeys, out: (text: string) => void, line: (text: string) => void): Promise<number> {
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
    for (const k of list) out(`${message("apiKey.line", { name: k.name, createdAt: k.createdAt.slice(0, 16).replace("T", " "), prefix: k.prefix })}\n`);
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
