/**
 * An extractive answer quotes the page the search puts first by the section that answers (trial6, A5): a page's
 * overview (« pourquoi ce document … un petit syndicat passé à Linux … Chaque section se lit seule ») gives way to
 * the section naming who did it, and a page the search ranks first and second is quoted even when the relevance
 * filter kept none of the two passages ranked. Invented pages on a copy of the test corpus, real index.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isOverview, leadingSections, wordsNeverUsed } from "../../server/answers/answer.ts";
import { loadConfig } from "../../server/config.ts";
import { createEngine, type Engine } from "../../server/engine.ts";
import { searchResultOf } from "../../server/retrieval/search.ts";
import { askOne, copyCorpus, NO_OLLAMA } from "../helpers/server.ts";

const SYNDICATS = `---
title: "Autres syndicats intercommunaux : Valbrune, Orbain et Saint-Clair"
kind: case-study
date: 2026-03
territory: France
categories: [workstation]
sources:
  - title: "Le Courrier de la Drôme, « Valbrune passe ses postes sous Ubuntu »"
    date: 2025-06
---
## Autres syndicats intercommunaux : pourquoi ce document

Au-delà des grands cas, plusieurs syndicats intercommunaux offrent des exemples courts : un petit syndicat passé à
Linux, un syndicat sorti de sa messagerie américaine, et un contre-exemple. Chaque section se lit seule.

## Valbrune (Drôme) : 90 % des postes sous Ubuntu

Le syndicat des eaux de Valbrune fait fonctionner 90 % de ses postes sous Linux (Ubuntu) depuis 2022 ; il a formé
ses douze agents en interne (Le Courrier de la Drôme, juin 2025).

## Orbain : la messagerie

Le syndicat d'Orbain a choisi en 2024 une messagerie hébergée en France (Le Courrier de la Drôme, juin 2025).

## Saint-Clair : le contre-exemple

À Saint-Clair, le projet a été abandonné après le départ du seul technicien (Le Courrier de la Drôme, juin 2025).
`;

const HELP = `---
title: "Trouver de l'aide : à qui s'adresser pour changer de messagerie"
kind: ecosystem
date: 2026-04
territory: France
categories: [other]
sources:
  - title: "Réseau des syndicats numériques, « Annuaire des prestataires »"
    date: 2026-01
---
## Trouver de l'aide : les réseaux de syndicats

Le réseau des syndicats numériques met en relation les collectivités qui veulent changer d'outil avec des pairs
qui l'ont déjà fait (Réseau des syndicats numériques, janvier 2026).

## Trouver de l'aide : les prestataires

L'annuaire du réseau recense douze prestataires capables de migrer une messagerie (Réseau des syndicats
numériques, janvier 2026).

## Trouver de l'aide : les rencontres

Des rencontres régionales ont lieu chaque printemps (Réseau des syndicats numériques, janvier 2026).
`;

describe("the page the search ranks first, in an extractive answer", () => {
  let engine: Engine;
  let corpus: string;
  let data: string;
  beforeAll(async () => {
    corpus = await copyCorpus();
    await mkdir(path.join(corpus, "ecosystem"), { recursive: true });
    await writeFile(path.join(corpus, "case-studies", "autres-syndicats.md"), SYNDICATS);
    await writeFile(path.join(corpus, "ecosystem", "trouver-de-l-aide.md"), HELP);
    data = path.join(corpus, "..", `${path.basename(corpus)}-data`);
    engine = await createEngine(
      loadConfig({ CORPUS_DIR: corpus, DATA_DIR: data, OLLAMA_BASE_URL: NO_OLLAMA, OLLAMA_STATUS_TTL_MS: "0" }),
    );
    await engine.index();
  }, 60_000);
  afterAll(async () => {
    await engine?.close();
    await rm(corpus, { recursive: true, force: true });
    await rm(data, { recursive: true, force: true });
  });

  it("quotes the section naming who did it, not the page's overview", async () => {
    const question = "Quels syndicats intercommunaux sont passés à Linux ?";
    const { results } = await engine.retriever.search(question, 8);
    expect(results[0]!.id).toBe("case-studies/autres-syndicats#0");
    expect(isOverview(results[0]!)).toBe(true);
    const { text } = await askOne(engine, question);
    const first = text.split(/\n\n\[2\]/)[0]!;
    expect(first).toContain("Valbrune (Drôme) : 90 % des postes sous Ubuntu");
    expect(first).toContain("Le syndicat des eaux de Valbrune fait fonctionner 90 % de ses postes sous Linux");
  });

  it("tells an overview from a section that only names its page", () => {
    const [first, second] = ["#0", "#1"].map((n) => ({
      id: `x${n}`,
      section: "Valbrune",
      text: "Dans ce document, …",
    }));
    expect(isOverview(first!)).toBe(true);
    // (A later section speaking of the page is no overview: it carries its own facts.)
    expect(isOverview(second!)).toBe(false);
    expect(isOverview({ id: "x#0", section: "Valbrune", text: "Valbrune a migré 90 % de ses postes." })).toBe(false);
  });

  it("brings first the page ranked first and second whose passages the filter left out", async () => {
    const chunks = await engine.store.getChunks([
      "ecosystem/trouver-de-l-aide#2",
      "ecosystem/trouver-de-l-aide#0",
      "case-studies/autres-syndicats#2",
    ]);
    const byId = new Map(chunks.map((c) => [c.id, searchResultOf(c, 1)]));
    const results = [
      byId.get("ecosystem/trouver-de-l-aide#2")!,
      byId.get("ecosystem/trouver-de-l-aide#0")!,
      byId.get("case-studies/autres-syndicats#2")!,
    ];
    const { passages: out } = await leadingSections(
      "Qui peut nous aider à migrer notre messagerie ?",
      results,
      [results[2]!],
      engine.store,
    );
    expect(out[0]!.document.id).toBe("ecosystem/trouver-de-l-aide");
    // Its section that answers (the providers able to migrate a mail service), not the one ranked first.
    expect(out[0]!.id).toBe("ecosystem/trouver-de-l-aide#1");
    expect(out.slice(1).map((r) => r.id)).toEqual(["case-studies/autres-syndicats#2"]);
    // Nothing changes when the filter kept one of its passages.
    expect((await leadingSections("Qui peut nous aider ?", results, results, engine.store)).passages).toEqual(results);
  });

  it("tells the words of a question the corpus never uses (named by an abstention)", async () => {
    const never = await wordsNeverUsed("Quelle recette de gratin pour les postes sous Linux ?", engine.store);
    expect(never).toEqual(expect.arrayContaining(["recette", "gratin"]));
    expect(never).not.toContain("postes");
    expect(never).not.toContain("poste");
    expect(never).not.toContain("linux");
  });
});
