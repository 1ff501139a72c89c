/**
 * A real server and Debian's Chromium for one browser test file: started before its tests, stopped after them.
 * `prepare(server)` runs once both are up (records to put in the store, a reference to read).
 */
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "./browser.ts";
import { startTestServer, type TestServer } from "./server.ts";

export interface BrowserAndServer {
  context: BrowserContext;
  server: TestServer;
}

export function useBrowserAndServer(prepare: (server: TestServer) => Promise<void> = async () => {}): BrowserAndServer {
  const state = {} as BrowserAndServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  beforeAll(async () => {
    [state.server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    state.context = browser.context;
    await prepare(state.server);
  });
  afterAll(async () => {
    await browser?.close();
    await state.server?.stop();
  });
  return state;
}
