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
  await page.goto(`${url}/${hash}`);
  await page.locator("body[data-ready]").waitFor();
  return { page, requested, consoleErrors };
}

/** Message keys left unfilled (`inv.col.name`) would show a missing entry of web/messages.fr.json. */
export const MISSING_MESSAGE = /\b(web|nav|ask|inv|draft|category|fit|kind|plan|form|chart)\.[a-z][\w-]*(\.[\w-]+)*\b/;
