/**
 * The data-folder lock: one Cap Libre process per DATA_DIR. Two processes writing the same LanceDB folder
 * duplicate rows and corrupt each other's indexes, so a second server refuses to start with a French message.
 * A lock left by a process that no longer exists (kill -9, power cut) is detected by its pid and taken over.
 */
import { open, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../core/errors.ts";
import { frenchDateTime } from "../core/text.ts";
import { message } from "../i18n/messages.ts";

export const LOCK_FILE = "cap-libre.lock";

export interface DataLock {
  /** True for the first holder in this process (the one that may clean up after a previous crash). */
  readonly first: boolean;
  release(): Promise<void>;
}

interface LockContent {
  pid: number;
  since: string;
  /** The address of the server holding the lock, once it listens: the CLI sends its questions there. */
  url?: string;
}

/** Locks held by this process, by folder: a process may open its own folder twice (tests, CLI helpers). */
const held = new Map<string, { count: number }>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function acquireDataLock(dataDir: string): Promise<DataLock> {
  const file = path.join(dataDir, LOCK_FILE);
  const mine = held.get(file);
  if (mine) {
    mine.count++;
    return releaser(file, false);
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, "wx");
      await handle.writeFile(
        JSON.stringify({ pid: process.pid, since: new Date().toISOString() } satisfies LockContent),
      );
      await handle.close();
      held.set(file, { count: 1 });
      return releaser(file, true);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    let owner: LockContent | null = null;
    try {
      owner = JSON.parse(await readFile(file, "utf8")) as LockContent;
    } catch {
      // Being written by its owner right now, or truncated by a crash: look again, then give up.
      await new Promise((r) => setTimeout(r, 50));
      if (attempt === 2) throw new AppError("data_locked", message("lock.unreadable", { file }), 409);
      continue;
    }
    if (owner && Number.isInteger(owner.pid) && owner.pid !== process.pid && alive(owner.pid)) {
      throw new AppError(
        "data_locked",
        message("lock.held", {
          pid: owner.pid,
          dir: dataDir,
          since:
            typeof owner.since === "string" && !Number.isNaN(Date.parse(owner.since))
              ? frenchDateTime(owner.since)
              : "?",
        }),
        409,
      );
    }
    // A stale lock (its process is gone, or it is our own pid reused after a restart): take it over.
    await rm(file, { force: true });
  }
  throw new AppError("data_locked", message("lock.unreadable", { file }), 409);
}

/** Writes the address the server of this process listens on into its lock (nothing if this process holds none). */
export async function recordServerUrl(dataDir: string, url: string): Promise<void> {
  const file = path.join(dataDir, LOCK_FILE);
  if (!held.has(file)) return;
  const content = JSON.parse(await readFile(file, "utf8")) as LockContent;
  if (content.pid !== process.pid) return;
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify({ ...content, url } satisfies LockContent));
  await rename(tmp, file);
}

/** The address of another live Cap Libre server on this data folder, or null. */
export async function runningServerUrl(dataDir: string): Promise<string | null> {
  try {
    const owner = JSON.parse(await readFile(path.join(dataDir, LOCK_FILE), "utf8")) as LockContent;
    return owner.pid !== process.pid && alive(owner.pid) && typeof owner.url === "string" ? owner.url : null;
  } catch {
    return null;
  }
}

function releaser(file: string, first: boolean): DataLock {
  let released = false;
  return {
    first,
    async release() {
      if (released) return;
      released = true;
      const mine = held.get(file);
      if (!mine) return;
      if (--mine.count > 0) return;
      held.delete(file);
      await rm(file, { force: true });
    },
  };
}
