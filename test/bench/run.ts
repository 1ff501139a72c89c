/**
 * `npm run bench`: runs every `test/bench/*.bench.ts` (default export: an async function that prints its
 * figures). `npm run bench -- core` runs only the files whose name contains "core";
 * `npm run bench -- --passages 100000` adds the figures at that many passages (synthetic corpus) where a bench has them.
 */
import { readdir } from "node:fs/promises";

process.env.LANCEDB_LOG ??= "error";

import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { passages: { type: "string" } } });
const filter = positionals[0] ?? "";
const passages = values.passages ? Number(values.passages) : undefined;
if (passages !== undefined && !(Number.isInteger(passages) && passages > 0)) {
  console.error("--passages attend un nombre entier de passages (par exemple --passages 100000).");
  process.exit(2);
}
const dir = new URL(".//", import.meta.url);
const files = (await readdir(dir)).filter((f) => f.endsWith(".bench.ts") && f.includes(filter)).sort();
console.log(`Machine : ${(await import("node:os")).cpus().length} cœurs, Node ${process.version}`);
for (const file of files) {
  console.log(`\n== ${file}`);
  const mod = (await import(new URL(file, dir).href)) as { default: (options: { passages?: number }) => Promise<void> };
  const started = performance.now();
  await mod.default({ passages });
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
