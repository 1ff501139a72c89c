/**
 * « Suivi du plan » in a real Chromium, on a real server (fixture catalog, no Ollama), keyboard first: adopt a
 * plan on an uploaded inventory, add the next quarter's inventory, record a decision, publish the citizens' page
 * and read it, with no request leaving the origin.
 */

import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, keepScreenshot, launchBrowser } from "../helpers/browser.ts";
import { postJson, readSse, startTestServer, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS } from "../inventory/fixtures.ts";
import { MISSING_MESSAGE, openPage } from "./page.ts";

/** Waits for what the page does after a server round trip: long enough on a busy machine. */
const SLOW = { timeout: 30_000 };

const csv = (lines: [string, string, number][]) =>
  `\uFEFF"Nom";"Éditeur";"Nombre d'installations";\n${lines.map(([n, p, i]) => `"${n}";"${p}";"${i}";`).join("\n")}\n`;

describe.skipIf(!browserAvailable)("plan tracking in a real browser", () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  let server: TestServer;
  const ids: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ CORPUS_DIR: INVENTORY_CORPUS }), launchBrowser()]);
    context = browser.context;
    for (const lines of [
      [
        ["Microsoft Office Professionnel Plus 2016", "Microsoft Corporation", 40],
        ["Google Chrome", "Google LLC", 40],
        ["Kaspersky Endpoint Security 12", "AO Kaspersky Lab", 40],
      ],
      [
        ["Microsoft Office Professionnel Plus 2016", "Microsoft Corporation", 40],
        ["Google Chrome", "Google LLC", 40],
      ],
      // A third of the parc (one of its files): trial16 C4.
      [["Microsoft Office Professionnel Plus 2016", "Microsoft Corporation", 40]],
    ] as [string, string, number][][]) {
      const res = await fetch(`${server.url}/api/inventory/analyze?name=parc.csv`, {
        method: "POST",
        body: csv(lines),
      });
      ids.push((await res.json()).id);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("adopts, follows and publishes a plan", async () => {
    const { page: tab, requested, consoleErrors } = await openPage(context, server.url, "#suivi");
    tab.setDefaultTimeout(20_000);
    const page = tab.locator("#suivi");
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Suivi du plan");
    await page.getByRole("heading", { name: "Adopter un plan" }).waitFor();

    await page.getByLabel("Nom de la collectivité").fill("Commune de Kervallon");
    await page.getByLabel("Inventaire de départ").selectOption(ids[0]!);
    await page.getByLabel("Date de cet inventaire (facultatif)").fill("2026-01-15");
    await page.getByLabel("Objectif (en %)").fill("20");
    await page.getByLabel("Échéance de l'objectif").fill("2030-12-31");
    const kaspersky = page.getByLabel(/Kaspersky Endpoint Security/);
    await kaspersky.waitFor();
    await kaspersky.check();
    await page.getByRole("button", { name: "Adopter ce plan" }).press("Enter");

    await page.getByRole("heading", { level: 2, name: /Plan de réduction/ }).waitFor();
    expect(await tab.evaluate(() => document.activeElement?.id)).toBe("plan-title");
    expect(tab.url()).toMatch(/#suivi\/.+/);
    // The commitment names the measure with its article (« la exposition » was read by a trial, 2026-12-06).
    expect(await page.locator("p", { hasText: "Engagement : ramener" }).innerText()).toMatch(
      /^Engagement : ramener (l'exposition pondérée|la part brute des installations de logiciels extra-européens) de \d+ % à 20 % au plus tard le 31 décembre 2030\.$/,
    );
    // The roadmap as a timeline (Chart.js): the planned trajectory through the milestones to the target, the measured
    // values, named by its caption and described by its data, with the same data as a table.
    const timeline = page.locator('figure[data-chart="timeline"]');
    await expect.poll(() => timeline.getAttribute("data-chart-state"), SLOW).toBe("drawn");
    const canvas = page.getByRole("img", { name: "Feuille de route : trajectoire prévue, jalons et mesures" });
    expect(await canvas.evaluate((n) => n.tagName)).toBe("CANVAS");
    const drawn = await canvas.evaluate((n) => {
      // Chart.js's global, set by its UMD build.
      const chart = (globalThis as any).Chart.getChart(n);
      return chart.data.datasets.map((d: any) => ({
        label: d.label,
        points: d.data.map((p: any) => [new Date(p.x).toISOString().slice(0, 10), p.y]),
      }));
    });
    const planned = drawn.find((d: { label: string }) => d.label === "Trajectoire prévue (jalons)");
    const measured = drawn.find((d: { label: string }) => d.label === "Valeur mesurée");
    expect(planned.points[0][0]).toBe("2026-01-15");
    expect(planned.points.at(-1)).toEqual(["2030-12-31", 20]);
    // No milestone typed: the target alone, no milestone the collectivité did not set (trial12 A8).
    expect(planned.points.length).toBe(2);
    expect(measured.points).toEqual([["2026-01-15", planned.points[0][1]]]);
    const steps = await timeline.locator(".chart-data tbody tr").allTextContents();
    expect(steps.length).toBe(planned.points.length + 1);
    expect(steps.some((r) => r.includes("jalon"))).toBe(true);
    expect(await tab.locator(`#${await canvas.getAttribute("aria-describedby")}`).textContent()).toContain(
      "31 décembre 2030",
    );

    // Next quarter.
    await page.getByLabel("Analyse à ajouter").selectOption(ids[1]!);
    await page.getByLabel("Date de l'inventaire (facultatif)").fill("2026-04-15");
    await page.getByRole("button", { name: "Ajouter cet inventaire" }).click();
    await page.getByRole("cell", { name: "n'apparaît plus dans l'inventaire", exact: true }).waitFor();
    const rows = await page.locator(".table-scroll table").first().locator("tbody tr").allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain("Kaspersky Endpoint Security");

    // A decision, then publication.
    await page.getByLabel("Décision ou événement").fill("Marché Microsoft 365 renouvelé pour un an");
    await page.getByRole("button", { name: "Consigner" }).click();
    await page.locator("li", { hasText: "Marché Microsoft 365 renouvelé pour un an" }).waitFor();
    // The review step: publishing asks first that the figures were reviewed (the page says so).
    await page.getByRole("button", { name: "Publier", exact: true }).click();
    const reviewed = page.getByLabel(/^J'ai relu les chiffres de cette page/);
    await expect.poll(() => reviewed.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator(".review-step .field-error").innerText()).toContain(
      "Relisez les chiffres du suivi, puis cochez cette case pour publier.",
    );
    expect(await page.getByRole("link", { name: "Page publique" }).count()).toBe(0);
    await reviewed.check();
    await page.getByRole("button", { name: "Publier", exact: true }).click();
    await page.getByRole("link", { name: "Page publique" }).waitFor();
    // The open data and the bundle say their format and size.
    for (const [label, format] of [
      ["Données ouvertes", "CSV"],
      ["Données ouvertes", "JSON"],
      ["Page à déposer sur le site de la collectivité", "ZIP"],
      ["Note d'avancement", "PDF"],
      ["Note d'avancement", "ODT (LibreOffice)"],
      ["Note d'avancement", "DOCX (Word)"],
    ] as const)
      await expect
        .poll(() => page.getByRole("link", { name: `${label} (${format}` }).innerText(), SLOW)
        .toMatch(new RegExp(`^${label} \\(${format.replace(/[()]/g, "\\$&")}, \\d+(,\\d)?\\s(octets|ko|Mo)\\)$`));

    // A checkpoint added by mistake is removed alone, after a second click on the same place (trial15 B4); the
    // publication card then says the public page still shows it until republished.
    await page.getByRole("button", { name: "Retirer l'inventaire du 15 avril 2026 du suivi" }).click();
    await page.getByRole("button", { name: "Confirmer le retrait" }).click();
    await page.getByText(/La page publique montre encore un inventaire retiré du suivi/).waitFor();
    expect(await page.locator(".table-scroll table").first().locator("tbody tr").count()).toBe(1);
    expect(await page.getByRole("button", { name: /^Retirer l'inventaire/ }).count()).toBe(0);

    // Part of the parc imported by mistake (trial16 C4): the server's reason, nothing added; then « Ajouter quand
    // même » asked twice adds it, and the plan says what it does not measure.
    await page.getByLabel("Analyse à ajouter").selectOption(ids[2]!);
    await page.getByLabel("Date de l'inventaire (facultatif)").fill("2026-05-15");
    await page.getByRole("button", { name: "Ajouter cet inventaire" }).click();
    await page.getByText(/^Cet inventaire semble ne couvrir qu'une partie du parc : 40 installations/).waitFor();
    expect(await page.locator(".table-scroll table").first().locator("tbody tr").count()).toBe(1);
    await page.getByRole("button", { name: "Ajouter quand même" }).click();
    await page.getByRole("button", { name: "Confirmer : suivre ce périmètre" }).click();
    await page.getByRole("cell", { name: "absent de ce périmètre", exact: true }).waitFor();
    expect(await page.locator(".added-checkpoints li").innerText()).toContain(
      "Inventaire du 15 mai 2026 (40 installations, une partie du parc seulement : ajout confirmé)",
    );
    expect(await page.locator("#plan-perimeter").innerText()).toMatch(
      /^Attention : le dernier inventaire ne couvre pas le même périmètre que l'inventaire de départ \(40 installations/,
    );

    expect(await tab.locator("body").innerText()).not.toMatch(MISSING_MESSAGE);
    expect(consoleErrors).toEqual([]);
    for (const url of requested) expect(url.startsWith(server.url)).toBe(true);

    await page.getByRole("link", { name: "Page publique" }).click();
    await tab.getByRole("heading", { level: 1, name: /Commune de Kervallon/ }).waitFor();
    // Each event once (it is under « Ce qui a changé », not repeated in the calendar), and the footer's claim
    // that the figures were reviewed stands on the box ticked above.
    const body = await tab.locator("body").innerText();
    expect(body.match(/Marché Microsoft 365 renouvelé pour un an/g)).toHaveLength(1);
    expect(await tab.locator("footer").innerText()).toContain("qui en a relu chaque chiffre");
    await keepScreenshot(tab, { path: "test-results/suivi-page-publique.png", fullPage: true });
  }, 90_000);

  it("takes the roadmap's collectivité from its analysis, and offers the next inventory under a name said otherwise", async () => {
    const upload = async (collectivite: string, lines: [string, string, number][]) =>
      (
        await (
          await fetch(
            `${server.url}/api/inventory/analyze?name=parc.csv&collectivite=${encodeURIComponent(collectivite)}`,
            {
              method: "POST",
              body: csv(lines),
            },
          )
        ).json()
      ).id as string;
    const first = await upload("Commune de Saint-Girons", [["Google Chrome", "Google LLC", 12]]);
    const { page: tab } = await openPage(context, server.url, `#inventaire/${first}`);
    await tab.getByRole("link", { name: "Rédiger la feuille de route à partir de cette analyse" }).click();
    const name = tab.locator("#documents").getByLabel("Nom de la collectivité");
    await expect.poll(() => name.inputValue(), SLOW).toBe("Commune de Saint-Girons");

    // The plan bears the name as typed elsewhere (« Saint-Girons »): the next analysis, « Commune de saint girons »,
    // is still the same collectivité's.
    const adopted = await fetch(`${server.url}/api/plans`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        collectivite: { name: "Saint-Girons", kind: "commune" },
        analysisId: first,
        target: { value: 20, date: "2030-12-31" },
      }),
    });
    expect(adopted.status, await adopted.clone().text()).toBe(201);
    const { plan } = await adopted.json();
    const next = await upload("Commune de saint girons", [["Google Chrome", "Google LLC", 6]]);
    const other = await upload("Commune de Saint-Lizier", [["Google Chrome", "Google LLC", 7]]);
    await tab.goto(`${server.url}/#suivi/${plan.id}`);
    const select = tab.locator("#suivi").getByLabel("Analyse à ajouter");
    await select.waitFor(SLOW);
    const offered = await select.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toContain(next);
    expect(offered).not.toContain(other);
  });

  it("reviews a roadmap's plan with what lies beyond its objective « à programmer », not « — »", async () => {
    const analysis = await (
      await fetch(`${server.url}/api/inventory/analyze?name=plouzevet.csv`, {
        method: "POST",
        body: csv([
          ["Microsoft Office Professionnel Plus 2016", "Microsoft Corporation", 60],
          ["Google Chrome", "Google LLC", 60],
          ["Kaspersky Endpoint Security 12", "AO Kaspersky Lab", 60],
          ["e.magnus Gestion financière", "Berger-Levrault", 12],
        ]),
      })
    ).json();
    const events = await readSse(
      await postJson(`${server.url}/api/drafts`, {
        type: "roadmap",
        inputs: {
          collectivite: { name: "Commune de Plouzévet", kind: "commune" },
          analysisId: analysis.id,
          targetShare: 75,
          targetDate: "2029-12-31",
        },
      }),
    );
    const draftId = events.at(-1)!.data.id as string;
    const { proposal } = await (await fetch(`${server.url}/api/plans/from-draft/${draftId}`)).json();
    const beyond = proposal.products.filter((p: { beyondTarget?: boolean }) => p.beyondTarget);
    expect(beyond.length).toBeGreaterThan(0);
    const { page: tab } = await openPage(context, server.url, `#suivi/feuille-de-route/${draftId}`);
    const table = tab.locator("#plan-from-draft table").last();
    await table.waitFor(SLOW);
    const rows = await table
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText)));
    for (const p of beyond)
      expect(rows.find((r) => r[0] === p.name)?.[2], p.name).toBe("au-delà de l'objectif, à programmer");
    expect(rows.filter((r) => r[2] === "—")).toEqual([]);
  }, 60_000);

  it("says in French why a plan cannot be adopted, and keeps what was typed", async () => {
    const page = (await openPage(context, server.url, "#suivi")).page.locator("#suivi");
    await page.getByRole("button", { name: "Adopter un plan" }).click();
    // Empty: each required field says so under itself, in French, and the focus goes to the first.
    await page.getByRole("button", { name: "Adopter ce plan" }).click();
    const name = page.getByLabel("Nom de la collectivité");
    await expect.poll(() => name.getAttribute("aria-invalid")).toBe("true");
    expect(await name.evaluate((n) => n === document.activeElement)).toBe(true);
    expect(await page.locator(".field-error").allTextContents()).toEqual([
      "Erreur : Ce champ est obligatoire.",
      "Erreur : Ce champ est obligatoire.",
      "Erreur : Ce champ est obligatoire.",
    ]);
    await page.getByLabel("Objectif (en %)").fill("120");
    await page.getByRole("button", { name: "Adopter ce plan" }).click();
    await expect
      .poll(() => page.locator(".field-error").allTextContents())
      .toContain("Erreur : Saisissez un nombre inférieur ou égal à 100.");
    await page.getByLabel("Nom de la collectivité").fill("Commune de Kervallon");
    await page.getByLabel("Objectif (en %)").fill("20");
    await page.getByLabel("Échéance de l'objectif").fill("2031-01-01");
    await page.getByRole("button", { name: "Adopter ce plan" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).toContain("déjà adopté");
    expect(await page.getByLabel("Nom de la collectivité").inputValue()).toBe("Commune de Kervallon");
  });
});
