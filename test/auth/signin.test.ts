/**
 * Sign-in end to end through HTTP: the real Cap Libre server (temporary DATA_DIR, SQLite) against a real
 * OpenID provider (oidc-provider on a loopback port), the flow walked with fetch and a cookie jar.
 */
import { execFile } from "node:child_process";
import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CLIENT_ID,
  CookieJar,
  request,
  signIn,
  startSignInServer,
  startTestProvider,
  type TestProvider,
} from "../helpers/oidc-provider.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS } from "../inventory/fixtures.ts";

let provider: TestProvider;
let server: TestServer;
const COOKIE = "caplibre_session";

beforeAll(async () => {
  provider = await startTestProvider();
  server = await startSignInServer(provider, {
    CORPUS_DIR: INVENTORY_CORPUS,
    SESSION_HOURS: "2",
    MODEL_CALLS_PER_HOUR: "2",
    // Everyone signed in is an administrator of the default workspace here (roles: test/auth/access-matrix.test.ts).
    DEFAULT_WORKSPACE_ROLE: "administrateur",
  });
});
afterAll(async () => {
  await server?.stop();
  await provider?.close();
});

const withSession = (token: string, init: RequestInit = {}) => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), cookie: `${COOKIE}=${token}` },
});

async function signedIn(login = "alice.martin"): Promise<string> {
  const jar = new CookieJar();
  const { final } = await signIn(jar, server.url, login);
  expect(final.status).toBe(303);
  const token = jar.get(server.url, COOKIE);
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return token!;
}

