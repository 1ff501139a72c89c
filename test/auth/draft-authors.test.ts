/**
 * Trial 16 (6 December 2026), C19: two DSIs work on one roadmap, and a draft's versions said only when and why
 * (`{ at, cause }`): nothing told who wrote version 3. Each version now carries who made it (`by`: the signed-in
 * person's name) — the draft written, a section edited, a section written again —, on both stores; versions saved
 * before stay readable as they are, and without sign-in nothing is added.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expiringStore, newToken, type Session } from "../../server/auth/sessions.ts";
import { teamStore } from "../../server/auth/workspaces.ts";
import { frenchDateTime } from "../../server/core/text.ts";
import { startSignInServer, startTestProvider, type TestProvider } from "../helpers/oidc-provider.ts";
import { createTestDatabase, postgresAvailable } from "../helpers/postgres.ts";
import { parseSse, postJson, startTestServer, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS } from "../inventory/fixtures.ts";

const letter = JSON.parse(readFileSync("test/fixtures/drafting/letter.json", "utf8"));
const BACKENDS = postgresAvailable ? (["sqlite", "postgresql"] as const) : (["sqlite"] as const);

describe.each(BACKENDS)("who made each version of a draft (%s)", (backend) => {
  let database: { url: string; drop(): Promise<void> } | null = null;
  let provider: TestProvider;
  let server: TestServer;
  const cookies = new Map<string, string>();
  const as = (who: string, path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), cookie: `caplibre_session=${cookies.get(who)}` },
    });

  beforeAll(async () => {
    database = backend === "postgresql" ? await createTestDatabase() : null;
    provider = await startTestProvider();
    server = await startSignInServer(provider, {
      ...(database ? { DATABASE_URL: database.url } : {}),
      CORPUS_DIR: INVENTORY_CORPUS,
    });
    const team = teamStore(server.engine.database);
    await team.createWorkspace("a", "Mairie A");
    const sessions = expiringStore(server.engine.records<Session>("sessions"));
    for (const [email, name] of [
      ["alice.martin@a.fr", "Alice Martin"],
      ["bruno.petit@a.fr", ""],
    ] as const) {
      await team.setRole(email, "a", "dsi");
      const token = newToken();
      await sessions.put(token, {
        subject: email.split("@")[0]!,
        issuer: provider.issuer,
        name,
        email,
        created: new Date().toISOString(),
        expires: new Date(Date.now() + 3600_000).toISOString(),
      });
      cookies.set(email, token);
    }
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await provider?.close();
    await database?.drop();
  });

  it("names the person of each version: written by one, edited by the other, written again by the first", async () => {
    const created = await as("alice.martin@a.fr", "/api/drafts", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "letter", inputs: letter }),
    });
    expect(created.status).toBe(200);
    const id = parseSse(await created.text()).at(-1)!.data.id as string;
    let draft = await (await as("alice.martin@a.fr", `/api/drafts/${id}`)).json();
    const key = draft.versions[0].sections[0].key as string;
    const edited = await as("bruno.petit@a.fr", `/api/drafts/${id}/sections/${key}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "Madame, Monsieur,", version: 1 }),
    });
    expect(edited.status, await edited.clone().text()).toBe(200);
    const again = await as("alice.martin@a.fr", `/api/drafts/${id}/sections/${key}/regenerate`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ version: 2 }),
    });
    expect(again.status, await again.clone().text()).toBe(200);
    draft = await (await as("bruno.petit@a.fr", `/api/drafts/${id}`)).json();
    // Bruno's identity gave no name: his e-mail.
    expect(draft.versions.map((v: { cause: string; by?: string }) => [v.cause, v.by])).toEqual([
      ["generate", "Alice Martin"],
      [`edit:${key}`, "bruno.petit@a.fr"],
      [`regenerate:${key}`, "Alice Martin"],
    ]);
    // trial17 D15: a change on version 2 after Alice saved version 3 is refused naming her, not « un autre onglet ».
    const stale = await as("bruno.petit@a.fr", `/api/drafts/${id}/sections/${key}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "Madame,", version: 2 }),
    });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.message).toContain(
      "la version 3 a été enregistrée entre-temps par Alice Martin.",
    );
  });

  it("names who adopted the plan and who added an inventory in the plan's log (trial17 D15)", async () => {
    const csv = (zoom: number) =>
      `"Nom";"Éditeur";"Nombre d'installations"\n"Google Chrome";"Google LLC";"40"\n"Zoom Workplace";"Zoom Video Communications, Inc.";"${zoom}"\n`;
    const upload = async (who: string, date: string, zoom: number) => {
      const form = new FormData();
      form.append("file", new Blob([csv(zoom)]), "glpi.csv");
      form.append("collectivite", "Mairie A");
      form.append("inventoryDate", date);
      const res = await as(who, "/api/inventory/analyze", { method: "POST", body: form });
      expect(res.status, await res.clone().text()).toBe(201);
      return (await res.json()).id as string;
    };
    const json = (body: object) => ({
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const adopted = await as(
      "alice.martin@a.fr",
      "/api/plans",
      json({
        collectivite: { name: "Mairie A" },
        analysisId: await upload("alice.martin@a.fr", "2026-06-01", 10),
        measure: "raw",
        target: { value: 20, date: "2029-12-31" },
        milestones: [],
        products: [{ name: "Zoom Workplace", productId: "zoom-workplace", by: "BigBlueButton" }],
      }),
    );
    expect(adopted.status, await adopted.clone().text()).toBe(201);
    const planId = (await adopted.json()).plan.id as string;
    const added = await as(
      "bruno.petit@a.fr",
      `/api/plans/${planId}/checkpoints`,
      json({ analysisId: await upload("bruno.petit@a.fr", "2026-10-01", 8) }),
    );
    expect(added.status, await added.clone().text()).toBe(201);
    const { plan } = await (await as("alice.martin@a.fr", `/api/plans/${planId}`)).json();
    expect(plan.log.map((l: { action: string; by?: string }) => [l.action, l.by])).toEqual([
      ["adopted", "Alice Martin"],
      ["checkpoint", "bruno.petit@a.fr"],
    ]);
    // trial18 F14: Alice's change on version 1, made after Bruno's, is refused naming him and when he made his.
    const stale = await as(
      "alice.martin@a.fr",
      `/api/plans/${planId}/events`,
      json({ date: "2026-10-02", text: "Comité de pilotage", version: 1 }),
    );
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.message).toContain(
      `Le plan a été modifié entre-temps par bruno.petit@a.fr, le ${frenchDateTime(plan.log[1].at)} (version 2) : rechargez-le`,
    );
  });
});

describe("without sign-in", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ CORPUS_DIR: INVENTORY_CORPUS });
  });
  afterAll(() => server?.stop());

  it("adds no author: one person on this machine", async () => {
    const created = await postJson(`${server.url}/api/drafts`, { type: "letter", inputs: letter });
    const id = parseSse(await created.text()).at(-1)!.data.id as string;
    const draft = await (await fetch(`${server.url}/api/drafts/${id}`)).json();
    expect(draft.versions[0]).not.toHaveProperty("by");
    expect(draft.versions[0].cause).toBe("generate");
  });
});
