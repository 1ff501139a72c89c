// « Rédiger un document »: a form per document type (courrier, plan d'audit, feuille de route, note), posted to
// POST /api/drafts whose SSE stream is shown section by section; the saved draft (GET /api/drafts/:id) is then
// shown with its notes, its figures to check and links to its ODT, DOCX, PDF and Markdown exports. Saved drafts
// are listed (GET /api/drafts) to reopen them.
import { $, apiError, el, errorBox, fetchJson, formatDate, markCurrent, formatNumber, formatShare, has, readSSE, rememberLocation, setNavTarget, showSavedList, t } from "./lib.js";
import { renderMarkdown } from "./markdown.js";

const TYPES = ["letter", "audit-plan", "roadmap", "briefing"];
const FORMATS = ["odt", "docx", "pdf", "md"];
const LETTER_REQUESTS = ["study", "target", "public-information"];
const MONTH = { kind: "text", pattern: "\\d{4}-\\d{2}(-\\d{2})?", placeholder: "draft.placeholder.month" };

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
        { path: "sender.name", required: true, maxlength: 200 },
        { path: "sender.description", maxlength: 500 },
        { path: "sender.signatory", maxlength: 200 },
        { path: "sender.address", maxlength: 300 },
        { path: "sender.contact", maxlength: 200 },
        { path: "sender.url", kind: "url" },
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
const label = (type, path, part = "field") => (has(`draft.${part}.${type}.${path}`) ? t(`draft.${part}.${type}.${path}`) : has(`draft.${part}.${path}`) ? t(`draft.${part}.${path}`) : null);

export function init(options = {}) {
  onDone = options.onDone ?? onDone;
  buildForm();
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
  const common = { id, "data-path": spec.path, "data-kind": spec.kind ?? "text", required: spec.required ?? false, "aria-describedby": hintId };
  let input;
  if (spec.kind === "textarea" || spec.kind === "lines") input = el("textarea", { ...common, rows: spec.kind === "lines" ? 3 : 4, maxlength: spec.maxlength });
  else if (spec.kind === "select") input = el("select", common, spec.options.map((o) => el("option", { value: o }, o ? t(`draft.option.${spec.path}.${o}`) : t("draft.option.none"))));
  else if (spec.kind === "analysis") input = el("select", { ...common, class: "analysis-select" }, el("option", { value: "" }, t(spec.required ? "draft.analysis.choose" : "draft.analysis.none")));
  else if (spec.kind === "number") input = el("input", { ...common, type: "number", min: spec.min, max: spec.max, step: spec.path === "targetShare" ? "any" : "1", inputmode: spec.path === "targetShare" ? "decimal" : "numeric" });
  else if (spec.kind === "requests") return requestsControl(id, spec);
  else
    input = el("input", {
      ...common,
      type: spec.kind === "url" ? "url" : spec.kind === "date" ? "date" : "text",
      maxlength: spec.maxlength,
      pattern: spec.pattern,
      placeholder: spec.placeholder ? t(spec.placeholder) : null,
    });
  const text = label(type, spec.path) ?? spec.path;
  return el(
    "div",
    { class: `field${spec.kind === "textarea" || spec.kind === "lines" ? " wide" : ""}` },
    el("label", { for: id }, text, spec.required ? el("span", { class: "required" }, t("draft.required")) : null),
    input,
    hint ? el("p", { class: "hint", id: hintId }, hint) : null,
    spec.kind === "analysis" ? el("p", { class: "hint analysis-empty", hidden: true }, t("draft.analysis.empty"), " ", el("a", { href: "#inventaire" }, t("draft.analysis.emptyLink"))) : null,
  );
}

