/**
 * A fake GLPI server that speaks the documented REST API (`apirest.php`: initSession with `user_token`, App-Token,
 * Session-Token, collections paged by `range` with `Content-Range` / `Accept-Range`, 206 for a partial page,
 * `ERROR_RANGE_EXCEED_TOTAL`, errors as `["ERROR_CODE", "message"]`, killSession), serving a software inventory —
 * and, with `oauth`, GLPI 11's high-level API as its sources define it (`/api.php/token` OAuth2 password and client
 * credentials grants; `/api.php/v2[.x]/Assets/Software`, `…/Software/{id}/Version`, `…/Computer`,
 * `…/Computer/{id}/SoftwareInstallation` (API 2.2 only); `start`/`limit` paging with 206 and `Content-Range`;
 * errors as `{ status, title, detail }`).
 */

import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeSoftware {
  name: string;
  publisher: string | null;
  /** The software category (GLPI's `softwarecategories_id` dropdown, `category` in the high-level API). */
  category?: string | null;
  versions: string[];
  installations: number;
  deleted?: boolean;
}

export interface FakeGlpiOptions {
  software: FakeSoftware[];
  userToken: string;
  appToken?: string;
  /** Largest page the server returns (its `Accept-Range`). */
  maxPage?: number;
  /** Never answer collection requests (a stalled server). */
  stall?: boolean;
  /** Serves the high-level API (`/api.php`) to this OAuth2 client; a user is required when `username` is set. */
  oauth?: { clientId: string; clientSecret: string; username?: string; password?: string };
  /** High-level API version served: "2.2" (installations per asset) by default; "2.0" has no installation route. */
  hlApiVersion?: "2.0" | "2.2";
  /** A token stops working after this many uses (to exercise renewal during a long pull). */
  tokenMaxUses?: number;
}

export interface FakeGlpi {
  /** The API address, ending in /apirest.php. */
  url: string;
  /** Sessions opened and not killed. */
  openSessions(): number;
  /** Every request line received (path and query), to check paging. */
  requests: string[];
  /** Bodies of the OAuth2 token requests (form fields), to check the grant used. */
  tokenRequests: Record<string, string>[];
  /** Headers of every request, to check no token leaks where it should not. */
  headers: Record<string, string | string[] | undefined>[];
  close(): Promise<void>;
}

type Row = Record<string, unknown>;

function tables(software: FakeSoftware[]) {
  const manufacturers = new Map<string, number>();
  const categories = new Map<string, number>();
  const softwareRows: Row[] = [];
  const versionRows: Row[] = [];
  const installRows: Row[] = [];
  let versionId = 1;
  let installId = 1;
  // The removed installations' computers, numbered apart from the fleet.
  let trashed = 1_000_000;
  software.forEach((s, i) => {
    const id = i + 1;
    let manufacturer = 0;
    if (s.publisher) {
      if (!manufacturers.has(s.publisher)) manufacturers.set(s.publisher, manufacturers.size + 1);
      manufacturer = manufacturers.get(s.publisher)!;
    }
    let category = 0;
    if (s.category) {
      if (!categories.has(s.category)) categories.set(s.category, categories.size + 1);
      category = categories.get(s.category)!;
    }
    softwareRows.push({
      id,
      name: s.name,
      manufacturers_id: manufacturer,
      softwarecategories_id: category,
      entities_id: 0,
      is_deleted: s.deleted ? 1 : 0,
      is_template: 0,
    });
    const versions = s.versions.length ? s.versions : [""];
    const ids = versions.map((name) => {
      versionRows.push({ id: versionId, softwares_id: id, name, entities_id: 0 });
      return versionId++;
    });
    // The fleet's computers 1…n carry a software installed n times, spread over its versions (so a computer holds
    // several software, as in a real fleet); one computer has two versions of it (an upgrade left behind), which
    // must still count once.
    for (let n = 0; n < s.installations; n++) {
      const pc = n + 1;
      installRows.push({
        id: installId++,
        items_id: pc,
        itemtype: "Computer",
        softwareversions_id: ids[n % ids.length],
        is_deleted: 0,
        is_deleted_item: 0,
      });
      if (n === 0 && ids.length > 1) {
        installRows.push({
          id: installId++,
          items_id: pc,
          itemtype: "Computer",
          softwareversions_id: ids[1],
          is_deleted: 0,
          is_deleted_item: 0,
        });
      }
    }
    // A removed installation GLPI keeps in its trash: not counted.
    installRows.push({
      id: installId++,
      items_id: trashed++,
      itemtype: "Computer",
      softwareversions_id: ids[0],
      is_deleted: 1,
      is_deleted_item: 0,
    });
  });
  const manufacturerName = new Map([...manufacturers].map(([name, id]) => [id, name]));
  const computers = [...new Set(installRows.filter((r) => r.is_deleted === 0).map((r) => r.items_id as number))].sort(
    (a, b) => a - b,
  );
  const categoryName = new Map([...categories].map(([name, id]) => [id, name]));
  return { softwareRows, versionRows, installRows, manufacturerName, categoryName, computers };
}

