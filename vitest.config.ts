import { readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** What makes a test file long whatever its size: a browser, the real corpus indexed, a child process. */
const HEAVY = /realCorpusEngine|resolve\("corpus"\)|launchBrowser|useBrowserAndServer|execFile|spawn\(/;
/** A file that drives Chromium: its renderer and browser processes work beside the worker's own. */
const BROWSER = /launchBrowser|useBrowserAndServer/;

/** `a` and `b` taken in turn, then what is left of the longer. */
const alternate = <T>(a: T[], b: T[]): T[] =>
  Array.from({ length: Math.max(a.length, b.length) }, (_, i) => [a[i], b[i]]).flatMap((pair) =>
    pair.filter((x): x is T => x !== undefined),
  );

/**
 * Long files first, so that the last minute is spent on many short files on every worker rather than on one long
 * file on one of them. With the results of a previous run (a developer's machine), Vitest's own order (longest
 * first) stands; without (a fresh clone, CI), files that are long whatever their size come first, then by size; among
 * them, a browser file and another in turn, so that the three workers do not start three Chromium files together
 * (each with its renderer beside the worker: on a busy machine, the page's waits then ran out).
 */
class HeavyFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    if (files.some((spec) => this.ctx.cache.getTestSpecificationResult(spec))) return sorted;
    const text = new Map(
      files.map((spec) => {
        try {
          return [spec, readFileSync(spec.moduleId, "utf8")] as const;
        } catch {
          return [spec, ""] as const;
        }
      }),
    );
    const heavy = sorted.filter((spec) => HEAVY.test(text.get(spec)!));
    return [
      ...alternate(
        heavy.filter((spec) => BROWSER.test(text.get(spec)!)),
        heavy.filter((spec) => !BROWSER.test(text.get(spec)!)),
      ),
      ...sorted.filter((spec) => !HEAVY.test(text.get(spec)!)),
    ];
  }
}

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // A test's time on a busy machine, where each of three workers gets a fifth of the two cores beside two other
    // busy processes: twice Vitest's default, which the heavier tests reached there.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Three workers on a two-core machine. A worker waits for Chromium, LibreOffice, PostgreSQL, a child process or a
    // streamed answer for about a third of its time (its main thread's profile): two leave that time idle, a third
    // fills it; beside other busy processes, which share the cores thread by thread, it also gets the run a larger
    // share. Not more: each worker keeps a Chromium and the real corpus's index. Three at once timed out seven tests on
    // a machine loaded to 30 (366d24ad), with 15 s waits for the page and all the browser files starting together: the
    // waits are now 30 s or more, the browser files come in turn with others (HeavyFirst), the tests get 60 s.
    maxWorkers: 3,
    // Each worker runs file after file in one process: the server's module graph (hono, LangChain, LanceDB, the
    // corpus once read) is loaded once per worker instead of once per file. Every file starts its own servers,
    // engines and data folders in its hooks and stops them after, so files do not share state through them. Chromium
    // too is started once per worker (test/helpers/browser.ts), each file in a fresh context of its own.
    isolate: false,
    sequence: { sequencer: HeavyFirst },
    // A temporary folder for the run, shared by its workers and removed at its end (test/global-setup.ts).
    globalSetup: ["test/global-setup.ts"],
    // `TEST_CPU_LOG=<file>`: each file's CPU, Chromium and child processes included, appended there
    // (test/helpers/cpu-log.ts); nothing is loaded otherwise.
    setupFiles: process.env.TEST_CPU_LOG ? ["test/helpers/cpu-log.ts"] : [],
    // A browser test polls for what the server does next (an answer streamed, a list updated): on a busy machine
    // that can take longer than Vitest's default second. A poll that holds returns at once; only one that fails waits.
    expect: { poll: { timeout: 30_000 } },
    env: { LANCEDB_LOG: "error" },
    // Node runs the TypeScript itself (type stripping, as `npm start` does) rather than Vite's module runner: nothing
    // of the server or the tests is transformed first (a fresh clone has no transform cache), and the code runs as in
    // production, without the runner's wrapping of every import. Four unit files, cold: 13.7–14.4 s of CPU instead of
    // 16.3–17.6; the whole run (Chromium aside): 245 s instead of 252. Node's type stripping takes erasable syntax only
    // (no enum, namespace or parameter property), as `npm start` already requires.
    experimental: { viteModuleRunner: false },
  },
});
