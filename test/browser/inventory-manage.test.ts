/**
 * Managing saved analyses in a real Chromium, on a real server (fixture catalog, no Ollama): a large inventory
 * read a page at a time, rename, CSV/ODS downloads, comparison with an earlier analysis, delete (asked twice).
 */

import { readFile } from "node:fs/promises";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, keepScreenshot, launchBrowser } from "../helpers/browser.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS } from "../inventory/fixtures.ts";
import { MISSING_MESSAGE, openPage, reusedPage } from "./page.ts";

/** « Outil aa », « Outil ab »…: distinct names (numbers would be read as versions of one product). */
const code = (i: number) => String.fromCharCode(97 + Math.floor(i / 26), 97 + (i % 26));

/** 450 distinct in-house names plus a few known products: more items than the page keeps at hand. */
function largeInventory(): Buffer {
  const lines = ["Nom;Éditeur;Nombre d'installations"];
  lines.push("Google Chrome;Google LLC;120", "Mozilla Firefox;Mozilla;80", "Microsoft Teams;Microsoft Corporation;60");
  for (let i = 0; i < 450; i++) lines.push(`Outil ${code(i)};Régie ${i % 7};${1 + (i % 5)}`);
  return Buffer.from(`${lines.join("\n")}\n`);
}
/** The machine may be busy: answers are awaited up to 10 s. */
const SLOW = { timeout: 30_000 };
const small = () =>
  Buffer.from(
    "Nom;Éditeur;Nombre d'installations\nGoogle Chrome;Google LLC;100\nLibreOffice;The Document Foundation;40\n",
  );

