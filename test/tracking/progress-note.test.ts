import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { frenchDate, percentText } from "../../server/core/text.ts";
import { hasPdftotext, pdfText } from "../helpers/export-text.ts";
import { type FakeOllama, startFakeOllama } from "../helpers/fake-ollama.ts";
import { NO_OLLAMA, postJson, startTestServer, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS } from "../inventory/fixtures.ts";

const csv = (lines: [string, string, number][]) =>
  `\uFEFF"Nom";"Éditeur";"Nombre d'installations";\n${lines.map(([n, p, i]) => `"${n}";"${p}";"${i}";`).join("\n")}\n`;
const office: [string, string, number] = ["Microsoft Office Professionnel Plus 2016", "Microsoft Corporation", 60];
const chrome: [string, string, number] = ["Google Chrome", "Google LLC", 60];
const kaspersky: [string, string, number] = ["Kaspersky Endpoint Security 12", "AO Kaspersky Lab", 60];

/** Starts a server, uploads two quarters and adopts a plan followed over them; returns the plan id. */
async function setUp(env: Record<string, string>): Promise<{ server: TestServer; planId: string }> {
  const server = await startTestServer({ CORPUS_DIR: INVENTORY_CORPUS, ...env });
  const ids: string[] = [];
  for (const lines of [
    [office, chrome, kaspersky],
    [office, chrome],
  ]) {
    const res = await fetch(`${server.url}/api/inventory/analyze?name=parc.csv`, { method: "POST", body: csv(lines) });
    ids.push((await res.json()).id);
  }
  const adopted = await postJson(`${server.url}/api/plans`, {
    collectivite: { name: "Commune de Ploumoguer" },
    analysisId: ids[0],
    date: "2026-01-15",
    target: { value: 30, date: "2029-12-31" },
    products: [
      { name: "Kaspersky Endpoint Security", productId: "kaspersky-endpoint-security", by: "ESET Endpoint Security" },
    ],
  });
  const { plan } = await adopted.json();
  await postJson(`${server.url}/api/plans/${plan.id}/checkpoints`, { analysisId: ids[1], date: "2026-04-15" });
  return { server, planId: plan.id };
}

const unzipOdt = (bytes: ArrayBuffer) => strFromU8(unzipSync(new Uint8Array(bytes))["content.xml"]!);

