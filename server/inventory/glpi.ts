/**
 * GLPI connector: pulls the software inventory straight from GLPI's REST API (`apirest.php`, GLPI 9.5 to 11) and
 * turns it into the same file a DSI would export from GLPI's software list (GLPI 10 CSV), so that a pulled
 * inventory goes through exactly the same parsing and analysis as an upload.
 *
 * API calls (GLPI's apirest.md): `initSession` with `Authorization: user_token …` (and `App-Token` when the API
 * client has one), then three collections read page by page with `range=start-end` — the `Content-Range:
 * start-end/total` header says when to stop —, then `killSession`:
 * - `Software` (dropdowns expanded, so `manufacturers_id` is the publisher's name and `softwarecategories_id` the
 *   software's category, a hint for software the catalog lacks),
 * - `SoftwareVersion` (`softwares_id`, version `name`),
 * - `Item_SoftwareVersion` (one row per installation: `softwareversions_id`, `itemtype`, `items_id`).
 * Installations are the distinct assets per software, as GLPI's « Nombre d'installations » column counts them.
 *
 * Tokens are only ever sent to the configured GLPI address: they are never saved, logged or put in a message.
 */
import { AppError } from "../core/errors.ts";
import { message } from "../i18n/messages.ts";
import { type GlpiV2Settings, glpiRoot, pullGlpiV2Software } from "./glpi-v2.ts";
import type { InventoryFile } from "./parse.ts";

export interface GlpiSettings {
  /** The API's base address, e.g. `https://glpi.mairie.fr/apirest.php`. */
  url: string;
  /** The user's remote access key (« Clé d'accès distant » in the user's preferences). */
  userToken: string;
  /** The API client's application token, when the API client is set to require one. */
  appToken?: string | null;
  /** Milliseconds one call may take. */
  timeoutMs?: number;
  /** Rows asked per page (GLPI's `Accept-Range` header may lower it). */
  pageSize?: number;
  /** Largest number of rows read per collection, so a huge or looping instance cannot stall the server. */
  maxRows?: number;
}

interface GlpiRow {
  [key: string]: unknown;
}

const DEFAULT_PAGE = 500;
const DEFAULT_MAX_ROWS = 2_000_000;
const DEFAULT_TIMEOUT = 30_000;

/** The API base address as typed by a user: with or without `apirest.php`, with or without a trailing slash. */
export function glpiApiBase(url: string): string {
  let base: URL;
  try {
    base = new URL(url.trim());
  } catch {
    throw new AppError("glpi_invalid_url", message("glpi.error.url", { url: url.slice(0, 200) }), 400);
  }
  if (base.protocol !== "http:" && base.protocol !== "https:")
    throw new AppError("glpi_invalid_url", message("glpi.error.url", { url: url.slice(0, 200) }), 400);
  base.search = "";
  base.hash = "";
  let p = base.pathname.replace(/\/+$/, "");
  if (!/\/apirest\.php$/.test(p)) p = `${p}/apirest.php`;
  base.pathname = p;
  return base.toString();
}

/** A GLPI address without its credentials, query or API script, to name the source in a saved analysis. */
export function glpiLabel(url: string): string {
  const u = glpiRoot(url);
  return `${u.host}${u.pathname}`;
}

class GlpiClient {
  private session: string | null = null;
  private readonly base: string;
  private readonly timeoutMs: number;
  private readonly settings: GlpiSettings;

  constructor(settings: GlpiSettings) {
    this.settings = settings;
    this.base = glpiApiBase(settings.url);
    this.timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT;
  }

  private headers(): Record<string, string> {
    const h: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
    if (this.settings.appToken) h["app-token"] = this.settings.appToken;
    if (this.session) h["session-token"] = this.session;
    else h.authorization = `user_token ${this.settings.userToken}`;
    return h;
  }

