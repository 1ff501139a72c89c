// @ts-check
// « Cartographie des dépendances »: sends inventory exports to POST /api/inventory/analyze, shows the map
// (score, summary by category, quick wins, items, unknown items with a form to classify them by hand through
// PUT /api/inventory/classifications) and the saved analyses (GET /api/inventory/analyses): rename, delete,
// export (CSV, ODS), comparison with another analysis. Large analyses come a page at a time
// (GET …/analyses/:id/items and …/unknown): small ones are filtered here, large ones by the server.

import { exposureByCategory, exposureByLaw, installationsByCountry, scoreByCategory } from "./charts.js";
import { downloadLink } from "./downloads.js";
import { askTwice, prepareForm, showErrors, showServerErrors, validate } from "./forms.js";
import {
  $,
  apiError,
  cardCells,
  countOf,
  countryName,
  el,
  errorBox,
  fetchJson,
  fill,
  formatBytes,
  formatDate,
  formatDecimal,
  formatNumber,
  formatShare,
  jsonBody,
  markCurrent,
  reference,
  rememberLocation,
  setNavTarget,
  showSavedList,
  t,
  todayIso,
} from "./lib.js";

const MAX_ROWS = 300;
/** Items asked for when an analysis is opened: under this, the whole list is here and filtered locally. */
const OPEN_LIMIT = 300;
const PAGE = 100;

let shown = null; // the analysis on screen
let lastUpload = null; // { id, files } of the last upload, to analyse again after a classification
let busy = false;

/** The file field of the upload box. */
const fileInput = () => /** @type {HTMLInputElement} */ ($("inv-files"));

export const categoryLabel = (c) => t(`category.${c ?? "unclassified"}`);

let maxUploadBytes = null;

/** The server's limits (`/api/health`): the upload box says its maximum size and checks it before sending. */
export function setLimits(limits) {
  if (!limits?.maxUploadBytes || limits.maxUploadBytes === maxUploadBytes) return;
  maxUploadBytes = limits.maxUploadBytes;
  $("inv-files-limit").textContent = t("inv.filesLimit", { size: formatBytes(maxUploadBytes) });
  $("inv-files-limit").hidden = false;
}

function uploadChecks() {
  const files = [...fileInput().files];
  const total = files.reduce((n, f) => n + f.size, 0);
  if (!maxUploadBytes || total <= maxUploadBytes) return [];
  return [
    {
      control: $("inv-files"),
      message: t("inv.filesTooLarge", { size: formatBytes(total), max: formatBytes(maxUploadBytes) }),
    },
  ];
}

export function init() {
  /** @type {HTMLInputElement} */ ($("inv-date")).max = todayIso();
  prepareForm($("inv-form"));
  $("inv-form").addEventListener("submit", (e) => {
    e.preventDefault();
    if (!validate($("inv-form"), uploadChecks)) return;
    const files = [...fileInput().files];
    if (files.length && !busy) analyze(files);
  });
}

/** Called by the router: `id` is the analysis named in the address, if any. */
export function show(id, { focus = true } = {}) {
  refreshSaved();
  if (!id) {
    if (shown) clearResult();
    return;
  }
  if (shown?.id === id) return;
  open(id, { focus });
}

function clearResult() {
  shown = null;
  markCurrent($("inv-saved"), null);
  $("inv-result").replaceChildren();
  setNavTarget("inventaire", null);
}

async function open(id, { focus }) {
  const progress = $("inv-progress");
  progress.textContent = t("inv.opening");
  $("inv-error").replaceChildren();
  try {
    const analysis = await fetchJson(`/api/inventory/analyses/${encodeURIComponent(id)}?limit=${OPEN_LIMIT}`);
    progress.textContent = t("inv.opened", { date: formatDate(analysis.createdAt) });
    display(analysis, { focus });
    setNavTarget("inventaire", analysis.id);
  } catch (err) {
    progress.textContent = "";
    clearResult();
    $("inv-error").replaceChildren(errorBox(err.message));
  }
}

async function analyze(files) {
  busy = true;
  const button = /** @type {HTMLButtonElement} */ ($("inv-submit"));
  const progress = $("inv-progress");
  button.disabled = true;
  $("inv-error").replaceChildren();
  progress.textContent = t("inv.analyzing", { files: countOf("file", files.length) });
  const body = new FormData();
  for (const file of files) body.append("file", file, file.name);
  const collectivite = /** @type {HTMLInputElement} */ ($("inv-collectivite")).value.trim();
  if (collectivite) body.append("collectivite", collectivite);
  const day = /** @type {HTMLInputElement} */ ($("inv-date")).value;
  if (day) body.append("inventoryDate", day);
  try {
    const analysis = await fetchJson("/api/inventory/analyze", { method: "POST", body });
    lastUpload = { id: analysis.id, files };
    progress.textContent = analysis.reused
      ? analysis.notice
      : t("inv.done", { items: formatNumber(analysis.summary.items), ms: formatNumber(analysis.ms) });
    display(analysis, { focus: true });
    rememberLocation("inventaire", analysis.id);
    refreshSaved();
  } catch (err) {
    progress.textContent = "";
    // What the server refuses in the files (format, size, content) is said under the file field, a wrong date under
    // the date field; other errors below.
    if (err.code === "invalid_inventory_date")
      showErrors($("inv-form"), [{ control: $("inv-date"), message: err.message }]);
    else if (err.code === "invalid_collectivite")
      showErrors($("inv-form"), [{ control: $("inv-collectivite"), message: err.message }]);
    else if (err.status >= 400 && err.status < 500)
      showErrors($("inv-form"), [{ control: $("inv-files"), message: err.message }]);
    else {
      $("inv-error").replaceChildren(errorBox(err.message));
      $("inv-files").focus();
    }
  } finally {
    busy = false;
    button.disabled = false;
  }
}

