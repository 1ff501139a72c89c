/**
 * What citizens read: the public page of a published plan (server-rendered HTML that works without JavaScript,
 * with its chart as inline SVG and the same figures as a table), the open data (CSV and JSON, documented in
 * `docs/open-data.md`) and the static bundle a collectivité puts on its own website. Everything comes from the
 * published snapshot, never from the live plan or the inventory.
 */
import { readFileSync } from "node:fs";
import { strToU8, zipSync } from "fflate";
import { collectiviteKindLabel, contract, withArticle } from "../core/labels.ts";
import { escapeHtml, fold, formatInt, frenchDate, localDay, percentText } from "../core/text.ts";
import { message } from "../i18n/messages.ts";
import { wordListLines } from "../i18n/word-lists.ts";
import { type PublicSnapshot, startingCheckpoint } from "./plan.ts";
import { productStatus } from "./product-status.ts";

const esc = escapeHtml;
const t = (key: string, params: Record<string, string | number> = {}) => message(`tracking.public.${key}`, params);

/** Words that make an event a decision of the collectivité (`decision-words.txt`), folded. */
const DECISION_WORDS = new Set(wordListLines("decision-words.txt").map(fold));

/**
 * The collectivité's decision the commitment rests on: the latest event dated on or before the adoption in Cap Libre
 * whose text reads as a decision (« Délibération du conseil … », « Le conseil a voté … »). The commitment is dated by
 * the adoption, a tool's act; the council's vote is shown beside it with its own date (trial24 T-M6).
 */
function commitmentDecision(s: PublicSnapshot): { date: string; text: string } | undefined {
  const adopted = localDay(s.adoptedAt);
  return s.events
    .filter(
      (e) =>
        e.date <= adopted &&
        fold(e.text)
          .split(/[^\p{L}]+/u)
          .some((w) => DECISION_WORDS.has(w)),
    )
    .sort((a, b) => a.date.localeCompare(b.date))
    .at(-1);
}

export const PUBLIC_CSS = readFileSync(new URL("../../web/public.css", import.meta.url), "utf8");

/** « licence » before a licence's name, unless the name begins with the word (« Licence Ouverte », trial 8). */
const licenceLead = (name: string) => {
  const lead = t("licence");
  return fold(name).startsWith(fold(lead)) ? "" : `${esc(lead)} `;
};

const LICENCES = {
  "etalab-2.0": {
    name: "Licence Ouverte / Open Licence 2.0 (Etalab)",
    url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
  },
  odbl: { name: "Open Database License (ODbL) 1.0", url: "https://opendatacommons.org/licenses/odbl/1-0/" },
} as const;

/**
 * How each series is drawn, as SVG presentation attributes: the chart looks the same inline, as an image
 * (`/api/plans/:id/chart.svg`) and in the static bundle, with no stylesheet and nothing a CSP would block.
 */
const STROKES = {
  grid: 'stroke="#ccc" stroke-width="1"',
  planned: 'fill="none" stroke="#6a6a6a" stroke-width="2" stroke-dasharray="6 4"',
  measured: 'fill="none" stroke="#000091" stroke-width="3"',
  target: 'stroke="#b34000" stroke-width="2" stroke-dasharray="2 3"',
} as const;

const MONTH_YEAR = new Intl.DateTimeFormat("fr-FR", { month: "short", year: "numeric", timeZone: "UTC" });
/** Least distance, in the chart's units, between the start's label and a year's. */
const MIN_LABEL_GAP = 40;

/**
 * The chart's two drawings: `wide` for a screen, the image (`/api/plans/:id/chart.svg`) and print; `narrow` for a
 * phone (public.css shows it under 40rem), drawn at the phone's width so that the whole curve, the target's year and
 * the legend are in the first view and its text reads at 14 px without scrolling sideways (trial14 B14). Its title
 * and description take other ids, each id once in the page.
 */
const LAYOUTS = {
  // The start's label is centred on the start: « janv. 2026 » is some 60 units long at 12 px, 70 at 14 px (narrow),
  // and a year's some 30; the first year's label comes after it (centre to centre).
  wide: { W: 640, H: 300, bottom: 40, legendX: 56 + 8, legendStep: 150, startGap: 50, ids: "" },
  narrow: { W: 340, H: 290, bottom: 50, legendX: 8, legendStep: 100, startGap: 60, ids: "-narrow" },
} as const;

