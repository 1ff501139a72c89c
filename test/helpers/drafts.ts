/**
 * A small saved draft with every construct the exporters handle: headings, lists, a table, a quote, notes with
 * and without URL, a flagged figure and a section still to complete.
 */
import { expect } from "vitest";
import { createDraft, getDraft, prepareDraft } from "../../server/drafting/drafts.ts";
import type { Draft, InventoryAnalysis } from "../../server/drafting/types.ts";
import type { Engine } from "../../server/engine.ts";
import { exportDraft } from "../../server/export/index.ts";
import { startFakeOllama } from "./fake-ollama.ts";
import { postJson, readSse, realCorpusEngine, type TestServer, withTestProvider } from "./server.ts";

/** A draft written through the engine as the API writes it, saved, read back, with its Markdown export. */
export async function writeDraft(engine: Engine, body: unknown): Promise<{ draft: Draft; markdown: string }> {
  const prepared = await prepareDraft(engine, body);
  let id = "";
  for await (const e of createDraft(engine, prepared, new AbortController().signal)) if (e.type === "done") id = e.id;
  const draft = await getDraft(engine, id);
  return { draft, markdown: new TextDecoder().decode((await exportDraft(draft, "md")).bytes) };
}

/**
 * A draft written on the real corpus (`realCorpusEngine`, data folder named after `prefix`), with the fake model
 * answering every section with `reply` or without a model, then the engine and the model closed: what a trial's
 * letter printed, read back.
 */
export async function draftOnRealCorpus(
  prefix: string,
  body: unknown,
  reply?: string,
): Promise<{ draft: Draft; markdown: string }> {
  const ollama = reply === undefined ? null : await startFakeOllama({ reply });
  try {
    const { engine, close } = await realCorpusEngine(prefix, (env) =>
      ollama ? withTestProvider({ ...env, OLLAMA_BASE_URL: ollama.url }) : env,
    );
    try {
      return await writeDraft(engine, body);
    } finally {
      await close();
    }
  } finally {
    await ollama?.close();
  }
}

export function sampleDraft(): Draft {
  return {
    id: "2026-04-20-abcdef12",
    type: "audit-plan",
    title: "Plan d'audit des dépendances numériques",
    collectivite: "Quimper Bretagne Occidentale",
    inputs: { collectivite: { name: "Quimper Bretagne Occidentale" }, author: "DSI" },
    createdAt: "2026-04-20T10:00:00.000Z",
    versions: [
      {
        at: "2026-04-20T10:00:00.000Z",
        cause: "generate",
        sections: [
          {
            key: "context",
            title: "Contexte et objectifs",
            text: "Le séminaire du 8 avril 2026 a retenu sept catégories [1]. La Gendarmerie économise **12 millions d'euros** par an [2], soit 47 % de moins.\n\n- un état des lieux ;\n- un objectif *chiffré* [1].\n\n> « Citation du corpus » [2]",
            citations: [
              {
                n: 1,
                title: "Le séminaire interministériel du 8 avril 2026",
                section: "En bref",
                date: "2026-04-10",
                url: "https://www.numerique.gouv.fr/",
              },
              {
                n: 2,
                title: "La Gendarmerie nationale et GendBuntu",
                date: "2021",
                url: null,
                source: "Assemblée nationale, audition",
              },
            ],
            flags: [{ figure: "47 %", reason: "absent" }],
            mode: "generated",
            toComplete: false,
            heading: true,
            passageIds: [],
          },
          {
            key: "calendar",
            title: "Calendrier",
            text: "### Étapes\n\n| Étape | Période |\n| --- | --- |\n| Cadrage | avril 2026 |\n| Inventaire | mai 2026 – juin 2026 |\n\n1. premier\n2. second",
            citations: [],
            flags: [],
            mode: "template",
            toComplete: true,
            heading: true,
            passageIds: [],
          },
        ],
      },
    ],
  };
}

/** Rows of a Markdown table (header and rule left out), each as its trimmed cells: a roadmap's calendar. */
export function tableRows(markdown: string): string[][] {
  return markdown
    .split("\n")
    .filter((l) => l.startsWith("|") && !/^\|\s*-/.test(l))
    .slice(1)
    .map((l) =>
      l
        .split("|")
        .slice(1, -1)
        .map((c) => c.trim()),
    );
}

/**
 * A roadmap drafted over HTTP from a saved analysis, and the plan proposal the page offers to adopt from it
 * (`/api/plans/from-draft/:id`): the draft finished and the proposal given, both asserted.
 */
export async function roadmapProposal(
  server: TestServer,
  analysis: InventoryAnalysis,
  inputs: Record<string, unknown>,
): Promise<{ draftId: string; proposal: any }> {
  await server.engine.records("analyses").put(analysis.id, analysis);
  const events = await readSse(await postJson(`${server.url}/api/drafts`, { type: "roadmap", inputs }));
  expect(events.at(-1)!.event).toBe("done");
  const draftId = events.at(-1)!.data.id as string;
  const res = await fetch(`${server.url}/api/plans/from-draft/${draftId}`);
  expect(res.status).toBe(200);
  return { draftId, proposal: (await res.json()).proposal };
}
