/**
 * trial26 T-M4 in a real Chromium on a real server with the fake Ollama: an answer none of whose sentences the sources
 * confirm leads with « Aucune phrase de cette réponse n'est confirmée par les sources citées », above the answer, and
 * says no « Faits à jour ».
 */
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser } from "../helpers/browser.ts";
import { type FakeOllama, startFakeOllama } from "../helpers/fake-ollama.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { reusedPage } from "./page.ts";

/** Two invented figures, one of them wrongly cited: nothing the passages confirm. */
const REPLY =
  "La Gendarmerie a économisé 95 millions d'euros en 2031 [1]. Elle a migré 100 % de ses postes dès 2025 [12].";

describe.skipIf(!browserAvailable)("an answer the sources confirm nowhere, on the page", () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  const pages = reusedPage(() => context);
  let ollama: FakeOllama;
  let server: TestServer;

  beforeAll(async () => {
    ollama = await startFakeOllama({ reply: REPLY, tokenDelayMs: 2 });
    [server, browser] = await Promise.all([startTestServer({ OLLAMA_BASE_URL: ollama.url }), launchBrowser()]);
    context = browser.context;
  });
  afterAll(async () => {
    await pages.close();
    await browser?.close();
    await server?.stop();
    await ollama?.close();
  });

  it("leads with the warning, above the answer, without « Faits à jour »", async () => {
    const { page, consoleErrors } = await pages.open(server.url);
    await page.evaluate(() => localStorage.clear());
    await page.getByLabel("Votre question").fill("Combien la Gendarmerie a-t-elle économisé avec Linux ?");
    await page.getByLabel("Votre question").press("Enter");
    await page.locator(".turn .mode").waitFor({ timeout: 30_000 });
    const warning = page.locator(".turn .unconfirmed");
    expect(await warning.innerText()).toContain(
      "Aucune phrase de cette réponse n'est confirmée par les sources citées",
    );
    // Before the answer, in the reading order.
    expect(
      await warning.evaluate((n) => {
        const answer = n.parentElement?.querySelector(".answer");
        return !!answer && !!(n.compareDocumentPosition(answer) & Node.DOCUMENT_POSITION_FOLLOWING);
      }),
    ).toBe(true);
    expect(await page.locator(".turn .facts-date").count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  });
});
