/**
 * PDF export with pdfkit: headings, lists, tables, citations as endnotes, as a tagged PDF (a structure tree of
 * headings, paragraphs, lists and tables in reading order, page furniture marked as artifacts, the document's
 * language and title) that screen readers can follow. The fonts are DejaVu Sans (the `dejavu-fonts-ttf` package),
 * embedded as subsets: names in other scripts (Яндекс, Ελλάδα) and signs (≥, →, ⚠) print as written. Where the
 * font files cannot be read, the export falls back to pdfkit's standard Helvetica, whose WinAnsi encoding covers
 * French; other characters are then mapped to a close equivalent by `toWinAnsi`, so nothing is silently garbled.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import PDFDocument from "pdfkit";
import { message } from "../i18n/messages.ts";
import { type Block, type DocumentModel, type Inline, inlineText } from "./model.ts";

/** Characters outside Latin-1 that WinAnsi (CP1252) still has. */
const WINANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
const REPLACEMENTS: Record<string, string> = {
  "\u202f": "\u00a0",
  "\u2009": " ",
  "\u2007": " ",
  "\u200b": "",
  "\u2011": "-",
  "\u2010": "-",
  "\u2212": "-",
  "\u2192": "->",
  "\u2190": "<-",
  "\u2264": "<=",
  "\u2265": ">=",
  "\u2248": "~",
  "\u2260": "!=",
  "\u26a0": "(!)",
  "\u2713": "v",
  "\u2717": "x",
  "\u2022": "•",
};

/** Maps a text to what Helvetica can print: WinAnsi as is, accents kept where possible, anything else to « ? ». */
export function toWinAnsi(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (REPLACEMENTS[ch] !== undefined) out += REPLACEMENTS[ch];
    else if ((code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || WINANSI_EXTRA.has(ch) || ch === "\n")
      out += ch;
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += code === 0x09 ? " " : "";
    else {
      const folded = ch.normalize("NFD").replace(/\p{M}/gu, "");
      out += folded && [...folded].every((c) => c.codePointAt(0)! < 0x100) ? folded : "?";
    }
  }
  return out;
}

const STANDARD_FONTS = {
  regular: "Helvetica",
  bold: "Helvetica-Bold",
  italic: "Helvetica-Oblique",
  boldItalic: "Helvetica-BoldOblique",
};
/** The names fonts are registered under in each document (DejaVu) or the standard ones (fallback). */
const FONTS = { regular: "regular", bold: "bold", italic: "italic", boldItalic: "boldItalic" };
const DEJAVU_FILES = {
  regular: "DejaVuSans.ttf",
  bold: "DejaVuSans-Bold.ttf",
  italic: "DejaVuSans-Oblique.ttf",
  boldItalic: "DejaVuSans-BoldOblique.ttf",
};

type FontSet = Record<keyof typeof FONTS, Buffer | string>;
let fontSet: FontSet | undefined;