async function refreshSaved() {
  const analyses = await showSavedList($("inv-saved"), {
    url: "/api/inventory/analyses",
    key: "analyses",
    dateField: "createdAt",
    empty: t("inv.savedEmpty"),
    entry: (a) => ({
      href: `#inventaire/${encodeURIComponent(a.id)}`,
      label: t("inv.savedLink", { date: formatDate(a.createdAt), files: a.name || a.files.join(", ") || a.id }),
      meta: t("inv.savedMeta", {
        items: formatNumber(a.counts.items),
        installations: countOf("installation", a.counts.installations),
        unknown: formatNumber(a.counts.unknown),
        score:
          a.counts.score === null || a.counts.score === undefined ? "—" : `${formatDecimal(a.counts.score)}\u00a0%`,
      }),
    }),
    current: () => (shown ? `#inventaire/${encodeURIComponent(shown.id)}` : null),
  });
  offerCollectivites(analyses);
}

/**
 * The collectivités already named on saved analyses, offered by the import's « Collectivité » field (a datalist);
 * when every named analysis is of one collectivité, the empty field takes its name: analyses of one collectivité are
 * compared and followed by a plan, so the next import should not be saved « non précisée » (trial 13, B6).
 */
function offerCollectivites(analyses) {
  const names = new Map();
  for (const a of analyses) if (a.collectivite) names.set(a.collectivite.toLocaleLowerCase("fr"), a.collectivite);
  $("inv-collectivite-list").replaceChildren(...[...names.values()].map((name) => el("option", { value: name })));
  const field = /** @type {HTMLInputElement} */ ($("inv-collectivite"));
  if (names.size === 1 && !field.value) field.value = [...names.values()][0];
}

// ——— The map ———

const num = (n) => el("td", { class: "num" }, formatNumber(n));
const vendorText = (vendor) => {
  if (!vendor) return "";
  const own = vendor.country
    ? t("inv.vendorCountry", { vendor: vendor.name, country: countryName(vendor.country) })
    : vendor.name;
  const text = vendor.parent
    ? t("inv.vendorParent", { vendor: own, parent: vendor.parent.name, country: countryName(vendor.parent.country) })
    : own;
  // The catalog could not confirm who controls the vendor today: said, not asserted.
  return vendor.ownershipVerified === false ? t("inv.ownershipUnverified", { vendor: text }) : text;
};

function extraBadge(value) {
  const key = value === true ? "yes" : value === false ? "no" : "unknown";
  return el("span", { class: `badge badge-${key}` }, t(`inv.extra.${key}`));
}

// A State service reserved to State agents, a part of the product only, a replacement still under an
// extra-European jurisdiction: said beside the alternative, as in the roadmap and the exports.
const alternativeText = (a) =>
  t("inv.alternative", {
    name: a.name,
    fit: t(`fit.${a.fit}`),
    details: [
      a.openSource ? t("inv.openSource") : t("inv.proprietary"),
      a.country ? countryName(a.country) : null,
      a.audience === "state" ? t("inv.altState") : null,
      // A closing bracketed part of what it covers becomes a dash: brackets never nest (as coversText on the server).
      a.covers ? t("inv.altCovers", { covers: a.covers.replace(/\s*\(([^()]*)\)\s*$/, " — $1") }) : null,
      a.extraEuropean ? t("inv.altLimited") : null,
      // Already installed (or its vendor's product): the first one to consider (trial 2026-12-05, ESET for Kaspersky).
      a.inPlace ? t("inv.altInPlace", { installations: countOf("installation", a.inPlace) }) : null,
    ]
      .filter(Boolean)
      .join(", "),
  });

// A State service's condition of access for a collectivité, with the sources that state it (the catalog card's
// « Pour une collectivité »): a DSI reads it where the alternative is offered, not only on the catalog. Folded, so
// the table stays readable; its summary says what it is.
function conditionNote(a) {
  if (!a.condition) return null;
  const sources = a.conditionSources ?? [];
  const links = sources.map((src, n) => [
    n ? " ; " : "",
    src.url ? el("a", { href: src.url, rel: "noopener noreferrer" }, src.title) : src.title,
    src.date ? ` (${src.date})` : "",
  ]);
  return el(
    "details",
    { class: "reason alt-condition" },
    el("summary", {}, t("inv.altConditionTitle"), el("span", { class: "visually-hidden" }, ` ${a.name}`)),
    el(
      "p",
      {},
      a.condition,
      sources.length
        ? [` ${t(sources.length > 1 ? "inv.altConditionSources" : "inv.altConditionSource")} `, ...links.flat(), "."]
        : null,
    ),
  );
}

function display(analysis, { focus }) {
  shown = analysis;
  markCurrent($("inv-saved"), `#inventaire/${encodeURIComponent(analysis.id)}`);
  const s = analysis.summary;
  const title = el(
    "h2",
    { id: "inv-result-title", tabindex: "-1" },
    t("inv.resultTitle", { date: formatDate(analysis.createdAt) }),
  );
  const name = analysis.name
    ? el(
        "p",
        { class: "analysis-name", id: "inv-name" },
        t("inv.nameLine", { name: analysis.name, collectivite: analysis.collectivite ?? t("inv.noCollectivite") }),
      )
    : null;
  const root = $("inv-result");
  // Some cards are null when they have nothing to say (the catalog unchanged): `fill` skips them.
  fill(
    root,
    el(
      "section",
      { class: "card", "aria-labelledby": "inv-result-title" },
      title,
      name,
      el("p", { class: "analysis-name", id: "inv-inventory-date" }, inventoryDateLine(analysis)),
      el(
        "ul",
        { class: "files" },
        analysis.files.map((f) =>
          el(
            "li",
            {},
            t("inv.fileLine", { name: f.name, format: t(`inv.format.${f.format}`), rows: countOf("rowRead", f.rows) }) +
              (f.duplicates?.length ? t("inv.fileDuplicates", { names: f.duplicates.join(", ") }) : "") +
              (f.unreadableCounts?.length
                ? t("inv.fileUnreadableCounts", {
                    lines: f.unreadableCounts
                      .map((u) => t("inv.unreadableCountLine", { line: formatNumber(u.line), value: u.value }))
                      .join(", "),
                  })
                : ""),
          ),
        ),
      ),
      el(
        "p",
        {},
        t("inv.totals", {
          items: formatNumber(s.items),
          installations: formatNumber(s.installations),
          products: formatNumber(s.products),
          toClassify: formatNumber(s.toClassify?.items ?? analysis.pages?.unknown?.total ?? analysis.unknown.length),
        }),
      ),
      s.components.items ? el("p", { class: "hint" }, setAsideText(s.components)) : null,
      // A file where nothing is known (a purchase list sent by mistake, trial11 B1) is said to be suspect.
      s.products === 0 ? el("p", { class: "notice" }, t("inv.noneIdentified")) : null,
      figures(s),
      el(
        "p",
        { class: "actions" },
        el(
          "a",
          { class: "button-link", href: "#documents", onclick: () => prefillRoadmap(analysis.id) },
          t("inv.toRoadmap"),
        ),
      ),
    ),
    catalogChangedCard(analysis),
    manageCard(analysis),
    scoreCard(s.score),
    categoriesTable(s),
    el(
      "section",
      { class: "card", "aria-labelledby": "inv-countries-title" },
      el("h3", { id: "inv-countries-title" }, t("inv.countriesTitle")),
      installationsByCountry(s),
    ),
    el(
      "section",
      { class: "card", "aria-labelledby": "inv-laws-title" },
      el("h3", { id: "inv-laws-title" }, t("inv.lawsTitle")),
      exposureByLaw(s),
    ),
    quickWins(s.quickWins),
    itemsSection(analysis),
    unknownSection(analysis),
    compareCard(analysis),
  );
  if (focus) title.focus();
}

