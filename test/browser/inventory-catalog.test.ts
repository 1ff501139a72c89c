/**
 * A saved map whose catalog changed since (Zoom → Visio, then the catalog changed its mind), in a real Chromium
 * on a real server with a writable copy of the fixture catalog: the page says what changed and that the figures
 * are those of the analysis, and recomputes it from the same inventory without re-importing it.
 */
import { rm } from "node:fs/promises";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser } from "../helpers/browser.ts";
import { replaceMapping } from "../helpers/catalog.ts";
import { copyCorpus, startTestServer, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS, readInventory } from "../inventory/fixtures.ts";
import { MISSING_MESSAGE, openPage } from "./page.ts";

const SLOW = { timeout: 30_000 };

describe.skipIf(!browserAvailable)("a saved map after a catalog change, in a real browser", () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  let server: TestServer;
  let corpus: string;
  let id = "";

  beforeAll(async () => {
    corpus = await copyCorpus(INVENTORY_CORPUS);
    [server, browser] = await Promise.all([startTestServer({ CORPUS_DIR: corpus }), launchBrowser()]);
    context = browser.context;
    const body = new FormData();
    const file = readInventory("glpi10-mairie.csv");
    body.append("file", new Blob([file.bytes as Uint8Array<ArrayBuffer>]), file.name);
    id = (await (await fetch(`${server.url}/api/inventory/analyze`, { method: "POST", body })).json()).id;
    await replaceMapping(corpus, { product: "zoom-workplace", alternative: "visio", fit: "drop-in" }, [
      { product: "zoom-workplace", alternative: "nextcloud", fit: "partial" },
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (corpus) await rm(corpus, { recursive: true, force: true });
  });

  it("says what changed, keeps the figures, and recomputes from the same inventory", async () => {
    const { page, consoleErrors } = await openPage(context, server.url, `#inventaire/${id}`);
    const card = page.getByRole("heading", { name: "Le catalogue a changé depuis cette analyse" });
    await card.waitFor(SLOW);
    expect(await page.locator("#inv-catalog-changed").innerText()).toContain(
      "Zoom Workplace (alternatives : ajoutée : Nextcloud (remplacement partiel) ; retirée : Visio (La Suite numérique))",
    );
    const before = await page.locator("#inv-result").innerText();
    expect(before).not.toMatch(MISSING_MESSAGE);

    await page.getByRole("button", { name: "Recalculer avec le catalogue actuel" }).click();
    await page.getByText(/^Analyse recalculée : « glpi10-mairie\.csv \(recalculée le /).waitFor(SLOW);
    // The new analysis is on screen and in the address; it has nothing left to say about the catalog.
    expect(page.url()).not.toContain(id);
    expect(await page.locator("#inv-catalog-changed").count()).toBe(0);
    const zoom = page
      .locator("#inv-items tbody tr")
      .filter({ has: page.getByRole("rowheader", { name: /^Zoom Workplace/ }) });
    expect(await zoom.locator("td").nth(5).innerText()).toContain("Nextcloud — remplacement partiel");
    // Both are saved: the old one as it was.
    const list = await page.locator("#inv-saved").innerText();
    expect(list).toContain("glpi10-mairie.csv (recalculée le");
    expect(list).toMatch(/glpi10-mairie\.csv :/);
    expect(consoleErrors).toEqual([]);
  });
});