describe("sign-in with OpenID Connect", () => {
  it("refuses anonymous API calls with a French 401, and sends the page to sign in", async () => {
    const res = await fetch(`${server.url}/api/inventory/analyses`);
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.error.code).toBe("unauthenticated");
    expect(body.error.message).toContain("Connectez-vous");
    const post = await fetch(`${server.url}/api/inventory/analyze?name=x.csv`, { method: "POST", body: "a;b\n" });
    expect(post.status).toBe(401);
    expect((await fetch(`${server.url}/api/me`)).status).toBe(401);

    const page = await fetch(`${server.url}/?x=1`, { redirect: "manual" });
    expect(page.status).toBe(302);
    expect(page.headers.get("location")).toBe(`/auth/login?return=${encodeURIComponent("/?x=1")}`);
    const asset = await fetch(`${server.url}/app.js`, { redirect: "manual" });
    expect(asset.status).toBe(302);
    // What the browser fetches by itself (favicon, scripts) gets a 401, and starts no sign-in.
    const icon = await fetch(`${server.url}/favicon.svg`, {
      redirect: "manual",
      headers: { "sec-fetch-dest": "image" },
    });
    expect(icon.status).toBe(401);

    // What stays open: the health check and the sign-in flow.
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    const login = await fetch(`${server.url}/auth/login`, { redirect: "manual" });
    expect(login.status).toBe(302);
    expect(login.headers.get("location")).toContain(`${provider.issuer}/auth?`);
  });

  it("lets no encoded or doubled path slip past the check", async () => {
    const raw = (path: string) =>
      new Promise<number>((resolve, reject) => {
        const u = new URL(server.url);
        const r = httpRequest({ host: u.hostname, port: u.port, path, headers: { host: u.host } }, (res) => {
          res.resume();
          resolve(res.statusCode!);
        });
        r.on("error", reject);
        r.end();
      });
    const paths = [
      "/public/..%2fapp.js",
      "/public/%2e%2e/app.js",
      "/public/..%5capp.js",
      "/v1/..%2fapp.js",
      "/auth/..%2fapp.js",
      "/public/../index.html",
      "//app.js",
      "/api//inventory/analyses",
      "/api/inventory/analyses/",
      "/auth/%2e%2e/api/me",
      "/v1/../api/me",
    ];
    for (const path of paths)
      expect([path, await raw(path)]).toEqual([path, expect.toSatisfy((s: number) => s !== 200)]);
  });

  it("signs in with PKCE, state and nonce, and the page and API then work", async () => {
    const jar = new CookieJar();
    const { final, visited } = await signIn(jar, server.url, "alice.martin", "/auth/login?return=%2F%3Fvue%3D1");
    expect(visited.some((u) => u.startsWith(`${provider.issuer}/interaction/`))).toBe(true);
    expect(final.status).toBe(303);
    expect(final.headers.get("location")).toBe("/?vue=1");
    const setCookie = final.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i); // http://127.0.0.1: no TLS
    expect(setCookie).toMatch(/Max-Age=7200/);

    const sent = provider.authorizations.at(-1)!;
    expect(sent.get("code_challenge_method")).toBe("S256");
    expect(sent.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sent.get("state")!.length).toBeGreaterThanOrEqual(32);
    expect(sent.get("nonce")!.length).toBeGreaterThanOrEqual(32);
    expect(sent.get("redirect_uri")).toBe(`${server.url}/auth/callback`);

    const me = await request(jar, `${server.url}/api/me`);
    expect(me.status).toBe(200);
    const who = await me.json();
    expect(who).toMatchObject({
      auth: "oidc",
      user: { name: "Alice Martin", email: "alice.martin@mairie-exemple.fr", subject: "alice.martin" },
    });
    expect(Date.parse(who.expires) - Date.now()).toBeGreaterThan(1.9 * 3600_000);
    expect((await request(jar, `${server.url}/api/inventory/analyses`)).status).toBe(200);
    const page = await request(jar, `${server.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('id="account"');

    // The database keeps a hash of the id, never the cookie's value.
    const keys = await server.engine.records("sessions").list();
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => /^[0-9a-f]{64}$/.test(k))).toBe(true);
    expect(keys).not.toContain(jar.get(server.url, COOKIE));
  });

  it("behind https (PUBLIC_URL): __Host- Secure cookies and the public redirect URI", async () => {
    const behindProxy = await startTestServer({
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      PUBLIC_URL: "https://cap-libre.ma-commune.fr",
    });
    try {
      const start = await fetch(`${behindProxy.url}/auth/login`, { redirect: "manual" });
      expect(start.status).toBe(302);
      expect(new URL(start.headers.get("location")!).searchParams.get("redirect_uri")).toBe(
        "https://cap-libre.ma-commune.fr/auth/callback",
      );
      const cookie = start.headers.getSetCookie().join();
      expect(cookie).toMatch(/^__Host-caplibre_signin=[A-Za-z0-9_-]{43};/);
      expect(cookie).toMatch(/Secure/);
      expect(cookie).toMatch(/Path=\//);
    } finally {
      await behindProxy.stop();
    }
  });

  it("says in French when the provider cannot be reached, and starts anyway", async () => {
    // A port where nothing listens any more.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const issuer = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/realms/agents`;
    await new Promise((resolve) => closed.close(resolve));
    const down = await startTestServer({ OIDC_ISSUER: issuer, OIDC_CLIENT_ID: CLIENT_ID });
    try {
      const res = await fetch(`${down.url}/auth/login?return=%2F`, { redirect: "manual" });
      expect(res.status).toBe(502);
      const text = await res.text();
      expect(text).toContain(`Le fournisseur d&#39;identité (${issuer}) n&#39;a pas pu être joint : ECONNREFUSED`);
      expect(text).toContain('href="/auth/login?return=%2F"');
      expect((await fetch(`${down.url}/api/health`)).status).toBe(200);
    } finally {
      await down.stop();
    }
  });

  it("uses each sign-in once: a replayed callback or one from another browser is refused in French", async () => {
    const jar = new CookieJar();
    const { visited } = await signIn(jar, server.url, "bruno.petit");
    const callback = visited.find((u) => u.startsWith(`${server.url}/auth/callback?`))!;
    expect(callback).toContain("code=");
    const replay = await fetch(callback, { headers: { cookie: jar.header(server.url) }, redirect: "manual" });
    expect(replay.status).toBe(400);
    const text = await replay.text();
    expect(text).toContain("La connexion a échoué");
    expect(text).toContain("Recommencez la connexion");
  });

  it("shows the provider's refusal in French", async () => {
    const jar = new CookieJar();
    const start = await request(jar, `${server.url}/auth/login`);
    const state = new URL(start.headers.get("location")!).searchParams.get("state")!;
    const res = await request(
      jar,
      `${server.url}/auth/callback?error=access_denied&error_description=compte+suspendu&state=${state}&iss=${encodeURIComponent(provider.issuer)}`,
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Le fournisseur d&#39;identité a refusé la connexion : compte suspendu.");
  });

  it("logs out: the session is deleted and the old cookie no longer works", async () => {
    const token = await signedIn();
    expect((await fetch(`${server.url}/api/me`, withSession(token))).status).toBe(200);
    const out = await fetch(`${server.url}/auth/logout`, withSession(token, { method: "POST", redirect: "manual" }));
    expect(out.status).toBe(303);
    expect(out.headers.get("location")).toBe("/auth/signed-out");
    expect(out.headers.getSetCookie().join()).toMatch(new RegExp(`${COOKIE}=;.*Max-Age=0`, "i"));
    const signedOut = await fetch(`${server.url}/auth/signed-out`);
    expect(await signedOut.text()).toContain("Vous êtes déconnecté");
    // The browser would forget the cookie; someone who kept it gets nothing.
    const again = await fetch(`${server.url}/api/inventory/analyses`, withSession(token));
    expect(again.status).toBe(401);
    const page = await fetch(`${server.url}/`, withSession(token, { redirect: "manual" }));
    expect(page.status).toBe(302);
  });

  it("refuses an expired session and deletes it", async () => {
    const token = await signedIn();
    const sessions = server.engine.records<{ expires: string; name: string }>("sessions");
    const before = await sessions.list();
    // Move every live session's end into the past, as if SESSION_HOURS had gone by.
    for (const key of before) {
      const s = await sessions.get(key);
      await sessions.put(key, { ...s!, expires: new Date(Date.now() - 1000).toISOString() });
    }
    const res = await fetch(`${server.url}/api/me`, withSession(token));
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie().join()).toMatch(new RegExp(`${COOKIE}=;`));
    expect((await sessions.list()).length).toBe(before.length - 1);
  });

  it("lets an administrator list and revoke sessions from the command line, beside the running server", async () => {
    const token = await signedIn("bruno.petit");
    const cli = (...args: string[]) =>
      promisify(execFile)(process.execPath, ["server/cli/main.ts", "sessions", ...args], {
        env: { ...process.env, DATA_DIR: server.dataDir },
        timeout: 60_000,
      });
    const list = await cli();
    expect(list.stdout).toContain("Bruno Petit <bruno.petit@mairie-exemple.fr> — sujet bruno.petit");
    const revoked = await cli("revoke", "Bruno.Petit@mairie-exemple.fr");
    expect(revoked.stdout).toMatch(/Sessions révoquées : [1-9]/);
    expect((await fetch(`${server.url}/api/me`, withSession(token))).status).toBe(401);
    expect((await cli()).stdout).not.toContain("Bruno Petit");
  }, 180_000);

  it("limits model calls per person and per hour: a 429 in French with Retry-After", async () => {
    const [alice, bruno] = [await signedIn("alice.martin"), await signedIn("bruno.petit")];
    const ask = (token: string) =>
      fetch(
        `${server.url}/api/chat`,
        withSession(token, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ messages: [{ role: "user", content: "Quelles alternatives à Microsoft Teams ?" }] }),
        }),
      );
    for (let i = 0; i < 2; i++) {
      const ok = await ask(alice);
      expect(ok.status).toBe(200);
      await ok.text();
    }
    const refused = await ask(alice);
    expect(refused.status).toBe(429);
    const wait = Number(refused.headers.get("retry-after"));
    expect(wait).toBeGreaterThan(3000);
    expect(wait).toBeLessThanOrEqual(3600);
    expect((await refused.json()).error.message).toContain("limite de 2 appels au modèle par heure");
    // Someone else's budget is their own; reading stays open.
    const other = await ask(bruno);
    expect(other.status).toBe(200);
    await other.text();
    expect((await fetch(`${server.url}/api/inventory/analyses`, withSession(alice))).status).toBe(200);
  });

  it("keeps the citizens' public page open without an account", async () => {
    const token = await signedIn();
    const csv = `"Nom";"Éditeur";"Nombre d'installations";\n"Google Chrome";"Google LLC";"20";\n"LibreOffice";"The Document Foundation";"20";\n`;
    const analysis = await fetch(
      `${server.url}/api/inventory/analyze?name=glpi.csv`,
      withSession(token, { method: "POST", body: csv }),
    );
    expect(analysis.status).toBe(201);
    const { id } = await analysis.json();
    const json = { "content-type": "application/json" };
    const created = await fetch(
      `${server.url}/api/plans`,
      withSession(token, {
        method: "POST",
        headers: json,
        body: JSON.stringify({
          collectivite: { name: "Commune de Kervallon" },
          analysisId: id,
          target: { value: 5, date: "2030-12-31" },
        }),
      }),
    );
    expect(created.status).toBe(201);
    const { plan } = await created.json();
    const published = await fetch(
      `${server.url}/api/plans/${plan.id}/publish`,
      withSession(token, { method: "POST", headers: json, body: "{}" }),
    );
    expect(published.status).toBe(200);

    const page = await fetch(`${server.url}/public/${plan.slug}`, { redirect: "manual" });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Commune de Kervallon");
    expect((await fetch(`${server.url}/public/${plan.slug}/donnees.csv`)).status).toBe(200);
    // The plan itself (the DSI's side) stays closed.
    expect((await fetch(`${server.url}/api/plans/${plan.id}`)).status).toBe(401);
  });
});
