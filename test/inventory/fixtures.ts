/**
 * Shared by the inventory tests, the benchmark and the classification report: the fixture catalog, the test
 * inventories and the hand-checked expectations, and how an analysis is scored against them.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { InventoryAnalysis } from "../../server/drafting/types.ts";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import type { MatchIndex } from "../../server/inventory/match.ts";
import type { InventoryFile } from "../../server/inventory/parse.ts";
import type { AnalysisResult, InventoryItem, InventoryRow } from "../../server/inventory/types.ts";

export const INVENTORY_FIXTURES = path.resolve("test/fixtures/inventory");
export const INVENTORY_CORPUS = path.join(INVENTORY_FIXTURES, "corpus");
export const INVENTORIES = path.join(INVENTORY_FIXTURES, "inventories");

export const readInventory = (name: string): InventoryFile => ({
  name,
  bytes: new Uint8Array(readFileSync(path.join(INVENTORIES, name))),
});

/** Every test inventory (GLPI 10/11, OCS, GLPI Agent JSON, Excel Windows-1252, TSV, pasted list, hardware). */
export function allInventories(): InventoryFile[] {
  return readdirSync(INVENTORIES).sort().map(readInventory);
}

export interface HandChecked {
  name: string;
  extraEuropean: boolean | null;
  openSource: boolean | null;
  categories: string[];
  /** Product id expected with the fixture catalog; null: not in it; "component": a system part. */
  fixture: string | null;
}

export function handChecked(): HandChecked[] {
  return JSON.parse(readFileSync(path.join(INVENTORY_FIXTURES, "hand-checked.json"), "utf8")).items;
}

export interface Evaluation {
  /** Identifiable applications and devices (extraEuropean known by hand). */
  total: number;
  /** …that the analysis classified (extraEuropean not null). */
  classified: number;
  /** …whose extra-European status is right. */
  provenanceCorrect: number;
  /** …whose status, open-source flag and category are all right. */
  correct: number;
  /** Classified with the wrong extra-European status: the errors that matter most. */
  wrong: string[];
  /** Not classified. */
  missed: string[];
  /** Status right, but open-source flag or category not. */
  partly: string[];
  /** In-house names that stayed unknown, out of those expected so; system components recognised. */
  unknownKept: [number, number];
  components: [number, number];
  absent: string[];
}

export function evaluate(items: InventoryItem[], expected: HandChecked[] = handChecked()): Evaluation {
  // Versions of one product are merged into one line: a name is found among the names of its line.
  const byName = new Map(items.flatMap((i) => (i.names ?? [i.name]).map((n) => [n, i] as const)));
  const e: Evaluation = {
    total: 0,
    classified: 0,
    provenanceCorrect: 0,
    correct: 0,
    wrong: [],
    missed: [],
    partly: [],
    unknownKept: [0, 0],
    components: [0, 0],
    absent: [],
  };
  for (const x of expected) {
    const item = byName.get(x.name);
    if (!item) {
      e.absent.push(x.name);
      continue;
    }
    if (x.fixture === "component") {
      e.components[1]++;
      if (item.component) e.components[0]++;
      continue;
    }
    if (x.extraEuropean === null) {
      e.unknownKept[1]++;
      if (item.extraEuropean === null && !item.product) e.unknownKept[0]++;
      continue;
    }
    e.total++;
    if (item.extraEuropean === null) {
      e.missed.push(x.name);
      continue;
    }
    e.classified++;
    if (item.extraEuropean !== x.extraEuropean) {
      e.wrong.push(`${x.name} (${item.product?.id ?? item.vendor?.name ?? "?"} : ${item.extraEuropean})`);
      continue;
    }
    e.provenanceCorrect++;
    const openOk = x.openSource === null || item.openSource === null || item.openSource === x.openSource;
    const categoryOk = item.category !== null && x.categories.includes(item.category);
    if (openOk && categoryOk && item.openSource !== null) e.correct++;
    else e.partly.push(`${x.name} (openSource ${item.openSource}, catégorie ${item.category})`);
  }
  return e;
}

