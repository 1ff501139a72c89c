/**
 * Workspaces from the page and for administrators:
 * - `GET /api/workspaces`: the person's workspaces with their role, and the current one;
 * - `POST /api/workspaces/current` `{ workspace }`: chooses the workspace of the next requests (a cookie);
 * - administrators of the current workspace: `GET|PUT|DELETE /api/workspace/members` (`{ who, role }`;
 *   DELETE with `?who=`), `GET /api/workspace/audit?format=json|csv&after=&limit=`,
 *   `GET|POST /api/workspace/api-keys`, `DELETE /api/workspace/api-keys/:name`.
 * Who may call what is decided before, in server/http/access.ts (server/auth/roles.ts).
 */
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { setCookie } from "hono/cookie";
import { API_KEYS_COLLECTION, type ApiKeyRecord, createApiKeys } from "../../auth/api-keys.ts";
import { parseRole, type Role } from "../../auth/roles.ts";
import { workspaceKeyStore } from "../../auth/workspace-keys.ts";
import { principalOf, teamStore } from "../../auth/workspaces.ts";
import { AppError } from "../../core/errors.ts";
import type { Engine } from "../../engine.ts";
import { message } from "../../i18n/messages.ts";
import { appendAudit, auditCsv, readAudit } from "../../store/audit.ts";
import { type Access, accessOfRequest, WORKSPACE_COOKIE } from "../access.ts";
import { readJson } from "../helpers.ts";

const small = bodyLimit({
  maxSize: 4096,
  onError: () => {
    throw new AppError("payload_too_large", message("http.invalidJson"), 413);
  },
});

const accessOf = (c: Context): Access & { workspace: string } => {
  const access = accessOfRequest(c.req.raw);
  if (!access?.workspace)
    throw new AppError("no_workspace", message("team.access.noWorkspace", { who: access?.actor ?? "" }), 403);
  return access as Access & { workspace: string };
};

const KEY_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$/;

/** `{ who, role }` with role `aucun` (or null) to remove. */
function memberBody(raw: unknown): { who: string; role: Role | null } {
  const b = raw as { who?: unknown; role?: unknown } | null;
  if (!b || typeof b.who !== "string" || !b.who.trim() || b.who.length > 320)
    throw new AppError("invalid_input", message("team.api.memberBody"));
  if (b.role === null || b.role === "aucun") return { who: b.who, role: null };
  if (typeof b.role !== "string") throw new AppError("invalid_input", message("team.api.memberBody"));
  const role = parseRole(b.role);
  if (!role) throw new AppError("invalid_input", message("team.role.invalid", { role: b.role.slice(0, 40) }));
  return { who: b.who, role };
}

