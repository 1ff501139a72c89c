/**
 * Reading inventories as their tools export them: bytes → text (UTF-8 with or without BOM, UTF-16, or
 * Windows-1252 from French Excel) → format (GLPI 10/11 and OCS CSV exports, GLPI Agent JSON, a plain CSV or a
 * pasted one-column list) → rows `{ name, publisher, versions, installations, kind }`.
 * Byte-level formats: shared/reference/data/inventory-export-formats/SOURCE.md.
 */
import { parse as parseCsv } from "csv-parse/sync";
import iconv from "iconv-lite";
import { AppError } from "../core/errors.ts";
import { formatInt, formatSize } from "../core/text.ts";
import { message } from "../i18n/messages.ts";
import { wordListEntries } from "../i18n/word-lists.ts";
import { softwareCategoryHint } from "./category-hints.ts";
import { exportDay, newestDay } from "./inventory-date.ts";
import { decodeEntities, fold } from "./normalize.ts";
import type { Category, InventoryFormat, InventoryRow, ParsedFile, TextEncoding } from "./types.ts";

export interface InventoryFile {
  name: string;
  bytes: Uint8Array;
}

export interface ParsedInventory {
  files: ParsedFile[];
  rows: InventoryRow[];
}

/**
 * Caps on every dimension of an upload, so that no input can stall the analysis: past one, the upload is refused
 * with a French 400 (malformed: a cell, a name, a line) or 413 (too big: bytes, lines, rows, distinct names)
 * naming the limit. Real exports are far below: a GLPI software list of a large region has a few tens of
 * thousands of lines and names under 200 characters.
 */
export interface InventoryLimits {
  /** Bytes of all files together (the HTTP body limit, `MAX_UPLOAD_BYTES`, says it first). */
  maxBytes: number;
  /** Lines of text of one file. */
  maxLines: number;
  /** Characters of one line of text. */
  maxLineChars: number;
  /** Columns of one line. */
  maxColumns: number;
  /** Characters of one cell (a GLPI computer list joins a computer's software names with <br> in one cell). */
  maxCellChars: number;
  /** Characters of one software name. */
  maxNameChars: number;
  /** Rows of all files together, once multi-valued cells are split. */
  maxRows: number;
  /** Distinct names of all files together: the items of the map. */
  maxDistinctNames: number;
}

export const DEFAULT_LIMITS: InventoryLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxLines: 250_000,
  maxLineChars: 1_000_000,
  maxColumns: 1_000,
  maxCellChars: 100_000,
  maxNameChars: 500,
  maxRows: 500_000,
  maxDistinctNames: 150_000,
};

const int = formatInt;
const formatBytes = formatSize;
const limitError = (code: string, key: string, params: Record<string, string | number>, status: 400 | 413) =>
  new AppError(code, message(key, params), status);

/**
 * Parses every file; the first one that is not an inventory stops everything with a 400 naming it.
 * @example
 * const { rows } = parseInventoryFiles([{ name: "glpi.csv", bytes: await readFile("glpi.csv") }]);
 */
export function parseInventoryFiles(files: InventoryFile[], limits: Partial<InventoryLimits> = {}): ParsedInventory {
  if (!files.length) throw new AppError("no_file", message("inventory.error.noFile"));
  const caps = { ...DEFAULT_LIMITS, ...limits };
  const bytes = files.reduce((s, f) => s + f.bytes.byteLength, 0);
  if (bytes > caps.maxBytes)
    throw limitError("payload_too_large", "inventory.error.tooLarge", { max: formatBytes(caps.maxBytes) }, 413);
  const parsed: ParsedFile[] = [];
  const rows: InventoryRow[] = [];
  const names = new Set<string>();
  for (const file of files) {
    const result = parseInventoryFile(file, caps);
    parsed.push(result.file);
    for (const row of result.rows) {
      rows.push(row);
      names.add(row.name);
      if (rows.length > caps.maxRows)
        throw limitError("too_many_rows", "inventory.error.tooManyRows", { max: int(caps.maxRows) }, 413);
      if (names.size > caps.maxDistinctNames)
        throw limitError("too_many_names", "inventory.error.tooManyNames", { max: int(caps.maxDistinctNames) }, 413);
    }
  }
  return { files: parsed, rows };
}

export function parseInventoryFile(
  file: InventoryFile,
  limits: Partial<InventoryLimits> = {},
): { file: ParsedFile; rows: InventoryRow[] } {
  const caps = { ...DEFAULT_LIMITS, ...limits };
  const name = file.name || message("inventory.defaultFileName");
  if (file.bytes.byteLength === 0) throw new AppError("empty_file", message("inventory.error.empty", { file: name }));
  if (file.bytes.byteLength > caps.maxBytes)
    throw limitError("payload_too_large", "inventory.error.tooLarge", { max: formatBytes(caps.maxBytes) }, 413);
  const { text, encoding } = decodeBytes(file.bytes, name);
  const trimmed = text.trimStart();
  if (!trimmed) throw new AppError("empty_file", message("inventory.error.empty", { file: name }));
  if (trimmed[0] === "{" || trimmed[0] === "[") return parseJson(trimmed, name, encoding, caps);
  if (trimmed[0] === "<") {
    if (/<REQUEST\b/i.test(trimmed.slice(0, 2000)) && /<SOFTWARES\b/i.test(trimmed))
      return parseOcsXml(trimmed, name, encoding, caps);
    throw notInventory(name, message("inventory.error.markup"));
  }
  checkLines(text, name, caps);
  return parseDelimited(text, name, encoding, caps);
}

