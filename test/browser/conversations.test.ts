/**
 * Signed in, in a real Chromium: conversations are kept on the server, the person's own in the current workspace,
 * and the header's workspace switcher (for a person of several workspaces) changes workspace with the keyboard
 * alone, showing the role, reloading every section's data, with the focus and one message back on the switcher.
 * Another person of the same workspace sees none of them. axe-core (from the test's own node_modules) finds no
 * violation in these states.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expiringStore, newToken, type Session } from "../../server/auth/sessions.ts";
import { teamStore } from "../../server/auth/workspaces.ts";
import { browserAvailable, keepScreenshot, launchBrowser } from "../helpers/browser.ts";
import { type FakeOllama, startFakeOllama } from "../helpers/fake-ollama.ts";
import { CLIENT_ID, CLIENT_SECRET, startTestProvider, type TestProvider } from "../helpers/oidc-provider.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { openPage } from "./page.ts";

const REPLY =
  "La Gendarmerie économise 12 millions d'euros par an [1]. Elle a économisé 95 millions d'euros en 2031 [1].";
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** WCAG 2.1 A/AA violations axe-core finds on the page as it is. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(o: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }
    ).axe;
    const result = await axe.run({ runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

describe.skipIf(!browserAvailable)("conversations and workspaces of a signed-in person, in a real browser", () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  let provider: TestProvider;
  let ollama: FakeOllama;
  let server: TestServer;
  const tokens = { alice: "", bob: "" };

  beforeAll(async () => {
    [provider, ollama] = await Promise.all([startTestProvider(), startFakeOllama({ reply: REPLY, tokenDelayMs: 2 })]);
    [server, browser] = await Promise.all([
      startTestServer({
        OLLAMA_BASE_URL: ollama.url,
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: CLIENT_ID,
        OIDC_CLIENT_SECRET: CLIENT_SECRET,
        MODEL_CALLS_PER_HOUR: "0",
      }),
      launchBrowser(),
    ]);
    context = browser.context;
    const team = teamStore(server.engine.database);
    await team.createWorkspace("mairie-a", "Mairie A");
    await team.createWorkspace("mairie-b", "Mairie B");
    await team.setRole("alice@a.fr", "mairie-a", "lecteur");
    await team.setRole("alice@a.fr", "mairie-b", "dsi");
    await team.setRole("bob@a.fr", "mairie-a", "lecteur");
    const sessions = expiringStore(server.engine.records<Session>("sessions"));
    for (const who of ["alice", "bob"] as const) {
      tokens[who] = newToken();
      await sessions.put(tokens[who], {
        subject: who,
        issuer: provider.issuer,
        name: who === "alice" ? "Alice Martin" : "Bob Durand",
        email: `${who}@a.fr`,
        created: new Date().toISOString(),
        expires: new Date(Date.now() + 3600_000).toISOString(),
      });
    }
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await provider?.close();
    await ollama?.close();
  });

  const signInAs = async (who: "alice" | "bob") => {
    await context.clearCookies();
    await context.addCookies([{ name: "caplibre_session", value: tokens[who], url: server.url }]);
  };
  const ask = async (page: Page, question: string) => {
    await page.getByLabel("Votre question").fill(question);
    await page.getByLabel("Votre question").press("Enter");
    await page.locator(".turn .mode").first().waitFor({ timeout: 30_000 });
  };
  const listOf = (page: Page) =>
    page.evaluate(async () => (await (await fetch("/api/conversations")).json()).conversations);

  it("keeps the conversation on the server, in the workspace chosen with the switcher", {
    timeout: 120_000,
  }, async () => {
    await signInAs("alice");
    const { page, consoleErrors } = await openPage(context, server.url);
    // The switcher: a labelled list of the person's workspaces with their role, and the role in the current one.
    const select = page.getByLabel("Espace de travail");
    expect(await select.locator("option").allInnerTexts()).toEqual(["Mairie A (lecteur)", "Mairie B (DSI)"]);
    expect(await select.inputValue()).toBe("mairie-a");
    expect(await page.locator("#workspace-role").innerText()).toBe("Votre rôle : lecteur");
    expect(await page.locator("#question-hint").innerText()).toContain("gardées sur le serveur");

    await ask(page, "Combien la Gendarmerie a-t-elle économisé avec Linux ?");
    await expect.poll(() => listOf(page)).toHaveLength(1);
    const [kept] = await listOf(page);
    expect(kept).toMatchObject({ title: "Combien la Gendarmerie a-t-elle économisé avec Linux ?", count: 1 });
    // Kept with its sources and verification, as the `done` event gave them.
    const stored = await page.evaluate(async (id) => (await fetch(`/api/conversations/${id}`)).json(), kept.id);
    expect(stored.exchanges[0].sources.length).toBeGreaterThan(0);
    expect(stored.exchanges[0].done.verification.counts.unsupported).toBe(1);
    // Nothing of it in the browser's storage: only the id of the conversation on screen.
    expect(await page.evaluate(() => Object.values(localStorage).filter((v) => v.includes("Gendarmerie")))).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await keepScreenshot(page, { path: "test-results/conversation-server-switcher.png", fullPage: true });
    // On a phone (320 px): the switcher and the conversation's tools wrap, nothing scrolls sideways.
    await page.setViewportSize({ width: 320, height: 700 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await keepScreenshot(page, { path: "test-results/conversation-server-320px.png", fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });

    // A reload takes it up from the server; a second question goes to the same conversation.
    await page.reload();
    await page.locator("body[data-ready]").waitFor();
    expect(await page.locator(".turn h2").allInnerTexts()).toEqual([
      "Combien la Gendarmerie a-t-elle économisé avec Linux ?",
    ]);
    expect(await page.locator(".answer mark.unverified").innerText()).toContain("95 millions");
    await ask(page, "Et depuis quand ?");
    await expect.poll(async () => (await listOf(page))[0].count).toBe(2);

    // Renamed on the server.
    await page.getByRole("button", { name: "Renommer la conversation" }).click();
    await page.getByLabel("Nouveau titre de la conversation").fill("Gendarmerie");
    await page.getByLabel("Nouveau titre de la conversation").press("Enter");
    await expect.poll(async () => (await listOf(page))[0].title).toBe("Gendarmerie");

    // Keyboard only: to the list, the other workspace, the button; the page opens again in Mairie B.
    await select.focus();
    await page.keyboard.press("ArrowDown");
    // The arrow alone changes nothing but the list's choice.
    expect(await select.inputValue()).toBe("mairie-b");
    expect(await page.locator(".turn").count()).toBe(2);
    expect(await page.locator("#workspace-role").innerText()).toBe("Votre rôle : lecteur");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Changer d'espace");
    await Promise.all([page.waitForEvent("load"), page.keyboard.press("Enter")]);
    await page.locator("body[data-ready]").waitFor();
    const again = page.getByLabel("Espace de travail");
    expect(await again.inputValue()).toBe("mairie-b");
    expect(await again.evaluate((n) => n === document.activeElement)).toBe(true);
    await expect
      .poll(() => page.locator("#workspace-status").innerText())
      .toBe("Espace de travail : Mairie B. Votre rôle : DSI.");
    expect(await page.locator("#workspace-role").innerText()).toBe("Votre rôle : DSI");
    await keepScreenshot(page, { path: "test-results/workspace-switched.png" });
    // Mairie B's conversations: none yet.
    expect(await page.locator(".turn").count()).toBe(0);
    expect(await page.locator("#ask-archive").isHidden()).toBe(true);
    expect(await listOf(page)).toEqual([]);
    await ask(page, "Qu'est-ce que le CLOUD Act ?");
    await expect
      .poll(async () => (await listOf(page)).map((c: { title: string }) => c.title))
      .toEqual(["Qu'est-ce que le CLOUD Act ?"]);

    // Back to Mairie A: its conversation is there again.
    await again.selectOption("mairie-a");
    await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Changer d'espace" }).click()]);
    await page.locator("body[data-ready]").waitFor();
    expect(await page.locator(".turn h2").allInnerTexts()).toEqual([
      "Et depuis quand ?",
      "Combien la Gendarmerie a-t-elle économisé avec Linux ?",
    ]);
    expect(await page.locator("#ask-title").innerText()).toBe("Conversation : Gendarmerie");

    // Put aside, taken up, deleted: on the server.
    await page.getByRole("button", { name: "Nouvelle conversation" }).click();
    expect(await page.locator("#ask-archive summary").innerText()).toBe("Conversations précédentes (1)");
    await page.locator("#ask-archive summary").click();
    await page.getByRole("button", { name: "Reprendre « Gendarmerie »" }).click();
    await expect.poll(() => page.locator(".turn").count()).toBe(2);
    await expect.poll(() => page.locator("#ask-status").innerText()).toBe("Conversation « Gendarmerie » reprise.");
    await page.getByRole("button", { name: "Effacer la conversation" }).click();
    await expect.poll(() => listOf(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("shows no one else's conversation, and no switcher to a person of one workspace", {
    timeout: 60_000,
  }, async () => {
    await signInAs("alice");
    const { page: alice } = await openPage(context, server.url);
    await ask(alice, "Par quoi remplacer Microsoft Teams ?");
    await expect.poll(() => listOf(alice)).toHaveLength(1);
    await alice.close();

    await signInAs("bob");
    const { page: bob } = await openPage(context, server.url);
    expect(await bob.locator("#workspace").count()).toBe(0);
    expect(await bob.locator(".turn").count()).toBe(0);
    expect(await bob.locator("#ask-archive").isHidden()).toBe(true);
    expect(await listOf(bob)).toEqual([]);
    await bob.close();
  });
});
