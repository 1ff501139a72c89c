// @ts-check
// « Rédiger un document »: a form per document type (courrier, plan d'audit, feuille de route, note), posted to
// POST /api/drafts whose SSE stream is shown section by section; the saved draft (GET /api/drafts/:id) is then
// shown with its notes, its figures to check and links to its ODT, DOCX, PDF and Markdown exports. Saved drafts
// are listed (GET /api/drafts) to reopen them.

import { renderSection as renderModelSection } from "./document.js";
import { askTwice, clearErrors, errorSummary, prepareForm, showErrors, showServerErrors, validate } from "./forms.js";
import {
  $,
  apiError,
  countOf,
  el,
  errorBox,
  fetchJson,
  flagsBox,
  formatDate,
  formatNumber,
  formatShare,
  has,
  jsonBody,
  markCurrent,
  readSSE,
  reference,
  rememberLocation,
  setNavTarget,
  showSavedList,
  TIME_ZONE,
  t,
} from "./lib.js";
import { renderMarkdown } from "./markdown.js";
import { allows } from "./roles.js";

const TYPES = ["letter", "audit-plan", "roadmap", "briefing"];
const FORMATS = ["odt", "docx", "pdf", "md"];
/** A month or a day typed as text (AAAA-MM or AAAA-MM-JJ); the pattern itself is the server's. */
const MONTH = { kind: "month", placeholder: "draft.placeholder.month", patternMessage: "form.error.month" };

/**
 * What the form shows of each document type: which fields, in which fieldset, and how they are presented. What
 * they accept (required, lengths, minimums, choices, formats) is not written here: it is read from the input
 * schemas the server validates with (GET /api/reference, `reference.inputs`), so it cannot drift from them.
 * `kind` is only presentation: a `textarea`, a `date` picker, a `month` typed as text, an `analysis` chosen among
 * the saved ones, the letter's `requests`; numbers, choices and lists (one per line) follow their schema.
 * @type {{ path: string, kind?: string, autocomplete?: string, placeholder?: string, patternMessage?: string }[]}
 */
const COLLECTIVITE = [
  { path: "collectivite.name" },
  { path: "collectivite.kind" },
  { path: "collectivite.population" },
  { path: "collectivite.region" },
  { path: "collectivite.department" },
  { path: "collectivite.agents" },
  { path: "collectivite.workstations" },
];

/** @type {Record<string, { legend: string, fields: typeof COLLECTIVITE }[]>} */
const FIELDS = {
  letter: [
    {
      legend: "sender",
      fields: [
        { path: "sender.name", autocomplete: "organization" },
        { path: "sender.description" },
        { path: "sender.signatory", autocomplete: "name" },
        { path: "sender.address", autocomplete: "street-address" },
        { path: "sender.contact" },
        { path: "sender.url", kind: "url", autocomplete: "url" },
      ],
    },
    {
      legend: "recipient",
      fields: [
        { path: "recipient.civility" },
        { path: "recipient.name" },
        { path: "recipient.role" },
        { path: "recipient.address", kind: "textarea" },
        { path: "recipient.salutation" },
      ],
    },
    {
      legend: "letter",
      fields: [
        { path: "subject" },
        { path: "tone" },
        { path: "requests", kind: "requests" },
        { path: "context", kind: "textarea" },
        { path: "place" },
        { path: "date", kind: "date" },
      ],
    },
  ],
  "audit-plan": [
    {
      legend: "audit",
      fields: [
        { path: "analysisId", kind: "analysis" },
        { path: "services" },
        { path: "businessSoftware" },
        { path: "startDate", ...MONTH },
        { path: "durationMonths" },
        { path: "sponsor" },
        { path: "lead" },
        { path: "team" },
        { path: "context", kind: "textarea" },
        { path: "author" },
      ],
    },
  ],
  roadmap: [
    {
      legend: "roadmap",
      fields: [
        { path: "analysisId", kind: "analysis" },
        { path: "targetShare" },
        { path: "targetDate", ...MONTH },
        { path: "startDate", ...MONTH },
        { path: "context", kind: "textarea" },
        { path: "author" },
      ],
    },
  ],
  briefing: [
    {
      legend: "briefing",
      fields: [
        { path: "question", kind: "textarea" },
        { path: "analysisId", kind: "analysis" },
        { path: "targetShare" },
        { path: "targetDate", ...MONTH },
        { path: "startDate", ...MONTH },
        { path: "recipient.name" },
        { path: "recipient.role" },
        { path: "author" },
        { path: "date", kind: "date" },
      ],
    },
  ],
};

/**
 * The JSON Schema of a field (`recipient.name`) in the inputs of `type`, and whether it must be given: every
 * key on its path is required — or, at the top, it is the only alternative of an « one of these » rule
 * (`anyOf` of `required`) the form offers (a roadmap's analysis: `analysisId`, the inline `analysis` not being a
 * field of the form).
 * @param {string} type
 * @param {string} path
 * @returns {{ schema: any, required: boolean }}
 */
function fieldSchema(type, path) {
  const root = /** @type {any} */ (reference.inputs)[type];
  const offered = new Set(
    [...COLLECTIVITE, ...(FIELDS[type] ?? []).flatMap((g) => g.fields)].map((f) => f.path.split(".")[0]),
  );
  let node = root;
  let required = true;
  for (const key of path.split(".")) {
    const schema = node?.properties?.[key];
    if (!schema) return { schema: {}, required: false };
    const alternatives = (node.anyOf ?? [])
      .map((a) => a.required ?? [])
      .filter((keys) => keys.every((k) => offered.has(k)));
    required &&=
      (node.required ?? []).includes(key) ||
      (node === root && alternatives.length === 1 && alternatives[0].includes(key));
    node = schema;
  }
  return { schema: node, required };
}

