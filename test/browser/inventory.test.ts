/**
 * « Cartographie des dépendances » in a real Chromium, on a real server (fixture catalog, no Ollama): upload,
 * the map, a classification by hand, French errors, saved analyses and the address fragment.
 */
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser } from "../helpers/browser.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS } from "../inventory/fixtures.ts";
import { MISSING_MESSAGE, openPage, WEB_FIXTURES } from "./page.ts";

const CSV = path.join(WEB_FIXTURES, "glpi-petite-mairie.csv");
const MAX = 64 * 1024;

describe.skipIf(!browserAvailable)("inventory map in a real browser", () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  let server: TestServer;

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startTestServer({ CORPUS_DIR: INVENTORY_CORPUS, MAX_UPLOAD_BYTES: String(MAX) }),
      launchBrowser(),
    ]);
    context = browser.context;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function upload(page: Page, files: string | { name: string; mimeType: string; buffer: Buffer }) {
    await page.getByLabel("Fichiers d'inventaire").setInputFiles(files);
    await page.getByRole("button", { name: "Analyser l'inventaire" }).click();
  }

  /** French numbers use (narrow) no-break spaces: compare with plain ones. */
  const texts = async (cells: ReturnType<Page["locator"]>) =>
    (await cells.allInnerTexts()).map((x) => x.replace(/\s+/g, " "));
  const row = (page: Page, table: string, name: string) =>
    page.locator(`${table} tbody tr`).filter({ has: page.getByRole("rowheader", { name, exact: true }) });

  it("uploads a GLPI export and shows the summary by category, the score, quick wins and items with alternatives", async () => {
    const { page, requested, consoleErrors } = await openPage(context, server.url, "#inventaire");
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Cartographie des dépendances");
    expect(await page.getByRole("link", { name: "Cartographie des dépendances" }).getAttribute("aria-current")).toBe(
      "page",
    );
    expect(await page.locator("#question").isHidden()).toBe(true);
    await upload(page, CSV);
    await page.locator("#inv-categories").waitFor({ timeout: 10_000 });

    // Summary by category: products, installations, shares, score points, risks.
    const workstation = row(page, "#inv-categories", "Poste de travail");
    expect((await texts(workstation.locator("td"))).slice(0, 4)).toEqual(["2", "81", "72 %", "28 %"]);
    const [collaboration] = await texts(row(page, "#inv-categories", "Outils collaboratifs"));
    expect(collaboration).toContain("100 %");
    expect(collaboration).toContain("CLOUD Act (États-Unis)");
    expect(await row(page, "#inv-categories", "Non classé").locator("td").nth(2).innerText()).toBe("inconnue");
    // The weighted measure of exposure, beside the raw share of installations.
    expect(await page.locator(".score-number").innerText()).toBe("93");
    expect(await page.locator(".score").innerText()).toContain("très forte");
    expect(await page.getByText(/^Exposition pondérée : 93\s%/).count()).toBe(1);
    expect(await page.locator(".figures").innerText()).toMatch(
      /Installations extra-européennes \(part brute\)\s+87\s%[\s\S]*Exposition pondérée\s+93\s%/,
    );

    // The chart of exposure by category: an image with a name, bars drawn to scale from the analysis, its data as a table.
    const chart = page.getByRole("img", { name: /^Installations extra-européennes par catégorie Diagramme en barres/ });
    expect(await chart.count()).toBe(1);
    const bars = await page.locator('[data-chart="exposure"] .chart-row').evaluateAll((rows) =>
      rows.map((g) => ({
        name: g.getAttribute("data-category"),
        total: Number(g.querySelector(".bar-total")!.getAttribute("width")),
        exposed: Number(g.querySelector(".bar-exposed")?.getAttribute("width") ?? 0),
      })),
    );
    const data = await page
      .locator('[data-chart="exposure"] .chart-data tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [...r.children].map((c, i) => (i ? c.textContent!.replace(/\s/g, "") : c.textContent!.trim()))),
      );
    expect(bars.map((b) => b.name)).toEqual(data.map((d) => d[0]));
    const workstationBar = bars.find((b) => b.name === "Poste de travail")!;
    const [, wsTotal, wsExposed] = data.find((d) => d[0] === "Poste de travail")!;
    expect(Number(wsTotal)).toBe(81);
    expect(Math.abs(workstationBar.exposed / workstationBar.total - Number(wsExposed) / 81)).toBeLessThan(0.02);
    const largest = Math.max(...data.map((d) => Number(d[1])));
    expect(bars[0]!.total).toBe(Math.max(...bars.map((b) => b.total)));
    for (const [i, b] of bars.entries())
      expect(Math.abs(b.total / bars[0]!.total - Number(data[i]![1]) / largest)).toBeLessThan(0.02);
    expect(await page.locator(".chart-data summary").first().innerText()).toBe("Voir les données du graphique");
    // By law: each law's installations out of the whole inventory, the CLOUD Act among them.
    const laws = page.getByRole("img", { name: /^Installations exposées, par loi extra-européenne/ });
    expect(await laws.count()).toBe(1);
    const lawRows = await page
      .locator('[data-chart="law"] .chart-data tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [...r.children].map((c, i) => (i ? c.textContent!.replace(/\s/g, "") : c.textContent!.trim()))),
      );
    const cloud = lawRows.find((r) => r[0] === "CLOUD Act (États-Unis)")!;
    expect(Number(cloud[1])).toBe(
      Number(
        (
          await page
            .locator("#inv-result p")
            .filter({ hasText: /installations/ })
            .first()
            .innerText()
        )
          .match(/([\d\s\u202f]+) installations/)![1]!
          .replace(/\s/g, ""),
      ),
    );
    const cloudBar = await page
      .locator('[data-chart="law"] .chart-row[data-category="CLOUD Act (États-Unis)"]')
      .evaluate((g) => [
        Number(g.querySelector(".bar-exposed")!.getAttribute("width")),
        Number(g.querySelector(".bar-total")!.getAttribute("width")),
      ]);
    expect(Math.abs(cloudBar[0]! / cloudBar[1]! - Number(cloud[2]) / Number(cloud[1]))).toBeLessThan(0.02);

    // Sorting the items: by name, then exposed first.
    const names = () =>
      page.locator("#inv-items tbody th").evaluateAll((ths) => ths.map((th) => th.firstChild!.textContent!.trim()));
    await page.getByLabel("Trier par").selectOption({ label: "Nom (A à Z)" });
    const byName = await names();
    expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b, "fr", { sensitivity: "base" })));
    await page.getByLabel("Trier par").selectOption({ label: "Dépendance extra-européenne d'abord" });
    const extra = await page.locator("#inv-items tbody tr td:nth-of-type(4)").allInnerTexts();
    expect(extra.indexOf("Non") === -1 || extra.lastIndexOf("Oui") < extra.indexOf("Non")).toBe(true);
    expect(extra[0]).toBe("Oui");
    await page.getByLabel("Trier par").selectOption({ label: "Nombre d'installations" });

    // Quick wins and the item table.
    expect(await page.locator(".wins li").allInnerTexts()).toEqual([expect.stringContaining("Kaspersky")]);
    const chrome = row(page, "#inv-items", "Google Chrome");
    const cells = await chrome.locator("td").allInnerTexts();
    expect(cells).toEqual([
      "Google LLC",
      "58",
      "Google (États-Unis), contrôlé par Alphabet (États-Unis)",
      "Oui",
      "Poste de travail",
      "Firefox — remplacement direct (libre, États-Unis)",
    ]);
    // Controlled from Russia: outside the EU, the EEA, the United Kingdom and Switzerland.
    expect(
      await row(page, "#inv-items", "Kaspersky Endpoint Security for Windows").locator("td").nth(3).innerText(),
    ).toBe("Oui");
    expect(await row(page, "#inv-items", "Civil Net RH").locator("td").nth(3).innerText()).toBe("Inconnu");
    expect(await row(page, "#inv-items", "Microsoft Teams").locator("td").nth(5).innerText()).toContain(
      "Nextcloud — remplacement partiel",
    );

    // The filter narrows the table.
    await page.getByLabel("Afficher").selectOption("unknown");
    expect(await page.locator("#inv-items tbody tr").count()).toBe(2);
    await page.getByLabel("Afficher").selectOption("all");
    await page.getByLabel("Filtrer par nom ou éditeur").fill("micro");
    expect(await page.locator("#inv-items tbody th").allInnerTexts()).toEqual([
      expect.stringMatching(/^Microsoft Teams/),
    ]);
    await page.getByLabel("Filtrer par nom ou éditeur").fill("");

    // Saved, addressable, listed.
    const id = decodeURIComponent(new URL(page.url()).hash).replace("#inventaire/", "");
    expect(id).toMatch(/^\d{4}-\d{2}-\d{2}-[0-9a-f]+$/);
    await expect
      .poll(() => page.locator("#inv-saved a").allInnerTexts())
      .toContainEqual(expect.stringContaining("glpi-petite-mairie.csv"));
    expect(await page.locator("main").innerText()).not.toMatch(MISSING_MESSAGE);
    await page.screenshot({ path: "test-results/inventory-map.png", fullPage: true });

    // From the map to a roadmap drafted on it.
    await page.getByRole("link", { name: "Rédiger la feuille de route à partir de cette analyse" }).click();
    await page.locator("#documents").waitFor({ state: "visible" });
    expect(await page.getByLabel("Feuille de route").isChecked()).toBe(true);
    await expect
      .poll(() =>
        page
          .locator("fieldset:not([hidden])")
          .getByLabel(/^Analyse d.inventaire/)
          .inputValue(),
      )
      .toBe(id);

    expect(requested.every((u) => u.startsWith(server.url))).toBe(true);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("classifies an unknown item by hand, shows it saved, and the next analysis uses it", async () => {
    const { page } = await openPage(context, server.url, "#inventaire");
    await upload(page, CSV);
    const item = page.locator(".unknown-item").filter({ hasText: "Logiciel Cimetières Plus" });
    await item.getByText("Classer « Logiciel Cimetières Plus » à la main").click();
    await item.getByLabel("Catégorie").selectOption({ label: "Logiciels métiers" });
    expect(await item.getByLabel("Éditeur", { exact: true }).inputValue()).toBe("Éditions Locales");

    // A wrong country code: a French message under the field, tied to it, the focus on it; nothing sent.
    const country = item.getByLabel("Pays de l'éditeur");
    const puts: string[] = [];
    page.on("request", (r) => r.method() === "PUT" && puts.push(r.url()));
    await country.fill("ZZ");
    await item.getByRole("button", { name: "Enregistrer le classement" }).click();
    const fieldError = item.locator(".field-error");
    await expect.poll(() => fieldError.innerText()).toContain("Code pays inconnu : saisissez les deux lettres du pays");
    expect(await country.getAttribute("aria-invalid")).toBe("true");
    expect(await country.getAttribute("aria-describedby")).toContain(await fieldError.getAttribute("id"));
    expect(await country.evaluate((n) => n === document.activeElement)).toBe(true);
    expect(puts).toEqual([]);
    // The server's own check (the page's turned off): its message under the same field, without the field's path.
    await country.evaluate((n) => n.removeAttribute("data-check"));
    await item.getByRole("button", { name: "Enregistrer le classement" }).click();
    await expect.poll(() => fieldError.innerText()).toContain("Code pays ISO 3166-1 alpha-2 attendu");
    expect(await fieldError.innerText()).not.toContain("vendorCountry");
    expect(puts).toHaveLength(1);
    expect(await country.getAttribute("aria-invalid")).toBe("true");
    expect(await country.evaluate((n) => n === document.activeElement)).toBe(true);

    await item.getByLabel("Pays de l'éditeur").fill("fr");
    await item.getByLabel("Dépendance extra-européenne").selectOption({ label: "Non" });
    await item.getByLabel("Logiciel libre").selectOption({ label: "Non" });
    await item.getByRole("button", { name: "Enregistrer le classement" }).click();
    await expect
      .poll(() => item.locator(".success").innerText())
      .toBe(
        "Classement de « Logiciel Cimetières Plus » enregistré : catégorie Logiciels métiers, éditeur Éditions Locales (France), pas de dépendance extra-européenne, logiciel non libre. Il sera appliqué aux prochaines analyses.",
      );
    expect(await item.getByRole("alert").count()).toBe(0);
    expect(await item.locator(".badge-saved").innerText()).toBe("Classé");
    const { classifications } = await (await fetch(`${server.url}/api/inventory/classifications`)).json();
    expect(classifications).toContainEqual(
      expect.objectContaining({
        name: "Logiciel Cimetières Plus",
        category: "business",
        vendorCountry: "FR",
        extraEuropean: false,
        openSource: false,
      }),
    );
    await page.screenshot({ path: "test-results/inventory-classified.png", fullPage: true });

    // Analysing the same files again applies the classification.
    const firstUrl = page.url();
    await page.getByRole("button", { name: "Relancer l'analyse" }).click();
    await expect.poll(() => page.url()).not.toBe(firstUrl);
    const cells = row(page, "#inv-items", "Logiciel Cimetières Plus").locator("td");
    await expect.poll(() => cells.nth(4).innerText()).toBe("Logiciels métiers");
    expect(await cells.nth(2).innerText()).toBe("Éditions Locales (France)");
    expect(await cells.nth(3).innerText()).toBe("Non");
    expect(await page.locator(".unknown-item").allInnerTexts()).not.toContainEqual(
      expect.stringContaining("Cimetières"),
    );
    await page.close();
  });

  it("shows the server's French error for a file that is not an inventory, and for one too large", async () => {
    const { page } = await openPage(context, server.url, "#inventaire");
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    await upload(page, { name: "logo.png", mimeType: "image/png", buffer: png });
    // Under the file field, tied to it.
    const alert = page.locator("#inv-form .field-error");
    await expect.poll(() => alert.innerText()).toContain("Le fichier « logo.png » n'est pas un inventaire reconnu");
    expect(await page.getByLabel("Fichiers d'inventaire").getAttribute("aria-describedby")).toBe(
      `${await alert.getAttribute("id")} inv-files-hint`,
    );
    expect(await alert.innerText()).toContain("Attendu : un export CSV de GLPI");
    expect(await page.locator("#inv-result").innerHTML()).toBe("");
    expect(new URL(page.url()).hash).toBe("#inventaire");
    await page.screenshot({ path: "test-results/inventory-error.png", fullPage: true });

    // The box says its limit, and a file over it is refused before it is sent.
    expect(await page.locator("#inv-files-hint").innerText()).toContain("Taille maximale : 64 Ko par envoi");
    await upload(page, { name: "gros.csv", mimeType: "text/csv", buffer: Buffer.alloc(MAX + 100, "A") });
    await expect
      .poll(() => alert.innerText())
      .toContain("Les fichiers choisis pèsent 64,1 Ko : le maximum est 64 Ko par envoi");
    expect(await page.getByRole("button", { name: "Analyser l'inventaire" }).isEnabled()).toBe(true);
    await page.close();
  });

  it("reopens a saved analysis from the list or its address, and the back button returns", async () => {
    const { page } = await openPage(context, server.url, "#inventaire");
    await upload(page, CSV);
    await page.locator("#inv-categories").waitFor();
    const id = decodeURIComponent(new URL(page.url()).hash).replace("#inventaire/", "");

    // A fresh page at the analysis's address shows it.
    const other = await openPage(context, server.url, `#inventaire/${id}`);
    await other.page.locator("#inv-categories").waitFor();
    expect(await other.page.locator("#inv-result h2").innerText()).toMatch(/^Cartographie du /);
    await other.page.close();

    // Navigation: another section, then back.
    await page.getByRole("link", { name: "Rédiger un document" }).click();
    // The section changes on the hashchange event, after the click returns.
    await page.locator("#documents").waitFor({ state: "visible" });
    expect(await page.locator("#inventaire").isHidden()).toBe(true);
    await page.goBack();
    await page.locator("#inventaire").waitFor({ state: "visible" });
    expect(await page.locator("#inv-categories").isVisible()).toBe(true);
    await page.goBack(); // before the upload: no map
    await expect.poll(() => page.locator("#inv-result").innerHTML()).toBe("");

    // The list reopens it.
    await page.locator("#inv-saved a").first().click();
    await page.locator("#inv-categories").waitFor();
    expect(await page.locator("#inv-saved a[aria-current=true]").count()).toBe(1);
    await page.close();
  });
});
