// @ts-check
// « Suivi du plan »: adopt a plan on a saved analysis (POST /api/plans), follow it with each new inventory
// (POST /api/plans/:id/checkpoints), record decisions (…/events), publish the citizens' page (…/publish) and
// download the progress note. Figures come from the server; this page only lays them out.
import { roadmapTimeline } from "./charts.js";
import { downloadLink } from "./downloads.js";
import { askTwice, errorSummary, prepareForm, showServerErrors, validate } from "./forms.js";
import {
  $,
  countOf,
  el,
  errorBox,
  fetchJson,
  formatDate,
  formatDecimal,
  formatNumber,
  inferenceLabel,
  jsonBody,
  markCurrent,
  rememberLocation,
  roundPercent,
  setNavTarget,
  showSavedList,
  splitFinalPunctuation,
  t,
  tCount,
  todayIso,
} from "./lib.js";
import { allows, readOnly, roleNotice } from "./roles.js";

let shown = null; // { plan, progress } on screen
let busy = false;

const pct = (v) => (v === null || v === undefined ? "—" : `${formatDecimal(roundPercent(v))} %`);
/** « 1er décembre 2026 », as the server and the rest of the page write it, not Intl's « 1 décembre » (trial17 D18b). */
const day = (iso) => formatDate(iso.slice(0, 10));
/** The collectivité's today, as the server checks dates (trial 8: UTC here, Paris there, around midnight). */
const today = todayIso;
/** A form field of this section, by its id. */
const input = (id) => /** @type {HTMLInputElement} */ ($(id));

/**
 * A saved analysis as a choice of the plan's forms: its date (the day its inventory describes when the DSI gave it,
 * which is the date the plan keeps; else the import), files and number of products.
 */
const analysisOption = (a) =>
  el(
    "option",
    { value: a.id },
    t("plan.analysisOption", {
      date: a.inventoryDate ? t("plan.inventoryOf", { date: day(a.inventoryDate) }) : formatDate(a.createdAt),
      files: a.name || a.files.join(", ") || a.id,
      items: formatNumber(a.counts.items),
    }),
  );

export function init() {}

/** Called by the router: `id` is the plan named in the address, if any. */
export async function show(id, { focus = true } = {}) {
  const plans = await refreshList();
  if (id?.startsWith(FROM_DRAFT)) {
    shown = null;
    await renderFromDraft(id.slice(FROM_DRAFT.length), { focus });
    return;
  }
  if (id) {
    if (shown?.plan.id !== id) await open(id, { focus });
    return;
  }
  shown = null;
  setNavTarget("suivi", null);
  // Adopting a plan needs the DSI role: a reader is told so instead of being shown the form.
  if (!allows("dsi"))
    $("plan-main").replaceChildren(
      ...(plans?.length ? [el("p", { class: "hint" }, t("plan.pick"))] : []),
      roleNotice("dsi", "plan"),
    );
  else if (plans && plans.length === 0) renderAdoptForm({ focus });
  else
    $("plan-main").replaceChildren(
      el("p", { class: "hint" }, t("plan.pick")),
      el("p", {}, el("button", { type: "button", onclick: () => renderAdoptForm() }, t("plan.adoptAnother"))),
    );
}

async function refreshList() {
  let plans = null;
  await showSavedList($("plan-saved"), {
    url: "/api/plans",
    key: "plans",
    dateField: "id",
    empty: t("plan.savedEmpty"),
    entry: (p) => {
      (plans ??= []).push(p);
      return {
        href: `#suivi/${encodeURIComponent(p.id)}`,
        label: p.collectivite.name,
        meta: t("plan.savedMeta", {
          target: pct(p.target.value),
          date: day(p.target.date),
          inventories: countOf("inventory", p.checkpoints),
          published: p.published ? t("plan.isPublished") : t("plan.notPublished"),
        }),
      };
    },
    current: () => (shown ? `#suivi/${encodeURIComponent(shown.plan.id)}` : null),
  });
  return plans ?? ($("plan-saved").querySelector(".error") ? null : []);
}

async function open(id, { focus }) {
  const main = $("plan-main");
  main.replaceChildren(el("p", { class: "progress", role: "status" }, t("plan.opening")));
  try {
    shown = await fetchJson(`/api/plans/${encodeURIComponent(id)}`);
    await renderPlan({ focus });
    setNavTarget("suivi", id);
    markCurrent($("plan-saved"), `#suivi/${encodeURIComponent(id)}`);
  } catch (err) {
    shown = null;
    main.replaceChildren(errorBox(err.message));
  }
}

// ——— Adoption from a saved roadmap ———

/** `#suivi/feuille-de-route/<draft id>`: the plan a saved roadmap gives, reviewed, then adopted as it is. */
const FROM_DRAFT = "feuille-de-route/";