/** The largest number worth saying in a form (zod's integers are bounded by the largest safe one). */
const bounded = (n) => (typeof n === "number" && Math.abs(n) < Number.MAX_SAFE_INTEGER ? n : null);

/** The smallest number a field accepts: `minimum`, or the next integer above an `exclusiveMinimum`. */
const minimumOf = (schema) =>
  schema.minimum ??
  (schema.exclusiveMinimum !== undefined && schema.type === "integer" ? schema.exclusiveMinimum + 1 : null);

/** A field's presentation: its own `kind`, else what its schema says (a number, a choice, lines, text). */
function kindOf(spec, schema) {
  if (spec.kind) return spec.kind;
  if (schema.type === "integer" || schema.type === "number") return "number";
  if (schema.enum) return "select";
  if (schema.type === "array") return "lines";
  return "text";
}

/** Limits of each line of a list field (`services`: one per line), as data the form's checks read. */
const lineLimits = (schema) => ({
  "data-max-lines": schema.maxItems ?? null,
  "data-line-minlength": schema.items?.minLength > 1 ? schema.items.minLength : null,
  "data-line-maxlength": schema.items?.maxLength ?? null,
});

const submitButton = () => /** @type {HTMLButtonElement} */ ($("draft-submit"));

let controller = null;
let shownId = null;
let pendingAnalysis = null;
let onDone = () => {};

const typeLabel = (type) => t(`draft.type.${type}`);
const fieldId = (scope, path) => `df-${scope}-${path.replaceAll(".", "-")}`;
/** A type-specific label when there is one (`draft.field.briefing.recipient.name`), else the shared one. */
const label = (type, path, part = "field") =>
  has(`draft.${part}.${type}.${path}`)
    ? t(`draft.${part}.${type}.${path}`)
    : has(`draft.${part}.${path}`)
      ? t(`draft.${part}.${path}`)
      : null;

export function init(options = {}) {
  onDone = options.onDone ?? onDone;
  buildForm();
  prepareForm($("draft-form"));
  $("draft-form").addEventListener("submit", (e) => {
    e.preventDefault();
    if (!controller) submit();
  });
  $("draft-stop").addEventListener("click", () => controller?.abort());
  document.addEventListener("caplibre:prefill-draft", (e) => {
    const { detail } = /** @type {CustomEvent<{ type: string, analysisId?: string }>} */ (e);
    selectType(detail.type);
    pendingAnalysis = detail.analysisId ?? null;
  });
}

/** The three steps of writing a document, shown as the State design system's step indicator. */
const STEPS = ["fill", "write", "review"];

/**
 * « Étape 2 sur 3 — Rédaction », the next step's name and a bar of three segments. Not a live region: the step
 * follows what the person just did (the answer's own status messages say what happens).
 * @param {"fill" | "write" | "review"} step
 */
function setStep(step) {
  const n = STEPS.indexOf(step) + 1;
  const next = STEPS[n];
  // Someone whose role does not allow writing a document has no steps to follow (the form says why).
  $("draft-steps").hidden = !allows("redacteur");
  $("draft-steps").replaceChildren(
    el(
      "p",
      { class: "stepper-title" },
      el("span", { class: "stepper-state" }, t("draft.step.state", { n, total: STEPS.length })),
      " ",
      t(`draft.step.${step}`),
    ),
    el(
      "div",
      { class: "stepper-bar", "aria-hidden": "true" },
      STEPS.map((_, i) => el("span", { class: i < n ? "done" : "" })),
    ),
    ...(next ? [el("p", { class: "stepper-next" }, t("draft.step.next", { name: t(`draft.step.${next}`) }))] : []),
  );
}

/** Called by the router: `id` is the draft named in the address, if any. */
export function show(id, { focus = true } = {}) {
  refreshAnalyses();
  refreshSaved();
  if (!id && !controller) setStep("fill");
  if (!id) {
    if (shownId && !controller) {
      shownId = null;
      markCurrent($("draft-saved"), null);
      $("draft-output").replaceChildren();
      setNavTarget("documents", null);
    }
    return;
  }
  if (shownId !== id) open(id, { focus });
}

// ——— The form ———

/**
 * One field: its label, hint and control, with the limits of its schema (`schemaType` is the document type whose
 * schema holds it; the collectivité's fields are the same for all).
 */
