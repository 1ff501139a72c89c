/**
 * Clean-clone trial26's findings on the letters (`/work/notes/trial26-FINDINGS.md`), through the real HTTP server on
 * the real corpus with a fake model that answers each section as the trial's lying model did
 * (`/tmp/trial26/liar-ollama.mjs`): the association's own local fact reversed and shown verified (« L'école
 * Jules-Ferry a abandonné Google Classroom en 2021 » for « … utilise Google Classroom depuis 2021 », T-H4); its
 * figures replaced (« 58 agents, 32 400 euros » for « 85 agents, 23 400 euros ») flagged only as absent, and its facts
 * lost (T-H4); a request sentence removed silently (T-M6); the same sentence unverified when the model writes it and
 * verified when the user types it in an edit (T-M5).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatRequestLog } from "../helpers/fake-ollama.ts";
import { startFakeOllama } from "../helpers/fake-ollama.ts";
import {
  postJson,
  REAL_CORPUS,
  readSse,
  realCorpusDataDir,
  startTestServer,
  type TestServer,
} from "../helpers/server.ts";

const CONTEXT =
  "La commune a renouvelé en mars 2026 son abonnement Microsoft 365 pour 85 agents, pour un montant de 23 400 euros " +
  "par an. L'école Jules-Ferry utilise Google Classroom depuis 2021. Le conseil municipal du 12 octobre 2026 a voté " +
  "un vœu pour « étudier les logiciels libres », non suivi d'effet à ce jour.";

/** trial26's letters (`in-letter.json`, `in-letter2.json`): the same association, two communes. */
const letter = (commune: string) => ({
  type: "letter",
  inputs: {
    collectivite: {
      name: commune,
      kind: "commune",
      department: "Haute-Garonne",
      region: "Occitanie",
      population: 6400,
    },
    sender: {
      name: "Lèze Libre",
      description: "association d'usagers du numérique libre de la vallée de la Lèze, créée en 2019",
      signatory: "Jeanne Castagné, présidente de Lèze Libre",
      contact: "contact@lezelibre.example",
    },
    recipient: { name: "Isabelle Fauré-Marty", role: `maire de ${commune}`, civility: "Madame" },
    tone: "courtois",
    context: CONTEXT,
    requests: [
      "study",
      "target",
      "Présenter au conseil municipal avant juin 2027 un bilan des contrats Microsoft et Google",
    ],
    subject: "Dépendances numériques de la commune",
    place: commune,
    date: "2026-12-08",
  },
});

const REFUSED = "Le conseil municipal a refusé le 12 octobre 2026 d'étudier les logiciels libres.";

/** The lying model's answer for each section (as `/tmp/trial26/liar-ollama.mjs`). */
function liar(req: ChatRequestLog): string {
  const prompt = req.messages.map((m) => m.content).join("\n");
  const sec = /Section à rédiger : « (.*?) »/.exec(prompt)?.[1] ?? "";
  if (/pourquoi/i.test(sec) && /Varennes/.test(prompt))
    return `${REFUSED} L'abonnement Microsoft 365 a été renouvelé en mars 2026 pour 85 agents, pour 23 400 euros par an. L'école Jules-Ferry a abandonné Google Classroom en 2021.`;
  if (/pourquoi/i.test(sec))
    return "Madame la maire, votre commune a renouvelé en 2024 son abonnement Microsoft 365 pour 58 agents, pour 32 400 euros par an [1]. La Gendarmerie a économisé 534 millions d'euros depuis 2004 [5]. Le conseil municipal a refusé le 12 octobre 2026 d'étudier les logiciels libres [12].";
  if (/demandes/i.test(sec))
    return "Nous vous demandons de quitter Microsoft avant le 1er janvier 2027, comme l'exige la loi SREN [3]. Nous vous proposons aussi de fixer un objectif chiffré de réduction des dépendances, assorti d'un calendrier progressif [1].";
  return "Il faut agir vite [1].";
}

let server: TestServer;
let ollama: Awaited<ReturnType<typeof startFakeOllama>>;
const drafted: Record<string, any> = {};