/** One pass over the text before any parsing: too many lines, or a line too long, is refused at once. */
function checkLines(text: string, file: string, caps: InventoryLimits) {
  let lines = 0;
  let start = 0;
  const n = text.length;
  while (start < n) {
    let end = start;
    while (end < n) {
      const c = text.charCodeAt(end);
      if (c === 10 || c === 13) break;
      end++;
    }
    if (end > start) lines++;
    if (lines > caps.maxLines)
      throw limitError("too_many_lines", "inventory.error.tooManyLines", { file, max: int(caps.maxLines) }, 413);
    if (end - start > caps.maxLineChars)
      throw limitError(
        "line_too_long",
        "inventory.error.lineTooLong",
        { file, line: int(lines), max: int(caps.maxLineChars) },
        400,
      );
    start = end + 1;
  }
}

/** A name longer than any software name: the wrong column, or a hostile file. */
function checkName(value: string, file: string, line: number, caps: InventoryLimits) {
  if (value.length > caps.maxNameChars) {
    throw limitError(
      "name_too_long",
      "inventory.error.nameTooLong",
      { file, line: int(line), length: int(value.length), max: int(caps.maxNameChars) },
      400,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------
// Bytes → text

const MAGIC: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], "PNG"],
  [[0xff, 0xd8, 0xff], "JPEG"],
  [[0x47, 0x49, 0x46, 0x38], "GIF"],
  [[0x25, 0x50, 0x44, 0x46], "PDF"],
  [[0x1f, 0x8b], "gzip"],
  [[0x7f, 0x45, 0x4c, 0x46], "ELF"],
  [[0x4d, 0x5a], "exe"],
];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * What a ZIP or OLE2 file holds, from the names it carries (an OpenDocument's `mimetype`, an Office Open XML part, a
 * legacy Office stream) in its first and last 64 KiB, else its extension: a .docx or .odt is a text document, not
 * « un classeur ou une archive » (trial6 B10).
 */
function officeKind(bytes: Uint8Array, name: string): "textDocument" | "presentation" | "spreadsheet" | "archive" {
  const span = 65_536;
  const ends =
    bytes.length <= 2 * span ? bytes : new Uint8Array([...bytes.subarray(0, span), ...bytes.subarray(-span)]);
  const latin = Buffer.from(ends).toString("latin1");
  // Legacy Office streams are named in UTF-16: « W\0o\0r\0d\0… ».
  const names = `${latin} ${latin.replace(/\0/g, "")}`;
  if (/opendocument\.text|word\/document\.xml|WordDocument/.test(names)) return "textDocument";
  if (/opendocument\.presentation|ppt\/presentation\.xml|PowerPoint Document/.test(names)) return "presentation";
  if (/opendocument\.spreadsheet|xl\/workbook\.xml|Workbook/.test(names)) return "spreadsheet";
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";
  if (["doc", "docx", "docm", "odt", "ott", "dot", "dotx"].includes(ext)) return "textDocument";
  if (["ppt", "pptx", "odp"].includes(ext)) return "presentation";
  if (["xls", "xlsx", "xlsm", "xlsb", "ods", "ots"].includes(ext)) return "spreadsheet";
  return startsWith(bytes, OLE2) ? "spreadsheet" : "archive";
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Strict UTF-8 first (BOM or not), UTF-16 when marked, else Windows-1252 — the encoding of French Excel CSVs. */
export function decodeBytes(
  bytes: Uint8Array,
  name = message("inventory.defaultFileName"),
): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return {
      text: decodeUtf8(bytes.subarray(3)) ?? iconv.decode(Buffer.from(bytes.subarray(3)), "win1252"),
      encoding: "utf-8-bom",
    };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  // UTF-16 without a mark: ASCII text with a zero every other byte.
  if (bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) {
    return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "utf-16le" };
  }
  if (startsWith(bytes, ZIP) || startsWith(bytes, OLE2))
    throw notInventory(name, message(`inventory.error.${officeKind(bytes, name)}`));
  const magic = MAGIC.find(([m]) => startsWith(bytes, m));
  if (magic) throw notInventory(name, message("inventory.error.binary", { type: magic[1] }));
  if (looksBinary(bytes)) throw notInventory(name, message("inventory.error.binaryUnknown"));
  const text = decodeUtf8(bytes);
  if (text !== null) return { text, encoding: "utf-8" };
  return { text: iconv.decode(Buffer.from(bytes), "win1252"), encoding: "windows-1252" };
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/** NUL bytes, or many control characters, in the first 8 KiB. */
function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return control > end * 0.02;
}

const notInventory = (file: string, detail: string) =>
  new AppError(
    "not_an_inventory",
    message("inventory.error.notInventory", { file, detail, expected: message("inventory.expected") }),
  );

// ---------------------------------------------------------------------------------------------------------
// Columns

/** Entities kept per file (GLPI's « Entité » column): beyond, the file keeps none (`ParsedFile.entities`). */
const MAX_ENTITIES = 500;
const MAX_ENTITY_LENGTH = 300;

type Role =
  | "name"
  | "publisher"
  | "version"
  | "count"
  | "model"
  | "type"
  | "category"
  | "inventoryDate"
  | "computer"
  | "os"
  | "osVersion"
  | "entity";