function control(type, scope, spec, schemaType = type) {
  const id = fieldId(scope, spec.path);
  const { schema, required } = fieldSchema(schemaType, spec.path);
  const kind = kindOf(spec, schema);
  const hint = label(type, spec.path, "hint");
  const hintId = hint ? `${id}-hint` : null;
  const common = {
    id,
    "data-path": spec.path,
    "data-kind": kind,
    required,
    "aria-describedby": hintId,
    autocomplete: spec.autocomplete ?? null,
  };
  // Trimmed text shorter than the schema's minimum is refused by the form's checks (forms.js), not the browser.
  const minText = schema.minLength > 1 ? schema.minLength : null;
  let input;
  if (kind === "textarea" || kind === "lines")
    input = el("textarea", {
      ...common,
      rows: kind === "lines" ? 3 : 4,
      maxlength: schema.maxLength ?? null,
      "data-minlength": minText,
      ...(kind === "lines" ? lineLimits(schema) : {}),
    });
  else if (kind === "select") {
    // A choice with a default, or required, has no empty option.
    const options = [...(required || schema.default !== undefined ? [] : [""]), ...schema.enum];
    input = el(
      "select",
      common,
      options.map((o) =>
        el(
          "option",
          { value: o, selected: o === schema.default },
          o ? t(`draft.option.${spec.path}.${o}`) : t("draft.option.none"),
        ),
      ),
    );
  } else if (kind === "analysis")
    input = el(
      "select",
      { ...common, class: "analysis-select" },
      el("option", { value: "" }, t(required ? "draft.analysis.choose" : "draft.analysis.none")),
    );
  else if (kind === "number") {
    const integer = schema.type === "integer";
    input = el("input", {
      ...common,
      type: "number",
      min: bounded(minimumOf(schema)),
      max: bounded(schema.maximum),
      step: integer ? "1" : "any",
      inputmode: integer ? "numeric" : "decimal",
    });
  } else if (kind === "requests") return requestsControl(id, schema);
  else
    input = el("input", {
      ...common,
      // A web address is checked by the browser as one; the server alone says it must be http(s).
      type: kind === "url" ? "url" : kind === "date" ? "date" : "text",
      maxlength: schema.maxLength ?? null,
      pattern: kind === "month" ? schema.pattern : null,
      placeholder: spec.placeholder ? t(spec.placeholder) : null,
      "data-pattern-message": spec.patternMessage ?? null,
      "data-minlength": kind === "text" ? minText : null,
    });
  const text = label(type, spec.path) ?? spec.path;
  return el(
    "div",
    { class: `field${kind === "textarea" || kind === "lines" ? " wide" : ""}` },
    el("label", { for: id }, text, required ? el("span", { class: "required" }, t("draft.required")) : null),
    input,
    hint ? el("p", { class: "hint", id: hintId }, hint) : null,
    kind === "analysis"
      ? el(
          "p",
          { class: "hint analysis-empty", hidden: true },
          t("draft.analysis.empty"),
          " ",
          el("a", { href: "#inventaire" }, t("draft.analysis.emptyLink")),
        )
      : null,
  );
}

/** The letter's requests: its known ones (the schema's default, each checked) and any other, one per line. */
function requestsControl(id, schema) {
  const known = knownRequests();
  return el(
    "fieldset",
    { class: "field wide requests", "data-path": "requests", "data-kind": "requests" },
    el("legend", {}, t("draft.field.requests")),
    known.map((r) =>
      el(
        "div",
        { class: "check" },
        el("input", { type: "checkbox", id: `${id}-${r}`, value: r, checked: true }),
        el("label", { for: `${id}-${r}` }, t(`draft.request.${r}`)),
      ),
    ),
    el("label", { for: `${id}-other` }, t("draft.field.requests.other")),
    el("textarea", {
      id: `${id}-other`,
      rows: 2,
      "aria-describedby": `${id}-other-hint`,
      ...lineLimits(schema),
    }),
    el("p", { class: "hint", id: `${id}-other-hint` }, t("draft.hint.lines")),
  );
}

/** The letter's known requests: what the server writes when none is given (`requests` default). */
const knownRequests = () => fieldSchema("letter", "requests").schema.default ?? [];

function buildForm() {
  $("draft-types").replaceChildren(
    ...TYPES.map((type) =>
      el(
        "div",
        { class: "radio" },
        el("input", {
          type: "radio",
          name: "draft-type",
          id: `dt-${type}`,
          value: type,
          checked: type === "letter",
          "aria-describedby": `dt-${type}-hint`,
          onchange: () => selectType(type),
        }),
        el("label", { for: `dt-${type}` }, typeLabel(type)),
        el("p", { class: "hint", id: `dt-${type}-hint` }, t(`draft.typeHint.${type}`)),
      ),
    ),
  );
  const common = el(
    "fieldset",
    { class: "fields", "data-scope": "common" },
    el("legend", {}, t("draft.legend.collectivite")),
    el(
      "div",
      { class: "grid" },
      COLLECTIVITE.map((f) => control("common", "collectivite", f, TYPES[0])),
    ),
  );
  const perType = TYPES.flatMap((type) =>
    FIELDS[type].map((group) =>
      el(
        "fieldset",
        { class: "fields", "data-type": type },
        el("legend", {}, t(`draft.legend.${group.legend}`)),
        el(
          "div",
          { class: "grid" },
          group.fields.map((f) => control(type, type, f)),
        ),
      ),
    ),
  );
  $("draft-fields").replaceChildren(common, ...perType);
  selectType("letter");
}

function selectType(type) {
  const radio = /** @type {HTMLInputElement | null} */ ($(`dt-${type}`));
  if (radio) radio.checked = true;
  // A disabled fieldset is neither validated nor read: only the chosen type's fields count.
  for (const fs of document.querySelectorAll("#draft-fields fieldset[data-type]")) {
    if (!(fs instanceof HTMLFieldSetElement)) continue;
    const active = fs.dataset.type === type;
    fs.hidden = !active;
    fs.disabled = !active;
  }
  $("draft-error").replaceChildren();
  clearErrors($("draft-form"));
}

const currentType = () =>
  /** @type {HTMLInputElement | null} */ (document.querySelector('input[name="draft-type"]:checked'))?.value ??
  "letter";
/** The fieldsets of the chosen type (and the collectivité's). */
const activeScopes = () =>
  /** @type {HTMLFieldSetElement[]} */ ([...document.querySelectorAll("#draft-fields fieldset.fields")]).filter(
    (fs) => !fs.disabled,
  );
/** The fields of a fieldset, each named by `data-path`. */
const pathNodes = (scope) =>
  /** @type {(HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | HTMLFieldSetElement)[]} */ ([
    ...scope.querySelectorAll("[data-path]"),
  ]);