/** The measure over time against the plan, as an SVG a screen reader skips (the table below carries the figures). */
export function progressChart(s: PublicSnapshot, layout: keyof typeof LAYOUTS = "wide"): string {
  const { W, H, bottom, legendX, legendStep, startGap, ids } = LAYOUTS[layout];
  const pad = { left: 56, right: 16, top: 16, bottom };
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`);
  const start = day(s.checkpoints[0]?.date ?? localDay(s.adoptedAt));
  const end = Math.max(day(s.target.date), ...s.checkpoints.map((c) => day(c.date)));
  const values = [
    s.target.value,
    ...s.milestones.map((m) => m.value),
    ...s.checkpoints.flatMap((c) => (c.value === null ? [] : [c.value])),
  ];
  const top = Math.min(100, Math.ceil((Math.max(...values) + 5) / 10) * 10);
  const x = (d: string) => pad.left + ((day(d) - start) / Math.max(1, end - start)) * (W - pad.left - pad.right);
  const y = (v: number) => pad.top + (1 - v / top) * (H - pad.top - pad.bottom);
  // The trajectory starts from the inventory at or just before the adoption (`startingCheckpoint`), as the planned
  // values of the table do: nothing was planned before the vote.
  const from = startingCheckpoint(s);
  const planned = [
    { date: from?.date ?? localDay(s.adoptedAt), value: from?.value ?? s.target.value },
    ...s.milestones.filter((m) => !from || m.date > from.date),
  ];
  const measured = s.checkpoints.filter((c) => c.value !== null);
  const grid: string[] = [];
  for (let v = 0; v <= top; v += top > 50 ? 20 : 10) {
    grid.push(
      `<line x1="${pad.left}" x2="${W - pad.right}" y1="${y(v)}" y2="${y(v)}" ${STROKES.grid}/><text x="${pad.left - 8}" y="${y(v) + 4}" text-anchor="end">${percentText(v)}</text>`,
    );
  }
  // The start of the curve is named by its month (« déc. 2026 »): a year label a few days later (« 2027 » on
  // 1 January) would read as the date of the December points (trial6 B7); a year too close to it keeps its gridline.
  const startDay = new Date(start).toISOString().slice(0, 10);
  const years: string[] = [
    `<text x="${x(startDay)}" y="${H - pad.bottom + 18}" text-anchor="middle">${esc(MONTH_YEAR.format(start))}</text>`,
  ];
  // Every year the line crosses is named, under its own span (between its gridline and the next one, or the curve's
  // end): at the span's middle, pushed right past the label before it when the span leaves room, so that a year
  // beginning a few weeks after the start is named too (trial24 T-L5: « déc. 2026 », « 2028 », « 2029 », no 2027).
  // A span too narrow for its label (a long plan on the narrow chart) keeps its gridline only.
  // The gridlines stop at the axis: a label may pass its span's end by a little.
  const SPAN_MARGIN = 4;
  let lastLabel = x(startDay);
  for (let year = new Date(start).getUTCFullYear() + 1; Date.UTC(year, 0, 1) <= end; year++) {
    const d = `${year}-01-01`;
    const spanEnd = Math.min(x(`${year + 1}-01-01`), W - pad.right);
    const gap = lastLabel === x(startDay) ? startGap : MIN_LABEL_GAP;
    const at = Math.max((x(d) + spanEnd) / 2, lastLabel + gap);
    const shown = at <= Math.max(x(d), spanEnd - SPAN_MARGIN);
    if (shown) lastLabel = at;
    const label = shown
      ? `<text x="${at.toFixed(1)}" y="${H - pad.bottom + 18}" text-anchor="middle">${year}</text>`
      : "";
    years.push(`<line x1="${x(d)}" x2="${x(d)}" y1="${pad.top}" y2="${H - pad.bottom}" ${STROKES.grid}/>${label}`);
  }
  const path = (pts: { date: string; value: number | null }[]) =>
    pts.map((p, i) => `${i ? "L" : "M"}${x(p.date).toFixed(1)},${y(p.value!).toFixed(1)}`).join(" ");
  return `<svg class="chart chart-${layout}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif" font-size="12" fill="#1e1e1e" role="img" aria-labelledby="chart-title${ids} chart-desc${ids}" xmlns="http://www.w3.org/2000/svg">
<title id="chart-title${ids}">${esc(t("chartTitle"))}</title>
<desc id="chart-desc${ids}">${esc(t("chartDesc", { target: percentText(s.target.value), date: frenchDate(s.target.date), latest: percentText(measured.at(-1)?.value ?? null) }))}</desc>
${grid.join("\n")}
${years.join("\n")}
<path d="${path(planned)}" ${STROKES.planned}/>
<line x1="${pad.left}" x2="${W - pad.right}" y1="${y(s.target.value)}" y2="${y(s.target.value)}" ${STROKES.target}/>
<path d="${path(measured)}" ${STROKES.measured}/>
${measured.map((c) => `<circle cx="${x(c.date).toFixed(1)}" cy="${y(c.value!).toFixed(1)}" r="4" fill="#000091"/>`).join("")}
<g class="legend" transform="translate(${legendX},${H - 8})">
${(
  [
    ["measured", "legendMeasured"],
    ["planned", "legendPlanned"],
    ["target", "legendTarget"],
  ] as const
)
  .map(
    ([stroke, key], i) =>
      `<line x1="${i * legendStep}" x2="${i * legendStep + 24}" y1="-4" y2="-4" ${STROKES[stroke]}/><text x="${i * legendStep + 30}" y="0">${esc(t(key))}</text>`,
  )
  .join("\n")}
</g>
</svg>`;
}

const MILESTONE_STATE: Record<string, string> = {
  met: "atteint",
  missed: "manqué",
  late: "échéance passée, pas encore mesuré",
  unmeasured: "non mesuré à l'échéance (pas d'inventaire dans les quatre mois)",
  upcoming: "à venir",
};
/**
 * One analysis among the page's sources: its day, « (point de départ) » for the baseline, and the analysis it comes
 * from when another inventory describes the same day (two « inventaire logiciel du 5 décembre 2026 » read as one
 * listed twice: trial 2026-12-05).
 */
function sourceLine(s: PublicSnapshot, i: number): string {
  const c = s.checkpoints[i]!;
  const line = t("sourceLine", { date: frenchDate(c.date) }) + (i === 0 ? ` ${t("baseline")}` : "");
  const sameDay = s.checkpoints.filter((o) => o.date === c.date).length > 1;
  return sameDay ? `${line}${t("sourceSameDay", { id: c.analysisId })}` : line;
}

/**
 * The plan has no milestone of its own before its target (a plan typed with only a target, trial12 A8): the planned
 * values are the straight line to the target, which the page says is Cap Libre's, not the collectivité's.
 */
const linear = (s: PublicSnapshot) => !s.milestones.some((m) => m.date < s.target.date);

/** What changed between the baseline and the inventory just before the adoption, in one sentence (trial12 B3). */
function beforeAdoptionText(s: PublicSnapshot): string | null {
  const b = s.changes.beforeAdoption;
  if (!b) return null;
  const same = percentText(b.fromValue) === percentText(b.toValue);
  // Nothing to say when nothing moved; « est restée à 93 % » when only dependencies went.
  if (same && !b.replaced.length) return null;
  const down = b.fromValue !== null && b.toValue !== null && b.toValue < b.fromValue;
  return t(same ? "beforeAdoptionSame" : down ? "beforeAdoption" : "beforeAdoptionUp", {
    from: frenchDate(b.from),
    to: frenchDate(b.to),
    measure: t(s.measure === "weighted" ? "measureWeightedThe" : "measureRawThe"),
    fromValue: percentText(b.fromValue),
    toValue: percentText(b.toValue),
    replaced: b.replaced.length ? t("beforeAdoptionReplaced", { list: b.replaced.join(", ") }) : "",
  });
}

/**
 * The inventories whose perimeter differs from the previous one's (other files, installations jumping by more than a
 * tenth), each said under the progress table with its date: part of the change is the perimeter's (trial14 B5).
 */
function perimeterNotes(s: PublicSnapshot): string {
  const notes = s.checkpoints
    .filter((c) => c.perimeter)
    .map((c) => `<p class="notice">${esc(t("perimeter", { date: frenchDate(c.date), notice: c.perimeter! }))}</p>\n`);
  return notes.join("");
}

/** The public page, complete in itself but for its stylesheet (`public.css` beside it, or served by Cap Libre). */
export function renderPublicPage(
  s: PublicSnapshot,
  options: { cssHref: string; dataHref: string; csvHref: string },
): string {
  const latest = s.checkpoints.at(-1) ?? null;
  // The name inside a sentence: « le suivi de la Communauté de communes … », « …, la Mairie de … a inscrit », « le
  // suivi du Département … »; a proper name as it is (trial6 B7).
  const named = withArticle(s.collectivite.name);
  const title = contract(t("pageTitle", { name: named }));
  const measureName = t(s.measure === "weighted" ? "measureWeighted" : "measureRaw");
  const licence = LICENCES[s.licence];
  const list = (items: string[], empty: string) =>
    items.length ? `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join("")}</ul>` : `<p>${esc(empty)}</p>`;
  const rows = s.checkpoints
    .map(
      (c, i) =>
        `<tr><th scope="row">${esc(frenchDate(c.date))}${i === 0 ? ` ${esc(t("baseline"))}` : ""}</th><td>${percentText(c.value)}</td><td>${percentText(c.planned)}</td><td>${percentText(c.raw)}</td><td>${formatInt(c.installations)}</td></tr>`,
    )
    .join("\n");
  const milestones = s.milestones
    .map(
      (m) =>
        `<tr><th scope="row">${esc(frenchDate(m.date))}</th><td>${esc(m.label)}</td><td>${percentText(m.value)}</td><td>${percentText(m.measured)}</td><td>${esc(MILESTONE_STATE[m.state] ?? m.state)}</td></tr>`,
    )
    .join("\n");
  // Products named by their category (the default) can give rows that read alike (« Poste de travail → LibreOffice »
  // for Acrobat Pro and for Office, due or advanced differently): one row per category and replacement, with how
  // many software it covers, their due dates and their states (trial 2026-12-05).
  const grouped = new Map<
    string,
    {
      p: (typeof s.products)[number];
      count: number;
      due: Set<string>;
      beyond: boolean;
      states: Map<string, number>;
    }
  >();
  for (const p of s.products) {
    const key = JSON.stringify([p.name, p.by, p.byNote ?? null]);
    const row = grouped.get(key) ?? {
      p,
      count: 0,
      due: new Set<string>(),
      beyond: false,
      states: new Map<string, number>(),
    };
    row.count++;
    if (p.dueDate) row.due.add(p.dueDate);
    // Beyond the objective: the roadmap's own words, not « — » (round 17).
    else if (p.beyondTarget) row.beyond = true;
    // The words of the plan's page and the note (`productStatus`): « remplacé par … » only when the latest
    // inventory shows the planned replacement (trial6), « en cours » only when it (or another alternative) grew
    // (trial 11).
    const state = productStatus({ ...p, replacedBy: p.byInInventory ?? false });
    row.states.set(state, (row.states.get(state) ?? 0) + 1);
    grouped.set(key, row);
  }
  const dueText = (due: Set<string>, beyond: boolean) =>
    [...[...due].sort().map(frenchDate), ...(beyond ? [t("beyondTarget")] : [])].join(", ") || "—";
  const stateText = (states: Map<string, number>) =>
    states.size === 1 ? [...states.keys()][0]! : [...states].map(([state, n]) => `${state} (${n})`).join(" ; ");
  const products = [...grouped.values()]
    .map(
      ({ p, count, due, beyond, states }) =>
        `<tr><th scope="row">${esc(count > 1 ? t("productGroup", { name: p.name, count }) : p.name)}</th><td>${esc(p.by ? (p.byNote ? `${p.by} (${p.byNote})` : p.by) : "—")}</td><td>${esc(dueText(due, beyond))}</td><td>${esc(stateText(states))}</td></tr>`,
    )
    .join("\n");
  // Each event once: those since the last publication are under « Ce qui a changé »; the calendar lists the others.
  const listed = new Map<string, number>();
  for (const e of s.changes.events)
    listed.set(`${e.date}\u0000${e.text}`, (listed.get(`${e.date}\u0000${e.text}`) ?? 0) + 1);
  const earlier = s.events.filter((e) => {
    const key = `${e.date}\u0000${e.text}`;
    const n = listed.get(key) ?? 0;
    if (n > 0) listed.set(key, n - 1);
    return n === 0;
  });
  const decision = commitmentDecision(s);
  const events = earlier
    .map((e) => `<li><time datetime="${esc(e.date)}">${esc(frenchDate(e.date))}</time> — ${esc(e.text)}</li>`)
    .join("");
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="stylesheet" href="${esc(options.cssHref)}">
</head>
<body>
<header><p class="kicker">${esc(s.collectivite.kind ? collectiviteKindLabel(s.collectivite.kind) : t("collectivite"))}</p><h1>${esc(title)}</h1></header>
<main>
<section aria-labelledby="commitment">
<h2 id="commitment">${esc(t("commitmentTitle"))}</h2>
<p class="lead">${esc(t(`${s.measure === "weighted" ? "commitmentWeighted" : "commitment"}${s.origin === "roadmap" ? "" : "Plan"}`, { name: named, date: frenchDate(localDay(s.adoptedAt)), target: percentText(s.target.value), targetDate: frenchDate(s.target.date), from: percentText(s.checkpoints[0]?.value ?? null) }))}</p>
${decision ? `<p>${esc(t("commitmentDecision", { date: frenchDate(decision.date), text: decision.text }))}</p>\n` : ""}${latest ? `<p class="figure"><strong>${percentText(latest.value)}</strong> ${esc(t(latest.narrower ? "latestNarrower" : latest.planned === null && latest.date < localDay(s.adoptedAt) ? "latestBeforeAdoption" : "latest", { date: frenchDate(latest.date), planned: percentText(latest.planned) }))}</p>` : ""}
${latest && s.perimeter ? `<p class="notice">${esc(s.perimeter)}</p>\n` : ""}</section>
<section aria-labelledby="progress">
<h2 id="progress">${esc(t("progressTitle"))}</h2>
<div class="chart-scroll" role="region" aria-labelledby="chart-title" tabindex="0">${progressChart(s)}${progressChart(s, "narrow")}</div>
<div class="table-scroll" role="region" aria-labelledby="progress-caption" tabindex="0">
<table><caption id="progress-caption">${esc(t("progressCaption", { measure: measureName }))}</caption>
<thead><tr><th scope="col">${esc(t("colDate"))}</th><th scope="col">${esc(t("colMeasured"))}</th><th scope="col">${esc(t("colPlanned"))}</th><th scope="col">${esc(t("colRaw"))}</th><th scope="col">${esc(t("colInstallations"))}</th></tr></thead>
<tbody>${rows}</tbody></table></div>
${perimeterNotes(s)}${linear(s) ? `<p>${esc(t("trajectoryLinear"))}</p>\n` : ""}</section>
<section aria-labelledby="changes">
<h2 id="changes">${esc(t(s.changes.since === "adoption" ? "changesTitleFirst" : "changesTitle"))}</h2>
${s.changes.from ? `<p>${esc(t("changesFrom", { date: frenchDate(s.changes.from) }))}</p>\n` : ""}${beforeAdoptionText(s) ? `<p>${esc(beforeAdoptionText(s)!)}</p>\n` : ""}<h3>${esc(t("replacedTitle"))}</h3>${list(s.changes.replaced, t(s.changes.since === "adoption" ? "noneSinceAdoption" : "noneReplaced"))}
${s.changes.outside?.length ? `<p>${esc(t("outsidePerimeter", { list: s.changes.outside.join(", ") }))}</p>\n` : ""}<h3>${esc(t("appearedTitle"))}</h3>${list(s.changes.appeared, t(s.changes.since === "adoption" ? "noneSinceAdoption" : "noneAppeared"))}
<h3>${esc(t("eventsSinceTitle"))}</h3>${list(
    s.changes.events.map((e) => `${frenchDate(e.date)} — ${e.text}`),
    // (Decisions dated before the adoption, such as the council's vote, are listed further down: said here, so that a
    // citizen does not read « Aucun » as « no decision », trial24 T-M6.)
    t(
      s.changes.since === "adoption" ? (events ? "noEventsSinceAdoptionEarlier" : "noEventsSinceAdoption") : "noEvents",
    ),
  )}
</section>
<section aria-labelledby="calendar">
<h2 id="calendar">${esc(t("calendarTitle"))}</h2>
<div class="table-scroll" role="region" aria-labelledby="calendar-caption" tabindex="0">
<table><caption id="calendar-caption">${esc(t("calendarCaption"))}</caption>
<thead><tr><th scope="col">${esc(t("colDate"))}</th><th scope="col">${esc(t("colMilestone"))}</th><th scope="col">${esc(t("colPlanned"))}</th><th scope="col">${esc(t("colMeasured"))}</th><th scope="col">${esc(t("colState"))}</th></tr></thead>
<tbody>${milestones}</tbody></table></div>
${
  products
    ? `<div class="table-scroll" role="region" aria-labelledby="products-caption" tabindex="0"><table><caption id="products-caption">${esc(t("productsCaption"))}</caption>
