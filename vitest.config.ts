import { readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** What makes a test file long whatever its size: a browser, the real corpus indexed, a child process. */
const HEAVY = /realCorpusEngine|resolve\("corpus"\)|launchBrowser|useBrowserAndServer|execFile|spawn\(/;

/**
 * Long files first, so that the last minute is spent on many short files on both workers rather than on one long
 * file on one of them. With the results of a previous run (a developer's machine), Vitest's own order (longest
 * first) stands; without (a fresh clone, CI), files that are long whatever their size come first, then by size.
 */
class HeavyFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    if (files.some((spec) => this.ctx.cache.getTestSpecificationResult(spec))) return sorted;
    const heavy = new Set(
      files.filter((spec) => {
        try {
          return HEAVY.test(readFileSync(spec.moduleId, "utf8"));
        } catch {
          return false;
        }
      }),
    );
    return [...sorted.filter((spec) => heavy.has(spec)), ...sorted.filter((spec) => !heavy.has(spec))];
  }
}

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
    // engines and data folders in its hooks and stops them after, so files do not share state through them. Chromium
    // too is started once per worker (test/helpers/browser.ts), each file in a fresh context of its own.
    isolate: false,
    sequence: { sequencer: HeavyFirst },
    // A temporary folder for the run, shared by its workers and removed at its end (test/global-setup.ts).
    globalSetup: ["test/global-setup.ts"],
    // A browser test polls for what the server does next (an answer streamed, a list updated): on a busy machine
    // that can take longer than Vitest's default second. A poll that holds returns at once; only one that fails waits.
    expect: { poll: { timeout: 15_000 } },
    env: { LANCEDB_LOG: "error" },
    // Node runs the TypeScript itself (type stripping, as `npm start` does) rather than Vite's module runner: nothing
    // of the server or the tests is transformed first (a fresh clone has no transform cache), and the code runs as in
    // production, without the runner's wrapping of every import. Four unit files, cold: 13.7–14.4 s of CPU instead of
    // 16.3–17.6; the whole run (Chromium aside): 245 s instead of 252. Node's type stripping takes erasable syntax only
    // (no enum, namespace or parameter property), as `npm start` already requires.
    experimental: { viteModuleRunner: false },
  },
});