describe("the progress note with a model", () => {
  let fake: FakeOllama;
  let server: TestServer;
  let planId = "";
  let latest: { date: string; value: number; planned: number };

  beforeAll(async () => {
    fake = await startFakeOllama();
    ({ server, planId } = await setUp({ OLLAMA_BASE_URL: fake.url }));
    const { progress } = await (await fetch(`${server.url}/api/plans/${planId}`)).json();
    latest = {
      date: progress.latest.checkpoint.date,
      value: progress.latest.checkpoint.value,
      planned: progress.latest.planned,
    };
  });
  afterAll(async () => {
    await server?.stop();
    await fake?.close();
  });

  it("writes « L'essentiel » from the plan's figures only, every figure supported", async () => {
    fake.set({
      reply: `Au dernier inventaire, le ${frenchDate(latest.date)}, la mesure est de ${percentText(latest.value)}, pour ${percentText(latest.planned)} prévus à cette date. Kaspersky Endpoint Security n'apparaît plus dans l'inventaire. L'objectif reste de ${percentText(30)} au ${frenchDate("2029-12-31")}.`,
    });
    fake.chats.length = 0;
    const res = await fetch(`${server.url}/api/plans/${planId}/note`, { method: "POST" });
    expect(res.status).toBe(201);
    const { note } = await res.json();
    expect(note.mode).toBe("generated");
    expect(note.notice).toBeNull();
    expect(note.summary.verification.counts.unsupported).toBe(0);
    expect(note.summary.verification.counts.supported).toBeGreaterThanOrEqual(2);
    // Kept with the plan: the page reads it back.
    expect((await (await fetch(`${server.url}/api/plans/${planId}/note?format=json`)).json()).note.summary.text).toBe(
      note.summary.text,
    );
    // The model saw the plan's figures inside a delimited data block, and no corpus passage.
    const prompt = fake.chats.at(-1)!.messages.at(-1)!.content;
    expect(prompt).toContain(percentText(latest.value));
    expect(prompt).toMatch(/<<<DONNÉES-[0-9a-f]+/);
    expect(prompt).not.toContain("PASSAGE");

    const odt = unzipOdt(await (await fetch(`${server.url}/api/plans/${planId}/note?format=odt`)).arrayBuffer());
    expect(odt).toContain("L'essentiel");
    expect(odt).toContain("Kaspersky Endpoint Security n'apparaît plus");
    expect(odt).not.toContain("non vérifié");
  });

  it("marks what a lying model invents, in the API, the ODT and the PDF", async () => {
    fake.set({
      reply: `La mesure a baissé de 37 points depuis janvier. 250 postes sont passés sous Linux en mairie annexe. Au dernier inventaire, le ${frenchDate(latest.date)}, la mesure est de ${percentText(latest.value)}.`,
    });
    const { note } = await (await fetch(`${server.url}/api/plans/${planId}/note`, { method: "POST" })).json();
    expect(note.mode).toBe("generated");
    const sentences = note.summary.verification.sentences;
    const status = (needle: string) => sentences.find((s: any) => s.text.includes(needle))?.status;
    expect(status("37 points")).toBe("unsupported");
    expect(status("250 postes")).toBe("unsupported");
    expect(status(percentText(latest.value))).toBe("supported");
    expect(sentences.find((s: any) => s.text.includes("37 points")).reasons.join(" ")).toContain("37");

    const odt = unzipOdt(await (await fetch(`${server.url}/api/plans/${planId}/note?format=odt`)).arrayBuffer());
    expect(odt).toContain("[non vérifié]");
    expect(odt).toMatch(/2 phrases non vérifiées/);
    const pdf = await fetch(`${server.url}/api/plans/${planId}/note?format=pdf`);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toContain("note-avancement-commune-de-ploumoguer.pdf");
    const bytes = await pdf.arrayBuffer();
    expect(strFromU8(new Uint8Array(bytes).subarray(0, 5))).toBe("%PDF-");
    if (hasPdftotext) {
      const text = await pdfText(bytes, { layout: true });
      expect(text).toContain("[non vérifié]");
      expect(text).toContain("Commune de Ploumoguer");
    }
    const md = await (await fetch(`${server.url}/api/plans/${planId}/note?format=md`)).text();
    expect(md).toContain("37 points");
    expect(md).toContain("[non vérifié]");
  });

  it("marks a standing word and a milestone figure the plan's own data contradict (trial7 A0), mark before the full stop", async () => {
    const { plan, progress } = await (await fetch(`${server.url}/api/plans/${planId}`)).json();
    const standing = progress.latest.standing as string;
    const wrongStanding = standing === "late" ? "en avance" : "en retard";
    // The plan's one milestone is its target (a plan typed without milestones, trial12 A8): another value for its date.
    const [first] = plan.milestones as { date: string; value: number }[];
    fake.set({
      reply: `Au dernier inventaire, le ${frenchDate(latest.date)}, la mesure est de ${percentText(latest.value)} : le plan est ${wrongStanding}. Le jalon du ${frenchDate(first!.date)} est de ${percentText(first!.value + 10)}. L'objectif reste de ${percentText(30)} au ${frenchDate("2029-12-31")}.`,
    });
    const { note } = await (await fetch(`${server.url}/api/plans/${planId}/note`, { method: "POST" })).json();
    const sentences = note.summary.verification.sentences;
    const of = (needle: string) => sentences.find((s: any) => s.text.includes(needle));
    expect(of(wrongStanding).status).toBe("unsupported");
    expect(of(wrongStanding).reasons.join(" ")).toContain(`« ${wrongStanding} »`);
    expect(of(`Le jalon du ${frenchDate(first!.date)}`).status).toBe("unsupported");
    expect(of("L'objectif reste").status).toBe("supported");
    const md = (await (await fetch(`${server.url}/api/plans/${planId}/note?format=md`)).text()).replace(/\s+/g, " ");
    expect(md).toContain(`le plan est ${wrongStanding} **[non vérifié]**. Le jalon`);
    if (hasPdftotext) {
      const text = await pdfText(
        await (await fetch(`${server.url}/api/plans/${planId}/note?format=pdf`)).arrayBuffer(),
        {
          layout: true,
        },
      );
      expect(text).toContain(`le plan est ${wrongStanding} [non vérifié]. Le jalon`);
    }
  });

  it("falls back to the template when the model fails, and says so", async () => {
    fake.set({ reply: "La mesure est de", failAfterTokens: 1 });
    const { note } = await (await fetch(`${server.url}/api/plans/${planId}/note`, { method: "POST" })).json();
    expect(note.mode).toBe("template");
    expect(note.notice).toMatch(/n'a pas répondu/);
    expect(note.summary.verification).toBeNull();
    fake.set({ failAfterTokens: undefined });
  });

  it("does not serve a note written before the plan changed", async () => {
    fake.set({ reply: "La mesure a baissé de 99 points." });
    await fetch(`${server.url}/api/plans/${planId}/note`, { method: "POST" });
    expect(await (await fetch(`${server.url}/api/plans/${planId}/note?format=md`)).text()).toContain("99 points");
    await postJson(`${server.url}/api/plans/${planId}/events`, {
      date: "2026-05-01",
      text: "Marché antivirus attribué",
    });
    expect((await (await fetch(`${server.url}/api/plans/${planId}/note?format=json`)).json()).note).toBeNull();
    const md = await (await fetch(`${server.url}/api/plans/${planId}/note?format=md`)).text();
    expect(md).not.toContain("99 points");
    expect(md).toContain("Marché antivirus attribué");
  });

  it("refuses an unknown format in French", async () => {
    const res = await fetch(`${server.url}/api/plans/${planId}/note?format=rtf`);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/md, odt, docx ou pdf/);
  });
});

