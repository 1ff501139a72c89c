// @ts-check
// Charts of the map and of a plan, drawn by Chart.js (pinned npm dependency, served by Cap Libre itself at
// /vendor/chart.umd.min.js, loaded the first time a chart is shown). Each chart is a figure: its caption, a canvas
// that is an image named by that caption and described by one sentence listing its data, then the same data as a
// table under « Voir les données du graphique ». If the library cannot be loaded or the chart cannot be drawn, the
// table is opened in its place and a sentence says so. No animation when the person asked for reduced motion; the
// canvas follows the width of its box and is printed at the width of the page.
import { countOf, countryName, el, formatNumber, formatShare, t } from "./lib.js";

/** @typedef {import("../server/inventory/types.ts").InventorySummary} InventorySummary */
/** @typedef {import("../server/inventory/types.ts").CategorySummary} CategorySummary */
/** @typedef {import("../server/inventory/types.ts").CountrySummary} CountrySummary */
/** @typedef {import("../server/inventory/types.ts").InventoryItem} InventoryItem */
// The parts of a plan and its progress the timeline reads (server/tracking/plan.ts, which the page cannot import:
// that module reads files with node).
/** @typedef {{ date: string, value: number | null }} PlanCheckpoint */
/**
 * @typedef {{
 *   adoptedAt: string,
 *   target: { value: number, date: string },
 *   milestones: { date: string, value: number, label: string }[],
 *   checkpoints: PlanCheckpoint[],
 * }} Plan
 */
/** @typedef {{ checkpoints: { checkpoint: PlanCheckpoint, planned: number | null }[] }} Progress */

/**
 * One row of a chart's table: its header cell, then its values as shown.
 * @typedef {{ name: string, cells: string[] }} TableRow
 */

/**
 * What a figure needs: its messages' key (`chart.<key>.*`), its description's items, its table, and the Chart.js
 * configuration built once the library is there (`null`: nothing to draw, the empty message is shown).
 * @typedef {{
 *   key: string,
 *   description: string,
 *   columns: string[],
 *   rows: TableRow[],
 *   height: number,
 *   config: ((Chart: any) => object) | null,
 *   note?: string | null,
 * }} FigureSpec
 */

/** Served as `/vendor/chart.umd.min.js?v=<hash of its contents>`: the server writes the version here (web-files.ts). */
export const CHART_JS_URL = "/vendor/chart.umd.min.js";

const COLORS = {
  exposed: "#8b0000",
  other: "#e3e3fd",
  otherStroke: "#000091",
  accent: "#000091",
  measured: "#8b0000",
  text: "#1e1e1e",
  grid: "#d0d0d0",
};

/** @type {Promise<any> | null} */
let library = null;

/** Chart.js, loaded once from our own origin (a classic script: its UMD build sets `globalThis.Chart`). */
export function loadChartJs() {
  const g = /** @type {any} */ (globalThis);
  if (g.Chart) return Promise.resolve(g.Chart);
  library ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = CHART_JS_URL;
    script.onload = () => (g.Chart ? resolve(g.Chart) : reject(new Error("Chart.js")));
    script.onerror = () => {
      script.remove();
      library = null; // tried again at the next chart
      reject(new Error("Chart.js"));
    };
    document.head.append(script);
  }).then((Chart) => {
    Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
    Chart.defaults.font.size = 13;
    Chart.defaults.color = COLORS.text;
    Chart.defaults.locale = "fr-FR";
    // Printed sharp: the canvas is drawn at twice its size at least.
    Chart.defaults.devicePixelRatio = Math.max(2, window.devicePixelRatio || 1);
    // On paper the canvas takes the page's width (style.css): drawn again for it, then back after printing.
    const resizeAll = () => {
      for (const chart of Object.values(Chart.instances)) chart.resize();
    };
    window.addEventListener("beforeprint", resizeAll);
    window.addEventListener("afterprint", resizeAll);
    return Chart;
  });
  return library;
}

export const reducedMotion = () => window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;

let counter = 0;

