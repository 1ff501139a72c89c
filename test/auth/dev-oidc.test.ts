/**
 * `npm run dev:oidc` (README, « Essayer sur ce poste »): the tests' provider on a port of its own, answering its
 * discovery document, with the command that starts Cap Libre against it (trial11 B6: no local way to try sign-in).
 */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("npm run dev:oidc", () => {
  it("starts a provider that answers and prints how to start Cap Libre against it", async () => {
    const child = spawn(process.execPath, ["test/helpers/dev-oidc.ts"], {
      env: { ...process.env, OIDC_DEV_PORT: "0", PORT: "3999" },
      stdio: ["ignore", "pipe", "pipe"],
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
      expect(out).toContain("alice.martin — Alice Martin");
      const discovery = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
      expect(discovery.issuer).toBe(issuer);
    } finally {
      child.kill("SIGTERM");
    }
  }, 60_000);
});