export function teamRoutes(engine: Engine) {
  const team = teamStore(engine.database);
  const allKeys = engine.database.store<ApiKeyRecord>(API_KEYS_COLLECTION);
  const keysOf = (workspace: string) => createApiKeys(workspaceKeyStore(allKeys, workspace));
  const audit = (
    access: Access & { workspace: string },
    action: string,
    target: string,
    detail: string | null = null,
  ) => appendAudit(engine.database, { workspace: access.workspace, actor: access.actor, action, target, detail });

  const setRole = async (c: Context, who: string, role: Role | null) => {
    const access = accessOf(c);
    const principal = principalOf(who);
    if (role !== "administrateur") {
      // Never leave a workspace without an administrator recorded here.
      const admins = (await team.membersOf(access.workspace)).filter((m) => m.role === "administrateur");
      if (admins.length === 1 && admins[0]!.principal === principal)
        throw new AppError("conflict", message("team.api.lastAdmin", { who: principal }), 409);
    }
    const before = await team.setRole(principal, access.workspace, role);
    await audit(access, "member.role", principal, `${before ?? "aucun"} → ${role ?? "aucun"}`);
    return c.json({ who: principal, role, before });
  };

  return new Hono()
    .get("/workspaces", async (c) => {
      const access = accessOfRequest(c.req.raw);
      const all = await team.listWorkspaces();
      const roles = access?.roles ?? {};
      // Every workspace the person has a role in, created or only named by the identity provider (under its id).
      const named = Object.keys(roles)
        .filter((id) => !all.some((w) => w.id === id))
        .sort()
        .map((id) => ({ id, name: id }));
      return c.json({
        current: access?.workspace ?? null,
        workspaces: [...all, ...named]
          .filter((w) => roles[w.id])
          .map((w) => ({ id: w.id, name: w.name, role: roles[w.id] })),
      });
    })
    .post("/workspaces/current", small, async (c) => {
      const access = accessOfRequest(c.req.raw);
      const id = ((await readJson(c.req.raw)) as { workspace?: unknown } | null)?.workspace;
      if (typeof id !== "string" || !id.trim()) throw new AppError("invalid_input", message("team.api.workspaceBody"));
      if (!access?.roles[id])
        throw new AppError("forbidden", message("team.access.notMember", { workspace: id.slice(0, 64) }), 403);
      const secure = engine.config.auth.publicUrl?.startsWith("https:") ?? false;
      setCookie(c, WORKSPACE_COOKIE, id, { path: "/", httpOnly: true, secure, sameSite: "Lax" });
      return c.json({ current: id, role: access.roles[id] });
    })
    .get("/workspace/members", async (c) => {
      const access = accessOf(c);
      return c.json({ workspace: access.workspace, members: await team.membersOf(access.workspace) });
    })
    .put("/workspace/members", small, async (c) => {
      const { who, role } = memberBody(await readJson(c.req.raw));
      return setRole(c, who, role);
    })
    .delete("/workspace/members", async (c) =>
      setRole(c, memberBody({ who: c.req.query("who"), role: null }).who, null),
    )
    .get("/workspace/audit", async (c) => {
      const access = accessOf(c);
      const format = c.req.query("format") ?? "json";
      if (format !== "json" && format !== "csv")
        throw new AppError("invalid_input", message("team.api.auditFormat", { format: format.slice(0, 20) }));
      const num = (name: string) => {
        const v = c.req.query(name);
        if (v === undefined || v === "") return undefined;
        if (!/^\d{1,12}$/.test(v)) throw new AppError("invalid_input", message("inventory.error.pageParam", { name }));
        return Number(v);
      };
      const entries = await readAudit(engine.database, {
        workspace: access.workspace,
        after: num("after"),
        limit: num("limit") ?? (format === "csv" ? 100_000 : 1000),
      });
      if (format === "csv") {
        return c.body(
          auditCsv(entries, message("team.audit.csvHeader").split(";"), (a) => message(`team.audit.${a}`)),
          200,
          {
            "content-type": "text/csv; charset=utf-8",
            "content-disposition": `attachment; filename="journal-audit-${access.workspace}.csv"`,
          },
        );
      }
      return c.json({
        workspace: access.workspace,
        entries: entries.map((e) => ({ ...e, label: message(`team.audit.${e.action}`) })),
      });
    })
    .get("/workspace/api-keys", async (c) => {
      const access = accessOf(c);
      const keys = await keysOf(access.workspace).list();
      return c.json({ keys: keys.map(({ hash: _h, ...k }) => k) });
    })
    .post("/workspace/api-keys", small, async (c) => {
      const access = accessOf(c);
      const name = ((await readJson(c.req.raw)) as { name?: unknown } | null)?.name;
      if (typeof name !== "string" || !KEY_NAME.test(name))
        throw new AppError("invalid_input", message("team.api.keyName"));
      const key = await keysOf(access.workspace).create(name);
      await audit(access, "apikey.create", name);
      return c.json({ name, key }, 201);
    })
    .delete("/workspace/api-keys/:name", async (c) => {
      const access = accessOf(c);
      const name = c.req.param("name");
      if (!(await keysOf(access.workspace).revoke(name)))
        throw new AppError("not_found", message("apiKey.unknown", { name: name.slice(0, 60) }), 404);
      await audit(access, "apikey.revoke", name);
      return c.body(null, 204);
    });
}
