/**
 * RGAA basics checked in a real Chromium on every main state of the page (an answer, the map, the document form,
 * the plan section), desktop and phone: language, landmarks, skip link, heading order, labelled controls, visible
 * keyboard focus and text contrast of the palette (WCAG 1.4.3), then the print stylesheet of an answer and of the
 * map (no menu, banner or form on paper; the sources' addresses written out).
 */
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser } from "../helpers/browser.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { openPage, WEB_FIXTURES } from "./page.ts";

const CSV = path.join(WEB_FIXTURES, "glpi-petite-mairie.csv");

/** The checks that read the page as it is drawn; each returns the problems found (empty when none). */
function audit(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    const visible = (n: Element) => {
      const r = n.getBoundingClientRect();
      return (
        r.width > 1 &&
        r.height > 1 &&
        getComputedStyle(n).visibility !== "hidden" &&
        !n.closest("[hidden], .visually-hidden")
      );
    };
    const describe = (n: Element) =>
      `${n.tagName.toLowerCase()}${n.id ? `#${n.id}` : ""}${n.className && typeof n.className === "string" ? `.${n.className.split(" ").join(".")}` : ""}`;

    // Language and landmarks.
    if (document.documentElement.lang !== "fr") problems.push(`lang=${document.documentElement.lang}`);
    for (const [sel, name] of [
      ["header.site-header", "banner"],
      ["nav", "navigation"],
      ["main", "main"],
      ["footer", "contentinfo"],
    ]) {
      if (document.querySelectorAll(sel!).length !== 1)
        problems.push(`landmark ${name}: ${document.querySelectorAll(sel!).length}`);
    }

    // Headings: one h1 on screen, no level skipped going down.
    const headings = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].filter(visible);
    if (headings.filter((h) => h.tagName === "H1").length !== 1)
      problems.push(`h1 count ${headings.filter((h) => h.tagName === "H1").length}`);
    let level = 0;
    for (const h of headings) {
      const l = Number(h.tagName[1]);
      if (l > level + 1)
        problems.push(`heading ${h.tagName} « ${h.textContent!.trim().slice(0, 40)} » after h${level}`);
      level = l;
    }

    // Every control has a name.
    for (const c of document.querySelectorAll("input, select, textarea, button")) {
      if (!visible(c) || (c as HTMLInputElement).type === "hidden") continue;
      const named =
        (c as HTMLInputElement).labels?.length ||
        c.getAttribute("aria-label") ||
        c.getAttribute("aria-labelledby") ||
        (c.tagName === "BUTTON" && c.textContent!.trim());
      if (!named) problems.push(`unnamed ${describe(c)}`);
    }

    // Text contrast: each visible text against the first opaque background behind it.
    const rgba = (s: string) => {
      const m = s.match(/rgba?\(([^)]+)\)/);
      if (!m) return [0, 0, 0, 0];
      const p = m[1]!
        .split(/[ ,/]+/)
        .filter(Boolean)
        .map(Number);
      return [p[0]!, p[1]!, p[2]!, p[3] ?? 1];
    };
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const background = (n: Element | null): number[] => {
      for (; n; n = n.parentElement) {
        const c = rgba(getComputedStyle(n).backgroundColor);
        if (c[3]! > 0.5) return c;
      }
      return [255, 255, 255, 1];
    };
    const seen = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const n = t.parentElement!;
      if (!t.textContent!.trim() || !visible(n) || n.closest("svg, button:disabled, option, select")) continue;
      const style = getComputedStyle(n);
      const fg = rgba(style.color);
      const bg = background(n);
      const alpha = fg[3]! * Number(style.opacity);
      const mixed = fg.slice(0, 3).map((v, i) => v * alpha + bg[i]! * (1 - alpha));
      const [a, b] = [lum(mixed), lum(bg)].sort((x, y) => y - x);
      const ratio = (a! + 0.05) / (b! + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const key = `${describe(n)} ${style.color} on ${bg.join(",")}`;
      if (ratio < (large ? 3 : 4.5) && !seen.has(key)) {
        seen.add(key);
        problems.push(`contrast ${ratio.toFixed(2)} ${key} « ${t.textContent!.trim().slice(0, 30)} »`);
      }
    }
    return problems;
  });
}

/** Tabs through the page: the first stop is the skip link, and every stop shows a visible focus ring. */
async function keyboardFocus(page: Page, stops = 30) {
  const problems: string[] = [];
  // Start from the top of the document, as after loading it.
  await page.evaluate(() => {
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute("tabindex");
  });
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press("Tab");
    const info = await page.evaluate(() => {
      const n = document.activeElement as HTMLElement;
      if (!n || n === document.body) return null;
      const s = getComputedStyle(n);
      const ring = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== "none";
      return {
        name: `${n.tagName.toLowerCase()}${n.id ? `#${n.id}` : ""} « ${(n.textContent ?? "").trim().slice(0, 30)} »`,
        ring,
        skip: n.classList.contains("skip-link"),
      };
    });
    if (!info) break;
    if (i === 0 && !info.skip) problems.push(`first stop is ${info.name}, not the skip link`);
    if (!info.ring) problems.push(`no visible focus on ${info.name}`);
  }
  return problems;
}

