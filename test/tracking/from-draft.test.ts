/**
 * Adopting a saved roadmap draft as the plan, through the real server (fixture catalog, no Ollama): the plan takes
 * the roadmap's target, measure, calendar (the months and values the document printed) and products, and keeps the
 * link to the draft and its version; a roadmap without a target date asks for one; other documents are refused.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { frenchDate, roundPercent } from "../../server/core/text.ts";
import { tableRows } from "../helpers/drafts.ts";
import { postJson, readSse, startTestServer, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS } from "../inventory/fixtures.ts";

const csv = (lines: [string, string, number][]) =>
  `\uFEFF"Nom";"Éditeur";"Nombre d'installations";\n${lines.map(([n, p, i]) => `"${n}";"${p}";"${i}";`).join("\n")}\n`;
const LINES: [string, string, number][] = [
  ["Microsoft Office Professionnel Plus 2016", "Microsoft Corporation", 60],
  ["Google Chrome", "Google LLC", 60],
  ["Kaspersky Endpoint Security 12", "AO Kaspersky Lab", 60],
  ["e.magnus Gestion financière", "Berger-Levrault", 12],
];
const collectivite = { name: "Commune de Plouzévet", kind: "commune" };

let server: TestServer;
let analysis: any;
const api = (p: string, init?: RequestInit) => fetch(`${server.url}/api${p}`, init);

async function roadmapDraft(inputs: Record<string, unknown>): Promise<string> {
  const events = await readSse(
    await postJson(`${server.url}/api/drafts`, {
      type: "roadmap",
      inputs: { collectivite, analysisId: analysis.id, ...inputs },
    }),
  );
  const done = events.at(-1)!;
  expect(done.event, JSON.stringify(done.data)).toBe("done");
  return done.data.id as string;
}

/** Rows of the calendar table the roadmap printed: [milestone, date, weighted, raw]. */
async function calendarRows(draftId: string): Promise<string[][]> {
  const draft = await (await api(`/drafts/${draftId}`)).json();
  const calendar = draft.versions.at(-1).sections.find((s: any) => s.key === "calendar");
  return tableRows(calendar.text);
}

beforeAll(async () => {
  server = await startTestServer({ CORPUS_DIR: INVENTORY_CORPUS });
  const res = await fetch(`${server.url}/api/inventory/analyze?name=plouzevet.csv`, {
    method: "POST",
    body: csv(LINES),
  });
  expect(res.status).toBe(201);
  analysis = await res.json();
});
afterAll(() => server?.stop());

