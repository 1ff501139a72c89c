import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, keepScreenshot, launchBrowser } from "../helpers/browser.ts";
import { type FakeOllama, startFakeOllama } from "../helpers/fake-ollama.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { blank } from "./page.ts";

describe.skipIf(!browserAvailable)("the page at / in a real browser", () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  /**
   * One page for the file's tests, each of which starts it afresh on the server it asks (a navigation, without the
   * conversation the page keeps in the browser): a new page per test costs Chromium a renderer process each time.
   */
  let page: Page;
  /** Every URL the page requested since the current test opened it. */
  const requested: string[] = [];
  let ollama: FakeOllama;
  let withModel: TestServer;
  let withoutModel: TestServer;

  beforeAll(async () => {
    ollama = await startFakeOllama({
      reply: "La Gendarmerie économise 12 millions d'euros par an [1].",
      tokenDelayMs: 20,
    });
    [withModel, withoutModel] = await Promise.all([
      startTestServer({ OLLAMA_BASE_URL: ollama.url }),
      startTestServer(),
    ]);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on("request", (r) => requested.push(r.url()));
    // Each test starts a new conversation (the page keeps the last one in the browser).
    await page.addInitScript(() => localStorage.clear());
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([withModel?.stop(), withoutModel?.stop()]);
    await ollama?.close();
  });

  /** The page opened afresh on `server` (what an earlier test left on it gone), with nothing requested before. */
  async function openOn(server: TestServer) {
    await blank(page);
    requested.length = 0;
    await page.goto(server.url);
  }

  async function askOnPage(server: TestServer, question: string) {
    await openOn(server);
    // The page's script takes over the form once ready: a click before that would send the form natively (a reload).
    await page.locator("body[data-ready]").waitFor();
    await page.getByLabel("Votre question").fill(question);
    await page.getByRole("button", { name: "Demander" }).click();
    await page.locator(".turn .mode").waitFor({ timeout: 45_000 });
  }

  it("streams a generated answer with a cited, linked source", async () => {
    await askOnPage(withModel, "Combien la Gendarmerie a-t-elle économisé avec Linux ?");
    await expect.poll(() => page.locator(".answer").innerText()).toContain("12 millions d'euros par an");
    const cite = page.locator(".answer a.cite").first();
    expect(await cite.innerText()).toBe("[1]");
    const source = page.locator(".sources li").first();
    expect(await source.innerText()).toContain("Gendarmerie");
    expect(await source.locator("a").getAttribute("href")).toMatch(/^https:\/\//);
    expect(await page.locator(".mode").innerText()).toContain("modèle local");
    expect(requested.every((u) => u.startsWith(withModel.url))).toBe(true);
    await keepScreenshot(page, { path: "test-results/ask-generated.png", fullPage: true });
  });

  it("marks an unverified sentence and an invalid citation, and says when the facts are current to", async () => {
    ollama.set({
      reply:
        "La Gendarmerie économise 12 millions d'euros par an [1]. Elle a économisé 95 millions d'euros en 2031 [1]. Elle compte 80 000 postes [9].",
    });
    await askOnPage(withModel, "Combien la Gendarmerie a-t-elle économisé avec Linux ?");
    await page.locator(".answer mark.unverified").first().waitFor();
    const marked = await page.locator(".answer mark.unverified").allInnerTexts();
    expect(marked.join(" | ")).toContain("95 millions d'euros");
    expect(marked.join(" | ")).not.toContain("12 millions d'euros");
    expect(await page.locator(".answer").innerText()).toContain("non vérifié");
    expect(await page.locator(".answer .cite-invalid").innerText()).toContain("[9]");
    expect(await page.locator(".turn .flags").innerText()).toContain("Phrases à vérifier (2)");
    expect(await page.locator(".facts-date").innerText()).toMatch(/Faits à jour : .*\d{4}/u);
    await keepScreenshot(page, { path: "test-results/ask-verified.png", fullPage: true });
    ollama.set({ reply: "La Gendarmerie économise 12 millions d'euros par an [1]." });
  });

  it("shows a conclusion drawn for the commune as the model's deduction, neutral, beside a sentence « non vérifié »", async () => {
    ollama.set({
      reply:
        "La Gendarmerie économise 12 millions d'euros par an [1]. Une mairie peut donc s'en inspirer pour alléger ses propres dépenses [1]. Elle a économisé 95 millions d'euros en 2031 [1].",
    });
    await askOnPage(withModel, "Combien la Gendarmerie a-t-elle économisé avec Linux ?");
    await page.locator(".answer mark.inference").waitFor();
    expect(await page.locator(".answer mark.inference").innerText()).toContain("alléger ses propres dépenses");
    // Its own label, not the red one; what it means is read out (and shown on hover).
    const label = page.locator(".answer .inference-label");
    expect(await label.innerText()).toContain("[déduction du modèle, à apprécier]");
    expect(await label.locator(".visually-hidden").textContent()).toContain(
      "conclusion que le modèle tire des passages cités",
    );
    expect(await label.getAttribute("title")).toContain("aucun ne l'écrit telle quelle");
    // The invented figure is still « non vérifié », and only it is listed among the sentences to check.
    expect(await page.locator(".answer mark.unverified").innerText()).toContain("95 millions d'euros");
    expect(await page.locator(".answer .flag-label").count()).toBe(1);
    expect(await page.locator(".turn .flags").innerText()).toContain("Phrases à vérifier (1)");
    expect(await page.locator(".turn .flags").innerText()).not.toContain("alléger");
    expect(await page.locator(".turn .inference-note").innerText()).toContain("déduction du modèle");
    // Told apart by more than colour: a dashed underline and italics, no red.
    const style = await page
      .locator(".answer .inference-label")
      .evaluate((n) => [getComputedStyle(n).fontStyle, getComputedStyle(n).color]);
    expect(style[0]).toBe("italic");
    expect(style[1]).not.toBe("rgb(156, 0, 6)");
    await keepScreenshot(page, { path: "test-results/ask-inference.png", fullPage: true });
    ollama.set({ reply: "La Gendarmerie économise 12 millions d'euros par an [1]." });
  });

  it("keeps a flagged answer's list, bold and linked citations, the flagged item marked in place", async () => {
    ollama.set({
      reply:
        "Ce que la Gendarmerie a gagné avec Linux [1] :\n- Elle économise **12 millions d'euros** par an [1].\n- Elle a économisé **95 millions d'euros** en 2031 [1].",
    });
    await askOnPage(withModel, "Combien la Gendarmerie a-t-elle économisé avec Linux ?");
    await page.locator(".answer mark.unverified").first().waitFor();
    // A real list, not dashes in a line of text.
    const items = page.locator(".answer ul > li");
    expect(await items.count()).toBe(2);
    expect(await page.locator(".answer").innerText()).not.toMatch(/^- |\*\*/m);
    // The invented figure is marked inside its own item, its bold run kept within the mark, then labelled.
    const mark = items.nth(1).locator("mark.unverified");
    expect(await mark.innerText()).toContain("95 millions d'euros en 2031");
    expect(await mark.locator("strong").innerText()).toBe("95 millions d'euros");
    expect(await items.nth(1).locator(".flag-label").innerText()).toContain("non vérifié");
    expect(await items.nth(0).locator("mark").count()).toBe(0);
    expect(await items.nth(0).locator("strong").innerText()).toBe("12 millions d'euros");
    // Citations are still links to the listed sources, inside the mark as outside it.
    expect(await mark.locator("a.cite").getAttribute("href")).toMatch(/-src-1$/);
    expect(await items.nth(0).locator("a.cite").innerText()).toBe("[1]");
    // The box of sentences to check quotes the sentence as it reads, without its list dash or asterisks.
    expect(await page.locator(".flags q").first().innerText()).toBe(
      "Elle a économisé 95 millions d'euros en 2031 [1].",
    );
    await keepScreenshot(page, { path: "test-results/ask-verified-list.png", fullPage: true });
    ollama.set({ reply: "La Gendarmerie économise 12 millions d'euros par an [1]." });
  });

  it("marks ranges that start inside a bold run, span two items or fall in a table, the HTML nesting kept", async () => {
    await openOn(withoutModel);
    // The page's own module, as the page loads it (no build step); a string, so that vitest leaves the import alone.
    await page.evaluate('import("/markdown.js").then((m) => { window.renderMarkdown = m.renderMarkdown; })');
    await page.waitForFunction(() => "renderMarkdown" in window);
    const html = await page.evaluate(() => {
      type Render = (text: string, options: object) => DocumentFragment;
      const { renderMarkdown } = window as unknown as { renderMarkdown: Render };
      const draw = (text: string, ranges: { start: number; end: number }[]) => {
        const box = document.createElement("div");
        const highlight = {
          ranges,
          mark: () => Object.assign(document.createElement("mark"), { className: "unverified" }),
          label: () => Object.assign(document.createElement("span"), { className: "flag-label", textContent: "!" }),
        };
        box.append(renderMarkdown(text, { highlight, cite: (n: number) => document.createTextNode(`<${n}>`) }));
        return box.innerHTML;
      };
      const at = (text: string, from: string, to: string) => ({
        start: text.indexOf(from),
        end: text.indexOf(to) + to.length,
      });
      const bold = "Un **deux trois** quatre.";
      const items = "- Un deux.\n- Trois [2] quatre.";
      const table = "| a | b |\n|---|---|\n| un deux | trois |";
      return [
        draw(bold, [at(bold, "trois", "quatre.")]),
        draw(items, [at(items, "deux", "Trois [2]")]),
        draw(table, [at(table, "deux", "deux")]),
      ];
    });
    expect(html[0]).toBe(
      '<p>Un <strong>deux <mark class="unverified">trois</mark></strong><mark class="unverified"> quatre.</mark><span class="flag-label">!</span></p>',
    );
    expect(html[1]).toBe(
      '<ul><li>Un <mark class="unverified">deux.</mark></li><li><mark class="unverified">Trois &lt;2&gt;</mark><span class="flag-label">!</span> quatre.</li></ul>',
    );
    expect(html[2]).toContain('<td>un <mark class="unverified">deux</mark><span class="flag-label">!</span></td>');
  });

  it("abstains on a question the corpus does not answer, and says so", async () => {
    await askOnPage(withModel, "Quel est le prix d'un ticket de métro parisien ?");
    expect(await page.locator(".answer").innerText()).toContain("Je ne sais pas");
    expect(await page.locator(".mode").innerText()).toContain("s'abstient");
    expect(await page.locator(".sources li").count()).toBe(0);
  });

  it("offers the nearest topics after an abstention as buttons that ask about them", async () => {
    await askOnPage(withoutModel, "Combien de postes sous Linux la ville de Dortmund a-t-elle ?");
    expect(await page.locator(".mode").innerText()).toContain("s'abstient");
    const topics = page.getByRole("list", { name: "Interroger le corpus sur un sujet proche :" }).getByRole("button");
    expect(await topics.count()).toBeGreaterThan(0);
    const title = await topics.first().innerText();
    await topics.first().click();
    const asked = page.getByRole("heading", { level: 2, name: `Que sait-on de « ${title} » ?` });
    await asked.waitFor();
    const turn = page.locator("article.turn", { has: asked });
    await turn.locator(".mode").waitFor();
    expect(await turn.locator(".mode").innerText()).not.toContain("s'abstient");
    expect(await turn.locator(".sources li").count()).toBeGreaterThan(0);
  });

  it("without Ollama, shows the notice and quotes passages", async () => {
    await askOnPage(withoutModel, "Qu'est-ce que le CLOUD Act change pour notre mairie ?");
    // One plain sentence for an elected official; the commands only for whoever opens the administrator's details.
    expect(await page.locator("#status").innerText()).toContain("Le modèle de langue n'est pas disponible");
    expect(await page.locator("#status").innerText()).not.toContain("ollama pull");
    await page.locator("#status summary").click();
    expect(await page.locator("#status").innerText()).toContain("ollama pull ministral-3:8b");
    expect(await page.locator(".answer").innerText()).toContain("CLOUD Act");
    expect(await page.locator(".sources li").count()).toBeGreaterThan(0);
    expect(await page.locator(".mode").innerText()).toContain("extractif");
    expect(requested.every((u) => u.startsWith(withoutModel.url))).toBe(true);
    await keepScreenshot(page, { path: "test-results/ask-extractive.png", fullPage: true });
  });

  it("opens an answer without a model on a short answer quoted verbatim, the passages after it as the detail", async () => {
    await askOnPage(withoutModel, "Que permet le CLOUD Act aux autorités des États-Unis ?");
    const brief = page.locator(".answer .brief");
    await brief.waitFor();
    const said = await brief.innerText();
    expect(said.startsWith("En bref : « ")).toBe(true);
    expect(said.length).toBeLessThan(600);
    const detail = page.locator(".answer .detail");
    expect(await detail.innerText()).toContain("Le détail, dans les passages du corpus");
    // Each sentence of the short answer is one the detail quotes, as it is written there.
    for (const [, sentence] of said.matchAll(/« ([^«»]+) »/g)) expect(await detail.innerText()).toContain(sentence);
    // The detail reads smaller than the short answer: it is secondary.
    const size = (l: typeof brief) => l.evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize));
    expect(await size(detail)).toBeLessThan(await size(brief));
    expect(await brief.locator("a.cite").count()).toBeGreaterThan(0);
    await keepScreenshot(page, { path: "test-results/ask-brief.png", fullPage: true });
  });
});
