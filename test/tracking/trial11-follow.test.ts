/**
 * Trial 11 (6 December 2026), A7 and B2, through the real server on the real catalog, on other products than the
 * trial's: between two inventories Office 2019 went down while Microsoft 365 Apps (same vendor, same role) grew and
 * LibreOffice (planned) never appeared; Teams went down while Zoom grew and Element (planned) never appeared.
 * - A7: the plan's page, the progress note and the public page said « en cours » for both — a citizen reads that the
 *   move to LibreOffice has started. « En cours » only when the planned replacement (or another alternative out of
 *   reach of foreign laws) grew, or the plan only removes the product; otherwise what happened; a product that grew
 *   is said to have grown; the same words in the three places.
 * - A7 (continued): « L'essentiel » written by the model — « une partie des postes … a déjà migré vers Element » was
 *   supported, and right figures beside a false replacement were called « pour autre chose »: a claimed move to a
 *   product is checked against its installations in the inventories, with a reason naming it.
 * - B2: « 2 sur 20 installations au départ » read aloud is ambiguous: the note says « 20 installations au départ, 2
 *   aujourd'hui », as the plan's page does.
 */
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeOllama, startFakeOllama } from "../helpers/fake-ollama.ts";
import { postJson, REAL_CORPUS, realCorpusDataDir, startTestServer, type TestServer } from "../helpers/server.ts";

type Line = [name: string, publisher: string, installations: number];
const csv = (lines: Line[]) =>
  `\uFEFF"Nom";"Éditeur";"Nombre d'installations";\n${lines.map(([n, p, i]) => `"${n}";"${p}";"${i}";`).join("\n")}\n`;

const BEFORE: Line[] = [
  ["Microsoft Office Professionnel Plus 2019", "Microsoft Corporation", 60],
  ["Microsoft 365 Apps for enterprise - fr-fr", "Microsoft Corporation", 40],
  ["Microsoft Teams (work or school)", "Microsoft Corporation", 50],
  ["Zoom Workplace", "Zoom Video Communications, Inc.", 10],
  ["Cisco Webex Meetings", "Cisco Systems, Inc.", 30],
  ["Foxit PDF Reader", "Foxit Software Inc.", 25],
  ["WhatsApp", "WhatsApp Inc.", 10],
  ["Avast Free Antivirus", "Avast Software", 5],
  ["Opera Stable", "Opera Norway AS", 30],
  ["Vivaldi", "Vivaldi Technologies AS", 8],
];
const AFTER: Line[] = [
  ["Microsoft Office Professionnel Plus 2019", "Microsoft Corporation", 20],
  ["Microsoft 365 Apps for enterprise - fr-fr", "Microsoft Corporation", 85],
  ["Microsoft Teams (work or school)", "Microsoft Corporation", 20],
  ["Zoom Workplace", "Zoom Video Communications, Inc.", 45],
  ["Cisco Webex Meetings", "Cisco Systems, Inc.", 10],
  ["Tixeo", "Tixeo", 20],
  ["Foxit PDF Reader", "Foxit Software Inc.", 10],
  ["SumatraPDF", "Krzysztof Kowalczyk", 15],
  ["WhatsApp", "WhatsApp Inc.", 4],
  ["Avast Free Antivirus", "Avast Software", 5],
  ["Opera Stable", "Opera Norway AS", 12],
  ["Vivaldi", "Vivaldi Technologies AS", 8],
];
const PRODUCTS = [
  { name: "Microsoft Office (licence perpétuelle)", productId: "microsoft-office", by: "LibreOffice" },
  { name: "Microsoft 365 Apps", productId: "microsoft-365-apps", by: "LibreOffice" },
  { name: "Microsoft Teams", productId: "microsoft-teams", by: "Element (protocole Matrix)" },
  { name: "Cisco Webex", productId: "webex", by: "Tixeo" },
  { name: "Foxit PDF Reader / Editor", productId: "foxit-pdf-reader", by: "PDFsam Basic" },
  { name: "WhatsApp", productId: "whatsapp", by: "à désinstaller" },
  { name: "Avast / AVG", productId: "avast-antivirus", by: "Bitdefender GravityZone" },
  { name: "Opera", productId: "opera-browser", by: "Vivaldi" },
];
/** The words each product's state is said in, the same on the plan's page, in the note and on the public page. */
const STATUS: Record<string, RegExp> = {
  "Microsoft Office (licence perpétuelle)":
    /^moins d'installations, remplacées par Microsoft 365 Apps, du même éditeur, passé de 40 à 85 installations, sans que l'alternative prévue apparaisse dans l'inventaire$/,
  // « en hausse » read as good news for a product to replace (trial12 B3).
  "Microsoft 365 Apps":
    /^plus d'installations qu'au départ : de 40 à 85, sans que l'alternative prévue apparaisse dans l'inventaire$/,
  "Microsoft Teams":
    /^moins d'installations, tandis que Zoom passait de 10 à 45 installations, sans que l'alternative prévue apparaisse dans l'inventaire$/,
  "Cisco Webex": /^en cours, Tixeo est passé de 0 à 20 installations$/,
  "Foxit PDF Reader / Editor": /^en cours, SumatraPDF, autre alternative, est passé de 0 à 15 installations$/,
  WhatsApp: /^en cours, moins d'installations$/,
  "Avast / AVG": /^pas encore commencé$/,
  Opera: /^moins d'installations, sans que l'alternative prévue progresse$/,
};

