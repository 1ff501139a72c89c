/**
 * The page's own files (`web/`, one flat folder) and how a browser may keep them.
 *
 * The version of the page is a hash of the contents of all its files (not their dates: a package built with fixed
 * dates, or a file restored with its old date, still changes it). The HTML pages name their scripts and styles with
 * it (`/app.js?v=…`), and every script names the modules it imports the same way (`./lib.js?v=…`), so the whole
 * page is one version. A file asked for with the current version is kept by the browser for a year without asking
 * again (`immutable`): any change to any file gives every URL a new version, so a new release is never shown
 * with an old script. The HTML pages themselves, and a file asked for without a version or with another one (a page
 * loaded before an update, an old link), are revalidated each time (`no-cache` with an ETag: `304 Not Modified`
 * when nothing changed).
 *
 * The folder is checked (its names, sizes and dates) at each request and read again when any of them changed, so an
 * edit is seen at the next load; a request is answered from one reading of the folder, its version and contents
 * together.
 */

import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { getMimeType } from "hono/utils/mime";

/** A year: the longest a browser is told to keep a file whose URL carries the version of its contents. */
export const VERSIONED_CACHE_CONTROL = "public, max-age=31536000, immutable";
export const REVALIDATED_CACHE_CONTROL = "no-cache";

export interface WebFile {
  body: Buffer;
  type: string;
  /** A strong validator of `body`. */
  etag: string;
}

export interface WebSnapshot {
  /** A hash of the contents of every file of the folder. */
  version: string;
  /** By name (`app.js`), as served: HTML and scripts with their references versioned. */
  files: Map<string, WebFile>;
}

const digest = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

/** Versions the references of an HTML page to the folder's own files (`src="/app.js"`), pages excepted. */
function versionHtml(text: string, names: Set<string>, version: string): string {
  return text.replace(/(\s(?:src|href)=")\/([\w.-]+)"/g, (all, attr: string, name: string) =>
    names.has(name) && !name.endsWith(".html") ? `${attr}/${name}?v=${version}"` : all,
  );
}

/** Versions a module's imports of its neighbours (`from "./lib.js"`, `import "./x.js"`). */
function versionScript(text: string, names: Set<string>, version: string): string {
  return text.replace(/(\b(?:from|import)\s*")\.\/([\w.-]+\.js)"/g, (all, head: string, name: string) =>
    names.has(name) ? `${head}./${name}?v=${version}"` : all,
  );
}

function read(dir: string, names: string[]): WebSnapshot {
  const raw = new Map(names.map((name) => [name, readFileSync(path.join(dir, name))]));
  const hash = createHash("sha256");
  for (const [name, body] of raw) hash.update(`${name}\0${body.length}\0`).update(body);
  const version = hash.digest("hex").slice(0, 16);
  const known = new Set(names);
  const files = new Map<string, WebFile>();
  for (const [name, original] of raw) {
    let body = original;
    if (name.endsWith(".html")) body = Buffer.from(versionHtml(original.toString("utf8"), known, version));
    else if (name.endsWith(".js")) body = Buffer.from(versionScript(original.toString("utf8"), known, version));
    const type = getMimeType(name) ?? "application/octet-stream";
    files.set(name, { body, type, etag: `"${digest(body).slice(0, 24)}"` });
  }
  return { version, files };
}

/** The folder `dir` as it is now: read again only when a name, size or date changed since the last call. */
export function webFolder(dir: string): () => WebSnapshot {
  let signature = "";
  let snapshot: WebSnapshot | undefined;
  return () => {
    const names = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && !e.name.startsWith("."))
      .map((e) => e.name)
      .sort();
    const now = names
      .map((name) => {
        const s = statSync(path.join(dir, name));
        return `${name}:${s.size}:${s.mtimeMs}:${s.ino}`;
      })
      .join("/");
    if (!snapshot || now !== signature) {
      snapshot = read(dir, names);
      signature = now;
    }
    return snapshot;
  };
}

/** How long a browser may keep `name` asked for with `?v=asked`. */
export function cacheControl(snapshot: WebSnapshot, name: string, asked: string | undefined): string {
  return asked === snapshot.version && !name.endsWith(".html") ? VERSIONED_CACHE_CONTROL : REVALIDATED_CACHE_CONTROL;
}