// What the map leaves out: system components, and the computers' own models (GLPI Agent), said apart since they
// are hardware, not software.
function setAsideText(c) {
  const hardware = c.hardware?.items ?? 0;
  const items = c.items - hardware;
  const params = {
    components: countOf("component", items),
    installations: countOf("installation", c.installations - (c.hardware?.installations ?? 0)),
    hardware: countOf("hostModel", hardware),
  };
  if (!hardware) return t("inv.components", params);
  return t(items ? "inv.componentsHardware" : "inv.componentsOnlyHardware", params);
}

// The catalog said something else of this analysis's products when it was made (Zoom → Visio before Visio was
// known to be reserved to State agents): the figures stay as published, and the same inventory can be analysed
// again with today's catalog without importing it again (a new analysis; this one is kept).
function catalogChangedCard(analysis) {
  const changes = analysis.catalogChanges;
  if (!changes) return null;
  const status = el("div", { role: "status", id: "inv-recompute-status" });
  const button = el("button", { type: "button", id: "inv-recompute" }, t("inv.recompute.button"));
  button.addEventListener("click", async () => {
    button.disabled = true;
    status.replaceChildren(el("p", {}, t("inv.recompute.running")));
    try {
      const next = await fetchJson(`/api/inventory/analyses/${encodeURIComponent(analysis.id)}/recompute`, {
        method: "POST",
      });
      display(next, { focus: true });
      $("inv-progress").textContent = next.reused
        ? next.notice
        : t("inv.recompute.done", { name: next.name, from: analysis.name ?? analysis.id });
      rememberLocation("inventaire", next.id);
      refreshSaved();
    } catch (err) {
      button.disabled = false;
      status.replaceChildren(errorBox(err.message));
    }
  });
  return el(
    "section",
    { class: "card notice", "aria-labelledby": "inv-catalog-changed-title" },
    el("h3", { id: "inv-catalog-changed-title" }, t("inv.recompute.title")),
    el("p", { id: "inv-catalog-changed" }, changes.notice),
    el("p", { class: "hint" }, t("inv.recompute.hint")),
    el("p", { class: "actions" }, button),
    status,
  );
}

function prefillRoadmap(analysisId) {
  document.dispatchEvent(new CustomEvent("caplibre:prefill-draft", { detail: { type: "roadmap", analysisId } }));
}

function figures(s) {
  const figure = (label, value) => el("div", { class: "figure" }, el("dt", {}, label), el("dd", {}, value));
  return el(
    "dl",
    { class: "figures" },
    figure(t("inv.figure.extra"), formatShare(s.extraEuropean.share)),
    figure(t("inv.figure.open"), formatShare(s.openSource.share)),
    figure(t("inv.figure.classified"), formatShare((s.identified ?? s.classified).share)),
    figure(t("inv.figure.score"), s.score.value === null ? "—" : t("inv.scoreValue", { value: s.score.value })),
  );
}

function scoreCard(score) {
  return el(
    "section",
    { class: "card", "aria-labelledby": "inv-score-title" },
    el("h3", { id: "inv-score-title" }, t("inv.scoreTitle")),
    el(
      "p",
      { class: "score" },
      el("span", { class: "score-number" }, score.value === null ? "—" : String(score.value)),
      score.value === null ? null : el("span", { class: "score-max" }, t("inv.scoreMax")),
      el("span", { class: "score-level" }, score.level),
    ),
    el("p", {}, score.explanation),
    scoreByCategory(score, { label: categoryLabel }),
    el(
      "details",
      {},
      el("summary", {}, t("inv.scoreDetails")),
      el("p", { class: "formula" }, score.formula),
      el(
        "ul",
        {},
        score.components.map((c) => el("li", {}, c.explanation)),
      ),
    ),
  );
}