let server: TestServer;
let fake: FakeOllama;
let planId = "";

beforeAll(async () => {
  fake = await startFakeOllama();
  server = await startTestServer({
    CORPUS_DIR: REAL_CORPUS,
    DATA_DIR: await realCorpusDataDir("cap-libre-trial11-"),
    OLLAMA_BASE_URL: fake.url,
  });
  const ids: string[] = [];
  for (const [i, lines] of [BEFORE, AFTER].entries()) {
    const res = await fetch(`${server.url}/api/inventory/analyze?name=parc-${i}.csv`, {
      method: "POST",
      body: csv(lines),
    });
    expect(res.status).toBe(201);
    ids.push((await res.json()).id);
  }
  const adopted = await postJson(`${server.url}/api/plans`, {
    collectivite: { name: "Commune de Guipavas", kind: "Commune" },
    analysisId: ids[0],
    date: "2026-03-02",
    target: { value: 40, date: "2029-12-31" },
    products: PRODUCTS,
  });
  expect(adopted.status).toBe(201);
  planId = (await adopted.json()).plan.id;
  const added = await postJson(`${server.url}/api/plans/${planId}/checkpoints`, {
    analysisId: ids[1],
    date: "2026-11-20",
  });
  expect(added.status).toBe(201);
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await fake?.close();
  if (server) await rm(server.dataDir, { recursive: true, force: true });
});

const pageText = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ");

