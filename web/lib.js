// @ts-check
// Shared by every section of the page: French messages, DOM building, the SSE reader, JSON calls with the
// server's `{ error: { code, message } }` errors, and French number and date formats.

let messages = {};

export const $ = (id) => document.getElementById(id);

/** What the server serves as the one source of truth (GET /api/reference): the catalog's categories, labels, input schemas. */
/** @type {{ categories: string[], inputs: Record<string, any>, edit: any }} */
export const reference = { categories: [], inputs: {}, edit: {} };

/**
 * The page's messages, with the labels of categories, fits and document kinds taken from the server (the same
 * words as the map, the documents and the exports). Before sign-in the reference is refused: the page then has
 * no use for those labels yet, and loads them again after.
 */
export async function loadMessages() {
  const [own, served] = await Promise.all([
    fetch("/messages.fr.json").then((r) => r.json()),
    fetch("/api/reference")
      .then((r) => (r.ok ? r.json() : null))
      .catch(() => null),
  ]);
  messages = own;
  if (!served) return;
  for (const [group, labels] of Object.entries(served.labels)) {
    for (const [key, label] of Object.entries(labels)) messages[`${group}.${key}`] = label;
  }
  reference.categories = served.categories;
  reference.inputs = served.inputs;
  reference.edit = served.edit;
}

/** The French message `key`, with `{name}` placeholders filled from `params`. */
export const t = (key, params = {}) =>
  (messages[key] ?? key).replace(/\{(\w+)\}/g, (_, name) => (name in params ? String(params[name]) : `{${name}}`));

/** True when a message exists (optional labels, hints). */
export const has = (key) => Object.hasOwn(messages, key);

/**
 * Builds an element. `attrs`: `class`, `on<event>` handlers, boolean attributes (`true` sets, `false`/`null`
 * omits), anything else as an attribute. Children may be strings, nodes, arrays, or null/false (skipped).
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  append(node, children);
  return node;
}

/**
 * The label after a conclusion the model draws from what it cites (status `inference`): neutral, not the red
 * « non vérifié », and what it means said to a screen reader (and on hover).
 */
export function inferenceLabel() {
  return el(
    "span",
    { class: "inference-label", title: t("verify.inferenceExplained") },
    ` [${t("verify.inference")}]`,
    el("span", { class: "visually-hidden" }, ` : ${t("verify.inferenceExplained")}`),
  );
}

/**
 * The box listing what to check (figures of a draft, sentences of an answer): a title, a hint and one line each.
 * @param {string} title
 * @param {string} hint
 * @param {Node[]} items the `<li>` of each line
 */
export function flagsBox(title, hint, items) {
  return el(
    "div",
    { class: "flags" },
    el("p", { class: "flags-title" }, title),
    el("p", { class: "hint" }, hint),
    el("ul", {}, items),
  );
}

/**
 * Replaces the children of `node`, skipping null/false like `el` does (`replaceChildren(null)` would print
 * « null » on the page).
 */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child);
  }
}

/** Fills `data-i18n` (text) and `data-i18n-<attribute>` (attributes) of the static page from the messages. */
export function applyI18n(root = document) {
  for (const node of root.querySelectorAll("*")) {
    for (const { name, value } of [...node.attributes]) {
      if (name === "data-i18n") node.textContent = t(value);
      else if (name.startsWith("data-i18n-")) node.setAttribute(name.slice(10), t(value));
    }
  }
}

/** Parses a Server-Sent Events response body into `{ event, data }` (data parsed as JSON), as it arrives. */
export async function* readSSE(response) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n?/g, "\n");
    let index;
    while ((index = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, index);
      buffer = buffer.slice(index + 2);
      let event = "message";
      const data = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) event = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
      }
      if (data.length) yield { event, data: JSON.parse(data.join("\n")) };
    }
  }
}

/** An error answered by the server: its French message, code and HTTP status. */
export class ApiError extends Error {
  constructor(message, code, status, fields = [], current = null) {
    super(message);
    this.code = code;
    this.status = status;
    /** `[{ path, message }]` of a validation error, each to show under its field. */
    this.fields = fields;
    /** What a conflict (409) is with: the record saved meanwhile, when the server sends it. */
    this.current = current;
  }
}

