/**
 * « Rédiger un document » in a real Chromium, on real servers (fixture corpus): a letter without Ollama (template
 * draft, exports), a server validation error on the form, a roadmap from a saved analysis, a letter written by
 * the fake Ollama with a figure to check, and a tour of the whole page that never leaves its origin.
 */
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { browserAvailable, launchBrowser } from "../helpers/browser.ts";
import { startFakeOllama, type FakeOllama } from "../helpers/fake-ollama.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { MISSING_MESSAGE, openPage, WEB_FIXTURES } from "./page.ts";

const analysis = JSON.parse(readFileSync("test/fixtures/drafting/analysis.json", "utf8"));

describe.skipIf(!browserAvailable)("drafting in a real browser", () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  let ollama: FakeOllama;
  let withoutModel: TestServer;
  let withModel: TestServer;

  beforeAll(async () => {
    ollama = await startFakeOllama({ reply: "Une telle démarche a permis d'économiser 97 millions d'euros par an [1].", tokenDelayMs: 2 });
    [withoutModel, withModel, browser] = await Promise.all([startTestServer(), startTestServer({ OLLAMA_BASE_URL: ollama.url }), launchBrowser()]);
    context = browser.context;
    await withoutModel.engine.records("analyses").put(analysis.id, analysis);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([withoutModel?.stop(), withModel?.stop()]);
    await ollama?.close();
  });

  async function fillLetter(page: Page, collectivite = "Communauté de test") {
    await page.getByLabel("Courrier à un élu").check();
    await page.getByLabel(/^Nom de la collectivité/).fill(collectivite);
    await page.getByLabel(/^Organisation qui écrit/).fill("Collectif Libre Test");
    await page.getByLabel("Civilité").selectOption("Madame");
    await page.getByLabel(/^Nom du destinataire/).fill("Camille Martin");
    await page.getByLabel(/^Fonction du destinataire/).fill("présidente de la communauté de communes");
  }
  const submit = (page: Page) => page.getByRole("button", { name: "Rédiger le document" }).click();

  it("writes a letter without Ollama: a template draft to complete, with ODT, DOCX, PDF and Markdown downloads", async () => {
    const { page, requested, consoleErrors } = await openPage(context, withoutModel.url, "#documents");
    await fillLetter(page);
    await submit(page);
    await page.locator(".downloads").waitFor({ timeout: 10_000 });

    expect(await page.locator("#draft-title").innerText()).toBe("Courrier à Camille Martin");
    const notices = (await page.locator("#draft-output .notice").allInnerTexts()).join("\n");
    expect(notices).toContain("ollama pull");
    expect(notices).toContain("c'est un brouillon à compléter");
    expect(await page.locator(".draft-banner").innerText()).toMatch(/^Brouillon à compléter : \d+ section\(s\) sur \d+/);
    const headings = await page.locator("#draft-output .draft-section h3").allTextContents();
    expect(headings).toEqual(expect.arrayContaining(["Objet", "Le cadre national", "Nos demandes"]));
    expect(await page.locator("#draft-output .badge-draft").count()).toBeGreaterThan(0);
    const body = await page.locator("#draft-output .draft-body").innerText();
    expect(body).toContain("Madame la Présidente,");
    expect(body).toContain("[Brouillon à compléter]");
    expect(await page.locator("#draft-output .draft-text strong").first().innerText()).toMatch(/^Objet : /); // Markdown rendered, not shown raw
    expect(body).not.toContain("**");

    const links = page.locator(".downloads a");
    expect(await links.allInnerTexts()).toEqual(["ODT (LibreOffice)", "DOCX (Word)", "PDF", "Markdown"]);
    const id = decodeURIComponent(new URL(page.url()).hash).replace("#documents/", "");
    expect(await links.first().getAttribute("href")).toBe(`/api/drafts/${id}/export?format=odt`);

    // The ODT link downloads an OpenDocument file: a zip whose first entry is its mimetype.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "ODT (LibreOffice)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.odt$/);
    const odt = await readFile(await download.path());
    expect(odt.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(odt.subarray(30, 38).toString("latin1")).toBe("mimetype");
    expect(odt.subarray(38, 77).toString("latin1")).toBe("application/vnd.oasis.opendocument.text");
    const pdf = await fetch(new URL((await page.getByRole("link", { name: "PDF" }).getAttribute("href"))!, withoutModel.url));
    expect(pdf.headers.get("content-type")).toContain("application/pdf");
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    // Listed, and reopened from the list on a fresh page.
    await expect.poll(() => page.locator("#draft-saved a").allInnerTexts()).toContain("Courrier à Camille Martin — Communauté de test");
    expect(await page.locator("main").innerText()).not.toMatch(MISSING_MESSAGE);
    await page.screenshot({ path: "test-results/draft-letter.png", fullPage: true });
    const other = await openPage(context, withoutModel.url, "#documents");
    await other.page.locator("#draft-saved a", { hasText: "Courrier à Camille Martin" }).first().click();
    await other.page.locator(".downloads").waitFor();
    expect(await other.page.locator("#draft-title").innerText()).toBe("Courrier à Camille Martin");
    expect(await other.page.locator(".draft-banner").count()).toBe(1);
    await other.page.close();

    expect(requested.every((u) => u.startsWith(withoutModel.url))).toBe(true);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("shows the server's French validation message and marks the field it names", async () => {
    const { page } = await openPage(context, withoutModel.url, "#documents");
    await fillLetter(page, "X"); // a one-letter name passes the browser, not the server (two at least)
    await submit(page);
    const alert = page.locator("#draft-error [role=alert]");
    await expect.poll(() => alert.innerText()).toContain("inputs.collectivite.name (nom de la collectivité)");
    const field = page.getByLabel(/^Nom de la collectivité/);
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    expect(await field.evaluate((n) => n === document.activeElement)).toBe(true);
    expect(await page.locator(".downloads").count()).toBe(0);
    await page.screenshot({ path: "test-results/draft-invalid.png", fullPage: true });
    await page.close();
  });

  it("drafts a roadmap from a saved analysis chosen in the form", async () => {
    const { page } = await openPage(context, withoutModel.url, "#documents");
    await page.getByLabel("Feuille de route").check();
    expect(await page.getByLabel(/^Nom du destinataire/).isHidden()).toBe(true); // the letter's fields are put away
    await page.getByLabel(/^Nom de la collectivité/).fill("Communauté de test");
    const select = page.locator("fieldset:not([hidden])").getByLabel(/^Analyse d'inventaire/);
    await expect.poll(() => select.locator("option").count()).toBe(2);
    await select.selectOption(analysis.id);
    await page.getByLabel("Échéance de l'objectif").fill("2029-06");
    await submit(page);
    await page.locator(".downloads").waitFor({ timeout: 10_000 });
    expect(await page.locator("#draft-title").innerText()).toMatch(/feuille de route/i);
    const body = (await page.locator("#draft-output .draft-body").innerText()).replace(/\s+/g, " ");
    expect(body).toContain("exposition pondérée de la Communauté de test de 76 % à 56 % d'ici juin 2029");
    expect(await page.locator("#draft-output .draft-text table").count()).toBeGreaterThan(0);
    await page.close();
  });

  it("with the local model, streams generated sections and flags a figure absent from the sources", async () => {
    const { page, requested } = await openPage(context, withModel.url, "#documents");
    await fillLetter(page);
    await submit(page);
    await page.locator(".downloads").waitFor({ timeout: 10_000 });
    expect(await page.locator("#draft-output .notice").count()).toBe(0);
    expect(await page.locator(".draft-banner").count()).toBe(0);
    expect(await page.locator("#draft-output .mode").innerText()).toContain("rédigé par le modèle local");
    expect(await page.locator("#draft-output .draft-body").innerText()).toContain("97 millions d'euros par an");
    const flags = page.locator("#draft-output > .draft > .flags");
    expect(await flags.locator(".flags-title").innerText()).toMatch(/^Chiffres à vérifier \(\d+\)$/);
    expect(await flags.locator("li").first().innerText()).toMatch(/^97 millions.* — section « .+ » : /);
    expect(ollama.chats.length).toBeGreaterThan(0);
    expect(requested.every((u) => u.startsWith(withModel.url))).toBe(true);
    await page.screenshot({ path: "test-results/draft-generated.png", fullPage: true });
    await page.close();
  });

  it("asks, maps and drafts without a single request outside the page's origin", async () => {
    const { page, requested, consoleErrors } = await openPage(context, withoutModel.url);
    const origin = new URL(withoutModel.url).origin;
    await page.getByLabel("Votre question").fill("Qu'est-ce que le CLOUD Act change pour notre mairie ?");
    await page.getByRole("button", { name: "Demander" }).click();
    await page.locator(".turn .mode").waitFor({ timeout: 10_000 });

    await page.getByRole("link", { name: "Cartographie des dépendances" }).click();
    await expect.poll(() => page.locator("#inventaire-title").evaluate((n) => n === document.activeElement)).toBe(true);
    await page.getByLabel("Fichiers d'inventaire").setInputFiles(path.join(WEB_FIXTURES, "glpi-petite-mairie.csv"));
    await page.getByRole("button", { name: "Analyser l'inventaire" }).click();
    await page.locator("#inv-categories").waitFor({ timeout: 10_000 });

    await page.getByRole("link", { name: "Rédiger un document" }).click();
    await fillLetter(page);
    await submit(page);
    await page.locator(".downloads").waitFor({ timeout: 10_000 });
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Markdown" }).click()]);
    expect(new URL(download.url()).origin).toBe(origin); // a download is not a page request: checked on its own
    expect(download.url()).toMatch(/\/api\/drafts\/[^/]+\/export\?format=md$/);

    const paths = requested.map((u) => new URL(u).pathname);
    expect(paths).toEqual(expect.arrayContaining(["/", "/app.js", "/style.css", "/messages.fr.json", "/api/chat", "/api/inventory/analyze", "/api/drafts"]));
    expect(requested.filter((u) => new URL(u).origin !== origin)).toEqual([]);
    expect(consoleErrors).toEqual([]); // a CSP violation would be logged here
    await page.close();
  });
});