describe("adopting a saved roadmap draft", () => {
  let roadmapId = "";

  it("proposes the roadmap's own target, calendar and products", async () => {
    roadmapId = await roadmapDraft({
      targetShare: 20,
      targetDate: "2029-12",
      context: "Kaspersky Endpoint Security doit être remplacé d'ici juin 2027.",
    });
    const res = await api(`/plans/from-draft/${roadmapId}`);
    expect(res.status).toBe(200);
    const { proposal } = await res.json();
    expect(proposal.source).toMatchObject({ kind: "roadmap-draft", draftId: roadmapId, version: 1 });
    expect(proposal.collectivite).toEqual(collectivite);
    expect(proposal.measure).toBe("weighted");
    expect(proposal.analysisId).toBe(analysis.id);
    expect(proposal.baseline).toBe(analysis.summary.score.value);
    expect(proposal.target).toEqual({ value: 20, date: "2029-12-31" });

    // Every milestone is a row of the document's calendar: same month, same value as printed; the last phase ends
    // on the target date, where the plan commits to the target itself.
    const rows = await calendarRows(roadmapId);
    expect(proposal.milestones.length).toBeGreaterThan(1);
    expect(proposal.milestones.at(-1)).toMatchObject({ date: "2029-12-31", value: 20 });
    expect(rows.some((r) => /^Fin des chantiers de fond/.test(r[0]!) && r[1] === frenchDate("2029-12"))).toBe(true);
    for (const m of proposal.milestones.slice(0, -1)) {
      const row = rows.find((r) => r[1] === frenchDate(m.date.slice(0, 7)) && /^Fin des/.test(r[0]!));
      expect(row, `${m.date} ${JSON.stringify(rows)}`).toBeDefined();
      if (row![2]!.endsWith("%"))
        expect(
          Number(
            row![2]!
              .replace(/\s*%$/, "")
              .replace(",", ".")
              .replace(/\u00a0/g, ""),
          ),
        ).toBeCloseTo(m.value, -0.5);
    }
    // Products to replace, each with the alternative the roadmap proposes; the local deadline wins.
    const names = proposal.products.map((p: any) => p.productId);
    expect(names).toEqual(expect.arrayContaining(["kaspersky-endpoint-security", "google-chrome"]));
    const kaspersky = proposal.products.find((p: any) => p.productId === "kaspersky-endpoint-security");
    expect(kaspersky.by).toBeTruthy();
    expect(kaspersky.dueDate).toBe("2027-06-30");
    expect(proposal.products.every((p: any) => p.by)).toBe(true);
  });

  it("takes no deadline from a dated claim about others in the context, as the document leaves it out", async () => {
    const id = await roadmapDraft({
      targetShare: 20,
      targetDate: "2029-12",
      context: "La Gendarmerie abandonne Kaspersky Endpoint Security en juin 2027.",
    });
    const res = await api(`/plans/from-draft/${id}`);
    expect(res.status).toBe(200);
    const { proposal } = await res.json();
    const kaspersky = proposal.products.find((p: any) => p.productId === "kaspersky-endpoint-security");
    expect(kaspersky).toBeDefined();
    expect(kaspersky.dueDate).not.toBe("2027-06-30");
    expect((await calendarRows(id)).some((r) => r[1] === frenchDate("2027-06"))).toBe(false);
  });

  it("meets a target the early phases reach on its date, and leaves the phases beyond it undated: one target everywhere", async () => {
    const id = await roadmapDraft({ targetShare: 75, targetDate: "2029-12-31" });
    const draft = await (await api(`/drafts/${id}`)).json();
    const text = draft.versions
      .at(-1)
      .sections.map((s: any) => s.text)
      .join("\n");
    expect(text).toMatch(/à 75\s% d'ici le 31 décembre 2029/);
    const rows = await calendarRows(id);
    // The phase that meets the target ends on its date; the commitment is a row of its own; what lies beyond the
    // target is not dated (it used to end on the target date too, at a value far below the target).
    const quick = rows.find((r) => r[0] === "Fin des gains rapides")!;
    expect(quick[1]).toBe("décembre 2029");
    expect(rows.find((r) => r[0] === "Objectif de la feuille de route")?.map((c) => c.replace(/\s/g, " "))).toEqual([
      "Objectif de la feuille de route",
      "décembre 2029",
      "75 % au plus",
      "—",
    ]);
    const deep = rows.find((r) => r[0] === "Fin des chantiers de fond")!;
    expect(deep[1]).toBe("au-delà de l'objectif, à programmer");
    expect(rows.filter((r) => r[1] === "décembre 2029").map((r) => r[0])).toEqual([
      "Fin des gains rapides",
      "Objectif de la feuille de route",
    ]);
    // The plan adopted from it commits to the same value on the same date, and dates no product beyond the target.
    const { proposal } = await (await api(`/plans/from-draft/${id}`)).json();
    expect(proposal.target).toEqual({ value: 75, date: "2029-12-31" });
    expect(proposal.milestones).toEqual([{ date: "2029-12-31", value: 75, label: expect.stringMatching(/^Objectif/) }]);
    expect(proposal.products.filter((p: any) => p.dueDate && p.dueDate > "2029-12-31")).toEqual([]);
    // What lies beyond the objective reads as the roadmap says, « au-delà de l'objectif, à programmer », on the review
    // page (`beyondTarget`), the adopted plan, the public page and its open data — never a bare « — ».
    const beyond = proposal.products.filter((p: any) => p.beyondTarget);
    expect(beyond.length).toBeGreaterThan(0);
    expect(beyond.every((p: any) => p.dueDate === null)).toBe(true);
    expect(proposal.products.filter((p: any) => !p.dueDate && !p.beyondTarget)).toEqual([]);
    const adopted = await postJson(`${server.url}/api/plans/from-draft`, { draftId: id });
    expect(adopted.status).toBe(201);
    const { plan } = await adopted.json();
    expect(plan.products.filter((p: any) => p.beyondTarget).map((p: any) => p.name)).toEqual(
      beyond.map((p: any) => p.name),
    );
    const published = await postJson(`${server.url}/api/plans/${plan.id}/publish`, {});
    expect(published.status).toBe(200);
    const page = await (await fetch(`${server.url}/public/${plan.slug}`)).text();
    const productRows = page
      .split('aria-labelledby="products-caption"')[1]!
      .split("</table>")[0]!
      .split("<tr>")
      .slice(2);
    for (const p of beyond) {
      const row = productRows.find((r) => r.includes(`>${p.name}<`));
      expect(row, p.name).toContain("au-delà de l&#39;objectif, à programmer");
    }
    expect(productRows.filter((r) => r.includes("<td>—</td>"))).toEqual([]);
    const data = await (await fetch(`${server.url}/public/${plan.slug}/donnees.json`)).json();
    expect(data.produits.filter((p: any) => p.beyondTarget).length).toBe(beyond.length);
    await api(`/plans/${plan.id}`, { method: "DELETE" });
  });

  it("adopts it as the plan, keeping the link to the draft and its version", async () => {
    const res = await postJson(`${server.url}/api/plans/from-draft`, { draftId: roadmapId });
    expect(res.status).toBe(201);
    const { plan, progress } = await res.json();
    expect(plan.source).toEqual({ kind: "roadmap-draft", draftId: roadmapId, version: 1, title: expect.any(String) });
    expect(plan.collectivite).toEqual(collectivite);
    expect(plan.target).toEqual({ value: 20, date: "2029-12-31" });
    expect(plan.measure).toBe("weighted");
    expect(plan.checkpoints[0]).toMatchObject({ analysisId: analysis.id, value: analysis.summary.score.value });
    expect(plan.milestones.at(-1)).toMatchObject({ date: "2029-12-31" });
    expect(plan.milestones.at(-1).value).toBeLessThanOrEqual(20);
    expect(plan.milestones.map((m: any) => m.date)).toEqual([...plan.milestones.map((m: any) => m.date)].sort());
    expect(plan.products.length).toBeGreaterThanOrEqual(2);
    expect(progress.products.find((p: any) => p.product.productId === "kaspersky-endpoint-security").state).toBe(
      "not-started",
    );
    expect(plan.log[0].detail).toContain(roadmapId);
    // The list says where each plan comes from.
    const list = await (await api("/plans")).json();
    expect(list.plans.find((p: any) => p.id === plan.id).source.draftId).toBe(roadmapId);
    // One plan per collectivité, as for a typed plan.
    expect((await postJson(`${server.url}/api/plans/from-draft`, { draftId: roadmapId })).status).toBe(409);
    await api(`/plans/${plan.id}`, { method: "DELETE" });
  });

  it("asks for a target date when the roadmap left it to be set, then takes the one given", async () => {
    const id = await roadmapDraft({});
    const refused = await postJson(`${server.url}/api/plans/from-draft`, { draftId: id });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.message).toMatch(/échéance/);
    const res = await postJson(`${server.url}/api/plans/from-draft`, {
      draftId: id,
      targetDate: "2030-06-30",
      date: "2026-11-02",
    });
    expect(res.status).toBe(201);
    const { plan } = await res.json();
    expect(plan.checkpoints[0].date).toBe("2026-11-02");
    expect(plan.target.date).toBe("2030-06-30");
    expect(plan.milestones.at(-1).date).toBe("2030-06-30");
    await api(`/plans/${plan.id}`, { method: "DELETE" });
  });

  it("refuses a document that is not a roadmap, and an unknown draft, in French", async () => {
    const events = await readSse(
      await postJson(`${server.url}/api/drafts`, { type: "audit-plan", inputs: { collectivite } }),
    );
    const auditId = events.at(-1)!.data.id;
    const notRoadmap = await postJson(`${server.url}/api/plans/from-draft`, { draftId: auditId });
    expect(notRoadmap.status).toBe(400);
    expect((await notRoadmap.json()).error.message).toMatch(/n'est pas une feuille de route/);
    const unknown = await api("/plans/from-draft/2026-01-01-inconnu");
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toMatch(/Aucune feuille de route/);
  });

  it("answers hostile bodies with a French 4xx, never a 500", async () => {
    const bodies: unknown[] = [
      {},
      { draftId: 42 },
      { draftId: "x".repeat(10_000) },
      { draftId: roadmapId, targetDate: "demain" },
      { draftId: roadmapId, targetDate: "2030-02-31T00:00" },
      { draftId: roadmapId, extra: true },
      { draftId: "../../etc/passwd" },
      [],
      "texte",
    ];
    for (const body of bodies) {
      const res = await postJson(`${server.url}/api/plans/from-draft`, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      const { error } = await res.json();
      expect(error.message).toMatch(/[àâéèêîôûç]|invalide|Aucune/i);
    }
    expect((await api("/plans")).ok).toBe(true);
  });

  it("adopts a roadmap written on an analysis given inline, measured from its items", async () => {
    const inline = JSON.parse(readFileSync("test/fixtures/drafting/analysis.json", "utf8"));
    const events = await readSse(
      await postJson(`${server.url}/api/drafts`, {
        type: "roadmap",
        inputs: { collectivite: { name: "Communauté de Kerlouan" }, analysis: inline, targetDate: "2030-12" },
      }),
    );
    const id = events.at(-1)!.data.id;
    const { proposal } = await (await api(`/plans/from-draft/${id}`)).json();
    expect(proposal.analysisId).toBe(inline.id);
    expect(proposal.baseline).toBeGreaterThan(0);
    // The map's measure and the roadmap's default target as the document printed them: rounded once (`roundPercent`).
    expect(proposal.baseline).toBe(roundPercent(proposal.baseline));
    expect(proposal.target.value).toBe(roundPercent(proposal.target.value));
    const res = await postJson(`${server.url}/api/plans/from-draft`, { draftId: id });
    expect(res.status).toBe(201);
    const { plan } = await res.json();
    expect(plan.checkpoints[0].value).toBe(proposal.baseline);
    expect(plan.target.date).toBe("2030-12-31");
    await api(`/plans/${plan.id}`, { method: "DELETE" });
  });
});

describe("an audit plan from the same saved analysis (trial 2026-12-05: the DSI retyped what the map knew)", () => {
  it("starts from the map's counts, names it, and lists its business software in the scope", async () => {
    const events = await readSse(
      await postJson(`${server.url}/api/drafts`, {
        type: "audit-plan",
        inputs: { collectivite, analysisId: analysis.id, businessSoftware: ["Logiciel d'état civil"] },
      }),
    );
    const done = events.at(-1)!;
    expect(done.event, JSON.stringify(done.data)).toBe("done");
    const draft = await (await api(`/drafts/${done.data.id}`)).json();
    const sections = draft.versions.at(-1).sections;
    const context = sections.find((s: any) => s.key === "context").text.replace(/\s/g, " ");
    expect(context).toContain("Une première cartographie (« plouzevet.csv ») recense 192 installations de 4 logiciels");
    const scope = sections.find((s: any) => s.key === "scope").text;
    expect(scope).toContain("Logiciels déjà connus : Logiciel d'état civil. Relevés par la cartographie : e.magnus.");
  });
});
