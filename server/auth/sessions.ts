/**
 * Sign-in sessions, kept server-side in the records store (collection "sessions"): the browser holds only a
 * random id in a cookie; the database holds its SHA-256 (a copy of the database opens no session). A session
 * ends when it expires (SESSION_HOURS after sign-in), at logout, or when it is revoked.
 *
 * Sign-ins under way (state, nonce, PKCE verifier, where to return) are kept the same way for ten minutes
 * (collection "sign-ins"), each used once.
 */
import { createHash, randomBytes } from "node:crypto";
import type { RecordStore } from "../store/records.ts";
import type { Role } from "./roles.ts";

export interface SessionUser {
  subject: string;
  issuer: string;
  name: string;
  email: string | null;
  /** Roles the identity provider gave, by workspace (OIDC_ROLES_CLAIM), read at sign-in. */
  claimRoles?: Record<string, Role>;
}

export interface Session extends SessionUser {
  /** ISO dates. */
  created: string;
  expires: string;
}

export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  expires: string;
}

/** The cookie value: 32 random bytes, base64url. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
export const newToken = () => randomBytes(32).toString("base64url");
const keyOf = (token: string) => createHash("sha256").update(token).digest("hex");

/** A collection of records that expire, addressed by a secret token (only its hash is stored). */
export interface ExpiringStore<T extends { expires: string }> {
  put(token: string, value: T): Promise<void>;
  /** The live value, or null (unknown, malformed or expired: an expired one is deleted). */
  get(token: string | undefined): Promise<T | null>;
  /** Reads and deletes (a value that can be used once). */
  take(token: string | undefined): Promise<T | null>;
  delete(token: string | undefined): Promise<boolean>;
  /** Deletes every expired record; returns how many. */
  sweep(): Promise<number>;
  /** Every live record with its storage key (for revocation by an administrator). */
  entries(): Promise<{ key: string; value: T }[]>;
  deleteKey(key: string): Promise<boolean>;
}

export function expiringStore<T extends { expires: string }>(
  records: RecordStore<T>,
  now: () => number = Date.now,
): ExpiringStore<T> {
  const expired = (v: T) => Date.parse(v.expires) <= now();
  let lastSweep = now();
  const store: ExpiringStore<T> = {
    async put(token, value) {
      await records.put(keyOf(token), value);
      // Now and then, drop what expired (sessions nobody logged out of).
      if (now() - lastSweep > 3600_000) {
        lastSweep = now();
        void store.sweep().catch(() => {});
      }
    },
    async get(token) {
      if (!token || !TOKEN.test(token)) return null;
      const value = await records.get(keyOf(token));
      if (!value) return null;
      if (expired(value)) {
        await records.delete(keyOf(token));
        return null;
      }
      return value;
    },
    async take(token) {
      const value = await store.get(token);
      if (value) await records.delete(keyOf(token!));
      return value;
    },
    async delete(token) {
      if (!token || !TOKEN.test(token)) return false;
      return records.delete(keyOf(token));
    },
    async sweep() {
      let removed = 0;
      for (const key of await records.list()) {
        const value = await records.get(key);
        if (value && expired(value) && (await records.delete(key))) removed++;
      }
      return removed;
    },
    async entries() {
      const out: { key: string; value: T }[] = [];
      for (const key of await records.list()) {
        const value = await records.get(key);
        if (value && !expired(value)) out.push({ key, value });
      }
      return out;
    },
    deleteKey: (key) => records.delete(key),
  };
  return store;
}
