// « Rédiger un document »: a form per document type (courrier, plan d'audit, feuille de route, note), posted to
// POST /api/drafts whose SSE stream is shown section by section; the saved draft (GET /api/drafts/:id) is then
// shown with its notes, its figures to check and links to its ODT, DOCX, PDF and Markdown exports. Saved drafts
// are listed (GET /api/drafts) to reopen them.

import { clearErrors, errorSummary, prepareForm, showErrors, showServerErrors, validate } from "./forms.js";
import { markEnglish, sourceTitle } from "./lang.js";
import {
  $,
  apiError,
  el,
  errorBox,
  fetchJson,
  formatDate,
  formatNumber,
  formatShare,
  has,
  jsonBody,
  markCurrent,
  readSSE,
  rememberLocation,
  setNavTarget,
  showSavedList,
  t,
} from "./lib.js";
import { renderMarkdown } from "./markdown.js";

const TYPES = ["letter", "audit-plan", "roadmap", "briefing"];
const FORMATS = ["odt", "docx", "pdf", "md"];
const LETTER_REQUESTS = ["study", "target", "public-information"];
const MONTH = {
  kind: "text",
  pattern: "\\d{4}-\\d{2}(-\\d{2})?",
  placeholder: "draft.placeholder.month",
  patternMessage: "form.error.month",
};
/** The server's free texts are trimmed and at least two characters long (server/drafting/inputs.ts). */
const MIN_TEXT = 2;

const COLLECTIVITE = [
  { path: "collectivite.name", required: true, maxlength: 200 },
  { path: "collectivite.kind", maxlength: 100 },
  { path: "collectivite.population", kind: "number", min: 1 },
  { path: "collectivite.region", maxlength: 100 },
  { path: "collectivite.department", maxlength: 100 },
  { path: "collectivite.agents", kind: "number", min: 1 },
  { path: "collectivite.workstations", kind: "number", min: 1 },
];

/** The fields of each type, by fieldset, as server/drafting/inputs.ts validates them. */
const FIELDS = {
  letter: [
    {
      legend: "sender",
      fields: [
        { path: "sender.name", required: true, maxlength: 200, autocomplete: "organization" },
        { path: "sender.description", maxlength: 500 },
        { path: "sender.signatory", maxlength: 200, autocomplete: "name" },
        { path: "sender.address", maxlength: 300, autocomplete: "street-address" },
        { path: "sender.contact", maxlength: 200 },
        { path: "sender.url", kind: "url", autocomplete: "url" },
      ],
    },
    {
      legend: "recipient",
      fields: [
        { path: "recipient.civility", kind: "select", options: ["", "Madame", "Monsieur"] },
        { path: "recipient.name", required: true, maxlength: 200 },
        { path: "recipient.role", required: true, maxlength: 200 },
        { path: "recipient.salutation", maxlength: 200 },
      ],
    },
    {
      legend: "letter",
      fields: [
        { path: "subject", maxlength: 200 },
        { path: "tone", kind: "select", options: ["courtois", "formel", "ferme"] },
        { path: "requests", kind: "requests" },
        { path: "context", kind: "textarea", maxlength: 4000 },
        { path: "place", maxlength: 100 },
        { path: "date", kind: "date" },
      ],
    },
  ],
  "audit-plan": [
    {
      legend: "audit",
      fields: [
        { path: "services", kind: "lines" },
        { path: "businessSoftware", kind: "lines" },
        { path: "startDate", ...MONTH },
        { path: "durationMonths", kind: "number", min: 1, max: 36 },
        { path: "sponsor", maxlength: 200 },
        { path: "lead", maxlength: 200 },
        { path: "team", kind: "lines" },
        { path: "context", kind: "textarea", maxlength: 4000 },
        { path: "author", maxlength: 200 },
      ],
    },
  ],
  roadmap: [
    {
      legend: "roadmap",
      fields: [
        { path: "analysisId", kind: "analysis", required: true },
        { path: "targetShare", kind: "number", min: 0, max: 100 },
        { path: "targetDate", ...MONTH },
        { path: "startDate", ...MONTH },
        { path: "context", kind: "textarea", maxlength: 4000 },
        { path: "author", maxlength: 200 },
      ],
    },
  ],
  briefing: [
    {
      legend: "briefing",
      fields: [
        { path: "question", kind: "textarea", maxlength: 1000 },
        { path: "analysisId", kind: "analysis" },
        { path: "recipient.name", maxlength: 200 },
        { path: "recipient.role", maxlength: 200 },
        { path: "author", maxlength: 200 },
        { path: "date", kind: "date" },
      ],
    },
  ],
};

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
    selectType(e.detail.type);
    pendingAnalysis = e.detail.analysisId ?? null;
  });
}

