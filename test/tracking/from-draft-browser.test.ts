/**
 * « Adopter cette feuille de route » in a real Chromium, on a real server (fixture catalog, no Ollama): from the
 * saved roadmap, the DSI reviews the plan it gives (calendar, products) and adopts it without typing anything.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MISSING_MESSAGE, openPage } from "../browser/page.ts";
import { browserAvailable, launchBrowser } from "../helpers/browser.ts";
import { postJson, readSse, startTestServer, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS } from "../inventory/fixtures.ts";

const csv = (lines: [string, string, number][]) =>
  `\uFEFF"Nom";"Éditeur";"Nombre d'installations";\n${lines.map(([n, p, i]) => `"${n}";"${p}";"${i}";`).join("\n")}\n`;

describe.skipIf(!browserAvailable)("adopting a roadmap in a real browser", () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let server: TestServer;
  let draftId = "";

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ CORPUS_DIR: INVENTORY_CORPUS }), launchBrowser()]);
    const lines: [string, string, number][] = [
      ["Microsoft Office Professionnel Plus 2016", "Microsoft Corporation", 40],
      ["Google Chrome", "Google LLC", 40],
      ["Kaspersky Endpoint Security 12", "AO Kaspersky Lab", 40],
    ];
    const analysis = await (
      await fetch(`${server.url}/api/inventory/analyze?name=parc.csv`, { method: "POST", body: csv(lines) })
    ).json();
    const events = await readSse(
      await postJson(`${server.url}/api/drafts`, {
        type: "roadmap",
        inputs: {
          collectivite: { name: "Commune de Locmaria" },
          analysisId: analysis.id,
          targetShare: 25,
          targetDate: "2029-06",
        },
      }),
    );
    draftId = events.at(-1)!.data.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("goes from the saved roadmap to the adopted plan, then writes its progress note", async () => {
    const {
      page: tab,
      requested,
      consoleErrors,
    } = await openPage(browser.context, server.url, `#documents/${draftId}`);
    tab.setDefaultTimeout(20_000);
    await tab.getByRole("link", { name: "Adopter cette feuille de route" }).click();
    const page = tab.locator("#suivi");
    await page.getByRole("heading", { level: 2, name: /Adopter comme plan/ }).waitFor();
    expect(await tab.evaluate(() => document.activeElement?.id)).toBe("plan-fd-title");
    const calendar = page.getByRole("table", { name: "Jalons repris du calendrier de la feuille de route" });
    expect((await calendar.locator("tbody tr").allInnerTexts()).length).toBeGreaterThan(0);
    expect(await page.getByRole("table", { name: "Logiciels à remplacer" }).innerText()).toContain("Kaspersky");

    await page.getByRole("button", { name: "Adopter cette feuille de route" }).press("Enter");
    await page.getByText(/Adopté à partir de « .+ », version 1/).waitFor();
    expect(tab.url()).toMatch(/#suivi\/(?!feuille-de-route)/);
    const plans = await (await fetch(`${server.url}/api/plans`)).json();
    expect(plans.plans).toHaveLength(1);
    expect(plans.plans[0].source.draftId).toBe(draftId);

    // The progress note, without a model: the template, said as such, and its three downloads.
    await page.getByRole("button", { name: "Rédiger la note d'avancement" }).click();
    await page.getByText(/Aucun modèle de langue n'est disponible/).waitFor();
    expect(await page.locator("#plan-note-output").innerText()).not.toMatch(/\bnull\b|undefined/);
    // Read back when the plan is opened again.
    await tab.reload();
    await tab
      .locator("#suivi")
      .getByText(/Note rédigée le/)
      .waitFor();
    // The links say their format and size (« Note d'avancement (PDF, 12 ko) »).
    for (const name of ["Markdown", "ODT (LibreOffice)", "PDF"])
      expect(await page.getByRole("link", { name: `Note d'avancement (${name}` }).getAttribute("href")).toMatch(
        /\/note\?format=(md|odt|pdf)$/,
      );

    expect(await tab.locator("body").innerText()).not.toMatch(MISSING_MESSAGE);
    expect(consoleErrors).toEqual([]);
    for (const url of requested) expect(url.startsWith(server.url)).toBe(true);
  });
});
