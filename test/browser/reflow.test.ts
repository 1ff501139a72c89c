/**
 * The page on a phone (320 × 640 CSS pixels, WCAG 1.4.10 reflow) in a real Chromium, on a real server (fixture
 * catalog, no Ollama): no section scrolls sideways; what is wider than the screen scrolls inside its own labelled
 * container; the map's tables become cards. Screenshots are kept in test-results/ for a reviewer.
 */
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, keepScreenshot, launchBrowser } from "../helpers/browser.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS } from "../inventory/fixtures.ts";
import { openPage, WEB_FIXTURES } from "./page.ts";

const CSV = path.join(WEB_FIXTURES, "glpi-petite-mairie.csv");

/**
 * What overflows the screen sideways: the page itself, and every element reaching past the right edge that is not
 * inside a container which scrolls on its own and says what it holds (a labelled region).
 */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const page = document.documentElement.scrollWidth - width;
    const offenders: string[] = [];
    for (const node of document.querySelectorAll("body *")) {
      const box = node.getBoundingClientRect();
      if (!box.width || box.right <= width + 1) continue;
      const scroller = node.parentElement?.closest(".table-wrap, .table-scroll");
      const labelled =
        scroller &&
        scroller.getAttribute("role") === "region" &&
        (scroller.getAttribute("aria-label") || scroller.getAttribute("aria-labelledby"));
      if (labelled && scroller.getBoundingClientRect().right <= width + 1) continue;
      if (node.closest(".visually-hidden, .skip-link, [hidden]")) continue;
      offenders.push(
        `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ""}.${[...node.classList].join(".")} (${Math.round(box.right - width)} px)`,
      );
    }
    return { page, offenders: offenders.slice(0, 10) };
  });
}

describe.skipIf(!browserAvailable)("the page at 320 px wide", () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  let server: TestServer;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ CORPUS_DIR: INVENTORY_CORPUS }), launchBrowser()]);
    context = browser.context;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function phone(hash: string, width = 320, height = 640) {
    const opened = await openPage(context, server.url, hash);
    await opened.page.setViewportSize({ width, height });
    return opened.page;
  }

  it("at 200 % zoom of a 1280 px screen (640 CSS px): the map and the forms without sideways scroll", async () => {
    const page = await phone("#inventaire", 640, 400);
    await page.getByLabel("Fichiers d'inventaire").setInputFiles(CSV);
    await page.getByRole("button", { name: "Analyser l'inventaire" }).click();
    await page.locator("#inv-items").waitFor({ timeout: 45_000 });
    expect(await overflow(page)).toEqual({ page: 0, offenders: [] });
    for (const section of ["Rédiger un document", "Suivi du plan", "Poser une question"]) {
      await page.getByRole("link", { name: section }).click();
      expect(await overflow(page), section).toEqual({ page: 0, offenders: [] });
    }
    await page.close();
  });

  it("reads the dependency map on a phone: no sideways scroll, tables as cards with their column names", async () => {
    const page = await phone("#inventaire");
    expect(await overflow(page)).toEqual({ page: 0, offenders: [] });
    await page.getByLabel("Fichiers d'inventaire").setInputFiles(CSV);
    await page.getByRole("button", { name: "Analyser l'inventaire" }).click();
    await page.locator("#inv-items").waitFor({ timeout: 45_000 });
    expect(await overflow(page)).toEqual({ page: 0, offenders: [] });

    // An item is a card: each value beside the name of its column, the yes/no and alternatives visible without scrolling.
    const card = page.locator("#inv-items tbody tr").filter({ hasText: "Microsoft Teams" }).first();
    const box = (await card.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(320);
    // Each value is preceded on screen by the name of its column (CSS generated text, not read twice aloud).
    const cells = await card.locator("td").evaluateAll((tds) =>
      tds.map((td) => ({
        before: getComputedStyle(td, "::before").content,
        text: (td as HTMLElement).innerText,
        right: td.getBoundingClientRect().right,
      })),
    );
    expect(cells.map((c) => c.before)).toContain('"Part extra-européenne : " / ""');
    expect(cells.find((c) => c.before.startsWith('"Part extra-européenne'))!.text).toBe("Oui");
    expect(cells.find((c) => c.before.startsWith('"Alternatives'))!.text).toContain("Nextcloud");
    expect(Math.max(...cells.map((c) => c.right))).toBeLessThanOrEqual(320);
    // The table is still a table for a screen reader.
    expect(await page.getByRole("table", { name: /Logiciels de l'inventaire/ }).count()).toBe(1);
    expect(await card.getByRole("cell", { name: "Oui" }).count()).toBe(1);
    // Rows stay readable: none taller than two screens.
    const heights = await page
      .locator("#inv-items tbody tr")
      .evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
    expect(Math.max(...heights)).toBeLessThan(1280);
    await keepScreenshot(page, { path: "test-results/reflow-320-inventaire.png", fullPage: true });
    await keepScreenshot(card, { path: "test-results/reflow-320-card.png" });
    await keepScreenshot(page.locator('[data-chart="exposure"]'), { path: "test-results/reflow-320-chart.png" });
    await keepScreenshot(page.locator('[data-chart="law"]'), { path: "test-results/reflow-320-chart-law.png" });
    await page.close();
  });

  it("fills the document form and asks a question on a phone without sideways scroll", async () => {
    const page = await phone("#documents");
    expect(await overflow(page)).toEqual({ page: 0, offenders: [] });
    await keepScreenshot(page, { path: "test-results/reflow-320-documents.png", fullPage: true });
    await page.getByRole("link", { name: "Poser une question" }).click();
    expect(await overflow(page)).toEqual({ page: 0, offenders: [] });
    await page.getByRole("link", { name: "Suivi du plan" }).click();
    await page.locator("#plan-main *").first().waitFor();
    expect(await overflow(page)).toEqual({ page: 0, offenders: [] });
    await page.close();
  });
});
