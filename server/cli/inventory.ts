/**
 * `npm run cli -- inventory <file>... [--json] [--date AAAA-MM-JJ]`: the same analysis as `POST /api/inventory/analyze`, from a
 * terminal — a readable map, or the JSON document `{ id, items, summary, unknown, … }` on stdout. The analysis
 * is saved like an upload, so drafting can use it.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config.ts";
import { AppError } from "../core/errors.ts";
import { countryName } from "../core/labels.ts";
import { formatInt, frenchDate, percentText } from "../core/text.ts";
import { countText, message } from "../i18n/messages.ts";
import { alternativeWithCaveats } from "../inventory/alternative-text.ts";
import type { InventoryContext } from "../inventory/classifications.ts";
import { analyzeInventory } from "../inventory/service.ts";
import type { SavedAnalysis, ShareFigure } from "../inventory/types.ts";
import type { Terminal } from "../server.ts";
import { openRecordDatabase } from "../store/open-records.ts";

export async function inventoryCommand(
  files: string[],
  options: { json?: boolean; date?: string },
  config: Config,
  term: Terminal,
  out: (text: string) => void,
): Promise<number> {
  if (!files.length) {
    term.line(message("inventory.cli.usage"));
    return 2;
  }
  const inputs = await Promise.all(
    files.map(async (file) => {
      try {
        return { name: path.basename(file), bytes: new Uint8Array(await readFile(file)) };
      } catch (err) {
        throw new AppError(
          "file_unreadable",
          message("inventory.cli.unreadable", {
            file,
            reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message,
          }),
        );
      }
    }),
  );
  // The same database as the engine's, without opening the search index.
  const db = await openRecordDatabase(config, term.line);
  const ctx: InventoryContext = { config, records: (c) => db.store(c) };
  const analysis = await analyzeInventory(ctx, inputs, { inventoryDate: options.date ?? null }).finally(() =>
    db.close(),
  );
  if (options.json) out(`${JSON.stringify(analysis, null, 2)}\n`);
  else out(formatInventoryReport(analysis));
  term.line(message("inventory.cli.saved", { id: analysis.id, ms: analysis.ms }));
  return 0;
}

const int = formatInt;
const pct = (f: ShareFigure | number | null) => {
  const x = typeof f === "number" || f === null ? f : f.share;
  // The one rounding of every shown percentage (`percentText`): the map, the documents and the public page agree.
  return x === null ? "—" : percentText(x * 100);
};
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** East Asian wide and fullwidth characters: two columns on a terminal (Unicode ranges of the common scripts). */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
/** Combining marks: no column of their own. */
const COMBINING = /\p{M}/u;

/** Columns a text takes on a terminal: « 福昕软件 » takes eight, an accent written as a combining mark none. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += COMBINING.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
  return width;
}

/**
 * A table for a terminal: columns padded and each header ruled to the width the terminal shows (`displayWidth`;
 * trial12 B4: rules and columns measured in UTF-16 units did not line up on vendors written in Chinese).
 */
export function terminalTable(header: string[], rows: string[][], align: ("l" | "r")[]): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ""))));
  const pad = (c: string, i: number) => {
    const fill = " ".repeat(Math.max(0, widths[i]! - displayWidth(c)));
    return align[i] === "r" ? fill + c : c + fill;
  };
  const line = (cells: string[]) => cells.map(pad).join("  ").trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
const table = terminalTable;

