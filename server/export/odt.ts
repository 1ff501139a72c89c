/**
 * OpenDocument text (ODT), written by hand: no maintained library does it, and the format is four XML parts in a
 * zip (mimetype first and stored uncompressed, as the standard requires). Citations are real footnotes
 * (`text:note`), so LibreOffice numbers and places them.
 */
import { strToU8, zipSync } from "fflate";
import type { Block, BlockStyle, DocumentModel, Inline } from "./model.ts";

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:xlink="http://www.w3.org/1999/xlink"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
].join(" ");

/** XML text: escaped, without the control characters XML forbids. */
export const xml = (s: string) =>
  s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

const PARAGRAPH_STYLE: Record<BlockStyle, string> = {
  body: "Text_20_body",
  quote: "Quotations",
  right: "Cap_20_Recipient",
  title: "Title",
  subtitle: "Subtitle",
  meta: "Cap_20_Meta",
  banner: "Cap_20_Banner",
  sender: "Cap_20_Sender",
};

function span(text: string, i: Extract<Inline, { kind: "text" }>): string {
  const t = xml(text);
  if (i.flagged) return `<text:span text:style-name="T_flag">${t}</text:span>`;
  if (i.bold && i.italic) return `<text:span text:style-name="T_bi">${t}</text:span>`;
  if (i.bold) return `<text:span text:style-name="T_b">${t}</text:span>`;
  if (i.italic) return `<text:span text:style-name="T_i">${t}</text:span>`;
  return t;
}

function inlines(list: Inline[], counter: { called: Set<number> }): string {
  return list
    .map((i) => {
      if (i.kind === "break") return "<text:line-break/>";
      if (i.kind === "text") return span(i.text, i);
      const n = i.note.n;
      // A note called again refers to its footnote: the same number, as in the PDF, the Markdown and the page.
      if (counter.called.has(n))
        return `<text:span text:style-name="T_sup"><text:note-ref text:note-class="footnote" text:reference-format="text" text:ref-name="ftn${n}">${n}</text:note-ref></text:span>`;
      counter.called.add(n);
      const link = i.note.url
        ? ` <text:a xlink:type="simple" xlink:href="${xml(i.note.url)}">${xml(i.note.url)}</text:a>`
        : "";
      return `<text:note text:id="ftn${n}" text:note-class="footnote"><text:note-citation>${n}</text:note-citation><text:note-body><text:p text:style-name="Footnote">${xml(i.note.text)}${link}</text:p></text:note-body></text:note>`;
    })
    .join("");
}

function block(b: Block, counter: { called: Set<number>; tables: number }): string {
  switch (b.kind) {
    case "heading":
      return `<text:h text:style-name="Heading_20_${b.level}" text:outline-level="${b.level}">${inlines(b.inlines, counter)}</text:h>`;
    case "paragraph": {
      // Lines kept apart by breaks (a signature, an address) are not justified: LibreOffice would stretch them.
      const style =
        b.style === "body" && b.inlines.some((i) => i.kind === "break") ? "Cap_20_Lines" : PARAGRAPH_STYLE[b.style];
      return `<text:p text:style-name="${style}">${inlines(b.inlines, counter)}</text:p>`;
    }
    case "list":
      return `<text:list text:style-name="${b.ordered ? "L_number" : "L_bullet"}">${b.items
        .map(
          (item) =>
            `<text:list-item><text:p text:style-name="${b.ordered ? "Cap_20_List_20_Number" : "Cap_20_List"}">${inlines(item, counter)}</text:p></text:list-item>`,
        )
        .join("")}</text:list>`;
    case "table": {
      counter.tables++;
      const cell = (c: Inline[], header: boolean) =>
        `<table:table-cell table:style-name="Cell" office:value-type="string"><text:p text:style-name="${header ? "Table_20_Heading" : "Table_20_Contents"}">${inlines(c, counter)}</text:p></table:table-cell>`;
      return (
        `<table:table table:name="Tableau${counter.tables}" table:style-name="Tbl"><table:table-column table:number-columns-repeated="${b.header.length}"/>` +
        `<table:table-header-rows><table:table-row>${b.header.map((c) => cell(c, true)).join("")}</table:table-row></table:table-header-rows>` +
        b.rows.map((r) => `<table:table-row>${r.map((c) => cell(c, false)).join("")}</table:table-row>`).join("") +
        `</table:table>`
      );
    }
  }
}

const AUTOMATIC_STYLES = `<office:automatic-styles>
<style:style style:name="T_b" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"/></style:style>
<style:style style:name="T_i" style:family="text"><style:text-properties fo:font-style="italic" style:font-style-asian="italic" style:font-style-complex="italic"/></style:style>
<style:style style:name="T_bi" style:family="text"><style:text-properties fo:font-weight="bold" fo:font-style="italic"/></style:style>
<style:style style:name="T_flag" style:family="text"><style:text-properties fo:font-weight="bold" fo:color="#9c0006" fo:background-color="#ffeb9c"/></style:style>
<style:style style:name="T_sup" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>
<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="16.5cm" table:align="margins" fo:margin-top="0.2cm" fo:margin-bottom="0.3cm"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #7f7f7f"/></style:style>
<text:list-style style:name="L_bullet"><text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.6cm" fo:text-indent="-0.5cm" fo:margin-left="0.6cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>
<text:list-style style:name="L_number"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.7cm" fo:text-indent="-0.6cm" fo:margin-left="0.7cm"/></style:list-level-properties></text:list-level-style-number></text:list-style>
</office:automatic-styles>`;

const paragraphStyle = (name: string, display: string, parent: string, paragraph: string, text = "") =>
  `<style:style style:name="${name}" style:display-name="${display}" style:family="paragraph" style:parent-style-name="${parent}"${/^Heading_20_\d$/.test(name) ? ` style:default-outline-level="${name.slice(-1)}"` : ""}><style:paragraph-properties ${paragraph}/>${text ? `<style:text-properties ${text}/>` : ""}</style:style>`;

