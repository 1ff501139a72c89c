/**
 * Chromium as the attacker's browser. A page of another origin (a second local server on another port) and a
 * DNS-rebinding page (`rebind.example`, resolved to 127.0.0.1 by Chromium) try to read `/api/drafts` and to
 * create drafts and analyses with the requests a web page can send without CORS: no-cors fetch (text/plain),
 * HTML forms (text/plain, urlencoded, multipart), and a CORS fetch with JSON. Nothing is read, nothing created.
 */

import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser } from "../helpers/browser.ts";
import { postJson, readSse, startTestServer, type TestServer } from "../helpers/server.ts";

const letter = JSON.parse(readFileSync("test/fixtures/drafting/letter.json", "utf8"));
const ATTACK_PAGE =
  "<!doctype html><html><head><meta charset=utf-8><title>Page piégée</title></head><body><p>Rien à voir ici.</p></body></html>";

/** What a page can try without CORS's permission; returns what it managed to read. */
async function attack(page: Page, target: string): Promise<{ read: string[]; errors: string[] }> {
  return page.evaluate(async (target) => {
    const read: string[] = [];
    const errors: string[] = [];
    const letterBody = JSON.stringify({
      type: "letter",
      inputs: { collectivite: { name: "Cible" }, sender: { name: "Attaquant" }, recipient: { name: "Élu" } },
    });
    for (const path of ["/api/drafts", "/api/inventory/analyses"]) {
      try {
        const res = await fetch(target + path);
        read.push(`${res.status} ${await res.text()}`);
      } catch (e) {
        errors.push(String(e));
      }
    }
    const tries: [string, RequestInit][] = [
      ["/api/drafts", { method: "POST", mode: "no-cors", headers: { "content-type": "text/plain" }, body: letterBody }],
      ["/api/drafts", { method: "POST", mode: "no-cors", body: letterBody }],
      [
        "/api/inventory/analyze?name=x.csv",
        {
          method: "POST",
          mode: "no-cors",
          headers: { "content-type": "text/plain" },
          body: "Nom;Editeur\nFirefox;Mozilla\n",
        },
      ],
      [
        "/api/inventory/classifications",
        {
          method: "PUT",
          headers: { "content-type": "text/plain" },
          body: JSON.stringify({ name: "X", category: "business" }),
        },
      ],
      ["/api/drafts", { method: "POST", headers: { "content-type": "application/json" }, body: letterBody }],
    ];
    for (const [path, init] of tries) {
      try {
        const res = await fetch(target + path, init);
        if (res.type !== "opaque") read.push(`${res.status} ${await res.text()}`);
      } catch (e) {
        errors.push(String(e));
      }
    }
    return { read, errors };
  }, target);
}

/** A cross-site HTML form submission (the page navigates to the answer). */
async function submitForm(page: Page, action: string, enctype: string, field: string, value: string) {
  await Promise.all([
    page.waitForEvent("load", { timeout: 15_000 }).catch(() => undefined),
    page.evaluate(
      ({ action, enctype, field, value }) => {
        const form = document.createElement("form");
        form.method = "POST";
        form.action = action;
        form.enctype = enctype;
        const input = document.createElement("textarea");
        input.name = field;
        input.value = value;
        form.append(input);
        document.body.append(form);
        form.submit();
      },
      { action, enctype, field, value },
    ),
  ]);
}

describe.skipIf(!browserAvailable)("a web page of another site against a local install", { timeout: 90_000 }, () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  let server: TestServer;
  let attacker: http.Server;
  let attackerOrigin: string;
  let port: string;
  let secretId: string;

  const state = async () => ({
    drafts: (await (await fetch(`${server.url}/api/drafts`)).json()).drafts.length,
    analyses: (await (await fetch(`${server.url}/api/inventory/analyses`)).json()).analyses.length,
    classifications: (await (await fetch(`${server.url}/api/inventory/classifications`)).json()).classifications.length,
  });

  beforeAll(async () => {
    server = await startTestServer();
    port = new URL(server.url).port;
    const events = await readSse(await postJson(`${server.url}/api/drafts`, { type: "letter", inputs: letter }));
    secretId = events.at(-1)!.data.id;
    attacker = http.createServer((_, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(ATTACK_PAGE);
    });
    await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
    attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
    browser = await launchBrowser({ mapToLoopback: ["rebind.example", "localhost"] });
    context = browser.context;
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (attacker ? attacker.close(() => resolve()) : resolve()));
    await server?.stop();
  });

  it("a page of another origin reads nothing and creates nothing", async () => {
    const before = await state();
    const page = await context.newPage();
    await page.goto(`${attackerOrigin}/`);
    const { read } = await attack(page, server.url);
    expect(read.join("\n")).not.toContain(secretId);
    expect(read).toEqual([]);
    await submitForm(
      page,
      `${server.url}/api/drafts`,
      "text/plain",
      `{"type":"letter","inputs":{"collectivite":{"name":"Cible"},"x":"`,
      `"}}`,
    );
    expect(await page.content()).toContain("origin_not_allowed");
    await page.goto(`${attackerOrigin}/`);
    await submitForm(
      page,
      `${server.url}/api/inventory/analyze`,
      "multipart/form-data",
      "file",
      "Nom;Editeur\nFirefox;Mozilla\n",
    );
    await page.goto(`${attackerOrigin}/`);
    await submitForm(page, `${server.url}/api/drafts`, "application/x-www-form-urlencoded", "type", "letter");
    await page.close();
    expect(await state()).toEqual(before);
  });

  it("a DNS-rebinding page (same origin as its requests, another name) gets a 421 and never the data", async () => {
    const before = await state();
    const page = await context.newPage();
    const origin = `http://rebind.example:${port}`;
    // The attacker's server answers the first load; then the name resolves to 127.0.0.1 (Chromium's mapping).
    await page.route(`${origin}/`, (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: ATTACK_PAGE }),
    );
    await page.goto(`${origin}/`);
    const { read } = await attack(page, origin);
    expect(read.join("\n")).not.toContain(secretId);
    expect(read.length).toBeGreaterThan(0); // same origin: the page can read the answers, which are refusals
    for (const answer of read) expect(answer).toMatch(/^421 .*host_not_allowed/);
    await page.close();
    expect(await state()).toEqual(before);
  });

  it("the real page still works from 127.0.0.1 and localhost", async () => {
    for (const base of [server.url, `http://localhost:${port}`]) {
      const page = await context.newPage();
      const failed: string[] = [];
      page.on("response", (r) => {
        if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
      });
      await page.goto(base);
      const status = await page.evaluate(async () => (await fetch("/api/drafts")).status);
      expect(status).toBe(200);
      const created = await page.evaluate(async () => {
        const res = await fetch("/api/inventory/classifications", {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ name: "Logiciel local", category: "business" }),
        });
        return res.status;
      });
      expect(created).toBe(200);
      expect(failed).toEqual([]);
      await page.close();
    }
  });
});
