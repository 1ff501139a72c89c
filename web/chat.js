// « Poser une question »: the question goes to POST /api/chat with the previous turns (the server uses the last
// ones to understand a short follow-up), the answer streams into a plain element — not a live region, so a screen
// reader is not flooded with every word — and one polite message says when it is ready (« Réponse prête,
// 3 sources »). The conversation is kept in this browser (localStorage, one per signed-in person) across reloads,
// until « Effacer la conversation ».

import { prepareForm, validate } from "./forms.js";
import { markEnglish, sourceTitle } from "./lang.js";
import { $, apiError, el, formatDate, readSSE, t } from "./lib.js";
import { renderMarkdown } from "./markdown.js";

/** Turns kept in the browser; the oldest go first. */
const MAX_TURNS = 20;
/** Earlier messages sent with a question (the server reads at most the last six: server/rag/answer.ts). */
const CONTEXT_MESSAGES = 6;
/** The server's limit per message (routes/chat.ts). */
const MAX_MESSAGE_CHARS = 8000;
const STORAGE_PREFIX = "caplibre.conversation.";

let controller = null;
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

/** Lists (« - », « 1. ») are drawn as lists; other answers as their text, line breaks kept. */
const hasList = (text) => /^\s*([-*]|\d+[.)]) /m.test(text);

function renderAnswer(node, text, turnId, count) {
  node.classList.toggle("md", hasList(text));
  if (hasList(text)) {
    node.replaceChildren(renderMarkdown(text, { cite: (n) => citeNode(n, turnId, count), headingLevel: 4 }));
    return;
  }
  node.replaceChildren();
  appendCited(node, text, turnId, count);
}

/** Sentences no passage supports or citing no passage. */
const flaggedOf = (verification) =>
  (verification?.sentences ?? []).filter((s) => s.status === "unsupported" || s.status === "invalid-citation");

/** The answer again once verified: sentences no passage supports are marked « non vérifié », with the reasons listed. */
function renderVerified(node, text, turnId, count, verification) {
  const flagged = flaggedOf(verification);
  if (!flagged.length) return null;
  // The marks follow the text's characters: drawn as text (line breaks kept), not as Markdown.
  node.classList.remove("md");
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
    el(
      "ul",
      {},
      flagged.map((s) => el("li", {}, el("q", {}, s.text), " — ", s.reasons.join(" ; "))),
    ),
  );
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

