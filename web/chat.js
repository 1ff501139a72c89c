// @ts-check
// « Poser une question »: the question goes to POST /api/chat with the previous turns (the server uses the last
// ones to understand a short follow-up), the answer streams into a plain element — not a live region, so a screen
// reader is not flooded with every word — and one polite message says when it is ready (« Réponse prête,
// 3 sources »). Conversations are kept across reloads — on the server for a signed-in person (their own, in the
// current workspace), in this browser otherwise — and can be taken up, renamed, deleted, downloaded and printed.

import { creditLabel } from "./credit.js";
import { prepareForm, validate } from "./forms.js";
import { markEnglish, sourceTitle } from "./lang.js";
import {
  $,
  apiError,
  countOf,
  el,
  fetchJson,
  flagsBox,
  formatDate,
  inferenceLabel,
  jsonBody,
  readSSE,
  t,
  tCount,
} from "./lib.js";
import { renderInline, renderMarkdown } from "./markdown.js";

/** Turns kept in the browser; the oldest go first. */
const MAX_TURNS = 20;
/** Earlier messages sent with a question (the server reads at most the last six: server/rag/answer.ts). */
const CONTEXT_MESSAGES = 6;
/** The server's limit per message (routes/chat.ts). */
const MAX_MESSAGE_CHARS = 8000;
const STORAGE_PREFIX = "caplibre.conversation.";

let controller = null;

/** The elements of the form whose own properties are used (value, disabled, requestSubmit). */
const questionInput = () => /** @type {HTMLTextAreaElement} */ ($("question-input"));
const askForm = () => /** @type {HTMLFormElement} */ ($("ask-form"));
const askButton = () => /** @type {HTMLButtonElement} */ ($("ask-button"));
/** `{ id, question, text, sources, done, error }` of each turn, oldest first. */
let turns = [];
/** Earlier conversations, newest first: `{ id, title, at, turns }`. */
let archive = [];
/** Earlier conversations kept. */
const MAX_ARCHIVE = 10;
let storageKey = `${STORAGE_PREFIX}local`;
let onDone = () => {};

// ——— Rendering ———

/** « 8 avril 2026 » for "2026-04-08", « avril 2026 » for "2026-04", « 2021 » for "2021". */
function dayDate(iso) {
  const [y, m, d] = iso.slice(0, 10).split("-");
  if (!m) return y;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d ?? 1)));
  const text = new Intl.DateTimeFormat(
    "fr-FR",
    d ? { dateStyle: "long", timeZone: "UTC" } : { month: "long", year: "numeric", timeZone: "UTC" },
  ).format(date);
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
    if (n >= 1 && n <= count)
      node.append(
        el("a", { class: "cite", href: `#${turnId}-src-${n}`, "aria-label": t("web.citeLabel", { n }) }, `[${n}]`),
      );
    else
      node.append(
        el(
          "span",
          { class: "cite-invalid" },
          `[${n}]`,
          el("span", { class: "flag-label" }, ` ${t("verify.invalidCitation")}`),
        ),
      );
    last = match.index + match[0].length;
  }
  node.append(text.slice(last));
}

/** A citation `[n]` as a link to its source, or marked invalid when no source has that number. */
function citeNode(n, turnId, count) {
  const holder = el("span");
  appendCited(holder, `[${n}]`, turnId, count);
  return holder.querySelector("a, span");
}

/** The « - » or « 1. » that starts a list item. */
const LIST_MARKER = /^\s*([-*]|\d+[.)]) /;

/**
 * Answers with lists (« - », « 1. ») or bold are drawn as Markdown; other answers as their text, line breaks kept.
 */
const hasMarkdown = (text) => /^\s*([-*]|\d+[.)]) |\*\*[^*\n]+\*\*/m.test(text);

/**
 * Draws an answer; `flagged` sentences (their offsets in `text`) are marked « non vérifié » in place, `inferred` ones
 * (conclusions the model draws from what it cites) « déduction du modèle » in a neutral style, the answer's lists,
 * bold and linked citations kept around them.
 * @param {HTMLElement} node
 * @param {string} text
 * @param {string} turnId
 * @param {number} count
 * @param {{ start: number, end: number }[]} [flagged]
 * @param {{ start: number, end: number }[]} [inferred]
 */
