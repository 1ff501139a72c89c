/**
 * trial13 A12, on other products, vendors and collectivités than the trial's: what a drafted document says of its
 * own map is checked against what the map shows — a vendor's country by any adjective of a country (« biélorusse »),
 * the installations the map counts for a product (its components apart, as the map sets them apart) — and a figure not
 * given to a collectivité is said of its whole name, not of each capitalised word of it.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownProducts } from "../../server/drafting/own-facts.ts";
import type { AnalysisItem, InventoryAnalysis } from "../../server/drafting/types.ts";
import { verifyText } from "../../server/verify/index.ts";
import { checkOwnFacts } from "../../server/verify/own-facts.ts";
import { type FakeOllama, startFakeOllama } from "../helpers/fake-ollama.ts";
import { postJson, readSse, startTestServer, type TestServer } from "../helpers/server.ts";

const DRWEB = {
  product: { id: "dr-web", name: "Dr.Web Enterprise Security Suite" },
  vendor: { name: "Doctor Web", country: "RU" },
  extraEuropean: true,
  openSource: false,
  category: "security",
  exposure: { controllingCountry: "RU", laws: ["ru-sorm"] },
} satisfies Partial<AnalysisItem>;
const items: AnalysisItem[] = [
  { ...DRWEB, name: "Dr.Web Enterprise Security Suite", installations: 140 },
  { ...DRWEB, name: "Dr.Web Security Space", installations: 25 },
  // The agent the console installs beside it: counted and replaced with it, set apart by the map as a component.
  { ...DRWEB, name: "Dr.Web Agent for Windows", installations: 150, component: true, partOf: "dr-web" },
];
const products = ownProducts(items);
const reasons = (sentence: string) =>
  checkOwnFacts(verifyText(sentence, [{ n: 1, text: sentence }]), products, "les données").verification.sentences[0]!
    .reasons;

describe("a drafted sentence against the document's own map (trial13 A12)", () => {
  it("flags a vendor's country given by an adjective of another country", () => {
    const said = reasons(
      "Les gains rapides commencent par Dr.Web Security Space, d'un éditeur biélorusse soumis aux lois russes.",
    );
    expect(said.join(" ")).toMatch(/biélorusse.*Russie/);
    expect(reasons("Dr.Web Security Space, d'un éditeur russe, est remplacé en premier.")).toEqual([]);
  });

  it("quotes the installations the map shows for a product, its components apart", () => {
    const said = reasons("Dr.Web Enterprise Security Suite est installé sur 900 postes.").join(" ");
    expect(said).toContain("165 installations");
    expect(said).not.toMatch(/315 installations/);
    expect(reasons("Dr.Web Enterprise Security Suite est installé sur 165 postes.")).toEqual([]);
  });

  it("leaves the roadmap's own replacement and date alone, in any of its forms", () => {
    const planned = products.map((p) =>
      p.names.includes("Dr.Web Security Space")
        ? { ...p, planned: { names: ["ESET PROTECT", "ESET"], by: ["2028-03"], says: "Dr.Web → ESET PROTECT" } }
        : p,
    );
    const check = (sentence: string) =>
      checkOwnFacts(verifyText(sentence, [{ n: 1, text: sentence }]), planned, "les données").verification.sentences[0]!
        .reasons;
    expect(check("Dr.Web Security Space sera remplacé par ESET PROTECT d'ici mars 2028.")).toEqual([]);
    expect(check("Dr.Web Security Space sera remplacé par ESET d'ici 2028.")).toEqual([]);
    expect(check("Dr.Web Security Space sera remplacé par ESET PROTECT d'ici décembre 2028.").join(" ")).toMatch(
      /« décembre 2028 ».*ESET PROTECT/,
    );
    expect(check("Dr.Web Security Space sera remplacé par Bitdefender.").join(" ")).toMatch(
      /Bitdefender.*ESET PROTECT/,
    );
  });

  it("says a figure is not given to a collectivité by its whole name, once", () => {
    const v = verifyText(
      "Sur ses 400 postes, la Communauté de communes du Haut Vercors économisera environ 2 millions d'euros par an [1].",
      [
        {
          n: 1,
          text: "La Gendarmerie nationale a économisé environ 2 millions d'euros par an en passant à OpenOffice.",
        },
      ],
      { facts: ["Collectivité : Communauté de communes du Haut Vercors, 12 000 habitants, 400 postes de travail."] },
    );
    const given = v.sentences[0]!.reasons.filter((r) => r.includes("n'est pas donné pour"));
    expect(given).toEqual([
      "« 2 millions d'euros » n'est pas donné pour « Communauté de communes du Haut Vercors » dans le passage cité",
    ]);
    // Two collectivités written side by side are two subjects.
    const two = verifyText("Ensemble, Lestrac et Vernay ont économisé environ 2 millions d'euros par an [1].", [
      {
        n: 1,
        text: "La Gendarmerie nationale a économisé environ 2 millions d'euros par an. Lestrac et Vernay aussi ont migré.",
      },
    ]).sentences[0]!.reasons.filter((r) => r.includes("n'est pas donné pour"));
    expect(two).toHaveLength(2);
  });
});

describe("a roadmap's replacements and dates as the model restates them (trial13 A12)", () => {
  const analysis = JSON.parse(readFileSync("test/fixtures/drafting/analysis.json", "utf8")) as InventoryAnalysis;
  let server: TestServer;
  let ollama: FakeOllama;
  let draft: any;
  beforeAll(async () => {
    // The plan replaces Windows 11 by Debian and Teams by Tchap; the model names another system and another date.
    ollama = await startFakeOllama({
      reply:
        "Microsoft Windows 11 Professionnel sera remplacé par Ubuntu. Microsoft Teams sera remplacé par Tchap d'ici janvier 2041. Zoom Workplace (40 installations) sera remplacé par Visio.",
    });
    server = await startTestServer({ OLLAMA_BASE_URL: ollama.url });
    await server.engine.records("analyses").put(analysis.id, analysis);
    const events = await readSse(
      await postJson(`${server.url}/api/drafts`, {
        type: "roadmap",
        inputs: { collectivite: { name: "Commune de Plouarzel" }, analysisId: analysis.id, targetDate: "2029-06" },
      }),
    );
    draft = await (await fetch(`${server.url}/api/drafts/${events.at(-1)!.data.id}`)).json();
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await ollama?.close();
  });

  it("flags another replacement or another date than the roadmap's, and says the roadmap's", () => {
    const generated = draft.versions[0].sections.filter((s: any) => s.mode === "generated");
    expect(generated.length).toBeGreaterThan(0);
    for (const section of generated) {
      const sentence = (start: string) => section.verification.sentences.find((s: any) => s.text.startsWith(start));
      expect(sentence("Microsoft Windows 11").status, section.key).toBe("unsupported");
      expect(sentence("Microsoft Windows 11").reasons.join(" ")).toMatch(/Ubuntu.*Debian/);
      expect(sentence("Microsoft Teams").status, section.key).toBe("unsupported");
      expect(sentence("Microsoft Teams").reasons.join(" ")).toMatch(/« janvier 2041 ».*Tchap, phase/);
      expect(sentence("Zoom Workplace").reasons.join(" "), section.key).not.toMatch(/Visio/);
    }
  });
});