/** Header labels (folded, punctuation as spaces) by role, in French and English, GLPI and OCS included. */
const HEADERS: Record<Role, string[]> = {
  name: [
    "nom",
    "name",
    "logiciel",
    "logiciels",
    "software",
    "softwares",
    "nom du logiciel",
    "nom logiciel",
    "software name",
    "logiciels nom",
    "softwares name",
    "software nom",
    "produit",
    "product",
    "product name",
    "nom du produit",
    "application",
    "applications",
    "nom de l application",
    "application name",
    "designation",
    "libelle",
    "display name",
    "displayname",
    "programme",
    "program",
    "programs",
    "intitule",
    "item",
  ],
  publisher: [
    "editeur",
    "editeurs",
    "publisher",
    "vendor",
    "editeur du logiciel",
    "logiciels editeur",
    "software publisher",
    "softwares publisher",
    "fabricant",
    "manufacturer",
    "constructeur",
    "fournisseur",
    "marque",
    "brand",
    "societe",
    "company",
    "editeur fabricant",
  ],
  version: [
    "version",
    "versions",
    "versions nom",
    "versions name",
    "version name",
    "numero de version",
    "logiciels version",
    "software version",
    "softwares version",
    "version standardisee",
    "firmware",
  ],
  count: [
    "nombre d installations",
    "number of installations",
    "installations",
    "nb installations",
    "nombre installations",
    "nombre",
    "nbre",
    "quantite",
    "quantity",
    "count",
    "nb",
    "total",
    "nombre de postes",
    "postes",
    "nb postes",
    "installs",
    "installation count",
    "occurrences",
    "nombre d ordinateurs",
    "ordinateurs",
    "computers",
    "devices",
  ],
  model: [
    "modele",
    "model",
    "modeles",
    "models",
    "modele nom",
    "model name",
    "modele de materiel",
    "hardware model",
    "reference modele",
  ],
  type: [
    "type",
    "types",
    "type de materiel",
    "hardware type",
    "device type",
    "type d equipement",
    "categorie de materiel",
  ],
  // The software's category (GLPI « Catégorie », OCS « Catégorie »): a hint for software the catalog lacks.
  category: [
    "categorie",
    "categories",
    "category",
    "categories name",
    "category name",
    "categorie nom",
    "categorie du logiciel",
    "categorie logiciel",
    "logiciels categorie",
    "logiciel categorie",
    "software category",
    "softwares category",
  ],
  // The computer a line is about, in a list of one line per computer and software (a reporting tool's or a hand-made
  // export); a plain « Nom » beside a software-name column is one too (`mapColumns`). « Ordinateurs » is a count.
  computer: [
    "ordinateur",
    "nom de l ordinateur",
    "nom ordinateur",
    "ordinateur nom",
    "computer",
    "computer name",
    "hostname",
    "nom d hote",
    "machine",
    "nom de la machine",
    "nom du poste",
    "poste de travail",
  ],
  // When a machine was last inventoried (a GLPI computer list's « Dernière mise à jour de l'inventaire », OCS's
  // « Dernier inventaire »): the newest one dates the export (`inventory-date.ts`). « Dernier contact » is not one.
  inventoryDate: [
    "dernier inventaire",
    "date du dernier inventaire",
    "date de dernier inventaire",
    "derniere mise a jour de l inventaire",
    "date de derniere mise a jour de l inventaire",
    "derniere date d inventaire",
    "last inventory",
    "last inventory date",
    "last inventory update",
    "lastdate",
  ],
  // A computer list's own operating system column (GLPI « Système d'exploitation - Nom »): read as one more software
  // of the computer (trial14 B12: Windows and Debian were missing from the map). Not « Versions - Système
  // d'exploitation », the platform of a software version in GLPI's software list.
  os: [
    "systeme d exploitation nom",
    "systeme d exploitation",
    "operating system name",
    "operating system",
    "os",
    "os nom",
    "os name",
  ],
  osVersion: [
    "systeme d exploitation version",
    "version du systeme d exploitation",
    "operating system version",
    "os version",
  ],
  // GLPI's « Entité » (« Entité racine > Communauté de communes > Siège »): which part of the parc a line is of, kept
  // with the file so that a later export of fewer entities is told apart from progress (trial18 F6).
  entity: ["entite", "entity", "entites", "entities"],
};
const HEADER_ROLES = new Map<string, Role>();
for (const role of Object.keys(HEADERS) as Role[])
  for (const label of HEADERS[role]) if (!HEADER_ROLES.has(label)) HEADER_ROLES.set(label, role);

const headerKey = (label: string) =>
  fold(decodeEntities(label))
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/**
 * Maps column indexes to roles; the first column of each role wins (« Version » before « Version standardisée »),
 * except that a software-name column (« Logiciels - Nom ») beats a plain « Nom », the computer's name in a GLPI
 * computer list.
 */
function mapColumns(header: string[]): Partial<Record<Role, number>> {
  const columns: Partial<Record<Role, number>> = {};
  let softwareName: number | undefined;
  header.forEach((label, index) => {
    const key = headerKey(label);
    let role = HEADER_ROLES.get(key);
    const software = /\blogiciels?\b|\bsoftwares?\b/.test(key);
    // Users add columns: "Nom du logiciel installé", "Logiciel - Nom"…
    if (
      !role &&
      software &&
      key.split(" ").length <= 5 &&
      !/version|editeur|publisher|nombre|number|date|licen|categ|comment|type|entit|\bid\b|lieu|location|statut|status/.test(
        key,
      )
    )
      role = "name";
    if (role === "name" && software && softwareName === undefined) softwareName = index;
    if (role && columns[role] === undefined) columns[role] = index;
  });
  if (softwareName !== undefined) {
    // The plain « Nom » a software-name column beats is the computer's (GLPI's computer list, a per-computer list).
    if (columns.name !== undefined && columns.name !== softwareName && columns.computer === undefined)
      columns.computer = columns.name;
    columns.name = softwareName;
  }
  return columns;
}

