/**
 * Which workspace the code runs for. Saved work (analyses, classifications, drafts, plans…) belongs to a
 * workspace: the access middleware runs each request inside `inWorkspace(id, …)`, and `scopedRecords` resolves a
 * collection name at every call from that scope, so the domain services (inventory, drafting, tracking) stay
 * unaware of workspaces and cannot reach another workspace's records.
 *
 * The default workspace keeps the collection names of a single-user install ("analyses", "drafts"…): without
 * sign-in nothing changes, and an install that turns sign-in on later finds its work in "defaut". Other
 * workspaces use `w/<id>/<collection>`. Collections about people and keys (sessions, members, API keys) are
 * global: they are looked up before the workspace is known.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { RecordStore } from "./records.ts";

export const DEFAULT_WORKSPACE = "defaut";

/** A workspace id: lower-case letters, digits and dashes (it names collections and appears in URLs). */
export const WORKSPACE_ID = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

export const GLOBAL_COLLECTIONS = new Set(["sessions", "sign-ins", "api-keys", "workspaces", "members"]);

const scope = new AsyncLocalStorage<{ workspace: string }>();

/** Runs `work` (and everything it starts) for `workspace`. */
export function inWorkspace<T>(workspace: string, work: () => T): T {
  return scope.run({ workspace }, work);
}

/** The workspace of the running request; the default one outside any (start-up, CLI, scheduled GLPI import). */
export function currentWorkspace(): string {
  return scope.getStore()?.workspace ?? DEFAULT_WORKSPACE;
}

/** The stored collection name of `collection` in `workspace`. */
export function collectionIn(workspace: string, collection: string): string {
  return workspace === DEFAULT_WORKSPACE || GLOBAL_COLLECTIONS.has(collection)
    ? collection
    : `w/${workspace}/${collection}`;
}

/** A record store whose collection follows the current workspace at each call. */
export function scopedRecords<T>(open: (collection: string) => RecordStore<T>, collection: string): RecordStore<T> {
  const now = () => open(collectionIn(currentWorkspace(), collection));
  return {
    put: (id, value, options) => now().put(id, value, options),
    get: (id) => now().get(id),
    read: (id) => now().read(id),
    list: () => now().list(),
    ids: () => now().ids(),
    delete: (id) => now().delete(id),
    putBytes: (id, bytes) => now().putBytes(id, bytes),
    getBytes: (id) => now().getBytes(id),
  };
}
