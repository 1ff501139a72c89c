import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // LanceDB and Chromium are heavy: two workers on a two-core machine.
    maxWorkers: 2,
    // Each worker runs file after file in one process: the server's module graph (hono, LangChain, LanceDB, the
    // corpus once read) is loaded once per worker instead of once per file. Every file starts its own servers,
    // engines and data folders in its hooks and stops them after, so files do not share state through them.
    isolate: false,
    env: { LANCEDB_LOG: "error" },
  },
});