function renderSources(container, sources, turnId) {
  container.replaceChildren();
  if (!sources.length) return;
  const list = el("ol");
  sources.forEach((s, i) => {
    const { credit, named, url, page } = creditOf(s);
    // The site is named: two sources of the same title on different sites are told apart before the click.
    const meta = [
      t(`kind.${s.document.kind}`),
      s.document.date,
      credit?.basis === "page" ? t("web.creditPage") : named.map((x) => x.title).join(" ; "),
      url ? hostOf(url) : null,
    ]
      .filter(Boolean)
      .join(", ");
    const title = s.section ? `${s.document.title} — ${s.section}` : s.document.title;
    const item = el("li", { id: `${turnId}-src-${i + 1}` });
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
    list.append(item);
  });
  container.append(el("h3", {}, t("web.sources")), list);
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

/** What the end of an answer adds: verification marks, mode, date of the facts, a notice of its own. */
function renderDone(view, turn) {
  const { done, text, sources, id } = turn;
  const box = done.verification ? renderVerified(view.answer, text, id, sources.length, done.verification) : null;
  if (box) view.footer.append(box);
  const mode = done.abstention
    ? "web.modeAbstained"
    : done.mode === "generated"
      ? done.grounded === false
        ? "web.modeGeneratedNoSource"
        : "web.modeGenerated"
      : "web.modeExtractive";
  view.footer.append(el("p", { class: "mode" }, t(mode)));
  if (done.factsAsOf)
    view.footer.append(el("p", { class: "facts-date" }, t("web.factsAsOf", { date: dayDate(done.factsAsOf) })));
  // The banner already shows the standing notice; repeat only a notice specific to this answer.
  if (done.notice && done.notice !== $("status").dataset.notice)
    view.footer.append(el("p", { class: "notice" }, done.notice));
  if (text.trim()) view.footer.append(copyButton(turn));
}

/** One turn as plain text: the question, the answer, its numbered sources with their addresses. */
function turnText(turn) {
  const lines = [turn.question, "", turn.text.trim()];
  if (turn.sources.length) {
    lines.push("", `${t("web.sources")} :`);
    turn.sources.forEach((s, i) => {
      const { url } = creditOf(s);
      const title = s.section ? `${s.document.title} — ${s.section}` : s.document.title;
      lines.push(
        `[${i + 1}] ${title} (${[t(`kind.${s.document.kind}`), s.document.date].filter(Boolean).join(", ")})${url ? ` ${url}` : ""}`,
      );
    });
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
  const base = n === 0 ? t("ask.ready.none") : n === 1 ? t("ask.ready.one") : t("ask.ready.many", { count: n });
  return flagged ? `${base} ${t("ask.ready.flagged", { count: flagged })}` : base;
}

/** Says `text` once in the polite status region (cleared first, so the same words twice are said twice). */
function announce(text) {
  const region = $("ask-status");
  region.textContent = "";
  requestAnimationFrame(() => (region.textContent = text));
}

// ——— Storage ———

const kept = (list) => list.filter((x) => x.done || x.text).slice(-MAX_TURNS);

function save() {
  try {
    const current = kept(turns);
    if (current.length || archive.length)
      localStorage.setItem(storageKey, JSON.stringify({ version: 2, turns: current, archive }));
    else localStorage.removeItem(storageKey);
  } catch {
    /* storage full or refused: the conversation stays on screen only */
  }
  showTools();
  showArchive();
}

/** The tools of a conversation (download, print, new, clear) when there is one; the example questions otherwise. */
function showTools() {
  $("ask-tools").hidden = turns.length === 0;
  $("ask-examples").hidden = turns.length > 0;
}

const validTurns = (list) =>
  Array.isArray(list)
    ? list.filter((x) => typeof x?.question === "string" && typeof x.text === "string" && Array.isArray(x.sources))
    : [];

function load() {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey) ?? "null");
    const past = Array.isArray(stored?.archive)
      ? stored.archive
          .filter((c) => typeof c?.id === "string" && typeof c.title === "string")
          .map((c) => ({ ...c, turns: validTurns(c.turns) }))
      : [];
    return { turns: validTurns(stored?.turns), archive: past.filter((c) => c.turns.length) };
  } catch {
    return { turns: [], archive: [] };
  }
}

/** Puts the conversation on screen aside (if any) and starts an empty one. */
function setAside() {
  const current = kept(turns);
  if (current.length)
    archive = [
      { id: `c${Date.now().toString(36)}`, title: current[0].question, at: new Date().toISOString(), turns: current },
      ...archive,
    ].slice(0, MAX_ARCHIVE);
  turns = [];
  $("conversation").replaceChildren();
}

function newConversation() {
  if (controller) controller.abort();
  setAside();
  save();
  announce(t("ask.newDone"));
  $("question-input").focus();
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
      open.addEventListener("click", () => {
        if (controller) controller.abort();
        archive = archive.filter((x) => x.id !== c.id);
        setAside();
        turns = c.turns;
        for (const turn of turns) renderStored(turn);
        save();
        announce(t("ask.archiveOpened", { title: c.title }));
        $("question-input").focus();
      });
      remove.addEventListener("click", () => {
        archive = archive.filter((x) => x.id !== c.id);
        save();
        announce(t("ask.archiveDeleted", { title: c.title }));
        (box.querySelector("button") ?? $("question-input")).focus();
      });
      return el(
        "li",
        {},
        open,
        " ",
        el("span", { class: "source-meta" }, t("ask.archiveMeta", { date, count: c.turns.length })),
        " ",
        remove,
      );
    }),
  );
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
  const turn = { id: `q${Date.now().toString(36)}`, question, text: "", sources: [], done: null };
  const view = turnView(turn);
  const messages = [...context(), { role: "user", content: question }];
  turns.push(turn);
  showTools();

  controller = new AbortController();
  const buttonHadFocus = document.activeElement === $("ask-button");
  $("ask-button").disabled = true;
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
    $("ask-button").disabled = false;
    $("stop-button").hidden = true;
    if (failed && !turn.done) {
      // Nothing lost: the question comes back in the box, with a button to send it again.
      turns.pop();
      view.root.remove();
      offerRetry(question, view.footer.querySelector(".error")?.textContent ?? t("web.networkError"));
    } else save();
    // The focus never falls to the page's body: back to the question box.
    if (stopHadFocus || failed) $("question-input").focus();
    onDone();
  }
}

