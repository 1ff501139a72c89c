/**
 * Workspaces and roles beyond the matrix: roles read from the identity provider's claim at sign-in (a real
 * oidc-provider), roles given from the command line, the single-user mode without sign-in (one default
 * workspace, nothing changes), and work saved before workspaces staying in the default one.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseRole } from "../../server/auth/roles.ts";
import { rolesFromClaim, teamStore } from "../../server/auth/workspaces.ts";
import { runCli } from "../../server/cli/main.ts";
import { readAudit } from "../../server/store/audit.ts";
import { sampleDraft } from "../helpers/drafts.ts";
import {
  CookieJar,
  request,
  signIn,
  startSignInServer,
  startTestProvider,
  type TestProvider,
} from "../helpers/oidc-provider.ts";
import { postJson, startTestServer, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS } from "../inventory/fixtures.ts";

const csv = `"Nom";"Éditeur";"Nombre d'installations";\n"Google Chrome";"Google LLC";"20";\n`;

describe("roles from the identity provider's claim", () => {
  it("reads <prefix><espace>:<rôle> values, and ignores the rest", () => {
    const claims = {
      groups: [
        "cap-libre:mairie-a:DSI",
        "cap-libre:mairie-a:lecteur",
        "cap-libre:mairie-b:Rédacteur",
        "cap-libre:mairie-c:chef",
        "autre:mairie-d:administrateur",
        "cap-libre:Mairie E:lecteur",
        42,
      ],
    };
    expect(rolesFromClaim(claims, "groups", "cap-libre:")).toEqual({ "mairie-a": "dsi", "mairie-b": "redacteur" });
    // Keycloak writes group paths; a single string with spaces is read too.
    expect(rolesFromClaim({ groups: ["/cap-libre/sictiam/administrateur"] }, "groups", "/cap-libre")).toEqual({
      sictiam: "administrateur",
    });
    expect(rolesFromClaim({ roles: "a:lecteur b:dsi" }, "roles", "")).toEqual({ a: "lecteur", b: "dsi" });
    expect(rolesFromClaim(claims, null, "")).toEqual({});
    expect(parseRole("Administrateur")).toBe("administrateur");
    expect(parseRole("chef")).toBeNull();
  });

  let provider: TestProvider;
  let server: TestServer;
  beforeAll(async () => {
    provider = await startTestProvider();
    server = await startSignInServer(provider, {
      CORPUS_DIR: INVENTORY_CORPUS,
      OIDC_ROLES_CLAIM: "groups",
      OIDC_ROLES_PREFIX: "cap-libre:",
    });
    await teamStore(server.engine.database).createWorkspace("mairie-a", "Mairie A");
  });
  afterAll(async () => {
    await server?.stop();
    await provider?.close();
  });

  it("signs in with the provider's roles, takes the higher of the provider's and the CLI's, and logs the sign-in", async () => {
    const jar = new CookieJar();
    expect((await signIn(jar, server.url, "claire.durand")).final.status).toBe(303);
    const mine = await (await request(jar, `${server.url}/api/workspaces`)).json();
    expect(mine).toEqual({ current: "mairie-a", workspaces: [{ id: "mairie-a", name: "Mairie A", role: "dsi" }] });
    // DSI: may import an inventory, not manage members.
    expect(
      (await request(jar, `${server.url}/api/inventory/analyze?name=parc.csv`, { method: "POST", body: csv })).status,
    ).toBe(201);
    const members = await request(jar, `${server.url}/api/workspace/members`);
    expect(members.status).toBe(403);
    expect((await members.json()).error.message).toBe(
      "Votre rôle dans l'espace « mairie-a » (DSI) ne permet pas cette action : il faut être administrateur. Demandez-le à un administrateur de l'espace.",
    );
    // The command line makes her administrator: effective at the next request, without signing in again.
    const out: string[] = [];
    const term = { line: (t: string) => out.push(t), progress: () => {}, done: () => {} } as never;
    expect(
      await runCli(["workspace", "role", "mairie-a", "Claire.Durand@mairie-exemple.fr", "administrateur"], {
        term,
        out: (t) => out.push(t),
        env: { DATA_DIR: server.dataDir },
      }),
    ).toBe(0);
    expect(out.join("")).toContain(
      "claire.durand@mairie-exemple.fr : administrateur dans l'espace « mairie-a » (avant : aucun)",
    );
    expect((await request(jar, `${server.url}/api/workspace/members`)).status).toBe(200);
    // A lower role from the CLI does not lower what the provider gives.
    await runCli(["workspace", "role", "mairie-a", "claire.durand@mairie-exemple.fr", "lecteur"], {
      term,
      out: (t) => out.push(t),
      env: { DATA_DIR: server.dataDir },
    });
    expect((await (await request(jar, `${server.url}/api/workspaces`)).json()).workspaces[0].role).toBe("dsi");

    const log = await readAudit(server.engine.database, { workspace: "mairie-a" });
    expect(log.map((e) => [e.actor, e.action])).toEqual([
      ["claire.durand@mairie-exemple.fr", "signin"],
      ["claire.durand@mairie-exemple.fr", "inventory.import"],
      [expect.stringMatching(/^cli/), "member.role"],
      [expect.stringMatching(/^cli/), "member.role"],
    ]);
    expect(log[0]!.detail).toBe("dsi");
  });

  it("logs a reader's refused attempts, and prints each time with its time zone (trial12 B6)", async () => {
    const out: string[] = [];
    const term = { line: (t: string) => out.push(t), progress: () => {}, done: () => {} } as never;
    const cli = (...args: string[]) =>
      runCli(args, { term, out: (t) => out.push(t), env: { DATA_DIR: server.dataDir, TIME_ZONE: "America/Cayenne" } });
    await cli("workspace", "role", "mairie-a", "alice.martin@mairie-exemple.fr", "lecteur");
    const jar = new CookieJar();
    await signIn(jar, server.url, "alice.martin");
    const imported = await request(jar, `${server.url}/api/inventory/analyze?name=parc.csv`, {
      method: "POST",
      body: csv,
    });
    expect(imported.status).toBe(403);
    const drafted = await request(jar, `${server.url}/api/drafts`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "letter", inputs: {} }),
    });
    expect(drafted.status).toBe(403);
    const log = await readAudit(server.engine.database, { workspace: "mairie-a" });
    const refused = log.filter((e) => e.actor === "alice.martin@mairie-exemple.fr" && e.action === "denied");
    expect(refused.map((e) => [e.target, e.detail])).toEqual([
      ["inventory.import", "rôle lecteur, il faut DSI"],
      ["draft.create", "rôle lecteur, il faut rédacteur"],
    ]);
    out.length = 0;
    expect(await cli("audit", "mairie-a")).toBe(0);
    const lines = out.join("").split("\n");
    const line = lines.find((l) => l.includes("alice.martin") && l.includes("import d'un inventaire"));
    expect(line).toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC-03:00 \[mairie-a\] alice\.martin@mairie-exemple\.fr — action refusée : import d'un inventaire \(rôle lecteur, il faut DSI\)$/,
    );
    // The same instant as stored (UTC), three hours earlier in Cayenne.
    const at = refused[0]!.at;
    const local = new Date(Date.parse(at) - 3 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
    expect(line!.startsWith(local)).toBe(true);
    const file = path.join(server.dataDir, "journal.csv");
    expect(await cli("audit", "mairie-a", "--out", file)).toBe(0);
    const rows = (await readFile(file, "utf8")).replace(/^\uFEFF/, "").split("\r\n");
    expect(rows[0]).toBe("date (UTC);heure locale;espace;personne;action;libellé;objet;détail");
    expect(rows.find((r) => r.includes(";denied;"))).toMatch(
      /^\d{4}-\d{2}-\d{2}T[\d:.]+Z;\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC-03:00;mairie-a;alice\.martin@mairie-exemple\.fr;denied;action refusée;inventory\.import;rôle lecteur, il faut DSI$/,
    );
  });

  it("tells a signed-in person of no workspace, in French, whom to ask", async () => {
    const jar = new CookieJar();
    await signIn(jar, server.url, "bruno.petit");
    expect((await (await request(jar, `${server.url}/api/workspaces`)).json()).workspaces).toEqual([]);
    const res = await request(jar, `${server.url}/api/inventory/analyses`);
    expect(res.status).toBe(403);
    expect((await res.json()).error).toEqual({
      code: "no_workspace",
      message:
        "Vous êtes connecté, mais vous n'êtes membre d'aucun espace de travail de Cap Libre. Demandez à un administrateur de vous y ajouter (npm run cli -- workspace role <espace> bruno.petit@mairie-exemple.fr lecteur).",
    });
  });
});

describe("a workspace only the identity provider names", () => {
  let provider: TestProvider;
  let server: TestServer;
  beforeAll(async () => {
    provider = await startTestProvider();
    server = await startSignInServer(provider, {
      CORPUS_DIR: INVENTORY_CORPUS,
      OIDC_ROLES_CLAIM: "groups",
      OIDC_ROLES_PREFIX: "cap-libre:",
    });
  });
  afterAll(async () => {
    await server?.stop();
    await provider?.close();
  });

  it("is listed for the person (page and command line), who can work in it", async () => {
    // « cap-libre:mairie-a:dsi » from the provider; no one ran `workspace create mairie-a`.
    const jar = new CookieJar();
    await signIn(jar, server.url, "claire.durand");
    expect(await (await request(jar, `${server.url}/api/workspaces`)).json()).toEqual({
      current: "mairie-a",
      workspaces: [{ id: "mairie-a", name: "mairie-a", role: "dsi" }],
    });
    expect(
      (await request(jar, `${server.url}/api/inventory/analyze?name=parc.csv`, { method: "POST", body: csv })).status,
    ).toBe(201);
    const out: string[] = [];
    await runCli(["workspace", "list"], {
      term: { line: (t: string) => out.push(t), progress: () => {} } as never,
      out: (t) => out.push(t),
      env: { DATA_DIR: server.dataDir },
    });
    expect(out.join("")).toContain("mairie-a");
  });
});

describe("without sign-in (one person on this machine)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ CORPUS_DIR: INVENTORY_CORPUS });
  });
  afterAll(async () => server?.stop());

  it("works as before in the default workspace, where this person is administrator, and finds work saved before workspaces", async () => {
    // A draft as an older version saved it: in the plain « drafts » collection.
    const old = sampleDraft();
    await server.engine.database.store("drafts").put(old.id, old);
    const drafts = await (await fetch(`${server.url}/api/drafts`)).json();
    expect(drafts.drafts.map((d: { id: string }) => d.id)).toContain(old.id);

    expect(await (await fetch(`${server.url}/api/workspaces`)).json()).toEqual({
      current: "defaut",
      workspaces: [{ id: "defaut", name: "Espace par défaut", role: "administrateur" }],
    });
    const upload = await fetch(`${server.url}/api/inventory/analyze?name=parc.csv`, { method: "POST", body: csv });
    expect(upload.status).toBe(201);
    const { id } = await upload.json();
    // Stored where a single-user install always stored it.
    expect(await server.engine.database.store("analyses").get(id)).toMatchObject({ id });
    // The page asks an export's size with HEAD: nothing is taken out, nothing is logged; a real download is.
    const head = await fetch(`${server.url}/api/inventory/analyses/${id}/export?format=ods`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get("content-length"))).toBeGreaterThan(0);
    expect((await fetch(`${server.url}/api/inventory/analyses/${id}/export?format=csv`)).status).toBe(200);
    const key = await postJson(`${server.url}/api/workspace/api-keys`, { name: "open-webui" });
    expect(key.status).toBe(201);
    const log = await (await fetch(`${server.url}/api/workspace/audit`)).json();
    expect(
      log.entries.map((e: { actor: string; action: string; label: string }) => [e.actor, e.action, e.label]),
    ).toEqual([
      ["local", "inventory.import", "import d'un inventaire"],
      ["local", "inventory.export", "export d'une cartographie"],
      ["local", "apikey.create", "création d'une clé d'API"],
    ]);
    const csvLog = await fetch(`${server.url}/api/workspace/audit?format=csv`);
    expect(csvLog.headers.get("content-type")).toContain("text/csv");
    const bytes = Buffer.from(await csvLog.arrayBuffer());
    // A BOM, so that Excel reads UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString("utf8").split("\r\n")[0]).toBe(
      "date (UTC);heure locale;espace;personne;action;libellé;objet;détail",
    );
  });
});

describe("npm run cli -- workspace", () => {
  it("says in French what is wrong with an id, a workspace or a role", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "cap-libre-ws-"));
    try {
      const run = async (...args: string[]) => {
        const lines: string[] = [];
        const code = await runCli(args, {
          term: { line: (t) => lines.push(t), progress: () => {} },
          out: (t) => lines.push(t),
          env: { DATA_DIR: dataDir },
        });
        return { code, text: lines.join("") };
      };
      expect(await run("workspace", "create", "Mairie Lorient", "Mairie")).toEqual({
        code: 2,
        text: "Identifiant d'espace invalide : « Mairie Lorient ». Utilisez des lettres minuscules sans accent, des chiffres et des tirets (64 caractères au plus), par exemple « mairie-de-lorient ».",
      });
      expect((await run("workspace", "role", "inconnu", "a@b.fr", "lecteur")).text).toBe(
        "Aucun espace de travail « inconnu ». La liste : npm run cli -- workspace list",
      );
      expect((await run("workspace", "role", "defaut", "a@b.fr", "chef")).text).toContain("Rôle inconnu : « chef »");
      expect((await run("workspace", "create", "defaut", "Encore")).text).toBe(
        "L'espace de travail « defaut » existe déjà.",
      );
      expect((await run("workspace")).code).toBe(2);
      expect((await run("workspace", "role", "defaut", "a@b.fr", "Rédacteur")).code).toBe(0);
      expect((await run("workspace", "members", "defaut")).text).toBe("a@b.fr — rédacteur\n");
      expect((await run("workspace", "role", "defaut", "a@b.fr", "aucun")).code).toBe(0);
      expect((await run("workspace", "members", "defaut")).text).toContain("Aucun membre enregistré");
      // Keys by workspace: `api-key` is the default workspace's, `workspace api-key <espace>` another's.
      expect((await run("workspace", "create", "mairie-a", "Mairie A")).code).toBe(0);
      expect((await run("workspace", "api-key", "mairie-a", "create", "outil")).code).toBe(0);
      expect((await run("api-key", "create", "outil")).code).toBe(0);
      expect((await run("workspace", "api-key", "mairie-a", "list")).text.match(/outil/g)?.length).toBe(1);
      expect((await run("api-key", "revoke", "outil")).code).toBe(0);
      expect((await run("workspace", "api-key", "mairie-a", "list")).text).toContain("outil");
      expect((await run("api-key", "list")).text).not.toContain("outil");
      const audit = await run("audit", "defaut");
      expect(audit.text).toMatch(/\[defaut\] cli.* — création d'une clé d'API : outil/);
      expect(audit.text).toMatch(/\[defaut\] cli.* — révocation d'une clé d'API : outil/);
      expect(audit.text).toMatch(/\[defaut\] cli.* — changement de rôle : a@b\.fr \(aucun → redacteur\)/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
