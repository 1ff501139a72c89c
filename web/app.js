// Cap Libre minimal page: asks /api/chat and renders the SSE stream (sources, tokens, done, error).
// Everything is loaded from this origin; user-visible strings come from /messages.fr.json.

const $ = (id) => document.getElementById(id);
let messages = {};
let controller = null;
const history = [];

const t = (key, params = {}) =>
  (messages[key] ?? key).replace(/\{(\w+)\}/g, (_, name) => (name in params ? String(params[name]) : `{${name}}`));

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else node.setAttribute(k, v);
  }
  for (const child of children) node.append(child);
  return node;
}

async function loadStatus() {
  try {
    const health = await (await fetch("/api/health")).json();
    const box = $("status");
    if (health.notice) {
      box.textContent = health.notice;
      box.hidden = false;
    } else {
      box.hidden = true;
    }
  } catch {
    /* the question form still works */
  }
}

/** Splits "… [1] …" so citation numbers become links to the listed sources. */
function renderAnswer(node, text, turnId, count) {
  node.replaceChildren();
  let last = 0;
  for (const match of text.matchAll(/\[(\d+)\]/g)) {
    const n = Number(match[1]);
    if (n < 1 || n > count) continue;
    node.append(text.slice(last, match.index));
    node.append(el("a", { class: "cite", href: `#${turnId}-src-${n}`, "aria-label": t("web.citeLabel", { n }) }, `[${n}]`));
    last = match.index + match[0].length;
  }
  node.append(text.slice(last));
}

function renderSources(container, sources, turnId) {
  container.replaceChildren();
  if (!sources.length) return;
  const list = el("ol");
  sources.forEach((s, i) => {
    const meta = [t(`kind.${s.document.kind}`), s.document.date].filter(Boolean).join(", ");
    const title = s.section ? `${s.document.title} — ${s.section}` : s.document.title;
    const item = el("li", { id: `${turnId}-src-${i + 1}` });
    item.append(s.document.url ? el("a", { href: s.document.url, rel: "noreferrer noopener", target: "_blank" }, title) : title);
    item.append(el("div", { class: "source-meta" }, meta));
    list.append(item);
  });
  container.append(el("h3", {}, t("web.sources")), list);
}

async function* readSSE(response) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
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
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      throw new Error(body.error?.message ?? t("web.httpError", { status: response.status }));
    }
    for await (const { event, data } of readSSE(response)) {
      if (event === "sources") {
        sources = data.sources;
        renderSources(sourcesNode, sources, turnId);
      } else if (event === "token") {
        text += data.text;
        renderAnswer(answerNode, text, turnId, sources.length);
      } else if (event === "done") {
        footer.append(el("p", { class: "mode" }, data.mode === "generated" ? t("web.modeGenerated") : t("web.modeExtractive")));
        // The banner already shows the standing notice; repeat only a notice specific to this answer.
        if (data.notice && data.notice !== $("status").textContent) footer.append(el("p", { class: "notice" }, data.notice));
      } else if (event === "error") {
        footer.append(el("p", { class: "error", role: "alert" }, data.message));
      }
    }
    history.push({ role: "assistant", content: text });
  } catch (err) {
    if (err.name === "AbortError") footer.append(el("p", { class: "mode" }, t("web.stopped")));
    else footer.append(el("p", { class: "error", role: "alert" }, err.message || t("web.networkError")));
    if (!text) answerNode.textContent = "";
    history.pop();
  } finally {
    controller = null;
    $("ask-button").disabled = false;
    $("stop-button").hidden = true;
    loadStatus();
  }
}

async function init() {
  messages = await (await fetch("/messages.fr.json")).json();
  loadStatus();
  $("ask-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const question = $("question").value.trim();
    if (!question || controller) return;
    $("question").value = "";
    ask(question);
  });
  $("question").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      $("ask-form").requestSubmit();
    }
  });
  $("stop-button").addEventListener("click", () => controller?.abort());
}

init();
