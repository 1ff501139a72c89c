/**
 * `npm run bench`: runs every `test/bench/*.bench.ts` (default export: an async function that prints its
 * figures). `npm run bench -- core` runs only the files whose name contains "core".
 */
import { readdir } from "node:fs/promises";

const filter = process.argv[2] ?? "";
const dir = new URL("./", import.meta.url);
const files = (await readdir(dir)).filter((f) => f.endsWith(".bench.ts") && f.includes(filter)).sort();
console.log(`Machine : ${(await import("node:os")).cpus().length} cœurs, Node ${process.version}`);
for (const file of files) {
  console.log(`\n== ${file}`);
  const mod = (await import(new URL(file, dir).href)) as { default: () => Promise<void> };
  const started = performance.now();
  await mod.default();
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
