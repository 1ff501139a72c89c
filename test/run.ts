/**
 * `npm test`: the lint (biome ci), the two type checks (server and tests; the web page's scripts) and the tests
 * (vitest run, with the arguments given to `npm test`), started together rather than one after the other.
 *
 * The checks are each one process doing one thing: run in turn before the tests they added a minute and a half to a
 * run on a busy two-core machine, most of it waiting for a core. tsc is TypeScript 7 (the compiler written in Go):
 * some 8 s of CPU for the server's project where TypeScript 6 took 30, on one thread (`--singleThreaded`) since the
 * tests keep both cores busy and its parallel checkers only added CPU (13.5 s against 8.4 s on a loaded machine).
 * Started with the tests, they take their share of the machine while the tests start and the first long files run.
 * Their output is kept and printed when each ends; the first that fails stops the tests at once (as when
 * they ran first, a lint or type error is known without waiting for the whole suite), and `npm test` fails.
 */
import { type ChildProcess, spawn } from "node:child_process";

interface Check {
  name: string;
  command: string;
  args: string[];
}

const CHECKS: Check[] = [
  { name: "biome ci", command: "biome", args: ["ci"] },
  { name: "tsc --noEmit", command: "tsc", args: ["--noEmit", "--singleThreaded"] },
  { name: "tsc -p tsconfig.web.json", command: "tsc", args: ["-p", "tsconfig.web.json", "--singleThreaded"] },
];

const running = new Set<ChildProcess>();
let failed = false;

/** Runs a check with its output kept; resolves to its exit code once its output is printed. */
function runCheck(check: Check): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(check.command, check.args, { stdio: ["ignore", "pipe", "pipe"] });
    running.add(child);
    const output: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => output.push(d));
    child.stderr.on("data", (d: Buffer) => output.push(d));
    const done = (code: number, stopped = false) => {
      running.delete(child);
      const text = Buffer.concat(output).toString().trimEnd();
      if (stopped) process.stderr.write(`- ${check.name}: stopped\n`);
      else if (code === 0) process.stdout.write(`✓ ${check.name}\n${text ? `${text}\n` : ""}`);
      else process.stderr.write(`✗ ${check.name} (code ${code})\n${text}\n`);
      resolve(code);
    };
    child.on("error", (error) => {
      output.push(Buffer.from(String(error)));
      done(127);
    });
    child.on("close", (code, signal) => done(code ?? 1, signal !== null && failed));
  });
}

const vitest = spawn("vitest", ["run", ...process.argv.slice(2)], { stdio: "inherit" });
running.add(vitest);
const tests = new Promise<number>((resolve) => {
  vitest.on("error", (error) => {
    process.stderr.write(`✗ vitest: ${error}\n`);
    resolve(127);
  });
  vitest.on("close", (code, signal) => {
    running.delete(vitest);
    resolve(code ?? (signal && !failed ? 1 : 0));
  });
});

const checks = CHECKS.map((check) =>
  runCheck(check).then((code) => {
    if (code !== 0 && !failed) {
      failed = true;
      process.stderr.write(`✗ ${check.name} failed: the tests are stopped.\n`);
      for (const child of running) child.kill("SIGTERM");
    }
    return code;
  }),
);

// Ctrl-C reaches every process of the terminal's group; a termination sent to this process alone is passed on.
process.on("SIGTERM", () => {
  for (const child of running) child.kill("SIGTERM");
});

const codes = await Promise.all([...checks, tests]);
process.exitCode = failed || codes.some((code) => code !== 0) ? 1 : 0;
