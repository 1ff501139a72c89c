// Cap Libre page: three sections reached by the address fragment (#question, #inventaire, #documents, with an
// optional saved analysis or draft id: #inventaire/<id>, #documents/<id>), so links and the back button work.
// Everything is loaded from this origin; user-visible strings come from /messages.fr.json.
import { $, applyI18n, el, loadMessages, readSSE, apiError, t } from "./lib.js";
import * as inventory from "./inventory.js";
import * as drafts from "./drafts.js";
import * as plans from "./plans.js";
import { showAccount } from "./auth.js";

const SECTIONS = ["question", "inventaire", "documents", "suivi"];
const modules = { question: null, inventaire: inventory, documents: drafts, suivi: plans };
let current = null;
let controller = null;
const history = [];

/** The section and optional id named by the fragment; null for other fragments (citations, skip link). */
function parseHash() {
  const raw = decodeURIComponent(location.hash.slice(1));
  if (!raw) return { section: "question", id: null };
  const [section, ...rest] = raw.split("/");
  if (!SECTIONS.includes(section)) return null;
  return { section, id: rest.join("/") || null };
}

function route({ initial = false } = {}) {
  const target = parseHash();
  if (!target) return;
  const changed = target.section !== current;
  current = target.section;
  for (const name of SECTIONS) $(name).hidden = name !== target.section;
  for (const link of document.querySelectorAll(".site-nav a")) {
    if (link.dataset.section === target.section) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  document.title = `${t(`nav.${target.section}`)} — ${t("web.siteTitle")}`;
  if (changed && !initial) {
    // A new section: focus its heading (an analysis or draft it then opens takes the focus when shown).
    $(`${target.section}-title`).focus();
    window.scrollTo(0, 0);
  }
  modules[target.section]?.show(target.id, { focus: !initial });
}

export async function loadStatus() {
  try {
    const health = await (await fetch("/api/health")).json();
    const box = $("status");
    if (health.notice) {
      // One plain sentence for everyone; the technical detail (addresses, commands) is for the administrator.
      if (box.dataset.notice !== health.notice) {
        const short = t(health.llm?.available ? "web.noticeShortSearch" : "web.noticeShort");
        box.replaceChildren(el("p", {}, short), el("details", {}, el("summary", {}, t("web.noticeAdmin")), el("p", {}, health.notice)));
        box.dataset.notice = health.notice;
      }
      box.hidden = false;
    } else {
      box.hidden = true;
      delete box.dataset.notice;
    }
  } catch {
    /* the forms still work */
  }
}

/** « 8 avril 2026 » for "2026-04-08", « avril 2026 » for "2026-04", « 2021 » for "2021". */
function dayDate(iso) {
  const [y, m, d] = iso.slice(0, 10).split("-");
  if (!m) return y;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d ?? 1)));
  const text = new Intl.DateTimeFormat("fr-FR", d ? { dateStyle: "long", timeZone: "UTC" } : { month: "long", year: "numeric", timeZone: "UTC" }).format(date);
  return text.replace(/^1 /, "1er ");
}

/**
 * Appends "… [1] …" to a node, citation numbers turned into links to the listed sources; a number that names no
 * source is shown as an invalid citation (never dropped, never linked to another source).
 */
function appendCited(node, text, turnId, count) {
  let last = 0;
  for (const match of text.matchAll(/\[(\d+)\]/g)) {
    const n = Number(match[1]);
    node.append(text.slice(last, match.index));
    if (n >= 1 && n <= count) node.append(el("a", { class: "cite", href: `#${turnId}-src-${n}`, "aria-label": t("web.citeLabel", { n }) }, `[${n}]`));
    else node.append(el("span", { class: "cite-invalid" }, `[${n}]`, el("span", { class: "flag-label" }, ` ${t("verify.invalidCitation")}`)));
    last = match.index + match[0].length;
  }
  node.append(text.slice(last));
}

function renderAnswer(node, text, turnId, count) {
  node.replaceChildren();
  appendCited(node, text, turnId, count);
}

/** The answer again once verified: sentences no passage supports are marked « non vérifié », with the reasons listed. */
function renderVerified(node, text, turnId, count, verification) {
  const flagged = verification.sentences.filter((s) => s.status === "unsupported" || s.status === "invalid-citation");
  if (!flagged.length) return null;
  node.replaceChildren();
  let last = 0;
  for (const s of flagged) {
    appendCited(node, text.slice(last, s.start), turnId, count);
    const mark = el("mark", { class: "unverified" });
    appendCited(mark, text.slice(s.start, s.end), turnId, count);
    node.append(mark, el("span", { class: "flag-label" }, ` [${t("verify.unverified")}]`));
    last = s.end;
  }
  appendCited(node, text.slice(last), turnId, count);
  return el(
    "div",
    { class: "flags" },
    el("p", { class: "flags-title" }, t("verify.boxTitle", { count: flagged.length })),
    el("p", { class: "hint" }, t("verify.boxIntro")),
    el("ul", {}, flagged.map((s) => el("li", {}, el("q", {}, s.text), " — ", s.reasons.join(" ; ")))),
  );
}

