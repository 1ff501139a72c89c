/**
 * Workspaces (a collectivité, a service, or a group of them) and who has which role in each. Both are kept in
 * the saved-work database as global collections: `workspaces` (id → name) and `members` (one record per person
 * — an e-mail, or `sub:<subject>` for a provider that gives none — with their roles by workspace).
 *
 * Roles come from two places, and a person gets the higher of the two in each workspace:
 * - the command line (`npm run cli -- workspace role <espace> <courriel> <rôle>`) or an administrator's API
 *   (`PUT /api/workspace/members`), stored here;
 * - the identity provider, when `OIDC_ROLES_CLAIM` names a claim (Keycloak groups, say) whose values read
 *   `<prefix><espace>:<rôle>`: read at each sign-in and kept in the session.
 *
 * The default workspace always exists: everything saved before workspaces, and everything done without sign-in.
 */
import { createHash } from "node:crypto";
import { AppError } from "../core/errors.ts";
import { message } from "../i18n/messages.ts";
import { updateOnRevision } from "../store/records.ts";
import type { RecordDatabase } from "../store/sql-records.ts";
import { DEFAULT_WORKSPACE, WORKSPACE_ID } from "../store/workspace-scope.ts";
import { higher, parseRole, type Role, rank } from "./roles.ts";

export interface Workspace {
  id: string;
  name: string;
  createdAt: string;
}

export interface MemberRecord {
  /** Lower-case e-mail, or `sub:<subject>`. */
  principal: string;
  roles: Record<string, Role>;
}

/** Who a signed-in person is, for roles: their e-mail and subject, and roles their provider gave. */
export interface Person {
  email: string | null;
  subject: string;
  claimRoles?: Record<string, Role>;
}

const keyOf = (principal: string) => createHash("sha256").update(principal).digest("hex").slice(0, 40);

/** `Alice@Mairie.fr` → `alice@mairie.fr`; `sub:abc` stays; anything else is taken as a subject. */
export function principalOf(who: string): string {
  const w = who.trim();
  if (w.includes("@") && !w.startsWith("sub:")) return w.toLowerCase();
  return w.startsWith("sub:") ? w : `sub:${w}`;
}

export function checkWorkspaceId(id: string): string {
  if (!WORKSPACE_ID.test(id))
    throw new AppError("invalid_input", message("team.workspace.invalidId", { id: id.slice(0, 80) }));
  return id;
}