/** The saved roadmaps, each a link to review it as a plan; nothing when there are none. */
async function roadmapChoices() {
  let drafts = [];
  try {
    drafts = (await fetchJson("/api/drafts")).drafts.filter((d) => d.type === "roadmap");
  } catch {
    return null; // the typed form below still works
  }
  if (!drafts.length) return null;
  return el(
    "section",
    { class: "card", "aria-labelledby": "plan-roadmaps-title" },
    el("h2", { id: "plan-roadmaps-title" }, t("plan.fromDraft.title")),
    el("p", { class: "hint" }, t("plan.fromDraft.hint")),
    el(
      "ul",
      {},
      drafts.map((d) =>
        el(
          "li",
          {},
          el(
            "a",
            { href: `#suivi/${FROM_DRAFT}${encodeURIComponent(d.id)}` },
            t("plan.fromDraft.option", {
              collectivite: d.collectivite,
              date: formatDate(d.updatedAt),
              versions: countOf("version", d.versions),
            }),
          ),
        ),
      ),
    ),
  );
}

async function renderFromDraft(draftId, { focus }) {
  const main = $("plan-main");
  if (!allows("dsi")) return void main.replaceChildren(roleNotice("dsi", "plan"));
  main.replaceChildren(el("p", { class: "progress", role: "status" }, t("plan.opening")));
  const load = (targetDate) =>
    fetchJson(
      `/api/plans/from-draft/${encodeURIComponent(draftId)}${targetDate ? `?targetDate=${encodeURIComponent(targetDate)}` : ""}`,
    );
  let proposal;
  try {
    ({ proposal } = await load());
  } catch (err) {
    main.replaceChildren(errorBox(err.message));
    return;
  }
  const error = el("div", { id: "plan-fd-error" });
  const needsDate = !proposal.target.date;
  const form = el(
    "form",
    { class: "card", id: "plan-from-draft", "aria-labelledby": "plan-fd-title" },
    el("h2", { id: "plan-fd-title", tabindex: "-1" }, t("plan.fromDraft.reviewTitle", { title: proposal.title })),
    el(
      "p",
      {},
      t("plan.fromDraft.source", {
        collectivite: proposal.collectivite.name,
        version: formatNumber(proposal.source.version),
      }),
      " ",
      el("a", { href: `#documents/${encodeURIComponent(proposal.source.draftId)}` }, t("plan.fromDraft.open")),
    ),
    el(
      "p",
      {},
      needsDate
        ? t("plan.fromDraft.commitmentNoDate", { from: pct(proposal.baseline), target: pct(proposal.target.value) })
        : t("plan.fromDraft.commitment", {
            from: pct(proposal.baseline),
            target: pct(proposal.target.value),
            date: day(proposal.target.date),
          }),
    ),
    proposal.editedSections.length
      ? el("p", { class: "notice" }, t("plan.fromDraft.edited", { sections: proposal.editedSections.join(", ") }))
      : null,
    // Why the calendar may not be kept, as the roadmap said it (trial19 M4): read before adopting, never hidden.
    ...(proposal.calendarWarnings ?? []).map((w) => el("p", { class: "notice calendar-warning" }, w.text)),
    proposal.milestones.length
      ? table(
          t("plan.fromDraft.milestonesCaption"),
          [t("plan.col.date"), t("plan.col.milestone"), t("plan.col.planned")],
          proposal.milestones.map((m) =>
            el("tr", {}, el("th", { scope: "row" }, day(m.date)), el("td", {}, m.label), el("td", {}, pct(m.value))),
          ),
        )
      : el("p", { class: "hint" }, t("plan.fromDraft.noMilestones")),
    proposal.products.length
      ? table(
          t("plan.productsCaption"),
          [t("plan.col.product"), t("plan.col.by"), t("plan.col.due")],
          proposal.products.map((p) =>
            el(
              "tr",
              {},
              el("th", { scope: "row" }, p.name),
              // The postes kept under their system (trial20 N-H4), said beside the replacement.
              el("td", {}, p.by ? (p.keptNote ? `${p.by} (${p.keptNote})` : p.by) : "—"),
              // Beyond what the objective needs: the roadmap's words, not « — ».
              el("td", {}, p.dueDate ? day(p.dueDate) : p.beyondTarget ? t("plan.beyondTarget") : "—"),
            ),
          ),
        )
      : null,
    needsDate
      ? field(
          "plan-fd-date",
          t("plan.targetDate"),
          el("input", {
            type: "date",
            id: "plan-fd-date",
            required: true,
            min: today(),
            "aria-describedby": "plan-fd-date-hint",
          }),
          t("plan.fromDraft.dateHint"),
        )
      : null,
    el("div", { class: "actions" }, el("button", { type: "submit" }, t("plan.fromDraft.adopt"))),
    error,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (busy) return;
    busy = true;
    error.replaceChildren();
    const body = { draftId };
    if (needsDate) body.targetDate = input("plan-fd-date").value;
    try {
      const { plan } = await fetchJson("/api/plans/from-draft", jsonBody("POST", body));
      rememberLocation("suivi", plan.id);
      await refreshList();
      await open(plan.id, { focus: true });
    } catch (err) {
      error.replaceChildren(errorBox(err.message));
      error.querySelector("p")?.setAttribute("tabindex", "-1");
      error.querySelector("p")?.focus();
    } finally {
      busy = false;
    }
  });
  main.replaceChildren(form);
  if (focus) $("plan-fd-title").focus();
}

