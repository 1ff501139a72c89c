/**
 * trial24 T-L6 (`/work/notes/trial24-FINDINGS.md`): attesting « Le conseil communautaire a adopté cet objectif à
 * l'unanimité [1]. » — an act of the collectivité that its data do not say, flagged because the passages speak of
 * other bodies — was refused with that reason and « Corrigez-la ou retirez-la », though the way through exists: the
 * same act written as the document's context says it, with its date, is verified by the data. The refusal says so.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postJson, readSse, startTestServer, type TestServer } from "../helpers/server.ts";

const letter = JSON.parse(readFileSync("test/fixtures/drafting/letter.json", "utf8"));
/**
 * The trial's form (its passage on objectives is not in the test corpus): the council's act, citing the generated
 * section's first passage, on the Gendarmerie's migration to Ubuntu — words it shares, an act of another body.
 */
let ACT = "";
const KEY = "local";

describe("an act of the collectivité its data do not say, refused attestation (trial24 T-L6)", {
  timeout: 120_000,
}, () => {
  let server: TestServer;
  let id: string;
  const call = (method: string, path: string, body: unknown) =>
    fetch(`${server.url}/api/drafts/${id}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    server = await startTestServer();
    const events = await readSse(await postJson(`${server.url}/api/drafts`, { type: "letter", inputs: letter }));
    id = events.at(-1)!.data.id;
    const first = await (await fetch(`${server.url}/api/drafts/${id}`)).json();
    const generated = first.versions.at(-1).sections.find((x: { key: string }) => x.key === KEY).text as string;
    ACT = `Le conseil communautaire a annoncé la migration de ses postes de travail vers Ubuntu, au rythme du renouvellement du matériel ${/\[\^?\d+\]/.exec(generated)![0]}.`;
    const edited = await call("PATCH", `/sections/${KEY}`, { text: ACT });
    expect(edited.status).toBe(200);
  }, 120_000);
  afterAll(() => server?.stop());

  it("says how to get through: the act written as the context says it, with its date", async () => {
    const d = await (await fetch(`${server.url}/api/drafts/${id}`)).json();
    const s = d.versions
      .at(-1)
      .sections.find((x: { key: string }) => x.key === KEY)
      .verification.sentences.find((x: { text: string }) => x.text === ACT);
    expect(s.reasons.join(" ")).toContain("autres organismes");
    const refused = await call("POST", `/sections/${KEY}/attestations`, { sentence: ACT, version: d.versions.length });
    expect(refused.status).toBe(422);
    const text = (await refused.json()).error.message as string;
    expect(text).toContain("« a annoncé »");
    // What the user can do, not only « Corrigez-la ou retirez-la ».
    expect(text).toMatch(/contexte/);
    expect(text).toMatch(/date/);
  });
});
