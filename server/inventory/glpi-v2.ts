/**
 * GLPI 11's high-level API (`/api.php/v2`, « API de haut niveau »), beside the legacy `apirest.php` (`glpi.ts`).
 * What this client relies on, as GLPI's sources describe it (`src/Glpi/Controller/ApiController.php`,
 * `src/Glpi/Api/HL/Router.php`, `ResourceAccessor.php`, `Controller/AssetController.php`, `src/Glpi/OAuth/Server.php`,
 * `resources/api_doc.MD`):
 * - OAuth2 token: `POST /api.php/token` (form body: `grant_type`, `client_id`, `client_secret`, `scope=api`, and
 *   `username`/`password` for the password grant) answers `{ token_type: "Bearer", expires_in, access_token }`;
 *   every call then sends `Authorization: Bearer …`. The client credentials grant is enabled in GLPI's OAuth
 *   server, but the API documentation recommends the password grant for scripts (a session needs a user): both
 *   are offered, the password grant when a user name is configured.
 * - Version in the path: `/api.php/v2/…` takes the latest 2.x the server has (`/api.php/v2.2/…` pins one).
 * - Collections are paged with `start` and `limit`; the answer is 206 while more remain, with
 *   `Content-Range: start-end/total`; errors are `{ status: "ERROR_…", title, detail }`.
 * - `GET /Assets/Software` (id, name, manufacturer { id, name }, is_deleted), `GET /Assets/Software/{id}/Version`
 *   (id, name), and — API 2.2 only — `GET /Assets/{itemtype}/{id}/SoftwareInstallation` (softwareversion { id,
 *   name }) per asset of `GET /Assets/Computer`. API 2.0 (the first GLPI 11 releases) has no route for
 *   installations: the pull then stops with a French message pointing to `apirest.php`, which GLPI 11 still serves.
 *
 * Credentials are only ever sent to the configured GLPI address, never saved, logged or put in a message.
 */
import { AppError } from "../core/errors.ts";
import { message } from "../i18n/messages.ts";
import type { GlpiSoftware } from "./glpi.ts";

export interface GlpiV2Settings {
  /** GLPI's address: its root, or ending in `/api.php` or `/apirest.php` (the root is kept). */
  url: string;
  clientId: string;
  clientSecret: string;
  /** With a user name and password, the password grant (GLPI's recommendation for scripts); else client credentials. */
  username?: string | null;
  password?: string | null;
  /** `v2` (latest 2.x) by default; `v2.2` pins a version. */
  version?: string;
  timeoutMs?: number;
  pageSize?: number;
  maxRows?: number;
}

type Row = Record<string, unknown>;

const DEFAULT_PAGE = 500;
const DEFAULT_MAX_ROWS = 2_000_000;
const DEFAULT_TIMEOUT = 30_000;

/** GLPI's root address from what a user typed: without `/api.php`, `/apirest.php`, trailing slash, query or credentials. */
export function glpiRoot(url: string): URL {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    throw new AppError("glpi_invalid_url", message("glpi.error.url", { url: url.slice(0, 200) }), 400);
  }
  if (u.protocol !== "http:" && u.protocol !== "https:")
    throw new AppError("glpi_invalid_url", message("glpi.error.url", { url: url.slice(0, 200) }), 400);
  u.search = "";
  u.hash = "";
  u.username = "";
  u.password = "";
  u.pathname = u.pathname.replace(/\/+$/, "").replace(/\/(?:api|apirest)\.php(?:\/.*)?$/, "");
  return u;
}

const hostOf = (url: string) => {
  const u = glpiRoot(url);
  return `${u.host}${u.pathname}`;
};

const num = (v: unknown): number | null => {
  const n = typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
};
const text = (v: unknown): string => (typeof v === "string" || typeof v === "number" ? String(v).trim() : "");
const nameOf = (v: unknown): string => (v && typeof v === "object" ? text((v as Row).name) : text(v));
const idOf = (v: unknown): number | null => (v && typeof v === "object" ? num((v as Row).id) : num(v));
const isTrue = (v: unknown) => v === true || v === 1 || v === "1";

