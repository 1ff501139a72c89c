/**
 * Safe by default: loopback stays single-user without sign-in; any other address needs sign-in, or the server
 * refuses to start (in French, saying what to set); AUTH=none starts with a warning.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { assertSafeExposure } from "../../server/auth/exposure.ts";
import { loadConfig } from "../../server/config.ts";
import { isOpenPath, safeReturn } from "../../server/http/auth.ts";
import { FIXTURE_CORPUS, NO_OLLAMA, startTestServer } from "../helpers/server.ts";

const run = promisify(execFile);
const OIDC = {
  OIDC_ISSUER: "https://sso.ma-commune.fr/realms/agents",
  OIDC_CLIENT_ID: "cap-libre",
  OIDC_CLIENT_SECRET: "s",
};

function exposure(env: Record<string, string>) {
  const lines: string[] = [];
  try {
    assertSafeExposure(loadConfig(env), (l) => lines.push(l));
    return { ok: true, lines, error: "" };
  } catch (err) {
    return { ok: false, lines, error: (err as Error).message };
  }
}

describe("exposure", () => {
  it("keeps loopback as it is: no sign-in, nothing said", () => {
    for (const HOST of ["127.0.0.1", "::1", "localhost", "[::1]"]) {
      expect(loadConfig({ HOST }).auth.mode).toBe("none");
      expect(exposure({ HOST })).toEqual({ ok: true, lines: [], error: "" });
    }
    expect(loadConfig({}).host).toBe("127.0.0.1");
  });

  it("refuses any other address without sign-in, saying in French what to set", () => {
    for (const HOST of ["0.0.0.0", "::", "192.168.1.20", "cap-libre.ma-commune.fr"]) {
      const r = exposure({ HOST });
      expect(r.ok).toBe(false);
      expect(r.error).toContain(`il écouterait sur ${HOST}`);
      for (const name of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "PUBLIC_URL", "HOST=127.0.0.1", "AUTH=none"])
        expect(r.error).toContain(name);
    }
  });

  it("starts with AUTH=none beyond loopback, with a warning", () => {
    const r = exposure({ HOST: "0.0.0.0", AUTH: "none" });
    expect(r.ok).toBe(true);
    expect(r.lines.join("\n")).toMatch(/Attention : Cap Libre écoute sur 0\.0\.0\.0 SANS connexion/);
  });

  it("turns sign-in on with OIDC_ISSUER, and asks for PUBLIC_URL beyond loopback", () => {
    expect(loadConfig(OIDC).auth).toMatchObject({
      mode: "oidc",
      issuer: OIDC.OIDC_ISSUER,
      scopes: "openid profile email",
      sessionHours: 8,
    });
    expect(loadConfig({ ...OIDC, AUTH: "none" }).auth.mode).toBe("none");
    const noUrl = exposure({ HOST: "0.0.0.0", ...OIDC });
    expect(noUrl.error).toContain("il faut donc PUBLIC_URL");
    const ok = exposure({ HOST: "0.0.0.0", ...OIDC, PUBLIC_URL: "https://cap-libre.ma-commune.fr/" });
    expect(ok.ok).toBe(true);
    expect(ok.lines.join("\n")).toContain("Connexion par OpenID Connect : https://sso.ma-commune.fr/realms/agents");
    const behindProxy = loadConfig({ ...OIDC, PUBLIC_URL: "https://cap-libre.ma-commune.fr/" });
    expect(behindProxy.auth.publicUrl).toBe("https://cap-libre.ma-commune.fr");
    expect(behindProxy.allowedHosts).toContain("cap-libre.ma-commune.fr"); // the Host guard answers to that name
    const clear = exposure({ HOST: "0.0.0.0", ...OIDC, PUBLIC_URL: "http://cap-libre.ma-commune.fr" });
    expect(clear.lines.join("\n")).toContain("n'est pas en https");
  });

  it("explains incomplete or unsafe sign-in settings in French", () => {
    expect(() => loadConfig({ AUTH: "oidc" })).toThrow(/OIDC_ISSUER.*OIDC_CLIENT_ID/);
    expect(() => loadConfig({ OIDC_ISSUER: OIDC.OIDC_ISSUER })).toThrow(/OIDC_CLIENT_ID/);
    expect(() => loadConfig({ ...OIDC, OIDC_ISSUER: "http://sso.ma-commune.fr/realms/agents" })).toThrow(/https:\/\//);
    expect(() => loadConfig({ AUTH: "ldap" })).toThrow(/AUTH invalide.*valeur « none » ou « oidc » attendue/);
    expect(() => loadConfig({ ...OIDC, OIDC_SCOPES: "profile email" })).toThrow(/openid/);
    expect(() => loadConfig({ ...OIDC, SESSION_HOURS: "0" })).toThrow(/SESSION_HOURS/);
  });

  it("opens only the health check, the sign-in flow, the public pages and /v1, and returns only to this site", () => {
    for (const p of [
      "/api/health",
      "/auth/login",
      "/auth/callback",
      "/public/kervallon",
      "/public/public.css",
      "/v1/models",
    ])
      expect(isOpenPath(p)).toBe(true);
    for (const p of [
      "/",
      "/app.js",
      "/api/me",
      "/api/health/x",
      "/api/inventory/analyses",
      "/publicite",
      "/authx",
      "/API/health",
      "/public.css",
    ])
      expect(isOpenPath(p)).toBe(false);
    expect(safeReturn("/#x")).toBe("/#x");
    expect(safeReturn("/?vue=1")).toBe("/?vue=1");
    for (const bad of [
      undefined,
      "",
      "https://ailleurs.example/",
      "//ailleurs.example/",
      "/\\ailleurs.example",
      "javascript:alert(1)",
      "/\nx",
    ])
      expect(safeReturn(bad)).toBe("/");
  });

  it("npm start on 0.0.0.0 without sign-in exits with the French message, before opening anything", async () => {
    const result = await run(process.execPath, ["server/main.ts"], {
      env: {
        ...process.env,
        HOST: "0.0.0.0",
        PORT: "0",
        AUTH: "",
        OIDC_ISSUER: "",
        CORPUS_DIR: FIXTURE_CORPUS,
        DATA_DIR: "/nonexistent/cap-libre",
        OLLAMA_BASE_URL: NO_OLLAMA,
      },
      timeout: 60_000,
    }).then(
      () => ({ code: 0, stderr: "" }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Cap Libre n'a pas démarré");
    expect(result.stderr).toContain("AUTH=none");
  }, 90_000);

  it("serves on 0.0.0.0 with AUTH=none, after the warning", async () => {
    const lines: string[] = [];
    const { startServer } = await import("../../server/server.ts");
    const { mkdtemp, rm } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const dataDir = await mkdtemp(`${tmpdir()}/cap-libre-exposure-`);
    const running = await startServer(
      loadConfig({
        HOST: "0.0.0.0",
        PORT: "0",
        AUTH: "none",
        CORPUS_DIR: FIXTURE_CORPUS,
        DATA_DIR: dataDir,
        OLLAMA_BASE_URL: NO_OLLAMA,
      }),
      { line: (l) => lines.push(l), progress: () => {} },
    );
    try {
      expect(lines[0]).toContain("SANS connexion (AUTH=none)");
      const port = new URL(running.url).port;
      const me = await fetch(`http://127.0.0.1:${port}/api/me`);
      expect(await me.json()).toEqual({ auth: "none", user: null });
      expect((await fetch(`http://127.0.0.1:${port}/api/inventory/analyses`)).status).toBe(200);
    } finally {
      await running.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 90_000);

  it("leaves the loopback server exactly as before: no sign-in, /api/me says so", async () => {
    const server = await startTestServer();
    try {
      expect(await (await fetch(`${server.url}/api/me`)).json()).toEqual({ auth: "none", user: null });
      expect((await fetch(`${server.url}/auth/login`)).status).toBe(404);
      expect((await fetch(`${server.url}/`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