function setPath(target, path, value) {
  const keys = path.split(".");
  let node = target;
  for (const k of keys.slice(0, -1)) node = node[k] ??= {};
  node[keys.at(-1)] = value;
}

const lines = (text) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** The inputs of the chosen type, empty fields left out so the server's defaults apply. */
function collect() {
  const inputs = {};
  for (const scope of activeScopes()) {
    for (const node of pathNodes(scope)) {
      const { path, kind } = node.dataset;
      if (node instanceof HTMLFieldSetElement) {
        const known = /** @type {HTMLInputElement[]} */ ([...node.querySelectorAll('input[type="checkbox"]')])
          .filter((c) => c.checked)
          .map((c) => c.value);
        const other = lines(node.querySelector("textarea").value);
        if (known.length < knownRequests().length || other.length) setPath(inputs, path, [...known, ...other]);
        continue;
      }
      const raw = node.value.trim();
      if (!raw) continue;
      if (kind === "number") setPath(inputs, path, Number(raw));
      else if (kind === "lines") setPath(inputs, path, lines(node.value));
      else setPath(inputs, path, raw);
    }
  }
  return inputs;
}

/** The control of a field the server names (`inputs.recipient.name`, `inputs.requests.1`), among the chosen type's. */
function controlOf(path) {
  const wanted = path.replace(/^inputs\./, "").replace(/\.\d+$/, "");
  for (const scope of activeScopes()) {
    const node = pathNodes(scope).find((n) => n.dataset.path === wanted);
    if (node) return node.matches("fieldset") ? node.querySelector("textarea") : node;
  }
  return null;
}

const dateTimeShort = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "short", timeZone: TIME_ZONE });
/** « 05/12/2026 04:12 »: a saved analysis's date and time, short enough for a select. */
const shortDateTime = (iso) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso || "" : dateTimeShort.format(d);
};

async function refreshAnalyses() {
  let analyses = [];
  try {
    analyses = (await fetchJson("/api/inventory/analyses")).analyses;
  } catch {
    /* the select stays as it is; the server will say what is missing */
  }
  analyses.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  for (const select of /** @type {NodeListOf<HTMLSelectElement>} */ (
    document.querySelectorAll("select.analysis-select")
  )) {
    const keep = pendingAnalysis ?? select.value;
    const first = select.options[0];
    select.replaceChildren(
      first,
      ...analyses.map((a) => {
        // The name first, then the date and time (two analyses of one day told apart), then the counts in short:
        // what a narrow select shows is the start of its option.
        const params = {
          name: a.name || a.files.join(", ") || a.id,
          date: shortDateTime(a.createdAt),
          items: countOf("software", a.counts.items ?? 0),
          score: a.counts.score ?? "—",
          extra: formatShare(a.counts.extraEuropeanShare),
        };
        return el(
          "option",
          { value: a.id, title: t("draft.analysis.optionTitle", { ...params, date: formatDate(a.createdAt) }) },
          t("draft.analysis.option", params),
        );
      }),
    );
    if (analyses.some((a) => a.id === keep)) select.value = keep;
    /** @type {HTMLElement} */ (select.parentElement.querySelector(".analysis-empty")).hidden = analyses.length > 0;
    select.onchange = () => fillCollectivite(analyses.find((a) => a.id === select.value));
  }
  // « Rédiger la feuille de route à partir de cette analyse »: the collectivité is the analysis's own.
  if (pendingAnalysis) fillCollectivite(analyses.find((a) => a.id === pendingAnalysis));
  pendingAnalysis = null;
}

/**
 * The collectivité's name from a chosen analysis, when the field is still empty (a name typed is never replaced): the
 * plan adopted from the document then bears the name its next inventories are saved under.
 * @param {{ collectivite?: string | null } | undefined} analysis
 */
function fillCollectivite(analysis) {
  const name = /** @type {HTMLInputElement | null} */ ($(fieldId("collectivite", "collectivite.name")));
  if (!name || name.value.trim() || !analysis?.collectivite) return;
  name.value = analysis.collectivite;
  name.dispatchEvent(new Event("input", { bubbles: true }));
}

function refreshSaved() {
  return showSavedList($("draft-saved"), {
    url: "/api/drafts",
    key: "drafts",
    dateField: "updatedAt",
    empty: t("draft.savedEmpty"),
    entry: (d) => ({
      href: `#documents/${encodeURIComponent(d.id)}`,
      label: t("draft.savedLink", { title: d.title, collectivite: d.collectivite }),
      meta: [
        t("draft.savedMeta", {
          type: typeLabel(d.type),
          date: formatDate(d.updatedAt),
          versions: countOf("version", d.versions),
        }),
        (d.checks ?? d.flags) ? t("draft.savedFlags", { count: countOf("point", d.checks ?? d.flags) }) : null,
      ]
        .filter(Boolean)
        .join(" — "),
    }),
    current: () => (shownId ? `#documents/${encodeURIComponent(shownId)}` : null),
  });
}

// ——— Generation ———

