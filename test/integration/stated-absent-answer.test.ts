/**
 * « The corpus says it does not know » (the lead's decision of 6 December 2026): a question whose figure the corpus
 * says it does not publish is answered, with a model or without, by an answer that opens on that sentence quoted
 * with its source. An invented page on a copy of the test corpus, real index; a fake model server for the generated
 * answer.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config.ts";
import { createEngine, type Engine } from "../../server/engine.ts";
import { type FakeOllama, startFakeOllama } from "../helpers/fake-ollama.ts";
import { askOne, copyCorpus, NO_OLLAMA } from "../helpers/server.ts";

const CYCLOPOLIS = `---
title: "Cyclopolis : le prêt de vélos de la métropole de Valbrune"
kind: case-study
date: 2026-02
territory: France
categories: [other]
sources:
  - title: "Le Courrier de Valbrune, « Cyclopolis a un an »"
    date: 2025-11
---
## Cyclopolis : ce que c'est

Cyclopolis est le service de prêt de vélos de la métropole de Valbrune, ouvert en 2024 avec une application libre
(Le Courrier de Valbrune, novembre 2025).

## Cyclopolis en chiffres

Le service compte 300 vélos et 12 stations (Le Courrier de Valbrune, novembre 2025). Les sources consultées ne
donnent pas le nombre de prêts par mois ni le coût annuel du service.
`;

const QUESTION = "Cyclopolis à Valbrune, ça fait combien de prêts par mois ?";
const OPENING = "Le corpus ne le chiffre pas : « Les sources consultées ne donnent pas le nombre de prêts par mois";

describe("a figure the corpus says it does not publish", () => {
  let corpus: string;
  let ollama: FakeOllama;
  const engines: Engine[] = [];
  const engine = async (model: boolean) => {
    const data = path.join(corpus, "..", `${path.basename(corpus)}-data-${model ? "model" : "none"}`);
    const e = await createEngine(
      loadConfig({
        CORPUS_DIR: corpus,
        DATA_DIR: data,
        OLLAMA_BASE_URL: model ? ollama.url : NO_OLLAMA,
        OLLAMA_STATUS_TTL_MS: "0",
      }),
    );
    engines.push(e);
    await e.index();
    if (model) await e.vectors.run();
    return e;
  };
  beforeAll(async () => {
    corpus = await copyCorpus();
    await mkdir(path.join(corpus, "case-studies"), { recursive: true });
    await writeFile(path.join(corpus, "case-studies", "cyclopolis.md"), CYCLOPOLIS);
    ollama = await startFakeOllama({ reply: "Le service compte 300 vélos [1]." });
  }, 60_000);
  afterAll(async () => {
    for (const e of engines) await e.close();
    await ollama?.close();
    await rm(corpus, { recursive: true, force: true });
    for (const m of ["model", "none"])
      await rm(path.join(corpus, "..", `${path.basename(corpus)}-data-${m}`), { recursive: true, force: true });
  });

  it("is answered without a model, opening on the sentence that says so, with its source", async () => {
    const { text, done } = await askOne(await engine(false), QUESTION);
    expect(done.abstention).toBeNull();
    expect(done.mode).toBe("extractive");
    expect(text.startsWith(OPENING)).toBe(true);
    expect(text.split("\n")[0]).toMatch(/» \(Cyclopolis, février 2026\) \[1\]$/);
  });

  it("is answered with a model, the answer opening on the same sentence", async () => {
    const { text, done } = await askOne(await engine(true), QUESTION);
    expect(done.abstention).toBeNull();
    expect(done.mode).toBe("generated");
    expect(text.startsWith(OPENING)).toBe(true);
    expect(text).toContain("Le service compte 300 vélos [1].");
  });
});