<thead><tr><th scope="col">${esc(t("colProduct"))}</th><th scope="col">${esc(t("colBy"))}</th><th scope="col">${esc(t("colDue"))}</th><th scope="col">${esc(t("colState"))}</th></tr></thead>
<tbody>${products}</tbody></table></div>`
    : ""
}
${events ? `<h3>${esc(t("eventsTitle"))}</h3><ul>${events}</ul>` : ""}
</section>
<section aria-labelledby="method">
<h2 id="method">${esc(t("methodTitle"))}</h2>
<p>${esc(t(s.measure === "weighted" ? "methodWeighted" : "methodRaw"))}</p>
<p>${esc(t("methodSources", { count: s.checkpoints.length }))}</p>
<ul>${s.checkpoints.map((_, i) => `<li>${esc(sourceLine(s, i))}</li>`).join("")}</ul>
<p>${esc(t("openData"))} <a href="${esc(options.csvHref)}">${esc(t("csvLink"))}</a>, <a href="${esc(options.dataHref)}">${esc(t("jsonLink"))}</a> — ${licenceLead(licence.name)}<a href="${esc(licence.url)}" rel="license">${esc(licence.name)}</a>.</p>
</section>
</main>
<footer><p>${esc(t(s.reviewed ? "footer" : "footerUnreviewed", { date: frenchDate(localDay(s.publishedAt)) }))}</p></footer>
</body>
</html>
`;
}

