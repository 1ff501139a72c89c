/**
 * DOCX export with the `docx` library: headings, bulleted and numbered lists, tables, real footnotes for
 * citations, flagged figures highlighted, a footer with the page number.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Block, DocumentModel, Inline } from "./model.ts";

interface State {
  footnotes: Record<string, { children: Paragraph[] }>;
  nextNote: number;
  nextList: number;
  /** Numbers of the notes already called. */
  called: Set<number>;
}

function runs(list: Inline[], state: State, size?: number): ParagraphChild[] {
  return list.map((i) => {
    if (i.kind === "break") return new TextRun({ text: "", break: 1 });
    if (i.kind === "note") {
      // A note called again shows its footnote's number (Word numbers footnotes in the order of their first call,
      // as the model does): the same number as in the PDF, the Markdown and the page.
      if (state.called.has(i.note.n))
        return new TextRun({ text: String(i.note.n), superScript: true, size: size ? size - 4 : undefined });
      state.called.add(i.note.n);
      const id = state.nextNote++;
      const children: ParagraphChild[] = [new TextRun({ text: i.note.text, size: 17 })];
      if (i.note.url)
        children.push(
          new TextRun({ text: " ", size: 17 }),
          new ExternalHyperlink({
            link: i.note.url,
            children: [new TextRun({ text: i.note.url, size: 17, style: "Hyperlink" })],
          }),
        );
      state.footnotes[String(id)] = { children: [new Paragraph({ children })] };
      return new FootnoteReferenceRun(id);
    }
    return new TextRun({
      text: i.text,
      bold: i.bold,
      italics: i.italic,
      size,
      ...(i.flagged ? { highlight: "yellow" as const, color: "9C0006" } : {}),
    });
  });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: "7F7F7F" };

function blocks(list: Block[], state: State): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const b of list) {
    switch (b.kind) {
      case "heading":
        out.push(
          new Paragraph({
            heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
            children: runs(b.inlines, state),
            keepNext: true,
          }),
        );
        break;
      case "list": {
        const instance = state.nextList++;
        for (const item of b.items) {
          out.push(
            new Paragraph({
              children: runs(item, state),
              spacing: { after: 60 },
              ...(b.ordered
                ? { numbering: { reference: "cap-numbered", level: 0, instance } }
                : { bullet: { level: 0 } }),
            }),
          );
        }
        break;
      }
      case "table":
        out.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            borders: {
              top: border,
              bottom: border,
              left: border,
              right: border,
              insideHorizontal: border,
              insideVertical: border,
            },
            rows: [
              new TableRow({
                tableHeader: true,
                children: b.header.map(
                  (c) =>
                    new TableCell({
                      shading: { type: ShadingType.CLEAR, fill: "E7ECF5", color: "auto" },
                      children: [
                        new Paragraph({
                          children: runs(
                            c.map((x) => (x.kind === "text" ? { ...x, bold: true } : x)),
                            state,
                            19,
                          ),
                        }),
                      ],
                    }),
                ),
              }),
              ...b.rows.map(
                (r) =>
                  new TableRow({
                    children: r.map(
                      (c) => new TableCell({ children: [new Paragraph({ children: runs(c, state, 19) })] }),
                    ),
                  }),
              ),
            ],
          }),
          new Paragraph({ children: [] }),
        );
        break;
      case "paragraph":
        switch (b.style) {
          case "title":
            out.push(new Paragraph({ heading: HeadingLevel.TITLE, children: runs(b.inlines, state) }));
            break;
          case "subtitle":
            out.push(
              new Paragraph({
                children: runs(
                  b.inlines.map((x) => (x.kind === "text" ? { ...x, bold: true } : x)),
                  state,
                  30,
                ),
                spacing: { after: 120 },
              }),
            );
            break;
          case "meta":
            out.push(
              new Paragraph({
                children: runs(b.inlines, state, 20),
                spacing: { after: 300 },
                border: { bottom: { ...border, space: 4 } },
              }),
            );
            break;
          case "right":
            out.push(
              new Paragraph({ children: runs(b.inlines, state), indent: { left: 5100 }, spacing: { after: 240 } }),
            );
            break;
          case "sender":
            out.push(new Paragraph({ children: runs(b.inlines, state), spacing: { after: 360 } }));
            break;
          case "banner":
            out.push(
              new Paragraph({
                children: runs(b.inlines, state, 20),
                shading: { type: ShadingType.CLEAR, fill: "FFF2CC", color: "auto" },
                border: {
                  top: { ...border, color: "BF8F00" },
                  bottom: { ...border, color: "BF8F00" },
                  left: { ...border, color: "BF8F00" },
                  right: { ...border, color: "BF8F00" },
                },
                spacing: { after: 160 },
              }),
            );
            break;
          case "quote":
            out.push(
              new Paragraph({
                children: runs(
                  b.inlines.map((x) => (x.kind === "text" ? { ...x, italic: true } : x)),
                  state,
                  20,
                ),
                indent: { left: 480, right: 280 },
                spacing: { after: 120 },
              }),
            );
            break;
          default:
            // Lines kept apart by breaks (a signature, an address) are not justified: Word would stretch them.
            out.push(
              new Paragraph({
                children: runs(b.inlines, state),
                alignment: b.inlines.some((i) => i.kind === "break") ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
                spacing: { after: 140, line: 300 },
              }),
            );
        }
    }
  }
  return out;
}

/** The document as a DOCX file. */
export async function toDocx(doc: DocumentModel): Promise<Uint8Array> {
  const state: State = { footnotes: {}, nextNote: 1, nextList: 1, called: new Set() };
  const children = blocks([...doc.front, ...doc.body], state);
  const document = new Document({
    creator: "Cap Libre",
    title: `${doc.title} — ${doc.collectivite}`,
    styles: {
      default: { document: { run: { font: "Liberation Sans", size: 22, language: { value: "fr-FR" } } } },
      paragraphStyles: [],
    },
    numbering: {
      config: [
        {
          reference: "cap-numbered",
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: "%1.",
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    footnotes: state.footnotes,
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1000, left: 1247, right: 1247 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: `${doc.footer} — `, size: 16, color: "7F7F7F" }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 16, color: "7F7F7F" }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