/** Called by the router: `id` is the draft named in the address, if any. */
export function show(id, { focus = true } = {}) {
  refreshAnalyses();
  refreshSaved();
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

function control(type, scope, spec) {
  const id = fieldId(scope, spec.path);
  const hint = label(type, spec.path, "hint");
  const hintId = hint ? `${id}-hint` : null;
  const common = {
    id,
    "data-path": spec.path,
    "data-kind": spec.kind ?? "text",
    required: spec.required ?? false,
    "aria-describedby": hintId,
    autocomplete: spec.autocomplete ?? null,
  };
  let input;
  if (spec.kind === "textarea" || spec.kind === "lines")
    input = el("textarea", {
      ...common,
      rows: spec.kind === "lines" ? 3 : 4,
      maxlength: spec.maxlength,
      "data-minlength": spec.kind === "textarea" ? MIN_TEXT : null,
    });
  else if (spec.kind === "select")
    input = el(
      "select",
      common,
      spec.options.map((o) =>
        el("option", { value: o }, o ? t(`draft.option.${spec.path}.${o}`) : t("draft.option.none")),
      ),
    );
  else if (spec.kind === "analysis")
    input = el(
      "select",
      { ...common, class: "analysis-select" },
      el("option", { value: "" }, t(spec.required ? "draft.analysis.choose" : "draft.analysis.none")),
    );
  else if (spec.kind === "number")
    input = el("input", {
      ...common,
      type: "number",
      min: spec.min,
      max: spec.max,
      step: spec.path === "targetShare" ? "any" : "1",
      inputmode: spec.path === "targetShare" ? "decimal" : "numeric",
    });
  else if (spec.kind === "requests") return requestsControl(id, spec);
  else
    input = el("input", {
      ...common,
      type: spec.kind === "url" ? "url" : spec.kind === "date" ? "date" : "text",
      maxlength: spec.maxlength,
      pattern: spec.pattern,
      placeholder: spec.placeholder ? t(spec.placeholder) : null,
      "data-pattern-message": spec.patternMessage ?? null,
      "data-minlength": !spec.kind || spec.kind === "text" ? (spec.pattern ? null : MIN_TEXT) : null,
    });
  const text = label(type, spec.path) ?? spec.path;
  return el(
    "div",
    { class: `field${spec.kind === "textarea" || spec.kind === "lines" ? " wide" : ""}` },
    el("label", { for: id }, text, spec.required ? el("span", { class: "required" }, t("draft.required")) : null),
    input,
    hint ? el("p", { class: "hint", id: hintId }, hint) : null,
    spec.kind === "analysis"
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

function requestsControl(id, spec) {
  return el(
    "fieldset",
    { class: "field wide requests", "data-path": spec.path, "data-kind": "requests" },
    el("legend", {}, t("draft.field.requests")),
    LETTER_REQUESTS.map((r) =>
      el(
        "div",
        { class: "check" },
        el("input", { type: "checkbox", id: `${id}-${r}`, value: r, checked: true }),
        el("label", { for: `${id}-${r}` }, t(`draft.request.${r}`)),
      ),
    ),
    el("label", { for: `${id}-other` }, t("draft.field.requests.other")),
    el("textarea", { id: `${id}-other`, rows: 2, "aria-describedby": `${id}-other-hint` }),
    el("p", { class: "hint", id: `${id}-other-hint` }, t("draft.hint.lines")),
  );
}

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
      COLLECTIVITE.map((f) => control("common", "collectivite", f)),
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
  const radio = $(`dt-${type}`);
  if (radio) radio.checked = true;
  // A disabled fieldset is neither validated nor read: only the chosen type's fields count.
  for (const fs of document.querySelectorAll("#draft-fields fieldset[data-type]")) {
    const active = fs.dataset.type === type;
    fs.hidden = !active;
    fs.disabled = !active;
  }
  $("draft-error").replaceChildren();
  clearErrors($("draft-form"));
}

const currentType = () => document.querySelector('input[name="draft-type"]:checked')?.value ?? "letter";
const activeScopes = () => [...document.querySelectorAll("#draft-fields fieldset.fields")].filter((fs) => !fs.disabled);

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
    for (const node of scope.querySelectorAll("[data-path]")) {
      const { path, kind } = node.dataset;
      if (kind === "requests") {
        const known = [...node.querySelectorAll('input[type="checkbox"]')].filter((c) => c.checked).map((c) => c.value);
        const other = lines(node.querySelector("textarea").value);
        if (known.length < LETTER_REQUESTS.length || other.length) setPath(inputs, path, [...known, ...other]);
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
    const node = [...scope.querySelectorAll("[data-path]")].find((n) => n.dataset.path === wanted);
    if (node) return node.matches("fieldset") ? node.querySelector("textarea") : node;
  }
  return null;
}

async function refreshAnalyses() {
  let analyses = [];
  try {
    analyses = (await fetchJson("/api/inventory/analyses")).analyses;
  } catch {
    /* the select stays as it is; the server will say what is missing */
  }
  analyses.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  for (const select of document.querySelectorAll("select.analysis-select")) {
    const keep = pendingAnalysis ?? select.value;
    const first = select.options[0];
    select.replaceChildren(
      first,
      ...analyses.map((a) =>
        el(
          "option",
          { value: a.id },
          t("draft.analysis.option", {
            date: formatDate(a.createdAt),
            files: a.files.join(", ") || a.id,
            score: a.counts.score ?? "—",
            extra: formatShare(a.counts.extraEuropeanShare),
          }),
        ),
      ),
    );
    if (analyses.some((a) => a.id === keep)) select.value = keep;
    select.parentElement.querySelector(".analysis-empty").hidden = analyses.length > 0;
  }
  pendingAnalysis = null;
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
        t("draft.savedMeta", { type: typeLabel(d.type), date: formatDate(d.updatedAt), versions: d.versions }),
        d.flags ? t("draft.savedFlags", { count: d.flags }) : null,
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
  const form = $("draft-form");
  $("draft-error").replaceChildren();
  if (!validate(form)) {
    $("draft-error").replaceChildren(errorSummary(form.querySelectorAll(".field-error").length));
    return;
  }
  const inputs = collect();

  controller = new AbortController();
  const buttonHadFocus = document.activeElement === $("draft-submit");
  $("draft-submit").disabled = true;
  $("draft-stop").hidden = false;
  // « Rédiger » is disabled while the draft is written: the focus goes to « Arrêter », not to the page's body.
  if (buttonHadFocus) $("draft-stop").focus();
  const view = streamView(type, inputs.collectivite?.name ?? "");
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
      else if (event === "notice") view.notice(data.text);
      else if (event === "done") finished = data;
      else if (event === "error") view.error(data.message);
    }
  } catch (err) {
    if (err.name === "AbortError") view.stopped();
    else view.error(err.message || t("web.networkError"));
  } finally {
    controller = null;
    const stopHadFocus = document.activeElement === $("draft-stop");
    $("draft-submit").disabled = false;
    $("draft-stop").hidden = true;
    // Stopped or failed: the focus comes back to « Rédiger » rather than falling to the page's body.
    if (stopHadFocus && !finished) $("draft-submit").focus();
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
    notice(text) {
      notices.push(text);
      noticeBox.append(el("p", { class: "notice" }, text));
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

function flagBox(flags, sectionTitles = null) {
  return el(
    "div",
    { class: "flags" },
    el("p", { class: "flags-title" }, t("draft.flagsTitle", { count: flags.length })),
    el("p", { class: "hint" }, t("draft.flagsIntro")),
    el(
      "ul",
      {},
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
    ),
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

function renderDraft(draft, notices, { version: shownVersion = draft.versions.length } = {}) {
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
    factsAsOf(sections),
    notices.map((n) => el("p", { class: "notice" }, n)),
    toComplete
      ? el("p", { class: "notice draft-banner" }, t("draft.toComplete", { count: toComplete, total: sections.length }))
      : null,
    !toComplete && generated ? el("p", { class: "mode" }, t("draft.generated")) : null,
    flags.length ? flagBox(flags, titles) : null,
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
      sections.map((s) => renderSection(draft, s, { editable: latest })),
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
          t("draft.version.option", { n: i + 1, date: formatDate(v.at), cause: cause(v.cause ?? "generate") }),
        ),
      )
      .reverse(),
  );
  select.addEventListener("change", () => {
    renderDraft(draft, [], { version: Number(select.value) });
    $("draft-version")?.focus();
  });
  return el(
    "div",
    { class: "field version-choice" },
    el("label", { for: "draft-version" }, t("draft.version.label")),
    select,
  );
}

/** « Faits cités à jour : 10 avril 2026 »: the most recent date of the corpus pages the draft cites. */
function factsAsOf(sections) {
  const latest = sections
    .flatMap((s) => s.citations.map((c) => c.date))
    .filter((d) => /^\d{4}/.test(d ?? ""))
    .sort()
    .at(-1);
  if (!latest) return null;
  const date = /^\d{4}-\d{2}-\d{2}/.test(latest)
    ? formatDate(latest)
    : /^\d{4}-\d{2}$/.test(latest)
      ? new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric" }).format(new Date(`${latest}-15T12:00:00`))
      : latest;
  return el("p", { class: "source-meta" }, t("draft.factsAsOf", { date }));
}

function renderSection(draft, s, { editable = true } = {}) {
  const noteId = (n) => `note-${draft.id}-${s.key}-${n}`;
  const known = new Set(s.citations.map((c) => c.n));
  const flagged = (s.verification?.sentences ?? []).filter(
    (x) => x.status === "unsupported" || x.status === "invalid-citation",
  );
  // `[0]` (never a citation) marks the end of a sentence the verification could not support.
  const cite = (n, raw) =>
    n === 0 && flagged.length
      ? el("span", { class: "flag-label" }, `[${t("verify.unverified")}]`)
      : known.has(n)
        ? el("a", { class: "cite", href: `#${noteId(n)}`, "aria-label": t("web.citeLabel", { n }) }, `[${n}]`)
        : el(
            "span",
            { class: "cite-invalid" },
            `[${n}]`,
            el("span", { class: "flag-label" }, ` ${t("verify.invalidCitation")}`),
          );
  let text = s.text;
  for (const end of [...new Set(flagged.map((x) => x.end))].sort((a, b) => b - a))
    text = `${text.slice(0, end)} [0]${text.slice(end)}`;
  const headingId = `sec-${draft.id}-${s.key}`.replace(/[^\w-]/g, "-");
  const body = el("div", { class: "draft-text" }, renderMarkdown(text, { cite, headingLevel: 4 }));
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
          el(
            "ul",
            {},
            flagged.map((x) => el("li", {}, el("q", {}, x.text), " — ", x.reasons.join(" ; "))),
          ),
        )
      : null,
    s.citations.length
      ? el(
          "ol",
          { class: "notes", "aria-label": t("draft.notes") },
          s.citations.map((c) => el("li", { id: noteId(c.n), value: c.n }, ...noteContent(c))),
        )
      : null,
  );
}

