// @ts-check
// Who is signed in (when Cap Libre is served with sign-in): the name in the header and the logout button.
// Without sign-in (`{ auth: "none" }`) the header stays as it is.
import { $, t } from "./lib.js";

/** Shows who is signed in; returns a stable key of that person (null without sign-in), to keep their conversation. */
export async function showAccount({ onLogout = () => {} } = {}) {
  let user = null;
  try {
    const me = await (await fetch("/api/me")).json();
    if (me.auth === "oidc" && me.user) {
      $("account-name").textContent = t("web.signedInAs", { name: me.user.name });
      $("account").hidden = false;
      user = me.user.subject ?? me.user.email ?? me.user.name ?? null;
    }
  } catch {
    /* the page works without the header */
  }
  // Logout through fetch: a plain form POST leaves with `Origin: null` (the page's Referrer-Policy is
  // no-referrer), which the server's Origin check refuses.
  $("account")
    .querySelector("form")
    .addEventListener("submit", async (e) => {
      e.preventDefault();
      // What this person asked stays out of the next person's reach on a shared computer.
      onLogout();
      try {
        await fetch("/auth/logout", { method: "POST" });
      } finally {
        location.assign("/auth/signed-out");
      }
    });
  return user;
}