// ---------------------------------------------------------------------------------------------------------
// Delimited text (CSV, TSV, pasted lists)

const DELIMITERS = [";", ",", "\t", "|"];

/** Counts a character outside double quotes. */
function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n++;
  }
  return n;
}

/** The delimiter found the same number of times (give or take one, for trailing separators) on most first lines. */
export function sniffDelimiter(lines: string[]): string | null {
  let best: { d: string; score: number; count: number } | null = null;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const frequency = new Map<number, number>();
    for (const c of counts) if (c > 0) frequency.set(c, (frequency.get(c) ?? 0) + 1);
    if (!frequency.size) continue;
    const mode = [...frequency.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
    const score = counts.filter((c) => c > 0 && Math.abs(c - mode) <= 1).length / counts.length;
    if (!best || score > best.score || (score === best.score && mode > best.count)) best = { d, score, count: mode };
  }
  return best && best.score >= 0.5 ? best.d : null;
}

function parseDelimited(
  text: string,
  name: string,
  encoding: TextEncoding,
  caps: InventoryLimits,
): { file: ParsedFile; rows: InventoryRow[] } {
  const body = text.replace(/^\uFEFF/, "");
  const firstLines = body
    .split(/\r\n|\n|\r/, 40)
    .filter((l) => l.trim())
    .slice(0, 12);
  // Prose (a letter, a README) is not a list of software.
  if (looksLikeProse(firstLines)) throw notInventory(name, message("inventory.error.prose"));
  const delimiter = sniffDelimiter(firstLines);
  if (!delimiter) return parseList(body, name, encoding, caps);

  // Columns and cells are checked line by line, before a line's cells are kept.
  const checkRecord = (record: string[], line: number) => {
    if (record.length > caps.maxColumns) {
      throw limitError(
        "too_many_columns",
        "inventory.error.tooManyColumns",
        { file: name, line: int(line), count: int(record.length), max: int(caps.maxColumns) },
        400,
      );
    }
    for (let i = 0; i < record.length; i++) {
      if (record[i]!.length > caps.maxCellChars) {
        throw limitError(
          "cell_too_long",
          "inventory.error.cellTooLong",
          {
            file: name,
            line: int(line),
            column: int(i + 1),
            length: int(record[i]!.length),
            max: int(caps.maxCellChars),
          },
          400,
        );
      }
    }
  };
  for (let i = 0; i < firstLines.length; i++) {
    const count = countOutsideQuotes(firstLines[i]!, delimiter) + 1;
    if (count > caps.maxColumns)
      throw limitError(
        "too_many_columns",
        "inventory.error.tooManyColumns",
        { file: name, line: int(i + 1), count: int(count), max: int(caps.maxColumns) },
        400,
      );
  }
  let records: string[][];
  const lines: number[] = [];
  try {
    records = parseCsv(body, {
      delimiter,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
      max_record_size: caps.maxLineChars,
      on_record: (record: string[], info: { lines: number }) => {
        checkRecord(record, info.lines);
        lines.push(info.lines);
        return record;
      },
    }) as string[][];
  } catch (err) {
    if (err instanceof AppError) throw err;
    lines.length = 0;
    records = [];
    let n = 0;
    for (const l of body.split(/\r?\n/)) {
      n++;
      if (!l.trim()) continue;
      const record = splitLoose(l, delimiter);
      checkRecord(record, n);
      records.push(record);
      lines.push(n);
    }
  }
  // A title line ("Inventaire au 1er mars") has one cell: the header is the first line with two or more.
  const headerIndex = records.slice(0, 10).findIndex((r) => {
    if (r.filter((c) => c.trim()).length < 2) return false;
    const c = mapColumns(r);
    return c.name !== undefined || c.model !== undefined;
  });
  if (headerIndex < 0) {
    const found = (records[0] ?? [])
      .map((c) => c.trim())
      .filter(Boolean)
      .slice(0, 12);
    throw notInventory(
      name,
      message("inventory.error.noNameColumn", { columns: found.map((c) => `« ${c} »`).join(", ") || "aucune" }),
    );
  }
  const header = records[headerIndex]!;
  const columns = mapColumns(header);
  const rawHeader = firstLines[headerIndex] ?? "";
  const format = csvFormat(rawHeader, header, delimiter, encoding);
  // GLPI 10 writes an inner double quote as two single quotes.
  const clean = format === "glpi-csv-10" ? (v: string) => tidyCell(v.replaceAll("''", '"')) : tidyCell;

  const hardware = columns.model !== undefined;
  const rows: InventoryRow[] = [];
  let skipped = 0;
  const headerName = header[columns.name ?? columns.model!];
  const days: (string | null)[] = [];
  // A line identical in every cell to an earlier one of a GLPI or OCS per-name export (which writes one line per name,
  // entity and version) is the export's repetition, not other computers: counted once, and its name kept to say so
  // (trial 8: « Microsoft Teams classic » 60 twice made 120). A hand-made list may repeat a line for two sites: summed.
  const seenRecords = new Set<string>();
  const duplicates: string[] = [];
  const unreadableCounts: { line: number; value: string }[] = [];
  const entities = new Set<string>();
  const oneLinePerName = columns.count !== undefined && /^(glpi|ocs)-/.test(format);
  for (let r = headerIndex + 1; r < records.length; r++) {
    const record = records[r]!;
    if (oneLinePerName) {
      const whole = record.map((c) => c.trim()).join("\u0000");
      if (seenRecords.has(whole)) {
        const n = clean(record[columns.name ?? columns.model!] ?? "");
        if (n && !duplicates.includes(n)) duplicates.push(n);
        continue;
      }
      seenRecords.add(whole);
    }
    const cell = (role: Role) => {
      const i = columns[role];
      return i === undefined ? "" : clean(record[i] ?? "");
    };
    const nameCell = hardware ? cell("model") || cell("name") : cell("name");
    // A header repeated in the middle (two exports pasted together) is not a software.
    if (!nameCell || nameCell === headerName) {
      if (record.some((c) => c.trim())) skipped++;
      continue;
    }
    const names = splitMulti(nameCell);
    for (const n of names) checkName(n, name, lines[r] ?? r + 1, caps);
    if (columns.inventoryDate !== undefined) days.push(exportDay(cell("inventoryDate")));
    const entity = cell("entity");
    if (entity && entities.size <= MAX_ENTITIES) entities.add(entity.slice(0, MAX_ENTITY_LENGTH));
    const publishers = splitMulti(cell("publisher"));
    const versions = splitMulti(cell("version"));
    const countCell = columns.count === undefined ? null : cell("count");
    const count = countCell === null ? 1 : parseCount(countCell);
    if (countCell && !readableCount(countCell))
      unreadableCounts.push({ line: lines[r] ?? r + 1, value: countCell.slice(0, 40) });
    const hint = hardware ? hardwareHint(cell("type")) : softwareCategoryHint(cell("category"));
    // The computer named in its column (whatever other columns the export has: trial 12, B7), or several software
    // names in one cell: a row of a GLPI computer list, one computer. A count per line is no computer's.
    const computer = columns.count === undefined ? cell("computer") : "";
    const machine = computer
      ? `${name}#pc:${fold(computer)}`
      : names.length > 1 && columns.count === undefined
        ? `${name}#${r}`
        : undefined;
    // The computer's operating system, one more software of that computer (only on a row that is one computer's; named
    // twice on one computer, once, as GLPI Agent's).
    const os = machine && !hardware ? cell("os") : "";
    if (os) {
      checkName(os, name, lines[r] ?? r + 1, caps);
      const osVersion = cell("osVersion");
      rows.push({
        name: os,
        publisher: null,
        versions: osVersion ? [osVersion] : [],
        installations: 1,
        kind: "software",
        hint: "workstation",
        file: name,
        machine,
      });
    }
    names.forEach((n, i) => {
      const publisher = (publishers.length === names.length ? publishers[i] : publishers[0]) ?? null;
      rows.push({
        name: n,
        publisher: publisher || null,
        versions: names.length > 1 && versions.length === names.length ? [versions[i]!] : versions,
        installations: count,
        kind: hardware ? "hardware" : "software",
        hint,
        file: name,
        ...(machine ? { machine } : {}),
      });
    });
  }
  if (!rows.length) throw notInventory(name, message("inventory.error.noRows"));
  return {
    file: {
      name,
      format,
      encoding,
      delimiter,
      columns: Object.fromEntries(Object.entries(columns).map(([role, i]) => [role, (header[i] ?? "").trim()])),
      rows: rows.length,
      skipped,
      ...(duplicates.length ? { duplicates } : {}),
      ...(unreadableCounts.length ? { unreadableCounts } : {}),
      ...(columns.inventoryDate !== undefined ? { inventoryDate: newestDay(days) } : {}),
      // Beyond MAX_ENTITIES, none: a partial list would make entities look missing.
      ...(entities.size && entities.size <= MAX_ENTITIES ? { entities: [...entities].sort() } : {}),
    },
    rows,
  };
}

