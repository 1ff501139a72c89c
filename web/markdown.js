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
 * Character ranges of the source text to mark (sentences a check flagged): each piece of text inside a range is
 * wrapped in `mark()`, one element per run of text within one element — a range that spans a bold run or two list
 * items gives several marks, each inside its own parent, so the HTML nesting stays whole — and `label()`, when
 * given, follows the last mark of each range. Both are given the range's index (a range may be marked its own way).
 * @typedef {{ ranges: { start: number, end: number }[], mark: (range: number) => HTMLElement, label?: (range: number) => Node }} Highlight
 */

/**
 * What inline rendering carries: the citation builder, and the ranges to mark (null: none) with the last mark
 * drawn for each range.
 * @typedef {{ cite: (n: number) => Node | null, highlight: Highlight | null, last: HTMLElement[] }} InlineContext
 */

/** The range that holds all of [from, to), or -1. */
const rangeOf = (ctx, from, to) =>
  ctx.highlight ? ctx.highlight.ranges.findIndex((r) => r.start <= from && to <= r.end) : -1;

/**
 * Collects the inline output, consecutive pieces of one range sharing one mark.
 * @param {InlineContext} ctx
 */
function collector(ctx) {
  /** @type {(Node | string)[]} */
  const out = [];
  /** @type {{ range: number, mark: HTMLElement } | null} */
  let open = null;
  /** @param {Node | string} piece @param {number} range */
  const put = (piece, range) => {
    if (range < 0 || !ctx.highlight) {
      out.push(piece);
      open = null;
    } else if (open && open.range === range && out.at(-1) === open.mark) {
      open.mark.append(piece);
    } else {
      const mark = ctx.highlight.mark(range);
      mark.append(piece);
      out.push(mark);
      open = { range, mark };
      ctx.last[range] = mark;
    }
  };
  return {
    out,
    /** Text found at offset `at` of the source, cut where a range starts or ends. */
    text(/** @type {string} */ text, /** @type {number} */ at) {
      if (!text) return;
      const cuts = new Set([0, text.length]);
      for (const r of ctx.highlight?.ranges ?? [])
        for (const x of [r.start - at, r.end - at]) if (x > 0 && x < text.length) cuts.add(x);
      const points = [...cuts].sort((a, b) => a - b);
      for (let k = 0; k + 1 < points.length; k++)
        put(text.slice(points[k], points[k + 1]), rangeOf(ctx, at + points[k], at + points[k + 1]));
    },
    /**
     * A node made of source [from, to): wholly inside a range, it goes into that range's mark as it is (built
     * without marks); otherwise its own text is marked where ranges fall.
     */
    node(/** @type {(ctx: InlineContext) => Node} */ build, /** @type {number} */ from, /** @type {number} */ to) {
      const range = rangeOf(ctx, from, to);
      put(build(range < 0 ? ctx : { ...ctx, highlight: null }), range);
    },
  };
}

/**
 * Inline text found at offset `at` of the source: bold, italic and citations.
 * @param {string} text
 * @param {number} at
 * @param {InlineContext} ctx
 * @returns {(Node | string)[]}
 */
function inline(text, at, ctx) {
  const c = collector(ctx);
  let last = 0;
  for (const m of text.matchAll(/\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*|\[(\d+)\]/g)) {
    const from = at + m.index;
    const to = from + m[0].length;
    c.text(text.slice(last, m.index), at + last);
    if (m[1] !== undefined) c.node((x) => el("strong", {}, ...inline(m[1], from + 2, x)), from, to);
    else if (m[2] !== undefined) c.node((x) => el("em", {}, ...inline(m[2], from + 1, x)), from, to);
    else {
      const cited = ctx.cite(Number(m[3]));
      if (cited) c.node(() => cited, from, to);
      else c.text(m[0], from);
    }
    last = m.index + m[0].length;
  }
  c.text(text.slice(last), at + last);
  return c.out;
}

/**
 * Inline text: bold, italic and citations. `cite(n)` returns the node for `[n]` (a link to its note), or null to
 * keep the text as written.
 * @param {string} text
 * @param {(n: number) => Node | null} [cite]
 * @returns {(Node | string)[]}
 */
export function renderInline(text, cite = () => null) {
  return inline(text, 0, { cite, highlight: null, last: [] });
}

/** @param {{ line: string, at: number }[]} lines @param {InlineContext} ctx */
function table(lines, ctx) {
  const rows = lines
    .filter(({ line }) => !/^\s*\|?\s*:?-{2,}/.test(line))
    .map(({ line, at }) => {
      // Each cell with its offset in the source.
      const out = [];
      let from = 0;
      for (const cell of line.split("|")) {
        const lead = cell.length - cell.trimStart().length;
        out.push({ text: cell.trim(), at: at + from + lead });
        from += cell.length + 1;
      }
      // The empty cells before the first and after the last `|` are not cells.
      if (/^\s*\|/.test(line)) out.shift();
      if (/\|\s*$/.test(line)) out.pop();
      return out;
    });
  const [head, ...body] = rows;
  const render = (/** @type {{ text: string, at: number }} */ c) => inline(c.text, c.at, ctx);
  return dataTable(
    head.map(render),
    body.map((r) => r.map(render)),
  );
}

/**
 * A fragment for `text`; `headingLevel` is the level a `###` line becomes (below the section's own heading);
 * `highlight` marks character ranges of `text` (see Highlight).
 * @param {string} text
 * @param {{ cite?: (n: number) => Node | null, headingLevel?: number, highlight?: Highlight | null }} [options]
 */
export function renderMarkdown(text, { cite = () => null, headingLevel = 5, highlight = null } = {}) {
  /** @type {InlineContext} */
  const ctx = { cite, highlight, last: [] };
  const fragment = document.createDocumentFragment();
  // Each line with the offset of its first character in `text`.
  let offset = 0;
  const lines = text.split("\n").map((line) => {
    const at = offset;
    offset += line.length + 1;
    return { line, at };
  });
  /** The rest of a line after the part `strip` matches, with its offset. */
  const after = (/** @type {{ line: string, at: number }} */ l, /** @type {RegExp} */ strip) => {
    const cut = l.line.match(strip)?.[0].length ?? 0;
    return inline(l.line.slice(cut), l.at + cut, ctx);
  };
  let i = 0;
  while (i < lines.length) {
    const kind = kindOf(lines[i].line);
    const group = [];
    while (i < lines.length && kindOf(lines[i].line) === kind) group.push(lines[i++]);
    if (kind === "blank") continue;
    if (kind === "ul" || kind === "ol") {
      const strip = kind === "ul" ? /^\s*[-*] / : /^\s*\d+[.)] /;
      fragment.append(
        el(
          kind,
          {},
          group.map((l) => el("li", {}, ...after(l, strip))),
        ),
      );
    } else if (kind === "table") {
      fragment.append(table(group, ctx));
    } else if (kind === "heading") {
      for (const l of group) fragment.append(el(`h${Math.min(headingLevel, 6)}`, {}, ...after(l, /^#+ /)));
    } else if (kind === "quote") {
      fragment.append(el("blockquote", {}, el("p", {}, lineBreaks(group, /^>\s?/, after))));
    } else {
      fragment.append(el("p", {}, lineBreaks(group, /^/, after)));
    }
  }
  // Each marked range is followed by its label, after its last mark.
  const label = highlight?.label;
  if (label) ctx.last.forEach((mark, range) => mark?.after(label(range)));
  return fragment;
}

const lineBreaks = (group, strip, after) => group.flatMap((l, n) => [n ? el("br") : null, ...after(l, strip)]);