const STYLES = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles ${NS} office:version="1.3">
<office:font-face-decls><style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="11pt" fo:language="fr" fo:country="FR" fo:hyphenate="false"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
${paragraphStyle("Text_20_body", "Text body", "Standard", 'fo:margin-top="0cm" fo:margin-bottom="0.25cm" fo:line-height="125%" fo:text-align="justify"')}
${paragraphStyle("Heading", "Heading", "Standard", 'fo:margin-top="0.45cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"', 'fo:font-weight="bold" fo:color="#1f3864"')}
${paragraphStyle("Heading_20_1", "Heading 1", "Heading", 'fo:margin-top="0.5cm" fo:margin-bottom="0.2cm"', 'fo:font-size="14pt" fo:font-weight="bold"')}
${paragraphStyle("Heading_20_2", "Heading 2", "Heading", 'fo:margin-top="0.35cm" fo:margin-bottom="0.15cm"', 'fo:font-size="12pt" fo:font-weight="bold"')}
${paragraphStyle("Title", "Title", "Standard", 'fo:margin-bottom="0.15cm"', 'fo:font-size="20pt" fo:font-weight="bold" fo:color="#1f3864"')}
${paragraphStyle("Subtitle", "Subtitle", "Standard", 'fo:margin-bottom="0.15cm"', 'fo:font-size="15pt" fo:color="#2f5496"')}
${paragraphStyle("Cap_20_Meta", "Cap Meta", "Standard", 'fo:margin-bottom="0.4cm" fo:padding-bottom="0.15cm" fo:border-bottom="0.5pt solid #7f7f7f"', 'fo:font-size="10pt" fo:color="#595959"')}
${paragraphStyle("Cap_20_Sender", "Cap Sender", "Standard", 'fo:margin-bottom="0.6cm"')}
${paragraphStyle("Cap_20_Recipient", "Cap Recipient", "Standard", 'fo:margin-left="9cm" fo:margin-bottom="0.5cm"')}
${paragraphStyle("Cap_20_Banner", "Cap Banner", "Standard", 'fo:margin-bottom="0.3cm" fo:padding="0.2cm" fo:border="0.5pt solid #bf8f00" fo:background-color="#fff2cc"', 'fo:font-size="10pt"')}
${paragraphStyle("Quotations", "Quotations", "Standard", 'fo:margin-left="0.8cm" fo:margin-right="0.5cm" fo:margin-bottom="0.25cm" fo:padding-left="0.2cm" fo:border-left="1.5pt solid #a6a6a6"', 'fo:font-size="10pt" fo:font-style="italic" fo:color="#404040"')}
${paragraphStyle("Cap_20_List", "Cap List", "Text_20_body", 'fo:margin-bottom="0.1cm"')}
${paragraphStyle("Cap_20_Lines", "Cap Lines", "Text_20_body", 'fo:text-align="start"')}
${paragraphStyle("Cap_20_List_20_Number", "Cap List Number", "Text_20_body", 'fo:margin-bottom="0.1cm"')}
${paragraphStyle("Table_20_Contents", "Table Contents", "Standard", 'fo:margin="0cm"', 'fo:font-size="9.5pt"')}
${paragraphStyle("Table_20_Heading", "Table Heading", "Table_20_Contents", 'fo:margin="0cm"', 'fo:font-weight="bold"')}
${paragraphStyle("Footnote", "Footnote", "Standard", 'fo:margin-left="0.5cm" fo:text-indent="-0.5cm"', 'fo:font-size="8.5pt"')}
${paragraphStyle("Footer", "Footer", "Standard", 'fo:text-align="center"', 'fo:font-size="8pt" fo:color="#7f7f7f"')}
<text:notes-configuration text:note-class="footnote" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>
</office:styles>
<office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2cm" fo:margin-bottom="1.5cm" fo:margin-left="2.2cm" fo:margin-right="2.2cm"/><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.3cm"/></style:footer-style></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"><style:footer><text:p text:style-name="Footer">__FOOTER__ — <text:page-number text:select-page="current"/></text:p></style:footer></style:master-page></office:master-styles>
</office:document-styles>`;

/** The document as an ODT file. */
export function toOdt(doc: DocumentModel): Uint8Array {
  const counter = { called: new Set<number>(), tables: 0 };
  const body = [...doc.front, ...doc.body].map((b) => block(b, counter)).join("\n");
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${NS} office:version="1.3">
${AUTOMATIC_STYLES}
<office:body><office:text>
${body}
</office:text></office:body></office:document-content>`;
  const meta = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta ${NS} office:version="1.3"><office:meta><meta:generator>Cap Libre</meta:generator><dc:title>${xml(`${doc.title} — ${doc.collectivite}`)}</dc:title><dc:language>fr-FR</dc:language><meta:creation-date>${xml(doc.createdAt.slice(0, 19))}</meta:creation-date></office:meta></office:document-meta>`;
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>`;
  const date = new Date(doc.createdAt);
  return zipSync(
    {
      // Insertion order is archive order: the mimetype must come first, stored.
      mimetype: [strToU8("application/vnd.oasis.opendocument.text"), { level: 0 }],
      "content.xml": [strToU8(content), { level: 6 }],
      "styles.xml": [strToU8(STYLES.replace("__FOOTER__", xml(doc.footer))), { level: 6 }],
      "meta.xml": [strToU8(meta), { level: 6 }],
      "META-INF/manifest.xml": [strToU8(manifest), { level: 6 }],
    },
    { mtime: Number.isNaN(date.getTime()) ? new Date() : date },
  );
}
