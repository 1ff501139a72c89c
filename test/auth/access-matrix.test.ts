/**
 * Every route of the application × every kind of caller, against the real HTTP server with sign-in on (sessions
 * made in the real session store; the sign-in flow itself is tested in signin.test.ts against a real provider).
 *
 * The routes are read from the Hono app: a route added without a line in MATRIX below fails the first test, and
 * one without a rule in server/auth/roles.ts is refused to everyone (and fails here too).
 *
 * Callers: anonymous; a signed-in person of no workspace; lecteur, rédacteur, DSI and administrateur of
 * workspace « a »; the administrateur of workspace « b » (who must not reach « a »'s saved work: 404 on its ids,
 * 403 when asking for « a » by name).
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Requirement, ROUTE_REQUIREMENTS, type Role, rank } from "../../server/auth/roles.ts";
import { expiringStore, newToken, type Session } from "../../server/auth/sessions.ts";
import { teamStore } from "../../server/auth/workspaces.ts";
import { createApp } from "../../server/http/app.ts";
import { readAudit } from "../../server/store/audit.ts";
import { startSignInServer, startTestProvider, type TestProvider } from "../helpers/oidc-provider.ts";
import { createTestDatabase, postgresAvailable } from "../helpers/postgres.ts";
import { parseSse, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS } from "../inventory/fixtures.ts";

type Caller = "anonyme" | "sans-espace" | Role | "autre-espace";
const CALLERS: Caller[] = ["anonyme", "sans-espace", "lecteur", "redacteur", "dsi", "administrateur", "autre-espace"];

let provider: TestProvider;
let server: TestServer;
const tokens = new Map<Caller, string>();
let apiKey = "";
let serial = 0;
let checkpoints = 0;

interface Request {
  path: string;
  method?: string;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

/** Saved work of workspace « a », made once (read-only routes) or per call (routes that change or delete). */
const fx = {
  analysis: "",
  analysis2: "",
  draft: "",
  section: "",
  plan: "",
  slug: "",
  conversation: "",
};

/** One exchange as the page keeps it after `POST /api/chat`. */
const EXCHANGE = {
  question: "Qu'est-ce que le CLOUD Act ?",
  answer: "Une loi américaine [1].",
  sources: [{ document: { title: "CLOUD Act", kind: "guidance", date: "2026-04" }, section: "" }],
  done: { mode: "extractive", verification: null, abstention: null, factsAsOf: "2026-04", grounded: true },
};

const letter = JSON.parse(readFileSync("test/fixtures/drafting/letter.json", "utf8"));
const csv = (extra: string) =>
  `"Nom";"Éditeur";"Nombre d'installations";\n"Google Chrome";"Google LLC";"20";\n"LibreOffice";"The Document Foundation";"20";\n"${extra}";"Éditeur ${extra}";"3";\n`;