// Several uploads, pages and exports in one journey: a busy 2-core machine needs more than the default 30 s.
describe.skipIf(!browserAvailable)("saved analyses in a real browser", { timeout: 120_000 }, () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  /** The page most tests open afresh (see reusedPage); a test that changes the page's own settings opens its own. */
  const pages = reusedPage(() => context);
  let server: TestServer;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ CORPUS_DIR: INVENTORY_CORPUS }), launchBrowser()]);
    context = browser.context;
  });
  afterAll(async () => {
    await pages.close();
    await browser?.close();
    await server?.stop();
  });

  async function upload(page: Page, name: string, buffer: Buffer) {
    await page.getByLabel("Fichiers d'inventaire").setInputFiles({ name, mimeType: "text/csv", buffer });
    await page.getByRole("button", { name: "Analyser l'inventaire" }).click();
    await page.locator("#inv-items").waitFor({ timeout: 30_000 });
  }

  it("pages through a large analysis, renames it, offers CSV and ODS, compares it and deletes it", async () => {
    const { page, requested, consoleErrors } = await pages.open(server.url, "#inventaire");
    await upload(page, "avant.csv", small());
    await upload(page, "glpi-grand.csv", largeInventory());

    // Pages served by the server.
    const count = page.locator("#inv-count");
    // Some of the 453 names are editions or versions of one product: some 440 lines.
    await expect.poll(() => count.innerText(), SLOW).toMatch(/^Éléments 1 à 100 sur 4[4-5]\d\./);
    expect(await page.locator("#inv-items tbody tr").count()).toBe(100);
    await page.getByRole("button", { name: "Page suivante" }).click();
    await expect.poll(() => count.innerText(), SLOW).toMatch(/^Éléments 101 à 200 sur 4[4-5]\d\./);
    expect(await page.getByRole("button", { name: "Page précédente" }).isEnabled()).toBe(true);
    await page.getByLabel("Filtrer par nom ou éditeur").fill("outil bq");
    await expect.poll(() => count.innerText(), SLOW).toMatch(/^Éléments 1 à 1 sur 1\./);
    expect(await page.locator("#inv-items tbody th").first().innerText()).toMatch(/^Outil bq/);
    await page.getByLabel("Filtrer par nom ou éditeur").fill("");
    await page.getByLabel("Afficher").selectOption("extra");
    await expect.poll(() => count.innerText(), SLOW).toMatch(/sur [1-3]\./);
    // Unknown items: the rest on demand.
    expect(await page.locator(".unknown-item").count()).toBe(100);
    await page.getByRole("button", { name: "Afficher les suivants" }).click();
    await expect.poll(() => page.locator(".unknown-item").count(), SLOW).toBe(200);

    // Rename, with the collectivité.
    await page.locator("#inv-rename-name").fill("Inventaire complet — mars");
    await page.locator("#inv-rename-collectivite").fill("Plouzané");
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await expect
      .poll(() => page.locator("#inv-manage-status .success").innerText(), SLOW)
      .toBe("Analyse renommée « Inventaire complet — mars ».");
    expect(await page.locator("#inv-name").innerText()).toBe("« Inventaire complet — mars » — collectivité : Plouzané");
    await expect
      .poll(() => page.locator("#inv-saved a").allInnerTexts(), SLOW)
      .toContainEqual(expect.stringContaining("Inventaire complet — mars"));

    // Downloads, same origin.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /^Télécharger la cartographie \(ODS, LibreOffice/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("inventaire-complet-mars.ods");
    // Each link says its format and, once the page has read it, its size (RGAA 6.1: an explicit link).
    const csv = page.getByRole("link", { name: /^Télécharger la cartographie \(CSV/ });
    await expect.poll(() => csv.innerText(), SLOW).toMatch(/^Télécharger la cartographie \(CSV, \d+(,\d)? ko\)$/);
    const csvHref = await csv.getAttribute("href");
    const bytes = (await (await fetch(new URL(csvHref!, page.url()))).arrayBuffer()).byteLength;
    expect(await csv.innerText()).toBe(
      `Télécharger la cartographie (CSV, ${(Math.round((bytes / 1024) * 10) / 10).toString().replace(".", ",")} ko)`,
    );
    await expect
      .poll(() => page.getByRole("link", { name: /^Télécharger la cartographie \(ODS/ }).innerText(), SLOW)
      .toMatch(/^Télécharger la cartographie \(ODS, LibreOffice, \d+(,\d)? ko\)$/);
    expect(csvHref).toMatch(/^\/api\/inventory\/analyses\/.+\/export\?format=csv$/);
    // The audit journal holds the exports someone made (the ODS clicked, the CSV this test read), not the page's
    // asking for their sizes.
    const journal = await (await fetch(`${server.url}/api/workspace/audit`)).json();
    expect(
      journal.entries
        .filter((e: { action: string }) => e.action === "inventory.export")
        .map((e: { detail: string }) => e.detail)
        .sort(),
    ).toEqual(["csv", "ods"]);

    // Comparison with the earlier, smaller analysis.
    await page.locator("#inv-compare-with").selectOption({ index: 1 });
    await page.getByRole("button", { name: "Comparer", exact: true }).click();
    const result = page.locator("#inv-compare-result");
    await result.locator("#inv-compare-measures").waitFor();
    expect(await result.locator("h4").innerText()).toMatch(/« avant\.csv ».*« Inventaire complet — mars »/);
    expect(await result.innerText()).toContain("Retiré");
    expect(await result.innerText()).toMatch(/Ajoutés : 4[4-5]\d produits/);
    // The weighted exposure under the name the map gives it, in % as there, its change in points.
    const exposure = result.locator("#inv-compare-measures tbody tr").filter({
      has: page.getByRole("rowheader", { name: "Exposition pondérée", exact: true }),
    });
    const cells = (await exposure.locator("td").allInnerTexts()).map((x) => x.replace(/\s+/g, " "));
    expect(cells[0]).toMatch(/^\d+ %$/);
    expect(cells[2]).toMatch(/points$|^—$/);
    expect(await result.innerText()).not.toMatch(/[Ss]core/);
    expect(await page.locator("main").innerText()).not.toMatch(MISSING_MESSAGE);
    await keepScreenshot(page, { path: "test-results/inventory-manage.png", fullPage: true });

    // Delete: asked twice, then gone from the list and from the server.
    const id = decodeURIComponent(new URL(page.url()).hash).replace("#inventaire/", "");
    await page.getByRole("button", { name: "Supprimer l'analyse" }).click();
    await page.getByRole("button", { name: "Confirmer la suppression définitive" }).click();
    await expect
      .poll(() => page.locator("#inv-progress").innerText(), SLOW)
      .toBe("Analyse « Inventaire complet — mars » supprimée.");
    expect(await page.locator("#inv-result").innerHTML()).toBe("");
    expect((await fetch(`${server.url}/api/inventory/analyses/${id}`)).status).toBe(404);
    await expect
      .poll(() => page.locator("#inv-saved a").allInnerTexts(), SLOW)
      .not.toContainEqual(expect.stringContaining("Inventaire complet"));

    expect(requested.every((u) => u.startsWith(server.url))).toBe(true);
    expect(consoleErrors).toEqual([]);
  });

  it("says so when the same file is sent again, without a second entry", async () => {
    const { page } = await pages.open(server.url, "#inventaire");
    await upload(page, "meme.csv", small());
    const before = await page.locator("#inv-saved li").count();
    await upload(page, "meme.csv", small());
    await expect.poll(() => page.locator("#inv-progress").innerText(), SLOW).toContain("déjà été analysés");
    expect(await page.locator("#inv-saved li").count()).toBe(before);
  });

  // Round 17: the same file sent again with the « Collectivité » field filled kept the analysis unnamed.
  it("names the saved analysis with the collectivité typed when the same file is sent again", async () => {
    const { page, consoleErrors } = await pages.open(server.url, "#inventaire");
    const buffer = Buffer.from("Nom;Éditeur;Nombre d'installations\nGoogle Chrome;Google LLC;5\nVLC;VideoLAN;5\n");
    // Saved first without a collectivité (the page's field may offer one already named).
    const first = await fetch(`${server.url}/api/inventory/analyze?name=lanveoc.csv`, { method: "POST", body: buffer });
    expect((await first.json()).collectivite).toBeNull();
    await page.locator("#inv-collectivite").fill("Commune de Lanvéoc");
    await upload(page, "lanveoc.csv", buffer);
    await expect
      .poll(() => page.locator("#inv-progress").innerText(), SLOW)
      .toContain("désormais rattachée à la collectivité « Commune de Lanvéoc »");
    await expect.poll(() => page.locator("#inv-name").innerText(), SLOW).toContain("collectivité : Commune de Lanvéoc");
    expect(consoleErrors).toEqual([]);
  });

  it("gives the server's notice and the page's lists the same time, in Paris time, on a browser in another zone", async () => {
    const { page } = await openPage(context, server.url, "#inventaire");
    // A kiosk or a virtual machine set to UTC: the times shown are still the collectivité's.
    await (await context.newCDPSession(page)).send("Emulation.setTimezoneOverride", { timezoneId: "UTC" });
    await page.reload();
    await page.locator("body[data-ready]").waitFor();
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe("UTC");
    const buffer = Buffer.from("Nom;Éditeur;Nombre d'installations\nGoogle Chrome;Google LLC;7\nVLC;VideoLAN;3\n");
    await upload(page, "fuseau.csv", buffer);
    await upload(page, "fuseau.csv", buffer);
    await expect.poll(() => page.locator("#inv-progress").innerText(), SLOW).toContain("déjà été analysés");
    const notice = await page.locator("#inv-progress").innerText();
    const id = decodeURIComponent(new URL(page.url()).hash).replace("#inventaire/", "");
    const { createdAt } = await (await fetch(`${server.url}/api/inventory/analyses/${id}`)).json();
    const paris = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });
    const when = paris.format(new Date(createdAt));
    expect(notice).toContain(`le ${when} (`);
    expect(await page.locator("#inv-saved").innerText()).toContain(`${when} — fuseau.csv`);
    expect(await page.locator("#inv-result-title").innerText()).toContain(when);
    await page.close();
  });

  // Trial 13 (B6): the import had no « Collectivité » field; analyses were saved « collectivité : non précisée ».
  it("names the collectivité on import, and offers it again at the next import", async () => {
    const { page, consoleErrors } = await pages.open(server.url, "#inventaire");
    const field = page.getByLabel("Collectivité", { exact: true });
    expect(await page.locator("#inv-collectivite-hint").innerText()).toContain("se comparent d'une date à l'autre");
    await field.fill("Communauté de communes du Haut-Exemple");
    await upload(
      page,
      "cc-haut-exemple.csv",
      Buffer.from("Nom;Éditeur;Nombre d'installations\nZoom Workplace;Zoom Video Communications, Inc.;7\n"),
    );
    expect(await page.locator("#inv-name").innerText()).toContain(
      "collectivité : Communauté de communes du Haut-Exemple",
    );
    const again = await pages.open(server.url, "#inventaire");
    await expect
      .poll(
        () =>
          again.page.locator("#inv-collectivite-list option").evaluateAll((o) => o.map((x) => x.getAttribute("value"))),
        SLOW,
      )
      .toContain("Communauté de communes du Haut-Exemple");
    expect(consoleErrors).toEqual([]);
  });

  // Trial 4: an older export could not be dated, so a plan could not follow progress on day 1.
  it("dates an inventory with the day of its export, refuses a later day, and dates it again afterwards", async () => {
    const { page, consoleErrors } = await pages.open(server.url, "#inventaire");
    const dateField = page.getByLabel("Date de l'inventaire (facultatif)");
    // The field says what it is for; a day after today is refused under the field, before anything is sent.
    expect(await page.locator("#inv-date-hint").innerText()).toContain(
      "les plans de suivi datent leurs points de mesure",
    );
    await dateField.fill("2099-01-01");
    await page.getByLabel("Fichiers d'inventaire").setInputFiles({
      name: "septembre.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("Nom;Éditeur;Nombre d'installations\nGoogle Chrome;Google LLC;9\nVLC;VideoLAN;2\n"),
    });
    await page.getByRole("button", { name: "Analyser l'inventaire" }).click();
    await expect.poll(() => dateField.getAttribute("aria-invalid"), SLOW).toBe("true");
    await dateField.fill("2025-09-30");
    await page.getByRole("button", { name: "Analyser l'inventaire" }).click();
    await page.locator("#inv-items").waitFor({ timeout: 30_000 });
    const line = page.locator("#inv-inventory-date");
    expect(await line.innerText()).toMatch(
      /^Inventaire du 30 septembre 2025 \(date indiquée pour cet export\) — importé le /,
    );
    // Dated again from the analysis's form (PATCH): the line follows.
    expect(await page.locator("#inv-rename-date").inputValue()).toBe("2025-09-30");
    await page.locator("#inv-rename-date").fill("2025-06-30");
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await expect.poll(() => line.innerText(), SLOW).toMatch(/^Inventaire du 30 juin 2025 /);
    expect(consoleErrors).toEqual([]);
  });

  // Trial25 T-L2: three files imported at once, one of them dated: the date was said « lue dans l'export » as if all were.
  it("says which file of several gives the inventory date, and that the others give none", async () => {
    const { page, consoleErrors } = await pages.open(server.url, "#inventaire");
    await page.getByLabel("Fichiers d'inventaire").setInputFiles([
      {
        name: "poste.xml",
        mimeType: "text/xml",
        buffer: await readFile("test/fixtures/inventory/trial/ocs-poste.xml"),
      },
      {
        name: "glpi-mairie.csv",
        mimeType: "text/csv",
        buffer: Buffer.from("Nom;Éditeur;Nombre d'installations\nGoogle Chrome;Google LLC;9\nVLC;VideoLAN;2\n"),
      },
    ]);
    await page.getByRole("button", { name: "Analyser l'inventaire" }).click();
    await page.locator("#inv-items").waitFor({ timeout: 30_000 });
    expect(await page.locator("#inv-inventory-date").innerText()).toMatch(
      /^Inventaire du 28 novembre 2026 \(date du dernier inventaire des postes, lue dans « poste\.xml » ; « glpi-mairie\.csv » n'en donne pas : indiquez la date de l'inventaire si elle diffère\) — importé le /,
    );
    expect(consoleErrors).toEqual([]);
  });
});
