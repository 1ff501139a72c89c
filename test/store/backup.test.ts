/**
 * `npm run cli -- backup <file>` while the real server runs and writes, then `restore <file>` into an empty
 * data folder or database, and the server started on it finds the same work: analyses (with their tables),
 * drafts, classifications, workspaces, members, API keys and the audit log. SQLite and PostgreSQL, and from one
 * to the other, and conversations kept for people. Every table of the schema is in a backup. A backup from a newer schema, a cut file, or a restore beside a running server are refused in
 * French, changing nothing.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { teamStore } from "../../server/auth/workspaces.ts";
import { runCli } from "../../server/cli/main.ts";
import { readAudit } from "../../server/store/audit.ts";
import { BACKED_UP_TABLES } from "../../server/store/backup.ts";
import { backendOf, SCHEMA_VERSION } from "../../server/store/sql-records.ts";
import { createTestDatabase, postgresAvailable } from "../helpers/postgres.ts";
import { postJson, readSse, startTestServer, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS } from "../inventory/fixtures.ts";

const letter = JSON.parse(await readFile("test/fixtures/drafting/letter.json", "utf8"));
const csv = `"Nom";"Éditeur";"Nombre d'installations";\n"Google Chrome";"Google LLC";"20";\n"LibreOffice";"The Document Foundation";"12";\n`;

async function cli(args: string[], env: Record<string, string>): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const term = { line: (t: string) => lines.push(t), progress: () => {} };
  const code = await runCli(args, { term, out: (t) => lines.push(t), env });
  return { code, text: lines.join("\n") };
}

interface Target {
  env: Record<string, string>;
  drop(): Promise<void>;
}

async function target(kind: "sqlite" | "postgresql"): Promise<Target> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "cap-libre-backup-"));
  const db = kind === "postgresql" ? await createTestDatabase() : null;
  return {
    env: { DATA_DIR: dataDir, CORPUS_DIR: INVENTORY_CORPUS, ...(db ? { DATABASE_URL: db.url } : {}) },
    async drop() {
      await db?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const BACKENDS = postgresAvailable ? (["sqlite", "postgresql"] as const) : (["sqlite"] as const);
let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "cap-libre-backups-"));
});
afterAll(async () => rm(folder, { recursive: true, force: true }));

describe.each(BACKENDS)("backup and restore (%s)", (kind) => {
  let source: Target;
  let server: TestServer;
  let file: string;
  const saved = { analysis: "", draft: "", conversation: "" };
  const exchange = {
    at: "2026-12-01T10:00:00.000Z",
    question: "Qu'est-ce que le CLOUD Act ?",
    answer: "Une loi américaine [1].",
    sources: [{ document: { title: "CLOUD Act", kind: "guidance", date: "2026-04" }, section: "" }],
    done: { mode: "extractive", verification: null, abstention: null, factsAsOf: "2026-04", grounded: true },
  };

  beforeAll(async () => {
    source = await target(kind);
    server = await startTestServer({ ...source.env });
    const upload = await fetch(`${server.url}/api/inventory/analyze?name=parc.csv`, { method: "POST", body: csv });
    saved.analysis = (await upload.json()).id;
    saved.draft = (await readSse(await postJson(`${server.url}/api/drafts`, { type: "letter", inputs: letter }))).at(
      -1,
    )!.data.id;
    saved.conversation = (
      await (await postJson(`${server.url}/api/conversations`, { exchanges: [exchange] })).json()
    ).id;
    const team = teamStore(server.engine.database);
    await team.createWorkspace("mairie-b", "Mairie B");
    await team.setRole("dsi@mairie-b.fr", "mairie-b", "dsi");
    expect((await postJson(`${server.url}/api/workspace/api-keys`, { name: "open-webui" })).status).toBe(201);
    file = path.join(folder, `sauvegarde-${kind}.caplibre.gz`);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await source?.drop();
  });

  it("backs up while the server runs and writes, and restores into an empty place", async () => {
    // Someone keeps classifying software during the backup: every write succeeds.
    let writing = true;
    const statuses: number[] = [];
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        const res = await fetch(`${server.url}/api/inventory/classifications`, {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            name: `Logiciel métier ${i}`,
            vendorName: "Éditeur",
            vendorCountry: "fr",
            category: "business",
            openSource: false,
          }),
        });
        statuses.push(res.status);
        await res.arrayBuffer();
      }
    })();
    const backup = await cli(["backup", file], source.env);
    writing = false;
    await writer;
    expect(backup.code, backup.text).toBe(0);
    expect(backup.text).toMatch(
      /Sauvegarde écrite dans .* : \d+ enregistrements, 1 conversation, \d+ lignes du journal d'audit, schéma version \d+/,
    );
    expect(backup.text).toContain("reconstruit à partir de corpus/");
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200)).toBe(true);
    // A backup never overwrites another.
    const again = await cli(["backup", file], source.env);
    expect(again.code).toBe(2);
    expect(again.text).toContain("existe déjà");

    const into = await target(kind);
    try {
      const restored = await cli(["restore", file], into.env);
      expect(restored.code, restored.text).toBe(0);
      expect(restored.text).toContain("Les sessions ont été fermées");
      const copy = await startTestServer({ ...into.env });
      try {
        const list = await (await fetch(`${copy.url}/api/inventory/analyses`)).json();
        expect(list.analyses.map((a: { id: string }) => a.id)).toEqual([saved.analysis]);
        const items = await (await fetch(`${copy.url}/api/inventory/analyses/${saved.analysis}/items`)).json();
        expect(items.items.map((i: { name: string }) => i.name).sort()).toEqual(["Google Chrome", "LibreOffice"]);
        const conversation = await (await fetch(`${copy.url}/api/conversations/${saved.conversation}`)).json();
        expect(conversation).toMatchObject({ title: exchange.question, exchanges: [exchange] });
        const draft = await (await fetch(`${copy.url}/api/drafts/${saved.draft}`)).json();
        expect(draft.versions.at(-1).sections.length).toBeGreaterThan(2);
        const classified = (await (await fetch(`${copy.url}/api/inventory/classifications`)).json()).classifications;
        const original = (await (await fetch(`${server.url}/api/inventory/classifications`)).json()).classifications;
        // Consistent: the copy holds the classifications written before the snapshot, none half-written.
        expect(classified.length).toBeGreaterThan(0);
        expect(classified.length).toBeLessThanOrEqual(original.length);
        const team = teamStore(copy.engine.database);
        expect((await team.listWorkspaces()).map((w) => w.id)).toEqual(["defaut", "mairie-b"]);
        expect(await team.membersOf("mairie-b")).toEqual([{ principal: "dsi@mairie-b.fr", role: "dsi" }]);
        expect(
          (await (await fetch(`${copy.url}/api/workspace/api-keys`)).json()).keys.map((k: { name: string }) => k.name),
        ).toEqual(["open-webui"]);
        const log = await readAudit(copy.engine.database);
        const actions = log.map((e) => e.action);
        expect(actions.slice(0, 3)).toEqual(["inventory.import", "draft.create", "apikey.create"]);
        expect(actions.at(-1)).toBe("backup.restore");
        // Records and log read in one snapshot: each saved classification has its line (the last one's line may
        // have been appended just after the snapshot).
        const saves = actions.filter((a) => a === "classification.save").length;
        expect(classified.length - saves).toBeGreaterThanOrEqual(0);
        expect(classified.length - saves).toBeLessThanOrEqual(1);
        // The audit log goes on after the restored lines.
        await fetch(`${copy.url}/api/inventory/analyses/${saved.analysis}/export?format=csv`).then((r) =>
          r.arrayBuffer(),
        );
        const after = await readAudit(copy.engine.database);
        expect(after.at(-1)).toMatchObject({ action: "inventory.export", seq: log.at(-1)!.seq + 1 });

        // Beside a running server, a restore is refused: its caches would no longer match.
        // (PostgreSQL: from another machine, i.e. another data folder, on the same database.)
        const elsewhere =
          kind === "postgresql" ? await mkdtemp(path.join(tmpdir(), "cap-libre-ailleurs-")) : into.env.DATA_DIR!;
        const busy = await cli(["restore", file], { ...into.env, DATA_DIR: elsewhere });
        expect(busy.code).toBe(2);
        expect(busy.text).toMatch(
          kind === "sqlite"
            ? /utilise le dossier .* : arrêtez-le avant de restaurer/
            : /utilise cette base PostgreSQL : arrêtez-le/,
        );
      } finally {
        await copy.stop();
      }
    } finally {
      await into.drop();
    }
  }, 120_000);

  it("holds every table of the schema (a table added by a migration must be added to the backup)", async () => {
    const backend = backendOf(server.engine.database);
    const tables = (
      kind === "sqlite"
        ? await backend.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
        : await backend.all<{ name: string }>(
            "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()",
          )
    )
      .map((t) => t.name)
      .filter((n) => n !== "schema_migrations" && n !== "sqlite_sequence");
    expect(tables.sort()).toEqual([...BACKED_UP_TABLES].sort());
    // And each one has its lines in the file written above.
    const kinds = new Set(
      gunzipSync(await readFile(file))
        .toString("utf8")
        .trimEnd()
        .split("\n")
        .slice(1, -1)
        .map((l) => Object.keys(JSON.parse(l))[0]),
    );
    expect([...kinds].sort()).toEqual(["audit", "conversation", "record"]);
  });

  it("refuses a backup from a newer schema, or cut short, in French, and changes nothing", async () => {
    const lines = gunzipSync(await readFile(file))
      .toString("utf8")
      .trimEnd()
      .split("\n");
    const header = JSON.parse(lines[0]!);
    expect(header).toMatchObject({ format: "cap-libre-sauvegarde", schema: SCHEMA_VERSION, database: kind });
    const newer = path.join(folder, `plus-recente-${kind}.gz`);
    await writeFile(
      newer,
      gzipSync([JSON.stringify({ ...header, schema: SCHEMA_VERSION + 1 }), ...lines.slice(1)].join("\n")),
    );
    const cut = path.join(folder, `coupee-${kind}.gz`);
    await writeFile(cut, gzipSync(lines.slice(0, -2).join("\n")));
    const notGzip = path.join(folder, `texte-${kind}.gz`);
    await writeFile(notGzip, "bonjour");

    const into = await target(kind);
    try {
      const seeded = await startTestServer({ ...into.env });
      await fetch(`${seeded.url}/api/inventory/analyze?name=autre.csv`, {
        method: "POST",
        body: csv.replace("12", "13"),
      });
      await seeded.stop();
      const tooNew = await cli(["restore", newer], into.env);
      expect(tooNew.code).toBe(2);
      expect(tooNew.text).toBe(
        `Cette sauvegarde vient d'une version plus récente de Cap Libre (schéma ${SCHEMA_VERSION + 1}, cette version connaît le schéma ${SCHEMA_VERSION}) : mettez Cap Libre à jour avant de la restaurer. Rien n'a été modifié.`,
      );
      const truncated = await cli(["restore", cut], into.env);
      expect(truncated.code).toBe(2);
      expect(truncated.text).toContain("la fin du fichier manque");
      const garbage = await cli(["restore", notGzip], into.env);
      expect(garbage.code).toBe(2);
      expect(garbage.text).toContain("n'est pas une sauvegarde de Cap Libre lisible (fichier non compressé ou abîmé)");
      // Nothing changed: the one analysis of this place is still there.
      const after = await startTestServer({ ...into.env });
      try {
        const list = (await (await fetch(`${after.url}/api/inventory/analyses`)).json()).analyses;
        expect(list.length).toBe(1);
        expect(list[0].id).not.toBe(saved.analysis);
      } finally {
        await after.stop();
      }
    } finally {
      await into.drop();
    }
  }, 60_000);
});

describe.skipIf(!postgresAvailable)("from SQLite to PostgreSQL", () => {
  it("restores a SQLite backup into PostgreSQL (moving a single-machine install to a shared server)", async () => {
    const from = await target("sqlite");
    const to = await target("postgresql");
    try {
      const server = await startTestServer({ ...from.env });
      const { id } = await (
        await fetch(`${server.url}/api/inventory/analyze?name=parc.csv`, { method: "POST", body: csv })
      ).json();
      await server.stop();
      const file = path.join(folder, "vers-postgresql.gz");
      expect((await cli(["backup", file], from.env)).code).toBe(0);
      expect((await cli(["restore", file], to.env)).code).toBe(0);
      const shared = await startTestServer({ ...to.env });
      try {
        const items = await (await fetch(`${shared.url}/api/inventory/analyses/${id}/items`)).json();
        expect(items.items.length).toBe(2);
      } finally {
        await shared.stop();
      }
    } finally {
      await from.drop();
      await to.drop();
    }
  }, 60_000);
});