export async function startFakeGlpi(options: FakeGlpiOptions): Promise<FakeGlpi> {
  const { softwareRows, versionRows, installRows, manufacturerName, categoryName, computers } = tables(
    options.software,
  );
  const tokens = new Map<string, number>();
  const tokenRequests: Record<string, string>[] = [];
  const sessions = new Set<string>();
  const requests: string[] = [];
  const headers: FakeGlpi["headers"] = [];
  const maxPage = options.maxPage ?? 1000;

  const send = (res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json; charset=UTF-8", ...extra });
    res.end(JSON.stringify(body));
  };

  /** `/api.php/token`: the OAuth2 password and client credentials grants of league/oauth2-server, as GLPI enables them. */
  const token = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
    tokenRequests.push(form);
    const oauth = options.oauth!;
    const deny = (error: string, description: string) =>
      send(res, 401, { error, error_description: description, message: description });
    if (form.client_id !== oauth.clientId || form.client_secret !== oauth.clientSecret)
      return deny("invalid_client", "Client authentication failed");
    if (form.grant_type === "password") {
      if (form.username !== oauth.username || form.password !== oauth.password)
        return send(res, 400, {
          error: "invalid_grant",
          error_description: "The user credentials were incorrect.",
          message: "The user credentials were incorrect.",
        });
    } else if (form.grant_type !== "client_credentials")
      return send(res, 400, {
        error: "unsupported_grant_type",
        error_description: "The authorization grant type is not supported by the authorization server.",
        message: "unsupported grant type",
      });
    else if (oauth.username) return deny("invalid_client", "A user is required");
    const access = randomBytes(24).toString("hex");
    tokens.set(access, 0);
    send(res, 200, { token_type: "Bearer", expires_in: 3600, access_token: access });
  };

  /** `/api.php/v2[.x]/…`: bearer token, then the documented asset routes, paged by `start` and `limit`. */
  const hlApi = (req: IncomingMessage, res: ServerResponse, url: URL, path: string) => {
    const auth = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ""))?.[1];
    const uses = auth === undefined ? undefined : tokens.get(auth);
    if (uses === undefined || (options.tokenMaxUses !== undefined && uses >= options.tokenMaxUses)) {
      return send(res, 401, {
        title: "You are not authenticated",
        detail: "The Authorization header is missing or invalid",
        status: "ERROR_UNAUTHENTICATED",
      });
    }
    tokens.set(auth!, uses + 1);
    const served = options.hlApiVersion ?? "2.2";
    const notFound = () => {
      res.writeHead(404);
      res.end();
    };
    let rows: Row[] | null = null;
    let m: RegExpExecArray | null;
    if (path === "/Assets/Software") {
      rows = softwareRows.map((r) => ({
        id: r.id,
        name: r.name,
        manufacturer: r.manufacturers_id
          ? { id: r.manufacturers_id, name: manufacturerName.get(r.manufacturers_id as number) }
          : null,
        category: r.softwarecategories_id
          ? { id: r.softwarecategories_id, name: categoryName.get(r.softwarecategories_id as number) }
          : null,
        is_deleted: r.is_deleted === 1,
      }));
    } else if ((m = /^\/Assets\/Software\/(\d+)\/Version$/.exec(path))) {
      const id = Number(m[1]);
      rows = versionRows
        .filter((v) => v.softwares_id === id)
        .map((v) => ({ id: v.id, name: v.name, software: { id, name: softwareRows[id - 1]?.name } }));
    } else if (path === "/Assets/Computer") {
      rows = computers.map((id) => ({ id, name: `PC-${String(id).padStart(4, "0")}`, is_deleted: false }));
    } else if ((m = /^\/Assets\/Computer\/(\d+)\/SoftwareInstallation$/.exec(path)) && served === "2.2") {
      const id = Number(m[1]);
      // A link in GLPI's trash is not listed.
      rows = installRows
        .filter((r) => r.items_id === id && r.is_deleted === 0)
        .map((r) => {
          const version = versionRows.find((v) => v.id === r.softwareversions_id)!;
          return {
            id: r.id,
            itemtype: "Computer",
            items_id: id,
            softwareversion: { id: version.id, name: version.name },
            is_dynamic: true,
          };
        });
    }
    if (!rows) return notFound();
    if (options.stall) return;
    const start = Number(url.searchParams.get("start") ?? "0");
    const limit = Math.min(Number(url.searchParams.get("limit") ?? "100"), maxPage);
    if (!Number.isInteger(start) || start < 0 || !Number.isInteger(limit) || limit < 1) {
      return send(res, 400, { status: "ERROR_INVALID_PARAMETER", title: "Invalid parameter", detail: null });
    }
    const page = rows.slice(start, start + limit);
    const more = start + limit < rows.length;
    const end = Math.min(start + limit - 1, rows.length - 1);
    send(res, more ? 206 : 200, page, { "content-range": `${start}-${Math.max(end, 0)}/${rows.length}` });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://glpi.test");
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    headers.push({ ...req.headers });
    if (options.oauth && url.pathname === "/glpi/api.php/token" && req.method === "POST") return token(req, res);
    const hl = /^\/glpi\/api\.php\/v2(?:\.\d+)*(\/.*)$/.exec(url.pathname);
    if (options.oauth && hl && req.method === "GET") return hlApi(req, res, url, hl[1]!.replace(/\/+$/, ""));
    const match = /^\/glpi\/apirest\.php\/([A-Za-z_]+)\/?$/.exec(url.pathname);
    if (!match)
      return send(res, 400, [
        "ERROR_RESOURCE_NOT_FOUND_NOR_COMMONDBTM",
        "resource not found or not an instance of CommonDBTM",
      ]);
    const endpoint = match[1]!;
    if (options.appToken && req.headers["app-token"] !== options.appToken) {
      return send(res, 400, ["ERROR_WRONG_APP_TOKEN_PARAMETER", "parameter app_token seems wrong"]);
    }
    if (endpoint === "initSession") {
      if (req.headers.authorization !== `user_token ${options.userToken}`) {
        return send(res, 401, ["ERROR_GLPI_LOGIN_USER_TOKEN", "parameter user_token seems invalid"]);
      }
      const token = randomBytes(20).toString("hex");
      sessions.add(token);
      return send(res, 200, { session_token: token });
    }
    const session = String(req.headers["session-token"] ?? "");
    if (!sessions.has(session)) return send(res, 401, ["ERROR_SESSION_TOKEN_INVALID", "session_token seems invalid"]);
    if (endpoint === "killSession") {
      sessions.delete(session);
      return send(res, 200, true);
    }
    const table =
      endpoint === "Software"
        ? softwareRows
        : endpoint === "SoftwareVersion"
          ? versionRows
          : endpoint === "Item_SoftwareVersion"
            ? installRows
            : null;
    if (!table)
      return send(res, 400, [
        "ERROR_RESOURCE_NOT_FOUND_NOR_COMMONDBTM",
        "resource not found or not an instance of CommonDBTM",
      ]);
    if (options.stall) return; // never answers
    // GLPI hides deleted items unless is_deleted=1 is asked (Software); links carry their own flag.
    const rows = endpoint === "Software" ? table.filter((r) => r.is_deleted === 0) : table;
    const [startText, endText] = (url.searchParams.get("range") ?? "0-50").split("-");
    const start = Number(startText);
    let end = Number(endText);
    if (!Number.isInteger(start) || !Number.isInteger(end) || end < start)
      return send(res, 400, ["ERROR_RANGE_INVALID", "range invalid"]);
    if (start >= rows.length)
      return send(res, 400, ["ERROR_RANGE_EXCEED_TOTAL", "Provided range exceed total count of data"]);
    end = Math.min(end, start + maxPage - 1, rows.length - 1);
    const expand = url.searchParams.get("expand_dropdowns") === "true";
    const page = rows.slice(start, end + 1).map((r) =>
      expand && "manufacturers_id" in r
        ? {
            ...r,
            manufacturers_id: manufacturerName.get(r.manufacturers_id as number) ?? "&nbsp;",
            softwarecategories_id: categoryName.get(r.softwarecategories_id as number) ?? "&nbsp;",
          }
        : r,
    );
    const partial = end + 1 < rows.length || start > 0;
    send(res, partial ? 206 : 200, page, {
      "content-range": `${start}-${end}/${rows.length}`,
      "accept-range": `${endpoint} ${maxPage}`,
    });
  };

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/glpi/apirest.php`,
    openSessions: () => sessions.size,
    requests,
    tokenRequests,
    headers,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
