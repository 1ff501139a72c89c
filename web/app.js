// Cap Libre page: three sections reached by the address fragment (#question, #inventaire, #documents, with an
// optional saved analysis or draft id: #inventaire/<id>, #documents/<id>), so links and the back button work.
// Everything is loaded from this origin; user-visible strings come from /messages.fr.json.

import { showAccount } from "./auth.js";
import * as chat from "./chat.js";
import * as drafts from "./drafts.js";
import * as inventory from "./inventory.js";
import { $, applyI18n, el, loadMessages, t } from "./lib.js";
import * as plans from "./plans.js";

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
    inventory.setLimits(health.limits);
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

async function init() {
  await loadMessages();
  applyI18n();
  const user = await showAccount({ onLogout: chat.forgetAll });
  loadStatus();
  chat.init({ user, onAnswered: loadStatus });
  inventory.init();
  drafts.init({ onDone: loadStatus });
  plans.init();
  window.addEventListener("hashchange", () => route());
  route({ initial: true });
  document.body.dataset.ready = "true";
}

init();