/**
 * A figure: caption, canvas (drawn when Chart.js is there), its data as a table. Returned at once, drawn later.
 * @param {FigureSpec} spec
 */
function figure(spec) {
  const id = `chart-${++counter}`;
  const title = t(`chart.${spec.key}.title`);
  const caption = t(`chart.${spec.key}.tableCaption`);
  const box = el("div", { class: "chart-box" });
  const description = el("p", { id: `${id}-desc`, class: "visually-hidden" }, spec.description);
  const details = el(
    "details",
    { class: "chart-data" },
    el("summary", {}, t("chart.data")),
    el(
      "div",
      { class: "table-wrap", role: "region", "aria-label": caption, tabindex: "0" },
      el(
        "table",
        { class: "data-table" },
        el("caption", {}, caption),
        el(
          "thead",
          {},
          el(
            "tr",
            {},
            spec.columns.map((h) => el("th", { scope: "col" }, h)),
          ),
        ),
        el(
          "tbody",
          {},
          spec.rows.map((r) =>
            el(
              "tr",
              {},
              el("th", { scope: "row" }, r.name),
              r.cells.map((c) => el("td", { class: "num" }, c)),
            ),
          ),
        ),
      ),
    ),
  );
  const node = el(
    "figure",
    { class: "chart", id, "data-chart": spec.key },
    el("figcaption", { id: `${id}-caption` }, title),
    spec.note ? el("p", { class: "hint" }, spec.note) : null,
    box,
    description,
    details,
  );
  const config = spec.config;
  if (!config || !spec.rows.length) {
    box.append(el("p", { class: "hint" }, t(`chart.${spec.key}.empty`)));
    node.dataset.chartState = "empty";
    return node;
  }
  box.style.height = `${spec.height}px`;
  const canvas = el("canvas", {
    role: "img",
    "aria-labelledby": `${id}-caption`,
    "aria-describedby": `${id}-desc`,
  });
  box.append(canvas);
  node.dataset.chartState = "loading";
  loadChartJs()
    .then((Chart) => {
      new Chart(canvas, config(Chart));
      node.dataset.chartState = "drawn";
    })
    .catch(() => {
      // The data stays readable: the table is opened where the chart would be.
      canvas.remove();
      box.style.height = "";
      box.append(el("p", { class: "hint chart-failed" }, t("chart.failed")));
      details.open = true;
      node.dataset.chartState = "failed";
    });
  return node;
}

/** A label cut into lines of about `width` characters (Chart.js draws an array as lines). */
function lines(text, width = 22) {
  const out = [];
  for (const word of text.split(" ")) {
    const last = out.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= width) out[out.length - 1] = `${last} ${word}`;
    else out.push(word);
  }
  return out;
}

/** Diagonal hatching for the exposed part: told apart from the rest by more than its colour (RGAA 3.2). */
function hatch() {
  const size = 8;
  const tile = document.createElement("canvas");
  tile.width = size;
  tile.height = size;
  const ctx = tile.getContext("2d");
  if (!ctx) return COLORS.exposed;
  ctx.fillStyle = COLORS.exposed;
  ctx.fillRect(0, 0, size, size);
  ctx.strokeStyle = "#ffffff";
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(0, size);
  ctx.lineTo(size, 0);
  ctx.moveTo(-2, 2);
  ctx.lineTo(2, -2);
  ctx.moveTo(size - 2, size + 2);
  ctx.lineTo(size + 2, size - 2);
  ctx.stroke();
  return ctx.createPattern(tile, "repeat") ?? COLORS.exposed;
}

/** Options shared by the bar charts: horizontal bars, French numbers, no animation when reduced motion is asked. */
function barOptions({ stacked, axis, legend = true }) {
  return {
    indexAxis: "y",
    responsive: true,
    maintainAspectRatio: false,
    animation: reducedMotion() ? false : { duration: 300 },
    plugins: {
      legend: { display: legend, position: "top", align: "start" },
      tooltip: { callbacks: { label: (c) => `${c.dataset.label} : ${formatNumber(c.parsed.x)}` } },
    },
    scales: {
      x: {
        stacked,
        beginAtZero: true,
        title: { display: true, text: axis },
        ticks: { precision: 0, callback: (v) => formatNumber(Number(v)) },
        grid: { color: COLORS.grid },
      },
      y: { stacked, ticks: { autoSkip: false }, grid: { display: false } },
    },
  };
}

