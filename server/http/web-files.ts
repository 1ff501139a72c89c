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
 * The third-party files the page loads from our own origin (`/vendor/chart.umd.min.js`, read from its npm package)
 * are named the same way with a hash of their own contents (`/vendor/chart.umd.min.js?v=…`, wherever a page or
 * script writes their path) and kept a year under it: an upgraded package gives a new URL, a repeat visit asks for
 * nothing. Their hashes are part of the page's version, so the script naming one is of the same release.
 *
 * The folder and those files are checked (their names, sizes and dates) at each request and read again when any of
 * them changed, so an edit is seen at the next load; a request is answered from one reading of the folder, its
 * version and contents together.
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
  /** The version its URL carries when it is not the page's (a vendor file: a hash of its own contents). */
  version?: string;
}

/** A third-party file served under `/vendor/<name>`: where it is on disk, and what is served of it. */
export interface VendorFile {
  file: string;
  /** The text served, from the file's (say, without its source map comment). */
  prepare?: (text: string) => string;
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

/** Versions the paths of vendor files written in a page or a script (`"/vendor/chart.umd.min.js"`), each with its own hash. */
function versionVendors(text: string, vendors: Map<string, string>): string {
  return text.replace(/(["'])\/vendor\/([\w.-]+)\1/g, (all, quote: string, name: string) => {
    const version = vendors.get(name);
    return version ? `${quote}/vendor/${name}?v=${version}${quote}` : all;
  });
}

/** Versions a module's imports of its neighbours (`from "./lib.js"`, `import "./x.js"`). */
function versionScript(text: string, names: Set<string>, version: string): string {
  return text.replace(/(\b(?:from|import)\s*")\.\/([\w.-]+\.js)"/g, (all, head: string, name: string) =>
    names.has(name) ? `${head}./${name}?v=${version}"` : all,
  );
}

function read(dir: string, names: string[], vendors: Record<string, VendorFile>): WebSnapshot {
  const files = new Map<string, WebFile>();
  const vendorVersions = new Map<string, string>();
  for (const [name, vendor] of Object.entries(vendors)) {
    const original = readFileSync(vendor.file);
    const body = vendor.prepare ? Buffer.from(vendor.prepare(original.toString("utf8"))) : original;
    const hash = digest(body);
    vendorVersions.set(name, hash.slice(0, 16));
    const type = getMimeType(name) ?? "application/octet-stream";
    files.set(`vendor/${name}`, { body, type, etag: `"${hash.slice(0, 24)}"`, version: hash.slice(0, 16) });
  }
  const raw = new Map(names.map((name) => [name, readFileSync(path.join(dir, name))]));
  const hash = createHash("sha256");
  for (const [name, body] of raw) hash.update(`${name}\0${body.length}\0`).update(body);
  for (const [name, version] of vendorVersions) hash.update(`vendor/${name}\0${version}\0`);
  const version = hash.digest("hex").slice(0, 16);
  const known = new Set(names);
  for (const [name, original] of raw) {
    let body = original;
    if (name.endsWith(".html"))
      body = Buffer.from(versionVendors(versionHtml(original.toString("utf8"), known, version), vendorVersions));
    else if (name.endsWith(".js"))
      body = Buffer.from(versionVendors(versionScript(original.toString("utf8"), known, version), vendorVersions));
    const type = getMimeType(name) ?? "application/octet-stream";
    files.set(name, { body, type, etag: `"${digest(body).slice(0, 24)}"` });
  }
  return { version, files };
}

/**
 * The folder `dir`, with the `vendors` files (by name under `/vendor/`), as they are now: read again only when a name,
 * size or date changed since the last call.
 */
export function webFolder(dir: string, vendors: Record<string, VendorFile> = {}): () => WebSnapshot {
  let signature = "";
  let snapshot: WebSnapshot | undefined;
  return () => {
    const names = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && !e.name.startsWith("."))
      .map((e) => e.name)
      .sort();
    const stamp = (name: string, file: string) => {
      const s = statSync(file);
      return `${name}:${s.size}:${s.mtimeMs}:${s.ino}`;
    };
    const now = [
      ...names.map((name) => stamp(name, path.join(dir, name))),
      ...Object.entries(vendors).map(([name, v]) => stamp(`vendor/${name}`, v.file)),
    ].join("/");
    if (!snapshot || now !== signature) {
      snapshot = read(dir, names, vendors);
      signature = now;
    }
    return snapshot;
  };
}

/** How long a browser may keep `name` asked for with `?v=asked`: a year under its own version, else revalidated. */
export function cacheControl(snapshot: WebSnapshot, name: string, asked: string | undefined): string {
  const version = snapshot.files.get(name)?.version ?? snapshot.version;
  return asked === version && !name.endsWith(".html") ? VERSIONED_CACHE_CONTROL : REVALIDATED_CACHE_CONTROL;
}