/** DejaVu Sans read once per process (≈2.7 MB, only when a PDF is first asked for); Helvetica if unreadable. */
function fonts(): FontSet {
  if (fontSet) return fontSet;
  try {
    const dir = path.join(path.dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
    fontSet = Object.fromEntries(
      Object.entries(DEJAVU_FILES).map(([k, file]) => [k, readFileSync(path.join(dir, file))]),
    ) as FontSet;
  } catch {
    fontSet = { ...STANDARD_FONTS };
  }
  return fontSet;
}

/** Whether this process embeds DejaVu (false: the Helvetica fallback). */
export function embedsFonts(): boolean {
  return typeof fonts().regular !== "string";
}

/** A text as the document's font can print it: as is with DejaVu, else `toWinAnsi` (set by `toPdf`). */
let printable: (text: string) => string = toWinAnsi;

/**
 * What DejaVu can print of a text: each character it has a glyph for as is, control characters dropped, others
 * without their accents if that gives printable letters, else « ? » (DejaVu has no Chinese, for one).
 */
function glyphsOf(pdf: Doc): (text: string) => string {
  pdf.font(FONTS.regular);
  const font = (pdf as unknown as { _font: { font?: { hasGlyphForCodePoint(cp: number): boolean } } })._font.font;
  if (!font) return toWinAnsi;
  const has = (ch: string) => font.hasGlyphForCodePoint(ch.codePointAt(0)!);
  const known = new Map<string, string>();
  const map = (ch: string) => {
    const code = ch.codePointAt(0)!;
    if (ch === "\n") return ch;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return code === 0x09 ? " " : "";
    if (has(ch)) return ch;
    const folded = ch.normalize("NFD").replace(/\p{M}/gu, "");
    return folded && [...folded].every(has) ? folded : (REPLACEMENTS[ch] ?? "?");
  };
  return (text) => {
    let out = "";
    for (const ch of text) {
      let mapped = known.get(ch);
      if (mapped === undefined) known.set(ch, (mapped = map(ch)));
      out += mapped;
    }
    return out;
  };
}
const COLORS = {
  text: "#1a1a1a",
  heading: "#1f3864",
  muted: "#595959",
  flag: "#9c0006",
  border: "#7f7f7f",
  banner: "#fff2cc",
  bannerBorder: "#bf8f00",
  headerFill: "#e7ecf5",
};

type Doc = InstanceType<typeof PDFDocument>;

export interface Run {
  text: string;
  font: string;
  color: string;
  size: number;
}

/**
 * A figure is never split across two lines: the space inside « 80 000 » and before « % » or « € » becomes a no-break
 * space (a trial read « comptait 80 / 000 postes » in an exported conversation, 2026-12-06).
 */
export function keepFiguresTogether(text: string): string {
  return text.replace(/(\d) (?=\d{3}(?!\d)|%|€)/g, "$1\u00a0");
}

/**
 * A mark is never split by a line break nor spread by justification: its inner spaces become no-break spaces
 * (« [7 : citation invalide] » was printed « [7 » … « : » … « citation invalide] » in a justified line, trial26 T-H5).
 */
export function keepMarkTogether(text: string): string {
  return text.replace(/\[[^\]\n]{1,80}\]/g, (mark) => mark.replace(/ /g, "\u00a0"));
}

function toRuns(list: Inline[], size: number, italicAll = false): Run[] {
  return list.map((i) => {
    if (i.kind === "break") return { text: "\n", font: FONTS.regular, color: COLORS.text, size };
    if (i.kind === "note")
      return { text: `[${i.note.n}]`, font: FONTS.regular, color: COLORS.heading, size: size - 2.5 };
    const italic = i.italic || italicAll;
    const font = i.bold && italic ? FONTS.boldItalic : i.bold ? FONTS.bold : italic ? FONTS.italic : FONTS.regular;
    const text = keepFiguresTogether(i.flagged ? keepMarkTogether(i.text) : i.text);
    return { text: printable(text), font, color: i.flagged ? COLORS.flag : COLORS.text, size };
  });
}

/**
 * How a body paragraph is aligned: justified, but for a paragraph all in bold (a letter's « Objet : … » line) or one
 * that fits on a single line, left-aligned — justifying the first of two lines of a few words opens wide gaps.
 */
export function paragraphAlign<R extends Pick<Run, "text" | "font">>(
  runs: R[],
  width: number,
  measure: (run: R) => number,
): "left" | "justify" {
  const text = runs.filter((r) => r.text.trim() && r.text !== "\n");
  if (text.length && text.every((r) => r.font === FONTS.bold || r.font === FONTS.boldItalic)) return "left";
  if (runs.some((r) => r.text === "\n")) return "justify";
  return runs.reduce((w, r) => w + measure(r), 0) <= width ? "left" : "justify";
}

/** Writes runs as one flowing paragraph starting at (x, current y), wrapping within `width`; breaks start new lines. */
function writeRuns(
  doc: Doc,
  runs: Run[],
  x: number,
  width: number,
  options: { align?: "left" | "justify" | "right"; gap?: number } = {},
) {
  // pdfkit mishandles newlines between continued runs: each line of the paragraph is written on its own.
  const lines: Run[][] = [[]];
  for (const r of runs) {
    if (r.text === "\n") lines.push([]);
    else if (r.text.length > 0) lines.at(-1)!.push({ ...r });
  }
  lines.forEach((line, k) => {
    const last = k === lines.length - 1;
    if (line.length === 0) {
      if (!last) doc.y += doc.currentLineHeight(true);
      return;
    }
    // Within a line, a continued run loses its leading space: carry it at the end of the previous run.
    for (let i = 1; i < line.length; i++) {
      const lead = /^[ \u00a0]+/.exec(line[i]!.text);
      if (lead) {
        line[i - 1]!.text += lead[0];
        line[i]!.text = line[i]!.text.slice(lead[0].length);
      }
    }
    const parts = line.filter((r) => r.text.length > 0);
    parts.forEach((r, i) => {
      doc.font(r.font).fontSize(r.size).fillColor(r.color);
      const end = i === parts.length - 1;
      const opts = {
        width,
        continued: !end,
        align: last ? (options.align ?? "left") : "left",
        lineGap: 1.5,
        paragraphGap: end && last ? (options.gap ?? 6) : 0,
      };
      if (i === 0) doc.text(r.text, x, doc.y, opts);
      else doc.text(r.text, opts);
    });
  });
  doc.x = x;
}