/** The map as text for a terminal: summary by category, score, quick wins, main dependencies, items to classify. */
export function formatInventoryReport(a: SavedAnalysis): string {
  const s = a.summary;
  const parts: string[] = [];
  parts.push(
    message("inventory.cli.title", {
      files: a.files.map((f) => `${f.name} (${message(`inventory.format.${f.format}`)})`).join(", "),
      items: int(s.items),
      installations: int(s.installations),
    }),
  );
  if (a.inventoryDate) parts.push(message("inventory.cli.inventoryDate", { date: frenchDate(a.inventoryDate) }));
  for (const f of a.files)
    if (f.unreadableCounts?.length)
      parts.push(
        message("inventory.cli.unreadableCounts", {
          file: f.name,
          lines: f.unreadableCounts
            .map((u) => message("inventory.cli.unreadableCountLine", { line: int(u.line), value: u.value }))
            .join(", "),
        }),
      );
  if (s.products === 0) parts.push(message("inventory.cli.noneIdentified"));
  if (s.components.items)
    parts.push(
      message("inventory.cli.components", {
        components: countText("component", s.components.items, int(s.components.items)),
        installations: countText("installation", s.components.installations, int(s.components.installations)),
      }),
    );
  parts.push(
    // Identified and « à classer » are the same partition of the map's lines as the list below (summary.ts).
    message("inventory.cli.totals", {
      classified: pct(s.identified ?? s.classified),
      products: countText("product", s.products, int(s.products)),
      toClassify: countText(
        "software",
        s.toClassify?.items ?? a.unknown.length,
        int(s.toClassify?.items ?? a.unknown.length),
      ),
      extra: pct(s.extraEuropean),
      open: pct(s.openSource),
    }),
  );
  parts.push("");
  parts.push(
    table(
      message("inventory.cli.columns").split("|"),
      s.categories.map((c) => [
        c.label,
        int(c.products),
        int(c.installations),
        pct(c.extraEuropean),
        pct(c.openSource),
        cut(c.risks.map((r) => r.label).join(", ") || "—", 60),
      ]),
      ["l", "r", "r", "r", "r", "l"],
    ),
  );
  parts.push("");
  parts.push(
    message("inventory.cli.score", {
      value: s.score.value === null ? "—" : String(s.score.value),
      level: s.score.level,
    }),
  );
  for (const c of s.score.components) parts.push(`  - ${c.explanation}`);
  parts.push(`  ${s.score.explanation}`);

  if (s.quickWins.length) {
    parts.push("", message("inventory.cli.quickWins"));
    s.quickWins.forEach((w, i) => parts.push(`  ${i + 1}. ${w.reason}`));
  }
  const dependencies = a.items
    .filter((i) => !i.component && (i.extraEuropean || i.exposure.laws.length) && !i.openSource)
    .slice(0, 15);
  if (dependencies.length) {
    parts.push("", message("inventory.cli.dependencies"));
    parts.push(
      table(
        message("inventory.cli.dependencyColumns").split("|"),
        dependencies.map((i) => [
          cut(i.name, 48),
          int(i.installations),
          cut(i.vendor ? `${i.vendor.name} (${countryName(i.vendor.parent?.country ?? i.vendor.country)})` : "—", 34),
          cut(
            i.alternatives
              .slice(0, 2)
              .map((x) => alternativeWithCaveats(x))
              .join(", ") || "—",
            90,
          ),
        ]),
        ["l", "r", "l", "l"],
      ),
    );
  }
  if (a.unknown.length) {
    parts.push("", message("inventory.cli.unknown", { count: int(a.unknown.length) }));
    for (const u of a.unknown.slice(0, 20)) {
      // A name below the sure threshold says what it resembles, as the map and the exports do.
      const review = u.suggestion
        ? ` — ${message("inventory.export.reviewValue", { product: u.suggestion.name, confidence: String(u.suggestion.confidence).replace(".", ",") })}`
        : "";
      parts.push(
        `  - ${u.name}${u.publisher ? ` (${u.publisher})` : ""} : ${int(u.installations)} — ${u.vendor ? message("inventory.cli.vendorKnown", { vendor: u.vendor.name }) : message("inventory.cli.vendorUnknown")}${review}`,
      );
    }
    if (a.unknown.length > 20) parts.push(`  ${message("inventory.cli.more", { count: int(a.unknown.length - 20) })}`);
    parts.push(message("inventory.cli.classifyHint"));
  }
  return `${parts.join("\n")}\n`;
}
