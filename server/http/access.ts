/**
 * Access to saved work, checked in one place: this middleware runs after sign-in (server/http/auth.ts) for
 * every request. It finds the route Hono will answer with, reads what that route needs
 * (server/auth/roles.ts), finds the person's workspace and role, refuses with a French 403 what the role does
 * not allow, and runs the route inside its workspace (server/store/workspace-scope.ts), so every record read or
 * written belongs to that workspace. When the route changes or exports saved work and succeeds, it appends one
 * line to the audit log; when such an attempt is refused, one line too (`denied`).
 *
 * Without sign-in (AUTH=none: one person on this machine) there is one workspace, the default one, and the
 * person is its administrator: nothing changes from a single-user install.
 *
 * The workspace of a request: the `X-Workspace` header (API clients), else the one chosen in the page
 * (`POST /api/workspaces/current`, a cookie), else the person's first one (the default workspace first).
 */
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { matchedRoutes } from "hono/route";
import { AUDITED_ROUTES, type Role, rank, requirementOf } from "../auth/roles.ts";
import type { SessionUser } from "../auth/sessions.ts";
import { teamStore } from "../auth/workspaces.ts";
import { AppError } from "../core/errors.ts";
import type { Engine } from "../engine.ts";
import { message } from "../i18n/messages.ts";
import { appendAudit } from "../store/audit.ts";
import { collectionIn, DEFAULT_WORKSPACE, inWorkspace } from "../store/workspace-scope.ts";
import { sessionOfRequest } from "./auth.ts";
import { toErrorBody } from "./errors.ts";

export const WORKSPACE_COOKIE = "caplibre_workspace";

export interface Access {
  /** Who, for the audit log: an e-mail, `sub:<subject>`, or `local` without sign-in. */
  actor: string;
  /** The signed-in person (null without sign-in). */
  person: SessionUser | null;
  /** Their roles by workspace. */
  roles: Record<string, Role>;
  /** The workspace of this request, and the role there (null when the person has none). */
  workspace: string | null;
  role: Role | null;
}

const accessOf = new WeakMap<Request, Access>();
/** The access of a request this middleware let through. */
export const accessOfRequest = (req: Request): Access | null => accessOf.get(req) ?? null;

/** `METHOD path` of the route that will answer (as Hono registered it), the key of ROUTE_REQUIREMENTS. */
export function routeKeyOf(c: Context): string {
  const routes = matchedRoutes(c);
  const handler = routes.find((r) => r.method !== "ALL");
  if (handler) return `${handler.method} ${handler.path}`;
  const fallback = routes.find((r) => r.path !== "*" && r.path !== "/*") ?? routes.find((r) => r.path === "/*");
  return fallback ? `ALL ${fallback.path}` : `ALL ${c.req.path}`;
}

/** The value of each `:name` of the route pattern in the request path. */
function paramsOf(pattern: string, path: string): Record<string, string> {
  const want = pattern.split("/");
  const got = path.split("/");
  const out: Record<string, string> = {};
  want.forEach((part, i) => {
    if (part.startsWith(":") && got[i] !== undefined) {
      try {
        out[part.slice(1)] = decodeURIComponent(got[i]!);
      } catch {
        out[part.slice(1)] = got[i]!;
      }
    }
  });
  return out;
}

const actorOf = (person: SessionUser) => person.email?.toLowerCase() ?? `sub:${person.subject}`;

const refuse = (c: Context, code: string, text: string) => c.json(toErrorBody(new AppError(code, text, 403)).body, 403);

