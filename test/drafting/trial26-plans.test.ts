/**
 * Clean-clone trial26's findings on the audit plan and the roadmap (`/work/notes/trial26-FINDINGS.md`): the plan's
 * « Élu référent : l'adjointe au maire … » then « présidé par l'élu référent » (T-L1); a roadmap whose target date is
 * past, its objective written by the model, losing the date without a word (« à fixer », T-L5); the audit plan's
 * « Contexte et objectifs » written by the model losing the user's « contrat Microsoft … 31 mars 2028 » (T-H4).
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InventoryAnalysis } from "../../server/drafting/types.ts";
import type { Engine } from "../../server/engine.ts";
import { writeDraft } from "../helpers/drafts.ts";
import { type ChatRequestLog, startFakeOllama } from "../helpers/fake-ollama.ts";
import { realCorpusEngine, withTestProvider } from "../helpers/server.ts";

const analysis = JSON.parse(readFileSync("test/fixtures/drafting/analysis.json", "utf8")) as InventoryAnalysis;
const collectivite = {
  name: "Saint-Aubin-des-Landiers",
  kind: "commune",
  department: "Ille-et-Vilaine",
  region: "Bretagne",
  population: 9200,
};
const CONTRACT = "Le contrat Microsoft arrive à échéance le 31 mars 2028";

/**
 * The lying model: an objective of its own, a context without the user's facts; nothing for the team (the plan's
 * template then writes it, as without a model).
 */
const REPLY = "L'objectif est de réduire les dépendances [1]. La cartographie est utile [1].";
const reply = (req: ChatRequestLog) =>
  req.messages.some((m) => m.content.includes("Section à rédiger : « Équipe")) ? "" : REPLY;

let engine: Engine;
let close: () => Promise<void>;
let ollama: Awaited<ReturnType<typeof startFakeOllama>>;
const md: Record<string, string> = {};

beforeAll(async () => {
  ollama = await startFakeOllama({ reply });
  ({ engine, close } = await realCorpusEngine("cap-libre-trial26-plans-", (env) =>
    withTestProvider({ ...env, OLLAMA_BASE_URL: ollama.url }),
  ));
  await engine.records("analyses").put(analysis.id, analysis);
  md.audit = (
    await writeDraft(engine, {
      type: "audit-plan",
      inputs: {
        analysisId: analysis.id,
        collectivite,
        startDate: "2027-01",
        durationMonths: 4,
        sponsor: "l'adjointe au maire chargée du numérique",
        lead: "la responsable informatique",
        context: CONTRACT,
      },
    })
  ).markdown;
  md.roadmap = (
    await writeDraft(engine, {
      type: "roadmap",
      inputs: { analysisId: analysis.id, collectivite, targetShare: 30, startDate: "2027-01", targetDate: "2026-11" },
    })
  ).markdown;
}, 400_000);

afterAll(async () => {
  await close?.();
  await ollama?.close();
});

describe("trial26 T-L1: the audit plan agrees with the sponsor's gender", () => {
  it("says « Élue référente » and « présidé par l'élue référente » for « l'adjointe au maire »", () => {
    expect(md.audit).toContain("**Élue référente** : l'adjointe au maire chargée du numérique");
    expect(md.audit).toContain("présidé par l'élue référente");
    expect(md.audit).not.toContain("présidé par l'élu référent");
  });
});

describe("trial26 T-H4: the audit plan's given facts survive a model's « Contexte et objectifs »", () => {
  it("keeps the contract's end date, said restored", () => {
    expect(md.audit).toContain("31 mars 2028");
    expect(md.audit).toMatch(/repris des informations saisies/);
  });
});

describe("trial26 T-L5: a past target date is said, even when the model writes the objective", () => {
  it("says the requested date (novembre 2026) is past", () => {
    expect(md.roadmap).toMatch(/L'échéance demandée \(novembre 2026\) est déjà passée/);
  });
});