function categoriesTable(s) {
  const components = new Map(s.score.components.map((c) => [c.category, c]));
  const head = ["category", "products", "installations", "extra", "open", "score", "risks"];
  return el(
    "section",
    { class: "card", "aria-labelledby": "inv-categories-title" },
    el("h3", { id: "inv-categories-title" }, t("inv.categoriesTitle")),
    exposureByCategory(s.categories, { label: categoryLabel }),
    el(
      "div",
      { class: "table-wrap", role: "region", "aria-labelledby": "inv-categories-title", tabindex: "0" },
      cardCells(
        el(
          "table",
          { class: "data-table", id: "inv-categories" },
          el("caption", { class: "visually-hidden" }, t("inv.categoriesTitle")),
          el(
            "thead",
            {},
            el(
              "tr",
              {},
              head.map((h) => el("th", { scope: "col" }, t(`inv.col.${h}`))),
            ),
          ),
          el(
            "tbody",
            {},
            s.categories.map((c) => {
              const comp = components.get(c.category);
              return el(
                "tr",
                {},
                el("th", { scope: "row" }, categoryLabel(c.category)),
                num(c.products),
                num(c.installations),
                // Counted as the global share, on the installations of known origin: when some are not, how many
                // are known and how many not (trial9 B3, trial14 B15).
                el(
                  "td",
                  { class: "num" },
                  formatShare(c.extraEuropean.share),
                  c.extraEuropean.unknown
                    ? el(
                        "span",
                        { class: "cell-note" },
                        c.extraEuropean.known
                          ? t("inv.shareOfKnown", {
                              known: formatNumber(c.extraEuropean.known),
                              unknown: countOf("installation", c.extraEuropean.unknown),
                            })
                          : t("inv.unknownOrigin", { installations: countOf("installation", c.extraEuropean.unknown) }),
                      )
                    : null,
                ),
                el("td", { class: "num" }, formatShare(c.openSource.share)),
                el(
                  "td",
                  { class: "num" },
                  comp ? formatDecimal(comp.points) : "—",
                  comp
                    ? el(
                        "span",
                        { class: "cell-note" },
                        // Measured on the installations of known origin only: said when some are not.
                        t(comp.installations < c.installations ? "inv.scorePartKnown" : "inv.scorePart", {
                          dependency: formatShare(comp.dependency),
                          weight: formatDecimal(comp.weight),
                          known: countOf("installation", comp.installations),
                        }),
                      )
                    : null,
                ),
                el(
                  "td",
                  {},
                  c.risks.length
                    ? el(
                        "ul",
                        { class: "cell-list" },
                        c.risks.map((r) =>
                          el(
                            "li",
                            {},
                            t("inv.risk", {
                              label: r.label,
                              installations: countOf("installation", r.installations),
                              products: r.products.join(", "),
                            }),
                          ),
                        ),
                      )
                    : t("inv.noRisk"),
                ),
              );
            }),
          ),
        ),
      ),
    ),
  );
}

function quickWins(wins) {
  return el(
    "section",
    { class: "card", "aria-labelledby": "inv-wins-title" },
    el("h3", { id: "inv-wins-title" }, t("inv.quickWinsTitle", { count: wins.length })),
    wins.length
      ? [
          el("p", { class: "hint" }, t("inv.quickWinsHint")),
          el(
            "ol",
            { class: "wins" },
            wins.map((w) => el("li", {}, el("strong", {}, w.name), " — ", w.reason)),
          ),
        ]
      : el("p", {}, t("inv.quickWinsNone")),
  );
}

/**
 * The items table with its filters. When the whole list is here (small analyses), filtering is local and
 * immediate; otherwise each change asks the server for one page (GET …/items?offset=&limit=&q=&which=&components=).
 */
function itemsSection(analysis) {
  const items = analysis.items;
  const total = analysis.pages?.items?.total ?? items.length;
  const local = items.length >= total;
  const componentCount = local ? items.filter((i) => i.component).length : (analysis.summary.components?.items ?? 0);
  const filter = el("input", { type: "search", id: "inv-filter", autocomplete: "off" });
  const which = el(
    "select",
    { id: "inv-which" },
    ["all", "extra", "unknown", "alternatives"].map((k) => el("option", { value: k }, t(`inv.which.${k}`))),
  );
  const withComponents = el("input", { type: "checkbox", id: "inv-components" });
  // Sorting is offered when the whole list is here (the server's pages come most installed first).
  const sort = el(
    "select",
    { id: "inv-sort" },
    SORTS.map((k) => el("option", { value: k }, t(`inv.sort.${k}`))),
  );
  const count = el("p", { class: "hint", role: "status", id: "inv-count" });
  const tbody = el("tbody");
  const head = ["name", "publisher", "installations", "vendor", "extra", "category", "alternatives"];
  const table = el(
    "table",
    { class: "data-table", id: "inv-items" },
    el("caption", { class: "visually-hidden" }, t("inv.itemsCaption")),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        head.map((h) => el("th", { scope: "col" }, t(`inv.col.${h}`))),
      ),
    ),
    tbody,
  );
  const previous = el("button", { type: "button", id: "inv-prev", class: "secondary" }, t("inv.page.previous"));
  const next = el("button", { type: "button", id: "inv-next", class: "secondary" }, t("inv.page.next"));
  const pager = el("div", { class: "actions pager", hidden: local }, previous, next);
  let offset = 0;
  let request = 0;

  const renderLocal = () => {
    const q = filter.value.trim().toLocaleLowerCase("fr");
    const rows = items.filter(
      (i) =>
        (withComponents.checked || !i.component) &&
        (which.value === "all" ||
          (which.value === "extra" && i.extraEuropean === true) ||
          (which.value === "unknown" && i.extraEuropean === null) ||
          (which.value === "alternatives" && i.alternatives.length > 0)) &&
        (!q || `${i.name} ${i.publisher ?? ""} ${i.vendor?.name ?? ""}`.toLocaleLowerCase("fr").includes(q)),
    );
    rows.sort(SORTERS[sort.value]);
    tbody.replaceChildren(...rows.slice(0, MAX_ROWS).map(itemRow));
    cardCells(table);
    count.textContent =
      rows.length > MAX_ROWS
        ? t("inv.countTruncated", { shown: MAX_ROWS, count: formatNumber(rows.length) })
        : t("inv.count", { rows: countOf("rowShown", rows.length) });
  };

  const renderPage = async () => {
    const mine = ++request;
    const params = new URLSearchParams({
      offset: String(offset),
      limit: String(PAGE),
      which: which.value,
      q: filter.value.trim(),
    });
    if (withComponents.checked) params.set("components", "1");
    count.textContent = t("inv.page.loading");
    try {
      const page = await fetchJson(`/api/inventory/analyses/${encodeURIComponent(analysis.id)}/items?${params}`);
      if (mine !== request) return;
      tbody.replaceChildren(...page.items.map(itemRow));
      cardCells(table);
      count.textContent = page.total
        ? t("inv.page.range", {
            from: formatNumber(page.offset + 1),
            to: formatNumber(page.offset + page.items.length),
            count: formatNumber(page.total),
          })
        : t("inv.count", { rows: countOf("rowShown", 0) });
      previous.disabled = page.offset === 0;
      next.disabled = page.offset + page.items.length >= page.total;
    } catch (err) {
      if (mine === request) count.replaceChildren(errorBox(err.message));
    }
  };

  const render = () => (local ? renderLocal() : renderPage());
  const restart = () => {
    offset = 0;
    render();
  };
  let typing = null;
  filter.addEventListener("input", () => {
    if (local) return renderLocal();
    clearTimeout(typing);
    typing = setTimeout(restart, 250);
  });
  which.addEventListener("change", restart);
  sort.addEventListener("change", renderLocal);
  withComponents.addEventListener("change", restart);
  previous.addEventListener("click", () => {
    offset = Math.max(0, offset - PAGE);
    renderPage();
  });
  next.addEventListener("click", () => {
    offset += PAGE;
    renderPage();
  });
  if (local) renderLocal();
  else {
    // The first page came with the analysis.
    const shownRows = items.filter((i) => !i.component).slice(0, PAGE);
    tbody.replaceChildren(...shownRows.map(itemRow));
    cardCells(table);
    renderPage();
  }

  return el(
    "section",
    { class: "card", "aria-labelledby": "inv-items-title" },
    // (Counted as the summary counts them, the components set aside apart: the box that shows them says how many.)
    el("h3", { id: "inv-items-title" }, t("inv.itemsTitle", { count: formatNumber(total - componentCount) })),
    el(
      "div",
      { class: "filters" },
      el("div", { class: "field" }, el("label", { for: "inv-filter" }, t("inv.filter")), filter),
      el("div", { class: "field" }, el("label", { for: "inv-which" }, t("inv.which")), which),
      local ? el("div", { class: "field" }, el("label", { for: "inv-sort" }, t("inv.sort")), sort) : null,
      componentCount
        ? el(
            "div",
            { class: "field check" },
            withComponents,
            el("label", { for: "inv-components" }, t("inv.withComponents", { count: componentCount })),
          )
        : null,
    ),
    count,
    el("div", { class: "table-wrap", role: "region", "aria-labelledby": "inv-items-title", tabindex: "0" }, table),
    pager,
  );
}

