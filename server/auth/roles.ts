/**
 * Roles in a workspace and what each may do, in one table: every route of the application (method and path as
 * Hono registers them) names the least role it needs. Roles are ordered — each can do what the ones before it
 * can:
 *
 * - `lecteur`: ask questions (and keep their own conversations), search, read analyses, drafts and plans (and
 *   export them);
 * - `redacteur`: + write drafts (create, edit, regenerate sections, attest a sentence as a local fact);
 * - `dsi`: + inventories (imports, GLPI, renaming, deleting), classifications, plans (adopt, checkpoints,
 *   publish, withdraw);
 * - `administrateur`: + members and their roles, API keys, the audit log.
 *
 * A route missing from the table is refused to everyone (deny by default), and the matrix test
 * (test/auth/access-matrix.test.ts) fails until it has an entry there.
 */
export const ROLES = ["lecteur", "redacteur", "dsi", "administrateur"] as const;
export type Role = (typeof ROLES)[number];

export const rank = (role: Role) => ROLES.indexOf(role);

/** The higher of two roles (a role given by the identity provider and one given by the CLI). */
export const higher = (a: Role | undefined, b: Role | undefined): Role | undefined =>
  !a ? b : !b ? a : rank(a) >= rank(b) ? a : b;

/** A role typed by a person: accents and case ignored (`Rédacteur`, `DSI`). */
export function parseRole(text: string): Role | null {
  const t = text.normalize("NFD").replace(/\p{M}/gu, "").trim().toLowerCase();
  return (ROLES as readonly string[]).includes(t) ? (t as Role) : null;
}

/**
 * What a route needs: a role in the current workspace; `"person"`: a signed-in person, in a workspace or not (who
 * am I, which workspaces, the page itself); `"public"`: nothing (the route checks its own credentials, or serves
 * citizens).
 */
export type Requirement = Role | "person" | "public";

