// @ts-check
// The Markdown subset of drafted sections (paragraphs, `-`/`1.` lists, pipe tables, `###` sub-headings,
// `> quote`, `**bold**`, `*italic*`, `[n]` citations), built as DOM nodes: no HTML string is ever parsed.
import { dataTable } from "./document.js";
import { el } from "./lib.js";

const kindOf = (line) => {
  if (!line.trim()) return "blank";
  if (/^\s*[-*] /.test(line)) return "ul";
  if (/^\s*\d+[.)] /.test(line)) return "ol";
  if (/^\s*\|/.test(line)) return "table";
  if (/^#{1,6} /.test(line)) return "heading";
  if (/^>/.test(line)) return "quote";
  return "text";
};

/**
 * Inline text: bold, italic and citations. `cite(n)` returns the node for `[n]` (a link to its note), or null to
 * keep the text as written.
 */
/**
 * @param {string} text
 * @param {(n: number) => Node | null} [cite]
 * @returns {(Node | string)[]}
 */
export function renderInline(text, cite = () => null) {
  const out = [];
  let last = 0;
  for (const m of text.matchAll(/\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*|\[(\d+)\]/g)) {
    out.push(text.slice(last, m.index));
    if (m[1] !== undefined) out.push(el("strong", {}, ...renderInline(m[1], cite)));
    else if (m[2] !== undefined) out.push(el("em", {}, ...renderInline(m[2], cite)));
    else out.push(cite(Number(m[3])) ?? m[0]);
    last = m.index + m[0].length;
  }
  out.push(text.slice(last));
  return out.filter((x) => x !== "");
}

const cells = (line) =>
  line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((c) => c.trim());

function table(lines, cite) {
  const rows = lines.filter((l) => !/^\s*\|?\s*:?-{2,}/.test(l)).map(cells);
  const [head, ...body] = rows;
  const inline = (c) => renderInline(c, cite);
  return dataTable(
    head.map(inline),
    body.map((r) => r.map(inline)),
  );
}

/** A fragment for `text`; `headingLevel` is the level a `###` line becomes (below the section's own heading). */
/**
 * @param {string} text
 * @param {{ cite?: (n: number) => Node | null, headingLevel?: number }} [options]
 */
export function renderMarkdown(text, { cite = undefined, headingLevel = 5 } = {}) {
  const fragment = document.createDocumentFragment();
  const lines = text.split("\n");
  let i = 0;
  while (i < lines.length) {
    const kind = kindOf(lines[i]);
    const group = [];
    while (i < lines.length && kindOf(lines[i]) === kind) group.push(lines[i++]);
    if (kind === "blank") continue;
    if (kind === "ul" || kind === "ol") {
      const strip = kind === "ul" ? /^\s*[-*] / : /^\s*\d+[.)] /;
      fragment.append(
        el(
          kind,
          {},
          group.map((l) => el("li", {}, ...renderInline(l.replace(strip, ""), cite))),
        ),
      );
    } else if (kind === "table") {
      fragment.append(table(group, cite));
    } else if (kind === "heading") {
      for (const l of group)
        fragment.append(el(`h${Math.min(headingLevel, 6)}`, {}, ...renderInline(l.replace(/^#+ /, ""), cite)));
    } else if (kind === "quote") {
      const body = group.map((l) => l.replace(/^>\s?/, ""));
      fragment.append(el("blockquote", {}, el("p", {}, lineBreaks(body, cite))));
    } else {
      fragment.append(el("p", {}, lineBreaks(group, cite)));
    }
  }
  return fragment;
}

const lineBreaks = (group, cite) => group.flatMap((l, n) => [n ? el("br") : null, ...renderInline(l, cite)]);
