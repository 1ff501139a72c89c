import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeOllama, startFakeOllama } from "../helpers/fake-ollama.ts";
import {
  postJson,
  readSse,
  type SseEvent,
  startTestServer,
  TEST_LLM_PROVIDER,
  type TestServer,
} from "../helpers/server.ts";

const letter = JSON.parse(readFileSync("test/fixtures/drafting/letter.json", "utf8"));
const analysis = JSON.parse(readFileSync("test/fixtures/drafting/analysis.json", "utf8"));
const collectivite = letter.collectivite;
const QUESTION = "Combien la Gendarmerie a-t-elle économisé avec Linux ?";

const REQUESTS = {
  letter: { type: "letter", inputs: letter },
  "audit-plan": {
    type: "audit-plan",
    inputs: {
      collectivite,
      durationMonths: 6,
      startDate: "2036-09",
      services: ["Finances", "État civil"],
      sponsor: "Mme Le Goff, vice-présidente",
    },
  },
  roadmap: { type: "roadmap", inputs: { collectivite, analysisId: analysis.id, targetDate: "2029-06" } },
  briefing: {
    type: "briefing",
    inputs: { collectivite, question: QUESTION, recipient: { name: "M. Le Bihan", role: "maire" } },
  },
} as const;

const draft = async (s: TestServer, body: unknown) => readSse(await postJson(`${s.url}/api/drafts`, body));
const text = (events: SseEvent[]) =>
  events
    .filter((e) => e.event === "token")
    .map((e) => e.data.text)
    .join("");
const done = (events: SseEvent[]) => {
  const last = events.at(-1)!;
  expect(last.event, JSON.stringify(last.data)).toBe("done");
  return last.data as { id: string; mode: string; version: number; flags: { figure: string; section: string }[] };
};
/** Percent signs are preceded by a non-breaking space in generated French text. */
const nbsp = (s: string) => s.replaceAll(" %", "\u00a0%");
const getDraft = async (s: TestServer, id: string) => (await fetch(`${s.url}/api/drafts/${id}`)).json();