// ——— Adoption ———

const field = (id, label, input, hint) =>
  el(
    "div",
    { class: "field" },
    el("label", { for: id }, label),
    hint ? el("p", { class: "hint", id: `${id}-hint` }, hint) : null,
    input,
  );

async function renderAdoptForm({ focus = true } = {}) {
  const main = $("plan-main");
  let analyses = [];
  try {
    analyses = (await fetchJson("/api/inventory/analyses")).analyses;
  } catch (err) {
    main.replaceChildren(errorBox(err.message));
    return;
  }
  if (!analyses.length) {
    main.replaceChildren(
      el(
        "section",
        { class: "card" },
        el("h2", { id: "plan-adopt-title", tabindex: "-1" }, t("plan.adoptTitle")),
        el("p", {}, t("plan.needAnalysis")),
        el("p", {}, el("a", { href: "#inventaire" }, t("plan.toInventory"))),
      ),
    );
    return;
  }
  const select = el(
    "select",
    { id: "plan-analysis", required: true, "aria-describedby": "plan-analysis-hint" },
    analyses.map(analysisOption),
  );
  const products = el("div", { id: "plan-products" });
  const error = el("div", { id: "plan-adopt-error" });
  const form = el(
    "form",
    { class: "card", id: "plan-adopt", "aria-labelledby": "plan-adopt-title" },
    el("h2", { id: "plan-adopt-title", tabindex: "-1" }, t("plan.adoptTitle")),
    el("p", { class: "hint" }, t("plan.adoptHint")),
    el(
      "div",
      { class: "grid" },
      field(
        "plan-name",
        t("plan.name"),
        el("input", { type: "text", id: "plan-name", required: true, maxlength: 200, autocomplete: "organization" }),
      ),
      field(
        "plan-kind",
        t("plan.kind"),
        el(
          "select",
          { id: "plan-kind" },
          ["Commune", "Intercommunalité", "Département", "Région"].map((k) => el("option", { value: k }, k)),
        ),
      ),
      field("plan-analysis", t("plan.baseline"), select, t("plan.baselineHint")),
      field(
        "plan-date",
        t("plan.baselineDate"),
        el("input", { type: "date", id: "plan-date", max: today(), "aria-describedby": "plan-date-hint" }),
        t("plan.baselineDateHint"),
      ),
      field(
        "plan-target",
        t("plan.target"),
        el("input", {
          type: "number",
          id: "plan-target",
          required: true,
          min: 0,
          max: 100,
          step: "0.1",
          "aria-describedby": "plan-target-hint",
        }),
        t("plan.targetHint"),
      ),
      field(
        "plan-target-date",
        t("plan.targetDate"),
        el("input", { type: "date", id: "plan-target-date", required: true, min: today() }),
      ),
    ),
    radioGroup("plan-measure", t("plan.measure"), ["weighted", "raw"], "weighted", (m) => t(`plan.measure.${m}`)),
    el(
      "fieldset",
      {},
      el("legend", {}, t("plan.productsLegend")),
      el("p", { class: "hint" }, t("plan.productsHint")),
      products,
    ),
    el("div", { class: "actions" }, el("button", { type: "submit" }, t("plan.adopt"))),
    error,
  );
  let fills = 0;
  const fillProducts = async () => {
    const fill = ++fills; // only the list of the analysis chosen last is shown
    products.replaceChildren(el("p", { class: "hint" }, t("plan.loadingProducts")));
    try {
      // The exposed items only, a page of the largest (an analysis is read a page at a time).
      const analysis = await fetchJson(
        `/api/inventory/analyses/${encodeURIComponent(select.value)}/items?which=replace&limit=500`,
      );
      if (fill !== fills) return;
      const byProduct = new Map();
      for (const i of analysis.items ?? []) {
        // The server keeps what a plan would replace (`which=replace`: no open source, such as Firefox); checked again here.
        if (
          i.component ||
          i.openSource === true ||
          !(i.installations > 0) ||
          !(i.extraEuropean === true || (Array.isArray(i.exposure) ? i.exposure.length : i.exposure?.laws?.length))
        )
          continue;
        const key = i.product?.id ?? i.name;
        // Never a State service reserved to State agents (Visio) nor one covering only part of the product.
        const best = i.alternatives?.find((a) => a.audience !== "state" && !a.covers);
        const entry = byProduct.get(key) ?? {
          name: i.product?.name ?? i.name,
          productId: i.product?.id ?? null,
          installations: 0,
          by: best?.name ?? null,
          // An alternative itself published from outside Europe (Firefox ESR): a limited gain, as the roadmap says.
          limited: best?.extraEuropean === true,
        };
        entry.installations += i.installations;
        byProduct.set(key, entry);
      }
      const list = [...byProduct.values()].sort((a, b) => b.installations - a.installations).slice(0, 20);
      if (!list.length) return products.replaceChildren(el("p", { class: "hint" }, t("plan.noExposed")));
      products.replaceChildren(
        ...list.map((p, i) =>
          el(
            "div",
            { class: "product-choice" },
            el("input", {
              type: "checkbox",
              id: `plan-p-${i}`,
              "data-product": JSON.stringify({ name: p.name, productId: p.productId, by: p.by }),
            }),
            " ",
            el(
              "label",
              { for: `plan-p-${i}` },
              p.by
                ? t(p.limited ? "plan.productByLimited" : "plan.productBy", {
                    name: p.name,
                    by: p.by,
                    n: formatNumber(p.installations),
                  })
                : t("plan.productNoAlt", { name: p.name, n: formatNumber(p.installations) }),
            ),
          ),
        ),
      );
    } catch (err) {
      if (fill === fills) products.replaceChildren(errorBox(err.message));
    }
  };
  select.addEventListener("change", fillProducts);
  prepareForm(form);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (busy) return;
    error.replaceChildren();
    if (!validate(form)) return void error.replaceChildren(errorSummary(form.querySelectorAll(".field-error").length));
    busy = true;
    const body = {
      collectivite: { name: input("plan-name").value.trim(), kind: input("plan-kind").value },
      analysisId: select.value,
      measure: form.querySelector('input[name="plan-measure"]:checked').value,
      target: { value: Number(input("plan-target").value), date: input("plan-target-date").value },
      products: [...products.querySelectorAll("input[type=checkbox]:checked")].map((c) =>
        JSON.parse(c.dataset.product),
      ),
    };
    if (input("plan-date").value) body.date = input("plan-date").value;
    try {
      const { plan } = await fetchJson("/api/plans", jsonBody("POST", body));
      rememberLocation("suivi", plan.id);
      await refreshList();
      await open(plan.id, { focus: true });
    } catch (err) {
      const controls = {
        "collectivite.name": "plan-name",
        "collectivite.kind": "plan-kind",
        analysisId: "plan-analysis",
        date: "plan-date",
        "target.value": "plan-target",
        "target.date": "plan-target-date",
      };
      if (showServerErrors(form, err, (path) => (controls[path] ? $(controls[path]) : null)))
        return void error.replaceChildren(errorSummary(form.querySelectorAll(".field-error").length));
      error.replaceChildren(errorBox(err.message));
      error.querySelector("p").setAttribute("tabindex", "-1");
      error.querySelector("p").focus();
    } finally {
      busy = false;
    }
  });
  main.replaceChildren(...[await roadmapChoices(), form].filter(Boolean));
  fillProducts();
  // Not at page load: the focus stays at the top of the document (skip link first).
  if (focus) $("plan-adopt-title").focus();
}

