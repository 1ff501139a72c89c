/**
 * PDF export with pdfkit and its standard Helvetica (no font file to ship): headings, lists, tables, citations
 * as endnotes. Helvetica uses the WinAnsi encoding, which covers French (é, œ, €, « », …); other characters are
 * mapped to a close equivalent by `toWinAnsi` so nothing is silently dropped or garbled.
 */
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

const FONTS = {
  regular: "Helvetica",
  bold: "Helvetica-Bold",
  italic: "Helvetica-Oblique",
  boldItalic: "Helvetica-BoldOblique",
};
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

interface Run {
  text: string;
  font: string;
  color: string;
  size: number;
}

function toRuns(list: Inline[], size: number, italicAll = false): Run[] {
  return list.map((i) => {
    if (i.kind === "break") return { text: "\n", font: FONTS.regular, color: COLORS.text, size };
    if (i.kind === "note")
      return { text: `[${i.note.n}]`, font: FONTS.regular, color: COLORS.heading, size: size - 2.5 };
    const italic = i.italic || italicAll;
    const font = i.bold && italic ? FONTS.boldItalic : i.bold ? FONTS.bold : italic ? FONTS.italic : FONTS.regular;
    return { text: toWinAnsi(i.text), font, color: i.flagged ? COLORS.flag : COLORS.text, size };
  });
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

function table(doc: Doc, b: Extract<Block, { kind: "table" }>, left: number, width: number) {
  const columns = b.header.length;
  const texts = [b.header, ...b.rows].map((r) => r.map((c) => toWinAnsi(inlineText(c))));
  // Column widths follow content length, with a floor so short columns stay readable.
  const weights = Array.from({ length: columns }, (_, k) =>
    Math.max(8, Math.min(60, Math.max(...texts.map((r) => (r[k] ?? "").length)))),
  );
  const total = weights.reduce((a, b2) => a + b2, 0);
  const widths = weights.map((w) => (w / total) * width);
  const padding = 4;
  const size = 8.5;
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
  const drawRow = (row: string[], header: boolean) => {
    const h = rowHeight(row, header);
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (!header) drawRow(texts[0]!, true);
    }
    const y = doc.y;
    let x = left;
    row.forEach((t, k) => {
      const w = widths[k]!;
      if (header) doc.rect(x, y, w, h).fill(COLORS.headerFill);
      doc.lineWidth(0.5).strokeColor(COLORS.border).rect(x, y, w, h).stroke();
      doc
        .font(header ? FONTS.bold : FONTS.regular)
        .fontSize(size)
        .fillColor(COLORS.text)
        .text(t, x + padding, y + padding, { width: w - 2 * padding, lineGap: 0.5 });
      x += w;
    });
    doc.x = left;
    doc.y = y + h;
  };
  texts.forEach((row, i) => drawRow(row, i === 0));
  doc.y += 8;
}

