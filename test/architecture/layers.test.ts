/**
 * Imports point down the layers only (docs/architecture.md): a module may import its own folder and any folder of a
 * lower rank, never a folder of the same rank (sideways) or of a higher one (up). Reads every import of server/.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SERVER = path.resolve(import.meta.dirname, "../../server");

/** Rank of each folder (or top-level file) of server/; a higher rank may import a lower one. */
export const LAYERS: Record<string, number> = {
  core: 0,
  config: 1,
  store: 2,
  llm: 2,
  corpus: 3,
  retrieval: 4,
  verify: 5,
  answers: 6,
  inventory: 6,
  drafting: 7,
  export: 8,
  tracking: 9,
  auth: 9,
  engine: 10,
  http: 11,
  server: 12,
  cli: 13,
  main: 14,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : [],
  );
}

/** The layer of a file: its first folder under server/, or its own name for a top-level file. */
function layerOf(file: string): string {
  const [first, second] = path.relative(SERVER, file).split(path.sep);
  const layer = second === undefined ? first!.replace(/\.ts$/, "") : first!;
  // The French texts and their loader belong to the core layer.
  return layer === "i18n" ? "core" : layer;
}

/** Relative imports of a source, static and dynamic (`import("…")`), type-only ones included. */
export function importsOf(source: string): string[] {
  const statics = source.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*["'](\.{1,2}\/[^"']+)["']/gm);
  const bare = source.matchAll(/^\s*import\s*["'](\.{1,2}\/[^"']+)["']/gm);
  const dynamic = source.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g);
  return [...statics, ...bare, ...dynamic].map((m) => m[1]!);
}

export function violations(): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(SERVER)) {
    const from = layerOf(file);
    const rank = LAYERS[from];
    if (rank === undefined) {
      found.push(
        `${path.relative(SERVER, file)}: folder « ${from} » has no layer (add it to LAYERS and docs/architecture.md)`,
      );
      continue;
    }
    for (const spec of importsOf(readFileSync(file, "utf8"))) {
      const target = path.resolve(path.dirname(file), spec);
      if (!target.startsWith(SERVER + path.sep)) {
        found.push(`${path.relative(SERVER, file)} imports ${spec}, outside server/`);
        continue;
      }
      const to = layerOf(target.endsWith(".ts") ? target : `${target}/x.ts`);
      if (to === from) continue;
      const toRank = LAYERS[to];
      if (toRank === undefined || toRank >= rank) {
        found.push(`${path.relative(SERVER, file)} (${from}, ${rank}) imports ${spec} (${to}, ${toRank ?? "?"})`);
      }
    }
  }
  return found;
}

describe("layers", () => {
  it("reads imports of every kind, so the check below can fail", () => {
    expect(
      importsOf(
        `import { a } from "../x.ts";\nimport type { B } from './y.ts';\nconst m = await import("../../z.ts");\nexport { c } from "./w.ts";`,
      ),
    ).toEqual(["../x.ts", "./y.ts", "./w.ts", "../../z.ts"]);
  });

  it("no import points up or sideways across layers", () => {
    expect(violations()).toEqual([]);
  });
});
