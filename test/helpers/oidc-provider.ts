/**
 * A real OpenID provider for the tests: oidc-provider (the certified Node implementation) on an ephemeral
 * loopback port, with its development login page (any login, any password) and one confidential client for
 * Cap Libre that must use PKCE. Its issuer is known before the client is registered, so a test can start Cap
 * Libre with OIDC_ISSUER first, then register Cap Libre's callback (`register`).
 *
 * `signIn` walks the flow as a browser would (redirects, cookies, the login form) with fetch.
 */
import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { memoryStore } from "./oidc-store.ts";
import { startTestServer, type TestServer } from "./server.ts";

// oidc-provider warns, when it is imported, that a Node.js release not yet LTS (the 26 of node_modules) is not one it
// supports; the provider works, and a DSI trying it reads nothing alarming in English (trial12 B5). Only that
// warning is left out; its others are answered by the configuration below (adapter, keys, interactions).
const { default: Provider } = await (async () => {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes("Unsupported runtime")) warn(...args);
  };
  try {
    return await import("oidc-provider");
  } finally {
    console.warn = warn;
  }
})();

/** The French texts of the provider's own pages (`oidc-pages.fr.json`), {name} replaced. */
const PAGES: Record<string, string> = JSON.parse(
  readFileSync(new URL("./oidc-pages.fr.json", import.meta.url), "utf8"),
);
const text = (key: string, values: Record<string, string> = {}) =>
  PAGES[key]!.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? "");
const html = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
/** A page of the provider, in French. */
const page = (body: string) => `<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(text("title"))}</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem}label,input,button{display:block;width:100%;margin:.3rem 0}input,button{padding:.5rem;font-size:1rem}.note{color:#555;font-size:.9rem}.error{color:#a00}</style>
</head>
<body><main>${body}<p class="note">${html(text("notice"))}</p></main></body>
</html>`;

/** The login form of an interaction (`uid`), with the error of a previous try. */
function loginPage(uid: string, client: string, error = ""): string {
  return page(`<h1>${html(text("login.heading", { client }))}</h1>
${error ? `<p class="error" role="alert">${html(error)}</p>` : ""}
<form autocomplete="off" action="/interaction/${html(uid)}/login" method="post">
<label for="login">${html(text("login.login"))}</label>
<input id="login" name="login" required autofocus>
<label for="password">${html(text("login.password"))}</label>
<input id="password" name="password" type="password">
<button type="submit">${html(text("login.submit"))}</button>
</form>
<p><a href="/interaction/${html(uid)}/abort">${html(text("login.cancel"))}</a></p>
<p class="note">${html(text("login.accounts", { accounts: Object.keys(ACCOUNTS).join(", ") }))}</p>`);
}

