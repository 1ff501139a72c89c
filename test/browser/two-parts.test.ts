/**
 * A question in two parts answered in part (`done.partial`, held-out-22 diagnosis): the page shows the statement that
 * the corpus does not answer one part apart, as a note above the answer, and not again inside it. Real corpus (the
 * test corpus answers no such question), real server, Debian's Chromium.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser } from "../helpers/browser.ts";
import { REAL_CORPUS, realCorpusDataDir, startTestServer, type TestServer } from "../helpers/server.ts";
import { blank } from "./page.ts";

describe.skipIf(!browserAvailable)("a question answered in part, on the page", () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      CORPUS_DIR: REAL_CORPUS,
      DATA_DIR: await realCorpusDataDir("cap-libre-two-parts-page-"),
    });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.addInitScript(() => localStorage.clear());
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows what the corpus does not answer as a note above the answer, once", async () => {
    await blank(page);
    await page.goto(server.url);
    await page.locator("body[data-ready]").waitFor();
    await page
      .getByLabel("Votre question")
      .fill("La Gendarmerie a adopté GendBuntu : quel intégrateur a fait le déploiement ?");
    await page.getByRole("button", { name: "Demander" }).click();
    await page.locator(".turn .mode").waitFor({ timeout: 45_000 });
    const note = page.locator(".turn > p.partial[role=note]");
    await expect.poll(() => note.innerText()).toContain("Le corpus ne répond pas à cette partie de la question");
    expect(await note.innerText()).toContain("« quel intégrateur a fait le déploiement ? »");
    const answer = await page.locator(".turn .answer").innerText();
    expect(answer).not.toContain("Le corpus ne répond pas à cette partie");
    expect(answer).toContain("GendBuntu");
  });
});
