/**
 * Sign-in for Cap Libre served to several people: one Hono middleware that lets through only what is public
 * (`/api/health`, the citizens' pages `/public/*`, the sign-in flow `/auth/*`, and `/v1/*`, which checks its own
 * API keys) and asks everything else for a valid session — a French 401 for API calls, a redirect to the
 * provider for the page. Plus the routes of the flow: `GET /auth/login`, `GET /auth/callback`,
 * `POST /auth/logout`, `GET /auth/signed-out`, and `GET /api/me` (who is signed in; `{ auth: "none" }` without
 * sign-in, where nothing changes).
 */
import type { Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { costOf, createLimiter } from "../auth/limits.ts";
import { authorizationDenial, createOidcClient, type OidcClient } from "../auth/oidc.ts";
import { expiringStore, newToken, type PendingSignIn, type Session } from "../auth/sessions.ts";
import { AppError } from "../core/errors.ts";
import { escapeHtml } from "../core/text.ts";
import type { Engine } from "../engine.ts";
import { message } from "../i18n/messages.ts";
import { recordSignIn } from "./access.ts";
import { toErrorBody } from "./errors.ts";

const SIGN_IN_MINUTES = 10;

const sessionOf = new WeakMap<Request, Session>();
/** The session of a request the sign-in middleware let through (for the access middleware, server/http/access.ts). */
export const sessionOfRequest = (req: Request): Session | null => sessionOf.get(req) ?? null;

/** Paths reachable without a session. Anything not listed needs one (deny by default). */
export function isOpenPath(path: string): boolean {
  return (
    path === "/api/health" ||
    path.startsWith("/auth/") ||
    path === "/public" ||
    path.startsWith("/public/") ||
    path === "/v1" ||
    path.startsWith("/v1/")
  );
}

/** A same-origin path to return to after sign-in; anything else (another site, `//host`) becomes `/`. */
export function safeReturn(value: string | undefined): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\") || /[\u0000-\u001f]/.test(value))
    return "/";
  return value;
}