  private async call(
    endpoint: string,
    query: Record<string, string> = {},
  ): Promise<{ status: number; headers: Headers; body: unknown }> {
    const url = new URL(`${this.base}/${endpoint}`);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    let response: Response;
    try {
      response = await fetch(url, {
        headers: this.headers(),
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: "error",
      });
    } catch (err) {
      const name = (err as Error)?.name;
      if (name === "TimeoutError" || name === "AbortError") {
        throw new AppError(
          "glpi_timeout",
          message("glpi.error.timeout", {
            host: glpiLabel(this.settings.url),
            seconds: Math.round(this.timeoutMs / 1000),
          }),
          504,
        );
      }
      throw new AppError(
        "glpi_unreachable",
        message("glpi.error.unreachable", { host: glpiLabel(this.settings.url) }),
        502,
      );
    }
    const text = await response.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      throw new AppError(
        "glpi_bad_response",
        message("glpi.error.notGlpi", { host: glpiLabel(this.settings.url) }),
        502,
      );
    }
    return { status: response.status, headers: response.headers, body };
  }

  /** GLPI answers errors as `["ERROR_CODE", "message"]`. */
  private fail(status: number, body: unknown): never {
    const code = Array.isArray(body) && typeof body[0] === "string" ? body[0] : "";
    if (status === 401 || /TOKEN|LOGIN|SESSION|NOT_ALLOWED_IP/.test(code)) {
      throw new AppError(
        "glpi_refused",
        message("glpi.error.refused", { host: glpiLabel(this.settings.url), code: code || String(status) }),
        502,
      );
    }
    if (status === 403 || /RIGHT/.test(code)) {
      throw new AppError("glpi_rights", message("glpi.error.rights", { host: glpiLabel(this.settings.url) }), 502);
    }
    throw new AppError(
      "glpi_error",
      message("glpi.error.other", { host: glpiLabel(this.settings.url), code: code || String(status) }),
      502,
    );
  }

  async open(): Promise<void> {
    const { status, body } = await this.call("initSession");
    const token = (body as { session_token?: unknown } | null)?.session_token;
    if (status !== 200 || typeof token !== "string" || !token) this.fail(status, body);
    this.session = token;
  }

  async close(): Promise<void> {
    if (!this.session) return;
    await this.call("killSession").catch(() => undefined);
    this.session = null;
  }

  /** Every row of a collection, page by page, following `Content-Range`. */
  async all(itemtype: string, query: Record<string, string> = {}): Promise<GlpiRow[]> {
    const rows: GlpiRow[] = [];
    let page = this.settings.pageSize ?? DEFAULT_PAGE;
    const maxRows = this.settings.maxRows ?? DEFAULT_MAX_ROWS;
    let start = 0;
    for (;;) {
      const { status, headers, body } = await this.call(`${itemtype}/`, {
        ...query,
        range: `${start}-${start + page - 1}`,
        get_hateoas: "false",
      });
      const code = Array.isArray(body) && typeof body[0] === "string" ? body[0] : "";
      // Asking past the end (an empty collection included) is an error in GLPI: it means there is nothing more.
      if (status === 400 && code === "ERROR_RANGE_EXCEED_TOTAL") break;
      if (status !== 200 && status !== 206) this.fail(status, body);
      if (!Array.isArray(body))
        throw new AppError(
          "glpi_bad_response",
          message("glpi.error.notGlpi", { host: glpiLabel(this.settings.url) }),
          502,
        );
      for (const row of body) if (row && typeof row === "object") rows.push(row as GlpiRow);
      if (rows.length > maxRows) {
        throw new AppError(
          "glpi_too_large",
          message("glpi.error.tooLarge", { host: glpiLabel(this.settings.url), max: maxRows }),
          413,
        );
      }
      const range = /(\d+)\s*-\s*(-?\d+)\s*\/\s*(\d+)/.exec(headers.get("content-range") ?? "");
      const total = range ? Number(range[3]) : null;
      const accepted = Number(headers.get("accept-range")?.replace(/\D+/g, ""));
      if (accepted > 0 && accepted < page) page = accepted;
      if (body.length === 0) break;
      start += body.length;
      if (total === null ? status === 200 : start >= total) break;
    }
    return rows;
  }
}

const num = (v: unknown): number | null => {
  const n = typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
};
const text = (v: unknown): string => {
  if (typeof v !== "string" && typeof v !== "number") return "";
  const s = String(v)
    .replace(/&nbsp;/g, " ")
    .trim();
  // An empty dropdown comes back as "&nbsp;", " " or "0".
  return s === "0" ? "" : s;
};
const deleted = (row: GlpiRow) => row.is_deleted === 1 || row.is_deleted === "1" || row.is_deleted === true;