function renderAnswer(node, text, turnId, count, flagged = [], inferred = []) {
  const ranges = [
    ...flagged.map((s) => ({ start: s.start, end: s.end, inference: false })),
    ...inferred.map((s) => ({ start: s.start, end: s.end, inference: true })),
  ].sort((a, b) => a.start - b.start);
  const mark = (/** @type {number} */ i) => el("mark", { class: ranges[i]?.inference ? "inference" : "unverified" });
  const label = (/** @type {number} */ i) =>
    ranges[i]?.inference ? inferenceLabel() : el("span", { class: "flag-label" }, ` [${t("verify.unverified")}]`);
  node.classList.toggle("md", hasMarkdown(text));
  if (hasMarkdown(text)) {
    const highlight = ranges.length ? { ranges, mark, label } : null;
    node.replaceChildren(renderMarkdown(text, { cite: (n) => citeNode(n, turnId, count), headingLevel: 4, highlight }));
    return;
  }
  node.replaceChildren();
  let last = 0;
  for (const [i, s] of ranges.entries()) {
    appendCited(node, text.slice(last, s.start), turnId, count);
    const marked = mark(i);
    appendCited(marked, text.slice(s.start, s.end), turnId, count);
    node.append(marked, label(i));
    last = s.end;
  }
  appendCited(node, text.slice(last), turnId, count);
}

/** Sentences no passage supports or citing no passage. */
const flaggedOf = (verification) =>
  (verification?.sentences ?? []).filter((s) => s.status === "unsupported" || s.status === "invalid-citation");

/** Conclusions the model draws from the passages it cites (`inference`): shown as its deduction. */
const inferredOf = (verification) => (verification?.sentences ?? []).filter((s) => s.status === "inference");

/**
 * The answer again once verified: sentences no passage supports are marked « non vérifié », with the reasons listed;
 * the model's conclusions « déduction du modèle », with one line saying what that means.
 */
function renderVerified(node, text, turnId, count, verification) {
  const flagged = flaggedOf(verification);
  const inferred = inferredOf(verification);
  if (!flagged.length && !inferred.length) return [];
  renderAnswer(node, text, turnId, count, flagged, inferred);
  const note = inferred.length
    ? el("p", { class: "inference-note" }, tCount("verify.inferenceNote", inferred.length))
    : null;
  if (!flagged.length) return [note];
  const box = flagsBox(
    t("verify.boxTitle", { count: flagged.length }),
    t("verify.boxIntro"),
    // The sentence as it reads in the answer: no list marker, bold drawn, not asterisks.
    flagged.map((s) =>
      el("li", {}, el("q", {}, ...renderInline(s.text.replace(LIST_MARKER, ""))), " — ", s.reasons.join(" ; ")),
    ),
  );
  return note ? [box, note] : [box];
}

const hostOf = (url) => {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return null;
  }
};

/**
 * What a listed passage is credited to: the one source that carries it (the source its statements name, or its
 * document's only source) with its link; or, when some statement of it names no source, the corpus page as a
 * whole, its own sources listed apart — never a reference that stands for another statement.
 */
function creditOf(s) {
  const credit = s.credit;
  const named = credit
    ? credit.basis === "page"
      ? []
      : credit.sources
    : s.source
      ? [s.source]
      : s.sources?.length === 1
        ? s.sources
        : [];
  const url = named.length === 1 ? named[0].url : null;
  return { credit, named, url, page: credit?.basis === "page" ? credit.sources : [] };
}

/**
 * The sources of a turn, numbered as the answer cites them. `cited` (a generated answer's `done.cited`): the numbers
 * it cites, listed as « Sources citées », the other passages given to the model apart and folded — a reader would
 * take any listed source as support.
 */
function renderSources(container, sources, turnId, cited) {
  container.replaceChildren();
  if (!sources.length) return;
  const list = el("ol");
  const others = el("ol");
  sources.forEach((s, i) => {
    const { credit, named, url, page } = creditOf(s);
    // The site is named: two sources of the same title on different sites are told apart before the click.
    const meta = [
      t(`kind.${s.document.kind}`),
      s.document.date,
      creditLabel(credit, named, t),
      url ? hostOf(url) : null,
    ]
      .filter(Boolean)
      .join(", ");
    const title = s.section ? `${s.document.title} — ${s.section}` : s.document.title;
    const item = el("li", { id: `${turnId}-src-${i + 1}`, value: String(i + 1) });
    item.append(
      url
        ? el(
            "a",
            { href: url, rel: "noreferrer noopener", target: "_blank" },
            title,
            el("span", { class: "visually-hidden" }, ` ${t("web.newTab")}`),
          )
        : title,
    );
    item.append(el("div", { class: "source-meta" }, markEnglish(meta)));
    if (url) item.append(el("div", { class: "source-url" }, url));
    if (page.length) {
      const links = page.map((x) =>
        el(
          "li",
          {},
          x.url
            ? el(
                "a",
                { href: x.url, rel: "noreferrer noopener", target: "_blank" },
                sourceTitle(x.title),
                el("span", { class: "visually-hidden" }, ` ${t("web.newTab")}`),
              )
            : sourceTitle(x.title),
          x.date ? ` (${x.date})` : "",
        ),
      );
      item.append(
        el(
          "details",
          { class: "page-sources" },
          el("summary", {}, t("web.pageSources", { count: page.length })),
          el("ul", {}, links),
        ),
      );
    }
    (cited && !cited.includes(i + 1) ? others : list).append(item);
  });
  if (!cited) return container.append(el("h3", {}, t("web.sources")), list);
  if (list.children.length) container.append(el("h3", {}, t("web.sourcesCited")), list);
  if (others.children.length)
    container.append(
      el(
        "details",
        { class: "other-passages" },
        el("summary", {}, t("web.sourcesOther", { count: others.children.length })),
        others,
      ),
    );
}