/** Recognises the exporter from the header line as written (quoted or not, trailing delimiter or not). */
function csvFormat(rawHeader: string, header: string[], delimiter: string, encoding: TextEncoding): InventoryFormat {
  const line = rawHeader.trim();
  const keys = header.map(headerKey).filter(Boolean);
  const trailing = line.endsWith(delimiter);
  const quoted = line.startsWith('"');
  if (keys.length === 2 && keys[0] === "nombre" && keys[1] === "logiciel") return "ocs-count-csv";
  const glpi = keys.some((k) =>
    /^(entite|entity|nombre d installations|number of installations|versions nom|versions name)$/.test(k),
  );
  if (quoted && trailing && (glpi || encoding === "utf-8-bom")) return "glpi-csv-10";
  if (quoted && glpi) return "glpi-csv-11";
  // OCS writes a trailing « ; »; a spreadsheet that saved the file again drops it, but « name » beside « nbre » is
  // OCS's own header either way.
  if (!quoted && trailing && keys.some((k) => /^(nbre|editeur|version standardisee|quantite)$/.test(k)))
    return "ocs-csv";
  if (!quoted && keys.includes("nbre") && keys.includes("name")) return "ocs-csv";
  return "csv";
}

/** Entities decoded, and quotes a broken export left around a value removed. */
function tidyCell(value: string): string {
  let v = decodeEntities(value).trim();
  if (v.length > 1 && v.startsWith('"') && v.endsWith('"')) v = v.slice(1, -1).replaceAll('""', '"').trim();
  else if (v.startsWith('"') && !v.slice(1).includes('"')) v = v.slice(1).trim();
  return v;
}

/** GLPI joins multiple values of a cell with <br> (or <hr>); its CSV export of GLPI 11, with a line break. */
function splitMulti(value: string): string[] {
  if (!value) return [];
  if (!/<[bh]r\s*\/?>|\n/i.test(value)) return [value];
  return value
    .split(/<[bh]r\s*\/?>|\r?\n/i)
    .map((v) => v.trim())
    .filter(Boolean);
}

