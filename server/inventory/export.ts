/**
 * The dependency map as a spreadsheet: CSV (semicolons, UTF-8 with BOM, as French Excel and LibreOffice open it)
 * or ODS (OpenDocument spreadsheet: a zip whose first entry is the uncompressed mimetype, like the ODT exporter).
 * One line per item of the map, the same columns in both; the ODS adds a sheet with the summary by category.
 */
import { strToU8, zipSync } from "fflate";
import { categoryLabel, countryName, fitLabel } from "../core/labels.ts";
import { exposureLabel } from "../corpus/catalog.ts";
import { message } from "../i18n/messages.ts";
import { alternativeCaveats, type CaveatedAlternative } from "./alternative-text.ts";
import { type CompactTable, tableRow } from "./compact.ts";
import { formatDay } from "./risks.ts";
import type { InventoryItem, InventorySummary } from "./types.ts";

export type ExportFormat = "csv" | "ods";

export interface ExportedFile {
  bytes: Uint8Array;
  contentType: string;
  extension: string;
}

type Cell = string | number;

const COLUMNS = [
  "name",
  "publisher",
  "installations",
  "versions",
  "product",
  "vendor",
  "country",
  "extra",
  "open",
  "category",
  "laws",
  "endOfSupport",
  "risks",
  "alternatives",
  "component",
  "confidence",
  "review",
  "reason",
] as const;

/** Labels looked up once per export, not once per cell (a large map has a hundred thousand lines). */
function memo<K, V>(f: (k: K) => V): (k: K) => V {
  const cache = new Map<K, V>();
  return (k) => {
    if (!cache.has(k)) cache.set(k, f(k));
    return cache.get(k)!;
  };
}
const yesNo = memo((v: boolean | null | undefined) =>
  message(v === true ? "inventory.export.yes" : v === false ? "inventory.export.no" : "inventory.export.unknown"),
);
const country = memo((code: string | null) => countryName(code));
const lawLabel = memo((id: string) => exposureLabel(id));
const alternativesText = memo((json: string) =>
  (JSON.parse(json) as (CaveatedAlternative & { fit: string })[])
    .map((a) => `${a.name} (${[fitLabel(a.fit), ...alternativeCaveats(a)].join(" ; ")})`)
    .join(", "),
);

/** Laws an item is exposed to, whether `exposure` is a list of law ids or `{ controllingCountry, laws }`. */
function laws(exposure: unknown): string[] {
  if (Array.isArray(exposure)) return exposure.filter((x): x is string => typeof x === "string");
  if (exposure && typeof exposure === "object" && Array.isArray((exposure as { laws?: unknown }).laws))
    return (exposure as { laws: string[] }).laws;
  return [];
}

/** « à vérifier » and the catalog entry the name resembles, for a match below the sure threshold (as in the map's review list). */
function reviewCell(i: InventoryItem): string {
  const s = i.suggestion;
  if (!s) return "";
  return message("inventory.export.reviewValue", {
    product: s.name,
    confidence: String(s.confidence).replace(".", ","),
  });
}

/**
 * The vendor's end of support, as a DSI filters it (trial17 D17: the per-line CSV had no risk column): the day (and the
 * time left when it is ahead), or « à vérifier » when the installed edition is not known.
 */
function endOfSupportCell(i: InventoryItem): string {
  return (i.risks ?? [])
    .filter((r) => r.kind === "end-of-support" || r.kind === "end-of-support-soon")
    .map((r) =>
      r.date
        ? r.kind === "end-of-support-soon" && r.timeLeft
          ? message("inventory.export.endOfSupportSoon", { date: formatDay(r.date), delay: r.timeLeft })
          : formatDay(r.date)
        : message("inventory.export.endOfSupportUnknown"),
    )
    .join(", ");
}

/** The map's risks of the line, each in full (« Fin du support de l'édition … », « Hausses de prix … »). */
const risksCell = (i: InventoryItem) => (i.risks ?? []).map((r) => r.label).join(" ; ");

function itemCells(i: InventoryItem): Cell[] {
  const controlling = i.vendor?.parent?.country ?? i.vendor?.country ?? null;
  return [
    i.name,
    i.publisher ?? "",
    i.installations,
    (i.versions ?? []).join(", "),
    i.product?.name ?? "",
    i.vendor
      ? i.vendor.ownershipVerified === false
        ? message("inventory.export.ownershipUnverified", { vendor: i.vendor.name })
        : i.vendor.name
      : "",
    i.vendor ? country(controlling) : "",
    yesNo(i.extraEuropean),
    yesNo(i.openSource),
    categoryLabel(i.category ?? null),
    laws(i.exposure).map(lawLabel).join(", "),
    endOfSupportCell(i),
    risksCell(i),
    i.alternatives?.length
      ? alternativesText(
          JSON.stringify(
            i.alternatives.map((a) => ({
              name: a.name,
              fit: a.fit,
              extraEuropean: a.extraEuropean,
              audience: a.audience,
              covers: a.covers,
            })),
          ),
        )
      : "",
    i.component ? yesNo(true) : "",
    typeof i.confidence === "number" ? i.confidence : "",
    reviewCell(i),
    i.reason ?? "",
  ];
}

const header = () => COLUMNS.map((c) => message(`inventory.export.col.${c}`));

