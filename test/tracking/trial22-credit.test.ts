/**
 * trial22 T-M7, through the real server on the real catalog: between two inventories 21 postes went from Windows 10 to
 * Debian (one of Windows 10's catalogue alternatives) while the 5 Windows Servers, whose planned replacement is
 * Debian, did not move. The note and the public page said « Windows 10 : moins d'installations, sans que
 * l'alternative prévue progresse » and « Windows Server : pas encore commencé, tandis que Debian, son remplacement
 * prévu, passait de 0 à 21 installations »: the growth credited to the product that did not go down. It is counted
 * once, for the product that went down.
 */
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeOllama, startFakeOllama } from "../helpers/fake-ollama.ts";
import { postJson, REAL_CORPUS, realCorpusDataDir, startTestServer, type TestServer } from "../helpers/server.ts";

type Line = [name: string, publisher: string, installations: number];
const csv = (lines: Line[]) =>
  `\uFEFF"Nom";"Éditeur";"Nombre d'installations";\n${lines.map(([n, p, i]) => `"${n}";"${p}";"${i}";`).join("\n")}\n`;
const BEFORE: Line[] = [
  ["Microsoft Windows 10 Professionnel", "Microsoft Corporation", 95],
  ["Microsoft Windows Server 2019 Standard", "Microsoft Corporation", 5],
  ["Mozilla Firefox (x64 fr)", "Mozilla", 100],
];
const AFTER: Line[] = [
  ["Microsoft Windows 10 Professionnel", "Microsoft Corporation", 74],
  ["Microsoft Windows Server 2019 Standard", "Microsoft Corporation", 5],
  ["Debian GNU/Linux 12 (bookworm)", "Debian", 21],
  ["Mozilla Firefox (x64 fr)", "Mozilla", 100],
];

let server: TestServer;
let fake: FakeOllama;
let planId = "";
beforeAll(async () => {
  fake = await startFakeOllama();
  server = await startTestServer({
    CORPUS_DIR: REAL_CORPUS,
    DATA_DIR: await realCorpusDataDir("cap-libre-trial22-credit-"),
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
    collectivite: { name: "Communauté de communes du Val de Sarzeine", kind: "communauté de communes" },
    analysisId: ids[0],
    date: "2026-05-04",
    target: { value: 40, date: "2028-12-31" },
    products: [
      { name: "Windows 10", productId: "windows-10", by: "Ubuntu" },
      { name: "Windows Server", productId: "windows-server", by: "Debian" },
    ],
  });
  expect(adopted.status).toBe(201);
  planId = (await adopted.json()).plan.id;
  const added = await postJson(`${server.url}/api/plans/${planId}/checkpoints`, {
    analysisId: ids[1],
    date: "2026-12-04",
  });
  expect(added.status).toBe(201);
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await fake?.close();
  if (server) await rm(server.dataDir, { recursive: true, force: true });
});

describe("an alternative's growth is credited to the product that went down (trial22 T-M7)", () => {
  it("Windows 10 is « en cours » with Debian, Windows Server not started without Debian beside it", async () => {
    const { progress } = await (await fetch(`${server.url}/api/plans/${planId}`)).json();
    const said = Object.fromEntries(progress.products.map((p: any) => [p.product.name, p.status]));
    expect(said["Windows 10"]).toMatch(/^en cours, Debian[^,]*, autre alternative, est passé de 0 à 21 installations/);
    expect(said["Windows Server"]).toBe("pas encore commencé");
  });
});