// ——— A plan ———

const table = (caption, headers, rows) =>
  el(
    "div",
    { class: "table-scroll", role: "region", tabindex: "0", "aria-label": caption },
    el(
      "table",
      {},
      el("caption", {}, caption),
      el(
        "thead",
        {},
        el(
          "tr",
          {},
          headers.map((h) => el("th", { scope: "col" }, h)),
        ),
      ),
      el("tbody", {}, rows),
    ),
  );

async function renderPlan({ focus }) {
  const { plan, progress } = shown;
  const latest = progress.latest;
  const main = $("plan-main");
  const baseline = plan.checkpoints[0];
  const head = el(
    "section",
    { class: "card", "aria-labelledby": "plan-title" },
    el("h2", { id: "plan-title", tabindex: "-1" }, plan.title),
    plan.source
      ? el(
          "p",
          { class: "source-meta" },
          t("plan.fromDraft.adoptedFrom", { title: plan.source.title, version: formatNumber(plan.source.version) }),
          " ",
          el("a", { href: `#documents/${encodeURIComponent(plan.source.draftId)}` }, t("plan.fromDraft.open")),
        )
      : null,
    el(
      "p",
      {},
      t("plan.commitment", {
        from: pct(baseline.value),
        target: pct(plan.target.value),
        date: day(plan.target.date),
        measure: t(`plan.commitment.${plan.measure}`),
      }),
    ),
    // Lines of the baseline classified since (trial 12): the counts follow, the starting percentage is of its day.
    progress.reclassified?.length
      ? el(
          "p",
          { class: "notice" },
          tCount("plan.reclassified", progress.reclassified.length, {
            lines: [
              ...progress.reclassified.slice(0, 5).map((l) => `« ${l} »`),
              ...(progress.reclassified.length > 5 ? ["…"] : []),
            ].join(", "),
            from: pct(baseline.value),
            date: day(baseline.date),
          }),
        )
      : null,
    latest && progress.checkpoints.length > 1
      ? el(
          "p",
          { class: "figure" },
          el("strong", {}, pct(latest.checkpoint.value)),
          " ",
          // Part of the parc only, confirmed: no standing judged of it (trial17 D9).
          t(latest.checkpoint.narrower ? "plan.latestNarrower" : "plan.latest", {
            date: day(latest.checkpoint.date),
            planned: pct(latest.planned),
            standing: t(`plan.standing.${latest.standing}`),
          }),
        )
      : el("p", { class: "hint" }, t("plan.noCheckpoint")),
    // The latest inventory does not cover the baseline's perimeter: said beside its figure (trial16 C4).
    latest && progress.perimeter ? el("p", { class: "notice", id: "plan-perimeter" }, progress.perimeter) : null,
    roadmapTimeline(plan, progress, { day, pct, measure: t(`plan.measure.${plan.measure}`) }),
    table(
      t("plan.checkpointsCaption"),
      [
        t("plan.col.date"),
        t("plan.col.measured"),
        t("plan.col.planned"),
        t("plan.col.raw"),
        t("plan.col.appeared"),
        t("plan.col.removed"),
      ],
      progress.checkpoints.map((c) =>
        el(
          "tr",
          {},
          el("th", { scope: "row" }, day(c.checkpoint.date)),
          el("td", {}, pct(c.checkpoint.value)),
          el("td", {}, pct(c.planned)),
          el("td", {}, pct(c.checkpoint.raw)),
          el("td", {}, c.appeared.map((d) => d.name).join(", ") || "—"),
          el("td", {}, c.removed.map((d) => d.name).join(", ") || "—"),
        ),
      ),
    ),
    // An inventory of another perimeter than the previous one (other files, installations jumping by more than a
    // tenth): part of its change is the perimeter's, as the comparison says (trial14 B5).
    progress.checkpoints
      .filter((c) => c.perimeter)
      .map((c) =>
        el("p", { class: "notice" }, t("plan.perimeter", { date: day(c.checkpoint.date), notice: c.perimeter })),
      ),
    table(
      t("plan.milestonesCaption"),
      [t("plan.col.date"), t("plan.col.milestone"), t("plan.col.planned"), t("plan.col.measured"), t("plan.col.state")],
      progress.milestones.map((m) =>
        el(
          "tr",
          {},
          el("th", { scope: "row" }, day(m.milestone.date)),
          el("td", {}, m.milestone.label),
          el("td", {}, pct(m.milestone.value)),
          el("td", {}, pct(m.measured)),
          el("td", {}, t(`plan.milestone.${m.state}`)),
        ),
      ),
    ),
    progress.products.length
      ? table(
          t("plan.productsCaption"),
          [t("plan.col.product"), t("plan.col.by"), t("plan.col.installations"), t("plan.col.state")],
          progress.products.map((p) =>
            el(
              "tr",
              {},
              el("th", { scope: "row" }, p.product.name),
              el(
                "td",
                {},
                p.product.by ? (p.product.keptNote ? `${p.product.by} (${p.product.keptNote})` : p.product.by) : "—",
              ),
              el("td", {}, t("plan.beforeNow", { before: formatNumber(p.before), now: formatNumber(p.now) })),
              el(
                "td",
                {},
                // The server's words, those of the note and the public page (trial 11: « en cours » only when
                // the replacement grew).
                p.status + (p.late ? ` — ${t("plan.late")}` : ""),
              ),
            ),
          ),
        )
      : null,
  );
  const note = noteCard(plan);
  const cards = [await checkpointForm(plan), eventsCard(plan), publicationCard(plan)];
  // What the role does not allow is not offered: the cards show what they hold, one sentence says why.
  const noteReadOnly = readOnly(note, "redacteur");
  const plansReadOnly = cards.map((c) => readOnly(c, "dsi")).some(Boolean);
  main.replaceChildren(
    head,
    ...(plansReadOnly ? [roleNotice("dsi", "plan")] : []),
    ...(noteReadOnly && !plansReadOnly ? [roleNotice("redacteur", "note")] : []),
    note,
    ...cards,
  );
  for (const form of main.querySelectorAll("form")) prepareForm(form);
  if (focus) $("plan-title").focus();
}

