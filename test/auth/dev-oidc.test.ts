/**
 * `npm run dev:oidc` (README, « Essayer sur ce poste »): the tests' provider on a port of its own, answering its
 * discovery document, with the command that starts Cap Libre against it (trial11 B6: no local way to try sign-in).
 * It speaks French like the rest (trial12 B5): no English warnings of the library, a French login page and error page.
 */
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CookieJar, request } from "../helpers/oidc-provider.ts";

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