describe("the progress note without a model", () => {
  let server: TestServer;
  let planId = "";
  beforeAll(async () => {
    ({ server, planId } = await setUp({ OLLAMA_BASE_URL: NO_OLLAMA }));
  });
  afterAll(() => server?.stop());

  it("keeps the template, says there is no model, and still exports ODT and PDF", async () => {
    const res = await fetch(`${server.url}/api/plans/${planId}/note`, { method: "POST" });
    expect(res.status).toBe(201);
    const { note } = await res.json();
    expect(note.mode).toBe("template");
    expect(note.notice).toMatch(/Aucun modèle de langue/);
    // « L'essentiel » says where the plan stands, from its own figures (trial21 T-M11: it said nothing more than that
    // no model wrote it).
    expect(note.summary.text).toMatch(
      /Note établie sans modèle de langue[\s\S]*Plan adopté le [\s\S]*(?:Au dernier inventaire|Aucun inventaire)/,
    );
    const odt = unzipOdt(await (await fetch(`${server.url}/api/plans/${planId}/note?format=odt`)).arrayBuffer());
    expect(odt).toContain("Note établie sans modèle de langue");
    expect(odt).toContain("Kaspersky Endpoint Security");
    expect(odt).not.toContain("non vérifié");
    const pdf = new Uint8Array(await (await fetch(`${server.url}/api/plans/${planId}/note?format=pdf`)).arrayBuffer());
    expect(strFromU8(pdf.subarray(0, 5))).toBe("%PDF-");
    // DOCX too, as every other document (trial18 F16: « Format « docx » inconnu »).
    const res2 = await fetch(`${server.url}/api/plans/${planId}/note?format=docx`);
    expect(res2.status).toBe(200);
    expect(res2.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(res2.headers.get("content-disposition")).toMatch(/\.docx"$/);
    const docx = strFromU8(unzipSync(new Uint8Array(await res2.arrayBuffer()))["word/document.xml"]!);
    expect(docx).toContain("Note établie sans modèle de langue");
    expect(docx).toContain("Kaspersky Endpoint Security");
  });
});
