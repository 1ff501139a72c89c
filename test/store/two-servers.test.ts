/**
 * Two Cap Libre servers on one database — a region's load balancer in front of two processes on one PostgreSQL, or
 * two processes on one SQLite file — each with its own connection and its own in-process locks. The real server
 * (HTTP) reads a plan, a classification or a draft; the other one saves an edit of the same record right then,
 * through its own engine (the same service code, another connection); then the real server saves. The edit made
 * on the version both read must be refused with the usual French 409, never written over the other one with a 200:
 * the database decides (compare-and-set on the record's revision), not the process.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { teamStore } from "../../server/auth/workspaces.ts";
import { localDay } from "../../server/core/text.ts";
import { editSection } from "../../server/drafting/drafts.ts";
import type { Engine } from "../../server/engine.ts";
import { classificationId, saveClassification } from "../../server/inventory/classifications.ts";
import { renameAnalysis } from "../../server/inventory/service.ts";
import { SQLITE_FILE } from "../../server/store/open-records.ts";
import type { RecordStore } from "../../server/store/records.ts";
import { openPostgresRecords, openSqliteRecords, type RecordDatabase } from "../../server/store/sql-records.ts";
import { scopedRecords } from "../../server/store/workspace-scope.ts";
import { generateNote } from "../../server/tracking/notes.ts";
import { addEvent, adoptPlan as adoptOn } from "../../server/tracking/service.ts";
import { createTestDatabase, postgresAvailable } from "../helpers/postgres.ts";
import { postJson, readSse, startTestServer, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS, readInventory } from "../inventory/fixtures.ts";

const today = localDay();
/** How many times a rename reads the analysis before the read it saves on (the first checks it exists). */
const READS_BEFORE_RENAME = 2;
const letter = JSON.parse(readFileSync("test/fixtures/drafting/letter.json", "utf8"));

interface Setup {
  server: TestServer;
  /** The other server's own connection to the same database. */
  other: RecordDatabase;
  stop(): Promise<void>;
}