/** Rows of the items table in order, without building them all at once. */
function* itemRows(items: CompactTable): Generator<InventoryItem> {
  for (let i = 0; i < items.length; i++) yield tableRow<InventoryItem>(items, i);
}

// ---------------------------------------------------------------------------------------------------------
// CSV

/** A cell as text, quoted when needed; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
function csvCell(v: Cell): string {
  let s = typeof v === "number" ? String(v).replace(".", ",") : v;
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[";\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function mapToCsv(items: CompactTable): Uint8Array {
  const lines = [header().map(csvCell).join(";")];
  for (const item of itemRows(items)) lines.push(itemCells(item).map(csvCell).join(";"));
  return strToU8(`\uFEFF${lines.join("\r\n")}\r\n`);
}

// ---------------------------------------------------------------------------------------------------------
// ODS

const xml = (s: string) =>
  s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

function odsCell(v: Cell): string {
  if (typeof v === "number")
    return `<table:table-cell office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>`;
  if (!v) return "<table:table-cell/>";
  return `<table:table-cell office:value-type="string"><text:p>${xml(v)}</text:p></table:table-cell>`;
}

const odsRow = (cells: Cell[], style = "") =>
  `<table:table-row${style}>${cells.map(odsCell).join("")}</table:table-row>`;

/**
 * A column's style for its longest text (header included), so Calc opens each column wide enough for what it holds
 * (the default width cut names): about 0.21 cm a character, from 2 to 16 cm. `styles` collects the styles used.
 */
function columnStyle(chars: number, styles: Map<string, string>): string {
  const cm = Math.min(16, Math.max(2, Math.round((chars * 0.21 + 0.4) * 10) / 10));
  const name = `co${String(cm).replace(".", "_")}`;
  if (!styles.has(name))
    styles.set(
      name,
      `<style:style style:name="${name}" style:family="table-column"><style:table-column-properties style:column-width="${cm}cm"/></style:style>`,
    );
  return name;
}

function sheet(name: string, head: string[], rows: Iterable<Cell[]>, styles = new Map<string, string>()): string {
  const longest = head.map((h) => h.length);
  const parts = [`<table:table table:name="${xml(name)}">`, ""];
  parts.push(`<table:table-header-rows>${odsRow(head, ' table:style-name="ro_head"')}</table:table-header-rows>`);
  for (const r of rows) {
    r.forEach((c, i) => {
      longest[i] = Math.max(longest[i] ?? 0, String(c ?? "").length);
    });
    parts.push(odsRow(r));
  }
  parts[1] = longest.map((n) => `<table:table-column table:style-name="${columnStyle(n, styles)}"/>`).join("");
  parts.push("</table:table>");
  return parts.join("");
}

/**
 * The summary by category, one row each: the extra-European share over the installations of known origin (as the
 * global share), then how many are of known and of unknown origin.
 */
export function* categoryRows(summary: InventorySummary): Generator<Cell[]> {
  const pct = (x: number | null | undefined) => (x === null || x === undefined ? "" : Math.round(x * 1000) / 10);
  for (const c of summary.categories ?? []) {
    yield [
      c.label,
      c.products,
      c.items,
      c.installations,
      pct(c.extraEuropean?.share),
      c.extraEuropean?.known ?? "",
      c.extraEuropean?.unknown ?? "",
      pct(c.openSource?.share),
      (c.risks ?? []).map((r) => r.label).join(", "),
    ];
  }
}

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"';

export function mapToOds(items: CompactTable, summary: InventorySummary, title: string, notice?: string): Uint8Array {
  const columns = new Map<string, string>();
  const sheets = [
    sheet(
      message("inventory.export.sheetMap"),
      header(),
      (function* () {
        for (const item of itemRows(items)) yield itemCells(item);
      })(),
      columns,
    ),
    sheet(
      message("inventory.export.sheetCategories"),
      message("inventory.export.categoryColumns").split("|"),
      (function* () {
        yield* categoryRows(summary);
        // A catalog changed since the analysis: said under its figures, as on the page and in the documents.
        if (notice) yield* [[""], [notice]];
      })(),
      columns,
    ),
  ];
  const content = [
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS} office:version="1.3">`,
    `<office:automatic-styles>${[...columns.values()].join("")}<style:style style:name="ro_head" style:family="table-row"><style:table-row-properties fo:break-before="auto"/></style:style></office:automatic-styles>`,
    "<office:body><office:spreadsheet>",
    ...sheets,
    "</office:spreadsheet></office:body></office:document-content>",
  ].join("");
  const meta = `<?xml version="1.0" encoding="UTF-8"?><office:document-meta ${NS} xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:meta><dc:title>${xml(title)}</dc:title><meta:generator xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0">Cap Libre</meta:generator></office:meta></office:document-meta>`;
  const manifest = `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>`;
  return zipSync(
    {
      mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }],
      "content.xml": strToU8(content),
      "meta.xml": strToU8(meta),
      "META-INF/manifest.xml": strToU8(manifest),
    },
    { level: 6 },
  );
}

export function exportMap(
  format: ExportFormat,
  items: CompactTable,
  summary: InventorySummary,
  title: string,
  notice?: string,
): ExportedFile {
  if (format === "ods")
    return {
      bytes: mapToOds(items, summary, title, notice),
      contentType: "application/vnd.oasis.opendocument.spreadsheet",
      extension: "ods",
    };
  return { bytes: mapToCsv(items), contentType: "text/csv; charset=utf-8", extension: "csv" };
}
