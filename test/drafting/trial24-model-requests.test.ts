/**
 * trial24 T-M5 (trial23 T-M5, still; `/work/notes/trial24-FINDINGS.md`): with a model, the letter's « Nos demandes »
 * printed the model's own request « Nous vous demandons de quitter Google Drive avant le 1er septembre 2026 et de
 * répondre sous huit jours. » — a request the sender never typed, its deadline passed without the note the list items
 * get — then « Nous vous demandons donc de : » and the sender's list: requests twice, two lists of different things.
 * The letter asks what its sender asked: the model's sentence that makes a request is not printed; its reasons are.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeOllama, startFakeOllama } from "../helpers/fake-ollama.ts";
import { postJson, readSse, startTestServer, type TestServer } from "../helpers/server.ts";

const letter = JSON.parse(readFileSync("test/fixtures/drafting/letter.json", "utf8"));
const ASKED = "Nous vous demandons de quitter Google Drive avant le 1er septembre 2026 et de répondre sous huit jours.";
const REASON = "Ces demandes sont raisonnables : d'autres collectivités ont commencé par un état des lieux [1].";

describe("the model's own request in a letter's requests (trial24 T-M5)", { timeout: 120_000 }, () => {
  let ollama: FakeOllama;
  let server: TestServer;
  let text: string;
  beforeAll(async () => {
    ollama = await startFakeOllama({
      reply: (req) => (JSON.stringify(req).includes("Nos demandes") ? `${ASKED} ${REASON}` : "Un paragraphe [1]."),
    });
    server = await startTestServer({ OLLAMA_BASE_URL: ollama.url });
    const inputs = {
      ...letter,
      tone: "ferme",
      date: "2026-12-07",
      requests: [
        "study",
        "Publier les délibérations au format PDF et ODT d'ici le 1er juillet 2026",
        "public-information",
      ],
    };
    const events = await readSse(await postJson(`${server.url}/api/drafts`, { type: "letter", inputs }));
    const id = events.at(-1)!.data.id;
    const d = await (await fetch(`${server.url}/api/drafts/${id}`)).json();
    text = d.versions.at(-1).sections.find((s: { key: string }) => s.key === "requests").text;
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await ollama?.close();
  });

  it("prints the sender's requests once, with their deadline note, and not the model's own", () => {
    expect(text).toContain("Nous vous demandons donc de :");
    expect(text).toContain("passée à la date de ce courrier");
    expect(text).not.toContain("Google Drive");
    expect(text).toContain("Ces demandes sont raisonnables");
  });
});