function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

type Struct = ReturnType<Doc["struct"]>;

/** Adds a structure element whose content is what `draw` writes (run at once: the parent is attached). */
function tag(doc: Doc, parent: Struct, type: string, draw: () => void) {
  parent.add(doc.struct(type, {}, draw));
}

/** Drawing that is not content (rules, cell borders, backgrounds, page numbers): screen readers skip it. */
function artifact(doc: Doc, draw: () => void, type: "Layout" | "Pagination" = "Layout") {
  doc.markContent("Artifact", { type });
  draw();
  doc.endMarkedContent();
}

function table(doc: Doc, parent: Struct, b: Extract<Block, { kind: "table" }>, left: number, width: number) {
  const columns = b.header.length;
  const texts = [b.header, ...b.rows].map((r) => r.map((c) => printable(inlineText(c))));
  const padding = 4;
  const size = 8.5;
  // Column widths follow content length, with a floor so short columns stay readable, and never below the longest
  // word of the column (« Installations », « décembre »: a word is not broken inside).
  const weights = Array.from({ length: columns }, (_, k) =>
    Math.max(8, Math.min(60, Math.max(...texts.map((r) => (r[k] ?? "").length)))),
  );
  const floors = Array.from({ length: columns }, (_, k) =>
    Math.max(
      ...texts.map((r, i) => {
        doc.font(i === 0 ? FONTS.bold : FONTS.regular).fontSize(size);
        return Math.max(0, ...(r[k] ?? "").split(/\s+/).map((w) => doc.widthOfString(w))) + 2 * padding + 1;
      }),
    ),
  );
  const widths = columnWidths(weights, floors, width);
  const rowHeight = (row: string[], header: boolean) =>
    Math.max(
      ...row.map((t, k) =>
        doc
          .font(header ? FONTS.bold : FONTS.regular)
          .fontSize(size)
          .heightOfString(t || " ", { width: widths[k]! - 2 * padding }),
      ),
    ) +
    2 * padding;
  const structure = doc.struct("Table");
  parent.add(structure);
  const cellText = (t: string, x: number, y: number, w: number, header: boolean) =>
    doc
      .font(header ? FONTS.bold : FONTS.regular)
      .fontSize(size)
      .fillColor(COLORS.text)
      .text(t, x + padding, y + padding, { width: w - 2 * padding, lineGap: 0.5 });
  // `repeated`: the header drawn again at the top of a new page, a visual aid only (an artifact).
  const drawRow = (row: string[], header: boolean, repeated = false) => {
    const h = rowHeight(row, header);
    // The header never stays alone at the foot of a page: it goes down with the first row.
    const next = header && !repeated && texts[1] ? rowHeight(texts[1], false) : 0;
    if (doc.y + h + next > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (!header) drawRow(texts[0]!, true, true);
    }
    const y = doc.y;
    artifact(doc, () => {
      let x = left;
      row.forEach((_, k) => {
        const w = widths[k]!;
        if (header) doc.rect(x, y, w, h).fill(COLORS.headerFill);
        doc.lineWidth(0.5).strokeColor(COLORS.border).rect(x, y, w, h).stroke();
        x += w;
      });
    });
    let x = left;
    if (repeated)
      artifact(doc, () => {
        row.forEach((t, k) => {
          cellText(t, x, y, widths[k]!, true);
          x += widths[k]!;
        });
      });
    else {
      const tr = doc.struct("TR");
      structure.add(tr);
      row.forEach((t, k) => {
        const w = widths[k]!;
        const cx = x;
        tag(doc, tr, header ? "TH" : "TD", () => cellText(t, cx, y, w, header));
        x += w;
      });
      tr.end();
    }
    doc.x = left;
    doc.y = y + h;
  };
  texts.forEach((row, i) => drawRow(row, i === 0));
  structure.end();
  doc.y += 8;
}