const barHeight = (rows, legend = true) => rows * 40 + (legend ? 110 : 70);

/**
 * Stacked bars « exposed / other » with their table: categories, countries, laws.
 * @param {string} key
 * @param {{ name: string, total: number, exposed: number, share: number | null, known?: number }[]} rows known: the
 *   installations of known origin the share is counted on, said with it when some are not (trial14 B15)
 * @param {{ note?: string | null, otherIsRest?: boolean }} [options] otherIsRest: the other bar is the rest up to the total
 */
function exposedBars(key, rows, { note = null } = {}) {
  return figure({
    key,
    note,
    description: t(`chart.${key}.desc`, {
      list: rows
        .map((r) =>
          t(`chart.${key}.item`, { name: r.name, exposed: formatNumber(r.exposed), total: formatNumber(r.total) }),
        )
        .join(" ; "),
    }),
    columns: ["category", "total", "exposed", "share"].map((c) => t(`chart.${key}.col.${c}`)),
    rows: rows.map((r) => ({
      name: r.name,
      cells: [
        formatNumber(r.total),
        formatNumber(r.exposed),
        r.known !== undefined && r.known > 0 && r.known < r.total
          ? t("chart.shareOfKnown", { share: formatShare(r.share), known: formatNumber(r.known) })
          : formatShare(r.share),
      ],
    })),
    height: barHeight(rows.length),
    config: () => ({
      type: "bar",
      data: {
        labels: rows.map((r) => lines(r.name)),
        datasets: [
          {
            label: t(`chart.${key}.legendExposed`),
            data: rows.map((r) => r.exposed),
            backgroundColor: hatch(),
            borderColor: COLORS.exposed,
            borderWidth: 1,
          },
          {
            label: t(`chart.${key}.legendOther`),
            data: rows.map((r) => r.total - r.exposed),
            backgroundColor: COLORS.other,
            borderColor: COLORS.otherStroke,
            borderWidth: 1,
          },
        ],
      },
      options: barOptions({ stacked: true, axis: t("chart.axisInstallations") }),
    }),
  });
}

/**
 * « Installations extra-européennes par catégorie »: each category with installations, its extra-European part
 * hatched in dark red, the rest plain; from the most installed.
 * @param {CategorySummary[]} categories
 * @param {{ label: (category: string) => string }} options
 */
export function exposureByCategory(categories, { label }) {
  const rows = categories
    .filter((c) => c.installations > 0)
    .map((c) => ({
      name: label(c.category),
      total: c.installations,
      exposed: c.extraEuropean.installations ?? 0,
      share: c.extraEuropean.share,
      known: c.extraEuropean.known,
    }))
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, "fr"));
  return exposedBars("exposure", rows);
}

/**
 * « Installations par pays »: the installations by the country of the entity that controls the vendor (the
 * summary's `countries`, which the server adds to analyses saved before it had them).
 * @param {InventorySummary} summary
 */
export function installationsByCountry(summary) {
  const countries = summary.countries;
  if (!countries) {
    return figure({
      key: "country",
      description: "",
      columns: [],
      rows: [],
      height: 0,
      config: null,
      note: t("chart.country.partial"),
    });
  }
  const total = summary.installations;
  const rows = countries
    .filter((c) => c.installations > 0)
    .map((c) => ({
      name: c.country ? countryName(c.country) : t(c.community ? "chart.country.community" : "chart.country.unknown"),
      total: c.installations,
      exposed: c.exposed,
      share: total ? c.installations / total : null,
    }));
  return exposedBars("country", rows);
}

