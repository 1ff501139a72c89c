/**
 * API keys belong to a workspace: a request with a key acts in the workspace the key was created for. Keys stay
 * in the one global collection `api-keys` (a presented key is looked up before any workspace is known); this
 * view shows one workspace's keys to `createApiKeys` (server/api-keys.ts), by name. Keys of the default workspace
 * keep their plain name as id (and keys made before workspaces have no `workspace`: they are the default's).
 */

import { AppError } from "../core/errors.ts";
import { message } from "../i18n/messages.ts";
import type { RecordStore } from "../store/records.ts";
import { DEFAULT_WORKSPACE } from "../store/workspace-scope.ts";
import type { ApiKeyRecord } from "./api-keys.ts";

export const keyWorkspace = (record: ApiKeyRecord) => record.workspace ?? DEFAULT_WORKSPACE;

export function workspaceKeyStore(all: RecordStore<ApiKeyRecord>, workspace: string): RecordStore<ApiKeyRecord> {
  const idOf = (name: string) => (workspace === DEFAULT_WORKSPACE ? name : `${workspace}.${name}`);
  const mine = (r: ApiKeyRecord | null): r is ApiKeyRecord => !!r && keyWorkspace(r) === workspace;
  const names = async () =>
    (await Promise.all((await all.list()).map((id) => all.get(id)))).filter(mine).map((r) => r.name);
  return {
    async put(name, value, options) {
      const taken = await all.get(idOf(name));
      if (taken && !mine(taken)) throw new AppError("conflict", message("apiKey.exists", { name }), 409);
      return all.put(idOf(name), { ...value, workspace }, options);
    },
    async get(name) {
      const r = await all.get(idOf(name));
      return mine(r) ? r : null;
    },
    async read(name) {
      const r = await all.read(idOf(name));
      return r && mine(r.value) ? r : null;
    },
    list: names,
    ids: names,
    async delete(name) {
      return mine(await all.get(idOf(name))) ? all.delete(idOf(name)) : false;
    },
    putBytes: async () => {
      throw new Error("API keys have no bytes");
    },
    getBytes: async () => null,
  };
}