const SORTS = ["installations", "name", "exposure", "category"];
const byName = (a, b) => a.name.localeCompare(b.name, "fr", { sensitivity: "base" });
/** Exposed first, then unknown, then European; most installed first within each. */
const exposureRank = (i) => (i.extraEuropean === true ? 0 : i.extraEuropean === null ? 1 : 2);
const SORTERS = {
  installations: (a, b) => b.installations - a.installations || byName(a, b),
  name: byName,
  exposure: (a, b) => exposureRank(a) - exposureRank(b) || b.installations - a.installations || byName(a, b),
  category: (a, b) =>
    categoryLabel(a.category).localeCompare(categoryLabel(b.category), "fr") ||
    b.installations - a.installations ||
    byName(a, b),
};

function itemRow(i) {
  return el(
    "tr",
    { class: i.component ? "component" : null },
    el(
      "th",
      { scope: "row" },
      i.name,
      i.component
        ? el(
            "span",
            { class: "cell-note" },
            // A console, agent or installer of a product (« … Administration Server »): counted with that product.
            t(i.kind === "hardware" ? "inv.hostModel" : i.partOf ? "inv.partOf" : "inv.component"),
          )
        : null,
      el(
        "details",
        { class: "reason" },
        el(
          "summary",
          {},
          t("inv.why"),
          el("span", { class: "visually-hidden" }, ` ${t("inv.whyFor", { name: i.name })}`),
        ),
        el("p", {}, i.reason),
      ),
    ),
    el("td", {}, i.publisher ?? ""),
    num(i.installations),
    el("td", {}, vendorText(i.vendor)),
    el("td", {}, extraBadge(i.extraEuropean)),
    el("td", {}, i.category ? categoryLabel(i.category) : t("inv.noCategory")),
    el(
      "td",
      {},
      i.alternatives.length
        ? el(
            "ul",
            { class: "cell-list" },
            i.alternatives.map((a) => el("li", {}, alternativeText(a), conditionNote(a))),
          )
        : t("inv.noAlternative"),
    ),
  );
}

// ——— Unknown items and manual classification ———

function unknownSection(analysis) {
  const unknown = analysis.unknown;
  const total = analysis.pages?.unknown?.total ?? unknown.length;
  const again = el("div", { id: "inv-again" });
  const list = el(
    "ul",
    { class: "unknown" },
    unknown.map((u, n) => unknownItem(u, n, again)),
  );
  const status = el("p", { class: "hint", role: "status" });
  let loaded = unknown.length;
  const more = el(
    "button",
    { type: "button", class: "secondary", id: "inv-unknown-more", hidden: loaded >= total },
    t("inv.unknownMore"),
  );
  more.addEventListener("click", async () => {
    more.disabled = true;
    try {
      const page = await fetchJson(
        `/api/inventory/analyses/${encodeURIComponent(analysis.id)}/unknown?offset=${loaded}&limit=${PAGE}`,
      );
      list.append(...page.unknown.map((u, n) => unknownItem(u, loaded + n, again)));
      loaded += page.unknown.length;
      status.textContent = t("inv.unknownShown", { shown: formatNumber(loaded), count: formatNumber(total) });
      more.hidden = loaded >= page.total || !page.unknown.length;
    } catch (err) {
      status.replaceChildren(errorBox(err.message));
    } finally {
      more.disabled = false;
    }
  });
  return el(
    "section",
    { class: "card", "aria-labelledby": "inv-unknown-title" },
    el("h3", { id: "inv-unknown-title" }, t("inv.unknownTitle", { count: formatNumber(total) })),
    total
      ? [el("p", { class: "hint" }, t("inv.unknownHint")), list, status, el("div", { class: "actions" }, more), again]
      : el("p", {}, t("inv.unknownNone")),
  );
}

function select(id, options, selected) {
  return el(
    "select",
    { id, name: id },
    options.map(([value, label]) => el("option", { value, selected: value === selected }, label)),
  );
}

const triState = (value) => (value === true ? "true" : value === false ? "false" : "");

