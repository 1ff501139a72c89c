/**
 * What a role allows, shown before acting (trial 2026-12): a reader signed in (a real oidc-provider) sees the
 * saved work but no upload form, no document form, no plan form — one sentence says why and whom to ask — instead of
 * picking a file, waiting, then reading a 403. A person of no workspace is told so on the question form.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { teamStore } from "../../server/auth/workspaces.ts";
import { analyzeUpload } from "../../server/inventory/service.ts";
import { adoptPlan } from "../../server/tracking/service.ts";
import { browserAvailable, launchBrowser } from "../helpers/browser.ts";
import { startSignInServer, startTestProvider, type TestProvider } from "../helpers/oidc-provider.ts";
import type { TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS } from "../inventory/fixtures.ts";

describe.skipIf(!browserAvailable)("roles in a real browser", () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let provider: TestProvider;
  let server: TestServer;
  let planId: string;

  beforeAll(async () => {
    provider = await startTestProvider();
    [server, browser] = await Promise.all([
      startSignInServer(provider, { CORPUS_DIR: INVENTORY_CORPUS }),
      launchBrowser(),
    ]);
    await teamStore(server.engine.database).setRole("alice.martin@mairie-exemple.fr", "defaut", "lecteur");
    // A plan of the default workspace, adopted by a DSI before.
    const csv = `"Nom";"Éditeur";"Nombre d'installations"\n"Google Chrome";"Google LLC";"40"\n"Microsoft Teams";"Microsoft Corporation";"20"\n`;
    const analysis = await analyzeUpload(server.engine, { files: [{ name: "parc.csv", bytes: Buffer.from(csv) }] });
    planId = (
      await adoptPlan(server.engine, {
        collectivite: { name: "Commune de Kervallon" },
        analysisId: analysis.id,
        target: { value: 20, date: "2030-12-31" },
      })
    ).id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await provider?.close();
  });

  /** Signs in `login` in a browser of its own (a session at the provider is not shared). */
  async function signedIn(login: string, hash: string, own = browser) {
    const page = await own.context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${server.url}/${hash}`);
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill("mot-de-passe");
    await page.locator('button[type="submit"]').click();
    await page.locator("body[data-ready]").waitFor();
    return page;
  }

  it("shows a reader what they may do, and says why the rest is not offered", { timeout: 120_000 }, async () => {
    const page = await signedIn("alice.martin", "");
    await page.goto(`${server.url}/#inventaire`);
    await page.locator("body[data-ready]").waitFor();
    const inventory = page.locator("#inventaire");
    const notice = inventory.locator(".role-notice");
    await notice.waitFor();
    expect(await notice.innerText()).toBe(
      "Votre rôle dans l'espace « Espace par défaut » (lecteur) ne permet pas d'importer un inventaire : il faut être DSI. Demandez-le à un administrateur de l'espace.",
    );
    expect(await page.locator("#inv-files").isVisible()).toBe(false);
    expect(await page.locator("#inv-submit").isVisible()).toBe(false);
    // The saved analyses are still listed.
    expect(await inventory.getByRole("heading", { name: "Analyses enregistrées" }).isVisible()).toBe(true);

    await page.locator('a[data-section="documents"]').click();
    const documents = page.locator("#documents");
    await documents.locator(".role-notice").waitFor();
    expect(await documents.locator(".role-notice").innerText()).toContain("ne permet pas de rédiger un document");
    expect(await page.locator("#draft-submit").isVisible()).toBe(false);
    expect(await page.locator("#draft-steps").isVisible()).toBe(false);

    await page.locator('a[data-section="suivi"]').click();
    await page.locator("#suivi .role-notice").waitFor();
    expect(await page.locator("#suivi .role-notice").innerText()).toContain("ne permet pas d'adopter un plan");
    expect(await page.locator("#suivi form").count()).toBe(0);

    // A plan opens read-only: its figures and cards, no form to add an inventory, an event or to publish.
    await page.goto(`${server.url}/#suivi/${encodeURIComponent(planId)}`);
    await page.locator("#plan-title").waitFor();
    expect(await page.locator("#plan-main .role-notice").innerText()).toContain("ne permet pas d'adopter un plan");
    expect(await page.getByRole("heading", { name: "Décisions et événements" }).isVisible()).toBe(true);
    expect(
      await page.locator("#plan-main button:visible, #plan-main input:visible, #plan-main select:visible").count(),
    ).toBe(0);

    // Asking is a reader's right: the question form is there.
    await page.locator('a[data-section="question"]').click();
    // Polled: the section is shown after the click's handler runs, which a busy machine delays (fresh-clone CI).
    await expect.poll(() => page.locator("#ask-form textarea, #ask-form input").first().isVisible()).toBe(true);
    expect(await page.locator("#question .role-notice").count()).toBe(0);
    await page.close();
  });

  it("tells a person of no workspace, on the question form, whom to ask", { timeout: 120_000 }, async () => {
    const other = await launchBrowser();
    try {
      const page = await signedIn("bruno.petit", "", other);
      const notice = page.locator("#question .role-notice");
      await notice.waitFor();
      expect(await notice.innerText()).toBe(
        "Vous n'êtes membre d'aucun espace de travail de Cap Libre, ce qui ne permet pas de poser une question. Demandez à un administrateur de vous ajouter à un espace.",
      );
    } finally {
      await other.close();
    }
  });
});
