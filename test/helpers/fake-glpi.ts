/**
 * A fake GLPI server that speaks the documented REST API (`apirest.php`: initSession with `user_token`, App-Token,
 * Session-Token, collections paged by `range` with `Content-Range` / `Accept-Range`, 206 for a partial page,
 * `ERROR_RANGE_EXCEED_TOTAL`, errors as `["ERROR_CODE", "message"]`, killSession), serving a software inventory.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";

export interface FakeSoftware {
  name: string;
  publisher: string | null;
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
}

export interface FakeGlpi {
  /** The API address, ending in /apirest.php. */
  url: string;
  /** Sessions opened and not killed. */
  openSessions(): number;
  /** Every request line received (path and query), to check paging. */
  requests: string[];
  /** Headers of every request, to check no token leaks where it should not. */
  headers: Record<string, string | string[] | undefined>[];
  close(): Promise<void>;
}

type Row = Record<string, unknown>;

function tables(software: FakeSoftware[]) {
  const manufacturers = new Map<string, number>();
  const softwareRows: Row[] = [];
  const versionRows: Row[] = [];
  const installRows: Row[] = [];
  let versionId = 1;
  let installId = 1;
  let computer = 1;
  software.forEach((s, i) => {
    const id = i + 1;
    let manufacturer = 0;
    if (s.publisher) {
      if (!manufacturers.has(s.publisher)) manufacturers.set(s.publisher, manufacturers.size + 1);
      manufacturer = manufacturers.get(s.publisher)!;
    }
    softwareRows.push({ id, name: s.name, manufacturers_id: manufacturer, entities_id: 0, is_deleted: s.deleted ? 1 : 0, is_template: 0 });
    const versions = s.versions.length ? s.versions : [""];
    const ids = versions.map((name) => {
      versionRows.push({ id: versionId, softwares_id: id, name, entities_id: 0 });
      return versionId++;
    });
    // Each installation on its own computer, spread over the versions; one computer has two versions of it
    // (an upgrade left behind), which must still count once.
    for (let n = 0; n < s.installations; n++) {
      const pc = computer++;
      installRows.push({ id: installId++, items_id: pc, itemtype: "Computer", softwareversions_id: ids[n % ids.length], is_deleted: 0, is_deleted_item: 0 });
      if (n === 0 && ids.length > 1) {
        installRows.push({ id: installId++, items_id: pc, itemtype: "Computer", softwareversions_id: ids[1], is_deleted: 0, is_deleted_item: 0 });
      }
    }
    // A removed installation GLPI keeps in its trash: not counted.
    installRows.push({ id: installId++, items_id: computer++, itemtype: "Computer", softwareversions_id: ids[0], is_deleted: 1, is_deleted_item: 0 });
  });
  const manufacturerName = new Map([...manufacturers].map(([name, id]) => [id, name]));
  return { softwareRows, versionRows, installRows, manufacturerName };
}

export async function startFakeGlpi(options: FakeGlpiOptions): Promise<FakeGlpi> {
  const { softwareRows, versionRows, installRows, manufacturerName } = tables(options.software);
  const sessions = new Set<string>();
  const requests: string[] = [];
  const headers: FakeGlpi["headers"] = [];
  const maxPage = options.maxPage ?? 1000;

  const send = (res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json; charset=UTF-8", ...extra });
    res.end(JSON.stringify(body));
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://glpi.test");
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    headers.push({ ...req.headers });
    const match = /^\/glpi\/apirest\.php\/([A-Za-z_]+)\/?$/.exec(url.pathname);
    if (!match) return send(res, 400, ["ERROR_RESOURCE_NOT_FOUND_NOR_COMMONDBTM", "resource not found or not an instance of CommonDBTM"]);
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
      endpoint === "Software" ? softwareRows : endpoint === "SoftwareVersion" ? versionRows : endpoint === "Item_SoftwareVersion" ? installRows : null;
    if (!table) return send(res, 400, ["ERROR_RESOURCE_NOT_FOUND_NOR_COMMONDBTM", "resource not found or not an instance of CommonDBTM"]);
    if (options.stall) return; // never answers
    // GLPI hides deleted items unless is_deleted=1 is asked (Software); links carry their own flag.
    const rows = endpoint === "Software" ? table.filter((r) => r.is_deleted === 0) : table;
    const [startText, endText] = (url.searchParams.get("range") ?? "0-50").split("-");
    const start = Number(startText);
    let end = Number(endText);
    if (!Number.isInteger(start) || !Number.isInteger(end) || end < start) return send(res, 400, ["ERROR_RANGE_INVALID", "range invalid"]);
    if (start >= rows.length) return send(res, 400, ["ERROR_RANGE_EXCEED_TOTAL", "Provided range exceed total count of data"]);
    end = Math.min(end, start + maxPage - 1, rows.length - 1);
    const expand = url.searchParams.get("expand_dropdowns") === "true";
    const page = rows.slice(start, end + 1).map((r) =>
      expand && "manufacturers_id" in r ? { ...r, manufacturers_id: manufacturerName.get(r.manufacturers_id as number) ?? "&nbsp;" } : r,
    );
    const partial = end + 1 < rows.length || start > 0;
    send(res, partial ? 206 : 200, page, { "content-range": `${start}-${end}/${rows.length}`, "accept-range": `${endpoint} ${maxPage}` });
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/glpi/apirest.php`,
    openSessions: () => sessions.size,
    requests,
    headers,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