/** The server's French error of a failed response, or a generic one when the body is not the usual JSON. */
export async function apiError(response) {
  const body = await response.json().catch(() => ({}));
  return new ApiError(
    body.error?.message ?? t("web.httpError", { status: response.status }),
    body.error?.code ?? null,
    response.status,
    Array.isArray(body.error?.fields) ? body.error.fields : [],
    body.error?.current ?? null,
  );
}

/** `fetch` then JSON; a non-2xx answer throws its `ApiError`, a network failure a French `ApiError` too. */
export async function fetchJson(url, init = {}) {
  let response;
  try {
    response = await fetch(url, init);
  } catch (err) {
    if (err.name === "AbortError") throw err;
    throw new ApiError(t("web.networkError"), "network", 0);
  }
  if (!response.ok) throw await apiError(response);
  return response.json();
}

/** A JSON body for `fetch`. */
export const jsonBody = (method, body) => ({
  method,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

const numberFormat = new Intl.NumberFormat("fr-FR");
const percentFormat = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 1 });
const decimalFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
// Times in Paris time whatever the browser's zone, with the server's options (core/text.ts, `frenchDateTime`): a
// notice the server wrote and a list the page wrote give the same time.
export const TIME_ZONE = "Europe/Paris";
/** Today in the collectivité's time zone, `YYYY-MM-DD`: the same « today » as the server's (`localDay`). */
export const todayIso = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(),
  );
const dateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: TIME_ZONE });
// A day without a time (« 2026-04-10 ») is a calendar date: no « à 00:00 », and no shift by the time zone.
const dayFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" });
const regionNames = new Intl.DisplayNames(["fr"], { type: "region" });

/**
 * A sentence and its final punctuation (« . », « ? » with the space before it), so that a mark can go between them:
 * « Le plan est en retard [non vérifié]. », as in the exports (trial7 B6).
 * @param {string} text
 * @returns {[string, string]}
 */
export function splitFinalPunctuation(text) {
  const trimmed = text.replace(/\s+$/u, "");
  const m = /(\s*)([.!?…]+)$/u.exec(trimmed);
  return m ? [trimmed.slice(0, m.index), m[1] + m[2]] : [trimmed, ""];
}

export const formatNumber = (n) => numberFormat.format(n);
/** « 20 Mo », « 64 ko », « 1,5 Mo » (French units, 1 ko = 1 024 octets as the server counts). */
export function formatBytes(bytes) {
  if (bytes < 1024) return t("web.bytes.o", { n: numberFormat.format(bytes) });
  if (bytes < 1024 * 1024) return t("web.bytes.ko", { n: decimalFormat.format(bytes / 1024) });
  return t("web.bytes.mo", { n: decimalFormat.format(bytes / 1024 / 1024) });
}
export const formatDecimal = (n) => decimalFormat.format(n);
/** The one plural rule (French: singular under 2): which of `.one` / `.other` a count of `n` takes. */
const pluralForm = (n) => (Math.abs(n) < 2 ? "one" : "other");
/** « 0 installation », « 1 installation », « 12 installations » (singular under 2): `count.<noun>.one` or `.other`. */
export const countOf = (noun, n) => t(`count.${noun}.${pluralForm(n)}`, { n: formatNumber(n) });
/**
 * `<key>.one` or `<key>.other` by the same rule, for a message whose verbs or adjectives agree with the count too
 * (« 1 phrase à vérifier », « 3 phrases à vérifier »): never « (s) ». `{count}` is `n` formatted unless given.
 * @param {string} key
 * @param {number} n
 * @param {Record<string, string | number>} [params]
 */
export const tCount = (key, n, params = {}) => t(`${key}.${pluralForm(n)}`, { count: formatNumber(n), ...params });
/**
 * The one rounding of a percentage (the server's `roundPercent`, core/text.ts): to the unit, one decimal below
 * 10 %, once, from the exact ratio.
 * @param {number} n
 */
