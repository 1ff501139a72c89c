/**
 * The Hono application: API routes, the web page and its assets from `web/` (same origin only), and the one
 * place where errors become `{ error: { code, message } }`.
 */

import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Context, Hono, type Next } from "hono";
import { etag } from "hono/etag";
import { secureHeaders } from "hono/secure-headers";
import { AppError } from "../core/errors.ts";
import type { Engine } from "../engine.ts";
import { message } from "../i18n/messages.ts";
import { QueueFullError } from "../llm/queue.ts";
import { workspaceAccess } from "./access.ts";
import { mountAuth } from "./auth.ts";
import { toErrorBody } from "./errors.ts";
import { requestGuard } from "./guard.ts";
import { chatRoutes } from "./routes/chat.ts";
import { conversationRoutes } from "./routes/conversations.ts";
import { draftRoutes } from "./routes/drafts.ts";
import { glpiRoutes } from "./routes/glpi.ts";
import { healthRoutes } from "./routes/health.ts";
import { inventoryRoutes } from "./routes/inventory.ts";
import { openAIErrorBody, openaiRoutes } from "./routes/openai.ts";
import { planRoutes, publicRoutes } from "./routes/plans.ts";
import { referenceRoutes } from "./routes/reference.ts";
import { searchRoutes } from "./routes/search.ts";
import { teamRoutes } from "./routes/team.ts";
import { cacheControl, webFolder } from "./web-files.ts";

const WEB_DIR = fileURLToPath(new URL("../../web/", import.meta.url));

/**
 * The page's charting library, served from our own origin (no CDN): Chart.js's UMD build from the pinned npm
 * dependency (its ESM build imports a bare module name a browser cannot resolve without a build step). Named with a
 * hash of its contents where the page writes its path, and kept a year under it, like the page's own files
 * (`web-files.ts`).
 */
export const CHART_JS_PATH = "/vendor/chart.umd.min.js";
const VENDOR_FILES = {
  "chart.umd.min.js": {
    file: path.join(path.dirname(createRequire(import.meta.url).resolve("chart.js")), "chart.umd.min.js"),
    // Without the source map comment: the map is not served, and the browser's tools would ask for it.
    prepare: (text: string) => text.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n"),
  },
};

export function createApp(engine: Engine): Hono {
  const app = new Hono();
  const web = webFolder(WEB_DIR, VENDOR_FILES);
  // Before anything else, static files included: no other site's page may read or change a local install.
  app.use("*", requestGuard({ allowedHosts: engine.config.allowedHosts, uploadPaths: ["/api/inventory/analyze"] }));
  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  // A HEAD request (the page asking a file's size) says the length of the body it does not get.
  app.use("*", async (c, next) => {
    await next();
    const type = c.res.headers.get("content-type") ?? "";
    if (c.req.method !== "HEAD" || !c.res.body || c.res.headers.has("content-length") || type.includes("event-stream"))
      return;
    const bytes = await c.res.clone().arrayBuffer();
    c.res.headers.set("content-length", String(bytes.byteLength));
  });
  // Sign-in (when configured): sessions checked before any route but the public ones.
  mountAuth(app, engine);
  // Workspaces and roles: what the route needs, checked before it runs (server/http/access.ts).
  app.use("*", workspaceAccess(engine));
  app.route("/api", healthRoutes(engine));
  app.route("/api", searchRoutes(engine));
  app.route("/api", referenceRoutes());
  app.route("/api", chatRoutes(engine));
  app.route("/api", conversationRoutes(engine));
  app.route("/api", draftRoutes(engine));
  app.route("/api", inventoryRoutes(engine));
  app.route("/api", glpiRoutes(engine));
  app.route("/api", planRoutes(engine));
  app.route("/api", teamRoutes(engine));
  app.route("/v1", openaiRoutes(engine));
  app.all("/api/*", (c) => {
    throw new AppError("not_found", message("http.notFound", { path: c.req.path }), 404);
  });
  app.route("/public", publicRoutes(engine));
  app.get("/favicon.ico", (c) => c.redirect("/favicon.svg", 301));
  // The page's own files: a script or style named with the page's version (the HTML names them so) is kept by the
  // browser for a year, anything else is revalidated each time (`304 Not Modified` when unchanged); see web-files.ts.
  // A vendor file likewise, under a hash of its own contents.
  // (`etag` answers the 304; the security headers above are set on it too.)
  const serveWeb = async (c: Context, next: Next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    const name = c.req.path === "/" ? "index.html" : c.req.path.slice(1);
    const snapshot = web();
    const file = snapshot.files.get(name);
    if (!file) return next();
    return c.body(new Uint8Array(file.body), 200, {
      "Content-Type": file.type,
      ETag: file.etag,
      "Cache-Control": cacheControl(snapshot, name, c.req.query("v")),
    });
  };
  app.get(CHART_JS_PATH, etag(), serveWeb);
  app.use("/*", etag(), serveWeb);
  app.notFound((c) =>
    c.json(toErrorBody(new AppError("not_found", message("http.notFound", { path: c.req.path }), 404)).body, 404),
  );
  app.onError((err, c) => {
    const { status, body } = toErrorBody(err);
    if (status === 500) console.error(err);
    if (err instanceof QueueFullError) c.header("Retry-After", String(err.retryAfterSeconds));
    // A refused upload may not have been read to its end: the connection is not reused for the next request.
    if (status === 413) c.header("Connection", "close");
    // The OpenAI-compatible API's clients read OpenAI's error shape, for the guard's refusals too.
    if (c.req.path.startsWith("/v1/"))
      return c.json(openAIErrorBody(status, body.error.message, body.error.code), status);
    return c.json(body, status);
  });
  return app;
}
