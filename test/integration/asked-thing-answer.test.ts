/**
 * What a clause asks, read by its form (`asked-thing.ts`; held-out-28 diagnosis, burned): a two-part question whose
 * second clause asks a thing no sentence of the passages found holds is answered in part, saying first what the corpus
 * does not give; a yes/no question on a detail no passage found holds is refused. Questions of the same forms whose
 * passages hold what is asked are answered as before. Real corpus, real server over HTTP, no model.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askHttp, REAL_CORPUS, realCorpusDataDir, startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    CORPUS_DIR: REAL_CORPUS,
    DATA_DIR: await realCorpusDataDir("cap-libre-asked-thing-"),
  });
}, 240_000);
afterAll(async () => {
  await server?.stop();
});

const ask = (question: string) => askHttp(server.url, question);

describe("a second clause asking a thing no passage found holds", () => {
  it("answers the first clause and says first that the corpus does not give the host of Visio's servers", async () => {
    const { done } = await ask("visio repose sur livekit, chez quel hébergeur tournent ses serveurs ?");
    expect(done.abstention).toBeNull();
    expect(done.partial).toMatchObject({ kind: "partial", missing: "chez quel hébergeur tournent ses serveurs ?" });
    expect(done.partial.statement).toContain("« hébergeur »");
    expect(done.partial.statement).toContain("« visio repose sur livekit »");
  });

  it("answers as before a second clause whose count a passage on the subject gives", async () => {
    const { done } = await ask("La DINUM passe à Linux : combien de machines concernées ?");
    expect(done.abstention).toBeNull();
    expect(done.partial).toBeUndefined();
  });
});

describe("a thing asked by « quel … » that the passages write without naming it (held-out-29, burned)", () => {
  it("says first that the corpus does not name the provider, when the card says only « chez un prestataire »", async () => {
    const q = "le schleswig-holstein a migré vers open-xchange : quel prestataire a conduit la migration des boîtes";
    const { done } = await ask(q);
    expect(done.abstention).toBeNull();
    expect(done.partial).toMatchObject({
      kind: "partial",
      missing: "quel prestataire a conduit la migration des boîtes",
    });
    expect(done.partial.statement).toContain("« prestataire »");
  });

  it("answers as before when a sentence names it (« l'intégrateur Inetum »)", async () => {
    const { done } = await ask("broadcom a racheté vmware : quel intégrateur a migré des clients vers nutanix ?");
    expect(done.abstention).toBeNull();
    expect(done.partial).toBeUndefined();
  });
});

describe("a yes/no question on a detail no passage found holds", () => {
  it("refuses a detail asked of a subject typed in lower case (« la canut »)", async () => {
    const { done } = await ask(
      "la canut propose-t-elle un tarif réduit aux communes rurales de moins de 500 habitants",
    );
    expect(done.abstention).not.toBeNull();
    expect(done.abstention.missing).toContain("tarif");
  });

  it("refuses, naming the detail", async () => {
    const { done } = await ask("sécurix gère-t-il les imprimantes réseau ?");
    expect(done.abstention).not.toBeNull();
    expect(done.abstention.missing).toContain("imprimantes");
  });

  it("answers as before a yes/no question whose detail a passage holds", async () => {
    const { done } = await ask("QGIS sait-il lire nos couches MapInfo ?");
    expect(done.abstention).toBeNull();
  });
});
