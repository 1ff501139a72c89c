/**
 * Accessibility of every state of the page in a real Chromium, desktop (1280 px) and phone (375 px): axe-core
 * (WCAG 2.1 A and AA rules, from the test's own node_modules) on the question (idle, answered, abstained), the map
 * with its charts and their data, the plan with its timeline, the document form with its errors, the public page
 * and the accessibility statement — 0 violations; then what axe does not check: the page's language is French,
 * one landmark of each kind, one h1 and no heading level skipped, the skip link first, a visible focus ring at every
 * Tab stop; and the print stylesheet of an answer and of the map. A screenshot of each state is kept in
 * test-results/screenshots/ for a reviewer.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, keepScreenshot, launchBrowser } from "../helpers/browser.ts";
import { type FakeOllama, startFakeOllama } from "../helpers/fake-ollama.ts";
import { copyCorpus, startTestServer, type TestServer } from "../helpers/server.ts";
import { openPage, WEB_FIXTURES } from "./page.ts";

/** Waits for what the page does after a server round trip: long enough on a busy machine. */
const SLOW = { timeout: 30_000 };

const CSV = path.join(WEB_FIXTURES, "glpi-petite-mairie.csv");
const AXE = readFileSync(path.resolve("node_modules/axe-core/axe.min.js"), "utf8");
const SCREENSHOTS = "test-results/screenshots";
const ENGLISH_TITLE =
  "Promoting Public Safety, Privacy, and the Rule of Law Around the World: The Purpose and Impact of the CLOUD Act";
const WCAG21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * axe-core's violations on the page as it is drawn (one line per element). The script is evaluated through the
 * browser's debugging protocol rather than added as a <script> element: the page's Content-Security-Policy (scripts
 * from its own origin only) would refuse an inline script, and the test keeps that policy on.
 */
async function axe(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE);
  return page.evaluate(async (tags) => {
    // axe-core's global, set by the script above.
    const result = await (window as any).axe.run(document, {
      runOnly: { type: "tag", values: tags },
      resultTypes: ["violations"],
    });
    return result.violations.flatMap((v: any) =>
      v.nodes.map(
        (n: any) => `${v.id} (${v.impact}): ${n.target.join(" ")} — ${n.failureSummary.split("\n")[1] ?? ""}`,
      ),
    );
  }, WCAG21_AA);
}

/**
 * What axe's WCAG rules leave out (its heading and landmark rules are best practices, not WCAG criteria), read from
 * the page as it is drawn; the problems found (empty when none).
 */
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

    return problems;
  });
}

/**
 * Tabs through the page: the first stop is the skip link, and every stop shows a visible focus ring. The page notes
 * each stop as the focus reaches it (a `focusin` listener), until the focus leaves the document. The presses are
 * real key events sent through the browser's debugging protocol (as Playwright's own `keyboard.press` does), ten
 * at a time without waiting for each (Chromium handles them in order), and the test reads the notes after each ten:
 * one browser round trip per ten Tabs rather than two per Tab, which on a busy machine was a third of the test.
 */
