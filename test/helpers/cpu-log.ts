/**
 * Per-file CPU of a test run, for whoever works on the suite's time: `TEST_CPU_LOG=/tmp/cpu.tsv npx vitest run`
 * appends one line per test file (vitest.config.ts loads this file only then): the CPU seconds of the worker and of
 * every process under it while the file ran (Chromium, LibreOffice, a CLI run as a child), the worker's own, the
 * wall seconds, the worker's pid and the file. Vitest's JSON report gives wall durations only, which on a shared
 * machine say more about the load than about the file; `/usr/bin/time` on the run misses Chromium, which ends after
 * its worker and is never waited for. Nothing is asserted here.
 */
import { appendFileSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, expect } from "vitest";

/** Clock ticks per second of /proc's times (Linux's USER_HZ). */
const HZ = 100;

/** A process's parent and its CPU ticks, its waited-for children's included; null once it has gone. */
function times(pid: string): { parent: number; ticks: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { parent: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) };
  } catch {
    return null;
  }
}

/** CPU seconds of this process and every process under it, from /proc (0 where there is no /proc). */
function treeSeconds(): number {
  let all: Map<number, { parent: number; ticks: number }>;
  try {
    all = new Map(
      readdirSync("/proc")
        .filter((d) => /^\d+$/.test(d))
        .flatMap((d) => {
          const t = times(d);
          return t ? [[Number(d), t] as const] : [];
        }),
    );
  } catch {
    return 0;
  }
  const tree = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, t] of all)
      if (!tree.has(pid) && tree.has(t.parent)) {
        tree.add(pid);
        grew = true;
      }
  }
  return [...tree].reduce((sum, pid) => sum + (all.get(pid)?.ticks ?? 0), 0) / HZ;
}

const log = process.env.TEST_CPU_LOG;
if (log) {
  const file = path.relative(process.cwd(), expect.getState().testPath ?? "?");
  const own = process.cpuUsage();
  const tree = treeSeconds();
  const start = Date.now();
  // Registered before the file's own hooks: it runs after them (Vitest runs `afterAll` hooks last-registered first).
  afterAll(() => {
    const used = process.cpuUsage(own);
    const line = [
      (treeSeconds() - tree).toFixed(2),
      ((used.user + used.system) / 1e6).toFixed(2),
      ((Date.now() - start) / 1000).toFixed(1),
      process.pid,
      file,
    ];
    appendFileSync(log, `${line.join("\t")}\n`);
  });
}