export const roundPercent = (n) => (n < 10 && n > 0 && !Number.isInteger(n) ? Math.round(n * 10) / 10 : Math.round(n));
/** A 0–1 share as « 72 % » (« 4,5 % » below 10 %: `roundPercent`), or « inconnue » when null. */
export const formatShare = (share) =>
  share === null || share === undefined ? t("web.unknownShare") : percentFormat.format(roundPercent(share * 100) / 100);
export function formatDate(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso || "";
  // « 1er juin 2026 », as the server writes it (`frenchDate`), not Intl's « 1 juin » (trial12 B4).
  return (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? dayFormat.format(d) : dateFormat.format(d)).replace(/^1 /, "1er ");
}
/** « États-Unis » for "US"; the code itself when the browser does not know it. */
export function countryName(code) {
  if (!code) return "";
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** An error paragraph, announced at once. */
export const errorBox = (message) => el("p", { class: "error", role: "alert" }, message);

/**
 * Records `#<section>/<id>` as a new history entry (without re-running the router) and points the section's
 * navigation link there, so going back to the section returns to the analysis or draft last shown.
 */
export function rememberLocation(section, id, { replace = false } = {}) {
  const hash = setNavTarget(section, id);
  if (location.hash === hash) return;
  if (replace) history.replaceState(null, "", hash);
  else history.pushState(null, "", hash);
}

/** Points a section's navigation link at `#<section>/<id>` (or the bare section); returns that fragment. */
export function setNavTarget(section, id) {
  const hash = id ? `#${section}/${encodeURIComponent(id)}` : `#${section}`;
  document.querySelector(`.site-nav a[data-section="${section}"]`)?.setAttribute("href", hash);
  return hash;
}

/**
 * Fills `box` with a list of saved work (analyses, drafts), newest first, or the `empty` hint; an error of the
 * server shows in its place. `entry` gives each record's link and its line of detail; `current()`, read once the
 * list has arrived, the link of what is on screen by then.
 */
export async function showSavedList(box, { url, key, dateField, empty, entry, current }) {
  try {
    const records = (await fetchJson(url))[key];
    records.sort((a, b) => b[dateField].localeCompare(a[dateField]));
    if (!records.length) {
      box.replaceChildren(el("p", { class: "hint" }, empty));
      return records;
    }
    box.replaceChildren(
      el(
        "ul",
        { class: "saved" },
        records.map((r) => {
          const { href, label, meta } = entry(r);
          return el("li", {}, el("a", { href }, label), el("span", { class: "source-meta" }, meta));
        }),
      ),
    );
    markCurrent(box, current());
    return records;
  } catch (err) {
    box.replaceChildren(errorBox(err.message));
    return [];
  }
}

/** Marks, in a list of saved work, the link to what is on screen (`aria-current`). */
export function markCurrent(container, hash) {
  for (const a of container.querySelectorAll("a")) {
    if (a.getAttribute("href") === hash) a.setAttribute("aria-current", "true");
    else a.removeAttribute("aria-current");
  }
}

/**
 * Lets a data table become cards on a narrow screen (style.css, `.data-table.cards`): each cell gets the name of
 * its column (`data-label`, shown before the value), and explicit table roles keep what a screen reader says
 * when the cells are laid out as blocks. Call again after rows are replaced.
 */
export function cardCells(table) {
  table.classList.add("cards");
  table.setAttribute("role", "table");
  const names = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
  for (const group of table.querySelectorAll("thead, tbody")) group.setAttribute("role", "rowgroup");
  for (const th of table.querySelectorAll("thead th")) th.setAttribute("role", "columnheader");
  for (const row of table.querySelectorAll("tr")) {
    row.setAttribute("role", "row");
    if (row.parentElement?.tagName !== "TBODY") continue;
    [...row.children].forEach((cell, i) => {
      cell.setAttribute("role", cell.tagName === "TH" ? "rowheader" : "cell");
      if (names[i]) cell.dataset.label = names[i];
    });
  }
  return table;
}
