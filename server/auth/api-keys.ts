/**
 * API keys for the OpenAI-compatible API (`/v1`), created by an administrator from the command line
 * (`npm run cli -- api-key create|list|revoke <name>`). A key is 32 random bytes, shown once; only its SHA-256
 * is kept (a long random key needs no slow hash), in the saved-work database (SQLite in DATA_DIR, or PostgreSQL). Revoking deletes the record:
 * the key stops working at the next request, in the running server too.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { AppError } from "../core/errors.ts";
import { message } from "../i18n/messages.ts";
import { isSafeId, type RecordStore } from "../store/records.ts";

export interface ApiKeyRecord {
  name: string;
  /** SHA-256 of the key, hex. */
  hash: string;
  /** The first characters of the key, to recognise it in a list. */
  prefix: string;
  createdAt: string;
  /** The workspace the key acts in (server/auth/workspace-keys.ts); absent: the default workspace. */
  workspace?: string;
}

export const API_KEYS_COLLECTION = "api-keys";
const KEY_PREFIX = "cl-";

const sha256 = (key: string) => createHash("sha256").update(key, "utf8").digest("hex");

export interface ApiKeys {
  /** Creates a key named `name` and returns it: the only time it is seen in clear. */
  create(name: string): Promise<string>;
  list(): Promise<ApiKeyRecord[]>;
  revoke(name: string): Promise<boolean>;
  /** The record of a valid key, or null. */
  verify(key: string): Promise<ApiKeyRecord | null>;
  /** Whether any key exists (to say how to create one). */
  any(): Promise<boolean>;
}

export function createApiKeys(records: RecordStore<ApiKeyRecord>): ApiKeys {
  const all = async () =>
    (await Promise.all((await records.list()).map((id) => records.get(id)))).filter(
      (r): r is ApiKeyRecord => r !== null,
    );
  return {
    async create(name) {
      if (!isSafeId(name)) throw new AppError("invalid_input", message("apiKey.invalidName", { name }));
      if (await records.get(name)) throw new AppError("conflict", message("apiKey.exists", { name }), 409);
      const key = `${KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
      await records.put(name, {
        name,
        hash: sha256(key),
        prefix: key.slice(0, KEY_PREFIX.length + 4),
        createdAt: new Date().toISOString(),
      });
      return key;
    },
    list: async () => (await all()).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    revoke: (name) => records.delete(name),
    async verify(key) {
      if (!key.startsWith(KEY_PREFIX) || key.length > 200) return null;
      const presented = Buffer.from(sha256(key), "hex");
      let found: ApiKeyRecord | null = null;
      for (const record of await all()) {
        const stored = Buffer.from(record.hash, "hex");
        if (stored.length === presented.length && timingSafeEqual(stored, presented)) found = record;
      }
      return found;
    },
    any: async () => (await records.list()).length > 0,
  };
}
