/**
 * Once per `vitest run`, before any worker starts: a temporary folder for what the test processes build once and
 * reuse from file to file (the real corpus's index, test/helpers/server.ts), removed when the run ends. Nothing is
 * built here: a run that needs none of it pays nothing.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The run's shared temporary folder (see above). */
    runDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runDir = await mkdtemp(path.join(tmpdir(), "cap-libre-test-run-"));
  project.provide("runDir", runDir);
  return () => rm(runDir, { recursive: true, force: true });
}