function block(doc: Doc, b: Block, left: number, width: number) {
  switch (b.kind) {
    case "heading": {
      const size = b.level === 1 ? 13.5 : 11.5;
      ensureSpace(doc, size * 4);
      doc.y += b.level === 1 ? 8 : 4;
      writeRuns(
        doc,
        toRuns(b.inlines, size).map((r) => ({ ...r, font: FONTS.bold, color: COLORS.heading })),
        left,
        width,
        { gap: 5 },
      );
      break;
    }
    case "list":
      b.items.forEach((item, i) => {
        ensureSpace(doc, 28);
        const y = doc.y;
        doc
          .font(FONTS.regular)
          .fontSize(10.5)
          .fillColor(COLORS.text)
          .text(b.ordered ? `${i + 1}.` : "•", left + 4, y, { width: 16, lineBreak: false });
        doc.y = y;
        writeRuns(doc, toRuns(item, 10.5), left + 20, width - 20, { gap: 3 });
      });
      doc.y += 4;
      break;
    case "table":
      table(doc, b, left, width);
      break;
    case "paragraph":
      switch (b.style) {
        case "title":
          writeRuns(
            doc,
            toRuns(b.inlines, 20).map((r) => ({ ...r, font: FONTS.bold, color: COLORS.heading })),
            left,
            width,
            { gap: 4 },
          );
          break;
        case "subtitle":
          writeRuns(
            doc,
            toRuns(b.inlines, 15).map((r) => ({ ...r, color: "#2f5496" })),
            left,
            width,
            { gap: 4 },
          );
          break;
        case "meta": {
          writeRuns(
            doc,
            toRuns(b.inlines, 9.5).map((r) => ({ ...r, color: COLORS.muted })),
            left,
            width,
            { gap: 4 },
          );
          doc
            .lineWidth(0.5)
            .strokeColor(COLORS.border)
            .moveTo(left, doc.y)
            .lineTo(left + width, doc.y)
            .stroke();
          doc.y += 12;
          break;
        }
        case "right":
          writeRuns(doc, toRuns(b.inlines, 10.5), left + width * 0.52, width * 0.48, { gap: 14 });
          break;
        case "sender":
          writeRuns(doc, toRuns(b.inlines, 10.5), left, width * 0.5, { gap: 18 });
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
          doc.lineWidth(0.75).rect(left, y, width, h).fillAndStroke(COLORS.banner, COLORS.bannerBorder);
          doc.y = y + 6;
          writeRuns(doc, runs, left + 8, width - 16, { gap: 0 });
          doc.y = y + h + 8;
          break;
        }
        case "quote": {
          ensureSpace(doc, 30);
          const y = doc.y;
          writeRuns(
            doc,
            toRuns(b.inlines, 9.5, true).map((r) => ({ ...r, color: r.color === COLORS.text ? "#404040" : r.color })),
            left + 18,
            width - 30,
            { gap: 0 },
          );
          doc
            .lineWidth(1.5)
            .strokeColor("#a6a6a6")
            .moveTo(left + 10, y)
            .lineTo(left + 10, doc.y)
            .stroke();
          doc.y += 7;
          break;
        }
        default:
          ensureSpace(doc, 24);
          writeRuns(doc, toRuns(b.inlines, 10.5), left, width, { align: "justify", gap: 7 });
      }
  }
}

/** The document as a PDF file (A4), citations as numbered endnotes. */
export function toPdf(doc: DocumentModel): Promise<Uint8Array> {
  const pdf = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 60, left: 62, right: 62 },
    bufferPages: true,
    lang: "fr-FR",
    info: {
      Title: toWinAnsi(`${doc.title} — ${doc.collectivite}`),
      Author: "Cap Libre",
      Creator: "Cap Libre",
      CreationDate: new Date(doc.createdAt),
    },
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on("error", reject);
  });
  const left = pdf.page.margins.left;
  const width = pdf.page.width - left - pdf.page.margins.right;
  for (const b of [...doc.front, ...doc.body]) block(pdf, b, left, width);

  if (doc.notes.length) {
    block(
      pdf,
      { kind: "heading", level: 2, inlines: [{ kind: "text", text: message("drafts.notesTitle") }] },
      left,
      width,
    );
    for (const note of doc.notes) {
      ensureSpace(pdf, 24);
      const runs: Run[] = [
        { text: `[${note.n}] `, font: FONTS.bold, color: COLORS.heading, size: 7.5 },
        { text: toWinAnsi(note.text), font: FONTS.regular, color: COLORS.text, size: 7.5 },
        ...(note.url
          ? [{ text: ` ${toWinAnsi(note.url)}`, font: FONTS.regular, color: COLORS.heading, size: 7.5 }]
          : []),
      ];
      writeRuns(pdf, runs, left, width, { gap: 2 });
    }
  }

  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf
      .font(FONTS.regular)
      .fontSize(8)
      .fillColor(COLORS.muted)
      .text(toWinAnsi(`${doc.footer} — ${i + 1}/${range.count}`), left, pdf.page.height - 36, {
        width,
        align: "center",
        lineBreak: false,
      });
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
  return done;
}