function authPage(
  c: Context,
  status: 200 | 400 | 502,
  title: string,
  text: string,
  link: { href: string; label: string },
) {
  c.header("cache-control", "no-store");
  return c.html(
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<title>${escapeHtml(title)} — Cap Libre</title><link rel="stylesheet" href="/public/public.css"></head>` +
      `<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p><p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p></main></body></html>`,
    status,
  );
}

export function mountAuth(app: Hono, engine: Engine, oidc?: OidcClient): void {
  const auth = engine.config.auth;
  if (auth.mode === "none") {
    app.get("/api/me", (c) => c.json({ auth: "none", user: null }));
    return;
  }
  const provider = oidc ?? createOidcClient(auth);
  const sessions = expiringStore(engine.records<Session>("sessions"));
  const signIns = expiringStore(engine.records<PendingSignIn>("sign-ins"));
  const secure = auth.publicUrl?.startsWith("https:") ?? false;
  // `__Host-`: the browser keeps such a cookie only if Secure, for this exact host, on every path.
  const SESSION_COOKIE = secure ? "__Host-caplibre_session" : "caplibre_session";
  const SIGN_IN_COOKIE = secure ? "__Host-caplibre_signin" : "caplibre_signin";
  const cookieOptions = (seconds: number) => ({
    path: "/",
    httpOnly: true,
    secure,
    sameSite: "Lax" as const,
    maxAge: Math.round(seconds),
  });
  const limiter = createLimiter({ model: auth.limits.modelCallsPerHour, upload: auth.limits.uploadsPerHour });
  const redirectUri = (c: Context) => `${auth.publicUrl ?? new URL(c.req.url).origin}/auth/callback`;

  app.use("*", async (c, next) => {
    const path = c.req.path;
    if (isOpenPath(path)) return next();
    const session = await sessions.get(getCookie(c, SESSION_COOKIE));
    if (session) {
      sessionOf.set(c.req.raw, session);
      const kind = costOf(c.req.method, path);
      const wait = kind ? limiter.take(`${session.issuer} ${session.subject}`, kind) : 0;
      if (wait) {
        c.header("retry-after", String(wait));
        const limit = kind === "model" ? auth.limits.modelCallsPerHour : auth.limits.uploadsPerHour;
        const { body } = toErrorBody(
          new AppError("rate_limited", message(`auth.limit.${kind}`, { limit, minutes: Math.ceil(wait / 60) }), 429),
        );
        return c.json(body, 429);
      }
      return next();
    }
    if (getCookie(c, SESSION_COOKIE)) deleteCookie(c, SESSION_COOKIE, { path: "/", secure });
    // Only a page being opened goes to sign in: an image or script the browser fetches on its own (favicon…)
    // must not start a sign-in.
    const dest = c.req.header("sec-fetch-dest");
    if (
      !path.startsWith("/api/") &&
      (c.req.method === "GET" || c.req.method === "HEAD") &&
      (dest === undefined || dest === "document")
    ) {
      const url = new URL(c.req.url);
      return c.redirect(`/auth/login?return=${encodeURIComponent(url.pathname + url.search)}`, 302);
    }
    const { body } = toErrorBody(new AppError("unauthenticated", message("auth.unauthenticated"), 401));
    return c.json(body, 401);
  });

  app.get("/api/me", (c) => {
    const s = sessionOf.get(c.req.raw)!;
    return c.json({ auth: "oidc", user: { name: s.name, email: s.email, subject: s.subject }, expires: s.expires });
  });

  app.get("/auth/login", async (c) => {
    let started: Awaited<ReturnType<typeof provider.start>>;
    try {
      started = await provider.start(redirectUri(c));
    } catch (err) {
      return authPage(
        c,
        502,
        message("auth.failed.title"),
        message("auth.failed.provider", { issuer: auth.issuer!, reason: reasonOf(err) }),
        {
          href: c.req.url.replace(/^[^/]*\/\/[^/]*/, ""),
          label: message("auth.retry"),
        },
      );
    }
    const token = newToken();
    const expires = new Date(Date.now() + SIGN_IN_MINUTES * 60_000).toISOString();
    await signIns.put(token, { ...started.checks, returnTo: safeReturn(c.req.query("return")), expires });
    setCookie(c, SIGN_IN_COOKIE, token, cookieOptions(SIGN_IN_MINUTES * 60));
    c.header("cache-control", "no-store");
    return c.redirect(started.url, 302);
  });

  app.get("/auth/callback", async (c) => {
    const pending = await signIns.take(getCookie(c, SIGN_IN_COOKIE));
    deleteCookie(c, SIGN_IN_COOKIE, { path: "/", secure });
    const retry = { href: "/auth/login", label: message("auth.retry") };
    if (!pending) return authPage(c, 400, message("auth.failed.title"), message("auth.failed.expired"), retry);
    const callbackUrl = new URL(redirectUri(c));
    callbackUrl.search = new URL(c.req.url).search;
    let user: Awaited<ReturnType<typeof provider.finish>>;
    try {
      user = await provider.finish(callbackUrl, pending);
    } catch (err) {
      const denial = authorizationDenial(err);
      if (denial) {
        return authPage(
          c,
          400,
          message("auth.failed.title"),
          message("auth.failed.denied", { reason: denial.description ?? denial.error }),
          retry,
        );
      }
      if (isNetworkError(err)) {
        return authPage(
          c,
          502,
          message("auth.failed.title"),
          message("auth.failed.provider", { issuer: auth.issuer!, reason: reasonOf(err) }),
          retry,
        );
      }
      console.warn(`Connexion refusée : ${(err as Error).message}`);
      return authPage(
        c,
        400,
        message("auth.failed.title"),
        message("auth.failed.response", { reason: reasonOf(err) }),
        retry,
      );
    }
    // A new id at every sign-in (no session fixation); a session this browser had before ends.
    await sessions.delete(getCookie(c, SESSION_COOKIE));
    const token = newToken();
    const now = Date.now();
    const seconds = auth.sessionHours * 3600;
    await sessions.put(token, {
      ...user,
      created: new Date(now).toISOString(),
      expires: new Date(now + seconds * 1000).toISOString(),
    });
    await recordSignIn(engine, user, "signin");
    setCookie(c, SESSION_COOKIE, token, cookieOptions(seconds));
    c.header("cache-control", "no-store");
    return c.redirect(pending.returnTo, 303);
  });

  app.post("/auth/logout", async (c) => {
    const ending = await sessions.get(getCookie(c, SESSION_COOKIE));
    if (ending) await recordSignIn(engine, ending, "signout");
    await sessions.delete(getCookie(c, SESSION_COOKIE));
    deleteCookie(c, SESSION_COOKIE, { path: "/", secure });
    return c.redirect("/auth/signed-out", 303);
  });

  app.get("/auth/signed-out", (c) =>
    authPage(c, 200, message("auth.signedOut.title"), message("auth.signedOut.text"), {
      href: "/auth/login",
      label: message("auth.signIn"),
    }),
  );
}

/** The error and its causes (openid-client wraps fetch's errors, which wrap the socket's). */
function* causes(err: unknown): Generator<Error & { code?: unknown }> {
  for (
    let e = err as (Error & { cause?: unknown }) | undefined, depth = 0;
    e && typeof e === "object" && depth < 5;
    e = e.cause as typeof e, depth++
  )
    yield e;
}

const SOCKET_CODE = /^(ECONN|ENOTFOUND|EAI_|ETIMEDOUT|EHOST|ENETUNREACH|EPIPE|UND_ERR)/;

function isNetworkError(err: unknown): boolean {
  return [...causes(err)].some(
    (e) =>
      e.name === "TimeoutError" ||
      e.name === "AbortError" ||
      (e instanceof TypeError && /fetch failed/.test(e.message)) ||
      (typeof e.code === "string" && SOCKET_CODE.test(e.code)),
  );
}

/** The most precise reason: a socket's code (ECONNREFUSED…), else the innermost message. */
function reasonOf(err: unknown): string {
  const chain = [...causes(err)];
  const coded = chain.find((e) => typeof e.code === "string" && SOCKET_CODE.test(e.code));
  return String(coded?.code ?? chain.at(-1)?.message ?? err);
}