async function submit() {
  const type = currentType();
  const form = /** @type {HTMLFormElement} */ ($("draft-form"));
  $("draft-error").replaceChildren();
  if (!validate(form)) {
    $("draft-error").replaceChildren(errorSummary(form.querySelectorAll(".field-error").length));
    return;
  }
  const inputs = collect();

  controller = new AbortController();
  const buttonHadFocus = document.activeElement === $("draft-submit");
  submitButton().disabled = true;
  $("draft-stop").hidden = false;
  // « Rédiger » is disabled while the draft is written: the focus goes to « Arrêter », not to the page's body.
  if (buttonHadFocus) $("draft-stop").focus();
  const view = streamView(type, inputs.collectivite?.name ?? "");
  setStep("write");
  let finished = null;
  try {
    let response;
    try {
      response = await fetch("/api/drafts", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ type, inputs }),
        signal: controller.signal,
      });
    } catch (err) {
      if (err.name === "AbortError") throw err;
      throw new Error(t("web.networkError"));
    }
    if (!response.ok) {
      // Validation errors come before the stream: each under its field when the page has it, else under the form.
      const error = await apiError(response);
      view.remove();
      setStep("fill");
      if (showServerErrors(form, error, controlOf))
        $("draft-error").replaceChildren(errorSummary(form.querySelectorAll(".field-error").length));
      else {
        $("draft-error").replaceChildren(errorBox(error.message));
        $("draft-error").querySelector("p").setAttribute("tabindex", "-1");
        $("draft-error").querySelector("p").focus();
      }
      return;
    }
    for await (const { event, data } of readSSE(response)) {
      if (event === "section") view.section(data.key, data.title);
      else if (event === "token") view.token(data.key, data.text);
      else if (event === "flags") view.flags(data.key, data.flags);
      else if (event === "notice") view.notice(data.text, data.detail);
      else if (event === "done") finished = data;
      else if (event === "error") view.error(data.message);
    }
  } catch (err) {
    if (err.name === "AbortError") view.stopped();
    else view.error(err.message || t("web.networkError"));
  } finally {
    controller = null;
    const stopHadFocus = document.activeElement === $("draft-stop");
    submitButton().disabled = false;
    $("draft-stop").hidden = true;
    // Stopped or failed: the focus comes back to « Rédiger » rather than falling to the page's body.
    if (stopHadFocus && !finished) $("draft-submit").focus();
    if (!finished) setStep("fill");
  }
  if (finished) {
    const moveFocus =
      document.activeElement === document.body ||
      document.activeElement === $("draft-stop") ||
      document.activeElement === $("draft-submit");
    await open(finished.id, { focus: moveFocus, notices: view.notices(), remember: true });
    refreshSaved();
    onDone();
  }
}

/** The draft as it streams: one block per section, filled token by token. */
function streamView(type, collectivite) {
  const sections = new Map();
  const notices = [];
  const progress = el("p", { class: "progress", role: "status" }, t("draft.starting"));
  const noticeBox = el("div");
  // Not a live region: the progress line says which section is being written, the finished draft takes the focus.
  const body = el("div", { class: "draft-body", "aria-busy": "true" });
  const card = el(
    "section",
    { class: "card draft", "aria-labelledby": "draft-title" },
    el("h2", { id: "draft-title", tabindex: "-1" }, t("draft.streamTitle", { type: typeLabel(type), collectivite })),
    progress,
    noticeBox,
    body,
  );
  shownId = null;
  $("draft-output").replaceChildren(card);
  const done = () => body.setAttribute("aria-busy", "false");
  return {
    section(key, title) {
      const text = el("div", { class: "draft-text" });
      const flags = el("div");
      body.append(el("section", { class: "draft-section" }, el("h3", {}, title), text, flags));
      sections.set(key, { text, flags, raw: "" });
      progress.textContent = t("draft.writing", { n: sections.size, title });
    },
    token(key, chunk) {
      const s = sections.get(key);
      if (!s) return;
      s.raw += chunk;
      // Drawn at most once a frame, not rebuilt for every token.
      s.frame ||= requestAnimationFrame(() => {
        s.frame = 0;
        s.text.replaceChildren(renderMarkdown(s.raw, { headingLevel: 4 }));
      });
    },
    flags(key, flags) {
      const s = sections.get(key);
      if (s) s.flags.replaceChildren(flagBox(flags));
    },
    notice(text, detail) {
      notices.push({ text, detail });
      noticeBox.append(noticeView({ text, detail }));
    },
    error(message) {
      done();
      progress.textContent = "";
      card.append(errorBox(message));
    },
    stopped() {
      done();
      progress.textContent = t("draft.stopped");
    },
    remove() {
      card.remove();
    },
    notices: () => notices,
  };
}

/**
 * A notice of the drafting: its plain sentence, and what only an administrator needs (the model's address, the
 * `ollama pull` commands) folded under « Détails pour l'administrateur », as on the chat page.
 * @param {{ text: string, detail?: string }} notice
 */
function noticeView({ text, detail }) {
  if (!detail) return el("p", { class: "notice" }, text);
  return el(
    "div",
    { class: "notice" },
    el("p", {}, text),
    el("details", {}, el("summary", {}, t("web.noticeAdmin")), el("p", {}, detail)),
  );
}

function flagBox(flags, sectionTitles = null) {
  return flagsBox(
    t("draft.flagsTitle", { count: flags.length }),
    t("draft.flagsIntro"),
    flags.map((f) =>
      el(
        "li",
        {},
        el("strong", {}, f.figure),
        " — ",
        sectionTitles && f.section
          ? t("draft.flagIn", { section: sectionTitles.get(f.section) ?? f.section, reason: f.reason })
          : f.reason,
      ),
    ),
  );
}

/** What the saved text marks, in its order, with the same mark (« [non vérifié] », « [à vérifier] ») and why. */
function checkBox(checks, sectionTitles) {
  return flagsBox(
    t("draft.flagsTitle", { count: checks.length }),
    t("draft.flagsIntro"),
    checks.map((c) => {
      const section = sectionTitles.get(c.section) ?? c.section;
      return el(
        "li",
        {},
        el("strong", {}, c.text),
        " ",
        el("strong", {}, c.mark),
        " — ",
        c.reason ? t("draft.flagIn", { section, reason: c.reason }) : t("draft.flagSection", { section }),
      );
    }),
  );
}