function unknownItem(u, n, again) {
  const id = (name) => `unk-${n}-${name}`;
  const status = el("div", { class: "classify-status", role: "status" });
  const error = el("div");
  const header = el(
    "p",
    { class: "unknown-name" },
    el("strong", {}, u.name),
    " ",
    el(
      "span",
      { class: "source-meta" },
      t("inv.unknownMeta", {
        publisher: u.publisher ?? t("inv.noPublisher"),
        installations: countOf("installation", u.installations),
      }),
    ),
  );
  const field = (name, label, control, hint) =>
    el(
      "div",
      { class: "field" },
      el("label", { for: id(name) }, label),
      control,
      hint ? el("p", { class: "hint", id: id(`${name}-hint`) }, hint) : null,
    );
  const country = el("input", {
    type: "text",
    id: id("country"),
    maxlength: "2",
    size: "3",
    autocomplete: "off",
    value: u.vendor?.country ?? "",
    "aria-describedby": id("country-hint"),
    "data-check": "country",
  });
  const yesNo = [
    ["", t("inv.classify.dontKnow")],
    ["true", t("inv.classify.yes")],
    ["false", t("inv.classify.no")],
  ];
  const form = prepareForm(
    el(
      "form",
      { class: "classify", "aria-label": t("inv.classify.formLabel", { name: u.name }) },
      el(
        "div",
        { class: "grid" },
        field(
          "category",
          t("inv.classify.category"),
          select(
            id("category"),
            [["", t("inv.classify.noCategory")], ...reference.categories.map((c) => [c, categoryLabel(c)])],
            "",
          ),
        ),
        field(
          "vendor",
          t("inv.classify.vendor"),
          el("input", { type: "text", id: id("vendor"), maxlength: "200", value: u.vendor?.name ?? u.publisher ?? "" }),
        ),
        field("country", t("inv.classify.country"), country, t("inv.classify.countryHint")),
        field("extra", t("inv.classify.extra"), select(id("extra"), yesNo, triState(u.extraEuropean))),
        field("open", t("inv.classify.open"), select(id("open"), yesNo, "")),
      ),
      el("div", { class: "actions" }, el("button", { type: "submit" }, t("inv.classify.submit"))),
      error,
    ),
  );
  const item = el(
    "li",
    { class: "unknown-item" },
    header,
    el("p", { class: "hint" }, u.reason),
    el("details", {}, el("summary", {}, t("inv.classify.open.summary", { name: u.name })), form),
    status,
  );

  // What this page has shown for the name: none (« à classer »), then the classification it saved or took up.
  // Sent as `previous`, so a classification a colleague saved meanwhile is refused (409) rather than replaced.
  let seen = null;
  const takeUp = (current) => {
    const control = (name) => form.querySelector(`#${id(name)}`);
    control("category").value = current.category ?? "";
    control("vendor").value = current.vendorName ?? "";
    control("country").value = current.vendorCountry ?? "";
    control("extra").value = triState(current.extraEuropean);
    control("open").value = triState(current.openSource);
    seen = current.updatedAt;
    error.replaceChildren(el("p", { class: "hint" }, t("inv.classify.takenUp")));
    control("category").focus();
  };

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    error.replaceChildren();
    if (!validate(form)) return;
    const value = (name) => form.querySelector(`#${id(name)}`).value.trim();
    const bool = (name) => (value(name) === "" ? undefined : value(name) === "true");
    const body = {
      name: u.name,
      category: value("category") || undefined,
      vendorName: value("vendor") || undefined,
      vendorCountry: value("country") || undefined,
      extraEuropean: bool("extra"),
      openSource: bool("open"),
      previous: seen,
    };
    const button = form.querySelector("button");
    button.disabled = true;
    try {
      const saved = await fetchJson("/api/inventory/classifications", jsonBody("PUT", body));
      seen = saved.updatedAt;
      item.classList.add("saved");
      if (!header.querySelector(".badge-saved"))
        header.append(" ", el("span", { class: "badge badge-saved" }, t("inv.classify.badge")));
      status.replaceChildren(
        el("p", { class: "success" }, t("inv.classify.saved", { name: saved.name, details: describe(saved) })),
      );
      offerReanalysis(again);
    } catch (err) {
      const controls = {
        category: "category",
        vendorName: "vendor",
        vendorCountry: "country",
        extraEuropean: "extra",
        openSource: "open",
      };
      if (err.status === 409 && err.current) {
        // A colleague's classification saved meanwhile: said, and loaded into the form on request.
        const reload = el("button", { type: "button", class: "secondary" }, t("inv.classify.takeUp"));
        reload.addEventListener("click", () => takeUp(err.current));
        error.replaceChildren(errorBox(err.message), reload);
      } else if (
        !showServerErrors(form, err, (path) => (controls[path] ? form.querySelector(`#${id(controls[path])}`) : null))
      )
        error.replaceChildren(errorBox(err.message));
    } finally {
      button.disabled = false;
    }
  });
  return item;
}

/** « catégorie Logiciels métiers, éditeur Ciril GROUP (France), logiciel non libre » */
function describe(c) {
  const parts = [];
  if (c.category) parts.push(t("inv.classify.desc.category", { category: categoryLabel(c.category) }));
  if (c.vendorName || c.vendorCountry)
    parts.push(
      t("inv.classify.desc.vendor", {
        vendor: [c.vendorName, c.vendorCountry ? `(${countryName(c.vendorCountry)})` : null].filter(Boolean).join(" "),
      }),
    );
  if (c.extraEuropean !== null)
    parts.push(t(c.extraEuropean ? "inv.classify.desc.extra" : "inv.classify.desc.european"));
  if (c.openSource !== null) parts.push(t(c.openSource ? "inv.openSourceLong" : "inv.proprietaryLong"));
  return parts.join(", ");
}

function offerReanalysis(container) {
  if (!lastUpload || lastUpload.id !== shown?.id || container.childElementCount) return;
  const { files } = lastUpload;
  container.append(
    el("p", { class: "hint" }, t("inv.againHint")),
    el("button", { type: "button", onclick: () => !busy && analyze(files) }, t("inv.again")),
  );
}

/**
 * The day the inventory describes, and where that date comes from: plans date their checkpoints with it, so a DSI
 * who imports an older export sees at once that it should be dated.
 */
