/**
 * A question pasted longer than the server accepts is never cut silently (trial6, B1: 10 080 characters became 500,
 * ending mid-word, sent without a word): the box keeps the whole text, a counter says how long it is, the page says
 * in French that it is too long (announced to a screen reader) and sends nothing until it is shortened.
 */
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_QUERY_CHARS } from "../../server/retrieval/query.ts";
import { browserAvailable, launchBrowser } from "../helpers/browser.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

describe.skipIf(!browserAvailable)("a question longer than the limit, pasted in the page", () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    context = browser.context;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("is kept whole, counted, and refused with a French message until shortened", async () => {
    const page = await context.newPage();
    const requested: string[] = [];
    page.on("request", (r) => requested.push(r.url()));
    const chats: string[] = [];
    page.on("request", (r) => {
      if (r.url().endsWith("/api/chat")) chats.push(r.postData() ?? "");
    });
    await page.addInitScript(() => localStorage.clear());
    await page.goto(server.url);
    await page.locator("body[data-ready]").waitFor();
    const box = page.getByLabel("Votre question");
    await box.focus();
    const long = "Nous préparons le conseil municipal et voudrions savoir ce que la loi SREN impose. ".repeat(8);
    await page.keyboard.insertText(long);
    // Nothing cut.
    expect((await box.inputValue()).length).toBe(long.length);
    const length = long.trim().length;
    expect(length).toBeGreaterThan(MAX_QUERY_CHARS);
    // A counter, read with the box, and a live announcement.
    const count = page.locator("#question-count");
    await expect.poll(() => count.innerText()).toContain(`${length}`);
    expect(await count.innerText()).toContain(`${MAX_QUERY_CHARS}`);
    expect(await box.getAttribute("aria-describedby")).toContain("question-count");
    await expect.poll(() => page.locator("#ask-status").innerText()).toMatch(/trop longue/);
    // Sending: a French message under the box, the focus on it, nothing sent.
    await page.getByRole("button", { name: "Demander" }).click();
    const error = page.locator("#question-input-error");
    await error.waitFor();
    expect(await error.innerText()).toMatch(new RegExp(`${length}.*caractères.*${MAX_QUERY_CHARS}`, "s"));
    expect(await box.getAttribute("aria-invalid")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("question-input");
    expect((await box.inputValue()).length).toBe(long.length);
    expect(chats).toEqual([]);
    // Shortened: the counter says it fits, and the question goes.
    await box.fill("Que dit le CLOUD Act ?");
    await expect.poll(() => count.innerText()).not.toMatch(/trop/);
    await page.getByRole("button", { name: "Demander" }).click();
    await page.locator(".turn .mode").waitFor({ timeout: 45_000 });
    expect(chats.length).toBe(1);
    expect(requested.every((u) => u.startsWith(server.url))).toBe(true);
    await page.close();
  });
});
