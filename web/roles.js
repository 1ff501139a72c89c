// @ts-check
// What the person's role in the current workspace allows, known before they act: a section shows only the controls
// the role allows, and one sentence says what the role does not allow and whom to ask (the server refuses the same
// actions with 403: server/auth/roles.ts).
import { el, t } from "./lib.js";

const RANKS = ["lecteur", "redacteur", "dsi", "administrateur"];

/** @type {{ known: boolean, workspace: string | null, role: string | null }} */
const access = { known: false, workspace: null, role: null };

/**
 * The current workspace's name and the person's role there (null: a member of no workspace). Not called when the
 * page could not ask (then every control stays, and the server says what it refuses).
 * @param {string | null} workspace
 * @param {string | null} role
 */
export function setAccess(workspace, role) {
  access.known = true;
  access.workspace = workspace;
  access.role = role;
  document.body.dataset.role = role ?? "none";
}

/**
 * Whether the role allows what needs `needed` (true while the role is unknown).
 * @param {"lecteur" | "redacteur" | "dsi" | "administrateur"} needed
 */
export const allows = (needed) =>
  !access.known || (!!access.role && RANKS.indexOf(access.role) >= RANKS.indexOf(needed));

/**
 * The sentence in place of a control the role does not allow: the role, the action, the role needed, whom to ask.
 * @param {"lecteur" | "redacteur" | "dsi" | "administrateur"} needed
 * @param {string} action a key of `role.action.*` (« d'importer un inventaire »)
 */
export function roleNotice(needed, action) {
  const params = { action: t(`role.action.${action}`), needed: t(`web.role.${needed}`) };
  return el(
    "p",
    { class: "role-notice notice", "data-role-notice": action },
    access.role
      ? t("role.notAllowed", { ...params, workspace: access.workspace ?? "", role: t(`web.role.${access.role}`) })
      : t("role.noWorkspace", params),
  );
}

/**
 * A form the role may not use: its fields and buttons hidden, its status and error lines kept, the sentence first.
 * @param {HTMLElement} form
 * @param {"lecteur" | "redacteur" | "dsi" | "administrateur"} needed
 * @param {string} action
 */
export function guardForm(form, needed, action) {
  if (allows(needed) || form.querySelector("[data-role-notice]")) return;
  for (const child of form.children) {
    const kept = child.getAttribute("role") === "status" || /-error$/.test(child.id);
    if (child instanceof HTMLElement && !kept) child.hidden = true;
  }
  form.prepend(roleNotice(needed, action));
}

/**
 * A card whose controls the role may not use: what it shows (headings, lists, links, texts) stays, its fields,
 * buttons and their hints are hidden. Returns whether anything was hidden.
 * @param {HTMLElement} card
 * @param {"lecteur" | "redacteur" | "dsi" | "administrateur"} needed
 */
export function readOnly(card, needed) {
  if (allows(needed)) return false;
  let hidden = false;
  for (const child of card.children) {
    if (!(child instanceof HTMLElement) || child.matches("ul, ol, table, h1, h2, h3, [role=status]")) continue;
    if (
      child.matches("input, select, textarea, button, p.hint") ||
      child.querySelector("input, select, textarea, button")
    ) {
      child.hidden = true;
      hidden = true;
    }
  }
  return hidden;
}