export function workspaceAccess(engine: Engine): MiddlewareHandler {
  const team = teamStore(engine.database, { defaultRole: engine.config.auth.defaultRole });
  const signIn = engine.config.auth.mode !== "none";

  return async (c, next) => {
    const key = routeKeyOf(c);
    const need = requirementOf(key);
    if (need === null) return refuse(c, "forbidden", message("team.access.undeclared"));
    if (need === "public") {
      if (key.startsWith("GET /public/:slug")) {
        const workspace = await publishedIn(engine, team, paramsOf(key.slice(4), c.req.path).slug ?? "");
        if (workspace) return inWorkspace(workspace, next);
      }
      return next();
    }

    let access: Access;
    if (!signIn) {
      access = {
        actor: "local",
        person: null,
        roles: { [DEFAULT_WORKSPACE]: "administrateur" },
        workspace: DEFAULT_WORKSPACE,
        role: "administrateur",
      };
    } else {
      const person = sessionOfRequest(c.req.raw);
      if (!person)
        return c.json(toErrorBody(new AppError("unauthenticated", message("auth.unauthenticated"), 401)).body, 401);
      const roles = await team.rolesOf(person);
      const asked = c.req.header("x-workspace") ?? getCookie(c, WORKSPACE_COOKIE);
      const mine = Object.keys(roles).sort((a, b) =>
        a === DEFAULT_WORKSPACE ? -1 : b === DEFAULT_WORKSPACE ? 1 : a.localeCompare(b),
      );
      if (asked && !roles[asked] && c.req.header("x-workspace") && need !== "person") {
        return refuse(c, "forbidden", message("team.access.notMember", { workspace: asked.slice(0, 64) }));
      }
      const workspace = asked && roles[asked] ? asked : (mine[0] ?? null);
      access = { actor: actorOf(person), person, roles, workspace, role: workspace ? roles[workspace]! : null };
    }
    accessOf.set(c.req.raw, access);

    if (need !== "person") {
      if (!access.workspace || !access.role) {
        await logRefusal(engine, c, key, access, null);
        return refuse(c, "no_workspace", message("team.access.noWorkspace", { who: access.actor }));
      }
      if (rank(access.role) < rank(need)) {
        await logRefusal(engine, c, key, access, need);
        return refuse(
          c,
          "forbidden",
          message("team.access.forbidden", {
            workspace: access.workspace,
            role: message(`team.role.${access.role}`),
            needed: message(`team.role.${need}`),
          }),
        );
      }
    }
    if (!access.workspace) return next();
    const workspace = access.workspace;
    await inWorkspace(workspace, next);

    // A HEAD request (the page asking a file's size) takes nothing out: it is not logged as an export.
    const action = c.req.method === "HEAD" ? undefined : AUDITED_ROUTES[key];
    if (action && c.res.status < 400) {
      const pattern = key.slice(key.indexOf(" ") + 1);
      const params = paramsOf(pattern, c.req.path);
      const created = c.res.headers.get("location")?.split("/").pop() ?? null;
      const detail = c.req.query("format") ?? params.key ?? null;
      await appendAudit(engine.database, {
        workspace,
        actor: access.actor,
        action,
        target: params.id ?? created,
        detail,
      }).catch((err) => console.error("Journal d'audit :", err));
    }
  };
}

/**
 * A refused attempt in the audit log (trial12 B6: a reader's 403 on an import left no trace), for what would have
 * been logged had it been allowed and for any change (a method other than GET and HEAD): the action attempted as the
 * target, the role and the role needed as the detail. Reading a page one may not read is not logged (the page may
 * ask for what the role does not show).
 */
async function logRefusal(engine: Engine, c: Context, key: string, access: Access, need: Role | null): Promise<void> {
  const attempted = AUDITED_ROUTES[key];
  if (!attempted && (c.req.method === "GET" || c.req.method === "HEAD")) return;
  await appendAudit(engine.database, {
    workspace: access.workspace ?? "",
    actor: access.actor,
    action: "denied",
    target: attempted ?? key,
    detail:
      need && access.role
        ? message("team.audit.deniedDetail", {
            role: message(`team.role.${access.role}`),
            needed: message(`team.role.${need}`),
          })
        : message("team.audit.deniedNoWorkspace"),
  }).catch((err) => console.error("Journal d'audit :", err));
}

/** The workspace whose plan is published under `slug` (citizens' pages carry no workspace). */
async function publishedIn(engine: Engine, team: ReturnType<typeof teamStore>, slug: string): Promise<string | null> {
  if (!slug) return null;
  for (const ws of await team.listWorkspaces()) {
    const plans = engine.database.store<{ slug?: string; publication?: unknown }>(collectionIn(ws.id, "plans"));
    for (const id of await plans.ids()) {
      const plan = await plans.get(id);
      if (plan?.slug === slug && plan.publication) return ws.id;
    }
  }
  return null;
}

/** Sign-in and sign-out in the audit log: one line in each workspace of the person (or none named). */
export async function recordSignIn(engine: Engine, person: SessionUser, action: "signin" | "signout"): Promise<void> {
  try {
    const team = teamStore(engine.database, { defaultRole: engine.config.auth.defaultRole });
    if (action === "signin") await team.knowWorkspaces(Object.keys(person.claimRoles ?? {}));
    const roles = await team.rolesOf(person);
    const workspaces = Object.keys(roles);
    for (const workspace of workspaces.length ? workspaces : [""]) {
      await appendAudit(engine.database, {
        workspace,
        actor: actorOf(person),
        action,
        detail: workspace ? roles[workspace] : null,
      });
    }
  } catch (err) {
    console.error("Journal d'audit :", err);
  }
}
