/**
 * The audit log table on both databases: appended to and read in order, per workspace; a line cannot be changed
 * (a trigger refuses UPDATE); long fields are cut; the CSV export is safe to open in a spreadsheet.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAudit, auditCsv, readAudit } from "../../server/store/audit.ts";
import {
  backendOf,
  openPostgresRecords,
  openSqliteRecords,
  type RecordDatabase,
} from "../../server/store/sql-records.ts";
import { createTestDatabase, postgresAvailable } from "../helpers/postgres.ts";

const BACKENDS = postgresAvailable ? (["sqlite", "postgresql"] as const) : (["sqlite"] as const);

describe.each(BACKENDS)("audit log (%s)", (kind) => {
  let db: RecordDatabase;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    if (kind === "postgresql") {
      const pg = await createTestDatabase();
      db = await openPostgresRecords(pg.url);
      cleanup = () => pg.drop();
    } else {
      const dir = await mkdtemp(path.join(tmpdir(), "cap-libre-audit-"));
      db = await openSqliteRecords(path.join(dir, "cap-libre.sqlite"));
      cleanup = () => rm(dir, { recursive: true, force: true });
    }
  });
  afterAll(async () => {
    await db?.close();
    await cleanup?.();
  });

  it("appends, reads in order by workspace and page, and never changes a line", async () => {
    await appendAudit(
      db,
      { workspace: "a", actor: "dsi@a.fr", action: "inventory.import", target: "2026-12-04-aaaa0001" },
      new Date("2026-12-04T10:00:00Z"),
    );
    await appendAudit(db, {
      workspace: "b",
      actor: "admin@b.fr",
      action: "member.role",
      target: "x@b.fr",
      detail: "aucun → lecteur",
    });
    await appendAudit(db, { workspace: "a", actor: "dsi@a.fr", action: "inventory.delete", target: "x".repeat(1000) });
    const a = await readAudit(db, { workspace: "a" });
    expect(a.map((e) => e.action)).toEqual(["inventory.import", "inventory.delete"]);
    expect(a[0]).toMatchObject({
      at: "2026-12-04T10:00:00.000Z",
      actor: "dsi@a.fr",
      target: "2026-12-04-aaaa0001",
      detail: null,
    });
    expect(a[1]!.target!.length).toBe(300);
    expect((await readAudit(db, { workspace: "a", after: a[0]!.seq })).map((e) => e.action)).toEqual([
      "inventory.delete",
    ]);
    expect((await readAudit(db)).length).toBe(3);
    expect((await readAudit(db, { limit: 1 })).length).toBe(1);
    await expect(
      backendOf(db).run("UPDATE audit_log SET actor = ? WHERE workspace = ?", ["quelqu'un d'autre", "a"]),
    ).rejects.toThrow(/append-only/);
    expect((await readAudit(db, { workspace: "a" }))[0]!.actor).toBe("dsi@a.fr");
  });
});

describe("audit log as CSV", () => {
  it("quotes separators and neutralises what a spreadsheet would run as a formula", () => {
    const csv = auditCsv(
      [
        {
          seq: 1,
          at: "2026-12-04T10:00:00.000Z",
          workspace: "a",
          actor: '=HYPERLINK("http://x")',
          action: "apikey.create",
          target: "cle;1",
          detail: null,
        },
      ],
      ["date (UTC)", "heure locale", "espace", "personne", "action", "libellé", "objet", "détail"],
      () => "création d'une clé d'API",
    );
    // The instant in UTC as stored, then in the collectivité's time zone with its offset (Paris by default).
    expect(csv).toBe(
      `\uFEFFdate (UTC);heure locale;espace;personne;action;libellé;objet;détail\r\n2026-12-04T10:00:00.000Z;2026-12-04 11:00:00 UTC+01:00;a;"'=HYPERLINK(""http://x"")";apikey.create;création d'une clé d'API;"cle;1";\r\n`,
    );
  });
});