/** "1 234", "42", "" → numbers; an unreadable count counts as one installation. */
function parseCount(value: string): number {
  return readableCount(value) ? Number(value.replace(/[\s\u00a0\u202f.]/g, "")) : 1;
}

/** Whether a count cell holds a whole number (with thousands separators). */
function readableCount(value: string): boolean {
  return /^\d+$/.test(value.replace(/[\s\u00a0\u202f.]/g, ""));
}

const NETWORK_TYPE =
  /switch|commutateur|rout|firewall|pare[- ]?feu|borne|access point|point d.acces|wifi|wi-fi|network|reseau|networking|passerelle|gateway|load ?balancer|modem/;
const COMPUTER_TYPE = /ordinateur|computer|portable|laptop|notebook|desktop|poste|station|tablette|tablet|\bpc\b/;

function hardwareHint(type: string): Category | null {
  const t = fold(type);
  if (!t) return null;
  if (NETWORK_TYPE.test(t)) return "network";
  if (COMPUTER_TYPE.test(t)) return "workstation";
  return null;
}

/** A line split on the delimiter, quotes removed: the fallback when a file's quoting is broken. */
function splitLoose(line: string, delimiter: string): string[] {
  return line.split(delimiter).map((c) => c.trim().replace(/^"(.*)"$/, "$1"));
}

/** Sentences of a dozen words or more, without the separators of a table. */
function looksLikeProse(lines: string[]): boolean {
  const sentences = lines.filter((l) => {
    if ((l.match(/[;\t|]/g)?.length ?? 0) >= 2 || (l.match(/,/g)?.length ?? 0) >= 4) return false;
    return l.split(/\s+/).length >= 12 && /[a-zà-ÿ][.!?](\s+[A-ZÀ-Ý]|\s*$)/.test(l);
  });
  return sentences.length > 0 && sentences.length >= lines.length * 0.3;
}

/**
 * A line of encoded or random data: 20 characters or more of the base64 alphabet with no space nor dot, mixing
 * capitals, small letters and digits (« O/qDEllT34dsJlsoES4qzNU/rpp+… »). Names without a space stay names:
 * « libreoffice-writer » has no capital, « Microsoft.VCLibs.140.00.UWPDesktop » has dots.
 */
const isNoise = (line: string) =>
  line.length >= 20 && /^[A-Za-z0-9+/=_-]+$/.test(line) && /[A-Z]/.test(line) && /[a-z]/.test(line) && /\d/.test(line);

/** Words of a sentence no software name holds as a word of its own (`i18n/fr/inventory-prose-words.txt`). */
const PROSE_WORDS: ReadonlySet<string> = new Set(wordListEntries("inventory-prose-words.txt"));

/**
 * Half the lines or more are sentences: three words or more, one of them a word of a sentence (a pronoun, a form of
 * « être » or « avoir »): « ceci est une liste de courses », « nous avons installé Zoom ».
 */
function looksLikeSentences(lines: string[]): boolean {
  const sentences = lines.filter((l) => {
    const words = fold(l)
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    return words.length >= 3 && words.some((w) => PROSE_WORDS.has(w));
  });
  return sentences.length > 0 && sentences.length >= lines.length * 0.5;
}

/** One name per line (a column pasted from a spreadsheet), an optional header line first. */
function parseList(
  body: string,
  name: string,
  encoding: TextEncoding,
  caps: InventoryLimits,
): { file: ParsedFile; rows: InventoryRow[] } {
  const lines = body
    .split(/\r?\n/)
    .map((l) =>
      decodeEntities(
        l
          .trim()
          .replace(/^"(.*)"$/, "$1")
          .trim(),
      ),
    )
    .filter(Boolean);
  if (!lines.length) throw new AppError("empty_file", message("inventory.error.empty", { file: name }));
  if (lines.filter((l) => l.length > 150).length > lines.length * 0.2)
    throw notInventory(name, message("inventory.error.prose"));
  // Encoded or random data (base64 lines): not names, whatever their number (trial6 B10).
  const sample = lines.slice(0, 500);
  if (sample.filter(isNoise).length > sample.length * 0.5) throw notInventory(name, message("inventory.error.noise"));
  // Sentences (« ceci est une liste de courses »), not names: refused, never a saved map (trial 13, B7).
  if (looksLikeSentences(sample)) throw notInventory(name, message("inventory.error.sentences"));
  lines.forEach((l, i) => checkName(l, name, i + 1, caps));
  const hasHeader = HEADER_ROLES.get(headerKey(lines[0]!)) === "name";
  const rows = lines.slice(hasHeader ? 1 : 0).map<InventoryRow>((n) => ({
    name: n,
    publisher: null,
    versions: [],
    installations: 1,
    kind: "software",
    hint: null,
    file: name,
  }));
  if (!rows.length) throw notInventory(name, message("inventory.error.noRows"));
  return {
    file: {
      name,
      format: "list",
      encoding,
      delimiter: null,
      columns: hasHeader ? { name: lines[0]! } : {},
      rows: rows.length,
      skipped: 0,
    },
    rows,
  };
}

// ---------------------------------------------------------------------------------------------------------
// JSON: GLPI native inventory (what GLPI Agent sends) or a list of objects

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null =>
  typeof v === "string" && v.trim() ? decodeEntities(v).trim() : typeof v === "number" ? String(v) : null;

