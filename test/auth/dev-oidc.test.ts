/**
 * `npm run dev:oidc` (README, « Essayer sur ce poste »): the tests' provider on a port of its own, answering its
 * discovery document, with the command that starts Cap Libre against it (trial11 B6: no local way to try sign-in).
 * It speaks French like the rest (trial12 B5): no English warnings of the library, a French login page and error page.
 */
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CookieJar, request } from "../helpers/oidc-provider.ts";
import { memoryStore } from "../helpers/oidc-store.ts";

describe("npm run dev:oidc", () => {
  it("starts a provider that answers in French and prints how to start Cap Libre against it", async () => {
    const child = spawn(process.execPath, ["test/helpers/dev-oidc.ts"], {
      env: { ...process.env, OIDC_DEV_PORT: "0", PORT: "3999" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (d) => {
      err += d;
    });
    try {
      let out = "";
      await new Promise<void>((resolve, reject) => {
        child.stdout.on("data", (d) => {
          out += d;
          if (out.includes("Arrêt : Ctrl+C.")) resolve();
        });
        child.once("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const issuer = out.match(/OIDC_ISSUER=(http:\/\/127\.0\.0\.1:\d+)/)?.[1];
      expect(issuer).toBeDefined();
      expect(out).toContain("PORT=3999");
      // Trial 13 (B5): the e-mail the role commands need, and the one port it accepts Cap Libre on.
      expect(out).toContain("alice.martin — Alice Martin, alice.martin@mairie-exemple.fr");
      expect(out).toContain("n'accepte que Cap Libre sur le port 3999 :");
      const discovery = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
      expect(discovery.issuer).toBe(issuer);

      // The login page Cap Libre sends a visitor to.
      const jar = new CookieJar();
      const verifier = randomBytes(32).toString("base64url");
      const query = new URLSearchParams({
        client_id: "cap-libre",
        response_type: "code",
        scope: "openid profile email",
        redirect_uri: "http://127.0.0.1:3999/auth/callback",
        code_challenge: createHash("sha256").update(verifier).digest("base64url"),
        code_challenge_method: "S256",
        state: "etat",
        nonce: "nonce",
      });
      const start = await request(jar, `${issuer}/auth?${query}`);
      const page = await request(jar, new URL(start.headers.get("location")!, issuer).href);
      const html = await page.text();
      expect(page.status).toBe(200);
      expect(html).toContain('lang="fr"');
      expect(html).toContain("Se connecter");
      expect(html).toContain("alice.martin");
      expect(html).not.toMatch(/Sign-in|Cancel|DEBUG/);
      // An error the provider shows itself (an unknown client).
      const error = await (await fetch(`${issuer}/auth?client_id=inconnu&response_type=code&scope=openid`)).text();
      expect(error).toContain('lang="fr"');
      expect(error).not.toMatch(/oops|something went wrong/i);

      expect(`${out}${err}`).not.toMatch(/oidc-provider (WARNING|NOTICE)/);
    } finally {
      child.kill("SIGTERM");
    }
  }, 60_000);
});

// Round 17: the provider's store was oidc-provider's internal development file, imported by its path (not exported:
// an upgrade could move it). The store is ours, given through the library's public `adapter` option.
describe("the test provider's store", () => {
  it("imports nothing of oidc-provider but its public entry", () => {
    const dir = new URL("../helpers/", import.meta.url);
    for (const name of readdirSync(dir).filter((n) => /\.ts$/.test(n)))
      expect(readFileSync(new URL(name, dir), "utf8"), name).not.toMatch(/["']oidc-provider\//);
  });

  it("keeps, finds, consumes, forgets and revokes as the adapter interface says", async () => {
    let clock = 1_000_000;
    const store = memoryStore(() => clock);
    const codes = store("AuthorizationCode");
    const tokens = store("AccessToken");
    const sessions = store("Session");
    await codes.upsert("c1", { grantId: "g1" }, 60);
    await tokens.upsert("t1", { grantId: "g1" }, 600);
    await tokens.upsert("t2", { grantId: "g2" });
    await sessions.upsert("s1", { uid: "u1" }, 3600);
    // One model's ids are not another's.
    expect(await tokens.find("c1")).toBeUndefined();
    expect(await sessions.findByUid("u1")).toEqual({ uid: "u1" });
    await codes.consume("c1");
    expect((await codes.find("c1"))?.consumed).toBe(1000);
    // Expired: forgotten.
    clock += 61_000;
    expect(await codes.find("c1")).toBeUndefined();
    expect(await tokens.find("t1")).toEqual({ grantId: "g1" });
    await tokens.revokeByGrantId("g1");
    expect(await tokens.find("t1")).toBeUndefined();
    expect(await tokens.find("t2")).toEqual({ grantId: "g2" });
    await sessions.destroy("s1");
    expect(await sessions.findByUid("u1")).toBeUndefined();
    // A new store shares nothing with another.
    expect(await memoryStore()("AccessToken").find("t2")).toBeUndefined();
  });
});