class GlpiV2Client {
  private token: string | null = null;
  private renewal: Promise<void> | null = null;
  private readonly root: URL;
  private readonly host: string;
  private readonly timeoutMs: number;
  private readonly settings: GlpiV2Settings;

  constructor(settings: GlpiV2Settings) {
    this.settings = settings;
    this.root = glpiRoot(settings.url);
    this.host = hostOf(settings.url);
    this.timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT;
  }

  private url(path: string): URL {
    const u = new URL(this.root.toString());
    u.pathname = `${this.root.pathname}/api.php${path}`;
    return u;
  }

  private async send(url: URL, init: RequestInit): Promise<{ status: number; headers: Headers; body: unknown }> {
    let response: Response;
    try {
      response = await fetch(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs), redirect: "error" });
    } catch (err) {
      const name = (err as Error)?.name;
      if (name === "TimeoutError" || name === "AbortError") {
        throw new AppError(
          "glpi_timeout",
          message("glpi.error.timeout", { host: this.host, seconds: Math.round(this.timeoutMs / 1000) }),
          504,
        );
      }
      throw new AppError("glpi_unreachable", message("glpi.error.unreachable", { host: this.host }), 502);
    }
    const raw = await response.text();
    let body: unknown = null;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      // A 404 without JSON is a route this GLPI does not have (the caller says which).
      if (response.status === 404) return { status: 404, headers: response.headers, body: null };
      throw new AppError("glpi_bad_response", message("glpi.error.notGlpiV2", { host: this.host }), 502);
    }
    return { status: response.status, headers: response.headers, body };
  }

  /** OAuth2 token from `/api.php/token`: password grant with a user, client credentials otherwise. */
  async authenticate(): Promise<void> {
    const { clientId, clientSecret, username, password } = this.settings;
    const form = new URLSearchParams({ client_id: clientId, client_secret: clientSecret, scope: "api" });
    if (username) {
      form.set("grant_type", "password");
      form.set("username", username);
      form.set("password", password ?? "");
    } else form.set("grant_type", "client_credentials");
    const { status, body } = await this.send(this.url("/token"), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: form,
    });
    const token = (body as { access_token?: unknown } | null)?.access_token;
    if (status !== 200 || typeof token !== "string" || !token) {
      // OAuth errors are `{ error: "invalid_client", … }`; GLPI's own are `{ status: "ERROR_…", … }`.
      const code = text((body as Row | null)?.error) || text((body as Row | null)?.status) || String(status);
      if (status === 404)
        throw new AppError("glpi_bad_response", message("glpi.error.notGlpiV2", { host: this.host }), 502);
      throw new AppError("glpi_refused", message("glpi.error.refusedV2", { host: this.host, code }), 502);
    }
    this.token = token;
  }

  private fail(status: number, body: unknown): never {
    const code = text((body as Row | null)?.status) || String(status);
    if (status === 401)
      throw new AppError("glpi_refused", message("glpi.error.refusedV2", { host: this.host, code }), 502);
    if (status === 403 || /RIGHT|ACCESS_DENIED/.test(code))
      throw new AppError("glpi_rights", message("glpi.error.rights", { host: this.host }), 502);
    throw new AppError("glpi_error", message("glpi.error.other", { host: this.host, code }), 502);
  }

  /** One GET; a 401 (token expired during a long pull) gets one new token and one retry. */
  private async get(
    path: string,
    query: Record<string, string>,
  ): Promise<{ status: number; headers: Headers; body: unknown }> {
    const url = this.url(`/${this.settings.version ?? "v2"}${path}`);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    const call = () =>
      this.send(url, { headers: { accept: "application/json", authorization: `Bearer ${this.token}` } });
    const used = this.token;
    let result = await call();
    if (result.status === 401) {
      // Calls run a few at a time: one renewal serves them all.
      if (this.token === used) this.renewal ??= this.authenticate().finally(() => (this.renewal = null));
      await this.renewal;
      result = await call();
    }
    return result;
  }

  /** Every row of a collection, page by page (`start`, `limit`), following `Content-Range`. Null when the route is absent. */
  async all(path: string, budget: { rows: number }): Promise<Row[] | null> {
    const rows: Row[] = [];
    const limit = this.settings.pageSize ?? DEFAULT_PAGE;
    const maxRows = this.settings.maxRows ?? DEFAULT_MAX_ROWS;
    let start = 0;
    for (;;) {
      const { status, headers, body } = await this.get(path, { start: String(start), limit: String(limit) });
      if (
        status === 404 &&
        start === 0 &&
        !(body && typeof body === "object" && !Array.isArray(body) && (body as Row).status)
      )
        return null;
      if (status !== 200 && status !== 206) this.fail(status, body);
      if (!Array.isArray(body))
        throw new AppError("glpi_bad_response", message("glpi.error.notGlpiV2", { host: this.host }), 502);
      for (const row of body) if (row && typeof row === "object") rows.push(row as Row);
      budget.rows += body.length;
      if (budget.rows > maxRows)
        throw new AppError("glpi_too_large", message("glpi.error.tooLarge", { host: this.host, max: maxRows }), 413);
      const range = /(\d+)\s*-\s*(-?\d+)\s*\/\s*(\d+)/.exec(headers.get("content-range") ?? "");
      const total = range ? Number(range[3]) : null;
      if (body.length === 0) break;
      start += body.length;
      if (total === null ? status === 200 : start >= total) break;
    }
    return rows;
  }

  get label(): string {
    return this.host;
  }
}

