// Charts drawn by the page itself in SVG from the analysis JSON (no library, nothing loaded from elsewhere): each
// is an image with a title and a one-sentence description for screen readers, followed by its data as a table.
// The drawing uses SVG presentation attributes only (the page's CSP forbids inline styles) and is redrawn at the
// width of its box, so its text keeps its size on a phone.
import { el, formatNumber, formatShare, t } from "./lib.js";

const SVG = "http://www.w3.org/2000/svg";
let counter = 0;

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) node.setAttribute(k, String(v));
  for (const child of children.flat(Infinity)) if (child) node.append(child);
  return node;
}

const COLORS = { exposed: "#8b0000", other: "#e3e3fd", otherStroke: "#000091", text: "#1e1e1e", muted: "#555" };

/**
 * « Exposition par catégorie »: for each category with installations, one bar as long as its installations, its
 * extra-European part hatched in dark red, the rest plain; the categories from the most installed. `label(c)` is
 * the French name of a category.
 */
export function exposureByCategory(categories, { label }) {
  const rows = categories
    .filter((c) => c.installations > 0)
    .map((c) => ({
      name: label(c.category),
      total: c.installations,
      exposed: c.extraEuropean.installations ?? 0,
      share: c.extraEuropean.share,
    }))
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, "fr"));
  return stackedBars(rows, { key: "exposure", shareColumn: true });
}

/**
 * « Exposition par loi »: for each extra-European law reaching a vendor of the inventory, the installations it
 * reaches (hatched) out of all the inventory's installations.
 */
export function exposureByLaw(summary) {
  const rows = summary.risks
    .filter((r) => r.kind === "legal-exposure" && r.installations > 0)
    .map((r) => ({
      name: r.label,
      total: summary.installations,
      exposed: r.installations,
      share: summary.installations ? r.installations / summary.installations : null,
    }))
    .sort((a, b) => b.exposed - a.exposed || a.name.localeCompare(b.name, "fr"));
  return stackedBars(rows, { key: "law", shareColumn: true });
}

/** A figure: the chart drawn at its box's width, then its data as a table under « Voir les données du graphique ». */
function stackedBars(rows, { key, shareColumn }) {
  const id = `chart-${++counter}`;
  const title = t(`chart.${key}.title`);
  const description = t(`chart.${key}.desc`, {
    list: rows
      .map((r) =>
        t(`chart.${key}.item`, { name: r.name, exposed: formatNumber(r.exposed), total: formatNumber(r.total) }),
      )
      .join(" ; "),
  });
  const columns = ["category", "total", "exposed", ...(shareColumn ? ["share"] : [])];
  const box = el("div", { class: "chart-box" });
  const figure = el(
    "figure",
    { class: "chart", id, "data-chart": key },
    el("figcaption", { id: `${id}-caption` }, title),
    box,
    el(
      "details",
      { class: "chart-data" },
      el("summary", {}, t("chart.data")),
      el(
        "div",
        { class: "table-wrap", role: "region", "aria-label": t(`chart.${key}.tableCaption`), tabindex: "0" },
        el(
          "table",
          { class: "data-table" },
          el("caption", {}, t(`chart.${key}.tableCaption`)),
          el(
            "thead",
            {},
            el(
              "tr",
              {},
              columns.map((h) => el("th", { scope: "col" }, t(`chart.${key}.col.${h}`))),
            ),
          ),
          el(
            "tbody",
            {},
            rows.map((r) =>
              el(
                "tr",
                {},
                el("th", { scope: "row" }, r.name),
                el("td", { class: "num" }, formatNumber(r.total)),
                el("td", { class: "num" }, formatNumber(r.exposed)),
                shareColumn ? el("td", { class: "num" }, formatShare(r.share)) : null,
              ),
            ),
          ),
        ),
      ),
    ),
  );
  if (!rows.length) {
    box.append(el("p", { class: "hint" }, t(`chart.${key}.empty`)));
    return figure;
  }
  let drawn = 0;
  const draw = () => {
    const width = Math.floor(box.clientWidth);
    if (!width || Math.abs(width - drawn) < 2) return;
    drawn = width;
    box.replaceChildren(drawBars(rows, { width, id, key, title, description }));
  };
  // Drawn once in the page (its width is known then), again when its box changes width.
  new ResizeObserver(draw).observe(box);
  return figure;
}

/** Lines of at most `width` pixels (estimated: SVG text does not wrap by itself). */
function wrap(text, width, font) {
  const perLine = Math.max(8, Math.floor(width / (font * 0.56)));
  const lines = [];
  for (const word of text.split(" ")) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= perLine) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** A text of one or more lines from (x, y) (y: top of the first line); returns it and its height. */
function textBlock(text, { x, y, width, font, fill }) {
  const lines = wrap(text, width - x, font);
  const line = Math.round(font * 1.3);
  const node = svg(
    "text",
    { x, y: y + font, "font-size": font, fill },
    lines.map((l, i) => svg("tspan", { x, dy: i ? line : null }, l)),
  );
  return { node, height: lines.length * line };
}

function drawBars(rows, { width, id, key, title, description }) {
  const max = Math.max(...rows.map((r) => r.total));
  const font = 14;
  const bar = 16;
  const usable = width - 2;
  const hatch = `${id}-hatch`;
  let y = 0;
  const swatch = (fill, stroke, text) => {
    const label = textBlock(text, { x: 22, y, width, font: font - 1, fill: COLORS.muted });
    const parts = [svg("rect", { x: 1, y: y + 2, width: 14, height: 14, fill, stroke, "stroke-width": 1 }), label.node];
    y += Math.max(label.height, 18) + 4;
    return parts;
  };
  const legend = [
    swatch(`url(#${hatch})`, COLORS.exposed, t(`chart.${key}.legendExposed`)),
    swatch(COLORS.other, COLORS.otherStroke, t(`chart.${key}.legendOther`)),
  ];
  y += 8;
  const bars = rows.map((r) => {
    const total = Math.max(1, Math.round((r.total / max) * usable));
    const exposed = Math.round((r.exposed / r.total) * total);
    const label = textBlock(
      t(`chart.${key}.rowLabel`, { name: r.name, exposed: formatNumber(r.exposed), total: formatNumber(r.total) }),
      { x: 0, y, width, font, fill: COLORS.text },
    );
    const top = y + label.height + 2;
    y = top + bar + 12;
    return svg(
      "g",
      { class: "chart-row", "data-category": r.name },
      label.node,
      svg("rect", {
        class: "bar-total",
        x: 1,
        y: top,
        width: total,
        height: bar,
        fill: COLORS.other,
        stroke: COLORS.otherStroke,
        "stroke-width": 1,
      }),
      exposed > 0
        ? svg("rect", {
            class: "bar-exposed",
            x: 1,
            y: top,
            width: exposed,
            height: bar,
            fill: `url(#${hatch})`,
            stroke: COLORS.exposed,
            "stroke-width": 1,
          })
        : null,
    );
  });
  const height = y;
  return svg(
    "svg",
    {
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: "img",
      "aria-labelledby": `${id}-title ${id}-desc`,
      class: "chart-svg",
      "font-family": "system-ui, sans-serif",
    },
    svg("title", { id: `${id}-title` }, title),
    svg("desc", { id: `${id}-desc` }, description),
    svg(
      "defs",
      {},
      svg(
        "pattern",
        { id: hatch, width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
        svg("rect", { width: 6, height: 6, fill: COLORS.exposed }),
        svg("line", { x1: 0, y1: 0, x2: 0, y2: 6, stroke: "#fff", "stroke-width": 2 }),
      ),
    ),
    legend,
    bars,
  );
}