async function call(caller: Caller, r: Request): Promise<Response> {
  const headers: Record<string, string> = { ...r.headers };
  const token = tokens.get(caller);
  if (token && !headers.cookie) headers.cookie = `caplibre_session=${token}`;
  if (r.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${server.url}${r.path}`, {
    method: r.method ?? "GET",
    headers,
    body: r.raw ?? (r.body === undefined ? undefined : JSON.stringify(r.body)),
    redirect: "manual",
  });
  return res;
}

async function asAdmin(r: Request): Promise<any> {
  const res = await call("administrateur", r);
  const text = await res.text();
  expect(res.status, `${r.method} ${r.path}: ${text.slice(0, 300)}`).toBeLessThan(300);
  return res.headers.get("content-type")?.includes("event-stream") ? parseSse(text) : text ? JSON.parse(text) : null;
}

const fresh = {
  async analysis() {
    return (
      await asAdmin({
        method: "POST",
        path: `/api/inventory/analyze?name=glpi-${++serial}.csv`,
        raw: csv(`Logiciel ${serial}`),
      })
    ).id as string;
  },
  async plan() {
    const analysisId = await fresh.analysis();
    const res = await asAdmin({
      method: "POST",
      path: "/api/plans",
      body: {
        collectivite: { name: `Commune n° ${++serial}` },
        analysisId,
        date: "2025-01-15",
        target: { value: 5, date: "2030-12-31" },
      },
    });
    return res.plan as { id: string; slug: string };
  },
  async published() {
    const plan = await fresh.plan();
    await asAdmin({ method: "POST", path: `/api/plans/${plan.id}/publish`, body: {} });
    return plan;
  },
  async draft() {
    const events = await asAdmin({ method: "POST", path: "/api/drafts", body: { type: "letter", inputs: letter } });
    return events.at(-1).data.id as string;
  },
  /** A sentence of `fx.draft` no passage carries (a local fact), new each time: one to attest. */
  async localFact(attested = false) {
    const sentence = `Objectif de la mairie n° ${++serial} validé en bureau municipal.`;
    const path = `/api/drafts/${fx.draft}/sections/${fx.section}`;
    await asAdmin({ method: "PATCH", path, body: { text: sentence } });
    if (attested) await asAdmin({ method: "POST", path: `${path}/attestations`, body: { sentence } });
    return sentence;
  },
  /** A conversation of « a »'s administrator (no one else's: 404 for the others). */
  async conversation() {
    return (await asAdmin({ method: "POST", path: "/api/conversations", body: { exchanges: [EXCHANGE] } }))
      .id as string;
  },
  async key() {
    const name = `cle-${++serial}`;
    await asAdmin({ method: "POST", path: "/api/workspace/api-keys", body: { name } });
    return name;
  },
};

interface Row {
  /** Who may: the least role (the specification; server/auth/roles.ts must say the same). */
  need: Requirement;
  /** The request (called once per caller; `async` ones may make fresh saved work first). */
  request: () => Request | Promise<Request>;
  /** Status when allowed. */
  ok: number;
  /** For callers this row treats differently (a route with ids of « a »: 404 for « b »'s administrator). */
  overrides?: Partial<Record<Caller, number>>;
}

/** 404 for workspace « b »: the id does not exist there. */
const OTHER_404 = { "autre-espace": 404 } as const;
/** 404 for everyone but its owner (« a »'s administrator): a conversation is its owner's alone. */
const NOT_MINE_404 = { lecteur: 404, redacteur: 404, dsi: 404, "autre-espace": 404 } as const;

const MATRIX: Record<string, Row> = {
  // Open.
  "GET /api/health": { need: "public", request: () => ({ path: "/api/health" }), ok: 200 },
  "GET /auth/login": { need: "public", request: () => ({ path: "/auth/login" }), ok: 302 },
  "GET /auth/callback": { need: "public", request: () => ({ path: "/auth/callback?code=x&state=y" }), ok: 400 },
  // (with a session of its own, so the callers stay signed in for the next rows)
  "POST /auth/logout": {
    need: "public",
    request: () => ({ method: "POST", path: "/auth/logout", headers: { cookie: `caplibre_session=${newToken()}` } }),
    ok: 303,
  },
  "GET /auth/signed-out": { need: "public", request: () => ({ path: "/auth/signed-out" }), ok: 200 },
  "GET /public/public.css": { need: "public", request: () => ({ path: "/public/public.css" }), ok: 200 },
  "GET /public/:slug": { need: "public", request: () => ({ path: `/public/${fx.slug}` }), ok: 200 },
  "GET /public/:slug/donnees.csv": {
    need: "public",
    request: () => ({ path: `/public/${fx.slug}/donnees.csv` }),
    ok: 200,
  },
  "GET /public/:slug/donnees.json": {
    need: "public",
    request: () => ({ path: `/public/${fx.slug}/donnees.json` }),
    ok: 200,
  },
  "GET /public/:slug/page.zip": { need: "public", request: () => ({ path: `/public/${fx.slug}/page.zip` }), ok: 200 },
  // The OpenAI-compatible API checks its own keys (a key of workspace « a » here).
  "ALL /v1/*": {
    need: "public",
    request: () => ({ path: "/v1/inconnu", headers: { authorization: `Bearer ${apiKey}` } }),
    ok: 404,
  },
  "GET /v1/models": {
    need: "public",
    request: () => ({ path: "/v1/models", headers: { authorization: `Bearer ${apiKey}` } }),
    ok: 200,
  },
  "GET /v1/models/:id": {
    need: "public",
    request: () => ({ path: "/v1/models/cap-libre", headers: { authorization: `Bearer ${apiKey}` } }),
    ok: 200,
  },
  "POST /v1/chat/completions": {
    need: "public",
    request: () => ({
      method: "POST",
      path: "/v1/chat/completions",
      headers: { authorization: `Bearer ${apiKey}` },
      body: { model: "cap-libre", messages: [{ role: "user", content: "Qu'est-ce que le CLOUD Act ?" }] },
    }),
    ok: 200,
  },
  // Any signed-in person.
  "ALL /*": { need: "person", request: () => ({ path: "/" }), ok: 200, overrides: { anonyme: 302 } },
  "GET /favicon.ico": {
    need: "person",
    request: () => ({ path: "/favicon.ico" }),
    ok: 301,
    overrides: { anonyme: 302 },
  },
  "GET /vendor/chart.umd.min.js": {
    need: "person",
    request: () => ({ path: "/vendor/chart.umd.min.js" }),
    ok: 200,
    overrides: { anonyme: 302 },
  },
  "ALL /api/*": { need: "person", request: () => ({ path: "/api/inconnue" }), ok: 404 },
  "GET /api/reference": { need: "person", request: () => ({ path: "/api/reference" }), ok: 200 },
  "GET /api/me": { need: "person", request: () => ({ path: "/api/me" }), ok: 200 },
  "GET /api/workspaces": { need: "person", request: () => ({ path: "/api/workspaces" }), ok: 200 },
  "POST /api/workspaces/current": {
    need: "person",
    request: () => ({ method: "POST", path: "/api/workspaces/current", body: { workspace: "a" } }),
    ok: 200,
    overrides: { "sans-espace": 403, "autre-espace": 403 },
  },
  // Lecteur.
  "GET /api/search": { need: "lecteur", request: () => ({ path: "/api/search?q=logiciel+libre" }), ok: 200 },
  "POST /api/chat": {
    need: "lecteur",
    request: () => ({
      method: "POST",
      path: "/api/chat",
      body: { messages: [{ role: "user", content: "Qu'est-ce que le CLOUD Act ?" }] },
    }),
    ok: 200,
  },
  // Each person's own conversations.
  "GET /api/conversations": { need: "lecteur", request: () => ({ path: "/api/conversations" }), ok: 200 },
  "POST /api/conversations": {
    need: "lecteur",
    request: () => ({ method: "POST", path: "/api/conversations", body: { exchanges: [EXCHANGE] } }),
    ok: 201,
  },
  "POST /api/conversations/export": {
    need: "lecteur",
    request: () => ({
      method: "POST",
      path: "/api/conversations/export?format=md",
      body: { title: "Le CLOUD Act", exchanges: [EXCHANGE] },
    }),
    ok: 200,
  },
  "GET /api/conversations/:id": {
    need: "lecteur",
    request: () => ({ path: `/api/conversations/${fx.conversation}` }),
    ok: 200,
    overrides: NOT_MINE_404,
  },
  "PATCH /api/conversations/:id": {
    need: "lecteur",
    request: () => ({ method: "PATCH", path: `/api/conversations/${fx.conversation}`, body: { title: "Renommée" } }),
    ok: 200,
    overrides: NOT_MINE_404,
  },
  "DELETE /api/conversations/:id": {
    need: "lecteur",
    request: async () => ({ method: "DELETE", path: `/api/conversations/${await fresh.conversation()}` }),
    ok: 200,
    overrides: NOT_MINE_404,
  },
  "POST /api/conversations/:id/exchanges": {
    need: "lecteur",
    request: () => ({
      method: "POST",
      path: `/api/conversations/${fx.conversation}/exchanges`,
      body: { exchange: EXCHANGE },
    }),
    ok: 200,
    overrides: NOT_MINE_404,
  },
  "GET /api/conversations/:id/export": {
    need: "lecteur",
    request: () => ({ path: `/api/conversations/${fx.conversation}/export?format=pdf` }),
    ok: 200,
    overrides: NOT_MINE_404,
  },
  "GET /api/drafts": { need: "lecteur", request: () => ({ path: "/api/drafts" }), ok: 200 },
  "GET /api/drafts/:id": {
    need: "lecteur",
    request: () => ({ path: `/api/drafts/${fx.draft}` }),
    ok: 200,
    overrides: OTHER_404,
  },
  "GET /api/drafts/:id/export": {
    need: "lecteur",
    request: () => ({ path: `/api/drafts/${fx.draft}/export?format=md` }),
    ok: 200,
    overrides: OTHER_404,
  },
  "GET /api/inventory/analyses": { need: "lecteur", request: () => ({ path: "/api/inventory/analyses" }), ok: 200 },
  "GET /api/inventory/analyses/:id": {
    need: "lecteur",
    request: () => ({ path: `/api/inventory/analyses/${fx.analysis}` }),
    ok: 200,
    overrides: OTHER_404,
  },
  "GET /api/inventory/analyses/:id/items": {
    need: "lecteur",
    request: () => ({ path: `/api/inventory/analyses/${fx.analysis}/items?limit=5` }),
    ok: 200,
    overrides: OTHER_404,
  },
  "GET /api/inventory/analyses/:id/unknown": {
    need: "lecteur",
    request: () => ({ path: `/api/inventory/analyses/${fx.analysis}/unknown` }),
    ok: 200,
    overrides: OTHER_404,
  },
  "GET /api/inventory/analyses/:id/export": {
    need: "lecteur",
    request: () => ({ path: `/api/inventory/analyses/${fx.analysis}/export?format=csv` }),
    ok: 200,
    overrides: OTHER_404,
  },
  "GET /api/inventory/compare": {
    need: "lecteur",
    request: () => ({ path: `/api/inventory/compare?from=${fx.analysis}&to=${fx.analysis2}` }),
    ok: 200,
    overrides: OTHER_404,
  },
  "GET /api/inventory/classifications": {
    need: "lecteur",
    request: () => ({ path: "/api/inventory/classifications" }),
    ok: 200,
  },
  "GET /api/inventory/glpi": { need: "lecteur", request: () => ({ path: "/api/inventory/glpi" }), ok: 200 },
  "GET /api/plans": { need: "lecteur", request: () => ({ path: "/api/plans" }), ok: 200 },
  "GET /api/plans/:id": {
    need: "lecteur",
    request: () => ({ path: `/api/plans/${fx.plan}` }),
    ok: 200,
    overrides: OTHER_404,
  },
  "GET /api/plans/:id/chart.svg": {
    need: "lecteur",
    request: () => ({ path: `/api/plans/${fx.plan}/chart.svg` }),
    ok: 200,
    overrides: OTHER_404,
  },
  "GET /api/plans/:id/note": {
    need: "lecteur",
    request: () => ({ path: `/api/plans/${fx.plan}/note?format=md` }),
    ok: 200,
    overrides: OTHER_404,
  },
  // A letter is not a roadmap: an allowed caller gets the French 400 that says so.
  "GET /api/plans/from-draft/:draftId": {
    need: "lecteur",
    request: () => ({ path: `/api/plans/from-draft/${fx.draft}` }),
    ok: 400,
    overrides: OTHER_404,
  },
  "POST /api/plans/:id/note": {
    need: "redacteur",
    request: () => ({ method: "POST", path: `/api/plans/${fx.plan}/note` }),
    ok: 201,
    overrides: OTHER_404,
  },
  // Rédacteur.
  "POST /api/drafts": {
    need: "redacteur",
    request: () => ({ method: "POST", path: "/api/drafts", body: { type: "letter", inputs: letter } }),
    ok: 200,
  },
  "PATCH /api/drafts/:id/sections/:key": {
    need: "redacteur",
    request: () => ({
      method: "PATCH",
      path: `/api/drafts/${fx.draft}/sections/${fx.section}`,
      body: { text: "Texte revu." },
    }),
    ok: 200,
    overrides: OTHER_404,
  },
  "POST /api/drafts/:id/save": {
    need: "redacteur",
    request: () => ({ method: "POST", path: `/api/drafts/${fx.draft}/save` }),
    ok: 200,
    overrides: OTHER_404,
  },
  "POST /api/drafts/:id/sections/:key/regenerate": {
    need: "redacteur",
    request: () => ({
      method: "POST",
      path: `/api/drafts/${fx.draft}/sections/${fx.section}/regenerate`,
      headers: { accept: "application/json" },
    }),
    ok: 200,
    overrides: OTHER_404,
  },
  "POST /api/drafts/:id/sections/:key/attestations": {
    need: "redacteur",
    request: async () => ({
      method: "POST",
      path: `/api/drafts/${fx.draft}/sections/${fx.section}/attestations`,
      body: { sentence: await fresh.localFact() },
    }),
    ok: 200,
    overrides: OTHER_404,
  },
  "DELETE /api/drafts/:id/sections/:key/attestations": {
    need: "redacteur",
    request: async () => ({
      method: "DELETE",
      path: `/api/drafts/${fx.draft}/sections/${fx.section}/attestations`,
      body: { sentence: await fresh.localFact(true) },
    }),
    ok: 200,
    overrides: OTHER_404,
  },
  // DSI.
  "POST /api/inventory/analyze": {
    need: "dsi",
    request: () => ({
      method: "POST",
      path: `/api/inventory/analyze?name=envoi-${++serial}.csv`,
      raw: csv(`Envoi ${serial}`),
    }),
    ok: 201,
  },
  "PATCH /api/inventory/analyses/:id": {
    need: "dsi",
    request: () => ({ method: "PATCH", path: `/api/inventory/analyses/${fx.analysis}`, body: { name: "Parc 2026" } }),
    ok: 200,
    overrides: OTHER_404,
  },
  "DELETE /api/inventory/analyses/:id": {
    need: "dsi",
    request: async () => ({ method: "DELETE", path: `/api/inventory/analyses/${await fresh.analysis()}` }),
    ok: 204,
    overrides: OTHER_404,
  },
  "POST /api/inventory/analyses/:id/recompute": {
    need: "dsi",
    request: async () => ({ method: "POST", path: `/api/inventory/analyses/${await fresh.analysis()}/recompute` }),
    ok: 201,
    overrides: OTHER_404,
  },
  "PUT /api/inventory/classifications": {
    need: "dsi",
    request: () => ({
      method: "PUT",
      path: "/api/inventory/classifications",
      body: {
        name: "Civil Net RH",
        vendorName: "Ciril GROUP",
        vendorCountry: "fr",
        category: "business",
        openSource: false,
      },
    }),
    ok: 200,
  },
  // No GLPI is configured: an allowed caller gets the French 400 that says so.
  "POST /api/inventory/glpi/import": {
    need: "dsi",
    request: () => ({ method: "POST", path: "/api/inventory/glpi/import" }),
    ok: 400,
  },
  "POST /api/plans": {
    need: "dsi",
    request: async () => ({
      method: "POST",
      path: "/api/plans",
      body: {
        collectivite: { name: `Commune n° ${++serial}` },
        analysisId: await fresh.analysis(),
        target: { value: 5, date: "2030-12-31" },
      },
    }),
    ok: 201,
    // « b » has no such analysis.
    overrides: OTHER_404,
  },
  "POST /api/plans/from-draft": {
    need: "dsi",
    request: () => ({ method: "POST", path: "/api/plans/from-draft", body: { draftId: fx.draft } }),
    ok: 400,
    overrides: OTHER_404,
  },
  "DELETE /api/plans/:id": {
    need: "dsi",
    request: async () => ({ method: "DELETE", path: `/api/plans/${(await fresh.plan()).id}` }),
    ok: 204,
    overrides: OTHER_404,
  },
  "POST /api/plans/:id/checkpoints": {
    need: "dsi",
    request: () => ({
      method: "POST",
      path: `/api/plans/${fx.plan}/checkpoints`,
      body: { analysisId: fx.analysis2, date: `2025-06-${String(1 + ++checkpoints).padStart(2, "0")}` },
    }),
    ok: 201,
    overrides: OTHER_404,
  },
  "DELETE /api/plans/:id/checkpoints/:date": {
    need: "dsi",
    request: async () => {
      const plan = await fresh.plan();
      await asAdmin({
        method: "POST",
        path: `/api/plans/${plan.id}/checkpoints`,
        body: { analysisId: await fresh.analysis(), date: "2025-06-01" },
      });
      return { method: "DELETE", path: `/api/plans/${plan.id}/checkpoints/2025-06-01` };
    },
    ok: 200,
    overrides: OTHER_404,
  },
  "POST /api/plans/:id/events": {
    need: "dsi",
    request: () => ({
      method: "POST",
      path: `/api/plans/${fx.plan}/events`,
      body: { date: "2026-06-01", text: "Délibération du conseil." },
    }),
    ok: 201,
    overrides: OTHER_404,
  },
  "POST /api/plans/:id/publish": {
    need: "dsi",
    request: async () => ({ method: "POST", path: `/api/plans/${(await fresh.plan()).id}/publish`, body: {} }),
    ok: 200,
    overrides: OTHER_404,
  },
  "POST /api/plans/:id/unpublish": {
    need: "dsi",
    request: async () => ({ method: "POST", path: `/api/plans/${(await fresh.published()).id}/unpublish` }),
    ok: 200,
    overrides: OTHER_404,
  },
  // Administrateur (of their own workspace: « b »'s administrator acts on « b »).
  "GET /api/workspace/members": {
    need: "administrateur",
    request: () => ({ path: "/api/workspace/members" }),
    ok: 200,
  },
  "PUT /api/workspace/members": {
    need: "administrateur",
    request: () => ({
      method: "PUT",
      path: "/api/workspace/members",
      body: { who: `invite-${++serial}@mairie.fr`, role: "lecteur" },
    }),
    ok: 200,
  },
  "DELETE /api/workspace/members": {
    need: "administrateur",
    request: () => ({ method: "DELETE", path: `/api/workspace/members?who=absent-${++serial}@mairie.fr` }),
    ok: 200,
  },
  "GET /api/workspace/audit": {
    need: "administrateur",
    request: () => ({ path: "/api/workspace/audit?format=csv" }),
    ok: 200,
  },
  "GET /api/workspace/api-keys": {
    need: "administrateur",
    request: () => ({ path: "/api/workspace/api-keys" }),
    ok: 200,
  },
  "POST /api/workspace/api-keys": {
    need: "administrateur",
    request: () => ({ method: "POST", path: "/api/workspace/api-keys", body: { name: `outil-${++serial}` } }),
    ok: 201,
  },
  "DELETE /api/workspace/api-keys/:name": {
    need: "administrateur",
    request: async () => ({ method: "DELETE", path: `/api/workspace/api-keys/${await fresh.key()}` }),
    ok: 204,
    overrides: OTHER_404,
  },
};

/** What `caller` must get on a route needing `need`, whose allowed status is `ok`. */
function expected(caller: Caller, row: Row): number {
  const need = row.need;
  if (row.overrides?.[caller] !== undefined) return row.overrides[caller]!;
  if (need === "public") return row.ok;
  if (caller === "anonyme") return 401;
  if (need === "person") return row.ok;
  if (caller === "sans-espace") return 403;
  const role: Role = caller === "autre-espace" ? "administrateur" : caller;
  return rank(role) >= rank(need) ? row.ok : 403;
}

async function setUp(databaseUrl: string | null) {
  tokens.clear();
  checkpoints = 0;
  provider = await startTestProvider();
  server = await startSignInServer(provider, {
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    CORPUS_DIR: INVENTORY_CORPUS,
    MODEL_CALLS_PER_HOUR: "0",
    UPLOADS_PER_HOUR: "0",
  });
  const team = teamStore(server.engine.database);
  await team.createWorkspace("a", "Mairie A");
  await team.createWorkspace("b", "Mairie B");
  const sessions = expiringStore(server.engine.records<Session>("sessions"));
  const people: [Caller, string, string | null, Role | null][] = [
    ["sans-espace", "personne@ailleurs.fr", null, null],
    ["lecteur", "lecteur@a.fr", "a", "lecteur"],
    ["redacteur", "redacteur@a.fr", "a", "redacteur"],
    ["dsi", "dsi@a.fr", "a", "dsi"],
    ["administrateur", "admin@a.fr", "a", "administrateur"],
    ["autre-espace", "admin@b.fr", "b", "administrateur"],
  ];
  for (const [caller, email, workspace, role] of people) {
    if (workspace && role) await team.setRole(email, workspace, role);
    const token = newToken();
    await sessions.put(token, {
      subject: email.split("@")[0]!,
      issuer: provider.issuer,
      name: email,
      email,
      created: new Date().toISOString(),
      expires: new Date(Date.now() + 3600_000).toISOString(),
    });
    tokens.set(caller, token);
  }
  fx.analysis = await fresh.analysis();
  fx.analysis2 = await fresh.analysis();
  fx.draft = await fresh.draft();
  fx.section = (await asAdmin({ path: `/api/drafts/${fx.draft}` })).versions.at(-1).sections[0].key;
  const plan = await fresh.published();
  fx.plan = plan.id;
  fx.slug = plan.slug;
  fx.conversation = await fresh.conversation();
  apiKey = (await asAdmin({ method: "POST", path: "/api/workspace/api-keys", body: { name: "open-webui" } })).key;
}

const BACKENDS = postgresAvailable ? (["sqlite", "postgresql"] as const) : (["sqlite"] as const);

describe.each(BACKENDS)("route × role matrix (%s)", (backend) => {
  let database: { url: string; drop(): Promise<void> } | null = null;
  beforeAll(async () => {
    database = backend === "postgresql" ? await createTestDatabase() : null;
    await setUp(database?.url ?? null);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await provider?.close();
    await database?.drop();
  });

  it("has a row here and a rule in server/auth/roles.ts for every route of the application", () => {
    const app = createApp(server.engine);
    const routes = [...new Set(app.routes.filter((r) => r.path !== "*").map((r) => `${r.method} ${r.path}`))].sort();
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.filter((r) => !(r in MATRIX))).toEqual([]);
    expect(routes.filter((r) => !(r in ROUTE_REQUIREMENTS))).toEqual([]);
    expect(Object.keys(MATRIX).filter((r) => !routes.includes(r))).toEqual([]);
    // The rule the middleware applies is the one written here.
    expect(
      Object.entries(MATRIX)
        .filter(([key, row]) => ROUTE_REQUIREMENTS[key] !== row.need)
        .map(([key]) => key),
    ).toEqual([]);
  });

  it("gives each caller exactly the expected status on every route", async () => {
    const mismatches: string[] = [];
    let calls = 0;
    for (const [key, row] of Object.entries(MATRIX)) {
      for (const caller of CALLERS) {
        const res = await call(caller, await row.request());
        const body = await res.text();
        calls++;
        const want = expected(caller, row);
        if (res.status !== want)
          mismatches.push(`${key} — ${caller}: ${res.status} au lieu de ${want} ${body.slice(0, 160)}`);
        if (res.status === 403 && want === 403 && res.headers.get("content-type")?.includes("json")) {
          // Refusals say why, in French.
          expect(JSON.parse(body).error.message).toMatch(/rôle|membre|espace/);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(calls).toBe(Object.keys(MATRIX).length * CALLERS.length);
  }, 240_000);

  it("refuses « b »'s administrator who asks for workspace « a » by name, on every route that needs a role", async () => {
    const failures: string[] = [];
    for (const [key, row] of Object.entries(MATRIX)) {
      if (row.need === "public" || row.need === "person") continue;
      const r = await row.request();
      const res = await call("autre-espace", { ...r, headers: { ...r.headers, "x-workspace": "a" } });
      await res.arrayBuffer();
      if (res.status !== 403) failures.push(`${key}: ${res.status}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it("attests a local fact in the signed-in person's name, whatever name the request gives", async () => {
    const sentence = await fresh.localFact();
    const res = await call("redacteur", {
      method: "POST",
      path: `/api/drafts/${fx.draft}/sections/${fx.section}/attestations`,
      body: { sentence, name: "Quelqu'un d'autre" },
    });
    expect(res.status).toBe(200);
    const draft = await res.json();
    const section = draft.versions.at(-1).sections.find((s: { key: string }) => s.key === fx.section);
    const attested = section.verification.sentences.find((s: { text: string }) => s.text === sentence);
    expect(attested.attestation.by).toBe("redacteur@a.fr");
    // The version it makes says who, like an edit's.
    expect(draft.versions.at(-1).by).toBe("redacteur@a.fr");
  });

  it("lists only the caller's workspace: « b » sees none of « a »'s analyses, drafts, plans, classifications, keys or log", async () => {
    const get = async (caller: Caller, path: string) => (await call(caller, { path })).json();
    const a = {
      analyses: (await get("lecteur", "/api/inventory/analyses")).analyses,
      drafts: (await get("lecteur", "/api/drafts")).drafts,
      plans: (await get("lecteur", "/api/plans")).plans,
      classifications: (await get("lecteur", "/api/inventory/classifications")).classifications,
      keys: (await get("administrateur", "/api/workspace/api-keys")).keys,
      audit: (await get("administrateur", "/api/workspace/audit")).entries,
    };
    const b = {
      analyses: (await get("autre-espace", "/api/inventory/analyses")).analyses,
      drafts: (await get("autre-espace", "/api/drafts")).drafts,
      plans: (await get("autre-espace", "/api/plans")).plans,
      classifications: (await get("autre-espace", "/api/inventory/classifications")).classifications,
      keys: (await get("autre-espace", "/api/workspace/api-keys")).keys,
      audit: (await get("autre-espace", "/api/workspace/audit")).entries,
    };
    for (const list of Object.values(a)) expect(list.length).toBeGreaterThan(0);
    // « b » made a few things of its own in the matrix (an upload, a draft, a key…), never one of « a »'s.
    const ids = (xs: { id?: string; name?: string; seq?: number }[]) => new Set(xs.map((x) => x.id ?? x.name ?? x.seq));
    for (const kind of ["analyses", "drafts", "plans", "keys"] as const) {
      const mine = ids(b[kind]);
      expect(
        [...ids(a[kind])].filter((id) => mine.has(id)),
        kind,
      ).toEqual([]);
    }
    expect(b.classifications.length).toBe(1);
    expect(b.audit.every((e: { workspace: string }) => e.workspace === "b")).toBe(true);
    expect(a.audit.every((e: { workspace: string }) => e.workspace === "a")).toBe(true);
  });

  it("records who did what in « a »'s audit log, without any document content", async () => {
    const entries = await readAudit(server.engine.database, { workspace: "a" });
    const actions = new Set(entries.map((e) => e.action));
    for (const a of [
      "inventory.import",
      "inventory.delete",
      "inventory.export",
      "draft.create",
      "draft.edit",
      "draft.export",
      "plan.adopt",
      "plan.publish",
      "plan.withdraw",
      "apikey.create",
      "apikey.revoke",
      "member.role",
      "classification.save",
    ]) {
      expect(actions, a).toContain(a);
    }
    const publish = entries.find((e) => e.action === "plan.publish" && e.actor === "dsi@a.fr");
    expect(publish?.target).toMatch(/^\d{4}-\d{2}-\d{2}-/);
    // A refused change leaves a « denied » line naming the action attempted and the roles (trial12 B6), never a line
    // of the action itself; « b »'s administrator never appears in « a »'s log.
    const reader = entries.filter((e) => e.actor === "lecteur@a.fr");
    expect(
      reader
        .filter((e) => e.action !== "denied")
        .map((e) => e.action)
        .sort(),
    ).toEqual(["draft.export", "inventory.export"]);
    const denied = reader.filter((e) => e.action === "denied");
    expect(denied.map((e) => e.target)).toContain("inventory.import");
    expect(denied.map((e) => e.target)).toContain("plan.adopt");
    for (const e of denied) expect(e.detail).toMatch(/^rôle lecteur, il faut (rédacteur|DSI|administrateur)$/);
    expect(entries.some((e) => e.actor === "admin@b.fr")).toBe(false);
    const text = JSON.stringify(entries);
    expect(text).not.toContain("Texte revu.");
    expect(text).not.toContain("Google Chrome");
    expect(text).not.toContain("Camille Martin");
  });
});