/** The software list as GLPI's « Logiciels » list exports it: one row per software, its publisher, versions, installations. */
export interface GlpiSoftware {
  name: string;
  publisher: string;
  /** GLPI's software category (« Métier > RH »), empty when none is set. */
  category?: string;
  versions: string[];
  installations: number;
}

export async function pullGlpiSoftware(settings: GlpiSettings): Promise<GlpiSoftware[]> {
  if (!settings.userToken?.trim()) throw new AppError("glpi_no_token", message("glpi.error.noToken"), 400);
  const client = new GlpiClient(settings);
  await client.open();
  try {
    const software = await client.all("Software", { expand_dropdowns: "true" });
    const versions = await client.all("SoftwareVersion");
    const installs = await client.all("Item_SoftwareVersion");

    const versionOf = new Map<number, { software: number; name: string }>();
    for (const v of versions) {
      const id = num(v.id);
      const sw = num(v.softwares_id);
      if (id !== null && sw !== null) versionOf.set(id, { software: sw, name: text(v.name) });
    }
    const assets = new Map<number, Set<string>>();
    const usedVersions = new Map<number, Set<string>>();
    for (const link of installs) {
      if (deleted(link) || link.is_deleted_item === 1 || link.is_deleted_item === "1") continue;
      const version = versionOf.get(num(link.softwareversions_id) ?? -1);
      if (!version) continue;
      const asset = `${text(link.itemtype) || "Computer"}:${String(link.items_id)}`;
      if (!assets.has(version.software)) assets.set(version.software, new Set());
      assets.get(version.software)!.add(asset);
      if (version.name) {
        if (!usedVersions.has(version.software)) usedVersions.set(version.software, new Set());
        usedVersions.get(version.software)!.add(version.name);
      }
    }
    const result: GlpiSoftware[] = [];
    for (const sw of software) {
      if (deleted(sw) || sw.is_template === 1 || sw.is_template === "1") continue;
      const id = num(sw.id);
      const name = text(sw.name);
      if (id === null || !name) continue;
      result.push({
        name,
        publisher: text(sw.manufacturers_id),
        category: text(sw.softwarecategories_id),
        versions: [...(usedVersions.get(id) ?? [])].sort(),
        installations: assets.get(id)?.size ?? 0,
      });
    }
    return result;
  } finally {
    await client.close();
  }
}

const csvCell = (v: string) => `"${v.replaceAll('"', "''")}"`;

/**
 * The pulled list written as GLPI 10 exports its software list (UTF-8 with BOM, `;`, every cell quoted, a
 * trailing `;`, versions joined by `<br>`), so parsing and analysis are those of an upload.
 */
export function toGlpiExport(software: GlpiSoftware[]): string {
  const header = ["Nom", "Éditeur", "Catégorie", "Versions - Nom", "Nombre d'installations"];
  const lines = [header.map(csvCell).join(";") + ";"];
  for (const s of software)
    lines.push(
      [s.name, s.publisher, s.category ?? "", s.versions.join("<br>"), String(s.installations)].map(csvCell).join(";") +
        ";",
    );
  return `\uFEFF${lines.join("\n")}\n`;
}

/** Which API a pull goes through: `apirest.php` (GLPI 9.5 to 11) or GLPI 11's high-level API (`/api.php/v2`). */
export type GlpiPullSettings = (GlpiSettings & { api?: "apirest" }) | (GlpiV2Settings & { api: "v2" });

/** The inventory file a pull produces, named after the GLPI address and the day (never its tokens). */
export async function pullGlpiInventory(settings: GlpiPullSettings, now = new Date()): Promise<InventoryFile> {
  const software = settings.api === "v2" ? await pullGlpiV2Software(settings) : await pullGlpiSoftware(settings);
  const name = message("glpi.fileName", { host: glpiLabel(settings.url), date: now.toISOString().slice(0, 10) });
  return { name, bytes: new TextEncoder().encode(toGlpiExport(software)) };
}