/** The elements of one turn, newest first in the conversation. */
function turnView(turn) {
  const answer = el("div", { class: "answer" });
  const sources = el("div", { class: "sources" });
  const footer = el("div", { class: "turn-footer" });
  const root = el(
    "article",
    { class: "turn", id: turn.id, "aria-labelledby": `${turn.id}-q` },
    el("h2", { id: `${turn.id}-q` }, turn.question),
    answer,
    sources,
    footer,
  );
  $("conversation").prepend(root);
  return { root, answer, sources, footer };
}

/** A button that asks `question` as if typed in the box (the examples, the nearest topics after an abstention). */
function questionButton(label, question) {
  const ask = () => {
    questionInput().value = question;
    askForm().requestSubmit();
  };
  return el("button", { type: "button", class: "secondary", onclick: ask }, label);
}

/**
 * After an abstention, the nearest topics the corpus covers, each a button that asks about it (the answer's text
 * names them too, for the exports and a screen reader reading the answer).
 */
function nearestTopics(nearest) {
  const titleId = `nearest-${Math.random().toString(36).slice(2, 10)}`;
  return el(
    "div",
    { class: "nearest" },
    el("p", { id: titleId }, t("ask.nearestTitle")),
    el(
      "ul",
      { "aria-labelledby": titleId },
      nearest.map((d) => el("li", {}, questionButton(d.title, t("ask.nearestQuestion", { title: d.title })))),
    ),
  );
}

/**
 * An extractive answer's short answer (« En bref », `done.brief.chars` characters of the text) drawn first, and the
 * passages quoted in full after it as the detail, visually secondary.
 */
function renderBrief(node, turn) {
  const chars = turn.done?.brief?.chars;
  if (!chars || chars >= turn.text.length) return;
  const brief = el("div", { class: "brief" });
  const detail = el("div", { class: "detail" });
  renderAnswer(brief, turn.text.slice(0, chars).trimEnd(), turn.id, turn.sources.length);
  renderAnswer(detail, turn.text.slice(chars).trimStart(), turn.id, turn.sources.length);
  node.classList.remove("md");
  node.replaceChildren(brief, detail);
}

/**
 * A question in two parts answered in part (`done.partial`): the statement the answer opens on, that the corpus does
 * not answer one part, shown apart above the answer (a note, as a notice is), and taken out of the answer's own text.
 */
function renderPartial(view, turn) {
  const statement = turn.done.partial?.statement;
  if (!statement || view.root.querySelector(".partial")) return;
  const walker = document.createTreeWalker(view.answer, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const n = /** @type {Text} */ (node);
    const at = n.data.indexOf(statement);
    if (at < 0) continue;
    n.data = n.data.slice(0, at) + n.data.slice(at + statement.length).replace(/^\s+/, "");
    break;
  }
  view.answer.before(el("p", { class: "notice partial", role: "note" }, statement));
}

/**
 * A generated answer none of whose sentences the sources confirm (`done.unconfirmed`, trial26 T-M4): the warning first,
 * above the answer, and what the passages say in brief (« En bref », without the model) beside it when there is one.
 */
function renderUnconfirmed(view, turn) {
  const unconfirmed = turn.done.unconfirmed;
  if (!unconfirmed?.notice || view.root.querySelector(".unconfirmed")) return;
  const box = el(
    "div",
    { class: "notice unconfirmed", role: "note" },
    el("p", {}, el("strong", {}, unconfirmed.notice)),
  );
  if (unconfirmed.brief?.text) {
    const brief = el("div", { class: "brief" });
    renderAnswer(brief, unconfirmed.brief.text, turn.id, turn.sources.length);
    box.append(el("p", {}, t("web.unconfirmedBrief")), brief);
  }
  view.answer.before(box);
}