/** « Réécrire avec le modèle »: POST …/regenerate, then the draft again at its new version. */
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
        { method: "POST", headers: { accept: "application/json" } },
      );
      showNewVersion(saved, headingId, "draft.rewrite.done");
    } catch (err) {
      button.disabled = false;
      status.replaceWith(errorBox(err.message));
      button.focus();
    }
  });
  return button;
}

// ——— Editing a section in place ———

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
    required: true,
    maxlength: 30000,
    "aria-describedby": `${id}-hint`,
  });
  area.value = typed ?? s.text;
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

/** Said to screen readers after a link that opens a new tab (RGAA 13.2). */
const newTab = () => el("span", { class: "visually-hidden" }, ` ${t("web.newTab")}`);

/** A note: the corpus page, then each source the cited sentence names with its date and link (or « analyse de Cap Libre »). */
function noteContent(c) {
  if (!c.sources) {
    return [
      c.url ? el("a", { href: c.url, rel: "noreferrer noopener", target: "_blank" }, c.title, newTab()) : c.title,
      el(
        "span",
        { class: "source-meta" },
        markEnglish(
          [c.section, c.source, c.date]
            .filter(Boolean)
            .map((x) => ` — ${x}`)
            .join(""),
        ),
      ),
    ];
  }
  const page = el("span", {}, [c.title, c.section, c.date].filter(Boolean).join(" — "));
  if (c.sources.length === 0) return [page, el("span", { class: "source-meta" }, ` — ${t("draft.ownAnalysis")}`)];
  const sources = c.sources.flatMap((s, i) => [
    i ? " ; " : ` — ${t(c.page ? "draft.pageSourcesLabel" : "draft.sourceLabel")} `,
    s.url
      ? el("a", { href: s.url, rel: "noreferrer noopener", target: "_blank" }, sourceTitle(s.title), newTab())
      : sourceTitle(s.title),
    s.date ? `, ${s.date}` : "",
  ]);
  return [page, el("span", { class: "source-meta" }, ...sources)];
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
  heading
    ?.closest(".draft-section")
    ?.append(el("p", { class: "success", role: "status" }, t(key, { version: saved.versions.length })));
}