describe.skipIf(!browserAvailable)("RGAA basics and print in a real browser", () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  let server: TestServer;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    context = browser.context;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function answered(page: Page) {
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.locator("body[data-ready]").waitFor();
    await page.getByLabel("Votre question").fill("Qu'est-ce que le CLOUD Act change pour notre mairie ?");
    await page.getByRole("button", { name: "Demander" }).click();
    await page.locator(".turn .mode").waitFor({ timeout: 15_000 });
  }

  it("passes the checks on an answer, the map, the document form and the plan section, at 1280 and 320 px", async () => {
    const { page } = await openPage(context, server.url);
    await answered(page);
    const found: Record<string, string[]> = {};
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: width === 320 ? 640 : 800 });
      await page.goto(`${server.url}/#question`);
      await page.locator(".turn .mode").waitFor();
      found[`question ${width}`] = [...(await audit(page)), ...(await keyboardFocus(page))];
      await page.goto(`${server.url}/#inventaire`);
      await page.locator("body[data-ready]").waitFor();
      await page.getByLabel("Fichiers d'inventaire").setInputFiles(CSV);
      await page.getByRole("button", { name: "Analyser l'inventaire" }).click();
      await page.locator("#inv-items").waitFor({ timeout: 10_000 });
      found[`inventaire ${width}`] = [...(await audit(page)), ...(await keyboardFocus(page, 60))];
      await page.getByRole("link", { name: "Rédiger un document" }).click();
      await page.getByRole("button", { name: "Rédiger le document" }).click(); // empty: field errors on screen too
      await page.locator(".field-error").first().waitFor();
      found[`documents ${width}`] = await audit(page);
      await page.getByRole("link", { name: "Suivi du plan" }).click();
      await page.locator("#plan-main *").first().waitFor();
      found[`suivi ${width}`] = await audit(page);
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));

    // On a freshly opened page, the first Tab reaches the skip link, which takes the focus to the content. (At an
    // address with a fragment, #suivi, the browser starts from that section instead, as for any anchor.)
    await page.close();
    const fresh = (await openPage(context, server.url)).page;
    await fresh.keyboard.press("Tab");
    expect(await fresh.evaluate(() => document.activeElement?.outerHTML.slice(0, 60))).toContain("skip-link");
    await fresh.keyboard.press("Enter");
    expect(await fresh.evaluate(() => document.activeElement?.id)).toBe("contenu");

    // The accessibility statement, linked from every page's footer, passes the same checks.
    await fresh.getByRole("link", { name: "Accessibilité : partiellement conforme" }).click();
    await fresh.getByRole("heading", { level: 1, name: "Déclaration d'accessibilité" }).waitFor();
    expect(await fresh.locator("main").innerText()).toContain("partiellement conforme");
    expect(await audit(fresh)).toEqual([]);
    await fresh.close();
  });

  it("prints an answer without the page's furniture, on few pages, with its sources' addresses", async () => {
    const { page } = await openPage(context, server.url);
    await page.setViewportSize({ width: 1280, height: 800 });
    await answered(page);
    await page.emulateMedia({ media: "print" });
    for (const selector of [".site-nav", "#ask-form", "#status", ".site-footer p"]) {
      const shown = await page
        .locator(selector)
        .first()
        .evaluate((n) => getComputedStyle(n).display !== "none" && !n.closest("[hidden]"));
      expect(shown, selector).toBe(selector === ".site-footer p");
    }
    expect(await page.locator(".turn .answer").isVisible()).toBe(true);
    const urls = await page.locator(".turn .source-url").allInnerTexts();
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.every((u) => /^https?:\/\//.test(u))).toBe(true);
    const pdf = await page.pdf({ format: "A4", path: "test-results/print-answer.pdf" });
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeLessThanOrEqual(2);
    await page.emulateMedia({ media: "screen" });
    expect(await page.locator(".turn .source-url").first().isVisible()).toBe(false);

    // The map prints its chart and tables, not its forms.
    await page.goto(`${server.url}/#inventaire`);
    await page.locator("body[data-ready]").waitFor();
    await page.getByLabel("Fichiers d'inventaire").setInputFiles(CSV);
    await page.getByRole("button", { name: "Analyser l'inventaire" }).click();
    await page.locator("#inv-items").waitFor({ timeout: 10_000 });
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("#inv-form").isVisible()).toBe(false);
    expect(await page.locator(".unknown-item form").first().isVisible()).toBe(false);
    expect(await page.locator(".chart svg").count()).toBe(2);
    for (const svg of await page.locator(".chart svg").all()) expect(await svg.isVisible()).toBe(true);
    expect(await page.locator("#inv-items").isVisible()).toBe(true);
    await page.pdf({ path: "test-results/print-map.pdf", format: "A4" });
    await page.close();
  });
});