export const ROUTE_REQUIREMENTS: Record<string, Requirement> = {
  // Open to all: health, the sign-in flow, citizens' pages, the OpenAI-compatible API (its own API keys).
  "GET /api/health": "public",
  "GET /auth/login": "public",
  "GET /auth/callback": "public",
  "POST /auth/logout": "public",
  "GET /auth/signed-out": "public",
  "GET /public/public.css": "public",
  "GET /public/:slug": "public",
  "GET /public/:slug/donnees.csv": "public",
  "GET /public/:slug/donnees.json": "public",
  "GET /public/:slug/page.zip": "public",
  "ALL /v1/*": "public",
  "GET /v1/models": "public",
  "GET /v1/models/:id": "public",
  "POST /v1/chat/completions": "public",
  // A signed-in person, whatever their workspaces: the page, who am I, choosing a workspace, unknown API paths (404).
  "ALL /*": "person",
  "GET /favicon.ico": "person",
  "GET /vendor/chart.umd.min.js": "person",
  "ALL /api/*": "person",
  "GET /api/me": "person",
  "GET /api/reference": "person",
  "GET /api/workspaces": "person",
  "POST /api/workspaces/current": "person",
  // Ask and read.
  "GET /api/search": "lecteur",
  "POST /api/chat": "lecteur",
  // Each person's own conversations (server/http/routes/conversations.ts: scoped to the person and workspace).
  "GET /api/conversations": "lecteur",
  "POST /api/conversations": "lecteur",
  "POST /api/conversations/export": "lecteur",
  "GET /api/conversations/:id": "lecteur",
  "PATCH /api/conversations/:id": "lecteur",
  "DELETE /api/conversations/:id": "lecteur",
  "POST /api/conversations/:id/exchanges": "lecteur",
  "GET /api/conversations/:id/export": "lecteur",
  "GET /api/drafts": "lecteur",
  "GET /api/drafts/:id": "lecteur",
  "GET /api/drafts/:id/export": "lecteur",
  "GET /api/inventory/analyses": "lecteur",
  "GET /api/inventory/analyses/:id": "lecteur",
  "GET /api/inventory/analyses/:id/items": "lecteur",
  "GET /api/inventory/analyses/:id/unknown": "lecteur",
  "GET /api/inventory/analyses/:id/export": "lecteur",
  "GET /api/inventory/compare": "lecteur",
  "GET /api/inventory/classifications": "lecteur",
  "GET /api/inventory/glpi": "lecteur",
  "GET /api/plans": "lecteur",
  "GET /api/plans/:id": "lecteur",
  "GET /api/plans/:id/chart.svg": "lecteur",
  "GET /api/plans/:id/note": "lecteur",
  "GET /api/plans/from-draft/:draftId": "lecteur",
  // Drafts.
  "POST /api/drafts": "redacteur",
  "PATCH /api/drafts/:id/sections/:key": "redacteur",
  "POST /api/drafts/:id/save": "redacteur",
  "POST /api/drafts/:id/sections/:key/regenerate": "redacteur",
  // Attesting a sentence as a local fact (or withdrawing it) is an edit of the section: the same role.
  "POST /api/drafts/:id/sections/:key/attestations": "redacteur",
  "DELETE /api/drafts/:id/sections/:key/attestations": "redacteur",
  // Inventories, classifications, plans.
  "POST /api/inventory/analyze": "dsi",
  "PATCH /api/inventory/analyses/:id": "dsi",
  "DELETE /api/inventory/analyses/:id": "dsi",
  "POST /api/inventory/analyses/:id/recompute": "dsi",
  "PUT /api/inventory/classifications": "dsi",
  "POST /api/inventory/glpi/import": "dsi",
  "POST /api/plans": "dsi",
  "POST /api/plans/from-draft": "dsi",
  "POST /api/plans/:id/note": "redacteur",
  "DELETE /api/plans/:id": "dsi",
  "POST /api/plans/:id/checkpoints": "dsi",
  "DELETE /api/plans/:id/checkpoints/:date": "dsi",
  "POST /api/plans/:id/events": "dsi",
  "POST /api/plans/:id/publish": "dsi",
  "POST /api/plans/:id/unpublish": "dsi",
  // Administration of the workspace.
  "GET /api/workspace/members": "administrateur",
  "PUT /api/workspace/members": "administrateur",
  "DELETE /api/workspace/members": "administrateur",
  "GET /api/workspace/audit": "administrateur",
  "GET /api/workspace/api-keys": "administrateur",
  "POST /api/workspace/api-keys": "administrateur",
  "DELETE /api/workspace/api-keys/:name": "administrateur",
};

/** What the route `METHOD path` needs; null for a route nobody declared (refused). */
export const requirementOf = (routeKey: string): Requirement | null => ROUTE_REQUIREMENTS[routeKey] ?? null;

/** Audit log codes of the routes that change or take saved work out (recorded when they succeed). */
export const AUDITED_ROUTES: Record<string, string> = {
  "POST /api/inventory/analyze": "inventory.import",
  "POST /api/inventory/glpi/import": "inventory.glpi",
  "PATCH /api/inventory/analyses/:id": "inventory.rename",
  "DELETE /api/inventory/analyses/:id": "inventory.delete",
  "POST /api/inventory/analyses/:id/recompute": "inventory.recompute",
  "GET /api/inventory/analyses/:id/export": "inventory.export",
  "PUT /api/inventory/classifications": "classification.save",
  "POST /api/drafts": "draft.create",
  "PATCH /api/drafts/:id/sections/:key": "draft.edit",
  "POST /api/drafts/:id/sections/:key/regenerate": "draft.regenerate",
  "POST /api/drafts/:id/sections/:key/attestations": "draft.attest",
  "DELETE /api/drafts/:id/sections/:key/attestations": "draft.unattest",
  "GET /api/drafts/:id/export": "draft.export",
  "POST /api/plans": "plan.adopt",
  "POST /api/plans/from-draft": "plan.adopt",
  "POST /api/plans/:id/note": "plan.note",
  "DELETE /api/plans/:id": "plan.delete",
  "POST /api/plans/:id/checkpoints": "plan.checkpoint",
  "POST /api/plans/:id/events": "plan.event",
  "POST /api/plans/:id/publish": "plan.publish",
  "POST /api/plans/:id/unpublish": "plan.withdraw",
};