/**
 * Widths of a table's columns within `width`: in proportion to `weights`, each at least its floor (its longest
 * word), the room a floor takes being given back by the columns wider than theirs. When the floors alone exceed the
 * width, they share it in proportion (a word then breaks, as it must).
 */
export function columnWidths(weights: number[], floors: number[], width: number): number[] {
  const floorsTotal = floors.reduce((a, b) => a + b, 0);
  if (floorsTotal >= width) return floors.map((f) => (f / floorsTotal) * width);
  const fixed = new Set<number>();
  for (;;) {
    const free = width - [...fixed].reduce((a, k) => a + floors[k]!, 0);
    const weight = weights.reduce((a, w, k) => (fixed.has(k) ? a : a + w), 0);
    const widths = weights.map((w, k) => (fixed.has(k) ? floors[k]! : (w / weight) * free));
    const under = widths.findIndex((w, k) => !fixed.has(k) && w < floors[k]!);
    if (under < 0) return widths;
    fixed.add(under);
  }
}

/** Heading levels below the document's title (its H1): a level-1 section heading is an H2. */
const headingTag = (level: number) => `H${Math.min(6, level + 1)}`;

function block(doc: Doc, parent: Struct, b: Block, left: number, width: number) {
  switch (b.kind) {
    case "heading": {
      const size = b.level === 1 ? 13.5 : 11.5;
      ensureSpace(doc, size * 4);
      doc.y += b.level === 1 ? 8 : 4;
      tag(doc, parent, headingTag(b.level), () =>
        writeRuns(
          doc,
          toRuns(b.inlines, size).map((r) => ({ ...r, font: FONTS.bold, color: COLORS.heading })),
          left,
          width,
          { gap: 5 },
        ),
      );
      break;
    }
    case "list": {
      const list = doc.struct("L");
      parent.add(list);
      b.items.forEach((item, i) => {
        ensureSpace(doc, 28);
        const y = doc.y;
        const li = doc.struct("LI");
        list.add(li);
        tag(doc, li, "Lbl", () =>
          doc
            .font(FONTS.regular)
            .fontSize(10.5)
            .fillColor(COLORS.text)
            .text(b.ordered ? `${i + 1}.` : "•", left + 4, y, { width: 16, lineBreak: false }),
        );
        doc.y = y;
        tag(doc, li, "LBody", () => writeRuns(doc, toRuns(item, 10.5), left + 20, width - 20, { gap: 3 }));
        li.end();
      });
      list.end();
      doc.y += 4;
      break;
    }
    case "table":
      table(doc, parent, b, left, width);
      break;
    case "paragraph":
      switch (b.style) {
        case "title":
          tag(doc, parent, "H1", () =>
            writeRuns(
              doc,
              toRuns(b.inlines, 20).map((r) => ({ ...r, font: FONTS.bold, color: COLORS.heading })),
              left,
              width,
              { gap: 4 },
            ),
          );
          break;
        case "subtitle":
          tag(doc, parent, "P", () =>
            writeRuns(
              doc,
              toRuns(b.inlines, 15).map((r) => ({ ...r, color: "#2f5496" })),
              left,
              width,
              { gap: 4 },
            ),
          );
          break;
        case "meta": {
          tag(doc, parent, "P", () =>
            writeRuns(
              doc,
              toRuns(b.inlines, 9.5).map((r) => ({ ...r, color: COLORS.muted })),
              left,
              width,
              { gap: 4 },
            ),
          );
          artifact(doc, () =>
            doc
              .lineWidth(0.5)
              .strokeColor(COLORS.border)
              .moveTo(left, doc.y)
              .lineTo(left + width, doc.y)
              .stroke(),
          );
          doc.y += 12;
          break;
        }
        case "right":
          tag(doc, parent, "P", () =>
            writeRuns(doc, toRuns(b.inlines, 10.5), left + width * 0.52, width * 0.48, { gap: 14 }),
          );
          break;
        case "sender":
          tag(doc, parent, "P", () => writeRuns(doc, toRuns(b.inlines, 10.5), left, width * 0.5, { gap: 18 }));
          break;
        case "banner": {
          const runs = toRuns(b.inlines, 9.5);
          const text = runs.map((r) => r.text).join("");
          const h =
            doc
              .font(FONTS.bold)
              .fontSize(9.5)
              .heightOfString(text, { width: width - 16 }) + 12;
          ensureSpace(doc, h);
          const y = doc.y;
          artifact(doc, () =>
            doc.lineWidth(0.75).rect(left, y, width, h).fillAndStroke(COLORS.banner, COLORS.bannerBorder),
          );
          doc.y = y + 6;
          tag(doc, parent, "P", () => writeRuns(doc, runs, left + 8, width - 16, { gap: 0 }));
          doc.y = y + h + 8;
          break;
        }
        case "quote": {
          ensureSpace(doc, 30);
          const y = doc.y;
          tag(doc, parent, "BlockQuote", () =>
            writeRuns(
              doc,
              toRuns(b.inlines, 9.5, true).map((r) => ({
                ...r,
                color: r.color === COLORS.text ? "#404040" : r.color,
              })),
              left + 18,
              width - 30,
              { gap: 0 },
            ),
          );
          artifact(doc, () =>
            doc
              .lineWidth(1.5)
              .strokeColor("#a6a6a6")
              .moveTo(left + 10, y)
              .lineTo(left + 10, doc.y)
              .stroke(),
          );
          doc.y += 7;
          break;
        }
        default:
          ensureSpace(doc, 24);
          tag(doc, parent, "P", () => {
            const runs = toRuns(b.inlines, 10.5);
            const measure = (r: Run) => doc.font(r.font).fontSize(r.size).widthOfString(r.text);
            writeRuns(doc, runs, left, width, { align: paragraphAlign(runs, width, measure), gap: 7 });
          });
      }
  }
}