// ——— A saved draft ———

async function open(id, { focus = true, notices = [], remember = false } = {}) {
  try {
    const draft = await fetchJson(`/api/drafts/${encodeURIComponent(id)}`);
    renderDraft(draft, notices);
    shownId = draft.id;
    markCurrent($("draft-saved"), `#documents/${encodeURIComponent(draft.id)}`);
    if (remember) rememberLocation("documents", draft.id);
    else setNavTarget("documents", draft.id);
    if (focus) $("draft-title").focus();
  } catch (err) {
    shownId = null;
    $("draft-output").replaceChildren(errorBox(err.message));
  }
}

/** A draft as the server sends it, with `model`, the document model of the version to show (`model.version`). */
function renderDraft(draft, notices) {
  setStep("review");
  const shownVersion = draft.model.version;
  const latest = shownVersion === draft.versions.length;
  const version = draft.versions[shownVersion - 1];
  const sections = version.sections;
  const toComplete = sections.filter((s) => s.toComplete).length;
  const generated = sections.filter((s) => s.mode === "generated").length;
  const flags = sections.flatMap((s) => s.flags.map((f) => ({ ...f, section: s.key })));
  const titles = new Map(sections.map((s) => [s.key, s.title]));
  const card = el(
    "section",
    { class: "card draft", "aria-labelledby": "draft-title" },
    el("h2", { id: "draft-title", tabindex: "-1" }, draft.title),
    el(
      "p",
      { class: "source-meta" },
      t("draft.meta", {
        type: typeLabel(draft.type),
        collectivite: draft.collectivite,
        date: formatDate(version.at),
        version: shownVersion,
      }),
    ),
    draft.versions.length > 1 ? versionChooser(draft, shownVersion, titles) : null,
    latest
      ? null
      : el(
          "p",
          { class: "notice", id: "draft-old-version" },
          t("draft.version.readOnly", { version: shownVersion, count: draft.versions.length }),
        ),
    draft.model.asOf ? el("p", { class: "source-meta" }, draft.model.asOf) : null,
    notices.map(noticeView),
    // What the change of this version did beyond its section (an objective edited: the calendar computed again).
    version.notice ? el("p", { class: "notice", id: "draft-version-notice" }, version.notice) : null,
    toComplete
      ? el(
          "p",
          { class: "notice draft-banner" },
          t(`draft.toComplete.${toComplete < 2 ? "one" : "other"}`, { count: toComplete, total: sections.length }),
        )
      : null,
    !toComplete && generated ? el("p", { class: "mode" }, t("draft.generated")) : null,
    draft.model.checks?.length ? checkBox(draft.model.checks, titles) : flags.length ? flagBox(flags, titles) : null,
    downloads(draft.id, latest ? null : shownVersion),
    draft.type === "roadmap"
      ? el(
          "p",
          {},
          el(
            "a",
            { class: "button-link", href: `#suivi/feuille-de-route/${encodeURIComponent(draft.id)}` },
            t("plan.fromDraft.adopt"),
          ),
        )
      : null,
    el(
      "div",
      { class: "draft-body" },
      sections.map((s, i) => renderSection(draft, s, draft.model.sections[i], { editable: latest })),
    ),
  );
  $("draft-output").replaceChildren(card);
}

/** « Version affichée »: every saved version, what made it and when; an older one is shown read-only. */
function versionChooser(draft, shown, titles) {
  const cause = (c) => {
    const [kind, key] = c.split(":");
    return t(`draft.version.cause.${kind}`, { section: titles.get(key) ?? key ?? "" });
  };
  const select = el(
    "select",
    { id: "draft-version" },
    draft.versions
      .map((v, i) =>
        el(
          "option",
          { value: i + 1, selected: i + 1 === shown },
          // Who made it, when someone was signed in (trial16 C19: two DSIs on one roadmap).
          t(v.by ? "draft.version.optionBy" : "draft.version.option", {
            n: i + 1,
            date: formatDate(v.at),
            cause: cause(v.cause ?? "generate"),
            by: v.by ?? "",
          }),
        ),
      )
      .reverse(),
  );
  select.addEventListener("change", async () => {
    try {
      renderDraft(await fetchJson(`/api/drafts/${encodeURIComponent(draft.id)}?version=${select.value}`), []);
      $("draft-version")?.focus();
    } catch (err) {
      $("draft-output").append(errorBox(err.message));
    }
  });
  return el(
    "div",
    { class: "field version-choice" },
    el("label", { for: "draft-version" }, t("draft.version.label")),
    select,
  );
}

