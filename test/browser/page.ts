/**
 * Shared by the browser tests of the page: opens it on a section and records every request it makes (page,
 * fetches, downloads) and every console error (a Content-Security-Policy violation is one).
 */

import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";

export const WEB_FIXTURES = path.resolve("test/fixtures/web");

export interface OpenedPage {
  page: Page;
  /** Every URL the page requested, in order. */
  requested: string[];
  /** Console errors, except the browser's own line for a 4xx/5xx answer the page reads and shows. */
  consoleErrors: string[];
}

export async function openPage(context: BrowserContext, url: string, hash = ""): Promise<OpenedPage> {
  const opened = await recordedPage(context);
  await load(opened.page, url, hash);
  return opened;
}

/** A new page of `context` recording its requests and console errors, not yet opened anywhere. */
async function recordedPage(context: BrowserContext): Promise<OpenedPage> {
  const page = await context.newPage();
  const requested: string[] = [];
  const consoleErrors: string[] = [];
  page.on("request", (r) => requested.push(r.url()));
  page.on("console", (m) => {
    if (
      m.type() === "error" &&
      !/Failed to load resource: the server responded with a status of (4|5)\d\d/.test(m.text())
    )
      consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
  return { page, requested, consoleErrors };
}

async function load(page: Page, url: string, hash: string): Promise<void> {
  await page.goto(`${url}/${hash}`);
  await page.locator("body[data-ready]").waitFor();
}

/**
 * Leaves the page for about:blank, so that nothing of it runs on. The page itself navigates there (as a link would):
 * Chromium keeps its renderer process for the next page of the same site, where `page.goto("about:blank")`, a
 * navigation from the browser, starts a new process each time (about a third of a second of CPU, several on a busy
 * machine). A page that refuses (it is closing, or holds a dialog) is sent there by the browser.
 */
export async function blank(page: Page): Promise<void> {
  if (page.url() === "about:blank") return;
  try {
    await Promise.all([
      page.waitForURL("about:blank", { waitUntil: "load", timeout: 5_000 }),
      // Once the evaluation has returned: a navigation under way would end it with an error.
      page.evaluate(() => {
        setTimeout(() => {
          window.location.href = "about:blank";
        });
      }),
    ]);
  } catch {
    await page.goto("about:blank");
  }
}

/**
 * One page for the tests of a file, which each open it afresh with `open` (as `openPage` would a new one): a new
 * page per test costs Chromium a renderer process each time. The page goes to about:blank first (`blank`), so that
 * nothing of the earlier test's page runs on, and its requests and console errors are recorded from there. For tests that leave
 * the page's own settings (viewport, emulated media, routes) as they found them; the browser's storage is the
 * context's, shared by its pages anyway. A test may still close it: the next `open` makes a new one.
 */
export function reusedPage(context: () => BrowserContext): {
  open(url: string, hash?: string): Promise<OpenedPage>;
  close(): Promise<void>;
} {
  let opened: OpenedPage | undefined;
  return {
    async open(url, hash = "") {
      if (!opened || opened.page.isClosed()) opened = await recordedPage(context());
      else await blank(opened.page);
      opened.requested.length = 0;
      opened.consoleErrors.length = 0;
      await load(opened.page, url, hash);
      return opened;
    },
    async close() {
      if (opened && !opened.page.isClosed()) await opened.page.close();
    },
  };
}

/** Message keys left unfilled (`inv.col.name`) would show a missing entry of web/messages.fr.json. */
export const MISSING_MESSAGE = /\b(web|nav|ask|inv|draft|category|fit|kind|plan|form|chart)\.[a-z][\w-]*(\.[\w-]+)*\b/;
