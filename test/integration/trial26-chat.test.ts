/**
 * Clean-clone trial26's chat findings (`/work/notes/trial26-FINDINGS.md`) through the real server over HTTP, on the
 * real corpus, with a fake model server that writes what the trial's lying model wrote:
 * - T-H1: « Karim Khan a supprimé l'adresse de messagerie de Microsoft » is « non vérifié » (who did what swapped);
 * - T-H2: « Elle passe à Sécurix [2] » (the DINUM) is « non vérifié » when a passage given calls it inexact;
 * - T-M4: an answer none of whose sentences the sources confirm says so first (`done.unconfirmed`), with the
 *   extractive « En bref » beside it (the export then says no « Faits à jour »);
 * - T-H5: the exported conversation marks what the page marks: the invented figure « [non vérifié] » even with an
 *   invalid citation, the header counting both sentences, the warning of T-M4.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasPdftotext, pdfText } from "../helpers/export-text.ts";
import { type ChatRequestLog, type FakeOllama, startFakeOllamaServer } from "../helpers/fake-ollama.ts";
import {
  askHttp,
  postJson,
  REAL_CORPUS,
  realCorpusDataDir,
  startTestServer,
  type TestServer,
  withTestProvider,
} from "../helpers/server.ts";

const CPI = "Que s'est-il passé avec la messagerie du procureur de la CPI ?";
const DINUM = "La DINUM passe ses postes sous Linux, c'est vrai ?";
const LYON = "Qu'a fait Lyon pour sortir de Microsoft ?";

/**
 * What the trial's lying model wrote (/tmp/trial26/liar-ollama.mjs), by question; its « [7] » is « [17] » here, a
 * passage never given whatever the number of passages the budget keeps.
 */
function liar(req: ChatRequestLog): string {
  const prompt = req.messages.at(-1)?.content ?? "";
  if (/procureur/.test(prompt))
    return "Le 15 mai 2025, Karim Khan a supprimé l'adresse de messagerie de Microsoft, ce qui a contraint Microsoft à passer chez Proton Mail [1].";
  if (/DINUM/.test(prompt))
    return "Le 8 avril 2026, la DINUM a annoncé qu'elle quittait Windows pour des postes Linux, sur 25 000 postes [1]. Elle passe à Sécurix [2].";
  if (/Sécurix, c'est quoi/.test(prompt)) {
    // The passage that says it, cited by its number: a confirmed sentence.
    const n = [...prompt.matchAll(/<<<PASSAGE-\S+ \[(\d+)\]([\s\S]*?)FIN DU PASSAGE/g)].find((m) =>
      m[2]!.includes("développe des postes de travail fondés sur la distribution NixOS"),
    )?.[1];
    return `La DINUM développe des postes de travail fondés sur la distribution NixOS [${n}].`;
  }
  return "La Ville de Lyon a investi 95 millions d'euros en 2031 pour sortir de Microsoft [1] [17]. Elle a migré 100 % de ses postes sous Linux dès 2025 [12].";
}

const UNCONFIRMED = "Aucune phrase de cette réponse n'est confirmée par les sources citées";

let server: TestServer;
let fake: FakeOllama;
beforeAll(async () => {
  fake = await startFakeOllamaServer({ reply: liar });
  server = await startTestServer(
    withTestProvider({
      CORPUS_DIR: REAL_CORPUS,
      DATA_DIR: await realCorpusDataDir("cap-libre-trial26-"),
      OLLAMA_BASE_URL: fake.url,
      OLLAMA_STATUS_TTL_MS: "60000",
    }),
  );
}, 240_000);
afterAll(async () => {
  await server?.stop();
  await fake?.close();
});

type Check = { text: string; status: string; reasons: string[] };
const sentence = (done: { verification: { sentences: Check[] } }, start: string) =>
  done.verification.sentences.find((s) => s.text.startsWith(start));

describe("trial26: the chat marks what the sources do not carry", () => {
  it("T-H1: a swap of who deleted whose address is « non vérifié »", async () => {
    const { done } = await askHttp(server.url, CPI);
    expect(done.mode).toBe("generated");
    const s = sentence(done, "Le 15 mai 2025, Karim Khan");
    expect(s?.status).toBe("unsupported");
    expect(s?.reasons.join(" ")).toContain("Microsoft avait supprimé l'adresse de messagerie de Karim Khan");
  });

  it("T-H2: what a given passage calls inexact is « non vérifié », with that passage's reason", async () => {
    const { done, sources } = await askHttp(server.url, DINUM);
    const warned = sources.findIndex((s: { text: string }) => s.text.includes("Il serait donc inexact d'affirmer"));
    expect(warned).toBeGreaterThanOrEqual(0);
    const s = sentence(done, "Elle passe à Sécurix");
    expect(s?.status).toBe("unsupported");
    expect(s?.reasons.join(" ")).toContain(`[${warned + 1}]`);
    expect(s?.reasons.join(" ")).toContain("inexact d'affirmer");
  });

  it("T-M4: an answer no sentence of which is confirmed says so first, with the brief", async () => {
    const { done } = await askHttp(server.url, LYON);
    expect(done.verification.counts.supported).toBe(0);
    expect(done.unconfirmed?.notice).toContain(UNCONFIRMED);
    expect(done.unconfirmed?.brief?.text).toMatch(/^En bref/);
    // An answer with a confirmed sentence has none.
    const confirmed = await askHttp(server.url, "Sécurix, c'est quoi ?");
    expect(confirmed.done.verification.counts.supported).toBeGreaterThan(0);
    expect(confirmed.done.unconfirmed).toBeUndefined();
  });

  it("T-H5: the exported conversation marks the invented figure and counts both sentences", async () => {
    const { text, sources, done } = await askHttp(server.url, LYON);
    const exchanges = [{ at: new Date().toISOString(), question: LYON, answer: text, sources, done }];
    const md = await (
      await postJson(`${server.url}/api/conversations/export?format=md`, { title: "Conseil municipal", exchanges })
    ).text();
    const flat = md.replace(/\s+/g, " ").replaceAll("**", "");
    // The invented figures: their invalid citation and « [non vérifié] » (their figures are in no passage either).
    expect(flat).toMatch(/sortir de Microsoft\S* \[17 : citation invalide\] \[non vérifié\]\./);
    expect(flat).toMatch(/dès 2025 \[12 : citation invalide\] \[non vérifié\]\./);
    // The header counts what the page lists as to check: both sentences.
    expect(flat).toContain("2 phrases marquées « non vérifié »");
    expect(flat).toContain(UNCONFIRMED);
    expect(flat).not.toContain("Faits à jour");
    if (hasPdftotext) {
      const pdf = await postJson(`${server.url}/api/conversations/export?format=pdf`, {
        title: "Conseil municipal",
        exchanges,
      });
      const printed = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
      expect(printed).toContain("[non vérifié]");
      expect(printed).toContain(UNCONFIRMED);
      expect(printed).toContain("2 phrases marquées « non vérifié »");
    }
  });
});