function inventoryDateLine(analysis) {
  const imported = formatDate(analysis.createdAt);
  if (!analysis.inventoryDate) return t("inv.inventoryDate.none", { imported });
  // Several files, some without a date of their own (trial25 T-L2): say which gave it, and which give none.
  const files = (analysis.files ?? []).filter((f) => typeof f === "object" && f);
  const undated = files.filter((f) => !f.inventoryDate);
  const dated = files.filter((f) => f.inventoryDate === analysis.inventoryDate);
  if (analysis.inventoryDateFrom === "export" && files.length > 1 && undated.length && dated.length) {
    const quoted = (list) => list.map((f) => `« ${f.name} »`).join(", ");
    return t("inv.inventoryDate.exportOf", {
      date: formatDate(analysis.inventoryDate),
      dated: quoted(dated),
      undated: quoted(undated),
      verb: t(undated.length > 1 ? "inv.inventoryDate.giveMany" : "inv.inventoryDate.giveOne"),
      imported,
    });
  }
  return t(`inv.inventoryDate.${analysis.inventoryDateFrom === "export" ? "export" : "given"}`, {
    date: formatDate(analysis.inventoryDate),
    imported,
  });
}

// ——— Rename, delete, export ———

function manageCard(analysis) {
  const id = encodeURIComponent(analysis.id);
  const status = el("div", { role: "status", id: "inv-manage-status" });
  const nameInput = el("input", {
    type: "text",
    id: "inv-rename-name",
    maxlength: "200",
    required: true,
    value: analysis.name ?? "",
  });
  const placeInput = el("input", {
    type: "text",
    id: "inv-rename-collectivite",
    maxlength: "200",
    value: analysis.collectivite ?? "",
    "aria-describedby": "inv-rename-collectivite-hint",
  });
  const dateInput = el("input", {
    type: "date",
    id: "inv-rename-date",
    max: todayIso(),
    value: analysis.inventoryDate ?? "",
    "aria-describedby": "inv-rename-date-hint",
  });
  const rename = prepareForm(
    el(
      "form",
      { class: "rename", "aria-label": t("inv.rename.formLabel") },
      el(
        "div",
        { class: "grid" },
        el("div", { class: "field" }, el("label", { for: "inv-rename-name" }, t("inv.rename.name")), nameInput),
        el(
          "div",
          { class: "field" },
          el("label", { for: "inv-rename-collectivite" }, t("inv.rename.collectivite")),
          placeInput,
          el("p", { class: "hint", id: "inv-rename-collectivite-hint" }, t("inv.rename.collectiviteHint")),
        ),
        el(
          "div",
          { class: "field" },
          el("label", { for: "inv-rename-date" }, t("inv.dateLabel")),
          dateInput,
          el("p", { class: "hint", id: "inv-rename-date-hint" }, t("inv.rename.dateHint")),
        ),
      ),
      el("div", { class: "actions" }, el("button", { type: "submit" }, t("inv.rename.submit"))),
    ),
  );
  rename.addEventListener("submit", async (e) => {
    e.preventDefault();
    status.replaceChildren();
    if (!validate(rename)) return;
    try {
      const saved = await fetchJson(
        `/api/inventory/analyses/${id}`,
        jsonBody("PATCH", {
          name: nameInput.value,
          collectivite: placeInput.value.trim() || null,
          inventoryDate: dateInput.value || null,
        }),
      );
      analysis.name = saved.name;
      analysis.collectivite = saved.collectivite;
      analysis.inventoryDate = saved.inventoryDate;
      analysis.inventoryDateFrom = saved.inventoryDateFrom;
      $("inv-inventory-date")?.replaceChildren(inventoryDateLine(analysis));
      $("inv-name")?.replaceChildren(
        t("inv.nameLine", { name: saved.name, collectivite: saved.collectivite ?? t("inv.noCollectivite") }),
      );
      // A corrected inventory day reaches the plans that measured it: the server says which (`notice`).
      status.replaceChildren(
        el("p", { class: "success" }, t("inv.rename.done", { name: saved.name })),
        ...(saved.notice ? [el("p", {}, saved.notice)] : []),
      );
      refreshSaved();
    } catch (err) {
      const controls = { name: nameInput, collectivite: placeInput };
      if (err.code === "invalid_inventory_date") showErrors(rename, [{ control: dateInput, message: err.message }]);
      else if (!showServerErrors(rename, err, (path) => controls[path] ?? null)) {
        status.replaceChildren(errorBox(err.message));
        nameInput.focus();
      }
    }
  });

  // Deleting asks once more, on the same button's place: no dialog to miss.
  const remove = el("button", { type: "button", class: "danger", id: "inv-delete" }, t("inv.delete.ask"));
  const confirm = el("button", { type: "button", class: "danger", id: "inv-delete-confirm" }, t("inv.delete.confirm"));
  const cancel = el("button", { type: "button", class: "secondary" }, t("inv.delete.cancel"));
  askTwice(remove, confirm, cancel);
  confirm.addEventListener("click", async () => {
    confirm.disabled = true;
    try {
      const response = await fetch(`/api/inventory/analyses/${id}`, { method: "DELETE" });
      if (!response.ok) throw await apiError(response);
      clearResult();
      $("inv-progress").textContent = t("inv.delete.done", { name: analysis.name ?? analysis.id });
      rememberLocation("inventaire", null);
      refreshSaved();
      $("inv-files").focus();
    } catch (err) {
      confirm.disabled = false;
      status.replaceChildren(errorBox(err.message));
    }
  });

  return el(
    "section",
    { class: "card", "aria-labelledby": "inv-manage-title" },
    el("h3", { id: "inv-manage-title" }, t("inv.manageTitle")),
    el(
      "p",
      { class: "actions inv-exports" },
      downloadLink({
        href: `/api/inventory/analyses/${id}/export?format=csv`,
        label: t("inv.export.label"),
        format: "CSV",
        className: "button-link",
      }),
      downloadLink({
        href: `/api/inventory/analyses/${id}/export?format=ods`,
        label: t("inv.export.label"),
        format: t("inv.export.odsFormat"),
        className: "button-link",
      }),
    ),
    el("p", { class: "hint" }, t("inv.export.hint")),
    rename,
    el("div", { class: "actions" }, remove, confirm, cancel),
    status,
  );
}

// ——— Comparison with another analysis ———