/**
 * « Installations exposées, par loi extra-européenne »: for each law reaching a vendor of the inventory, the
 * installations it reaches (hatched) out of all the inventory's installations.
 * @param {InventorySummary} summary
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
  return exposedBars("law", rows);
}

/**
 * « Exposition pondérée »: the points each category adds to the score, most first.
 * @param {InventorySummary["score"]} score
 * @param {{ label: (category: string) => string }} options
 */
export function scoreByCategory(score, { label }) {
  const rows = score.components
    .filter((c) => c.installations > 0)
    .map((c) => ({ ...c, name: label(c.category) }))
    .sort((a, b) => b.points - a.points || a.name.localeCompare(b.name, "fr"));
  const points = (n) => formatNumber(Math.round(n * 10) / 10);
  return figure({
    key: "score",
    description: t("chart.score.desc", {
      value: score.value === null ? "—" : `${formatNumber(score.value)} %`,
      // « 0,5 point », « 2 points »: the one plural rule (`countOf`).
      list: rows
        .map((r) => t("chart.score.item", { name: r.name, points: countOf("point", Math.round(r.points * 10) / 10) }))
        .join(" ; "),
    }),
    columns: ["category", "installations", "dependency", "weight", "points"].map((c) => t(`chart.score.col.${c}`)),
    rows: rows.map((r) => ({
      name: r.name,
      cells: [formatNumber(r.installations), formatShare(r.dependency), formatNumber(r.weight), points(r.points)],
    })),
    height: barHeight(rows.length, false),
    config:
      score.value === null
        ? null
        : () => ({
            type: "bar",
            data: {
              labels: rows.map((r) => lines(r.name)),
              datasets: [
                {
                  label: t("chart.score.legend"),
                  data: rows.map((r) => r.points),
                  backgroundColor: COLORS.accent,
                  borderColor: COLORS.accent,
                  borderWidth: 1,
                },
              ],
            },
            options: barOptions({ stacked: false, axis: t("chart.score.axis"), legend: false }),
          }),
  });
}

const DAY = 24 * 60 * 60 * 1000;
const time = (date) => Date.parse(`${date}T00:00:00Z`);

/**
 * The roadmap as a timeline: the planned trajectory through its milestones to the target, and the value measured at
 * each inventory, on a time axis (dates written in French; no date adapter needed).
 * @param {Plan} plan
 * @param {Progress} progress
 * @param {{ day: (date: string) => string, pct: (value: number | null) => string, measure: string }} format
 */