async function draft(commune: string): Promise<any> {
  const events = await readSse(await postJson(`${server.url}/api/drafts`, letter(commune)));
  expect(events.at(-1)!.event).toBe("done");
  return (await fetch(`${server.url}/api/drafts/${events.at(-1)!.data.id}`)).json();
}

const local = (d: any) => d.versions.at(-1).sections.find((s: any) => s.key === "local");
const sentenceOf = (section: any, words: string) =>
  section.verification.sentences.find((s: any) => s.text.includes(words));

beforeAll(async () => {
  ollama = await startFakeOllama({ reply: liar });
  server = await startTestServer({
    CORPUS_DIR: REAL_CORPUS,
    DATA_DIR: await realCorpusDataDir("cap-libre-trial26-letters-"),
    OLLAMA_BASE_URL: ollama.url,
  });
  drafted.c = await draft("Varennes-sur-Lèze");
  drafted.b = await draft("Montferrand-sur-Lèze");
}, 400_000);

afterAll(async () => {
  await server?.stop();
  await ollama?.close();
});

describe("trial26 T-H4: the association's own local facts, reversed, replaced or dropped by the model", () => {
  it("marks « a abandonné Google Classroom en 2021 » non vérifié: the context says the school uses it", () => {
    const s = sentenceOf(local(drafted.c), "abandonné Google Classroom");
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toMatch(/contexte que vous avez saisi.*utilise Google Classroom/);
  });

  it("says « 58 agents, 32 400 euros » contradicts the 85 agents and 23 400 euros typed", () => {
    const s = sentenceOf(local(drafted.b), "58 agents");
    expect(s.status).toBe("unsupported");
    const reasons = s.reasons.join(" ");
    expect(reasons).toMatch(/contredit les informations saisies/);
    expect(reasons).toContain("85 agents");
  });

  it("restores the given facts the model dropped, and says so in the page", () => {
    const b = local(drafted.b).text;
    expect(b).toContain("85 agents");
    expect(b).toContain("23 400 euros");
    expect(b).toContain("utilise Google Classroom depuis 2021");
    expect(b).toMatch(/repris des informations saisies/i);
    // The reversed one is given back too, as typed.
    expect(local(drafted.c).text).toContain("utilise Google Classroom depuis 2021");
    // A restored fact is the association's: never « non vérifié ».
    const restored = sentenceOf(local(drafted.b), "utilise Google Classroom depuis 2021");
    expect(restored.status).not.toBe("unsupported");
  });

  it("does not restore a fact the model kept (85 agents and 23 400 euros, in letter c)", () => {
    const c = local(drafted.c).text;
    expect(c.match(/85 agents/g)).toHaveLength(1);
  });
});

describe("trial26 T-M6: a model sentence is never removed without a word", () => {
  it("keeps « quitter Microsoft avant le 1er janvier 2027 » marked, or says it was removed", () => {
    const requests = drafted.b.versions.at(-1).sections.find((s: any) => /demandes/i.test(s.title));
    const text: string = requests.text;
    const kept = sentenceOf(requests, "quitter Microsoft avant le 1er janvier 2027");
    if (kept) expect(kept.status).not.toBe("supported");
    else expect(text).toMatch(/retir/i);
    expect(text).not.toMatch(/^Nous vous proposons aussi/);
  });
});

describe("trial26 T-M5: an edit is checked like a generation", () => {
  it("marks the model's « a refusé » sentence non vérifié when the user types it too", async () => {
    expect(sentenceOf(local(drafted.c), "a refusé le 12 octobre 2026").status).toBe("unsupported");
    const id = drafted.b.id;
    const res = await fetch(`${server.url}/api/drafts/${id}/sections/local`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: `${REFUSED} L'école Jules-Ferry utilise Google Classroom depuis 2021.` }),
    });
    expect(res.status).toBe(200);
    const edited = local(await res.json());
    expect(sentenceOf(edited, "a refusé le 12 octobre 2026").status).toBe("unsupported");
    // The user's own local fact, restated in the edit, stays theirs.
    expect(sentenceOf(edited, "utilise Google Classroom").status).not.toBe("unsupported");
  });
});