function requestsControl(id, spec) {
  return el(
    "fieldset",
    { class: "field wide requests", "data-path": spec.path, "data-kind": "requests" },
    el("legend", {}, t("draft.field.requests")),
    LETTER_REQUESTS.map((r) =>
      el("div", { class: "check" }, el("input", { type: "checkbox", id: `${id}-${r}`, value: r, checked: true }), el("label", { for: `${id}-${r}` }, t(`draft.request.${r}`))),
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
        el("input", { type: "radio", name: "draft-type", id: `dt-${type}`, value: type, checked: type === "letter", "aria-describedby": `dt-${type}-hint`, onchange: () => selectType(type) }),
        el("label", { for: `dt-${type}` }, typeLabel(type)),
        el("p", { class: "hint", id: `dt-${type}-hint` }, t(`draft.typeHint.${type}`)),
      ),
    ),
  );
  const common = el(
    "fieldset",
    { class: "fields", "data-scope": "common" },
    el("legend", {}, t("draft.legend.collectivite")),
    el("div", { class: "grid" }, COLLECTIVITE.map((f) => control("common", "collectivite", f))),
  );
  const perType = TYPES.flatMap((type) =>
    FIELDS[type].map((group) =>
      el("fieldset", { class: "fields", "data-type": type }, el("legend", {}, t(`draft.legend.${group.legend}`)), el("div", { class: "grid" }, group.fields.map((f) => control(type, type, f)))),
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

/** Marks the fields a French validation message names (`inputs.recipient.name (…) : …`) and focuses the first. */
function markInvalid(messageText) {
  const scopes = activeScopes();
  let first = null;
  for (const m of messageText.matchAll(/inputs\.([A-Za-z][\w.]*\w)/g)) {
    const path = m[1].replace(/\.\d+$/, "");
    for (const scope of scopes) {
      const node = [...scope.querySelectorAll("[data-path]")].find((n) => n.dataset.path === path || n.dataset.path.startsWith(`${path}.`));
      if (node) {
        const target = node.matches("fieldset") ? node.querySelector("input, textarea") : node;
        target.setAttribute("aria-invalid", "true");
        first ??= target;
        break;
      }
    }
  }
  first?.focus();
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
        el("option", { value: a.id }, t("draft.analysis.option", { date: formatDate(a.createdAt), files: a.files.join(", ") || a.id, score: a.counts.score ?? "—", extra: formatShare(a.counts.extraEuropeanShare) })),
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
      meta: [t("draft.savedMeta", { type: typeLabel(d.type), date: formatDate(d.updatedAt), versions: d.versions }), d.flags ? t("draft.savedFlags", { count: d.flags }) : null].filter(Boolean).join(" — "),
    }),
    current: () => (shownId ? `#documents/${encodeURIComponent(shownId)}` : null),
  });
}

// ——— Generation ———

async function submit() {
  const type = currentType();
  const inputs = collect();
  for (const node of document.querySelectorAll('#draft-form [aria-invalid="true"]')) node.removeAttribute("aria-invalid");
  $("draft-error").replaceChildren();

  controller = new AbortController();
  $("draft-submit").disabled = true;
  $("draft-stop").hidden = false;
  const view = streamView(type, inputs.collectivite?.name ?? "");
  let finished = null;
  try {
    let response;
    try {
      response = await fetch("/api/drafts", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ type, inputs }), signal: controller.signal });
    } catch (err) {
      if (err.name === "AbortError") throw err;
      throw new Error(t("web.networkError"));
    }
    if (!response.ok) {
      // Validation errors come before the stream: shown by the form, naming the field.
      const error = await apiError(response);
      view.remove();
      $("draft-error").replaceChildren(errorBox(error.message));
      markInvalid(error.message);
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
    $("draft-submit").disabled = false;
    $("draft-stop").hidden = true;
  }
  if (finished) {
    const moveFocus = document.activeElement === document.body || document.activeElement === $("draft-stop") || document.activeElement === $("draft-submit");
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
  const body = el("div", { class: "draft-body", "aria-live": "polite", "aria-busy": "true" });
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
      s.text.replaceChildren(renderMarkdown(s.raw, { headingLevel: 4 }));
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
        el("li", {}, el("strong", {}, f.figure), " — ", sectionTitles && f.section ? t("draft.flagIn", { section: sectionTitles.get(f.section) ?? f.section, reason: f.reason }) : f.reason),
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

function renderDraft(draft, notices) {
  const version = draft.versions.at(-1);
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
      t("draft.meta", { type: typeLabel(draft.type), collectivite: draft.collectivite, date: formatDate(version.at), version: draft.versions.length }),
    ),
    factsAsOf(sections),
    notices.map((n) => el("p", { class: "notice" }, n)),
    toComplete ? el("p", { class: "notice draft-banner" }, t("draft.toComplete", { count: toComplete, total: sections.length })) : null,
    !toComplete && generated ? el("p", { class: "mode" }, t("draft.generated")) : null,
    flags.length ? flagBox(flags, titles) : null,
    downloads(draft.id),
    draft.type === "roadmap" ? el("p", {}, el("a", { class: "button-link", href: `#suivi/feuille-de-route/${encodeURIComponent(draft.id)}` }, t("plan.fromDraft.adopt"))) : null,
    el("div", { class: "draft-body" }, sections.map((s) => renderSection(draft, s))),
  );
  $("draft-output").replaceChildren(card);
}