/** The open data: one row per measure taken and per milestone (schema in `docs/open-data.md`). */
export function openDataRows(s: PublicSnapshot) {
  return [
    ...s.checkpoints.map((c) => ({
      collectivite: s.collectivite.name,
      type: "mesure" as const,
      date: c.date,
      libelle: "",
      mesure: s.measure === "weighted" ? "ponderee" : "part_brute",
      valeur_mesuree: c.value,
      valeur_prevue: c.planned,
      mesure_ponderee: c.weighted,
      part_brute: c.raw,
      installations: c.installations,
      analyse: c.analysisId,
    })),
    ...s.milestones.map((m) => ({
      collectivite: s.collectivite.name,
      type: "jalon" as const,
      date: m.date,
      libelle: m.label,
      mesure: s.measure === "weighted" ? "ponderee" : "part_brute",
      valeur_mesuree: m.measured,
      valeur_prevue: m.value,
      mesure_ponderee: null,
      part_brute: null,
      installations: null,
      analyse: "",
    })),
  ].sort((a, b) => a.date.localeCompare(b.date) || a.type.localeCompare(b.type));
}

export const OPEN_DATA_COLUMNS = [
  "collectivite",
  "type",
  "date",
  "libelle",
  "mesure",
  "valeur_mesuree",
  "valeur_prevue",
  "mesure_ponderee",
  "part_brute",
  "installations",
  "analyse",
] as const;