/** A section: its heading and buttons, its text and notes from the document model, its figures and sentences to check. */
function renderSection(draft, s, model, { editable = true } = {}) {
  const flagged = (s.verification?.sentences ?? []).filter(
    (x) => x.status === "unsupported" || x.status === "invalid-citation",
  );
  // Sentences attested as local facts, and whether this person may attest one (the role of a section edit).
  const attested = (s.verification?.sentences ?? []).filter((x) => x.status === "attested" && x.attestation);
  const canAttest = editable && allows("redacteur");
  const headingId = `sec-${draft.id}-${s.key}`.replace(/[^\w-]/g, "-");
  const { text: body, notes } = renderModelSection(model, (n) => `note-${draft.id}-${n}`.replace(/[^\w-]/g, "-"));
  const edit = editable
    ? el(
        "button",
        { type: "button", class: "secondary edit-section" },
        t("draft.edit.button"),
        el("span", { class: "visually-hidden" }, ` « ${s.title} »`),
      )
    : null;
  edit?.addEventListener("click", () => openEditor(draft, s, { body, edit, headingId }));
  // A section the model wrote (or a template waiting for it) can be written again, as a new version.
  const rewrite = editable && (s.mode === "generated" || s.toComplete) ? rewriteButton(draft, s, headingId) : null;
  return el(
    "section",
    { class: `draft-section${s.heading ? "" : " unheaded"}`, "data-key": s.key },
    el(
      "div",
      { class: "section-head" },
      el("h3", { id: headingId, tabindex: "-1" }, s.title),
      s.toComplete ? el("span", { class: "badge badge-draft" }, t("draft.badgeToComplete")) : null,
      edit,
      rewrite,
    ),
    body,
    s.flags.length ? flagBox(s.flags) : null,
    flagged.length
      ? el(
          "div",
          { class: "flags" },
          el("p", { class: "flags-title" }, t("verify.boxTitle", { count: flagged.length })),
          el("p", { class: "hint" }, t("verify.boxIntro")),
          canAttest ? el("p", { class: "hint" }, t("draft.attest.hint")) : null,
          el(
            "ul",
            {},
            flagged.map((x) =>
              el(
                "li",
                {},
                el("q", {}, x.text),
                " — ",
                x.reasons.join(" ; "),
                canAttest && model.attestable?.includes(x.text) ? attestButtons(draft, s, x.text, headingId) : null,
              ),
            ),
          ),
        )
      : null,
    attested.length
      ? el(
          "div",
          { class: "attested" },
          el("p", { class: "flags-title" }, t("draft.attest.listTitle", { count: attested.length })),
          el(
            "ul",
            {},
            attested.map((x) =>
              el(
                "li",
                {},
                el("q", {}, x.text),
                " — ",
                t("draft.attest.line", { by: x.attestation.by, date: formatDate(x.attestation.at) }),
                editable && allows("redacteur") ? attestButtons(draft, s, x.text, headingId, true) : null,
              ),
            ),
          ),
        )
      : null,
    notes,
  );
}

/**
 * « Attester ce fait local » (or « Retirer l'attestation »), asked twice: POST (DELETE) …/attestations with the
 * sentence and the version shown, then the draft again at its new version. A version saved meanwhile is the French
 * 409, said beside the buttons with the one to load the newest version.
 * @param {any} draft
 * @param {any} s the section
 * @param {string} sentence
 * @param {string} headingId
 */
function attestButtons(draft, s, sentence, headingId, withdraw = false) {
  const ask = el(
    "button",
    { type: "button", class: "secondary attest" },
    t(withdraw ? "draft.attest.withdraw" : "draft.attest.button"),
  );
  ask.setAttribute("aria-label", t(withdraw ? "draft.attest.withdrawOf" : "draft.attest.buttonOf", { sentence }));
  const confirm = el(
    "button",
    { type: "button", class: "attest-confirm" },
    t(withdraw ? "draft.attest.withdrawConfirm" : "draft.attest.confirm"),
  );
  const cancel = el("button", { type: "button", class: "secondary" }, t("draft.attest.cancel"));
  askTwice(ask, confirm, cancel);
  const status = el("div", { role: "status" });
  confirm.addEventListener("click", async () => {
    confirm.disabled = true;
    try {
      const saved = await fetchJson(
        `/api/drafts/${encodeURIComponent(draft.id)}/sections/${encodeURIComponent(s.key)}/attestations`,
        jsonBody(withdraw ? "DELETE" : "POST", { sentence, version: draft.versions.length }),
      );
      showNewVersion(saved, headingId, withdraw ? "draft.attest.withdrawn" : "draft.attest.done");
    } catch (err) {
      confirm.disabled = false;
      const reload = reloadButton(err, draft, headingId);
      status.replaceChildren(errorBox(err.message), ...(reload ? [reload] : []));
      (reload ?? confirm).focus();
    }
  });
  return el("span", { class: "attest-actions" }, " ", ask, confirm, cancel, status);
}

/** For a 409 (a version saved meanwhile), a button that loads the draft's newest version; null otherwise. */
function reloadButton(err, draft, headingId) {
  if (err.status !== 409) return null;
  const reload = el("button", { type: "button" }, t("draft.rewrite.reload"));
  reload.addEventListener("click", async () => {
    try {
      renderDraft(await fetchJson(`/api/drafts/${encodeURIComponent(draft.id)}`), []);
      $(headingId)?.focus();
    } catch (e2) {
      reload.replaceWith(errorBox(e2.message));
    }
  });
  return reload;
}

/**
 * « Réécrire avec le modèle »: POST …/regenerate with the version shown, then the draft again at its new version.
 * A version saved meanwhile (a colleague's hand edit) is a 409 said in French, with a button to load it: the
 * model's text never silently replaces an edit this page has not shown.
 */
function rewriteButton(draft, s, headingId) {
  const button = el(
    "button",
    { type: "button", class: "secondary rewrite-section" },
    t("draft.rewrite.button"),
    el("span", { class: "visually-hidden" }, ` « ${s.title} »`),
  );
  button.addEventListener("click", async () => {
    const section = button.closest(".draft-section");
    const status = el("p", { class: "progress", role: "status" }, t("draft.rewrite.running"));
    section.querySelector(".rewrite-status")?.remove();
    section.append(el("div", { class: "rewrite-status" }, status));
    button.disabled = true;
    try {
      const saved = await fetchJson(
        `/api/drafts/${encodeURIComponent(draft.id)}/sections/${encodeURIComponent(s.key)}/regenerate`,
        {
          method: "POST",
          headers: { accept: "application/json", "content-type": "application/json" },
          body: JSON.stringify({ version: draft.versions.length }),
        },
      );
      showNewVersion(saved, headingId, "draft.rewrite.done");
    } catch (err) {
      button.disabled = false;
      const reload = reloadButton(err, draft, headingId);
      status.replaceWith(errorBox(err.message), ...(reload ? [reload] : []));
      (reload ?? button).focus();
    }
  });
  return button;
}