/** What the end of an answer adds: verification marks, mode, date of the facts, a notice of its own. */
function renderDone(view, turn) {
  const { done, text, sources, id } = turn;
  if (done.brief) renderBrief(view.answer, turn);
  if (Array.isArray(done.cited)) renderSources(view.sources, sources, id, done.cited);
  if (done.verification)
    view.footer.append(...renderVerified(view.answer, text, id, sources.length, done.verification));
  if (done.partial) renderPartial(view, turn);
  if (done.unconfirmed) renderUnconfirmed(view, turn);
  const mode = done.abstention
    ? "web.modeAbstained"
    : done.mode === "generated"
      ? done.grounded === false
        ? "web.modeGeneratedNoSource"
        : "web.modeGenerated"
      : "web.modeExtractive";
  // Small talk (« Merci ! ») quotes nothing and calls no model: no mode to tell.
  if (!done.smallTalk) view.footer.append(el("p", { class: "mode" }, t(mode)));
  const nearest = done.abstention?.nearest ?? [];
  if (nearest.length) view.footer.append(nearestTopics(nearest));
  // (An answer none of whose sentences the sources confirm rests on no fact to date.)
  if (done.factsAsOf && !done.unconfirmed)
    view.footer.append(
      el(
        "p",
        { class: "facts-date" },
        // Facts more than a year old are said to be so, as in documents.
        t(done.factsOld ? "web.factsAsOfOld" : "web.factsAsOf", { date: dayDate(done.factsAsOf) }),
      ),
    );
  // The banner already shows the standing notice; repeat only a notice specific to this answer.
  if (done.notice && done.notice !== $("status").dataset.notice)
    view.footer.append(el("p", { class: "notice" }, done.notice));
  if (text.trim()) view.footer.append(copyButton(turn));
}

/** One turn as plain text: the question, the answer, its numbered sources with their addresses. */
function turnText(turn) {
  const lines = [turn.question, "", turn.text.trim()];
  const cited = Array.isArray(turn.done?.cited) ? turn.done.cited : null;
  /** @param {string} heading @param {(n: number) => boolean} keep */
  const list = (heading, keep) => {
    const shown = turn.sources.map((s, i) => ({ s, n: i + 1 })).filter(({ n }) => keep(n));
    if (!shown.length) return;
    lines.push("", `${heading} :`);
    for (const { s, n } of shown) {
      const { url } = creditOf(s);
      const title = s.section ? `${s.document.title} — ${s.section}` : s.document.title;
      lines.push(
        `[${n}] ${title} (${[t(`kind.${s.document.kind}`), s.document.date].filter(Boolean).join(", ")})${url ? ` ${url}` : ""}`,
      );
    }
  };
  if (!cited) list(t("web.sources"), () => true);
  else {
    list(t("web.sourcesCited"), (n) => cited.includes(n));
    list(t("web.sourcesOther", { count: turn.sources.length - cited.length }), (n) => !cited.includes(n));
  }
  return lines.join("\n");
}

/** « Copier la réponse »: the turn's text in the clipboard, and a word to say it is there. */
function copyButton(turn) {
  const said = el("span", { class: "copy-status", role: "status" });
  const button = el("button", { type: "button", class: "secondary copy" }, t("ask.copy"));
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(turnText(turn));
      said.textContent = t("ask.copied");
    } catch {
      said.textContent = t("ask.copyFailed");
    }
  });
  return el("div", { class: "actions turn-actions" }, button, said);
}

/** A turn read back from the browser's storage, drawn as it was left. */
function renderStored(turn) {
  const view = turnView(turn);
  renderAnswer(view.answer, turn.text, turn.id, turn.sources.length);
  renderSources(view.sources, turn.sources, turn.id);
  if (turn.done) renderDone(view, turn);
  else view.footer.append(el("p", { class: "mode" }, t("web.stopped")));
}

/** The one message of the polite status region for a finished answer. */
function readyMessage(turn) {
  if (turn.done?.abstention) return t("ask.ready.abstained");
  const n = turn.sources.length;
  const flagged = flaggedOf(turn.done?.verification).length;
  const base = n === 0 ? t("ask.ready.none") : n === 1 ? t("ask.ready.one") : t("ask.ready.other", { count: n });
  return flagged ? `${base} ${tCount("ask.ready.flagged", flagged)}` : base;
}

/** Says `text` once in the polite status region (cleared first, so the same words twice are said twice). */
/**
 * The question box's counter (« 120 / 500 caractères »), read with the box; past the server's limit it says so, and
 * a screen reader hears it once, when the text goes over: a pasted question is kept whole, never cut silently.
 */
function updateCount() {
  const input = questionInput();
  const max = Number(input.dataset.maxlength);
  const length = input.value.trim().length;
  const over = max > 0 && length > max;
  const count = $("question-count");
  const numbers = { length: numberFormat.format(length), max: numberFormat.format(max) };
  count.textContent = length ? t(over ? "ask.countOver" : "ask.count", numbers) : t("ask.countEmpty", numbers);
  count.classList.toggle("over", over);
  if (over && count.dataset.over !== "true") announce(t("ask.tooLongAnnounce", numbers));
  count.dataset.over = String(over);
}

const numberFormat = new Intl.NumberFormat("fr-FR");

/** The server's limits (`/api/health`): the longest question it accepts. */
export function setLimits(limits) {
  if (!limits?.maxQuestionChars) return;
  questionInput().dataset.maxlength = String(limits.maxQuestionChars);
  updateCount();
}

function announce(text) {
  const region = $("ask-status");
  region.textContent = "";
  requestAnimationFrame(() => (region.textContent = text));
}

