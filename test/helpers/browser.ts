/**
 * Debian's Chromium driven by playwright-core, kept on loopback: the flags below stop Chromium's own
 * background traffic (see TECH-NOTES), so a test can assert the page loads nothing from outside its origin.
 */
import { existsSync } from "node:fs";
import { type Browser, type BrowserContext, chromium } from "playwright-core";

/**
 * Debian's headless shell first (package chromium-headless-shell, installed by .ci/run): the same Blink and V8 as the
 * full browser without its browser layer, as Playwright runs its own Chromium headless; the browser test files cost
 * it about half the CPU the full browser took (display 16.7 → 6.5 s, reflow 16.8 → 9.8 s, loaded machine). The
 * full browser where the shell is missing.
 */
const CANDIDATES = [
  "/usr/lib/chromium/chromium-headless-shell",
  "/usr/bin/chromium-headless-shell",
  "/usr/lib/chromium/chromium",
  "/usr/bin/chromium",
];
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

/** Chromium's command line: no background traffic, every host but loopback unreachable (`mapped` reach loopback too). */
function chromiumArgs(mapped: string[]): string[] {
  return [
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
  ];
}

const launch = (mapped: string[]): Promise<Browser> => {
  if (!chromiumPath) throw new Error("Chromium introuvable : installez le paquet Debian « chromium » (voir .ci/run).");
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs(mapped) });
};

/**
 * The Chromium of this test process, started by the first file that asks for it. Vitest runs file after file in
 * each worker process (`isolate: false`): one start per worker rather than one per file, each file in its own
 * context (cookies, storage, cache and pages of its own, as a fresh profile). Chromium ends with the worker process
 * (Playwright talks to it through a pipe, and Chromium exits when the pipe closes).
 */
let shared: Promise<Browser> | undefined;

/**
 * A fresh browser context (no cookie, no storage, no page) of Chromium, closed by `close()`. `mapToLoopback`: host
 * names Chromium resolves to 127.0.0.1 (and reaches without the dead proxy), to play a DNS-rebinding attack
 * (`rebind.example`); such a context has a Chromium of its own, closed with it.
 */
export async function launchBrowser(
  options: { mapToLoopback?: string[] } = {},
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const mapped = options.mapToLoopback ?? [];
  if (mapped.length) {
    const own = await launch(mapped);
    const context = await own.newContext();
    context.setDefaultTimeout(60_000);
    return { context, close: () => own.close() };
  }
  // Started again if it failed to start or has gone away (a crash would otherwise fail every later file).
  if (!shared || !(await shared.then((b) => b.isConnected()).catch(() => false))) shared = launch([]);
  const browser = await shared;
  const context = await browser.newContext();
  // Playwright's 30 s for a click, a fill or a wait: on a machine loaded to 30 with three workers, a page that
  // answers still took longer (a timeout only ever ends a wait that would have failed).
  context.setDefaultTimeout(60_000);
  return { context, close: () => context.close() };
}

/**
 * A screenshot kept in test-results/ for a reviewer to look at; nothing is asserted on it. CI (`CI=true`, set by
 * .ci/run) keeps no test-results/ and skips it: a full-page capture costs Chromium about a third of a second of CPU,
 * several seconds on a busy machine, and the suite takes some fifty.
 */
export async function keepScreenshot(
  target: { screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown> },
  options: { path: string; fullPage?: boolean },
): Promise<void> {
  if (process.env.CI === "true") return;
  await target.screenshot(options);
}