function renderSources(container, sources, turnId) {
  container.replaceChildren();
  if (!sources.length) return;
  const list = el("ol");
  sources.forEach((s, i) => {
    // The link goes to the one source that carries this passage (the source its statements name, or its document's
    // only source). A passage some statement of which names no source is credited to the corpus page as a whole,
    // with the page's own sources listed apart — never to a reference that stands for another statement.
    const credit = s.credit;
    const named = credit ? (credit.basis === "page" ? [] : credit.sources) : s.source ? [s.source] : s.sources?.length === 1 ? s.sources : [];
    const url = named.length === 1 ? named[0].url : null;
    const meta = [t(`kind.${s.document.kind}`), s.document.date, credit?.basis === "page" ? t("web.creditPage") : named.map((x) => x.title).join(" ; ")].filter(Boolean).join(", ");
    const title = s.section ? `${s.document.title} — ${s.section}` : s.document.title;
    const item = el("li", { id: `${turnId}-src-${i + 1}` });
    item.append(url ? el("a", { href: url, rel: "noreferrer noopener", target: "_blank" }, title) : title);
    item.append(el("div", { class: "source-meta" }, meta));
    if (credit?.basis === "page" && credit.sources.length) {
      const links = credit.sources.map((x) => el("li", {}, x.url ? el("a", { href: x.url, rel: "noreferrer noopener", target: "_blank" }, x.title) : x.title, x.date ? ` (${x.date})` : ""));
      item.append(el("details", { class: "page-sources" }, el("summary", {}, t("web.pageSources", { count: credit.sources.length })), el("ul", {}, links)));
    }
    list.append(item);
  });
  container.append(el("h3", {}, t("web.sources")), list);
}

async function ask(question) {
  const turnId = `q${history.length}`;
  const answerNode = el("div", { class: "answer" });
  const sourcesNode = el("div", { class: "sources" });
  const footer = el("div");
  const turn = el("article", { class: "turn" }, el("h2", {}, question), answerNode, sourcesNode, footer);
  $("conversation").prepend(turn);
  history.push({ role: "user", content: question });

  controller = new AbortController();
  $("ask-button").disabled = true;
  $("stop-button").hidden = false;
  answerNode.textContent = t("web.searching");
  let text = "";
  let sources = [];
  try {
    const response = await fetch("/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ messages: history }),
      signal: controller.signal,
    });
    if (!response.ok) throw await apiError(response);
    for await (const { event, data } of readSSE(response)) {
      if (event === "sources") {
        sources = data.sources;
        renderSources(sourcesNode, sources, turnId);
      } else if (event === "queue") {
        // The model is busy: show the place in line until the first word arrives.
        if (!text) answerNode.textContent = t("web.queued", { position: data.position });
      } else if (event === "token") {
        text += data.text;
        renderAnswer(answerNode, text, turnId, sources.length);
      } else if (event === "done") {
        const box = data.verification ? renderVerified(answerNode, text, turnId, sources.length, data.verification) : null;
        if (box) footer.append(box);
        const mode = data.abstention ? "web.modeAbstained" : data.mode === "generated" ? (data.grounded === false ? "web.modeGeneratedNoSource" : "web.modeGenerated") : "web.modeExtractive";
        footer.append(el("p", { class: "mode" }, t(mode)));
        if (data.factsAsOf) footer.append(el("p", { class: "facts-date" }, t("web.factsAsOf", { date: dayDate(data.factsAsOf) })));
        // The banner already shows the standing notice; repeat only a notice specific to this answer.
        if (data.notice && data.notice !== $("status").dataset.notice) footer.append(el("p", { class: "notice" }, data.notice));
      } else if (event === "error") {
        footer.append(el("p", { class: "error", role: "alert" }, data.message));
      }
    }
    history.push({ role: "assistant", content: text });
  } catch (err) {
    if (err.name === "AbortError") footer.append(el("p", { class: "mode" }, t("web.stopped")));
    else footer.append(el("p", { class: "error", role: "alert" }, err.status ? err.message : t("web.networkError")));
    if (!text) answerNode.textContent = "";
    history.pop();
  } finally {
    controller = null;
    $("ask-button").disabled = false;
    $("stop-button").hidden = true;
    loadStatus();
  }
}

function initQuestion() {
  $("ask-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const question = $("question-input").value.trim();
    if (!question || controller) return;
    $("question-input").value = "";
    ask(question);
  });
  $("question-input").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      $("ask-form").requestSubmit();
    }
  });
  $("stop-button").addEventListener("click", () => controller?.abort());
}

async function init() {
  await loadMessages();
  applyI18n();
  showAccount();
  loadStatus();
  initQuestion();
  inventory.init();
  drafts.init({ onDone: loadStatus });
  plans.init();
  window.addEventListener("hashchange", () => route());
  route({ initial: true });
  document.body.dataset.ready = "true";
}

init();
