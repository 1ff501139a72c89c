/**
 * What keeps web pages of other sites away from a local install, in every mode:
 * - a Host allow-list (DNS rebinding: a page at `http://rebind.example:3000/` whose name resolves to 127.0.0.1
 *   sends `Host: rebind.example:3000`): loopback names and the address the request arrived on, with the port the
 *   server listens on, plus the public names configured in `ALLOWED_HOSTS`;
 * - on every state-changing request (POST, PUT, PATCH, DELETE), an Origin check: the Origin is the server's own,
 *   or it is absent and the browser does not say the request comes from another site (`Sec-Fetch-Site`);
 * - a Content-Type check: a body sent to a JSON endpoint must be `application/json` (uploads keep their types),
 *   so a `text/plain` form or a no-cors fetch cannot reach a handler.
 * `hono/csrf` was not used: it checks only form-like content types, answers in English, and refuses
 * non-browser clients (curl, the CLI's fetch) that send neither Origin nor Sec-Fetch-Site.
 */
import type { MiddlewareHandler } from "hono";
import { AppError } from "../core/errors.ts";
import { message } from "../i18n/messages.ts";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "::1"]);
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export interface GuardOptions {
  /** Public names (`capl.example.org` or `capl.example.org:8443`) accepted besides the loopback names. */
  allowedHosts: string[];
  /** Paths whose body is an uploaded file (any content type), not JSON. */
  uploadPaths: string[];
}

/** `name` and port of a Host header value; null when it is not one. */
export function parseHost(value: string): { name: string; port: string | null } | null {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!m) return null;
  return {
    name: m[1]!
      .toLowerCase()
      .replace(/^\[|\]$/g, "")
      .replace(/\.$/, ""),
    port: m[2] ?? null,
  };
}

/** Where the request arrived: the socket's local address and port (absent when the app is called without a socket). */
function localEndpoint(env: unknown): { address: string; port: string } | null {
  const socket = (env as { incoming?: { socket?: { localAddress?: string; localPort?: number } } } | undefined)
    ?.incoming?.socket;
  if (!socket?.localAddress || !socket.localPort) return null;
  return { address: socket.localAddress.replace(/^::ffff:/, "").toLowerCase(), port: String(socket.localPort) };
}

function hostAllowed(host: string, env: unknown, allowed: { name: string; port: string | null }[]): boolean {
  const parsed = parseHost(host);
  if (!parsed) return false;
  const local = localEndpoint(env);
  const port = parsed.port ?? "80";
  if (LOOPBACK.has(parsed.name) || parsed.name === local?.address) {
    return !local || port === local.port;
  }
  return allowed.some((a) => a.name === parsed.name && (a.port === null || a.port === port));
}

export function requestGuard(options: GuardOptions): MiddlewareHandler {
  const allowed = options.allowedHosts.map(parseHost).filter((h): h is NonNullable<typeof h> => h !== null);
  return async (c, next) => {
    const host = c.req.header("host") ?? "";
    if (!hostAllowed(host, c.env, allowed)) {
      throw new AppError("host_not_allowed", message("guard.host", { host: host.slice(0, 100) || "(aucun)" }), 421);
    }
    if (UNSAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header("origin");
      const site = c.req.header("sec-fetch-site");
      if (origin !== undefined) {
        let originHost: string | null = null;
        try {
          const url = new URL(origin);
          if (url.protocol === "http:" || url.protocol === "https:") originHost = url.host;
        } catch {
          originHost = null;
        }
        // The Host was checked above: an Origin naming the same host and port is the page this server served.
        const sameHost = originHost !== null && originHost.toLowerCase() === host.trim().toLowerCase();
        // Behind a reverse proxy that rewrites Host, the page's origin is one of the configured public names.
        const publicName = originHost !== null && allowed.some((a) => isSame(a, parseHost(originHost!)));
        if (!sameHost && !publicName) {
          throw new AppError("origin_not_allowed", message("guard.origin", { origin: origin.slice(0, 100) }), 403);
        }
      } else if (site !== undefined && site !== "same-origin" && site !== "none") {
        throw new AppError("origin_not_allowed", message("guard.crossSite"), 403);
      }
      if (!options.uploadPaths.includes(c.req.path) && hasBody(c.req.raw)) {
        const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
        if (type !== "application/json") {
          throw new AppError("unsupported_media_type", message("guard.contentType", { type: type || "(aucun)" }), 415);
        }
      }
    }
    await next();
  };
}

const isSame = (a: { name: string; port: string | null }, b: { name: string; port: string | null } | null) =>
  b !== null && a.name === b.name && (a.port === null || a.port === b.port);

const hasBody = (req: Request) => {
  const length = req.headers.get("content-length");
  return (length !== null && length !== "0") || req.headers.has("transfer-encoding");
};