function offerRetry(question, message) {
  const input = $("question-input");
  if (!input.value.trim()) input.value = question;
  $("ask-error").replaceChildren(
    el("p", { class: "error", role: "alert" }, message),
    el("button", { type: "button", id: "ask-retry", onclick: () => $("ask-form").requestSubmit() }, t("ask.retry")),
  );
}

/** The conversation as a Markdown file: each question, its answer, its sources with their addresses. */
function exportMarkdown() {
  const date = new Date().toISOString().slice(0, 10);
  const parts = [`# ${t("ask.exportTitle", { date })}`, ""];
  for (const turn of turns.filter((x) => x.done || x.text)) {
    parts.push(`## ${turn.question}`, "", turn.text.trim() || t("web.stopped"), "");
    if (turn.sources.length) {
      parts.push(`${t("web.sources")} :`, "");
      turn.sources.forEach((s, i) => {
        const { url } = creditOf(s);
        const title = s.section ? `${s.document.title} — ${s.section}` : s.document.title;
        parts.push(
          `${i + 1}. ${title} (${[t(`kind.${s.document.kind}`), s.document.date].filter(Boolean).join(", ")})${url ? ` — <${url}>` : ""}`,
        );
      });
      parts.push("");
    }
    const flagged = flaggedOf(turn.done?.verification);
    if (flagged.length)
      parts.push(
        `> ${t("verify.boxTitle", { count: flagged.length })} : ${flagged.map((x) => `« ${x.text} »`).join(" ; ")}`,
        "",
      );
  }
  const link = el("a", {
    href: URL.createObjectURL(new Blob([parts.join("\n")], { type: "text/markdown;charset=utf-8" })),
    download: `conversation-cap-libre-${date}.md`,
  });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

function clear() {
  if (controller) controller.abort();
  turns = [];
  $("conversation").replaceChildren();
  save();
  announce(t("ask.cleared"));
  $("question-input").focus();
}

/** Sets up the question form; `user` names whose conversation is kept (null without sign-in). */
export function init({ user = null, onAnswered = () => {} } = {}) {
  onDone = onAnswered;
  storageKey = `${STORAGE_PREFIX}${user ?? "local"}`;
  ({ turns, archive } = load());
  for (const turn of turns) renderStored(turn);
  showTools();
  showArchive();
  $("ask-clear").addEventListener("click", clear);
  $("ask-new").addEventListener("click", newConversation);
  $("ask-export").addEventListener("click", exportMarkdown);
  $("ask-print").addEventListener("click", () => window.print());
  const examples = $("ask-examples").querySelector("ul");
  for (const key of ["ask.example.cloudAct", "ask.example.teams", "ask.example.gendarmerie"]) {
    const button = el("button", { type: "button", class: "secondary" }, t(key));
    button.addEventListener("click", () => {
      $("question-input").value = t(key);
      $("ask-form").requestSubmit();
    });
    examples.append(el("li", {}, button));
  }

  prepareForm($("ask-form"));
  $("ask-form").addEventListener("submit", (e) => {
    e.preventDefault();
    if (controller || !validate($("ask-form"))) return;
    const question = $("question-input").value.trim();
    $("question-input").value = "";
    $("ask-error").replaceChildren();
    ask(question);
  });
  $("question-input").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      $("ask-form").requestSubmit();
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