/** « L'essentiel » as the verification left it: each unsupported sentence followed by « [non vérifié] » and why. */
function summaryText(summary) {
  const node = el("div", { class: "note-summary" });
  const checks = summary.verification?.sentences ?? [];
  if (!checks.length) {
    node.append(el("p", {}, summary.text));
    return node;
  }
  const p = el("p", {});
  for (const s of checks) {
    if (s.status === "unsupported" || s.status === "invalid-citation") {
      // Before the final punctuation, as in the exports: the mark is this sentence's, not the next one's label.
      const [body, end] = splitFinalPunctuation(s.text);
      p.append(
        body,
        " ",
        el("strong", { class: "unverified", title: s.reasons.join(" ; ") }, t("plan.note.unverified")),
      );
      p.append(end, " ");
    } else if (s.status === "inference") {
      // A conclusion the note draws from the plan's figures: said to be the model's, neutral.
      const [body, end] = splitFinalPunctuation(s.text);
      p.append(body, inferenceLabel(), end, " ");
    } else p.append(s.text, " ");
  }
  node.append(p);
  const reasons = checks.filter((s) => s.status === "unsupported" || s.status === "invalid-citation");
  if (reasons.length)
    node.append(
      el(
        "ul",
        { class: "hint" },
        reasons.map((s) => el("li", {}, `« ${s.text} » : ${s.reasons.join(" ; ")}`)),
      ),
    );
  return node;
}