/** The document as a tagged PDF file (A4), citations as numbered endnotes. */
export function toPdf(doc: DocumentModel): Promise<Uint8Array> {
  const title = `${doc.title} — ${doc.collectivite}`;
  const set = fonts();
  const embedded = typeof set.regular !== "string";
  const pdf = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 60, left: 62, right: 62 },
    bufferPages: true,
    pdfVersion: "1.7",
    tagged: true,
    displayTitle: true,
    lang: "fr-FR",
    info: {
      Title: embedded ? title : toWinAnsi(title),
      Author: "Cap Libre",
      Creator: "Cap Libre",
      CreationDate: new Date(doc.createdAt),
    },
  });
  for (const [name, font] of Object.entries(set)) pdf.registerFont(name, font as never);
  printable = embedded ? glyphsOf(pdf) : toWinAnsi;
  const chunks: Buffer[] = [];
  pdf.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on("error", reject);
  });
  const left = pdf.page.margins.left;
  const width = pdf.page.width - left - pdf.page.margins.right;
  const root = pdf.struct("Document");
  pdf.addStructure(root);
  for (const b of [...doc.front, ...doc.body]) block(pdf, root, b, left, width);

  if (doc.notes.length) {
    block(
      pdf,
      root,
      { kind: "heading", level: 2, inlines: [{ kind: "text", text: message("drafts.notesTitle") }] },
      left,
      width,
    );
    for (const note of doc.notes) {
      ensureSpace(pdf, 24);
      const runs: Run[] = [
        { text: `[${note.n}] `, font: FONTS.bold, color: COLORS.heading, size: 7.5 },
        { text: printable(note.text), font: FONTS.regular, color: COLORS.text, size: 7.5 },
        ...(note.url
          ? [{ text: ` ${printable(note.url)}`, font: FONTS.regular, color: COLORS.heading, size: 7.5 }]
          : []),
      ];
      tag(pdf, root, "Note", () => writeRuns(pdf, runs, left, width, { gap: 2 }));
    }
  }
  root.end();

  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    artifact(
      pdf,
      () =>
        pdf
          .font(FONTS.regular)
          .fontSize(8)
          .fillColor(COLORS.muted)
          .text(printable(`${doc.footer} — ${i + 1}/${range.count}`), left, pdf.page.height - 36, {
            width,
            align: "center",
            lineBreak: false,
          }),
      "Pagination",
    );
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
  return done;
}