function parseJson(
  text: string,
  name: string,
  encoding: TextEncoding,
  caps: InventoryLimits,
): { file: ParsedFile; rows: InventoryRow[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    // V8's message is English and quotes the file: only the position is kept, in French.
    throw notInventory(name, jsonSyntaxDetail(text, (err as Error).message));
  }
  const documents = Array.isArray(value) ? value : [value];
  const rows: InventoryRow[] = [];
  let format: InventoryFormat = "glpi-json";
  const inventories = documents.filter((d) => isObject(d) && (isObject(d.content) || Array.isArray(d.softwares)));
  let inventoryDate: string | null | undefined;
  const tags = new Set<string>();
  if (inventories.length) {
    for (const [i, doc] of inventories.entries())
      glpiRows(doc as Json, name, rows, str((doc as Json).deviceid) ?? `${name}#${i}`);
    // GLPI Agent writes when it ran in `accesslog.logdate` (« 2020-06-12 14:19:54 »): the newest dates the file.
    inventoryDate = newestDay(inventories.map((d) => logDate(d as Json)));
    // Its `tag` (`glpi-agent --tag`), the poste's entity in GLPI: kept like an OCS agent's TAG.
    for (const d of inventories) {
      const t = entityTag(str((d as Json).tag));
      if (t && tags.size <= MAX_ENTITIES) tags.add(t);
    }
  } else if (Array.isArray(value) && value.every(isObject)) {
    format = "json-list";
    if (value.length > caps.maxRows)
      throw limitError("too_many_rows", "inventory.error.tooManyRows", { max: int(caps.maxRows) }, 413);
    for (const entry of value as Json[]) {
      const keys = Object.keys(entry);
      if (keys.length > caps.maxColumns)
        throw limitError(
          "too_many_columns",
          "inventory.error.tooManyColumns",
          { file: name, line: int(rows.length + 1), count: int(keys.length), max: int(caps.maxColumns) },
          400,
        );
      const columns = mapColumns(keys);
      const get = (role: Role) => (columns[role] === undefined ? null : str(entry[keys[columns[role]]!]));
      const n = get("model") ?? get("name");
      if (!n) continue;
      rows.push({
        name: n,
        publisher: get("publisher"),
        versions: get("version") ? [get("version")!] : [],
        installations: columns.count === undefined ? 1 : parseCount(get("count") ?? ""),
        kind: columns.model !== undefined ? "hardware" : "software",
        hint: columns.model !== undefined ? hardwareHint(get("type") ?? "") : softwareCategoryHint(get("category")),
        file: name,
      });
    }
  }
  if (!rows.length) throw notInventory(name, message("inventory.error.jsonShape"));
  if (rows.length > caps.maxRows)
    throw limitError("too_many_rows", "inventory.error.tooManyRows", { max: int(caps.maxRows) }, 413);
  rows.forEach((r, i) => checkName(r.name, name, i + 1, caps));
  return {
    file: {
      name,
      format,
      encoding,
      delimiter: null,
      columns: {},
      rows: rows.length,
      skipped: 0,
      ...(inventoryDate !== undefined ? { inventoryDate } : {}),
      ...(tags.size && tags.size <= MAX_ENTITIES ? { entities: [...tags].sort() } : {}),
    },
    rows,
  };
}

/**
 * An OCS Inventory agent's XML of one poste (`ocsinventory-agent --local`: `<REQUEST><CONTENT><ACCESSLOG>`, `<HARDWARE>`, then one
 * `<SOFTWARES>` per software), read like a GLPI Agent inventory: it names the poste, so a product's several names on
 * it count once (trial14 B7: it was refused with a message about GLPI).
 */
function parseOcsXml(
  text: string,
  name: string,
  encoding: TextEncoding,
  caps: InventoryLimits,
): { file: ParsedFile; rows: InventoryRow[] } {
  const tag = (block: string, t: string) => {
    const m = new RegExp(`<${t}>([\\s\\S]*?)</${t}>`, "i").exec(block);
    const v = m ? decodeEntities(m[1]!.replace(/^<!\[CDATA\[|\]\]>$/g, "")).trim() : "";
    return v || null;
  };
  const hardware = /<HARDWARE>([\s\S]*?)<\/HARDWARE>/i.exec(text)?.[1] ?? "";
  const softwares = [...text.matchAll(/<SOFTWARES>([\s\S]*?)<\/SOFTWARES>/gi)].map((m) => m[1]!);
  if (softwares.length > caps.maxRows)
    throw limitError("too_many_rows", "inventory.error.tooManyRows", { max: int(caps.maxRows) }, 413);
  const host = tag(hardware, "NAME") ?? tag(text, "DEVICEID");
  const doc: Json = {
    content: {
      softwares: softwares.map((b) => ({
        name: tag(b, "NAME"),
        publisher: tag(b, "PUBLISHER"),
        version: tag(b, "VERSION"),
      })),
      ...(tag(hardware, "OSNAME") ? { operatingsystem: { full_name: tag(hardware, "OSNAME") } } : {}),
    },
  };
  const rows: InventoryRow[] = [];
  glpiRows(doc, name, rows, host ? `${name}#pc:${fold(host)}` : `${name}#0`);
  if (!rows.length) throw notInventory(name, message("inventory.error.markup"));
  rows.forEach((r, i) => checkName(r.name, name, i + 1, caps));
  // The agent writes the inventory's time in `<ACCESSLOG><LOGDATE>` (UnixAgent and WindowsAgent `setAccessLog`);
  // `LASTDATE` is a column the OCS server fills, kept for XMLs exported with it (trial23 T-M12: agent files undated).
  const accessLog = /<ACCESSLOG>([\s\S]*?)<\/ACCESSLOG>/i.exec(text)?.[1] ?? "";
  const lastDate = tag(accessLog, "LOGDATE") ?? tag(hardware, "LASTDATE");
  // The agent's TAG (`ocsinventory-agent --tag=…`: `<ACCOUNTINFO><KEYNAME>TAG</KEYNAME><KEYVALUE>Médiathèque`),
  // which OCS and GLPI use as the poste's entity: kept like GLPI's « Entité », so that a later inventory without
  // that part of the parc is told apart from progress (trial19: entities were read from GLPI CSV only).
  const tags = [...text.matchAll(/<ACCOUNTINFO>([\s\S]*?)<\/ACCOUNTINFO>/gi)]
    .filter((m) => tag(m[1]!, "KEYNAME")?.toUpperCase() === "TAG")
    .map((m) => entityTag(tag(m[1]!, "KEYVALUE")))
    .filter((t): t is string => !!t);
  return {
    file: {
      name,
      format: "ocs-xml",
      encoding,
      delimiter: null,
      columns: {},
      rows: rows.length,
      skipped: 0,
      ...(lastDate ? { inventoryDate: exportDay(lastDate) } : {}),
      ...(tags.length ? { entities: [...new Set(tags)].sort() } : {}),
    },
    rows,
  };
}