async function keyboardFocus(page: Page, stops = 30) {
  // Start from the top of the document, as after loading it.
  await page.evaluate(() => {
    const w = window as unknown as { tabStops?: { name: string; ring: boolean; skip: boolean }[]; tabEnd?: boolean };
    if (!w.tabStops) {
      document.addEventListener("focusin", (e) => {
        const n = e.target as HTMLElement;
        if (w.tabEnd || n === document.body) return;
        const s = getComputedStyle(n);
        w.tabStops!.push({
          name: `${n.tagName.toLowerCase()}${n.id ? `#${n.id}` : ""} « ${(n.textContent ?? "").trim().slice(0, 30)} »`,
          ring: (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== "none",
          skip: n.classList.contains("skip-link"),
        });
      });
      // The focus leaving the document (past its last stop) ends the walk, as the body getting it does.
      document.addEventListener("focusout", (e) => {
        if (e.relatedTarget === null && w.tabStops!.length > 0) w.tabEnd = true;
      });
    }
    w.tabStops = [];
    w.tabEnd = false;
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute("tabindex");
  });
  const walk = () =>
    page.evaluate(() => {
      const w = window as unknown as { tabStops: { name: string; ring: boolean; skip: boolean }[]; tabEnd: boolean };
      const n = document.activeElement;
      return { stops: w.tabStops, end: w.tabEnd || !n || n === document.body };
    });
  const cdp = await page.context().newCDPSession(page);
  const tab = { key: "Tab", code: "Tab", windowsVirtualKeyCode: 9 };
  const press = () => [
    cdp.send("Input.dispatchKeyEvent", { type: "rawKeyDown", ...tab }),
    cdp.send("Input.dispatchKeyEvent", { type: "keyUp", ...tab }),
  ];
  let seen: Awaited<ReturnType<typeof walk>> = { stops: [], end: false };
  for (let i = 0; i < stops && !seen.end; i += 10) {
    await Promise.all(Array.from({ length: Math.min(10, stops - i) }, press).flat());
    seen = await walk();
  }
  await cdp.detach();
  const problems: string[] = [];
  seen.stops.slice(0, stops).forEach((info, i) => {
    if (i === 0 && !info.skip) problems.push(`first stop is ${info.name}, not the skip link`);
    if (!info.ring) problems.push(`no visible focus on ${info.name}`);
  });
  return problems;
}

describe.skipIf(!browserAvailable)("RGAA basics and print in a real browser", () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  let server: TestServer;
  let ollama: FakeOllama;
  let corpus: string;

  beforeAll(async () => {
    // A model (Ollama's real API, faked) so that a question the corpus does not answer is abstained on.
    ollama = await startFakeOllama({
      reply:
        "Le CLOUD Act permet aux autorités américaines d'exiger les données détenues par une entreprise américaine [1].",
    });
    // The fixture corpus, with a second source in English to the CLOUD Act page (its title is marked lang="en").
    corpus = await copyCorpus();
    const page = path.join(corpus, "guidance/cloud-act.md");
    await writeFile(
      page,
      (await readFile(page, "utf8")).replace(
        "    date: 2024-01\n",
        `    date: 2024-01\n  - title: "U.S. Department of Justice, « ${ENGLISH_TITLE} »"\n    url: https://www.justice.gov/criminal/media/999391/dl\n    date: 2019-04\n`,
      ),
    );
    [server, browser] = await Promise.all([
      startTestServer({ OLLAMA_BASE_URL: ollama.url, CORPUS_DIR: corpus }),
      launchBrowser(),
    ]);
    context = browser.context;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await ollama?.close();
    await rm(corpus, { recursive: true, force: true });
  });

  async function answered(page: Page) {
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.locator("body[data-ready]").waitFor();
    await page.getByLabel("Votre question").fill("Qu'est-ce que le CLOUD Act change pour notre mairie ?");
    await page.getByRole("button", { name: "Demander" }).click();
    await page.locator(".turn .mode").waitFor({ timeout: 30_000 });
  }

  /** A plan adopted on an analysis of the fixture inventory, with a second inventory and published: its id and slug. */
  async function publishedPlan(): Promise<{ id: string; slug: string }> {
    const post = async (p: string, body: unknown) => {
      const res = await fetch(`${server.url}${p}`, {
        method: "POST",
        headers: typeof body === "string" ? {} : { "content-type": "application/json" },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
      expect(res.status, p).toBeLessThan(300);
      return res.json();
    };
    const csv = readFileSync(CSV, "utf8");
    const first = await post("/api/inventory/analyze?name=parc.csv", csv);
    const { plan } = await post("/api/plans", {
      collectivite: { name: "Commune de Kervallon" },
      analysisId: first.id,
      date: "2026-01-15",
      target: { value: 20, date: "2030-12-31" },
    });
    await post("/api/plans/" + plan.id + "/publish", {});
    return plan;
  }

  it("passes axe-core (WCAG 2.1 A/AA) and the checks axe leaves out on every state, at 1280 and 375 px", async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const plan = await publishedPlan();
    const { page, consoleErrors } = await openPage(context, server.url);
    page.setDefaultTimeout(60_000);
    const violations: Record<string, string[]> = {};
    const checked: Record<string, string[]> = {};
    /**
     * A state checked by axe, or, with `coveredBy`, left to axe at that next state, which shows all of this one still
     * (an earlier turn above the next answer, the map with its charts' data opened): an axe run costs seconds on a
     * busy machine, and the same elements would be checked twice.
     */
    const state = async (name: string, width: number, own: string[] = [], coveredBy?: string) => {
      const key = `${name} ${width}`;
      await keepScreenshot(page, { path: `${SCREENSHOTS}/${name}-${width}.png`, fullPage: true });
      if (!coveredBy) violations[key] = await axe(page);
      checked[key] = own;
    };
    const go = async (hash: string) => {
      await page.goto(`${server.url}/${hash}`);
      await page.locator("body[data-ready]").waitFor();
    };
    const ask = async (question: string) => {
      await page.getByLabel("Votre question").fill(question);
      const before = await page.locator(".turn .mode").count();
      await page.getByRole("button", { name: "Demander" }).click();
      await expect.poll(() => page.locator(".turn .mode").count(), SLOW).toBe(before + 1);
    };
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: width === 375 ? 812 : 800 });
      // The question: idle, answered, abstained.
      await go("#question");
      await page.evaluate(() => localStorage.clear());
      await go("#question");
      await state("question-idle", width, [...(await audit(page)), ...(await keyboardFocus(page))]);
      // Abstained first: a question after an answer would be read as its follow-up.
      await ask("Quel est le prix d'un ticket de métro parisien ?");
      expect(await page.locator(".turn .mode").first().innerText()).toContain("s'abstient");
      await state("question-abstained", width, await audit(page), "question-answered");
      await ask("Qu'est-ce que le CLOUD Act change pour notre mairie ?");
      // The abstention is still shown, whole, under the answer: axe checks both there.
      const abstained = page.locator(".turn").nth(1);
      expect(await abstained.locator(".mode").innerText()).toContain("s'abstient");
      expect(await abstained.isVisible()).toBe(true);
      expect(await page.locator(".turn").first().locator(".sources li").count()).toBeGreaterThan(0);
      // The English title of a source is marked as English (RGAA 8.7), the rest of the line stays French.
      expect(await page.locator(".turn").first().locator(".sources [lang]").allTextContents()).toEqual([ENGLISH_TITLE]);
      expect(await page.locator(".turn").first().locator(".sources [lang]").getAttribute("lang")).toBe("en");
      await state("question-answered", width, [...(await audit(page)), ...(await keyboardFocus(page))]);

      // The map, its four charts drawn, then their data opened.
      await go("#inventaire");
      await page.getByLabel("Fichiers d'inventaire").setInputFiles(CSV);
      await page.getByRole("button", { name: "Analyser l'inventaire" }).click();
      await page.locator("#inv-items").waitFor();
      await expect.poll(() => page.locator("figure.chart[data-chart-state=drawn]").count(), SLOW).toBe(4);
      await state(
        "inventaire-carte",
        width,
        [...(await audit(page)), ...(await keyboardFocus(page, 60))],
        "inventaire-donnees-graphiques",
      );
      for (const figure of await page.locator("figure.chart").all())
        await keepScreenshot(figure, {
          path: `${SCREENSHOTS}/graphique-${await figure.getAttribute("data-chart")}-${width}.png`,
        });
      for (const summary of await page.locator(".chart-data summary").all()) await summary.click();
      await page.locator(".chart-data table").last().waitFor();
      await state("inventaire-donnees-graphiques", width, await audit(page));

      // The document form sent empty: the errors under their fields.
      await page.getByRole("link", { name: "Rédiger un document" }).click();
      await page.getByRole("button", { name: "Rédiger le document" }).click();
      await page.locator(".field-error").first().waitFor();
      await state("documents-erreurs", width, await audit(page));

      // The plan and its timeline.
      await go(`#suivi/${plan.id}`);
      await page.locator('figure[data-chart="timeline"][data-chart-state=drawn]').waitFor();
      await keepScreenshot(page.locator('figure[data-chart="timeline"]'), {
        path: `${SCREENSHOTS}/graphique-timeline-${width}.png`,
      });
      await state("suivi-plan", width, [...(await audit(page)), ...(await keyboardFocus(page, 40))]);

      // The citizens' page and the accessibility statement.
      await page.goto(`${server.url}/public/${plan.slug}`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      await state("page-publique", width);
      await page.goto(`${server.url}/accessibilite.html`);
      await page.getByRole("heading", { level: 1, name: "Déclaration d'accessibilité" }).waitFor();
      expect(await page.locator("main").innerText()).toContain("partiellement conforme");
      await state("accessibilite", width, await audit(page));
    }
    expect(Object.keys(checked)).toHaveLength(18);
    expect(Object.keys(violations)).toHaveLength(14);
    expect(violations).toEqual(Object.fromEntries(Object.keys(violations).map((k) => [k, []])));
    expect(checked).toEqual(Object.fromEntries(Object.keys(checked).map((k) => [k, []])));
    expect(consoleErrors).toEqual([]);

    // On a freshly opened page, the first Tab reaches the skip link, which takes the focus to the content. (At an
    // address with a fragment, #suivi, the browser starts from that section instead, as for any anchor.)
    await page.close();
    const fresh = (await openPage(context, server.url)).page;
    await fresh.keyboard.press("Tab");
    expect(await fresh.evaluate(() => document.activeElement?.outerHTML.slice(0, 60))).toContain("skip-link");
    await fresh.keyboard.press("Enter");
    expect(await fresh.evaluate(() => document.activeElement?.id)).toBe("contenu");
    // The accessibility statement is linked from every page's footer.
    await fresh.getByRole("link", { name: "Accessibilité : partiellement conforme" }).click();
    await fresh.getByRole("heading", { level: 1, name: "Déclaration d'accessibilité" }).waitFor();
    await fresh.close();
  }, 240_000);

  it("finds what it looks for: axe reports an unnamed field and a low-contrast text", async () => {
    const { page } = await openPage(context, server.url);
    await page.evaluate(() => {
      const input = document.createElement("input");
      const text = document.createElement("p");
      text.textContent = "Texte pâle";
      text.style.color = "#bbbbbb";
      document.querySelector("main")!.append(input, text);
    });
    const found = (await axe(page)).map((v) => v.split(" ")[0]);
    expect(found).toContain("label");
    expect(found).toContain("color-contrast");
    await page.close();
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
    await page.locator("#inv-items").waitFor({ timeout: 45_000 });
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("#inv-form").isVisible()).toBe(false);
    expect(await page.locator(".unknown-item form").first().isVisible()).toBe(false);
    await expect.poll(() => page.locator("figure.chart[data-chart-state=drawn]").count(), SLOW).toBe(4);
    expect(await page.locator(".chart canvas").count()).toBe(4);
    for (const canvas of await page.locator(".chart canvas").all()) {
      expect(await canvas.isVisible()).toBe(true);
      // Within the printed page's width.
      expect((await canvas.boundingBox())!.width).toBeLessThanOrEqual(
        await page.evaluate(() => document.documentElement.clientWidth),
      );
    }
    expect(await page.locator("#inv-items").isVisible()).toBe(true);
    await page.pdf({ path: "test-results/print-map.pdf", format: "A4" });
    await page.close();
  });
});