/** The progress note: written on demand (by the model when there is one), read here, downloaded in four formats. */
function noteCard(plan) {
  const output = el("div", { id: "plan-note-output", "aria-live": "polite" });
  const error = el("div");
  const base = `/api/plans/${encodeURIComponent(plan.id)}/note`;
  const downloads = el("ul", { class: "downloads-inline" });
  // Each link says its format and, once asked, its size; asked again when a new note replaces the last one.
  const listDownloads = () =>
    downloads.replaceChildren(
      ...["md", "odt", "docx", "pdf"].map((f) =>
        el(
          "li",
          {},
          downloadLink({
            href: `${base}?format=${f}`,
            label: t("plan.note.fileLabel"),
            format: t(`plan.note.format.${f}`),
          }),
        ),
      ),
    );
  listDownloads();
  const showNote = (note) => {
    const unverified = note.summary.verification?.counts.unsupported ?? 0;
    output.replaceChildren(
      ...[
        el("h3", {}, t("plan.note.summaryTitle")),
        el("p", { class: "source-meta" }, t("plan.note.writtenAt", { date: formatDate(note.at) })),
        note.notice
          ? el("p", { class: "notice" }, note.notice)
          : el("p", { class: "mode" }, t(note.mode === "generated" ? "plan.note.generated" : "plan.note.template")),
        unverified ? el("p", { class: "notice" }, tCount("plan.note.unverifiedCount", unverified)) : null,
        summaryText(note.summary),
      ].filter(Boolean),
    );
  };
  // The note kept since the plan last changed, if any, is shown at once.
  fetchJson(`${base}?format=json`)
    .then(({ note }) => note && !output.hasChildNodes() && showNote(note))
    .catch(() => {});
  const button = el("button", { type: "button" }, t("plan.note.write"));
  button.addEventListener("click", async () => {
    if (busy) return;
    busy = true;
    button.disabled = true;
    error.replaceChildren();
    output.replaceChildren(el("p", { class: "progress", role: "status" }, t("plan.note.writing")));
    try {
      const { note } = await fetchJson(base, jsonBody("POST", {}));
      showNote(note);
      listDownloads();
    } catch (err) {
      output.replaceChildren();
      error.replaceChildren(errorBox(err.message));
    } finally {
      busy = false;
      button.disabled = false;
    }
  });
  return el(
    "section",
    { class: "card", "aria-labelledby": "plan-note-title" },
    el("h2", { id: "plan-note-title" }, t("plan.note.title")),
    el("p", { class: "hint" }, t("plan.note.hint")),
    el("div", { class: "actions" }, button),
    output,
    error,
    el("p", {}, t("plan.note.downloads")),
    downloads,
  );
}