export function teamStore(db: RecordDatabase, options: { defaultRole?: Role | null } = {}) {
  const workspaces = db.store<Workspace>("workspaces");
  const members = db.store<MemberRecord>("members");
  const defaultWorkspace = (): Workspace => ({
    id: DEFAULT_WORKSPACE,
    name: message("team.workspace.defaultName"),
    createdAt: "",
  });

  const api = {
    async listWorkspaces(): Promise<Workspace[]> {
      const stored = (await Promise.all((await workspaces.ids()).map((id) => workspaces.get(id)))).filter(
        (w): w is Workspace => !!w,
      );
      const all = stored.some((w) => w.id === DEFAULT_WORKSPACE) ? stored : [defaultWorkspace(), ...stored];
      return all.sort((a, b) =>
        a.id === DEFAULT_WORKSPACE ? -1 : b.id === DEFAULT_WORKSPACE ? 1 : a.id.localeCompare(b.id),
      );
    },
    async getWorkspace(id: string): Promise<Workspace | null> {
      if (id === DEFAULT_WORKSPACE) return (await workspaces.get(id)) ?? defaultWorkspace();
      return WORKSPACE_ID.test(id) ? workspaces.get(id) : null;
    },
    async createWorkspace(id: string, name: string): Promise<Workspace> {
      checkWorkspaceId(id);
      const clean = name.trim().slice(0, 200);
      if (!clean) throw new AppError("invalid_input", message("team.workspace.nameMissing"));
      if (await api.getWorkspace(id)) throw new AppError("conflict", message("team.workspace.exists", { id }), 409);
      const ws = { id, name: clean, createdAt: new Date().toISOString() };
      // Only if no one created it meanwhile (another server on the same database): never over its name.
      if (!(await workspaces.put(id, ws, { expected: null })))
        throw new AppError("conflict", message("team.workspace.exists", { id }), 409);
      return ws;
    },
    /**
     * Records the workspaces a person's identity provider names (`cap-libre:mairie-a:dsi`) that no one created: the
     * person can work in them, so they are listed (page, `workspace list`), under their id until renamed.
     */
    async knowWorkspaces(ids: string[]): Promise<void> {
      for (const id of ids) {
        if (!WORKSPACE_ID.test(id) || (await api.getWorkspace(id))) continue;
        // Created meanwhile (by an administrator, on another server): theirs is kept, with its name.
        await workspaces.put(id, { id, name: id, createdAt: new Date().toISOString() }, { expected: null });
      }
    },
    async requireWorkspace(id: string): Promise<Workspace> {
      const ws = await api.getWorkspace(id);
      if (!ws) throw new AppError("not_found", message("team.workspace.unknown", { id: id.slice(0, 80) }), 404);
      return ws;
    },
    /** Sets (or with null removes) a person's role in a workspace; returns the previous role. */
    async setRole(who: string, workspace: string, role: Role | null): Promise<Role | null> {
      const principal = principalOf(who);
      if (principal.length > 320 || principal === "sub:")
        throw new AppError("invalid_input", message("team.member.invalid"));
      const key = keyOf(principal);
      let before: Role | null = null;
      // On the revision read: a role another administrator gave the same person in another workspace meanwhile (on
      // another server) is kept. A person left with no role keeps an empty record, which grants nothing.
      await updateOnRevision(members, key, (found) => {
        const record = { principal, roles: { ...(found?.roles ?? {}) } };
        before = record.roles[workspace] ?? null;
        if (role) record.roles[workspace] = role;
        else delete record.roles[workspace];
        return record;
      });
      return before;
    },
    /** The members of a workspace given by the CLI or an administrator (not those only the provider names). */
    async membersOf(workspace: string): Promise<{ principal: string; role: Role }[]> {
      const all = await Promise.all((await members.ids()).map((id) => members.get(id)));
      return all
        .filter((m): m is MemberRecord => !!m && !!m.roles[workspace])
        .map((m) => ({ principal: m.principal, role: m.roles[workspace]! }))
        .sort((a, b) => rank(b.role) - rank(a.role) || a.principal.localeCompare(b.principal));
    },
    /** A person's roles by workspace: stored ones and the provider's, the higher of both. */
    async rolesOf(person: Person): Promise<Record<string, Role>> {
      const keys = [person.email ? keyOf(person.email.toLowerCase()) : null, keyOf(`sub:${person.subject}`)].filter(
        (k): k is string => !!k,
      );
      const records = await Promise.all(keys.map((k) => members.get(k)));
      const roles: Record<string, Role> = {};
      for (const source of [...records.map((r) => r?.roles ?? {}), person.claimRoles ?? {}]) {
        for (const [ws, role] of Object.entries(source)) roles[ws] = higher(roles[ws], role)!;
      }
      // DEFAULT_WORKSPACE_ROLE: everyone signed in gets at least this role in the default workspace.
      if (options.defaultRole) roles[DEFAULT_WORKSPACE] = higher(roles[DEFAULT_WORKSPACE], options.defaultRole)!;
      return roles;
    },
  };
  return api;
}

export type TeamStore = ReturnType<typeof teamStore>;

/**
 * Roles given by the identity provider: the values of `claim` (a string or a list of strings) that read
 * `<prefix><espace>:<rôle>` (or `/` instead of `:`, as Keycloak writes group paths). Other values are ignored.
 */
export function rolesFromClaim(
  claims: Record<string, unknown>,
  claim: string | null,
  prefix: string,
): Record<string, Role> {
  if (!claim) return {};
  const raw = claims[claim];
  const values = Array.isArray(raw) ? raw : typeof raw === "string" ? raw.split(/[\s,]+/) : [];
  const roles: Record<string, Role> = {};
  for (const v of values) {
    if (typeof v !== "string" || !v.startsWith(prefix)) continue;
    const m = /^\/?([a-z0-9-]+)[:/]([^:/]+)$/.exec(v.slice(prefix.length));
    const role = m ? parseRole(m[2]!) : null;
    if (m && role && WORKSPACE_ID.test(m[1]!)) roles[m[1]!] = higher(roles[m[1]!], role)!;
  }
  return roles;
}