/**
 * An agent's tag as an entity: trimmed and cut like GLPI's « Entité »; none when empty or OCS's « NA » (the server's
 * « no tag » value).
 */
function entityTag(value: string | null): string | null {
  const v = value?.trim();
  if (!v || v.toUpperCase() === "NA") return null;
  return v.slice(0, MAX_ENTITY_LENGTH);
}

/** `content.accesslog.logdate` of a GLPI inventory document, as a day. */
function logDate(doc: Json): string | null {
  const content = isObject(doc.content) ? doc.content : doc;
  const log = isObject(content.accesslog) ? content.accesslog : null;
  return log ? exportDay(str(log.logdate)) : null;
}

/** « le JSON est illisible (erreur de syntaxe ligne 3, colonne 12) », from V8's position when it gives one. */
function jsonSyntaxDetail(text: string, v8Message: string): string {
  const at = jsonErrorPosition(text, v8Message);
  if (at < 0) return message("inventory.error.json");
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return message("inventory.error.jsonAt", { line: int(line), column: int(at - lineStart + 1) });
}

/**
 * Where V8's JSON.parse stopped: « at position N », or worked out from the 10 characters of context it quotes
 * on each side of an unexpected token (« Unexpected token ']', ..."u maire"},]}}" is not valid JSON »).
 */
function jsonErrorPosition(text: string, v8Message: string): number {
  const position = /position (\d+)/.exec(v8Message);
  if (position) return Number(position[1]);
  if (/Unexpected end of JSON input|Unterminated/.test(v8Message)) return text.length;
  const m = /^Unexpected token '([\s\S])', (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON$/.exec(v8Message);
  if (!m) return -1;
  const [, token, before, excerpt, after] = m as unknown as [
    string,
    string,
    string | undefined,
    string,
    string | undefined,
  ];
  if (before && after) {
    const start = text.indexOf(excerpt);
    return start < 0 ? -1 : start + 10;
  }
  if (after) return excerpt.length - 10;
  if (before) return text.length - excerpt.length + 10;
  return text.indexOf(token);
}

/** One computer (or network device) of the GLPI inventory format: its software, its OS, its model. */
function glpiRows(doc: Json, file: string, rows: InventoryRow[], machine: string) {
  const content = isObject(doc.content) ? doc.content : doc;
  const softwares = Array.isArray(content.softwares) ? content.softwares : [];
  for (const s of softwares) {
    if (!isObject(s)) continue;
    const n = str(s.name);
    if (!n) continue;
    rows.push({
      name: n,
      publisher: str(s.publisher),
      versions: str(s.version) ? [str(s.version)!] : [],
      installations: 1,
      kind: "software",
      hint: null,
      file,
      machine,
    });
  }
  const os = isObject(content.operatingsystem) ? content.operatingsystem : null;
  const osName = os ? (str(os.full_name) ?? str(os.name)) : null;
  if (osName)
    rows.push({
      name: osName,
      publisher: null,
      versions: os && str(os.version) ? [str(os.version)!] : [],
      installations: 1,
      kind: "software",
      hint: "workstation",
      file,
      // The computer too: an agent that also lists the OS among its software names it twice on one PC, counted once
      // (trial 8: « Windows 11 : 6 installations » on 3 PCs).
      machine,
    });
  const bios = isObject(content.bios) ? content.bios : null;
  const hardware = isObject(content.hardware) ? content.hardware : null;
  const model = bios ? (str(bios.smodel) ?? str(bios.mmodel)) : null;
  if (bios && model) {
    const virtual = hardware && str(hardware.vmsystem) && str(hardware.vmsystem) !== "Physical";
    rows.push({
      name: model,
      publisher: str(bios.smanufacturer) ?? str(bios.mmanufacturer),
      versions: [],
      installations: 1,
      kind: "hardware",
      hint: virtual ? "virtualization" : "workstation",
      file,
      host: true,
    });
  }
  const device = isObject(content.network_device) ? content.network_device : null;
  if (device && (str(device.model) ?? str(device.name))) {
    rows.push({
      name: (str(device.model) ?? str(device.name))!,
      publisher: str(device.manufacturer),
      versions: str(device.firmware) ? [str(device.firmware)!] : [],
      installations: 1,
      kind: "hardware",
      hint: device.type === "Networking" ? "network" : hardwareHint(str(device.type) ?? ""),
      file,
    });
  }
}