const csvCell = (v: unknown) => {
  if (v === null || v === undefined) return "";
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** UTF-8 CSV, comma-separated, header first, as data.gouv.fr expects. */
export function openDataCsv(s: PublicSnapshot): string {
  const rows = openDataRows(s);
  return `${[OPEN_DATA_COLUMNS.join(","), ...rows.map((r) => OPEN_DATA_COLUMNS.map((c) => csvCell(r[c])).join(","))].join("\r\n")}\r\n`;
}

export function openDataJson(s: PublicSnapshot) {
  return {
    collectivite: s.collectivite,
    titre: s.title,
    publie_le: s.publishedAt,
    licence: LICENCES[s.licence],
    engagement: {
      mesure: s.measure === "weighted" ? "ponderee" : "part_brute",
      cible: s.target.value,
      echeance: s.target.date,
      adopte_le: localDay(s.adoptedAt),
      // The planned values between: the collectivité's milestones, or a straight line Cap Libre computed (trial12 A8).
      trajectoire: linear(s) ? "ligne_droite_indicative" : "jalons",
    },
    lignes: openDataRows(s),
    evenements: s.events,
    produits: s.products,
  };
}

/** The static bundle: the page, its stylesheet and its data, to put as they are on the collectivité's website. */
export function staticBundle(s: PublicSnapshot): Uint8Array {
  const html = renderPublicPage(s, { cssHref: "public.css", dataHref: "donnees.json", csvHref: "donnees.csv" });
  return zipSync({
    [`${s.slug}/index.html`]: strToU8(html),
    [`${s.slug}/public.css`]: strToU8(PUBLIC_CSS),
    [`${s.slug}/donnees.json`]: strToU8(`${JSON.stringify(openDataJson(s), null, 2)}\n`),
    [`${s.slug}/donnees.csv`]: strToU8(openDataCsv(s)),
  });
}
