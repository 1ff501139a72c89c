// @ts-check
// Cap Libre page: three sections reached by the address fragment (#question, #inventaire, #documents, with an
// optional saved analysis or draft id: #inventaire/<id>, #documents/<id>), so links and the back button work.
// Everything is loaded from this origin; user-visible strings come from /messages.fr.json.

import { showAccount } from "./auth.js";
import * as chat from "./chat.js";
import * as drafts from "./drafts.js";
import * as inventory from "./inventory.js";
import { $, applyI18n, el, fetchJson, jsonBody, loadMessages, t } from "./lib.js";
import * as plans from "./plans.js";
import { guardForm, setAccess } from "./roles.js";

const SECTIONS = ["question", "inventaire", "documents", "suivi"];
const modules = { question: null, inventaire: inventory, documents: drafts, suivi: plans };
let current = null;

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
  for (const link of /** @type {NodeListOf<HTMLAnchorElement>} */ (document.querySelectorAll(".site-nav a"))) {
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
    inventory.setLimits(health.limits);
    chat.setLimits(health.limits);
    const box = $("status");
    if (health.notice) {
      // One plain sentence for everyone; the technical detail (addresses, commands) is for the administrator.
      if (box.dataset.notice !== health.notice) {
        const short = t(health.llm?.available ? "web.noticeShortSearch" : "web.noticeShort");
        box.replaceChildren(
          el("p", {}, short),
          el("details", {}, el("summary", {}, t("web.noticeAdmin")), el("p", {}, health.notice)),
        );
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

/**
 * The workspace switcher, in the header, for a person of several workspaces: a labelled list and a button (the page
 * is reloaded on the button, not on each arrow key in the list), with the role in the current one. After the
 * switch the page is opened again on the same section, so every section reads the new workspace's work, and the
 * focus comes back to the list with one message saying where the person now is.
 * Returns the current workspace (null when it cannot be known).
 */
async function showWorkspaces() {
  /** @type {{ current: string | null, workspaces: { id: string, name: string, role: string }[] }} */
  let mine;
  try {
    mine = await fetchJson("/api/workspaces");
  } catch {
    return null;
  }
  const role = (r) => t(`web.role.${r}`);
  const current = mine.workspaces.find((w) => w.id === mine.current);
  // The role is known before the person acts: each section offers only what it allows.
  setAccess(current?.name ?? mine.current, current?.role ?? null);
  if (mine.workspaces.length < 2 || !current) return mine.current;
  const select = /** @type {HTMLSelectElement} */ (
    el(
      "select",
      { id: "workspace-select", name: "workspace", "aria-describedby": "workspace-role" },
      mine.workspaces.map((w) =>
        el(
          "option",
          { value: w.id, selected: w.id === mine.current },
          t("web.workspace.option", { name: w.name, role: role(w.role) }),
        ),
      ),
    )
  );
  const said = el("span", { id: "workspace-status", class: "visually-hidden", role: "status" });
  const form = el(
    "form",
    { id: "workspace", class: "workspace" },
    el("label", { for: "workspace-select" }, t("web.workspace.label")),
    select,
    el("button", { type: "submit", class: "secondary" }, t("web.workspace.submit")),
    el(
      "span",
      { id: "workspace-role", class: "workspace-role" },
      t("web.workspace.role", { role: role(current.role) }),
    ),
    said,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (select.value === mine.current) return;
    try {
      await fetchJson("/api/workspaces/current", jsonBody("POST", { workspace: select.value }));
    } catch (err) {
      said.textContent = err.message;
      return;
    }
    sessionStorage.setItem(SWITCHED, "1");
    // An analysis or draft named in the address belongs to the workspace left: the section alone is kept.
    const section = parseHash()?.section ?? "question";
    history.replaceState(null, "", `${location.pathname}${location.search}#${section}`);
    location.reload();
  });
  $("account").after(form);
  if (sessionStorage.getItem(SWITCHED)) {
    sessionStorage.removeItem(SWITCHED);
    select.focus();
    requestAnimationFrame(
      () => (said.textContent = t("web.workspace.switched", { name: current.name, role: role(current.role) })),
    );
  }
  return mine.current;
}

const SWITCHED = "caplibre.workspace.switched";

async function init() {
  await loadMessages();
  applyI18n();
  const user = await showAccount({ onLogout: chat.forgetAll });
  const workspace = await showWorkspaces();
  loadStatus();
  await chat.init({ user, workspace, onAnswered: loadStatus });
  inventory.init();
  drafts.init({ onDone: loadStatus });
  plans.init();
  guardForm($("ask-form"), "lecteur", "ask");
  guardForm($("inv-form"), "dsi", "import");
  guardForm($("draft-form"), "redacteur", "draft");
  window.addEventListener("hashchange", () => route());
  route({ initial: true });
  document.body.dataset.ready = "true";
}

init();
