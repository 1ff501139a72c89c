/**
 * The citizens' page on a 375 px phone (trial 2026-12): a table's caption stays in view, whole, when the table
 * scrolls sideways, and the chart's axis text reads at 12 px or more. The chart is drawn for the phone's width, whole
 * on its first view — the target's year and the « objectif » legend were off-screen in a scroll box (trial14 B14).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser } from "../helpers/browser.ts";
import { postJson, startTestServer, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS } from "../inventory/fixtures.ts";

const csv = (n: number) =>
  `"Nom";"Éditeur";"Nombre d'installations";\n"Microsoft Office Professionnel Plus 2016";"Microsoft Corporation";"${n}";\n"Google Chrome";"Google LLC";"40";\n`;

describe.skipIf(!browserAvailable)("the public page on a phone", () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let server: TestServer;
  let slug: string;
  let december: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ CORPUS_DIR: INVENTORY_CORPUS }), launchBrowser()]);
    const analysis = await (
      await fetch(`${server.url}/api/inventory/analyze?name=parc.csv`, { method: "POST", body: csv(40) })
    ).json();
    const adopted = await postJson(`${server.url}/api/plans`, {
      collectivite: {
        name: "Communauté de communes du Haut-Couserans et des Trois Vallées",
        kind: "communauté de communes",
      },
      analysisId: analysis.id,
      date: "2026-01-15",
      target: { value: 20, date: "2030-12-31" },
    });
    const { plan } = await adopted.json();
    const published = await postJson(`${server.url}/api/plans/${plan.id}/publish`, { reviewed: true });
    expect(published.status).toBe(200);
    slug = (await published.json()).plan.slug;
    // trial24 T-L5: a line from December 2026 to December 2029.
    const late = await (
      await postJson(`${server.url}/api/plans`, {
        collectivite: { name: "Communauté de communes du Haut-Ségalas", kind: "communauté de communes" },
        analysisId: analysis.id,
        date: "2026-12-07",
        target: { value: 40, date: "2029-12-31" },
      })
    ).json();
    const lateOut = await postJson(`${server.url}/api/plans/${late.plan.id}/publish`, { reviewed: true });
    expect(lateOut.status).toBe(200);
    december = (await lateOut.json()).plan.slug;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("keeps each caption in view and whole, and the chart's axis text readable", async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.url}/public/${slug}`);
    for (const scroller of await page.locator(".table-scroll").all()) {
      await scroller.evaluate((n) => {
        n.scrollLeft = n.scrollWidth;
      });
      const box = await scroller.locator("caption").evaluate((c) => {
        const r = c.getBoundingClientRect();
        return { left: r.left, right: r.right };
      });
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(375);
    }
    const smallest = await page
      .locator(".chart text:visible")
      .evaluateAll((texts) => Math.min(...texts.map((t) => (t as SVGTextElement).getBoundingClientRect().height)));
    // The height of a line of text is a little more than its font size: 12 px text gives some 14 px.
    expect(smallest).toBeGreaterThanOrEqual(13);
    // The page itself does not scroll sideways: only the chart and the tables do, each in its own region.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.close();
  });

  it("shows the whole chart on the phone's first view: the target's year and the « objectif » legend (trial14 B14)", async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.url}/public/${slug}`);
    const chart = page.locator("svg.chart:visible");
    expect(await chart.count()).toBe(1);
    const box = async (text: string) =>
      chart
        .locator("text")
        .filter({ hasText: new RegExp(`^${text}$`) })
        .evaluate((n) => {
          const r = n.getBoundingClientRect();
          return { left: r.left, right: r.right };
        });
    // Nothing to scroll: the chart is as wide as the screen, the target's year (2030) and the legend are inside it.
    const whole = await chart.evaluate((n) => n.getBoundingClientRect());
    expect(whole.left).toBeGreaterThanOrEqual(0);
    expect(whole.right).toBeLessThanOrEqual(375);
    expect((await box("2030")).right).toBeLessThanOrEqual(375);
    expect((await box("objectif")).right).toBeLessThanOrEqual(375);
    expect(await page.locator(".chart-scroll").evaluate((n) => n.scrollWidth <= n.clientWidth)).toBe(true);
    // The start's month and the first year shown do not overlap.
    const years = await chart
      .locator("text")
      .evaluateAll((ts) =>
        ts
          .filter((t) => /^(janv|\d{4})/.test(t.textContent ?? ""))
          .map((t) => ({ left: t.getBoundingClientRect().left, right: t.getBoundingClientRect().right })),
      );
    for (let i = 1; i < years.length; i++) expect(years[i]!.left).toBeGreaterThan(years[i - 1]!.right);
    // On a wide screen the wide chart, alone.
    await page.setViewportSize({ width: 1200, height: 800 });
    expect(await chart.evaluate((n) => n.getAttribute("viewBox"))).toBe("0 0 640 300");
    await page.close();
  });

  it("names every year the line crosses, on the phone and on a wide screen, without overlap (trial24 T-L5)", async () => {
    const page = await browser.context.newPage();
    for (const width of [375, 1200]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${server.url}/public/${december}`);
      const labels = await page.locator("svg.chart:visible text").evaluateAll((ts) =>
        ts
          .filter((t) => /^(déc\.|\d{4}$)/.test(t.textContent ?? ""))
          .map((t) => ({
            text: t.textContent,
            left: t.getBoundingClientRect().left,
            right: t.getBoundingClientRect().right,
          })),
      );
      expect(labels.map((l) => l.text)).toEqual(["déc. 2026", "2027", "2028", "2029"]);
      for (let i = 1; i < labels.length; i++) expect(labels[i]!.left).toBeGreaterThan(labels[i - 1]!.right);
    }
    await page.close();
  });
});