async function checkpointForm(plan) {
  let analyses = [];
  try {
    // The server tells which analyses may measure this plan, by the rule it applies when one is added.
    analyses = (await fetchJson(`/api/inventory/analyses?collectivite=${encodeURIComponent(plan.collectivite.name)}`))
      .analyses;
  } catch {
    /* the list below says it */
  }
  const used = new Set(plan.checkpoints.map((c) => c.analysisId));
  // An analysis named for another collectivité is not offered; unnamed ones are (older analyses have no name).
  const options = analyses.filter((a) => !used.has(a.id) && a.sameCollectivite !== false);
  const error = el("div");
  const form = el(
    "form",
    { class: "card", "aria-labelledby": "plan-cp-title" },
    el("h2", { id: "plan-cp-title" }, t("plan.checkpointTitle")),
    el("p", { class: "hint" }, t("plan.checkpointHint")),
    options.length
      ? el(
          "div",
          { class: "grid" },
          field(
            "plan-cp-analysis",
            t("plan.checkpointAnalysis"),
            el("select", { id: "plan-cp-analysis", required: true }, options.map(analysisOption)),
          ),
          field(
            "plan-cp-date",
            t("plan.checkpointDate"),
            el("input", { type: "date", id: "plan-cp-date", min: plan.checkpoints[0].date, max: today() }),
          ),
        )
      : el("p", {}, t("plan.noNewAnalysis"), " ", el("a", { href: "#inventaire" }, t("plan.toInventory"))),
    options.length ? el("div", { class: "actions" }, el("button", { type: "submit" }, t("plan.addCheckpoint"))) : null,
    error,
    addedCheckpoints(plan, error),
  );
  const url = `/api/plans/${encodeURIComponent(plan.id)}/checkpoints`;
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const body = { analysisId: input("plan-cp-analysis").value, version: plan.version };
    if (input("plan-cp-date").value) body.date = input("plan-cp-date").value;
    // An inventory covering sharply less of the parc (trial16 C4: 2 of 4 files): the server's French reason, then
    // « Ajouter quand même » asked twice, which sends the same inventory with the confirmation.
    change(url, body, error, "POST", (err) => {
      if (err.code !== "narrower_perimeter") return false;
      const ask = el("button", { type: "button", class: "secondary" }, t("plan.narrowerAdd"));
      const confirm = el("button", { type: "button", class: "danger" }, t("plan.narrowerConfirm"));
      const cancel = el("button", { type: "button", class: "secondary" }, t("plan.removeCancel"));
      askTwice(ask, confirm, cancel);
      confirm.addEventListener("click", () => change(url, { ...body, narrowerPerimeter: true }, error));
      error.replaceChildren(
        el(
          "div",
          { class: "confirm-perimeter" },
          errorBox(err.message),
          el("div", { class: "actions" }, ask, confirm, cancel),
        ),
      );
      return true;
    });
  });
  return form;
}

/**
 * The checkpoints added after the baseline, each removable alone (trial15 B4: another perimeter's inventory added by
 * mistake could only be undone by deleting the plan). Removing asks once more, on the same button's place.
 */
function addedCheckpoints(plan, error) {
  const added = plan.checkpoints.slice(1);
  if (!added.length) return null;
  return el(
    "div",
    { class: "added-checkpoints" },
    el("h3", { id: "plan-cp-added" }, t("plan.addedCheckpoints")),
    el(
      "ul",
      { "aria-labelledby": "plan-cp-added" },
      added.map((c) => {
        // One confirmed to cover part of the parc says so (trial16 C4): the first to remove when it was a mistake.
        const label = t(c.narrower ? "plan.checkpointLineNarrower" : "plan.checkpointLine", {
          date: day(c.date),
          installations: formatNumber(c.installations),
        });
        const ask = el("button", { type: "button", class: "secondary" }, t("plan.removeCheckpoint"));
        ask.setAttribute("aria-label", t("plan.removeCheckpointOf", { date: day(c.date) }));
        const confirm = el("button", { type: "button", class: "danger" }, t("plan.removeConfirm"));
        const cancel = el("button", { type: "button", class: "secondary" }, t("plan.removeCancel"));
        askTwice(ask, confirm, cancel);
        confirm.addEventListener("click", () =>
          change(
            `/api/plans/${encodeURIComponent(plan.id)}/checkpoints/${encodeURIComponent(c.date)}`,
            { version: plan.version },
            error,
            "DELETE",
          ),
        );
        return el("li", {}, label, " ", ask, confirm, cancel);
      }),
    ),
  );
}

function eventsCard(plan) {
  const error = el("div");
  const form = el(
    "form",
    { class: "card", "aria-labelledby": "plan-ev-title" },
    el("h2", { id: "plan-ev-title" }, t("plan.eventsTitle")),
    plan.events.length
      ? el(
          "ul",
          {},
          plan.events.map((e) => el("li", {}, el("time", { datetime: e.date }, day(e.date)), ` — ${e.text}`)),
        )
      : el("p", { class: "hint" }, t("plan.noEvents")),
    el(
      "div",
      { class: "grid" },
      field(
        "plan-ev-date",
        t("plan.eventDate"),
        el("input", { type: "date", id: "plan-ev-date", required: true, value: today() }),
      ),
      field(
        "plan-ev-text",
        t("plan.eventText"),
        el("input", {
          type: "text",
          id: "plan-ev-text",
          required: true,
          maxlength: 500,
          "aria-describedby": "plan-ev-text-hint",
        }),
        t("plan.eventHint"),
      ),
    ),
    el("div", { class: "actions" }, el("button", { type: "submit" }, t("plan.addEvent"))),
    error,
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    change(
      `/api/plans/${encodeURIComponent(plan.id)}/events`,
      { date: input("plan-ev-date").value, text: input("plan-ev-text").value.trim(), version: plan.version },
      error,
    );
  });
  return form;
}

