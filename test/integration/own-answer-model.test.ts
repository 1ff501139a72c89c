/**
 * A fact of the asker's own collectivité asked with a model (ownfig2 answered it honestly without one): the answer
 * opens on the same sentence (« Le corpus ne donne pas et ne peut pas donner les dates, votes … de votre
 * collectivité »), and the model is told that the passages speak of other bodies (`prompts/fr/own.md`). Real corpus,
 * real server over HTTP, a fake model server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeOllama, startFakeOllamaServer } from "../helpers/fake-ollama.ts";
import {
  askHttp,
  REAL_CORPUS,
  realCorpusDataDir,
  startTestServer,
  type TestServer,
  withTestProvider,
} from "../helpers/server.ts";

const OPENING =
  "Le corpus ne donne pas et ne peut pas donner les dates, votes, contrats ni prestataires de votre collectivité";
const TOLD = "la question porte sur la collectivité de l'utilisateur elle-même";

let server: TestServer;
let fake: FakeOllama;
beforeAll(async () => {
  fake = await startFakeOllamaServer({ reply: "Échirolles a adopté une délibération en 2021 [1]." });
  server = await startTestServer(
    withTestProvider({
      CORPUS_DIR: REAL_CORPUS,
      DATA_DIR: await realCorpusDataDir("cap-libre-own-model-"),
      OLLAMA_BASE_URL: fake.url,
      OLLAMA_STATUS_TTL_MS: "60000",
    }),
  );
}, 240_000);
afterAll(async () => {
  await server?.stop();
  await fake?.close();
});

async function ask(question: string) {
  const { text, done } = await askHttp(server.url, question);
  return { text, done, prompt: fake.chats.at(-1)?.messages.at(-1)?.content ?? "" };
}

describe("a fact of the asker's own collectivité, answered with a model", () => {
  it("opens on the honest sentence before the model's words, and tells the model", async () => {
    const { text, done, prompt } = await ask("notre conseil a voté la délibération sur le libre à quelle date ?");
    expect(done.mode).toBe("generated");
    expect(done.abstention).toBeNull();
    expect(text.startsWith(OPENING)).toBe(true);
    expect(text).toContain("Échirolles a adopté une délibération en 2021 [1].");
    expect(prompt).toContain(TOLD);
    expect(prompt).toContain("ne devine pas les siens");
  });

  it("leaves a general question asked with « on » as it was", async () => {
    const { text, prompt } = await ask("par où on commence pour cartographier nos dépendances ?");
    expect(text).not.toContain("votre collectivité");
    expect(prompt).not.toContain(TOLD);
  });

  it("opens the same way on an act of the asker's own collectivité asked in the first person (held-out-24)", async () => {
    const { text, prompt } = await ask("on adhère au syndicat informatique du département ou pas, je ne sais plus");
    expect(text.startsWith(OPENING)).toBe(true);
    expect(prompt).toContain(TOLD);
  });

  it("answers a general question naming the asker's own commune for communes in general (trial17 D6)", async () => {
    const { text, done, prompt } = await ask("on est a plouzelec, est ce qu on peut passer a linux");
    expect(done.abstention).toBeNull();
    expect(text.startsWith("Les passages cités ne parlent pas de « plouzelec » en particulier")).toBe(true);
    expect(prompt).not.toContain(TOLD);
  });
});
