/**
 * Sign-in in a real Chromium: the page sends an anonymous visitor to the OpenID provider (oidc-provider on a
 * loopback port, its login page), comes back signed in showing the person's name, works, and logs out.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser } from "../helpers/browser.ts";
import { startSignInServer, startTestProvider, type TestProvider } from "../helpers/oidc-provider.ts";
import type { TestServer } from "../helpers/server.ts";

describe.skipIf(!browserAvailable)("sign-in in a real browser", () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let provider: TestProvider;
  let server: TestServer;

  beforeAll(async () => {
    provider = await startTestProvider();
    [server, browser] = await Promise.all([
      // Signed-in people are administrators of the default workspace (roles: test/auth/access-matrix.test.ts).
      startSignInServer(provider, { DEFAULT_WORKSPACE_ROLE: "administrateur" }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await provider?.close();
  });

  it("signs in at the provider, shows who is signed in, then logs out", { timeout: 180_000 }, async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(20_000);
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(String(e)));

    // Anonymous: the page goes to the provider's login page.
    await page.goto(`${server.url}/?vue=inventaire#inventaire`);
    await page.locator('input[name="login"]').waitFor();
    expect(page.url().startsWith(`${provider.issuer}/interaction/`)).toBe(true);

    await page.locator('input[name="login"]').fill("alice.martin");
    await page.locator('input[name="password"]').fill("mot-de-passe");
    await page.locator('button[type="submit"]').click();

    // Back at Cap Libre, where it was asked for (the query survives; a fragment cannot cross the provider).
    await page.locator("body[data-ready]").waitFor();
    expect(page.url().startsWith(`${server.url}/?vue=inventaire`)).toBe(true);
    await expect
      .poll(() => page.locator("#account-name").textContent(), { timeout: 30_000 })
      .toBe("Connecté : Alice Martin");
    expect(await page.locator("#account").isVisible()).toBe(true);
    const cookie = (await browser.context.cookies(server.url)).find((c) => c.name === "caplibre_session")!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });

    // The page works: its API calls carry the session.
    const status = await page.evaluate(async () => (await fetch("/api/inventory/analyses")).status);
    expect(status).toBe(200);
    await page.locator('a[data-section="inventaire"]').click();
    await page.locator("#inventaire").waitFor({ state: "visible" });

    // Logout: a signed-out page, and the session is over.
    await page.locator("#logout-button").click();
    await page.waitForURL(`${server.url}/auth/signed-out`);
    expect(await page.locator("h1").textContent()).toBe("Vous êtes déconnecté");
    expect((await browser.context.cookies(server.url)).some((c) => c.name === "caplibre_session")).toBe(false);
    const after = await page.evaluate(async () => {
      const r = await fetch("/api/inventory/analyses");
      return { status: r.status, body: await r.json() };
    });
    expect(after.status).toBe(401);
    expect(after.body.error.message).toContain("Connectez-vous");
    expect(pageErrors).toEqual([]);
  });
});
