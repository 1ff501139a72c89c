/**
 * Trial 8, B4, through the real HTTP server on the real catalog: a small GLPI export whose lines were « à classer »
 * or « statut inconnu » — a free edition of a known antivirus, Collabora's desktop suite, 1C:Enterprise — is now
 * mapped to catalog cards, each with its vendor's country and laws; Defender for Endpoint keeps a line of its own.
 * (Tested on ESET for the edition rule: the trial's Kaspersky Free is the same rule.)
 */
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REAL_CORPUS, realCorpusDataDir, startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ CORPUS_DIR: REAL_CORPUS, DATA_DIR: await realCorpusDataDir("cap-libre-b4-") });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  if (server) await rm(server.dataDir, { recursive: true, force: true });
});

const csv = (lines: string[]) =>
  new TextEncoder().encode(
    ['"Nom";"Entité";"Éditeur";"Versions - Nom";"Nombre d\'installations"', ...lines].join("\r\n"),
  );

describe("a GLPI export with editions and new cards (trial8 B4)", () => {
  it("maps each line to its card, with the vendor's country and laws", async () => {
    const body = new FormData();
    const bytes = csv([
      '"ESET Internet Security";"Mairie";"ESET, spol. s r.o.";"17.1";"6"',
      '"Collabora Office";"Mairie";"Collabora Productivity Ltd";"25.04.8";"12"',
      '"1C:Enterprise 8 (x86-64)";"Mairie";"1C-Soft";"8.3.24";"3"',
      '"Microsoft Defender for Endpoint";"Mairie";"Microsoft Corporation";"10.8760";"40"',
    ]);
    body.append("file", new Blob([bytes as Uint8Array<ArrayBuffer>]), "glpi-b4.csv");
    const res = await fetch(`${server.url}/api/inventory/analyze`, { method: "POST", body });
    expect(res.status).toBe(201);
    const r = await res.json();
    const line = (name: string) => r.items.find((i: any) => i.name === name);
    // A consumer edition of a product the catalog proposes as an alternative: only a suggestion (trial 13, B1).
    expect(line("ESET Internet Security")).toMatchObject({ product: null, suggestion: { id: "eset-endpoint" } });
    expect(line("ESET Internet Security").reason).toContain("« Internet Security »");
    expect(line("Collabora Office")).toMatchObject({
      product: { id: "collabora-office" },
      openSource: true,
      extraEuropean: false,
      vendor: { country: "GB" },
    });
    expect(line("1C:Enterprise 8 (x86-64)")).toMatchObject({
      product: { id: "1c-enterprise" },
      extraEuropean: true,
      vendor: { country: "RU", ownershipVerified: false },
      exposure: { controllingCountry: "RU", laws: ["ru-sorm", "ru-data-localisation"] },
    });
    expect(line("Microsoft Defender for Endpoint")).toMatchObject({
      product: { id: "microsoft-defender-endpoint" },
      component: false,
    });
    // Only the consumer edition is left to review.
    expect(r.unknown.map((u: any) => u.name)).toEqual(["ESET Internet Security"]);
    // The first analysis on the real catalog builds its match index: seconds on a machine under load.
  }, 90_000);
});
