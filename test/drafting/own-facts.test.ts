/**
 * trial8 A0/A3, on other products and vendors than the trial's: what a document says of a product, a vendor or an
 * alternative of its own map and catalog (country, law, licence, installations) is checked against what the map
 * and the catalog say — by one check that every document goes through (`checkedSection`), written by the model or
 * edited by the user. What the data carry (a product's name, its count) is supported.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { frenchDate } from "../../server/core/text.ts";
import { contextClaims } from "../../server/drafting/documents/common.ts";
import { generatedCitation } from "../../server/drafting/generate.ts";
import { ownProducts } from "../../server/drafting/own-facts.ts";
import type { AnalysisItem, InventoryAnalysis } from "../../server/drafting/types.ts";
import { type Plan, progressOf } from "../../server/tracking/plan.ts";
import { noteFacts, noteOwnData } from "../../server/tracking/progress-note.ts";
import { verifyAgainstPlan } from "../../server/tracking/progress-note-model.ts";
import { verifyText } from "../../server/verify/index.ts";
import { checkOwnFacts } from "../../server/verify/own-facts.ts";
import { type FakeOllama, startFakeOllama } from "../helpers/fake-ollama.ts";
import { postJson, readSse, startTestServer, type TestServer } from "../helpers/server.ts";
import { AVAST } from "./own-facts-fixture.ts";

const item = (over: Partial<AnalysisItem> & { name: string }): AnalysisItem => ({
  installations: 10,
  category: "collaboration",
  ...over,
});

const items: AnalysisItem[] = [
  item({
    name: "Dropbox",
    installations: 14,
    product: { id: "dropbox", name: "Dropbox" },
    vendor: { name: "Dropbox", country: "US" },
    extraEuropean: true,
    openSource: false,
    exposure: { controllingCountry: "US", laws: ["us-cloud-act", "us-fisa-702"] },
    alternatives: [
      { id: "cryptomator", name: "Cryptomator", fit: "different-approach", country: "DE", openSource: true },
      { id: "oodrive", name: "Oodrive", fit: "partial", country: "FR", openSource: false },
    ],
  }),
  item({
    name: "DingTalk",
    installations: 3,
    product: { id: "dingtalk", name: "DingTalk" },
    vendor: { name: "Alibaba", country: "CN" },
    extraEuropean: true,
    openSource: false,
    exposure: { controllingCountry: "CN", laws: ["cn-national-intelligence-law"] },
    alternatives: [
      { id: "element", name: "Element (protocole Matrix)", fit: "partial", country: "GB", openSource: true },
    ],
  }),
  AVAST,
];
const products = ownProducts(items);

function check(sentence: string) {
  const v = verifyText(sentence, [{ n: 1, text: sentence }]);
  return checkOwnFacts(v, products, "les données");
}
const reasons = (sentence: string) => check(sentence).verification.sentences[0]!.reasons;

describe("what a sentence says of a product of the map or the catalog, against what they say", () => {
  it("flags a country, a law or a licence the data contradict, and says what they say", () => {
    expect(reasons("Cryptomator est un logiciel propriétaire édité aux États-Unis [1].").join(" ")).toMatch(
      /« Cryptomator est un logiciel propriétaire édité aux États-Unis ».*Allemagne.*logiciel libre/,
    );
    expect(reasons("Dropbox est édité par une entreprise allemande [1].").join(" ")).toMatch(/États-Unis/);
    expect(reasons("DingTalk relève de la loi américaine sur le renseignement [1].").join(" ")).toMatch(/loi chinoise/);
    expect(reasons("Dropbox est une solution européenne [1].")).toHaveLength(1);
    expect(reasons("Element est un outil chinois [1].").join(" ")).toMatch(/Royaume-Uni/);
    expect(reasons("Cryptomator n'est pas un logiciel libre [1].")).toHaveLength(1);
    expect(reasons("Dropbox n'est pas soumis au CLOUD Act [1].")).toHaveLength(1);
  });

  it("leaves alone what the data say, and what is said of something else", () => {
    for (const ok of [
      "Avast est contrôlé par le groupe américain Gen Digital [1].",
      "Avast Antivirus relève du CLOUD Act [1].",
      "Cryptomator est un logiciel libre développé en Allemagne [1].",
      "Cryptomator n'est pas soumis au CLOUD Act [1].",
      "DingTalk, édité par une entreprise chinoise, relève de la loi chinoise [1].",
      "Dropbox, remplacé par une solution libre, quittera les postes [1].",
      "Oodrive est une solution française, non libre [1].",
      "Dropbox relève du droit européen quand il sert des clients européens [1].",
      "L'ANSSI française déconseille DingTalk [1].",
    ])
      expect([ok, reasons(ok)]).toEqual([ok, []]);
  });

  it("checks a count of workstations said of a product, and takes the data's count and name as found", () => {
    const right = check("Des agents ont installé DingTalk, qui est installé sur 3 postes [1].");
    expect(right.verification.sentences[0]!.reasons).toEqual([]);
    expect(right.confirmed).toContain("3");
    const wrong = check("Avast est installé sur 70 postes [1].");
    expect(wrong.verification.sentences[0]!.reasons.join(" ")).toMatch(/« 70 ».*7 installations/);
    expect(wrong.verification.sentences[0]!.reasons.join(" ")).not.toMatch(/ne figure pas/);
    // A number of workstations of someone else is not the inventory's.
    expect(reasons("Le Land a mis Dropbox sur ses 25 000 postes [1].").join(" ")).not.toMatch(/14 installations/);
  });

  it("counts a name the data carry as named", () => {
    // The cited passage does not name DingTalk: the data do.
    const v = verifyText("Quelques postes ont DingTalk [1].", [{ n: 1, text: "Des postes ont des logiciels." }]);
    expect(v.sentences[0]!.reasons.join(" ")).toMatch(/DingTalk/);
    const checked = checkOwnFacts(v, products, "les données").verification.sentences[0]!;
    expect(checked.reasons.join(" ")).not.toMatch(/DingTalk/);
  });
});

describe("a roadmap written by the model is checked against its own map", () => {
  const analysis = JSON.parse(readFileSync("test/fixtures/drafting/analysis.json", "utf8")) as InventoryAnalysis;
  let server: TestServer;
  let ollama: FakeOllama;
  let done: any;
  let draft: any;
  beforeAll(async () => {
    // Tchap and Visio are French alternatives, Zoom is American and not free, LibreOffice reaches no foreign law.
    ollama = await startFakeOllama({
      reply:
        "Tchap est une solution américaine [1]. Zoom est un logiciel libre [1]. LibreOffice relève du CLOUD Act [1]. Zoom Workplace est installé sur 40 postes [1]. Visio est un service français [1].",
    });
    server = await startTestServer({ OLLAMA_BASE_URL: ollama.url });
    await server.engine.records("analyses").put(analysis.id, analysis);
    const events = await readSse(
      await postJson(`${server.url}/api/drafts`, {
        type: "roadmap",
        inputs: { collectivite: { name: "Commune de Plouarzel" }, analysisId: analysis.id, targetDate: "2029-06" },
      }),
    );
    done = events.at(-1)!.data;
    draft = await (await fetch(`${server.url}/api/drafts/${done.id}`)).json();
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await ollama?.close();
  });

  it("flags the sentences the map contradicts in every generated section, and only those", () => {
    const generated = draft.versions[0].sections.filter((s: any) => s.mode === "generated");
    expect(generated.length).toBeGreaterThan(0);
    for (const section of generated) {
      const sentence = (start: string) => section.verification.sentences.find((s: any) => s.text.startsWith(start));
      const own = (start: string) => sentence(start).reasons.filter((r: string) => /dont le document est tiré/.test(r));
      for (const wrong of ["Tchap", "Zoom est", "LibreOffice"]) {
        expect(sentence(wrong).status, section.key).not.toBe("supported");
        expect(own(wrong), `${section.key} ${wrong}`).toHaveLength(1);
      }
      expect(own("Tchap").join(" ")).toMatch(/France/);
      expect(own("LibreOffice").join(" ")).toMatch(/aucune loi extra-européenne/);
      for (const right of ["Zoom Workplace", "Visio"]) expect(own(right), `${section.key} ${right}`).toEqual([]);
      expect(sentence("Zoom Workplace").reasons.join(" ")).not.toMatch(/« 40 »/);
    }
    const flagged = done.flags.map((f: any) => f.figure);
    expect(flagged).toContain("Tchap est une solution américaine");
    expect(flagged).toContain("LibreOffice relève du CLOUD Act");
    expect(flagged).not.toContain("40");
  });
});

describe("A3: what the user says of their own parc is theirs, not a claim about others", () => {
  it("reads « Quelques postes ont … » as the collectivité's own matter, an apposition after a name as a claim", () => {
    expect(
      contextClaims("Quelques postes ont DingTalk et Avast installés par des agents.", "Commune de Plouarzel"),
    ).toEqual([]);
    expect(contextClaims("Plusieurs agents utilisent Dropbox.", "Commune de Plouarzel")).toEqual([]);
    expect(contextClaims("Certaines communes ont quitté Dropbox.", "Commune de Plouarzel")).toHaveLength(1);
    expect(
      contextClaims(
        "Plouguerneau, commune de 6 500 habitants, fait fonctionner 80 % de son parc sous Linux.",
        "Commune de Plouarzel",
      ),
    ).toHaveLength(1);
  });
});

describe("A8: a footnote names the source that carries the statement", () => {
  const passage = {
    id: "p",
    text: "Les sept catégories du séminaire du 8 avril 2026 (Linux Quimper, courriel, avril 2026).",
    section: "Les sept catégories",
    document: { id: "guidance/x", title: "Sept catégories", date: "2026-04", kind: "guidance" },
    sources: [
      { title: "Linux Quimper, courriel", url: "https://linuxquimper.org/", date: "2026-04" },
      { title: "Acteurs publics", url: "https://example.org/", date: "2026-04" },
    ],
  } as unknown as Parameters<typeof generatedCitation>[0];
  const citing = (text: string) => [{ text, status: "supported" as const, citations: [2] }];

  it("credits no source of a page that does not carry what the sentence says (supported by the data only)", () => {
    const note = generatedCitation(
      passage,
      2,
      citing("Plouguerneau, commune de 6 500 habitants, fait fonctionner 80 % de son parc sous Linux [2]."),
    );
    expect(note.sources).toEqual([]);
    expect(note.unrestated).toBe(true);
    const carried = generatedCitation(passage, 2, citing("Le séminaire du 8 avril 2026 a retenu sept catégories [2]."));
    expect(carried.sources?.map((x) => x.title)).toEqual(["Linux Quimper, courriel"]);
  });
});

describe("A9: the progress note's data say what changed, with the inventories' dates", () => {
  const dep = (name: string, installations: number) => ({
    key: name.toLowerCase(),
    name,
    productId: null,
    category: "collaboration",
    installations,
  });
  const cp = (date: string, value: number, dependencies: ReturnType<typeof dep>[]) => ({
    analysisId: `a-${date}`,
    date,
    value,
    weighted: value,
    raw: value - 5,
    installations: 180,
    dependencies,
    recordedAt: date,
  });
  const plan = {
    id: "p",
    slug: "commune-de-landeda",
    collectivite: { name: "Commune de Landéda", kind: "commune" },
    title: "Plan",
    measure: "weighted",
    adoptedAt: "2026-03-01T10:00:00.000Z",
    target: { value: 35, date: "2029-12-31" },
    milestones: [{ date: "2027-06-01", value: 60, label: "Messagerie" }],
    products: [],
    checkpoints: [
      cp("2026-03-01", 77, [dep("Dropbox", 12), dep("DingTalk", 3), dep("Microsoft Outlook", 90)]),
      cp("2026-11-15", 73, [dep("Microsoft Outlook", 60)]),
    ],
    events: [],
    publication: null,
    log: [],
    version: 2,
  } as unknown as Plan;
  const today = "2026-12-01";
  const progress = progressOf(plan, today);
  const check = (s: string) =>
    verifyAgainstPlan(s, noteFacts(plan, progress, today), noteOwnData(plan, progress)).sentences[0]!;

  it("supports a change since the baseline dated as the data date it, and the software gone", () => {
    for (const ok of [
      `Elle a baissé de 4 points depuis l'inventaire de départ du ${frenchDate("2026-03-01")}.`,
      "Dropbox et DingTalk n'apparaissent plus dans l'inventaire.",
    ])
      expect([ok, check(ok).reasons]).toEqual([ok, []]);
  });

  it("still flags what the data do not say, without calling a date a year", () => {
    expect(check("Microsoft Outlook n'apparaît plus dans l'inventaire.").status).toBe("unsupported");
    const wrong = check(`Elle a baissé de 4 points depuis l'inventaire du ${frenchDate("2026-06-01")}.`);
    expect(wrong.reasons.join(" ")).not.toMatch(/l'année/);
  });
});