/** A form's fields (application/x-www-form-urlencoded). */
async function formOf(req: IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

/** The provider's own login, error and logout pages, in French (its development pages are in English). */
async function interaction(provider: InstanceType<typeof Provider>, req: IncomingMessage, res: ServerResponse) {
  const [, , uid, action] = new URL(req.url ?? "/", "http://x").pathname.split("/");
  const details = await provider.interactionDetails(req, res);
  if (action === "abort")
    return provider.interactionFinished(
      req,
      res,
      { error: "access_denied", error_description: text("cancelled") },
      { mergeWithLastSubmission: false },
    );
  const client = String(details.params.client_id ?? "");
  if (action === "login" && req.method === "POST") {
    const login = (await formOf(req)).get("login")?.trim() ?? "";
    if (ACCOUNTS[login]) return provider.interactionFinished(req, res, { login: { accountId: login } });
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    return res.end(loginPage(uid!, client, text("login.unknown", { login })));
  }
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(loginPage(uid!, client));
}

/** A signing key of its own for each start (the library's development keys are the same for everyone). */
function signingKeys() {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { keys: [{ ...privateKey.export({ format: "jwk" }), use: "sig", kid: "essai" }] };
}

export const CLIENT_ID = "cap-libre";
export const CLIENT_SECRET = "secret-de-test-du-client-cap-libre";

/** The people of the test provider: login → claims. */
export const ACCOUNTS: Record<string, { name: string; email: string; groups?: string[] }> = {
  "alice.martin": { name: "Alice Martin", email: "alice.martin@mairie-exemple.fr" },
  "bruno.petit": { name: "Bruno Petit", email: "bruno.petit@mairie-exemple.fr" },
  // Roles given by the provider (OIDC_ROLES_CLAIM=groups, OIDC_ROLES_PREFIX=cap-libre:), as Keycloak groups.
  "claire.durand": {
    name: "Claire Durand",
    email: "claire.durand@mairie-exemple.fr",
    groups: [
      "cap-libre:mairie-a:dsi",
      "/cap-libre/mairie-b/lecteur",
      "cap-libre:mairie-a:inconnu",
      "compta:mairie-a:administrateur",
    ],
  },
};

export interface TestProvider {
  issuer: string;
  /** Registers Cap Libre's redirect URI (its `/auth/callback`; several for a local try) and starts answering. */
  register(redirectUri: string | string[]): void;
  /** Authorization requests received (their query), to check PKCE, state and nonce were sent. */
  authorizations: URLSearchParams[];
  close(): Promise<void>;
}

/** `port`: a fixed port (`npm run dev:oidc`); by default an ephemeral one. */
export async function startTestProvider(port = 0): Promise<TestProvider> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  let provider: InstanceType<typeof Provider> | null = null;
  const authorizations: URLSearchParams[] = [];
  const server = createServer((req, res) => {
    if (!handler) {
      res.writeHead(503).end();
      return;
    }
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/auth") authorizations.push(url.searchParams);
    if (url.pathname.startsWith("/interaction/") && provider) {
      interaction(provider, req, res).catch((err: Error) => {
        res.writeHead(400, { "content-type": "text/html; charset=utf-8" });
        res.end(
          page(
            `<h1>${html(text("error.heading"))}</h1><p>${html(text("error.detail", { error: err.message }))}</p><p>${html(text("error.back"))}</p>`,
          ),
        );
      });
      return;
    }
    handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    authorizations,
    register(redirectUri) {
      provider = new Provider(issuer, {
        clients: [
          {
            client_id: CLIENT_ID,
            client_secret: CLIENT_SECRET,
            redirect_uris: [redirectUri].flat(),
            token_endpoint_auth_method: "client_secret_post",
            response_types: ["code"],
            grant_types: ["authorization_code"],
          },
        ],
        pkce: { required: () => true },
        claims: { openid: ["sub"], profile: ["name", "groups"], email: ["email", "email_verified"] },
        ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
        cookies: { keys: ["cle-de-test-des-cookies-du-fournisseur"] },
        // Its public `adapter` option, not its internal development store (`oidc-store.ts`).
        adapter: memoryStore(),
        jwks: signingKeys(),
        features: {
          devInteractions: { enabled: false },
          rpInitiatedLogout: {
            enabled: true,
            async logoutSource(ctx: any, form: string) {
              ctx.body = page(`<h1>${html(text("logout.heading"))}</h1>${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">${html(text("logout.yes"))}</button>
<button type="submit" form="op.logoutForm">${html(text("logout.no"))}</button>`);
            },
            async postLogoutSuccessSource(ctx: any) {
              ctx.body = page(`<h1>${html(text("logout.done"))}</h1>`);
            },
          },
        },
        interactions: { url: (_ctx: unknown, i: { uid: string }) => `/interaction/${i.uid}` },
        async renderError(ctx: any, out: Record<string, string>) {
          ctx.type = "html";
          ctx.body = page(`<h1>${html(text("error.heading"))}</h1>
<p>${html(text("error.detail", { error: out.error_description ?? out.error ?? "" }))}</p>
<p>${html(text("error.back"))}</p>`);
        },
        // Cap Libre calls the provider from its server only: no cross-origin request to allow.
        clientBasedCORS: () => false,
        async findAccount(_ctx: unknown, sub: string) {
          const account = ACCOUNTS[sub];
          if (!account) return undefined;
          return {
            accountId: sub,
            claims: async () => ({
              sub,
              name: account.name,
              email: account.email,
              email_verified: true,
              ...(account.groups ? { groups: account.groups } : {}),
            }),
          };
        },
        // First-party client: consent is implied (only the login page is shown).
        async loadExistingGrant(ctx: any) {
          const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
          if (grantId) return ctx.oidc.provider.Grant.find(grantId);
          const grant = new ctx.oidc.provider.Grant({
            clientId: ctx.oidc.client.clientId,
            accountId: ctx.oidc.session.accountId,
          });
          grant.addOIDCScope("openid profile email");
          await grant.save();
          return grant;
        },
      });
      handler = provider.callback();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Cookies per origin, as a browser keeps them (enough for these flows: no paths, no domains). */
export class CookieJar {
  private jars = new Map<string, Map<string, string>>();
  header(url: string): string {
    return [...(this.jars.get(new URL(url).origin) ?? new Map()).entries()].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  store(url: string, response: Response): void {
    const origin = new URL(url).origin;
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    this.jars.set(origin, jar);
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const gone =
        !value ||
        attrs.some(
          (a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split("=")[1]!) < Date.now()),
        );
      if (gone) jar.delete(name);
      else jar.set(name, value);
    }
  }
  get(url: string, name: string): string | undefined {
    return this.jars.get(new URL(url).origin)?.get(name);
  }
  set(url: string, name: string, value: string): void {
    const origin = new URL(url).origin;
    if (!this.jars.has(origin)) this.jars.set(origin, new Map());
    this.jars.get(origin)!.set(name, value);
  }
}

/** One request with the jar's cookies, without following redirects. */
export async function request(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const cookie = jar.header(url);
  if (cookie) headers.set("cookie", cookie);
  const response = await fetch(url, { ...init, headers, redirect: "manual" });
  jar.store(url, response);
  return response;
}

/**
 * Signs in to Cap Libre at `appUrl` as `login` through the provider's login page; returns the last answer of
 * Cap Libre (the redirect after the callback) and every URL visited.
 */
export async function signIn(
  jar: CookieJar,
  appUrl: string,
  login: string,
  path = "/auth/login",
): Promise<{ final: Response; visited: string[] }> {
  const visited: string[] = [];
  let url = new URL(path, appUrl).href;
  let init: RequestInit = {};
  for (let hop = 0; hop < 20; hop++) {
    visited.push(url);
    const response = await request(jar, url, init);
    init = {};
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      // Back at Cap Libre after its callback: done.
      if (new URL(url).pathname === "/auth/callback") return { final: response, visited };
      url = new URL(location, url).href;
      continue;
    }
    const html = await response.text();
    const form = html.match(/<form[^>]*action="([^"]+)"[^>]*method="post"/i);
    if (response.status !== 200 || !form || !/name="login"/.test(html)) {
      return { final: new Response(html, { status: response.status, headers: response.headers }), visited };
    }
    url = new URL(form[1]!.replace(/&amp;/g, "&"), url).href;
    init = {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ prompt: "login", login, password: "n'importe-lequel" }).toString(),
    };
  }
  throw new Error(`Sign-in did not finish: ${visited.join(" → ")}`);
}

/**
 * A test server that signs people in with `provider` (its issuer and Cap Libre's client), its callback registered
 * with the provider; `env` adds to or overrides the server's settings.
 */
export async function startSignInServer(provider: TestProvider, env: Record<string, string> = {}): Promise<TestServer> {
  const server = await startTestServer({
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: CLIENT_ID,
    OIDC_CLIENT_SECRET: CLIENT_SECRET,
    ...env,
  });
  provider.register(`${server.url}/auth/callback`);
  return server;
}