/** « Faits cités à jour : 10 avril 2026 »: the most recent date of the corpus pages the draft cites. */
function factsAsOf(sections) {
  const latest = sections.flatMap((s) => s.citations.map((c) => c.date)).filter((d) => /^\d{4}/.test(d ?? "")).sort().at(-1);
  if (!latest) return null;
  const date = /^\d{4}-\d{2}-\d{2}/.test(latest)
    ? formatDate(latest)
    : /^\d{4}-\d{2}$/.test(latest)
      ? new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric" }).format(new Date(`${latest}-15T12:00:00`))
      : latest;
  return el("p", { class: "source-meta" }, t("draft.factsAsOf", { date }));
}

function renderSection(draft, s) {
  const noteId = (n) => `note-${draft.id}-${s.key}-${n}`;
  const known = new Set(s.citations.map((c) => c.n));
  const flagged = (s.verification?.sentences ?? []).filter((x) => x.status === "unsupported" || x.status === "invalid-citation");
  // `[0]` (never a citation) marks the end of a sentence the verification could not support.
  const cite = (n, raw) =>
    n === 0 && flagged.length
      ? el("span", { class: "flag-label" }, `[${t("verify.unverified")}]`)
      : known.has(n)
        ? el("a", { class: "cite", href: `#${noteId(n)}`, "aria-label": t("web.citeLabel", { n }) }, `[${n}]`)
        : el("span", { class: "cite-invalid" }, `[${n}]`, el("span", { class: "flag-label" }, ` ${t("verify.invalidCitation")}`));
  let text = s.text;
  for (const end of [...new Set(flagged.map((x) => x.end))].sort((a, b) => b - a)) text = `${text.slice(0, end)} [0]${text.slice(end)}`;
  return el(
    "section",
    { class: `draft-section${s.heading ? "" : " unheaded"}` },
    el("div", { class: "section-head" }, el("h3", {}, s.title), s.toComplete ? el("span", { class: "badge badge-draft" }, t("draft.badgeToComplete")) : null),
    el("div", { class: "draft-text" }, renderMarkdown(text, { cite, headingLevel: 4 })),
    s.flags.length ? flagBox(s.flags) : null,
    flagged.length
      ? el(
          "div",
          { class: "flags" },
          el("p", { class: "flags-title" }, t("verify.boxTitle", { count: flagged.length })),
          el("p", { class: "hint" }, t("verify.boxIntro")),
          el("ul", {}, flagged.map((x) => el("li", {}, el("q", {}, x.text), " — ", x.reasons.join(" ; ")))),
        )
      : null,
    s.citations.length
      ? el(
          "ol",
          { class: "notes", "aria-label": t("draft.notes") },
          s.citations.map((c) =>
            el(
              "li",
              { id: noteId(c.n), value: c.n },
              ...noteContent(c),
            ),
          ),
        )
      : null,
  );
}

/** A note: the corpus page, then each source the cited sentence names with its date and link (or « analyse de Cap Libre »). */
function noteContent(c) {
  if (!c.sources) {
    return [
      c.url ? el("a", { href: c.url, rel: "noreferrer noopener", target: "_blank" }, c.title) : c.title,
      el("span", { class: "source-meta" }, [c.section, c.source, c.date].filter(Boolean).map((x) => ` — ${x}`).join("")),
    ];
  }
  const page = el("span", {}, [c.title, c.section, c.date].filter(Boolean).join(" — "));
  if (c.sources.length === 0) return [page, el("span", { class: "source-meta" }, ` — ${t("draft.ownAnalysis")}`)];
  const sources = c.sources.flatMap((s, i) => [
    i ? " ; " : ` — ${t(c.page ? "draft.pageSourcesLabel" : "draft.sourceLabel")} `,
    s.url ? el("a", { href: s.url, rel: "noreferrer noopener", target: "_blank" }, s.title) : s.title,
    s.date ? `, ${s.date}` : "",
  ]);
  return [page, el("span", { class: "source-meta" }, ...sources)];
}

function downloads(id) {
  return el(
    "div",
    { class: "downloads" },
    el("h3", { id: "draft-downloads-title" }, t("draft.downloadTitle")),
    el(
      "ul",
      { "aria-labelledby": "draft-downloads-title" },
      FORMATS.map((f) => el("li", {}, el("a", { class: "button-link", href: `/api/drafts/${encodeURIComponent(id)}/export?format=${f}`, download: true }, t(`draft.format.${f}`)))),
    ),
    el("p", { class: "hint" }, t("draft.downloadHint", { count: formatNumber(FORMATS.length) })),
  );
}