function twoServers(name: string, open: () => Promise<Setup>) {
  describe(name, () => {
    let setup: Setup;
    let otherDir: string;
    /** The other server: its own records (its own connection) and its own locks, the same code. */
    let otherEngine: Engine;
    let pending: { collection: string; id: string; at: number; seen: number; run: () => Promise<unknown> } | null =
      null;
    let otherResult: Promise<unknown> | null = null;

    /** When the real server reads `collection/id` for the `at`-th time, the other server saves its edit first. */
    const meanwhile = (collection: string, id: string, at: number, run: () => Promise<unknown>) => {
      pending = { collection, id, at, seen: 0, run };
      otherResult = null;
    };

    beforeAll(async () => {
      setup = await open();
      otherDir = await mkdtemp(path.join(tmpdir(), "cap-libre-other-"));
      const engine = setup.server.engine;
      const records = engine.records;
      engine.records = <T>(collection: string): RecordStore<T> => {
        const store = records<T>(collection);
        const after = async (id: string) => {
          const p = pending;
          if (!p || p.collection !== collection || p.id !== id || ++p.seen < p.at) return;
          pending = null;
          otherResult = p.run();
          await otherResult;
        };
        return {
          ...store,
          get: async (id) => {
            const value = await store.get(id);
            await after(id);
            return value;
          },
          read: async (id) => {
            const value = await store.read(id);
            await after(id);
            return value;
          },
        };
      };
      const other = setup.other;
      otherEngine = {
        ...engine,
        config: { ...engine.config, dataDir: otherDir },
        database: other,
        records: <T>(collection: string) => scopedRecords((n) => other.store<T>(n), collection),
      };
    });
    afterAll(async () => {
      await setup?.stop();
      await rm(otherDir, { recursive: true, force: true });
    });

    async function adoptPlan(town: string) {
      const analyzed = await fetch(`${setup.server.url}/api/inventory/analyze?name=glpi.csv`, {
        method: "POST",
        body: readInventory("glpi10-mairie.csv").bytes as Uint8Array<ArrayBuffer>,
      });
      expect([200, 201]).toContain(analyzed.status); // the same inventory again: the saved analysis
      const res = await postJson(`${setup.server.url}/api/plans`, {
        collectivite: { name: town },
        analysisId: (await analyzed.json()).id,
        target: { value: 20, date: "2030-12-31" },
      });
      expect(res.status).toBe(201);
      return (await res.json()).plan.id as string;
    }

    const savedPlan = async (id: string) => (await (await fetch(`${setup.server.url}/api/plans/${id}`)).json()).plan;

    it("a plan event made on the version both read: one 201, one French 409, the saved plan holds the winner's", async () => {
      const id = await adoptPlan("Commune de Kervallon");
      meanwhile("plans", id, 1, () =>
        addEvent(otherEngine, id, { date: today, text: "Vote du budget (serveur B)", version: 1 }),
      );
      const res = await postJson(`${setup.server.url}/api/plans/${id}/events`, {
        date: today,
        text: "Bascule de la messagerie (serveur A)",
        version: 1,
      });
      expect(pending).toBeNull(); // the other server did save in between
      expect(await otherResult).toMatchObject({ version: 2 });
      const body = await res.json();
      expect(res.status, JSON.stringify(body)).toBe(409);
      expect(body.error.code).toBe("plan_conflict");
      expect(body.error.message).toMatch(/version 2/);
      const plan = await savedPlan(id);
      expect(plan.version).toBe(2);
      expect(plan.events.map((e: { text: string }) => e.text)).toEqual(["Vote du budget (serveur B)"]);
    });

    it("a plan adopted for one collectivité on both servers at once: one 201, the French 409 that it exists", async () => {
      const analyzed = await fetch(`${setup.server.url}/api/inventory/analyze?name=glpi.csv`, {
        method: "POST",
        body: readInventory("glpi10-mairie.csv").bytes as Uint8Array<ArrayBuffer>,
      });
      const analysisId = (await analyzed.json()).id as string;
      const input = (name: string) => ({
        collectivite: { name },
        analysisId,
        target: { value: 20, date: "2030-12-31" },
      });
      // Both found no plan for it; the other server adopts its own right when this one claims the collectivité.
      meanwhile("plan-slugs", "commune-de-locmaria", 1, () => adoptOn(otherEngine, input("Commune de Locmaria")));
      const res = await postJson(`${setup.server.url}/api/plans`, input("Commune de Locmaria"));
      expect(pending).toBeNull();
      const theirs = (await otherResult) as { id: string };
      const body = await res.json();
      expect(res.status, JSON.stringify(body)).toBe(409);
      expect(body.error.code).toBe("plan_exists");
      expect(body.error.message).toContain(theirs.id);
      const listed = (await (await fetch(`${setup.server.url}/api/plans`)).json()).plans as { slug: string }[];
      expect(listed.filter((p) => p.slug === "commune-de-locmaria")).toHaveLength(1);

      // Deleted, its collectivité may adopt a plan again.
      expect((await fetch(`${setup.server.url}/api/plans/${theirs.id}`, { method: "DELETE" })).status).toBeLessThan(
        300,
      );
      expect((await postJson(`${setup.server.url}/api/plans`, input("Commune de Locmaria"))).status).toBe(201);
    });

    it("a progress note written while the other server changes the plan and writes its own: the newer kept", async () => {
      const id = await adoptPlan("Commune de Trégunc");
      // This server reads the plan (version 1) to write its note; meanwhile the other adds an event (version 2) and
      // keeps its note of version 2, which the older one must not replace.
      meanwhile("plans", id, 1, async () => {
        await addEvent(otherEngine, id, { date: today, text: "Vote du budget (serveur B)" });
        return generateNote(otherEngine, id, new AbortController().signal);
      });
      const res = await postJson(`${setup.server.url}/api/plans/${id}/note`, {});
      expect(pending).toBeNull();
      expect(res.status).toBe(201);
      expect((await res.json()).note.planVersion).toBe(1);
      const kept = await (await fetch(`${setup.server.url}/api/plans/${id}/note?format=json`)).json();
      expect(kept.note?.planVersion).toBe(2);
    });

    it("a workspace created with one id on both servers at once: one created, the French 409, its name kept", async () => {
      const db = setup.server.engine.database;
      let first = true;
      // This server finds no such workspace; the other creates it right then.
      const racing: RecordDatabase = {
        ...db,
        store: <T>(collection: string) => {
          const store = db.store<T>(collection);
          if (collection !== "workspaces") return store;
          return {
            ...store,
            get: async (wid: string) => {
              const value = await store.get(wid);
              if (first && wid === "mairie-de-rosporden") {
                first = false;
                await teamStore(setup.other).createWorkspace(wid, "Mairie de Rosporden (serveur B)");
              }
              return value;
            },
          };
        },
      };
      const refused = teamStore(racing).createWorkspace("mairie-de-rosporden", "Mairie de Rosporden (serveur A)");
      await expect(refused).rejects.toMatchObject({ status: 409, code: "conflict" });
      expect(first).toBe(false);
      expect((await teamStore(db).getWorkspace("mairie-de-rosporden"))?.name).toBe("Mairie de Rosporden (serveur B)");
    });

    it("a plan event sent without a version: applied on top of the other server's, both kept", async () => {
      const id = await adoptPlan("Commune de Plouzané");
      meanwhile("plans", id, 1, () => addEvent(otherEngine, id, { date: today, text: "Événement B" }));
      const res = await postJson(`${setup.server.url}/api/plans/${id}/events`, {
        date: today,
        text: "Événement A",
      });
      expect(pending).toBeNull();
      expect(res.status).toBe(201);
      const plan = await savedPlan(id);
      expect(plan.version).toBe(3);
      expect(plan.events.map((e: { text: string }) => e.text).sort()).toEqual(["Événement A", "Événement B"]);
    });

    it("an analysis renamed on one server while the other sets its collectivité: both changes kept", async () => {
      const analyzed = await fetch(`${setup.server.url}/api/inventory/analyze?name=parc.csv`, {
        method: "POST",
        body: readInventory("glpi10-mairie.csv").bytes as Uint8Array<ArrayBuffer>,
      });
      expect([200, 201]).toContain(analyzed.status);
      const id = (await analyzed.json()).id as string;
      // The rename's last read of the record is the one it saves on: the other server saves right after it.
      meanwhile("analyses", id, READS_BEFORE_RENAME, () =>
        renameAnalysis(otherEngine, id, { collectivite: "Commune de Plouzané" }),
      );
      const res = await fetch(`${setup.server.url}/api/inventory/analyses/${id}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "Parc de la mairie, décembre" }),
      });
      expect(pending).toBeNull(); // the other server did save in between
      await otherResult;
      expect(res.status).toBe(200);
      const saved = (await (await fetch(`${setup.server.url}/api/inventory/analyses`)).json()).analyses.find(
        (a: { id: string }) => a.id === id,
      );
      expect(saved).toMatchObject({ name: "Parc de la mairie, décembre", collectivite: "Commune de Plouzané" });
    });

    it("a hand classification of a name both saw unclassified: one 200, one French 409 naming the other", async () => {
      const name = "Civil Net RH";
      meanwhile("classifications", classificationId(name), 1, () =>
        saveClassification(otherEngine, { name, category: "business", vendorCountry: "FR", previous: null }),
      );
      const res = await fetch(`${setup.server.url}/api/inventory/classifications`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name, category: "network", vendorCountry: "US", previous: null }),
      });
      expect(pending).toBeNull();
      const body = await res.json();
      expect(res.status, JSON.stringify(body)).toBe(409);
      expect(body.error.code).toBe("classification_conflict");
      expect(body.error.message).toContain("France");
      const list = (await (await fetch(`${setup.server.url}/api/inventory/classifications`)).json()).classifications;
      expect(list.filter((c: { name: string }) => c.name === name)).toMatchObject([
        { category: "business", vendorCountry: "FR" },
      ]);
    });

    it("a local fact attested on the version the other server edits meanwhile: the French 409, its edit kept", async () => {
      const events = await readSse(
        await postJson(`${setup.server.url}/api/drafts`, { type: "letter", inputs: letter }),
      );
      const id = events.at(-1)!.data.id as string;
      const fact = "Objectif (Alice) : 40 % en juin 2029, validé en bureau communautaire.";
      await editSection(otherEngine, id, "local", { text: fact, version: 1 });
      // The attestation's second read is the one it saves on: the other server edits the section right then.
      meanwhile("drafts", id, 2, () =>
        editSection(otherEngine, id, "local", { text: `${fact} Texte ajouté par le serveur B.`, version: 2 }),
      );
      const res = await postJson(`${setup.server.url}/api/drafts/${id}/sections/local/attestations`, {
        sentence: fact,
        version: 2,
      });
      expect(pending).toBeNull();
      expect(res.status).toBe(409);
      expect((await res.json()).error.code).toBe("version_conflict");
      const saved = await (await fetch(`${setup.server.url}/api/drafts/${id}`)).json();
      expect(saved.versions).toHaveLength(3);
      expect(saved.versions[2].sections.find((s: { key: string }) => s.key === "local").text).toContain("serveur B");
    });

    it("a draft section edited on the version both read: one 200, one French 409, the other's text kept", async () => {
      const events = await readSse(
        await postJson(`${setup.server.url}/api/drafts`, { type: "letter", inputs: letter }),
      );
      const done = events.at(-1)!;
      expect(done.event, JSON.stringify(done.data)).toBe("done");
      const id = done.data.id as string;
      // The edit's second read of the draft is the one it saves on (the first checks the version before the slow
      // figure checks): the other server saves right after it.
      meanwhile("drafts", id, 2, () =>
        editSection(otherEngine, id, "local", { text: "Texte du serveur B pour la section locale.", version: 1 }),
      );
      const res = await fetch(`${setup.server.url}/api/drafts/${id}/sections/local`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: "Texte du serveur A pour la section locale.", version: 1 }),
      });
      expect(pending).toBeNull();
      const body = await res.json();
      expect(res.status, JSON.stringify(body)).toBe(409);
      expect(body.error.code).toBe("version_conflict");
      const saved = await (await fetch(`${setup.server.url}/api/drafts/${id}`)).json();
      expect(saved.versions).toHaveLength(2);
      expect(saved.versions[1].sections.find((s: { key: string }) => s.key === "local").text).toContain("serveur B");

      // Without a version, the edit goes on top of the other's, each its own version.
      meanwhile("drafts", id, 2, () => editSection(otherEngine, id, "local", { text: "Deuxième texte du serveur B." }));
      const again = await fetch(`${setup.server.url}/api/drafts/${id}/sections/local`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: "Deuxième texte du serveur A." }),
      });
      expect(pending).toBeNull();
      expect(again.status).toBe(200);
      const after = await (await fetch(`${setup.server.url}/api/drafts/${id}`)).json();
      const texts = after.versions.map(
        (v: { sections: { key: string; text: string }[] }) => v.sections.find((s) => s.key === "local")!.text,
      );
      expect(texts.slice(2)).toEqual(["Deuxième texte du serveur B.", "Deuxième texte du serveur A."]);

      // A regeneration asked on version 4 while the other server saves a hand edit right before it is written
      // (the third read: the route's check, the regeneration's, then the save's): refused, the hand edit kept.
      meanwhile("drafts", id, 3, () =>
        editSection(otherEngine, id, "local", { text: "Correction à la main du serveur B.", version: 4 }),
      );
      const regenerated = await fetch(`${setup.server.url}/api/drafts/${id}/sections/local/regenerate`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ version: 4 }),
      });
      expect(pending).toBeNull();
      expect(regenerated.status).toBe(409);
      expect((await regenerated.json()).error.code).toBe("version_conflict");
      const last = await (await fetch(`${setup.server.url}/api/drafts/${id}`)).json();
      expect(last.versions).toHaveLength(5);
      expect(last.versions[4].sections.find((s: { key: string }) => s.key === "local").text).toBe(
        "Correction à la main du serveur B.",
      );
    });
  });
}

twoServers("SQLite: two servers on one file", async () => {
  const server = await startTestServer({ CORPUS_DIR: INVENTORY_CORPUS });
  const other = await openSqliteRecords(path.join(server.dataDir, SQLITE_FILE));
  return {
    server,
    other,
    async stop() {
      await other.close();
      await server.stop();
    },
  };
});

describe.skipIf(!postgresAvailable)("PostgreSQL", () => {
  twoServers("two servers on one PostgreSQL (DATABASE_URL)", async () => {
    const database = await createTestDatabase();
    const server = await startTestServer({ CORPUS_DIR: INVENTORY_CORPUS, DATABASE_URL: database.url });
    const other = await openPostgresRecords(database.url);
    return {
      server,
      other,
      async stop() {
        await other.close();
        await server.stop();
        await database.drop();
      },
    };
  });
});
