/**
 * Debian's Chromium driven by playwright-core, kept on loopback: the flags below stop Chromium's own
 * background traffic (see TECH-NOTES), so a test can assert the page loads nothing from outside its origin.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

const CANDIDATES = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"];
export const chromiumPath = CANDIDATES.find((p) => existsSync(p)) ?? null;

/** Browser tests run wherever Chromium is installed; in CI (CI=true) its absence is a failure, not a skip. */
export const browserAvailable = chromiumPath !== null || process.env.CI === "true";

export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (!chromiumPath) throw new Error("Chromium introuvable : installez le paquet Debian « chromium » (voir .ci/run).");
  const profile = await mkdtemp(path.join(tmpdir(), "cap-libre-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter,Translate",
      "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
      "--proxy-server=http://127.0.0.1:9",
      "--proxy-bypass-list=127.0.0.1",
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