// ——— Editing a section in place ———

/**
 * Open section editors, each as a test of whether its box holds text not yet saved: leaving or reloading the page
 * then asks first (trial24 T-L8: a typed section was lost on reload without a word). The browser words the question.
 */
const unsavedEdits = new Set();
window.addEventListener("beforeunload", (e) => {
  if (![...unsavedEdits].some((unsaved) => unsaved())) return;
  e.preventDefault();
  e.returnValue = "";
});

/**
 * Replaces a section's text by a form: its text in a box, saved with PATCH …/sections/:key and the version it was
 * made on, so an edit never silently overwrites a newer version. A conflict (409) is said in French under the
 * box, the typed text is kept, and « Reprendre sur la dernière version » reloads the draft with the edit still open.
 */
function openEditor(draft, s, { body, edit, headingId }, typed = null) {
  const id = `edit-${headingId}`;
  const status = el("div", { role: "status" });
  const area = el("textarea", {
    id,
    rows: Math.min(20, Math.max(6, s.text.split("\n").length + 2)),
    // The edit's limits are the server's (GET /api/reference, `edit`).
    required: (reference.edit.required ?? []).includes("text"),
    maxlength: reference.edit.properties?.text?.maxLength ?? null,
    "aria-describedby": `${id}-hint`,
  });
  area.value = typed ?? s.text;
  const unsaved = () => area.isConnected && area.value !== s.text;
  unsavedEdits.add(unsaved);
  const save = el("button", { type: "submit" }, t("draft.edit.save"));
  const cancel = el("button", { type: "button", class: "secondary" }, t("draft.edit.cancel"));
  const form = prepareForm(
    el(
      "form",
      { class: "section-editor", "aria-labelledby": headingId },
      el(
        "div",
        { class: "field wide" },
        el("label", { for: id }, t("draft.edit.label", { title: s.title })),
        el("p", { class: "hint", id: `${id}-hint` }, t("draft.edit.hint", { version: draft.versions.length })),
        area,
      ),
      el("div", { class: "actions" }, save, cancel),
      status,
    ),
  );
  const close = () => {
    unsavedEdits.delete(unsaved);
    form.replaceWith(body);
    edit.hidden = false;
    edit.focus();
  };
  cancel.addEventListener("click", close);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    status.replaceChildren();
    if (!validate(form)) return;
    save.disabled = true;
    try {
      const saved = await fetchJson(
        `/api/drafts/${encodeURIComponent(draft.id)}/sections/${encodeURIComponent(s.key)}`,
        jsonBody("PATCH", { text: area.value, version: draft.versions.length }),
      );
      unsavedEdits.delete(unsaved);
      showNewVersion(saved, headingId, "draft.edit.saved");
    } catch (err) {
      save.disabled = false;
      if (err.status === 409) {
        // Nothing is lost: the text stays in the box; the newest version can be loaded under it.
        showErrors(form, [{ control: area, message: err.message }]);
        const reload = el("button", { type: "button" }, t("draft.edit.reload"));
        reload.addEventListener("click", async () => {
          const text = area.value;
          try {
            const latest = await fetchJson(`/api/drafts/${encodeURIComponent(draft.id)}`);
            renderDraft(latest, []);
            const section = $("draft-output").querySelector(`.draft-section[data-key="${CSS.escape(s.key)}"]`);
            const newest = latest.versions.at(-1).sections.find((x) => x.key === s.key);
            if (!section || !newest) return;
            const parts = {
              body: section.querySelector(".draft-text"),
              edit: section.querySelector(".edit-section"),
              headingId,
            };
            openEditor(latest, newest, parts, text);
          } catch (e2) {
            status.replaceChildren(errorBox(e2.message));
          }
        });
        status.replaceChildren(el("p", { class: "hint" }, t("draft.edit.conflictHint")), reload);
      } else if (!showServerErrors(form, err, (path) => (path === "text" ? area : null)))
        status.replaceChildren(errorBox(err.message));
    }
  });
  body.replaceWith(form);
  edit.hidden = true;
  area.focus();
}

function downloads(id, version = null) {
  return el(
    "div",
    { class: "downloads" },
    el("h3", { id: "draft-downloads-title" }, t("draft.downloadTitle")),
    el(
      "ul",
      { "aria-labelledby": "draft-downloads-title" },
      FORMATS.map((f) =>
        el(
          "li",
          {},
          el(
            "a",
            {
              class: "button-link",
              href: `/api/drafts/${encodeURIComponent(id)}/export?format=${f}${version ? `&version=${version}` : ""}`,
              download: true,
            },
            t(`draft.format.${f}`),
          ),
        ),
      ),
    ),
    el("p", { class: "hint" }, t("draft.downloadHint", { count: formatNumber(FORMATS.length) })),
  );
}

/** A section saved as a new version: the draft shown again, focus back on the section, and the version said. */
function showNewVersion(saved, headingId, key) {
  renderDraft(saved, []);
  refreshSaved();
  const heading = $(headingId);
  heading?.focus();
  heading?.closest(".draft-section")?.append(
    el(
      "p",
      { class: "success", role: "status" },
      // What the change did beyond the section (an objective edited: the calendar computed again), announced too.
      [t(key, { version: saved.versions.length }), saved.versions.at(-1)?.notice].filter(Boolean).join(" "),
    ),
  );
}
