/**
 * Markdown export: readable as plain text, with footnotes (`[^n]`) and pipe tables as most Markdown tools render them.
 */
import type { Block, DocumentModel, Inline } from "./model.ts";

/**
 * Text from user fields and model output is only ever text: Markdown and HTML punctuation is escaped (no raw
 * HTML, no `<autolink>`, no `[link](javascript:…)`: a `]` before `(`, `[` or `:` is escaped), and each line start that Markdown would read as structure
 * (heading, quote, list, setext underline, thematic break) is escaped too.
 */
const escapeInline = (t: string) => t.replace(/([\\`*_<>|~])/g, "\\$1").replace(/\](?=[([:])/g, "\\]");

/** Escapes what would open a block at the start of each line of rendered inline text. */
const escapeLineStarts = (text: string) =>
  text
    .split("\n")
    .map((line) =>
      line
        .replace(/^[ \t]+/, "")
        // A note call opening a line (« [^1] Titre : ») stays one; any other « [ » could open a definition.
        .replace(/^([#>+=-]|\[(?!\^\d+\](?!:)))/, "\\$1")
        .replace(/^(\d+)([.)])/, "$1\\$2"),
    )
    .join("\n");

/** A URL a reader may follow: http(s) only, nothing that could close the `<…>` around it. */
const safeUrl = (url: string | null) => (url && /^https?:\/\/[^\s<>]+$/i.test(url) ? url : null);

function inline(inlines: Inline[], breaks = "  \n"): string {
  return escapeLineStarts(renderInline(inlines, breaks).replace(breaks === "  \n" ? /(?!)/ : /\n/g, " "));
}

function renderInline(inlines: Inline[], breaks: string): string {
  return inlines
    .map((i) => {
      if (i.kind === "break") return breaks;
      if (i.kind === "note") return `[^${i.note.n}]`;
      const t = escapeInline(i.text);
      if (!t.trim()) return t;
      const lead = t.match(/^\s*/)![0];
      const trail = t.match(/\s*$/)![0];
      const core = t.trim();
      return `${lead}${i.bold && i.italic ? `***${core}***` : i.bold ? `**${core}**` : i.italic ? `*${core}*` : core}${trail}`;
    })
    .join("")
    .replace(/(\[\^\d+\])(?=[([:])/g, "$1\\"); // a note call followed by « ( » is not a link
}

function block(b: Block): string {
  switch (b.kind) {
    case "heading":
      return `${b.level === 1 ? "##" : "###"} ${inline(b.inlines, " ")}`;
    case "list":
      return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : "-"} ${inline(item, " ")}`).join("\n");
    case "table":
      return [b.header, b.header.map(() => null), ...b.rows]
        .map((row) => `| ${row.map((c) => (c === null ? "---" : inline(c, " "))).join(" | ")} |`)
        .join("\n");
    case "paragraph": {
      const text = inline(b.inlines);
      switch (b.style) {
        case "title":
          return `# ${inline(b.inlines, " ")}`;
        case "subtitle":
          return `**${inline(b.inlines, " ")}**`;
        case "quote":
        case "banner":
          return text
            .split("\n")
            .map((l) => `> ${l}`)
            .join("\n");
        case "meta":
          return `*${inline(b.inlines, " — ")}*`;
        default:
          return text;
      }
    }
  }
}

/**
 * A note's text: escaped like any text, except the web addresses it gives between angle brackets (a note naming
 * several sources gives each one's), which stay links like the note's own address.
 */
const noteText = (text: string) =>
  text
    .replace(/\s*\n\s*/g, " ")
    .split(/(<https?:\/\/[^\s<>]+>)/i)
    .map((part, i) => (i % 2 === 1 && safeUrl(part.slice(1, -1)) ? part : escapeInline(part)))
    .join("");

/** The document as Markdown text. */
export function toMarkdown(doc: DocumentModel): string {
  const parts = [...doc.front.map(block), "---", ...doc.body.map(block)];
  if (doc.notes.length) {
    parts.push(
      "---",
      ...doc.notes.map((n) => `[^${n.n}]: ${noteText(n.text)}${safeUrl(n.url) ? ` <${safeUrl(n.url)}>` : ""}`),
    );
  }
  parts.push(`*${doc.footer}*`);
  return `${parts.join("\n\n")}\n`;
}