export const percent = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(1)} %` : "—");

/** A real product name checked by hand, with the domain its share is reported in. */
export interface RealName {
  name: string;
  publisher: string | null;
  domain: "business" | "open-source" | "security" | "hardware";
  extraEuropean: boolean | null;
  openSource: boolean | null;
  categories: string[];
}

/**
 * `expected.json`: the list the catalog was completed against; `holdout.json`: measured once, never tuned on;
 * `commune-2026.json`: a third list written without looking at the catalog (December 2026), then fixed against
 * without special-casing its names.
 */
export type RealNameList = "expected.json" | "holdout.json" | "commune-2026.json";
export function realNames(file: RealNameList = "expected.json"): RealName[] {
  return JSON.parse(readFileSync(path.join(INVENTORY_FIXTURES, "real-names", file), "utf8")).items;
}

/** The rows an export of these names would give: one installation each, hardware as hardware. */
export function realNameRows(names: RealName[] = realNames()): InventoryRow[] {
  return names.map((n, i) => ({
    name: n.name,
    publisher: n.publisher,
    versions: [],
    installations: 1 + (i % 7),
    kind: n.domain === "hardware" ? "hardware" : "software",
    hint: null,
    file: "real-names",
  }));
}

export interface DomainFigure {
  domain: RealName["domain"];
  total: number;
  right: number;
  /** "name: what was wrong" for each name not classified right. */
  wrong: string[];
}

/**
 * Share classified right per domain: extra-European status, open-source flag and category all right (an in-house
 * name is right when it stays unknown). A name matched with low confidence and listed for review counts as wrong.
 */
export function evaluateRealNames(items: InventoryItem[], expected: RealName[] = realNames()): DomainFigure[] {
  const byName = new Map(items.flatMap((i) => (i.names ?? [i.name]).map((n) => [n, i] as const)));
  const figures = new Map<RealName["domain"], DomainFigure>();
  for (const x of expected) {
    const f = figures.get(x.domain) ?? { domain: x.domain, total: 0, right: 0, wrong: [] };
    figures.set(x.domain, f);
    f.total++;
    const item = byName.get(x.name);
    if (!item) {
      f.wrong.push(`${x.name}: absent`);
      continue;
    }
    if (x.extraEuropean === null) {
      if (item.extraEuropean === null && !item.product) f.right++;
      else f.wrong.push(`${x.name}: devait rester inconnu (${item.product?.id ?? item.vendor?.name})`);
      continue;
    }
    const problems: string[] = [];
    if (item.extraEuropean !== x.extraEuropean) problems.push(`extra-européen ${item.extraEuropean}`);
    if (x.openSource !== null && item.openSource !== x.openSource) problems.push(`libre ${item.openSource}`);
    if (!item.category || !x.categories.includes(item.category)) problems.push(`catégorie ${item.category}`);
    if (problems.length)
      f.wrong.push(
        `${x.name}: ${problems.join(", ")} (${item.product?.id ?? item.suggestion?.id ?? item.vendor?.name ?? "—"})`,
      );
    else f.right++;
  }
  return [...figures.values()];
}

/** One inventory line, as the parser gives it, for tests that analyse names directly. */
export const inventoryRow = (name: string, publisher: string | null, installations = 1): InventoryRow => ({
  name,
  publisher,
  versions: [],
  installations,
  kind: "software",
  hint: null,
  file: "t",
});

/** The line of an analysis that shows `name`, itself or among the names it groups. */
export const lineOf = (r: AnalysisResult, name: string) =>
  r.items.find((i) => i.name === name || i.names?.includes(name))!;

/** An analysis result as the saved analysis the documents take, made at `createdAt`. */
export const asAnalysis = (r: AnalysisResult, createdAt: string) =>
  ({ id: "t", name: "t", createdAt, ...r }) as unknown as InventoryAnalysis;

/** `rows` analysed against `index` on `now`, as the saved analysis the documents take. */
export const analysedRows = (rows: InventoryRow[], index: MatchIndex, now: string) =>
  asAnalysis(analyzeRows(rows, index, { now }), now);

/** A Microsoft software line of an export, with the versions it reports (the roadmap tests' inventories). */
export const microsoftRow = (name: string, n: number, versions: string[] = []): InventoryRow => ({
  ...inventoryRow(name, "Microsoft Corporation", n),
  versions,
});