/** Calls GLPI a few at a time: one call per software and per computer, so a large fleet would take long one by one. */
const CONCURRENCY = 4;

async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** The software list through the high-level API: software, their versions, installations per computer (API 2.2). */
export async function pullGlpiV2Software(settings: GlpiV2Settings): Promise<GlpiSoftware[]> {
  if (!settings.clientId?.trim() || !settings.clientSecret?.trim())
    throw new AppError("glpi_no_token", message("glpi.error.noClient"), 400);
  const client = new GlpiV2Client(settings);
  await client.authenticate();
  const budget = { rows: 0 };
  const software = (await client.all("/Assets/Software", budget)) ?? [];
  const versionOf = new Map<number, { software: number; name: string }>();
  const kept = software.filter((s) => !isTrue(s.is_deleted) && num(s.id) !== null && text(s.name));
  await eachLimited(kept, CONCURRENCY, async (s) => {
    const id = num(s.id)!;
    for (const v of (await client.all(`/Assets/Software/${id}/Version`, budget)) ?? []) {
      const vid = num(v.id);
      if (vid !== null) versionOf.set(vid, { software: id, name: text(v.name) });
    }
  });
  // Installations are read per asset: API 2.0 has no such route, and says so with a 404.
  const computers = (await client.all("/Assets/Computer", budget)) ?? [];
  const assets = new Map<number, Set<string>>();
  const usedVersions = new Map<number, Set<string>>();
  await eachLimited(computers, CONCURRENCY, async (computer) => {
    const cid = num(computer.id);
    if (cid === null || isTrue(computer.is_deleted)) return;
    const installs = await client.all(`/Assets/Computer/${cid}/SoftwareInstallation`, budget);
    if (installs === null)
      throw new AppError("glpi_v2_unsupported", message("glpi.error.v2NoInstallations", { host: client.label }), 502);
    for (const link of installs) {
      // Not in the documented schema; skipped if a server sends it (a link kept in GLPI's trash).
      if (isTrue(link.is_deleted)) continue;
      const version = versionOf.get(idOf(link.softwareversion) ?? -1);
      if (!version) continue;
      if (!assets.has(version.software)) assets.set(version.software, new Set());
      assets.get(version.software)!.add(`${text(link.itemtype) || "Computer"}:${cid}`);
      const name = version.name || nameOf(link.softwareversion);
      if (name) {
        if (!usedVersions.has(version.software)) usedVersions.set(version.software, new Set());
        usedVersions.get(version.software)!.add(name);
      }
    }
  });
  return kept.map((s) => {
    const id = num(s.id)!;
    return {
      name: text(s.name),
      publisher: nameOf(s.manufacturer),
      // The schema's `category` (a SoftwareCategory dropdown): a hint for software the catalog lacks.
      category: nameOf(s.category),
      versions: [...(usedVersions.get(id) ?? [])].sort(),
      installations: assets.get(id)?.size ?? 0,
    };
  });
}