describe("drafting without Ollama", () => {
  let server: TestServer;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    server = await startTestServer();
    await server.engine.records("analyses").put(analysis.id, analysis);
  });
  afterAll(() => server.stop());

  it.each(Object.keys(REQUESTS) as (keyof typeof REQUESTS)[])(
    "produces a %s from templates, marked as a draft to complete",
    async (type) => {
      const events = await draft(server, REQUESTS[type]);
      expect(events[0]!.event).toBe("notice");
      // One plain sentence for the person writing; the commands are the administrator's detail.
      expect(events[0]!.data.text).toContain("Le modèle de langue n'est pas disponible");
      expect(events[0]!.data.text).not.toContain("ollama pull");
      expect(events[0]!.data.detail).toContain("ollama pull");
      expect(events.filter((e) => e.event === "section").length).toBeGreaterThanOrEqual(4);
      expect(text(events)).toContain("[Brouillon à compléter]");
      const result = done(events);
      expect(result.mode).toBe("template");
      expect(result.flags).toEqual([]);
      ids[type] = result.id;
    },
  );

  it("writes a roadmap from an analysis that the inventory import itself saved", async () => {
    const form = new FormData();
    form.append(
      "file",
      new Blob([readFileSync("test/fixtures/inventory/inventories/glpi10-mairie.csv")]),
      "glpi10-mairie.csv",
    );
    const analyzed = await fetch(`${server.url}/api/inventory/analyze`, { method: "POST", body: form });
    expect(analyzed.status).toBe(201);
    const saved = (await analyzed.json()) as { id: string; items: { product: unknown }[] };
    expect(saved.items.some((i) => i.product && typeof i.product === "object")).toBe(true);
    const result = done(
      await draft(server, { type: "roadmap", inputs: { collectivite, analysisId: saved.id, targetDate: "2029-06" } }),
    );
    expect(result.mode).toBe("template");
    const roadmap = await getDraft(server, result.id);
    expect(roadmap.inputs.analysis.id).toBe(saved.id);
  });

  it("saves the draft with its inputs and first version", async () => {
    const saved = await getDraft(server, ids.roadmap!);
    expect(saved).toMatchObject({ id: ids.roadmap, type: "roadmap", collectivite: "Communauté de test" });
    expect(saved.inputs.analysisId).toBe(analysis.id);
    expect(saved.inputs.analysis.items).toHaveLength(5); // kept, so a section can be regenerated later
    expect(saved.versions).toHaveLength(1);
    const sections = saved.versions[0].sections;
    expect(sections.map((s: any) => s.key)).toEqual([
      "target",
      "baseline",
      "phases",
      "alternatives",
      "calendar",
      "costs",
      "risks",
    ]);
    const target = sections[0];
    expect(target.text).toContain(nbsp("exposition pondérée de la Communauté de test de 76 % à 56 % d'ici juin 2029"));
    expect(sections[1].text).toContain(nbsp("| Outils collaboratifs | 2 | 160 | 160 | 100 % |"));
    expect(sections.find((s: any) => s.key === "costs").citations[0]).toMatchObject({
      title: expect.stringContaining("Gendarmerie"),
      url: expect.stringMatching(/^https:/),
    });
    const list = await (await fetch(`${server.url}/api/drafts`)).json();
    expect(list.drafts.map((d: any) => d.id)).toEqual(expect.arrayContaining(Object.values(ids)));
  });

  it("quotes passages with their citations in template mode", async () => {
    const saved = await getDraft(server, ids.briefing!);
    const essentials = saved.versions[0].sections.find((s: any) => s.key === "essentials");
    expect(essentials.mode).toBe("template");
    expect(essentials.toComplete).toBe(true);
    expect(essentials.text).toContain("12 millions d'euros");
    expect(essentials.text).toMatch(/^- .*\[1\]$/m); // the passages' key sentences, as points with their notes
    expect(essentials.citations[0].title).toContain("Gendarmerie");
  });

  it("writes a briefing note on the results of a saved map", async () => {
    const result = done(await draft(server, { type: "briefing", inputs: { collectivite, analysisId: analysis.id } }));
    const sections = (await getDraft(server, result.id)).versions[0].sections;
    expect(sections[0].text).toBe("Résultats de la cartographie des dépendances numériques de la Communauté de test.");
    expect(sections[1].text).toContain(
      nbsp(
        "340 des 410 installations de 5 logiciels recensés, soit 85 % de celles dont l'origine est connue, relèvent d'éditeurs extra-européens ou soumis à une loi extra-européenne ; pondérée par le rôle de chaque logiciel, l'exposition est de 76 %",
      ),
    );
    expect(sections[1].text).toContain(
      "Microsoft Windows 11 Professionnel (180), Microsoft Teams (120), Zoom Workplace (40)",
    );
    expect(result.flags).toEqual([]);
  });

  it.each([
    [
      { type: "letter", inputs: { ...letter, recipient: { role: "maire" } } },
      400,
      "inputs.recipient.name (nom du destinataire) : champ obligatoire manquant",
    ],
    [{ type: "letter", inputs: { ...letter, tone: "agressif" } }, 400, "inputs.tone"],
    [{ type: "memo", inputs: {} }, 400, "type (type de document"],
    [
      { type: "roadmap", inputs: { collectivite, analysisId: "2026-01-01-inconnue" } },
      404,
      "l'analyse « 2026-01-01-inconnue » est introuvable",
    ],
  ])("rejects invalid inputs before streaming, naming the field (%#)", async (body, status, expected) => {
    const res = await postJson(`${server.url}/api/drafts`, body);
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toContain("application/json");
    const { error } = await res.json();
    expect(error.message).toContain(expected);
    // Each field the message names is also given on its own, for the page to show under it.
    if (status === 400) expect(error.fields.map((f: { path: string }) => f.path)).toContain(expected.split(" ")[0]);
  });

  it("edits a section into a new version and checks its figures again", async () => {
    const id = ids.letter!;
    const res = await fetch(`${server.url}/api/drafts/${id}/sections/local`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        text: "Notre association, active depuis 2006, compte 47 % de ses membres parmi les agents de la communauté (25 000 habitants).",
      }),
    });
    expect(res.status).toBe(200);
    const saved = await res.json();
    expect(saved.versions).toHaveLength(2);
    expect(saved.versions[1].cause).toBe("edit:local");
    const local = saved.versions[1].sections.find((s: any) => s.key === "local");
    expect(local.flags.map((f: any) => f.figure)).toEqual(["47 %"]); // 2006 and 25 000 come from the inputs
    expect(local.toComplete).toBe(false);
    expect(saved.versions[0].sections.find((s: any) => s.key === "local").text).toContain("[Brouillon à compléter]");
  });

  it.each([
    ["/sections/nope", { text: "x" }, 404, "Section inconnue « nope »"],
    ["/sections/local", { text: "" }, 400, "text (texte de la section)"],
  ])("rejects a bad edit %s", async (path, body, status, expected) => {
    const res = await fetch(`${server.url}/api/drafts/${ids.letter}${path}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(status);
    expect((await res.json()).error.message).toContain(expected);
  });

  it("answers a regeneration of an unknown section with a 404 before streaming", async () => {
    const res = await fetch(`${server.url}/api/drafts/${ids.letter}/sections/nope/regenerate`, { method: "POST" });
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toContain(
      "Section inconnue « nope » : les sections de ce document sont subject, salutation",
    );
  });

  it("regenerates one section (JSON) into a new version", async () => {
    const res = await fetch(`${server.url}/api/drafts/${ids.letter}/sections/local/regenerate`, {
      method: "POST",
      headers: { accept: "application/json" },
    });
    expect(res.status).toBe(200);
    const saved = await res.json();
    expect(saved.versions).toHaveLength(3);
    expect(saved.versions[2].cause).toBe("regenerate:local");
    expect(saved.versions[2].sections.find((s: any) => s.key === "local").text).toContain("[Brouillon à compléter]");
  });

  it.each([
    ["odt", "application/vnd.oasis.opendocument.text"],
    ["docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["pdf", "application/pdf"],
    ["md", "text/markdown; charset=utf-8"],
  ])("exports %s with its content type and file name", async (format, contentType) => {
    const res = await fetch(`${server.url}/api/drafts/${ids["audit-plan"]}/export?format=${format}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(contentType);
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="plan-audit-communaute-de-test.${format}"`,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.byteLength).toBeGreaterThan(1000);
    if (format === "odt") expect(strFromU8(unzipSync(bytes)["content.xml"]!)).toContain("Communauté de test");
    if (format === "md") expect(strFromU8(bytes)).toContain("| Inventaire | septembre 2036 – novembre 2036 |");
  });

  it("exports an earlier version on request", async () => {
    const first = strFromU8(
      new Uint8Array(
        await (await fetch(`${server.url}/api/drafts/${ids.letter}/export?format=md&version=1`)).arrayBuffer(),
      ),
    );
    const last = strFromU8(
      new Uint8Array(await (await fetch(`${server.url}/api/drafts/${ids.letter}/export?format=md`)).arrayBuffer()),
    );
    expect(first).not.toContain("47 %");
    expect(last).not.toContain("47 %"); // version 3 regenerated the edited section
    const edited = strFromU8(
      new Uint8Array(
        await (await fetch(`${server.url}/api/drafts/${ids.letter}/export?format=md&version=2`)).arrayBuffer(),
      ),
    );
    expect(edited).toMatch(/\*\*47 %\*\* de ses membres[^.]*\*\*\[non vérifié\]\*\*\./);
    expect(edited).toContain("Chiffres à vérifier");
  });

  it.each([
    [`/api/drafts/2026-01-01-absent`, 404, "Brouillon introuvable"],
    [`/api/drafts/2026-01-01-absent/export?format=pdf`, 404, "Brouillon introuvable"],
    [`/api/drafts/ID/export?format=rtf`, 400, "format : valeur non reconnue « rtf »"],
    [`/api/drafts/ID/export?format=md&version=9`, 400, "version"],
  ])("answers %s with a French error", async (path, status, expected) => {
    const res = await fetch(`${server.url}${path.replace("ID", ids.letter!)}`);
    expect(res.status).toBe(status);
    expect((await res.json()).error.message).toContain(expected);
  });
});

describe("drafting with Ollama (fake server speaking its HTTP API)", () => {
  let ollama: FakeOllama;
  let server: TestServer;
  const reply = (req: { messages: { content: string }[] }) => {
    const user = req.messages.at(-1)!.content;
    if (user.includes("Section à rédiger : « L'essentiel »"))
      return "- La Gendarmerie économise 12 millions d'euros par an [1], soit 47 % de son budget informatique [1].";
    return "Texte rédigé par le modèle à partir des passages [1].";
  };
  beforeAll(async () => {
    ollama = await startFakeOllama({ reply });
    server = await startTestServer({ OLLAMA_BASE_URL: ollama.url, LLM_NUM_CTX: "4096" });
    await server.engine.records("analyses").put(analysis.id, analysis);
    await server.engine.vectors.run();
  });
  afterAll(async () => {
    await server.stop();
    await ollama.close();
  });

  it("streams generated sections and flags the invented figure, in the stream and the saved draft", async () => {
    ollama.chats.length = 0;
    const events = await draft(server, REQUESTS.briefing);
    expect(events.some((e) => e.event === "notice")).toBe(false);
    const flags = events.filter((e) => e.event === "flags");
    expect(flags).toEqual([
      {
        event: "flags",
        data: {
          key: "essentials",
          flags: [{ figure: "47 %", reason: expect.stringContaining("absent des passages") }],
        },
      },
    ]);
    const result = done(events);
    expect(result.mode).toBe("generated");
    expect(result.flags).toEqual([{ figure: "47 %", reason: expect.any(String), section: "essentials" }]);
    const saved = await getDraft(server, result.id);
    const essentials = saved.versions[0].sections.find((s: any) => s.key === "essentials");
    expect(essentials).toMatchObject({ mode: "generated", toComplete: false, flags: [{ figure: "47 %" }] });
    expect(essentials.citations).toHaveLength(1);
    expect(essentials.citations[0].title).toContain("Gendarmerie");
    const md = strFromU8(
      new Uint8Array(await (await fetch(`${server.url}/api/drafts/${result.id}/export?format=md`)).arrayBuffer()),
    );
    expect(md).toContain("soit **47 %** de son budget informatique[^1] **[non vérifié]**.");
    expect(md).toContain("[^1]: Fiche Cap Libre « La Gendarmerie nationale passe à Linux (GendBuntu)");
    const docx = strFromU8(
      unzipSync(
        new Uint8Array(await (await fetch(`${server.url}/api/drafts/${result.id}/export?format=docx`)).arrayBuffer()),
      )["word/document.xml"]!,
    );
    expect(docx).toContain('w:highlight w:val="yellow"');
    // The saved list counts what the document marks to check, figures and sentences alike (trial21 T-L8).
    const { drafts: list } = (await (await fetch(`${server.url}/api/drafts`)).json()) as {
      drafts: { id: string; checks: number }[];
    };
    const json = await (await fetch(`${server.url}/api/drafts/${result.id}`)).json();
    expect(list.find((d) => d.id === result.id)?.checks).toBe(json.model.checks.length);
    expect(json.model.checks.length).toBeGreaterThan(0);
  });

  it("keeps passages and data in delimited blocks of the user turn, within the context window", async () => {
    ollama.chats.length = 0;
    await draft(server, REQUESTS.briefing);
    const chat = ollama.chats.find((c) => c.messages.at(-1)!.content.includes("« L'essentiel »"))!;
    if (TEST_LLM_PROVIDER === "ollama") expect(chat.options.num_ctx).toBe(4096);
    else expect(chat.options.max_tokens).toBeGreaterThan(0);
    const system = chat.messages.find((m) => m.role === "system")!;
    expect(system.content).not.toContain("12 millions");
    expect(system.content).not.toContain("Communauté de test");
    const user = chat.messages.at(-1)!.content;
    expect(user).toMatch(/<<<PASSAGE-[0-9a-f]{8} \[1\]/);
    expect(user).toContain("12 millions");
    expect(user).toContain("<<<DONNÉES");
    expect(user).toContain("Question posée : " + QUESTION);
    expect(chat.messages.reduce((n, m) => n + m.content.length, 0) / 3).toBeLessThan(4096);
  });

  it.each(["letter", "audit-plan", "roadmap"] as const)("generates a %s", async (type) => {
    const events = await draft(server, REQUESTS[type]);
    const result = done(events);
    expect(result.mode).toBe("generated");
    expect(text(events)).toContain("Texte rédigé par le modèle");
    expect(text(events)).not.toContain("[Brouillon à compléter]");
    // Each note names the sources of the statements its sentences restate, never a corpus page's whole list.
    const saved = await getDraft(server, result.id);
    const citations = saved.versions[0].sections.flatMap((s: any) => s.citations);
    for (const c of citations) expect(c.page, JSON.stringify(c)).toBeUndefined();
    const file = await fetch(`${server.url}/api/drafts/${result.id}/export?format=pdf`);
    expect(file.status).toBe(200);
  });

  it("falls back to templates when the model fails mid-stream", async () => {
    ollama.set({ failAfterTokens: 2 });
    try {
      const events = await draft(server, REQUESTS.briefing);
      const notice = events.find((e) => e.event === "notice")!;
      expect(notice.data.text).toContain("interrompue");
      expect(text(events)).toContain("[Brouillon à compléter]");
      expect(done(events).mode).toBe("template");
    } finally {
      ollama.set({ failAfterTokens: undefined });
    }
  });

  it("stops the model call and saves nothing when the client closes the connection", async () => {
    ollama.set({ tokenDelayMs: 50, reply: "mot ".repeat(200) });
    try {
      const before = ollama.abortedChats;
      const chatsBefore = ollama.chats.length;
      const drafts = (await (await fetch(`${server.url}/api/drafts`)).json()).drafts.length;
      const controller = new AbortController();
      const res = await postJson(`${server.url}/api/drafts`, REQUESTS.briefing, { signal: controller.signal });
      const reader = res.body!.getReader();
      let seen = "";
      while (!seen.includes("event: token")) seen += new TextDecoder().decode((await reader.read()).value);
      // The first tokens may come from a template section: close once the model call is under way.
      await expect.poll(() => ollama.chats.length, { timeout: 15_000 }).toBeGreaterThan(chatsBefore);
      controller.abort();
      // Every model call this draft started is stopped (behind the model queue, a call not yet started is never made).
      await expect
        .poll(() => ollama.abortedChats - before, { timeout: 15_000 })
        .toBe(ollama.chats.length - chatsBefore);
      await new Promise((r) => setTimeout(r, 200));
      expect(ollama.abortedChats - before).toBe(ollama.chats.length - chatsBefore);
      expect((await (await fetch(`${server.url}/api/drafts`)).json()).drafts).toHaveLength(drafts);
    } finally {
      ollama.set({ tokenDelayMs: 0, reply });
    }
  });

  it("keeps the sender's requests in the letter when the model leaves them out", async () => {
    // The model writes its own list of other requests and none of the three the sender ticked.
    ollama.set({
      reply: (req) =>
        req.messages.at(-1)!.content.includes("Section à rédiger : « Nos demandes »")
          ? "Nous souhaitons vous faire part de nos attentes [1].\n\n- organiser un salon du libre\n- acheter des serveurs"
          : "Texte rédigé par le modèle à partir des passages [1].",
    });
    try {
      const result = done(await draft(server, REQUESTS.letter));
      expect(result.mode).toBe("generated");
      const saved = await getDraft(server, result.id);
      const requests = saved.versions[0].sections.find((s: any) => s.key === "requests");
      expect(requests.mode).toBe("generated");
      expect(requests.text).not.toContain("salon du libre");
      const items = requests.text.split("\n").filter((l: string) => l.startsWith("- "));
      expect(items).toHaveLength(3);
      expect(items[0]).toContain("engage une étude des dépendances numériques");
      expect(items[1]).toContain("objectif chiffré de réduction");
      expect(items[2]).toContain("informe les citoyennes et les citoyens");
      // Introduced: the model wrote no line ending with « : », so the fixed introduction comes before the list.
      expect(requests.text).toContain("nous vous proposons que la Communauté de test :\n\n- engage");
      const md = strFromU8(
        new Uint8Array(await (await fetch(`${server.url}/api/drafts/${result.id}/export?format=md`)).arrayBuffer()),
      );
      expect(md).toContain("- informe les citoyennes et les citoyens");
    } finally {
      ollama.set({ reply });
    }
  });

  it("regenerates one section as a stream, with the model", async () => {
    const first = done(await draft(server, REQUESTS.letter));
    const res = await fetch(`${server.url}/api/drafts/${first.id}/sections/requests/regenerate`, { method: "POST" });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const events = await readSse(res);
    expect(events[0]).toMatchObject({ event: "section", data: { key: "requests" } });
    expect(done(events)).toMatchObject({ id: first.id, version: 2, mode: "generated" });
  });
});