function compareCard(analysis) {
  const select = el(
    "select",
    { id: "inv-compare-with", required: true },
    el("option", { value: "" }, t("inv.compare.choose")),
  );
  const result = el("div", { id: "inv-compare-result" });
  const form = prepareForm(
    el(
      "form",
      { class: "compare", "aria-label": t("inv.compare.title") },
      el("div", { class: "field" }, el("label", { for: "inv-compare-with" }, t("inv.compare.with")), select),
      el("div", { class: "actions" }, el("button", { type: "submit" }, t("inv.compare.submit"))),
    ),
  );
  let others = [];
  fetchJson("/api/inventory/analyses")
    .then(({ analyses }) => {
      others = analyses.filter((a) => a.id !== analysis.id);
      select.append(
        ...others.map((a) =>
          el(
            "option",
            { value: a.id },
            t("inv.compare.option", {
              date: formatDate(a.createdAt),
              name: a.name || a.files.join(", "),
              collectivite: a.collectivite ?? t("inv.noCollectivite"),
            }),
          ),
        ),
      );
    })
    .catch((err) => result.replaceChildren(errorBox(err.message)));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!validate(form)) return;
    const other = others.find((a) => a.id === select.value);
    if (!other) {
      result.replaceChildren(errorBox(t("inv.compare.none")));
      select.focus();
      return;
    }
    // The older analysis is the starting point.
    const [from, to] = other.createdAt <= analysis.createdAt ? [other.id, analysis.id] : [analysis.id, other.id];
    result.replaceChildren(el("p", { role: "status" }, t("inv.compare.loading")));
    try {
      const cmp = await fetchJson(
        `/api/inventory/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      );
      result.replaceChildren(comparison(cmp));
      result.querySelector("h4")?.focus();
    } catch (err) {
      result.replaceChildren(errorBox(err.message));
    }
  });
  return el(
    "section",
    { class: "card", "aria-labelledby": "inv-compare-title" },
    el("h3", { id: "inv-compare-title" }, t("inv.compare.title")),
    el("p", { class: "hint" }, t("inv.compare.hint")),
    form,
    result,
  );
}

const signed = (n, format) => (n === null ? "—" : `${n > 0 ? "+" : n < 0 ? "−" : ""}${format(Math.abs(n))}`);

function measureCells(m) {
  // The weighted exposure, out of 100: « 77 % » as on the map, its change in points.
  if (m.unit === "percent")
    return [
      el("th", { scope: "row" }, m.label),
      el("td", { class: "num" }, m.from === null ? "—" : t("inv.scoreValue", { value: formatDecimal(m.from) })),
      el("td", { class: "num" }, m.to === null ? "—" : t("inv.scoreValue", { value: formatDecimal(m.to) })),
      el(
        "td",
        { class: "num" },
        signed(m.change, (x) => `${formatDecimal(x)} ${t("inv.compare.points")}`),
      ),
    ];
  const isShare = m.from !== null && m.from <= 1 && m.to !== null && m.to <= 1 && /Part/.test(m.label);
  const format = isShare ? (x) => formatShare(x) : (x) => formatDecimal(x);
  const change = isShare
    ? signed(m.change === null ? null : m.change, (x) => `${formatDecimal(x * 100)} ${t("inv.compare.points")}`)
    : signed(m.change, formatDecimal);
  return [
    el("th", { scope: "row" }, m.label),
    el("td", { class: "num" }, m.from === null ? "—" : format(m.from)),
    el("td", { class: "num" }, m.to === null ? "—" : format(m.to)),
    el("td", { class: "num" }, change),
  ];
}

function lineList(lines, total, key) {
  if (!total) return el("p", {}, t(`inv.compare.${key}None`));
  return [
    el(
      "ul",
      { class: "cell-list" },
      lines.slice(0, 25).map((l) =>
        el(
          "li",
          {},
          t("inv.compare.line", {
            name: l.name,
            installations: formatNumber(l.installations),
            vendor: l.vendor ?? t("inv.noPublisher"),
          }),
        ),
      ),
    ),
    total > 25 ? el("p", { class: "hint" }, t("inv.compare.more", { count: formatNumber(total - 25) })) : null,
  ];
}

function comparison(cmp) {
  return el(
    "div",
    { class: "comparison" },
    el(
      "h4",
      { tabindex: "-1", id: "inv-compare-heading" },
      t("inv.compare.heading", {
        from: cmp.from.name,
        fromDate: formatDate(cmp.from.createdAt),
        to: cmp.to.name,
        toDate: formatDate(cmp.to.createdAt),
      }),
    ),
    cmp.notice ? el("p", { class: "error", role: "alert" }, cmp.notice) : null,
    el(
      "div",
      { class: "table-wrap", role: "region", "aria-labelledby": "inv-compare-heading", tabindex: "0" },
      el(
        "table",
        { class: "data-table", id: "inv-compare-measures" },
        el(
          "thead",
          {},
          el(
            "tr",
            {},
            ["measure", "before", "after", "change"].map((h) => el("th", { scope: "col" }, t(`inv.compare.col.${h}`))),
          ),
        ),
        el(
          "tbody",
          {},
          cmp.measures.map((m) => el("tr", {}, measureCells(m))),
        ),
      ),
    ),
    el(
      "h5",
      {},
      t("inv.compare.removed", {
        count: formatNumber(cmp.removed.total),
        installations: formatNumber(cmp.removed.installations),
      }),
    ),
    lineList(cmp.removed.lines, cmp.removed.total, "removed"),
    el(
      "h5",
      {},
      t("inv.compare.added", {
        count: formatNumber(cmp.added.total),
        installations: formatNumber(cmp.added.installations),
      }),
    ),
    lineList(cmp.added.lines, cmp.added.total, "added"),
    el("h5", {}, t("inv.compare.changed", { count: formatNumber(cmp.changed.total) })),
    cmp.changed.total
      ? el(
          "ul",
          { class: "cell-list" },
          cmp.changed.lines.slice(0, 25).map((l) =>
            el(
              "li",
              {},
              t("inv.compare.changedLine", {
                name: l.name,
                before: formatNumber(l.before),
                after: formatNumber(l.installations),
                change: signed(l.change, formatNumber),
              }),
            ),
          ),
        )
      : el("p", {}, t("inv.compare.changedNone")),
  );
}
