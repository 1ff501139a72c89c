import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expiringStore, newToken, type Session } from "../../server/auth/sessions.ts";
import { teamStore } from "../../server/auth/workspaces.ts";
import { hasPdftotext, pdfText } from "../helpers/export-text.ts";
import { type FakeOllama, startFakeOllama } from "../helpers/fake-ollama.ts";
import { CLIENT_ID, CLIENT_SECRET, startTestProvider, type TestProvider } from "../helpers/oidc-provider.ts";
import { createTestDatabase, postgresAvailable } from "../helpers/postgres.ts";
import { parseSse, startTestServer, type TestServer } from "../helpers/server.ts";

const REPLY =
  "La Gendarmerie économise 12 millions d'euros par an [1]. Elle a économisé 95 millions d'euros en 2031 [1].";

const BACKENDS = postgresAvailable ? (["sqlite", "postgresql"] as const) : (["sqlite"] as const);

describe.each(BACKENDS)("conversations kept on the server (%s)", (backend) => {
  let provider: TestProvider;
  let server: TestServer;
  let ollama: FakeOllama;
  let database: { url: string; drop(): Promise<void> } | null = null;
  const cookies: Record<"alice" | "bob", string> = { alice: "", bob: "" };

  /** A call as `who`, in `workspace` when named (X-Workspace). */
  async function as(
    who: "alice" | "bob",
    route: string,
    init: RequestInit & { json?: unknown; workspace?: string } = {},
  ) {
    const headers: Record<string, string> = { cookie: `caplibre_session=${cookies[who]}` };
    if (init.json !== undefined) headers["content-type"] = "application/json";
    if (init.workspace) headers["x-workspace"] = init.workspace;
    return fetch(`${server.url}${route}`, {
      ...init,
      headers,
      body: init.json === undefined ? init.body : JSON.stringify(init.json),
    });
  }

  /** Asks a question as the page does and returns the exchange the page keeps. */
  async function exchangeOf(question: string) {
    const res = await as("alice", "/api/chat", {
      method: "POST",
      json: { messages: [{ role: "user", content: question }] },
    });
    expect(res.status).toBe(200);
    const events = parseSse(await res.text());
    const sources = events.filter((e) => e.event === "sources").at(-1)!.data.sources;
    const answer = events
      .filter((e) => e.event === "token")
      .map((e) => e.data.text)
      .join("");
    const { ...done } = events.find((e) => e.event === "done")!.data;
    return { at: new Date().toISOString(), question, answer, sources, done };
  }

  beforeAll(async () => {
    database = backend === "postgresql" ? await createTestDatabase() : null;
    [provider, ollama] = await Promise.all([startTestProvider(), startFakeOllama({ reply: REPLY })]);
    server = await startTestServer({
      ...(database ? { DATABASE_URL: database.url } : {}),
      OLLAMA_BASE_URL: ollama.url,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      MODEL_CALLS_PER_HOUR: "0",
    });
    const team = teamStore(server.engine.database);
    await team.createWorkspace("a", "Mairie A");
    await team.createWorkspace("b", "Mairie B");
    await team.setRole("alice@a.fr", "a", "lecteur");
    await team.setRole("alice@a.fr", "b", "lecteur");
    await team.setRole("bob@a.fr", "a", "administrateur");
    const sessions = expiringStore(server.engine.records<Session>("sessions"));
    for (const who of ["alice", "bob"] as const) {
      cookies[who] = newToken();
      await sessions.put(cookies[who], {
        subject: who,
        issuer: provider.issuer,
        name: who,
        email: `${who}@a.fr`,
        created: new Date().toISOString(),
        expires: new Date(Date.now() + 3600_000).toISOString(),
      });
    }
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await provider?.close();
    await ollama?.close();
    await database?.drop();
  });

  it("keeps an answer with its sources and verification, lists, renames, continues, exports and deletes it", async () => {
    const first = await exchangeOf("Combien la Gendarmerie a-t-elle économisé avec Linux ?");
    expect(first.sources.length).toBeGreaterThan(0);
    expect(first.done.verification.counts.unsupported).toBe(1);

    const created = await as("alice", "/api/conversations", {
      method: "POST",
      json: { exchanges: [first] },
      workspace: "a",
    });
    expect(created.status).toBe(201);
    const summary = await created.json();
    expect(created.headers.get("location")).toBe(`/api/conversations/${summary.id}`);
    expect(summary).toMatchObject({ title: "Combien la Gendarmerie a-t-elle économisé avec Linux ?", count: 1 });

    // Read back as it was given: the answer, its sources, its verification.
    const read = await (await as("alice", `/api/conversations/${summary.id}`, { workspace: "a" })).json();
    expect(read.exchanges).toEqual([first]);

    const renamed = await as("alice", `/api/conversations/${summary.id}`, {
      method: "PATCH",
      json: { title: "  Économies de la Gendarmerie  " },
      workspace: "a",
    });
    expect((await renamed.json()).title).toBe("Économies de la Gendarmerie");

    const second = await exchangeOf("Et depuis quand ?");
    const appended = await as("alice", `/api/conversations/${summary.id}/exchanges`, {
      method: "POST",
      json: { exchange: second },
      workspace: "a",
    });
    expect((await appended.json()).count).toBe(2);
    const other = await (
      await as("alice", "/api/conversations", {
        method: "POST",
        json: { title: "Vide", exchanges: [] },
        workspace: "a",
      })
    ).json();
    // Most recent first.
    const list = (await (await as("alice", "/api/conversations", { workspace: "a" })).json()).conversations;
    expect(list.map((c: { id: string; count: number }) => [c.id, c.count])).toEqual([
      [other.id, 0],
      [summary.id, 2],
    ]);

    // Markdown: the questions, the answer with its note, the flagged sentence, every source with its address.
    const md = await as("alice", `/api/conversations/${summary.id}/export?format=md`, { workspace: "a" });
    expect(md.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(md.headers.get("content-disposition")).toBe(
      'attachment; filename="conversation-cap-libre-economies-de-la-gendarmerie.md"',
    );
    const text = await md.text();
    expect(text).toContain("# Économies de la Gendarmerie");
    expect(text).toContain("## Combien la Gendarmerie a-t-elle économisé avec Linux ?");
    expect(text).toContain("## Et depuis quand ?");
    expect(text).toMatch(/12 millions d'euros par an\[\^1\]/);
    expect(text).toContain("95 millions d'euros en 2031[^1] **[non vérifié]**.");
    const title = first.sources[0].document.title as string;
    expect(text).toContain(title);
    expect(text).toMatch(/^- .+ — https?:\/\/\S+ \(cité : note 1\)$/m);
    expect(text).toContain("> **1 phrase marquée « non vérifié » : aucune source ne la soutient");
    expect(text).toMatch(/^\*2 questions — le \d{1,2}(er)? \S+ \d{4}\*$/m);

    // PDF, through the same export layer.
    const pdf = await as("alice", `/api/conversations/${summary.id}/export?format=pdf`, { workspace: "a" });
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const bytes = await pdf.arrayBuffer();
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    if (hasPdftotext) {
      const printed = await pdfText(bytes);
      expect(printed).toContain("Économies de la Gendarmerie");
      expect(printed).toContain("[non vérifié]");
      expect(printed).toContain(title.split(" ").slice(0, 3).join(" "));
    }

    // Deleted: gone from the list, 404 after.
    expect((await as("alice", `/api/conversations/${other.id}`, { method: "DELETE", workspace: "a" })).status).toBe(
      200,
    );
    expect((await as("alice", `/api/conversations/${other.id}`, { workspace: "a" })).status).toBe(404);
    expect((await as("alice", `/api/conversations/${other.id}`, { method: "DELETE", workspace: "a" })).status).toBe(
      404,
    );
  });

  it("never shows a person's conversation to another person, nor in another workspace", async () => {
    const mine = await (
      await as("alice", "/api/conversations", {
        method: "POST",
        json: { title: "À moi", exchanges: [await exchangeOf("Qu'est-ce que le CLOUD Act ?")] },
        workspace: "a",
      })
    ).json();
    // Bob, administrator of the same workspace: not in his list, 404 on every route with its id.
    expect((await (await as("bob", "/api/conversations", { workspace: "a" })).json()).conversations).toEqual([]);
    const id = mine.id as string;
    const tries: [string, RequestInit & { json?: unknown }][] = [
      [`/api/conversations/${id}`, {}],
      [`/api/conversations/${id}/export?format=md`, {}],
      [`/api/conversations/${id}`, { method: "PATCH", json: { title: "Volée" } }],
      [
        `/api/conversations/${id}/exchanges`,
        { method: "POST", json: { exchange: { question: "x", answer: "", sources: [], done: null } } },
      ],
      [`/api/conversations/${id}`, { method: "DELETE" }],
    ];
    for (const [route, init] of tries) {
      const res = await as("bob", route, { ...init, workspace: "a" });
      expect(res.status, route).toBe(404);
      expect((await res.json()).error.message).toContain("introuvable");
    }
    // Alice in her other workspace: none there either.
    expect((await (await as("alice", "/api/conversations", { workspace: "b" })).json()).conversations).toEqual([]);
    expect((await as("alice", `/api/conversations/${id}`, { workspace: "b" })).status).toBe(404);
    // Untouched by all that.
    const still = await (await as("alice", `/api/conversations/${id}`, { workspace: "a" })).json();
    expect(still).toMatchObject({ title: "À moi", count: 1 });
  });

  it("refuses bad input in French and exports a conversation kept in the browser", async () => {
    const bad = await as("alice", "/api/conversations", {
      method: "POST",
      json: { exchanges: [{ question: "   ", answer: 3, sources: "non", done: null }] },
      workspace: "a",
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/^Conversation invalide : /);
    const format = await as("alice", "/api/conversations/export?format=docx", {
      method: "POST",
      json: { title: "x", exchanges: [] },
      workspace: "a",
    });
    expect(format.status).toBe(400);
    expect((await format.json()).error.message).toContain("« docx »");
    const blank = await as("alice", "/api/conversations/c-00000000-0000-0000-0000-000000000000", {
      method: "PATCH",
      json: { title: "  " },
      workspace: "a",
    });
    expect(blank.status).toBe(400);

    const exchange = await exchangeOf("Combien la Gendarmerie a-t-elle économisé avec Linux ?");
    const posted = await as("alice", "/api/conversations/export?format=md", {
      method: "POST",
      json: { title: "Gardée dans le navigateur", exchanges: [exchange] },
      workspace: "a",
    });
    expect(posted.status).toBe(200);
    const text = await posted.text();
    expect(text).toContain("# Gardée dans le navigateur");
    expect(text).toContain("**[non vérifié]**");
    // Nothing stored by an export.
    const list = (await (await as("alice", "/api/conversations", { workspace: "a" })).json()).conversations;
    expect(list.map((c: { title: string }) => c.title)).not.toContain("Gardée dans le navigateur");
  });
});