describe("where each planned product stands (A7)", () => {
  it("says « en cours » only where the replacement grew, and what happened elsewhere, on the plan's page", async () => {
    const { progress } = await (await fetch(`${server.url}/api/plans/${planId}`)).json();
    const said = Object.fromEntries(progress.products.map((p: any) => [p.product.name, p.status]));
    for (const [name, words] of Object.entries(STATUS))
      expect([name, said[name]]).toEqual([name, expect.stringMatching(words)]);
  });

  it("says the same in the progress note, with the counts as the plan's page says them (B2)", async () => {
    const note = await (await fetch(`${server.url}/api/plans/${planId}/note?format=md`)).text();
    for (const [name, words] of Object.entries(STATUS)) {
      const line = note.split("\n").find((l) => l.startsWith(`- ${name} :`));
      expect([name, line?.slice(name.length + 5).split(/ ; | \(|, \d/)[0]]).toEqual([
        name,
        expect.stringMatching(words),
      ]);
    }
    expect(note).toContain(
      "- Cisco Webex : en cours, Tixeo est passé de 0 à 20 installations ; 30 installations au départ, 10 aujourd'hui (remplacement prévu : Tixeo).",
    );
    expect(note).toContain(
      "- Microsoft 365 Apps : plus d'installations qu'au départ : de 40 à 85, sans que l'alternative prévue apparaisse dans l'inventaire ; 40 installations au départ, 85 aujourd'hui",
    );
    expect(note).not.toMatch(/\d+ sur \d+ installations/);
    expect(note).not.toMatch(/Microsoft (Office|Teams)[^\n]*en cours/);
    // A product planned for removal: no « remplacement prévu : à désinstaller » (trial26 T-L3).
    expect(note).toMatch(/- WhatsApp : [^\n]*\(désinstallation prévue, sans remplacement\)\./);
    expect(note).not.toContain("remplacement prévu : à désinstaller");
  });

  it("says the same on the public page", async () => {
    const published = await postJson(`${server.url}/api/plans/${planId}/publish`, { reviewed: true });
    expect(published.status).toBe(200);
    const text = pageText(await (await fetch(`${server.url}/public/commune-de-guipavas`)).text());
    for (const [name, words] of Object.entries(STATUS)) {
      const source = words.source.replace(/^\^|\$$/g, "");
      expect([name, new RegExp(`${name.replace(/[()/]/g, "\\$&")} .*?${source}`).test(text)]).toEqual([name, true]);
    }
    expect(text).not.toMatch(/Microsoft Teams Element \(protocole Matrix\) [^A-Z]*en cours/);
  });

  it("names no product in place of another when the page groups products by category", async () => {
    const published = await postJson(`${server.url}/api/plans/${planId}/publish`, {
      reviewed: true,
      groupProducts: true,
    });
    expect(published.status).toBe(200);
    const text = pageText(await (await fetch(`${server.url}/public/commune-de-guipavas`)).text());
    expect(text).toContain("remplacées par un autre logiciel du même éditeur");
    expect(text).not.toMatch(/Microsoft 365 Apps|Zoom|SumatraPDF/);
  });
});

describe("« L'essentiel » claiming a move to a product (A7 continued)", () => {
  const write = async (reply: string) => {
    fake.set({ reply });
    const res = await fetch(`${server.url}/api/plans/${planId}/note`, { method: "POST" });
    expect(res.status).toBe(201);
    const { note } = await res.json();
    return note.summary.verification.sentences as { text: string; status: string; reasons: string[] }[];
  };

  it("flags a move to a product no inventory shows, or one that did not grow, with a reason naming it", async () => {
    const sentences = await write(
      "Une partie des postes sous Microsoft Teams a déjà migré vers Element. Microsoft Office est passé de 60 à 20 installations, remplacé par LibreOffice. Opera est passé de 30 à 12 installations grâce au déploiement de Vivaldi.",
    );
    const [teams, office, opera] = sentences;
    expect(teams).toMatchObject({ status: "unsupported" });
    expect(teams!.reasons.join(" ")).toMatch(/Element[^«»]* n'apparaît dans aucun inventaire du plan/);
    expect(office).toMatchObject({ status: "unsupported" });
    expect(office!.reasons.join(" ")).toMatch(/LibreOffice n'apparaît dans aucun inventaire du plan/);
    expect(opera).toMatchObject({ status: "unsupported" });
    expect(opera!.reasons.join(" ")).toMatch(/Vivaldi : 8 installations au départ comme au dernier inventaire/);
    // The figures are right: never « pour autre chose », nor given to something else.
    for (const s of sentences) expect(s.reasons.join(" ")).not.toMatch(/pour autre chose|le chiffre « \d+ à \d+ »/);
  });

  it("leaves alone a move the inventories show", async () => {
    const sentences = await write(
      "Cisco Webex est passé de 30 à 10 installations, remplacé par Tixeo. Une partie des postes sous Microsoft Office a migré vers Microsoft 365 Apps.",
    );
    for (const s of sentences) expect([s.text, s.status, s.reasons]).toEqual([s.text, "supported", []]);
  });
});