function publicationCard(plan) {
  const error = el("div");
  const base = `/public/${encodeURIComponent(plan.slug)}`;
  const published = plan.publication;
  const form = el(
    "form",
    { class: "card", "aria-labelledby": "plan-pub-title" },
    el("h2", { id: "plan-pub-title" }, t("plan.publicationTitle")),
    el("p", {}, published ? t("plan.publishedAt", { date: formatDate(published.at) }) : t("plan.notPublishedYet")),
    // A checkpoint removed since: the public page still shows its frozen figures until it is republished.
    published?.snapshot?.checkpoints?.some((c) => !plan.checkpoints.some((k) => k.date === c.date))
      ? el("p", { class: "notice" }, t("plan.publishedShowsRemoved"))
      : null,
    published
      ? el(
          "ul",
          {},
          el("li", {}, el("a", { href: base }, t("plan.publicLink"))),
          el("li", {}, downloadLink({ href: `${base}/donnees.csv`, label: t("plan.csvLabel"), format: "CSV" })),
          el(
            "li",
            {},
            downloadLink({ href: `${base}/donnees.json`, label: t("plan.csvLabel"), format: "JSON", download: false }),
          ),
          el("li", {}, downloadLink({ href: `${base}/page.zip`, label: t("plan.zipLabel"), format: "ZIP" })),
        )
      : null,
    el("p", { class: "hint" }, t("plan.publishHint")),
    radioGroup("plan-licence", t("plan.licence"), ["etalab-2.0", "odbl"], published?.licence ?? "etalab-2.0", (l) =>
      t(`plan.licence.${l}`),
    ),
    el(
      "div",
      {},
      el("input", { type: "checkbox", id: "plan-group", checked: published?.groupProducts ?? true }),
      " ",
      el("label", { for: "plan-group" }, t("plan.groupProducts")),
    ),
    // The review step: the page says the collectivité reviewed every figure, so publishing asks for it first.
    el(
      "div",
      { class: "review-step" },
      el("input", {
        type: "checkbox",
        id: "plan-reviewed",
        required: true,
        "data-required-message": "plan.reviewedRequired",
        "aria-describedby": "plan-reviewed-hint",
      }),
      " ",
      el("label", { for: "plan-reviewed" }, t("plan.reviewed")),
      el("p", { class: "hint", id: "plan-reviewed-hint" }, t("plan.reviewedHint")),
    ),
    el(
      "div",
      { class: "actions" },
      el("button", { type: "submit" }, published ? t("plan.republish") : t("plan.publish")),
      published
        ? el(
            "button",
            { type: "button", onclick: () => change(`/api/plans/${encodeURIComponent(plan.id)}/unpublish`, {}, error) },
            t("plan.unpublish"),
          )
        : null,
    ),
    error,
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const licence = form.querySelector('input[name="plan-licence"]:checked').value;
    change(
      `/api/plans/${encodeURIComponent(plan.id)}/publish`,
      {
        licence,
        groupProducts: input("plan-group").checked,
        reviewed: input("plan-reviewed").checked,
        version: plan.version,
      },
      error,
    );
  });
  return form;
}

/**
 * Sends one change, then shows the plan again (or the server's French error under the form; `handled(err)` true:
 * the caller showed it its own way).
 */
async function change(url, body, errorBoxNode, method = "POST", handled = (_err) => false) {
  if (busy) return;
  const form = errorBoxNode.closest("form");
  errorBoxNode.replaceChildren();
  // Removing a checkpoint needs none of the form's fields.
  if (form && method === "POST" && !validate(form)) return;
  busy = true;
  // Focus comes back to the form just used (by its heading), not to the top of the plan.
  const heading = errorBoxNode.closest("form")?.querySelector("h2")?.id;
  try {
    await fetchJson(url, jsonBody(method, body));
    shown = await fetchJson(`/api/plans/${encodeURIComponent(shown.plan.id)}`);
    await renderPlan({ focus: !heading });
    if (heading) {
      const target = $(heading);
      target?.setAttribute("tabindex", "-1");
      target?.focus();
    }
    refreshList();
  } catch (err) {
    if (handled(err)) return;
    const controls = {
      analysisId: "plan-cp-analysis",
      date: form?.querySelector("#plan-ev-date") ? "plan-ev-date" : "plan-cp-date",
      text: "plan-ev-text",
    };
    if (
      !form ||
      !showServerErrors(form, err, (path) => (controls[path] ? form.querySelector(`#${controls[path]}`) : null))
    )
      errorBoxNode.replaceChildren(errorBox(err.message));
  } finally {
    busy = false;
  }
}

/** A fieldset of radio buttons named `name`, one per value, `checked` chosen, each with its label. */
function radioGroup(name, legend, values, checked, label) {
  return el(
    "fieldset",
    {},
    el("legend", {}, legend),
    values.map((v) =>
      el(
        "div",
        {},
        el("input", { type: "radio", name, id: `${name}-${v}`, value: v, checked: v === checked }),
        " ",
        el("label", { for: `${name}-${v}` }, label(v)),
      ),
    ),
  );
}