// ——— Storage ———
//
// Signed in, the conversations are kept on the server, each person's own in the current workspace
// (/api/conversations); without sign-in, in this browser (localStorage). Both offer the same actions: take up an
// earlier one, rename, delete, download as Markdown or PDF (the server's export, which a browser-kept conversation
// is posted to), print.

/** @typedef {import("../server/store/conversation-types.ts").Exchange} Exchange */
/** @typedef {import("../server/store/conversation-types.ts").ConversationSummary} ConversationSummary */
/** @typedef {import("../server/store/conversation-types.ts").Conversation} Conversation */
/**
 * @typedef {{ id: string, question: string, text: string, sources: any[], done: any, at?: string, error?: string }} Turn
 * @typedef {{ id: string, title: string, at: string, count: number, turns?: Turn[] }} Kept
 */

const kept = (list) => list.filter((x) => x.done || x.text).slice(-MAX_TURNS);

/** @type {"browser" | "server"} */
let place = "browser";
/** The conversation on screen: its id once kept (null before its first answer), its title. */
let currentId = null;
let currentTitle = null;
/** Where the id of the conversation on screen is remembered (server mode), to take it up after a reload. */
let currentKey = "";

const newTurnId = () => `q${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** @returns {Exchange} */
const exchangeOf = (turn) => ({
  at: turn.at ?? new Date().toISOString(),
  question: turn.question,
  answer: turn.text,
  sources: turn.sources,
  done: turn.done ?? null,
});

/** @param {Exchange} e @returns {Turn} */
const turnOf = (e) => ({
  id: newTurnId(),
  question: e.question,
  text: e.answer,
  sources: e.sources,
  done: e.done,
  at: e.at,
});

const titleOf = () => currentTitle ?? kept(turns)[0]?.question ?? "";

/** Writes the browser's copy (browser mode only); then redraws the tools and the earlier conversations. */
function save() {
  if (place === "browser") {
    try {
      const current = kept(turns);
      if (current.length || archive.length)
        localStorage.setItem(
          storageKey,
          JSON.stringify({ version: 3, id: currentId, title: currentTitle, turns: current, archive }),
        );
      else localStorage.removeItem(storageKey);
    } catch {
      /* storage full or refused: the conversation stays on screen only */
    }
  } else
    try {
      if (currentId) localStorage.setItem(currentKey, currentId);
      else localStorage.removeItem(currentKey);
    } catch {
      /* the conversation is on the server: only taking it up after a reload is lost */
    }
  showTools();
  showArchive();
}

/** The tools of a conversation (title, rename, downloads, print, new, clear) when there is one; the examples otherwise. */
function showTools() {
  $("ask-tools").hidden = turns.length === 0;
  $("ask-examples").hidden = turns.length > 0;
  $("ask-title").textContent = turns.length ? t("ask.titleShown", { title: titleOf() }) : "";
}

const validTurns = (list) =>
  Array.isArray(list)
    ? list
        .filter((x) => typeof x?.question === "string" && typeof x.text === "string" && Array.isArray(x.sources))
        .map((x) => ({ ...x, id: typeof x.id === "string" ? x.id : newTurnId() }))
    : [];

/** The browser's copy (versions 2 and 3). */
function loadBrowser() {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey) ?? "null");
    const past = Array.isArray(stored?.archive)
      ? stored.archive
          .filter((c) => typeof c?.id === "string" && typeof c.title === "string")
          .map((c) => ({ ...c, turns: validTurns(c.turns) }))
          .map((c) => ({ ...c, count: c.turns.length }))
      : [];
    return {
      id: typeof stored?.id === "string" ? stored.id : null,
      title: typeof stored?.title === "string" ? stored.title : null,
      turns: validTurns(stored?.turns),
      archive: past.filter((c) => c.turns.length),
    };
  } catch {
    return { id: null, title: null, turns: [], archive: [] };
  }
}

/** A line under the form when the server could not keep or change a conversation: nothing on screen is lost. */
function storageError(err) {
  $("ask-error").replaceChildren(
    el("p", { class: "error", role: "alert" }, t("ask.saveFailed", { reason: err?.message ?? t("web.networkError") })),
  );
}

/** The server's list, without the conversation on screen. */
async function refreshArchive() {
  const { conversations } = await fetchJson("/api/conversations");
  archive = conversations
    .filter((c) => c.id !== currentId)
    .map((c) => ({ id: c.id, title: c.title, at: c.updatedAt, count: c.count }));
}

/** Signed in: what an older version kept in this browser goes to the server once, then leaves the browser. */
async function moveBrowserCopy() {
  const local = loadBrowser();
  const all = [...(local.turns.length ? [{ title: local.title, turns: local.turns }] : []), ...local.archive];
  for (const c of all) {
    const exchanges = kept(c.turns).map(exchangeOf);
    if (exchanges.length)
      await fetchJson("/api/conversations", jsonBody("POST", { title: c.title || exchanges[0].question, exchanges }));
  }
  localStorage.removeItem(storageKey);
}

/** Reads the kept conversations: the one left on screen and the earlier ones. */
async function loadKept() {
  if (place === "browser") {
    const local = loadBrowser();
    ({ turns, archive } = local);
    currentId = local.id;
    currentTitle = local.title;
    return;
  }
  try {
    if (localStorage.getItem(storageKey)) await moveBrowserCopy();
  } catch {
    /* kept in the browser; tried again at the next visit */
  }
  currentId = localStorage.getItem(currentKey);
  if (currentId) {
    try {
      /** @type {Conversation} */
      const found = await fetchJson(`/api/conversations/${encodeURIComponent(currentId)}`);
      turns = found.exchanges.map(turnOf);
      currentTitle = found.title;
    } catch {
      currentId = null; // deleted elsewhere, or of another workspace
    }
  }
  try {
    await refreshArchive();
  } catch {
    archive = []; // no workspace, or the server unreachable: the question form says so when used
  }
}

/** The server's writes, one after the other (a second answer waits for the first to have made the conversation). */
let writing = Promise.resolve();

/** Keeps a finished turn: in the browser, or on the server (a new conversation at its first answer). */
function keepTurn(turn) {
  writing = writing.then(() => keepTurnNow(turn));
  return writing;
}

async function keepTurnNow(turn) {
  if (place === "browser" || !(turn.done || turn.text)) return save();
  try {
    if (currentId) {
      await fetchJson(
        `/api/conversations/${encodeURIComponent(currentId)}/exchanges`,
        jsonBody("POST", { exchange: exchangeOf(turn) }),
      );
    } else {
      /** @type {ConversationSummary} */
      const created = await fetchJson(
        "/api/conversations",
        jsonBody("POST", { exchanges: [exchangeOf(turn)], ...(currentTitle ? { title: currentTitle } : {}) }),
      );
      currentId = created.id;
      currentTitle = created.title;
    }
  } catch (err) {
    storageError(err);
  }
  save();
}

/** Puts the conversation on screen aside (if any) and starts an empty one. */
function setAside() {
  const current = kept(turns);
  if (current.length && place === "browser")
    archive = [
      {
        id: currentId ?? `c${Date.now().toString(36)}`,
        title: titleOf(),
        at: new Date().toISOString(),
        count: current.length,
        turns: current,
      },
      ...archive,
    ].slice(0, MAX_ARCHIVE);
  else if (current.length && currentId)
    archive = [{ id: currentId, title: titleOf(), at: new Date().toISOString(), count: current.length }, ...archive];
  turns = [];
  currentId = null;
  currentTitle = null;
  $("conversation").replaceChildren();
}

function newConversation() {
  if (controller) controller.abort();
  setAside();
  save();
  announce(t("ask.newDone"));
  $("question-input").focus();
}

/** Takes up an earlier conversation (the one on screen is put aside). */
async function openKept(c) {
  if (controller) controller.abort();
  let taken = c.turns;
  if (place === "server") {
    try {
      /** @type {Conversation} */
      const found = await fetchJson(`/api/conversations/${encodeURIComponent(c.id)}`);
      taken = found.exchanges.map(turnOf);
    } catch (err) {
      storageError(err);
      return;
    }
  }
  archive = archive.filter((x) => x.id !== c.id);
  setAside();
  turns = taken;
  currentId = c.id;
  currentTitle = c.title;
  for (const turn of turns) renderStored(turn);
  save();
  announce(t("ask.archiveOpened", { title: c.title }));
  $("question-input").focus();
}

async function deleteKept(c) {
  if (place === "server") {
    try {
      await fetchJson(`/api/conversations/${encodeURIComponent(c.id)}`, { method: "DELETE" });
    } catch (err) {
      if (err.status !== 404) return storageError(err);
    }
  }
  archive = archive.filter((x) => x.id !== c.id);
  save();
  announce(t("ask.archiveDeleted", { title: c.title }));
  ($("ask-archive").querySelector("button") ?? $("question-input")).focus();
}

/** « Conversations précédentes »: each can be taken up again (the one on screen is put aside) or deleted. */
function showArchive() {
  const box = $("ask-archive");
  box.hidden = archive.length === 0;
  if (!archive.length) return box.querySelector("ul").replaceChildren();
  box.querySelector("summary").textContent = t("ask.archive", { count: archive.length });
  box.querySelector("ul").replaceChildren(
    ...archive.map((c) => {
      const date = formatDate(c.at);
      const open = el("button", { type: "button", class: "secondary" }, t("ask.archiveOpen", { title: c.title }));
      const remove = el(
        "button",
        { type: "button", class: "danger", "aria-label": t("ask.archiveDeleteLabel", { title: c.title }) },
        t("ask.archiveDelete"),
      );
      open.addEventListener("click", () => openKept(c));
      remove.addEventListener("click", () => deleteKept(c));
      return el(
        "li",
        {},
        open,
        " ",
        el(
          "span",
          { class: "source-meta" },
          t("ask.archiveMeta", { date, questions: countOf("question", c.count ?? c.turns?.length ?? 0) }),
        ),
        " ",
        remove,
      );
    }),
  );
}

// ——— Rename ———

function startRename() {
  const form = $("ask-rename");
  const input = /** @type {HTMLInputElement} */ ($("ask-rename-input"));
  input.value = titleOf();
  form.hidden = false;
  $("ask-rename-button").setAttribute("aria-expanded", "true");
  input.focus();
  input.select();
}

function endRename() {
  $("ask-rename").hidden = true;
  $("ask-rename-button").setAttribute("aria-expanded", "false");
  $("ask-rename-error").replaceChildren();
  $("ask-rename-button").focus();
}

async function rename(event) {
  event.preventDefault();
  const input = /** @type {HTMLInputElement} */ ($("ask-rename-input"));
  const title = input.value.trim();
  if (!title) {
    input.setAttribute("aria-invalid", "true");
    $("ask-rename-error").replaceChildren(el("p", { class: "error" }, t("ask.renameEmpty")));
    return input.focus();
  }
  input.removeAttribute("aria-invalid");
  if (place === "server" && currentId) {
    try {
      const renamed = await fetchJson(
        `/api/conversations/${encodeURIComponent(currentId)}`,
        jsonBody("PATCH", { title }),
      );
      currentTitle = renamed.title;
    } catch (err) {
      $("ask-rename-error").replaceChildren(el("p", { class: "error" }, err.message));
      return input.focus();
    }
  } else currentTitle = title;
  save();
  endRename();
  announce(t("ask.renamed", { title: currentTitle }));
}

// ——— Export ———

/** The conversation as a Markdown or PDF file, written by the server's export (the same for both places). */
async function download(format) {
  const status = $("ask-export-status");
  status.textContent = t("ask.exporting");
  try {
    const response =
      place === "server" && currentId
        ? await fetch(`/api/conversations/${encodeURIComponent(currentId)}/export?format=${format}`)
        : await fetch(
            `/api/conversations/export?format=${format}`,
            jsonBody("POST", { title: titleOf(), exchanges: kept(turns).map(exchangeOf) }),
          );
    if (!response.ok) throw await apiError(response);
    const name =
      /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ??
      `conversation-cap-libre.${format}`;
    const link = el("a", { href: URL.createObjectURL(await response.blob()), download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    status.textContent = t("ask.exported", { name });
  } catch (err) {
    status.textContent = err.status ? err.message : t("web.networkError");
  }
}

/** Forgets every conversation kept in this browser (at logout: the next person does not read them). */
export function forgetAll() {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith(STORAGE_PREFIX)) localStorage.removeItem(key);
  } catch {
    /* nothing kept */
  }
}

/** The messages sent with a new question: the last finished turns, within the server's limits. */
function context() {
  const messages = [];
  for (const turn of turns.filter((x) => x.done && !x.done.abstention && x.text)) {
    messages.push(
      { role: "user", content: turn.question.slice(0, MAX_MESSAGE_CHARS) },
      { role: "assistant", content: turn.text.slice(0, MAX_MESSAGE_CHARS) },
    );
  }
  return messages.slice(-CONTEXT_MESSAGES);
}

// ——— Asking ———

async function ask(question) {
  /** @type {Turn} */
  const turn = { id: newTurnId(), question, text: "", sources: [], done: null };
  const view = turnView(turn);
  const messages = [...context(), { role: "user", content: question }];
  turns.push(turn);
  showTools();

  controller = new AbortController();
  const buttonHadFocus = document.activeElement === $("ask-button");
  askButton().disabled = true;
  $("stop-button").hidden = false;
  // « Demander » is disabled while the answer is written: the focus goes to « Arrêter », not to the page's body.
  if (buttonHadFocus) $("stop-button").focus();
  view.answer.setAttribute("aria-busy", "true");
  view.answer.textContent = t("web.searching");
  announce(t("ask.searching"));
  // Drawn at most once a frame: a token does not rebuild the answer each time.
  let frame = 0;
  const draw = () => {
    frame = 0;
    renderAnswer(view.answer, turn.text, turn.id, turn.sources.length);
  };
  let failed = false;
  try {
    const response = await fetch("/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ messages }),
      signal: controller.signal,
    });
    if (!response.ok) throw await apiError(response);
    for await (const { event, data } of readSSE(response)) {
      if (event === "sources") {
        turn.sources = data.sources;
        renderSources(view.sources, turn.sources, turn.id);
      } else if (event === "queue") {
        // The model is busy: show the place in line until the first word arrives.
        if (!turn.text) view.answer.textContent = t("web.queued", { position: data.position });
      } else if (event === "token") {
        turn.text += data.text;
        frame ||= requestAnimationFrame(draw);
      } else if (event === "done") {
        if (frame) cancelAnimationFrame(frame);
        draw();
        turn.done = data;
        renderDone(view, turn);
      } else if (event === "error") {
        failed = true;
        view.footer.append(el("p", { class: "error", role: "alert" }, data.message));
      }
    }
    if (frame) cancelAnimationFrame(frame);
    // A stream that ended without `done` still shows every word received (after `done`, the verified text stays).
    if (turn.done) announce(readyMessage(turn));
    else draw();
  } catch (err) {
    if (frame) cancelAnimationFrame(frame);
    if (turn.text) draw();
    else view.answer.textContent = "";
    if (err.name === "AbortError") {
      view.footer.append(el("p", { class: "mode" }, t("web.stopped")));
      announce(t("web.stopped"));
    } else {
      failed = true;
      view.footer.append(el("p", { class: "error", role: "alert" }, err.status ? err.message : t("web.networkError")));
    }
  } finally {
    view.answer.setAttribute("aria-busy", "false");
    controller = null;
    const stopHadFocus = document.activeElement === $("stop-button") || document.activeElement === document.body;
    askButton().disabled = false;
    $("stop-button").hidden = true;
    if (failed && !turn.done) {
      // Nothing lost: the question comes back in the box, with a button to send it again.
      turns.pop();
      view.root.remove();
      offerRetry(question, view.footer.querySelector(".error")?.textContent ?? t("web.networkError"));
    } else {
      turn.at = new Date().toISOString();
      keepTurn(turn);
    }
    // The focus never falls to the page's body: back to the question box.
    if (stopHadFocus || failed) $("question-input").focus();
    onDone();
  }
}

function offerRetry(question, message) {
  const input = questionInput();
  if (!input.value.trim()) input.value = question;
  $("ask-error").replaceChildren(
    el("p", { class: "error", role: "alert" }, message),
    el("button", { type: "button", id: "ask-retry", onclick: () => askForm().requestSubmit() }, t("ask.retry")),
  );
}

/** « Effacer la conversation »: the one on screen is deleted (from the server too, when kept there). */
async function clear() {
  if (controller) controller.abort();
  if (place === "server" && currentId) {
    try {
      await fetchJson(`/api/conversations/${encodeURIComponent(currentId)}`, { method: "DELETE" });
    } catch (err) {
      if (err.status !== 404) return storageError(err);
    }
  }
  turns = [];
  currentId = null;
  currentTitle = null;
  $("conversation").replaceChildren();
  save();
  announce(t("ask.cleared"));
  $("question-input").focus();
}

/**
 * Sets up the question form. `user` names whose conversations are kept (null without sign-in: in this browser);
 * signed in, they are kept on the server, in `workspace`.
 */
export async function init({ user = null, workspace = null, onAnswered = () => {} } = {}) {
  onDone = onAnswered;
  place = user ? "server" : "browser";
  storageKey = `${STORAGE_PREFIX}${user ?? "local"}`;
  currentKey = `${STORAGE_PREFIX}current.${user}.${workspace ?? ""}`;
  if (place === "server") $("question-hint").textContent = t("ask.hintServer");
  await loadKept();
  for (const turn of turns) renderStored(turn);
  showTools();
  showArchive();
  $("ask-clear").addEventListener("click", clear);
  $("ask-new").addEventListener("click", newConversation);
  $("ask-export").addEventListener("click", () => download("md"));
  $("ask-export-pdf").addEventListener("click", () => download("pdf"));
  $("ask-print").addEventListener("click", () => window.print());
  $("ask-rename-button").addEventListener("click", startRename);
  $("ask-rename").addEventListener("submit", rename);
  $("ask-rename-cancel").addEventListener("click", endRename);
  $("ask-rename").addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      endRename();
    }
  });
  const examples = $("ask-examples").querySelector("ul");
  for (const key of ["ask.example.cloudAct", "ask.example.teams", "ask.example.gendarmerie"]) {
    examples.append(el("li", {}, questionButton(t(key), t(key))));
  }

  prepareForm($("ask-form"));
  $("ask-form").addEventListener("submit", (e) => {
    e.preventDefault();
    if (controller || !validate($("ask-form"))) return;
    const question = questionInput().value.trim();
    questionInput().value = "";
    updateCount();
    $("ask-error").replaceChildren();
    ask(question);
  });
  $("question-input").addEventListener("input", updateCount);
  updateCount();
  $("question-input").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      askForm().requestSubmit();
    }
  });
  $("stop-button").addEventListener("click", () => controller?.abort());
  // Échap stops an answer being written, wherever the focus is in the section.
  $("question").addEventListener("keydown", (e) => {
    if (e.key === "Escape" && controller) {
      e.preventDefault();
      controller.abort();
    }
  });
}