export function roadmapTimeline(plan, progress, { day, pct, measure }) {
  const baseline = plan.checkpoints[0];
  const start = baseline?.date ?? plan.adoptedAt.slice(0, 10);
  /** @type {{ date: string, kind: string, label: string, planned: number | null, measured: number | null }[]} */
  const steps = [
    {
      date: start,
      kind: "baseline",
      label: t("chart.timeline.kind.baseline"),
      planned: baseline?.value ?? null,
      measured: null,
    },
    ...plan.milestones.map((m) => ({
      date: m.date,
      kind: "milestone",
      label: m.label,
      planned: m.value,
      measured: null,
    })),
    ...(plan.milestones.some((m) => m.date === plan.target.date)
      ? []
      : [
          {
            date: plan.target.date,
            kind: "target",
            label: t("chart.timeline.kind.target"),
            planned: plan.target.value,
            measured: null,
          },
        ]),
    ...progress.checkpoints.map((c) => ({
      date: c.checkpoint.date,
      kind: "checkpoint",
      label: t("chart.timeline.kind.checkpoint"),
      planned: c.planned,
      measured: c.checkpoint.value,
    })),
  ].sort((a, b) => a.date.localeCompare(b.date) || Number(a.kind === "checkpoint") - Number(b.kind === "checkpoint"));
  const plannedPoints = steps
    .filter((s) => s.kind !== "checkpoint" && s.planned !== null)
    .map((s) => ({ x: time(s.date), y: s.planned, label: s.label }));
  const measuredPoints = progress.checkpoints
    .filter((c) => c.checkpoint.value !== null)
    .map((c) => ({ x: time(c.checkpoint.date), y: c.checkpoint.value, label: t("chart.timeline.kind.checkpoint") }));
  const values = [...plannedPoints, ...measuredPoints].map((p) => p.y);
  const dateLabel = (x) => day(new Date(x).toISOString().slice(0, 10));
  const span = Math.max(DAY, time(plan.target.date) - time(start));
  const end = Math.max(time(plan.target.date), ...measuredPoints.map((p) => p.x));
  const years = [];
  for (let y = new Date(time(start)).getUTCFullYear() + 1; time(`${y}-01-01`) <= end; y++)
    years.push(time(`${y}-01-01`));
  return figure({
    key: "timeline",
    description: t("chart.timeline.desc", {
      measure,
      from: pct(baseline?.value ?? null),
      start: day(start),
      target: pct(plan.target.value),
      end: day(plan.target.date),
      list: steps
        .map((s) =>
          t("chart.timeline.item", {
            date: day(s.date),
            what: [
              s.kind === "milestone" ? `${t("chart.timeline.kind.milestone")} « ${s.label} »` : s.label,
              s.planned !== null ? `${t("chart.timeline.col.planned").toLowerCase()} ${pct(s.planned)}` : null,
              s.measured !== null ? `${t("chart.timeline.col.measured").toLowerCase()} ${pct(s.measured)}` : null,
            ]
              .filter(Boolean)
              .join(", "),
          }),
        )
        .join(" ; "),
    }),
    columns: ["date", "kind", "label", "planned", "measured"].map((c) => t(`chart.timeline.col.${c}`)),
    rows: steps.map((s) => ({
      name: day(s.date),
      cells: [
        t(`chart.timeline.kind.${s.kind}`),
        s.label,
        s.planned === null ? "—" : pct(s.planned),
        s.measured === null ? "—" : pct(s.measured),
      ],
    })),
    height: 320,
    config: () => ({
      type: "line",
      data: {
        // The measures first: drawn over the trajectory (Chart.js draws the first dataset last).
        datasets: [
          {
            label: t("chart.timeline.measured"),
            data: measuredPoints,
            borderColor: COLORS.measured,
            backgroundColor: COLORS.measured,
            pointStyle: "circle",
            pointRadius: 6,
            tension: 0,
            clip: 8,
          },
          {
            label: t("chart.timeline.planned"),
            data: plannedPoints,
            borderColor: COLORS.accent,
            backgroundColor: "#ffffff",
            borderDash: [6, 4],
            pointStyle: "rectRot",
            pointRadius: 7,
            pointBorderWidth: 2,
            tension: 0,
            clip: 8,
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: reducedMotion() ? false : { duration: 300 },
        parsing: false,
        plugins: {
          legend: { position: "top", align: "start", labels: { usePointStyle: true } },
          tooltip: {
            callbacks: {
              title: (items) => (items[0] ? dateLabel(items[0].parsed.x) : ""),
              label: (c) => `${c.dataset.label} (${c.raw.label}) : ${pct(c.parsed.y)}`,
            },
          },
        },
        scales: {
          x: {
            type: "linear",
            min: time(start) - span * 0.03,
            max: end + span * 0.03,
            // One tick on the first of January of each year (every other year past six), written as the year.
            afterBuildTicks: (axis) => {
              axis.ticks = years.filter((_, i) => years.length <= 6 || i % 2 === 0).map((value) => ({ value }));
            },
            ticks: { callback: (v) => String(new Date(Number(v)).getUTCFullYear()) },
            grid: { color: COLORS.grid },
          },
          y: {
            beginAtZero: true,
            max: Math.min(100, Math.ceil((Math.max(10, ...values) * 1.1) / 10) * 10),
            title: { display: true, text: t("chart.timeline.axis") },
            ticks: { callback: (v) => `${formatNumber(Number(v))} %` },
            grid: { color: COLORS.grid },
          },
        },
      },
    }),
  });
}
