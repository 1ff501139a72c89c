/**
 * The port for saved user work (inventory analyses, manual classifications, drafts): small JSON records in
 * named collections. The file implementation writes atomically (temporary file then rename), so a crash or a
 * bad request never leaves a half-written record; a region could implement the same port on object storage.
 */

import { createHash, randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { localDay } from "../core/text.ts";

/** A record as read for a compare-and-set write: its value and its revision (every write of the value bumps it). */
export interface Revised<T> {
  value: T;
  revision: number;
}

/**
 * A compare-and-set write: `expected` is the revision the writer read (`null`: the record must not exist yet).
 * The database decides, in one conditional statement, so two servers sharing it cannot both write on one revision.
 */
export interface PutOptions {
  expected: number | null;
}

export interface RecordStore<T> {
  /** Writes the record; with `expected`, only if it is still at that revision: false when it was not written. */
  put(id: string, value: T, options?: PutOptions): Promise<boolean>;
  get(id: string): Promise<T | null>;
  /** The record and its revision, for a later `put(id, value, { expected: revision })`. */
  read(id: string): Promise<Revised<T> | null>;
  /** All ids, most recently written first. */
  list(): Promise<string[]>;
  /** All ids, in no order (cheaper than `list`: no file is opened or stat'ed). */
  ids(): Promise<string[]>;
  /** Removes the record and its bytes, if any. */
  delete(id: string): Promise<boolean>;
  /** Bytes kept beside a record (a compact, compressed table), written atomically like records. */
  putBytes(id: string, bytes: Uint8Array): Promise<void>;
  getBytes(id: string): Promise<Uint8Array | null>;
}

/**
 * Changes a record on the revision read, and again on a fresh read when another writer saved it in between (another
 * server sharing the database): a change to some fields never writes back another writer's older copy of the others.
 * `change` gets the record (null when there is none yet) and returns what to write; returns what was written.
 */
export async function updateOnRevision<T>(
  store: RecordStore<T>,
  id: string,
  change: (value: T | null) => T | Promise<T>,
): Promise<T> {
  for (;;) {
    const found = await store.read(id);
    const next = await change(found?.value ?? null);
    if (await store.put(id, next, { expected: found?.revision ?? null })) return next;
  }
}

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
export const isSafeId = (id: string) => SAFE_ID.test(id) && !id.includes("..");

export function newRecordId(): string {
  return `${localDay()}-${randomUUID().slice(0, 8)}`;
}

export function createFileRecordStore<T>(dir: string): RecordStore<T> {
  const file = (id: string, ext = "json") => {
    if (!isSafeId(id)) throw new Error(`Unsafe record id: ${id}`);
    return path.join(dir, `${id}.${ext}`);
  };
  const writeAtomic = async (target: string, data: string | Uint8Array) => {
    await ensureDir();
    const tmp = `${target}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
    try {
      await writeFile(tmp, data, typeof data === "string" ? "utf8" : undefined);
      await rename(tmp, target);
    } catch (err) {
      await rm(tmp, { force: true }).catch(() => {});
      throw err;
    }
  };
  let ready: Promise<unknown> | null = null;
  const ensureDir = () => (ready ??= mkdir(dir, { recursive: true }));
  /** A file's bytes, or null when it does not exist. */
  const bytesOf = async (target: string) => {
    try {
      return await readFile(target);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw err;
    }
  };
  // Files have no revision: a hash of the content stands for it (the modification time did not: two writes within
  // one tick of the file system kept it, and a stale write passed — a fresh-clone run under load). The check then the
  // rename are two steps, so this store is safe in one process only (tools, benchmarks); the server uses the
  // database (sql-records.ts).
  const revisionOf = (bytes: Uint8Array) =>
    Number.parseInt(createHash("sha256").update(bytes).digest("hex").slice(0, 12), 16);
  const store: RecordStore<T> = {
    async put(id, value, options) {
      if (options) {
        const bytes = await bytesOf(file(id)).catch(() => null);
        if ((bytes ? revisionOf(bytes) : null) !== options.expected) return false;
      }
      await writeAtomic(file(id), JSON.stringify(value, null, 2));
      return true;
    },
    async read(id) {
      if (!isSafeId(id)) return null;
      // One read gives both the value and its revision.
      const bytes = await bytesOf(file(id));
      return bytes ? { value: JSON.parse(bytes.toString("utf8")) as T, revision: revisionOf(bytes) } : null;
    },
    async putBytes(id, bytes) {
      await writeAtomic(file(id, "bin"), bytes);
    },
    async getBytes(id) {
      if (!isSafeId(id)) return null;
      const bytes = await bytesOf(file(id, "bin"));
      return bytes ? new Uint8Array(bytes) : null;
    },
    async get(id) {
      if (!isSafeId(id)) return null;
      const bytes = await bytesOf(file(id));
      return bytes ? (JSON.parse(bytes.toString("utf8")) as T) : null;
    },
    async ids() {
      await ensureDir();
      return (await readdir(dir)).filter((n) => n.endsWith(".json")).map((n) => n.slice(0, -5));
    },
    async list() {
      await ensureDir();
      const { stat } = await import("node:fs/promises");
      const names = (await readdir(dir)).filter((n) => n.endsWith(".json"));
      const withTimes = await Promise.all(
        names.map(async (n) => ({ id: n.slice(0, -5), t: (await stat(path.join(dir, n))).mtimeMs })),
      );
      return withTimes.sort((a, b) => b.t - a.t).map((x) => x.id);
    },
    async delete(id) {
      if (!isSafeId(id)) return false;
      await rm(file(id, "bin"), { force: true }).catch(() => {});
      try {
        await rm(file(id));
        return true;
      } catch {
        return false;
      }
    },
  };
  return store;
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
