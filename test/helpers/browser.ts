/**
 * Debian's Chromium driven by playwright-core, kept on loopback: the flags below stop Chromium's own
 * background traffic (see TECH-NOTES), so a test can assert the page loads nothing from outside its origin.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

const CANDIDATES = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"];
export const chromiumPath = CANDIDATES.find((p) => existsSync(p)) ?? null;

/** Browser tests run wherever Chromium is installed; in CI (CI=true) its absence is a failure, not a skip. */
export const browserAvailable = chromiumPath !== null || process.env.CI === "true";

/**
 * Chromium's own guard against pages reaching loopback addresses (Local/Private Network Access); other browsers
 * lack it, so a test of the server's protection turns it off.
 */
const LOCAL_NETWORK_CHECKS = [
  "LocalNetworkAccessChecks",
  "BlockInsecurePrivateNetworkRequests",
  "PrivateNetworkAccessSendPreflights",
  "PrivateNetworkAccessRespectPreflightResults",
];

/**
 * `mapToLoopback`: host names Chromium resolves to 127.0.0.1 (and reaches without the dead proxy), to play a
 * DNS-rebinding attack (`rebind.example`).
 */
export async function launchBrowser(
  options: { mapToLoopback?: string[] } = {},
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const mapped = options.mapToLoopback ?? [];
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
      `--disable-features=${["AutofillServerCommunication", "OptimizationHints", "MediaRouter", "Translate", ...(mapped.length ? LOCAL_NETWORK_CHECKS : [])].join(",")}`,
      `--host-resolver-rules=${[...mapped.map((h) => `MAP ${h} 127.0.0.1`), "MAP * ~NOTFOUND", "EXCLUDE 127.0.0.1"].join(" , ")}`,
      "--proxy-server=http://127.0.0.1:9",
      `--proxy-bypass-list=${["127.0.0.1", ...mapped].join(";")}`,
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
