/**
 * Display settings (« Paramètres d'affichage »): light, dark or the system's theme, chosen in a dialog reached from
 * the footer, kept in the browser, and readable in every case — text keeps a contrast ratio of at least 4.5:1
 * against its background (RGAA 3.2) in the dark theme too.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser } from "../helpers/browser.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS } from "../inventory/fixtures.ts";
import { openPage } from "./page.ts";

/** The lowest contrast ratio between visible text and its effective background, with the element that has it. */
async function lowestContrast(page: Page) {
  return page.evaluate(() => {
    const rgb = (c: string) => {
      const m = c.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/);
      return m ? { r: +m[1]!, g: +m[2]!, b: +m[3]!, a: m[4] === undefined ? 1 : +m[4] } : null;
    };
    const lum = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (node: Element | null) => {
      for (let n = node; n; n = n.parentElement) {
        const c = rgb(getComputedStyle(n).backgroundColor);
        if (c && c.a > 0.5) return c;
      }
      return { r: 255, g: 255, b: 255, a: 1 };
    };
    let worst = { ratio: 21, where: "" };
    for (const node of document.querySelectorAll("body *")) {
      const own = [...node.childNodes].some((c) => c.nodeType === 3 && c.textContent!.trim());
      if (!own || !(node as HTMLElement).offsetParent || node.closest("[hidden], .visually-hidden, .skip-link"))
        continue;
      const fg = rgb(getComputedStyle(node).color);
      if (!fg) continue;
      const [a, b] = [lum(fg), lum(background(node))].sort((x, y) => y - x);
      const ratio = (a! + 0.05) / (b! + 0.05);
      if (ratio < worst.ratio) worst = { ratio, where: `${node.tagName.toLowerCase()}.${node.className}` };
    }
    return worst;
  });
}

describe.skipIf(!browserAvailable)("display settings", () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let server: TestServer;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ CORPUS_DIR: INVENTORY_CORPUS }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("switches to the dark theme from a keyboard-reachable dialog, keeps the choice, and stays readable", async () => {
    const { page, consoleErrors } = await openPage(browser.context, server.url, "#question");
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("light");
    const open = page.getByRole("button", { name: "Paramètres d'affichage" });
    await open.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Paramètres d'affichage" });
    await dialog.waitFor();
    expect(await dialog.getByRole("radio", { name: /Système/ }).isChecked()).toBe(true);
    await dialog.getByRole("radio", { name: "Sombre" }).check();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.isVisible(), { timeout: 30_000 }).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("display-open");

    const body = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(body).toBe("rgb(18, 18, 18)");
    for (const hash of ["#question", "#inventaire", "#documents", "#suivi"]) {
      await page.evaluate((h) => {
        location.hash = h;
      }, hash);
      const worst = await lowestContrast(page);
      expect(worst.ratio, `${hash}: ${worst.where}`).toBeGreaterThanOrEqual(4.5);
    }

    await page.reload();
    await page.locator("body[data-ready]").waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("follows the system when asked to, and prints light whatever the theme", async () => {
    const { page } = await openPage(browser.context, server.url, "#question");
    await page.evaluate(() => localStorage.setItem("cap-libre.display", "system"));
    // The system's scheme, read when the page loads (and followed live when it changes, which a loaded machine may
    // deliver late: the test reloads rather than wait for the event).
    for (const scheme of ["dark", "light"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.reload();
      await page.locator("body[data-ready]").waitFor();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme);
    }
    await page.evaluate(() => localStorage.setItem("cap-libre.display", "dark"));
    await page.reload();
    await page.locator("body[data-ready]").waitFor();
    await page.emulateMedia({ media: "print" });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(255, 255, 255)");
    expect(await page.getByRole("button", { name: "Paramètres d'affichage" }).isVisible()).toBe(false);
    await page.close();
  });
});
